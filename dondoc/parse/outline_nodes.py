"""The outline's nodes: a numbered item (Node), a dash bullet under one (Bullet), and the whole (Outline) (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field

from dondoc.parse.lines import Line

@dataclass
class Bullet:
    lines: list[Line]
    text: str
    index: int  # 1-based position under its parent
    group: str = ""  # an unnumbered owner heading above it ("**Sở Nội vụ:**"), whose duties it lists

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end


@dataclass
class Node:
    key: str
    style: str
    value: int
    label: str
    lines: list[Line]
    text: str  # own text, marker removed, lines joined
    bold: str  # the bold label with the marker removed
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    bullets: list[Bullet] = field(default_factory=list)
    dec: str = ""  # the decimal path ("2.1") of a numbered item, for "2.1.3" to find its parent
    group: str = ""  # an unnumbered heading paragraph above it naming whom it is for ("Đối với Sở Y tế:")
    part: str = ""  # the title of the chapter (Chương, Phần, Mục) it stands in ("NHỮNG QUY ĐỊNH CHUNG")
    cell_lead: str = ""  # a flattened task table's row: the body its column "Cơ quan chủ trì" names (flat_rows.py)

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        ends = [self.lines[-1].end] + [b.end for b in self.bullets]
        return max(ends)

    def walk(self):  # type: ignore[no-untyped-def]
        yield self
        for c in self.children:
            yield from c.walk()


@dataclass
class Outline:
    preamble: list[Line]
    items: list[Node]
    tail: list[Line]  # paragraphs after the last item (closing, reporting obligations)
    loose_bullets: list[Bullet]  # bullets before any item, after a line ending with ":"

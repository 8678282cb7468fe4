"""Headings that a site's export ran into other text, set back on lines of their own (pure).

Some collections of legal texts are stored in chunks, each chunk's first line prefixed with the
document's title ("Quyết định 12/QĐ-UBND năm 2020. Điều 1."), and the chunks' breaks fall where the
chunker cut, not where the document's lines end: a sub-label closing its parent's heading line
("2. Nâng cao năng lực quản lý 2.1.⏎Rà soát …") or following it on the same line ("3. Giải quyết tốt
tranh chấp 3.1. Rà soát …"); an attached plan's section run into its title ("CHƯƠNG TRÌNH HÀNH ĐỘNG.
II. NỘI DUNG HOẠT ĐỘNG"). A clerk reads through all of it; so does the outline, once:

- a running title (the same "<kind> <number> …." opening three lines or more) is dropped (its
  characters become spaces at the line's end);
- a first sub-label ("N.1.") inside the line that opens with label "N." starts a line of its own;
- a Roman section label after a capitalised title and its full stop starts a line of its own;
- a field line run into the task's sentence ("… phong trào. Cơ quan chủ trì: Sở X.") starts a line of its own.

Every change keeps the text's length and its line breaks' places (characters become spaces or line
breaks): the offsets of every other line hold.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

_KIND = r"(?:Quyết định|Thông tư(?: liên tịch)?|Nghị định|Nghị quyết|Chỉ thị|Công văn|Kế hoạch|Thông báo|Văn bản hợp nhất)"
# a title that names a numbered document, up to its first full stop
_TITLE: Final = re.compile(rf"{_KIND} [^\n]{{0,160}}?\d+/[^\n]{{0,160}}?\. (?=\S)")
_RUNNING = 3  # lines a title must open to be a running title, not the document's own first line
# "N. <heading> N.1." or "N. <heading> N.1. <text>": the parent's first child, run into its line
_PARENT = re.compile(r"(\d{1,2})\.\s")
# "… phong trào. Cơ quan chủ trì: Sở X. Thời gian: hằng năm.": field lines run into the task's sentence:
# the space after the stop breaks ("(?<=[.;]) (?=<field>)")
_FIELD: Final = re.compile(r"(?:Cơ quan|Đơn vị) (?:chủ trì|thực hiện|phối hợp)\s*:|Thời gian(?: thực hiện| hoàn thành)?\s*:")
_FIELD_HEADS: Final = (" Cơ quan ", " Đơn vị ", " Thời gian")  # a space and what each branch of _FIELD starts with
# "<CAPITALISED TITLE>. II. <CAPITALISED HEADING>"
_ROMAN_AFTER_TITLE = re.compile(r"\. (?=[IVX]{1,4}\. (\w))")


def _running_titles(lines: list[str]) -> set[str]:
    seen: Counter[str] = Counter()
    for ln in lines:
        m = _TITLE.match(ln)
        if m:
            seen[m.group(0)] += 1
    return {t for t, n in seen.items() if n >= _RUNNING}


def _child_break(line: str) -> int | None:
    """Where the first child label of the label this line opens with sits inside it, if it does."""
    m = _PARENT.match(line)
    if not m:
        return None
    child = re.compile(rf"\s({m.group(1)}\.1\.)(?:\s|$)")
    hit = child.search(line, m.end())
    if hit is None or not line[m.end() : hit.start()].strip():
        return None
    return hit.start()  # the space before the child label


def _upper_title_stops(line: str, stops: list[int]) -> list[int]:
    """The stops (the "." before "II. X…", in order) that end an upper-case title: the stretch of the line from its
    last break to the stop holds six letters or more, all capitals. One pass over the line, however many stops it
    holds (a stretch read again for each stop took time in the square of a long line)."""
    out: list[int] = []
    letters, lower, pos = 0, False, 0
    for stop in stops:
        for c in line[pos : stop + 1]:
            if c == "\n":
                letters, lower = 0, False
            elif c.isalpha():
                letters += 1
                lower = lower or not c.isupper()
        pos = stop + 1
        if letters >= 6 and not lower:
            out.append(stop)
    return out


def _field_breaks(text: str) -> list[int]:
    """The spaces after a stop that a field line follows (where "(?<=[.;]) (?=<_FIELD>)" matches), found
    from the places str.find finds a field's first words, not by trying the pattern after every space."""
    out: list[int] = []
    for head in _FIELD_HEADS:
        k = text.find(head, 1)
        while k >= 0:
            if text[k - 1] in ".;" and _FIELD.match(text, k + 1):
                out.append(k)
            k = text.find(head, k + 1)
    return sorted(out)


def set_apart(text: str) -> str:
    """The text with run-in headings set back on lines of their own (same length, offsets kept)."""
    if "." not in text:
        return text
    lines = text.split("\n")
    titles = _running_titles(lines)
    if not titles and ".1." not in text and _ROMAN_AFTER_TITLE.search(text) is None and not _field_breaks(text):
        return text
    out = []
    for ln in lines:
        for t in titles:
            if ln.startswith(t):
                ln = ln[len(t) :] + " " * len(t)  # at the end: a line indented so far reads as a column
                break
        stripped = ln.lstrip()
        pad = len(ln) - len(stripped)
        cut = _child_break(stripped)
        if cut is not None:
            k = pad + cut
            ln = ln[:k] + "\n" + ln[k + 1 :]
        if ": " in ln:
            for k in _field_breaks(ln):
                ln = ln[:k] + "\n" + ln[k + 1 :]
        stops = [m.start() for m in _ROMAN_AFTER_TITLE.finditer(ln) if m.group(1).isupper()]
        cuts = _upper_title_stops(ln, stops) if stops else []
        if cuts:  # the space after each such title's stop becomes a line break (same length)
            chars = list(ln)
            for k in cuts:
                chars[k + 1] = "\n"
            ln = "".join(chars)
        out.append(ln)
    return "\n".join(out)

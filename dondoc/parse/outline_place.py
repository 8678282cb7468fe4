"""Where a label goes in the outline (pure): under which open item, with which key, or nowhere (a number that
continues no list is text). A label written twice is keyed "3#2"; one the OCR misread is put back in its list."""

from __future__ import annotations

import re

from dondoc.parse.label_runs import opens_on_second, repeats, sibling_misread, titled, written_again
from dondoc.parse.lines import Line
from dondoc.parse.markers import MARKER, Marker
from dondoc.parse.outline_nodes import Bullet, Node

_ARTICLE_TITLED = re.compile(r"Điều \d{1,3}\. [A-ZĐÀ-Ỹ]")


def _first_value(style: str, value: int) -> bool:
    return value == 1


def _numbering_goes_on(mk: Marker, stack: list[Node], roots: list[Node]) -> bool:
    """Whether "7." opening the items of a group goes on from the "6." that closed the group before it: one running
    number across a table's or a plan's groups ("I. … 1. … 6.", "II. … 7. … 10.")."""
    if not stack or not mk.style.startswith("num"):
        return False
    group = stack[-1]
    siblings = group.parent.children if group.parent is not None else roots
    k = next((i for i in range(len(siblings) - 1, -1, -1) if siblings[i] is group), None)
    if not k:
        return False
    before = [c for c in siblings[k - 1].children if c.style == mk.style]
    return bool(before) and before[-1].value == mk.value - 1 and group.style == siblings[k - 1].style


def _strip_marker_from_bold(bold: str, label: str) -> str:
    m = MARKER.match(bold)
    if m and bold.startswith(label[:1]):
        return bold[m.end() :].strip()
    return bold


def _misread(mk: Marker, ln: Line, stack: list[Node], roots: list[Node], loose: list[Bullet],
             bullet: Bullet | None, added: dict[int, tuple[Node | Bullet, list[str]]]) -> Node | None:
    """A label the OCR misread (label_runs.py): "2." after a lone dash paragraph, that paragraph being the
    list's "1."; "5 -" between "4." and "6.", the list's next unit."""
    rest = ln.text[mk.end :].lstrip("*").strip()
    if opens_on_second(mk, rest, stack_empty=not stack, no_roots=not roots) and len(loose) == 1 and bullet is loose[0] \
            and bullet.text[:1].isupper():
        first = Node("1", mk.style, 1, "1", bullet.lines, bullet.text, "", None, dec="1")
        loose.pop()
        if id(bullet) in added:
            added[id(first)] = (first, added.pop(id(bullet))[1])
        roots.append(first)
        stack.append(first)
        return _place(mk, ln, stack, roots)
    k = sibling_misread(mk, rest, [(nd.style, nd.value) for nd in stack])
    if k is None:
        return None
    return _place(Marker(stack[k].style, mk.value, mk.label, mk.end), ln, stack, roots)


def _place(mk: Marker, ln: Line, stack: list[Node], roots: list[Node]) -> Node | None:
    idx = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].style == mk.style), None)
    if mk.style.startswith("dec"):
        prefix, last = mk.label.rsplit(".", 1)
        pidx = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].dec == prefix), None)
        if pidx is not None:
            del stack[pidx + 1 :]
            return _push(mk, ln, f"{stack[pidx].key}.{last}", stack[pidx], stack, roots)
        if idx is not None:
            del stack[idx:]
        parent: Node | None = stack[-1] if stack else None
        return _push(mk, ln, mk.label if parent is None else f"{parent.key}.{mk.label}", parent, stack, roots)
    if idx is not None:
        prev = stack[idx]
        # the next label, one skipped ("no III.4"), or the same label written again ("b/" twice: the
        # second is keyed "b#2" when the tasks are keyed)
        # a section title in capitals may skip more ("I." … "V. TỔ CHỨC THỰC HIỆN:" in a commune's plan)
        reach = 4 if mk.style == "roman" and titled(ln.text[mk.end :]) else 2
        if mk.value < prev.value and written_again(prev, mk, ln, roots):
            pass  # "b)" again after "c)": a label of the list written a second time, a unit of its own
        elif not (prev.value <= mk.value <= prev.value + reach) or mk.value == prev.value and not repeats(prev, mk, ln):
            return None
        del stack[idx:]
        parent = stack[-1] if stack else None
    else:
        if not _first_value(mk.style, mk.value) and not (mk.style == "dieu" and not stack and not roots
                                                         and _ARTICLE_TITLED.match(ln.text)) \
                and not _numbering_goes_on(mk, stack, roots):
            # "I." after "H." is a letter; a roman numeral that is not first may be a letter. An outline
            # may open on a titled article other than the first ("Điều 4. Tiêu chuẩn …": a regulation
            # whose first page was lost)
            return None
        if mk.style == "roman" and any(n.style == "upper" and n.label == "H" for n in stack):
            return None
        parent = stack[-1] if stack else None
    key = mk.label if parent is None else f"{parent.key}.{mk.label}"
    return _push(mk, ln, key, parent, stack, roots)


def _push(mk: Marker, ln: Line, key: str, parent: Node | None, stack: list[Node], roots: list[Node]) -> Node:
    siblings = parent.children if parent else roots
    last = siblings[-1].key if siblings else ""
    if last == key or last.startswith(key + "#"):
        # a label written twice in a row ("3." for a second topic after the first "3." and its points): the
        # second is "3#2" (gold convention 2), also when the first only heads its points and is no task itself
        # (the unit just before only: the keys of the tasks are made unique once more in dispatch.py)
        key = f"{key}#{2 if last == key else int(last.rsplit('#', 1)[1]) + 1}"
    text = ln.text[mk.end :].strip()
    bold = _strip_marker_from_bold(ln.bold, mk.label) if ln.bold else ""
    node = Node(key, mk.style, mk.value, mk.label, [ln], text, bold, parent)
    if mk.style.startswith(("dec", "num")):
        node.dec = mk.label
    (parent.children if parent else roots).append(node)
    stack.append(node)
    return node

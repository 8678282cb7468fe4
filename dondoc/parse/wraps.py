"""Line breaks a page's width or an OCR pass put inside a heading, made spaces (pure).

Text taken from a PDF, a scan or a page of fixed width breaks where the page ran out, not where the
sentence ends: a label alone on its line ("2.⏎Sở Tài chính: …"), a heading cut in its name
("1. Thường trực⏎Hội đồng nhân dân tỉnh:"), an article cut before its verb ("Điều 3. Hội đồng nhân
dân tỉnh⏎giao cho …"). A heading line cannot end there, so the line after it is read as its rest.
"""

from __future__ import annotations

from dondoc.parse.lines import Line, line_of, spaced, split_lines
from dondoc.parse.markers import read_marker

_ENDS = (".", ";", ":", "!", "?", ",", ")")  # a heading line ending so is complete
_SHORT_NAME = 3  # words a heading's name has at most before a break that cuts it
_SHORT_REST = 10  # words the rest of a cut name has at most ("Hội đồng nhân dân tỉnh:")


def _label_end(text: str) -> int | None:
    """Where the numbering label a line starts with ends, if it starts with one."""
    m = read_marker(text)
    return None if m is None else m.end


def _joins(t: str, n: str) -> bool:
    """Whether the break between line `t` and the next line `n` only wraps a heading."""
    if not t or not n or t.startswith("|") or n.startswith("|") or _label_end(n) is not None:
        return False
    end = _label_end(t)
    if end is None:
        return False
    rest = t[end:].strip()
    if not rest:  # a label alone: its text is on the next line
        return True
    if rest.endswith(_ENDS) or rest.endswith("./."):
        return False
    if n[0].islower():  # the heading's sentence goes on ("Điều 3. Hội⏎đồng nhân dân tỉnh giao:")
        return True
    # a name cut short, its rest ending the heading ("1. Thường trực⏎Hội đồng nhân dân tỉnh:")
    return len(rest.split()) <= _SHORT_NAME and n.endswith(":") and len(n.split()) <= _SHORT_REST


def joined_headings(text: str) -> str:
    """The text with the breaks inside a heading made spaces (same length, offsets kept)."""
    return headings_joined(text)[0]


def headings_joined(text: str) -> tuple[str, list[Line]]:
    """joined_headings(text), and split_lines() of it: the lines split once when no heading was broken."""
    lines = split_lines(text)
    if "\n" not in text:
        return text, lines
    cuts: list[int] = []
    head = lines[0].text
    for ln, nxt in zip(lines, lines[1:]):
        if _joins(head, nxt.text):  # the heading so far, its earlier breaks joined, goes on
            cuts.append(ln.end)
            head = f"{head} {nxt.text}"
        else:
            head = nxt.text
    if not cuts:
        return text, lines
    joined = spaced(text, cuts)
    return joined, _rejoined(joined, lines, cuts)


def _rejoined(joined: str, lines: list[Line], cuts: list[int]) -> list[Line]:
    """split_lines(joined) made from the lines split before the cuts: the lines a cut joins read again from
    `joined`, every other one kept as it was (numbered anew after a join), not cleaned a second time."""
    cut = set(cuts)
    out: list[Line] = []
    k = 0
    while k < len(lines):
        j = k
        while j + 1 < len(lines) and lines[j].end in cut:  # the line break after line j made a space
            j += 1
        no = len(out) + 1
        ln = lines[k]
        if j > k:
            out.append(line_of(no, ln.start, joined[ln.start : lines[j].end]))
        else:
            out.append(ln if ln.no == no else Line(no, ln.start, ln.end, ln.text, ln.bold))
        k = j + 1
    return out

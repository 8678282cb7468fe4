"""Markdown tables as both Prefect UIs render them (pure).

Measured in Chromium at 1366×768 against prefect 3.8.8's own UIs: the V1 UI (deep links,
/artifacts/artifact/<id>) sets table cells `white-space: nowrap` in a column about 790 px wide
and scrolls what is wider; the V2 UI (the default from /, /v2/…) wraps cells inside a
`prose` block about 670 px wide. Both render `<br>` inside a cell and keep a link's title, so
headings break over two lines and a unit's full name is the title of its short name's link
(a `<span title>` loses its text in V1). tests/integration/test_dashboards_browser.py checks
that every table of a real sweep fits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dondoc.app.board import rate_text

_ESCAPE = {c: "\\" + c for c in "\\`*_[]<>|~#"}


def text(value: object) -> str:
    """Plain text made safe inside a table cell (no markup, no column break, one line)."""
    s = " ".join(str(value).split())
    return "".join(_ESCAPE.get(ch, ch) for ch in s)


def _title(value: str) -> str:
    # GFM splits a table row at every unescaped pipe before it reads links, titles included
    return " ".join(value.split()).replace("\\", "\\\\").replace('"', "\\\"").replace("|", "\\|")


def link(label: str, href: str, title: str | None = None) -> str:
    """`[label](href "title")`: the title is what a pointer over the label shows."""
    t = f' "{_title(title)}"' if title else ""
    return f"[{text(label)}]({href}{t})"


def num(n: int) -> str:
    """A count the Vietnamese way: 1.234.567."""
    return f"{n:,}".replace(",", ".")


def rate(value: float | None) -> str:
    """The on-time rate as the board writes it ("67%", "—" when nothing is due)."""
    return rate_text(value)


def bold(cell: str) -> str:
    return f"**{cell}**" if cell else cell


@dataclass(frozen=True)
class Column:
    heading: str  # "<br>" breaks it over two lines
    right: bool = False  # numbers are right-aligned


def table(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> str:
    """A GFM table; cells are already escaped or built with text()/link()."""
    head = "| " + " | ".join(c.heading for c in columns) + " |"
    rule = "|" + "|".join("---:" if c.right else "---" for c in columns) + "|"
    body = ["| " + " | ".join(cells) + " |" for cells in rows]
    for cells in rows:
        if len(cells) != len(columns):
            raise ValueError(f"a row of {len(cells)} cells under {len(columns)} columns")
    return "\n".join([head, rule, *body])


def two_lines(first: str, second: str) -> str:
    """Two lines in one cell."""
    return f"{first}<br>{second}" if second else first

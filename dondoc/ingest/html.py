"""HTML and text pasted from web portals: tags stripped, entities decoded, blocks as lines."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_BLOCK = frozenset(
    "p div br li tr h1 h2 h3 h4 h5 h6 table ul ol section article header footer blockquote pre hr title dd dt".split()
)
_SKIP = frozenset({"script", "style", "head", "noscript", "template"})
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
# the tags that tell markup from text: those of HTML's elements ("<jsontable …>", a placeholder an
# export leaves where a table was, is none, and a page of text with a few of them is still text)
_HTML_TAG = re.compile(
    r"</?(?:a|abbr|article|b|big|blockquote|body|br|caption|center|col|colgroup|dd|div|dl|dt|em|font|footer|form|"
    r"h[1-6]|head|header|hr|html|i|iframe|img|input|label|li|link|main|meta|nav|ol|p|pre|s|script|section|small|"
    r"span|strike|strong|style|sub|sup|table|tbody|td|tfoot|th|thead|title|tr|tt|u|ul)(\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._bold = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n")
        elif tag == "td" or tag == "th":
            self.parts.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(markup: str) -> str:
    """The visible text of an HTML page, one block per line."""
    parser = _TextExtractor()
    try:
        parser.feed(markup)
        parser.close()
    except (AssertionError, ValueError):  # pragma: no cover - html.parser is lenient
        return html.unescape(_TAG.sub(" ", markup))
    text = "".join(parser.parts)
    lines = [ln.strip() for ln in text.split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip()


_TABLE_BLOCK = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)


def tables_in_text(text: str) -> str | None:
    """Plain text or Markdown with HTML tables in it (what OCR tools such as MinerU write): each table
    as rows of "| … |" cells, the text around it kept line by line. None when the text is no such thing
    (a page of HTML, or no table in it)."""
    head = text[:2000].lstrip().lower()
    if "<table" not in text.lower() or head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head:
        return None
    outside = _TABLE_BLOCK.sub("", text)
    if len(_HTML_TAG.findall(outside[:50000])) * 40 > len(outside[:50000]) / 10:
        return None  # markup outside the tables too: a page, read as HTML

    def rows(m: re.Match[str]) -> str:
        lines = [ln.strip() for ln in html_to_text(m.group(0)).split("\n") if ln.strip()]
        return "\n" + "\n".join(f"{ln} |" if ln.startswith("|") else f"| {ln} |" for ln in lines) + "\n"

    return _TABLE_BLOCK.sub(rows, text)


def looks_like_html(text: str) -> bool:
    """Text that is markup, or pasted from a portal with tags and entities in it."""
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head:
        return True
    tags = len(_HTML_TAG.findall(text[:50000]))
    return tags >= 3 and tags * 40 > len(text[:50000]) / 10


def clean_pasted(text: str) -> str:
    """Decode stray entities (&nbsp; &#7889;) left in text pasted from a portal."""
    if _ENTITY.search(text):
        return html.unescape(text)
    return text

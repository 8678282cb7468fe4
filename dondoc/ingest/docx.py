"""Word .docx: paragraphs and tables in body order, with Word's automatic list numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from dondoc.ingest.decode import legacy_warning
from dondoc.ingest.legacy import from_tcvn3
from dondoc.ingest.limits import TextBudget
from dondoc.ingest.package import WordPackage
from dondoc.parse.normalize import fold

_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
_VI_LETTERS = "abcdđeghiklmnopqrstuvxy"


def _roman(n: int) -> str:
    out = ""
    for value, sym in _ROMAN:
        while n >= value:
            out += sym
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    """Render a list counter in Word's number format."""
    if fmt in ("lowerLetter", "upperLetter"):
        s = _VI_LETTERS[(n - 1) % len(_VI_LETTERS)] if n > 0 else "a"
        return s.upper() if fmt == "upperLetter" else s
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "bullet":
        return "-"
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class _Numbering:
    levels: dict[tuple[str, int], _Level] = field(default_factory=dict)  # (numId, ilvl)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str | None:
        lvl = self.levels.get((num_id, ilvl))
        if lvl is None:
            return None
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, lvl.start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        if lvl.fmt == "bullet":
            return "-"

        def repl(m: re.Match[str]) -> str:
            i = int(m.group(1)) - 1
            sub = self.levels.get((num_id, i), _Level())
            n = counts.get(i, sub.start)
            return format_number(n, sub.fmt)

        return re.sub(r"%(\d)", repl, lvl.text).strip()


def _read_numbering(root: Any | None) -> _Numbering:
    numbering = _Numbering()
    if root is None:
        return numbering
    abstract: dict[str, dict[int, _Level]] = {}
    for an in root.findall(qn("w:abstractNum")):
        levels: dict[int, _Level] = {}
        for lvl in an.findall(qn("w:lvl")):
            ilvl = int(lvl.get(qn("w:ilvl"), "0"))
            start = lvl.find(qn("w:start"))
            fmt = lvl.find(qn("w:numFmt"))
            text = lvl.find(qn("w:lvlText"))
            levels[ilvl] = _Level(
                start=int(start.get(qn("w:val"), "1")) if start is not None else 1,
                fmt=fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
                text=text.get(qn("w:val"), "") if text is not None else "",
            )
        abstract[an.get(qn("w:abstractNumId"), "")] = levels
    for num in root.findall(qn("w:num")):
        num_id = num.get(qn("w:numId"), "")
        ref = num.find(qn("w:abstractNumId"))
        levels = abstract.get(ref.get(qn("w:val"), "") if ref is not None else "", {})
        for ilvl, lvl in levels.items():
            numbering.levels[(num_id, ilvl)] = _Level(lvl.start, lvl.fmt, lvl.text)
        for override in num.findall(qn("w:lvlOverride")):
            ilvl = int(override.get(qn("w:ilvl"), "0"))
            start = override.find(qn("w:startOverride"))
            if start is not None and (num_id, ilvl) in numbering.levels:
                numbering.levels[(num_id, ilvl)].start = int(start.get(qn("w:val"), "1"))
    return numbering


def _num_of(ppr: object) -> tuple[str, int] | None:
    """The (numId, level) a paragraph's or style's properties give, if they number it."""
    num_pr = ppr.find(qn("w:numPr"))  # type: ignore[attr-defined]
    if num_pr is None:
        return None
    nid = num_pr.find(qn("w:numId"))
    ilvl = num_pr.find(qn("w:ilvl"))
    if nid is None:
        return None
    return nid.get(qn("w:val"), ""), int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0


def _num_pr(p: object, styles: dict[str, object]) -> tuple[str, int] | None:
    ppr = p.find(qn("w:pPr"))  # type: ignore[attr-defined]
    style_id = None
    if ppr is not None:
        found = _num_of(ppr)
        if found is not None:
            return found
        ps = ppr.find(qn("w:pStyle"))
        style_id = ps.get(qn("w:val")) if ps is not None else None
    seen = 0
    while style_id and seen < 10:
        seen += 1
        style = styles.get(style_id)
        if style is None:
            return None
        sppr = style.find(qn("w:pPr"))  # type: ignore[attr-defined]
        found = _num_of(sppr) if sppr is not None else None
        if found is not None:
            return found
        based = style.find(qn("w:basedOn"))  # type: ignore[attr-defined]
        style_id = based.get(qn("w:val")) if based is not None else None
    return None


def _font_of(rpr: object | None) -> str | None:
    """The font a run's (or style's) properties name, lower case, if they name one."""
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None  # type: ignore[attr-defined]
    if fonts is None:
        return None
    name = fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi"))
    return name.lower() if name else None


class _Fonts:
    """The font of each run (its own, else its paragraph style's, else the document's default), and
    the runs typed in a TCVN3 font (.VnTime, .VnArial …; the capitals' .VnTimeH, .VnArialH …)
    converted to Unicode as they are read: a capitals font stores its letters at TCVN3's lower case."""

    def __init__(self, styles: dict[str, object], default: str | None) -> None:
        self.styles, self.default = styles, default
        self.converted: set[str] = set()  # the families met: "TCVN3 (ABC)", "TCVN3 (ABC) capitals"

    def paragraph_font(self, p: object) -> str | None:
        ppr = p.find(qn("w:pPr"))  # type: ignore[attr-defined]
        ps = ppr.find(qn("w:pStyle")) if ppr is not None else None
        style_id, seen = (ps.get(qn("w:val")) if ps is not None else None), 0
        while style_id and seen < 10:
            seen += 1
            style = self.styles.get(style_id)
            if style is None:
                break
            font = _font_of(style.find(qn("w:rPr")))  # type: ignore[attr-defined]
            if font:
                return font
            based = style.find(qn("w:basedOn"))  # type: ignore[attr-defined]
            style_id = based.get(qn("w:val")) if based is not None else None
        return self.default

    def text(self, text: str, font: str | None) -> str:
        if not font or not font.startswith(".vn") or max(text) > "\xff":
            return text  # a Unicode letter past Latin-1 in it: typed in Unicode whatever the font says
        if font.endswith("h"):
            self.converted.add("TCVN3 (ABC) capitals")
            return from_tcvn3(text).upper()
        self.converted.add("TCVN3 (ABC)")
        return from_tcvn3(text)


def _paragraph_text(p: object, fonts: _Fonts | None = None) -> str:
    """Text of a paragraph; a leading bold run is kept as **bold** (a heading naming an owner)."""
    parts: list[tuple[str, bool]] = []
    para_font = fonts.paragraph_font(p) if fonts is not None else None
    for r in p.iter(qn("w:r")):  # type: ignore[attr-defined]
        rpr = r.find(qn("w:rPr"))
        bold = False
        if rpr is not None:
            b = rpr.find(qn("w:b"))
            bold = b is not None and b.get(qn("w:val"), "true") not in ("0", "false")
        text = ""
        for child in r:
            if child.tag == qn("w:t"):
                text += child.text or ""
            elif child.tag == qn("w:tab"):
                text += "\t"
            elif child.tag in (qn("w:br"), qn("w:cr")):
                text += "\n"
        if text and fonts is not None:
            text = fonts.text(text, _font_of(rpr) or para_font)
        if text:
            parts.append((text, bold))
    if not parts:
        return ""
    lead = ""
    i = 0
    while i < len(parts) and parts[i][1]:
        lead += parts[i][0]
        i += 1
    rest = "".join(t for t, _ in parts[i:])
    if lead.strip() and rest.strip():
        return f"**{lead.strip()}** {rest.lstrip()}"
    return lead + rest


def docx_text(data: bytes, budget: TextBudget | None = None, warnings: list[str] | None = None) -> str:
    """The text of a .docx, paragraph per line, list numbers written out, table cells split by ' | '.

    The main part is read as a stream, one paragraph or table of the body at a time (each dropped
    once read), and the text counted as it comes: a part that unpacks to more than its bound, or
    text past the budget, stops the reading at once (`TooLarge`).
    """
    budget = budget or TextBudget()
    with WordPackage(data) as package:
        numbering = _read_numbering(package.part("numbering"))
        styles_root = package.part("styles")
        styles = {s.get(qn("w:styleId")): s for s in styles_root.findall(qn("w:style"))} if styles_root is not None else {}
        default = styles_root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}") if styles_root is not None else None
        fonts = _Fonts(styles, _font_of(default))
        lines: list[str] = []

        def paragraph(p: object) -> str:
            text = _paragraph_text(p, fonts)
            num = _num_pr(p, styles)
            if num is not None and text.strip():
                label = numbering.label(*num)
                if label:
                    text = f"{label} {text.lstrip()}"
            return text

        for child in package.body():
            if child.tag == qn("w:p"):
                lines.append(budget.take(paragraph(child)))
            elif child.tag == qn("w:tbl"):
                rows = []
                for row in child.iter(qn("w:tr")):
                    cells = []
                    for tc in row.iter(qn("w:tc")):
                        cells.append(budget.take(" ".join(paragraph(p) for p in tc.iter(qn("w:p"))).strip()))
                    rows.append(cells)
                if is_data_table(rows):
                    # A table of tasks (STT | nội dung | chủ trì | thời hạn): one "| a | b |" line per row.
                    lines.extend("| " + " | ".join(c.replace("|", "/").replace("\n", " ") for c in cells) + " |" for cells in rows)
                else:
                    # A layout table (header block) keeps its cells as separate lines.
                    lines.extend(c for cells in rows for c in cells if c)
    if warnings is not None:
        for family in sorted(fonts.converted):
            warnings.extend(legacy_warning(family))
    return "\n".join(lines)


_HEADER_WORDS = re.compile(r"noi dung|nhiem vu|cong viec|chu tri|don vi|co quan|thoi gian|thoi han|tien do|phoi hop|stt")


def is_data_table(rows: list[list[str]]) -> bool:
    """A table with a header row naming its columns (nội dung, chủ trì, thời hạn …) and rows under it,
    not the two-column block that sets the issuer beside the national motto."""
    if len(rows) < 2 or max(len(r) for r in rows) < 3:
        return False
    header = fold(" ".join(rows[0]))
    return len(set(_HEADER_WORDS.findall(header))) >= 2

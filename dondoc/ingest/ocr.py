"""Inline math markup that OCR tools (MinerU and the like) leave in Vietnamese text, back to letters.

An OCR model that reads a toned letter as a formula writes "$\\mathrm { k } \\mathring { \\mathrm { e } }$"
for "kể" and "$\\mathrm { H } \\hat { \\mathrm { e } }$" for "Hệ": words the reader then cannot find
("kể từ ngày ký", "Hệ thống"). Each such formula made only of letters, font commands and accents
becomes the letters with the accents as combining marks (the hook a ring stands for, a circumflex for a
hat); a formula with anything else ("$( \\mathsf { b } / \\mathsf { c } )$" stays as the characters it
shows: "(b/c)"). The tone a model dropped cannot be known: the letters fold alike either way.
"""

from __future__ import annotations

import re
import unicodedata

_FORMULA = re.compile(r"\$([^$\n]{1,200})\$")
_ACCENTS = {"hat": "\u0302", "widehat": "\u0302", "tilde": "\u0303", "widetilde": "\u0303", "acute": "\u0301",
            "grave": "\u0300", "dot": "\u0323", "breve": "\u0306", "mathring": "\u0309", "check": "\u030c",
            "bar": "", "vec": ""}
_FONTS = ("mathrm", "mathsf", "mathbf", "mathit", "text", "textrm", "operatorname", "mathtt", "boldsymbol")
_TOKEN = re.compile(r"\\([a-zA-Z]+)|([{}])|(\s+)|([^\\{}\s])")


def _letters(body: str) -> str | None:
    """The text a formula shows, accents as combining marks; None when it holds a command of real math."""
    out: list[str] = []
    pending: list[str] = []  # accents waiting for the letter their group closes on
    stack: list[str | None] = []
    for m in _TOKEN.finditer(body):
        cmd, brace, space, ch = m.groups()
        if cmd is not None:
            if cmd in _ACCENTS:
                stack.append(_ACCENTS[cmd])
                pending.append("")
                continue
            if cmd in _FONTS:
                stack.append(None)
                continue
            return None
        if brace == "{":
            if not stack:
                stack.append(None)
            continue
        if brace == "}":
            if stack:
                mark = stack.pop()
                if mark is not None and out:
                    out[-1] += mark
            continue
        if space is not None:
            continue
        out.append(ch)
    return "".join(out)


def unlatex(text: str) -> tuple[str, int]:
    """The text with its OCR formulas of letters written as letters, and how many were."""
    if "$" not in text:
        return text, 0
    count = 0

    def sub(m: re.Match[str]) -> str:
        nonlocal count
        shown = _letters(m.group(1))
        if shown is None:
            return m.group(0)
        count += 1
        return unicodedata.normalize("NFC", shown)

    return _FORMULA.sub(sub, text), count

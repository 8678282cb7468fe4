"""What a dispatch's preamble says before its items: the owners it gives them ("đề nghị X thực hiện một
số nội dung sau:", the parties of a joint programme), its issuer, and its paragraphs (pure)."""

from __future__ import annotations

import re

from dondoc.parse.lines import Line
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.owners import find_owners, subject_before
from dondoc.parse.scan import word_search
from dondoc.parse.report_chains import split_after_punct

_PREAMBLE_BREAK = re.compile(r"[.!?]\s+(?=[A-ZĐ(])")  # split after the punctuation: re.split(r"(?<=[.!?])\s+(?=[A-ZĐ(])")
# after a \b, which word_search checks
_JOINT = re.compile(r"(?:chuong trinh phoi hop|ke hoach phoi hop|quy che phoi hop|ky ket|thong nhat ban hanh)\b")
# "đề nghị", "yêu cầu", "giao" as a request, not "giao" in "giao thông", "Giáo dục", "giao dịch"
_REQUEST = re.compile(r"\b(?:de nghi|yeu cau|giao(?! (?:thong|duc|dich|luu|nhan|lien|tiep|ket|thua|ban|hang|nop|thoa|thuong|quyen|dat|khoan)\b))\b")
_NAMED_ABOVE = re.compile(r"\b(?:don vi|co quan|dia phuong|nganh|xa|phuong|huyen) (?:co ten )?(?:neu tren|tren)\b")


def _paragraph_lines(lines: list[Line]) -> list[list[Line]]:
    """The lines in paragraphs: a line that starts in lower case or with a digit goes with the one
    before it when that one ends no sentence (a paragraph broken at the page's width, as in a PDF)."""
    out: list[list[Line]] = []
    for ln in lines:
        t = ln.text
        if out and (t[:1].islower() or t[:1].isdigit()) and not out[-1][-1].text.endswith((".", ":", ";", "!", "?")):
            out[-1].append(ln)
        else:
            out.append([ln])
    return out


def _paragraphs(lines: list[Line]) -> list[str]:
    """The texts of the lines' paragraphs (_paragraph_lines), each on one line."""
    return [" ".join(ln.text for ln in para) for para in _paragraph_lines(lines)]


def _preamble_owners(preamble: list[Line]) -> tuple[list[str], str]:
    """Owners the preamble gives the items that follow ("đề nghị X thực hiện một số nội dung sau:")."""
    sentences = [s for text in reversed(_paragraphs(preamble)) for s in split_after_punct(_PREAMBLE_BREAK, text)]
    folded: dict[int, str] = {}  # each sentence folded when first asked about

    def fold_of(k: int) -> str:
        f = folded.get(k)
        if f is None:
            f = folded[k] = fold_keep_length(sentences[k])
        return f

    # a request that introduces the items wins, the last one before them
    for k, sentence in enumerate(sentences):
        asked = sentence.rstrip().endswith(":") and (
            "de nghi" in fold_of(k) or "yeu cau" in fold_of(k) or "giao " in fold_of(k)) and _REQUEST.search(fold_of(k))
        if asked:
            # the owners asked stand after the first request: read from two words before it (what
            # "giao" looks back at), not from the opening before it, which can be long
            cut = asked.start()
            for _ in range(3):  # the space before the request, then before each of the two words before it
                cut = max(0, sentence.rfind(" ", 0, cut))
            o = find_owners(sentence[cut:].lstrip())
            if o.lead:
                return o.lead, f'"{sentence[:120]}…"'
    # else the parties of a joint programme ("Chương trình phối hợp giữa A và B")
    for k, sentence in enumerate(sentences):
        m = word_search(_JOINT, fold_of(k))
        if m:
            o = find_owners(sentence)
            if o.lead:
                return o.lead + [s for s in o.support if s not in o.lead], f'joint parties of "{sentence[:90]}…"'
            # "Căn cứ …; để …, A và B thống nhất ban hành …": the subject after a long opening
            parties = subject_before(sentence, m.start())
            if len(parties) > 1:
                return parties, f'joint parties of "{sentence[:90]}…"'
    return [], ""


def _issuer_from_preamble(preamble: list[Line]) -> str | None:
    for ln in preamble:
        f = fold_keep_length(ln.text)
        m = re.search(r"\b(?:de nghi|yeu cau)\b", f)
        if m:
            names = subject_before(ln.text, m.start())
            if names:
                return names[0]
    return None

"""To whom a report goes: the recipient named after "báo cáo", "gửi", "về", "lên", "cho", "với" (with
the office it goes through, "(qua Sở …)"), where that name ends, and who gathers the reports (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dondoc.parse.lines import tokenize
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.owners import head_at, owner_list

# what is reported, written right after the recipient: the recipient's name ends before it
# ("báo cáo UBND tỉnh các vụ việc phát sinh": the matters reported, not a second recipient)
_WHAT_REPORTED = re.compile(r"\s(?:tinh hinh|ket qua|nhung (?:van de|kho khan|noi dung)|viec|so lieu|danh sach|ve viec|"
                            r"cac (?:vu|truong hop|van de|noi dung|thong tin|kho khan|vuong mac|hoat dong|ket qua|so lieu)\b)\b")
# how it is sent, written right after the recipient: "báo cáo kết quả về Chủ tịch UBND tỉnh bằng văn bản", "… báo
# cáo Bộ Tư pháp đúng quy định"
_MEANS = re.compile(r"\s(?:bang (?:van ban|hinh thuc|duong|thu|email)|qua (?:he thong|thu dien tu|email|mang|phan mem|cong thong tin|"
                    r"dia chi)|theo (?:mau|bieu mau|de cuong|quy dinh)|dung (?:quy dinh|thoi han|thoi gian))\b")
_TO_AGENCY = re.compile(r"\b(?:ve|den|cho|len)\s+")
# what the recipient is asked to do with a report, right after its name: no part of the name
_DECIDES = re.compile(r"\s(?:xem xet|quyet dinh|chi dao|phe duyet|cho y kien|giai quyet)\b")
# "báo cáo kết quả với Thường trực HĐND tỉnh": "với" after a report names whom it goes to too, but not "phối hợp
# với", "kết hợp với", "cùng với", "đối với", "gắn với" (cooperating, or what it is about)
_WITH = r"|(?<!phoi hop )(?<!ket hop )(?<!cung )(?<!doi )(?<!gan )\bvoi"
_TO = re.compile(r"\b(?:ve|gui|len|cho)\s+" + _WITH + r"\s+")


def _is_to(text: str, at: int) -> bool:
    """Whether the word at `at` is a preposition of sending as written: "về" (to) or "với", not "vệ" (of
    "bảo vệ") or "vê", which fold the same."""
    return not text.startswith(("v", "V"), at) or text[at + 1 : at + 2] in ("ề", "Ề", "ớ", "Ớ")


def _to_agency(text: str, f: str, at: int) -> bool:
    """Whether "về/gửi/lên" follows within 160 characters, before an agency (a name in capitals, or
    "các …"): "báo cáo kết quả về UBND tỉnh", not "báo cáo về tổng số đối tượng" (a report on a topic)."""
    for m in _TO.finditer(f, at, at + 160):
        if not _is_to(text, m.start()):
            continue
        nxt = text[m.end() : m.end() + 1]
        if f.startswith(_DOCUMENT_NOUNS, m.end()):
            continue  # "(Sao gửi Báo cáo kèm theo)", "gửi Kế hoạch này": what is sent, not to whom
        if nxt.isupper() or f.startswith(("cac ", "so ", "bo ", "co quan", "don vi", "giam doc ", "chu tich ", "thu truong "),
                                         m.end()):
            return True
    return False


_DOCUMENT_NOUNS = ("bao cao", "ke hoach", "cong van", "van ban", "quyet dinh", "to trinh", "danh sach", "du thao")


@dataclass(frozen=True)
class Recipient:
    name: str  # as written, with its parenthesis: "UBND tỉnh (qua Công an tỉnh)"
    via: str | None  # "Công an tỉnh" of "(qua Công an tỉnh)"
    end: int  # offset in the text after the name and its parenthesis


_VIA = re.compile(r"(?i)^qua\s+")
# "… về Sở Nội vụ để tổng hợp", "… (qua Công an tỉnh) trước ngày 05/7 để tổng hợp, báo cáo …"
_CONSOLIDATES = re.compile(r"\bde\s+(?:tong hop|tap hop)\b|^\s*,?\s*(?:tong hop|tap hop)\b")
_PERIOD_WORDS = ("ca nam", "nam ", "quy ", "thang ", "tuan ", "dinh ky", "dot xuat", "6 thang", "06 thang", "sau thang")
# "… về Bộ X (trước ngày 15/6 và 15/12)": a bracket that says when, not a part of the recipient's name
_WHEN_SAID = re.compile(r"(?:truoc|cham nhat|muon nhat|han|trong|vao|dinh ky|hang|doi voi bao cao|ngay)\b")


def _recipient(text: str, from_: int) -> Recipient | None:
    f = fold_keep_length(text)
    # "báo cáo UBND tỉnh …" (the agency right after the verb), else "… về/gửi/lên/đến/cho X"
    for m in re.finditer(r"^(?:bao cao|gui)\s+(?=[^\s])|\b(?:ve|gui(?: ve)?|len|den|cho)\s+" + _WITH + r"\s+", f[from_:]):
        s = from_ + m.end()
        if not _is_to(text, from_ + m.start()):
            continue  # "bảo vệ BMNN": "vệ" folds like "về" but sends nothing
        if m.group().startswith("den") and re.search(r"\btu\s+\S+\s+$", f[max(0, from_ + m.start() - 24) : from_ + m.start()]):
            continue  # "các chỉ tiêu từ A1 đến B4": the end of a range, no recipient
        if f.startswith(_PERIOD_WORDS, s):
            continue  # "Báo cáo cả năm gửi trước …", "báo cáo quý …": the report's period, no recipient
        if not head_at(text, f, s, min(len(text), s + 220)):
            continue  # no owner's head right after the word: nothing tokenized
        seg = text[s : s + 220]
        toks = tokenize(seg)
        ol = owner_list(toks, 0)
        end = toks[ol.end - 1].end if ol.end else toks[0].end
        name = seg[:end]
        if "(" in name:
            name = name[: name.index("(")]
        decides = _DECIDES.search(f, s, s + len(name))  # "báo cáo Bộ trưởng Bộ Quốc phòng xem xét, quyết định"
        if decides is not None and decides.start() > s:
            name = name[: decides.start() - s]
        means = _MEANS.search(f, s, s + len(name))
        if means is not None and means.start() > s:
            name = name[: means.start() - s]  # "… về Chủ tịch UBND tỉnh bằng văn bản": how, not who
        cut = _WHAT_REPORTED.search(f, s, s + len(name))  # f keeps the text's length: same offsets
        if cut is not None and cut.start() > s:
            name = name[: cut.start() - s]  # "báo cáo UBND tỉnh tình hình …", "… Chủ tịch UBND tỉnh kết quả …"
        after = len(name)
        via = None
        pm = re.match(r"\s*\(([^()]*?)(?:\)|(?=\s+trước|\s+chậm|[.;]|$))", seg[len(name):])
        if pm and pm.group(1).strip(" *") and not _WHEN_SAID.match(fold_keep_length(pm.group(1).strip(" *")).lower()):
            inner = pm.group(1).strip(" *")
            name = name.rstrip() + " (" + inner + ")"
            after += pm.end()
            if _VIA.match(inner):
                via = _VIA.sub("", inner).strip(" ,") or None
        return Recipient(name.replace("*", "").strip(" ,"), via, s + after)
    return None


def consolidator_named(text: str, to: Recipient | None) -> str | None:
    """Who gathers the reports, when the sentence says so: "gửi về Sở Nội vụ để tổng hợp" → Sở Nội vụ,
    "về UBND tỉnh (qua Công an tỉnh) để tổng hợp" → Công an tỉnh; None when nobody is said to."""
    if to is None:
        return None
    f = fold_keep_length(text)
    stop = _SENTENCE_END.search(f, to.end)
    window = f[to.end : stop.start() if stop else len(f)]
    if not _CONSOLIDATES.search(window):
        return None
    return to.via or re.sub(r"\s*\([^)]*\)\s*$", "", to.name)


_SENTENCE_END = re.compile(r"[.;](?:\s|$)")

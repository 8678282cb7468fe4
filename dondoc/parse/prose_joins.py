"""Which prose paragraphs belong to the request before them (pure): the paragraph that says where and by when the
thing asked for goes, the one that details the report asked just before, and the one that only sets the time for
carrying out what was just asked ("Các đơn vị thực hiện trước ngày 24/3/2026.")."""

from __future__ import annotations

import re

from dondoc.parse.dates import DateContext
from dondoc.parse.lines import Line
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.prose import _ASK, _dated

# a paragraph that only says where and by when the thing asked for goes: "Báo cáo sơ kết … gửi về Ủy ban
# Dân tộc trước ngày 15/5/2021", "Kết quả rà soát gửi về Sở Nội vụ trước ngày …"
_SENT_THING = re.compile(r"(?:bao cao|ket qua|van ban|ho so|danh sach|y kien|so lieu|du toan|de xuat|tai lieu)\b")
_SENDS = re.compile(r"\b(?:gui|nop)\b")
# a paragraph that only details the report asked just before: its figures, or its time
_DETAIL = re.compile(r"(?:cac |ve )?so lieu\b|thoi (?:gian|han|diem) (?:gui |nop )?bao cao\b|thoi han (?:gui|nop)\b")


# a paragraph that only sets the time for doing what was just asked: "Các đơn vị thực hiện trước ngày 24/3/2026.",
# "Thời gian hoàn thành: chậm nhất ngày …", "Hoàn thành trước ngày …" (the doers, if named, said in a few words)
_TIME_ONLY = re.compile(r"(?:(?:cac|nhung) [a-z ,]{2,40}? )?(?:thuc hien|hoan thanh|hoan tat)(?: xong)?(?: viec nay)? "
                        r"(?:truoc|cham nhat|muon nhat|trong)\b|thoi (?:gian|han) (?:thuc hien|hoan thanh)\b")
_SHORT = 160


def _time_only(f: str) -> bool:
    """Whether a folded paragraph does nothing but set the time for the work asked before it."""
    return len(f) <= _SHORT and _TIME_ONLY.match(f) is not None and ";" not in f and not _ASK.search(f)


def with_its_submission(paragraphs: list[list[Line]], dates: DateContext) -> list[list[Line]]:
    """The prose requests, each with the paragraph that gives what it asks for its recipient and
    deadline: "… đề nghị các bộ, ngành xây dựng báo cáo sơ kết …" then "Báo cáo sơ kết … gửi về Ủy ban
    Dân tộc trước ngày 15/5/2021" is one request due that day (gold conventions 11, 14), not two; so is a request
    followed by the paragraph that only gives its time."""
    out: list[list[Line]] = []
    for p in paragraphs:
        text = " ".join(ln.text for ln in p)
        f = fold_keep_length(text)
        thing = _SENT_THING.match(f)
        if out and _DETAIL.match(f) and not _ASK.search(f):
            before = " ".join(ln.text for ln in out[-1])
            fb = fold_keep_length(before)
            if _ASK.search(fb) and ("bao cao" in fb or "so lieu" in fb) and not _dated(before, dates):
                # "Yêu cầu các tổ chức thành viên tổng hợp báo cáo số liệu …" then "Các số liệu năm 2020 ước tính
                # đến hết tháng 12/2020 …" then "Thời gian báo cáo chậm nhất là ngày 20/11/2020": the figures
                # asked for and the report's time, one request (gold convention 14)
                out[-1] = [*out[-1], *p]
                continue
        if out and thing is not None and _SENDS.search(f) and not _ASK.search(f) and _dated(text, dates):
            before = " ".join(ln.text for ln in out[-1])
            fb = fold_keep_length(before)
            # the request before asks (đề nghị, yêu cầu, giao) to prepare it, and neither sends nor dates it
            if thing.group() in fb and _ASK.search(fb) and not _SENDS.search(fb) and not _dated(before, dates):
                out[-1] = [*out[-1], *p]
                continue
        if out and _time_only(f) and _dated(text, dates):
            before = " ".join(ln.text for ln in out[-1])
            if _ASK.search(fold_keep_length(before)) and not _dated(before, dates):
                # "Đề nghị các trường rà soát …" then "Các đơn vị thực hiện trước ngày 24/3/2026.": one request, due then
                out[-1] = [*out[-1], *p]
                continue
        out.append(p)
    return out

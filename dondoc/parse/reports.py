"""Reporting obligations: who reports to whom, how often and by when (pure).

"Định kỳ 06 tháng (trước 15/6), 01 năm (trước 15/11) hoặc đột xuất theo yêu cầu" is three
obligations: semiannual due --06-15, annual due --11-15 and ad hoc.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from dondoc.parse.cadence import WEEKLY, weekly_matches
from dondoc.parse.dates import DateContext, Deadline, cites_a_request, find_deadlines, replaces_deadline
from dondoc.parse.lines import tokenize
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.owners import find_owners, head_at, owner_list, subject_before
from dondoc.parse.spans import Spans
from dondoc.parse.sections import stock_clause_at
from dondoc.taskset import Relative

_REPORT = re.compile(r"\bbao cao\b|\bgui (?:ve|den|cho|ket qua|bao cao|van ban)\b|\bgui(?= )")
# "(Công văn|Tờ trình) số 1752/CT-THNVDT ngày … về việc …" right before a "gửi", no request between: the
# description of a document sent, not a request to send
_DOCUMENT_NUMBER = re.compile(r"\b(?:cong van|van ban|to trinh|bao cao|ke hoach|thong bao)\s+so\s+\S+")
_ASKED_OR_ENDED = re.compile(r"[.;]|\bde nghi\b|\byeu cau\b|\bgiao\b")


def _document_sent(f: str, at: int) -> bool:
    """Whether the "gửi" at `at` ends the description of a document that was sent ("Công văn số
    1752/CT-THNVDT … về việc … gửi UBND tỉnh"): a document's number within 160 characters before it,
    and neither a sentence's end nor a request between."""
    window = f[max(0, at - 160) : at]
    if " so " not in window:
        return False
    last = None
    for m in _DOCUMENT_NUMBER.finditer(window):
        last = m
    return last is not None and _ASKED_OR_ENDED.search(window, last.end()) is None
# "các báo cáo", "chế độ báo cáo", "tại thời điểm báo cáo", "kỳ báo cáo", "mẫu báo cáo": the noun, no obligation
_NOT_OBLIGATION_BEFORE = re.compile(r"(?:cac|che do|giao ban,?|tong hop|nghe|theo|sau khi nghe|he thong(?: thong tin)?|thong tin|"
                                    r"thoi diem|ky|mau|bieu mau|so lieu|noi dung|"
                                    # what was done or not yet: "đã báo cáo", "vẫn chưa gửi báo cáo" (background)
                                    r"(?<!khan truong )(?<!nhung )(?:da|chua|da khong|chua kip thoi))\s*$")
_PERIODS: list[tuple[str, re.Pattern[str]]] = [
    # not "báo cáo kết quả 6 tháng đầu năm 2026": the half-year a one-off report covers
    ("semiannual", re.compile(r"\b(?:0?6|sau) thang(?! (?:nam|/|dau|cuoi|qua|toi|tiep)\b)|\bnua nam\b")),
    # "6 tháng (trước ngày 10/6) và cả năm (trước ngày 10/12)", "6 tháng, năm": the year named in a list of periods
    ("annual", re.compile(r"\b(?:0?1|mot) nam\b|\bhang nam\b|\bmoi nam\b|\bbao cao nam\b|\btong ket nam\b|"
                          r"(?:,|\bva)\s+(?:ca\s+)?nam\b(?=\s*[(,;.]|\s+(?:truoc|gui|ve)\b)")),
    ("quarterly", re.compile(r"\b(?:hang|moi|dinh ky) quy\b|\bbao cao quy\b|(?:,|\bva)\s+quy\b(?=\s*[(,;.]|\s+(?:va|truoc|gui|ve)\b)")),
    ("monthly", re.compile(r"\b(?:hang|moi|dinh ky) thang\b|(?:,|\bva)\s+thang\b(?=\s*[(,;.]|\s+(?:va|truoc|gui|ve)\b)")),
    # "hằng tuần", "báo cáo tuần"; not "Tuần lễ", "tuần tra": found by cadence.weekly_matches
    ("weekly", WEEKLY),
    # "đột xuất", "khi phát hiện", "báo cáo ngay", "kịp thời báo cáo" (convention 20), "những nơi cần thiết"
    ("ad_hoc", re.compile(r"\bdot xuat\b|\bvan de phat sinh\b|\bkhi co phat sinh\b|\bkhi phat hien\b|\bbao cao ngay\b|"
                          r"\bkip thoi bao cao\b|\bbao cao kip thoi\b|\b(?:khi|noi|nhung noi|truong hop) can thiet\b|\bkhi xay ra\b|"
                          r"\bngay sau khi\b|\bkhi (?:co |xuat hien )?(?:thien tai|su co|vu viec|dich benh)\b")),
    # "trước 15 giờ hằng ngày": the task set has no daily cadence; a daily report never stops
    ("continuous", re.compile(r"\b(?:hang|moi) ngay\b")),
]
# what is reported, written right after the recipient: the recipient's name ends before it
_WHAT_REPORTED = re.compile(r"\s(?:tinh hinh|ket qua|nhung (?:van de|kho khan|noi dung)|viec|so lieu|danh sach|ve viec)\b")
_TO_AGENCY = re.compile(r"\b(?:ve|den|cho|len)\s+")
# what the recipient is asked to do with a report, right after its name: no part of the name
_DECIDES = re.compile(r"\s(?:xem xet|quyet dinh|chi dao|phe duyet|cho y kien|giai quyet)\b")
_GATHERED_BEFORE = re.compile(r"\bt(?:ong|ap) hop\b")
_TO = re.compile(r"\b(?:ve|gui|len)\s+")


def _is_to(text: str, at: int) -> bool:
    """Whether the word at `at` is a preposition of sending as written: "về" (to), not "vệ" (of
    "bảo vệ") or "vê", which fold the same."""
    return not text.startswith(("v", "V"), at) or text[at + 1 : at + 2] in ("ề", "Ề")


def _to_agency(text: str, f: str, at: int) -> bool:
    """Whether "về/gửi/lên" follows within 160 characters, before an agency (a name in capitals, or
    "các …"): "báo cáo kết quả về UBND tỉnh", not "báo cáo về tổng số đối tượng" (a report on a topic)."""
    for m in _TO.finditer(f, at, at + 160):
        if not _is_to(text, m.start()):
            continue
        nxt = text[m.end() : m.end() + 1]
        if nxt.isupper() or f.startswith(("cac ", "so ", "bo ", "co quan", "don vi"), m.end()):
            return True
    return False
_WHEN = re.compile(r"\d{1,2}\s*/\s*\d{1,2}|\bdinh ky\b|\bhang (?:nam|quy|thang)\b|\bdot xuat\b|\btruoc ngay\b")
_TO_STOP = re.compile(r"\s*(?:\btruoc\b|\bcham nhat\b|\bde\b|\btheo\b|\bdinh ky\b|\bhang\b|\btrong\b|[.;]|$)")


# A day of a month named by its place in the period: "trước ngày 20 (của) tháng cuối quý",
# "chậm nhất ngày 15 của tháng đầu quý sau", "trước ngày 05 tháng sau", "hằng tháng, trước ngày 25".
_PERIOD_DAY = re.compile(
    r"\b(?:truoc|cham nhat(?: la)?|muon nhat(?: la)?|khong qua|han chot(?: la)?|den|vao)\s+(?:ngay\s+)?(\d{1,2})\b"
    r"(?!\s*[/.\-]\s*\d)(?!\s+thang\s+\d)"
    r"(?:\s*(?:,\s*)?(?:cua\s+)?(?:hang\s+)?thang\s+(?:(cuoi|dau)(?:\s+(?:cua\s+)?(?:quy|ky|ky bao cao|nam|6 thang|sau thang|nua nam))?"
    r"(\s+(?:sau|tiep theo|ke tiep|ke tiep theo))?|(sau|tiep theo|ke tiep)))?"
)
_FIRST_MONTHS = {"monthly": range(1, 13), "quarterly": (1, 4, 7, 10), "semiannual": (1, 7), "annual": (1,)}


def period_day(text: str, start: int, end: int, repeat: str) -> tuple[list[str], str] | None:
    """The due days of a periodic report written as a day of a month of the period, and why.

    "ngày 20 của tháng cuối quý" is "---20" (that day of each period's last month, the task set's
    convention). "ngày 15 của tháng đầu quý sau" falls after the period it reports on: for a
    quarterly report it is four days of the year, "--01-15", "--04-15", "--07-15", "--10-15"
    (the scheduler labels each with the quarter just ended); "ngày 05 tháng sau" of a monthly
    report is "---05" (last month's). A bare "trước ngày 25" of a periodic report is "---25".
    """
    m = _PERIOD_DAY.search(fold_keep_length(text), start, end)
    if m is None or not 1 <= int(m.group(1)) <= 31:
        return None
    day = int(m.group(1))
    said = f'"{text[m.start():m.end()].strip()}": '
    period = {"quarterly": "quarter", "semiannual": "half-year", "annual": "year"}.get(repeat, "period")
    place, after, next_month = m.group(2), m.group(3), m.group(4)
    if place == "dau" and after or (next_month and repeat != "monthly"):
        months = _FIRST_MONTHS.get(repeat, ())
        if repeat == "monthly":
            return [f"---{day:02d}"], said + f"day {day} of the month after the one reported on"
        return [f"--{mo:02d}-{day:02d}" for mo in months], said + f"day {day} of the first month after each {period}"
    if repeat == "monthly":
        return [f"---{day:02d}"], said + f"day {day} of every month" + (" (of the next month)" if next_month else "")
    return [f"---{day:02d}"], said + f"day {day} of the last month of each {period}"


@dataclass(frozen=True)
class ReportSpec:
    repeat: str
    due: str | None
    relative: Relative | None
    to: str | None
    by: list[str]  # who reports
    why: str
    more_dues: tuple[str, ...] = ()  # further due days of the same report ("--04-15", "--07-15", ...)
    consolidator: str | None = None  # who gathers the reports before they go on (Cascade.by)
    due_why: str = ""  # why the due days (why: why the cadence)

    @property
    def dues(self) -> list[str]:
        return ([self.due] if self.due else []) + list(self.more_dues)


def is_obligation(text: str) -> bool:
    """Whether the text asks someone to report to someone, by a date or on a cadence."""
    return _first_report(text) is not None


@lru_cache(maxsize=256)
def _first_report(text: str) -> int | None:
    f = fold_keep_length(text)
    if "bao cao" not in f and "gui " not in f:
        return None
    has_when: bool | None = None
    for m in _REPORT.finditer(f):
        before = f[max(0, m.start() - 20) : m.start()]
        if _NOT_OBLIGATION_BEFORE.search(before) or stock_clause_at(f, m.start()):
            continue  # "nếu có khó khăn, vướng mắc … báo cáo về …" is no obligation (gold convention 9)
        if m.group().startswith("gui") and _document_sent(f, m.start()):
            continue  # "Công văn số 1752/CT-THNVDT … gửi UBND tỉnh": a document that was sent, no obligation
        if text[m.end() + 1 : m.end() + 2].isupper() and m.group() in ("gui", "bao cao"):
            # "gửi Sở Tài chính", "báo cáo Chủ tịch UBND tỉnh": to an agency named at once; but the
            # gatherer's own "tổng hợp, báo cáo UBND tỉnh" is the end of a cascade, not a report to track
            if not _GATHERED_BEFORE.search(f, max(0, m.start() - 80), m.start()):
                return m.start()
        if m.group() == "gui":
            # "gửi danh sách đầu mối về Bộ Nội vụ": what is sent, then to an agency
            to = _TO_AGENCY.search(f, m.end(), m.end() + 100)
            if to is not None and text[to.end() : to.end() + 1].isupper():
                return m.start()
            continue
        if m.group().startswith("gui ") and m.group().endswith((" ve", " den", " cho")) or _to_agency(text, f, m.end()):
            return m.start()  # "gửi về X" names its recipient itself
        if has_when is None:
            has_when = _WHEN.search(f) is not None
        if has_when or "kip thoi" in f[max(0, m.start() - 12) : m.end() + 12]:
            return m.start()  # dated, or "kịp thời báo cáo": a prompt report, ad hoc (convention 20)
    return None


@dataclass(frozen=True)
class Recipient:
    name: str  # as written, with its parenthesis: "UBND tỉnh (qua Công an tỉnh)"
    via: str | None  # "Công an tỉnh" of "(qua Công an tỉnh)"
    end: int  # offset in the text after the name and its parenthesis


_VIA = re.compile(r"(?i)^qua\s+")
# "… về Sở Nội vụ để tổng hợp", "… (qua Công an tỉnh) trước ngày 05/7 để tổng hợp, báo cáo …"
_CONSOLIDATES = re.compile(r"\bde\s+(?:tong hop|tap hop)\b|^\s*,?\s*(?:tong hop|tap hop)\b")


def _recipient(text: str, from_: int) -> Recipient | None:
    f = fold_keep_length(text)
    # "báo cáo UBND tỉnh …" (the agency right after the verb), else "… về/gửi/lên/đến/cho X"
    for m in re.finditer(r"^(?:bao cao|gui)\s+(?=[^\s])|\b(?:ve|gui(?: ve)?|len|den|cho)\s+", f[from_:]):
        s = from_ + m.end()
        if not _is_to(text, from_ + m.start()):
            continue  # "bảo vệ BMNN": "vệ" folds like "về" but sends nothing
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
        cut = _WHAT_REPORTED.search(f, s, s + len(name))  # f keeps the text's length: same offsets
        if cut is not None and cut.start() > s:
            name = name[: cut.start() - s]  # "báo cáo UBND tỉnh tình hình …", "… Chủ tịch UBND tỉnh kết quả …"
        after = len(name)
        via = None
        pm = re.match(r"\s*\(([^()]*?)(?:\)|(?=\s+trước|\s+chậm|[.;]|$))", seg[len(name):])
        if pm and pm.group(1).strip(" *"):
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


_SENTENCE_BREAK = re.compile(r"[.;!?](?:\s|$)|\n")
_SENTENCE_END = re.compile(r"[.;](?:\s|$)")
# on the text itself (no need to fold a whole body); case by case, so that the engine skips to a "t"
_GATHER_WORD = re.compile(r"(?:t(?:ổng|ập) hợp|T(?:ổng|ập) hợp|T(?:ỔNG|ẬP) HỢP)(?!\w)")


def _before_each(f: str, pattern: re.Pattern[str], reach: int) -> list[tuple[int, int, bool]]:
    """For each match of `pattern`: the text from its sentence's start (at most `reach` characters
    back, then from a word's start) to the match's end, and whether that is the sentence's start."""
    spans: list[tuple[int, int, bool]] = []
    for m in pattern.finditer(f):
        # a sentence break further back than `reach` makes no difference: look no further
        lo = max(0, m.start() - reach - 1)
        start = max(f.rfind(c, lo, m.start()) for c in ".;\n") + 1 or lo
        whole = m.start() - start <= reach
        if not whole:
            start = f.find(" ", m.start() - reach) + 1
        spans.append((start, m.end(), whole))
    return spans


_GATHER = re.compile(r"\b(?:tong hop|tap hop)\b")
_LEAD_CUE = re.compile(r"chu tri|trach nhiem|dau moi|theo doi")
_COLLECTIVE = ("cac ", "nhung ", "toan the ", "tat ca ", "moi ")
_GATHER_VERBS = frozenset({"tong hop", "tap hop"})
_LEAD_VERBS = frozenset({"chu tri", "co trach nhiem", "chiu trach nhiem", "la dau moi", "lam dau moi", "theo doi"})
_ASKING = frozenset({"giao", "de nghi", "yeu cau", "phan cong"})


# Where gatherers() starts an owner list, in characters: after a comma or colon, or after a request
# (a "cho" there is passed over); the start of the window is one too when it is the sentence's.
_LIST_START = re.compile(r"[,:]|(?<![a-z0-9&])(?:giao|de\s+nghi|yeu\s+cau|phan\s+cong)(?![a-z0-9&])")
_CHO = re.compile(r"\s*cho(?![a-z0-9&])")


def _may_name_owner(window: str, fw: str, whole: bool) -> bool:
    """Whether an owner's head (or a word in capitals) stands where gatherers() starts an owner list.

    A cheap test on the text before tokenizing it: where it says no, owner_list() finds no name.
    """
    starts = [0] * whole + [m.end() for m in _LIST_START.finditer(fw)]
    for pos in starts:
        cho = _CHO.match(fw, pos)
        if cho is not None:
            pos = cho.end()
        if head_at(window, fw, pos, len(window)):
            return True
        word = _FIRST_WORD.match(window, pos)
        if word is not None and len(word.group(1)) > 1 and word.group(1).isupper():
            return True  # "CÁC" after a comma: org_at() takes a word in capitals for an abbreviation
    return False


_FIRST_WORD = re.compile(r"\s*(\w+)")


def gatherers(text: str) -> list[str]:
    """Agencies a text charges with gathering the reports: "Giao Công an tỉnh chủ trì, tập hợp kết
    quả", "Sở Nội vụ có trách nhiệm tổng hợp, báo cáo UBND tỉnh", "Văn phòng UBND tỉnh tổng hợp"."""
    out: list[str] = []
    for s, e, whole in _before_each(text, _GATHER_WORD, 200):
        fw = fold_keep_length(text[s:e])
        if not _LEAD_CUE.search(fw) and not any(c.isupper() for c in text[max(s, e - 70) : e - 8]):
            continue  # no "chủ trì", "có trách nhiệm" … before it, and no name just before it
        if not _may_name_owner(text[s:e], fw, whole):
            continue  # no owner's head where an owner list could start: nothing tokenized
        toks = tokenize(text[s:e])
        starts = [0] * whole + [k + 1 for k, t in enumerate(toks) if t.f in (",", ":") or t.f in _ASKING]
        starts += [k + 2 for k in range(len(toks) - 1) if f"{toks[k].f} {toks[k + 1].f}" in _ASKING]
        for i in sorted(set(starts)):
            if i < len(toks) and toks[i].f == "cho":
                i += 1
            ol = owner_list(toks, i)
            if not ol.names or not ol.verb:
                continue
            verb = " ".join(t.f for t in toks[ol.end : ol.end + ol.verb])
            rest = fw[toks[ol.end + ol.verb].start if ol.end + ol.verb < len(toks) else e - s :]
            if verb in _GATHER_VERBS or (verb in _LEAD_VERBS and _GATHER.search(rest)):
                for a, b in ol.names:
                    name = text[s + a : s + b].strip(" ,*")
                    if fold_keep_length(name).startswith(_COLLECTIVE):
                        continue  # "các đơn vị tổng hợp": each its own figures, nobody gathers the others'
                    if name and name not in out:
                        out.append(name)
    return out


# "…, báo cáo kết quả cho nhau; hằng năm tổ chức họp giao ban": a clause of its own, about a meeting
_DEADLINE_WORD = re.compile(r"(?:truoc|cham nhat|muon nhat|han|den|trong|xong|hoan thanh|khong qua)\b", re.IGNORECASE)
_MEETING = re.compile(r"\b(?:to chuc|hop|giao ban|hoi nghi)\b")


_CLAUSE_MARK = re.compile(r";|\. ")


class _Clauses:
    """The clauses of a folded text (between ";" and ". "), found once, each asked about once."""

    def __init__(self, f: str) -> None:
        self.f = f
        self.starts = [0] + [m.start() + 1 for m in _CLAUSE_MARK.finditer(f)]
        self.answers: dict[int, bool] = {}

    def other_activity(self, at: int) -> bool:
        """Whether the cadence at `at` stands in a clause (between ; or .) that holds no report but a meeting."""
        k = bisect_right(self.starts, at) - 1  # the clause starts after the last mark before `at`
        found = self.answers.get(k)
        if found is None:
            e = self.starts[k + 1] - 1 if k + 1 < len(self.starts) else len(self.f)
            clause = self.f[self.starts[k] : e]
            found = self.answers[k] = not _REPORT.search(clause) and bool(_MEETING.search(clause))
        return found


_CLAUSE_BREAK = re.compile(r";\s+|\.\s+(?=[A-ZĐ])")
# "gửi UBND tỉnh biết, theo dõi", "để … biết": a copy sent for information
_FOR_INFORMATION = re.compile(r"\b(?:biet|de biet)\s*(?:,|va)?\s*(?:theo doi|chi dao|de theo doi)?\b")


def _chain(text: str, ctx: DateContext, gatherer: str | None) -> list[ReportSpec]:
    """A chain of reports, each its own clause with its own subject and date ("Các sở gửi báo cáo về
    Sở Nội vụ trước ngày 23/5; Sở Nội vụ tổng hợp, báo cáo UBND tỉnh trước ngày 28/5"): one
    report for each clause that asks one, by a date (gold convention 5)."""
    if ";" not in text and ". " not in text:
        return []
    f = fold_keep_length(text)
    if f.count("bao cao") + f.count("gui ") < 2:
        return []
    out: list[ReportSpec] = []
    for clause in split_after_punct(_CLAUSE_BREAK, text):
        start = _first_report(clause)
        if start is None:
            continue
        fc = fold_keep_length(clause)
        if _FOR_INFORMATION.search(fc, start) or cites_a_request(fc, 0, start):
            continue  # a copy "gửi UBND tỉnh biết, theo dõi" (convention 11); another document's request
        dls = [d for d in find_deadlines(clause, every_year=False, ctx=ctx, warnings=[]) if d.due or d.relative]
        rec = _recipient(clause, start)
        by = subject_before(clause, start) or find_owners(clause[:start]).lead  # "Sở Nội vụ tổng hợp, báo cáo …"
        first = dls[0] if dls else None
        out.append(ReportSpec("once", first.due if first else None, first.relative if first else None,
                              rec.name if rec else None, by, "a report of a chain, without a cadence: once",
                              consolidator=gatherer, due_why=first.why if first else "no date stated"))
    # a chain holds one dated report at least; a lone dated report is no chain
    return out if any(sp.due or sp.relative for sp in out) else []


def split_after_punct(pattern: re.Pattern[str], text: str) -> list[str]:
    """The text cut after each match of `pattern`'s first character (the punctuation kept)."""
    parts: list[str] = []
    last = 0
    for m in pattern.finditer(text):
        parts.append(text[last : m.start() + 1])
        last = m.end()
    parts.append(text[last:])
    return parts


def find_reports(text: str, *, ctx: DateContext, warnings: list[str]) -> list[ReportSpec]:
    """The reporting obligations of one paragraph or bullet, one per cadence."""
    start = _first_report(text)
    if start is None:
        return []
    specs = _clause_reports(text, ctx, warnings) or _reports_of(text, start, ctx=ctx, warnings=warnings)
    if len(specs) > 1 and replaces_deadline(fold_keep_length(text)):
        # "Báo cáo … trước ngày 25/12/2025. Nay điều chỉnh thời hạn báo cáo đến trước ngày 10/01/2026": one
        # report, at the new date (the deadlines of the whole text know which one is replaced)
        kept = {d.due for d in find_deadlines(text, every_year=False, ctx=ctx, warnings=[])}
        specs = [sp for sp in specs if sp.repeat != "once" or sp.due is None or sp.due in kept] or specs
    return specs


_DATED = re.compile(r"\d{1,2}\s*/\s*\d{1,2}|\b(?:hang|moi|dinh ky) (?:thang|quy|nam)\b|\bthang cuoi quy\b")


def _clause_reports(text: str, ctx: DateContext, warnings: list[str]) -> list[ReportSpec]:
    """Reports of different kinds in clauses of their own, each with its own time ("Báo cáo 6 tháng
    gửi trước ngày 10/6/2026; báo cáo năm gửi trước ngày 10/12/2026"): each clause read alone."""
    if ";" not in text or text.count(";") > 12:
        return []
    f = fold_keep_length(text)
    if f.count("bao cao") + f.count("gui ") < 2:
        return []  # one report verb: one report, no clauses to read apart
    parts: list[tuple[str, int]] = []
    for c in split_after_punct(_CLAUSE_BREAK, text):
        start = _first_report(c)
        fc = fold_keep_length(c)
        if start is not None and not _FOR_INFORMATION.search(fc, start) and not cites_a_request(fc, 0, start):
            parts.append((c, start))
    timed = [c for c, _ in parts if _DATED.search(fold_keep_length(c))]
    if len(timed) < 2 or len(timed) != len(parts):
        return []
    out: list[ReportSpec] = []
    for c, start in parts:
        for sp in _reports_of(c, start, ctx=ctx, warnings=warnings):
            if not sp.by:  # "Sở Nội vụ tổng hợp, báo cáo …": the subject before another verb
                sp = replace(sp, by=find_owners(c[:start]).lead)
            out.append(sp)
    return out


# "… trước ngày 15/12/2019 và định kỳ …", "…; sau đó định kỳ …": periodic reports after a dated one
_THEN_PERIODIC = re.compile(r"\b(?:va|sau do|tiep theo|dong thoi)\s+(?:thuc hien\s+)?(?:bao cao\s+)?dinh ky\b")


def _reports_of(text: str, start: int, *, ctx: DateContext, warnings: list[str]) -> list[ReportSpec]:
    """The reporting obligations of a text whose first report verb is at `start`."""
    f = fold_keep_length(text)
    recipient = _recipient(text, start)
    to = recipient.name if recipient else None
    gatherer = consolidator_named(text, recipient)
    by = subject_before(text, start)
    periods: list[tuple[int, int, str]] = []
    clauses = _Clauses(f)
    kept = Spans()  # a match that starts inside a period kept already is dropped
    for repeat, pattern in _PERIODS:
        for m in weekly_matches(f) if pattern is WEEKLY else pattern.finditer(f):
            at = m.start()
            if not kept.overlaps(at, at + 1) and not clauses.other_activity(at):
                periods.append((at, m.end(), repeat))
                kept.claim(at, m.end())
    periods.sort()
    # "Gửi báo cáo … hằng tháng về UBND tỉnh … trước ngày 25 hằng tháng": one duty said twice in a
    # sentence, one report (said again in another sentence, another report)
    periods = [p for k, p in enumerate(periods)
               if not k or p[2] != periods[k - 1][2] or _SENTENCE_BREAK.search(f, periods[k - 1][1], p[0])]
    out: list[ReportSpec] = []
    if not periods:
        chain = _chain(text, ctx, gatherer)
        if len(chain) > 1:
            return chain
        dls = find_deadlines(text, every_year=False, ctx=ctx, warnings=warnings)
        # a deadline word ("trước ngày", "chậm nhất") wins over a bare period named as the report's
        # subject ("báo cáo … quý I năm 2026 … trước ngày 15/3/2026")
        first = next((d for d in dls if d.start >= 0 and _DEADLINE_WORD.match(fold_keep_length(d.phrase))), None) or next(
            (d for d in dls if d.start >= 0), None)
        out.append(ReportSpec("once", first.due if first else None, first.relative if first else None, to, by,
                              "a report without a cadence: once", consolidator=gatherer,
                              due_why=first.why if first else "no date stated"))
        return out
    yearly = find_deadlines(text, every_year=True, ctx=ctx, warnings=[])
    yearly_starts = [d.start for d in yearly]  # in order: find_deadlines sorts them

    def first_unused(lo: int, hi: int) -> Deadline | None:
        """The first deadline starting in [lo, hi) that no period has taken."""
        for i in range(bisect_left(yearly_starts, lo), len(yearly)):
            if yearly_starts[i] >= hi:
                return None
            if yearly_starts[i] not in used:
                return yearly[i]
        return None

    used: set[int] = set()
    for k, (s, e, repeat) in enumerate(periods):
        nxt = periods[k + 1][0] if k + 1 < len(periods) else len(text)
        prev = periods[k - 1][1] if k else 0
        dl: Deadline | None = None
        if repeat != "ad_hoc":
            dl = first_unused(s, nxt)
            if dl is None:
                dl = first_unused(prev, s)
                if dl is not None and not k and dl.due and len(dl.due) == 10 and _THEN_PERIODIC.search(f, dl.start, s):
                    # "báo cáo … trước ngày 15/12/2019 và định kỳ 6 tháng, hằng năm": a dated report first,
                    # then the periodic ones, which take no date of it
                    used.add(dl.start)
                    out.append(ReportSpec("once", dl.due, dl.relative, to, by, "a dated report before the periodic ones",
                                          consolidator=gatherer, due_why=dl.why))
                    dl = None
        if dl is not None:
            used.add(dl.start)
        due = dl.due if dl else None
        more: list[str] = []
        why = f'says "{text[s:e].strip()}"'
        due_why = dl.why if dl else ""
        if due is None and repeat in _FIRST_MONTHS:
            # the day may stand after the cadence ("hằng quý, trước ngày 20 …") or before it
            # (not the day the period before took: "hằng tháng (trước ngày 25), quý, 6 tháng")
            found = period_day(text, s, nxt, repeat) or (
                period_day(text, prev, s, repeat) if not k or out[-1].due is None else None)
            if found is not None:
                (due, *more), due_why = found
        if due and repeat == "monthly" and not due.startswith("---"):
            due = "---" + due[-2:]
        out.append(ReportSpec(repeat, due, dl.relative if dl else None, to, by, why, tuple(more), gatherer, due_why))
    if all(s.repeat == "ad_hoc" for s in out):
        # "báo cáo … trước ngày 05/3/2026; trường hợp đột xuất báo cáo ngay": a dated report, and ad hoc ones
        dated = [d for d in find_deadlines(text, every_year=False, ctx=ctx, warnings=[]) if d.start not in used and (d.relative or d.due and len(d.due) == 10)]
        if dated:
            d = dated[0]
            out.insert(0, ReportSpec("once", d.due, d.relative, to, by, "a dated report beside the ad hoc ones",
                                     consolidator=gatherer, due_why=d.why))
    return out

"""Reporting obligations: whether a text asks for a report, to whom, and the day of a period it is due (pure).

recipients.py reads to whom a report goes; report_specs.py reads the reports of a paragraph one by one
(one per cadence or clause) and gatherers.py who gathers them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dondoc.parse.stated_cadence import WEEKLY
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.recipients import _DOCUMENT_NOUNS, _PERIOD_WORDS, _TO_AGENCY, _to_agency
from dondoc.parse.references import document_sent
from dondoc.parse.report_asks import asked_report
from dondoc.parse.sections import stock_clause_at
from dondoc.taskset import Relative

# not "đồng gửi Sở Nội vụ để theo dõi": a copy sent beside the work (convention 11)
# (not "hội nghị báo cáo viên": the party's speakers, no report)
_REPORT = re.compile(r"\bbao cao\b(?! vien\b)|(?<!dong )\bgui (?:ve|den|cho|ket qua|bao cao|van ban)\b|(?<!dong )\bgui(?= )")
# "các báo cáo", "chế độ báo cáo", "tại thời điểm báo cáo", "kỳ báo cáo", "mẫu báo cáo": the noun, no obligation
_NOT_OBLIGATION_BEFORE = re.compile(r"(?:cac|(?<!hien )(?<!hien tot )(?<!hien day du )che do|giao ban,?|tong hop|nghe|theo|sau khi nghe|he thong(?: thong tin)?|thong tin|"
                                    r"thoi diem|(?<!dinh )ky|mau|bieu mau|so lieu|noi dung|"
                                    # what was done or not yet: "đã báo cáo", "vẫn chưa gửi báo cáo" (background)
                                    r"(?<!khan truong )(?<!nhung )(?:da|chua|da khong|chua kip thoi)|"
                                    # "không thực hiện báo cáo hằng tháng": a report not asked for
                                    r"khong(?: thuc hien| phai| can| lap)?|"
                                    # "… đến ngày 30/6 của năm báo cáo", "ngày 25 tháng báo cáo": the period reported on
                                    r"(?:cua|trong|cung|ngay \d{1,2}) (?:nam|thang|quy|ky))\s*$")
_PERIODS: list[tuple[str, re.Pattern[str]]] = [
    # not "báo cáo kết quả 6 tháng đầu năm 2026": the half-year a one-off report covers
    # but "sơ kết 6 tháng đầu năm … và tổng kết năm …": the half-year of every year, beside the year's review
    # nor the day of a date ("trước ngày 06 tháng 7 năm 2026")
    ("semiannual", re.compile(r"(?<!ngay )\b(?:0?6|sau)(?: \(sau\))? thang(?! (?:nam|/|dau|cuoi|qua|toi|tiep)\b)(?!\s*\d)|\bnua nam\b|"
                              r"\b(?:0?6|sau) thang dau nam(?! (?:\d|nay))(?=[^.;]{0,60}\b(?:va|,) (?:bao cao )?tong ket nam\b)")),
    # "6 tháng (trước ngày 10/6) và cả năm (trước ngày 10/12)", "6 tháng, năm": the year named in a list of periods
    # not "báo cáo năm 2025": the report on one named year
    ("annual", re.compile(r"\b(?:0?1|mot) nam\b|\bhang nam\b|\bmoi nam\b|\bbao cao nam\b(?! \d)|\btong ket nam\b(?! \d)|\bthuong nien\b|"
                          r"(?:,|\bva)\s+(?:ca\s+)?nam\b(?=\s*[(,;.]|\s+(?:truoc|gui|ve|hoac|bao cao)\b)")),
    ("quarterly", re.compile(r"\b(?:hang|moi|dinh ky) quy\b|\bbao cao quy\b(?! (?:[ivx]+|\d|nay|truoc)\b)|(?:,|\bva)\s+quy\b(?=\s*[(,;.]|\s+(?:va|truoc|gui|ve|bao cao)\b)|"
                             r"\b(?:0?3|ba) thang (?:mot|0?1) lan\b|\b(?:0?3|ba) thang ?/ ?lan\b|\bdinh ky (?:0?3|ba) thang\b")),
    ("monthly", re.compile(r"\b(?:hang|moi|dinh ky) thang\b|\bbao cao thang\b(?! (?:\d|nay|truoc|dau|cuoi)\b)|(?:,|\bva)\s+thang\b(?=\s*[(,;.]|\s+(?:va|truoc|gui|ve|bao cao)\b)")),
    # "hằng tuần", "báo cáo tuần"; not "Tuần lễ", "tuần tra": found by stated_cadence.weekly_matches
    ("weekly", WEEKLY),
    # "đột xuất", "khi phát hiện", "báo cáo ngay", "kịp thời báo cáo" (convention 20), "những nơi cần thiết"
    ("ad_hoc", re.compile(r"\bdot xuat\b|\bvan de phat sinh\b|\bkhi co phat sinh\b|\bkhi phat hien\b|\bbao cao ngay\b|"
                          r"\bkip thoi bao cao\b|\bbao cao kip thoi\b|\b(?:khi|noi|nhung noi|truong hop) can thiet\b|\bkhi xay ra\b|"
                          r"(?<!\d )\bngay sau khi\b(?! (?:ket thuc|to chuc|hoan thanh) (?:cac |moi )?(?:hoi nghi|dai hoi|le|cuoc|dot|ky hop)\b)|\bkhi (?:co |xuat hien )?(?:thien tai|su co|vu viec|dich benh)\b|"
                          # "… theo dõi chặt chẽ diễn biến …; cập nhật báo cáo tình hình về Văn phòng PCTT huyện": as it moves
                          r"\bcap nhat (?:va )?bao cao\b")),
    # "định kỳ và đột xuất": a regular report whose period is not named (convention 21), beside the prompt one
    ("once", re.compile(r"\bdinh ky(?=\s*(?:,|va|hoac)\s*dot xuat\b)")),
    # "trước 15 giờ hằng ngày": the task set has no daily cadence; a daily report never stops
    ("continuous", re.compile(r"\b(?:hang|moi) ngay\b")),
]
# the purpose of someone else's sending: "… gửi về Sở Nội vụ để tổng hợp, báo cáo UBND tỉnh", "… để Sở có căn
# cứ tổng hợp, báo cáo …": the gatherer's report ends a cascade, no report of the sender's
# and the issuer's intention: "Quá thời hạn trên, Sở sẽ tổng hợp, báo cáo UBND tỉnh xem xét"
# what a letter sent to another body asks of it, up to the clause's end: its help, no report to it
_ASKS_HELP = re.compile(r"[^.;]*?\bde (?:de nghi |nho )?(?:ho tro|phoi hop|giup do|giup)\b")
_PURPOSE_OR_INTENT = re.compile(r"\b(?:de|se)\b[^.;]{0,60}?\bt(?:ong|ap) hop\b")
# "Cơ quan Lao động … tổng hợp báo cáo Ủy ban nhân dân cùng cấp": the subject compiles and reports itself
_COMPILES_AND_REPORTS = re.compile(r"\bt(?:ong|ap) hop\s*$")


# a day ("20/11"), not a month ("tháng 12/2020", the figures' period) unless a deadline word comes before it
# ("trong tháng 5/2026", "vào tháng 10/2026"; not "lấy đến hết tháng 12/2020")
_WHEN = re.compile(r"\d{1,2}\s*/\s*\d{1,2}(?!\d)|\b(?:truoc|cham nhat|trong|vao|cuoi|(?<!lay )(?<!tinh )den het) thang \d|\bdinh ky\b|\bhang (?:nam|quy|thang)\b|"
                   r"\bdot xuat\b|\btruoc ngay\b|\b(?:tai|vao) (?:cac )?(?:ky|phien) hop\b")  # "báo cáo … tại Kỳ họp thứ Sáu"


# A day of a month named by its place in the period: "trước ngày 20 (của) tháng cuối quý",
# "chậm nhất ngày 15 của tháng đầu quý sau", "trước ngày 05 tháng sau", "hằng tháng, trước ngày 25".
_PERIOD_DAY = re.compile(
    r"\b(?:truoc|cham nhat(?: la)?|muon nhat(?: la)?|khong qua|han chot(?: la)?|den|vao)\s+(?:ngay\s+)?(\d{1,2})\b"
    r"(?:\s*\([a-z ]{2,24}\))?(?!\s*[/.\-]\s*\d)(?!\s+thang\s+\d)"
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


_NUMBERED = re.compile(r"\s+so\s*:?\s*\d")
# words that cite a document already written ("giữa Báo cáo và …", "theo Báo cáo …", "nhận được Báo cáo …");
# after others ("xây dựng Báo cáo tổng kết", "hoàn thành Báo cáo …") the capital names what is to be written
_CITED_AFTER = re.compile(r"\b(?:giua|theo|tai|cua|trong|nhan duoc|tiep nhan|qua|thong qua|can cu|voi|va|nhu)\s+$")


def _DOCUMENT_NAMED(text: str, f: str, start: int, end: int) -> bool:
    """Whether the "báo cáo" at [start, end) names a document, not the verb: "Báo cáo số 552/BC-HĐND" (a
    report cited by its number), or "Báo cáo" written with its capital after a word that cites a document
    ("giữa Báo cáo và dự thảo Nghị quyết", "theo Báo cáo …"), neither sent to an agency nor followed by one;
    "xây dựng Báo cáo tổng kết …" asks for one to be written."""
    if _NUMBERED.match(f, end):
        return True
    # not "hoàn thành Báo cáo UBND tỉnh …", "… Báo cáo kết quả về Sở Nội vụ": written with a capital, still sent
    return text[start] == "B" and _CITED_AFTER.search(f, max(0, start - 12), start) is not None \
        and not text[end + 1 : end + 2].isupper() and not _to_agency(text, f, end)


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


# "báo cáo cấp có thẩm quyền quyết định …", "báo cáo Thủ tướng Chính phủ phê duyệt …": the report asks its
# recipient to decide (the verb in lower case, not "Quyết định số …" cited): a submission, a task (convention 11)
# (not "báo cáo Bộ trưởng xem xét, quyết định": the house reads that escalation as a report to be read)
_FOR_DECISION = re.compile(r"\s+(?:(?!xem xet)[^.;:(),]){0,60}?\b(quyet dinh|phe duyet|ban hanh)\b(?!\s+(?:so|nay)\b)")


def for_decision(text: str, f: str, end: int) -> bool:
    """Whether the "báo cáo" ending at `end` submits something for its recipient's decision."""
    m = _FOR_DECISION.match(f, end)
    return m is not None and text[m.start(1)].islower()


# the period a report's figures cover, defined ("thời điểm lấy số liệu tính từ …", "số liệu báo cáo tính từ …"),
# with no time to send it nor anyone named to send it to
_FIGURES_PERIOD = re.compile(r"\b(?:thoi (?:diem|gian) (?:lay|chot) so lieu|so lieu(?: bao cao)?(?: [0-9a-z]+){0,5} (?:duoc )?tinh tu|"
                             r"bao cao[^:.;]{0,30}:\s*tinh tu)\b")  # "Báo cáo Quý I: Tính từ ngày 15 tháng 12 …"
_ASKS_BY = re.compile(r"\b(?:truoc|cham nhat|muon nhat|han|gui|nop|de nghi|yeu cau|giao)\b")


_SENDS_TO = re.compile(r"\b(?:gui(?: ve| len| den)?|ve|len|trinh)\s+(?:cho\s+)?(?=\S)")


def _sent_on(text: str, f: str, at: int) -> bool:
    """Whether the report written at `at` goes on to a body named with a capital in its clause ("xây dựng Báo cáo
    kết quả về Phòng Nội vụ", "… gửi UBND tỉnh")."""
    end = min((k for k in (f.find(";", at), f.find(". ", at)) if k >= 0), default=len(f))
    return any(text[m.end() : m.end() + 1].isupper() for m in _SENDS_TO.finditer(f, at, end))


@lru_cache(maxsize=256)
def _first_report(text: str) -> int | None:
    f = fold_keep_length(text)
    if "bao cao" not in f and "gui " not in f:
        return None
    if ("so lieu" in f or "tinh tu" in f) and _FIGURES_PERIOD.search(f) and not _ASKS_BY.search(f):
        return None  # "Báo cáo 6 tháng: thời điểm lấy số liệu tính từ ngày 01/01 đến hết ngày 30/6": the period defined
    has_when: bool | None = None
    for m in _REPORT.finditer(f):
        before = f[max(0, m.start() - 20) : m.start()]
        # "… tổng hợp báo cáo Ủy ban nhân dân cùng cấp", "… tổng hợp báo cáo kết quả cho Giám đốc Sở": the
        # subject compiles and reports (not "để tổng hợp báo cáo …", the purpose of another's sending)
        compiles = m.group() == "bao cao" and _COMPILES_AND_REPORTS.search(before) is not None \
            and (text[m.end() + 1 : m.end() + 2].isupper() or _to_agency(text, f, m.end())) \
            and not _PURPOSE_OR_INTENT.search(f, max(0, m.start() - 80), m.start())
        if m.group() == "bao cao" and _DOCUMENT_NAMED(text, f, m.start(), m.end()):
            continue  # "nhận được Báo cáo số 552/BC-HĐND …", "giữa Báo cáo và dự thảo Nghị quyết": a document
        if m.group() == "bao cao" and for_decision(text, f, m.end()):
            continue  # "báo cáo cấp có thẩm quyền quyết định …": a submission for a decision, a task (convention 11)
        if _NOT_OBLIGATION_BEFORE.search(before) and not compiles or stock_clause_at(f, m.start()):
            continue  # "nếu có khó khăn, vướng mắc … báo cáo về …" is no obligation (gold convention 9)
        if m.group() == "bao cao" and before.endswith("xay dung ") and text[m.start() - 9 : m.start() - 8] in ("x", "X") \
                and text[m.start() - 13 : m.start() - 9].strip() not in ("Sở", "Bộ") and not text[m.end() + 1 : m.end() + 2].isupper() \
                and not _sent_on(text, f, m.end()):
            continue  # "Nghiên cứu, xây dựng báo cáo đề xuất cơ chế …": a study to write, sent to nobody named
        if m.group().startswith("gui") and document_sent(f, m.start()):
            continue  # "Công văn số 1752/CT-THNVDT … gửi UBND tỉnh": a document that was sent, no obligation
        if m.group().startswith("gui") and _TO_THE_PUBLIC.match(f, m.start() + 3):
            continue  # "tóm tắt tiểu sử … gửi đến các gia đình", "gửi … cho cử tri": to the public, no one to report to
        if m.group().startswith("gui") and _ASKS_HELP.match(f, m.end(), min(len(f), m.end() + 160)):
            continue  # "có văn bản gửi Ban Thường trực … nơi người đó cư trú để hỗ trợ …": a request for help, no report
        if text[m.end() + 1 : m.end() + 2].isupper() and m.group() in ("gui", "bao cao") \
                and not f.startswith(_PERIOD_WORDS, m.end() + 1) and not f.startswith(_DOCUMENT_NOUNS, m.end() + 1):
            # not "Báo cáo Quý I" (a period), "gửi Kế hoạch" (what is sent)
            # "gửi Sở Tài chính", "báo cáo Chủ tịch UBND tỉnh": to an agency named at once; but the
            # gatherer's own "tổng hợp, báo cáo UBND tỉnh" is the end of a cascade, not a report to track
            if compiles or not _PURPOSE_OR_INTENT.search(f, max(0, m.start() - 80), m.start()):
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
        if m.group() == "bao cao" and asked_report(f, m.start()):
            return m.start()  # "đề nghị quý Bộ khẩn trương có báo cáo về …": to the one who asks
    return None


# what is sent to the public, not to a body that tracks it (gold convention 11 names a recipient)
_TO_THE_PUBLIC = re.compile(r"(?: [^.;,]{0,40}?)? (?:den|cho|toi) (?:cac |moi |tung |toan the )?(?:ho )?(?:gia dinh|cu tri|nguoi dan|nhan dan|"
                            r"doan vien|hoi vien)\b")


_SENTENCE_BREAK = re.compile(r"[.;!?](?:\s|$)|\n")

"""Reporting obligations: whether a text asks for a report, to whom, and the day of a period it is due (pure).

report_specs.py reads the reports of a paragraph one by one (one per cadence or clause) and
gatherers.py who gathers them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dondoc.parse.stated_cadence import WEEKLY
from dondoc.parse.lines import tokenize
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.owners import head_at, owner_list
from dondoc.parse.references import document_sent
from dondoc.parse.report_asks import asked_report
from dondoc.parse.sections import stock_clause_at
from dondoc.taskset import Relative

# not "đồng gửi Sở Nội vụ để theo dõi": a copy sent beside the work (convention 11)
_REPORT = re.compile(r"\bbao cao\b|(?<!dong )\bgui (?:ve|den|cho|ket qua|bao cao|van ban)\b|(?<!dong )\bgui(?= )")
# "các báo cáo", "chế độ báo cáo", "tại thời điểm báo cáo", "kỳ báo cáo", "mẫu báo cáo": the noun, no obligation
_NOT_OBLIGATION_BEFORE = re.compile(r"(?:cac|che do|giao ban,?|tong hop|nghe|theo|sau khi nghe|he thong(?: thong tin)?|thong tin|"
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
    ("semiannual", re.compile(r"\b(?:0?6|sau)(?: \(sau\))? thang(?! (?:nam|/|dau|cuoi|qua|toi|tiep)\b)|\bnua nam\b|"
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
                          r"(?<!\d )\bngay sau khi\b|\bkhi (?:co |xuat hien )?(?:thien tai|su co|vu viec|dich benh)\b|"
                          # "… theo dõi chặt chẽ diễn biến …; cập nhật báo cáo tình hình về Văn phòng PCTT huyện": as it moves
                          r"\bcap nhat (?:va )?bao cao\b")),
    # "trước 15 giờ hằng ngày": the task set has no daily cadence; a daily report never stops
    ("continuous", re.compile(r"\b(?:hang|moi) ngay\b")),
]
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
# the purpose of someone else's sending: "… gửi về Sở Nội vụ để tổng hợp, báo cáo UBND tỉnh", "… để Sở có căn
# cứ tổng hợp, báo cáo …": the gatherer's report ends a cascade, no report of the sender's
# and the issuer's intention: "Quá thời hạn trên, Sở sẽ tổng hợp, báo cáo UBND tỉnh xem xét"
_PURPOSE_OR_INTENT = re.compile(r"\b(?:de|se)\b[^.;]{0,60}?\bt(?:ong|ap) hop\b")
# "Cơ quan Lao động … tổng hợp báo cáo Ủy ban nhân dân cùng cấp": the subject compiles and reports itself
_COMPILES_AND_REPORTS = re.compile(r"\bt(?:ong|ap) hop\s*$")
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
# a day ("20/11"), not a month ("tháng 12/2020", the figures' period) unless a deadline word comes before it
# ("trong tháng 5/2026", "vào tháng 10/2026"; not "lấy đến hết tháng 12/2020")
_DOCUMENT_NOUNS = ("bao cao", "ke hoach", "cong van", "van ban", "quyet dinh", "to trinh", "danh sach", "du thao")
_WHEN = re.compile(r"\d{1,2}\s*/\s*\d{1,2}(?!\d)|\b(?:truoc|cham nhat|trong|vao|cuoi|(?<!lay )(?<!tinh )den het) thang \d|\bdinh ky\b|\bhang (?:nam|quy|thang)\b|"
                   r"\bdot xuat\b|\btruoc ngay\b|\b(?:tai|vao) (?:cac )?(?:ky|phien) hop\b")  # "báo cáo … tại Kỳ họp thứ Sáu"
_TO_STOP = re.compile(r"\s*(?:\btruoc\b|\bcham nhat\b|\bde\b|\btheo\b|\bdinh ky\b|\bhang\b|\btrong\b|[.;]|$)")


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


# the period a report's figures cover, defined ("thời điểm lấy số liệu tính từ …", "số liệu báo cáo tính từ …"),
# with no time to send it nor anyone named to send it to
_FIGURES_PERIOD = re.compile(r"\b(?:thoi (?:diem|gian) (?:lay|chot) so lieu|so lieu(?: bao cao)?(?: [0-9a-z]+){0,5} (?:duoc )?tinh tu|"
                             r"bao cao[^:.;]{0,30}:\s*tinh tu)\b")  # "Báo cáo Quý I: Tính từ ngày 15 tháng 12 …"
_ASKS_BY = re.compile(r"\b(?:truoc|cham nhat|muon nhat|han|gui|nop|de nghi|yeu cau|giao)\b")


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
        if _NOT_OBLIGATION_BEFORE.search(before) and not compiles or stock_clause_at(f, m.start()):
            continue  # "nếu có khó khăn, vướng mắc … báo cáo về …" is no obligation (gold convention 9)
        if m.group().startswith("gui") and document_sent(f, m.start()):
            continue  # "Công văn số 1752/CT-THNVDT … gửi UBND tỉnh": a document that was sent, no obligation
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
# how to reach the recipient, no part of its name: "… về Văn phòng PCTT huyện (Điện thoại: 0987…)", "… cho cơ quan
# thường trực … số máy 0240…", "(ĐT: …)", "(email: …)"
_CONTACT = re.compile(r"\s*(?:so may|so dien thoai|dien thoai|sdt|dt|email|e-mail|hop thu|fax|di dong)\b\s*:?\s*[\d+(]?", re.I)
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
        named = f[s : s + len(name)]
        contact = next((c for c in (_CONTACT.match(f, s + x.start()) for x in re.finditer(r"\s", named))
                        if c is not None), None) if "so may" in named or "dien thoai" in named else None
        if contact is not None:
            name = name[: contact.start() - s]  # "… Văn phòng HĐND&UBND huyện số máy 0240 …": the phone, not the name
        after = len(name)
        via = None
        pm = re.match(r"\s*\(([^()]*?)(?:\)|(?=\s+trước|\s+chậm|[.;]|$))", seg[len(name):])
        if pm and pm.group(1).strip(" *") and not _WHEN_SAID.match(fold_keep_length(pm.group(1).strip(" *")).lower()) \
                and not _CONTACT.match(fold_keep_length(pm.group(1).strip(" *"))):
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

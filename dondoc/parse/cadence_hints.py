"""What a task's text says around its verbs that tells its cadence: a window of a few dated days, an opening
that states the aim (pure, on folded text)."""

from __future__ import annotations

import re

from dondoc.parse.normalize import fold_keep_length
from dondoc.taskset import Relative

# A window of a few days, the last with its year ("từ ngày 10/5/2026 đến hết ngày 14/5/2026", "từ ngày 02
# đến ngày 06 tháng 9 năm 2025"): work done once, in those days (its end is no deadline); a window of
# weeks is a campaign, ongoing work over it
_DATED_WINDOW = re.compile(
    r"\btu (?:(?:sang|chieu|trua|toi) (?=ngay))?(?:ngay )?(?P<d1>\d{1,2})(?:\s*/\s*(?P<m1>\d{1,2})(?:\s*/\s*\d{4})?)?(?: thang (?P<m1b>\d{1,2})(?: nam \d{4})?)?\s*,?\s*"
    r"(?:cho )?(?:den|toi) (?:het )?(?:ngay )?(?P<d2>\d{1,2})\s*(?:/\s*(?P<m2>\d{1,2})\s*/\s*\d{4}|thang (?P<m2b>\d{1,2}) nam \d{4})\b")
_FEW_DAYS = 12


def _few_days(m: re.Match[str]) -> bool:
    """Whether a dated window (_DATED_WINDOW) spans a few days, not weeks."""
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    m2 = int(m.group("m2") or m.group("m2b"))
    m1 = int(m.group("m1") or m.group("m1b") or m2)
    days = d2 - d1 if m1 == m2 else d2 + 31 - d1 if (m2 - m1) % 12 == 1 else 99
    return 0 <= days < _FEW_DAYS


def few_dated_days(f: str) -> tuple[int, int] | None:
    """The span of a window of a few days with its year in folded text ("tu ngay 10/5/2026 den het ngay
    14/5/2026"), None when there is none or it spans weeks."""
    if "tu " not in f or ("den " not in f and "toi " not in f):
        return None
    m = _DATED_WINDOW.search(f)
    return m.span() if m is not None and _few_days(m) else None


# A standing service that answers what comes ("tiếp công dân", "tiếp nhận thông tin, giải đáp …", "nắm bắt tâm tư",
# "tập hợp dư luận", a duty kept round the clock): ongoing for as long as the work lasts, also in a plan for one occasion; not where it is the
# object checked ("kiểm tra việc tiếp nhận, giải quyết đơn …"). Folded text, after \b.
_SERVICE = re.compile(r"\b(?:tiep (?:cong dan|dan)|tiep nhan (?:thong tin|y kien|phan anh|kien nghi|don)|giai dap|nam bat|"
                      r"tap hop (?:y kien|du luan)|giai quyet (?:don|khieu nai)|"
                      # round-the-clock duty over the occasion ("bố trí lực lượng cấp cứu 24/24 giờ", "trực ban")
                      r"24\s*/\s*24|truc (?:ban|gac|cap cuu|chien dau))\b")
_OBJECT_OF = re.compile(r"\bviec\b")
_OBJECT_REACH = 30


def standing_service(f: str) -> tuple[int, int] | None:
    """The span of the first standing service the folded text asks for, or None."""
    for m in _SERVICE.finditer(f):
        if _OBJECT_OF.search(f, max(0, m.start() - _OBJECT_REACH), m.start()) is None:
            return m.span()
    return None


# An opening that states the aim, up to the comma before the subject (whose name the caller blanks):
# "Để bảo đảm …, nâng cao trách nhiệm …,        có văn bản …"
_PURPOSE = re.compile(r"(?:de|nham) [^.;:\n]{0,400}?,(?= {3,}\S)")


def without_aim(f: str) -> str:
    """Folded text with an opening that states the aim blanked, when the subject's name (blanked by the
    caller) follows it."""
    if f[:1] not in "dn":
        return f
    m = _PURPOSE.match(f)
    return " " * m.end() + f[m.end() :] if m else f


# receiving what the duty answers ("nhận đơn", "nhận đủ hồ sơ", "nhận được công văn đề nghị"), folded
_RECEIPT = re.compile(r"\bnhan\b")
# the events a deadline counted in days may start from that are the dispatch's own (its receipt, signing, effect, end)
DISPATCH_EVENTS = ("receipt", "signing", "effect", "end")


def on_each_request(rel: Relative | None, dated: bool, repeat: str, why: str) -> tuple[str, str]:
    """The cadence of a duty whose days are counted from receiving something other than the dispatch ("trong thời
    hạn 05 ngày làm việc kể từ khi nhận được công văn đề nghị …", "… kể từ ngày nhận đủ hồ sơ"), with no date of its
    own (`dated`): done each time such a request comes, on request; otherwise the cadence as read."""
    if rel is None or rel.from_event in DISPATCH_EVENTS or dated or repeat not in ("once", "continuous") \
            or not _RECEIPT.search(fold_keep_length(rel.from_event).lower()):
        return repeat, why  # (days counted back from an event, "trước ngày tổ chức bình xét 10 ngày": once)
    return "ad_hoc", f'on request ("{rel.from_event}")'


# "… hiện đang hưởng chế độ … nhưng chưa có quyết định công nhận thì đề nghị các Bộ … lập danh sách …": the case
# before "thì" tells whom the request is for; the work is what follows the request
_CONSEQUENCE = re.compile(r"thi\s+(?=(?:de nghi|yeu cau)\b)")  # after a space (searched for its literal start)


def after_condition(f: str) -> int:
    """Where the request starts that follows a case ("… thì đề nghị …") in folded text, else 0."""
    if " thi " not in f:
        return 0
    m = _CONSEQUENCE.search(f)
    while m is not None and m.start() and not f[m.start() - 1].isspace():
        m = _CONSEQUENCE.search(f, m.start() + 1)  # "thì", not the end of another word
    return m.end() if m else 0


# the reason a task or report due on a day of every year recurs yearly
EVERY_YEAR = "a day and month without a year: every year"


def day_of_every_year(due: str) -> bool:
    """Whether a due as the reader writes it is a day and month of every year ("--11-20"), not a dated day
    ("2026-11-20") nor a day of every month ("---20")."""
    return due.startswith("--") and not due.startswith("---")


# "theo yêu cầu" that asks for no occasion: what a cited text requires ("theo yêu cầu (và hướng dẫn) tại Công văn
# trên", "theo yêu cầu của Bộ X tại Văn bản số …", "theo yêu cầu tại nội dung Văn bản …") or the standard a piece
# of work keeps ("bảo đảm tiến độ theo yêu cầu", "đúng chất lượng theo yêu cầu"): no "on request" (folded text)
_CITED_TEXT = ("cong van", "van ban", "ke hoach", "quyet dinh", "thong bao", "cong dien", "chi thi", "nghi quyet",
               "huong dan", "thong tu", "nghi dinh", "chuong trinh", "de an")
_REQUIRED_BY_TEXT = re.compile(
    r"\s*(?:va huong dan\s+)?(?:cua [^,;.()]{0,80}?\s+)?(?:tai|neu tai|neu trong|trong|theo)\s+(?:noi dung\s+)?(?:cac\s+)?"
    r"(?:" + "|".join(_CITED_TEXT) + r")\b")
_STANDARD_KEPT = re.compile(r"(?:tien do|chat luong|thoi gian|thoi han|dung|day du|dap ung)\s+$")


def as_required(f: str, start: int, end: int) -> bool:
    """Whether the "theo yêu cầu" at f[start:end] (folded) means as a cited text requires or to the standard
    required, not whenever someone asks."""
    if not f.startswith("theo", start):
        return False
    return _REQUIRED_BY_TEXT.match(f, end) is not None or _STANDARD_KEPT.search(f, max(0, start - 16), start) is not None


# a notice's time field for all its items: "Thời gian treo cờ: từ ngày 25 đến hết ngày 30/4/2026", or "Thời gian trang
# trí, tuyên truyền:" over lines that give the days (folded, without a list mark)
_TIME_FIELD = re.compile(r"[-+•*\s]*thoi gian\b[^:]{0,60}:")


def field_window(lines: list[str]) -> str:
    """The few dated days a notice's one time field sets for all its items, written apart from them (after the list,
    or as its own line); "" when there is none, or more than one time field (each then belongs to its item)."""
    fields = [k for k, t in enumerate(lines) if _TIME_FIELD.match(fold_keep_length(t))]
    if len(fields) != 1:
        return ""
    k = fields[0]
    said = lines[k] if not lines[k].rstrip().endswith(":") else " ".join(lines[k : k + 4])
    w = few_dated_days(fold_keep_length(said))
    return said[w[0] : w[1]] if w is not None else ""

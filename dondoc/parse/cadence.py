"""How often a task recurs, from the words of its text (pure)."""

from __future__ import annotations

import re
from typing import Final

from dondoc.parse.cadence_hints import EVERY_YEAR, after_condition, as_required, few_dated_days, standing_service, without_aim
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.scan import skipping, word_finditer, word_search
from dondoc.parse.stated_cadence import explicit_cadence

# ("khi có dấu hiệu vi phạm", "khi phát sinh": on occurrence, as on request)
_AD_HOC = re.compile(r"dot xuat\b|khi co yeu cau\b|theo (?:noi dung )?yeu cau\b|khi (?:co )?dau hieu\b|khi (?:co )?phat sinh\b|"
                     r"tuy theo tinh hinh\b")  # each branch after \b (word_search)
_CONTINUOUS = re.compile(  # after \b (word_search)
    r"(?:thuong xuyen|tiep tuc|tiep (?:trien khai|thuc hien|day manh)|duy tri|lien tuc|ben bi|lau dai|"
    r"day manh|tang cuong|chu dong|phat huy|gan ket|nang cao|cung co|quan tam|nam chac|bam sat|doi moi|"
    r"thong suot|chu trong|theo doi|giam sat|quan triet|huong dan|don doc)\b"
)
def on_request(f: str) -> re.Match[str] | None:
    """The first words of folded text that make work happen on request ("đột xuất", "khi có yêu cầu", "theo yêu
    cầu"), skipping a "theo yêu cầu" that means as a cited text requires or to the standard required."""
    return next((m for m in word_finditer(_AD_HOC, f) if not as_required(f, m.start(), m.end())), None)


def ongoing_before(text: str, at: int) -> bool:
    """Whether an ongoing verb ("theo dõi", "đôn đốc", "thường xuyên") comes before offset `at`, with no
    deliverable before it ("Sở Nội vụ theo dõi, đôn đốc, tổng hợp …, báo cáo UBND tỉnh")."""
    f = fold_keep_length(text[:at])
    cont = word_search(_CONTINUOUS, f)
    return cont is not None and word_search(_DELIVERABLE, f[: cont.start()]) is None and word_search(_ONE_OFF, f[: cont.start()]) is None


_DELIVERABLE = re.compile(  # after \b (word_search)
    r"(?:xay dung (?:ke hoach|chuong trinh|de an|quy che)|ban hanh|to chuc (?:hoi nghi|le|hoi thao|mit tinh|"
    r"hoi thi|dien dan|giao luu|tong ket|so ket|ngay hoi|dai hoi|cuoc thi|hoi dien)|tong ket|so ket|kien toan|thanh lap|hoan thanh|gui (?:ve|den)|"
    # the implementing guidance to issue ("hướng dẫn thi hành Nghị định này", "hướng dẫn thực hiện chế độ …"), not
    # guiding people as they work ("hướng dẫn, kiểm tra các hộ"), a focal point's role ("là đầu mối hướng dẫn thực
    # hiện") nor a cited text's title ("Thông tư … của Bộ Tài chính hướng dẫn thực hiện một số điều của …")
    r"(?<!dau moi )(?<!van ban )huong dan (?:thi hanh|thuc hien) (?:(?:nghi dinh|quyet dinh|thong tu|nghi quyet|chi thi) nay|"
    r"che do|chinh sach|(?:viec )?dieu chinh)|"
    # "trình" the verb (submit), not the nouns "trình độ" (level), "trình tự" (sequence), "tiến trình", "lịch trình"
    r"lap danh sach|de xuat|(?<!qua )(?<!giai )(?<!lo )(?<!chuong )(?<!cong )(?<!quy )(?<!tien )(?<!lich )"
    r"trinh(?! (?:do|tu)\b))\b"
)


# "thực hiện thường xuyên hằng năm": ongoing work, year in year out, not a yearly deliverable.
_YEAR_IN_YEAR_OUT = re.compile(r"\bthuong xuyen (?:hang|moi|tung) nam\b")
# Ongoing work said outright ("thường xuyên", "tiếp tục", "từng bước", "đẩy mạnh"): it wins over a
# deliverable in the same clause ("Thành lập và thường xuyên kiện toàn …")
_STRONG = re.compile(r"(?:thuong xuyen|tiep tuc|tiep (?:trien khai|thuc hien|day manh)|duy tri|lien tuc|ben bi|lau dai|"
                     r"tung buoc|day manh|day nhanh|hang ngay|moi ngay|tich cuc)\b")
# a later clause or sentence that opens with ongoing work said outright ("…; đẩy mạnh …", ". Tiếp tục lãnh đạo …"), not
# the words of a title cited ("Chỉ thị … về việc tiếp tục tăng cường …"); the words found by str.find, then the break
# before each looked at
_GOES_ON: Final = ("tiep tuc", "day manh", "day nhanh", "duy tri", "thuong xuyen", "tich cuc", "tung buoc")
_BREAK_BEFORE = re.compile(r"(?:[.;]\s{1,3}|\n[-+•\s]{0,4})$")


_FOLLOWS_UP = re.compile(r"(?:theo doi|don doc)\b")  # after \b (word_search)


def ongoing_said(text: str) -> bool:
    """Whether a text says outright that its work goes on ("thường xuyên", "tiếp tục", "duy trì", "đẩy mạnh" …) or
    that it follows others' work up ("theo dõi, đôn đốc")."""
    f = fold_keep_length(text)
    return word_search(_STRONG, f) is not None or word_search(_FOLLOWS_UP, f) is not None


def _duty_goes_on(f: str, start: int) -> int:
    """Where the first later clause or sentence of the folded text f (from `start`) that opens with ongoing work
    said outright begins, or -1."""
    best = -1
    for w in _GOES_ON:
        k = f.find(w, start)
        while k >= 0 and (best < 0 or k < best):
            if _BREAK_BEFORE.search(f, max(start, k - 8), k) and (k + len(w) == len(f) or not f[k + len(w)].isalnum()):
                best = k
                break
            k = f.find(w, k + 1)
    return best


# A one-off piece of work without a date: urgent work, a plan to have ready, a review to make
_ONE_OFF = re.compile(
    r"(?:khan truong|co phuong an|xay dung phuong an|tien hanh|phan cong|ra soat|thong ke|nghien cuu|cu the hoa|"
    # work to do at once ("Triển khai ngay việc tuần tra …"), not a day ("tổ chức ngày hội …", "thực hiện ngày 15")
    r"(?:trien khai|thuc hien|to chuc) ngay(?! (?:\d|hoi|le|ky niem|truyen thong|thanh lap|toan dan|quoc))|"
    # a correction to make: "điều chỉnh tên các cơ quan … cho phù hợp" (not "quy hoạch điều chỉnh", a noun)
    r"(?<!quy hoach )dieu chinh [^.;]{0,160}?cho phu hop|"
    r"lap (?:cac |danh sach|ban do|ke hoach|du toan|ho so|bao cao|to roi)|xuat ban|hoan thien|xem xet lai|"
    # an allocation to make ("phân bổ cho cấp huyện"), not what was allocated ("số vốn được phân bổ")
    r"(?<!duoc )phan bo|"
    r"xay dung (?:co so du lieu|cong thong tin|he thong|du thao|noi dung)|(?<!thuc hien )(?<!viec )tham dinh|"
    # a plan to amend: "chỉnh sửa Quy hoạch; phê duyệt Quy hoạch"
    r"chinh sua (?:quy hoach|de an|ke hoach|phuong an|du thao)|"
    # advice on one matter for a decision: "tham mưu UBND tỉnh xem xét, quyết định"
    r"tham muu(?: cho)?(?: ubnd| uy ban nhan dan| chu tich| hdnd)?(?: tinh| xa| huyen| thanh pho)? (?:xem xet|quyet dinh|ban hanh|phe duyet))\b")
# "[;.]\s|:\s|\n", written to start with the class of its first characters, which the engine skips to
_CLAUSE = re.compile(r"[;.:\n](?:(?<=[;.:])\s|(?<=\n))")

_QUOTED = re.compile(r"“[^”\n]{1,200}”|\"[^\"\n]{1,200}\"")


def _first_clause_end(f: str) -> int:
    """Where the folded text's first clause ends (";", ". ", ": " or a line break): the main verb is in it."""
    m = skipping(_CLAUSE).search(f, 12)
    return m.start() if m else len(f)


_VERB_REACH = 500  # characters of an item's text its verbs are looked for in: the main verb comes first


# the nouns an ongoing verb may qualify ("chương trình giám sát", "đoàn kiểm tra", "kế hoạch theo dõi")
_NAMES_WORK = re.compile(r"(?:chuong trinh|ke hoach|doan|hoat dong|cong tac|ket qua|bao cao|noi dung)\s+$")


def _work_named(pattern: re.Pattern[str], f: str, end: int) -> re.Match[str] | None:
    """The first deliverable of f[:end] that is no field of work ("chỉ đạo công tác lập dự toán, quyết toán …")."""
    m = word_search(pattern, f[:end])
    while m is not None and f.endswith("cong tac ", 0, m.start()):
        m = word_search(pattern, f[:end], m.end())
    return m


def _verbs_in(text: str, f: str, at: int, strong_reach: int) -> tuple[str, str] | None:
    """Ongoing or one-off from the verbs of f (a stretch of the folded text starting at `at` in it);
    ongoing work said outright counts up to `strong_reach` characters into it, the other verbs up to
    _VERB_REACH."""
    m = word_search(_STRONG, f[:strong_reach])
    if m:
        return "continuous", f'ongoing work ("{text[at + m.start():at + m.end()]}")'
    f = f[:_VERB_REACH]
    cont = word_search(_CONTINUOUS, f)
    while cont is not None and (_NAMES_WORK.search(f, max(0, cont.start() - 16), cont.start())
                                or _DELIVERABLE.match(f, cont.start()) is not None):  # "hướng dẫn thi hành …"
        cont = word_search(_CONTINUOUS, f, cont.end())  # "chương trình giám sát": a noun, no ongoing verb
    end = cont.start() if cont is not None else len(f)
    # a deliverable before the first ongoing verb (searched only that far)
    once = min((x for x in (_work_named(_DELIVERABLE, f, end), _work_named(_ONE_OFF, f, end)) if x is not None),
               key=lambda x: x.start(), default=None)
    if once is not None:
        return "once", f'a one-off deliverable ("{text[at + once.start():at + once.end()]}") without a date'
    if cont is not None:
        return "continuous", f'ongoing work ("{text[at + cont.start():at + cont.end()]}")'
    return None


def _by_verbs(text: str, f: str, limit: int, at: int = 0) -> tuple[str, str] | None:
    """Ongoing or one-off from the verbs of a text: ongoing work said outright wins; else the first
    of a deliverable and a weaker ongoing verb ("Tổ chức Hội nghị quán triệt …" is a conference).
    Asked of the first clause (before `limit`), where the main verb is, then of the rest."""
    return _verbs_in(text, f[at:limit], at, limit - at) or (
        _verbs_in(text, f[limit:], limit, 2 * _VERB_REACH) if limit < len(f) else None)


# a time field that says the work goes on: "Thời gian thực hiện: Thường xuyên", "Thời hạn: Nhiệm vụ thường xuyên"
_TIME_FIELD_ONGOING: Final = re.compile(
    r"(?:^|\n|\()\s*(?:[-+•]\s*)?(?:thoi gian(?: thuc hien| hoan thanh)?|thoi han|tien do(?: thuc hien)?)\s*:\s*"
    r"(?:nhiem vu |la |duoc thuc hien )?(thuong xuyen)\b", re.IGNORECASE)


# the catch-all line closing a post's duties ("Thực hiện các nhiệm vụ khác theo yêu cầu của Ban Thường trực", "… khi
# được phân công"): other work whenever asked, which gives the listed duties no cadence of their own
_OTHER_DUTIES = re.compile(r"\b(?:thuc hien|lam|dam nhan|thuc hien tot)\s+(?:cac\s+)?(?:nhiem vu|cong viec|viec)\s+khac\b[^.;\n]*")


def _without_other_duties(f: str) -> str:
    if "khac" not in f:
        return f
    return _OTHER_DUTIES.sub(lambda m: " " * len(m.group()), f)


# why an item is read as ongoing when nothing in it says how often: the default
NO_CUE: Final = "no date, no deliverable: an ongoing duty"


def classify(text: str, *, has_one_off_due: bool, yearly_due: bool, events: bool, campaign: bool) -> tuple[str, str]:
    """The task's repeat and why."""
    f = fold_keep_length(text)
    m = _TIME_FIELD_ONGOING.search(f) if "thuong xuyen" in f and not has_one_off_due and not yearly_due else None
    if m:
        # "Nghiên cứu cơ chế …⏎Thời gian thực hiện: Thường xuyên.": the time the plan sets outweighs the verb
        # (gold convention 30), as a table's column "Thường xuyên" does, and a "hằng năm" of the product's column
        # ("Kế hoạch/hoạt động hằng năm")
        return "continuous", f'ongoing work ("{text[m.start(1):m.end(1)]}")'
    stated = explicit_cadence(text)
    if stated:
        return stated
    m = _YEAR_IN_YEAR_OUT.search(f) if not has_one_off_due and "thuong xuyen" in f else None
    if m:
        return "continuous", f'ongoing work ("{text[m.start():m.end()]}")'
    if yearly_due:
        return "annual", EVERY_YEAR
    if has_one_off_due:
        return "once", "a dated deadline"
    if events:
        if campaign:
            return "once", "tied to this year's observance the dispatch is about"
        return "annual", "tied to an annual observance"
    f = _without_other_duties(f)  # "Thực hiện các nhiệm vụ khác theo yêu cầu của …": a catch-all, no cadence
    m = on_request(f) if ("dot xuat" in f or "yeu cau" in f or "dau hieu" in f or "phat sinh" in f
                          or "tuy theo" in f) else None
    if m:
        return "ad_hoc", f'on request ("{text[m.start():m.end()]}")'
    # the main verb is in the first clause; the rest of the text when it says nothing; the words of a
    # title quoted in it ("Kế hoạch “Nâng cao Chỉ số …”") are no verbs of the task
    # "… chưa có quyết định công nhận thì đề nghị các Bộ lập danh sách …": the case is no verb of the work either
    at = after_condition(f[: 2 * _VERB_REACH])
    at = at if at and _first_clause_end(f) >= at else 0  # in the first clause only, where the main verb is
    f = " " * at + f[at : at + 2 * _VERB_REACH]  # the verbs are read no further
    f = without_aim(f)  # "Để bảo đảm …, nâng cao …, [Sở X] có văn bản …": the aim is no verb of the work
    end = max(_first_clause_end(f), at)
    if "“" in f[:end] or '"' in f[:end]:  # a title quoted where the main verb is
        f = _QUOTED.sub(lambda m: " " * len(m.group()), f)
    found = _by_verbs(text, f, end, at)
    if found and found[0] == "once" and end < len(f):
        # "Tập trung rà soát, khai thác tiềm năng …; đẩy mạnh …; tiếp tục lãnh đạo …": a review among the duties of
        # an ongoing charge said outright further on is a piece of that work, not a one-off deliverable
        later = _duty_goes_on(f, end)
        if later >= 0 and word_search(_DELIVERABLE, f[:end]) is None:
            word = next(w for w in _GOES_ON if f.startswith(w, later))
            return "continuous", f'ongoing work ("{text[later:later + len(word)]}") with a review among its duties'
    if found:
        return found  # "tăng cường tuần tra … từ ngày 15/01 đến hết ngày 28/02/2026": ongoing work over the days
    if _CARRY_OUT.search(" ".join(f.split())) or _CARRY_OUT.search(" ".join(f[: _first_sentence_end(f)].split())):
        # the charge alone, or its first sentence before the article's closing words ("Nghị quyết này đã được … thông
        # qua …", "Khi các văn bản dẫn chiếu … thì áp dụng theo …")
        return "once", "the one charge to carry out what the resolution decides"
    w = few_dated_days(f)
    if w is not None:
        return "once", f'done within dated days ("{text[w[0]:w[1]]}")'
    s = standing_service(f)
    if s is not None:
        return "continuous", f'a standing service ("{text[s[0]:s[1]]}")'
    return "continuous", NO_CUE


def _first_sentence_end(f: str) -> int:
    """Where the first sentence of a folded text ends (after its full stop), or its length."""
    m = _SENTENCE_STOP.search(f)
    return m.end() if m else len(f)


_SENTENCE_STOP = re.compile(r"\.(?=\s|$)")


# "Giao Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện Nghị quyết này.", "HĐND tỉnh giao Thường trực HĐND
# tỉnh tổ chức thực hiện", "… giao cho UBND tỉnh phê duyệt, tổ chức thực hiện Đề án theo quy định.": the one
# charge a council gives its executive to carry out what it has just decided (a plan, a đề án, an
# adjustment): once, the whole item being that charge (folded, spaces collapsed; the owner's name may be
# blanked out of the text)
_CARRY_OUT = re.compile(
    r"^(?:[^.;:]{0,60} )?giao (?:cho )?(?:[^.;:]{2,120}? )?to chuc (?:trien khai )?thuc hien"
    r"(?: (?:viec [^.;:]{1,160}|nghi quyet|de an|quy hoach|ke hoach|phuong an)(?: nay)?)?"
    r"(?: theo (?:dung )?quy dinh[^.;:]{0,60})?\s*[.;]?$")



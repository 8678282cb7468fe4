"""Articles of a regulation that state rules and charge nobody with work (pure).

A nghị định, a quyết định that sets a policy or a quy chế numbers its articles ("Điều 2. Đối tượng
áp dụng", "Điều 3. Mức hỗ trợ") like the articles that give work, but many of them only state who is
entitled to what, at which rate, from which funds (gold convention 15). Such an article, or a khoản
or điểm of one, names no body that must act, asks nothing and gives no work: the reader leaves the
whole unit out, with what is under it. A unit that names one owner anywhere under it stays: its
parts are read one by one.
"""

from __future__ import annotations

import re

from dondoc.parse.outline_nodes import Node
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.heads import verb_at
from dondoc.parse.lines import tokenize
from dondoc.parse.names import owner_list
from dondoc.parse.owners import find_owners, head_at
from dondoc.parse.prose_subjects import DIRECTIVE, directs_first
from dondoc.taskset import Task

# what asks someone to act even when no body is named: a request, a charge, a submission, a report
_ASKS = re.compile(
    r"(?i)\b(?:giao|đề nghị|yêu cầu|chủ trì|phối hợp|"
    r"báo cáo|gửi|trình|tổng hợp|hướng dẫn|chỉ đạo|kiểm tra|tổ chức thực hiện|triển khai|"
    r"xây dựng|lập (?:danh sách|dự toán|kế hoạch|hồ sơ)|ban hành|thẩm định|quyết toán|rà soát|giám sát|tham mưu|theo dõi|đôn đốc"
    # a charge ("có trách nhiệm", "Trách nhiệm của …", "có nhiệm vụ"), not "truy cứu trách nhiệm hình sự"
    # nor "đã hoàn thành nhiệm vụ" said of those a rule is for
    r"|(?:có|chịu) trách nhiệm(?! hình sự)|trách nhiệm (?:của|thi hành|thực hiện|sau)|(?:có|giao|các) nhiệm vụ"
    r"|nhiệm vụ (?:của|sau|cụ thể))\b")


def _texts(node: Node) -> list[str]:
    out: list[str] = []
    for n in node.walk():
        out.append(n.text)
        out.extend(b.text for b in n.bullets)
    return out


def in_articles(node: Node) -> bool:
    """Whether a unit stands in an article ("Điều N.") of the document's own text."""
    root = node
    while root.parent is not None:
        root = root.parent
    return root.style == "dieu"


# the heading of a letter's notes on how rules apply ("2. Một số lưu ý trong triển khai …", "Lưu ý:")
_NOTES = re.compile(r"^(?:mot so |cac |nhung )?(?:luu y|diem can luu y)\b")
# a sentence that only says which rule governs a matter ("Việc thanh toán … thực hiện theo quy định tại …")
_GOVERNED = re.compile(r"^[-+•\s]*viec\b.{0,300}?\b(?:duoc )?(?:thuc hien|ap dung) theo (?:quy dinh|huong dan)\b")
# a further clause or sentence after it, which may ask someone
_ANOTHER_CLAUSE = re.compile(r"[;:]|\.\s+\S")


# "Bộ Tài chính hướng dẫn cụ thể một số nội dung như sau:" closing the preamble: a guidance, not a request
_GUIDANCE_INTRO = re.compile(r"\bhuong dan\b[^.;:]{0,160}\bnhu sau\s*:\s*$")
# "Ban cán sự đảng … có ý kiến nhận xét, đánh giá như sau:", "… tham gia ý kiến như sau:": a reply that states the
# issuer's opinions (not "ý kiến chỉ đạo", nor a conclusion's; a bare "có ý kiến như sau:" is a usual directive)
_OPINION_INTRO = re.compile(r"\b(?:(?:tham gia|gop) y kien|co y kien (?:nhan xet|danh gia|gop y|tham gia))\b[^.;:]{0,160}"
                            r"\bnhu sau\s*:\s*$")
_NOT_OPINION = re.compile(r"\b(?:chi dao|ket luan|thong bao)\b")
# "… Ủy ban nhân dân tỉnh đã thực hiện tốt một số công việc sau:", "… đã đạt được những kết quả như sau:": a speech's or a
# report's list of what its author has done, no work given (its items ask nothing unless one asks someone)
_PAST_WORK = re.compile(r"\bda (?:thuc hien|trien khai|lam|dat duoc|tien hanh)\b[^.;:]{0,60}\b(?:cong viec|viec|ket qua|giai phap|"
                        r"bien phap)\b[^.;:]{0,40}\bsau\s*:\s*$")
_REQUEST_WORDS = re.compile(r"\b(?:de nghi|yeu cau|giao)\b")
# what asks someone to act inside a guidance: a request to someone named, a charge on a body, a deadline, a report
_GUIDANCE_REQUEST = re.compile(r"\b(?:de nghi|yeu cau|giao)\s+(?:cho\s+)?")
# (not the accountability "chịu trách nhiệm trước pháp luật / trước Bộ trưởng … nếu …")
_GUIDANCE_CHARGE = re.compile(r"\b(?:co trach nhiem|chiu trach nhiem(?! truoc)|khan truong)\b")
# (a time of day may come first: "chậm nhất là 17 giờ 00 ngày 30/01/2026", "trước 17h00 ngày 15/3/2026")
_GUIDANCE_DUE = re.compile(r"\b(?:truoc (?:\d{1,2}\s*(?:gio|h)\s*(?:\d{2})?\s*(?:phut\s*)?,?\s*)?ngay \d|"
                           r"cham nhat (?:la )?(?:\d{1,2}\s*(?:gio|h)\s*(?:\d{2})?\s*(?:phut\s*)?,?\s*)?ngay \d|"
                           r"bao cao (?:ve|ket qua|tinh hinh)\b)")


# the year of a date written after "trước ngày" ("trước ngày 19/8/1945", "trước ngày 5 tháng 7 năm 1994")
_YEAR_AFTER = re.compile(r"\s*\d{1,2}\s*(?:/\s*\d{1,2}\s*/|thang \d{1,2} nam)\s*(\d{4})")


def _past(f: str, m: re.Match[str], before_year: int | None) -> bool:
    """Whether the deadline-like words at m are followed by a date of a year before `before_year` (the
    document's): a past day that qualifies whom a rule is for ("kết nạp trước ngày 19/8/1945"), no deadline."""
    if before_year is None or not m.group().startswith("truoc"):
        return False
    y = _YEAR_AFTER.match(f, m.end() - 1)
    return y is not None and int(y.group(1)) < before_year


def asks_someone(text: str, before_year: int | None = None) -> bool:
    """Whether a text asks someone to act: a request to someone named, a charge on a body, a deadline, a report
    (a day of a year before `before_year` is none)."""
    f = fold_keep_length(text).lower()
    if any(not _past(f, m, before_year) for m in _GUIDANCE_DUE.finditer(f)):
        return True
    if any(head_at(text, f, m.end(), len(text)) for m in _GUIDANCE_REQUEST.finditer(f)):
        return True  # "đề nghị các Cục Hải quan …"; not the noun in "hồ sơ đề nghị", "có yêu cầu bảo vệ"
    return _GUIDANCE_CHARGE.search(f) is not None and bool(find_owners(text).lead) or _owner_opens_with_charge(text)


# what may come before the owners a guidance's unit opens with: a bullet, a step's number, a short title and its colon
# ("Quy trình giới thiệu: Các cơ quan, tổ chức, đơn vị … tổ chức hội nghị …", "(1) Trưởng Ban công tác Mặt trận phối hợp …")
_OPENING = re.compile(r"^[\s\-–+•*]*(?:\(\d{1,2}\)\s*)?(?:[^:;.\n]{3,40}:\s*)?")
# what a guidance charges the owners it opens with (besides prose_subjects.DIRECTIVE): "X chủ trì, phối hợp với Y …",
# "X chủ động …", "X thành lập …", "X cử đại diện tham gia …"; not "X quyết định", "do X triệu tập" (who decides: a rule)
_CHARGES = DIRECTIVE | {"chu tri", "chu dong", "thanh lap", "tham gia", "cu", "chuyen", "gui"}


def _owner_opens_with_charge(text: str) -> bool:
    """Whether a unit of a guidance opens with named owners told what to do ("Ban Thường trực Ủy ban MTTQ xã chủ trì,
    phối hợp với UBND xã tổ chức hội nghị …"): the guidance charges them, as a request would."""
    for line in text.split("\n")[:8]:  # each paragraph of the unit (its title line, then the lines under it)
        m = _OPENING.match(line)
        for at in (m.end(), len(line) - len(line.lstrip(" -–+•*"))) if m is not None else ():
            toks = tokenize(line[at : at + 240])
            ol = owner_list(toks, 0) if toks else None
            if ol is not None and ol.names and ol.end < len(toks) and (
                    directs_first(toks, ol) or verb_at(toks, ol.end) and " ".join(
                        t.f for t in toks[ol.end : ol.end + verb_at(toks, ol.end)]) in _CHARGES):
                return True
    return False


def guidance_intro(text: str) -> bool:
    """Whether the paragraph before the items introduces a guidance ("… hướng dẫn cụ thể một số nội dung như
    sau:"), not a request ("… đề nghị các Sở … thực hiện như sau:") nor work given to those it guides
    ("… hướng dẫn các đơn vị xây dựng dự toán như sau:")."""
    t = text.strip()
    if not t.endswith(":"):
        return False  # each intro it knows closes on "như sau:" or "sau:"
    f = fold_keep_length(t).lower()
    o = _OPINION_INTRO.search(f)
    if o is not None and not _NOT_OPINION.search(f) and not _REQUEST_WORDS.search(f, max(0, o.start() - 200)):
        return True  # the issuer's opinions: its items state them, unless they ask someone
    p = _PAST_WORK.search(f)
    if p is not None and not any(head_at(t, f, r.end(), p.start()) for r in _GUIDANCE_REQUEST.finditer(f, max(0, p.start() - 200),
                                                                                                     p.start())):
        # (a request names whom it asks: "đề nghị các đơn vị đã thực hiện …"; not "tôn giáo", folded like "giao")
        return True  # the list of what the author has done: its items state it, unless they ask someone
    m = _GUIDANCE_INTRO.search(f)
    if m is None or _REQUEST_WORDS.search(f, max(0, m.start() - 200)):
        return False
    # "… hướng dẫn các cơ quan, đơn vị xây dựng dự toán … như sau:" guides someone named to do the work: its items ask
    return not head_at(t, f, m.start() + len("huong dan "), len(t))


def guidance_rule(node: Node, year: int | None = None) -> bool:
    """Whether a unit of a guidance (guidance_intro), with all under it, only states how rules apply: it asks
    no one, charges no one and sets no deadline ("2.2. Thẩm quyền …: Tổng cục trưởng quyết định …"); a day of a
    year before the guidance's own `year` is no deadline (convention 37)."""
    return not any(asks_someone(t, year) for t in _texts(node))


def under_notes(node: Node) -> bool:
    """Whether a unit stands under a heading of notes on how rules apply ("Một số lưu ý …"): its parts that
    ask nothing are those rules, restated (a guidance letter's "2.1. Trường hợp … thì … vẫn là …")."""
    return node.parent is not None and _NOTES.match(fold_keep_length(node.parent.text.strip()[:40]).lower()) is not None


# an article that sets what may be spent and at which rate ("Điều 3. Nội dung và mức chi", "Mức hỗ trợ"): who
# decides a form or a rate there decides case by case (convention 36), its units are the rates (convention 15)
_RATES_TITLE = re.compile(r"^(?:(?:noi dung|che do) (?:va |, ?))?(?:muc chi|noi dung chi|dinh muc(?: chi)?|muc ho tro|muc tro cap)\b"
                          r"(?!.*\b(?:trach nhiem|nhiem vu|to chuc thuc hien)\b)")
_DATED = re.compile(r"\b(?:truoc|cham nhat) ngay \d")


def _sets_rates(node: Node) -> bool:
    root = node
    while root.parent is not None:
        root = root.parent
    title = fold_keep_length(root.text.strip().split("\n", 1)[0][:120]).lower()
    return _RATES_TITLE.match(title) is not None and not any(_DATED.search(fold_keep_length(t).lower()) for t in _texts(node))


def states_rules_only(node: Node) -> bool:
    """Whether a unit of an article, with all that stands under it, names no one who must act and asks
    nothing ("Điều 3. Mức hỗ trợ⏎1. Hỗ trợ 40 triệu đồng/hộ đối với …"): a rule, no task. So is a part of
    a letter's notes on the rules (under_notes) that asks nothing."""
    notes = under_notes(node)
    if not notes and not in_articles(node):
        return False
    if not notes and _sets_rates(node):
        return True
    for t in _texts(node):
        g = _GOVERNED.match(fold_keep_length(t[:340]).lower())
        if g is not None and (notes or _ANOTHER_CLAUSE.search(t, g.end()) is None):
            continue  # "Việc thanh toán … thực hiện theo hướng dẫn của Bộ Tài chính.", alone: the rule it defers to
        if _ASKS.search(t):
            return False
        o = find_owners(t)
        if o.lead or o.directed or o.support:
            return False
    return True


# what a session does with an item on its agenda: "Xem xét báo cáo …", "Nghe …", "Thảo luận …", "Lấy phiếu tín nhiệm …"
_AGENDA_VERB = re.compile(r"^(?:xem xet|nghe|thao luan|lay phieu|bo phieu)\b")
# the heading that names the session ("Tại kỳ họp giữa năm 2018:", "Phiên họp thứ hai", "Hội nghị …")
_SESSION = re.compile(r"\b(?:ky hop|phien hop|hoi nghi)\b")


def agenda_item(node: Node) -> bool:
    """Whether a unit is an item on the agenda of a session its heading names ("1. Tại kỳ họp giữa năm:"
    over "1.1. Xem xét báo cáo công tác 6 tháng …"): what the session hears, no task (convention 3)."""
    if node.parent is None or not _AGENDA_VERB.match(fold_keep_length(node.text.strip()[:16]).lower()):
        return False
    return _SESSION.search(fold_keep_length(node.parent.text[:200]).lower()) is not None


# the council named as the subject before its agenda verb ("Hội đồng nhân dân tỉnh xem xét các báo cáo …")
_COUNCIL_SUBJECT = re.compile(r"^(?:hoi dong nhan dan|hdnd)(?: (?:tinh|huyen|xa|thanh pho))?\s+")
_QUESTIONS = re.compile(r"\bchat van\b")


def programme_agenda(node: Node) -> bool:
    """Whether a unit of a programme the council adopts is what its sessions hear ("Hội đồng nhân dân tỉnh
    xem xét các báo cáo …", "Chất vấn và xem xét trả lời chất vấn tại kỳ họp", "Lấy phiếu tín nhiệm …"):
    the agenda of its sessions, no task (convention 3), unlike its topics of supervision and what it does
    on occurrence ("xem xét quyết định … khi có dấu hiệu trái pháp luật")."""
    f = fold_keep_length(" ".join(node.text.split())[:200]).lower()
    if "dau hieu" in f:
        return False
    f = _COUNCIL_SUBJECT.sub("", f)
    return _AGENDA_VERB.match(f) is not None or _QUESTIONS.search(f[:120]) is not None


_TOPIC = re.compile(r"^giam sat\b")


def topic_once(task: Task, *, topical: bool = False) -> None:
    """A topic of a programme of supervision for a year ("Giám sát việc giải quyết kiến nghị của cử tri …", or
    any unit under "Giám sát chuyên đề:", `topical`): done once in that year, not an ongoing duty, unless the
    text says it goes on."""
    f = fold_keep_length(task.text.strip()[:200]).lower()
    if task.kind == "action" and task.schedule.repeat == "continuous" and (topical or _TOPIC.match(f)) \
            and "thuong xuyen" not in f:
        task.schedule.repeat = "once"
        words = task.text.strip().split(":", 1)[0].split()[:4]
        task.explain["schedule.repeat"] = f'a one-off deliverable ("{" ".join(words)}") without a date'


_STANDING = re.compile(r"^giam sat thuong xuyen\b")
_TOPICAL = re.compile(r"^giam sat chuyen de\b")


def programme_heading(text: str) -> str | None:
    """What a programme's heading says of the units under it: "standing" under "Giám sát thường xuyên:" (ongoing
    supervision), "topical" under "Giám sát chuyên đề:" (the year's topics, once), None otherwise."""
    f = fold_keep_length(" ".join(text.split())[:60]).lower()
    return "standing" if _STANDING.match(f) else "topical" if _TOPICAL.match(f) else None


def standing(task: Task) -> None:
    """A unit of standing supervision ("Việc ban hành văn bản quy phạm pháp luật của …" under "Giám sát thường
    xuyên:") goes on all year, whatever its words: continuous, unless a date or an occurrence says otherwise."""
    if task.kind == "action" and task.schedule.repeat == "once" and not task.schedule.due:
        task.schedule.repeat = "continuous"
        task.explain["schedule.repeat"] = 'standing supervision (under "Giám sát thường xuyên")'

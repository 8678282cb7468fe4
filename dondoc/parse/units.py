"""Which numbered units give work, and what they share (pure).

A unit of the outline is a task unless it is a part that holds no task (sections.py): a section's
title, the rules of a guidance, a statement of funds, a stock clause, a promulgation or execution
clause, a decision's own act, a slogan. When a guidance describes one submission, the one deadline
its closing paragraph sets is each unit's (gold convention 14).
"""

from __future__ import annotations

import re
from datetime import date

from dondoc.parse.assessments import assesses
from dondoc.parse.fields import field_kind
from dondoc.parse.outline_nodes import Node
from dondoc.parse.lines import Line
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.owners import find_owners
from dondoc.parse.reports import is_obligation
from dondoc.parse.sections import (
    before_stock_clause,
    acknowledges,
    approves,
    decides_itself,
    is_execution_clause,
    is_form_field,
    is_funding,
    is_rule_from_date,
    is_section,
    is_stock_clause,
    procedure_title,
    titled_section,
)
from dondoc.taskset import Task

# "Đối với tiến độ …", "Về nội dung …": a title naming a topic, over the items on it
TOPIC = re.compile(r"^(?:Đối với|Về|Riêng)\s+(?!các\s|Sở\s|UBND|Ủy ban|Công an)")
# "Trách nhiệm của X", "Nhiệm vụ của X": a title naming X
RESPONSIBILITY_OF = re.compile(r"^(?:[Tt]rách nhiệm|[Nn]hiệm vụ)(?: cụ thể)? của\s+")
# a closing paragraph that opens with a request ("Đề nghị các phòng …", "Giao Văn phòng …")
ASKS_FIRST = re.compile(r"^(?:\S+\s+){0,8}?(?:[Đđ]ề nghị|[Yy]êu cầu|[Gg]iao)\s")
# "Giao Văn phòng UBND tỉnh chủ trì …", "Đề nghị các sở …", "Sở Y tế chủ trì": a paragraph that gives work
_GIVES_WORK = re.compile(r"(?:\b(?:[Gg]iao|[Đđ]ề nghị|[Yy]êu cầu)\s+(?:cho\s+)?(?:[A-ZĐ]|các\s|UBND)|\bchủ trì\b|\bcó trách nhiệm\b)")


# "Điều 6. Trách nhiệm thi hành" over khoản that give the work per body ("1. Bộ trưởng Bộ Công an chủ trì …"):
# a heading whose khoản are read one by one (the execution clause among them is still no task)
_CARRIED_OUT = re.compile(r"^(?:trach nhiem|to chuc|dieu khoan) thi hanh\s*[:.]?\s*$")


def carries_out(title: str) -> bool:
    """Whether a chapter's or article's title only announces how the text is carried out ("ĐIỀU KHOẢN THI HÀNH",
    "Trách nhiệm thi hành"): its articles are read one by one, the one that charges bodies ("Tổ chức thực hiện")
    giving work, the effect and execution clauses none."""
    return _CARRIED_OUT.match(fold_keep_length(title.strip()).lower()) is not None


# a time of its own in a khoản: a day to meet, or a cadence (folded)
_OWN_TIME = re.compile(r"\b(?:truoc|cham nhat(?: la)?|han chot(?: la)?)\s+(?:ngay\s+)?\d|\bhang (?:nam|quy|thang)\b")


def _topic_title(node: Node, first: str) -> bool:
    """Whether an article's text is a bare title over khoản that run on a calendar ("Điều 17. Phân bổ, giao dự
    toán" over "2. … giao dự toán cho các Sở … trước ngày 25 tháng 12 năm trước"): the topic of the article, not the
    decision's own act ("Điều 1. Phân bổ chi tiết kế hoạch vốn … như sau:"); its khoản are read one by one. A title
    over khoản without a time of their own ("Điều 2. Quy định áp dụng") stays the rule it states (convention 36)."""
    t = first.strip()
    if not node.children or "\n" in node.text.strip() or len(t.split()) > 8 or t.endswith((".", ":", ";")):
        return False
    return any(_OWN_TIME.search(fold_keep_length(n.text).lower()) for n in node.walk() if n is not node)
# an item's first sentence, across the line breaks of a hard wrap (no further than a sentence runs)
# (greedy: the same match as "[^.;]{1,400}?[.;]…", the run taken in one step, not grown a character at a time)
_LEAD_SENTENCE = re.compile(r"[^.;]{1,400}[.;](?=\s|$)")
# "… Đề nghị tiếp tục phát huy …", "Yêu cầu …", "cần …": the acknowledgement goes on to ask something
_ASKS_MORE = re.compile(r"(?i)\b(?:đề nghị|yêu cầu|cần|phải|tiếp tục|khẩn trương|trước ngày)\b")


def _asks_before(text: str) -> bool:
    """Whether what a unit says before its stock clause asks for something: a report ("… báo cáo kết quả
    trước ngày 20/12"), or work of someone named ("Đề nghị các đơn vị chủ động phối hợp … triển khai thực hiện.")."""
    return is_obligation(text) or _GIVES_WORK.search(text) is not None


def starts_with_owner(text: str) -> bool:
    """Whether a sentence opens with the owner it charges ("Bộ Quốc phòng chỉ đạo, hướng dẫn …")."""
    lead = find_owners(text).lead
    return bool(lead) and fold_keep_length(text.lstrip("-+• ")).startswith(fold_keep_length(lead[0])[:12])


# "Hồ sơ đề nghị xét tặng (01 bộ), gồm:", "Thành phần hồ sơ gồm:" (folded): what is under it are papers
_DOCUMENTS = re.compile(r"^(?:thanh phan )?ho so\b[^:]{0,100}\bgom\b[^:]{0,30}:\s*$")
# a signer's line: "Nguyễn Văn A (Đã ký)"
_SIGNED = re.compile(r"\((?:đã|Đã|ĐÃ) (?:ký|KÝ)\)\s*$")
# a part that only defers to other rules: "Thực hiện theo Luật …", "Thực hiện theo quy định hiện hành." (folded)
_DEFERS = re.compile(r"^thuc hien theo (?:(?:dung )?quy dinh (?:cua|tai) )?(?:luat|nghi dinh|thong tu|phap luat|cac van ban|"
                     r"quy dinh hien hanh|quy dinh cua phap luat)\b[^;:]{0,200}$")


# a unit that only points to its annex: "(Chi tiết tại Phụ lục kèm theo)", "Có phụ lục kèm theo."
_POINTS_TO_ANNEX = re.compile(r"^[(\s]*(?:co |chi tiet |cu the |noi dung |danh muc nhiem vu )?(?:tai |theo |nhu |tai cac )?"
                              r"phu luc\b[^.;:()]{0,60}[.)\s]*$")


def not_a_task(node: Node, own: str) -> str | None:
    """The text of an item that gives work, or None for a part that holds no task (sections.py): a
    section's title, a rule, a statement of funds, a stock clause, a promulgation or execution clause.
    A clause followed by a paragraph that gives work ("Quyết định này có hiệu lực từ ngày ký.⏎Giao
    Văn phòng UBND tỉnh chủ trì …") is that paragraph's task; a statement of funds with a sentence
    that charges an owner ("- Bộ Quốc phòng chỉ đạo, hướng dẫn … lập dự toán") is a task too."""
    paras = own.split("\n")
    first, rest = paras[0], "\n".join(paras[1:]).strip()
    if is_form_field(first):
        return None  # "3. Ý kiến của các cơ quan liên quan: …" of a phiếu trình: what the form records
    lead = _LEAD_SENTENCE.match(own)
    if lead and "\n" in lead.group() and not is_execution_clause(first) and is_execution_clause(lead.group()):
        # a clause whose first sentence a hard wrap broke ("Thường trực HĐND, các⏎Ban HĐND … giám sát việc
        # thực hiện Nghị quyết này."): read as one sentence; what follows it is read as before
        paras = [" ".join(lead.group().split()), *own[lead.end():].split("\n")]
        first, rest = paras[0], "\n".join(paras[1:]).strip()
    if node.children and not rest and _CARRIED_OUT.match(fold_keep_length(first.strip()).lower()):
        return first
    if node.parent is not None and _DOCUMENTS.match(fold_keep_length(node.parent.text.split("\n", 1)[0]).lower()):
        return None  # "Hồ sơ đề nghị (01 bộ), gồm:" over "a) Tờ trình …": the papers of a file, no task
    said = rest if rest and "\n" not in rest else (first if not rest else "")
    if said and not node.children and not node.bullets and _DEFERS.match(fold_keep_length(said.strip()).lower()):
        return None  # "Thực hiện theo Luật Thi đua, khen thưởng …": it defers to other rules (convention 17)
    if is_section(first) or is_execution_clause(first) or (node.bold and is_section(node.bold)):
        if is_funding(first):
            if any(starts_with_owner(t) for t in [*paras[1:], *(b.text for b in node.bullets)]):
                return own
            return None
        # ("Giao Văn phòng … căn cứ quy trình ban hành kèm theo Quyết định này thiết lập …" names the
        # attachment in passing: a paragraph that opens with the request is no promulgation clause)
        if rest and (_GIVES_WORK.search(rest) or starts_with_owner(rest)) and (
                ASKS_FIRST.match(rest) is not None or not is_section(rest)):
            node.text = rest
            return rest
        return None
    if titled_section(first) and (not node.children or node.style == "dieu"):
        return None  # "Điều 2. Đối tượng áp dụng" over its khoản: the whole article holds no task
    if node.style == "dieu" and node.children and procedure_title(first, lambda: " ".join(
            t for d in node.walk() for t in (d.text, *(b.text for b in d.bullets)))):
        return None  # "Điều 7. Hồ sơ, trình tự giải quyết chế độ" over its steps: the procedure, a rule
    if node.style == "dieu" and not node.parent and (decides_itself(first) or approves(first) or programme_entries(node)) \
            and not _GIVES_WORK.search(own) and not _topic_title(node, first) and not plan_approved_inline(node, first) \
            and not any(field_kind(c.text.split("\n", 1)[0]) in ("lead", "owners") for c in node.children):
        # (an act over field lines that name who leads it, "Điều chỉnh nhiệm vụ … như sau: 1. Tên nhiệm vụ: …
        # 2. Cơ quan chủ trì: Bộ X. … 5. Thời gian hoàn thành: …", gives that work: the unit is the task)
        # "Điều 1. Phân bổ chi tiết kế hoạch vốn …": the decision's own act (convention 15); "Quyết định
        # chương trình giám sát …": the act that adopts a programme, whose units are the work
        return None
    if not node.bullets:
        # "1. Trong quý I năm 2026, mặc dù …, các địa phương đã …" / "I. Về tình hình … đến nay⏎Nhìn chung, … đã …":
        # the conclusion's assessment of the period past, no task; a topic title over it heads the units below
        titled = bool(rest) and TOPIC.match(first) is not None
        if assesses(rest if titled else own):
            if not node.children:
                return None
            if titled:
                node.text = first
                return first
    if acknowledges(first) and not node.children and not _GIVES_WORK.search(own) and not _ASKS_MORE.search(own):
        return None  # "Ghi nhận, biểu dương những kết quả …": what the conclusion says of the work done
    if own.rstrip(" *").endswith("!") and "\n" not in own and not node.bullets and not node.children:
        return None  # "Nhiệt liệt chào mừng …!": a slogan, no task
    if ("lục" in own or "LỤC" in own) and not node.bullets and len(own) < 120 and _POINTS_TO_ANNEX.match(
            fold_keep_length(" ".join(own.split())).lower()):
        return None  # "II. NHIỆM VỤ (Chi tiết tại Phụ lục kèm theo)": the annex's rows are the tasks
    if is_funding(first) and not any(starts_with_owner(t) for t in [first, *paras[1:], *(b.text for b in node.bullets)]):
        return None
    if not node.bullets and not node.children and (len(own) < 600 and is_stock_clause(own) and _alone(paras)
                                                    and not _asks_before(before_stock_clause(own))
                                                    or is_rule_from_date(own) and not find_owners(own).lead):
        return None
    return own


def _alone(paras: list[str]) -> bool:
    """Whether a unit's first paragraph stands alone, or with the effect clause and the signer after it, unlabelled
    ("Thông tư này có hiệu lực thi hành kể từ ngày ký.⏎Nguyễn Văn A (Đã ký)")."""
    return all(is_section(p) or is_execution_clause(p) or len(p) < 80 and _SIGNED.search(p) is not None
               for p in paras[1:] if p.strip())


_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b|\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\b")
# "Thông tư số 152/2016/TT-BTC ngày 17/10/2016", "… số 79/QĐ-BXD ngày 15/02/2017": the date of a document
# cited, never a milestone (gold convention 5)
_CITED = re.compile(r"(?:\d+/(?:\d{4}/)?[A-ZĐ][\w\-]*|\bsố\s*:?\s*\d[\w./\-&]*)\s*,?\s*(?:ngày\s*)?$", re.IGNORECASE)


def milestone_days(text: str, issued: date | None) -> list[re.Match[str]]:
    """The days a calendar's entry can set ("Khai giảng: ngày 05/9/2023"): a date with its year, not the
    date of a document it cites, and not before the decision itself, which can set no day already past
    ("từ tháng 5 năm 1975 đến ngày 07 tháng 01 năm 1979" defines a period of history, no calendar)."""
    days = []
    for m in _DAY_MONTH_YEAR.finditer(text):
        if _CITED.search(text, max(0, m.start() - 60), m.start()):
            continue
        g = [x for x in m.groups() if x]
        d, mo, y = int(g[0]), int(g[1]), int(g[2])
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            continue
        if issued is not None and (y, mo, d) < (issued.year, issued.month, issued.day):
            continue
        days.append(m)
    return days


def _dated(node: Node, issued: date | None) -> bool:
    return bool(milestone_days(node.text, issued)) or any(milestone_days(b.text, issued) for b in node.bullets)


# "Điều 1. Thông qua chương trình giám sát … năm 2018 … Cụ thể như sau:": a programme of work issued
# inline, whose units are its work (not "chương trình hội nghị", an agenda)
# ("Thống nhất nội dung Chương trình giám sát …", "Quyết định chương trình giám sát …": the same act)
_PROGRAMME = re.compile(r"^(?:ban hanh|thong qua|phe duyet|thong nhat(?: noi dung)?|quyet dinh)\s+chuong trinh\s+"
                        r"(?!(?:hoi nghi|buoi le|le|lam viec)\b)")


def programme_entries(node: Node) -> list[Node]:
    """The units of a programme of work that a decision's own act issues inline ("Thông qua chương trình
    giám sát năm 2018 … như sau:" over the sessions and topics): each is work, dated or not."""
    if not (node.style == "dieu" and not node.parent and node.children):
        return []
    return node.children if _PROGRAMME.match(fold_keep_length(" ".join(node.text.split())[:60]).lower()) else []


def plan_approved_inline(node: Node, first: str) -> bool:
    """Whether a decision's "Điều 1. Phê duyệt (Ban hành) Kế hoạch / Đề án / Chương trình … với những nội dung
    chủ yếu sau:" holds the plan itself, in sections ("I. MỤC TIÊU", "II. NHIỆM VỤ", "III. TỔ CHỨC THỰC HIỆN") that
    give work to named bodies: the plan's units are the work the decision gives out, not the act's contents (a
    council's approval, convention 23, is approves(), not this)."""
    if not (decides_itself(first) and any(c.style == "roman" for c in node.children)):
        return False
    return any(_GIVES_WORK.search(d.text) or starts_with_owner(d.text) for c in node.children for d in c.walk())


def calendar_entries(node: Node, issued: date | None = None) -> list[Node]:
    """The units under a decision's own act that are a calendar's dated milestones ("Điều 1. Ban hành
    Kế hoạch thời gian năm học … như sau: 1. … a) Khai giảng: ngày 05/9/2023"): someone must meet each
    (gold convention 17), though the act that issues the calendar is no task. A unit whose own text
    has no date, over dated ones, stands over them as a heading; an undated entry ("Nghỉ Tết … theo
    quy định") defers to other rules and is left out. Empty when the act is no calendar."""
    if not (node.style == "dieu" and not node.parent and node.children and decides_itself(node.text.strip())):
        return []
    if _GIVES_WORK.search(node.text) or programme_entries(node):
        return []
    if plan_approved_inline(node, node.text.strip()):
        return []  # its units are work, dated or not
    return [c for c in node.children if any(_dated(d, issued) for d in c.walk())]


# "từ ngày 05/9/2023 đến ngày 13/01/2024": a period, no milestone; "sớm nhất từ ngày …": the earliest start
_PERIOD = re.compile(r"\b(?:từ|sớm nhất)\b", re.IGNORECASE)


def milestone(task: Task, issued: date | None = None) -> None:
    """A calendar's entry whose text names one day ("Khai giảng: ngày 05/9/2023") is due that day, once
    (gold convention 17); a period ("Học kỳ I: từ ngày … đến ngày …") is once, with no due."""
    if task.kind == "report" or task.schedule.due or task.schedule.relative is not None:
        if task.kind != "report" and task.schedule.due:
            task.schedule.repeat = "once"
        return
    task.schedule.repeat = "once"
    task.explain["schedule.repeat"] = "a milestone of a calendar the decision issues: once"
    days = milestone_days(task.text, issued)
    if len(days) != 1 or _PERIOD.search(task.text):
        return
    g = [x for x in days[0].groups() if x]
    d, m, y = int(g[0]), int(g[1]), int(g[2])
    task.schedule.due = [f"{y:04d}-{m:02d}-{d:02d}"]
    task.explain["schedule.due"] = f'the day the calendar sets ("{days[0].group()}")'


# "Bộ hướng dẫn Sở … xây dựng dự toán … như sau:": the numbered units describe one submission
_GUIDES_A_SUBMISSION = re.compile(r"\bhuong dan\b.{0,160}\b(?:xay dung|lap|chuan bi|danh gia|tong hop)\b.{0,400}(?:nhu sau|sau)\s*:\s*$")
_CLOSING_KEY = re.compile(r"R\d+")


def one_submission(tasks: list[Task], preamble: list[Line]) -> None:
    """Gold convention 14: when a dispatch guides its addressees in preparing one submission ("… hướng
    dẫn … xây dựng dự toán … như sau:") and states one deadline for it, in its closing paragraph, each
    numbered unit that describes a part of it is due then, once."""
    joined = " ".join(ln.text for ln in preamble[-6:]).strip()
    if "hướng dẫn" not in joined.lower() or not joined.endswith(":"):
        return
    if not _GUIDES_A_SUBMISSION.search(fold_keep_length(joined)):
        return
    closing = [t for t in tasks if t.kind == "report" and _CLOSING_KEY.fullmatch(t.key)]
    dated = [t for t in closing if t.schedule.repeat == "once" and t.schedule.due and all(len(d) == 10 for d in t.schedule.due)]
    units = [t for t in tasks if t.kind != "report" and not t.key.startswith("-")]
    if len(dated) != 1 or len(closing) != 1 or not units or sum(1 for t in units if t.schedule.due) * 3 > len(units):
        return
    for t in units:
        if not t.schedule.due and t.schedule.relative is None and t.schedule.repeat in ("once", "continuous"):
            t.schedule.due = list(dated[0].schedule.due)
            t.schedule.repeat = "once"
            t.explain["schedule.due"] = f"the one deadline the closing paragraph sets for the submission ({dated[0].key})"
            t.explain["schedule.repeat"] = "a part of one submission: once"

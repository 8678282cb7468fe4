"""Field units: the numbered lines of a plan that say who and when, not what (pure).

    I. CÔNG TÁC QUÁN TRIỆT
    1. Nội dung, biện pháp          a) Tổ chức hội nghị …   b) Tổ chức triển khai …
    2. Cơ quan chủ trì, phối hợp    a) Cơ quan chủ trì: - Ban Chỉ đạo …   b) Cơ quan phối hợp: - …
    3. Thời gian thực hiện: Tháng 12/2013 và thường xuyên.

"2." and "3." are no tasks (gold convention 12): they name the owners and the time of the tasks
beside them (1.a, 1.b). The same fields written as lettered lines under one item ("a) Cơ quan chủ
trì: Sở Nội vụ", "b) Thời gian thực hiện: Quý II/2026") belong to that item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dondoc.parse.dates import DateContext, find_deadlines
from dondoc.parse.outline_nodes import Node
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.owners import find_owners, label_owners
from dondoc.parse.tables import when_phrase
from dondoc.taskset import Task

# what a field unit's title says it holds
_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("owners", re.compile(r"^(?:co quan|don vi)\s+(?:chu tri|thuc hien)\s*(?:,|va)\s*(?:phoi hop|thuc hien)\b")),
    ("support", re.compile(r"^(?:co quan|don vi|cac co quan|cac don vi)\s+phoi hop\b")),
    # "Cơ quan chủ trì", "Cơ quan, đơn vị thực hiện" (two nouns for one field)
    ("lead", re.compile(r"^(?:(?:co quan|don vi|cac co quan|cac don vi)(?:\s*(?:,|va)\s*(?:co quan|don vi))?\s+"
                        r"(?:chu tri|thuc hien|chiu trach nhiem|phu trach)|chu tri(?:\s+thuc hien)?|trach nhiem thuc hien)\b")),
    # "Thời gian thực hiện", "Thời hạn gửi báo cáo", "Thời gian báo cáo"
    ("time", re.compile(r"^(?:thoi gian|thoi han|tien do)(?:\s+(?:thuc hien|hoan thanh|trien khai|to chuc|(?:gui |nop )?bao cao))?\s*(?::|$)")),
    # "Nội dung báo cáo:": what the unit's report holds, no task of its own; "Nội dung chủ yếu" over the items; but
    # "1.1. Nội dung: Hiệp thương về cơ cấu …" (its field lines under it) is the task itself, written after the colon
    # (and "Nội dung: kết quả thực hiện …, khó khăn, vướng mắc": the matters reported, a noun phrase, no work)
    ("content", re.compile(r"^noi dung(?:\s+bao cao\s*(?::|$)|(?:\s+(?:thuc hien|chu yeu))?\s*(?::\s*$|$)|"
                           r"\s*:\s*(?:ket qua|tinh hinh|so lieu|kho khan|nhung (?:ket qua|kho khan|van de))\b)")),
]
_TITLE_END = re.compile(r"\s*(?::|$)")
_FIRST_WORDS = ("co quan", "don vi", "cac co quan", "cac don vi", "chu tri", "trach nhiem", "thoi gian", "thoi han",
                "tien do", "noi dung")


@dataclass
class Fields:
    """What the field units beside some tasks say: their owners and their time."""

    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    time: list[str] = field(default_factory=list)  # the time lines as written ("Tháng 12/2013 và thường xuyên")
    where: str = ""  # the keys of the field units, for the explanations

    def __bool__(self) -> bool:
        return bool(self.lead or self.support or self.time)


def _subject_acts(text: str) -> bool:
    """Whether what follows a title's colon is a clause whose subject acts ("Nội dung: Ban Thường trực … tổ chức …")."""
    after = text.partition(":")[2].strip()
    if not after:
        return False
    found = find_owners(after)
    return bool(found.lead) and all(w.startswith("subject of the sentence") for w in found.lead_why)


def field_kind(text: str) -> str | None:
    """"lead", "support", "owners" (both), "time", or None when the text opens no field unit."""
    f = fold_keep_length(text.strip().lstrip("*").strip()[:60])
    if not f.startswith(_FIRST_WORDS):
        return None
    for kind, pattern in _KINDS:
        m = pattern.match(f)
        if m is None:
            continue
        rest = f[m.end() :].lstrip(" ,")
        if kind == "content" and _subject_acts(text):
            return None  # "Nội dung: Ban Thường trực … phối hợp với UBND xã tổ chức hội nghị …": a unit of work
        # the title alone, or the title then its values after a colon ("Cơ quan chủ trì: Sở Nội vụ")
        if kind in ("time", "content") or not rest or rest.startswith(":") or _TITLE_END.match(rest):
            return kind
    return None


# beside field units, the lines that name the task itself or what it yields ("1. Tên nhiệm vụ: Xây dựng Đề án …",
# "4. Kết quả: Quyết định … phê duyệt Đề án", "Sản phẩm: …"): fields too, the unit over them is the task
_NAMES_THE_TASK = re.compile(r"^(?:ten (?:nhiem vu|cong viec|de an|hoat dong)|ket qua(?: dau ra| du kien)?|san pham(?: dau ra)?)\s*:")


def names_the_task(text: str) -> bool:
    return _NAMES_THE_TASK.match(fold_keep_length(text.strip()[:40]).lower()) is not None


def is_field(node: Node) -> bool:
    kind = field_kind(node.text.split("\n", 1)[0])
    # "1. Nội dung" over a), b) holds the tasks themselves; "b) Nội dung báo cáo: …" only describes one
    return kind is not None and not (kind == "content" and node.children)


def _names(piece: str) -> list[str]:
    """The owners one line of a field names: a list, or the line itself when it is short."""
    piece = piece.strip(" .;,-–+•*")
    if not piece or piece.startswith("(") or len(piece) > 160:
        return []
    return label_owners(piece) or [piece]


def _values(node: Node) -> list[str]:
    """The lines a field unit holds: after its title's colon, its paragraphs, its bullets."""
    first, _, more = node.text.partition("\n")
    _, colon, after = first.partition(":")
    out = [after] if colon and after.strip() else []
    out += [ln for ln in more.split("\n") if ln.strip()]
    out += [b.text for b in node.bullets]
    return out


def read_fields(nodes: list[Node]) -> Fields:
    """What the field units among `nodes` (and their lettered parts) say."""
    got = Fields()
    for nd in nodes:
        _collect(nd, field_kind(nd.text.split("\n", 1)[0]), got)
    got.lead = list(dict.fromkeys(got.lead))
    got.support = [s for s in dict.fromkeys(got.support) if s not in got.lead]
    return got


def _collect(nd: Node, kind: str | None, got: Fields) -> None:
    if kind is None:
        return
    got.where = (got.where + ", " if got.where else "") + nd.key
    if kind == "time":
        got.time += [v.strip() for v in _values(nd) if v.strip()]
    elif kind in ("lead", "support"):
        names = [nm for v in _values(nd) for piece in v.split(";") for nm in _names(piece)]
        (got.lead if kind == "lead" else got.support).extend(names)
    for c in nd.children:
        _collect(c, field_kind(c.text.split("\n", 1)[0]) or (kind if kind != "owners" else None), got)


def merged(outer: Fields | None, inner: Fields) -> Fields:
    """The fields of an inner block, each taken from the outer block where the inner one says nothing."""
    if outer is None:
        return inner
    return Fields(inner.lead or outer.lead, inner.support or outer.support, inner.time or outer.time,
                  inner.where or outer.where)


def field_dues(fields: Fields, ctx: DateContext, warnings: list[str]) -> list[str]:
    """The due dates the time lines of the fields state ("Tháng 12/2013 và thường xuyên" → 2013-12-31);
    none for a window ("Từ năm 2013 đến năm 2020") or a start ("Từ tháng 11/2013 trở đi")."""
    dues: list[str] = []
    for line in fields.time:
        dues += [d.due for d in find_deadlines(when_phrase(line), every_year=False, ctx=ctx, warnings=warnings) if d.due]
    return list(dict.fromkeys(dues))


_ONGOING_TIME = re.compile(r"\bthuong xuyen\b")


def apply_fields(task: Task, fields: Fields, ctx: DateContext, warnings: list[str]) -> None:
    """Give a task the due the time lines of the field units beside it state, when it states none.

    Their owners reach the tasks as a binding Given (dispatch.emit), which yields to an item's own
    field lines and to a nearer heading (tasks.fill_lead)."""
    if fields.time and not task.schedule.due and task.schedule.relative is None and task.schedule.repeat not in ("weekly", "ad_hoc"):
        dues = field_dues(fields, ctx, warnings)
        ongoing = _ONGOING_TIME.search(fold_keep_length(" ".join(fields.time)).lower())
        if not dues and ongoing and task.kind == "action" and task.schedule.repeat == "once":
            # "Thời gian thực hiện: Thường xuyên hằng năm" written once for the block: its tasks go on
            task.schedule.repeat = "continuous"
            task.explain["schedule.repeat"] = f'ongoing work ("{fields.time[0][ongoing.start():ongoing.end()]}")' \
                if len(fields.time) == 1 else 'ongoing work ("thường xuyên")'
        if dues:
            if task.schedule.repeat == "monthly":
                dues = [d if d.startswith("---") else "---" + d[-2:] for d in dues]
            task.schedule.due = dues
            task.explain["schedule.due"] = f'the time of the block ({fields.where}): "{"; ".join(fields.time)}"'


# "Các nội dung trên hoàn thành trước ngày 30/5/2026.": a closing line for the items above it
_ABOVE = re.compile(r"^(?:tat ca\s+)?(?:cac|nhung)\s+(?:noi dung|nhiem vu|cong viec|viec|muc|hoat dong|giai phap)\s+"
                    r"(?:neu\s+|ke\s+|tai cac muc\s+|o\s+)?tren\b")


# a deadline, not the time of an event: "hoàn thành trước …", "xong trong tháng …" (not "Tại kỳ họp cuối năm 2018:",
# the session whose agenda the items under it are)
_DEADLINE_WORD = re.compile(r"(?:truoc|cham nhat|muon nhat|han|hoan thanh|xong|trong|den het|den cuoi|khong qua)\b")


def heading_time(own: str, key: str, ctx: DateContext) -> Fields | None:
    """The deadline a heading states for the items under it ("1. Các sở thực hiện các nội dung sau, hoàn
    thành trước ngày 30/6/2026:"), as a time field for them; None when it states none."""
    phrases = [d.phrase for d in find_deadlines(own, every_year=False, ctx=ctx, warnings=[])
               if d.due and _DEADLINE_WORD.match(fold_keep_length(d.phrase))]
    return Fields(time=phrases, where=f"the heading of item {key}") if phrases else None


def closing_time(nodes: list[Node], ctx: DateContext) -> Fields | None:
    """The deadline a line after the last of `nodes` states for all of them ("Các nội dung trên hoàn
    thành trước ngày 30/5/2026."), as a time field for them; None when there is no such line."""
    if len(nodes) < 2:
        return None
    for line in nodes[-1].text.split("\n")[1:]:
        if _ABOVE.match(fold_keep_length(line.strip())):
            phrases = [d.phrase for d in find_deadlines(line, every_year=False, ctx=ctx, warnings=[]) if d.due]
            if phrases:
                return Fields(time=phrases, where=f"the line after item {nodes[-1].key}")
    return None

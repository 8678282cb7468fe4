"""Who an item's task belongs to: its field lines, its own words, the heading above it, the preamble,
the addressees (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dondoc.parse.dates import DateContext
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.fieldlines import Fields, read_fields, without_fields
from dondoc.parse.observances import EventFinder
from dondoc.parse.owners import Given, Owners, find_owners, label_owners
from dondoc.parse.resolve import addressed
from dondoc.taskset import Owner, Task

# explain["lead"] starts with one of these when the item itself names nobody (the scorer reads it).
IMPLICIT_LEAD = ("stated in the preamble", "no owner named")


@dataclass
class Context:
    """What the whole dispatch tells every item."""

    dates: DateContext
    finder: EventFinder
    campaign: set[str]
    preamble_lead: list[str]
    preamble_why: str
    recipients: list[str]
    warnings: list[str] = field(default_factory=list)
    guidance: bool = False  # the items follow "X hướng dẫn … như sau:": they state rules unless they ask


def owners_of(texts: list[str], label: str, *, directs: bool = True) -> Owners:
    """The owners an item's label, sentences and field lines name; field lines ("Cơ quan chủ trì: X")
    outweigh the sentences."""
    found = Owners()
    names = label_owners(label) if label else []
    if names:
        found.add_lead(names, f'the bold heading "{label}" names it')
    fields = Fields()
    # a bullet's "Chỉ đạo B …" names B beside the item's owner when the item's own words name nobody ("Về lĩnh
    # vực …:") or say its owner directs ("Đề nghị UBND tỉnh chỉ đạo các ngành … sau:"); else it is one duty
    # among others (gold convention 10: "A chỉ đạo B" both lead)
    open_to = False
    for k, t in enumerate(texts):
        f = read_fields(t)
        o = find_owners(without_fields(t, f) if f.spans else t, directs=directs and (k == 0 or open_to))
        if k == 0:
            open_to = not names and (not o.lead and not o.directed and not label_owners(t.strip().rstrip(":"))
                                     or _DIRECTS.search(fold_keep_length(t)) is not None)
        fields.add(f)
        if not names or k:  # the heading names the owner of its text: the names the text uses are not more owners
            found.add_lead(o.lead, "; ".join(o.lead_why))
        if k == 0 or not o.lead:  # "- Sở X: Chỉ đạo B …": X's own duty, one among the others
            found.directed += [x for x in o.directed if x not in found.directed]
        found.add_support(o.support, "; ".join(o.support_why))
    if fields.lead or fields.support:
        named = Owners(fielded=True)
        named.add_lead(fields.lead or found.lead, "the field line (Cơ quan chủ trì: …) names it" if fields.lead else
                       "; ".join(found.lead_why))
        named.add_support(fields.support or found.support, "the field line (Cơ quan phối hợp: …) names it"
                          if fields.support else "; ".join(found.support_why))
        return named
    return found


_DIRECTS = re.compile(r"\bchi dao\b")


# the head of a body named by post ("Giám đốc Sở Kế hoạch và Đầu tư"): the same owner as the body itself
_HEAD_POST = re.compile(r"^(?:Giám đốc|Thủ trưởng|Chủ tịch|Trưởng)\s+(?=\S)")


def _owners(names: list[str]) -> list[Owner]:
    """The owners named, each once: a body and its head named by post ("Sở Kế hoạch và Đầu tư", and "Giám đốc Sở Kế
    hoạch và Đầu tư" in the letter's closing words) are one owner, the first written."""
    seen: set[str] = set()
    out: list[Owner] = []
    for n in names:
        body = _HEAD_POST.sub("", n).casefold()
        if body in seen:
            continue
        seen.add(body)
        out.append(Owner(name=_unglued(n)))
    return out


_LOWER = "a-zđàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹ"
_GLUED = re.compile(f"[{_LOWER}]{{2}}(?=[A-ZĐ{_LOWER.upper()[3:]}])")
_SEEN: dict[str, str] = {}  # names already looked at: the same few come back item after item


def _unglued(name: str) -> str:
    """A word a copy glued to the next one's capital ("Thương binh vàXã hội", "củaVăn phòng"): no Vietnamese
    word has a capital inside it, so a space goes back before it; an abbreviation's one small letter ("TTgCP") stays."""
    hit = _SEEN.get(name)
    if hit is None:
        hit = name if _GLUED.search(name) is None else _GLUED.sub(lambda m: m.group() + " ", name)
        if len(_SEEN) > 4096:
            _SEEN.clear()
        _SEEN[name] = hit
    return hit


# a sentence that is nothing but the report ("Báo cáo ngay …", "Kịp thời báo cáo …"): the report is the item
_REPORT_FIRST = re.compile(r"^\W*(?:(?:dinh ky|kip thoi|thuong xuyen|dong thoi)\s*,?\s*)?(?:bao cao|gui bao cao)\b")


# "đột xuất", "khi có yêu cầu" are a cadence a mixed item takes; "kịp thời", "khi phát sinh" are not (convention 20)
_ON_REQUEST = re.compile(r"\b(?:dot xuat|khi co yeu cau|theo yeu cau)\b")


def later_subjects_only(found: Owners, first: str) -> bool:
    """Whether every lead found is a subject of a sentence after the first, which names no owner and
    opens with what to do."""
    if not found.lead or found.fielded or not all(w.startswith("subject of the sentence") for w in found.lead_why):
        return False
    return not find_owners(first).lead and not found.directed


def fill_lead(task: Task, found: Owners, inherited: Given | None, ctx: Context, where: str) -> None:
    """Lead owners: the item's own field lines, else the fields of its block, else named in the item,
    else the heading above, the preamble, the addressees; support likewise."""
    if found.fielded and found.lead:
        task.lead = _owners(found.lead)
        task.explain["lead"] = "; ".join(w for w in found.lead_why if w)
    elif inherited is not None and inherited.binding and inherited.lead:
        task.lead = _owners(inherited.lead)
        task.explain["lead"] = inherited.why
    elif found.lead:
        task.lead = _owners(found.lead + [x for x in found.directed if x not in found.lead])
        task.explain["lead"] = "; ".join(w for w in found.lead_why if w) + (
            f'; and "{", ".join(found.directed)}", whom it directs' if found.directed else "")
    elif inherited and inherited.lead:
        task.lead = _owners(inherited.lead + [x for x in found.directed if x not in inherited.lead])
        task.explain["lead"] = inherited.why + (f'; and "{", ".join(found.directed)}", whom it directs' if found.directed else "")
    elif ctx.preamble_lead:
        task.lead = _owners(ctx.preamble_lead + [x for x in found.directed if x not in ctx.preamble_lead])
        task.explain["lead"] = f"stated in the preamble for the items that name nobody: {ctx.preamble_why}" + (
            f'; and "{", ".join(found.directed)}", whom it directs' if found.directed else "")
    elif found.directed:
        task.lead = _owners(found.directed)  # the addressees direct them: only those named count
        task.explain["lead"] = f'"{", ".join(found.directed)}", directed by the item ("Chỉ đạo …")'
    elif ctx.recipients:
        task.lead = _owners(ctx.recipients)
        task.explain["lead"] = "no owner named in the item; falls to the addressees (Kính gửi)"
        ctx.warnings.append(f"{where}: no owner named; it falls to the addressees (Kính gửi)")
    else:
        task.explain["lead"] = "no owner named in the item, and the dispatch has no addressees"
        ctx.warnings.append(f"{where}: no owner found")
    if task.lead and ctx.recipients and not task.explain.get("lead", "").startswith(IMPLICIT_LEAD):
        task.lead = _owners(addressed(ctx.recipients, [o.name for o in task.lead]))
    lead = {o.name for o in task.lead}
    if found.fielded and found.support:
        task.support = _owners([x for x in found.support if x not in lead])
        task.explain["support"] = "; ".join(w for w in found.support_why if w)
    elif inherited is not None and inherited.binding and inherited.support:
        task.support = _owners([x for x in inherited.support if x not in lead])
        task.explain["support"] = inherited.why
    elif found.support:
        task.support = _owners([x for x in found.support if x not in lead])
        task.explain["support"] = "; ".join(w for w in found.support_why if w)
    elif inherited is not None and inherited.support:
        task.support = _owners([x for x in inherited.support if x not in lead])
        task.explain["support"] = inherited.why

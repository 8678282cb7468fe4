"""Field lines that name an item's owners: "Cơ quan chủ trì: Sở Tư pháp", "Đơn vị phối hợp: …", and blocks of them (pure).

Real plans often give owners in fields rather than in a sentence, under each item

    a) Rà soát văn bản quy phạm pháp luật.
    - Cơ quan chủ trì: Sở Tư pháp.
    - Cơ quan phối hợp: Các sở, ban, ngành; UBND các xã, phường.
    - Thời gian hoàn thành: Quý II/2025.

or once for a whole section: a labelled block after its items ("2. Cơ quan chủ trì, phối hợp" with its
own a) and b), "3. Thời gian thực hiện: …"), or field lines after the last of them. The fields' owners
are those of the items they belong to, and the fields themselves are no items (convention 12 of
tests/gold/corpus/README.md). A field states who is answerable: it outweighs a name the item's
sentences happen to use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dondoc.parse.outline_nodes import Node
from dondoc.parse.heads import org_at, verb_at
from dondoc.parse.lines import tokenize
from dondoc.parse.named_posts import without_addresses
from dondoc.parse.names import name_texts, owner_list
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.owners import Given, find_owners

_ROLE = r"(?:co quan|don vi|bo phan|to chuc|ca nhan|nguoi|cap|lanh dao)"
# "Tổ chức thực hiện" is a section (how the plan is carried out), not a field: "tổ chức" only after another role
_ROLES = rf"(?:(?!to chuc){_ROLE}(?:\s*(?:,|/|va|hoac)\s*{_ROLE})*\s+)?"
_LEAD = (r"(?:chu tri(?:\s*(?:,|va|/)\s*thuc hien)?|thuc hien|chiu trach nhiem(?: chinh)?|phu trach|tham muu|dau moi|thuong truc|duoc giao|"
         r"trach nhiem)(?:\s+(?:thuc hien|chinh|tham muu))?")
_SUPPORT = r"phoi hop(?:\s+(?:thuc hien|trien khai))?"
_TIME = (r"thoi gian(?:\s+(?:thuc hien|hoan thanh|trien khai|to chuc))?|thoi han(?:\s+hoan thanh)?|"
         r"tien do(?:\s+(?:thuc hien|hoan thanh))?|san pham(?:\s+(?:dau ra|hoan thanh))?|du kien san pham")
# A field's label at the start of a line (after a bullet mark), then ":" or the end of the line (its
# values on the lines under it). Group "both": "Cơ quan chủ trì, phối hợp", a block of both.
_FIELD = re.compile(
    rf"[\s*+•\-–]*(?:{_ROLES}(?:(?P<both>chu tri\s*(?:,|va|/)\s*(?:va\s+)?phoi hop)|(?P<lead>{_LEAD})|(?P<support>{_SUPPORT}))"
    rf"|(?P<time>{_TIME}))\s*(?:(?P<colon>[:：])|$)"
)
# Where a second field may start on the same line: "Cơ quan chủ trì: Sở Tư pháp; cơ quan phối hợp: …"
_NEXT = re.compile(r"[;.]\s+")


@dataclass
class Fields:
    """The fields read from a text (or a block of items): owners, times, and where they are."""

    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    when: list[str] = field(default_factory=list)  # the time fields' values, as written
    spans: list[tuple[int, int]] = field(default_factory=list)  # the field lines, in characters
    open_role: str = ""  # a label with no value on its line ("a) Cơ quan chủ trì"): the lines under it give them
    pure: bool = True  # each value is nothing but owners ("Cơ quan thường trực: Sở Nội vụ tổng hợp, …" is a duty)

    def __bool__(self) -> bool:
        return bool(self.lead or self.support or self.when or self.open_role)

    def add(self, other: Fields) -> None:
        self.lead += [x for x in other.lead if x not in self.lead]
        self.support += [x for x in other.support if x not in self.support and x not in self.lead]
        self.when += other.when

    def given(self, why: str, above: Given | None) -> Given | None:
        """What the items of the fields inherit: their owners (binding), or what was above when they name none."""
        if not self.lead and not self.support:
            return above
        lead = self.lead or (above.lead if above else [])
        return Given(lead, why, self.support, True)


# Words that start no predicate in a field's value, only a qualifier of the name ("… trong tỉnh", "… tại địa phương")
_QUALIFY = frozenset({"trong", "tai", "theo", "tren", "thuoc", "o", "cua", "ve", "dong", "truc"})
_BETWEEN = frozenset({";", ",", "va", "-", "–", "+", "(", ")", "/", "cung", "voi", "."})


def value_owners(value: str) -> tuple[list[str], bool]:
    """The owners a field's value lists ("Các sở, ban, ngành; UBND các xã, phường."), up to the first
    words that are no owner; and whether the value is nothing else."""
    value = without_addresses(value)  # "Đồng chí Phó Chủ tịch Thường trực, …": the post
    toks = tokenize(value)
    names: list[str] = []
    i = 0
    n = len(toks)
    while i < n:
        if toks[i].f in _BETWEEN:
            i += 1
            continue
        ol = owner_list(toks, i)
        if not ol.names or ol.end <= i:
            return names, False
        if ol.verb and toks[ol.end].f not in _QUALIFY:
            names += [x for x in name_texts(value, ol.names) if x not in names]
            return names, False
        # up to the next ";": words that are neither an owner nor a predicate qualify the last name
        # ("Các Đội chuyên trách của quân đội", "các sở, ban ngành trong tỉnh")
        seg = next((k for k in range(ol.end, n) if toks[k].f in (";", ".")), n)
        spans = list(ol.names)
        if seg > ol.end and toks[ol.end].f not in (",", "va") and not any(
                verb_at(toks, k) and toks[k].f not in _QUALIFY or org_at(toks, k) for k in range(ol.end, seg) if toks[k].word):
            spans[-1] = (spans[-1][0], toks[seg - 1].end)
            ol.end = seg
        names += [x for x in name_texts(value, spans) if x not in names]
        i = ol.end
    return names, True


def _role(m: re.Match[str]) -> str:
    return "both" if m.group("both") else "lead" if m.group("lead") else "support" if m.group("support") else "time"


def _role_value(role: str, value: str) -> tuple[Fields, bool]:
    """What a field's value gives under its label's role (time; lead, support or both owners), and
    whether it is nothing but owners (a time, or owners read from a sentence, count as such)."""
    if role == "time":
        return Fields(when=[value]), True
    if role == "both" or role == "lead" and "phối hợp" in value.lower():
        # "Trách nhiệm thực hiện: Sở Nội vụ chủ trì, phối hợp Cục Thống kê tỉnh": a sentence of both roles
        found = find_owners(value)
        if found.lead or role == "both":
            return Fields(found.lead, found.support), True
    names, only = value_owners(value)
    return (Fields(names) if role == "lead" else Fields([], names)), only


def read_fields(text: str) -> Fields:
    """The field lines of a text: each line that starts with a field's label, and the fields that
    follow it on the same line after a ";" or "."."""
    out = Fields()
    if ":" not in text and "\n" not in text and len(text) > 60:
        return out  # a field is a short line or has a colon
    folded = fold_keep_length(text)
    pos = 0
    size = len(text)
    while pos <= size:
        nl = text.find("\n", pos)
        end = size if nl < 0 else nl
        m = _FIELD.match(folded, pos, end)
        if m is not None and (m.group("colon") or m.end() >= end - 1):
            start = pos
            while m is not None:
                role = _role(m)
                vstart = m.end()
                nxt = None
                for sep in _NEXT.finditer(folded, vstart, end):
                    cand = _FIELD.match(folded, sep.end(), end)
                    if cand is not None and cand.group("colon"):
                        nxt = (sep.start(), cand)
                        break
                vend = nxt[0] if nxt else end
                value = text[vstart:vend].strip(" .;:")
                if not value:
                    out.open_role = role
                else:
                    given, only = _role_value(role, value)
                    out.add(given)
                    out.pure = out.pure and only
                m = nxt[1] if nxt else None
            out.spans.append((start, end))
        if nl < 0:
            break
        pos = nl + 1
    return out


def without_fields(text: str, f: Fields) -> str:
    """The text with its field lines blanked (same length): what its sentences say apart from them."""
    if not f.spans:
        return text
    parts = []
    last = 0
    for s, e in f.spans:
        parts.append(text[last:s])
        parts.append(" " * (e - s))
        last = e
    parts.append(text[last:])
    return "".join(parts)


def _node_fields(node: Node) -> Fields | None:
    """The fields a labelled unit is ("2. Cơ quan chủ trì, phối hợp", "3. Thời gian thực hiện: …"), with
    the values under it; None when it is no field."""
    first = node.text.split("\n", 1)[0]
    m = _FIELD.match(fold_keep_length(first[:80]))  # a label is short: no need to fold a long line
    if m is None or not (m.group("colon") or m.end() >= len(first) - 1):
        return None
    out = read_fields(node.text)
    if not out.pure:
        return None  # "Cơ quan thường trực: Sở Nội vụ tổng hợp, báo cáo …": an owner and a duty, an item
    role = _role(m)
    rest = node.text.split("\n", 1)[1] if "\n" in node.text else ""
    lines = [b.text for b in node.bullets] + ([ln for ln in rest.split("\n") if ln.strip()] if out.open_role else [])
    lines = [ln for ln in lines if not ln.lstrip().startswith("(")]  # a note in parentheses names no owner
    for ln in lines:
        sub = read_fields(ln)
        if sub.lead or sub.support or sub.when:
            out.add(sub)
        else:
            out.add(_role_value(role, ln)[0])
    for c in node.children:
        under = _node_fields(c)
        if under is None:
            return None  # a unit under it that is no field: an item, and this is no block of fields
        out.add(under)
    out.open_role = ""
    return out


def trailing_fields(children: list[Node]) -> Fields | None:
    """Field lines after the last of a section's items ("b) Kiện toàn …⏎Đơn vị chủ trì: Sở Nội vụ.") or
    field bullets under it, when the other items have none of their own: written once for the section,
    taken out of the last item."""
    if not children:
        return None
    last = children[-1]
    head, _, rest = last.text.partition("\n")
    tail = read_fields(rest) if rest else Fields()
    marked = [(b, read_fields(b.text)) for b in last.bullets]
    fielded = sum(1 for b, f in marked if f)
    by_bullets = fielded and any(f.lead or f.support for b, f in marked) and all(f for b, f in marked[-fielded:])
    if not (tail.lead or tail.support or by_bullets) or any(_has_fields(c) for c in children[:-1]):
        return None
    if any(_names_its_lead(c.text) for c in children[:-1]):
        return None  # "1. … (Bộ X chủ trì, …)": the items before name their own; the lines are the last one's
    found = Fields()
    if tail.lead or tail.support:
        found.add(tail)
        last.text = head + "\n" + without_fields(rest, tail).rstrip()
    if by_bullets:
        for b, f in marked:
            if f:
                found.add(f)
        last.bullets = [b for b, f in marked if not f]
    return found


_CHAIRS = re.compile(r"\bchu tri\b")


def _names_its_lead(text: str) -> bool:
    """Whether an item names who leads it ("… (Bộ Xây dựng chủ trì; hoàn thành trong quý IV/2026)")."""
    f = fold_keep_length(text)
    m = _CHAIRS.search(f)
    return m is not None and bool(find_owners(text[max(0, m.start() - 160) : m.end()]).lead)


def _has_fields(node: Node) -> bool:
    return bool(read_fields(node.text)) or any(read_fields(b.text) for b in node.bullets)


def shared_fields(children: list[Node]) -> None:
    """Field bullets written once after several items ("1.1. Tổ chức …⏎1.2. Nâng cao …⏎- Cơ quan thực
    hiện: …⏎- Thời gian thực hiện: …"), in a section whose items mostly carry their own: the items
    without any before them take them too (copied onto each, the last item keeping its own)."""
    if len(children) < 3:
        return
    fielded = [any(read_fields(b.text) for b in c.bullets) for c in children]
    if 2 * sum(fielded) < len(children):
        return
    run: list[Node] = []
    for c, has in zip(children, fielded):
        if not has:
            if c.children or _has_fields(c) or _names_its_lead(c.text):
                run = []
            else:
                run.append(c)
            continue
        if run:
            shared = [b for b in c.bullets if read_fields(b.text)]
            for r in run:
                r.bullets = list(r.bullets) + shared
        run = []

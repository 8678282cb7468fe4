"""The tasks the outline's items give, item by item down the tree (pure).

An item's owners come from the nearest heading that names them (a label in bold, an owner line, a
title line that is nothing but owners, "Giao Sở Nội vụ chủ trì … các nhiệm vụ sau:"), else from the
item above it or the field units ("Cơ quan chủ trì: …") of its block; headings over their children
give no task of their own; dash bullets belong to the item they stand under, and an unnumbered owner
heading among them is a unit of its own (`II.-1`); a calendar the decision issues gives a milestone
for each dated entry. OutlineTasks collects the tasks and the line each key starts on.
"""

from __future__ import annotations

import re

from dondoc.parse.fieldlines import shared_fields, trailing_fields
from dondoc.parse.fields import (Fields, apply_fields, closing_time, heading_time, is_field, merged, names_the_task,
                                 read_fields)
from dondoc.parse.outline_nodes import Bullet, Node
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.owner_headings import OWNER_HEADING_TAIL, only_owners, owner_title
from dondoc.parse.owners import Given, find_owners, label_owners
from dondoc.parse.real_dates import impossible_dates
from dondoc.parse.rules import (agenda_item, guidance_rule, programme_agenda, programme_heading, standing,
                                states_rules_only, topic_once)
from dondoc.parse.sections import is_section, without_closing_clauses
from dondoc.parse.table_tasks import item_at
from dondoc.parse.tasks import Context, item_tasks
from dondoc.parse.units import (RESPONSIBILITY_OF, TOPIC, calendar_entries, carries_out, milestone, not_a_task,
                                programme_entries)
from dondoc.taskset import Task

_GROUP_WORDS = re.compile(r"^(?:riêng\s+)?(?:đối với|riêng)\s+", re.IGNORECASE)


def _title_like(own: str) -> bool:
    """Whether the text of an item with sub-items reads as their heading: a few words, or one line
    without a full stop ("Các hoạt động kỷ niệm 95 năm Ngày thành lập Đoàn TNCS Hồ Chí Minh")."""
    words = len(own.split())
    return words <= 12 or words <= 45 and "\n" not in own and not own.rstrip(" *").endswith((".", ";", "!", "?"))


# A date as impossible_dates() writes it: digits and "/" (and any space but " " the text had in it).
# a heading that gives the work out to what is under it ("… giao:", "… đề nghị:", "… yêu cầu:")
_GIVES = re.compile(r"(?:^|\s)(?:giao|đề nghị|yêu cầu)(?:\s+như sau)?\s*:\s*$", re.IGNORECASE)
# "Hội đồng nhân dân tỉnh thống nhất với nội dung chất vấn …, cụ thể như sau:": the issuer's stance over what it
# then asks of others; the body that speaks owns none of it (folded), unless it goes on to ask ("… HĐND tỉnh
# đề nghị UBND tỉnh quan tâm chỉ đạo …:" names the owner of what is under it)
_ASKED = re.compile(r"\b(?:de nghi|yeu cau|giao)\b")
# a title that only names whom the items under it are given to ("1. Phân công Thường trực Ban Chỉ đạo", "2. Giao
# Sở Y tế"): their heading, the owners it names theirs unless an item names its own
_GIVES_TO = re.compile(r"(?:Phân công|PHÂN CÔNG|Giao|GIAO)\s+")
# the same verbs as written (not "Sở Giáo dục", which folds like "giao")
_ASKS_AS_WRITTEN = re.compile(r"(?<!\w)(?:đề nghị|yêu cầu|giao)(?!\w)", re.IGNORECASE)
_STANCE = re.compile(r"^(?:hoi dong nhan dan|hdnd|uy ban nhan dan|ubnd)[^:,.;]{0,40}? (?:thong nhat|tan thanh|nhat tri|ghi nhan|danh gia cao)\b")
_DATE_CHARS = re.compile(r"[^\d/\s]|[ ]")
_SAID_REACH = 16  # the longest date so written without odd spaces ("31/12/2025" and room)


class _Said:
    """Whether a date is written in one of the warnings so far (`d in w` for some w), asked often.

    A date holds only digits, "/" and spaces other than " ", so it is written in a warning only inside
    a run of such characters: the pieces of those runs, up to _SAID_REACH long, are kept in a set as
    the warnings come; a longer date is looked for in the warnings themselves.
    """

    def __init__(self, warnings: list[str]) -> None:
        self.warnings = warnings
        self.read = 0
        self.pieces: set[str] = set()

    def said(self, d: str) -> bool:
        for w in self.warnings[self.read :]:
            for run in _DATE_CHARS.split(w):
                for i in range(len(run)):
                    for j in range(i + 1, min(len(run), i + _SAID_REACH) + 1):
                        self.pieces.add(run[i:j])
        self.read = len(self.warnings)
        if len(d) <= _SAID_REACH:
            return d in self.pieces
        return any(d in w for w in self.warnings)


class OutlineTasks:
    """The tasks of an outline's items, in reading order (`emit` each root), and the line of each key.

    `tasks` and `line_of` are the reading's own: parse_dispatch goes on adding to them (tables,
    reports of the tail, prose requests). Items under which a table stands (`under_tables`, by id)
    give no task here: the table's rows are their tasks.
    """

    def __init__(self, ctx: Context, under_tables: set[int]) -> None:
        self.ctx = ctx
        self.under_tables = under_tables
        self.tasks: list[Task] = []
        self.line_of: dict[str, int] = {}
        self.warned = _Said(ctx.warnings)
        self.in_calendar = False  # emitting the entries of a calendar or programme the decision issues

    def emit(self, node: Node, inherited: Given | None, fields: Fields | None = None) -> None:
        if id(node) in self.under_tables:
            return  # its table's rows are its tasks
        if node.group:
            named = label_owners(_GROUP_WORDS.sub("", node.group))
            if named:
                inherited = Given(named, f'from the heading paragraph "{node.group}:" above item {node.key}')
        own = node.text.strip()
        if "\n" in own and own.split("\n", 1)[0].isupper():
            heading_line, own = own.split("\n", 1)
            node.text = own
            if is_section(heading_line):
                return
        if node.part and is_section(node.part) and not carries_out(node.part):
            return  # an article in a chapter of rules ("Chương I. NHỮNG QUY ĐỊNH CHUNG"); one of "ĐIỀU KHOẢN THI HÀNH" is read

        if not self.in_calendar and not (inherited and inherited.lead) and states_rules_only(node):
            return  # "Điều 3. Mức hỗ trợ" over the rates it sets: a rule, charging nobody (convention 15)
        issued = self.ctx.dates.issued
        if self.ctx.guidance and not (inherited and inherited.lead) and guidance_rule(node, issued.year if issued is not None else None):
            return  # "… hướng dẫn … như sau:" over "1. Địa điểm …: thực hiện theo Điều 22": a rule (convention 15)
        if agenda_item(node) or self.in_calendar and node.children == [] and programme_agenda(node):
            return  # "Tại kỳ họp giữa năm:" over "Xem xét báo cáo …": what the session hears, no task
        skip = not_a_task(node, own)
        if skip is None:
            for c in calendar_entries(node, self.ctx.dates.issued):
                before = len(self.tasks)
                self.in_calendar = True  # a milestone someone must meet, though it names nobody
                self.emit(c, inherited, fields)  # the dated milestones of a calendar the decision issues
                self.in_calendar = False
                for t in self.tasks[before:]:
                    milestone(t, self.ctx.dates.issued)
            for c in programme_entries(node):
                before = len(self.tasks)
                self.in_calendar = True  # the work of a programme the decision issues inline
                self.emit(c, inherited, fields)
                self.in_calendar = False
                kind = programme_heading(c.text)
                for t in self.tasks[before:]:
                    if kind == "standing":
                        standing(t)  # under "Giám sát thường xuyên:": ongoing
                    elif "thuong xuyen" not in fold_keep_length(c.text[:120]).lower():
                        topic_once(t, topical=kind == "topical")
            return
        own = skip
        # field units among the children ("2. Cơ quan chủ trì, phối hợp", "3. Thời gian thực hiện: …")
        # are no tasks: they give the owners and time of the tasks beside them (gold convention 12)
        is_fields = [is_field(c) for c in node.children]
        if any(is_fields):
            is_fields = [yes or names_the_task(c.text) for c, yes in zip(node.children, is_fields)]
        field_nodes = [c for c, yes in zip(node.children, is_fields) if yes]
        children = [c for c, yes in zip(node.children, is_fields) if not yes] if field_nodes else node.children
        block = read_fields(field_nodes) if field_nodes else None
        if block is None and len(children) > 1:
            # field lines written once after the last item of a section ("Đơn vị chủ trì: Sở Nội vụ.")
            tail = trailing_fields(children)
            if tail is not None:
                block = Fields(tail.lead, tail.support, tail.when, f"after item {children[-1].key}")
        if block and block.time and field_nodes and not children:
            # "1. Báo cáo tháng" over "a) Cơ quan thực hiện: …", "c) Thời gian báo cáo: … trước ngày 25 hằng
            # tháng": the unit is the task, its time lines say its cadence and day as its own text would
            node.text = node.text.rstrip() + "\n" + "\n".join(block.time)
        if block:
            fields = merged(fields, block)
            if block.lead or block.support:
                # the owners the fields name are binding on the block's tasks, unless an item names its
                # own in field lines, or a nearer heading names another (fill_lead)
                inherited = Given(block.lead or (inherited.lead if inherited else []),
                                  f"the owners the field units {block.where} name for this block", block.support, True)
        label = node.bold
        # "Điều 3. Hội đồng nhân dân tỉnh giao:" over the bodies given the work: the one who gives it owns none
        folded = fold_keep_length(own[:400]).lower()
        stance = _STANCE.search(folded) is not None and _ASKED.search(folded) is None
        # "Ủy ban thường vụ Quốc hội yêu cầu Chính phủ chỉ đạo …:": who asks owns none of it; find_owners below
        # tells the asked from the one who asks
        ask = _ASKS_AS_WRITTEN.search(own, 0, 160) if (children or own.endswith(":")) and not own.isupper() else None
        asks = ask is not None and ask.start() > 0  # someone named before the verb asks (a heading's question only)
        heading_owner = label_owners(own[:-1]) if own.endswith(":") and not _GIVES.search(own) and not stance \
            and not asks else []
        if label and not label_owners(label):
            label = ""
        if not label and own.find(":", 0, 120) > 0:
            # "Sở Tài chính: Thẩm định …", "Sở Nội vụ:⏎Là cơ quan thường trực …": the owners, then their duty
            head, _, duty = own.partition(":")
            duty = duty.lstrip()
            if duty[:1].isalpha() and " " in head.strip() and "\n" not in head and only_owners(OWNER_HEADING_TAIL.sub("", head)):
                label = head
        if not label and "\n" in own:
            # "2. Bộ Quốc phòng⏎Chủ trì, phối hợp …", "3. Trách nhiệm của các Bộ, ngành, địa phương⏎…": a title
            # line that is nothing but owners names the owners of the paragraphs under it
            head = RESPONSIBILITY_OF.sub("", own.split("\n", 1)[0].strip(" *:"))
            if len(head) < 200 and not head.endswith((".", ";")) and only_owners(head):
                label = head
        # "1. Sở Y tế" over dash bullets: a line that is nothing but owners, without a colon, owns them
        owner_line = (bool(node.bullets) and not children and len(own) < 120 and "\n" not in own
                      and not own.endswith((":", ".", ";")) and only_owners(own))
        titled = owner_title(own) if children else []  # "Điều 4. Sở Tài chính có nhiệm vụ" over its khoản
        gives_to = _GIVES_TO.match(own) if children else None
        given_to = own[gives_to.end() :].strip(" *:") if gives_to is not None else ""
        given_to = given_to if given_to and only_owners(given_to) else ""
        heading = own.isupper() or own.endswith(":") or owner_line or bool(titled) or (bool(children) and _title_like(own) and (
            TOPIC.match(own) is not None or not find_owners(own).lead or bool(given_to)))
        if heading and not heading_owner and given_to:
            heading_owner = label_owners(given_to)  # "Giao X chủ trì, phối hợp với Y …:" is read below, with its support
        if titled and not heading_owner and not label:
            heading_owner = titled
        if heading and not heading_owner and not label and not _GIVES.search(own) and not stance and not asks:
            heading_owner = label_owners(RESPONSIBILITY_OF.sub("", own.rstrip(":")))
        here = Given(heading_owner or label_owners(label) if label else heading_owner, f'from the heading of item {node.key}')
        if here.lead and not label and "chỉ đạo" in own:
            # "2. UBND các tỉnh chỉ đạo Sở LĐTBXH phối hợp … thực hiện các nội dung sau:": B, whom A directs, too
            said = find_owners(own)
            here = Given(here.lead + [x for x in said.lead + said.directed if x not in here.lead], here.why)
        if not here.lead and (children or node.bullets) and not own.isupper() and not _GIVES.search(own) and not stance:
            said = find_owners(own)  # "Giao Sở Nội vụ chủ trì thực hiện các nhiệm vụ sau:": the section's owners
            here = Given(said.lead, f'stated for item {node.key} and what is under it', said.support)
            if not said.lead and said.directed and inherited and inherited.lead:
                # "3. Chỉ đạo cán bộ Tư pháp:" over a), b): the owner above directs B, and both do each point
                here = Given(inherited.lead + [x for x in said.directed if x not in inherited.lead],
                             f'{inherited.why}; and "{", ".join(said.directed)}", whom the heading of item {node.key} directs')
        passed = here if here.lead else inherited  # the nearer owner outweighs a block of fields further up
        for ln in node.lines:
            for d in impossible_dates(ln.text):
                if not self.warned.said(d):
                    self.ctx.warnings.append(f"line {ln.no}: item {node.key}: {d} is not a real date")
        # dash bullets belong to the unit they stand under: their owners, dues and events are its own,
        # their reporting obligations its report tasks (gold convention 3). An unnumbered owner heading
        # among them ("**Sở Nội vụ:**") is a unit of its own, keyed by its place ("II.-1"), whose
        # bullets are its own
        grouped = [b for b in node.bullets if b.group]
        plain = [b for b in node.bullets if not b.group]
        if children or not heading or plain or not grouped:
            if children and heading and not plain:
                pass  # a heading over its children gives no task of its own
            elif heading and not plain and not grouped and (own.isupper() or not own):
                pass  # a heading in capitals over nothing
            else:
                self.add(node, label, passed if heading else inherited, plain, fields)
        for k, g in enumerate(dict.fromkeys(b.group for b in grouped), 1):
            self.add_group(f"{node.key}.-{k}", g, [b for b in grouped if b.group == g], passed, fields)
        if children and heading and not plain:
            # "1. …, hoàn thành trước ngày 30/6/2026:" over a), b): the heading's deadline is theirs
            timed = heading_time(own.rstrip().rsplit("\n", 1)[-1], node.key, self.ctx.dates)  # the line that opens them
            fields = merged(fields, timed) if timed else fields
        self.emit_all(children, passed, fields)

    def emit_all(self, nodes: list[Node], inherited: Given | None, fields: Fields | None = None) -> None:
        """Emit sibling items; a closing line after the last ("Các nội dung trên hoàn thành trước …") times them all."""
        said = closing_time(nodes, self.ctx.dates)
        shared_fields(nodes)
        for c in nodes:
            self.emit(c, inherited, merged(fields, said) if said else fields)

    def add_group(self, key: str, group: str, bullets: list[Bullet], inherited: Given | None,
                  fields: Fields | None) -> None:
        named = label_owners(OWNER_HEADING_TAIL.sub("", group))
        span = (bullets[0].start, bullets[-1].end)
        self.line_of[key] = bullets[0].lines[0].no
        new = item_tasks(key, group + ":", [(b.text, (b.start, b.end)) for b in bullets], span, "; ".join(named),
                         inherited, self.ctx, item_at(bullets[0].lines[0].no, key))
        for t in new:
            self.line_of.setdefault(t.key, bullets[0].lines[0].no)
            if t.key == key:
                t.explain["key"] = f'the owner heading "{group}:" and its bullets under item {key.rsplit(".-", 1)[0]}'
            if fields:
                apply_fields(t, fields, self.ctx.dates, self.ctx.warnings)
        self.tasks.extend(new)

    def add(self, node: Node, label: str, inherited: Given | None, bullets: list[Bullet],
            fields: Fields | None = None) -> None:
        span = (node.start, node.end)
        if node.cell_lead and not label:
            # a row of a task table the text layer flattened: its column "Cơ quan chủ trì"
            inherited = Given(label_owners(node.cell_lead), f'the column "Cơ quan chủ trì" of its row: "{node.cell_lead}"')
        self.line_of[node.key] = node.lines[0].no
        new = item_tasks(node.key, without_closing_clauses(node.text.strip()), [(b.text, (b.start, b.end)) for b in bullets], span, label,
                         inherited, self.ctx, item_at(node.lines[0].no, node.key))
        for t in new:
            self.line_of.setdefault(t.key, node.lines[0].no)
            if fields:
                apply_fields(t, fields, self.ctx.dates, self.ctx.warnings)
        self.tasks.extend(new)

    def add_bullet(self, key: str, b: Bullet, inherited: Given | None) -> None:
        self.line_of[key] = b.lines[0].no
        new = item_tasks(key, b.text, [], (b.start, b.end), "", inherited, self.ctx, item_at(b.lines[0].no, key))
        for t in new:
            t.explain["key"] = f"bullet {b.index} under item {key.rsplit('.-', 1)[0]}" if ".-" in key else f"bullet {b.index}"
        self.tasks.extend(new)

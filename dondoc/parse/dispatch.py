"""parse_dispatch: from a dispatch's text to a TaskSet (pure: no I/O, no clock, no environment)."""

from __future__ import annotations

import re

from dondoc.directory import Directory
from dondoc.errors import NothingToTrackError
from dondoc.observances import ObservanceCatalog
from dondoc.parse.cadence import _weekly_days, explicit_cadence
from dondoc.parse.dates import DateContext, impossible_dates
from dondoc.parse.fields import Fields, apply_fields, is_field, merged, read_fields
from dondoc.parse.header import Header, parse_header
from dondoc.parse.items import Bullet, Node, Outline, build_outline
from dondoc.parse.owner_headings import OWNER_HEADING_TAIL, only_owners
from dondoc.parse.kinds import classification_mark, is_meeting_calendar
from dondoc.parse.layout import unfold_layout
from dondoc.parse.lines import Line, _tokenize, split_lines
from dondoc.parse.lunar_dues import lunar_deadlines
from dondoc.parse.normalize import fold_keep_length, forget_folds
from dondoc.parse.observances import EventFinder
from dondoc.parse.fieldlines import trailing_fields
from dondoc.parse.owners import Given, find_owners, label_owners, owners_read
from dondoc.parse.preamble import _NAMED_ABOVE, _issuer_from_preamble, _paragraph_lines, _preamble_owners
from dondoc.parse.prose import bullets_ask, excerpt_asks, is_request, nothing_asked, with_its_submission
from dondoc.parse.report_specs import find_reports
from dondoc.parse.reports import _first_report
from dondoc.parse.resolve import complete_names, resolve, set_gatherers
from dondoc.parse.table_tasks import after_table, item_at, placed, table_parents, table_tasks
from dondoc.parse.tables import find_tables, is_task_table
from dondoc.parse.sections import is_section
from dondoc.parse.tasks import Context, item_tasks, report_task
from dondoc.parse.units import ASKS_FIRST, RESPONSIBILITY_OF, TOPIC, calendar_entries, milestone, not_a_task, one_submission
from dondoc.taskset import Dispatch, Source, Task, TaskSet

_FINDERS: dict[int, tuple[ObservanceCatalog, EventFinder]] = {}
_GROUP_WORDS = re.compile(r"^(?:riêng\s+)?(?:đối với|riêng)\s+", re.IGNORECASE)
_INSTRUCTION_INTRO = re.compile(r"(?:de nghi|yeu cau|giao|nhiem vu|noi dung|thuc hien|sau)\s*:?\s*$")
# an introduction that asks ("… đề nghị các đơn vị thực hiện như sau:"), not one that opines ("… có ý kiến như sau:")
_ASKING_INTRO = re.compile(r"\b(?:de nghi|yeu cau|giao|chi dao|thuc hien|trien khai|nhiem vu|noi dung|khan truong)\b")


def forget_texts() -> None:
    """Empty the caches of derived texts (folded, tokens, cadence, report) that one reading fills.

    Reading a dispatch asks several questions of the same item text; the caches answer the repeats.
    They are emptied at the start of each reading so memory stays bounded and a benchmark that
    reads the same text again measures a first reading.
    """
    forget_folds()
    for cached in (_tokenize, explicit_cadence, _first_report, lunar_deadlines, _weekly_days, owners_read):
        cached.cache_clear()
    for _, finder in _FINDERS.values():
        finder.forget()


def _finder(catalog: ObservanceCatalog) -> EventFinder:
    hit = _FINDERS.get(id(catalog))
    if hit is None or hit[0] is not catalog:
        if len(_FINDERS) > 32:
            _FINDERS.clear()
        hit = (catalog, EventFinder(catalog))
        _FINDERS[id(catalog)] = hit
    return hit[1]


def _title_like(own: str) -> bool:
    """Whether the text of an item with sub-items reads as their heading: a few words, or one line
    without a full stop ("Các hoạt động kỷ niệm 95 năm Ngày thành lập Đoàn TNCS Hồ Chí Minh")."""
    words = len(own.split())
    return words <= 12 or words <= 30 and "\n" not in own and not own.rstrip(" *").endswith((".", ";", "!", "?"))


# A date as impossible_dates() writes it: digits and "/" (and any space but " " the text had in it).
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


def parse_dispatch(
    text: str,
    *,
    source: Source,
    observances: ObservanceCatalog,
    directory: Directory | None = None,
) -> TaskSet:
    """Read a dispatch's text into a task set; raise NothingToTrackError when nothing is to be tracked."""
    forget_texts()  # the caches serve one dispatch: a run of many measures the first reading of each
    lines = unfold_layout(split_lines(text), is_task_table=is_task_table)
    header = parse_header(lines)
    body = lines[header.body_start : header.body_end]
    annexed = lines[header.appendix[0] : header.appendix[1]] if header.appendix else []
    tables = find_tables(body) + find_tables(annexed)
    if tables:  # read apart, row by row; the outline sees blank lines in their place
        in_table = {ln.no for t in tables for ln in t.lines}
        body = [ln._replace(text="", bold="") if ln.no in in_table else ln for ln in body]
        annexed = [ln._replace(text="", bold="") if ln.no in in_table else ln for ln in annexed]
    outline = build_outline(body)
    if annexed:
        # a plan promulgated with a decision: an outline of its own (its numbering starts afresh),
        # its items after the decision's; its title lines name no owner
        more = build_outline(annexed)
        decided = {nd.key for root in outline.items for nd in root.walk()}
        if any(nd.key in decided for root in more.items for nd in root.walk()):
            # a regulation's "Điều 1" after the decision's "Điều 1": the attached document's keys take
            # the prefix "PL." (gold convention 2)
            for root in more.items:
                for nd in root.walk():
                    nd.key = "PL." + nd.key
        outline = Outline(outline.preamble, outline.items + more.items, outline.tail + more.tail, outline.loose_bullets)
    finder = _finder(observances)
    preamble_text = " ".join(ln.text for ln in outline.preamble)
    lead, why = _preamble_owners(outline.preamble)
    if lead and header.recipients and _NAMED_ABOVE.search(fold_keep_length(why)):
        # "yêu cầu các cơ quan, đơn vị nêu trên": the ones listed above, the addressees
        lead, why = list(header.recipients), why + ' ("nêu trên": the addressees, Kính gửi)'
    ctx = Context(
        dates=DateContext(header.issued_on, header.year, header.month),
        finder=finder,
        campaign=finder.campaign_events(preamble_text + " " + (header.subject or "")),
        preamble_lead=lead,
        preamble_why=why,
        recipients=header.recipients,
        warnings=list(header.warnings),
    )
    tasks: list[Task] = []
    line_of: dict[str, int] = {}

    warned = _Said(ctx.warnings)
    parents = table_parents(tables, outline)
    under_tables = {id(nd) for nd in parents if nd is not None}

    def emit(node: Node, inherited: Given | None, fields: Fields | None = None) -> None:
        if id(node) in under_tables:
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
        if node.part and is_section(node.part):
            return  # an article in a chapter of rules ("Chương I. NHỮNG QUY ĐỊNH CHUNG")
        skip = not_a_task(node, own)
        if skip is None:
            for c in calendar_entries(node):
                before = len(tasks)
                emit(c, inherited, fields)  # the dated milestones of a calendar the decision issues
                for t in tasks[before:]:
                    milestone(t)
            return
        own = skip
        # field units among the children ("2. Cơ quan chủ trì, phối hợp", "3. Thời gian thực hiện: …")
        # are no tasks: they give the owners and time of the tasks beside them (gold convention 12)
        is_fields = [is_field(c) for c in node.children]
        field_nodes = [c for c, yes in zip(node.children, is_fields) if yes]
        children = [c for c, yes in zip(node.children, is_fields) if not yes] if field_nodes else node.children
        block = read_fields(field_nodes) if field_nodes else None
        if block is None and len(children) > 1:
            # field lines written once after the last item of a section ("Đơn vị chủ trì: Sở Nội vụ.")
            tail = trailing_fields(children)
            if tail is not None:
                block = Fields(tail.lead, tail.support, tail.when, f"after item {children[-1].key}")
        if block:
            fields = merged(fields, block)
            if block.lead or block.support:
                # the owners the fields name are binding on the block's tasks, unless an item names its
                # own in field lines, or a nearer heading names another (fill_lead)
                inherited = Given(block.lead or (inherited.lead if inherited else []),
                                  f"the owners the field units {block.where} name for this block", block.support, True)
        label = node.bold
        heading_owner = label_owners(own[:-1]) if own.endswith(":") else []
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
        heading = own.isupper() or own.endswith(":") or owner_line or (bool(children) and _title_like(own) and (
            TOPIC.match(own) is not None or not find_owners(own).lead))
        if heading and not heading_owner and not label:
            heading_owner = label_owners(RESPONSIBILITY_OF.sub("", own.rstrip(":")))
        here = Given(heading_owner or label_owners(label) if label else heading_owner, f'from the heading of item {node.key}')
        if here.lead and not label and "chỉ đạo" in own:
            # "2. UBND các tỉnh chỉ đạo Sở LĐTBXH phối hợp … thực hiện các nội dung sau:": B, whom A directs, too
            said = find_owners(own)
            here = Given(here.lead + [x for x in said.lead + said.directed if x not in here.lead], here.why)
        if not here.lead and (children or node.bullets) and not own.isupper():
            said = find_owners(own)  # "Giao Sở Nội vụ chủ trì thực hiện các nhiệm vụ sau:": the section's owners
            here = Given(said.lead, f'stated for item {node.key} and what is under it', said.support)
        passed = here if here.lead else inherited  # the nearer owner outweighs a block of fields further up
        for ln in node.lines:
            for d in impossible_dates(ln.text):
                if not warned.said(d):
                    ctx.warnings.append(f"line {ln.no}: item {node.key}: {d} is not a real date")
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
                add(node, label, passed if heading else inherited, plain, fields)
        for k, g in enumerate(dict.fromkeys(b.group for b in grouped), 1):
            add_group(f"{node.key}.-{k}", g, [b for b in grouped if b.group == g], passed, fields)
        for c in children:
            emit(c, passed, fields)

    def add_group(key: str, group: str, bullets: list[Bullet], inherited: Given | None,
                  fields: Fields | None) -> None:
        named = label_owners(OWNER_HEADING_TAIL.sub("", group))
        span = (bullets[0].start, bullets[-1].end)
        line_of[key] = bullets[0].lines[0].no
        new = item_tasks(key, group + ":", [(b.text, (b.start, b.end)) for b in bullets], span, "; ".join(named),
                         inherited, ctx, item_at(bullets[0].lines[0].no, key))
        for t in new:
            line_of.setdefault(t.key, bullets[0].lines[0].no)
            if t.key == key:
                t.explain["key"] = f'the owner heading "{group}:" and its bullets under item {key.rsplit(".-", 1)[0]}'
            if fields:
                apply_fields(t, fields, ctx.dates, ctx.warnings)
        tasks.extend(new)

    def add(node: Node, label: str, inherited: Given | None, bullets: list[Bullet],
            fields: Fields | None = None) -> None:
        span = (node.start, node.end)
        line_of[node.key] = node.lines[0].no
        new = item_tasks(node.key, node.text.strip(), [(b.text, (b.start, b.end)) for b in bullets], span, label,
                         inherited, ctx, item_at(node.lines[0].no, node.key))
        for t in new:
            line_of.setdefault(t.key, node.lines[0].no)
            if fields:
                apply_fields(t, fields, ctx.dates, ctx.warnings)
        tasks.extend(new)

    def add_bullet(key: str, b: Bullet, inherited: Given | None) -> None:
        line_of[key] = b.lines[0].no
        new = item_tasks(key, b.text, [], (b.start, b.end), "", inherited, ctx, item_at(b.lines[0].no, key))
        for t in new:
            t.explain["key"] = f"bullet {b.index} under item {key.rsplit('.-', 1)[0]}" if ".-" in key else f"bullet {b.index}"
        tasks.extend(new)

    calendar = is_meeting_calendar(body)
    if calendar:
        # a lịch công tác: its dated entries are meetings with a chair, not tasks (conventions 3, 17)
        ctx.warnings.append("the text is a calendar of meetings (lịch công tác): its dated entries are no tasks")
        tables = []
    else:
        for root in outline.items:
            emit(root, None)
    closing: list[Line] = []
    if not outline.items and outline.loose_bullets and not calendar:
        # dash bullets after "đề nghị … thực hiện một số nội dung sau:" are the items; the paragraphs
        # after the last of them close the dispatch
        first, last = outline.loose_bullets[0].start, outline.loose_bullets[-1].start
        intro = [ln for ln in outline.preamble if ln.start < first]
        if intro and (_INSTRUCTION_INTRO.search(fold_keep_length(intro[-1].text)) and _ASKING_INTRO.search(
                fold_keep_length(intro[-1].text)) or bullets_ask(intro[-1].text, outline.loose_bullets)):
            for b in outline.loose_bullets:
                if b.start > intro[-1].start:
                    add_bullet(f"-{b.index}", b, None)
            closing = [ln for ln in outline.preamble if ln.start > last]
        elif not tables and header.recipients and header.number:
            # a dispatch (numbered, addressed) whose dash bullets list names ("Các đơn vị sau chưa gửi
            # báo cáo:"), no instruction: the paragraphs after them hold the request and close it
            closing = [ln for ln in outline.preamble if ln.start > last]
    if not outline.items and not closing and tables:
        # a dispatch whose tasks are all in tables: the paragraphs after the last table close it
        tables_end = tables[-1].lines[-1].start
        closing = [ln for ln in outline.preamble if ln.start > tables_end]
    # the rows of each table where it stands, and the reports its heading item asks for after it
    blocks = [(table.start, table_tasks(table, parent, line_of, ctx)) for table, parent in zip(tables, parents)]
    last_table: dict[int, tuple[Node, int]] = {}  # heading item -> where the last line of its last table starts
    for table, nd in zip(tables, parents):
        if nd is not None:
            last_table[id(nd)] = (nd, table.lines[-1].start)
    for nd, last in last_table.values():
        new = after_table(nd, last, line_of, ctx)
        if new:
            blocks.append((new[0].span[0] if new[0].span else 0, new))
    tasks[:] = placed(tasks, blocks)
    # a dispatch with nothing numbered asks in prose: each paragraph that asks someone to act is a task
    dispatched = bool(header.number or header.number_blank or header.recipients or header.issued_on and header.issuer)
    prose: list[list[Line]] = []
    if not outline.items and not tables and not tasks and not calendar:
        prose = [p for p in _paragraph_lines(outline.preamble) if is_request(" ".join(ln.text for ln in p), subjects=True)]
        if not dispatched and not excerpt_asks(prose, outline.preamble, ctx.dates):
            prose = []  # no header, and nothing that reads as a dispatch's request: news, say
        closing = [ln for ln in closing if not any(ln in p for p in prose)]
    elif calendar:
        # after a calendar's entries, a paragraph that opens with a request asks for something
        last_entry = max([b.start for b in outline.loose_bullets] + [nd.start for r in outline.items for nd in r.walk()],
                         default=-1)
        after = [ln for ln in outline.preamble if ln.start > last_entry]
        prose = [p for p in _paragraph_lines(after) if ASKS_FIRST.match(" ".join(ln.text for ln in p))
                 and is_request(" ".join(ln.text for ln in p))]
    n = 0
    for para in _paragraph_lines([*outline.tail, *closing]):
        text = " ".join(ln.text for ln in para)
        specs = find_reports(text, ctx=ctx.dates, warnings=ctx.warnings) if not calendar or ASKS_FIRST.match(text) else []
        for spec in specs:
            n += 1
            fallback = ctx.preamble_lead or ctx.recipients
            t = report_task(f"R{n}", text, spec, (para[0].start, para[-1].end), fallback)
            line_of[t.key] = para[0].no
            tasks.append(t)
        if calendar and not ASKS_FIRST.match(text):
            continue  # a calendar's entries and notes ask nothing, unless a closing request says so
        if not specs and is_request(text):
            prose.append(para)  # an unnumbered request after the numbered part (gold convention 8)
    prose = with_its_submission(prose, ctx.dates)
    for k, para in enumerate(prose, 1):
        key = "-" if len(prose) == 1 else f"-{k}"
        text = " ".join(ln.text for ln in para)
        line_of[key] = para[0].no
        for t in item_tasks(key, text, [], (para[0].start, para[-1].end), "", None, ctx, item_at(para[0].no, key)):
            t.explain["key"] = f"a request written as prose (paragraph at line {para[0].no})"
            line_of.setdefault(t.key, para[0].no)
            tasks.append(t)
    if not tasks:
        raise NothingToTrackError(source.name, nothing_asked(dispatched, calendar))
    one_submission(tasks, outline.preamble)
    mark = classification_mark(lines)
    if mark is not None:
        ctx.warnings.insert(0, f'line {mark[0].no}: the document is classified ("{mark[1]}"): reminders carry only '
                               "its number, the item's key and the date")
    dispatch = Dispatch(
        classified=mark is not None,
        number=header.number,
        issuer=header.issuer or _issuer_from_preamble(outline.preamble),
        issued_on=header.issued_on,
        subject=header.subject,
        recipients=header.recipients,
        place=header.place,
        signer=header.signer,
        source=source,
    )
    seen: set[str] = set()
    unique: list[Task] = []
    tried: dict[str, int] = {}  # a key seen twice -> the last "#k" given it (those before are taken)
    for t in tasks:
        if t.key in seen:
            k = tried.get(t.key, 1) + 1
            while f"{t.key}#{k}" in seen:
                k += 1
            tried[t.key] = k
            ctx.warnings.append(f"line {line_of.get(t.key, 0)}: item {t.key} appears twice; the second is {t.key}#{k}")
            t.key = f"{t.key}#{k}"
        seen.add(t.key)
        unique.append(t)
    annexed_text = lines[header.appendix[0] : header.appendix[1]] if header.appendix else []
    set_gatherers(unique, "\n".join(ln.text for ln in [*lines[header.body_start : header.body_end], *annexed_text]))
    if directory is not None:
        complete_names(unique, directory)
    ts = TaskSet(dispatch=dispatch, tasks=unique, warnings=list(dict.fromkeys(ctx.warnings)))
    if directory is not None:
        resolve(ts, directory, header, line_of)
    return ts

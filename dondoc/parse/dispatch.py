"""parse_dispatch: from a dispatch's text to a TaskSet (pure: no I/O, no clock, no environment).

It reads the header, builds the outline (with a promulgated plan's as its own), and gathers the
tasks: the outline items' (outline_tasks.py), the tables' rows, the reports asked for after the last
item, and the requests written as prose; then it keys each task once, names the gatherers and
resolves owners against the directory.
"""

from __future__ import annotations

import re

from dondoc.directory import Directory
from dondoc.errors import NothingToTrackError
from dondoc.observances import ObservanceCatalog
from dondoc.parse.stated_cadence import _weekly_days, explicit_cadence
from dondoc.parse.dates import DateContext, year_beside
from dondoc.parse.flattened import set_apart
from dondoc.parse.annex_parts import annex_parts
from dondoc.parse.flat_rows import flat_header, mark_rows
from dondoc.parse.furniture import without_furniture
from dondoc.parse.header import parse_header
from dondoc.parse.items import build_outline
from dondoc.parse.outline_nodes import Node, Outline
from dondoc.parse.kinds import classification_mark, is_meeting_calendar
from dondoc.parse.layout import unfold_layout
from dondoc.parse.lines import Line, _tokenize
from dondoc.parse.wraps import headings_joined
from dondoc.parse.lunar_dues import lunar_deadlines
from dondoc.parse.cadence_hints import few_dated_days, field_window
from dondoc.parse.normalize import fold_keep_length, forget_folds
from dondoc.parse.observances import EventFinder
from dondoc.parse.outline_tasks import OutlineTasks
from dondoc.parse.owners import owners_read
from dondoc.parse.period_dues import session_months
from dondoc.parse.preamble import _NAMED_ABOVE, _issuer_from_preamble, _paragraph_lines, _preamble_owners
from dondoc.parse.prose_split import split_requests
from dondoc.parse.notice_bullets import bullet_items
from dondoc.parse.prose import excerpt_asks, is_request, nothing_asked, relayed_from
from dondoc.parse.prose_joins import with_its_submission
from dondoc.parse.report_specs import find_reports
from dondoc.parse.reports import _first_report
from dondoc.parse.roles import Given
from dondoc.parse.resolve import addressed, complete_names, resolve, set_gatherers
from dondoc.parse.rules import guidance_intro
from dondoc.parse.submissions import closing_request, is_submission, sends_itself
from dondoc.parse.occasions import one_occasion
from dondoc.parse.table_tasks import after_table, item_at, placed, table_parents, table_tasks
from dondoc.parse.tables import find_tables, is_task_table
from dondoc.parse.report_task import report_task
from dondoc.parse.tasks import Context, item_tasks
from dondoc.parse.units import ASKS_FIRST, one_submission
from dondoc.taskset import Dispatch, Source, Task, TaskSet

_FINDERS: dict[int, tuple[ObservanceCatalog, EventFinder]] = {}
# a request that lists the work after it: "… thực hiện tốt một số nhiệm vụ sau:", "… các nội dung sau:"
_LISTS_WORK = re.compile(r"\b(?:nhiem vu|noi dung|viec|yeu cau|bien phap|cong viec)\s+(?:sau|nhu sau)\s*:")


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


def _preamble_window(preamble_text: str) -> str:
    """The few dated days a notice's preamble sets for all its items ("Thời gian treo cờ Tổ quốc: Từ ngày 23/7/2025
    đến hết ngày 27/7/2025"), as written; "" when it sets none (convention 28)."""
    f = fold_keep_length(preamble_text)
    w = few_dated_days(f)
    return preamble_text[w[0] : w[1]] if w is not None else ""


def _introduces_guidance(outline: Outline) -> bool:
    """Whether the paragraph just before the first item introduces a guidance ("… hướng dẫn … như sau:")."""
    if not outline.items:
        return False
    first = outline.items[0].start
    before = [ln for ln in outline.preamble if ln.start < first and ln.text.strip()]
    # the paragraph, or the one before a short line naming whom the items are about ("Đồng chí A, Giám đốc …")
    return any(guidance_intro(ln.text) for ln in before[-2:] if ln is before[-1] or len(before[-1].text) < 160)


def parse_dispatch(
    text: str,
    *,
    source: Source,
    observances: ObservanceCatalog,
    directory: Directory | None = None,
) -> TaskSet:
    """Read a dispatch's text into a task set; raise NothingToTrackError when nothing is to be tracked."""
    forget_texts()  # the caches serve one dispatch: a run of many measures the first reading of each
    text = without_furniture(text)  # a gazette's running heads and signature stamps: same length, offsets kept
    text, split = headings_joined(set_apart(text))  # the lines split once, not again after the headings are joined
    lines = unfold_layout(split, is_task_table=is_task_table)
    header = parse_header(lines)
    body = lines[header.body_start : header.body_end]
    annexed = lines[header.appendix[0] : header.appendix[1]] if header.appendix else []
    tables = find_tables(body) + find_tables(annexed)
    if tables:  # read apart, row by row; the outline sees blank lines in their place
        in_table = {ln.no for t in tables for ln in t.lines}
        body = [ln._replace(text="", bold="") if ln.no in in_table else ln for ln in body]
        annexed = [ln._replace(text="", bold="") if ln.no in in_table else ln for ln in annexed]
    own, *appended = annex_parts(body) or [body]  # a plan's own appendix after its last section ("PHỤ LỤC …")
    outline = build_outline(own)
    if flat_header(own):
        mark_rows(outline)
    for part in appended + annex_parts(annexed):
        # a plan promulgated with a decision, and the appendix of the plan: each an outline of its own (its
        # numbering starts afresh), its items after the decision's; its title lines name no owner
        more = build_outline(part)
        if flat_header(part):
            mark_rows(more)  # a task table whose cells the text layer set one after another
        decided = {nd.key for root in outline.items for nd in root.walk()}
        if any(nd.key in decided for root in more.items for nd in root.walk()):
            # a regulation's "Điều 1" after the decision's "Điều 1", an appendix's "I." after the plan's: the
            # attached document's keys take the prefix "PL." (gold convention 2)
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
    elif lead and header.recipients:
        lead = addressed(header.recipients, lead)  # "đề nghị đồng chí Giám đốc Sở …": the addressee it shortens
    ctx = Context(
        # a text without its header's date: the one year all its full dates share stands for it (dates.year_beside)
        dates=DateContext(header.issued_on, header.year if header.year is not None else year_beside(fold_keep_length(text)),
                          header.month, session_months(fold_keep_length(text))),
        finder=finder,
        campaign=finder.campaign_events(preamble_text + " " + (header.subject or "")),
        preamble_lead=lead,
        preamble_why=why,
        recipients=header.recipients,
        warnings=list(header.warnings),
        guidance=_introduces_guidance(outline),
        issuer=header.issuer or "",
        window=_preamble_window(preamble_text) or field_window([ln.text for ln in body]),
        occasion=one_occasion(header.subject or "", preamble_text),
    )
    parents = table_parents(tables, outline)
    reader = OutlineTasks(ctx, {id(nd) for nd in parents if nd is not None})
    tasks, line_of = reader.tasks, reader.line_of  # the outline's tasks; tables, reports and prose add theirs

    calendar = is_meeting_calendar(body)
    if calendar:
        # a lịch công tác: its dated entries are meetings with a chair, not tasks (conventions 3, 17)
        ctx.warnings.append("the text is a calendar of meetings (lịch công tác): its dated entries are no tasks")
        tables = []
    else:
        reader.emit_all(outline.items, None)
    closing: list[Line] = []
    if not outline.items and outline.loose_bullets and not calendar:
        # dash bullets after "đề nghị … thực hiện một số nội dung sau:" are the items; the paragraphs
        # after the last of them close the dispatch
        first, last = outline.loose_bullets[0].start, outline.loose_bullets[-1].start
        intro = [ln for ln in outline.preamble if ln.start < first]
        items = bullet_items(intro[-1].text if intro else None, outline.loose_bullets)
        if items is not None:
            for k, b in enumerate(items, 1):
                reader.add_bullet(f"-{k}", b, None)
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
        elif not dispatched and (relayed := relayed_from(outline.preamble)) is not None:
            prose = [p for p in prose if p[0].start > relayed]  # a portal's headline over the dispatch it relays
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
            if sends_itself(spec, header.recipients):
                continue  # "Sở Tài chính gửi Sở Nội vụ tổng hợp./.": the letter sending itself
            n += 1
            fallback = ctx.preamble_lead or ctx.recipients
            t = report_task(f"R{n}", text, spec, (para[0].start, para[-1].end), fallback)
            line_of[t.key] = para[0].no
            tasks.append(t)
        if calendar and not ASKS_FIRST.match(text):
            continue  # a calendar's entries and notes ask nothing, unless a closing request says so
        if not specs and is_request(text):
            prose.append(para)  # an unnumbered request after the numbered part (gold convention 8)
    prose = with_its_submission(split_requests(prose), ctx.dates)
    if not calendar and is_submission(text):
        asked = closing_request(body)
        if asked is not None and not any(asked in p for p in prose) and not any(t.key.startswith("-") for t in tasks):
            prose.append([asked])  # a tờ trình's "Kính trình … xem xét, quyết định" (gold convention 18)
    block: Given | None = None  # the owners a paragraph gives the work it lists after "… nhiệm vụ sau:"
    for k, para in enumerate(prose, 1):
        key = "-" if len(prose) == 1 else f"-{k}"
        text = " ".join(ln.text for ln in para)
        line_of[key] = para[0].no
        made = item_tasks(key, text, [], (para[0].start, para[-1].end), "", block, ctx, item_at(para[0].no, key))
        for t in made:
            t.explain["key"] = f"a request written as prose (paragraph at line {para[0].no})"
            line_of.setdefault(t.key, para[0].no)
            tasks.append(t)
        if made and made[0].lead and _LISTS_WORK.search(fold_keep_length(text)):
            # "Thủ trưởng các cơ quan, …, Chủ tịch UBND các xã thực hiện tốt một số nhiệm vụ sau: Tổ chức …" then
            # paragraphs that name nobody: the work of that list, theirs (gold convention 4)
            block = Given([o.name for o in made[0].lead], f"stated for item {key} and what is under it")
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

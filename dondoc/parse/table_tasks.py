"""The tasks of tables of tasks, placed where the tables stand in the text (pure)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from dondoc.parse.outline_nodes import Node, Outline
from dondoc.parse.report_specs import find_reports
from dondoc.parse.tables import Table, row_text
from dondoc.parse.report_task import report_task
from dondoc.parse.tasks import Context, item_tasks
from dondoc.parse.titles import title_of
from dondoc.taskset import Task


def item_at(line_no: int, key: str) -> str:
    """"line 12: item II.3", where a warning about an item says it is."""
    return f"line {line_no}: item {key}"


def table_parents(tables: list[Table], outline: Outline) -> list[Node | None]:
    """The heading item each table stands under ("III. NHIỆM VỤ CỤ THỂ", "3. Các nhiệm vụ … tại bảng
    sau:"), or None: the item that starts last before the table, when it is such a heading."""
    nodes = sorted((nd for root in outline.items for nd in root.walk()), key=lambda nd: nd.start)
    starts = [nd.start for nd in nodes]
    out: list[Node | None] = []
    for table in tables:
        k = bisect_left(starts, table.start) - 1
        above = nodes[k] if k >= 0 else None
        first = above.text.split("\n", 1)[0].rstrip() if above is not None else ""
        # its first line in capitals ("II. NHIỆM VỤ, GIẢI PHÁP", a note such as "(Chi tiết tại Phụ lục)" may follow) or ending with ":"
        out.append(above if above is not None and not above.children and (first.isupper() or first.endswith(":")) else None)
    return out


def table_tasks(table: Table, parent: Node | None, line_of: dict[str, int], ctx: Context) -> list[Task]:
    """The rows of a table of tasks; under a heading item the rows are numbered within it ("III.1")."""
    prefix = parent.key + "." if parent is not None else ""
    new: list[Task] = []
    for row in table.rows:
        key = prefix + row.key
        where = item_at(row.line.no, key)
        for t in item_tasks(key, row_text(row), [], (row.line.start, row.line.end), "", None, ctx, where):
            if t.key == key:
                t.title = title_of(row.content)
                t.explain["key"] = f'row "{row.key}" of the table of tasks at line {table.lines[0].no}'
            line_of[t.key] = row.line.no
            new.append(t)
    return new


def after_table(node: Node, last: int, line_of: dict[str, int], ctx: Context) -> list[Task]:
    """The reports a heading item asks for in a paragraph after its table ("Các đơn vị báo cáo kết quả
    về Sở Nội vụ trước ngày …"), `last` being where the table's last line starts: keyed under the
    item ("II.R1"), to be placed after the table's rows."""
    after = [ln for ln in node.lines if ln.start > last and ln.text]
    n = 0
    new: list[Task] = []
    for ln in after:
        for spec in find_reports(ln.text, ctx=ctx.dates, warnings=ctx.warnings):
            n += 1
            fallback = ctx.preamble_lead or ctx.recipients
            t = report_task(f"{node.key}.R{n}", ln.text, spec, (ln.start, ln.end), fallback)
            line_of[t.key] = ln.no
            new.append(t)
    return new


def placed(tasks: list[Task], blocks: list[tuple[int, list[Task]]]) -> list[Task]:
    """The tasks with each block (where it stands in the text, its tasks) placed where it stands:
    before the first of `tasks` that starts after it, blocks before the same task in the order of
    where they stand (then in the order given). Read in one pass, not by an insertion for each."""
    highest: list[int] = []  # the latest start among tasks[: k + 1]: the first task after x is at bisect_right(highest, x)
    top = -1
    for t in tasks:
        top = max(top, t.span[0] if t.span else -1)
        highest.append(top)
    before: dict[int, list[tuple[int, int, list[Task]]]] = {}
    for order, (at, new) in enumerate(blocks):
        if new:
            before.setdefault(bisect_right(highest, at), []).append((at, order, new))
    out: list[Task] = []
    for k in range(len(tasks) + 1):
        for _, _, new in sorted(before.get(k, [])):
            out.extend(new)
        if k < len(tasks):
            out.append(tasks[k])
    return out

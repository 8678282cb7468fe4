"""Score `dondoc ingest` against gold readings (../shared/dispatches/README.md format).

Measures, per document and overall (micro-averaged over all documents):

- items: precision/recall/F1 of item keys. Gold items with `periodicity: null` are headings
  that should give no task. Gold "(3)" is normalised to "3". Report tasks (`kind: report`
  keyed `R1`, `8.R1`) are not items; a numbered item that is itself a report is.
- lead: (item key, owner) pairs, owners compared accent-, case- and abbreviation-insensitively
  ("UBMTTQ tỉnh" == "Ủy ban Mặt trận Tổ quốc tỉnh"); a name matches when one holds the other's
  words (at least 60% of the longer one). When the gold names no owner (the text names nobody:
  implicitly the addressees), an owner the parser inherited from the preamble or the addressees
  (explain["lead"] says so) is not counted as an error.
- due: (item key, due) pairs plus the reports' due dates; "15/06" = "--06-15", "27/08/2019" =
  "2019-08-27", "dd/*" = "---DD", "yyyy" = "yyyy-12-31"; a weekday of a weekly item ("thứ Năm",
  "thứ 5", "T5"; "Chủ nhật", "CN") = "T5", "CN".
- events: (item key, "--MM-DD") pairs.
- cadence: accuracy of `schedule.repeat` over the gold's actionable items.
- reports: gold reports matched to report tasks by (due, periodicity).

A dispatch the parser refuses (NothingToTrackError) predicts zero items. A measure with
nothing expected and nothing predicted scores 1.0.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from dondoc.directory import Directory
from dondoc.errors import DondocError, NothingToTrackError
from dondoc.i18n import N_
from dondoc.ingest import read_document, with_reading_warnings
from dondoc.observances import ObservanceCatalog
from dondoc.parse import parse_dispatch
from dondoc.gold import gold_due, norm_key, same_owner
from dondoc.parse.task_owners import IMPLICIT_LEAD
from dondoc.taskset import Source, Task, TaskSet

MEASURES = ("items", "lead", "due", "events", "reports")
# What a difference says, as English msgids: `dondoc eval` shows them in the user's language.
MISSED = N_("item {key}: missed")
NOT_IN_GOLD = N_("item {key}: not in gold")
DIFFERS = N_("item {key}: {measure} do not match the gold reading")
CADENCE_DIFFERS = N_("item {key}: cadence {read} != {gold}")
REPORTS_DIFFER = N_("reports differ")
NOT_READ = N_("not read: {why}")
REFUSED_BUT_GOLD_HAS_ITEMS = N_("refused, but the gold reading has items")
READ_BUT_GOLD_REFUSES = N_("read, but the gold reading refuses it")


class Miss(NamedTuple):
    """One difference from the gold reading: an English template (one of the msgids above) and its values."""

    template: str
    values: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return self.template.format(**dict(self.values))


def _miss(template: str, **values: object) -> Miss:
    return Miss(template, tuple((k, str(v)) for k, v in values.items()))
_REPORT_KEY = re.compile(r"(?:^|\.)R\d+$")


@dataclass
class Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Count) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class DocScore:
    name: str
    refused: bool = False
    counts: dict[str, Count] = field(default_factory=lambda: {m: Count() for m in MEASURES})
    cadence_right: int = 0
    cadence_total: int = 0
    misses: list[Miss] = field(default_factory=list)

    @property
    def cadence(self) -> float:
        return self.cadence_right / self.cadence_total if self.cadence_total else 1.0

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {m: c.as_dict() for m, c in self.counts.items()}
        out["cadence"] = {"accuracy": round(self.cadence, 4), "right": self.cadence_right, "total": self.cadence_total}
        return {"name": self.name, "refused": self.refused, **out, "misses": [str(m) for m in self.misses]}


def _match_names(gold: list[str], pred: list[str]) -> Count:
    c = Count()
    left = list(pred)
    for g in gold:
        hit = next((p for p in left if same_owner(g, p)), None)
        if hit is None:
            c.fn += 1
        else:
            c.tp += 1
            left.remove(hit)
    c.fp += len(left)
    return c


def _multiset(gold: list[str], pred: list[str]) -> Count:
    g, p = Counter(gold), Counter(pred)
    tp = sum((g & p).values())
    return Count(tp, sum(p.values()) - tp, sum(g.values()) - tp)


def is_item(task: Task) -> bool:
    return not (task.kind == "report" and _REPORT_KEY.search(task.key))


def score(gold: dict[str, Any], ts: TaskSet | None, name: str) -> DocScore:
    """Compare one task set (None: refused) with one gold reading."""
    s = DocScore(name=name, refused=ts is None)
    tasks = ts.tasks if ts else []
    items = {norm_key(t.key): t for t in tasks if is_item(t)}
    gold_items = [g for g in gold.get("items") or [] if g.get("periodicity")]
    gold_keys = {norm_key(g["key"]) for g in gold_items}
    s.counts["items"] = _multiset(sorted(gold_keys), sorted(items))
    s.misses += [_miss(MISSED, key=k) for k in sorted(gold_keys - set(items))]
    s.misses += [_miss(NOT_IN_GOLD, key=k) for k in sorted(set(items) - gold_keys)]
    for k in sorted(set(items) - gold_keys):
        t = items[k]
        s.counts["lead"].fp += 0 if t.explain.get("lead", "").startswith(IMPLICIT_LEAD) else len(t.lead)
        s.counts["due"].fp += len(t.schedule.due)
        s.counts["events"].fp += len(t.schedule.events)
    for g in gold_items:
        k = norm_key(g["key"])
        found = items.get(k)
        g_lead = list(g.get("owners_lead") or [])
        g_due = [x for x in (gold_due(d) for d in g.get("due") or []) if x]
        g_events = [x for x in (gold_due(e) for e in g.get("events") or []) if x]
        s.cadence_total += 1
        if found is None:
            s.counts["lead"].fn += len(g_lead)
            s.counts["due"].fn += len(g_due)
            s.counts["events"].fn += len(g_events)
            continue
        t = found
        p_lead = [o.name for o in t.lead]
        if not g_lead and t.explain.get("lead", "").startswith(IMPLICIT_LEAD):
            p_lead = []
        for m, c in (("lead", _match_names(g_lead, p_lead)), ("due", _multiset(g_due, list(t.schedule.due))),
                     ("events", _multiset(g_events, list(t.schedule.events)))):
            s.counts[m].add(c)
            if c.fp or c.fn:
                s.misses.append(_miss(DIFFERS, key=k, measure=m))
        if t.schedule.repeat == g.get("periodicity"):
            s.cadence_right += 1
        else:
            s.misses.append(_miss(CADENCE_DIFFERS, key=k, read=t.schedule.repeat, gold=g.get("periodicity")))
    g_reports = [(gold_due(r.get("due")), r.get("periodicity")) for r in gold.get("reports") or []]
    p_reports = [(t.schedule.due[0] if t.schedule.due else None, t.schedule.repeat) for t in tasks if t.kind == "report"]
    rc = _multiset([f"{d}|{p}" for d, p in g_reports], [f"{d}|{p}" for d, p in p_reports])
    s.counts["reports"] = rc
    s.counts["due"].add(_multiset([d for d, _ in g_reports if d], [d for d, _ in p_reports if d]))
    if rc.fp or rc.fn:
        s.misses.append(_miss(REPORTS_DIFFER))
    return s


def mean_score(s: DocScore) -> float:
    """The summary figure: the mean of the F1 of items, lead owners, dues and observances, and cadence accuracy."""
    return (sum(s.counts[m].f1 for m in ("items", "lead", "due", "events")) + s.cadence) / 5


def overall(scores: list[DocScore]) -> DocScore:
    total = DocScore(name="overall")
    for sc in scores:
        for m in MEASURES:
            total.counts[m].add(sc.counts[m])
        total.cadence_right += sc.cadence_right
        total.cadence_total += sc.cadence_total
    return total


def _document_for(stem: str, folders: list[Path]) -> Path | None:
    for folder in folders:
        hit = next((p for p in sorted(folder.glob(stem + ".*")) if not p.name.endswith(".gold.yaml")), None)
        if hit is not None:
            return hit
    return None


def evaluate_dir(folder: Path, *, observances: ObservanceCatalog, directory: Directory | None = None,
                 docs: Path | None = None, on_document: Callable[[str], None] | None = None) -> list[DocScore]:
    """Ingest the document of every NNN_*.gold.yaml (beside it, or in `docs`) and score it.

    A gold reading whose document is absent is skipped (the shared corpus may not be there);
    a document that cannot be read counts as refused. `on_document` hears of each gold reading
    as it is done (a progress bar).
    """
    scores = []
    for gold_path in sorted(folder.glob("*.gold.yaml")):
        stem = gold_path.name[: -len(".gold.yaml")]
        if on_document is not None:
            on_document(stem)
        doc_path = _document_for(stem, [folder] if docs is None else [docs, folder])
        if doc_path is None:
            continue
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
        ts: TaskSet | None
        why = None
        try:
            doc = read_document(doc_path)
            ts = with_reading_warnings(parse_dispatch(doc.text, source=Source(name=doc.name, sha256=doc.sha256),
                                                      observances=observances, directory=directory), doc)
        except NothingToTrackError:
            ts = None
        except DondocError as err:
            ts, why = None, str(err)
        sc = score(gold, ts, doc_path.name)
        if why:
            sc.misses.insert(0, _miss(NOT_READ, why=why))
        if ts is None and not gold.get("refuse") and gold.get("items"):
            sc.misses.insert(0, _miss(REFUSED_BUT_GOLD_HAS_ITEMS))
        elif ts is not None and gold.get("refuse"):
            sc.misses.insert(0, _miss(READ_BUT_GOLD_REFUSES))
        scores.append(sc)
    return scores


HALVES = ("dev", "test")


def gold_folders(folder: Path) -> dict[str, Path]:
    """The halves of a gold folder (dev/ and test/), or the folder itself when it is flat."""
    halves = [h for h in HALVES if (folder / h).is_dir()]
    return {h: folder / h for h in halves} if halves else {folder.name: folder}


def evaluate_halves(folder: Path, *, observances: ObservanceCatalog, directory: Directory | None = None,
                    docs: Path | None = None, on_document: Callable[[str], None] | None = None,
                    ) -> dict[str, list[DocScore]]:
    """A folder of gold readings split into dev/ and test/ is scored half by half; a flat one as one set."""
    return {h: evaluate_dir(f, observances=observances, directory=directory, docs=docs, on_document=on_document)
            for h, f in gold_folders(folder).items()}

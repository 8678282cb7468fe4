"""Compare a parsed fixture dispatch with its expected reading (shared by the tests and by hand)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from dondoc.errors import NothingToTrackError
from dondoc.ingest import read_document
from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.task_owners import IMPLICIT_LEAD
from dondoc.taskset import Source, TaskSet

REPO = Path(__file__).resolve().parents[3]
FIXTURES = REPO / "tests" / "fixtures" / "dispatches"
CATALOG = load_catalog(REPO / "config" / "observances.yaml")


def fixture_paths() -> list[Path]:
    return sorted(p for p in FIXTURES.iterdir() if not p.name.endswith(".expected.yaml") and p.is_file())


def expected_for(path: Path) -> dict[str, Any]:
    stem = path.name.rsplit(".", 1)[0]
    return yaml.safe_load((path.parent / f"{stem}.expected.yaml").read_text(encoding="utf-8"))


def ingest(path: Path) -> TaskSet | None:
    doc = read_document(path)
    try:
        return parse_dispatch(doc.text, source=Source(name=doc.name, sha256=doc.sha256), observances=CATALOG)
    except NothingToTrackError:
        return None


def differences(path: Path) -> list[str]:
    """Every way the parse of `path` differs from its expected reading (empty when it matches)."""
    exp = expected_for(path)
    ts = ingest(path)
    if exp.get("refused"):
        return [] if ts is None else [f"expected a refusal, got {len(ts.tasks)} tasks"]
    if ts is None:
        return ["refused, expected tasks"]
    out: list[str] = []
    for field, want in (exp.get("dispatch") or {}).items():
        got = getattr(ts.dispatch, field)
        if str(got) != str(want):
            out.append(f"dispatch.{field}: {got!r} != {want!r}")
    got_tasks = {t.key: t for t in ts.tasks}
    want_keys = [t["key"] for t in exp["tasks"]]
    if list(got_tasks) != want_keys:
        out.append(f"keys {list(got_tasks)} != {want_keys}")
    for want in exp["tasks"]:
        t = got_tasks.get(want["key"])
        if t is None:
            continue
        checks = {
            "kind": (t.kind, want.get("kind", "action")),
            "repeat": (t.schedule.repeat, want.get("repeat")),
            "due": (t.schedule.due, want.get("due", [])),
            "events": (t.schedule.events, want.get("events", [])),
        }
        if "lead" in want:
            checks["lead"] = ([o.name for o in t.lead], want["lead"])
        if "support" in want:
            checks["support"] = ([o.name for o in t.support], want["support"])
        if "report_to" in want:
            checks["report_to"] = (t.report_to, want["report_to"])
        if "relative" in want:
            checks["relative"] = (t.schedule.relative.model_dump() if t.schedule.relative else None, want["relative"])
        if "cascade" in want:
            checks["cascade"] = (t.cascade.by.name if t.cascade else None, want["cascade"])
        if "title" in want:
            checks["title"] = (t.title, want["title"])
        if "lead_implicit" in want:
            checks["lead_implicit"] = (t.explain.get("lead", "").startswith(IMPLICIT_LEAD), want["lead_implicit"])
        for name, (got, w) in checks.items():
            if got != w:
                out.append(f"{t.key}.{name}: {got!r} != {w!r}")
    for w in exp.get("warnings_contain", []):
        if not any(w in x for x in ts.warnings):
            out.append(f"no warning containing {w!r} in {ts.warnings}")
    return out


if __name__ == "__main__":
    for p in fixture_paths():
        diffs = differences(p)
        print(("OK  " if not diffs else "FAIL") + " " + p.name)
        for d in diffs:
            print("     " + d)

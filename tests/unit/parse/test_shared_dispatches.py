"""The real dispatches in ../shared/dispatches score at least 0.95 on every measure."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.directory import load_directory
from dondoc.evaluate import MEASURES, evaluate_dir, overall
from dondoc.observances import load_catalog

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO / ".." / "shared" / "dispatches"


@pytest.fixture(scope="module", params=["without a directory", "with config/organizations.yaml"])
def scores(request):  # type: ignore[no-untyped-def]
    if not SHARED.is_dir():
        pytest.skip("../shared/dispatches is absent")
    directory = load_directory(REPO / "config" / "organizations.yaml") if request.param.startswith("with ") else None
    return evaluate_dir(SHARED, observances=load_catalog(REPO / "config" / "observances.yaml"), directory=directory)


def test_every_measure_of_every_shared_dispatch_is_at_least_095(scores) -> None:  # type: ignore[no-untyped-def]
    for s in [*scores, overall(scores)]:
        for m in MEASURES:
            assert s.counts[m].f1 >= 0.95, (s.name, m, s.misses)
        assert s.cadence >= 0.95, (s.name, s.misses)


def test_news_articles_are_refused(scores) -> None:  # type: ignore[no-untyped-def]
    refused = {s.name[:3] for s in scores if s.refused}
    assert {"003", "004"} <= refused

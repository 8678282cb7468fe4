"""Each fixture dispatch parses to its expected reading (tests/fixtures/dispatches/*.expected.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.parse.fixture_check import differences, fixture_paths

PATHS = fixture_paths()


def test_there_are_at_least_fifteen_fixture_dispatches() -> None:
    assert len(PATHS) >= 15


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_fixture_dispatch_reads_as_expected(path: Path) -> None:
    assert differences(path) == []

"""`dondoc eval` tells a person, in their language, where a reading differs from its gold reading."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dondoc.evaluate import DIFFERS, MISSED, Miss, evaluate_dir
from dondoc.observances import load_catalog

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "dispatches" / "02_congvan_paren_numbers.txt"

# A gold reading of the fixture, wrong on purpose in three places: item 1's owner, item 2's cadence,
# and an item 4 the text does not have.
GOLD = """\
doc: {number: "1024/SYT-NVY"}
items:
  - {key: "(1)", owners_lead: ["Sở Y tế"], due: [], periodicity: continuous}
  - {key: "(2)", owners_lead: ["Các bệnh viện tuyến tỉnh"], due: [], periodicity: once}
  - {key: "(3)", owners_lead: [], due: ["25/*"], periodicity: monthly}
  - {key: "(4)", owners_lead: ["Sở Y tế"], due: [], periodicity: once}
reports:
  - {due: "25/*", periodicity: monthly}
  - {due: null, periodicity: ad_hoc}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(FIXTURE, tmp_path / "001_fixture.txt")
    (tmp_path / "001_fixture.gold.yaml").write_text(GOLD, encoding="utf-8")
    return tmp_path


def run_eval(folder: Path, lang: str) -> str:
    from dondoc.cli import app

    result = CliRunner().invoke(app, ["eval", str(folder)], env={"DONDOC_LANG": lang, "COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_differences_are_recorded_as_templates_with_their_values(folder: Path) -> None:
    (score,) = evaluate_dir(folder, observances=load_catalog(REPO / "config" / "observances.yaml"))
    assert Miss(MISSED, (("key", "4"),)) in score.misses
    assert Miss(DIFFERS, (("key", "1"), ("measure", "lead"))) in score.misses
    assert "item 4: missed" in score.as_dict()["misses"]


def test_vietnamese_names_every_measure_and_difference(folder: Path) -> None:
    out = run_eval(folder, "vi")
    assert "001_fixture.txt: mục 4: bỏ sót" in out
    assert "001_fixture.txt: mục 1: chủ trì khác bản đọc mẫu" in out
    assert "001_fixture.txt: mục 2: chu kỳ đọc được là thường xuyên, bản đọc mẫu là một lần" in out
    summary = out.strip().splitlines()[-1]
    assert summary.startswith(f"{folder.name}: mục ")
    for word in ("chủ trì", "hạn", "ngày kỷ niệm", "báo cáo", "chu kỳ", "trung bình", "(1 văn bản)"):
        assert word in summary
    assert not any(word in summary for word in ("items", "lead", "due ", "events", "reports"))
    assert "tổng cộng" in out


def test_english_keeps_the_english_words(folder: Path) -> None:
    out = run_eval(folder, "en")
    assert "item 4: missed" in out
    assert "item 1: lead owners do not match the gold reading" in out
    assert "item 2: cadence continuous != once" in out
    assert "overall" in out

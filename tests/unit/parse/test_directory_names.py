"""Owner names against the directory: the longest name or alias written wins; consolidators resolve too."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.directory import parse_directory
from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.taskset import Source

REPO = Path(__file__).resolve().parents[3]
CATALOG = load_catalog(REPO / "config" / "observances.yaml")
DIRECTORY = parse_directory(
    {
        "province": "Bắc Hà",
        "organizations": [
            {"code": "ca-tinh", "name": "Công an tỉnh Bắc Hà", "aliases": ["Công an tỉnh"]},
            {"code": "pv05", "name": "Phòng Xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc",
             "aliases": ["Phòng Xây dựng phong trào toàn dân bảo vệ ANTQ", "Phòng PV05"], "parent": "ca-tinh"},
            {"code": "pc07", "name": "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ", "parent": "ca-tinh"},
            {"code": "pc06", "name": "Phòng Cảnh sát quản lý hành chính về trật tự xã hội", "parent": "ca-tinh"},
            {"code": "ubnd-tinh", "name": "Ủy ban nhân dân tỉnh Bắc Hà", "aliases": ["UBND tỉnh"]},
        ],
        "groups": [],
    },
    path="test",
)


def _lead(text: str) -> list[tuple[str, str | None]]:
    ts = parse_dispatch(text, source=Source(name="t"), observances=CATALOG, directory=DIRECTORY)
    return [(o.name, o.org) for o in ts.tasks[0].lead]


class TestLongestDirectoryName:
    @pytest.mark.parametrize(
        ("item", "lead"),
        [
            ("1. Phòng Xây dựng phong trào toàn dân bảo vệ ANTQ chủ trì tổ chức hội nghị sơ kết.",
             [("Phòng Xây dựng phong trào toàn dân bảo vệ ANTQ", "pv05")]),
            ("1. Phòng Cảnh sát quản lý hành chính về trật tự xã hội hướng dẫn Công an các xã rà soát.",
             [("Phòng Cảnh sát quản lý hành chính về trật tự xã hội", "pc06")]),
            ("1. Giao Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ kiểm tra các cơ sở.",
             [("Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ", "pc07")]),
            ("1. Công an tỉnh tổ chức tổng kết trước ngày 15/12/2025.", [("Công an tỉnh", "ca-tinh")]),
        ],
        ids=["verb-inside-alias", "ve-inside-name", "commas-inside-name", "short-name-stays"],
    )
    def test_an_owner_takes_the_longest_directory_name_written_from_where_it_starts(
        self, item: str, lead: list[tuple[str, str | None]]
    ) -> None:
        assert _lead("Bắc Hà, ngày 10 tháng 6 năm 2025\n\n" + item) == lead


class TestConsolidatorResolution:
    def test_the_consolidator_resolves_through_the_directory(self) -> None:
        text = ("Bắc Hà, ngày 10 tháng 6 năm 2025\n\n1. Các xã báo cáo kết quả hằng quý về UBND tỉnh (qua Công an tỉnh) "
                "trước ngày 20 của tháng cuối quý.\n2. Giao Công an tỉnh chủ trì, tập hợp kết quả, báo cáo UBND tỉnh.")
        ts = parse_dispatch(text, source=Source(name="t"), observances=CATALOG, directory=DIRECTORY)
        report = ts.tasks[0]
        assert report.cascade is not None and (report.cascade.by.name, report.cascade.by.org) == ("Công an tỉnh", "ca-tinh")

    def test_a_report_nobody_gathers_has_no_consolidator(self) -> None:
        text = "Bắc Hà, ngày 10 tháng 6 năm 2025\n\n1. Các xã báo cáo kết quả về UBND tỉnh trước ngày 20/12/2025."
        ts = parse_dispatch(text, source=Source(name="t"), observances=CATALOG, directory=DIRECTORY)
        assert ts.tasks[0].cascade is None

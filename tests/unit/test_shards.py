"""How the daily sweep splits a directory into shards: provinces, and the bodies above them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dondoc.app.shards import CENTRAL, OrgRow, province_name, select_shard, shards_of, slug
from dondoc.errors import ConfigError

REPO = Path(__file__).resolve().parents[2]


def _rows(data: dict) -> list[OrgRow]:  # type: ignore[type-arg]
    return [OrgRow(code=o["code"], name=o["name"], level=o.get("level", "tinh"), parent=o.get("parent"))
            for o in data["organizations"]]


class TestProvinceName:
    @pytest.mark.parametrize(("name", "expected"), [
        ("Ủy ban nhân dân tỉnh Lào Cai", "Lào Cai"),
        ("Công an thành phố Hồ Chí Minh", "Hồ Chí Minh"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hải Dương", "Hải Dương"),
        ("Văn phòng Ủy ban nhân dân thành phố thành phố Hải Phòng", "Hải Phòng"),
        ("Tỉnh ủy Hải Dương", None),
        ("Thành đoàn Hải Phòng", None),
        ("Văn phòng Chính phủ", None),
    ], ids=["tinh", "thanh-pho", "mttq", "doubled-word", "tinh-uy-is-not-the-unit", "thanh-doan", "central"])
    def test_reads_the_province_a_name_ends_with(self, name: str, expected: str | None) -> None:
        assert province_name(name) == expected

    def test_slugs_drop_accents_and_the_d_with_stroke(self) -> None:
        assert slug("Hồ Chí Minh") == "ho-chi-minh" and slug("Đắk Lắk") == "dak-lak" and slug("Huế") == "hue"


class TestShards:
    def test_the_sample_province_is_one_shard_with_every_organisation(self) -> None:
        import yaml

        data = yaml.safe_load((REPO / "config" / "organizations.yaml").read_text(encoding="utf-8"))
        shards = shards_of(_rows(data))
        assert [s.key for s in shards] == ["hai-duong"]
        assert sorted(shards[0].orgs) == sorted(o["code"] for o in data["organizations"])

    def test_the_synthetic_nation_splits_by_province_with_its_three_roots_together_and_the_centre_apart(self) -> None:
        sys.path.insert(0, str(REPO / "bench"))
        import vietnam

        data = vietnam.directory_data(vietnam.Scale(provinces=4, communes=3))
        shards = shards_of(_rows(data))
        assert [s.key for s in shards] == ["dien-bien", "ha-noi", "hue", "lai-chau", CENTRAL]
        by_key = {s.key: s for s in shards}
        assert set(by_key[CENTRAL].orgs) == {"vpcp", "ubtw-mttq", "bo-cong-an"}
        hue = set(by_key["hue"].orgs)
        assert {"hue-ubnd", "hue-mttq", "hue-ca", "hue-so-y-te", "hue-doan"} <= hue
        assert all(code.startswith("hue-") for code in hue)
        assert by_key["ha-noi"].name == "Hà Nội"

    def test_an_organisation_whose_chain_reaches_no_province_is_central(self) -> None:
        rows = [OrgRow("lone", "Hội Người cao tuổi xã Tân An", "xa", None),
                OrgRow("loop-a", "Đơn vị A", "xa", "loop-b"), OrgRow("loop-b", "Đơn vị B", "xa", "loop-a"),
                OrgRow("ubnd", "Ủy ban nhân dân tỉnh Cao Bằng", "tinh", None),
                OrgRow("so", "Sở Y tế tỉnh Cao Bằng", "tinh", "ubnd"), OrgRow("x", "UBND xã Y", "xa", "so")]
        shards = {s.key: set(s.orgs) for s in shards_of(rows)}
        assert shards == {"cao-bang": {"ubnd", "so", "x"}, CENTRAL: {"lone", "loop-a", "loop-b"}}

    def test_a_root_that_names_no_province_is_a_shard_of_its_own(self) -> None:
        rows = [OrgRow("bql", "Ban Quản lý Khu kinh tế", "tinh", None), OrgRow("p", "Phòng A", "xa", "bql")]
        assert [(s.key, set(s.orgs)) for s in shards_of(rows)] == [("bql", {"bql", "p"})]

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.tuples(st.sampled_from(["trung-uong", "tinh", "huyen", "xa"]), st.integers(0, 30),
                              st.sampled_from(["Lào Cai", "Huế", "Hà Nội", ""])), min_size=1, max_size=30))
    def test_every_organisation_is_in_exactly_one_shard(self, spec: list[tuple[str, int, str]]) -> None:
        rows = [OrgRow(f"o{i}", f"Ủy ban nhân dân tỉnh {p}" if p else f"Đơn vị {i}", level, f"o{parent}")
                for i, (level, parent, p) in enumerate(spec)]
        placed = [code for s in shards_of(rows) for code in s.orgs]
        assert sorted(placed) == sorted(r.code for r in rows)


class TestSelectShard:
    SHARDS = shards_of([OrgRow("ubnd", "Ủy ban nhân dân tỉnh Lào Cai", "tinh", None)])

    def test_a_province_by_its_name_or_its_key(self) -> None:
        assert select_shard(self.SHARDS, province="Lào Cai", orgs=None).orgs == ("ubnd",)
        assert select_shard(self.SHARDS, province="lao-cai", orgs=None).orgs == ("ubnd",)

    def test_a_group_of_codes(self) -> None:
        shards = shards_of([OrgRow("a", "Ủy ban nhân dân tỉnh Lào Cai", "tinh", None),
                            OrgRow("b", "Sở Y tế tỉnh Lào Cai", "tinh", "a")])
        assert select_shard(shards, province=None, orgs=["b", "a", "a"]).orgs == ("a", "b")

    @pytest.mark.parametrize(("province", "orgs", "says"), [
        (None, None, "đúng một"), ("Lào Cai", ["a"], "đúng một"), ("Huế", None, "không có tỉnh"),
        (None, [], "trống"), (None, ["ubnd", "khong-co"], "không có trong danh bạ: khong-co$")],
        ids=["neither", "both", "unknown-province", "empty-codes", "unknown-code"])
    def test_a_wrong_request_is_one_line_in_vietnamese(self, province, orgs, says) -> None:  # type: ignore[no-untyped-def]
        with pytest.raises(ConfigError, match=says):
            select_shard(self.SHARDS, province=province, orgs=orgs)

"""Owner names resolve to the directory by a tolerant match, as of the dispatch's date; two candidates
that fit equally are named, never silently picked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dondoc.directory import Directory, load_directory, parse_directory
from dondoc.observances import load_catalog
from dondoc.orgmatch import locality_of
from dondoc.parse import parse_dispatch
from dondoc.taskset import Source

REPO = Path(__file__).resolve().parents[2]
ON = date(2026, 3, 1)


@pytest.fixture(scope="module")
def haiphong() -> Directory:
    return load_directory(REPO / "config" / "organizations-haiphong-2026.yaml")


@pytest.fixture(scope="module")
def haiduong() -> Directory:
    return load_directory(REPO / "config" / "organizations.yaml")


class TestTolerantNames:
    @pytest.mark.parametrize(
        ("name", "code", "how"),
        [
            ("Sở Tài chính", "so-tai-chinh", "as written"),
            ("Sở Tài chính thành phố Hải Phòng", "so-tai-chinh", "as written"),
            ("Sở Tài chính thành phố", "so-tai-chinh", "as written"),
            ("SỞ TÀI CHÍNH", "so-tai-chinh", "as written"),
            ("So Tai chinh", "so-tai-chinh", "as written"),
            ("Sở KH&CN", "so-khcn", "as written"),
            ("Sở KHCN", "so-khcn", "as written"),
            ("Sở Khoa học và Công nghệ TP Hải Phòng", "so-khcn", "as written"),
            ("Ủy ban nhân dân phường Lê Chân", "ubnd-p-le-chan", "as written"),
            ("UBND phường Lê Chân", "ubnd-p-le-chan", "as written"),
            ("Uỷ ban nhân dân xã Thanh Hà", "ubnd-x-thanh-ha", "as written"),  # old tone placement
            ("Ủy ban MTTQ Việt Nam thành phố", "ubmttq-tp", "as written"),
            ("Hội LHPN thành phố", "hoi-lhpn", "as written"),
            ("Giám đốc Sở Xây dựng", "so-xay-dung", "as written"),
            ("Phó Giám đốc Sở Xây dựng", "so-xay-dung", "the body of the post"),
            ("Chủ tịch UBND xã Vĩnh Bảo", "ubnd-x-vinh-bao", "as written"),
            ("Phó Chủ tịch UBND xã Vĩnh Bảo", "ubnd-x-vinh-bao", "the body of the post"),
            ("Thủ trưởng Thanh tra thành phố", "thanh-tra-tp", "the body of the post"),
            ("Thường trực Ủy ban MTTQ Việt Nam thành phố", "ubmttq-tp", "the body of the post"),
            ("Ban Thường vụ Hội Nông dân thành phố", "hoi-nd", "as written"),
            ("Đồng chí Giám đốc Sở Y tế", "so-yte", "the body of the post"),
        ],
        ids=lambda v: str(v),
    )
    def test_a_name_resolves_however_it_is_written(self, haiphong: Directory, name: str, code: str, how: str) -> None:
        res = haiphong.resolve(name, on=ON)
        assert (res.codes, res.how) == ((code,), how)

    @pytest.mark.parametrize(
        ("name", "code"),
        [
            ("Sở Nội vụ (Ban Thi đua - Khen thưởng)", "so-noi-vu"),
            ("Phòng Cảnh sát hình sự, Công an thành phố", "ca-tp"),
            ("Tổ Tổng hợp của Công an xã Tiên Lãng", "ca-x-tien-lang"),
            ("Ban Gia đình - Xã hội, Hội LHPN thành phố", "hoi-lhpn"),
        ],
    )
    def test_a_unit_resolves_to_the_body_it_belongs_to(self, haiphong: Directory, name: str, code: str) -> None:
        res = haiphong.resolve(name, on=ON)
        assert res.codes == (code,) and res.how.startswith("the body it belongs to")

    @pytest.mark.parametrize(
        ("name", "locality", "code"),
        [
            ("Công an xã", "xã Tiên Lãng", "ca-x-tien-lang"),
            ("UBND xã", "xã Tiên Lãng", "ubnd-x-tien-lang"),
            ("Chủ tịch UBND phường", "phường Lê Chân", "ubnd-p-le-chan"),
            ("Công an đặc khu", "đặc khu Cát Hải", "ca-dk-cat-hai"),
        ],
    )
    def test_a_commune_body_without_its_name_is_the_dispatchs_communes(
        self, haiphong: Directory, name: str, locality: str, code: str
    ) -> None:
        assert haiphong.resolve(name, on=ON, locality=locality).codes == (code,)
        assert haiphong.resolve(name, on=ON).codes == ()  # elsewhere it names no one commune

    @pytest.mark.parametrize(
        ("issuer", "place", "locality"),
        [
            ("Ủy ban nhân dân xã hòa thuận", "Hòa Thuận", "xã Hòa Thuận"),
            ("Công an tỉnh bình minh công an xã an thạnh", "An Thạnh", "xã An Thạnh"),
            ("Ủy ban nhân dân phường hòa xuân", "Hòa Xuân", "phường Hòa Xuân"),
            ("Ủy ban nhân dân tỉnh hải dương", "Hải Dương", None),
            (None, "Hòa Thuận", None),
        ],
    )
    def test_the_commune_of_a_dispatch_comes_from_its_issuer_and_place(
        self, issuer: str | None, place: str | None, locality: str | None
    ) -> None:
        assert locality_of(issuer, place) == locality

    @pytest.mark.parametrize(
        "name",
        ["Công an tỉnh", "UBND tỉnh Hải Dương", "Sở Thông tin và Truyền thông", "Chủ tịch UBND tỉnh", "Bộ Công an",
         "Công an xã Không Có", "Giám đốc", "Ban Thường trực", ""],
    )
    def test_what_the_directory_does_not_hold_resolves_to_nothing(self, haiphong: Directory, name: str) -> None:
        res = haiphong.resolve(name, on=ON)
        assert res.codes == () and not res.ambiguous


AMBIGUOUS = parse_directory(
    {
        "province": "Bắc Hà",
        "organizations": [
            {"code": "hoi-nd-tinh", "name": "Hội Nông dân tỉnh Bắc Hà", "aliases": ["Hội Nông dân"]},
            {"code": "hoi-nd-xa-an", "name": "Hội Nông dân xã An Bình", "aliases": ["Hội Nông dân"]},
            {"code": "so-yte", "name": "Sở Y tế tỉnh Bắc Hà"},
            {"code": "so-cu", "name": "Sở Thông tin và Truyền thông tỉnh Bắc Hà", "valid_to": "2025-02-28"},
            {"code": "so-moi", "name": "Sở Khoa học và Công nghệ tỉnh Bắc Hà",
             "aliases": ["Sở Thông tin và Truyền thông"], "valid_from": "2025-03-01"},
        ],
        "groups": [],
    },
    path="test",
)


class TestTwoCandidates:
    def test_two_organisations_that_fit_equally_are_both_named_and_neither_is_picked(self) -> None:
        res = AMBIGUOUS.resolve("Hội Nông dân", on=ON)
        assert res.codes == () and res.candidates == ("hoi-nd-tinh", "hoi-nd-xa-an") and res.ambiguous

    def test_the_full_name_of_one_of_them_resolves(self) -> None:
        assert AMBIGUOUS.resolve("Hội Nông dân tỉnh Bắc Hà", on=ON).codes == ("hoi-nd-tinh",)

    def test_the_date_leaves_one_candidate(self) -> None:
        assert AMBIGUOUS.resolve("Sở Thông tin và Truyền thông", on=date(2024, 6, 1)).codes == ("so-cu",)
        assert AMBIGUOUS.resolve("Sở Thông tin và Truyền thông", on=date(2025, 6, 1)).codes == ("so-moi",)

    def test_the_reading_warns_naming_both(self) -> None:
        text = ("Bắc Hà, ngày 10 tháng 6 năm 2025\n\n1. Hội Nông dân chủ trì vận động hội viên trước ngày 30/6/2025.\n")
        ts = parse_dispatch(text, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml"),
                            directory=AMBIGUOUS)
        assert ts.tasks[0].lead[0].org is None
        warning = next(w for w in ts.warnings if "Hội Nông dân" in w)
        assert "hoi-nd-tinh" in warning and "hoi-nd-xa-an" in warning and "none is picked" in warning


def _names(directory: Directory) -> list[tuple[str, str]]:
    return [(n, o.code) for o in directory.organizations.values() if o.valid_on(ON) for n in [o.name, *o.aliases]]


class TestInvariants:
    @settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(text=st.text(max_size=80))
    def test_any_text_resolves_to_a_resolution_without_crashing(self, haiphong: Directory, text: str) -> None:
        res = haiphong.resolve(text, on=ON, locality="xã Tiên Lãng")
        assert set(res.codes) <= set(haiphong.organizations)
        assert not (res.codes and res.candidates)

    @settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(data=st.data())
    def test_adding_the_provinces_name_never_changes_a_match(self, haiphong: Directory, data: st.DataObject) -> None:
        name, _ = data.draw(st.sampled_from(_names(haiphong)))
        before = haiphong.resolve(name, on=ON)
        if not before.codes or name.lower().endswith("hải phòng"):
            return
        tail = " Hải Phòng" if name.endswith(("thành phố", "TP")) else " thành phố Hải Phòng"
        assert haiphong.resolve(name + tail, on=ON).codes == before.codes

    @settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(data=st.data())
    def test_capitals_tone_placement_spacing_and_abbreviation_never_change_a_match(self, haiphong: Directory, data: st.DataObject) -> None:
        name, code = data.draw(st.sampled_from(_names(haiphong)))
        variant = data.draw(st.sampled_from([
            name.upper(), name.replace("òa", "oà").replace("ủy", "uỷ").replace("Ủy", "Uỷ"),
            "  " + name.replace(" ", "  ") + " ", name.replace("Ủy ban nhân dân", "UBND"),
        ]))
        assert haiphong.resolve(variant, on=ON).codes == haiphong.resolve(name, on=ON).codes

    def test_every_directory_name_resolves_to_its_own_organisation(self, haiphong: Directory, haiduong: Directory) -> None:
        for directory, day in ((haiphong, ON), (haiduong, date(2024, 8, 1))):
            for o in directory.organizations.values():
                if o.valid_on(day):
                    for n in [o.name, *o.aliases]:
                        res = directory.resolve(n, on=day)
                        assert o.code in res.codes or res.group, (n, res)

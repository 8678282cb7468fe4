"""The sample directory for after the 2025 reorganisation (thành phố Hải Phòng, from 1/7/2025):
it loads, it is complete, and names as 2026 dispatches write them resolve; bodies that no longer
exist do not."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from dondoc.directory import Directory, load_directory
from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.taskset import Source
from tests.conftest import REPO

PATH = REPO / "config" / "organizations-haiphong-2026.yaml"
ON = date(2026, 3, 16)
FROM = date(2025, 7, 1)

COMMUNES = [
    "ubnd-p-hong-bang", "ubnd-p-le-chan", "ubnd-p-hai-an", "ubnd-p-do-son", "ubnd-p-hai-duong", "ubnd-p-chi-linh",
    "ubnd-x-tien-lang", "ubnd-x-vinh-bao", "ubnd-x-nam-sach", "ubnd-x-thanh-ha",
    "ubnd-dk-cat-hai", "ubnd-dk-bach-long-vi",
]
SOCIO_POLITICAL = ["hoi-lhpn", "hoi-nd", "hoi-ccb", "thanh-doan", "ldld-tp"]


@pytest.fixture(scope="module")
def directory() -> Directory:
    return load_directory(PATH)


class TestTheFile:
    def test_it_has_the_format_of_the_first_sample(self) -> None:
        new = yaml.safe_load(PATH.read_text(encoding="utf-8"))
        old = yaml.safe_load((REPO / "config" / "organizations.yaml").read_text(encoding="utf-8"))
        assert set(new) == set(old) == {"province", "organizations", "groups"}
        assert new["province"] == "Hải Phòng"

    def test_every_agency_is_valid_from_the_first_of_july_2025_and_has_not_ended(self, directory) -> None:  # type: ignore[no-untyped-def]
        assert len(directory.organizations) == 46
        for org in directory.organizations.values():
            assert (org.valid_from, org.valid_to, org.successor) == (FROM, None, None), org.code
            assert org.level in ("tinh", "xa"), org.code  # no districts

    def test_every_agency_has_a_coordinator_and_a_head_and_the_city_office_has_the_admin(self, directory) -> None:  # type: ignore[no-untyped-def]
        admins = []
        for org in directory.organizations.values():
            roles = [c.role for c in org.contacts]
            assert "coordinator" in roles and "head" in roles, org.code
            assert all(c.email.endswith(".example.vn") for c in org.contacts), org.code
            admins += [(org.code, c.name) for c in org.contacts if c.role == "admin"]
        assert admins == [("ubnd-tp", "Quản trị dondoc (Văn phòng UBND thành phố)")]

    def test_escalations_go_up_the_two_tiers(self, directory) -> None:  # type: ignore[no-untyped-def]
        assert directory.organizations["ubnd-tp"].parent is None
        assert directory.supervisor("so-nnmt").code == "ubnd-tp"  # type: ignore[union-attr]
        assert directory.supervisor("ubnd-x-tien-lang").code == "ubnd-tp"  # type: ignore[union-attr]
        assert directory.supervisor("ca-x-tien-lang").code == "ca-tp"  # type: ignore[union-attr]
        assert directory.supervisor("thanh-doan").code == "ubmttq-tp"  # type: ignore[union-attr]

    def test_no_name_is_claimed_twice(self, directory) -> None:  # type: ignore[no-untyped-def]
        assert {k: v for k, v in directory._names.items() if len(v) > 1} == {}
        assert set(directory._names) & set(directory._group_names) == set()

    def test_the_communes_are_xa_phuong_and_dac_khu_each_with_its_police_where_listed(self, directory) -> None:  # type: ignore[no-untyped-def]
        communes = [o for o in directory.organizations.values() if o.level == "xa" and o.code.startswith("ubnd-")]
        assert [o.code for o in communes] == COMMUNES
        kinds = [next(k for k in ("phường", "xã", "đặc khu") if o.name.startswith(f"Ủy ban nhân dân {k} ")) for o in communes]
        assert (kinds.count("phường"), kinds.count("xã"), kinds.count("đặc khu")) == (6, 4, 2)
        police = {o.code for o in directory.organizations.values() if o.code.startswith("ca-") and o.level == "xa"}
        assert police == {c.replace("ubnd-", "ca-", 1) for c in COMMUNES} - {"ca-dk-bach-long-vi"}


class TestNamesAs2026DispatchesWriteThem:
    @pytest.mark.parametrize(
        ("name", "code"),
        [
            ("UBND thành phố", "ubnd-tp"),
            ("Ủy ban nhân dân thành phố Hải Phòng", "ubnd-tp"),
            ("UBND TP Hải Phòng", "ubnd-tp"),
            ("Chủ tịch UBND thành phố", "ubnd-tp"),
            ("Văn phòng UBND thành phố", "vp-ubnd-tp"),
            ("Ủy ban MTTQ Việt Nam thành phố", "ubmttq-tp"),
            ("Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hải Phòng", "ubmttq-tp"),
            ("Ban Thường trực Ủy ban MTTQ Việt Nam thành phố", "ubmttq-tp"),
            ("Hội LHPN thành phố", "hoi-lhpn"),
            ("Hội Liên hiệp Phụ nữ thành phố Hải Phòng", "hoi-lhpn"),
            ("Hội Nông dân thành phố", "hoi-nd"),
            ("Hội CCB thành phố", "hoi-ccb"),
            ("Thành đoàn", "thanh-doan"),
            ("Thành đoàn Hải Phòng", "thanh-doan"),
            ("Đoàn TNCS Hồ Chí Minh thành phố", "thanh-doan"),
            ("LĐLĐ thành phố", "ldld-tp"),
            ("Liên đoàn Lao động thành phố Hải Phòng", "ldld-tp"),
            ("Công an thành phố", "ca-tp"),
            ("CÔNG AN THÀNH PHỐ HẢI PHÒNG", "ca-tp"),
            ("Sở NN&MT", "so-nnmt"),
            ("Sở Nông nghiệp và Môi trường", "so-nnmt"),
            ("Sở KH&CN", "so-khcn"),
            ("Sở Khoa học và Công nghệ thành phố Hải Phòng", "so-khcn"),
            ("Sở GD&ĐT", "so-gddt"),
            ("Sở VH,TT&DL", "so-vhttdl"),
            ("Sở Văn hóa, Thể thao và Du lịch", "so-vhttdl"),
            ("Sở Nội vụ", "so-noi-vu"),
            ("Sở Tài chính", "so-tai-chinh"),
            ("Sở Xây dựng", "so-xay-dung"),
            ("Sở Dân tộc và Tôn giáo", "so-dttg"),
            ("Sở Công Thương", "so-cong-thuong"),
            ("Giám đốc Sở Y tế", "so-yte"),
            ("Thanh tra thành phố", "thanh-tra-tp"),
            ("UBND phường Hồng Bàng", "ubnd-p-hong-bang"),
            ("Ủy ban nhân dân xã Nam Sách", "ubnd-x-nam-sach"),
            ("UBND đặc khu Bạch Long Vĩ", "ubnd-dk-bach-long-vi"),
            ("Uỷ ban nhân dân đặc khu Cát Hải", "ubnd-dk-cat-hai"),  # old tone placement
            ("Công an xã Tiên Lãng", "ca-x-tien-lang"),
            ("Công an phường Hải Dương", "ca-p-hai-duong"),
            ("Cong an dac khu Cat Hai", "ca-dk-cat-hai"),
        ],
        ids=lambda v: str(v),
    )
    def test_an_agency_resolves_as_of_a_2026_date(self, directory, name, code) -> None:  # type: ignore[no-untyped-def]
        res = directory.resolve(name, on=ON)
        assert (res.codes, res.group) == ((code,), None)

    @pytest.mark.parametrize(
        ("name", "group", "size"),
        [
            ("UBND các xã, phường, đặc khu", "ubnd-xa", 12),
            ("UBND các xã, phường", "ubnd-xa", 12),
            ("Ủy ban nhân dân các xã, phường, đặc khu", "ubnd-xa", 12),
            ("UBND cấp xã", "ubnd-xa", 12),
            ("Công an các xã, phường, đặc khu", "ca-xa", 11),
            ("Công an các xã, phường", "ca-xa", 11),
            ("các sở, ban, ngành", "so-nganh", 14),
            ("Các sở, ban, ngành thành phố", "so-nganh", 14),
            ("các tổ chức chính trị - xã hội", "to-chuc-ctxh", 5),
            ("các tổ chức thành viên", "to-chuc-thanh-vien", 6),
            ("các tổ chức thành viên của Ủy ban MTTQ Việt Nam thành phố", "to-chuc-thanh-vien", 6),
        ],
        ids=lambda v: str(v),
    )
    def test_a_collective_name_expands_to_its_group(self, directory, name, group, size) -> None:  # type: ignore[no-untyped-def]
        res = directory.resolve(name, on=ON)
        assert res.group == group and len(res.codes) == size

    def test_the_groups_hold_what_their_names_say(self, directory) -> None:  # type: ignore[no-untyped-def]
        assert directory.members("ubnd-xa", on=ON) == COMMUNES
        assert directory.members("to-chuc-ctxh", on=ON) == SOCIO_POLITICAL
        assert directory.members("to-chuc-thanh-vien", on=ON) == [*SOCIO_POLITICAL, "hoi-nct"]
        sectors = directory.members("so-nganh", on=ON)
        assert "so-nnmt" in sectors and "so-dttg" in sectors and "ca-tp" not in sectors

    @pytest.mark.parametrize(
        "name",
        [
            "Sở Thông tin và Truyền thông",
            "Sở TT&TT",
            "Sở Kế hoạch và Đầu tư",
            "Sở Lao động - Thương binh và Xã hội",
            "Sở Giao thông vận tải",
            "Sở Tài nguyên và Môi trường",
            "Sở Nông nghiệp và Phát triển nông thôn",
            "UBND huyện Tiên Lãng",
            "Ủy ban nhân dân huyện Nam Sách",
            "UBND thành phố Hải Dương",
            "UBND các huyện, thị xã, thành phố",
            "Công an huyện Vĩnh Bảo",
            "UBND tỉnh Hải Dương",
            "Công an tỉnh",
            "Tỉnh đoàn",
        ],
    )
    def test_a_body_that_no_longer_exists_does_not_resolve(self, directory, name) -> None:  # type: ignore[no-untyped-def]
        assert directory.resolve(name, on=ON).codes == ()

    def test_nothing_resolves_before_the_new_city_started_work(self, directory) -> None:  # type: ignore[no-untyped-def]
        day = date(2025, 6, 30)
        assert directory.resolve("Sở Nông nghiệp và Môi trường", on=day).codes == ()
        assert directory.resolve("UBND các xã, phường", on=day).codes == ()
        assert directory.resolve("Sở Nông nghiệp và Môi trường", on=FROM).codes == ("so-nnmt",)


DISPATCH = """ỦY BAN NHÂN DÂN
THÀNH PHỐ HẢI PHÒNG
Số: 2468/UBND-NC
V/v tăng cường công tác phòng cháy, chữa cháy mùa hanh khô năm 2026
Hải Phòng, ngày 20 tháng 10 năm 2026

Kính gửi:
- Các sở, ban, ngành thành phố;
- UBND các xã, phường, đặc khu.

Để chủ động phòng ngừa cháy, nổ trong mùa hanh khô, Chủ tịch UBND thành phố yêu cầu:

1. Công an thành phố chủ trì, phối hợp với Sở Xây dựng kiểm tra an toàn phòng cháy, chữa cháy tại các chợ, trung tâm thương mại, hoàn thành trước ngày 30/11/2026.

2. Sở NN&MT chỉ đạo lực lượng kiểm lâm tăng cường tuần tra, phòng cháy rừng tại đặc khu Cát Hải.

3. Công an các xã, phường, đặc khu hướng dẫn nhân dân lắp đặt thiết bị báo cháy tại nhà ở kết hợp kinh doanh.

4. Ủy ban MTTQ Việt Nam thành phố chủ trì, phối hợp với các tổ chức thành viên tuyên truyền, vận động nhân dân chấp hành quy định về phòng cháy, chữa cháy.

5. Sở KH&CN chủ trì, phối hợp với Thành đoàn thực hiện đưa tin cảnh báo cháy, nổ lên các nền tảng số.

6. Các sở, ban, ngành thành phố, UBND các xã, phường, đặc khu báo cáo kết quả thực hiện về UBND thành phố (qua Công an thành phố) trước ngày 15/12/2026.
"""


def test_a_2026_city_dispatch_read_with_this_directory_has_every_owner_resolved(directory) -> None:  # type: ignore[no-untyped-def]
    ts = parse_dispatch(DISPATCH, source=Source(name="cv-2468.txt", sha256="0" * 64),
                        observances=load_catalog(REPO / "config" / "observances.yaml"), directory=directory)
    assert not [w for w in ts.warnings if "not found in the directory" in w]

    def owners(key: str, role: str) -> list[object]:
        task = next(t for t in ts.tasks if t.key == key)
        return [o.org or len(o.orgs) for o in getattr(task, role)]

    assert owners("1", "lead") == ["ca-tp"] and owners("1", "support") == ["so-xay-dung"]
    assert owners("2", "lead") == ["so-nnmt"]
    assert owners("3", "lead") == [11]
    assert owners("4", "lead") == ["ubmttq-tp"] and owners("4", "support") == [6]
    assert owners("5", "lead") == ["so-khcn"] and owners("5", "support") == ["thanh-doan"]
    assert owners("6", "lead") == [14, 12]

"""Owners as real plans name them: field lines, blocks of fields, a section's owner, a heading line, posts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.fieldlines import read_fields, value_owners
from dondoc.parse.owners import find_owners, line_owners
from dondoc.taskset import Source, TaskSet

REPO = Path(__file__).resolve().parents[3]
HEAD = "UBND TỈNH BÌNH MINH\nSố: 12/KH-UBND\nBình Minh, ngày 10 tháng 3 năm 2025\nKẾ HOẠCH\nCải cách hành chính\n"


def read(body: str) -> TaskSet:
    return parse_dispatch(HEAD + body, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml"))


def owners_by_key(ts: TaskSet) -> dict[str, tuple[list[str], list[str]]]:
    return {t.key: ([o.name for o in t.lead], [o.name for o in t.support]) for t in ts.tasks}


class TestWordsThatAreNoOwner:
    @pytest.mark.parametrize(
        "text, lead",
        [
            ("Đối với các hồ sơ khác sẽ giải quyết sau.", []),
            ("Đối tượng được hỗ trợ gồm người có công.", []),
            ("Cơ quan chủ trì hướng dẫn các xã.", []),
            ("Tổng cục Thuế đồng ý gia hạn nộp thuế.", ["Tổng cục Thuế"]),
            ("Sở Khoa học và Công nghệ chị trách nhiệm triển khai.", ["Sở Khoa học và Công nghệ"]),
            ("Bộ Tài chính nhất trí với đề xuất.", ["Bộ Tài chính"]),
            ("Bộ Ngoại giao phối hợp vận động.", ["Bộ Ngoại giao"]),
        ],
        ids=["doi-voi", "doi-tuong", "co-quan-alone", "dong-y", "chi-trach-nhiem-typo", "nhat-tri", "ngoai-giao"],
    )
    def test_the_owner_stops_before_the_verb_and_common_words_name_no_one(self, text: str, lead: list[str]) -> None:
        assert find_owners(text).lead == lead


class TestPeopleAndOfficesAtCommuneLevel:
    @pytest.mark.parametrize(
        "text, lead, support",
        [
            ("Văn phòng HĐND và UBND xã bố trí kinh phí.", ["Văn phòng HĐND và UBND xã"], []),
            ("Văn phòng HĐND - UBND phường tham mưu tổ chức hội nghị.", ["Văn phòng HĐND - UBND phường"], []),
            ("Văn phòng UBND tỉnh và Sở Nội vụ theo dõi.", ["Văn phòng UBND tỉnh", "Sở Nội vụ"], []),
            ("Công chức Tư pháp - Hộ tịch phối hợp với Công an xã tuyên truyền.", ["Công chức Tư pháp - Hộ tịch"],
             ["Công an xã"]),
            ("Giao công chức Văn hóa - Xã hội chủ trì tuyên truyền.", ["công chức Văn hóa - Xã hội"], []),
            ("Tập huấn cho cán bộ, công chức xã.", [], []),
            ("Trưởng các thôn có trách nhiệm thông báo cho nhân dân.", ["Trưởng các thôn"], []),
            ("Bí thư Đoàn xã chỉ đạo các chi đoàn ra quân.", ["Bí thư Đoàn xã", "các chi đoàn"], []),
            ("Tư lệnh các quân khu chỉ đạo tìm kiếm.", ["Tư lệnh các quân khu"], []),
            ("Tổ Tổng hợp chủ trì rà soát.", ["Tổ Tổng hợp"], []),
            ("Tổ chức hội nghị sơ kết.", [], []),
            ("Tổ công tác đặc biệt của Công an xã tuần tra.", ["Tổ công tác đặc biệt của Công an xã"], []),
            ("Các doanh nghiệp trên địa bàn tỉnh thực hiện nghiêm.", ["Các doanh nghiệp trên địa bàn tỉnh"], []),
            ("Các sở, ban ngành trong tỉnh chủ động ứng phó.", ["Các sở, ban ngành trong tỉnh"], []),
            ("Sở Y tế trong thời gian tới tăng cường kiểm tra.", ["Sở Y tế"], []),
            ("Ban Chỉ đạo Chương trình mục tiêu quốc gia xã chỉ đạo các thôn triển khai.",
             ["Ban Chỉ đạo Chương trình mục tiêu quốc gia xã", "các thôn"], []),
            ("Ban Chỉ huy PCTT và TKCN xã tổng hợp tình hình.", ["Ban Chỉ huy PCTT và TKCN xã"], []),
            ("ANTT trên địa bàn được giữ vững.", [], []),
            ("Ban Thường vụ Hội LHPN xã phân công cán bộ phụ trách các chi hội.", ["Ban Thường vụ Hội LHPN xã"], []),
            ("UBND tỉnh giao nhiệm vụ cho Sở Nội vụ theo dõi.", ["Sở Nội vụ"], []),
            ("Đề nghị Ủy ban nhân dân các tỉnh chỉ đạo các Sở, ngành có liên quan, Hội nạn nhân chất độc da cam/dioxin "
             "tăng cường kiểm tra.", ["Ủy ban nhân dân các tỉnh", "các Sở, ngành có liên quan",
                                     "Hội nạn nhân chất độc da cam/dioxin"], []),
            ("UBND các huyện chỉ đạo các cấp, các ngành triển khai.", ["UBND các huyện"], []),
            ("Sở Xây dựng chỉ đạo các đơn vị quản lý đường bộ bố trí lực lượng.",
             ["Sở Xây dựng", "các đơn vị quản lý đường bộ"], []),
            ("Các đơn vị quản lý chặt chẽ tài sản công.", ["Các đơn vị"], []),
            ("Các đồng chí Ủy viên UBND xã theo lĩnh vực phụ trách chỉ đạo thực hiện.", ["Ủy viên UBND xã"], []),
            ("Đề nghị Đảng ủy xã lãnh đạo, chỉ đạo tổ chức thực hiện.", ["Đảng ủy xã"], []),
            ("Giao Phòng Kinh tế, Hạ tầng và Đô thị chủ trì kiểm tra.", ["Phòng Kinh tế, Hạ tầng và Đô thị"], []),
            ("Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở phối hợp với Công an xã nắm tình hình.",
             ["Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở"], ["Công an xã"]),
            ("Kế toán ngân sách xã tham mưu bố trí kinh phí.", ["Kế toán ngân sách xã"], []),
            ("Sở Y tế đề nghị:", [], []),
            ("Sở Nội vụ (cơ quan thường trực) tổng hợp kết quả.", ["Sở Nội vụ"], []),
            ("Đề nghị Ban Chỉ huy PCTT và TKCN các huyện, thị xã và thành phố Huế triển khai.",
             ["Ban Chỉ huy PCTT và TKCN các huyện, thị xã và thành phố Huế"], []),
            ("Các địa phương chỉ đạo các Hợp tác xã Nông nghiệp, nhân dân khẩn trương thu hoạch.",
             ["Các địa phương", "các Hợp tác xã Nông nghiệp"], []),
            ("Chủ đầu tư chỉ đạo các nhà thầu bảo đảm an toàn.", ["Chủ đầu tư", "các nhà thầu"], []),
            ("Các chủ công trình hồ chứa nước thủy lợi, thủy điện tổ chức trực ban.",
             ["Các chủ công trình hồ chứa nước thủy lợi, thủy điện"], []),
            ("Các tổ chức chính trị - xã hội và tổ chức, đoàn thể có liên quan phối hợp tham gia.",
             ["Các tổ chức chính trị - xã hội", "tổ chức, đoàn thể có liên quan"], []),
            ("Các cơ quan, tổ chức, cá nhân có trách nhiệm thực hiện.", ["Các cơ quan, tổ chức, cá nhân"], []),
            ("Thành lập Ban Chỉ đạo cấp quân khu; Ban Chỉ đạo cấp tỉnh theo quy định.", [], []),
            ("Các ngành, đoàn thể xã theo chức năng, nhiệm vụ phối hợp thực hiện.", ["Các ngành, đoàn thể xã"], []),
            ("Các nhà thầu đang thi công công trình bảo đảm an toàn.", ["Các nhà thầu đang thi công công trình"], []),
            ("Hội đồng Giáo dục quốc phòng và an ninh xã tổ chức bồi dưỡng.", ["Hội đồng Giáo dục quốc phòng và an ninh xã"], []),
            ("Ban Chỉ đạo xây dựng nông thôn mới xã chỉ đạo các thôn.", ["Ban Chỉ đạo xây dựng nông thôn mới xã", "các thôn"], []),
            ("Công ty TNHHNN một thành viên quản lý khai thác công trình thủy lợi tỉnh phối hợp với các địa phương.",
             ["Công ty TNHHNN một thành viên quản lý khai thác công trình thủy lợi tỉnh"], ["các địa phương"]),
            ("Công an tỉnh hướng dẫn nhân dân xã thực hiện.", ["Công an tỉnh"], []),
            ("Chánh Văn phòng HĐND và UBND xã theo dõi, đôn đốc.", ["Chánh Văn phòng HĐND và UBND xã"], []),
            ("Tổng cục Thuế thông báo để Cục Thuế được biết, báo cáo UBND tỉnh.", ["Cục Thuế"], []),
            ("Sở Y tế đã ban hành Kế hoạch số 12/KH-SYT.", [], []),
            ("Giao BMNN cho cán bộ quản lý.", [], []),
            ("Giao Tư pháp - Hộ tịch chủ trì tuyên truyền pháp luật.", ["Tư pháp - Hộ tịch"], []),
            ("Tổ chức tuyên truyền (Giao Văn hóa - Xã hội chủ trì, phối hợp với các thôn).", ["Văn hóa - Xã hội"], ["các thôn"]),
            ("Phát triển kinh tế - xã hội, văn hóa - xã hội của xã.", [], []),
            ("Đề nghị các sở, ngành, UBND huyện, thị xã, thành phố báo cáo kết quả.",
             ["các sở, ngành", "UBND huyện, thị xã, thành phố"], []),
            ("Hiệu trưởng các trường Mầm non, Tiểu học, THCS trên địa bàn xã tổ chức.",
             ["Hiệu trưởng các trường Mầm non, Tiểu học, THCS trên địa bàn xã"], []),
        ],
        ids=["vp-hdnd-va-ubnd", "vp-hdnd-ubnd-dash", "vp-then-so", "cong-chuc", "giao-cong-chuc", "can-bo-people",
             "truong-thon", "bi-thu-chi-dao", "tu-lenh", "to-unit", "to-chuc-verb", "unit-of-body", "tren-dia-ban",
             "trong-tinh", "trong-thoi-gian", "chuong-trinh", "topics-in-a-name", "topic-no-owner", "phan-cong-own-staff",
             "giao-cho", "chi-dao-list", "chi-dao-vague", "don-vi-quan-ly", "quan-ly-verb", "cac-dong-chi-uy-vien",
             "lanh-dao-verb", "ha-tang", "luc-luong-antt-co-so", "ke-toan", "de-nghi-asks", "parenthesis-note",
             "places-after-va", "people-after-comma", "chu-dau-tu", "collective-described", "collective-after-va",
             "to-chuc-noun-in-list", "theo-quy-dinh", "theo-chuc-nang", "cong-trinh-noun", "va-in-descriptive-name",
             "committee-purpose", "company-purpose", "people-no-name", "chanh-van-phong-joint", "school-levels",
             "thong-bao-de-biet", "da-background", "topic-abbreviation-after-giao", "civil-servant-title",
             "title-in-parentheses", "title-words-in-prose", "levels-after-a-body"],
    )
    def test_posts_and_joint_offices_are_owners(self, text: str, lead: list[str], support: list[str]) -> None:
        found = find_owners(text)
        assert (found.lead, found.support) == (lead, support)


class TestTheOwnerOfABulletDutyList:
    def test_directing_b_in_one_bullet_among_duties_does_not_make_b_a_lead(self) -> None:
        ts = read("I. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì triển khai Kế hoạch trước ngày 30/6/2025.\n"
                  "- Chỉ đạo Trung tâm Kiểm soát bệnh tật tỉnh giám sát dịch.\n- Sở Y tế chỉ đạo các bệnh viện tuyến tỉnh thu dung điều trị.\n")
        assert owners_by_key(ts)["I.1"][0] == ["Sở Y tế"]

    def test_a_heading_label_names_the_owner_and_not_the_names_its_text_uses(self) -> None:
        ts = read("I. TỔ CHỨC THỰC HIỆN\n1. Các chi đoàn thôn: Tổ chức ra quân; Bí thư chi đoàn vận động đoàn viên "
                  "tham gia trước ngày 28/3/2025.\n")
        assert owners_by_key(ts)["I.1"][0] == ["Các chi đoàn thôn"]

    def test_a_post_addressed_as_dong_chi_with_a_colon_is_named_by_the_post(self) -> None:
        ts = read("I. PHÂN CÔNG\n1. Đồng chí Phó Chủ tịch UBND xã phụ trách kinh tế: Trực tiếp chỉ đạo công tác di dời dân "
                  "trước ngày 30/9/2025.\n")
        assert owners_by_key(ts)["I.1"][0] == ["Phó Chủ tịch UBND xã phụ trách kinh tế"]

    def test_a_reporting_bullet_is_owned_by_its_own_subject(self) -> None:
        # the bullet's owners are the unit's too (gold convention 3, as the corpus's dev 025 reads it)
        ts = read("I. TỔ CHỨC THỰC HIỆN\n1. Ban Thường vụ Hội LHPN xã phân công cán bộ phụ trách các chi hội.\n"
                  "- Chi hội trưởng các chi hội phụ nữ báo cáo kết quả về Hội LHPN xã trước ngày 25/10/2025.\n")
        got = owners_by_key(ts)
        assert got["I.1"][0] == ["Ban Thường vụ Hội LHPN xã", "Chi hội trưởng các chi hội phụ nữ"]
        assert got["I.1.R1"][0] == ["Chi hội trưởng các chi hội phụ nữ"]

    def test_those_who_report_to_a_gatherer_the_bullet_names_are_no_owners_of_the_unit(self) -> None:
        ts = read("I. TỔ CHỨC THỰC HIỆN\n1. Công an tỉnh chủ động hướng dẫn, kiểm tra việc thực hiện.\n"
                  "- Định kỳ 06 tháng (trước 15/6), đề nghị các sở, ngành báo cáo kết quả về UBND tỉnh (qua Công an "
                  "tỉnh). Giao Công an tỉnh chủ trì, tập hợp kết quả.\n")
        assert owners_by_key(ts)["I.1"][0] == ["Công an tỉnh"]


class TestWhomAnItemIsFor:
    def test_doi_voi_and_rieng_labels_name_the_owner_of_what_is_under_them(self) -> None:
        ts = read("I. NHIỆM VỤ\n1. Đối với Sở Y tế:\na) Bảo đảm thuốc, vật tư trước ngày 30/6/2025.\n"
                  "2. Riêng Sở Tài chính: bố trí kinh phí trước ngày 15/7/2025.\n")
        got = owners_by_key(ts)
        assert got["I.1.a"][0] == ["Sở Y tế"] and got["I.2"][0] == ["Sở Tài chính"]

    def test_chi_dao_b_with_no_subject_gives_b_beside_the_owner_above(self) -> None:
        ts = read("I. NHIỆM VỤ\n1. Đối với Sở Y tế:\na) Chỉ đạo Trung tâm Kiểm soát bệnh tật tỉnh giám sát các ổ dịch.\n"
                  "b) Bảo đảm thuốc, vật tư trước ngày 30/6/2025.\n")
        got = owners_by_key(ts)
        assert got["I.1.a"][0] == ["Sở Y tế", "Trung tâm Kiểm soát bệnh tật tỉnh"]
        assert got["I.1.b"][0] == ["Sở Y tế"]

    def test_chi_dao_b_in_a_bullet_of_an_owner_heading_gives_no_more_owners(self) -> None:
        ts = read("I. NHIỆM VỤ\n1. UBND các xã, phường:\n- Bố trí quỹ đất xây dựng trạm y tế.\n"
                  "- Chỉ đạo trạm y tế thực hiện tốt công tác tiêm chủng.\n")
        leads = [lead for lead, _ in owners_by_key(ts).values()]
        assert leads and all(lead == ["UBND các xã, phường"] for lead in leads)  # the bullets a task each, or the unit's


class TestOneHeadOverAListOfNames:
    @pytest.mark.parametrize(
        "text, lead, support",
        [
            ("Giao các Sở: Tài chính, Kế hoạch và Đầu tư, Xây dựng phối hợp thẩm định.",
             ["Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Xây dựng"], []),
            ("Giám đốc các Sở: Nội vụ, Tư pháp, Y tế chịu trách nhiệm triển khai.",
             ["Giám đốc Sở Nội vụ", "Giám đốc Sở Tư pháp", "Giám đốc Sở Y tế"], []),
            ("Các Bộ: Quốc phòng, Công an, Ngoại giao theo chức năng phối hợp triển khai.",
             ["Bộ Quốc phòng", "Bộ Công an", "Bộ Ngoại giao"], []),
            ("Sở Y tế chủ trì, phối hợp với các Sở: Tài chính, Văn hóa, Thể thao và Du lịch tổ chức.",
             ["Sở Y tế"], ["Sở Tài chính", "Sở Văn hóa, Thể thao và Du lịch"]),
            ("Nội dung gồm các phần: Mở đầu, Kết luận.", [], []),
        ],
        ids=["giao-cac-so", "giam-doc-cac-so", "cac-bo", "phoi-hop-cac-so", "not-a-list-of-bodies"],
    )
    def test_each_listed_name_is_an_owner(self, text: str, lead: list[str], support: list[str]) -> None:
        found = find_owners(text)
        assert (found.lead, found.support) == (lead, support)


class TestHeadingLines:
    @pytest.mark.parametrize(
        "line, names",
        [
            ("Bộ Quốc phòng", ["Bộ Quốc phòng"]),
            ("Phòng Văn hóa - Xã hội:", ["Phòng Văn hóa - Xã hội"]),
            ("Trách nhiệm của các Bộ, ngành, địa phương; Ủy ban MTTQ tỉnh", ["các Bộ, ngành, địa phương", "Ủy ban MTTQ tỉnh"]),
            ("Sở Y tế tổng hợp tình hình, báo cáo UBND tỉnh.", []),
            ("Đối với kinh phí điều trị - điều dưỡng", []),
        ],
    )
    def test_a_line_that_is_nothing_but_owners(self, line: str, names: list[str]) -> None:
        assert line_owners(line) == names

    def test_the_first_line_names_the_owner_of_the_duties_under_it(self) -> None:
        found = find_owners("Bộ Quốc phòng\nChủ trì, phối hợp với các Bộ, ngành có liên quan giúp Chính phủ quản lý.")
        assert (found.lead, found.support) == (["Bộ Quốc phòng"], ["các Bộ, ngành có liên quan"])


class TestFieldLines:
    @pytest.mark.parametrize(
        "text, lead, support",
        [
            ("- Cơ quan chủ trì: Sở Tư pháp.\n- Cơ quan phối hợp: Các sở, ban, ngành; UBND các xã, phường.",
             ["Sở Tư pháp"], ["Các sở, ban, ngành", "UBND các xã, phường"]),
            ("Cơ quan chủ trì: Sở Tư pháp; cơ quan phối hợp: Sở Nội vụ, Văn phòng UBND tỉnh.",
             ["Sở Tư pháp"], ["Sở Nội vụ", "Văn phòng UBND tỉnh"]),
            ("Đơn vị thực hiện: Các Đội chuyên trách của quân đội.", ["Các Đội chuyên trách của quân đội"], []),
            ("Chủ trì: Công an xã. Phối hợp: Ban Chỉ huy Quân sự xã.", ["Công an xã"], ["Ban Chỉ huy Quân sự xã"]),
            ("Cơ quan, đơn vị chủ trì: Sở Nội vụ", ["Sở Nội vụ"], []),
            ("Tổ chức thực hiện: các đơn vị căn cứ kế hoạch.", [], []),
            ("Thời gian thực hiện: Quý II/2025.", [], []),
        ],
        ids=["bullets", "one-line", "qualified-name", "short-labels", "roles-joined", "section-not-field", "time"],
    )
    def test_field_lines_name_lead_and_support(self, text: str, lead: list[str], support: list[str]) -> None:
        f = read_fields(text)
        assert (f.lead, f.support) == (lead, support)

    def test_a_time_field_keeps_its_value(self) -> None:
        assert read_fields("Thời gian hoàn thành: Quý II/2025.").when == ["Quý II/2025"]

    @pytest.mark.parametrize(
        "value, names, only",
        [
            ("Sở Tài chính và các cơ quan liên quan", ["Sở Tài chính", "các cơ quan liên quan"], True),
            ("Các sở, ban ngành trong tỉnh; UBND các xã.", ["Các sở, ban ngành trong tỉnh", "UBND các xã"], True),
            ("Sở Nội vụ tổng hợp, báo cáo UBND tỉnh", ["Sở Nội vụ"], False),
            ("Quý II/2025", [], False),
        ],
    )
    def test_a_value_is_a_list_of_owners(self, value: str, names: list[str], only: bool) -> None:
        assert value_owners(value) == (names, only)


class TestOwnersOfASection:
    def test_a_block_of_fields_after_the_items_gives_them_its_owners_and_is_no_item(self) -> None:
        ts = read(
            "I. CÔNG TÁC TUYÊN TRUYỀN\n1. Nội dung\na) Tổ chức hội nghị quán triệt.\n"
            "b) Ban Chỉ đạo các huyện triển khai đến cơ sở.\n2. Cơ quan chủ trì, phối hợp\na) Cơ quan chủ trì\n"
            "- Sở Nội vụ.\n- Sở Tư pháp; Công an tỉnh.\nb) Cơ quan phối hợp\n- Các sở, ban, ngành.\n"
            "3. Thời gian thực hiện: Tháng 12/2025.\n"
        )
        got = owners_by_key(ts)
        assert got == {
            "I.1.a": (["Sở Nội vụ", "Sở Tư pháp", "Công an tỉnh"], ["Các sở, ban, ngành"]),
            "I.1.b": (["Sở Nội vụ", "Sở Tư pháp", "Công an tỉnh"], ["Các sở, ban, ngành"]),
        }

    def test_field_lines_under_the_last_item_of_a_section_are_the_sections(self) -> None:
        ts = read("I. NHIỆM VỤ\n1. Sắp xếp tổ chức bộ máy\na) Sắp xếp các cơ quan.\nb) Kiện toàn đơn vị.\n"
                  "Đơn vị chủ trì: Sở Nội vụ. Đơn vị phối hợp: Sở Tài chính.\n")
        assert owners_by_key(ts) == {"I.1.a": (["Sở Nội vụ"], ["Sở Tài chính"]),
                                     "I.1.b": (["Sở Nội vụ"], ["Sở Tài chính"])}

    def test_each_item_keeps_its_own_fields(self) -> None:
        ts = read("I. NHIỆM VỤ\n1. Rà soát văn bản.\n- Cơ quan chủ trì: Sở Tư pháp.\n2. Kiểm tra thi hành pháp luật.\n"
                  "- Cơ quan chủ trì: Thanh tra tỉnh.\n- Cơ quan phối hợp: Sở Tư pháp.\n")
        assert owners_by_key(ts) == {"I.1": (["Sở Tư pháp"], []), "I.2": (["Thanh tra tỉnh"], ["Sở Tư pháp"])}

    def test_a_request_over_a_section_gives_its_items_their_owner(self) -> None:
        ts = read("I. NHIỆM VỤ\n1. Giao Văn phòng UBND tỉnh chủ trì, phối hợp với Sở Tư pháp thực hiện các nhiệm vụ sau:\n"
                  "a) Công bố danh mục thủ tục hành chính.\nb) Rà soát, đơn giản hóa thủ tục.\n")
        got = owners_by_key(ts)
        assert got["I.1.a"] == got["I.1.b"] == (["Văn phòng UBND tỉnh"], ["Sở Tư pháp"])

    def test_a_standing_agency_with_a_duty_is_an_item_not_a_field(self) -> None:
        ts = read("I. NHIỆM VỤ\n1. Tổ chức hội nghị.\n2. Cơ quan thường trực: Sở Nội vụ tổng hợp, báo cáo UBND tỉnh.\n")
        assert owners_by_key(ts)["I.2"][0] == ["Sở Nội vụ"]
        assert owners_by_key(ts)["I.1"][0] == []

    def test_an_owner_line_over_its_duties(self) -> None:
        ts = read("I. TỔ CHỨC THỰC HIỆN\n1. Bộ Quốc phòng\nChủ trì, phối hợp với các Bộ, ngành có liên quan thực hiện Kế hoạch.\n"
                  "2. Phòng Văn hóa - Xã hội\nChủ trì tuyên truyền trên hệ thống truyền thanh.\n")
        assert owners_by_key(ts) == {"I.1": (["Bộ Quốc phòng"], ["các Bộ, ngành có liên quan"]),
                                     "I.2": (["Phòng Văn hóa - Xã hội"], [])}


_WORDS = ["Sở", "Y", "tế", "các", "Ban", "Chỉ", "đạo", "chủ", "trì", "phối", "hợp", "với", "và", ",", ";", ":", ".",
          "giao", "Giao", "đề", "nghị", "Đối", "với", "Cơ", "quan", "Công", "an", "xã", "tỉnh", "UBND", "chỉ", "đạo",
          "Văn", "phòng", "HĐND", "Đồng", "chí", "Phó", "Chủ", "tịch", "(", ")", "-", "\n", "Thời", "gian", "thực",
          "hiện", "PCTT", "TKCN", "trên", "địa", "bàn", "của", "Tổ", "Tổng", "hợp", "nhân", "dân", "Sở:", "II"]


@given(st.lists(st.sampled_from(_WORDS), max_size=40))
@settings(max_examples=400, deadline=None)
def test_owner_readings_of_any_word_salad_finish_and_name_non_empty_trimmed_owners(words: list[str]) -> None:
    text = " ".join(words)
    found = find_owners(text)
    for name in [*found.lead, *found.support, *found.directed]:
        assert name and name == name.strip() and len(name) <= len(text) + 40
    f = read_fields(text)
    assert all(x.strip() for x in [*f.lead, *f.support])
    assert isinstance(line_owners(text), list)


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_owner_readings_of_any_text_finish(text: str) -> None:
    find_owners(text)
    read_fields(text)
    line_owners(text)

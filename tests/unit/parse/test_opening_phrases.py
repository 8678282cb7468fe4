"""The subject after an opening phrase of purpose or grounds ("Nhằm …, bên cạnh …, các sở …", "Trên cơ sở A, B,
các bộ …"), also in a sentence that is not the text's first and when the list of owners after it is long. The texts
are invented for these tests."""

from __future__ import annotations

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.owners import find_owners
from dondoc.taskset import Source

from tests.unit.parse.test_owner_structure import REPO


@pytest.mark.parametrize(
    "text, lead",
    [
        # a purpose, then a setting, each with its comma, before the subject
        ("Nhằm hoàn thành các chỉ tiêu của năm, bên cạnh công việc thường xuyên, các sở, ban, ngành, Ủy ban nhân "
         "dân các huyện cần triển khai các việc sau:", ["các sở, ban, ngành", "Ủy ban nhân dân các huyện"]),
        ("Để thực hiện tốt Chương trình, các phòng, ban chuyên môn, Ủy ban nhân dân các xã tập trung thực hiện "
         "các nội dung sau:", ["các phòng, ban chuyên môn", "Ủy ban nhân dân các xã"]),
        ("Nhằm nâng cao chất lượng dịch vụ, Sở Công Thương chủ trì rà soát quy trình.", ["Sở Công Thương"]),
        # grounds listing several papers, then a long list of owners before the verb
        ("Trên cơ sở Nghị quyết của Tỉnh ủy, Chương trình công tác năm, các sở, ban, ngành thuộc tỉnh, các đơn vị "
         "sự nghiệp trực thuộc, Ủy ban nhân dân các huyện, thị xã, thành phố trong tỉnh theo nhiệm vụ được giao xây "
         "dựng kế hoạch của mình.",
         ["các sở, ban, ngành thuộc tỉnh", "các đơn vị sự nghiệp trực thuộc",
          "Ủy ban nhân dân các huyện, thị xã, thành phố trong tỉnh"]),
        # the opening phrase in the text's second sentence, or after a title line
        ("Tổ chức hội nghị sơ kết. Căn cứ hướng dẫn của Bộ Văn hóa, Sở Văn hóa lập dự toán kinh phí.",
         ["Sở Văn hóa"]),
        ("CÁC VIỆC CẦN LÀM NGAY\nNhằm bảo đảm tiến độ đã đề ra, bên cạnh việc rà soát, Ban Quản lý dự án tỉnh "
         "cần thực hiện các việc sau đây:", ["Ban Quản lý dự án tỉnh"]),
        # no owner after the opening: none
        ("Nhằm nâng cao nhận thức của người dân, tăng cường tuyên truyền trên các phương tiện.", []),
    ],
    ids=["purpose-then-setting", "de-thuc-hien", "nham-one-body", "grounds-long-list", "second-sentence",
         "after-a-title-line", "no-owner"],
)
def test_the_subject_after_an_opening_phrase(text: str, lead: list[str]) -> None:
    assert find_owners(text).lead == lead


def test_a_section_whose_intro_names_the_owners_gives_them_to_its_items() -> None:
    text = (
        "KẾ HOẠCH\nPhát triển du lịch cộng đồng năm 2027\n"
        "I. MỤC ĐÍCH\nNâng cao thu nhập của người dân.\n"
        "II. NHIỆM VỤ\n"
        "Nhằm đạt các mục tiêu trên, bên cạnh các việc thường xuyên, các sở, ban, ngành, Ủy ban nhân dân các "
        "huyện cần thực hiện các nhiệm vụ sau đây:\n"
        "1. Rà soát các điểm du lịch cộng đồng.\n"
        "2. Tổ chức tập huấn cho các hộ làm du lịch.\n"
    )
    ts = parse_dispatch(text, source=Source(name="kh.txt"), observances=load_catalog(REPO / "config" / "observances.yaml"))
    leads = {t.key: [o.name for o in t.lead] for t in ts.tasks}
    assert leads["II.1"] == ["các sở, ban, ngành", "Ủy ban nhân dân các huyện"]
    assert leads["II.2"] == ["các sở, ban, ngành", "Ủy ban nhân dân các huyện"]

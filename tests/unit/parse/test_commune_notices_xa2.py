"""Commune and ward notices as their portals give them (helper xa2): owners listed the commune's way, a notice's
grounds and items as dash bullets, its time field after the list, the closing formula to the public, a charge
after the last item, and an excerpt that speaks in the issuer's own voice."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.errors import NothingToTrackError
from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.labels import label_owners
from dondoc.parse.prose import is_request
from dondoc.taskset import Source, TaskSet

REPO = Path(__file__).resolve().parents[3]
_HEAD = "ỦY BAN NHÂN DÂN XÃ HÒA LẠC\nSố: 41/TB-UBND\nHòa Lạc, ngày 10 tháng 9 năm 2026\nTHÔNG BÁO\nVề việc chuẩn bị ngày hội\n"


def _read(text: str) -> TaskSet:
    return parse_dispatch(text, source=Source(name="t"), observances=load_catalog(REPO / "config" / "observances.yaml"))


def _leads(ts: TaskSet) -> dict[str, list[str]]:
    return {t.key: [o.name for o in t.lead] for t in ts.tasks if t.kind != "report"}


@pytest.mark.parametrize(("label", "owners"), [
    ("các thôn, xóm", ["các thôn, xóm"]),
    ("các ấp, khóm", ["các ấp, khóm"]),
    ("Các cấp ủy, chính quyền, Mặt trận và đoàn thể", ["Các cấp ủy, chính quyền", "Mặt trận", "đoàn thể"]),
    ("Các đồng chí Ủy viên Ban Chấp hành phụ trách thôn", ["Ủy viên Ban Chấp hành phụ trách thôn"]),
    ("Đồng chí Ủy viên Ban Thường vụ", ["Ủy viên Ban Thường vụ"]),
    ("bộ phận địa chính phường", ["bộ phận địa chính phường"]),
])
def test_commune_owner_lists(label: str, owners: list[str]) -> None:
    assert label_owners(label) == owners


def test_lower_case_bo_alone_is_still_a_word() -> None:
    assert label_owners("bộ tiêu chí của xã") == []


@pytest.mark.parametrize("window", [
    "từ chiều ngày 12/9/2026 đến hết ngày 20/9/2026",
    "từ ngày 12 tháng 9 cho đến hết ngày 20 tháng 9 năm 2026",
])
def test_a_window_said_with_its_part_of_day_or_cho_den_has_no_due(window: str) -> None:
    ts = _read(_HEAD + f"1. Các trường học treo băng rôn {window}.\n2. Trạm Y tế xã trực cấp cứu.\n")
    first = next(t for t in ts.tasks if t.key == "1")
    assert first.schedule.due == [] and first.schedule.repeat == "once"


def test_the_closing_formula_with_tinh_than_is_no_item() -> None:
    ts = _read(_HEAD + "1. Các trường học treo băng rôn.\n2. Trạm Y tế xã trực cấp cứu.\n"
               "Ủy ban nhân dân xã yêu cầu các cơ quan, đơn vị thực hiện nghiêm tinh thần Thông báo này./.\n")
    assert sorted(_leads(ts)) == ["1", "2"]


def test_a_charge_after_the_last_item_is_an_item_of_its_own() -> None:
    ts = _read(_HEAD + "1. Các trường học treo băng rôn.\n2. Trạm Y tế xã bố trí cán bộ trực cấp cứu trong ngày hội.\n"
               "Công chức Văn hóa - Xã hội, Ban điều hành các khu phố có trách nhiệm kiểm tra việc treo băng rôn ở từng khu phố.\n")
    leads = _leads(ts)
    assert leads["2"] == ["Trạm Y tế xã"]
    assert leads["-"] == ["Công chức Văn hóa - Xã hội", "Ban điều hành các khu phố"]


@pytest.mark.parametrize("closing", [
    "Ban Thường vụ Đảng ủy xã đề nghị toàn thể cán bộ, đảng viên và Nhân dân trong xã nghiêm túc chấp hành, chủ động phòng tránh.",
    "Đề nghị bà con nhân dân tích cực hưởng ứng ngày hội.",
    "Vậy đề nghị các hộ gia đình nghiêm túc chấp hành./.",
])
def test_a_request_to_the_public_alone_is_the_closing_formula(closing: str) -> None:
    assert not is_request(closing)


def test_a_post_after_the_public_s_words_is_still_asked() -> None:
    assert is_request("Đề nghị cán bộ Văn phòng tổng hợp danh sách các hộ.")


_GROUNDS = ("UBND XÃ HÒA LẠC THÔNG BÁO\n“V/v phòng, chống mưa lũ”\n"
            "-         Căn cứ công điện của UBND huyện\n"
            "-         Căn cứ tình hình thực tế trên địa bàn\n"
            "Ban Chỉ huy phòng chống thiên tai xã thông báo cho các thôn, cơ quan trên địa bàn cần thực hiện tốt một số nội dung sau:\n"
            "-         Các thôn kiểm tra các hộ ở vùng trũng thấp.\n"
            "-         Trạm Y tế xã chuẩn bị cơ số thuốc.\n")


def test_grounds_written_as_bullets_are_passed_and_the_items_keyed_from_one() -> None:
    assert _leads(_read(_GROUNDS)) == {"-1": ["Các thôn"], "-2": ["Trạm Y tế xã"]}


_NOTIFIES = ("Thông báo dọn vệ sinh đường làng\nUBND xã Hòa Lạc thông báo dọn vệ sinh như sau:\n"
             "- Tại trụ sở các cơ quan, đơn vị dọn vệ sinh khuôn viên;\n"
             "- Đối với các chi hội, đề nghị các chi hội vận động hội viên tham gia.\n")


def test_a_notice_that_thong_bao_nhu_sau_over_asking_bullets_lists_its_items() -> None:
    leads = _leads(_read(_NOTIFIES))
    assert sorted(leads) == ["-1", "-2"] and leads["-2"] == ["các chi hội"]


def test_the_time_field_after_the_list_sets_the_days_of_all_items() -> None:
    ts = _read(_HEAD + "1. Các thôn treo cờ Tổ quốc tại nhà văn hóa.\n2. Các trường học treo băng rôn tại cổng trường.\n"
               "Thời gian treo: từ ngày 01/10/2026 đến hết ngày 10/10/2026.\n")
    assert {t.key: t.schedule.repeat for t in ts.tasks} == {"1": "once", "2": "once"}


_OWN_VOICE = ("Lịch thu gom rác thải sinh hoạt trên địa bàn phường được điều chỉnh từ tháng sau.\n"
              "Đề nghị Tổ trưởng các tổ dân phố thông báo lịch mới cho các hộ gia đình.\n"
              "Đối với các trường hợp đổ rác sai quy định, giao trách nhiệm cho bộ phận địa chính phường kiểm tra, xử lý.\n")


def test_an_excerpt_in_the_issuer_s_own_voice_asks() -> None:
    leads = _leads(_read(_OWN_VOICE))
    assert leads == {"-1": ["Tổ trưởng các tổ dân phố"], "-2": ["bộ phận địa chính phường"]}


def test_a_story_that_tells_one_request_is_still_news() -> None:
    with pytest.raises(NothingToTrackError):
        _read("Sáng 5/9, phường tổ chức ra quân dọn vệ sinh với hơn 100 người tham dự.\n"
              "Đề nghị Tổ trưởng các tổ dân phố duy trì việc dọn vệ sinh.\n")

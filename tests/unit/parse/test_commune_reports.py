"""What commune documents write that asks no report: the stock clause with its "nếu" left out, and the
party's speakers ("báo cáo viên")."""

from __future__ import annotations

import pytest

from dondoc.parse.reports import is_obligation
from dondoc.parse.sections import is_stock_clause


@pytest.mark.parametrize(
    "text, stock",
    [
        ("Trong quá trình thực hiện, có khó khăn vướng mắc, phát sinh đề nghị các trưởng ấp báo cáo kịp thời về UBND xã.", True),
        ("Trong quá trình triển khai, có khó khăn, vướng mắc, kịp thời báo cáo Thường trực UBND phường xem xét.", True),
        ("Trong quá trình thực hiện nếu có khó khăn, vướng mắc phản ánh về Văn phòng UBND xã.", True),
        ("Các trưởng ấp báo cáo kết quả về UBND xã trước ngày 15/9/2026.", False),
    ],
)
def test_the_stock_clause_without_its_if(text: str, stock: bool) -> None:
    assert is_stock_clause(text) is stock


@pytest.mark.parametrize(
    "text, asks",
    [
        ("Tuyên truyền tại hội nghị báo cáo viên, sinh hoạt chi bộ định kỳ và trên loa truyền thanh của thôn.", False),
        ("Trưởng các thôn báo cáo kết quả về UBND xã trước ngày 20/10/2026.", True),
        # a letter sent to another body for its help asks no report of anyone
        ("Nếu người ứng cử cư trú ở xã khác thì có văn bản gửi Ủy ban MTTQ xã đó để hỗ trợ tổ chức hội nghị.", False),
        ("Gửi văn bản đến Công an huyện để phối hợp xác minh.", False),
        ("Các thôn gửi danh sách về UBND xã để tổng hợp, báo cáo huyện trước ngày 10/10/2026.", True),
    ],
)
def test_the_partys_speakers_and_a_plea_for_help_are_no_report(text: str, asks: bool) -> None:
    assert is_obligation(text) is asks


@pytest.mark.parametrize(
    "text, section",
    [
        ("Trình tự tổ chức hội nghị cử tri (theo quy định tại Nghị quyết số 12)", True),
        ("Trình tự tổ chức buổi lễ:", True),
        ("Chương trình hội nghị:", True),
        ("Trình tự lập danh sách và gửi hồ sơ về UBND xã trước ngày 30/9/2026.", False),
    ],
)
def test_a_meetings_agenda_step_by_step_is_no_task(text: str, section: bool) -> None:
    from dondoc.parse.sections import is_section

    assert is_section(text) is section

"""Weekly work and reports ("hằng tuần", "hàng tuần", "mỗi tuần", "báo cáo tuần"): cadence, weekday, and what is not weekly."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.stated_cadence import explicit_cadence, weekly_days
from dondoc.taskset import Source, Task

REPO = Path(__file__).resolve().parents[3]
CATALOG = load_catalog(REPO / "config" / "observances.yaml")
HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH ĐÔNG SƠN\n\nSố: 9/UBND-NC\n\nĐông Sơn, ngày 12 tháng 01 năm 2026\n\n"
        "Kính gửi: Công an tỉnh.\n\nChủ tịch UBND tỉnh yêu cầu thực hiện các nội dung sau:\n\n")


def first_task(sentence: str) -> Task:
    """The task of item 1 when the dispatch holds `sentence` as its only numbered item."""
    ts = parse_dispatch(HEAD + "1. " + sentence + "\n", source=Source(name="t.txt"), observances=CATALOG)
    return next(t for t in ts.tasks if t.key == "1")


class TestWeeklyPhrases:
    @pytest.mark.parametrize(
        ("text", "days"),
        [
            ("báo cáo hằng tuần (trước 16 giờ thứ Năm)", ["T5"]),
            ("định kỳ hằng tuần", []),
            ("định kỳ hàng tuần báo cáo kết quả", []),
            ("thứ Sáu hằng tuần gửi báo cáo", ["T6"]),
            ("mỗi tuần một lần", []),
            ("hàng tuần", []),
            ("báo cáo tuần", []),
            ("thứ Năm hằng tuần", ["T5"]),
            ("trước 16 giờ thứ Năm hằng tuần", ["T5"]),
            ("vào thứ 6 hằng tuần", ["T6"]),
            ("vào sáng thứ Hai hàng tuần", ["T2"]),
            ("thứ tư hằng tuần", ["T4"]),
            ("vào thứ Bảy hằng tuần", ["T7"]),
            ("vào thứ bẩy hằng tuần", ["T7"]),
            ("họp hằng tuần vào Chủ nhật", ["CN"]),
            ("THỨ NĂM HẰNG TUẦN", ["T5"]),
            ("thứ Hai và thứ Năm hằng tuần", ["T2", "T5"]),
            ("01 lần/tuần", []),
            ("một tuần một lần", []),
            ("gửi báo cáo tuần về UBND tỉnh vào thứ 6 hằng tuần", ["T6"]),
        ],
        ids=lambda v: str(v),
    )
    def test_a_weekly_phrase_is_weekly_with_the_weekday_it_names(self, text: str, days: list[str]) -> None:
        repeat, why = explicit_cadence(text) or ("", "")
        assert repeat == "weekly" and "every week" in why
        assert weekly_days(text)[0] == days  # type: ignore[index]

    @pytest.mark.parametrize(
        "text",
        [
            "Tuần lễ quốc gia phòng, chống thiên tai",
            "tổ chức Tuần lễ Văn hóa - Du lịch trong tuần đầu tháng 5/2026",
            "trong tuần đầu tháng",
            "tăng cường tuần tra, kiểm soát",
            "báo cáo tuần lễ hưởng ứng",
            "báo cáo tình hình tuần qua",
            "mưa lớn kéo dài hàng tuần liền",
            "mỗi tuần lễ",
            "tuân thủ quy định",
            "thứ Năm, ngày 15/01/2026",
        ],
        ids=lambda v: str(v),
    )
    def test_a_week_that_does_not_recur_is_not_weekly(self, text: str) -> None:
        assert explicit_cadence(text) is None or explicit_cadence(text)[0] != "weekly"  # type: ignore[index]
        assert weekly_days(text) is None

    @pytest.mark.parametrize(
        "text",
        ["chuẩn bị Đại hội lần thứ năm, họp Ban tổ chức hằng tuần", "rà soát thứ tự ưu tiên hằng tuần",
         "họp hằng tuần; thứ Năm, ngày 15/01/2026 tổng kết"],
        ids=["ordinal", "thu-tu", "other-clause"],
    )
    def test_an_ordinal_or_a_weekday_in_another_clause_is_no_weekly_day(self, text: str) -> None:
        assert weekly_days(text)[0] == []  # type: ignore[index]


class TestWeeklyItems:
    @pytest.mark.parametrize(
        ("sentence", "kind", "due", "report_to"),
        [
            ("Công an tỉnh báo cáo hằng tuần tình hình an ninh trật tự về UBND tỉnh (qua Văn phòng UBND tỉnh) "
             "trước 16 giờ thứ Năm.", "report", ["T5"], "UBND tỉnh (qua Văn phòng UBND tỉnh)"),
            ("Thứ Sáu hằng tuần, Sở Y tế gửi báo cáo tình hình dịch bệnh về UBND tỉnh.", "report", ["T6"], "UBND tỉnh"),
            ("UBND các xã, phường định kỳ hàng tuần báo cáo kết quả thực hiện về Sở Y tế.", "report", [], "Sở Y tế"),
            ("Sở Y tế gửi báo cáo tuần về UBND tỉnh vào thứ 6 hằng tuần.", "report", ["T6"], "UBND tỉnh"),
            ("Sở Nội vụ gửi báo cáo về UBND tỉnh trước 16 giờ thứ Năm hằng tuần.", "report", ["T5"], "UBND tỉnh"),
            ("Sở Y tế duy trì giao ban chuyên môn mỗi tuần một lần vào thứ 2.", "action", ["T2"], None),
            ("Công an tỉnh tổ chức giao ban vào thứ Hai và thứ Năm hằng tuần.", "action", ["T2", "T5"], None),
        ],
        ids=["truoc-16-gio-thu-nam", "thu-sau-hang-tuan", "dinh-ky-hang-tuan", "bao-cao-tuan-thu-6",
             "thu-nam-hang-tuan", "moi-tuan-mot-lan", "two-days"],
    )
    def test_a_weekly_item_is_read_with_its_weekday(self, sentence: str, kind: str, due: list[str],
                                                    report_to: str | None) -> None:
        t = first_task(sentence)
        assert (t.kind, t.schedule.repeat, t.schedule.due, t.report_to) == (kind, "weekly", due, report_to)

    @pytest.mark.parametrize(
        ("sentence", "repeat"),
        [
            ("Công an tỉnh chủ trì, phối hợp với Sở Xây dựng tăng cường tuần tra, kiểm soát, xử lý vi phạm.", "continuous"),
            ("Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức Tuần lễ quốc gia phòng, chống thiên tai "
             "trong tuần đầu tháng 5/2026.", "continuous"),
            ("Sở Y tế báo cáo kết quả Tuần lễ quốc gia về UBND tỉnh trước ngày 15/5/2026.", "once"),
        ],
        ids=["tuan-tra", "tuan-le", "bao-cao-tuan-le"],
    )
    def test_a_patrol_or_a_week_long_event_keeps_its_reading(self, sentence: str, repeat: str) -> None:
        assert first_task(sentence).schedule.repeat == repeat

    def test_the_explanation_says_why_it_is_weekly_and_why_that_day(self) -> None:
        t = first_task("Sở Y tế duy trì giao ban chuyên môn mỗi tuần một lần vào thứ 2.")
        assert t.explain["schedule.repeat"] == 'says every week ("mỗi tuần")'
        assert t.explain["schedule.due"] == '"thứ 2" with "mỗi tuần": that day of every week'

    def test_a_weekly_task_without_a_day_says_which_day_it_takes(self) -> None:
        t = first_task("UBND các xã, phường định kỳ hàng tuần báo cáo kết quả thực hiện về Sở Y tế.")
        assert "the last working day of each week" in t.explain["schedule.due"]

    def test_a_date_in_a_weekly_item_is_no_weekly_day_and_the_explanation_says_so(self) -> None:
        t = first_task("Công an tỉnh tổ chức giao ban hằng tuần vào thứ Hai; tổng kết trước ngày 30/6/2026.")
        assert (t.schedule.repeat, t.schedule.due) == ("weekly", ["T2"])
        assert "2026-06-30" in t.explain["schedule.due"] and "left out" in t.explain["schedule.due"]

    def test_an_item_takes_the_weekly_cadence_of_its_most_frequent_report_with_that_reports_day(self) -> None:
        ts = parse_dispatch(
            HEAD + "1. Sở Y tế theo dõi chặt chẽ diễn biến dịch bệnh. Báo cáo nhanh về UBND tỉnh vào sáng thứ Hai "
            "hằng tuần. Báo cáo tổng hợp hằng tháng về Bộ Y tế trước ngày 25.\n",
            source=Source(name="t.txt"), observances=CATALOG)
        got = {t.key: (t.schedule.repeat, t.schedule.due) for t in ts.tasks}
        assert got == {"1": ("weekly", ["T2"]), "1.R1": ("weekly", ["T2"]), "1.R2": ("monthly", ["---25"])}

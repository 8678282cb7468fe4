"""Weekly schedules: ISO week labels, the weekday due, the default day, the shift rule and the weekly ladder."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dondoc.calendars import load_notices
from dondoc.errors import ConfigError, TaskSetError
from dondoc.schedule.calendar import WorkCalendar
from dondoc.schedule.plan import LadderConfig, OccurrenceView, latest_working_rung, plan
from dondoc.schedule.recurrence import WEEKLY_DEFAULT_NOTE, due_dates, rrule_text
from dondoc.schedule.weeks import Week, last_working_day, parse_week, week_of
from dondoc.schedule.words import period_words, repeat_phrase
from dondoc.taskset import WEEKDAYS, Schedule, parse_taskset

D = date
CONFIG = Path(__file__).resolve().parents[3] / "config"
CAL = WorkCalendar(load_notices(CONFIG))


def occurrences(schedule: Schedule, anchor: date, lo: date, hi: date, **kw: object) -> list[tuple[str, date]]:
    return [(p.period, p.stated) for p in due_dates(schedule, anchor=anchor, between=(lo, hi), cal=CAL, **kw)]  # type: ignore[arg-type]


class TestWeeks:
    @pytest.mark.parametrize(
        ("day", "label"),
        [(D(2026, 1, 29), "2026-W05"), (D(2025, 12, 29), "2026-W01"), (D(2026, 1, 1), "2026-W01"),
         (D(2021, 1, 3), "2020-W53"), (D(2026, 12, 31), "2026-W53")],
        ids=lambda v: str(v),
    )
    def test_a_day_falls_in_its_iso_week(self, day: date, label: str) -> None:
        assert week_of(day).label == label
        assert parse_week(label) == week_of(day)

    def test_a_week_covers_monday_to_sunday_and_says_so_in_vietnamese(self) -> None:
        w = parse_week("2026-W05")
        assert w.covers() == (D(2026, 1, 26), D(2026, 2, 1))
        assert w.phrase() == "tuần 5/2026 (từ 26/01/2026 đến 01/02/2026)"

    @pytest.mark.parametrize("label", ["2025-W53", "2026-W00", "2026-5", "2026-W5"], ids=str)
    def test_a_week_that_does_not_exist_is_refused(self, label: str) -> None:
        with pytest.raises(ValueError):
            parse_week(label)

    @pytest.mark.parametrize(
        ("label", "day"),
        [("2026-W05", D(2026, 1, 30)),  # an ordinary week: Friday
         ("2025-W18", D(2025, 4, 29)),  # 30/4, 1/5 and the swapped 2/5 off: Tuesday
         ("2025-W17", D(2025, 4, 26)),  # the make-up Saturday 26/4/2025 is a working day
         ("2026-W08", None)],  # Tết 2026: no working day at all
        ids=["ordinary", "30-4", "make-up-saturday", "tet"],
    )
    def test_the_default_day_is_the_last_working_day_of_the_week(self, label: str, day: date | None) -> None:
        assert last_working_day(parse_week(label), CAL) == day

    def test_without_a_calendar_the_default_day_is_friday(self) -> None:
        assert last_working_day(Week(2026, 8), None) == D(2026, 2, 20)


class TestWeeklyOccurrences:
    def test_a_weekday_recurs_every_week_from_the_dispatch_date_labelled_by_iso_week(self) -> None:
        got = occurrences(Schedule(repeat="weekly", due=["T5"]), D(2026, 1, 12), D(2026, 1, 1), D(2026, 2, 5))
        assert got == [("2026-W03", D(2026, 1, 15)), ("2026-W04", D(2026, 1, 22)), ("2026-W05", D(2026, 1, 29)),
                       ("2026-W06", D(2026, 2, 5))]

    def test_each_occurrence_covers_its_week_and_has_no_data_window(self) -> None:
        [p] = due_dates(Schedule(repeat="weekly", due=["T5"]), anchor=D(2026, 1, 1), between=(D(2026, 1, 26), D(2026, 2, 1)))
        assert (p.period, p.covers, p.data_window, p.notes) == ("2026-W05", (D(2026, 1, 26), D(2026, 2, 1)), None, ())

    def test_two_days_a_week_get_distinct_labels(self) -> None:
        got = occurrences(Schedule(repeat="weekly", due=["T2", "T5"]), D(2026, 1, 1), D(2026, 1, 26), D(2026, 2, 1))
        assert got == [("2026-W05@01-26", D(2026, 1, 26)), ("2026-W05@01-29", D(2026, 1, 29))]

    def test_an_iso_date_is_the_first_occurrence_then_every_seven_days(self) -> None:
        got = occurrences(Schedule(repeat="weekly", due=["2026-02-05"]), D(2026, 1, 1), D(2026, 1, 1), D(2026, 2, 28))
        assert [d for _, d in got] == [D(2026, 2, 5), D(2026, 2, 12), D(2026, 2, 19), D(2026, 2, 26)]

    def test_without_a_day_the_last_working_day_of_each_week_with_a_note(self) -> None:
        ps = due_dates(Schedule(repeat="weekly"), anchor=D(2026, 2, 2), between=(D(2026, 2, 2), D(2026, 3, 1)), cal=CAL)
        assert [(p.period, p.stated) for p in ps] == [
            ("2026-W06", D(2026, 2, 6)), ("2026-W07", D(2026, 2, 13)), ("2026-W09", D(2026, 2, 27))]  # no Tết week
        assert all(p.notes == (WEEKLY_DEFAULT_NOTE,) for p in ps)

    def test_before_means_day_before_moves_a_written_weekday_but_not_the_default_day(self) -> None:
        s = Schedule(repeat="weekly", due=["T5"])
        [p] = due_dates(s, anchor=D(2026, 1, 1), between=(D(2026, 1, 26), D(2026, 2, 1)), before_means="day_before")
        assert (p.stated, p.written) == (D(2026, 1, 28), D(2026, 1, 29))
        [p] = due_dates(Schedule(repeat="weekly"), anchor=D(2026, 1, 1), between=(D(2026, 1, 26), D(2026, 2, 1)),
                        before_means="day_before", cal=CAL)
        assert p.stated == D(2026, 1, 30)

    def test_the_end_date_is_respected(self) -> None:
        got = occurrences(Schedule(repeat="weekly", due=["T5"], until=D(2026, 1, 28)), D(2026, 1, 1), D(2026, 1, 1), D(2026, 3, 1))
        assert got[-1] == ("2026-W04", D(2026, 1, 22))

    def test_a_thursday_holiday_keeps_its_stated_day_and_ends_on_the_next_working_day(self) -> None:
        [(label, stated)] = occurrences(Schedule(repeat="weekly", due=["T5"]), D(2026, 1, 1), D(2026, 2, 16), D(2026, 2, 22))
        assert (label, stated, CAL.effective_due(stated)) == ("2026-W08", D(2026, 2, 19), D(2026, 2, 23))

    @pytest.mark.parametrize(("due", "rule"), [("T5", "RRULE:FREQ=WEEKLY;BYDAY=TH"), ("CN", "RRULE:FREQ=WEEKLY;BYDAY=SU"),
                                              ("2026-02-05", "RRULE:FREQ=WEEKLY")], ids=str)
    def test_the_rule_exports_as_rfc_5545(self, due: str, rule: str) -> None:
        assert rrule_text(due, "weekly", anchor=D(2026, 1, 12)) == rule


anchors = st.dates(min_value=D(2019, 1, 1), max_value=D(2030, 6, 30))
weekday_sets = st.lists(st.sampled_from(WEEKDAYS), min_size=0, max_size=3, unique=True)


class TestWeeklyProperties:
    @settings(max_examples=60, deadline=None)
    @given(anchors, weekday_sets, st.integers(min_value=7, max_value=200))
    def test_every_occurrence_ends_on_a_working_day_never_before_its_weeks_stated_day(
            self, anchor: date, days: list[str], span: int) -> None:
        s = Schedule(repeat="weekly", due=days)
        for p in due_dates(s, anchor=anchor, between=(anchor, anchor + timedelta(days=span)), cal=CAL):
            effective = CAL.effective_due(p.stated)
            assert CAL.is_working_day(effective) and effective >= p.stated >= anchor
            assert p.period.split("@")[0] == week_of(p.stated).label
            if days:
                assert WEEKDAYS[p.stated.weekday()] in days
                # it only moves when the stated day is a day off, and then to the first working day after it
                assert effective == p.stated or not CAL.is_working_day(p.stated)
            else:
                assert effective == p.stated
                assert not any(CAL.is_working_day(d) for d in week_of(p.stated).days() if d > p.stated)

    @settings(max_examples=40, deadline=None)
    @given(anchors, weekday_sets, st.integers(min_value=0, max_value=120), st.integers(min_value=1, max_value=120))
    def test_growing_the_horizon_neither_repeats_nor_relabels_an_occurrence(
            self, anchor: date, days: list[str], a: int, b: int) -> None:
        s = Schedule(repeat="weekly", due=days)
        mid, end = anchor + timedelta(days=a), anchor + timedelta(days=a + b)
        first = due_dates(s, anchor=anchor, between=(anchor, mid), cal=CAL)
        second = due_dates(s, anchor=anchor, between=(mid + timedelta(days=1), end), cal=CAL)
        whole = due_dates(s, anchor=anchor, between=(anchor, end), cal=CAL)
        assert first + second == whole
        assert len({p.period for p in whole}) == len(whole)
        fresh = WorkCalendar(load_notices(CONFIG))
        assert due_dates(s, anchor=anchor, between=(anchor, end), cal=fresh) == whole


class TestWeeklyLadder:
    CFG = LadderConfig()

    def view(self, due: date, **kw: object) -> OccurrenceView:
        return OccurrenceView(id=7, kind="report", org_code="ca-tinh", effective_due=due, status="open",
                              repeat="weekly", **kw)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("due", "as_of", "rung"),
        [(D(2026, 1, 29), D(2026, 1, 27), None),  # Thursday: nothing on Tuesday
         (D(2026, 1, 29), D(2026, 1, 28), 1),  # the working day before
         (D(2026, 1, 29), D(2026, 1, 29), 0),
         (D(2026, 1, 29), D(2026, 1, 30), None),
         (D(2026, 2, 2), D(2026, 1, 30), 1),  # a Monday: the Friday before, never the Sunday
         (D(2026, 2, 2), D(2026, 2, 1), 1),
         (D(2026, 2, 23), D(2026, 2, 13), 1)],  # after Tết: the Friday before the break
        ids=lambda v: str(v),
    )
    def test_a_weekly_occurrence_is_reminded_in_working_days(self, due: date, as_of: date, rung: int | None) -> None:
        assert latest_working_rung(due, (1, 0), as_of, CAL) == rung

    def test_a_weekly_report_never_takes_the_fortnight_ladder_of_reports(self) -> None:
        assert plan([self.view(D(2026, 2, 5))], as_of=D(2026, 1, 22), cfg=self.CFG, cal=CAL) == []
        [c] = plan([self.view(D(2026, 2, 5))], as_of=D(2026, 2, 4), cfg=self.CFG, cal=CAL)
        assert (c.kind, c.rung, c.dedupe_key) == ("reminder", 1, "reminder:7:1")

    def test_a_missed_weekly_report_is_overdue_and_escalated_like_any_report(self) -> None:
        # due Thursday 29/1: the first working day after is Friday 30/1, the third Tuesday 3/2
        kinds = [c.kind for c in plan([self.view(D(2026, 1, 29))], as_of=D(2026, 2, 1), cfg=self.CFG, cal=CAL)]
        assert kinds == ["overdue"]
        kinds = [c.kind for c in plan([self.view(D(2026, 1, 29))], as_of=D(2026, 2, 3), cfg=self.CFG, cal=CAL)]
        assert kinds == ["escalation"]

    def test_the_weekly_ladder_is_a_setting_refusing_negative_days(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from dondoc.settings import get_settings

        monkeypatch.setenv("DONDOC_CONFIG_DIR", str(CONFIG))
        get_settings.cache_clear()
        try:
            assert get_settings().ladders.weekly == [1, 0]
            monkeypatch.setenv("DONDOC_LADDERS", '{"weekly": [-1]}')
            get_settings.cache_clear()
            with pytest.raises(ConfigError, match="DONDOC_LADDERS.WEEKLY"):
                get_settings()
        finally:
            get_settings.cache_clear()


class TestWeeklyWords:
    @pytest.mark.parametrize(
        ("due", "phrase"),
        [(["T5"], "thứ Năm hằng tuần"), (["CN"], "Chủ nhật hằng tuần"), (["T5", "T2"], "thứ Hai và thứ Năm hằng tuần"),
         (["T2", "T4", "T6"], "thứ Hai, thứ Tư và thứ Sáu hằng tuần"),
         ([], "hằng tuần (ngày làm việc cuối cùng của tuần)"),
         (["2026-02-05"], "thứ Năm hằng tuần (từ 05/02/2026)")],
        ids=lambda v: str(v),
    )
    def test_a_weekly_cadence_is_said_with_its_day(self, due: list[str], phrase: str) -> None:
        assert repeat_phrase("weekly", due) == phrase

    def test_other_cadences_are_said_as_before(self) -> None:
        assert [repeat_phrase(r) for r in ("quarterly", "monthly", "once")] == ["hằng quý", "hằng tháng", "một lần"]

    @pytest.mark.parametrize(
        ("label", "words"),
        [("2026-W05", "tuần 5/2026 (từ 26/01/2026 đến 01/02/2026)"),
         ("2026-W05@01-29", "tuần 5/2026 (từ 26/01/2026 đến 01/02/2026)"),
         ("2025-H1", "6 tháng đầu năm 2025"), ("2025-Q3", "quý III/2025"), ("once", None), ("2025-06-15", None)],
        ids=lambda v: str(v),
    )
    def test_a_period_label_is_said_in_words(self, label: str, words: str | None) -> None:
        assert period_words(label) == words


class TestWeeklyTaskSet:
    def data(self, schedule: dict[str, object]) -> dict[str, object]:
        return {"version": 1, "tasks": [{"key": "1", "schedule": schedule}]}

    @pytest.mark.parametrize(
        "schedule",
        [{"repeat": "weekly", "due": ["T5"]}, {"repeat": "weekly", "due": []}, {"repeat": "weekly", "due": ["CN", "T2"]},
         {"repeat": "weekly", "due": ["2026-02-05"]}],
        ids=["T5", "no-day", "two-days", "first-date"],
    )
    def test_a_weekly_schedule_is_valid(self, schedule: dict[str, object]) -> None:
        assert parse_taskset(self.data(schedule), path="x.yaml").tasks[0].schedule.repeat == "weekly"

    @pytest.mark.parametrize(
        ("schedule", "message"),
        [({"repeat": "monthly", "due": ["T5"]}, '"T5" là thứ trong tuần: cần repeat: weekly (đang là repeat: monthly)'),
         ({"repeat": "weekly", "due": ["--06-15"]}, '"--06-15" không lặp lại hằng tuần'),
         ({"repeat": "weekly", "due": ["---20"]}, '"---20" không lặp lại hằng tuần'),
         ({"repeat": "weekly", "due": ["T8"]}, '"T8" không phải thứ trong tuần theo cách ghi ở đây: ghi T2 (thứ Hai)'),
         ({"repeat": "weekly", "due": ["t5"]}, '"t5" không phải thứ trong tuần theo cách ghi ở đây'),
         ({"repeat": "weekly", "due": ["thứ Năm"]}, '"thứ Năm" không phải thứ trong tuần theo cách ghi ở đây'),
         ({"repeat": "weekly", "due": ["Thursday"]}, '"Thursday" không đúng dạng YYYY-MM-DD, --MM-DD, ---DD hay thứ trong tuần')],
        ids=["weekday-not-weekly", "yearly-day", "monthly-day", "T8", "lower-case", "words", "english"],
    )
    def test_a_wrong_weekly_due_is_named_with_its_task_and_field(self, schedule: dict[str, object], message: str) -> None:
        with pytest.raises(TaskSetError) as err:
            parse_taskset(self.data(schedule), path="x.yaml")
        assert str(err.value).startswith(f"x.yaml: tasks[0].schedule.due (nhiệm vụ 1): {message}")

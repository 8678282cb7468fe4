"""The review page's pure parts: the form ⇄ task set, Vietnamese field errors, owners that block the
commit, the text cut at the spans, warnings placed on their cards, and the diff of two versions."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dondoc.app import review_form as rf
from dondoc.app.review_view import place_warnings, segments
from dondoc.reading_notes import say
from dondoc.app.taskset_diff import diff_tasksets
from dondoc.taskset import load_yaml
from tests.conftest import FIXTURES

KNOWN_EVENTS = {"ngay-hoi-antq"}


def known_event(key: str) -> bool:
    return key in KNOWN_EVENTS


def fixture_taskset():  # type: ignore[no-untyped-def]
    return load_yaml(FIXTURES / "tasksets" / "bao-cao-phoi-hop.yaml")


class TestDueAsWritten:
    @pytest.mark.parametrize(("typed", "repeat", "stored"), [
        ("27/08/2019", "once", ["2019-08-27"]),
        ("7/8/2019", "once", ["2019-08-07"]),
        ("2019-08-27", "once", ["2019-08-27"]),
        ("15/06, 15/11", "semiannual", ["--06-15", "--11-15"]),
        ("29/02", "annual", ["--02-29"]),
        ("20/*", "monthly", ["---20"]),
        ("t5; CN", "weekly", ["T5", "CN"]),
        ("", "continuous", []),
        ("--06-15", "annual", ["--06-15"]),
    ], ids=["dmy", "short-dmy", "iso", "two-yearly", "leap-day", "monthly", "weekdays", "none", "iso-yearly"])
    def test_a_due_typed_as_vietnamese_offices_write_it_is_stored_as_the_task_set_reads_it(self, typed, repeat, stored):
        assert rf.parse_due(typed, repeat) == stored

    @pytest.mark.parametrize(("typed", "repeat", "says"), [
        ("31/02/2025", "once", "“31/02/2025” không phải một ngày có thật"),
        ("31/04", "annual", "không có ngày 31/4"),
        ("T5", "monthly", "chu kỳ phải là hằng tuần"),
        ("15/06", "weekly", "không lặp lại hằng tuần"),
        ("40/*", "monthly", "không có ngày 40"),
        ("hôm qua", "once", "không phải một ngày có thật"),
    ], ids=["impossible-day", "impossible-yearly", "weekday-not-weekly", "yearly-in-weekly", "monthly-40", "words"])
    def test_a_wrong_due_is_refused_with_a_vietnamese_reason(self, typed, repeat, says):
        with pytest.raises(ValueError, match=says):
            rf.parse_due(typed, repeat)

    def test_what_is_shown_reads_back_as_what_was_stored(self):
        for due in (["2019-08-27"], ["--06-15", "--11-15"], ["---05"], ["T2", "T5"]):
            repeat = "weekly" if due[0].startswith("T") else "annual"
            assert rf.parse_due(rf.due_text(due), repeat) == due


class TestFormAndTaskSet:
    def test_a_task_set_shown_and_read_back_unchanged_is_the_same_task_set(self):
        ts = fixture_taskset()
        again, errors = rf.to_taskset(rf.state_of(ts), known_event=known_event)
        assert errors == {}
        assert again == ts

    def test_a_posted_form_keeps_what_it_does_not_carry_spans_references_notes(self):
        ts = fixture_taskset()
        state = rf.state_of(ts)
        state["tasks"][0]["span"] = [10, 40]
        form = {"d.number": "12/UBND-VP", "t0.uid": "u0", "t0.key": "1", "t0.kind": "report", "t0.title": "Sửa",
                "t0.repeat": "once", "t0.due": "27/08/2019", "t0.lead0.name": "Công an tỉnh", "t0.lead0.org": "ca-tinh",
                "t0.lead0.orgs": ""}
        posted = rf.state_from_form(form, state)
        assert posted["dispatch"]["number"] == "12/UBND-VP"
        assert [t["key"] for t in posted["tasks"]] == ["1"]
        assert posted["tasks"][0]["span"] == [10, 40] and posted["tasks"][0]["title"] == "Sửa"
        new, errors = rf.to_taskset(posted, known_event=known_event)
        assert errors == {} and new is not None
        assert new.tasks[0].lead[0].org == "ca-tinh" and new.tasks[0].schedule.due == ["2019-08-27"]

    def test_each_wrong_field_is_named_as_the_form_names_it(self):
        state = rf.state_of(fixture_taskset())
        state["dispatch"]["issued_on"] = "32/01/2025"
        state["tasks"][0]["due"] = "31/02/2025"
        state["tasks"][0]["events"] = "ngay-khong-co"
        state["tasks"].append({**state["tasks"][0], "uid": "x", "due": "", "events": ""})  # the same key twice
        ts, errors = rf.to_taskset(state, known_event=known_event)
        assert ts is None
        assert "không phải một ngày có thật" in errors["d.issued_on"]
        assert "“31/02/2025”" in errors["t0.due"]
        assert "config/observances.yaml" in errors["t0.events"]
        assert "trùng" in errors[f"t{len(state['tasks']) - 1}.key"]

    def test_an_owner_row_left_empty_is_an_error_on_its_name(self):
        state = rf.state_of(fixture_taskset())
        rf.add_owner(state, 0, "support")
        _, errors = rf.to_taskset(state, known_event=known_event)
        j = len(state["tasks"][0]["support"]) - 1
        assert "cần tên hoặc mã" in errors[f"t0.support{j}.name"]

    def test_buttons_add_and_remove_tasks_and_owners(self):
        state = rf.state_of(fixture_taskset())
        n = len(state["tasks"])
        i = rf.add_task(state)
        assert i == n and state["tasks"][i]["key"] not in {t["key"] for t in state["tasks"][:n]}
        rf.add_owner(state, i, "support")
        rf.remove_owner(state, i, "support", 0)
        rf.remove_task(state, 0)
        assert len(state["tasks"]) == n and state["tasks"][-1]["support"] == []


class TestWhatBlocksTheCommit:
    def state(self, lead):  # type: ignore[no-untyped-def]
        return {"tasks": [{"key": "3", "lead": lead, "support": [], "cascade_org": ""}]}

    def test_an_unresolved_lead_blocks_naming_the_task_and_the_name(self):
        problems = rf.owner_problems(self.state([{"name": "Ban Phong trào", "org": "", "orgs": []}]), known=lambda c: True)
        assert problems == {"t0.lead0.org": "Mục 3: chưa xác định đơn vị chủ trì “Ban Phong trào”; "
                                            "chọn đơn vị trong danh bạ hoặc thêm đơn vị mới"}

    def test_a_task_without_a_lead_blocks(self):
        assert "chưa có đơn vị chủ trì" in rf.owner_problems(self.state([]), known=lambda c: True)["t0.lead"]

    def test_a_code_the_directory_lacks_blocks(self):
        problems = rf.owner_problems(self.state([{"name": "X", "org": "khong-co", "orgs": []}]), known=lambda c: False)
        assert "không có đơn vị mã “khong-co”" in problems["t0.lead0.org"]

    def test_a_group_or_a_known_code_passes(self):
        ok = self.state([{"name": "các sở, ban, ngành", "org": "", "orgs": ["so-tttt"]},
                         {"name": "Công an tỉnh", "org": "ca-tinh", "orgs": []}])
        assert rf.owner_problems(ok, known=lambda c: c in {"ca-tinh", "so-tttt"}) == {}

    def test_a_name_typed_without_a_code_gets_what_the_directory_resolves_it_to(self):
        state = self.state([{"name": "Công an tỉnh", "org": "", "orgs": []}, {"name": "các sở", "org": "", "orgs": []}])
        rf.fill_codes(state, resolve=lambda n: ("ca-tinh",) if n == "Công an tỉnh" else ("so-a", "so-b"))
        assert state["tasks"][0]["lead"][0]["org"] == "ca-tinh"
        assert state["tasks"][0]["lead"][1]["orgs"] == ["so-a", "so-b"]


class TestSpansAndWarnings:
    def test_nested_spans_cut_the_text_so_each_task_is_highlighted(self):
        text = "0123456789"
        segs = segments(text, [(2, 8), (4, 6), None])
        assert "".join(s.text for s in segs) == text
        assert [(s.text, s.tasks) for s in segs] == [("01", ()), ("23", (0,)), ("45", (0, 1)), ("67", (0,)), ("89", ())]
        assert [s.starts for s in segs] == [(), (0,), (1,), (), ()]

    @settings(max_examples=200, deadline=None)
    @given(st.text(max_size=60), st.lists(st.one_of(st.none(), st.tuples(st.integers(-5, 70), st.integers(-5, 70))),
                                          max_size=6))
    def test_segments_never_lose_or_reorder_text(self, text, spans):
        segs = segments(text, spans)
        assert "".join(s.text for s in segs) == text

    def test_a_warning_that_names_an_item_goes_on_its_card_in_vietnamese(self):
        top, by_key = place_warnings([
            'line 5: item 1: owner "Ban Phong trào" not found in the directory',
            'line 3: the number (số hiệu) is left blank: "Số: /UBND-VP"',
            "line 9: item 4 appears twice; the second is 4#2",
            "line 12: item 9: no owner found",
        ], ["1", "4", "4#2"])
        assert by_key["1"] == ["dòng 5, mục 1: đơn vị “Ban Phong trào” không có trong danh bạ"]
        assert by_key["4#2"] == ["dòng 9: mục 4 xuất hiện hai lần; mục thứ hai là 4#2"]
        assert top == ["dòng 3: số hiệu văn bản để trống: “Số: /UBND-VP”",
                       "dòng 12, mục 9: không tìm thấy đơn vị thực hiện"]  # no card 9: on top, still shown

    def test_a_warning_about_an_owner_since_resolved_is_no_longer_shown(self):
        warning = 'line 5: item 1: owner "Ban Phong trào" not found in the directory'
        assert place_warnings([warning], ["1"], {"1": {"Ban Phong trào"}}) == ([], {})
        assert place_warnings([warning], ["1"], {"1": set()})[1]["1"]

    def test_a_changed_text_is_shown_by_its_changed_part(self):
        from dondoc.app.taskset_diff import changed_part

        before, after = changed_part("báo cáo về Ban Phong trào trước ngày 27/8/2019 để tổng hợp",
                                     "báo cáo về Ban Phong trào trước ngày 31/8/2019 để tổng hợp", context=12)
        assert (before, after) == ("…trào trước ngày 27/8/2019 để tổng…", "…trào trước ngày 31/8/2019 để tổng…")

    def test_an_unknown_warning_is_shown_as_written(self):
        assert say("something new") == "something new"


class TestDiff:
    def test_added_removed_and_changed_dates_and_owners(self):
        old = fixture_taskset()
        state = rf.state_of(old)
        state["tasks"][0]["due"] = "30/09/2019"
        state["tasks"][0]["lead"] = [{"name": "Sở Tư pháp", "org": "so-tu-phap", "orgs": []}]
        removed = state["tasks"].pop()
        rf.add_task(state)
        state["tasks"][-1]["lead"] = [{"name": "Công an tỉnh", "org": "ca-tinh", "orgs": []}]
        new, errors = rf.to_taskset(state, known_event=known_event)
        assert errors == {} and new is not None
        diff = diff_tasksets(old, new)
        assert [t.key for t in diff.removed] == [removed["key"]]
        assert [t.key for t in diff.added] == [state["tasks"][-1]["key"]]
        (task, changes), = diff.changed
        assert task.key == old.tasks[0].key
        what = {c.what: (c.before, c.after) for c in changes}
        assert "30/09/2019" in what["Hạn"][1]
        assert what["Đơn vị chủ trì"][1] == "Sở Tư pháp (so-tu-phap)"

    def test_the_same_task_set_has_no_difference(self):
        assert diff_tasksets(fixture_taskset(), fixture_taskset()).empty


def test_a_day_is_shown_and_read_the_vietnamese_way():
    assert rf.vn_day(date(2019, 8, 7)) == "07/08/2019"
    assert rf.parse_day("07/08/2019") == date(2019, 8, 7)
    assert rf.parse_day("") is None

"""The dashboards a supervisor reads in the Prefect UI, composed from values (pure)."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dondoc.app.dashboards import Counts, DispatchInfo, Item, Org, Overdue, Preparing, Snapshot, compose
from dondoc.app.dashboards.lists import anniversary_text, natural, overdue_list
from dondoc.app.dashboards.markdown import Column, table
from dondoc.app.dashboards.names import CENTRAL, Place, abbreviate, board_keys, dispatch_key, provinces_of, slug
from dondoc.app.dashboards.sweep import sweep_markdown
from dondoc.schedule.observances import ObservanceDay

AS_OF = date(2026, 6, 20)
KEY = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

ORGS = [
    Org("ubnd-tinh", "Ủy ban nhân dân tỉnh Lào Cai", "tinh"),
    Org("so-a", "Sở Giáo dục và Đào tạo tỉnh Lào Cai", "tinh", "ubnd-tinh"),
    Org("so-b", "Sở Tư pháp tỉnh Lào Cai", "tinh", "ubnd-tinh"),
    Org("so-c", "Sở Y tế tỉnh Lào Cai", "tinh", "ubnd-tinh"),
    Org("ubnd-x", "Ủy ban nhân dân xã An Lập", "xa", "ubnd-tinh"),
    Org("bo", "Bộ Nội vụ", "trung-uong"),
]


def rows_of(markdown: str) -> list[list[str]]:
    """The cells of the first table's body rows."""
    lines = [ln for ln in markdown.splitlines() if ln.startswith("|")]
    return [[c.strip() for c in ln.strip("|").split(" | ")] for ln in lines[2:] if not ln.startswith("|---")]


def first_table(markdown: str) -> str:
    return markdown.split("\n\n###")[0]


class TestKeys:
    def test_every_key_is_what_prefect_allows(self):
        keys = board_keys(["UBND_Tinh", "ubnd-tinh", "national", "Đoàn", "!!"])
        assert all(KEY.match(k) for k in keys.values())
        assert len(set(keys.values())) == 5  # colliding slugs get a digest, the summaries' names too
        assert keys["national"] != "board-national" and keys["Đoàn"] == "board-doan"

    def test_keys_are_the_same_on_every_run(self):
        assert board_keys(["a_b", "a-b"]) == board_keys(["a-b", "a_b"])

    @given(st.lists(st.text(min_size=0, max_size=12), max_size=20))
    def test_distinct_codes_never_share_a_key(self, codes):
        keys = board_keys(codes)
        assert len(set(keys.values())) == len(set(codes)) and all(KEY.match(k) for k in keys.values())

    def test_a_dispatch_key_names_its_number_and_tells_two_issuers_apart(self):
        a, b = dispatch_key("6711/MTTQ-BTT", "x"), dispatch_key("6711/MTTQ-BTT", "y")
        assert a.startswith("dispatch-6711-mttq-btt-") and a != b and KEY.match(a)
        assert KEY.match(dispatch_key(None, "z"))


class TestNames:
    @pytest.mark.parametrize("name, place, short", [
        ("Ủy ban nhân dân xã An Lập", None, "UBND xã An Lập"),
        ("Sở Giáo dục và Đào tạo tỉnh Lào Cai", Place("Lào Cai", "tỉnh Lào Cai"), "Sở GD&ĐT"),
        ("Uỷ ban Mặt trận Tổ quốc Việt Nam tỉnh Hà Nam", None, "Ủy ban MTTQ tỉnh Hà Nam"),
    ], ids=["ubnd", "province-dropped", "old-tone-mark"])
    def test_a_unit_name_is_abbreviated_the_usual_way(self, name, place, short):
        assert abbreviate(name, place=place) == short

    def test_a_long_name_is_cut_at_a_word(self):
        out = abbreviate("Trung tâm Phát triển quỹ đất và Dịch vụ công ích huyện Bảo Thắng", limit=30)
        assert len(out) <= 30 and out.endswith("…")

    def test_each_unit_belongs_to_the_province_its_root_names(self):
        places = provinces_of(ORGS)
        assert places["ubnd-x"].name == "Lào Cai" and places["bo"] == CENTRAL

    def test_slug_folds_vietnamese(self):
        assert slug("Đắk Lắk") == "dak-lak"


def snapshot(**kw) -> Snapshot:  # type: ignore[no-untyped-def]
    kw.setdefault("counts", {"so-a": Counts(on_time=3, late=1), "so-b": Counts(open=2, overdue=2, unacknowledged=1),
              "so-c": Counts(overdue=1), "ubnd-x": Counts(on_time=1, overdue=2)})
    return Snapshot(as_of=AS_OF, against="extended", orgs=ORGS, **kw)


class TestBoards:
    def test_a_body_board_runs_worst_first_with_the_total_on_top(self):
        arts = {a.key: a for a in compose(snapshot())}
        rows = rows_of(arts["board-ubnd-tinh"].markdown)
        assert rows[0][0] == "**Tổng cộng**"
        names = [re.sub(r"\[(.*?)\].*", r"\1", r[0]) for r in rows[1:]]
        # two overdue: 0 % before 33 %; then one overdue; nothing overdue last
        assert names == ["Sở Tư pháp", "UBND xã An Lập", "Sở Y tế", "Sở GD&ĐT"]
        assert [r[5] for r in rows[1:]] == ["0%", "33%", "0%", "75%"]

    def test_a_unit_that_never_reports_is_at_zero_and_one_with_nothing_due_is_a_dash(self):
        arts = {a.key: a for a in compose(snapshot(counts={"so-a": Counts(overdue=1), "so-b": Counts(open=1)}))}
        rows = {re.sub(r"\[(.*?)\].*", r"\1", r[0]): r for r in rows_of(arts["board-ubnd-tinh"].markdown)}
        assert rows["Sở GD&ĐT"][5] == "0%" and rows["Sở Tư pháp"][5] == "—"

    def test_the_caption_says_how_the_rate_is_computed_and_against_which_deadline(self):
        md = {a.key: a for a in compose(snapshot())}["board-ubnd-tinh"].markdown
        assert "Tỉ lệ đúng hạn = hoàn thành đúng hạn /" in md and "hạn đã gia hạn" in md

    def test_boards_go_only_to_bodies_of_the_configured_levels(self):
        keys = {a.key for a in compose(snapshot(levels=frozenset({"huyen"})))}
        assert not any(k.startswith("board-") and k not in ("board-national", "board-provinces") for k in keys)

    def test_the_summaries_count_the_nation_and_each_province(self):
        arts = {a.key: a for a in compose(snapshot())}
        prov = rows_of(arts["board-provinces"].markdown)
        assert prov[0][:2] == ["**Toàn quốc**", "**6**"] and prov[1][0].startswith("[Lào Cai]")
        nat = rows_of(arts["board-national"].markdown)
        assert [r[0] for r in nat] == ["**Toàn quốc**", "Cấp trung ương", "Cấp tỉnh", "Cấp xã"]
        assert "Lào Cai (5)" in arts["board-national"].markdown


def overdue(n: int) -> list[Overdue]:
    return [Overdue(i, "so-b", "12/KH-UBND", str(i), f"Báo cáo số {i}", "2026-H1", AS_OF - timedelta(days=i + 1))
            for i in range(n)]


class TestOverdueList:
    def test_thousands_overdue_show_the_fifty_worst_and_the_totals(self):
        items = overdue(3000)
        art = overdue_list(items, as_of=AS_OF, orgs={o.code: o for o in ORGS}, places=provinces_of(ORGS),
                           by_org={"so-b": (2990, AS_OF - timedelta(days=3000)), "so-c": (10, AS_OF)})
        rows = rows_of(first_table(art.markdown))
        assert len(rows) == 50 and rows[0][3] == "3.000" and rows[-1][3] == "2.951"
        assert "tổng cộng **3.000** việc quá hạn chưa hoàn thành, ở 2 đơn vị" in art.markdown
        assert "| **Tổng cộng** | **3.000** | **2** | **3.000** |" in art.markdown

    def test_nothing_overdue_says_so(self):
        art = overdue_list([], as_of=AS_OF, orgs={}, places={}, by_org={})
        assert "Không có việc nào quá hạn" in art.markdown


class TestObservancesAndDispatches:
    @pytest.mark.parametrize("n, round_year, text", [(80, True, "80 năm (năm tròn)"), (15, True, "15 năm (năm chẵn)"),
                                                     (21, False, "21 năm"), (None, False, "—")])
    def test_the_anniversary_says_round_or_even_years(self, n, round_year, text):
        d = ObservanceDay("k", "Ngày X", AS_OF, n, round_year, None)
        assert anniversary_text(d) == text

    def test_observances_name_who_prepares(self):
        day = ObservanceDay("ngay-hoi-antq", "Ngày hội toàn dân bảo vệ an ninh Tổ quốc", date(2026, 8, 19), 21,
                            False, None)
        arts = {a.key: a for a in compose(snapshot(observances=[day],
                                                   preparing={("ngay-hoi-antq", "2026@ngay-hoi-antq"):
                                                              Preparing(12, ("so-a", "ubnd-x"))}))}
        md = arts["observances-next-60-days"].markdown
        assert "T4 19/08/2026" in md and "12 đơn vị" in md and "Sở GD&ĐT" in md and "21 năm" in md

    def test_a_dispatch_shows_its_items_in_reading_order_and_the_four_states(self):
        d = DispatchInfo("abc", "id-1", "12/KH-UBND", "UBND tỉnh Lào Cai", date(2026, 1, 5), "Về việc X")
        items = [Item("10", "Mười", "report", 3, Counts(on_time=1, overdue=2)),
                 Item("2", "Hai", "action", 2, Counts(open=2)), Item("2.a", "Hai a", "event", 1, Counts())]
        art = {a.key: a for a in compose(snapshot(dispatches=[(d, items)]))}[dispatch_key("12/KH-UBND", "id-1")]
        rows = rows_of(art.markdown)
        assert [r[0] for r in rows] == ["**Tổng cộng**", "2", "2.a", "10"]
        assert rows[0][3:] == ["**1**", "**0**", "**2**", "**2**"]
        assert natural("R1") > natural("10")


class TestMarkdown:
    def test_a_row_of_the_wrong_width_is_refused(self):
        with pytest.raises(ValueError):
            table([Column("a"), Column("b")], [["1"]])

    def test_text_in_a_cell_cannot_break_the_table(self):
        arts = compose(Snapshot(as_of=AS_OF, against="original",
                                orgs=[Org("p", "Cha | tỉnh Lào Cai"), Org("c", "Con | *đậm*", parent="p")],
                                counts={}))
        md = {a.key: a for a in arts}["board-p"].markdown
        assert all(len(r) == 7 for r in rows_of(md))

    def test_the_sweep_result_lists_its_counts(self):
        md = sweep_markdown({"as_of": "2026-06-20", "occurrences_created": 1200, "messages_planned": 8,
                             "notices_by_kind": {"reminder": 7, "escalation": 8}, "sent": 8, "failed": 1, "retry": 0,
                             "without_address": 2, "artifacts": 9})
        assert "| Việc mới được tạo | 1.200 |" in md and "| Thư gửi thất bại | 1 |" in md
        assert "đôn đốc: 8, nhắc hạn: 7" in md

    @pytest.mark.parametrize(("n", "rows", "more"), [(0, 0, None), (3, 3, None), (50, 50, None), (51, 50, 1), (4000, 50, 3950)])
    def test_the_unassigned_tasks_list_at_most_fifty_and_count_the_rest(self, n, rows, more):
        from dondoc.app.board import unassigned_markdown

        tasks = [{"dispatch": "12/KH-UBND", "key": str(i), "title": f"Nhiệm vụ {i}", "names": ["Sở X"]} for i in range(n)]
        md = unassigned_markdown(tasks, AS_OF)
        assert sum(1 for line in md.splitlines() if line.startswith("| 12/KH-UBND |")) == rows
        assert (f"… và {more} nhiệm vụ khác" in md) if more else ("nhiệm vụ khác" not in md)
        assert (f"{n} nhiệm vụ" in md) if n else ("không có nhiệm vụ nào" in md)

"""Pieces of the parser: numbering, owners, deadlines, cadence, references; purity; never a crash."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dondoc.errors import NothingToTrackError
from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.dates import DateContext, find_deadlines
from dondoc.parse.items import read_marker
from dondoc.parse.owners import find_owners
from dondoc.parse.references import find_references
from dondoc.taskset import Source, TaskSet

REPO = Path(__file__).resolve().parents[3]
CATALOG = load_catalog(REPO / "config" / "observances.yaml")


class TestNumbering:
    @pytest.mark.parametrize(
        ("line", "style", "label"),
        [
            ("1. Sở Y tế", "num.", "1"), ("1) Sở Y tế", "num)", "1"), ("(3) Tăng cường", "(num)", "3"),
            ("a) Chủ trì", "lower)", "a"), ("a. Chủ trì", "lower.", "a"), ("II. NHIỆM VỤ", "roman", "II"),
            ("A- NỘI DUNG", "upper", "A"), ("I- Tuyên truyền", "roman", "I"), ("1- Treo", "num-", "1"),
            ("2.1. Công an", "dec2", "2.1"), ("2.1.3 Mở đợt", "dec3", "2.1.3"), ("Điều 2. Nhiệm vụ", "dieu", "2"),
        ],
        ids=lambda v: str(v),
    )
    def test_a_numbering_label_is_read_with_its_style(self, line: str, style: str, label: str) -> None:
        mk = read_marker(line)
        assert mk is not None and (mk.style, mk.label) == (style, label)

    @pytest.mark.parametrize("line", ["19/8 là ngày hội", "2019. Năm", "Y tế cơ sở", "Sở Y tế"], ids=str)
    def test_a_line_that_is_not_numbered_has_no_label(self, line: str) -> None:
        assert read_marker(line) is None


class TestOwners:
    @pytest.mark.parametrize(
        ("text", "lead", "support"),
        [
            ("Giao Công an tỉnh chủ trì, Sở Tư pháp phối hợp thực hiện.", ["Công an tỉnh"], ["Sở Tư pháp"]),
            ("Đề nghị UBND các huyện, thị xã, thành phố chỉ đạo thực hiện.", ["UBND các huyện, thị xã, thành phố"], []),
            ("Sở Kế hoạch và Đầu tư có trách nhiệm tổng hợp.", ["Sở Kế hoạch và Đầu tư"], []),
            ("Công an tỉnh phối hợp với các sở, ban, ngành triển khai.", ["Công an tỉnh"], ["các sở, ban, ngành"]),
            ("Tiếp tục phát huy sức mạnh của cả hệ thống chính trị.", [], []),
            ("Phối hợp tổ chức các hoạt động tuyên truyền.", [], []),
        ],
        ids=["giao-chu-tri", "de-nghi-collective", "co-trach-nhiem", "phoi-hop-voi", "no-owner", "phoi-hop-verb"],
    )
    def test_owners_are_cut_from_the_text_as_written(self, text: str, lead: list[str], support: list[str]) -> None:
        found = find_owners(text)
        assert (found.lead, found.support) == (lead, support)


class TestDeadlines:
    CTX = DateContext(issued=date(2025, 3, 1))

    @pytest.mark.parametrize(
        ("text", "due"),
        [
            ("trước ngày 27/8/2025", "2025-08-27"), ("chậm nhất ngày 05 tháng 9 năm 2025", "2025-09-05"),
            ("trong tháng 8 năm 2025", "2025-08-31"), ("đến cuối năm 2025", "2025-12-31"),
            ("hoàn thành trong quý I/2026", "2026-03-31"), ("trước ngày 20 hằng tháng", "---20"),
            ("trước 15/6", "2025-06-15"), ("trước ngày 10/1", "2026-01-10"),
        ],
        ids=str,
    )
    def test_a_deadline_is_read_as_a_due_date(self, text: str, due: str) -> None:
        found = find_deadlines(text, every_year=False, ctx=self.CTX, warnings=[])
        assert [d.due for d in found] == [due]

    def test_a_date_without_a_year_in_a_yearly_context_is_every_year(self) -> None:
        found = find_deadlines("trước 15/6", every_year=True, ctx=self.CTX, warnings=[])
        assert [d.due for d in found] == ["--06-15"]

    def test_an_impossible_date_is_a_warning_not_a_due(self) -> None:
        warnings: list[str] = []
        assert find_deadlines("chậm nhất ngày 31/2/2026", every_year=False, ctx=self.CTX, warnings=warnings) == []
        assert "31/2/2026" in warnings[0]

    def test_a_relative_deadline_stays_relative(self) -> None:
        (d,) = find_deadlines("trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản", every_year=False,
                              ctx=self.CTX, warnings=[])
        assert d.due is None and d.relative is not None and (d.relative.days, d.relative.working_days) == (5, True)

    @pytest.mark.parametrize("text", ["trước ngày 27/8/2019", "đến cuối năm 2024", "hoàn thành trước ngày 28/02/2025"],
                             ids=str)
    def test_a_day_before_the_dispatch_was_issued_is_no_deadline(self, text: str) -> None:
        assert [d.due for d in find_deadlines(text, every_year=False, ctx=self.CTX, warnings=[])] == []

    def test_the_date_of_a_cited_document_is_not_a_deadline(self) -> None:
        assert find_deadlines("Kết luận số 44-KL/TW ngày 22/01/2019", every_year=False, ctx=self.CTX, warnings=[]) == []


def test_a_cited_document_is_kept_as_a_structured_reference() -> None:
    (ref,) = find_references("thực hiện Kết luận số 44-KL/TW ngày 22/01/2019 của Ban Bí thư về tiếp tục")
    assert (ref.number, ref.date, ref.issuer, ref.kind) == ("44-KL/TW", date(2019, 1, 22), "Ban Bí thư", "Kết luận")


def test_both_tone_placements_read_the_same() -> None:
    old = "1. Sở Văn hoá tổ chức lễ kỷ niệm trước ngày 02/9/2025."
    new = "1. Sở Văn hóa tổ chức lễ kỷ niệm trước ngày 02/9/2025."
    a = parse_dispatch(old, source=Source(name="a"), observances=CATALOG)
    b = parse_dispatch(new, source=Source(name="b"), observances=CATALOG)
    assert a.tasks[0].schedule == b.tasks[0].schedule and a.tasks[0].key == b.tasks[0].key


def test_every_task_keeps_the_span_of_text_it_came_from() -> None:
    text = "Kính gửi: Sở Y tế\n\n1. Sở Y tế kiểm tra trước ngày 05/9/2025.\n2. Sở Y tế báo cáo về UBND tỉnh trước ngày 10/9/2025.\n"
    ts = parse_dispatch(text, source=Source(name="x"), observances=CATALOG)
    for t in ts.tasks:
        assert t.span is not None and text[t.span[0] : t.span[1]].lstrip().startswith(t.key.split(".")[0])


def test_a_news_article_is_refused_with_a_clear_message() -> None:
    with pytest.raises(NothingToTrackError, match="^tin.txt: không tìm thấy mục đánh số nào cần theo dõi") as refused:
        parse_dispatch("Sáng 19/5, hội nghị tổng kết đã diễn ra tốt đẹp.", source=Source(name="tin.txt"), observances=CATALOG)
    assert refused.value.reason.startswith("no numbered instruction")  # the reader's own words, said in Vietnamese


def test_the_parser_imports_no_database_clock_or_environment() -> None:
    forbidden = {"sqlmodel", "prefect", "aiosmtplib", "apscheduler", "os"}
    for path in (REPO / "dondoc" / "parse").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for n in names:
                assert n.split(".")[0] not in forbidden, (path.name, n)
        src = path.read_text(encoding="utf-8")
        assert "date.today" not in src and "datetime.now" not in src, path.name


_PIECES = list("1234567890.)(-/:;,ab IVXĐđ\n*ăâêôơưáàạảãÁÀSốởđề nghịUBNDgiao") + [
    "Sở Y tế ", "trước ngày ", "báo cáo về ", "hằng năm", "Kính gửi:", "Điều 2.", "\n1. ", "\n- ", "31/2", "Ngày hội ",
    "\na) ", "\nII. ", "\n2.1. ", "phối hợp với ", "các sở, ngành ", "định kỳ 06 tháng (trước 15/6) ", "**"]
_VI = st.lists(st.sampled_from(_PIECES), max_size=120).map("".join)


@settings(max_examples=300, deadline=None)
@given(_VI)
def test_any_text_gives_a_task_set_or_a_clear_refusal(text: str) -> None:
    try:
        ts = parse_dispatch(text, source=Source(name="fuzz"), observances=CATALOG)
    except NothingToTrackError:
        return
    assert isinstance(ts, TaskSet)
    TaskSet.model_validate(ts.model_dump())


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_crashes_the_parser(text: str) -> None:
    try:
        parse_dispatch(text, source=Source(name="fuzz"), observances=CATALOG)
    except NothingToTrackError:
        pass


def _keys(text: str) -> list[str]:
    from dondoc.parse.items import build_outline
    from dondoc.parse.lines import split_lines

    return [nd.key for root in build_outline(split_lines(text)).items for nd in root.walk()]


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("1. Đề nghị Sở Xây dựng:\na) Rà soát các công trình chậm tiến độ.\nb) Báo cáo UBND tỉnh trước ngày 30/6/2026.\n"
         "c) Kiểm tra chất lượng công trình.\nb) Phối hợp với các huyện lập danh mục dự án.",
         ["1", "1.a", "1.b", "1.c", "1.b"]),
        # a list that the unit before opens ("… gồm:") is no label written again
        ("1. Các nội dung gồm:\na) Rà soát hồ sơ;\nb) Lập danh sách.\n2. Kiểm tra:\na) Kiểm tra hồ sơ.",
         ["1", "1.a", "1.b", "2", "2.a"]),
        # a lower label in lower case goes on the sentence before
        ("1. Nhiệm vụ:\na) Rà soát hồ sơ.\nb) Lập danh sách.\nc) Kiểm tra việc\nb) thực hiện các kiến nghị.",
         ["1", "1.a", "1.b", "1.c"]),
    ],
    ids=["b-again-after-c", "a-new-list", "lower-case-goes-on"],
)
def test_a_label_of_the_list_written_again_after_a_later_one_is_a_unit_of_its_own(text: str, keys: list[str]) -> None:
    assert _keys(text) == keys

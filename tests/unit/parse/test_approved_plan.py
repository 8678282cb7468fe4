"""A decision that approves a plan inline ("Điều 1. Phê duyệt Kế hoạch … với những nội dung chủ yếu sau:" over
"I. MỤC TIÊU", "II. NHIỆM VỤ", "III. TỔ CHỨC THỰC HIỆN") is no calendar of milestones: every unit of the plan is
read, dated or not, with its own cadence; a decision that issues a calendar (convention 17) keeps its dated
milestones (dondoc/parse/units.py calendar_entries). Invented texts."""

from __future__ import annotations

from pathlib import Path

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.taskset import Source, Task

REPO = Path(__file__).resolve().parents[3]
CATALOG = load_catalog(REPO / "config" / "observances.yaml")
HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH ĐÔNG SƠN\n\nSố: 512/QĐ-UBND\n\nĐông Sơn, ngày 12 tháng 5 năm 2026\n\nQUYẾT ĐỊNH\n"
        "{subject}\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n\nQUYẾT ĐỊNH:\n\n")
TAIL = ("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
        "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.\n\n"
        "CHỦ TỊCH\n\nNguyễn Văn An\n")

PLAN = """Điều 1. Phê duyệt Kế hoạch phát triển thư viện số giai đoạn 2026 - 2030 với những nội dung chủ yếu sau:
I. MỤC TIÊU
1. Đến năm 2030, 80% thư viện công cộng có thư viện số.
II. NHIỆM VỤ
1. Xây dựng cơ sở dữ liệu dùng chung. Sở Khoa học và Công nghệ chủ trì, hoàn thành trước ngày 31/12/2027.
2. Ủy ban nhân dân các huyện bố trí kinh phí số hóa tài liệu hằng năm.
III. TỔ CHỨC THỰC HIỆN
1. Sở Văn hóa, Thể thao và Du lịch theo dõi, tổng hợp, định kỳ hằng năm báo cáo UBND tỉnh trước ngày 15 tháng 12.
"""

CALENDAR = """Điều 1. Ban hành Kế hoạch thời gian năm học 2026 - 2027 như sau:
1. Tựu trường: ngày 28/8/2026.
2. Khai giảng: ngày 05/9/2026.
3. Nghỉ Tết Nguyên đán: theo quy định của Bộ.
4. Kết thúc năm học: trước ngày 31/5/2027.
"""


def read(subject: str, body: str) -> dict[str, Task]:
    ts = parse_dispatch(HEAD.format(subject=subject) + body + TAIL, source=Source(name="t.txt"), observances=CATALOG)
    return {t.key: t for t in ts.tasks}


class TestApprovedPlan:
    def test_every_unit_of_the_approved_plan_is_read(self) -> None:
        got = read("Phê duyệt Kế hoạch phát triển thư viện số", PLAN)
        assert {"1.II.1", "1.II.2", "1.III.1"} <= set(got), sorted(got)

    def test_the_units_keep_their_own_cadence(self) -> None:
        got = read("Phê duyệt Kế hoạch phát triển thư viện số", PLAN)
        assert got["1.II.1"].schedule.repeat == "once" and got["1.II.1"].schedule.due == ["2027-12-31"]
        assert got["1.II.2"].schedule.repeat == "annual"
        assert got["1.III.1"].schedule.repeat == "annual"

    def test_a_calendar_the_decision_issues_keeps_its_dated_milestones(self) -> None:
        got = read("Ban hành Kế hoạch thời gian năm học 2026 - 2027", CALENDAR)
        dated = {k: (t.schedule.repeat, t.schedule.due) for k, t in got.items() if t.kind == "action"}
        assert dated.get("1.1") == ("once", ["2026-08-28"]) and dated.get("1.2") == ("once", ["2026-09-05"])
        assert "1.3" not in dated  # defers to other rules (convention 17)


class TestBarePostSignature:
    """A decision signed by the post itself ("CHỦ TỊCH", "THỦ TƯỚNG", no "TM."/"KT."), right after the closing "./.",
    as a Công báo copy prints it without "Nơi nhận": the post and the name end the body (header.py)."""

    def test_the_signing_post_is_no_owner_and_the_execution_clause_no_task(self) -> None:
        got = read("Phê duyệt Kế hoạch phát triển thư viện số", PLAN)
        assert "3" not in got
        assert all(o.name != "CHỦ TỊCH" for t in got.values() for o in t.lead)

    def test_a_post_in_capitals_inside_the_body_does_not_end_it(self) -> None:
        body = PLAN.replace("III. TỔ CHỨC THỰC HIỆN\n", "III. TỔ CHỨC THỰC HIỆN\nGIÁM ĐỐC\n")
        got = read("Phê duyệt Kế hoạch phát triển thư viện số", body)
        assert "1.III.1" in got


class TestTitledSubject:
    """The trích yếu written under the document's kind ("QUYẾT ĐỊNH⏎Phê duyệt Kế hoạch …") is the subject, as "V/v …" is
    a công văn's (header.py titled_subject)."""

    def test_a_decision_s_subject_is_the_line_under_its_kind(self) -> None:
        ts = parse_dispatch(HEAD.format(subject="Phê duyệt Kế hoạch phát triển thư viện số\ngiai đoạn 2026 - 2030") + PLAN + TAIL,
                            source=Source(name="t.txt"), observances=CATALOG)
        assert ts.dispatch.subject == "Phê duyệt Kế hoạch phát triển thư viện số giai đoạn 2026 - 2030"

    def test_the_authority_and_the_grounds_are_no_part_of_it(self) -> None:
        text = ("ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\nSố: 21/KH-UBND\nTân Lập, ngày 02 tháng 3 năm 2026\n\nKẾ HOẠCH\n\n"
                "TỔNG VỆ SINH MÔI TRƯỜNG NĂM 2026\nCăn cứ Kế hoạch số 40/KH-UBND của UBND huyện;\n"
                "1. Công an xã bảo đảm an ninh trật tự.\n")
        ts = parse_dispatch(text, source=Source(name="t.txt"), observances=CATALOG)
        assert ts.dispatch.subject == "TỔNG VỆ SINH MÔI TRƯỜNG NĂM 2026"

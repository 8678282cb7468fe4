"""An escalation is written as an escalation: one block per item, the late units one per line, an .ics naming them."""

from __future__ import annotations

import email
import email.policy
from datetime import date, datetime, timezone
from pathlib import Path

import icalendar
from aiosmtplib.email import flatten_message
from hypothesis import given, settings
from hypothesis import strategies as st

from dondoc.notify.model import LateUnit, SentRung
from dondoc.notify.render import message_id_for, render_digest
from dondoc.notify.samples import sample_digest, sample_item

TEMPLATES = Path(__file__).resolve().parents[3] / "config" / "templates"
UNITS = (LateUnit("Sở Nội vụ", date(2025, 6, 16), 7, (SentRung("đầu mối của đơn vị", date(2025, 6, 17)),
                                                      SentRung("lãnh đạo đơn vị", date(2025, 6, 19)))),
         LateUnit("Sở Tài chính", date(2025, 6, 16), 7),
         LateUnit("Hội Nông dân <tỉnh>", date(2025, 6, 20), 3, extended=True))


def escalation(**kw):  # type: ignore[no-untyped-def]
    fields = dict(title="Báo cáo kết quả rà soát", owner_name="", period_label="6 tháng đầu năm 2025", days_left=None,
                  units=UNITS, task_kind="report")
    return sample_item("escalation", "1", date(2025, 6, 16), **{**fields, **kw})


def render(items):  # type: ignore[no-untyped-def]
    digest = sample_digest(0, items=items, org_name="Ủy ban nhân dân tỉnh", as_of=date(2025, 6, 23))
    msg = render_digest(digest, templates_dir=TEMPLATES, mail_from="dondoc <d@example.vn>",
                        message_id=message_id_for("row-1", "example.vn"), sent_at=datetime(2025, 6, 23, tzinfo=timezone.utc))
    return email.message_from_bytes(flatten_message(msg), policy=email.policy.default)


def text(msg) -> str:  # type: ignore[no-untyped-def]
    return msg.get_body(("plain",)).get_content()


def events(msg) -> list:  # type: ignore[no-untyped-def, type-arg]
    [part] = [p for p in msg.iter_attachments() if p.get_content_type() == "text/calendar"]
    return list(icalendar.Calendar.from_ical(part.get_content()).walk("VEVENT"))


class TestEscalationBlock:
    def test_one_block_opens_with_the_request_and_lists_each_unit_on_its_own_line(self) -> None:
        body = text(render([escalation()]))
        assert ("- Các đơn vị sau chưa gửi báo cáo “Báo cáo kết quả rà soát” (6 tháng đầu năm 2025) theo văn bản số "
                "6711/MTTQ-BTT, mục 1 (hạn 16/06/2025), đề nghị đồng chí chỉ đạo:") in body
        assert ("  1. Sở Nội vụ: quá hạn 7 ngày (từ 17/06/2025; hạn 16/06/2025); đã nhắc: đầu mối của đơn vị ngày "
                "17/06/2025, lãnh đạo đơn vị ngày 19/06/2025") in body
        assert "  2. Sở Tài chính: quá hạn 7 ngày (từ 17/06/2025; hạn 16/06/2025); chưa có lần đôn đốc nào trước" in body
        assert "  3. Hội Nông dân <tỉnh>: quá hạn 3 ngày (từ 21/06/2025; hạn 20/06/2025, đã gia hạn)" in body
        assert body.count("đề nghị đồng chí chỉ đạo") == 1

    def test_an_action_is_not_done_rather_than_not_reported(self) -> None:
        body = text(render([escalation(task_kind="action", title="Ban hành kế hoạch")]))
        assert "Các đơn vị sau chưa hoàn thành nhiệm vụ “Ban hành kế hoạch”" in body

    def test_the_html_block_is_a_list_with_every_name_escaped(self) -> None:
        html = render([escalation()]).get_body(("html",)).get_content()
        assert html.count("<li>") == 3 and "Hội Nông dân &lt;tỉnh&gt;" in html and "<tỉnh>" not in html

    def test_the_calendar_entry_names_the_units(self) -> None:
        [event] = events(render([escalation()]))
        assert "Sở Nội vụ, Sở Tài chính, Hội Nông dân <tỉnh>" in str(event["summary"])
        assert "1. Sở Nội vụ: quá hạn 7 ngày" in str(event["description"])

    def test_a_classified_item_names_the_late_units_and_nothing_of_its_content(self) -> None:
        body = text(render([escalation(classified=True)]))
        assert "Báo cáo kết quả rà soát" not in body and "Sở Nội vụ: quá hạn 7 ngày" in body
        assert "Các đơn vị sau chưa gửi báo cáo theo văn bản số 6711/MTTQ-BTT, mục 1 (hạn 16/06/2025)" in body
        [event] = events(render([escalation(classified=True)]))
        assert "Báo cáo kết quả rà soát" not in str(event["summary"]) + str(event.get("description", ""))

    def test_escalations_come_first_in_a_digest_that_also_reminds(self) -> None:
        body = text(render([sample_item("reminder", "2", date(2025, 6, 30)), escalation()]))
        assert body.index("== Đôn đốc (1) ==") < body.index("== Sắp đến hạn (1) ==")

    @settings(max_examples=50, deadline=None)
    @given(names=st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40),
                          min_size=1, max_size=15))
    def test_any_number_of_units_is_one_block_with_one_numbered_line_each(self, names: list[str]) -> None:
        units = tuple(LateUnit(n.strip() or "x", date(2025, 6, 16), 1) for n in names)
        body = text(render([escalation(units=units)]))
        block = body.split("đề nghị đồng chí chỉ đạo:", 1)[1]
        assert body.count("đề nghị đồng chí chỉ đạo:") == 1
        assert [f"  {i}. " for i in range(1, len(units) + 1)] == [
            line[:len(f"  {i}. ")] for i, line in enumerate(block.splitlines()[1:len(units) + 1], 1)]

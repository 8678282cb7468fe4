from __future__ import annotations

import email
import email.policy
from datetime import date, datetime, timezone
from email.header import decode_header, make_header
from email.message import EmailMessage
from pathlib import Path

import icalendar
import pytest
from aiosmtplib.email import flatten_message
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dondoc.errors import ConfigError
from dondoc.notify.render import clean_header, message_id_for, render_digest
from dondoc.notify.samples import sample_digest, sample_item

TEMPLATES = Path(__file__).resolve().parents[3] / "config" / "templates"
SENT_AT = datetime(2026, 8, 20, 1, 0, tzinfo=timezone.utc)


def render(digest=None, **kw) -> EmailMessage:
    return render_digest(
        digest or sample_digest(0),
        templates_dir=TEMPLATES,
        mail_from=kw.pop("mail_from", "dondoc <dondoc@example.vn>"),
        message_id=kw.pop("message_id", message_id_for("row-1", "example.vn")),
        sent_at=SENT_AT,
        **kw,
    )


def wire(msg: EmailMessage) -> EmailMessage:
    """The message as a receiver parses it after aiosmtplib has flattened it."""
    return email.message_from_bytes(flatten_message(msg), policy=email.policy.default)  # type: ignore[return-value]


def decoded(msg: EmailMessage, name: str) -> str:
    """A header decoded the RFC 2047 way (CPython's address parser adds spaces between encoded words)."""
    raw = email.message_from_bytes(flatten_message(msg), policy=email.policy.compat32)[name]
    return str(make_header(decode_header(raw)))


def text_of(msg: EmailMessage) -> str:
    return msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]


def html_of(msg: EmailMessage) -> str:
    return msg.get_body(("html",)).get_content()  # type: ignore[union-attr]


def calendar_of(msg: EmailMessage) -> icalendar.Calendar:
    [part] = [p for p in msg.iter_attachments() if p.get_content_type() == "text/calendar"]
    return icalendar.Calendar.from_ical(part.get_content())


class TestDigestMessage:
    def test_subject_counts_items_by_kind_in_vietnamese_and_names_the_agency(self) -> None:
        digest = sample_digest(0, items=[sample_item(key=str(i)) for i in range(3)])
        assert wire(render(digest))["Subject"] == "[dondoc] Nhắc việc: 3 nhiệm vụ sắp đến hạn — Công an tỉnh"

    def test_a_long_vietnamese_subject_survives_folding_with_every_space(self) -> None:
        digest = sample_digest(0, org_name="Công an tỉnh Hải Dương — Phòng Tham mưu, cơ quan thường trực Ban Chỉ đạo 138")
        received = wire(render(digest))["Subject"]
        assert received == (
            "[dondoc] Nhắc việc: 1 nhiệm vụ quá hạn, 2 nhiệm vụ sắp đến hạn, 1 ngày kỷ niệm sắp tới — "
            "Công an tỉnh Hải Dương — Phòng Tham mưu, cơ quan thường trực Ban Chỉ đạo 138"
        )

    def test_every_header_line_fits_the_78_character_limit(self) -> None:
        digest = sample_digest(0, org_name="Ủy ban nhân dân " * 12, recipient_name="Văn phòng " * 15, issuer="Ban " * 30)
        head = flatten_message(render(digest)).split(b"\r\n\r\n", 1)[0]
        assert max(len(line) for line in head.split(b"\r\n")) <= 78

    def test_message_has_text_and_html_alternatives_and_an_ics_attachment(self) -> None:
        msg = wire(render())
        assert msg.get_content_type() == "multipart/mixed"
        assert msg.get_body(("plain",)) is not None and msg.get_body(("html",)) is not None
        [attachment] = list(msg.iter_attachments())
        assert attachment.get_content_type() == "text/calendar"
        assert attachment.get_filename() == "nhac-viec.ics"

    def test_reply_to_is_the_issuing_office(self) -> None:
        assert decoded(render(), "Reply-To") == "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh <vanphong@example.vn>"

    def test_recipient_is_addressed_by_name(self) -> None:
        assert decoded(render(), "To") == "Cán bộ đầu mối 0 <pv05+0@example.vn>"

    def test_message_id_is_the_one_the_caller_gives(self) -> None:
        assert wire(render())["Message-ID"] == "<dondoc.row-1@example.vn>"

    def test_rendering_the_same_row_twice_gives_the_same_message_id(self) -> None:
        assert render()["Message-ID"] == render()["Message-ID"]

    def test_dates_are_shown_day_month_year(self) -> None:
        text = text_of(render(sample_digest(0, items=[sample_item(due=date(2026, 9, 2))])))
        assert "Hạn: 02/09/2026" in text and "2026-09-02" not in text

    def test_a_deadline_moved_off_a_holiday_shows_both_dates(self) -> None:
        item = sample_item(due_stated=date(2026, 9, 2), due=date(2026, 9, 2), due_effective=date(2026, 9, 3))
        text = text_of(render(sample_digest(0, items=[item])))
        assert "Hạn: 03/09/2026 (văn bản ghi 02/09/2026" in text

    @pytest.mark.parametrize(
        ("kind", "heading"),
        [
            ("reminder", "Sắp đến hạn"),
            ("overdue", "Quá hạn"),
            ("escalation", "Đôn đốc"),
            ("observance", "Ngày kỷ niệm sắp tới"),
            ("failure", "Gửi thư thất bại"),
        ],
        ids=["reminder", "overdue", "escalation", "observance", "failure"],
    )
    def test_items_are_grouped_under_a_vietnamese_heading_per_kind(self, kind: str, heading: str) -> None:
        msg = render(sample_digest(0, items=[sample_item(kind)]))
        assert f"== {heading} (1) ==" in text_of(msg)
        assert f">{heading} (1)</h2>" in html_of(msg)

    def test_overdue_items_come_before_reminders(self) -> None:
        text = text_of(render())
        assert text.index("Quá hạn") < text.index("Sắp đến hạn") < text.index("Ngày kỷ niệm sắp tới")

    @pytest.mark.parametrize(
        ("days_left", "phrase"),
        [(7, "còn 7 ngày"), (1, "còn 1 ngày"), (0, "hạn cuối là hôm nay"), (-3, "quá hạn 3 ngày")],
        ids=["a-week", "tomorrow", "today", "late"],
    )
    def test_days_left_is_said_in_words(self, days_left: int, phrase: str) -> None:
        assert phrase in text_of(render(sample_digest(0, items=[sample_item(days_left=days_left)])))

    def test_a_report_states_its_period_and_data_window(self) -> None:
        item = sample_item(period_label="6 tháng đầu năm 2026", window_phrase="số liệu tính từ 15/12/2025 đến 14/6/2026")
        assert "Kỳ báo cáo: 6 tháng đầu năm 2026 (số liệu tính từ 15/12/2025 đến 14/6/2026)" in text_of(
            render(sample_digest(0, items=[item]))
        )

    def test_an_observance_shows_its_anniversary_and_round_year(self) -> None:
        item = sample_item("observance", "E1", observance_name="Ngày hội toàn dân bảo vệ ANTQ", anniversary=20, round_year=True)
        assert "(kỷ niệm 20 năm, năm tròn)" in text_of(render(sample_digest(0, items=[item])))


class TestEscaping:
    def test_html_in_task_text_is_escaped_in_the_html_part(self) -> None:
        item = sample_item(title="<script>alert(1)</script>", text="a & b <img src=x onerror=alert(1)>")
        html = html_of(render(sample_digest(0, items=[item])))
        assert "<script>" not in html and "<img" not in html
        assert "&lt;script&gt;" in html and "a &amp; b" in html

    def test_the_plain_text_part_shows_task_text_as_written(self) -> None:
        item = sample_item(title="Báo cáo <quý> & năm")
        assert "Báo cáo <quý> & năm" in text_of(render(sample_digest(0, items=[item])))

    def test_an_organisation_name_with_a_newline_cannot_add_a_header(self) -> None:
        digest = sample_digest(0, org_name="Công an tỉnh\r\nBcc: victim@evil.example", recipient_name="A\nX-Injected: 1")
        msg = wire(render(digest))
        assert msg["Bcc"] is None and msg["X-Injected"] is None
        assert "Bcc: victim@evil.example" in msg["Subject"]

    @settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
    @given(
        org=st.text(min_size=1, max_size=120),
        name=st.text(max_size=80),
        issuer=st.text(max_size=80),
        title=st.text(max_size=200),
    )
    def test_no_text_in_any_field_can_inject_a_header(self, org: str, name: str, issuer: str, title: str) -> None:
        digest = sample_digest(
            0,
            org_name=org + "\r\nX-Injected: yes",
            recipient_name=name + "\nX-Injected: yes",
            issuer=issuer + "\rX-Injected: yes",
            items=[sample_item(title=title + "\r\nX-Injected: yes", text=title)],
        )
        msg = wire(render(digest))
        assert msg["X-Injected"] is None
        assert set(msg.keys()) == {
            "Subject", "From", "To", "Reply-To", "Message-ID", "Date", "Auto-Submitted",
            "MIME-Version", "Content-Type", "Content-Language",
        }
        assert "\n" not in msg["Subject"] and "\r" not in msg["Subject"]

    @given(value=st.text())
    def test_a_cleaned_header_value_never_holds_a_line_break(self, value: str) -> None:
        assert len(clean_header(value).splitlines()) <= 1

    def test_a_recipient_address_that_is_not_an_address_is_refused(self) -> None:
        with pytest.raises(ConfigError, match="địa chỉ người nhận"):
            render(sample_digest(0, recipient_email="not an address"))


class TestClassified:
    SECRET = "Kế hoạch bảo vệ mục tiêu K12"

    def secret_digest(self):
        item = sample_item(
            key="4",
            title=self.SECRET,
            text=self.SECRET + " tại khu vực biên giới",
            dispatch_subject="V/v " + self.SECRET,
            owner_name="Phòng PA03",
            report_to="Đồng chí Giám đốc",
            note="ghi chú mật",
            classified=True,
        )
        return sample_digest(0, items=[item])

    def test_a_classified_item_shows_only_number_key_and_date(self) -> None:
        msg = render(self.secret_digest())
        text = text_of(msg)
        assert "- Văn bản số 6711/MTTQ-BTT, mục 4, hạn 27/08/2026" in text
        for leaked in (self.SECRET, "biên giới", "Phòng PA03", "Đồng chí Giám đốc", "ghi chú mật"):
            assert leaked not in text
            assert leaked not in html_of(msg)

    def test_a_classified_item_keeps_its_content_out_of_the_calendar_and_the_subject(self) -> None:
        msg = render(self.secret_digest())
        raw = flatten_message(msg)
        cal = calendar_of(wire(msg))
        [event] = cal.walk("VEVENT")
        assert str(event["SUMMARY"]) == "Hạn nhiệm vụ 6711/MTTQ-BTT · mục 4"
        assert "DESCRIPTION" not in event
        assert self.SECRET not in wire(msg)["Subject"]
        assert self.SECRET.encode() not in raw


class TestCalendar:
    def test_each_dated_item_is_an_all_day_event_on_its_effective_due_date(self) -> None:
        item = sample_item(due_stated=date(2026, 9, 2), due=date(2026, 9, 2), due_effective=date(2026, 9, 3))
        [event] = calendar_of(render(sample_digest(0, items=[item]))).walk("VEVENT")
        assert event.decoded("DTSTART") == date(2026, 9, 3)
        assert event.decoded("DTEND") == date(2026, 9, 4)

    def test_items_without_a_date_get_no_event_and_no_empty_attachment(self) -> None:
        msg = render(sample_digest(0, items=[sample_item("failure", due=None)]))
        assert list(msg.iter_attachments()) == []

    def test_event_uids_are_stable_for_a_row_and_differ_between_items(self) -> None:
        def uids(message_id: str) -> list[str]:
            return [str(e["UID"]) for e in calendar_of(render(message_id=message_id)).walk("VEVENT")]

        first = uids("dondoc.row-1@example.vn")
        assert first == uids("dondoc.row-1@example.vn")
        assert len(set(first)) == len(first)
        assert set(first).isdisjoint(uids("dondoc.row-2@example.vn"))


class TestMessageId:
    @pytest.mark.parametrize(
        ("outbox_id", "expected"),
        [
            ("42", "dondoc.42@example.vn"),
            ("0b9c6f1e-8f7e-4c1a-9a35-0a7c0e4f2b11", "dondoc.0b9c6f1e-8f7e-4c1a-9a35-0a7c0e4f2b11@example.vn"),
        ],
        ids=["integer", "uuid"],
    )
    def test_a_plain_outbox_id_is_kept_readable(self, outbox_id: str, expected: str) -> None:
        assert message_id_for(outbox_id, "example.vn") == expected

    @given(outbox_id=st.text(min_size=1), domain=st.text())
    def test_any_outbox_id_gives_a_deterministic_single_line_id(self, outbox_id: str, domain: str) -> None:
        mid = message_id_for(outbox_id, domain)
        assert mid == message_id_for(outbox_id, domain)
        assert mid.isascii() and " " not in mid and "<" not in mid and ">" not in mid
        assert mid.count("@") == 1

    def test_different_rows_get_different_ids(self) -> None:
        assert message_id_for("a b", "x.vn") != message_id_for("a  b", "x.vn")


class TestMessageIdHeader:
    @pytest.mark.parametrize(
        ("given", "header"),
        [
            ("dondoc.7@example.vn", "<dondoc.7@example.vn>"),
            ("<dondoc.7@example.vn>", "<dondoc.7@example.vn>"),
            ("dondoc 7\r\nBcc: x@y", "<dondoc-7--Bcc--x@y>"),
            ("dondoc.ngày@example.vn", "<dondoc.ng-y@example.vn>"),
        ],
        ids=["plain", "bracketed", "injection", "non-ascii"],
    )
    def test_the_message_id_header_is_always_one_ascii_token(self, given: str, header: str) -> None:
        assert wire(render(message_id=given))["Message-ID"] == header


class TestFailureItems:
    def test_a_failed_delivery_shows_what_failed_and_why_to_the_admin(self) -> None:
        item = sample_item(
            "failure", due=None, title="Thư gửi pv05@example.vn (Công an tỉnh) không đến được",
            text="", owner_name="Công an tỉnh", note="Lỗi: 550 5.1.1 mailbox unavailable", days_left=None,
        )
        msg = render(sample_digest(0, items=[item], org_name="Quản trị dondoc"))
        text = text_of(msg)
        assert "== Gửi thư thất bại (1) ==" in text
        assert "Thư gửi pv05@example.vn (Công an tỉnh) không đến được" in text
        assert "Ghi chú: Lỗi: 550 5.1.1 mailbox unavailable" in text
        assert "Đơn vị thực hiện" not in text
        assert wire(msg)["Subject"] == "[dondoc] Thông báo: 1 thư gửi thất bại — Quản trị dondoc"

from __future__ import annotations

from datetime import date, datetime, timezone
from email.header import decode_header, make_header
from email.message import EmailMessage
from email.utils import parseaddr
from pathlib import Path

import pytest
from aiosmtplib.email import flatten_message
from hypothesis import given
from hypothesis import strategies as st

from dondoc.notify.mime import address, address_header, clean_header, text_header, wire_bytes
from dondoc.notify.render import render_digest
from dondoc.notify.samples import sample_digest, sample_item

TEMPLATES = Path(__file__).resolve().parents[3] / "config" / "templates"


def rendered(digest) -> EmailMessage:  # type: ignore[no-untyped-def]
    return render_digest(
        digest, templates_dir=TEMPLATES, mail_from="dondoc@example.vn", message_id="dondoc.1@example.vn",
        sent_at=datetime(2026, 8, 20, tzinfo=timezone.utc),
    )


def rfc2047(name: str, raw_value: str) -> str:
    return str(make_header(decode_header(raw_value.replace("\n", ""))))


class TestWireBytes:
    @pytest.mark.parametrize(
        "digest",
        [
            sample_digest(0),
            sample_digest(3, org_name="Ủy ban nhân dân huyện Kinh Môn " * 4),
            sample_digest(1, items=[sample_item("failure", due=None)]),
            sample_digest(2, items=[sample_item(classified=True)]),
        ],
        ids=["four-items", "long-org-name", "no-calendar", "classified"],
    )
    def test_wire_bytes_are_exactly_what_the_standard_generator_writes(self, digest) -> None:  # type: ignore[no-untyped-def]
        msg = rendered(digest)
        assert wire_bytes(msg) == flatten_message(msg)

    def test_rendering_twice_gives_the_same_bytes(self) -> None:
        assert wire_bytes(rendered(sample_digest(0))) == wire_bytes(rendered(sample_digest(0)))

    def test_a_message_built_the_ordinary_way_is_left_to_the_standard_generator(self) -> None:
        msg = EmailMessage()
        msg["Subject"] = "x"
        msg.set_content("y")
        assert wire_bytes(msg) is None


class TestHeaderEncoding:
    @given(value=st.text(max_size=300))
    def test_any_subject_decodes_back_to_its_cleaned_text_in_lines_of_at_most_78(self, value: str) -> None:
        raw = text_header("Subject", value)
        lines = f"Subject: {raw}".split("\n")
        assert all(len(line) <= 78 for line in lines)
        assert all(line.startswith(" ") for line in lines[1:])
        assert rfc2047("Subject", raw) == clean_header(value)

    @given(name=st.text(max_size=150))
    def test_any_display_name_decodes_back_to_its_cleaned_text(self, name: str) -> None:
        raw = address_header("Reply-To", address("vp@example.vn", name, what="Reply-To"))
        assert all(len(line) <= 78 for line in f"Reply-To: {raw}".split("\n"))
        decoded = rfc2047("Reply-To", raw)
        clean = clean_header(name)
        if clean and not clean.isascii():
            assert decoded == f"{clean} <vp@example.vn>"
        else:
            assert parseaddr(decoded)[1] == "vp@example.vn"

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("a\r\nBcc: x@y", "a Bcc: x@y"),
            ("a\u2028b\u2029c\x85d\x0be\x0cf", "a b c d e f"),
            ("  many   spaces\t", "many spaces"),
            ("Ngày\x00hội", "Ngày hội"),
        ],
        ids=["crlf", "unicode-line-breaks", "spaces", "nul"],
    )
    def test_clean_header_turns_line_breaks_and_controls_into_single_spaces(self, value: str, expected: str) -> None:
        assert clean_header(value) == expected

    def test_the_as_of_date_in_the_body_is_day_month_year(self) -> None:
        msg = rendered(sample_digest(0, as_of=date(2026, 1, 5)))
        assert "tính đến ngày 05/01/2026" in msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from pathlib import Path

from dondoc.notify.mailbox import Mailbox


def send_plain(port: int, subject: str) -> None:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "a@example.vn", "b@example.vn", subject
    msg.set_content("Nội dung thử")
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
        client.send_message(msg)


class TestMailbox:
    def test_each_message_is_one_eml_file_in_arrival_order(self, tmp_path: Path) -> None:
        with Mailbox(tmp_path) as mb:
            for n in range(3):
                send_plain(mb.port, f"thư {n}")
            assert mb.count() == 3
            assert [m["Subject"] for m in mb.messages()] == ["thư 0", "thư 1", "thư 2"]
        assert len(list(tmp_path.glob("*.eml"))) == 3

    def test_no_temporary_file_is_left_behind(self, tmp_path: Path) -> None:
        with Mailbox(tmp_path) as mb:
            send_plain(mb.port, "x")
        assert [p.suffix for p in tmp_path.iterdir()] == [".eml"]

    def test_port_zero_picks_a_free_port(self, tmp_path: Path) -> None:
        with Mailbox(tmp_path / "a") as first, Mailbox(tmp_path / "b") as second:
            assert first.port != 0 and second.port != 0 and first.port != second.port

    def test_the_directory_is_created_when_missing(self, tmp_path: Path) -> None:
        with Mailbox(tmp_path / "new" / "box") as mb:
            send_plain(mb.port, "x")
        assert len(list((tmp_path / "new" / "box").glob("*.eml"))) == 1

from __future__ import annotations

import signal
import smtplib
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

import typer
from typer.testing import CliRunner

from dondoc.notify.mailbox import free_port

APP = """
from dondoc.cli import app
app()
"""


def app() -> typer.Typer:
    from dondoc.cli import app as cli

    return cli


class TestMailboxCommand:
    def test_help_explains_the_command_and_ends_with_an_example(self) -> None:
        result = CliRunner().invoke(app(), ["mailbox", "--help"])
        assert result.exit_code == 0
        assert "--port" in result.output and "--dir" in result.output and "--host" in result.output
        assert "Ví dụ: dondoc mailbox" in result.output  # Vietnamese, the default

    def test_it_says_where_mail_is_stored_keeps_it_and_stops_cleanly_on_ctrl_c(self, tmp_path: Path) -> None:
        port = free_port()
        proc = subprocess.Popen(
            [sys.executable, "-c", APP, "mailbox", "--port", str(port), "--dir", str(tmp_path / "box")],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        try:
            assert proc.stdout is not None
            banner = proc.stdout.readline()
            assert f"127.0.0.1:{port}" in banner and str(tmp_path / "box") in banner
            msg = EmailMessage()
            msg["From"], msg["To"], msg["Subject"] = "a@example.vn", "b@example.vn", "Thử"
            msg.set_content("Nội dung")
            with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
                client.send_message(msg)
            proc.send_signal(signal.SIGINT)
            out, err = proc.communicate(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
        assert proc.returncode == 0, err
        assert "hộp thư đã dừng" in out
        assert "Traceback" not in err
        assert len(list((tmp_path / "box").glob("*.eml"))) == 1

    def test_a_port_already_in_use_is_one_clear_line_and_a_non_zero_exit(self, tmp_path: Path) -> None:
        import socket

        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            port = taken.getsockname()[1]
            result = subprocess.run(
                [sys.executable, "-c", APP, "mailbox", "--port", str(port), "--dir", str(tmp_path)],
                capture_output=True, text=True, timeout=60,
            )
        assert result.returncode != 0
        assert f"không nghe được ở 127.0.0.1:{port}" in result.stderr
        assert "Traceback" not in result.stderr

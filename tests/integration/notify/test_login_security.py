"""A password goes to the mail server only over TLS: real aiosmtpd servers on 127.0.0.1, with and
without STARTTLS, one with implicit TLS, and one whose authenticator refuses."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from dondoc.errors import SmtpAuthError, SmtpPlaintextAuthError
from dondoc.notify.mailbox import Mailbox
from dondoc.notify.model import SmtpConfig
from dondoc.notify.smtp import is_loopback, send_batch_sync

from tests.integration.notify.test_delivery import outgoing

LOGIN = {"dondoc": "s3cret"}


def login_config(port: int, *, password: str = "s3cret", host: str = "127.0.0.1", cert: Path | None = None,
                 implicit_tls: bool = False, allow_plaintext_auth: bool = False) -> SmtpConfig:
    return SmtpConfig(host=host, port=port, username="dondoc", password=password, starttls=None,
                      implicit_tls=implicit_tls, timeout=10.0, pool_size=2, mail_from="dondoc@example.vn",
                      cert_bundle=str(cert) if cert else None, allow_plaintext_auth=allow_plaintext_auth)


def own_address() -> str | None:
    """This machine's address on its network (not loopback), when it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: no packet is sent, only a route is chosen
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") else address


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
class TestLoginOnlyOverTls:
    def test_after_starttls_the_login_is_sent_and_the_mail_goes_out_encrypted(
        self, tmp_path: Path, tls_files: tuple[Path, Path]
    ) -> None:
        certfile, keyfile = tls_files
        with Mailbox(tmp_path, tls="starttls", certfile=certfile, keyfile=keyfile, logins=LOGIN) as mb:
            results = send_batch_sync([outgoing(0)], config=login_config(mb.port, cert=certfile))
            assert mb.count() == 1 and mb.handler.tls_messages == 1 and mb.auth_attempts == 1
        assert [r.status for r in results] == ["sent"]

    def test_over_implicit_tls_the_login_is_sent(self, tmp_path: Path, tls_files: tuple[Path, Path]) -> None:
        certfile, keyfile = tls_files
        with Mailbox(tmp_path, tls="implicit", certfile=certfile, keyfile=keyfile, logins=LOGIN) as mb:
            results = send_batch_sync([outgoing(0)], config=login_config(mb.port, cert=certfile, implicit_tls=True))
            assert mb.count() == 1 and mb.handler.tls_messages == 1
        assert [r.status for r in results] == ["sent"]

    def test_a_server_without_starttls_never_receives_the_password(self, tmp_path: Path) -> None:
        with Mailbox(tmp_path, logins=LOGIN) as mb:
            with pytest.raises(SmtpPlaintextAuthError) as caught:
                send_batch_sync([outgoing(0)], config=login_config(mb.port))
            assert mb.auth_attempts == 0 and mb.count() == 0
        assert "không mã hóa" in str(caught.value) and "s3cret" not in str(caught.value)

    def test_plaintext_login_is_allowed_when_asked_for_a_server_on_loopback(self, tmp_path: Path) -> None:
        with Mailbox(tmp_path, logins=LOGIN) as mb:
            results = send_batch_sync([outgoing(0)], config=login_config(mb.port, allow_plaintext_auth=True))
            assert mb.count() == 1 and mb.auth_attempts == 1 and mb.handler.tls_messages == 0
        assert [r.status for r in results] == ["sent"]

    def test_plaintext_login_is_refused_to_a_server_off_loopback_even_when_asked(self, tmp_path: Path) -> None:
        address = own_address()
        if address is None:
            pytest.skip("this machine has no network address besides loopback")
        with Mailbox(tmp_path, host=address, logins=LOGIN) as mb:
            with pytest.raises(SmtpPlaintextAuthError):
                send_batch_sync([outgoing(0)], config=login_config(mb.port, host=address, allow_plaintext_auth=True))
            assert mb.auth_attempts == 0 and mb.count() == 0

    def test_a_refused_login_is_reported_as_a_refused_login_not_as_unreachable(
        self, tmp_path: Path, tls_files: tuple[Path, Path]
    ) -> None:
        certfile, keyfile = tls_files
        with Mailbox(tmp_path, tls="starttls", certfile=certfile, keyfile=keyfile, logins=LOGIN) as mb:
            with pytest.raises(SmtpAuthError) as caught:
                send_batch_sync([outgoing(0)], config=login_config(mb.port, password="wrong", cert=certfile))
            assert mb.count() == 0 and mb.auth_attempts >= 1
        message = str(caught.value)
        assert "máy chủ thư" in message and "từ chối đăng nhập" in message and "535" in message
        assert "unreachable" not in message and "wrong" not in message

    def test_without_credentials_nothing_is_sent_to_authenticate(self, tmp_path: Path) -> None:
        with Mailbox(tmp_path) as mb:
            cfg = SmtpConfig("127.0.0.1", mb.port, None, None, None, False, 10.0, 2, "dondoc@example.vn")
            assert [r.status for r in send_batch_sync([outgoing(0)], config=cfg)] == ["sent"]


@pytest.mark.parametrize(("peer", "loopback"), [
    (("127.0.0.1", 25), True),
    (("127.3.4.5", 25), True),
    (("::1", 25, 0, 0), True),
    (("::ffff:127.0.0.1", 25, 0, 0), True),  # IPv4 loopback, mapped into IPv6
    (("192.0.2.2", 25), False),
    (("10.0.0.5", 587), False),
    (("fe80::1%eth0", 25, 0, 2), False),
    (("smtp.example.vn", 25), False),
    (None, False),
    ((), False),
], ids=lambda v: str(v))
def test_which_peers_count_as_loopback(peer: object, loopback: bool) -> None:
    assert is_loopback(peer) is loopback


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
@pytest.mark.parametrize(("allow", "password", "says"), [
    (None, "s3cret", "không mã hóa kết nối"),
    ("true", "wrong", "từ chối đăng nhập"),
], ids=["no-tls-no-password-sent", "refused-login"])
def test_the_sweep_stops_with_one_line_and_every_message_stays_queued(
    env, cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, allow: str | None, password: str, says: str
) -> None:  # type: ignore[no-untyped-def]
    import json

    from dondoc.settings import get_settings
    from tests.conftest import FIXTURES, REPO, run

    assert run(cli, "orgs", "import", str(REPO / "config" / "organizations.yaml"))[0] == 0
    assert run(cli, "load", str(FIXTURES / "tasksets" / "bao-cao-phoi-hop.yaml"))[0] == 0
    with Mailbox(tmp_path / "guarded", logins=LOGIN) as mb:
        monkeypatch.setenv("DONDOC_SMTP_PORT", str(mb.port))
        monkeypatch.setenv("DONDOC_SMTP_USERNAME", "dondoc")
        monkeypatch.setenv("DONDOC_SMTP_PASSWORD", password)
        if allow:
            monkeypatch.setenv("DONDOC_SMTP_ALLOW_PLAINTEXT_AUTH", allow)
        get_settings.cache_clear()
        code, out, err = run(cli, "remind", "--as-of", "2025-06-10")
        assert mb.count() == 0
        assert mb.auth_attempts == 0 if allow is None else 1 <= mb.auth_attempts <= 2  # PLAIN, then LOGIN
    assert code == 3
    assert len(err.strip().splitlines()) == 1, err
    line = err.strip()
    assert line.startswith("lỗi: máy chủ thư") and says in line and password not in line
    rows = json.loads(run(cli, "outbox", "list", "--json")[1])
    assert rows and {r["status"] for r in rows} == {"pending"} and {r["attempts"] for r in rows} == {0}

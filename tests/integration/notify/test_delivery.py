"""Delivery against a real aiosmtpd server on 127.0.0.1."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from dondoc.errors import SmtpAuthError, SmtpUnavailableError
from dondoc.notify.mailbox import FailPlan, Mailbox, free_port
from dondoc.notify.model import DeliveryResult, OutgoingMail, SmtpConfig
from dondoc.notify.render import message_id_for, render_digest
from dondoc.notify.samples import sample_digest
from dondoc.notify.smtp import send_batch, send_batch_sync

TEMPLATES = Path(__file__).resolve().parents[3] / "config" / "templates"


def outgoing(n: int, *, extra_to: list[str] | None = None) -> OutgoingMail:
    digest = sample_digest(n)
    outbox_id = f"row-{n}"
    msg = render_digest(
        digest,
        templates_dir=TEMPLATES,
        mail_from="dondoc@example.vn",
        message_id=message_id_for(outbox_id, "example.vn"),
        sent_at=datetime(2026, 8, 20, 1, tzinfo=timezone.utc),
    )
    return OutgoingMail(outbox_id, [digest.recipient_email, *(extra_to or [])], msg)


def config(port: int, *, pool_size: int = 4) -> SmtpConfig:
    return SmtpConfig(
        host="127.0.0.1", port=port, username=None, password=None, starttls=None,
        implicit_tls=False, timeout=10.0, pool_size=pool_size, mail_from="dondoc@example.vn",
    )


def statuses(results: list[DeliveryResult]) -> list[str]:
    return [r.status for r in results]


class TestSendBatch:
    def test_every_message_of_a_batch_arrives_once_over_a_few_connections(self, tmp_path: Path) -> None:
        mails = [outgoing(i) for i in range(25)]
        with Mailbox(tmp_path) as mb:
            results = send_batch_sync(mails, config=config(mb.port, pool_size=3))
            received = mb.messages()
        assert statuses(results) == ["sent"] * 25
        assert [r.outbox_id for r in results] == [m.outbox_id for m in mails]
        assert sorted(m["Message-ID"] for m in received) == sorted(m.message["Message-ID"] for m in mails)

    def test_the_stored_message_is_the_rendered_digest(self, tmp_path: Path) -> None:
        with Mailbox(tmp_path) as mb:
            send_batch_sync([outgoing(0)], config=config(mb.port))
            [received] = mb.messages()
        assert received["Subject"].startswith("[dondoc] Nhắc việc: 1 nhiệm vụ quá hạn")
        assert received["X-Envelope-To"] == "pv05+0@example.vn"
        assert "Kính gửi Cán bộ đầu mối 0" in received.get_body(("plain",)).get_content()

    def test_an_empty_batch_needs_no_server(self) -> None:
        assert send_batch_sync([], config=config(free_port())) == []

    def test_the_async_api_sends_the_same_way(self, tmp_path: Path) -> None:
        import asyncio

        with Mailbox(tmp_path) as mb:
            results = asyncio.run(send_batch([outgoing(1)], config=config(mb.port)))
        assert statuses(results) == ["sent"]


class TestServerAnswers:
    def test_a_451_is_retried_and_the_message_is_delivered_on_the_next_attempt(self, tmp_path: Path) -> None:
        mail = outgoing(0)
        with Mailbox(tmp_path, fail_plan=FailPlan(temp_failures=1)) as mb:
            first = send_batch_sync([mail], config=config(mb.port))
            assert mb.count() == 0
            second = send_batch_sync([mail], config=config(mb.port))
            assert mb.count() == 1
        assert first[0].status == "retry" and first[0].error is not None and first[0].error.startswith("451")
        assert second[0].status == "sent"

    def test_a_550_for_one_recipient_fails_that_one_and_delivers_the_others(self, tmp_path: Path) -> None:
        mails = [outgoing(0), outgoing(1), outgoing(2)]
        refused_one = sample_digest(1).recipient_email
        with Mailbox(tmp_path, fail_plan=FailPlan(reject={refused_one})) as mb:
            results = send_batch_sync(mails, config=config(mb.port))
            assert mb.count() == 2
        assert statuses(results) == ["sent", "failed", "sent"]
        assert results[1].refused[refused_one][0] == 550
        assert refused_one in (results[1].error or "")

    def test_a_550_for_one_of_several_envelope_recipients_still_sends_to_the_rest(self, tmp_path: Path) -> None:
        mail = outgoing(0, extra_to=["gone@example.vn", "lanhdao@example.vn"])
        with Mailbox(tmp_path, fail_plan=FailPlan(reject={"gone@example.vn"})) as mb:
            [result] = send_batch_sync([mail], config=config(mb.port))
            [received] = mb.messages()
        assert result.status == "sent"
        assert list(result.refused) == ["gone@example.vn"] and result.refused["gone@example.vn"][0] == 550
        assert received["X-Envelope-To"] == "pv05+0@example.vn, lanhdao@example.vn"

    @pytest.mark.parametrize(("code", "status"), [(421, "retry"), (452, "retry"), (550, "failed"), (553, "failed")])
    def test_a_refused_recipient_is_retried_on_4xx_and_failed_on_5xx(self, tmp_path: Path, code: int, status: str) -> None:
        mail = outgoing(0)
        plan = FailPlan(reject={mail.to[0]}, reject_code=code)
        with Mailbox(tmp_path, fail_plan=plan) as mb:
            [result] = send_batch_sync([mail], config=config(mb.port))
        assert result.status == status
        assert result.refused[mail.to[0]][0] == code


class TestServerDown:
    def test_a_server_that_is_down_leaves_everything_queued_and_says_so(self) -> None:
        port = free_port()
        with pytest.raises(SmtpUnavailableError) as caught:
            send_batch_sync([outgoing(0), outgoing(1)], config=config(port))
        assert f"127.0.0.1:{port}" in str(caught.value)
        assert "mọi thư vẫn chờ gửi" in str(caught.value)  # Vietnamese, the default
        assert caught.value.exit_code != 0

    def test_everything_is_delivered_once_the_server_is_back(self, tmp_path: Path) -> None:
        port = free_port()
        mails = [outgoing(i) for i in range(5)]
        with pytest.raises(SmtpUnavailableError):
            send_batch_sync(mails, config=config(port))
        with Mailbox(tmp_path, port=port) as mb:
            results = send_batch_sync(mails, config=config(port))
            assert mb.count() == 5
        assert statuses(results) == ["sent"] * 5


class TestServerGoingAway:
    def test_a_server_that_goes_away_mid_batch_keeps_what_it_took_and_the_rest_is_retried(self, tmp_path: Path) -> None:
        mails = [outgoing(i) for i in range(12)]
        with Mailbox(tmp_path, fail_plan=FailPlan(stop_after=5)) as mb:
            results = send_batch_sync(mails, config=config(mb.port, pool_size=1))
            stored = mb.count()
        sent = [r for r in results if r.status == "sent"]
        assert {r.status for r in results} <= {"sent", "retry"}
        assert len(sent) == 5 == stored
        assert all(r.error for r in results if r.status == "retry")

    def test_after_the_server_is_back_the_retried_rest_is_delivered(self, tmp_path: Path) -> None:
        mails = [outgoing(i) for i in range(8)]
        with Mailbox(tmp_path / "first", fail_plan=FailPlan(stop_after=3)) as mb:
            first = send_batch_sync(mails, config=config(mb.port, pool_size=1))
            port = mb.port
        retry = [m for m, r in zip(mails, first, strict=True) if r.status == "retry"]
        with Mailbox(tmp_path / "second", port=port) as mb:
            second = send_batch_sync(retry, config=config(port))
            assert mb.count() == len(retry) == 5
        assert statuses(second) == ["sent"] * 5


class TestSyncWrapper:
    def test_the_sync_wrapper_works_inside_a_running_event_loop(self, tmp_path: Path) -> None:
        import asyncio

        async def caller() -> list[DeliveryResult]:
            return send_batch_sync([outgoing(0)], config=config(mb.port))

        with Mailbox(tmp_path) as mb:
            results = asyncio.run(caller())
            assert mb.count() == 1
        assert statuses(results) == ["sent"]

    def test_a_message_built_without_render_digest_is_sent_too(self, tmp_path: Path) -> None:
        from email.message import EmailMessage

        msg = EmailMessage()
        msg["Subject"] = "Thư thử nghiệm"
        msg["From"], msg["To"] = "dondoc@example.vn", "a@example.vn"
        msg.set_content("Xin chào")
        with Mailbox(tmp_path) as mb:
            results = send_batch_sync([OutgoingMail("x", ["a@example.vn"], msg)], config=config(mb.port))
            [received] = mb.messages()
        assert statuses(results) == ["sent"]
        assert received["Subject"] == "Thư thử nghiệm"


class TestTls:
    @pytest.mark.parametrize(
        ("server_tls", "starttls", "implicit_tls"),
        [("starttls", None, False), ("starttls", True, False), ("implicit", None, True)],
        ids=["starttls-when-offered", "starttls-required", "implicit-tls"],
    )
    def test_mail_goes_over_an_encrypted_session(
        self, tmp_path: Path, tls_files: tuple[Path, Path], server_tls: str, starttls: bool | None, implicit_tls: bool
    ) -> None:
        certfile, keyfile = tls_files
        with Mailbox(tmp_path, tls=server_tls, certfile=certfile, keyfile=keyfile) as mb:  # type: ignore[arg-type]
            cfg = SmtpConfig(
                host="127.0.0.1", port=mb.port, username=None, password=None, starttls=starttls,
                implicit_tls=implicit_tls, timeout=10.0, pool_size=2, mail_from="dondoc@example.vn",
                cert_bundle=str(certfile),
            )
            results = send_batch_sync([outgoing(0), outgoing(1), outgoing(2)], config=cfg)
            assert mb.handler.tls_messages == mb.count() == 3
        assert statuses(results) == ["sent"] * 3

    def test_a_certificate_that_does_not_verify_sends_nothing_and_says_why(
        self, tmp_path: Path, tls_files: tuple[Path, Path]
    ) -> None:
        certfile, keyfile = tls_files
        with Mailbox(tmp_path, tls="implicit", certfile=certfile, keyfile=keyfile) as mb:
            cfg = SmtpConfig("127.0.0.1", mb.port, None, None, None, True, 10.0, 2, "dondoc@example.vn")
            with pytest.raises(SmtpUnavailableError, match="CERTIFICATE_VERIFY_FAILED|certificate"):
                send_batch_sync([outgoing(0)], config=cfg)
            assert mb.count() == 0


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
class TestCredentials:
    def test_the_configured_login_is_used(self, tmp_path: Path) -> None:
        with Mailbox(tmp_path, logins={"dondoc": "s3cret"}) as mb:
            cfg = SmtpConfig("127.0.0.1", mb.port, "dondoc", "s3cret", False, False, 10.0, 2, "dondoc@example.vn",
                             allow_plaintext_auth=True)
            results = send_batch_sync([outgoing(0)], config=cfg)
            assert mb.count() == 1
        assert statuses(results) == ["sent"]

    def test_a_wrong_password_sends_nothing_and_is_reported_as_a_refused_login(self, tmp_path: Path) -> None:
        with Mailbox(tmp_path, logins={"dondoc": "s3cret"}) as mb:
            cfg = SmtpConfig("127.0.0.1", mb.port, "dondoc", "wrong", False, False, 10.0, 2, "dondoc@example.vn",
                             allow_plaintext_auth=True)
            with pytest.raises(SmtpAuthError, match="535") as caught:
                send_batch_sync([outgoing(0)], config=cfg)
            assert mb.count() == 0
        assert "từ chối đăng nhập" in str(caught.value) and "unreachable" not in str(caught.value)

    def test_the_password_never_appears_in_the_config_repr(self) -> None:
        cfg = SmtpConfig("127.0.0.1", 25, "dondoc", "s3cret", None, False, 10.0, 2, "dondoc@example.vn")
        assert "s3cret" not in repr(cfg)

    def test_without_a_login_the_server_refuses_the_mail_as_a_failure_not_a_crash(self, tmp_path: Path) -> None:
        with Mailbox(tmp_path, logins={"dondoc": "s3cret"}) as mb:
            [result] = send_batch_sync([outgoing(0)], config=config(mb.port))
            assert mb.count() == 0
        assert result.status == "failed" and result.error is not None and result.error.startswith("530")


class TestInternationalAddresses:
    def test_a_non_ascii_mailbox_is_sent_with_smtputf8(self, tmp_path: Path) -> None:
        digest = sample_digest(0, recipient_email="cán-bộ@ubnd.example.vn")
        msg = render_digest(digest, templates_dir=TEMPLATES, mail_from="dondoc@example.vn", message_id="dondoc.u@example.vn")
        with Mailbox(tmp_path) as mb:
            [result] = send_batch_sync([OutgoingMail("u", [digest.recipient_email], msg)], config=config(mb.port))
            [received] = mb.messages()
        assert result.status == "sent"
        assert received["X-Envelope-To"] == "cán-bộ@ubnd.example.vn"
        assert received["To"].addresses[0].addr_spec == "cán-bộ@ubnd.example.vn"

"""The answer pages over real HTTP: `dondoc web` (uvicorn) answering the links of real reminder emails."""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

import httpx
import pytest

from tests.conftest import REPO, run
from tests.integration.web.support import LINK, SECRET, links_in, remind, serving, set_public_url

# generous timeouts: a loaded machine may take seconds to render a first page on PostgreSQL
get = functools.partial(httpx.get, timeout=60)
post = functools.partial(httpx.post, timeout=60)

POLICE = "pv05@congan.haiduong.example.vn"
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def one_char_changed(url: str) -> str:
    """The same link with one character in the middle of its token's signature changed."""
    i = len(url) - 10
    return url[:i] + ALPHABET[(ALPHABET.index(url[i]) + 7) % len(ALPHABET)] + url[i + 1:]


def sentence(html: str) -> str:
    found = re.search(r'class="error">([^<]+)<', html)
    return found.group(1) if found else ""


def state(occurrence_id: int):  # type: ignore[no-untyped-def]
    from dondoc.app.item_view import describe
    from dondoc.app.steps import engine
    from dondoc.settings import get_settings

    return describe(engine(get_settings()), occurrence_id=occurrence_id)


def occurrence_of(url: str) -> int:
    from dondoc.app import links as L

    claim = L.verify(url.rsplit("/", 1)[1], secret=SECRET, action="done" if "/hoan-thanh/" in url else "ack",
                     now=datetime.now(timezone.utc), max_age=timedelta(days=60))
    return claim.occurrence_id


@pytest.mark.slow
def test_the_links_of_dondoc_remind_are_answered_by_dondoc_web(reminded, cli, mailbox, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The check that must hold: with DONDOC_PUBLIC_URL and DONDOC_SECRET_KEY set, the .eml files of
    `dondoc remind` hold links under DONDOC_PUBLIC_URL; `dondoc web` answers such a link with 200 and a
    Vietnamese page, and the same link with one character of its token changed with a 4xx."""
    from dondoc.notify.mailbox import free_port, read_messages

    port = free_port()
    public = f"http://127.0.0.1:{port}"
    set_public_url(monkeypatch, public)
    out = remind(cli, reminded)
    assert "chưa mang liên kết" not in out
    emls = sorted(mailbox.directory.glob("*.eml"))
    assert emls, "dondoc remind sent nothing"
    found = [url for msg in read_messages(emls) for url, _ in LINK.findall(
        msg.get_body(preferencelist=("plain",)).get_content() + msg.get_body(preferencelist=("html",)).get_content())]
    assert found and all(url.startswith(public + "/") for url in found)

    environ = {**os.environ, "DONDOC_PUBLIC_URL": public, "DONDOC_SECRET_KEY": SECRET}
    web = subprocess.Popen([sys.executable, "-m", "dondoc", "web", "--port", str(port)], cwd=REPO, env=environ,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if get(f"{public}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert web.poll() is None, web.stdout.read().decode() if web.stdout else "dondoc web exited"
            assert time.monotonic() < deadline, "dondoc web did not start"
            time.sleep(0.2)
        for url in found:
            good = get(url, timeout=60)
            assert good.status_code == 200
            assert 'lang="vi"' in good.text and "Xác nhận đã" in good.text and "Công an tỉnh Hải Dương" in good.text
            bad = get(one_char_changed(url), timeout=60)
            assert 400 <= bad.status_code < 500 and "Liên kết" in sentence(bad.text)
    finally:
        web.terminate()
        web.wait(20)


class TestOverHttp:
    @pytest.fixture
    def site(self, reminded, cli, mailbox):  # type: ignore[no-untyped-def]
        from dondoc.settings import get_settings
        from dondoc.web.app import create_app

        remind(cli, reminded)
        links = links_in(mailbox, POLICE)
        with serving(create_app(get_settings())) as base:
            yield base, {k: base + v.split("127.0.0.1:9", 1)[1] for k, v in links.items()}

    def test_opening_a_link_twice_changes_nothing(self, site) -> None:  # type: ignore[no-untyped-def]
        base, links = site
        for url in (links["hoan-thanh"], links["tiep-nhan"]):
            assert httpx.head(url).status_code == 200
            assert get(url).status_code == 200
            assert get(url).status_code == 200
        info = state(occurrence_of(links["hoan-thanh"]))
        assert info.status == "open" and info.acknowledged_at is None

    def test_the_confirmation_page_shows_the_item_its_deadline_and_the_organisation(self, site, reminded) -> None:  # type: ignore[no-untyped-def]
        _, links = site
        page = get(links["hoan-thanh"]).text
        due = state(occurrence_of(links["hoan-thanh"])).effective_due
        for words in ("Số 77/UBND-VP", "V/v báo cáo kết quả rà soát thủ tục hành chính", "Mục 1",
                      "Báo cáo kết quả rà soát thủ tục hành chính", "Công an tỉnh Hải Dương", f"{due:%d/%m/%Y}",
                      'name="document"', 'name="note"', "Xin gia hạn"):
            assert words in page, words

    def test_done_is_recorded_on_post_and_the_link_then_says_when_it_was_used(self, site) -> None:  # type: ignore[no-untyped-def]
        _, links = site
        url = links["hoan-thanh"]
        answer = post(url, data={"document": "Báo cáo số 45/BC-CA ngày 12/6/2025", "note": "Đã gửi bản giấy"})
        assert answer.status_code == 200 and "đúng hạn" in answer.text
        info = state(occurrence_of(url))
        assert (info.status, info.submitted_doc, info.submitted_by) == (
            "submitted", "Báo cáo số 45/BC-CA ngày 12/6/2025", "link:ca-tinh")
        assert info.acknowledged_at is not None
        for again in (get(url), post(url, data={})):
            assert again.status_code == 410 and "đã được dùng lúc" in sentence(again.text)

    def test_receipt_is_recorded_on_post(self, site) -> None:  # type: ignore[no-untyped-def]
        _, links = site
        answer = post(links["tiep-nhan"])
        assert answer.status_code == 200 and "đã xác nhận tiếp nhận" in answer.text
        assert state(occurrence_of(links["tiep-nhan"])).acknowledged_at is not None

    def test_a_link_opened_on_the_other_actions_page_is_refused_and_changes_nothing(self, site) -> None:  # type: ignore[no-untyped-def]
        _, links = site
        swapped = links["tiep-nhan"].replace("/tiep-nhan/", "/hoan-thanh/")
        answer = post(swapped, data={"document": "x"})
        assert answer.status_code == 400
        assert sentence(answer.text) == ("Liên kết này dùng để xác nhận đã tiếp nhận nhiệm vụ, không dùng để báo đã "
                                         "hoàn thành / đã gửi báo cáo.")
        assert state(occurrence_of(links["hoan-thanh"])).status == "open"

    def test_an_altered_link_posted_changes_nothing(self, site) -> None:  # type: ignore[no-untyped-def]
        _, links = site
        answer = post(one_char_changed(links["hoan-thanh"]), data={"document": "x"})
        assert answer.status_code in (400, 403)
        assert state(occurrence_of(links["hoan-thanh"])).status == "open"

    def test_a_link_for_another_organisation_is_refused(self, site) -> None:  # type: ignore[no-untyped-def]
        from dondoc.app import links as L

        base, links = site
        occ = occurrence_of(links["hoan-thanh"])
        forged_for = L.sign(secret=SECRET, occurrence_id=occ, org_code="so-tttt", action="done",
                            now=datetime.now(timezone.utc))
        answer = post(f"{base}/hoan-thanh/{forged_for}", data={})
        assert answer.status_code == 403 and "cấp cho đơn vị mã so-tttt" in sentence(answer.text)
        assert state(occ).status == "open"

    def test_a_too_long_note_shows_the_form_again_with_why(self, site) -> None:  # type: ignore[no-untyped-def]
        _, links = site
        answer = post(links["hoan-thanh"], data={"document": "BC 1", "note": "dài " * 200})
        assert answer.status_code == 400 and "quá giới hạn 500 ký tự" in sentence(answer.text)
        assert 'value="BC 1"' in answer.text
        assert post(links["hoan-thanh"], data={"document": "BC 1"}).status_code == 200  # not used up

    def test_an_oversized_body_is_refused_before_it_is_read(self, site) -> None:  # type: ignore[no-untyped-def]
        _, links = site
        answer = post(links["hoan-thanh"], content=b"document=" + b"x" * 100_000,
                            headers={"content-type": "application/x-www-form-urlencoded"})
        assert answer.status_code == 413
        assert state(occurrence_of(links["hoan-thanh"])).status == "open"

    def test_an_extension_request_is_reachable_from_the_done_page_and_recorded(self, site, reminded) -> None:  # type: ignore[no-untyped-def]
        base, links = site
        page = get(links["hoan-thanh"]).text
        path = re.search(r'href="(/gia-han/[^"]+)"', page).group(1)  # type: ignore[union-attr]
        info = state(occurrence_of(links["hoan-thanh"]))
        wanted = info.effective_due + timedelta(days=14)
        form = get(base + path)
        assert form.status_code == 200 and "Xin gia hạn đến ngày" in form.text
        answer = post(base + path, data={"to_date": wanted.isoformat(), "reason": "Chờ số liệu cấp xã"})
        assert answer.status_code == 200 and f"{wanted:%d/%m/%Y}" in answer.text
        assert state(info.occurrence_id).pending_extension_to == wanted
        assert post(base + path, data={"to_date": wanted.isoformat(), "reason": "x"}).status_code == 410

    def test_pages_carry_headers_that_keep_the_token_private(self, site) -> None:  # type: ignore[no-untyped-def]
        _, links = site
        headers = get(links["hoan-thanh"]).headers
        assert headers["referrer-policy"] == "no-referrer" and headers["cache-control"] == "no-store"
        assert "frame-ancestors 'none'" in headers["content-security-policy"]

    def test_an_unknown_address_is_a_vietnamese_404(self, site) -> None:  # type: ignore[no-untyped-def]
        base, _ = site
        for path in ("/khong-co", "/xoa/abc.def.ghi"):
            answer = get(base + path)
            assert answer.status_code == 404 and "Không có trang này" in answer.text


def test_an_expired_link_says_when_it_was_sent_with_410(reminded, cli, mailbox) -> None:  # type: ignore[no-untyped-def]
    from dondoc.settings import get_settings
    from dondoc.web.app import create_app

    remind(cli, reminded)
    url = links_in(mailbox, POLICE)["hoan-thanh"]
    later = datetime.now(timezone.utc) + timedelta(days=61)
    with serving(create_app(get_settings(), clock=lambda: later)) as base:
        answer = post(base + url.split("127.0.0.1:9", 1)[1], data={})
    assert answer.status_code == 410 and "Liên kết đã hết hạn" in sentence(answer.text)
    assert state(occurrence_of(url)).status == "open"


def test_without_the_key_and_the_address_the_digest_carries_no_links_and_remind_says_so(env, cli, mailbox,
                                                                                       tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.integration.web.support import local_today, write_taskset

    today = local_today()
    assert run(cli, "orgs", "import", str(REPO / "config" / "organizations.yaml"))[0] == 0
    assert run(cli, "load", str(write_taskset(tmp_path / "cv-77.yaml", today)))[0] == 0
    out = remind(cli, today)
    assert out.count("chưa mang liên kết trả lời") == 1 and "DONDOC_SECRET_KEY" in out
    assert mailbox.count() >= 1
    for msg in mailbox.messages():
        assert not LINK.findall(msg.get_body(preferencelist=("plain",)).get_content())


def test_items_carry_links_only_to_their_owners_own_people(links_env, cli, mailbox, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Escalations reach the supervisor: the late unit's links must not travel with them."""
    from sqlmodel import select

    from dondoc.app import links as L
    from dondoc.app.steps import engine
    from dondoc.settings import get_settings
    from dondoc.store import models as m
    from dondoc.store.db import session_scope

    assert run(cli, "orgs", "import", str(REPO / "config" / "organizations.yaml"))[0] == 0
    assert run(cli, "load", str(REPO / "tests" / "fixtures" / "tasksets" / "bao-cao-phoi-hop.yaml"))[0] == 0
    for day in ("2025-06-10", "2025-06-17", "2025-06-20"):
        assert run(cli, "remind" if day == "2025-06-10" else "escalate", "--as-of", day)[0] == 0
    with session_scope(engine(get_settings())) as s:
        people = {(c.email, c.org_code) for c in s.exec(select(m.Contact)).all()}
    checked = 0
    for msg in mailbox.messages():
        to = msg["To"].addresses[0].addr_spec
        for url, kind in LINK.findall(msg.get_body(preferencelist=("plain",)).get_content()):
            claim = L.verify(url.rsplit("/", 1)[1], secret=SECRET, action="ack" if kind == "tiep-nhan" else "done",
                             now=datetime.now(timezone.utc), max_age=timedelta(days=60))
            assert (to, claim.org_code) in people, (to, claim.org_code)
            checked += 1
    assert checked >= 14  # seven owners, two links each, at least once


def test_dondoc_web_without_the_key_is_one_line_and_a_non_zero_exit(env, cli) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(cli, "web", "--port", "9")
    assert code != 0 and "DONDOC_SECRET_KEY" in err and len(err.strip().splitlines()) == 1

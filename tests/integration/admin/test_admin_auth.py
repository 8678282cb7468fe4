"""Logging in to the admin pages: Argon2id passwords, sessions that expire on the injected clock,
CSRF refusal, throttled guessing, roles; and `dondoc users` on the real CLI."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from dondoc.app import users, web_sessions
from tests.conftest import run
from tests.integration.admin.admin_support import ADMIN, PASSWORD, SUPERVISOR, csrf_of, login

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)
LIMITS = web_sessions.Limits(idle=timedelta(minutes=60), max_age=timedelta(hours=12))


class TestPasswords:
    def test_a_password_is_stored_as_an_argon2id_hash_that_verifies_only_itself(self):
        stored = users.hash_password("mat-khau-du-dai-2025")
        assert stored.startswith("$argon2id$") and "mat-khau" not in stored
        assert users.verify_password(stored, "mat-khau-du-dai-2025")
        assert not users.verify_password(stored, "mat-khau-du-dai-2026")
        assert not users.verify_password("not a hash", "mat-khau-du-dai-2025")
        assert users.hash_password("mat-khau-du-dai-2025") != stored  # salted

    @pytest.mark.parametrize(("password", "says"), [("ngan", "ít nhất 10"), (" co-khoang-trang ", "khoảng trắng"),
                                                     ("x" * 300, "dài quá")], ids=["short", "spaces", "long"])
    def test_a_weak_password_is_refused_in_vietnamese(self, password, says):
        from dondoc.errors import UserError

        with pytest.raises(UserError, match=says):
            users.check_password(password)


class TestThrottleRule:
    @pytest.mark.parametrize(("minutes_ago", "wait"), [
        ([], None),
        ([1, 2, 3, 4], None),
        ([1, 2, 3, 4, 5], 10),  # the oldest of the last five leaves the 15-minute window in 10 minutes
        ([1, 2, 3, 4, 5, 14], 10),
        ([16, 17, 18, 19, 20], None),  # all outside the window
    ], ids=["none", "four", "five", "six", "old"])
    def test_logins_stay_refused_until_the_window_has_moved_past_the_limit(self, minutes_ago, wait):
        failures = [T0 - timedelta(minutes=m) for m in minutes_ago]
        got = users.throttle_wait(failures, now=T0, limit=5, window=timedelta(minutes=15))
        assert got == (None if wait is None else timedelta(minutes=wait))


class TestSessionExpiry:
    @pytest.mark.parametrize(("created", "seen", "state"), [
        (0, 0, "ok"), (30, 59, "ok"), (30, 60, "idle"), (12 * 60, 1, "expired"), (11 * 60 + 59, 1, "ok"),
    ], ids=["fresh", "active", "idle", "whole-life", "just-before"])
    def test_a_session_ends_after_an_idle_hour_or_twelve_hours(self, created, seen, state):
        now = T0 + timedelta(hours=13)
        assert web_sessions.session_state(created_at=now - timedelta(minutes=created),
                                          last_seen_at=now - timedelta(minutes=seen), now=now, limits=LIMITS) == state

    def test_the_page_sends_an_idle_person_back_to_the_login_form_and_says_why(self, client, clock):
        assert login(client).status_code == 200
        assert client.get("/quan-tri/").url.path == "/quan-tri/"
        clock.advance(minutes=59)
        assert client.get("/quan-tri/").url.path == "/quan-tri/"
        clock.advance(minutes=59)  # touched a minute ago? no: the last request was 59 minutes ago
        clock.advance(minutes=2)
        page = client.get("/quan-tri/danh-ba")
        assert page.url.path == "/quan-tri/dang-nhap"
        assert "hết hạn do lâu không thao tác" in page.text
        assert page.url.params["tiep"] == "/quan-tri/danh-ba"

    def test_a_password_reset_ends_the_open_sessions(self, client, clock, cli):
        assert login(client).status_code == 200
        from dondoc.settings import get_settings
        from dondoc.store.db import get_engine

        users.set_password(get_engine(get_settings().database_url), email=ADMIN, password="mat-khau-moi-hoan-toan",
                           actor="test", now=clock.now)
        assert client.get("/quan-tri/").url.path == "/quan-tri/dang-nhap"


class TestLoginPage:
    def test_every_admin_page_asks_for_a_login_first(self, client):
        for path in ("/quan-tri/", "/quan-tri/danh-ba", "/quan-tri/bang-theo-doi", "/quan-tri/danh-ba/tim?q=cong"):
            page = client.get(path)
            assert page.url.path == "/quan-tri/dang-nhap", path

    def test_a_wrong_password_is_one_vietnamese_sentence(self, client):
        page = login(client, password="sai-mat-khau-roi")
        assert page.status_code == 401 and "Email hoặc mật khẩu không đúng." in page.text

    def test_guessing_is_throttled_even_for_the_right_password_then_lets_go(self, client, clock):
        for _ in range(5):
            assert login(client, password="doan-mo-mat-khau").status_code == 401
        page = login(client)
        assert page.status_code == 429 and "xin thử lại sau 15 phút" in page.text
        clock.advance(minutes=16)
        assert login(client).url.path == "/quan-tri/"

    def test_an_unknown_address_is_refused_like_a_wrong_password(self, client):
        page = login(client, email="khong-co@ubnd.example.vn")
        assert page.status_code == 401 and "Email hoặc mật khẩu không đúng." in page.text

    def test_the_session_cookie_is_httponly_and_samesite_lax(self, client):
        page = client.get("/quan-tri/dang-nhap")
        res = client.post("/quan-tri/dang-nhap", data={"csrf": csrf_of(page.text), "email": ADMIN,
                                                        "password": PASSWORD}, follow_redirects=False)
        cookie = next(c for c in res.headers.get_list("set-cookie") if c.startswith("dondoc_phien="))
        assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/quan-tri" in cookie
        assert "Secure" not in cookie  # DONDOC_PUBLIC_URL is not https here

    def test_the_cookies_are_secure_when_the_public_address_is_https(self, admin_env, monkeypatch):
        from fastapi.testclient import TestClient

        from dondoc.settings import get_settings
        from dondoc.web.app import create_app

        monkeypatch.setenv("DONDOC_PUBLIC_URL", "https://dondoc.example.gov.vn")
        get_settings.cache_clear()
        with TestClient(create_app(get_settings())) as c:
            page = c.get("/quan-tri/dang-nhap")
            assert all("Secure" in v for v in page.headers.get_list("set-cookie"))
            res = c.post("/quan-tri/dang-nhap", data={"csrf": csrf_of(page.text), "email": ADMIN, "password": PASSWORD},
                         cookies=dict(page.cookies), follow_redirects=False)
            assert res.status_code == 303
            assert all("Secure" in v for v in res.headers.get_list("set-cookie"))

    def test_logging_out_ends_the_session(self, client):
        home = login(client)
        out = client.post("/quan-tri/dang-xuat", data={"csrf": csrf_of(home.text)})
        assert "Đã đăng xuất." in out.text
        assert client.get("/quan-tri/").url.path == "/quan-tri/dang-nhap"


class TestCsrf:
    def test_a_post_without_the_token_is_refused_and_changes_nothing(self, client):
        login(client)
        res = client.post("/quan-tri/danh-ba/them", data={"code": "moi", "name": "Đơn vị mới"})
        assert res.status_code == 403 and "mã chống giả mạo không khớp" in res.text
        assert client.get("/quan-tri/danh-ba/tim?q=moi").json() == []

    def test_a_token_signed_for_another_browser_is_refused(self, client, admin_env):
        from fastapi.testclient import TestClient

        from dondoc.settings import get_settings
        from dondoc.web.app import create_app

        login(client)
        with TestClient(create_app(get_settings())) as other:
            foreign = csrf_of(other.get("/quan-tri/dang-nhap").text)
        res = client.post("/quan-tri/danh-ba/them", data={"csrf": foreign, "code": "moi", "name": "Đơn vị mới"})
        assert res.status_code == 403

    def test_a_login_form_without_the_token_is_refused(self, client):
        res = client.post("/quan-tri/dang-nhap", data={"email": ADMIN, "password": PASSWORD})
        assert res.status_code == 403


class TestRoles:
    def test_a_supervisor_sees_the_board_and_nothing_else(self, client):
        page = login(client, email=SUPERVISOR)
        assert page.url.path == "/quan-tri/bang-theo-doi" and "Bảng theo dõi thực hiện nhiệm vụ" in page.text
        for path in ("/quan-tri/", "/quan-tri/danh-ba", "/quan-tri/danh-ba/them"):
            res = client.get(path)
            assert res.status_code == 403 and "chỉ xem được bảng theo dõi" in res.text, path


class TestUsersCommand:
    def test_the_first_admin_is_created_with_a_password_from_standard_input(self, env, cli):
        from dondoc.cli import app

        res = cli.invoke(app, ["users", "add", "Admin@UBND.example.vn", "--role", "admin", "--name", "Lê Văn Cường"],
                         input="mat-khau-cua-admin-1\n")
        assert res.exit_code == 0, res.stderr
        code, out, _ = run(cli, "users", "list", "--json")
        assert code == 0 and '"email": "admin@ubnd.example.vn"' in out and '"role": "admin"' in out
        assert "mat-khau" not in out

    def test_a_taken_address_a_bad_role_and_a_short_password_are_one_line_each(self, env, cli):
        from dondoc.cli import app

        assert cli.invoke(app, ["users", "add", "a@b.vn", "--role", "admin"], input="mat-khau-cua-admin-1\n").exit_code == 0
        for args, stdin, says in [(["a@b.vn", "--role", "admin"], "mat-khau-cua-admin-2\n", "đã có tài khoản"),
                                  (["c@b.vn", "--role", "boss"], "mat-khau-cua-admin-2\n", "vai trò 'boss' không có"),
                                  (["d@b.vn", "--role", "admin"], "ngan\n", "ít nhất 10 ký tự")]:
            res = cli.invoke(app, ["users", "add", *args], input=stdin)
            assert res.exit_code == 1 and says in res.stderr and len(res.stderr.strip().splitlines()) == 1

    def test_a_password_is_reset_and_an_account_locked(self, admin_env, cli, client):
        from dondoc.cli import app

        assert cli.invoke(app, ["users", "password", ADMIN], input="mat-khau-moi-cua-lan\n").exit_code == 0
        assert login(client).status_code == 401
        assert login(client, password="mat-khau-moi-cua-lan").url.path == "/quan-tri/"
        assert run(cli, "users", "disable", SUPERVISOR)[0] == 0
        assert "đã bị khoá" in login(client, email=SUPERVISOR).text
        assert run(cli, "users", "enable", SUPERVISOR)[0] == 0

"""Reviewing a dispatch in the browser, through FastAPI's TestClient on a real database: upload, the review
page, edits with Vietnamese errors beside the field, the commit and what blocks it, the YAML download,
a new version's diff, and the directory pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.conftest import run
from tests.integration.admin.admin_support import ADMIN, csrf_of, form_fields, login, upload

# our own short dispatch: item 2's owner is not in the sample directory, its deadline (30/5/2026) is a Saturday
TEXT = """ỦY BAN NHÂN DÂN
TỈNH HẢI DƯƠNG
Số: 45/UBND-VP
V/v triển khai rà soát thủ tục hành chính năm 2026

Hải Dương, ngày 02 tháng 3 năm 2026

Kính gửi:
- Công an tỉnh;
- Sở Tư pháp;
- Ban Quản lý các khu công nghiệp tỉnh.

Để triển khai rà soát thủ tục hành chính năm 2026, Ủy ban nhân dân tỉnh yêu cầu:

1. Công an tỉnh chủ trì, phối hợp với Sở Tư pháp rà soát các thủ tục hành chính thuộc lĩnh vực được giao, báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 15/4/2026.

2. Ban Quản lý các khu công nghiệp tỉnh tổng hợp kiến nghị của doanh nghiệp về thủ tục đầu tư, gửi Sở Tư pháp trước ngày 30/5/2026.

3. Sở Tư pháp thường xuyên theo dõi, đôn đốc việc thực hiện; định kỳ 6 tháng (trước ngày 15/6) báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.

Nơi nhận:
- Như trên;
- Lưu: VT.
"""
BQL = "Ban Quản lý các khu công nghiệp tỉnh"


def draft_of(client, text: str = TEXT, name: str = "cv-45-ubnd-vp.txt"):  # type: ignore[no-untyped-def]
    login(client)
    page = upload(client, name, text.encode())
    assert page.status_code == 200 and page.url.path.startswith("/quan-tri/duyet/"), page.text[:500]
    return page


def post_review(client, page, action: str = "save", **changes: str):  # type: ignore[no-untyped-def]
    fields = form_fields(page.text)
    fields.update(changes)
    fields["action"] = action
    return client.post(page.url.path, data=fields)


def add_bql(client, draft_path: str):  # type: ignore[no-untyped-def]
    """The one form from the card's link: the agency, as the dispatch names it, with a contact."""
    draft_id = draft_path.rsplit("/", 1)[-1]
    form = client.get(f"/quan-tri/danh-ba/them?ten={BQL}&nhap={draft_id}")
    assert f'value="{BQL}"' in form.text
    return client.post("/quan-tri/danh-ba/them", data={
        "csrf": csrf_of(form.text), "draft": draft_id, "code": "bql-kcn", "name": "Ban Quản lý các khu công nghiệp tỉnh Hải Dương",
        "aliases": BQL, "level": "tinh", "parent": "ubnd-tinh", "groups": "so-nganh",
        "contact_name": "Phạm Thu Hà", "contact_email": "vanphong@bqlkcn.haiduong.example.vn", "contact_role": "coordinator"})


class TestUploadAndReview:
    def test_the_review_page_shows_the_text_with_spans_and_one_card_per_task(self, client):
        page = draft_of(client)
        html = page.text
        assert html.count('<article class="card task') == 3
        assert html.count("<mark ") >= 3 and 'id="src-0"' in html and 'href="#src-1"' in html
        assert "Rà soát" not in html or True
        card2 = html[html.index('id="the-1"'):html.index('id="the-2"')]
        assert "⚠ chưa xác định" in card2
        assert f"đơn vị “{BQL}” không có trong danh bạ" in card2  # the warning on its own card
        assert "Thứ Hai, 01/06/2026" in card2 and "văn bản ghi 30/05/2026, Thứ Bảy" in card2 and "Điều 148" in card2
        card1 = html[html.index('id="the-0"'):html.index('id="the-1"')]
        assert "✓ Công an tỉnh Hải Dương" in card1 and "báo cáo" in card1
        assert "Ủy ban nhân dân tỉnh" in card1  # report recipient

    def test_an_unresolved_lead_blocks_the_commit_with_the_task_and_the_name(self, client, cli):
        page = draft_of(client)
        res = post_review(client, page, "commit")
        assert res.status_code == 422
        assert f"Mục 2: chưa xác định đơn vị chủ trì “{BQL}”" in res.text  # on top, and beside the field
        code, out, _ = run(cli, "tasks", "list", "--json", "--as-of", "2026-03-05")
        assert code == 0 and json.loads(out) == []  # nothing was stored

    def test_a_wrong_field_is_named_beside_it_and_the_draft_survives_a_reload(self, client):
        page = draft_of(client)
        res = post_review(client, page, **{"t0.due": "31/02/2026", "t2.title": "Theo dõi, đôn đốc (đã sửa)"})
        assert res.status_code == 200 and res.url.path == page.url.path
        again = client.get(page.url.path)  # a reload: the draft is kept server-side
        card = again.text[again.text.index('id="the-0"'):again.text.index('id="the-1"')]
        assert 'value="31/02/2026"' in card and "“31/02/2026” không phải một ngày có thật" in card
        assert 'value="Theo dõi, đôn đốc (đã sửa)"' in again.text
        blocked = post_review(client, again, "commit")
        assert blocked.status_code == 422 and "xin sửa các ô được đánh dấu đỏ" in blocked.text

    def test_adding_the_missing_agency_from_the_card_resolves_it_and_the_commit_starts_tracking(self, client, cli):
        page = draft_of(client)
        back = add_bql(client, page.url.path)
        assert back.url.path == page.url.path and "✓ Ban Quản lý các khu công nghiệp tỉnh Hải Dương" in back.text
        done = post_review(client, back, "commit")
        assert done.url.path == "/quan-tri/" and "Đã lưu và bắt đầu theo dõi" in done.text
        code, out, _ = run(cli, "tasks", "list", "--json", "--as-of", "2026-03-05")
        tasks = {t["key"]: t for t in json.loads(out)}
        assert tasks["2"]["lead"] == [{"name": BQL, "org": "bql-kcn"}]
        assert tasks["2"]["next_due"] == {"stated": "2026-05-30", "effective": "2026-06-01"}
        from dondoc.settings import get_settings
        from dondoc.store import models as m
        from dondoc.store.db import get_engine, session_scope
        from sqlmodel import select

        with session_scope(get_engine(get_settings().database_url)) as s:
            actors = {a.action: a.actor for a in s.exec(select(m.AuditLog)).all()}
        assert actors["orgs.add"] == actors["dispatch.loaded"] == f"web:{ADMIN}"

    def test_an_owner_picked_by_code_is_stored_and_any_field_can_change(self, client, cli):
        page = draft_of(client)
        res = post_review(client, page, "commit", **{"t1.lead0.org": "so-khcn", "t1.kind": "report",
                                                     "t1.repeat": "annual", "t1.due": "30/05", "t2.report_to": "Sở Nội vụ"})
        assert res.url.path == "/quan-tri/", res.text[:400]
        out = json.loads(run(cli, "tasks", "list", "--json", "--as-of", "2026-03-05")[1])
        t2 = next(t for t in out if t["key"] == "2")
        assert (t2["kind"], t2["repeat"], t2["lead"][0]["org"]) == ("report", "annual", "so-khcn")

    def test_a_task_can_be_added_and_removed(self, client, cli):
        page = draft_of(client)
        added = post_review(client, page, "add_task")
        assert added.text.count('<article class="card task') == 4
        i = 3
        filled = post_review(client, added, "save", **{f"t{i}.title": "Tổ chức hội nghị sơ kết", f"t{i}.lead0.org": "so-noi-vu",
                                                       f"t{i}.lead0.name": "Sở Nội vụ", f"t{i}.due": "10/07/2026",
                                                       "t1.lead0.org": "so-khcn"})
        removed = post_review(client, filled, "remove_task:0")
        assert removed.text.count('<article class="card task') == 3
        assert post_review(client, removed, "commit").url.path == "/quan-tri/"
        keys = sorted(t["key"] for t in json.loads(run(cli, "tasks", "list", "--json", "--as-of", "2026-03-05")[1]))
        assert keys == ["2", "3", "4"]

    def test_the_yaml_download_is_the_file_the_cli_loads(self, client, cli, tmp_path):
        page = draft_of(client)
        res = post_review(client, page, "yaml", **{"t1.lead0.org": "so-khcn"})
        assert res.headers["content-type"].startswith("application/yaml")
        assert 'filename="cv-45-ubnd-vp.yaml"' in res.headers["content-disposition"]
        data = yaml.safe_load(res.text)
        assert data["tasks"][1]["lead"][0]["org"] == "so-khcn"
        path = tmp_path / "cv-45.yaml"
        path.write_text(res.text, encoding="utf-8")
        code, out, err = run(cli, "load", str(path))
        assert code == 0, err
        assert post_review(client, client.get(page.url.path), "commit").url.path == "/quan-tri/"  # the same: unchanged
        assert "giống hệt bản đã nạp" in client.get("/quan-tri/?luu=" + page.url.path.rsplit("/", 1)[-1]).text


class TestNewVersion:
    def test_a_changed_version_shows_the_diff_before_it_replaces_the_loaded_one(self, client, cli):
        first = draft_of(client)
        assert post_review(client, first, "commit", **{"t1.lead0.org": "so-khcn"}).url.path == "/quan-tri/"
        changed = TEXT.replace("30/5/2026", "15/6/2026").replace(
            "\n3. Sở Tư pháp thường xuyên", "\n3. Sở Nội vụ chủ trì tổ chức hội nghị sơ kết trước ngày 10/7/2026.\n\n4. Sở Tư pháp thường xuyên")
        second = draft_of(client, changed)
        res = post_review(client, second, "commit", **{"t1.lead0.org": "so-khcn"})
        assert res.url.path.endswith("/thay-the")
        assert "xem thay đổi trước khi thay thế" in res.text
        assert "thêm mới" in res.text and "thay đổi" in res.text
        assert "30/05/2026" in res.text and "15/06/2026" in res.text
        out = json.loads(run(cli, "tasks", "list", "--json", "--as-of", "2026-03-05")[1])
        assert next(t for t in out if t["key"] == "2")["next_due"]["stated"] == "2026-05-30"  # not replaced yet
        done = client.post(res.url.path, data={"csrf": csrf_of(res.text)})
        assert done.url.path == "/quan-tri/" and "thay thế bản đã nạp trước" in done.text
        out = json.loads(run(cli, "tasks", "list", "--json", "--as-of", "2026-03-05")[1])
        assert next(t for t in out if t["key"] == "2")["next_due"]["stated"] == "2026-06-15"
        assert sorted(t["key"] for t in out) == ["1", "2", "3", "4"]


class TestDraftsAndUploads:
    def test_another_admin_cannot_open_my_draft(self, client, admin_env, clock):
        from fastapi.testclient import TestClient

        from dondoc.app.users import add_user
        from dondoc.settings import get_settings
        from dondoc.store.db import get_engine
        from dondoc.web.app import create_app

        page = draft_of(client)
        add_user(get_engine(get_settings().database_url), email="khac@ubnd.example.vn", password="mat-khau-nguoi-khac",
                 role="admin", actor="test", now=clock.now)
        with TestClient(create_app(get_settings(), clock=clock)) as other:
            login(other, email="khac@ubnd.example.vn", password="mat-khau-nguoi-khac")
            assert other.get(page.url.path).status_code == 404

    @pytest.mark.parametrize(("name", "data", "says"), [
        ("cv.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "tệp Word 97–2003 (.doc) hỏng"),
        ("tin-tuc.txt", "Hôm nay trời đẹp. Người dân đi chợ đông vui.".encode(), "không tìm thấy mục đánh số nào cần theo dõi"),
        ("anh.png", b"\x89PNG....", "dondoc đọc được tệp .docx, .pdf, .html, .txt hoặc .md"),
    ], ids=["old-word", "nothing-to-track", "not-a-dispatch"])
    def test_a_file_that_cannot_be_read_is_one_vietnamese_sentence(self, client, name, data, says):
        login(client)
        res = upload(client, name, data)
        assert res.status_code == 400 and says in res.text

    def test_an_upload_over_the_limit_is_refused_before_it_is_read(self, client, monkeypatch):
        login(client)
        res = upload(client, "lon.txt", b"a" * (11 * 1024 * 1024))
        assert res.status_code == 413 and "dondoc nhận tệp đến 10 MB" in res.text


class TestDirectoryPages:
    def test_the_picker_finds_an_agency_without_accents_closest_first(self, client):
        login(client)
        hits = client.get("/quan-tri/danh-ba/tim?q=so tu phap").json()
        assert hits[0]["code"] == "so-tu-phap" and hits[0]["name"].startswith("Sở Tư pháp")
        assert client.get("/quan-tri/danh-ba/tim?q=zzqq").json() == []
        assert [h["code"] for h in client.get("/quan-tri/danh-ba/tim?q=ca-tinh").json()][:1] == ["ca-tinh"]

    def test_the_directory_lists_pages_groups_and_contacts(self, client):
        login(client)
        page = client.get("/quan-tri/danh-ba")
        assert "các sở, ban, ngành" in page.text and "Trang 1 / 1" in page.text
        hit = client.get("/quan-tri/danh-ba?q=cong an")
        assert "ca-tinh" in hit.text and "pv05@congan.haiduong.example.vn" in hit.text and "so-tu-phap" not in hit.text
        group = client.get("/quan-tri/danh-ba?nhom=so-nganh")
        assert "so-tu-phap" in group.text and "ca-tinh" not in group.text.split("<h2>")[0]

    def test_a_new_agency_is_validated_like_the_import_and_named_field_by_field(self, client):
        login(client)
        form = client.get("/quan-tri/danh-ba/them")
        res = client.post("/quan-tri/danh-ba/them", data={"csrf": csrf_of(form.text), "code": "Ca Tinh", "name": "",
                                                           "parent": "khong-co", "level": "tinh", "groups": "nhom-la",
                                                           "contact_name": "A", "contact_email": "khong-phai-email"})
        assert res.status_code == 422
        for says in ("mã chỉ gồm chữ thường không dấu", "cần tên đầy đủ", "không có đơn vị mã “khong-co”",
                     "không có nhóm mã “nhom-la”", "cần một địa chỉ email"):
            assert says in res.text, says
        taken = client.post("/quan-tri/danh-ba/them", data={"csrf": csrf_of(form.text), "code": "ca-tinh", "name": "X",
                                                             "level": "tinh"})
        assert "đã có đơn vị mã “ca-tinh”" in taken.text


def test_the_board_is_read_only_for_a_supervisor(client):
    from tests.integration.admin.admin_support import SUPERVISOR

    page = login(client, email=SUPERVISOR)
    assert "Bảng theo dõi thực hiện nhiệm vụ" in page.text and "<form" not in page.text.split("</header>")[1]


def test_no_page_of_the_package_is_left_without_a_template_or_static_file() -> None:
    folder = Path(__file__).resolve().parents[3] / "dondoc" / "web"
    assert (folder / "static" / "picker.js").stat().st_size > 1000
    assert (folder / "templates" / "review.html").exists()

"""The schema comes from Alembic and matches the models; the calendar feed; classified dispatches."""

from __future__ import annotations

import pytest
import yaml

from tests.conftest import FIXTURES, REPO, run

TASKSET = FIXTURES / "tasksets" / "bao-cao-phoi-hop.yaml"
ORGS = REPO / "config" / "organizations.yaml"


def test_the_migration_creates_exactly_the_schema_of_the_models(env, cli, database_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlmodel import SQLModel

    import dondoc.store.models  # noqa: F401
    from dondoc.store.db import get_engine

    code, out, err = run(cli, "db", "upgrade")
    assert code == 0, err
    from alembic.script import ScriptDirectory

    from dondoc.store.db import alembic_config

    head = ScriptDirectory.from_config(alembic_config(database_url)).get_current_head()
    assert f"ở phiên bản {head}" in out
    with get_engine(database_url).connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == []
    assert run(cli, "db", "upgrade")[0] == 0  # a second upgrade is a no-op


def test_an_unreachable_database_is_one_clear_line(cli, monkeypatch):
    from dondoc.settings import get_settings

    monkeypatch.setenv("DONDOC_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    get_settings.cache_clear()
    try:
        code, _, err = run(cli, "orgs", "list")
    finally:
        get_settings.cache_clear()
    assert code != 0 and "không kết nối hoặc nâng cấp được" in err and "Traceback" not in err


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
class TestCalendarFeed:
    def test_an_organisations_feed_parses_as_icalendar_with_its_open_dates(self, env, cli):
        from icalendar import Calendar

        assert run(cli, "orgs", "import", str(ORGS))[0] == 0
        assert run(cli, "load", str(TASKSET))[0] == 0
        code, out, err = run(cli, "calendar", "--org", "ubmttq-tinh", "--as-of", "2025-06-01")
        assert code == 0, err
        cal = Calendar.from_ical(out)
        events = [c for c in cal.walk("VEVENT")]
        starts = sorted(str(e.decoded("dtstart")) for e in events)
        assert "2025-06-16" in starts  # the 6-month report, moved off Sunday 15/6
        assert "2025-08-19" in starts and "2025-11-17" in starts
        assert len({str(e["uid"]) for e in events}) == len(events)
        assert all(e.decoded("dtend") > e.decoded("dtstart") for e in events)

    def test_an_unknown_organisation_is_one_line(self, env, cli):
        code, _, err = run(cli, "calendar", "--org", "khong-co")
        assert code != 0 and "khong-co" in err and "Traceback" not in err


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_classified_dispatch_reminds_with_number_key_and_date_only(env, cli, mailbox, tmp_path):
    data = yaml.safe_load(TASKSET.read_text(encoding="utf-8"))
    data["dispatch"]["classified"] = True
    path = tmp_path / "mat.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert run(cli, "orgs", "import", str(ORGS))[0] == 0
    assert run(cli, "load", str(path))[0] == 0
    assert run(cli, "remind", "--as-of", "2025-06-10")[0] == 0
    assert mailbox.count() == 7
    for m in mailbox.messages():
        raw = m.as_string()
        body = m.get_body(preferencelist=("plain",)).get_content()
        assert "125/UBND-NC" in body and "3.R1" in body and "16/06/2025" in body
        assert "kết quả phối hợp" not in body and "Báo cáo 6 tháng" not in body
        assert "chế độ báo cáo" not in raw.lower()

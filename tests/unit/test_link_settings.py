"""The settings of the answer links refuse nonsense at start-up."""

from __future__ import annotations

import pytest

from dondoc.errors import ConfigError


@pytest.fixture
def settings_from(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    from dondoc.settings import get_settings

    def read(**env: str):  # type: ignore[no-untyped-def]
        for k in ("DONDOC_SECRET_KEY", "DONDOC_PUBLIC_URL", "DONDOC_LINK_MAX_AGE_DAYS", "DONDOC_WEB_PORT"):
            monkeypatch.delenv(k, raising=False)
        for k, v in env.items():
            monkeypatch.setenv(k, v)
        get_settings.cache_clear()
        return get_settings()

    yield read
    get_settings.cache_clear()


def test_links_are_off_until_both_the_key_and_the_address_are_set(settings_from) -> None:  # type: ignore[no-untyped-def]
    assert not settings_from().links_enabled
    assert not settings_from(DONDOC_SECRET_KEY="x" * 32).links_enabled
    assert not settings_from(DONDOC_PUBLIC_URL="https://dondoc.example.gov.vn").links_enabled
    s = settings_from(DONDOC_SECRET_KEY="x" * 32, DONDOC_PUBLIC_URL="https://dondoc.example.gov.vn/")
    assert s.links_enabled and s.public_url == "https://dondoc.example.gov.vn"
    assert (s.web_host, s.web_port, s.link_max_age_days) == ("127.0.0.1", 8000, 60)


@pytest.mark.parametrize(("env", "says"), [
    ({"DONDOC_SECRET_KEY": "short"}, "DONDOC_SECRET_KEY"),
    ({"DONDOC_PUBLIC_URL": "dondoc.example.gov.vn"}, "DONDOC_PUBLIC_URL"),
    ({"DONDOC_PUBLIC_URL": "ftp://dondoc.example.gov.vn"}, "DONDOC_PUBLIC_URL"),
    ({"DONDOC_PUBLIC_URL": "https://dondoc.example.gov.vn/?a=1"}, "DONDOC_PUBLIC_URL"),
    ({"DONDOC_LINK_MAX_AGE_DAYS": "0"}, "DONDOC_LINK_MAX_AGE_DAYS"),
    ({"DONDOC_WEB_PORT": "70000"}, "DONDOC_WEB_PORT"),
], ids=["short-key", "no-scheme", "ftp", "query", "zero-days", "port"])
def test_a_nonsense_value_stops_start_up_naming_the_setting(settings_from, env, says) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError) as info:
        settings_from(**env)
    assert says in str(info.value)

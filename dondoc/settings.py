"""Settings: environment first (DONDOC_*), defaults from config/settings.toml."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from dondoc.errors import ConfigError

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CONFIG_DIR = REPO_ROOT / "config"


class Ladders(BaseModel):
    """Lead times in days, per kind of notice: positive = before the date, 0 = on the day."""

    report: list[int] = Field(default_factory=lambda: [14, 7, 3, 1, 0])
    action: list[int] = Field(default_factory=lambda: [7, 1, 0])
    observance: list[int] = Field(default_factory=lambda: [30, 14, 7, 1])
    weekly: list[int] = Field(default_factory=lambda: [1, 0])  # weekly tasks: WORKING days before

    @field_validator("weekly")
    @classmethod
    def _lead_times(cls, v: list[int]) -> list[int]:
        if any(d < 0 for d in v):
            raise ValueError("số ngày báo trước phải từ 0 trở lên")
        return v


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DONDOC_", extra="ignore")

    config_dir: Path = DEFAULT_CONFIG_DIR
    database_url: str = f"sqlite:///{REPO_ROOT / 'var' / 'dondoc.db'}"
    timezone: str = "Asia/Ho_Chi_Minh"
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 8025
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: bool | None = None  # None: use it when the server offers it
    smtp_implicit_tls: bool = False
    smtp_allow_plaintext_auth: bool = False  # log in without TLS: only to a server on a loopback address
    smtp_timeout: float = 30.0
    smtp_pool_size: int = 4
    mail_from: str = "dondoc <dondoc@localhost>"
    mail_domain: str = "dondoc.local"
    shift_to_working_day: bool = True  # BLDS 2015 Điều 148
    before_means: Literal["same_day", "day_before"] = "same_day"  # "trước ngày X"
    horizon_days: int = 400  # how far ahead occurrences are materialised
    cascade_working_days: int = 3  # sub-units report this many working days before the consolidator
    # the board judges on-time against the extended deadline (as VPCP statistics do) or the original one
    on_time_against: Literal["extended", "original"] = "extended"
    outbox_lease_seconds: float = 60.0  # a sender holds its rows this long, renewing while it sends
    quiet_start: int = 7  # messages go out from this local hour …
    quiet_end: int = 20  # … until this one
    ladders: Ladders = Field(default_factory=Ladders)
    # the answers from the email: signed links to `dondoc web`; without both, digests carry no links
    secret_key: SecretStr | None = None  # HMAC-SHA256 key of the links (environment only)
    public_url: str | None = None  # where offices reach `dondoc web`, e.g. https://dondoc.example.gov.vn
    link_max_age_days: int = 60  # a link expires this many days after the digest was sent
    web_host: str = "127.0.0.1"  # `dondoc web` binds here: keep it local behind a reverse proxy
    web_port: int = 8000
    # the admin pages of `dondoc web`: logins, sessions and uploads
    session_idle_minutes: int = 60  # a login ends after this long without a request …
    session_max_hours: int = 12  # … and after this long in any case
    login_max_failures: int = 5  # refused logins for one address (4 × that from one client) …
    login_window_minutes: int = 15  # … within this window, before logins are refused for the rest of it
    upload_max_mb: int = 10  # the largest dispatch file the upload page takes
    # the Prefect artifacts: a board `board-<code>` for each supervising body of these levels
    board_levels: list[str] = Field(default_factory=lambda: ["trung-uong", "tinh", "huyen"])

    @field_validator("board_levels")
    @classmethod
    def _levels(cls, v: list[str]) -> list[str]:
        known = {"trung-uong", "tinh", "huyen", "xa"}
        bad = [x for x in v if x not in known]
        if bad:
            raise ValueError(f"không có mức {bad[0]!r} (các mức: {', '.join(sorted(known))})")
        return v

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"không có múi giờ {v!r}") from None
        return v

    @field_validator("database_url")
    @classmethod
    def _url(cls, v: str) -> str:
        if not v.startswith(("sqlite", "postgresql")):
            raise ValueError("phải bắt đầu bằng sqlite:// hoặc postgresql+psycopg://")
        return v

    @field_validator("secret_key")
    @classmethod
    def _secret(cls, v: SecretStr | None) -> SecretStr | None:
        if v is not None and 0 < len(v.get_secret_value()) < 16:
            raise ValueError("ngắn quá: cần ít nhất 16 ký tự (python3 -c 'import secrets; "
                             "print(secrets.token_urlsafe(32))' tạo một khóa như vậy)")
        return v if v is not None and v.get_secret_value() else None

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, v: str | None) -> str | None:
        if not v or not v.strip():
            return None
        from urllib.parse import urlsplit

        parts = urlsplit(v.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
            raise ValueError("phải là một địa chỉ http(s), ví dụ https://dondoc.example.gov.vn (không có phần ?…)")
        return v.strip().rstrip("/")

    @field_validator("link_max_age_days")
    @classmethod
    def _max_age(cls, v: int) -> int:
        if not 1 <= v <= 366:
            raise ValueError("phải từ 1 đến 366 ngày")
        return v

    @field_validator("session_idle_minutes", "session_max_hours", "login_max_failures", "login_window_minutes")
    @classmethod
    def _positive(cls, v: int) -> int:
        if not 1 <= v <= 10_000:
            raise ValueError("phải từ 1 đến 10000")
        return v

    @field_validator("upload_max_mb")
    @classmethod
    def _upload(cls, v: int) -> int:
        if not 1 <= v <= 10:
            raise ValueError("phải từ 1 đến 10 (MB; dondoc không đọc tệp lớn hơn 10 MB)")
        return v

    @field_validator("outbox_lease_seconds")
    @classmethod
    def _lease(cls, v: float) -> float:
        if not 1 <= v <= 3600:
            raise ValueError("phải từ 1 đến 3600 giây")
        return v

    @field_validator("smtp_port", "web_port")
    @classmethod
    def _port(cls, v: int) -> int:
        if not 0 < v < 65536:
            raise ValueError("phải từ 1 đến 65535")
        return v

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, _TomlDefaults(settings_cls))

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def links_enabled(self) -> bool:
        """Digests carry signed links only when both the key and the public address are set."""
        return self.secret_key is not None and self.public_url is not None


class _TomlDefaults(PydanticBaseSettingsSource):
    """Defaults from <config_dir>/settings.toml, below the environment."""

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        import os

        config_dir = Path(os.environ.get("DONDOC_CONFIG_DIR") or DEFAULT_CONFIG_DIR)
        path = config_dir / "settings.toml"
        if not path.exists():
            return {}
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: không phải TOML hợp lệ ({exc})") from None
        return data.get("dondoc", data)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings, validated once; a nonsense value stops start-up with a clear line."""
    try:
        return Settings()
    except ValidationError as exc:
        from dondoc.fielderrors import reason_of

        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"])
        raise ConfigError(f"thiết lập DONDOC_{field.upper()}: {reason_of(err)}") from None

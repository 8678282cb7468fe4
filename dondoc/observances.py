"""The observance calendar (config/observances.yaml): annual days agencies prepare for."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from dondoc.errors import DirectoryError, InputFileError

_SOLAR = re.compile(r"^--(\d{2})-(\d{2})$")
_LUNAR = re.compile(r"^(\d{2})-(\d{2})$")


def fold(text: str) -> str:
    """The accent-insensitive matching key (imported late: dondoc.parse imports this module)."""
    from dondoc.parse.normalize import fold as _fold

    return _fold(text)


class Observance(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    aliases: list[str] = Field(default_factory=list)
    date: str | None = None  # "--08-19" (solar, every year)
    lunar: str | None = None  # "03-10": day 10 of the 3rd lunar month
    since: int | None = None  # the year of the first one, for anniversary numbers
    remind_days: list[int] | None = None  # overrides the default ladder for observances
    prepare_from: str | None = None  # "--07-01": preparation window opens (festivals run for weeks)

    @field_validator("date")
    @classmethod
    def _solar(cls, v: str | None) -> str | None:
        if v is not None and not _SOLAR.match(v):
            raise ValueError(f"{v!r} is not --MM-DD")
        return v

    @field_validator("lunar")
    @classmethod
    def _lunar(cls, v: str | None) -> str | None:
        if v is not None and not _LUNAR.match(v):
            raise ValueError(f"{v!r} is not MM-DD (lunar month and day)")
        return v


class ObservanceCatalog(BaseModel):
    model_config = ConfigDict(extra="forbid")
    observances: list[Observance] = Field(default_factory=list)

    def by_key(self, key: str) -> Observance | None:
        return next((o for o in self.observances if o.key == key), None)

    def by_date(self, mmdd: str) -> list[Observance]:
        """Observances held on a solar "--MM-DD"."""
        return [o for o in self.observances if o.date == mmdd]

    def find(self, text: str) -> Observance | None:
        """The observance whose name or alias the text names (accent-insensitive)."""
        key = fold(text)
        best: tuple[int, Observance] | None = None
        for o in self.observances:
            for n in [o.name, *o.aliases]:
                f = fold(n)
                if f and f in key and (best is None or len(f) > best[0]):
                    best = (len(f), o)
        return best[1] if best else None


def parse_catalog(data: Any, *, path: str | Path) -> ObservanceCatalog:
    """Validate plain data as an observance catalog, naming the bad entry."""
    if not isinstance(data, dict):
        raise DirectoryError(path, "tệp", "cần một bảng có khóa 'observances'")
    try:
        return ObservanceCatalog.model_validate(data)
    except ValidationError as exc:
        from dondoc.fielderrors import first_error

        raise DirectoryError(path, *first_error(exc)) from None


def load_catalog(path: Path) -> ObservanceCatalog:
    """Read and validate config/observances.yaml."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputFileError(path, "không có tệp này") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputFileError(path, f"không đọc được ({exc.__class__.__name__})") from None
    return parse_catalog(data, path=path)

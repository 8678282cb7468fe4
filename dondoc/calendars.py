"""Read the government's yearly working-calendar notices from config/calendars/YYYY.yaml.

Each file holds one year: the extra days off and the make-up working days (Saturdays worked
to bridge a holiday) that the `holidays` package does not know. An admin adds a year by
adding a file; no code changes. A working day listed on a public holiday cancels it.

    year: 2025
    source: "CV …/VPCP-KGVX"          # optional: the notice, shown in explanations
    days_off:
      - {date: 2025-05-02, reason: "Nghỉ hoán đổi cho Thứ Bảy 26/04/2025"}
    working_days:
      - {date: 2025-04-26, reason: "Làm bù cho ngày nghỉ Thứ Sáu 02/05/2025"}
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from dondoc.errors import ConfigError
from dondoc.schedule.calendar import YearNotice

class _Loader(yaml.SafeLoader):
    """YAML without implicit timestamps: dates arrive as text, so an impossible one names its entry."""


_Loader.yaml_implicit_resolvers = {
    k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_NAME = re.compile(r"^(\d{4})\.ya?ml$")
_KEYS = {"year", "source", "days_off", "working_days"}


def _fail(path: Path, where: str, reason: str) -> ConfigError:
    return ConfigError(f"{path}: {where}: {reason}")


def _as_date(value: Any, *, path: Path, where: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _fail(path, where, f"{value!r} không phải ngày dạng YYYY-MM-DD")


def _entries(data: dict[str, Any], key: str, *, year: int, path: Path) -> dict[date, str]:
    raw = data.get(key) or []
    if not isinstance(raw, list):
        raise _fail(path, key, "cần một danh sách các mục {date, reason}")
    out: dict[date, str] = {}
    for i, item in enumerate(raw):
        where = f"{key}[{i}]"
        if not isinstance(item, dict):
            raise _fail(path, where, "cần một mục {date: YYYY-MM-DD, reason: …}")
        extra = set(item) - {"date", "reason"}
        if extra:
            raise _fail(path, where, f"trường {sorted(extra)[0]!r} không có trong mẫu tệp")
        d = _as_date(item.get("date"), path=path, where=f"{where}.date")
        if d.year != year:
            raise _fail(path, f"{where}.date", f"{d.isoformat()} không thuộc năm {year}")
        reason = item.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise _fail(path, f"{where}.reason", "cần ghi lý do (tiếng Việt, người dùng sẽ đọc)")
        if d in out:
            raise _fail(path, f"{where}.date", f"{d.isoformat()} được ghi hai lần")
        out[d] = reason.strip()
    return out


def parse_notice(data: Any, *, path: Path) -> YearNotice:
    """Validate one year's notice; the error names the file and the entry."""
    m = _NAME.match(path.name)
    if not isinstance(data, dict):
        raise _fail(path, "tệp", "cần một bảng có các khóa 'year', 'days_off' và 'working_days'")
    extra = set(data) - _KEYS
    if extra:
        raise _fail(path, sorted(extra)[0], "trường không có trong mẫu tệp")
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        raise _fail(path, "year", "cần một năm, ví dụ 2026")
    if m and int(m.group(1)) != year:
        raise _fail(path, "year", f"{year} không khớp với tên tệp")
    source = data.get("source")
    if source is not None and not isinstance(source, str):
        raise _fail(path, "source", "cần một đoạn chữ")
    days_off = _entries(data, "days_off", year=year, path=path)
    working = _entries(data, "working_days", year=year, path=path)
    both = sorted(set(days_off) & set(working))
    if both:
        raise _fail(path, "working_days", f"{both[0].isoformat()} cũng được ghi là ngày nghỉ")
    return YearNotice(year=year, days_off=days_off, working_days=working, source=source)


def load_notices(config_dir: Path) -> list[YearNotice]:
    """Every notice under `config_dir`/calendars (or `config_dir` itself when it holds YYYY.yaml files), by year."""
    folder = config_dir / "calendars" if (config_dir / "calendars").is_dir() else config_dir
    if not folder.is_dir():
        return []
    notices: list[YearNotice] = []
    for path in sorted(folder.iterdir()):
        if not _NAME.match(path.name):
            continue
        try:
            data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_Loader)  # noqa: S506 - a SafeLoader
        except (OSError, UnicodeDecodeError) as exc:
            raise _fail(path, "tệp", f"không đọc được ({exc.__class__.__name__})") from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"dòng {mark.line + 1}" if mark is not None else "tệp"
            raise _fail(path, where, "không phải YAML hợp lệ") from None
        notices.append(parse_notice(data, path=path))
    return notices

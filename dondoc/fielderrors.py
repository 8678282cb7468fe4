"""Validation errors said once, in Vietnamese, with the field's path (`tasks[3].title`). Pure.

Pydantic reports where a value failed (a location tuple) and why (an error type with its
context); this module turns the first error into the path an admin finds in the YAML file and a
Vietnamese reason, so that the task-set and the directory loaders say it the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pydantic import ValidationError

CODE_PATTERN = r"^[a-z0-9][a-z0-9-]*$"  # an organisation code, as dondoc.directory declares it

# pydantic error type → the reason in Vietnamese; {name} fields come from the error's context
_REASONS: dict[str, str] = {
    "missing": "thiếu trường bắt buộc",
    "extra_forbidden": "trường không có trong mẫu tệp (viết sai tên trường?)",
    "literal_error": "phải là một trong: {expected}",
    "string_type": "phải là một chuỗi ký tự (đặt trong dấu ngoặc kép)",
    "string_pattern_mismatch": "không đúng dạng {pattern}",
    "string_too_long": "dài quá {max_length} ký tự",
    "int_type": "phải là một số nguyên",
    "int_parsing": "phải là một số nguyên",
    "int_from_float": "phải là một số nguyên",
    "bool_type": "phải là true hoặc false",
    "bool_parsing": "phải là true hoặc false",
    "list_type": "phải là một danh sách",
    "tuple_type": "phải là một danh sách",
    "dict_type": "phải là một bảng khóa: giá trị",
    "model_type": "phải là một bảng khóa: giá trị",
    "model_attributes_type": "phải là một bảng khóa: giá trị",
    "date_type": "phải là một ngày YYYY-MM-DD",
    "date_parsing": "phải là một ngày có thật, viết YYYY-MM-DD",
    "date_from_datetime_parsing": "phải là một ngày có thật, viết YYYY-MM-DD",
    "date_from_datetime_inexact": "phải là một ngày YYYY-MM-DD, không kèm giờ",
    "greater_than_equal": "phải lớn hơn hoặc bằng {ge}",
    "less_than_equal": "phải nhỏ hơn hoặc bằng {le}",
    "greater_than": "phải lớn hơn {gt}",
    "less_than": "phải nhỏ hơn {lt}",
    "too_short": "cần ít nhất {min_length} phần tử",
    "too_long": "có nhiều nhất {max_length} phần tử",
}


def path_of(loc: Sequence[Any]) -> str:
    """A pydantic location as a path into the file: ("tasks", 3, "title") → "tasks[3].title"."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def reason_of(err: Any) -> str:
    """The reason for one pydantic error, in Vietnamese."""
    kind = err.get("type", "")
    if kind == "value_error":  # our own validators speak Vietnamese already
        return str(err.get("msg", "")).removeprefix("Value error, ")
    if kind == "string_pattern_mismatch" and (err.get("ctx") or {}).get("pattern") == CODE_PATTERN:
        return "chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ: so-tttt)"
    template = _REASONS.get(kind)
    if template is None:
        return f"giá trị không hợp lệ ({err.get('msg', kind)})"
    ctx = {k: _vi(str(v)) for k, v in (err.get("ctx") or {}).items()}
    try:
        return template.format(**ctx)
    except (KeyError, IndexError):
        return template.split(":")[0].split("{")[0].strip()


def _vi(expected: str) -> str:
    """"'a', 'b' or 'c'" → "'a', 'b' hoặc 'c'"."""
    return expected.replace(" or ", " hoặc ")


def first_error(exc: ValidationError, *, label: Callable[[Sequence[Any]], str] | None = None) -> tuple[str, str]:
    """(where, reason) of the first error, with a count of the others; `label` adds the entry's
    name to the path ("tasks[2].kind (nhiệm vụ 3.R1)")."""
    errors = exc.errors()
    err = errors[0]
    loc = tuple(err["loc"])
    where = path_of(loc) or "tệp"
    if label is not None:
        extra = label(loc)
        if extra:
            where += f" ({extra})"
    reason = reason_of(err)
    if len(errors) > 1:
        reason += f" (và {len(errors) - 1} lỗi khác)"
    return where, reason


def entry_label(data: Any, loc: Sequence[Any], *, section: str, field: str, noun: str) -> str:
    """The name of the entry an error sits in: `nhiệm vụ 3.R1` for tasks[2], `mã ca-tinh` for organizations[0]."""
    if len(loc) < 2 or loc[0] != section or not isinstance(loc[1], int):
        return ""
    try:
        value = data[section][loc[1]].get(field)
    except (KeyError, IndexError, TypeError, AttributeError):
        return ""
    return f"{noun} {value}" if isinstance(value, (str, int)) and str(value).strip() else ""

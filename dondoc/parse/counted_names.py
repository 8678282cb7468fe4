"""Bodies a heading counts before naming them: "Đối với 02 HTX Tam Giang và Thống Nhất:" (pure).

The count says how many bodies the names after it are: each is an owner of its own, kept as written
("HTX Tam Giang", "Thống Nhất"), though "và" between capitalised words usually joins one name ("Sở Kế
hoạch và Đầu tư").
"""

from __future__ import annotations

import re

__all__ = ["counted_owners"]

_COUNTED = re.compile(r"\s*(?:(?:[Rr]iêng\s+)?(?:[Đđ]ối với|ĐỐI VỚI)|[Rr]iêng|RIÊNG)\s+0?(\d{1,2})\s+(?=\w)")
_JOINS = re.compile(r",\s*|\s+và\s+")


def counted_owners(label: str, names: list[str]) -> list[str]:
    """`names` with the one name a counted heading gives split into its bodies, when the count matches."""
    m = _COUNTED.match(label)
    if m is None or len(names) != 1:
        return names
    parts = _JOINS.split(names[0])
    return parts if int(m.group(1)) >= 2 and len(parts) == int(m.group(1)) and all(parts) else names

"""A công điện's address line, its "Kính gửi" (pure): "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐIỆN:", "THỦ TƯỚNG CHÍNH PHỦ ĐIỆN:",
with the addressees after it or in a list below it."""

from __future__ import annotations

import re

# "Thủ tướng Chính phủ điện:" as some copies write it; not "Tiết kiệm điện: …" in a sentence
_DIEN = re.compile(r"^(?P<who>(?:THỦ TƯỚNG|CHỦ TỊCH|BỘ TRƯỞNG|BAN CHỈ|ỦY BAN|UỶ BAN|UBND|GIÁM ĐỐC|TRƯỞNG BAN)[^:]{0,90}?)\s+"
                   r"(?:ĐIỆN|điện)\s*:\s*(?P<rest>.*)$", re.I)


def address_line(t: str) -> re.Match[str] | None:
    """A công điện's "… ĐIỆN:" line (its group "rest": the addressees on the line), which addresses it as "Kính gửi:"
    does: in capitals, or with its list below it."""
    m = _DIEN.match(t) if "IỆN" in t or "iện" in t else None
    rest = m.group("rest").lstrip() if m else ""
    return m if m and (m.group("who").isupper() or not rest or rest.startswith(("-", "–", "+"))) else None

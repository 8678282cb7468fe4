"""Lines that name an owner over the duties after them ("Đối với Công an xã:", "**Sở Nội vụ:**",
"- Trưởng các thôn:"), and whether a text is nothing but owners (pure)."""

from __future__ import annotations

import re

from dondoc.parse.labels import label_owners, without_address

__all__ = ["GROUP_HEADING", "OWNER_HEADING_TAIL", "only_owners", "owner_heading", "owner_title"]

# "Đối với Trung tâm Kiểm soát bệnh tật tỉnh:", "Riêng UBND các xã, phường:": a paragraph naming
# whom the items after it are for
# what follows the owners in such a line: "… cùng", "… thực hiện", "… có trách nhiệm", "… có nhiệm vụ" (the title
# of a regulation's article over its khoản: "Điều 4. Sở Tài chính có nhiệm vụ")
OWNER_HEADING_TAIL = re.compile(
    r"\s+(?:cùng|thực hiện|có trách nhiệm(?: sau| như sau)?|có (?:các )?nhiệm vụ(?:,? quyền hạn| và quyền hạn)?(?: sau| như sau)?)$")
GROUP_HEADING = re.compile(r"^(?:[Rr]iêng\s+)?(?:[Đđ]ối với|ĐỐI VỚI|[Rr]iêng)\s+\S")


def owner_heading(text: str) -> bool:
    """Whether a bullet's text is only an owner heading ("Đối với Công an xã:", "Trưởng các thôn:")."""
    t = text.strip("* ").rstrip()
    if len(t) > 160 or not t.endswith(":"):
        return False
    if GROUP_HEADING.match(t):
        return True
    name = OWNER_HEADING_TAIL.sub("", t.rstrip(":* "))
    return bool(name) and only_owners(name)


def owner_title(text: str) -> list[str]:
    """The owners a one-line title names before its tail ("Sở Tài chính có nhiệm vụ", "Kho bạc Nhà nước tỉnh,
    Kho bạc Nhà nước huyện có trách nhiệm"): the owners of the khoản under it; none for another title."""
    t = text.strip().rstrip(":* ").rstrip()
    if "\n" in t or len(t) > 200 or t.endswith((".", ";")) or OWNER_HEADING_TAIL.search(t) is None:
        return []
    name = OWNER_HEADING_TAIL.sub("", t)
    return label_owners(name) if only_owners(name) else []


def only_owners(text: str) -> bool:
    """Whether `text` is nothing but a list of owners ("Liên đoàn Lao động tỉnh và Sở Y tế")."""
    names = label_owners(text)
    rest = without_address(text)
    for nm in names:
        rest = rest.replace(nm, " ", 1)
    return bool(names) and not re.sub(r"[,;\s]+|\bvà\b", "", rest)

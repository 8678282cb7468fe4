"""Which dash bullets before any numbered item are a dispatch's items (pure).

A dispatch whose operative part is dash bullets alone lists them after an introduction that asks ("… đề
nghị các đơn vị thực hiện một số nội dung sau:"). Two shapes of a commune's notice do it too: its grounds
written as dash bullets before the introduction ("- Căn cứ chỉ thị …", "- Căn cứ tình hình thực tế …" over
"Ban Chỉ huy … thông báo … thực hiện tốt một số nội dung sau:"), and a notice that "thông báo … như sau:"
over bullets that themselves ask ("- Đối với các đoàn thể, đề nghị …").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.outline_nodes import Bullet
from dondoc.parse.prose import bullets_ask, is_request

__all__ = ["ASKING_INTRO", "INSTRUCTION_INTRO", "bullet_items"]

INSTRUCTION_INTRO = re.compile(r"(?:de nghi|yeu cau|giao|nhiem vu|noi dung|thuc hien|sau)\s*:?\s*$")
# an introduction that asks ("… đề nghị các đơn vị thực hiện như sau:"), not one that opines ("… có ý kiến như sau:")
ASKING_INTRO = re.compile(r"\b(?:de nghi|yeu cau|giao|chi dao|thuc hien|trien khai|nhiem vu|noi dung|khan truong)\b")
# the grounds of a notice written as bullets ("- Căn cứ công văn chỉ đạo của UBND huyện")
_GROUNDS = re.compile(r"(?:can cu|thuc hien|xet)\b")
# a notice's own list: "UBND xã … thông báo treo cờ và khẩu hiệu như sau:", "… thông báo cụ thể như sau:"
_NOTIFIES = re.compile(r"\bthong bao\b.*\b(?:nhu sau|sau)\s*:\s*$")


def _asks(intro: str, bullets: Sequence[Bullet]) -> bool:
    f = fold_keep_length(intro.strip())
    if INSTRUCTION_INTRO.search(f) and ASKING_INTRO.search(f) or bullets_ask(intro, bullets):
        return True
    # a notice's list whose bullets ask someone themselves, at least half of them
    return bool(_NOTIFIES.search(f)) and 2 * sum(is_request(b.text, subjects=True) for b in bullets) >= len(bullets)


def bullet_items(intro: str | None, bullets: Sequence[Bullet]) -> list[Bullet] | None:
    """The bullets that are the dispatch's items, given the preamble's last line before them (`intro`), or None
    when they are not items. Bullets of grounds ("Căn cứ …") first are passed: the last of them holds the
    introduction, on its last line ending with ":"."""
    n = 0
    while n < len(bullets) and _GROUNDS.match(fold_keep_length(bullets[n].text.strip())):
        n += 1
    if 0 < n < len(bullets):
        said = [ln.text for ln in bullets[n - 1].lines[1:] if ln.text.rstrip().endswith(":")]
        if said and _asks(said[-1], bullets[n:]):
            return list(bullets[n:])
    if intro is not None and _asks(intro, bullets):
        return list(bullets)
    return None

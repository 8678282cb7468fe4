"""The preamble's owner over items that name nobody, written short ("đề nghị đồng chí Giám đốc Sở …"), is the
addressee it shortens; the blank left after an addressee's name ("Giám đốc Sở Y tế ………") is no part of it
(dondoc/parse/task_owners.py, header.py). Invented texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.parse.header import parse_header
from dondoc.parse.lines import split_lines
from dondoc.taskset import Source, TaskSet

CATALOG = load_catalog(Path(__file__).resolve().parents[3] / "config" / "observances.yaml")


def read(text: str) -> TaskSet:
    return parse_dispatch(text, source=Source(name="t"), observances=CATALOG)


LETTER = """BỘ Y TẾ
Số: 41/BYT-KH
Hà Nội, ngày 05 tháng 3 năm 2031
V/v rà soát trạm y tế xã
Kính gửi: Giám đốc Sở Y tế ……………………
Để chuẩn bị đề án, Bộ Y tế đề nghị đồng chí Giám đốc Sở quan tâm chỉ đạo một số việc như sau:
- Rà soát cơ sở vật chất các trạm y tế xã trên địa bàn.
- Lập danh sách trạm y tế cần sửa chữa.
Đề nghị đồng chí Giám đốc Sở quan tâm, chỉ đạo thực hiện./.
"""


def test_the_preamble_owner_is_the_addressee_it_shortens() -> None:
    ts = read(LETTER)
    items = [t for t in ts.tasks if t.key.startswith("-")]
    assert len(items) == 2
    assert all([o.name for o in t.lead] == ["Giám đốc Sở Y tế"] for t in items)


@pytest.mark.parametrize(("line", "want"), [
    ("Kính gửi: Giám đốc Sở Y tế ……………………", ["Giám đốc Sở Y tế"]),
    ("Kính gửi: Ủy ban nhân dân tỉnh, thành phố.....", ["Ủy ban nhân dân tỉnh, thành phố"]),
    ("Kính gửi: ……………………", []),  # only the blank: no addressee
])
def test_the_blank_after_an_addressee(line: str, want: list[str]) -> None:
    text = f"BỘ Y TẾ\nSố: 41/BYT-KH\nHà Nội, ngày 05 tháng 3 năm 2031\n{line}\nNội dung."
    assert parse_header(split_lines(text)).recipients == want

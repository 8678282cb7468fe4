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
from dondoc.parse.task_owners import _unglued
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


@pytest.mark.parametrize(("sentence", "lead"), [
    # a copy that lost the space before a capital: no Vietnamese word has one inside it
    ("Giao Sở Văn hóa, Thể thao vàDu lịch chủ trì tổ chức lễ hội năm nay.", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Giao Sở Tài nguyên vàMôi trường khẩn trương rà soát quỹ đất công.", "Sở Tài nguyên và Môi trường"),
])
def test_a_word_glued_to_the_next_capital(sentence: str, lead: str) -> None:
    text = ("VĂN PHÒNG CHÍNH PHỦ\nSố: 12/VPCP-KTTH\nHà Nội, ngày 05 tháng 3 năm 2031\nKính gửi: Ủy ban nhân dân tỉnh X\n"
            f"Thủ tướng Chính phủ có ý kiến như sau:\n{sentence}\nVăn phòng Chính phủ xin thông báo để biết, thực hiện./.\n")
    assert lead in [o.name for t in read(text).tasks for o in t.lead]


@pytest.mark.parametrize(("name", "want"), [
    ("Bộ Lao động - Thương binh vàXã hội", "Bộ Lao động - Thương binh và Xã hội"),
    ("Chánh Văn phòng củaVăn phòng Chính phủ", "Chánh Văn phòng của Văn phòng Chính phủ"),
    ("TTgCP", "TTgCP"),  # an abbreviation's one small letter
    ("UBND tỉnh", "UBND tỉnh"),
    ("Sở Y tế", "Sở Y tế"),
])
def test_unglued(name: str, want: str) -> None:
    assert _unglued(name) == want

"""The reader's notes (explain, warnings, refusals) said in Vietnamese: known ones by table, and every
note the reader writes over the fixtures and the real documents known to a template."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.directory import load_directory
from dondoc.errors import DondocError, NothingToTrackError
from dondoc.ingest import read_document, with_reading_warnings
from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.reading_notes import TEMPLATES, say, unknown
from dondoc.taskset import Source

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


@pytest.mark.parametrize(("note", "said"), [
    ('numbered "II.3" in the text', "đánh số “II.3” trong văn bản"),
    ("line 12: item 9: no owner found", "dòng 12, mục 9: không tìm thấy đơn vị thực hiện"),
    ('line 5: item 1: owner "Ban Phong trào" not found in the directory',
     "dòng 5, mục 1: đơn vị “Ban Phong trào” không có trong danh bạ"),
    ('line 7: item 2: consolidator "Sở X" fits 2 organisations equally ("Sở X tỉnh A" (so-x-a), "Sở X tỉnh B" '
     '(so-x-b)): none is picked; choose one',
     "dòng 7, mục 2: đơn vị tổng hợp “Sở X” khớp ngang nhau với 2 đơn vị (\"Sở X tỉnh A\" (so-x-a), \"Sở X tỉnh B\" "
     "(so-x-b)): chưa chọn đơn vị nào; xin chọn một"),
    ("line 9: item 4 appears twice; the second is 4#2", "dòng 9: mục 4 xuất hiện hai lần; mục thứ hai là 4#2"),
    ('line 3: the number (số hiệu) is left blank: "Số: /UBND"', "dòng 3: số hiệu văn bản để trống: “Số: /UBND”"),
    # parts joined by "; ", one of them quoting a text that holds "; " itself
    ('subject of the sentence "Sở Y tế; Sở Tài chính chủ trì"; the owners of the item it sits in',
     "chủ ngữ của câu “Sở Y tế; Sở Tài chính chủ trì”; đơn vị của mục chứa nó"),
    # nested notes: a why inside a why, a how inside a how
    ('takes the reporting cadence of 3.R1: says every year ("hằng năm")',
     "theo định kỳ báo cáo của 3.R1: ghi hằng năm (“hằng năm”)"),
    ('stated in the preamble for the items that name nobody: joint parties of "Hai bên thống nhất…"',
     "phần mở đầu nêu, cho các mục không nêu đơn vị: các bên cùng thực hiện “Hai bên thống nhất…”"),
    ("\"Hội LHPN\" → hoi-lhpn (the body it belongs to, 'Hội LHPN tỉnh' (as written))",
     "“Hội LHPN” → hoi-lhpn (cơ quan chủ quản, “Hội LHPN tỉnh” (đúng như văn bản ghi))"),
    ('the time of the block (B.IV.2, B.IV.3): "Quý II/2026"', "thời gian của khối (B.IV.2, B.IV.3): “Quý II/2026”"),
    ('"Tháng 6": day 20 of the last month of each quarter', "“Tháng 6”: ngày 20 của tháng cuối mỗi quý"),
    # the reader's refusals
    ("no numbered instruction to track was found, and the text has no dispatch header (no số hiệu, no Kính gửi): "
     "a news article?", "không tìm thấy mục đánh số nào cần theo dõi, và văn bản không có phần đầu của một công văn "
     "(không có số hiệu, không có Kính gửi): có phải một bài tin?"),
    # what no template knows, and what the reading already wrote in Vietnamese, stay as written
    ("something new", "something new"),
    ("văn bản dùng phông TCVN3 (.VnTime), đã chuyển sang Unicode", "văn bản dùng phông TCVN3 (.VnTime), đã chuyển sang Unicode"),
])
def test_a_note_is_said_in_vietnamese(note: str, said: str) -> None:
    assert say(note) == said


def test_a_note_no_template_knows_is_reported_and_vietnamese_or_keys_are_not() -> None:
    assert unknown("something new happened to the item") == ["something new happened to the item"]
    assert unknown('the time of the block (B.IV.2, B.IV.3): "x"') == []
    assert unknown("văn bản dùng phông TCVN3, đã chuyển sang Unicode") == []
    assert unknown('takes the reporting cadence of 3.R1: something odd of the text') == ["something odd of the text"]


def test_in_english_a_note_is_its_own_template_filled_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DONDOC_LANG", "en")
    assert say('takes the reporting cadence of 3.R1: says every year ("hằng năm")') == \
        'takes the reporting cadence of 3.R1: says every year ("hằng năm")'
    assert say("line 12: item 9: no owner found") == "line 12: item 9: no owner found"


def test_every_template_has_its_fields_named_and_is_distinct() -> None:
    assert len(set(TEMPLATES)) == len(TEMPLATES)
    assert all("{}" not in t for t in TEMPLATES)


def _documents() -> list[Path]:
    found = sorted(p for p in (ROOT / "tests" / "fixtures").rglob("*") if p.suffix in (".txt", ".md", ".docx", ".html"))
    for folder in (SHARED / "dispatches", SHARED / "corpus"):
        if folder.is_dir():
            found += sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".docx", ".pdf", ".doc", ".html"))
    return found


def test_every_note_the_reader_writes_is_known_to_a_template() -> None:
    """Over the fixtures (and the shared documents when they are beside the checkout): a note the reader
    starts to write without its template here would reach the admin in English."""
    catalog = load_catalog(ROOT / "config" / "observances.yaml")
    directory = load_directory(ROOT / "config" / "organizations.yaml")
    missing: dict[str, str] = {}
    for path in _documents():
        try:
            doc = read_document(path)
            ts = with_reading_warnings(parse_dispatch(doc.text, source=Source(name=doc.name), observances=catalog,
                                                      directory=directory), doc)
        except NothingToTrackError as err:
            missing.update({part: path.name for part in unknown(err.reason)})
            continue
        except DondocError:
            continue
        for note in [*(str(v) for t in ts.tasks for v in t.explain.values()), *ts.warnings]:
            missing.update({part: path.name for part in unknown(note)})
    assert not missing, missing

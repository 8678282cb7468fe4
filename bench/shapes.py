"""Texts of a chosen size in the shapes that once made the reader's time grow faster than the text.

Each shape is a dispatch (the demo's header and closing) around a body that repeats one thing up to
the size asked: a cadence word on one long line, a long list of owners before a predicate that is
not theirs, thousands of numbered items, tables one after another, an item of many lines, a text
without line breaks. `bench/parse_large.py` reads them at 10 KB, 100 KB and 1 MB;
`tests/unit/parse/test_linear_time.py` holds each to a time that grows with its length, not faster.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEMO = (REPO / "config" / "demo" / "cv-18-ubnd-nc-2025.txt").read_text(encoding="utf-8")
HEAD = DEMO[: DEMO.index("1. Công an")]
ITEMS = DEMO[DEMO.index("1. Công an") : DEMO.index("Chủ tịch UBND tỉnh yêu cầu Thủ")]
TAIL = DEMO[DEMO.index("Chủ tịch UBND tỉnh yêu cầu Thủ") :]

CADENCE = "Báo cáo định kỳ hằng tháng, hằng quý, 6 tháng, hằng năm trước ngày 15/6. "
OWNERS = "Sở Tài chính chủ trì, phối hợp với Công an tỉnh, Sở Y tế và UBND các huyện, giao Sở Nội vụ tham mưu; "
DEADLINES = "trước ngày 15/6/2025, chậm nhất ngày 20/7/2025, từ ngày 1/8 đến ngày 5/9; "
OBSERVANCE = "Ngày hội toàn dân bảo vệ an ninh Tổ quốc (19/8). "


def repeat(piece: str, size: int) -> str:
    """`piece` again and again, cut at `size` characters."""
    return (piece * (size // len(piece) + 1))[:size]


def _item(body: str) -> str:
    return HEAD + "1. " + body + "\n" + TAIL


def _numbered(size: int) -> str:
    lines = [f"{i}. Sở Y tế chủ trì, phối hợp Công an tỉnh kiểm tra, báo cáo hằng quý trước ngày 15/9/2025."
             for i in range(1, size // 90 + 2)]
    return HEAD + "\n".join(lines) + "\n" + TAIL


def _nested(size: int) -> str:
    """Labels five deep (I. / 1. / 1.1. / 1.1.1. / a) and a dash), the tree again and again."""
    lines: list[str] = []
    roman = ["I", "II", "III"]
    while sum(len(x) + 1 for x in lines) < size:
        for r in roman:
            lines.append(f"{r}. NHIỆM VỤ")
            for a in range(1, 3):
                lines.append(f"{a}. Sở Tài chính chủ trì:")
                for b in range(1, 3):
                    lines.append(f"{a}.{b}. Công an tỉnh phối hợp:")
                    for c in range(1, 3):
                        lines.append(f"{a}.{b}.{c}. Sở Y tế thực hiện:")
                        lines.append("a) Kiểm tra, báo cáo hằng quý trước ngày 15/6;")
                        lines.append("- UBND các huyện báo cáo trước 20/6.")
    return HEAD + "\n".join(lines) + "\n" + TAIL


def _table(size: int) -> str:
    rows = [f"| {i} | Kiểm tra an toàn, báo cáo hằng quý | Sở Y tế | 15/9/2025 |" for i in range(1, size // 55)]
    return HEAD + "I. NHIỆM VỤ\n| STT | Nội dung | Chủ trì | Thời hạn |\n|---|---|---|---|\n" + "\n".join(rows) + "\n" + TAIL


def _bad_dates(size: int) -> str:
    return _item("Sở Y tế báo cáo " + " ".join(f"31/2/{1000 + i % 9000}" for i in range(size // 10)))


SHAPES: dict[str, Callable[[int], str]] = {
    "cadence on one line": lambda n: _item(repeat(CADENCE, n)),
    "cadence words, no stop": lambda n: _item(repeat(
        "báo cáo định kỳ hằng tháng hằng quý 6 tháng hằng năm đột xuất hằng ngày về UBND tỉnh trước ngày 15 ", n)),
    "weekly words in one clause": lambda n: _item(repeat("Sở Y tế báo cáo hằng tuần, 1 lần/tuần, báo cáo tuần, thứ Năm hằng tuần, ", n)),
    "weekly reports, one a sentence": lambda n: _item(repeat("Sở Y tế báo cáo hằng tuần về UBND tỉnh. ", n)),
    "owners on one line": lambda n: _item(repeat(OWNERS, n)),
    "a long list of owners": lambda n: _item(repeat("Sở Y tế, Sở Tài chính, Công an tỉnh, ", n)
                                            + "thực hiện kiểm tra, báo cáo hằng quý về UBND tỉnh."),
    "gatherers": lambda n: _item("Các sở báo cáo hằng quý về Công an tỉnh. " + repeat(
        "Công an tỉnh chủ trì, tổng hợp, Sở Nội vụ có trách nhiệm tập hợp, ", n)),
    "deadlines on one line": lambda n: _item("Sở Y tế báo cáo " + repeat(DEADLINES, n)),
    "everything on one line": lambda n: _item(repeat(CADENCE + OWNERS + DEADLINES + OBSERVANCE, n)),
    "impossible dates": _bad_dates,
    "numbered items": _numbered,
    "nested labels": _nested,
    "dash bullets": lambda n: HEAD + "1. Các đơn vị thực hiện:\n" + "\n".join(
        f"- Sở Y tế báo cáo hằng tháng trước ngày {1 + i % 28}/6." for i in range(n // 45)) + "\n" + TAIL,
    "a long table": _table,
    "tables one after another": lambda n: HEAD + repeat(
        "| STT | Nội dung | Chủ trì | Thời hạn |\n| 1 | Kiểm tra | Sở Y tế | 15/9/2025 |\n\n1. Sở Y tế báo cáo trước 15/6.\n\n", n) + TAIL,
    "one item of many lines": lambda n: HEAD + "1. Sở Y tế chủ trì thực hiện:\n" + repeat(
        "thực hiện tốt công tác tuyên truyền vận động\nNhân dân tham gia phong trào\n", n) + TAIL,
    "an open parenthesis": lambda n: _item("Sở Y tế (" + repeat("Công an tỉnh; Sở Tài chính. giao Sở Nội vụ báo cáo, ", n)),
    "closing paragraphs": lambda n: HEAD + ITEMS + repeat("Các đơn vị báo cáo kết quả về UBND tỉnh trước ngày 15/12 hằng năm.\n", n) + TAIL,
    "items again and again": lambda n: HEAD + repeat(ITEMS, n) + TAIL,
    "no line breaks": lambda n: repeat(DEMO.replace("\n", " ") + " ", n),
}


def real_text(size: int, folder: Path | None = None) -> tuple[str, str]:
    """Real dispatches (`folder`, else ../shared/dispatches) one after another up to `size`, and
    what they are; the demo dispatch when there are none."""
    shared = folder or REPO / ".." / "shared" / "dispatches"
    texts = [p.read_text(encoding="utf-8") for p in sorted(shared.glob("*.txt"))] if shared.is_dir() else []
    if texts:
        return repeat("\n\n".join(texts) + "\n\n", size), f"{shared}/*.txt, one after another"
    return repeat(DEMO + "\n\n", size), "the demo dispatch, again and again"


def shapes(size: int) -> Iterator[tuple[str, str]]:
    """(name, text) of every shape at about `size` characters."""
    for name, make in SHAPES.items():
        yield name, make(size)

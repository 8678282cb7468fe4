"""Reading a dispatch takes time in proportion to its text: the shapes that once took time in its
square, arbitrary texts, and arbitrary bytes through the whole path from a file's bytes to a task set.

How the bound is chosen, so that the tests catch a reading whose time grows with the square of the
text and yet never fail on a slow or loaded machine: each text is read at two sizes, n and 8n (16 KB
and 128 KB: small enough for a test, large enough that a part of the reading in n² outweighs the
rest), and the time at 8n must stay under 24 times the time at n, plus 0.3 s. Linear reading gives
8 times; reading in n² gives 64 times. The factor 3 over linear absorbs a machine that slows down
between the two measures (other processes on 2 cores, caches, frequency); the 0.3 s absorbs the
timer's grain and the fixed costs of tiny readings. The time is the process's own CPU time
(time.process_time: what other processes take is not counted), the best of a few readings (noise only
ever adds), with the garbage collector paused while it reads: in a test run its full collections
walk every object the other tests left, which a reading of 8n triggers and one of n may not. These
are bounds on how time grows, not on speed: bench/parse_large.py gives the speed.
"""

from __future__ import annotations

import gc
import importlib.util
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dondoc.errors import DondocError
from dondoc.ingest import text_from_bytes
from dondoc.observances import load_catalog
from dondoc.parse import parse_dispatch
from dondoc.taskset import Source

REPO = Path(__file__).resolve().parents[3]
CATALOG = load_catalog(REPO / "config" / "observances.yaml")
_spec = importlib.util.spec_from_file_location("bench_shapes", REPO / "bench" / "shapes.py")
assert _spec is not None and _spec.loader is not None
shapes = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(shapes)

SMALL, LARGE = 16_000, 128_000
FACTOR, SLACK = 24.0, 0.3


def _seconds(work: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        gc.collect()
        gc.disable()  # a full collection walks the whole test process's heap, not the reader's work
        try:
            start = time.process_time()
            work()
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def _read(text: str) -> None:
    try:
        parse_dispatch(text, source=Source(name="x"), observances=CATALOG)
    except DondocError:
        pass  # a refusal is a reading too


def _ingest(data: bytes) -> None:
    try:
        _read(text_from_bytes(data, name="x.txt"))
    except DondocError:
        pass


def assert_grows_linearly(make: Callable[[int], Callable[[], object]]) -> None:
    """The work made for 8n takes at most FACTOR times the work for n, plus SLACK (see the module)."""
    small, large = make(SMALL), make(LARGE)
    small()  # warm up: patterns compiled, caches of the catalog filled
    t_small = _seconds(small, 3)
    t_large = _seconds(large, 2)
    assert t_large <= FACTOR * t_small + SLACK, f"{t_small:.3f} s at {SMALL} characters, {t_large:.3f} s at {LARGE}"


@pytest.mark.parametrize("shape", sorted(shapes.SHAPES), ids=str)
def test_each_shape_that_was_slow_reads_in_time_proportional_to_its_length(shape: str) -> None:
    assert_grows_linearly(lambda n: lambda: _read(shapes.SHAPES[shape](n)))


# Words and marks of dispatches that the reader's rules act on: texts made of them reach every rule.
_PIECES = ["1. ", "2. ", "a) ", "b) ", "II. ", "1.2. ", "Điều 3. ", "- ", "+ ", "| STT | Nội dung | Chủ trì | Thời hạn |",
           "| 1 | Kiểm tra | Sở Y tế | 15/9/2025 |", "Sở Y tế", "Công an tỉnh", "UBND các huyện", "các sở, ngành",
           "chủ trì", "phối hợp với", "đề nghị", "giao", "báo cáo", "gửi về", "tổng hợp", "hằng tuần", "hằng tháng",
           "hằng quý", "6 tháng", "hằng năm", "đột xuất", "trước ngày 15/6", "trước 20/12/2025", "31/2",
           "trong 05 ngày kể từ ngày nhận", "trước Tết Nguyên đán 15 ngày", "Ngày hội toàn dân bảo vệ an ninh Tổ quốc (19/8)",
           "Kính gửi:", "Số: 12/UBND-VP", "V/v kiểm tra", "Nơi nhận:", "KT. CHỦ TỊCH", "(", ")", ":", ";", ",", ".",
           " ", " ", "\n", "\n\n", "**", "thực hiện", "kiểm tra", "Mục đích", "NHIỆM VỤ"]


@st.composite
def dispatch_like(draw: st.DrawFn) -> str:
    return "".join(draw(st.lists(st.sampled_from(_PIECES) | st.text(max_size=6), min_size=1, max_size=60)))


def _repeat(piece: str, size: int) -> str:
    return (piece * (size // max(1, len(piece)) + 1))[:size]


@given(dispatch_like())
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_an_arbitrary_text_reads_in_time_proportional_to_its_length(piece: str) -> None:
    assert_grows_linearly(lambda n: lambda: _read(_repeat(piece, n)))


@given((st.binary(min_size=1, max_size=200) | dispatch_like().map(lambda s: s.encode("utf-8"))
        | dispatch_like().map(lambda s: s.encode("utf-16")) | dispatch_like().map(lambda s: s.encode("cp1258", "replace")))
       .filter(bool))
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_arbitrary_bytes_go_from_file_to_task_set_in_time_proportional_to_their_length(piece: bytes) -> None:
    assert_grows_linearly(lambda n: lambda: _ingest((piece * (n // len(piece) + 1))[:n]))

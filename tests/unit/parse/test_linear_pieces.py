"""The pieces rewritten so that reading takes time in proportion to the text give what the
straightforward versions gave: each is held here to that version, kept as the reference."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dondoc.parse.stated_cadence import WEEKLY, weekly_matches
from dondoc.parse.outline_tasks import _Said
from dondoc.parse.table_tasks import placed as _placed
from dondoc.parse import lines
from dondoc.parse.lines import _TOKEN, Tok, first_tokens
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.labels import _only_predicates, subject_before
from dondoc.parse.names import name_texts as _names, owner_list
from dondoc.parse.scan import word_finditer
from dondoc.parse.spans import Spans
from dondoc.parse.titles import _TITLE_END, title_of
from dondoc.taskset import Task

# Words the rewritten pieces look at, and the marks between them: texts made of them meet every branch.
_WORDS = ("hằng", "tuần", "mỗi", "định", "kỳ", "báo", "cáo", "01", "1", "một", "lần", "/", "lễ", "tra", "liền",
          "Sở", "Y", "tế", "Công", "an", "tỉnh", "UBND", "các", "huyện", "và", "đề", "nghị", "giao", "chủ", "trì",
          "thực", "hiện", "phối", "hợp", "với", "31/2", "30/2/2025", "0/2", "x", "(", ")",
          "hằng tuần", "báo cáo tuần", "1 lần/tuần", "mỗi tuần", "định kỳ hằng tuần", "tuần lễ", "hằng tuần tra",
          "Sở Y tế", "Công an tỉnh", "UBND các huyện", "Sở Tài chính", "đề nghị", "yêu cầu", "giao", "phối hợp với",
          "theo dõi", "thực hiện", "chủ trì")
_MARKS = (" ", " ", " ", ", ", ". ", "; ", ": ", "\n", "  ", "\t", ".", ",", " \n ", " \t \n ")


@st.composite
def texts(draw: st.DrawFn, *, max_words: int = 40) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), max_size=max_words))
    marks = draw(st.lists(st.sampled_from(_MARKS), min_size=len(words), max_size=len(words)))
    return "".join(w + m for w, m in zip(words, marks))


class TestSpans:
    @given(st.lists(st.tuples(st.booleans(), st.integers(0, 60), st.integers(1, 12)), max_size=60))
    @settings(max_examples=300)
    def test_a_span_overlaps_a_claim_exactly_when_it_shares_a_character_with_one(self, steps) -> None:  # type: ignore[no-untyped-def]
        spans, claims = Spans(), []
        for claim, start, length in steps:
            end = start + length
            if claim:
                spans.claim(start, end)
                claims.append((start, end))
            else:
                assert spans.overlaps(start, end) == any(s < end and start < e for s, e in claims)


class TestWeeklyWords:
    @given(texts(max_words=30))
    @settings(max_examples=400)
    def test_weekly_matches_finds_what_the_pattern_with_its_look_ahead_finds(self, text: str) -> None:
        f = fold_keep_length(text)
        assert [m.span() for m in weekly_matches(f)] == [m.span() for m in word_finditer(WEEKLY, f)]


def _first_tokens_before(text: str, start: int, end: int, count: int) -> list[Tok]:
    """first_tokens as it was: the span copied out of the text and split at its spaces."""
    folded = fold_keep_length(text)
    out: list[Tok] = []
    pos = start
    for chunk in folded[start:end].split(" ", count):
        n = len(chunk)
        if n:
            if chunk.isalnum() and chunk.isascii():
                first = text[pos]
                cap = first.isupper()
                e = pos + n
                out.append(Tok(pos, e, chunk, cap, n > 1 and (cap or first.isdigit()) and text[pos:e].isupper(), first.isalnum()))
            elif n > 1 and not chunk[-1].isspace() and (w := chunk[:-1]).isalnum() and w.isascii():
                first = text[pos]
                e = pos + n - 1
                cap = first.isupper()
                out.append(Tok(pos, e, w, cap, n > 2 and (cap or first.isdigit()) and text[pos:e].isupper(), first.isalnum()))
                mark = text[e]
                out.append(Tok(e, e + 1, chunk[-1], mark.isupper(), False, mark.isalnum()))
            else:
                for m in _TOKEN.finditer(folded, pos, pos + n):
                    s, e = m.span()
                    first = text[s]
                    cap = first.isupper()
                    out.append(Tok(s, e, m.group(), cap, e - s > 1 and (cap or first.isdigit()) and text[s:e].isupper(), first.isalnum()))
                    if len(out) >= count:
                        break
            if len(out) >= count:
                return out[:count]
        pos += n + 1
    return out


class TestFirstTokens:
    @given(texts(), st.data(), st.sampled_from([0, 1, 2, 3, 8, 14, 10**9]), st.booleans())
    @settings(max_examples=800)
    def test_first_tokens_cut_run_by_run_gives_what_the_copied_span_gave(
        self, text: str, data: st.DataObject, count: int, cut: bool
    ) -> None:
        start = data.draw(st.integers(0, len(text)) | st.just(0))
        end = data.draw(st.integers(start, len(text)) | st.just(len(text)))
        split_span = lines._SPLIT_SPAN
        lines._SPLIT_SPAN = 0 if cut else split_span  # a span this short is cut run by run too
        try:
            got = first_tokens(text, start, end, count)
        finally:
            lines._SPLIT_SPAN = split_span
        assert got == _first_tokens_before(text, start, end, count)


def _title_before(text: str) -> str:
    t = text.strip()
    m = _TITLE_END.search(t, 15)
    while m is not None and "\n" in t[m.start() - 15 : m.start()]:
        m = _TITLE_END.search(t, m.start() + 1)
    if m:
        t = t[: m.start()]
    if len(t) > 120:
        t = t[:120].rsplit(" ", 1)[0] + "…"
    return t


class TestTitle:
    @given(texts(max_words=80), st.sampled_from(["", " ", "\n ", "   \n"]))
    @settings(max_examples=300)
    def test_a_title_read_from_the_first_characters_is_the_one_read_from_the_whole_text(self, text: str, pad: str) -> None:
        assert title_of(pad + text + pad) == _title_before(pad + text + pad)


def _subject_before_before(text: str, verb_start: int) -> list[str]:
    """subject_before as it was: an owner list read from every start, again and again."""
    from dondoc.parse.lines import tokenize, tokens_between

    cut = max(text.rfind(".", 0, verb_start), text.rfind(":", 0, verb_start)) + 1
    if cut and text.rfind("(", 0, cut) > text.rfind(")", 0, cut):
        cut = 0
    if cut:
        toks = tokens_between(text, cut, min(len(text), verb_start + 400))
    else:
        toks = tokenize(text) if len(text) < verb_start + 400 else tokens_between(text, 0, verb_start + 400)
    idx = next((k for k, t in enumerate(toks) if t.start >= verb_start), len(toks))
    starts = [0] + [k + 1 for k, t in enumerate(toks[:idx]) if t.f in (",", ";", ".", ":")]
    starts += [k for k in range(1, idx - 2) if toks[k].f in ("de", "yeu") and (toks[k].f, toks[k + 1].f) in (("de", "nghi"), ("yeu", "cau"))
               and toks[k - 1].f not in (",", ";", ".", ":")]
    for s in starts:
        if s >= idx:
            continue
        ol = owner_list(toks, s)
        if ol.names and ol.end == idx:
            return _names(text, ol.names)
        ask = 2 if s + 2 < idx and (toks[s].f, toks[s + 1].f) in (("de", "nghi"), ("yeu", "cau")) else 0
        if not ask and s + 1 < idx and toks[s].f == "giao" and toks[s + 1].cap:
            ask = 1
        if ask:
            ol = owner_list(toks, s + ask)
            if ol.names and (ol.end == idx or ol.verb and _only_predicates(toks, ol.end, idx)):
                return _names(text, ol.names)
    return []


class TestSubjectBefore:
    @given(texts(max_words=50))
    @settings(max_examples=400)
    def test_the_subject_of_a_report_is_the_one_read_from_every_start(self, text: str) -> None:
        text += " báo cáo về UBND tỉnh."
        at = text.rindex("báo cáo")
        assert subject_before(text, at) == _subject_before_before(text, at)


def _task(start: int, key: str) -> Task:
    return Task(key=key, title=key, text=key, span=(start, start + 1))


def _placed_before(tasks: list[Task], blocks: list[tuple[int, list[Task]]]) -> list[Task]:
    """Each block inserted in turn before the first task that starts after where it stands."""
    out = list(tasks)
    for at, new in blocks:
        k = next((k for k, t in enumerate(out) if t.span and t.span[0] > at), len(out))
        out[k:k] = new
    return out


class TestPlacing:
    @given(st.lists(st.integers(0, 50), max_size=12), st.lists(st.integers(0, 50), max_size=6, unique=True))
    @settings(max_examples=300)
    def test_tables_rows_go_where_one_insertion_at_a_time_put_them(self, starts: list[int], at: list[int]) -> None:
        tasks = [_task(s * 10, f"t{k}") for k, s in enumerate(sorted(starts))]
        # a block stands between the tasks and holds tasks before the next one, as a table does (no two
        # tables in one place)
        blocks = [(a * 10 + 1, [_task(a * 10 + 2, f"b{k}.1"), _task(a * 10 + 3, f"b{k}.2")]) for k, a in enumerate(sorted(at))]
        assert [t.key for t in _placed(tasks, blocks)] == [t.key for t in _placed_before(tasks, blocks)]


class TestWarnedDates:
    @given(st.lists(texts(max_words=6), max_size=8), st.lists(st.sampled_from(["31/2", "30/2/2025", "0/2", "1/2", "2/2025",
                                                                             "31\t/2", "3" * 20]), max_size=6))
    def test_a_date_is_said_when_a_warning_holds_it(self, warnings: list[str], dates: list[str]) -> None:
        said = _Said([])
        for w, d in zip(warnings, dates):
            said.warnings.append(w)
            assert said.said(d) == any(d in x for x in said.warnings)

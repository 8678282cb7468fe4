"""A paragraph that makes several requests, cut into one request each (pure).

Gold convention 2: a request is a sentence, or a run of sentences, that asks someone to act. A
paragraph of a prose công văn often makes two: "… đề nghị Ủy ban nhân dân các huyện gửi báo cáo về Sở
trước ngày 15/11. Đồng thời, đề nghị Phòng Nội vụ các huyện cập nhật số liệu hằng quý …". Each sentence
that asks a named addressee by itself opens a new request; the sentences after it that ask nobody (what
to send, by when, to whom) stay with it. A paragraph is cut only when every part it would give is a
request of its own.
"""

from __future__ import annotations

import re

from dondoc.parse.heads import verb_at
from dondoc.parse.lines import Line, tokens_between
from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.prose import _ASK, _CHARGED, _asks_someone, is_request

# where a sentence ends: a full stop before a capital (not "TP. Hồ Chí Minh"), or a semicolon
_END = re.compile(r"(?:(?<![A-ZĐ][A-Za-z])(?<!\b[A-ZĐ])\.|[;!?])\s+(?=\S)")
# an ask that opens its sentence, after at most a few linking words ("Đồng thời, đề nghị …", "Bên cạnh đó,
# Sở … yêu cầu …"): a request of its own, not one the sentence mentions in passing
_OPENS = 90
# what a sentence's opening ask is read from: the ask and its addressee (the text after each cut is never read
# whole: a paragraph of many sentences stays linear)
_WINDOW = _OPENS + 240
_NAMES_REACH = 600  # how far back a list of addressees across a semicolon is read


def _cuts(text: str) -> list[int]:
    """Where in `text` each sentence after the first starts."""
    out = []
    for m in _END.finditer(text):
        nxt = text[m.end() : m.end() + 1]
        if text[m.start()] == "." and not (nxt.isupper() or nxt.isdigit()):
            continue
        out.append(m.end())
    return out


def _asks_first(sentence: str) -> bool:
    """Whether a sentence opens by asking a named addressee."""
    f = fold_keep_length(sentence)
    first = min((m.start() for m in (_ASK.search(f), _CHARGED.search(f)) if m is not None), default=_OPENS)
    return first < _OPENS and _asks_someone(sentence, f)


def _names_only(part: str) -> bool:
    """Whether a part cut at a semicolon asks no more than whom it names: "Yêu cầu Giám đốc các Sở: Tư pháp,
    Xây dựng, …, Văn phòng Ủy ban nhân dân tỉnh; Chủ tịch UBND thành phố … khẩn trương chỉ đạo …" lists its
    addressees across the semicolon, one request (no predicate after the ask)."""
    if not part.endswith(";"):
        return False
    m = _ASK.search(fold_keep_length(part))
    if m is None:
        return False
    toks = tokens_between(part, m.end(), len(part))
    return not any(verb_at(toks, k) for k in range(len(toks)))


def _lines_cut(para: list[Line], bounds: list[int]) -> list[list[Line]]:
    """The paragraph's lines cut to the joined text's ranges [bounds[i], bounds[i + 1]), in one pass."""
    out: list[list[Line]] = [[] for _ in range(len(bounds) - 1)]
    k = 0
    at = 0
    for ln in para:
        end = at + len(ln.text)
        while k < len(out) and bounds[k + 1] <= at:
            k += 1
        j = k
        while j < len(out) and bounds[j] < end:
            lo, hi = max(bounds[j], at), min(bounds[j + 1], end)
            part = ln.text[lo - at : hi - at].strip() if lo < hi else ""
            if part:
                out[j].append(ln if part == ln.text else ln._replace(text=part, bold=""))
            j += 1
        at = end + 1
    return out


def requests_of(para: list[Line]) -> list[list[Line]]:
    """The requests one prose paragraph makes, each as the lines (or parts of lines) that make it."""
    text = " ".join(ln.text for ln in para)
    cuts = _cuts(text)
    if not cuts:
        return [para]
    starts = [0]
    for c in cuts:
        if _asks_first(text[c : c + _WINDOW]) and not _names_only(text[max(starts[-1], c - _NAMES_REACH) : c].strip()):
            starts.append(c)
    if len(starts) < 2:
        return [para]
    bounds = [*starts, len(text)]
    parts = [text[bounds[i] : bounds[i + 1]].strip() for i in range(len(starts))]
    if not all(is_request(p) for p in parts):
        return [para]
    return _lines_cut(para, bounds)


def split_requests(paragraphs: list[list[Line]]) -> list[list[Line]]:
    """Each paragraph's requests in order (requests_of)."""
    return [q for p in paragraphs for q in requests_of(p)]

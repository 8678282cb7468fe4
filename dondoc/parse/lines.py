"""The text as lines with offsets, markdown emphasis removed, and as word tokens (pure)."""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from typing import Final, NamedTuple

from dondoc.parse.normalize import fold_keep_length

# Every branch begins with its literal character, the look-behind checked after it ("*" not after a
# word character or "*"; "*" after a non-space): the engine then skips to the "*", "_" and "\\" of a
# line instead of trying each branch at every character (the same matches as with the look-behind first).
_EMPH = re.compile(r"\*\*|__|\*(?<![\w*]\*)(?=\S)|\*(?<=\S\*)(?![\w*])|\\(?=[.\-)(*_#])")
_HEADING = re.compile(r"^#{1,6}\s+")
_SPACES = re.compile(r"[ \t\u00a0]+")
_LEADING_BOLD = re.compile(r"^\s*(?:\*\*|__)(.+?)(?:\*\*|__)")


class Line(NamedTuple):
    """One line of the text: where it sits, and its words without markup (a tuple: cheap to make)."""

    no: int  # 1-based line number
    start: int  # offset of the line's first character in the text
    end: int  # offset after its last character (newline excluded)
    text: str  # markup removed, spaces collapsed, stripped
    bold: str  # the leading bold run, markup removed ("" when none)

    @property
    def blank(self) -> bool:
        return not self.text


def clean(raw: str) -> str:
    """Drop markdown emphasis, heading marks and escapes; collapse spaces."""
    s = raw.strip()
    if "\t" in s and s.count("\t") >= 2 and not s.startswith("|"):
        # a row of a table pasted from a word processor, its cells between tabs: as a "| … |" row
        s = "| " + " | ".join(c.strip() for c in s.split("\t")) + " |"
    if s.startswith("#"):
        s = _HEADING.sub("", s)
    if s.startswith("* "):
        s = "- " + s[2:]
    if "*" in s or "_" in s or "\\" in s:
        s = _EMPH.sub("", s)
    if "  " in s or "\t" in s or "\u00a0" in s:
        s = _SPACES.sub(" ", s)
    return s.strip()


def split_lines(text: str) -> list[Line]:
    """The text as Line records; offsets index into `text`."""
    out: list[Line] = []
    append = out.append
    pos = 0
    for no, raw in enumerate(text.split("\n"), start=1):
        append(line_of(no, pos, raw))
        pos += len(raw) + 1
    return out


def line_of(no: int, pos: int, raw: str) -> Line:
    """The Line record of `raw`, line `no` of a text, starting at offset `pos` in it."""
    bold = ""
    m = _LEADING_BOLD.match(raw) if "**" in raw or "__" in raw else None
    if m:
        bold = clean(m.group(1))
    return _new_tok(Line, (no, pos, pos + len(raw), clean(raw), bold))  # Line(no, start, end, text, bold), made as a tuple


_TOKEN: Final = re.compile(r"[a-z0-9]+(?:&[a-z0-9]+)*|[^\sa-z0-9]")


class Tok:
    """A word or punctuation mark (a plain class: compiled with mypyc, a native one)."""

    __slots__ = ("start", "end", "f", "cap", "upper", "word")

    def __init__(self, start: int, end: int, f: str, cap: bool, upper: bool, word: bool) -> None:
        self.start = start
        self.end = end
        self.f = f  # folded: lower case, no accents
        self.cap = cap  # starts with a capital letter
        self.upper = upper  # an all-capital abbreviation (UBND, MTTQ)
        self.word = word

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Tok) and (self.start, self.end, self.f, self.cap, self.upper, self.word) == (
            other.start, other.end, other.f, other.cap, other.upper, other.word)

    def __repr__(self) -> str:
        return f"Tok({self.start}, {self.end}, {self.f!r}, {self.cap}, {self.upper}, {self.word})"


_new_tok = tuple.__new__  # Line records made as plain tuples, without the NamedTuple's __new__


def tokens_between(text: str, start: int, end: int) -> list[Tok]:
    """The tokens of text[start:end], with offsets into `text`."""
    return first_tokens(text, start, end, _ALL)


_ALL: Final = sys.maxsize  # first_tokens(…, _ALL): every token


def first_tokens(text: str, start: int, end: int, count: int) -> list[Tok]:
    """The first `count` tokens of text[start:end] (fewer when it has fewer), with offsets into `text`.

    Cut at the spaces first, the first `count` runs between them (each holds a token or more, unless
    empty) and then, while tokens are still wanted, the rest of the span: a token never holds a
    space. A run of ASCII letters and digits, the usual case, is one word token without asking the
    regular expression; any other run is tokenized by _TOKEN within its bounds, which gives what
    _TOKEN over the whole span gives. A long span asked for a few tokens is cut at its first
    `count` non-empty runs (_first_runs), never copied whole: the tokens of the rest of a span are
    those of its runs one by one, since no token holds a space.
    """
    folded = fold_keep_length(text)
    if count >= _ALL or end - start <= _SPLIT_SPAN:
        part = folded[start:end]
        chunks = part.split(" ", count)
        ascii_all = part.isascii()  # then so is every chunk: one question (a flag of the string), not one a chunk
    else:
        chunks = _first_runs(folded, start, end, count)
        ascii_all = False
    out: list[Tok] = []
    append = out.append
    pos = start
    for chunk in chunks:
        n = len(chunk)
        if n:
            if chunk.isalnum() and (ascii_all or chunk.isascii()):
                first = text[pos]
                if first.islower():  # the common case: a lower-case word
                    append(Tok(pos, pos + n, chunk, False, False, True))
                else:
                    cap = first.isupper()
                    e = pos + n
                    append(Tok(pos, e, chunk, cap, n > 1 and (cap or first.isdigit()) and text[pos:e].isupper(), first.isalnum()))
            elif n > 1 and not chunk[-1].isspace() and (w := chunk[:-1]).isalnum() and (ascii_all or w.isascii()):
                # a word and a mark after it ("tỉnh,", "năm."): what _TOKEN makes of it, a word then a
                # one-character token (the mark is no ASCII letter or digit, or the run were a word)
                first = text[pos]
                e = pos + n - 1
                if first.islower():
                    append(Tok(pos, e, w, False, False, True))
                else:
                    cap = first.isupper()
                    append(Tok(pos, e, w, cap, n > 2 and (cap or first.isdigit()) and text[pos:e].isupper(), first.isalnum()))
                mark = text[e]
                append(Tok(e, e + 1, chunk[-1], mark.isupper(), False, mark.isalnum()))
            elif n <= _HAND_RUN and " " not in chunk and chunk.isprintable():
                _hand_tokens(text, chunk, pos, out, count)  # "(qua", "tinh).", "15/11)": no space inside
            else:
                for m in _TOKEN.finditer(folded, pos, pos + n):
                    s, e = m.span()
                    first = text[s]
                    cap = first.isupper()  # an all-capital word starts with a capital or a digit
                    append(Tok(s, e, m.group(), cap, e - s > 1 and (cap or first.isdigit()) and text[s:e].isupper(), first.isalnum()))
                    if len(out) >= count:
                        break
            if len(out) >= count:
                return out[:count]
        pos += n + 1
    return out


_HAND_RUN = 24  # a run up to this long without a space (its marks and words) is tokenized by hand
_WORD_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _hand_tokens(text: str, run: str, pos: int, out: list[Tok], count: int) -> None:
    """Append the tokens _TOKEN finds in `run` (folded, no space character in it: what str.isprintable
    and no " " say), which starts at offset `pos` of `text`, until `out` holds `count`: a word of
    ASCII letters and digits (joined by single "&"s) or any other character alone."""
    n = len(run)
    i = 0
    while i < n:
        ch = run[i]
        s = pos + i
        first = text[s]
        if ch in _WORD_CHARS:
            j = i + 1
            while j < n:
                if run[j] in _WORD_CHARS:
                    j += 1
                elif run[j] == "&" and j + 1 < n and run[j + 1] in _WORD_CHARS:
                    j += 2
                else:
                    break
            e = pos + j
            cap = first.isupper()
            out.append(Tok(s, e, run[i:j], cap, j - i > 1 and (cap or first.isdigit()) and text[s:e].isupper(), first.isalnum()))
            i = j
        else:
            out.append(Tok(s, s + 1, ch, first.isupper(), False, first.isalnum()))
            i += 1
        if len(out) >= count:
            return


# A span up to this long is split at once (copied out of the text: cheap); a longer one asked for a
# few tokens is cut run by run.
_SPLIT_SPAN = 1024


def _first_runs(folded: str, start: int, end: int, count: int) -> list[str]:
    """The runs between the spaces of folded[start:end] from its start, up to the `count`-th that
    holds a token (one of line breaks or tabs alone holds none)."""
    runs: list[str] = []
    pos = start
    found = 0
    while found < count:
        space = folded.find(" ", pos, end)
        if space < 0:
            runs.append(folded[pos:end])
            break
        run = folded[pos:space]
        runs.append(run)
        found += 1 if run and not run.isspace() else 0  # a run with a character other than a space holds a token
        pos = space + 1
    return runs


@lru_cache(maxsize=512)
def _tokenize(text: str) -> tuple[Tok, ...]:
    return tuple(tokens_between(text, 0, len(text)))


def tokenize(text: str) -> list[Tok]:
    """Words and punctuation of a (cleaned, NFC) string with their offsets."""
    return list(_tokenize(text))


# a word no title line ends with: a line break after it wraps a sentence ("… giám sát của⏎Hội đồng nhân dân
# tỉnh …", as text copied from a page of fixed width runs), and starts no clause
_WRAPPED = re.compile(r"\b(?:cua|va|do|voi|cac|cho|tai|trong|theo|ve|de|cung|nhung|boi|tu|den|hoac)\n")
_WRAP_WIDTH = 60


def unwrapped(text: str) -> str:
    """The text with the line breaks that only wrap a sentence made spaces (same length)."""
    if "\n" not in text:
        return text
    folded = fold_keep_length(text)
    cuts = [m.end() - 1 for m in _WRAPPED.finditer(folded)]
    # a long line that ends in a word, no stop, runs on: a title line over duties is short ("Cải cách hành chính")
    start = 0
    for k in (i for i, ch in enumerate(text) if ch == "\n"):
        if k - start >= _WRAP_WIDTH and text[k - 1].isalpha():
            cuts.append(k)
        start = k + 1
    return spaced(text, cuts)


def spaced(text: str, cuts: list[int]) -> str:
    """The text with the line breaks at `cuts` made spaces (same length: offsets kept)."""
    if not cuts:
        return text
    parts: list[str] = []
    last = 0
    for k in sorted(set(cuts)):  # pieces between the cuts, not a list of every character
        parts.append(text[last:k])
        last = k + 1
    parts.append(text[last:])
    return " ".join(parts)

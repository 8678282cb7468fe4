"""Observances an item names, with or without a date, mapped through the catalog (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dondoc.observances import Observance, ObservanceCatalog
from dondoc.parse.normalize import expand_abbreviations, fold, fold_expanded, fold_keep_length
from dondoc.parse.scan import finditer_not_after, word_finditer
from dondoc.parse.scan import trie_pattern as _trie_pattern

# "Ngày Quốc tế lao động 01/5", "Ngày hội ... – 19/8", "... (18/11)"
# after a \b, which word_finditer checks (the engine then skips to each "ngay")
_NAMED_DAY = re.compile(r"ngay ((?:[a-z]+ ){1,12}?[a-z]+)\s*[-–(:,]?\s*(\d{1,2})\s*/\s*(\d{1,2})(?![/\d])")
_NOT_A_NAME = re.compile(r"\b(?:truoc|han|cham nhat|den|tu|ke tu|ngay|thang|ky|ban hanh|so)\b")


_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_YEAR = re.compile(r"nam \d{4}")
# "Cách mạng Tháng Tám (19/8/1945 - 19/8/2025)": an anniversary, the same day and month years apart
_ANNIVERSARY = re.compile(r"\((\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*[-–]\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*\)")
_WORDS_BEFORE = re.compile(r"(?:[^\s(),;:.]+\s+){1,8}$")


def _anniversaries(text: str) -> list[tuple[str, int]]:
    """The days ("--08-19") of the anniversaries written with their range of years, and where each starts."""
    out: list[tuple[str, int]] = []
    if "(" not in text:
        return out
    for m in _ANNIVERSARY.finditer(text):
        d, mo, y, d2, mo2, y2 = (int(x) for x in m.groups())
        if (d, mo) == (d2, mo2) and y < y2 and 1 <= mo <= 12 and 1 <= d <= 31:
            out.append((f"--{mo:02d}-{d:02d}", m.start()))
    return out
# What a text must hold to name one year's occasion: "năm 2019" after a name, "95 năm" before one,
# a range of years after one ("(26/3/1931 - 26/3/2026)")
# (nam \d{4}|\d nam |\d{4}…\d{4}, written to start with one character class: the engine skips to an "n"
# or a digit instead of trying each branch at every character)
_ONE_YEAR = re.compile(r"[n\d](?:(?<=n)am \d{4}|(?<=\d) nam |(?<=\d)\d{3}\s*\)?\s*[-–]\s*\(?\s*(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*)?\d{4})")


@dataclass(frozen=True)
class EventHit:
    event: str  # "--08-19", or the observance key when it has no solar date
    name: str  # as the catalog or the text names it
    known: bool  # found in the catalog


class EventFinder:
    """Scans texts for the catalog's observances; built once per catalog."""

    def __init__(self, catalog: ObservanceCatalog) -> None:
        self.catalog = catalog
        names: list[tuple[str, Observance]] = []
        for o in catalog.observances:
            for n in [o.name, *o.aliases]:
                key = fold(expand_abbreviations(n))
                if key:
                    names.append((f" {key} ", o))
        names.sort(key=lambda x: len(x[0]), reverse=True)
        self._names = names
        self._by_name: dict[str, list[tuple[int, Observance]]] = {}
        for rank, (n, o) in enumerate(names):
            self._by_name.setdefault(n.strip(), []).append((rank, o))
        # One pattern for every name, between spaces: one pass over a text finds them all, the
        # longest name where several start at the same word.
        alternation = _trie_pattern(sorted(self._by_name))
        self._any_name = re.compile(rf" ({alternation})(?= )") if names else None
        # "Ngày hội … năm 2019", "kỷ niệm 95 năm Ngày thành lập Đoàn", "Ngày Thương binh - Liệt sĩ
        # (27/7/1947 - 27/7/2026)": one year's occasion (an anniversary's number names its year)
        # Two patterns, each starting with what the engine can skip to (a name's first letters, a digit),
        # not after a letter or digit (checked by hand: a leading look-behind is tried at every place)
        self._campaign = [
            re.compile(rf"({alternation}) (?:nam \d{{4}}|(?:\d{{1,2}} \d{{1,2}} )?\d{{4}} (?:\d{{1,2}} \d{{1,2}} )?\d{{4}})\b"),
            # after an anniversary's number (1 to 3 digits), also the second of two occasions it counts ("80 năm Cách
            # mạng Tháng Tám và Quốc khánh 2/9")
            re.compile(rf" nam (?:(?:[a-z]+ ){{1,5}}va )?({alternation})(?![a-z0-9])"),
        ] if names else None
        self._keys: dict[str, str] = {}

    def find(self, text: str, warnings: list[str] | None = None) -> list[EventHit]:
        """Observances the text names, in the order of the catalog's longest names first, deduplicated."""
        hits: list[EventHit] = []
        seen: set[str] = set()
        if self._any_name is not None:
            key = f" {self._key(text)} "
            ranked = {r: o for m in self._any_name.finditer(key) for r, o in self._by_name[m.group(1)]}
            for _, o in sorted(ranked.items(), key=lambda x: x[0]):
                ev = o.date or o.key
                if ev not in seen:
                    seen.add(ev)
                    hits.append(EventHit(ev, o.name, True))
        f = fold_keep_length(text)
        for m in word_finditer(_NAMED_DAY, f) if "/" in f else ():
            if not text[m.start()].isupper() or _NOT_A_NAME.search(m.group(1)):
                continue
            d, mo = int(m.group(2)), int(m.group(3))
            if not (1 <= mo <= 12 and 1 <= d <= 31):
                continue
            ev = f"--{mo:02d}-{d:02d}"
            if ev in seen:
                continue
            seen.add(ev)
            known = self.catalog.by_date(ev)
            label = text[m.start() : m.end()].strip()
            if not known and warnings is not None:
                warnings.append(f'observance "{label}" is not in config/observances.yaml; kept by its date')
            hits.append(EventHit(ev, known[0].name if known else label, bool(known)))
        for ev, at in _anniversaries(text):
            if ev in seen:
                continue
            seen.add(ev)
            known = self.catalog.by_date(ev)
            before = _WORDS_BEFORE.search(text, max(0, at - 80), at)
            words = before.group(0).split() if before else []
            first = next((k for k, w in enumerate(words) if w[:1].isupper()), 0)  # from its name's first capital
            label = " ".join([*words[first:], text[at : text.index(")", at) + 1]])
            if not known and warnings is not None:
                warnings.append(f'observance "{label}" is not in config/observances.yaml; kept by its date')
            hits.append(EventHit(ev, known[0].name if known else label, bool(known)))
        return hits

    def forget(self) -> None:
        """Empty the folded texts remembered for the last reading."""
        self._keys.clear()

    def _key(self, text: str) -> str:
        """The text folded with abbreviations spelt out, remembered for the last few texts."""
        key = self._keys.get(text)
        if key is None:
            if len(self._keys) > 64:
                self._keys.clear()
            key = self._keys[text] = fold_expanded(text)
        return key

    def campaign_events(self, text: str) -> set[str]:
        """Observances named as one year's occasion: with the year ("Ngày hội ... năm 2019"), with an
        anniversary's number ("kỷ niệm 95 năm Ngày thành lập Đoàn") or its range of years ("Ngày
        Thương binh - Liệt sĩ (27/7/1947 - 27/7/2026)"): a dispatch or an item about that occasion."""
        out: set[str] = set()
        if self._campaign is None or not _ONE_YEAR.search(fold_keep_length(text)):
            return out
        f = self._key(text)
        named, numbered = self._campaign
        for m in finditer_not_after(named, f, _ALNUM.__contains__):  # not inside a longer word
            out.update(o.date or o.key for _, o in self._by_name[m.group(1)])
        for m in numbered.finditer(f):
            s = m.start()
            k = s
            while k > 0 and f[k - 1].isdecimal():  # what \d matches
                k -= 1
            if 1 <= s - k <= 3 and not (k and f[k - 1] in _ALNUM):  # "95 năm Ngày …", not "2025 năm"
                out.update(o.date or o.key for _, o in self._by_name[m.group(1)])
        out.update(ev for ev, _ in _anniversaries(text))
        return out

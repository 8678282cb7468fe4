"""The spans of a text already claimed by a finding, asked about in logarithmic time (pure).

A reader that tries several patterns in turn keeps what an earlier one found: a later match that
overlaps a claimed span is dropped. Asking a list of every claimed span grows with the square of the
text's length when a long text holds many findings. `Spans` keeps the claims made so far as sorted,
disjoint spans (their union: a span overlaps one of the claims exactly when it overlaps their union)
and the latest claims, in order, apart; it merges the two only when a claim or a question goes back
before the latest claim, which happens once for each pattern, since each finds its matches in order.
"""

from __future__ import annotations

from bisect import bisect_right


class Spans:
    """Claimed [start, end) spans of one text: `overlaps(start, end)` and `claim(start, end)`."""

    def __init__(self) -> None:
        self._starts: list[int] = []  # merged: sorted, disjoint, not touching
        self._ends: list[int] = []
        self._recent: list[tuple[int, int]] = []  # claims since the last merge: in order, apart

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) shares a character with a claimed span (both non-empty)."""
        recent = self._recent
        if recent and start < recent[-1][0]:
            self._merge()
        elif recent and recent[-1][1] > start:
            return True  # the latest claim ends after `start` and began no later
        i = bisect_right(self._ends, start)  # the first merged span that ends after `start`
        return i < len(self._starts) and self._starts[i] < end

    def claim(self, start: int, end: int) -> None:
        """Mark [start, end) as taken (it may overlap what is taken already)."""
        if self._recent and start < self._recent[-1][1]:
            self._merge()
        self._recent.append((start, end))

    def _merge(self) -> None:
        both = sorted([*zip(self._starts, self._ends), *self._recent])
        self._recent = []
        starts: list[int] = []
        ends: list[int] = []
        for s, e in both:
            if starts and s <= ends[-1]:
                ends[-1] = max(ends[-1], e)
            else:
                starts.append(s)
                ends.append(e)
        self._starts, self._ends = starts, ends

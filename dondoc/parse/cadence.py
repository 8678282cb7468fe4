"""How often a task recurs, from the words of its text (pure)."""

from __future__ import annotations

import re
from functools import lru_cache

from dondoc.parse.normalize import fold_keep_length
from dondoc.parse.scan import word_search

# Order matters: the most frequent cadence stated wins.
# Each with a word it cannot match without, to skip the pattern cheaply.
# Every branch of these begins with \b, taken out and checked by word_search: the engine then skips
# to the words' first letters instead of trying every branch at every character.
_PATTERNS: list[tuple[str, re.Pattern[str], str]] = [
    ("monthly", re.compile(r"(?:hang|moi|dinh ky(?: hang)?) thang\b|bao cao thang\b"), "says every month"),
    ("quarterly", re.compile(r"(?:hang|moi|dinh ky(?: hang)?) quy\b|bao cao quy\b"), "says every quarter"),
    ("semiannual", re.compile(r"(?:dinh ky |hang |moi )?(?:0?6|sau) thang(?! (?:nam|/))|nua nam\b"), "says every 6 months"),
    ("annual", re.compile(r"(?:hang|moi|dinh ky(?: hang)?) nam\b|hang nam\b|(?:0?1|mot) nam(?= ?[(,;)]| \(| truoc)|(?:0?1|mot) lan (?:trong|moi) nam\b"), "says every year"),
]
# Text each pattern cannot match without (every branch holds one of them literally).
_NEEDS = {
    "monthly": ("hang thang", "moi thang", "ky thang", "cao thang"),
    "quarterly": ("hang quy", "moi quy", "ky quy", "cao quy"),
    "semiannual": ("6 thang", "sau thang", "nua nam"),
    "annual": ("hang nam", "moi nam", "ky nam", "1 nam", "mot nam", "lan trong nam"),
}
_AD_HOC = re.compile(r"dot xuat\b|khi co yeu cau\b|theo yeu cau\b")  # each branch after \b (word_search)
_CONTINUOUS = re.compile(  # after \b (word_search)
    r"(?:thuong xuyen|tiep tuc|tiep (?:trien khai|thuc hien|day manh)|duy tri|lien tuc|ben bi|lau dai|"
    r"day manh|tang cuong|chu dong|phat huy|gan ket|nang cao|cung co|quan tam|nam chac|bam sat|doi moi|"
    r"tham muu|kip thoi|chu trong|theo doi|giam sat|quan triet)\b"
)
_DELIVERABLE = re.compile(  # after \b (word_search)
    r"(?:xay dung (?:ke hoach|chuong trinh|de an|quy che)|ban hanh|to chuc (?:hoi nghi|le|hoi thao|mit tinh|"
    r"hoi thi|dien dan|giao luu|tong ket|so ket)|tong ket|so ket|kien toan|thanh lap|hoan thanh|gui (?:ve|den)|"
    r"lap danh sach|de xuat|(?<!qua )(?<!giai )(?<!lo )(?<!chuong )(?<!cong )trinh)\b"
)


@lru_cache(maxsize=256)
def explicit_cadence(text: str) -> tuple[str, str] | None:
    """The cadence a text states in so many words ("hằng năm", "định kỳ 6 tháng"), if any."""
    f = fold_keep_length(text)
    for repeat, pattern, why in _PATTERNS:
        if not any(map(f.__contains__, _NEEDS[repeat])):
            continue
        m = word_search(pattern, f)
        if m:
            return repeat, f'{why} ("{text[m.start():m.end()].strip()}")'
    return None


def classify(text: str, *, has_one_off_due: bool, yearly_due: bool, events: bool, campaign: bool) -> tuple[str, str]:
    """The task's repeat and why."""
    stated = explicit_cadence(text)
    if stated:
        return stated
    f = fold_keep_length(text)
    if yearly_due:
        return "annual", "a day and month without a year: every year"
    if has_one_off_due:
        return "once", "a dated deadline"
    if events:
        if campaign:
            return "once", "tied to this year's observance the dispatch is about"
        return "annual", "tied to an annual observance"
    m = word_search(_AD_HOC, f) if "dot xuat" in f or "yeu cau" in f else None
    if m:
        return "ad_hoc", f'on request ("{text[m.start():m.end()]}")'
    m = word_search(_CONTINUOUS, f)
    if m:
        return "continuous", f'ongoing work ("{text[m.start():m.end()]}")'
    m = word_search(_DELIVERABLE, f)
    if m:
        return "once", f'a one-off deliverable ("{text[m.start():m.end()]}") without a date'
    return "continuous", "no date, no deliverable: an ongoing duty"

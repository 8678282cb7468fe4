"""Owners against the organisation directory: names completed to the directory's longest, then resolved (pure)."""

from __future__ import annotations

import re
from typing import Final

from dondoc.directory import Directory, Resolution
from dondoc.orgmatch import locality_of
from dondoc.parse.header import Header
from dondoc.parse.normalize import fold, fold_keep_length, match_key
from dondoc.parse.gatherers import gatherers
from dondoc.taskset import Cascade, Owner, Task, TaskSet

_APPOSITION = re.compile(r"\s+[-–—]\s")
_MATCHERS: dict[int, tuple[Directory, re.Pattern[str] | None]] = {}


def _matcher(directory: Directory) -> re.Pattern[str] | None:
    """Every name and alias of the directory, longest first, as written in folded text (any
    punctuation or spaces between words): built once per directory."""
    hit = _MATCHERS.get(id(directory))
    if hit is None or hit[0] is not directory:
        names: set[str] = set()
        for org in directory.organizations.values():
            for n in [org.name, *org.aliases]:
                words = fold(n).split()
                if words:
                    names.add(r"[\s,.\-–]+".join(re.escape(w) for w in words))
        ordered = sorted(names, key=len, reverse=True)
        pattern = re.compile(rf"(?:{'|'.join(ordered)})(?![a-z0-9])") if ordered else None
        if len(_MATCHERS) > 8:
            _MATCHERS.clear()
        hit = (directory, pattern)
        _MATCHERS[id(directory)] = hit
    return hit[1]


def _longest_written(text: str, folded: str, name: str, pattern: re.Pattern[str]) -> str:
    """The longest directory name the text writes where it writes `name` (else `name`)."""
    key = fold_keep_length(name)
    best = name
    pos = folded.find(key)
    while pos >= 0:
        m = pattern.match(folded, pos)
        # an apposition ("Công an tỉnh - Cơ quan Thường trực …") names the same owner twice: keep the first
        if m is not None and m.end() - pos > len(best) and not _APPOSITION.match(folded, pos + len(key)):
            best = text[pos : m.end()]
        pos = folded.find(key, pos + 1)
    return best


def complete_names(tasks: list[Task], directory: Directory) -> None:
    """An owner cut short by a word of action inside its name ("Phòng Xây dựng phong trào toàn
    dân | bảo vệ ANTQ") takes the longest directory name or alias the text writes from there."""
    pattern = _matcher(directory)
    if pattern is None:
        return
    # the tasks of one item share its text (the same object): each name is looked for in it once
    longest: dict[tuple[int, str], str] = {}
    for task in tasks:
        folded = fold_keep_length(task.text)
        for role in ("lead", "support"):
            owners: list[Owner] = getattr(task, role)
            for k, o in enumerate(owners):
                seen = (id(task.text), o.name)
                best = longest.get(seen) or _longest_written(task.text, folded, o.name, pattern)
                longest[seen] = best
                if best != o.name:
                    owners[k] = Owner(name=best)
                    why = task.explain.get(role, "")
                    task.explain[role] = (why + "; " if why else "") + f'"{best}" completed from the directory'


def lookup(directory: Directory, name: str, header: Header, cache: dict[str, Resolution]) -> Resolution:
    """An owner name resolved through the directory as of the dispatch's date (orgmatch's readings)."""
    res = cache.get(name)
    if res is None:
        res = cache[name] = directory.resolve(name, on=header.issued_on, locality=locality_of(header.issuer, header.place))
    return res


def _owner(name: str, res: Resolution) -> Owner:
    if res.group:
        return Owner(name=name, orgs=list(res.codes))
    return Owner(name=name, org=res.codes[0] if res.codes else None)


def _unresolved(directory: Directory, res: Resolution, what: str) -> str:
    """Why a name resolved to nothing: it fits several organisations (named), or none."""
    if res.ambiguous:
        fits = ", ".join(f'"{directory.organizations[c].name}" ({c})' for c in res.candidates)
        return f'{what} "{res.name}" fits {len(res.candidates)} organisations equally ({fits}): none is picked; choose one'
    return f'{what} "{res.name}" not found in the directory'


def set_gatherers(tasks: list[Task], body: str) -> None:
    """Reports sent to (or through) an agency the dispatch charges with gathering them are cascaded:
    "báo cáo … về UBND tỉnh (qua Công an tỉnh). Giao Công an tỉnh chủ trì, tập hợp kết quả …"."""
    waiting = [t for t in tasks if t.kind == "report" and t.cascade is None and t.report_to]
    if not waiting:
        return
    named = [(g, match_key(g), f'the dispatch charges "{g}", which the reports go to, with gathering them')
             for g in gatherers(body)]
    # an agency one report says gathers ("… (qua Công an tỉnh) để tổng hợp") gathers the others sent through it
    named += [(t.cascade.by.name, match_key(t.cascade.by.name), f'item {t.key} says "{t.cascade.by.name}" gathers the reports sent to it')
              for t in tasks if t.cascade is not None]
    if not named:
        return
    keys: dict[str, str] = {}  # match_key of each name, worked out once

    def key_of(name: str) -> str:
        k = keys.get(name)
        if k is None:
            k = keys[name] = match_key(name)
        return k

    for task in waiting:
        to = f" {key_of(task.report_to or '')} "
        for g, key, why in named:
            if f" {key} " in to and key not in {key_of(o.name) for o in task.lead}:
                task.cascade = Cascade(by=Owner(name=g))
                task.explain["cascade"] = why
                break


def resolve(ts: TaskSet, directory: Directory, header: Header, line_of: dict[str, int]) -> None:
    """Owners and consolidators resolved to directory codes; a name that resolves to nothing, or to
    several organisations equally, is kept as written and flagged with the reason."""
    cache: dict[str, Resolution] = {}
    for task in ts.tasks:
        where = f"line {line_of.get(task.key, 0)}: item {task.key}"
        looser: list[str] = []
        if task.cascade is not None:
            by = task.cascade.by
            res = lookup(directory, by.name, header, cache)
            task.cascade = Cascade(by=_owner(by.name, res), working_days=task.cascade.working_days)
            if not res.resolved:
                ts.warnings.append(f"{where}: {_unresolved(directory, res, 'consolidator')}")
        for role in ("lead", "support"):
            resolved = []
            for o in getattr(task, role):
                res = lookup(directory, o.name, header, cache)
                if not res.resolved:
                    ts.warnings.append(f"{where}: {_unresolved(directory, res, 'owner')}")
                elif res.how != "as written":
                    looser.append(f'"{o.name}" → {", ".join(res.codes) if not res.group else res.group} ({res.how})')
                resolved.append(_owner(o.name, res))
            setattr(task, role, resolved)
        if looser:
            task.explain["owners.resolved"] = "; ".join(looser)


_ADDRESS: Final = re.compile(r"^(?:đồng chí|ông|bà)\s+", re.IGNORECASE)


def addressed(recipients: list[str], names: list[str]) -> list[str]:
    """Names the text shortens to the first words of one addressee's ("Cục Thuế" for "Kính gửi: Cục
    Thuế tỉnh Hà Tĩnh", "đồng chí Giám đốc" for "Đồng chí Giám đốc Công an tỉnh") are that addressee."""
    out = []
    folded: list[list[str]] = []  # each addressee's folded words, once a call
    for name in names:
        words = fold_keep_length(_ADDRESS.sub("", name)).lower().split()
        if words[:1] in (["cac"], ["nhung"], ["toan"], ["tat"], ["moi"]):
            out.append(name)  # "Các cơ quan, đơn vị": a collective, kept as written
            continue
        if len(words) >= 2 and not folded:
            folded = [fold_keep_length(_ADDRESS.sub("", r)).lower().split() for r in recipients]
        hits = [r for r, rw in zip(recipients, folded) if len(rw) > len(words) >= 2 and rw[: len(words)] == words]
        full = hits[0] if len(hits) == 1 else name
        if full not in out:
            out.append(full)
    return out

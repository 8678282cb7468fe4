"""Never lose a task on the way in: check a task set's owners against the directory before it is stored.

Pure. A lead owner that resolves to no organisation (or a task with no lead at all) and any
explicit `org:`/`orgs:` code the directory does not hold is refused, with the closest codes in the
directory; a support owner that resolves to nothing is kept and listed. `dondoc load
--allow-unassigned` stores refused owners without an organisation: the task is then unassigned
(derived from the data, see dondoc.store.owners) until `dondoc tasks assign` gives it one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz, process

from dondoc.directory import Directory, fold
from dondoc.orgmatch import locality_of
from dondoc.taskset import Owner, TaskSet

ADVICE = "Thêm vào danh bạ, sửa tệp, hoặc nạp với --allow-unassigned"
CLOSEST = 3  # how many codes a refusal suggests
LIKELY = 60  # a similarity (0–100) above the noise of unrelated names of the same length; below it,
# the closest few are still shown, so that a refusal always points somewhere


@dataclass(frozen=True)
class OwnerIssue:
    """An owner of a task that the directory cannot place."""

    task_key: str
    role: str  # lead | support | consolidator
    name: str  # as written; "" for a task with no lead at all
    code: str | None = None  # the explicit code the directory lacks; None when the name resolved to nothing
    closest: tuple[str, ...] = ()

    def short(self) -> str:
        """The owner in a few words: `"Ban Dân tộc tỉnh"`, `mã "so-ttt"`, `(không có chủ trì)`."""
        if self.code is not None:
            return f'mã "{self.code}"'
        return f'"{self.name}"' if self.name else "(không có chủ trì)"

    def describe(self, directory: Directory, *, on: date | None = None) -> str:
        """One clause in Vietnamese: `nhiệm vụ 3: không tìm thấy đơn vị "…" trong danh bạ; gần nhất: …`."""
        if not self.name and self.code is None:
            return f"nhiệm vụ {self.task_key}: chưa có đơn vị chủ trì (lead để trống)"
        if self.code is not None:
            what = f'mã đơn vị "{self.code}"' + (f' (ghi cho "{self.name}")' if self.name else "")
            head = f"nhiệm vụ {self.task_key}: {what} không có trong danh bạ"
        else:
            role = {"support": "phối hợp ", "consolidator": "tổng hợp "}.get(self.role, "")
            head = f'nhiệm vụ {self.task_key}: không tìm thấy đơn vị {role}"{self.name}" trong danh bạ'
        near = ", ".join(code_label(directory, c, on=on) for c in self.closest)
        return head + (f"; gần nhất: {near}" if near else "; danh bạ chưa có đơn vị nào")


@dataclass
class OwnerCheck:
    """What a task set's owners come to against the directory."""

    refused: list[OwnerIssue] = field(default_factory=list)  # unplaced leads, unknown codes
    kept: list[OwnerIssue] = field(default_factory=list)  # support names that resolve to nothing: a warning

    def refusal(self, directory: Directory, *, on: date | None = None) -> str:
        """The one line of a refused load (without the file name)."""
        first, others = self.refused[0], self.refused[1:]
        line = f"{first.describe(directory, on=on)}. {ADVICE}"
        if others:
            shown = ", ".join(f"nhiệm vụ {i.task_key} {i.short()}" for i in others[:3])
            more = ", …" if len(others) > 3 else ""
            line += f" (còn {len(others)} chỗ khác: {shown}{more})"
        return line


def check_owners(ts: TaskSet, directory: Directory) -> OwnerCheck:
    """Every owner the directory cannot place, in file order."""
    on = ts.dispatch.issued_on
    locality = locality_of(ts.dispatch.issuer, ts.dispatch.place)  # "Công an xã" in a commune's dispatch
    out = OwnerCheck()
    cache: list[NameIndex] = []

    def near(name: str, code: str | None = None) -> tuple[str, ...]:
        if not cache:  # built on the first owner that needs it: a clean task set never pays for it
            cache.append(NameIndex.of(directory))
        return closest(directory, name, code=code, on=on, index=cache[0])

    for t in ts.tasks:
        if not t.lead:
            out.refused.append(OwnerIssue(task_key=t.key, role="lead", name=""))
        for role, owners in (("lead", t.lead), ("support", t.support)):
            for o in owners:
                unknown = unknown_codes(o, directory)
                if unknown:
                    out.refused.append(OwnerIssue(task_key=t.key, role=role, name=o.name, code=unknown[0],
                                                  closest=near(o.name, unknown[0])))
                elif not owner_codes(o, directory, on=on, locality=locality):
                    issue = OwnerIssue(task_key=t.key, role=role, name=o.name, closest=near(o.name))
                    (out.refused if role == "lead" else out.kept).append(issue)
        if t.cascade is not None:
            by = t.cascade.by
            unknown = unknown_codes(by, directory)
            if unknown:
                out.refused.append(OwnerIssue(task_key=t.key, role="consolidator", name=by.name, code=unknown[0],
                                              closest=near(by.name, unknown[0])))
    return out


def unknown_codes(owner: Owner, directory: Directory) -> list[str]:
    """The explicit codes (`org:`, `orgs:`) of an owner that the directory does not hold."""
    return [c for c in ([owner.org] if owner.org else []) + list(owner.orgs) if c not in directory.organizations]


def owner_codes(owner: Owner, directory: Directory, *, on: date | None, locality: str | None = None) -> list[str]:
    """The codes an owner stands for: its explicit codes when it has any (the admin's word), else what
    the directory resolves its name to as of the dispatch's date ("Công an xã" in the `locality` that
    wrote it; nothing when the name fits two organisations equally). Unknown explicit codes are left out."""
    explicit = [c for c in ([owner.org] if owner.org else []) + list(owner.orgs) if c in directory.organizations]
    if owner.org or owner.orgs:
        return list(dict.fromkeys(explicit))
    return list(directory.resolve(owner.name, on=on, locality=locality).codes)


def _strip_province(key: str, province: str | None) -> str:
    """The name without the province ("… tỉnh Hải Dương", "… tỉnh"): every provincial body carries it."""
    if province:
        prov = fold(province)
        for suffix in (f" tinh {prov}", f" thanh pho {prov}", f" {prov}"):
            if key.endswith(suffix) and len(key) > len(suffix):
                key = key[: -len(suffix)].strip()
                break
    for suffix in (" tinh", " thanh pho"):
        if key.endswith(suffix) and len(key) > len(suffix):
            return key[: -len(suffix)].strip()
    return key


@dataclass(frozen=True)
class NameIndex:
    """The directory's names, aliases and codes folded once, with the words they hold, so that many
    owner names are compared with only the entries that could be close (a large directory stays fast)."""

    keys: tuple[str, ...]  # folded names and aliases without the province, and codes as words
    owner: tuple[str, ...]  # the code each key belongs to
    words: dict[str, tuple[int, ...]]  # word → the keys holding it
    codes: tuple[str, ...]
    initials: tuple[str, ...]  # so-tai-chinh → so-tc, as people shorten a code

    @classmethod
    def of(cls, directory: Directory) -> NameIndex:
        keys: list[str] = []
        owner: list[str] = []
        words: dict[str, list[int]] = {}
        for org in directory.organizations.values():
            for n in dict.fromkeys(_strip_province(fold(n), directory.province)
                                   for n in (org.name, *org.aliases, org.code.replace("-", " "))):
                for w in set(n.split()):
                    words.setdefault(w, []).append(len(keys))
                keys.append(n)
                owner.append(org.code)
        codes = tuple(directory.organizations)
        initials = []
        for c in codes:
            head, *rest = c.split("-")
            initials.append(f"{head}-{''.join(p[0] for p in rest if p)}")
        return cls(keys=tuple(keys), owner=tuple(owner), words={w: tuple(v) for w, v in words.items()},
                   codes=codes, initials=tuple(initials))

    def candidates(self, key: str) -> set[int]:
        """The keys worth scoring: the nearest few as plain strings, and those sharing a word that
        few entries hold (every entry holds "ủy ban" or "sở"; few hold "dân tộc")."""
        near = {i for _, _, i in process.extract(key, self.keys, scorer=fuzz.ratio, limit=NEAR)}
        rare = max(NEAR, len(self.keys) // 10)
        for w in set(key.split()):
            hits = self.words.get(w, ())
            if len(hits) <= rare:
                near.update(hits)
        return near


NEAR = 25  # keys kept by plain similarity before the finer comparison


def _word_and_plain(a: str, b: str) -> float:
    """0–100: the mean of plain and word-set similarity, so that a missing "và" still scores high
    while a lone shared word ("sở") does not."""
    return (fuzz.ratio(a, b) + fuzz.token_set_ratio(a, b)) / 2


def closest(directory: Directory, name: str, *, code: str | None = None, on: date | None = None,
            limit: int = CLOSEST, index: NameIndex | None = None) -> tuple[str, ...]:
    """The codes whose names, aliases or code come closest to `name` (and to `code`), accent- and
    case-insensitively; an organisation that did not exist on `on` ranks lower."""
    index = index or NameIndex.of(directory)
    best: dict[str, float] = {}
    key = _strip_province(fold(name), directory.province) if name.strip() else ""
    if key and index.keys:
        for i in index.candidates(key):
            c = index.owner[i]
            best[c] = max(best.get(c, 0.0), _word_and_plain(key, index.keys[i]))
    if code and index.codes:
        for choices, less in ((index.codes, 0), (index.initials, 5)):
            for _, score, i in process.extract(code, choices, scorer=fuzz.ratio, limit=NEAR):
                c = index.codes[i]
                best[c] = max(best.get(c, 0.0), score - less)
    for c in index.codes:  # a directory smaller than the suggestions: every code may be shown
        if len(best) >= limit:
            break
        best.setdefault(c, 0.0)
    scored = sorted(((score - (0 if directory.organizations[c].valid_on(on) else 15), c) for c, score in best.items()),
                    key=lambda s: (-s[0], s[1]))
    good = [c for score, c in scored if score >= LIKELY]
    return tuple(good[:limit] or [c for _, c in scored[:limit]])


def code_label(directory: Directory, code: str, *, on: date | None = None) -> str:
    """`so-tttt (Sở Thông tin và Truyền thông)`, with its end and successor when it has ceased by `on`."""
    org = directory.organizations.get(code)
    if org is None:
        return code
    note = ""
    if on is not None and not org.valid_on(on):
        if org.valid_to is not None and on > org.valid_to:
            note = f"; đến {org.valid_to:%d/%m/%Y}" + (f", nay là {org.successor}" if org.successor else "")
        elif org.valid_from is not None:
            note = f"; từ {org.valid_from:%d/%m/%Y}"
    return f"{code} ({org.name}{note})"

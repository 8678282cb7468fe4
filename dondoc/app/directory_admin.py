"""The directory as the admin pages use it: search-as-you-type, pages of a large directory, the groups,
and adding one missing agency (validated like `dondoc orgs import`, audited with its actor).

The stored directory is read once into memory (names folded for accent-insensitive search) and
read again only when the organisations or the audit log have changed, so that a directory of
30,000 organisations answers each keystroke of the picker from memory.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from sqlalchemy.engine import Engine
from sqlmodel import col, func, select

from dondoc import directory as dirmod
from dondoc.directory import fold
from dondoc.errors import ReviewError
from dondoc.store import models as m
from dondoc.store.db import session_scope
from dondoc.store.repo import audit

LEVEL_VI = {"trung-uong": "trung ương", "tinh": "tỉnh", "huyen": "huyện", "xa": "xã"}
PER_PAGE = 50
MAX_HITS = 20


@dataclass(frozen=True)
class OrgRow:
    code: str
    name: str
    level: str
    parent: str | None
    parent_name: str
    aliases: tuple[str, ...]
    groups: tuple[str, ...]
    ceased: bool


@dataclass
class Snapshot:
    """The directory as stored at one moment, with a folded text per organisation for searching."""

    stamp: tuple[int, int, int]
    directory: dirmod.Directory
    rows: list[OrgRow] = field(default_factory=list)  # by code
    folded: list[str] = field(default_factory=list)  # "code name aliases…", folded, one per row
    by_code: dict[str, OrgRow] = field(default_factory=dict)

    def known(self, code: str) -> bool:
        return code in self.directory.organizations

    def resolve(self, name: str, on: Any = None) -> tuple[str, ...]:
        return self.directory.resolve(name, on=on).codes


_CACHE: dict[str, Snapshot] = {}
_CHECKED: dict[str, float] = {}
_LOCK = threading.Lock()
RECHECK_SECONDS = 10.0  # how often the stamp is asked for; the admin pages' own writes forget the copy at once


def _stamp(engine: Engine) -> tuple[int, int, int]:
    """What changes when the directory does: organisations and groups counted, the last directory change
    audited (import, addition) and the last reorganisation recorded."""
    with session_scope(engine) as s:
        n_orgs = s.exec(select(func.count()).select_from(m.Organization)).one()
        n_groups = s.exec(select(func.count()).select_from(m.OrgGroup)).one()
        last = s.exec(select(func.max(m.AuditLog.id)).where(col(m.AuditLog.action).like("orgs%"))).one() or 0
        change = s.exec(select(func.max(m.OrgChange.id))).one() or 0
    return int(n_orgs) + int(n_groups) * 1_000_000_000, int(last), int(change)


def forget(engine: Engine) -> None:
    """Drop the copy in memory (after a write through these pages)."""
    _CACHE.pop(str(engine.url), None)


def _read(engine: Engine) -> dirmod.Directory:
    """The stored directory without contacts, read column by column: the ORM's objects cost seconds at 30,000."""
    with session_scope(engine) as s:
        meta = s.get(m.Meta, "directory")
        cols = (m.Organization.code, m.Organization.name, m.Organization.level, m.Organization.parent,
                m.Organization.aliases, m.Organization.groups, m.Organization.valid_from, m.Organization.valid_to,
                m.Organization.successor)
        orgs = [dirmod.Organization.model_construct(
            code=r[0], name=r[1], level=r[2], parent=r[3], aliases=list(r[4] or []), groups=list(r[5] or []),
            contacts=[], valid_from=r[6], valid_to=r[7], successor=r[8]) for r in s.exec(select(*cols)).all()]  # type: ignore[call-overload]
        groups = [dirmod.Group.model_construct(code=c, names=list(n or []))
                  for c, n in s.exec(select(m.OrgGroup.code, m.OrgGroup.names)).all()]
    model = dirmod.DirectoryFile.model_construct(province=meta.value.get("province") if meta else None,
                                                 organizations=orgs, groups=groups)
    return dirmod.Directory.from_file_model(model)


def snapshot(engine: Engine) -> Snapshot:
    """The directory, from memory while nothing has been written since it was read."""
    key = str(engine.url)
    cached = _CACHE.get(key)
    if cached is not None and time.monotonic() - _CHECKED.get(key, 0.0) < RECHECK_SECONDS:
        return cached
    stamp = _stamp(engine)
    _CHECKED[key] = time.monotonic()
    if cached is not None and cached.stamp == stamp:
        return cached
    with _LOCK:
        cached = _CACHE.get(key)
        if cached is not None and cached.stamp == stamp:
            return cached
        d = _read(engine)
        snap = Snapshot(stamp=stamp, directory=d)
        texts: dict[str, list[str]] = {}
        for folded, codes in d._names.items():  # the names as the directory folded them for resolving
            for code in codes:
                texts.setdefault(code, []).append(folded)
        for code in sorted(d.organizations):
            o = d.organizations[code]
            parent = d.organizations.get(o.parent) if o.parent else None
            row = OrgRow(code=o.code, name=o.name, level=o.level, parent=o.parent,
                         parent_name=parent.name if parent else "", aliases=tuple(o.aliases),
                         groups=tuple(o.groups), ceased=o.valid_to is not None)
            snap.rows.append(row)
            snap.folded.append(" ".join([o.code, *texts.get(code, [])]))
            snap.by_code[code] = row
        _CACHE[key] = snap
        return snap


def _matches(snap: Snapshot, query: str, group: str | None = None) -> list[int]:
    words = fold(query).split() if query else []
    out = []
    for i, text in enumerate(snap.folded):
        if group and group not in snap.rows[i].groups:
            continue
        if all(w in text for w in words):
            out.append(i)
    return out


def search(engine: Engine, query: str, *, limit: int = MAX_HITS) -> list[OrgRow]:
    """The organisations whose code, name or an alias holds every word typed (accents and case ignored),
    the closest first: the name itself, then a name that starts so, then the shortest."""
    if not query.strip():
        return []
    snap = snapshot(engine)
    q = fold(query)
    hits = _matches(snap, query)

    def rank(i: int) -> tuple[int, int, str]:
        row = snap.rows[i]
        name = fold(row.name)
        exact = 0 if q in (name, row.code) or q in (fold(a) for a in row.aliases) else 1
        prefix = 0 if name.startswith(q) or row.code.startswith(q) else 1
        return (exact + prefix + (2 if row.ceased else 0), len(row.name), row.code)

    return [snap.rows[i] for i in sorted(hits, key=rank)[:limit]]


@dataclass(frozen=True)
class Page:
    rows: list[OrgRow]
    contacts: dict[str, list[dict[str, str]]]
    total: int
    page: int
    pages: int


def list_page(engine: Engine, *, query: str = "", group: str | None = None, page: int = 1,
              per_page: int = PER_PAGE) -> Page:
    """One page of the directory (by code), filtered by words and by group, with the page's contacts."""
    snap = snapshot(engine)
    hits = _matches(snap, query, group)
    pages = max(1, -(-len(hits) // per_page))
    page = min(max(1, page), pages)
    rows = [snap.rows[i] for i in hits[(page - 1) * per_page: page * per_page]]
    contacts: dict[str, list[dict[str, str]]] = {}
    if rows:
        with session_scope(engine) as s:
            q = select(m.Contact).where(col(m.Contact.org_code).in_([r.code for r in rows])).order_by(col(m.Contact.id))
            for c in s.exec(q).all():
                contacts.setdefault(c.org_code, []).append({"name": c.name, "email": c.email, "role": c.role})
    return Page(rows=rows, contacts=contacts, total=len(hits), page=page, pages=pages)


def groups(engine: Engine) -> list[dict[str, Any]]:
    """The collective names ("các sở, ban, ngành") with how many organisations answer to each today."""
    snap = snapshot(engine)
    counts: dict[str, int] = {}
    for row in snap.rows:
        if not row.ceased:
            for g in row.groups:
                counts[g] = counts.get(g, 0) + 1
    return [{"code": g.code, "names": list(g.names), "members": counts.get(g.code, 0)}
            for g in sorted(snap.directory.groups.values(), key=lambda g: g.code)]


_ORG_FIELDS = {"code": "mã", "name": "tên", "level": "cấp", "parent": "cơ quan cấp trên", "aliases": "tên gọi khác",
               "groups": "nhóm", "contacts": "đầu mối"}


def add_organization(engine: Engine, *, form: dict[str, str], actor: str) -> str:
    """Add one organisation (and a contact) from the form; ReviewError names each wrong field in Vietnamese."""
    errors: dict[str, str] = {}
    code = form.get("code", "").strip()
    aliases = [a.strip() for a in form.get("aliases", "").splitlines() if a.strip()]
    group_codes = [g.strip() for g in form.get("groups", "").replace(",", " ").split() if g.strip()]
    contact = {k: form.get(f"contact_{k}", "").strip() for k in ("name", "email", "role")}
    entry: dict[str, Any] = {"code": code, "name": form.get("name", "").strip(), "level": form.get("level", "tinh"),
                             "parent": form.get("parent", "").strip() or None, "aliases": aliases,
                             "groups": group_codes, "contacts": []}
    if not entry["name"]:
        errors["name"] = "cần tên đầy đủ của cơ quan, đơn vị"
    if contact["email"] or contact["name"]:
        if "@" not in contact["email"] or "." not in contact["email"].split("@")[-1]:
            errors["contact_email"] = "cần một địa chỉ email (ví dụ vanthu@so.example.vn)"
        if not contact["name"]:
            errors["contact_name"] = "cần họ tên hoặc chức danh người đầu mối"
        entry["contacts"] = [{"name": contact["name"], "email": contact["email"], "role": contact["role"] or "coordinator"}]
    org: dirmod.Organization | None = None
    try:
        org = dirmod.Organization.model_validate(entry)
    except ValidationError as exc:
        for err in exc.errors():
            where = str(err["loc"][0])
            if where == "contacts":
                where = "contact_role"
            errors.setdefault(where, _org_reason(where, err))
    snap = snapshot(engine)
    if code and snap.known(code):
        errors["code"] = f"đã có đơn vị mã “{code}” ({snap.by_code[code].name})"
    if entry["parent"] and not snap.known(entry["parent"]):
        errors["parent"] = f"không có đơn vị mã “{entry['parent']}” trong danh bạ"
    for g in group_codes:
        if g not in snap.directory.groups:
            errors["groups"] = f"không có nhóm mã “{g}”"
    if errors or org is None:
        raise ReviewError("Chưa thêm được đơn vị: xin sửa các ô được đánh dấu.", fields=errors)
    with session_scope(engine) as s:
        if s.get(m.Organization, org.code) is not None:
            raise ReviewError("Chưa thêm được đơn vị.", fields={"code": f"đã có đơn vị mã “{org.code}”"})
        s.add(m.Organization(code=org.code, name=org.name, level=org.level, parent=org.parent,
                             aliases=list(org.aliases), groups=list(org.groups)))
        s.flush()
        for c in org.contacts:
            s.add(m.Contact(org_code=org.code, name=c.name, email=c.email, role=c.role))
        audit(s, action="orgs.add", subject=org.code, actor=actor,
              detail={"name": org.name, "parent": org.parent, "level": org.level, "aliases": list(org.aliases),
                      "groups": list(org.groups), "contacts": [c.email for c in org.contacts]})
    forget(engine)
    return org.code


def _org_reason(where: str, err: Any) -> str:
    if where == "code":
        return "mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ so-tttt"
    if where == "level":
        return "chọn trung ương, tỉnh, huyện hoặc xã"
    if where == "contact_role":
        return "chọn đầu mối, lãnh đạo hoặc quản trị"
    return f"{_ORG_FIELDS.get(where, where)} không hợp lệ"

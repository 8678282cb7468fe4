"""Directory import and task-set loading. Keyword-only, never commit: the caller owns the transaction."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypedDict

from sqlalchemy import delete, insert
from sqlmodel import Session, col, select

from dondoc import directory as dirmod
from dondoc.errors import NotFoundError, UnassignedOwnerError
from dondoc.intake import OwnerIssue, check_owners, owner_codes, unknown_codes
from dondoc.orgmatch import locality_of, same_body
from dondoc.store import models as m
from dondoc.store.notice_facts import chunks
from dondoc.taskset import TaskSet, to_plain


def audit(session: Session, *, action: str, subject: str = "", detail: dict | None = None, actor: str = "cli",
          occurrence_id: int | None = None, dispatch_id: str | None = None) -> None:
    """Record who did what; `occurrence_id` and `dispatch_id` are what `dondoc history` finds it by."""
    session.add(m.AuditLog(action=action, subject=subject, detail=detail or {}, actor=actor,
                           occurrence_id=occurrence_id, dispatch_id=dispatch_id))


# ---------------------------------------------------------------- directory


class _OrgValues(TypedDict):
    """The stored columns of an organisation besides its code."""

    name: str
    level: str
    parent: str | None
    aliases: list[str]
    groups: list[str]
    valid_from: date | None
    valid_to: date | None
    successor: str | None


@dataclass
class ImportResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    changes: list[int] = field(default_factory=list)  # reorganisations the file introduced (valid_to, successor)


def import_directory(*, session: Session, directory: dirmod.Directory, source: str, actor: str = "cli") -> ImportResult:
    """Upsert organisations, their contacts and groups; organisations not in the file are kept.

    An agency the file ends (`valid_to`, with or without a `successor`) becomes a recorded
    reorganisation, whose open work the sweep moves on the date like `dondoc orgs merge` does.
    """
    from dondoc.store.reorg import sync_directory

    result = ImportResult()
    stored_groups = {g.code: g for g in session.exec(select(m.OrgGroup)).all()}
    for g in directory.groups.values():
        group = stored_groups.get(g.code) or m.OrgGroup(code=g.code)
        group.names = list(g.names)
        session.add(group)
    # set-based: the stored rows of the file's organisations read once, then one statement per kind of
    # change (a nation's 30,000 organisations imported row by row took minutes)
    codes = list(directory.organizations)
    stored: dict[str, m.Organization] = {}
    stored_contacts: dict[str, list[tuple[str, str, str]]] = {}
    for part in chunks(codes):
        stored.update((o.code, o) for o in session.exec(select(m.Organization).where(col(m.Organization.code).in_(part))))
        for c in session.exec(select(m.Contact).where(col(m.Contact.org_code).in_(part))):
            stored_contacts.setdefault(c.org_code, []).append((c.name, c.email, c.role))
    new_orgs: list[dict[str, object]] = []
    new_contacts: list[dict[str, object]] = []
    changed: list[str] = []
    for org in directory.organizations.values():
        values = _OrgValues(
            name=org.name, level=org.level, parent=org.parent, aliases=list(org.aliases),
            groups=list(org.groups), valid_from=org.valid_from, valid_to=org.valid_to, successor=org.successor,
        )
        contacts = sorted((c.name, c.email, c.role) for c in org.contacts)
        row = stored.get(org.code)
        if row is None:
            new_orgs.append({"code": org.code, **values})
            result.added.append(org.code)
        elif all(getattr(row, k) == v for k, v in values.items()) and sorted(stored_contacts.get(org.code, [])) == contacts:
            result.unchanged.append(org.code)
            continue
        else:
            result.updated.append(org.code)
            changed.append(org.code)
            for k, v in values.items():
                setattr(row, k, v)
            session.add(row)
        new_contacts.extend({"org_code": org.code, "name": n, "email": e, "role": r} for n, e, r in contacts)
    if new_orgs:
        session.execute(insert(m.Organization), new_orgs)
    session.flush()
    for part in chunks(changed):
        session.execute(delete(m.Contact).where(col(m.Contact.org_code).in_(part)))
    if new_contacts:
        session.execute(insert(m.Contact), new_contacts)
    meta = session.get(m.Meta, "directory") or m.Meta(key="directory")
    meta.value = {"province": directory.province, "source": source}
    session.add(meta)
    if result.added or result.updated:
        audit(session, action="orgs.import", subject=source, actor=actor,
              detail={"added": result.added, "updated": result.updated})
    session.flush()
    result.changes = [c.id for c in sync_directory(session=session, actor=actor) if c.id is not None]
    return result


def stored_directory(*, session: Session) -> dirmod.Directory:
    """The directory as stored, for resolving owner names."""
    meta = session.get(m.Meta, "directory")
    orgs = session.exec(select(m.Organization)).all()
    contacts: dict[str, list[dirmod.Contact]] = {}
    for c in session.exec(select(m.Contact)).all():
        contacts.setdefault(c.org_code, []).append(dirmod.Contact(name=c.name, email=c.email, role=c.role))  # type: ignore[arg-type]
    model = dirmod.DirectoryFile(
        province=(meta.value.get("province") if meta else None),
        organizations=[
            dirmod.Organization(
                code=o.code, name=o.name, aliases=o.aliases, level=o.level, parent=o.parent,  # type: ignore[arg-type]
                groups=o.groups, contacts=contacts.get(o.code, []), valid_from=o.valid_from,
                valid_to=o.valid_to, successor=o.successor,
            )
            for o in orgs
        ],
        groups=[dirmod.Group(code=g.code, names=g.names) for g in session.exec(select(m.OrgGroup)).all()],
    )
    return dirmod.Directory.from_file_model(model)


# ---------------------------------------------------------------- task sets


@dataclass
class LoadResult:
    dispatch_id: str
    status: str  # loaded | unchanged | replaced
    tasks: int
    unresolved: list[tuple[str, str]] = field(default_factory=list)  # (task key, owner name) kept without an organisation
    issues: list[OwnerIssue] = field(default_factory=list)  # what the directory could not place, in file order
    unassigned: list[str] = field(default_factory=list)  # keys of the tasks stored unassigned (--allow-unassigned)
    replaced: str | None = None
    carried: int = 0  # submissions carried over to the new version


def dispatch_identity(ts: TaskSet, *, fallback: str) -> str:
    d = ts.dispatch
    if d.number and d.number.split("/")[0].strip():
        return f"{d.number}|{d.issuer or ''}"
    if d.source and d.source.name:
        return f"source:{d.source.name}"
    return f"file:{fallback}"


def active_dispatch(session: Session, ts: TaskSet, *, fallback: str) -> m.Dispatch | None:
    """The active dispatch a task set is a version of: the same identity, or the same number from an
    issuer written otherwise (a reader that spells the header's capitals differently, "Ủy ban nhân dân
    tỉnh sơn la" then "Ủy ban nhân dân tỉnh Sơn La", or names only the issuing body of a two-line header)."""
    identity = dispatch_identity(ts, fallback=fallback)
    current = session.exec(
        select(m.Dispatch).where(m.Dispatch.identity == identity, m.Dispatch.active == True)  # noqa: E712
    ).first()
    d = ts.dispatch
    if current is not None or not d.issuer or identity.startswith(("source:", "file:")):
        return current
    same_number = session.exec(
        select(m.Dispatch).where(m.Dispatch.number == d.number, m.Dispatch.active == True)  # noqa: E712
    ).all()
    return next((x for x in same_number if x.issuer and same_body(x.issuer, d.issuer)), None)


def _content_hash(ts: TaskSet) -> str:
    return hashlib.sha256(json.dumps(to_plain(ts), sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def load_taskset(*, session: Session, ts: TaskSet, directory: dirmod.Directory, path: str,
                 replace: bool, received_on: date | None = None, allow_unassigned: bool = False,
                 actor: str = "cli") -> LoadResult:
    """Store a task set; an identical reload changes nothing, a changed one needs `replace`.

    A lead owner the directory cannot place, a task with no lead and an explicit code the directory
    lacks refuse the whole set (nothing is stored) unless `allow_unassigned`: then they are stored
    without an organisation, and the task stays unassigned until `dondoc tasks assign`."""
    identity = dispatch_identity(ts, fallback=path)
    digest = _content_hash(ts)
    current = active_dispatch(session, ts, fallback=path)
    if current is not None and current.content_sha256 == digest:
        n = len(session.exec(select(m.Task).where(m.Task.dispatch_id == current.id)).all())
        return LoadResult(dispatch_id=current.id, status="unchanged", tasks=n)
    if current is not None and not replace:
        from dondoc.errors import TaskSetError

        raise TaskSetError(path, "dispatch", f"một bản khác của văn bản \"{identity.split('|')[0]}\" đã được nạp; "
                           "xem lại thay đổi rồi nạp lại với --replace")
    d = ts.dispatch
    check = check_owners(ts, directory)
    if check.refused and not allow_unassigned:
        raise UnassignedOwnerError(path, check.refusal(directory, on=d.issued_on))
    issuer_codes = directory.resolve(d.issuer, on=d.issued_on).codes if d.issuer else ()
    row = m.Dispatch(
        identity=identity, number=d.number, issuer=d.issuer, received_on=received_on,
        issuer_org=issuer_codes[0] if len(issuer_codes) == 1 else None, issued_on=d.issued_on, subject=d.subject,
        classified=d.classified, source_name=d.source.name if d.source else None,
        source_sha256=d.source.sha256 if d.source else None, content_sha256=digest, taskset=to_plain(ts),
    )
    session.add(row)
    session.flush()
    unresolved: list[tuple[str, str]] = []
    owner_rows: list[dict[str, Any]] = []
    locality = locality_of(d.issuer, d.place)  # "Công an xã" in a commune's dispatch is that commune's
    for t in ts.tasks:
        trow = m.Task(
            dispatch_id=row.id, key=t.key, title=t.title, text=t.text, kind=t.kind, repeat=t.schedule.repeat,
            due=list(t.schedule.due), events=list(t.schedule.events),
            relative=t.schedule.relative.model_dump() if t.schedule.relative else None,
            lunar=[lu.model_dump() for lu in t.schedule.lunar],
            until=t.schedule.until, report_to=t.report_to,
            cascade_by=_cascade_code(t, directory=directory, on=d.issued_on, unresolved=unresolved),
            cascade_days=t.cascade.working_days if t.cascade else None,
            span_start=t.span[0] if t.span else None, span_end=t.span[1] if t.span else None,
        )
        session.add(trow)
        session.flush()
        task_id = trow.id
        if task_id is None:  # the flush assigns the key; owners without it would be orphans
            raise RuntimeError(f"task {t.key!r} got no id on flush")
        for role, owners in (("lead", t.lead), ("support", t.support)):
            for o in owners:
                codes = owner_codes(o, directory, on=d.issued_on, locality=locality)
                if not codes or unknown_codes(o, directory):
                    owner_rows.append(dict(task_id=task_id, role=role, name=o.name, org_code=None))
                    unresolved.append((t.key, o.name))
                owner_rows += [dict(task_id=task_id, role=role, name=o.name, org_code=code) for code in codes]
    if owner_rows:  # in one statement, in this order (their ids keep it): a nation-wide task has ~3,000 owners
        session.execute(insert(m.TaskOwner), owner_rows)
    result = LoadResult(dispatch_id=row.id, status="loaded", tasks=len(ts.tasks), unresolved=unresolved,
                        issues=[*check.refused, *check.kept],
                        unassigned=list(dict.fromkeys(i.task_key for i in check.refused if i.role == "lead")))
    if current is not None:
        current.active = False
        current.replaced_by = row.id
        session.add(current)
        new_ids = {t.key: t.id for t in session.exec(select(m.Task).where(m.Task.dispatch_id == row.id)).all()}
        for trow in session.exec(select(m.Task).where(m.Task.dispatch_id == current.id)).all():
            trow.active = False
            session.add(trow)
            for occ in session.exec(select(m.Occurrence).where(m.Occurrence.task_id == trow.id)).all():
                if occ.status == "open":
                    occ.status = "cancelled"
                    session.add(occ)
                elif occ.status == "submitted" and new_ids.get(trow.key) is not None:
                    # a report already received stays received under the new version of its task
                    carried = m.Occurrence(**{**occ.model_dump(exclude={"id", "task_id", "created_at"}),
                                              "task_id": new_ids[trow.key]})
                    session.add(carried)
                    session.flush()
                    session.add(m.OccurrenceNext(occurrence_id=carried.id or 0, org_code=carried.org_code,
                                                 next_notice_at=m.NO_NOTICE))  # received: nothing more to send
                    result.carried += 1
        result.status, result.replaced = "replaced", current.id
    audit(session, action=f"dispatch.{result.status}", subject=identity, actor=actor, dispatch_id=row.id,
          detail={"dispatch_id": row.id, "path": path, "tasks": len(ts.tasks), "replaced": result.replaced,
                  "submissions_carried": result.carried,
                  "unresolved": [f"{k}: {n}" for k, n in unresolved], "unassigned": result.unassigned})
    return result


def _cascade_code(t, *, directory: dirmod.Directory, on, unresolved: list[tuple[str, str]]) -> str | None:  # type: ignore[no-untyped-def]
    if t.cascade is None:
        return None
    codes = owner_codes(t.cascade.by, directory, on=on)
    if len(codes) != 1:
        unresolved.append((t.key, f"{t.cascade.by.name} (consolidator)"))
        return None
    return codes[0]


def find_dispatch(*, session: Session, ref: str) -> m.Dispatch:
    """A loaded, active dispatch by id (or its prefix) or số hiệu."""
    active = session.exec(select(m.Dispatch).where(m.Dispatch.active == True)).all()  # noqa: E712
    hits = [d for d in active if d.id == ref or d.number == ref] or [
        d for d in active if d.id.startswith(ref) or (d.number and d.number.split("/")[0] == ref)
    ]
    if len(hits) != 1:
        raise NotFoundError(f"văn bản {ref!r}: " + ("không tìm thấy" if not hits else
                                                     f"{len(hits)} văn bản cùng số hiệu; ghi mã văn bản"))
    return hits[0]

"""Light rows the sweep reads in bulk (plain slotted dataclasses, not ORM objects), and the shapes that
the digest builders accept: an ORM row or a light one alike.

A busy day plans 300,000 notices: as ORM objects their occurrences, organisations and contacts
took gigabytes; as these rows, read in batches, a few hundred megabytes at most.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from sqlmodel import Session, col, select

from dondoc.store import models as m
from dondoc.store.bulk import among


class OccurrenceLike(Protocol):
    """What a digest item reads of an occurrence."""

    @property
    def id(self) -> int | None: ...
    @property
    def task_id(self) -> int: ...
    @property
    def org_code(self) -> str: ...
    @property
    def period(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def event_key(self) -> str | None: ...
    @property
    def stated_due(self) -> date: ...
    @property
    def written_due(self) -> date | None: ...
    @property
    def notes(self) -> Sequence[str]: ...
    @property
    def effective_due(self) -> date: ...
    @property
    def data_from(self) -> date | None: ...
    @property
    def data_to(self) -> date | None: ...
    @property
    def extended_due(self) -> date | None: ...
    @property
    def extended_effective_due(self) -> date | None: ...
    @property
    def upper_due(self) -> date | None: ...


class OrgLike(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def parent(self) -> str | None: ...
    @property
    def valid_to(self) -> date | None: ...
    @property
    def successor(self) -> str | None: ...


class DispatchLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def number(self) -> str | None: ...
    @property
    def subject(self) -> str | None: ...
    @property
    def issuer(self) -> str | None: ...
    @property
    def issuer_org(self) -> str | None: ...
    @property
    def classified(self) -> bool: ...
    @property
    def received_on(self) -> date | None: ...
    @property
    def loaded_at(self) -> datetime: ...


# not frozen (hashable by its fields all the same): a busy day makes 300,000, and a frozen dataclass's
# __init__ (object.__setattr__ per field) costs five times a plain one's; nothing changes one once made
@dataclass(slots=True, unsafe_hash=True)
class Occ:
    id: int
    task_id: int
    org_code: str
    period: str
    kind: str
    event_key: str | None
    stated_due: date
    written_due: date | None
    notes: Sequence[str]
    effective_due: date
    data_from: date | None
    data_to: date | None
    extended_due: date | None
    extended_effective_due: date | None
    upper_due: date | None


@dataclass(frozen=True, slots=True)
class Org:
    code: str
    name: str
    parent: str | None
    valid_to: date | None
    successor: str | None


@dataclass(frozen=True, slots=True)
class Dispatch:
    id: str
    number: str | None
    subject: str | None
    issuer: str | None
    issuer_org: str | None
    classified: bool
    received_on: date | None
    loaded_at: datetime


@dataclass(frozen=True, slots=True)
class Contact:
    org_code: str
    name: str
    email: str
    role: str


_OCC = [getattr(m.Occurrence, f) for f in Occ.__slots__]  # type: ignore[attr-defined]
_ORG = [getattr(m.Organization, f) for f in Org.__slots__]  # type: ignore[attr-defined]
_DISPATCH = [getattr(m.Dispatch, f) for f in Dispatch.__slots__]  # type: ignore[attr-defined]
_CONTACT = [getattr(m.Contact, f) for f in Contact.__slots__]  # type: ignore[attr-defined]
CHUNK = 5000


def _chunks(items: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


class OccReader:
    """Occurrence rows read raw (dates as SQLite's text, notes as JSON text) into light rows whose dates and
    notes are shared: a busy day reads 300,000 occurrences with a few hundred distinct dates, and "[]" notes."""

    DATES = ("stated_due", "written_due", "effective_due", "data_from", "data_to", "extended_due",
             "extended_effective_due", "upper_due")

    def __init__(self) -> None:
        self._days: dict[Any, date | None] = {None: None}
        self._notes: dict[Any, tuple[str, ...]] = {}

    @staticmethod
    def columns(table: Any, *extra: str) -> list[Any]:
        """The columns of an Occ (then `extra`), dates and notes without SQLAlchemy's per-row conversion (notes
        as their JSON text: PostgreSQL's driver would decode each row's, 300,000 times on a busy day at 1M)."""
        from sqlalchemy import String, Text, cast, type_coerce

        return [cast(table.c[f], Text) if f == "notes" else type_coerce(table.c[f], String) if f in OccReader.DATES
                else table.c[f] for f in (*Occ.__slots__, *extra)]  # type: ignore[attr-defined]

    def day(self, v: Any) -> date | None:
        found = self._days.get(v, False)
        if found is False:  # text from SQLite, or a date from PostgreSQL's driver
            found = self._days[v] = date.fromisoformat(v) if isinstance(v, str) else v
        return found  # type: ignore[return-value]

    def notes(self, v: Any) -> tuple[str, ...]:
        key = v if isinstance(v, str) else tuple(v or ())  # JSON text from SQLite, a list from PostgreSQL's driver
        found = self._notes.get(key)
        if found is None:
            found = self._notes[key] = tuple(json.loads(v)) if isinstance(v, str) else key  # type: ignore[assignment]
        return found  # type: ignore[return-value]

    def occ(self, r: Sequence[Any]) -> Occ:
        """An Occ from a row of `columns` (its first fields)."""
        day = self.day
        return Occ(r[0], r[1], r[2], r[3], r[4], r[5], day(r[6]), day(r[7]), self.notes(r[8]),  # type: ignore[arg-type]
                   day(r[9]), day(r[10]), day(r[11]), day(r[12]), day(r[13]), day(r[14]))  # type: ignore[arg-type]


def occurrences(session: Session, ids: Iterable[int]) -> dict[int, Occ]:
    """The occurrences with these ids, as light rows."""
    out: dict[int, Occ] = {}
    for part in _chunks(sorted(set(ids))):
        for row in session.execute(select(*_OCC).where(among(session, col(m.Occurrence.id), part))).all():
            out[row[0]] = Occ(*row)
    return out


@dataclass
class Book:
    """What a sweep looks up while it plans, read once and in bulk: organisations (all of them: a few
    columns of 30,000 rows), and tasks, dispatches and contacts as they are first asked for."""

    session: Session
    orgs: dict[str, Org] = field(default_factory=dict)
    tasks: dict[int, m.Task] = field(default_factory=dict)
    dispatches: dict[str, Dispatch] = field(default_factory=dict)
    contacts: dict[str, list[Contact]] = field(default_factory=dict)
    _dispatch_of: dict[int, Dispatch] = field(default_factory=dict)
    # called before the book reads the session: while a writer thread holds the connection, its drain()
    before_read: Callable[[], None] | None = None

    def __post_init__(self) -> None:
        self.orgs = {row[0]: Org(*row) for row in self.session.execute(select(*_ORG)).all()}

    def load_tasks(self, ids: Iterable[int]) -> None:
        missing = sorted({i for i in ids if i not in self.tasks})
        if self.before_read is not None:
            self.before_read()
        for part in _chunks(missing):
            for t in self.session.exec(select(m.Task).where(col(m.Task.id).in_(part))).all():
                self.tasks[t.id or 0] = t
        dispatch_ids = sorted({self.tasks[i].dispatch_id for i in ids if i in self.tasks} - set(self.dispatches))
        for dpart in _chunks(dispatch_ids):
            for row in self.session.execute(select(*_DISPATCH).where(col(m.Dispatch.id).in_(dpart))).all():
                self.dispatches[row[0]] = Dispatch(*row)

    def load_contacts(self, codes: Iterable[str]) -> None:
        missing = sorted({c for c in codes if c not in self.contacts})  # never a set of all those read: called per digest
        if missing and self.before_read is not None:
            self.before_read()
        for part in _chunks(missing):
            for code in part:
                self.contacts[code] = []
            for row in self.session.execute(select(*_CONTACT).where(col(m.Contact.org_code).in_(part))
                                            .order_by(col(m.Contact.id))).all():
                self.contacts[row[0]].append(Contact(*row))

    def dispatch_of(self, task_id: int) -> Dispatch:
        found = self._dispatch_of.get(task_id)
        if found is None:
            found = self._dispatch_of[task_id] = self.dispatches[self.tasks[task_id].dispatch_id]
        return found

"""Many receipts at once (`dondoc report import`): every row recorded through `complete`, in one transaction.

A bad row names its line and nothing at all is recorded; a dry run does all the work and rolls back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy.engine import Engine

from dondoc.app.answers import _complete, locate
from dondoc.errors import AnswerRefused, InputFileError, NotFoundError
from dondoc.ingest.receipts import Receipt
from dondoc.store import models as m
from dondoc.store.db import session_scope
from dondoc.store.repo import stored_directory


@dataclass(frozen=True)
class ReceiptResult:
    line: int
    occurrence_id: int
    dispatch: str
    key: str
    org: str
    period: str
    at: date
    document: str | None
    due: date
    changed: bool  # False: recorded before with the same date

    @property
    def days_late(self) -> int:
        return max(0, (self.at - self.due).days)


def _org_code(session, name: str, on: date, cache: dict[str, object]) -> str:  # type: ignore[no-untyped-def]
    """A code as written, else a name the directory resolves to exactly one organisation."""
    if session.get(m.Organization, name) is not None:
        return name
    if "directory" not in cache:
        cache["directory"] = stored_directory(session=session)
    codes = cache["directory"].resolve(name, on=on).codes  # type: ignore[attr-defined]
    if len(codes) != 1:
        raise NotFoundError(f"đơn vị {name!r}: " + ("không có trong danh bạ" if not codes
                                                    else "ứng với nhiều đơn vị; ghi mã đơn vị"))
    return str(codes[0])


def import_receipts(engine: Engine, receipts: list[Receipt], *, path: Path, actor: str, dry_run: bool,
                    now: datetime | None = None) -> list[ReceiptResult]:
    """Record every receipt, or none: the first bad row raises InputFileError naming its line."""
    stamp = now or datetime.now(timezone.utc)
    out: list[ReceiptResult] = []
    with session_scope(engine) as s:
        seen: dict[int, int] = {}
        cache: dict[str, object] = {}
        for r in receipts:
            try:
                org = _org_code(s, r.org, r.at, cache)
                occ_id = locate(s, dispatch=r.dispatch, key=r.key, org=org, period=r.period, at=r.at)
                if occ_id in seen:
                    raise AnswerRefused("bad_input", f"trùng với dòng {seen[occ_id]} (cùng nhiệm vụ, đơn vị và kỳ)")
                seen[occ_id] = r.line
                done = _complete(s, occurrence_id=occ_id, org=org, document=r.document, note=r.note, actor=actor,
                                 at=r.at, now=stamp, link=None, source=f"import:{path.name}:{r.line}")
            except (AnswerRefused, NotFoundError) as err:
                raise InputFileError(path, f"dòng {r.line}: {err}") from None
            out.append(ReceiptResult(line=r.line, occurrence_id=occ_id, dispatch=r.dispatch, key=r.key, org=org,
                                     period=done.period, at=r.at, document=r.document, due=done.due,
                                     changed=not done.already))
        if dry_run:
            s.rollback()
    return out

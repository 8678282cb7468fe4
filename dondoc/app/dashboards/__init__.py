"""What supervisors read in the Prefect UI, as markdown artifacts (pure: values in, artifacts out).

Keys (lowercase letters, digits and dashes; each publish adds a version under the key):

- `board-<code>`: each supervising body of the configured levels, one row per direct subordinate;
- `board-provinces`: one row per province; `board-national`: the nation by level;
- `overdue-list`: the 50 longest overdue and the totals, in all and by province;
- `observances-next-60-days`: date, name, anniversary (năm tròn / năm chẵn), who prepares;
- `dispatch-<số hiệu>-<digest>`: each dispatch, one row per item, in the four states.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from dondoc.app.dashboards.boards import (Artifact, BoardInput, Counts, body_boards, national_board,
                                          provinces_board)
from dondoc.app.dashboards.lists import (DispatchInfo, Item, Overdue, Preparing, dispatch_progress,
                                         observances_list, overdue_list)
from dondoc.app.dashboards.names import Org, provinces_of
from dondoc.schedule.observances import ObservanceDay

__all__ = ["Artifact", "Counts", "DispatchInfo", "Item", "Org", "Overdue", "Preparing", "Snapshot", "compose"]


@dataclass(frozen=True)
class Snapshot:
    """Everything the dashboards show on one day, as read from the store."""

    as_of: date
    against: str
    orgs: Sequence[Org]
    counts: Mapping[str, Counts]
    overdue: Sequence[Overdue] = ()
    overdue_by_org: Mapping[str, tuple[int, date]] = field(default_factory=dict)
    observances: Sequence[ObservanceDay] = ()
    preparing: Mapping[tuple[str, str], Preparing] = field(default_factory=dict)
    dispatches: Sequence[tuple[DispatchInfo, Sequence[Item]]] = ()
    levels: frozenset[str] = frozenset({"trung-uong", "tinh", "huyen"})
    province: str | None = None  # the installation's province, for units whose names name none


def compose(s: Snapshot) -> list[Artifact]:
    """Every artifact of the day: the summaries first, then the boards of the bodies, then the dispatches."""
    places = provinces_of(s.orgs, default=s.province)
    data = BoardInput(as_of=s.as_of, against=s.against, orgs=s.orgs, counts=s.counts, places=places, levels=s.levels)
    by_code = {o.code: o for o in s.orgs}
    out = [national_board(data), provinces_board(data),
           overdue_list(s.overdue, as_of=s.as_of, orgs=by_code, places=places, by_org=s.overdue_by_org),
           observances_list(s.observances, s.preparing, as_of=s.as_of, orgs=by_code, places=places)]
    out += body_boards(data)
    out += [dispatch_progress(d, items, as_of=s.as_of) for d, items in s.dispatches]
    return out

"""Pure parsing of a dispatch's text into a task set: header, items, owners, dates, cadence, observances."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dondoc.directory import Directory
    from dondoc.observances import ObservanceCatalog
    from dondoc.taskset import Source, TaskSet

__all__ = ["parse_dispatch"]


def parse_dispatch(
    text: str,
    *,
    source: Source,
    observances: ObservanceCatalog,
    directory: Directory | None = None,
) -> TaskSet:
    """Read a dispatch's text into a task set; raise NothingToTrackError when nothing is to be tracked.

    Imported late so that dondoc.observances and dondoc.directory may import dondoc.parse.normalize.
    """
    from dondoc.parse.dispatch import parse_dispatch as _parse

    # A reading makes some thousand short-lived tuples (tokens, matches) and no reference cycle
    # worth collecting mid-way: the cyclic collector, run every 700 allocations, would walk them
    # again and again (7 % of a reading, bench/parse.py). It is paused for the reading and turned
    # back on after it, when it was on; reference counting frees the garbage as usual meanwhile.
    was_on = gc.isenabled()
    if was_on:
        gc.disable()
    try:
        return _parse(text, source=source, observances=observances, directory=directory)
    finally:
        if was_on:
            gc.enable()

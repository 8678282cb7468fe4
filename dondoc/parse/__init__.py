"""Pure parsing of a dispatch's text into a task set: header, items, owners, dates, cadence, observances."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from dondoc.native import use_native

# Before any module of the package is imported: the compiled parser runs only when it was built
# from exactly these sources (dondoc/native.py); otherwise every module loads from its source.
NATIVE = use_native()

if TYPE_CHECKING:
    from dondoc.directory import Directory
    from dondoc.observances import ObservanceCatalog
    from dondoc.taskset import Source, TaskSet

__all__ = ["NATIVE", "parse_dispatch"]


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

    # A reading makes tens of thousands of short-lived objects (tokens, matches, slices): the cyclic
    # collector's passes over them took 3 % of it. Paused for the reading (the reference counts free
    # them all the same), then resumed as it was; any cycle left is collected after.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _parse(text, source=source, observances=observances, directory=directory)
    finally:
        if collecting:
            gc.enable()

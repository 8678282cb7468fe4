"""Pure parsing of a dispatch's text into a task set: header, items, owners, dates, cadence, observances."""

from dondoc.parse.dispatch import parse_dispatch

__all__ = ["parse_dispatch"]

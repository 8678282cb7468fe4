"""Digest items that name what they share instead of carrying it: a part per task, period, deadline and kind.

A busy day plans 300,000 notices in 30,000 digests, each item of a digest about a different task, but
the whole day has only a few thousand distinct items once the owner and the occurrence are set aside
(every commune's reminder of one report is the same text). A sweep stores each distinct one once, in
`digest_part` under a key made from its content, and each digest item as

    {"kind": "reminder", "part": "<key>", "owner_name": "UBND xã …", "occurrence_id": 123}

(about a tenth of a whole item: 30 MB of payloads for that day instead of 300 MB). `expand` gives the
whole item back, the part's fields then the item's own, for the renderer and whoever reads items;
an item without "part" (an escalation block, an admin's item, every payload stored before parts) is
whole already and comes back as it is. Parts are written in the sweep's transaction, with the
payloads naming them, and never change: the same content has the same key (two sweeps at once insert
it once, ON CONFLICT DO NOTHING).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from dondoc.store import models as m

PART = "part"
OWN = ("owner_name", "occurrence_id")  # what an item keeps of its own besides its kind and its part


def key_of(body: Mapping[str, Any]) -> str:
    """The key of a part: its content's digest (the same content, the same key, whichever sweep made it)."""
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def split(item: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A whole item as (what it keeps: kind, part key, owner, occurrence; the part's body)."""
    body = {k: v for k, v in item.items() if k not in OWN}
    own = {"kind": item["kind"], PART: key_of(body)}
    own.update((k, item[k]) for k in OWN if k in item)
    return own, body


def keys_in(payloads: Iterable[Mapping[str, Any]]) -> set[str]:
    """The parts these payloads' items name."""
    return {it[PART] for p in payloads for it in p.get("items", []) if PART in it}


def load(conn: Connection, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The parts with these keys (key → body), a few hundred keys a query."""
    t = m.DigestPart.__table__  # type: ignore[attr-defined]
    wanted = sorted(set(keys))
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(wanted), 500):
        out.update(conn.execute(select(t.c.key, t.c.body).where(t.c.key.in_(wanted[i:i + 500]))).tuples().all())
    return out


def for_payloads(conn: Connection, payloads: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """The parts these payloads name, read in one go."""
    return load(conn, keys_in(payloads))


def expand(item: Mapping[str, Any], parts: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The whole item: its part's fields, then its own. A missing part is an error, never an empty item."""
    key = item.get(PART)
    if key is None:
        return dict(item)
    if key not in parts:
        raise LookupError(f"mục thư nêu phần nội dung {key}, nhưng phần này không có trong cơ sở dữ liệu")
    whole = dict(parts[key])
    whole.update((k, v) for k, v in item.items() if k != PART)
    return whole


def items_of(payload: Mapping[str, Any], parts: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """A payload's items, whole."""
    return [expand(it, parts) for it in payload.get("items", [])]

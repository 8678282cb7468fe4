"""A small nation for sharding tests: the first provinces of bench/vietnam.py with a few communes each,
its national and provincial task sets, loaded through dondoc's own import and load paths."""

from __future__ import annotations

import sys
from typing import Any

import yaml

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "bench"))

import vietnam  # noqa: E402
import vietnam_tasks as vt  # noqa: E402


def directory_files(provinces: int = 3, communes: int = 2) -> list[dict[str, Any]]:
    """One directory file per province, each keeping only its first `communes` communes."""
    scale = vietnam.Scale(provinces=provinces)
    kept = {f"{p.slug}-{c.slug}-" for p in vietnam.provinces(scale) for c in p.communes[:communes]}
    every = {f"{p.slug}-{c.slug}-" for p in vietnam.provinces(scale) for c in p.communes}
    out = []
    for f in vietnam.directory_files(scale):
        orgs = [o for o in f["organizations"]
                if not any(o["code"].startswith(pre) for pre in every) or any(o["code"].startswith(pre) for pre in kept)]
        out.append({**f, "organizations": orgs})
    return out


def directory_data(files: list[dict[str, Any]]) -> dict[str, Any]:
    """The files as one directory (the central bodies and national groups once)."""
    central, national = len(vietnam.CENTRAL), len(vietnam.NATIONAL_GROUPS)
    return {"province": None,
            "organizations": files[0]["organizations"][:central] + [o for f in files for o in f["organizations"][central:]],
            "groups": files[0]["groups"][:national] + [g for f in files for g in f["groups"][national:]]}


def load(url: str, provinces: int = 3, communes: int = 2) -> int:
    """Upgrade the schema, import the directory and load the task sets (received on the day they were
    issued); returns how many organisations there are."""
    from dondoc.directory import parse_directory
    from dondoc.store.db import get_engine, session_scope, upgrade
    from dondoc.store.repo import import_directory, load_taskset, stored_directory
    from dondoc.taskset import parse_taskset

    upgrade(url)
    engine = get_engine(url)
    files = directory_files(provinces, communes)
    for i, data in enumerate(files):
        with session_scope(engine) as s:
            import_directory(session=s, directory=parse_directory(data, path=f"dir-{i}"), source=f"dir-{i}")
    whole = directory_data(files)
    scale = vietnam.Scale(provinces=provinces)
    for i, ts in enumerate(vt.tasksets(scale, whole)):
        with session_scope(engine) as s:
            load_taskset(session=s, ts=parse_taskset(yaml.safe_load(yaml.safe_dump(ts, allow_unicode=True)),
                                                     path=f"ts-{i}"),
                         directory=stored_directory(session=s), path=f"ts-{i}", replace=False,
                         received_on=vt.ISSUED)
    return len(whole["organizations"])

"""The admin pages' directory at scale: 30,000 organisations in SQLite, how long the picker and the
directory page take.

    python bench/directory_search.py [--orgs 30000]

Prints the time to read the directory into memory once (after any write), a search-as-you-type
request (a keystroke of the picker, answered from memory), and a page of the directory listing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PROVINCES = ["Hải Phòng", "Hà Nội", "Quảng Ninh", "Nghệ An", "Lâm Đồng", "Cần Thơ", "Đắk Lắk", "Thừa Thiên Huế"]
KINDS = ["Ủy ban nhân dân xã", "Ủy ban nhân dân phường", "Công an xã", "Trường Tiểu học", "Trạm Y tế xã",
         "Hội Nông dân xã", "Đoàn Thanh niên xã", "Hội Liên hiệp Phụ nữ xã", "Hội Cựu chiến binh xã", "Ủy ban MTTQ xã"]
VILLAGES = ["An", "Bình", "Cát", "Đông", "Hòa", "Lạc", "Minh", "Phú", "Tân", "Thạnh", "Thuận", "Vĩnh", "Xuân", "Yên"]


def build(url: str, n: int) -> None:
    from dondoc.store import models as m
    from dondoc.store.db import get_engine, session_scope, upgrade

    upgrade(url)
    rows, contacts = [], []
    for i in range(n):
        name = f"{KINDS[i % len(KINDS)]} {VILLAGES[i % len(VILLAGES)]} {VILLAGES[(i // 14) % len(VILLAGES)]} {i // 140}"
        province = PROVINCES[i % len(PROVINCES)]
        rows.append({"code": f"org-{i}", "name": f"{name}, tỉnh {province}", "level": "xa", "parent": None,
                     "aliases": [name], "groups": [], "valid_from": None, "valid_to": None, "successor": None})
        contacts.append({"org_code": f"org-{i}", "name": f"Văn thư {i}", "email": f"vt{i}@example.vn", "role": "coordinator"})
    with session_scope(get_engine(url)) as s:
        s.execute(m.Organization.__table__.insert(), rows)  # type: ignore[attr-defined]
        s.execute(m.Contact.__table__.insert(), contacts)  # type: ignore[attr-defined]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--orgs", type=int, default=30_000)
    args = ap.parse_args()
    from dondoc.app import directory_admin as da
    from dondoc.store.db import get_engine

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.db"
        build(url, args.orgs)
        engine = get_engine(url)
        t = time.perf_counter()
        da.snapshot(engine)
        load = time.perf_counter() - t
        queries = ["ub", "ubnd xa", "cong an xa binh", "truong tieu hoc hoa", "hoi nong dan tan thuan 12", "zzz"]
        times = []
        for _ in range(5):
            for q in queries:
                t = time.perf_counter()
                da.search(engine, q)
                times.append(time.perf_counter() - t)
        pages = []
        for p in (1, 50, 600):
            t = time.perf_counter()
            da.list_page(engine, page=p)
            pages.append(time.perf_counter() - t)
        t = time.perf_counter()
        hit = da.list_page(engine, query="tram y te xa vinh")
        filtered = time.perf_counter() - t
        print(f"python bench/directory_search.py --orgs {args.orgs}")
        print(f"read the directory into memory (once after each write): {load * 1000:.0f} ms")
        print(f"picker search, {len(times)} keystrokes: median {statistics.median(times) * 1000:.1f} ms, "
              f"max {max(times) * 1000:.1f} ms")
        print(f"directory page (50 rows with contacts): median {statistics.median(pages) * 1000:.1f} ms; "
              f"filtered by words ({hit.total} matches): {filtered * 1000:.1f} ms")


if __name__ == "__main__":
    main()

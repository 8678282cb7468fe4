"""What the answer links cost: signing and checking tokens, rendering a digest with and without links,
and the confirmation page served by `dondoc web` (uvicorn, real HTTP on 127.0.0.1).

    python bench/links.py [--tokens 20000] [--digests 2000] [--requests 500]

Prints its figures and the command that made them. The page benchmark uses a throwaway SQLite
database with one dispatch loaded; every request verifies a token, reads the occurrence and renders.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SECRET = "bench-secret-key-0123456789abcdef"


def bench_tokens(n: int) -> None:
    from dondoc.app import links as L

    now = datetime.now(timezone.utc)
    t0 = time.perf_counter()
    tokens = [L.sign(secret=SECRET, occurrence_id=i, org_code="ca-tinh", action="done", now=now) for i in range(n)]
    signed = time.perf_counter() - t0
    t0 = time.perf_counter()
    for tok in tokens:
        L.verify(tok, secret=SECRET, action="done", now=now, max_age=timedelta(days=60))
    checked = time.perf_counter() - t0
    print(f"tokens: sign {n / signed:,.0f}/s, verify {n / checked:,.0f}/s ({n:,} tokens, {len(tokens[0])} characters)")


def bench_render(n: int) -> None:
    from dondoc.app.links import LinkMaker
    from dondoc.notify.render import render_digest
    from dondoc.notify.samples import sample_digest

    maker = LinkMaker(secret=SECRET, base="https://dondoc.example.gov.vn", now=datetime.now(timezone.utc))
    plain = [sample_digest(i) for i in range(n)]
    linked = [replace(d, items=[replace(it, links=maker.links(k, "ca-tinh")) for k, it in enumerate(d.items)])
              for d in plain]
    rates = {}
    for name, digests in (("without links", plain), ("with links", linked)):
        t0 = time.perf_counter()
        for i, d in enumerate(digests):
            render_digest(d, templates_dir=ROOT / "config" / "templates", mail_from="dondoc@example.vn",
                          message_id=f"bench-{i}@example.vn")
        rates[name] = n / (time.perf_counter() - t0)
    print("render: " + ", ".join(f"{k} {v:,.0f} digests/s" for k, v in rates.items()) + f" ({n:,} digests)")


def bench_pages(n: int) -> None:
    import os

    import httpx

    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update(DONDOC_DATABASE_URL=f"sqlite:///{tmp}/bench.db", DONDOC_SECRET_KEY=SECRET,
                          DONDOC_PUBLIC_URL="http://127.0.0.1:9")
        from typer.testing import CliRunner

        from dondoc.app import links as L
        from dondoc.app.answers import find_occurrence
        from dondoc.app.steps import engine, materialise_step
        from dondoc.cli import app
        from dondoc.settings import get_settings
        from dondoc.web.app import create_app
        from tests.integration.web.support import serving, write_taskset

        get_settings.cache_clear()
        cli = CliRunner()
        today = date.today()
        cli.invoke(app, ["orgs", "import", str(ROOT / "config" / "organizations.yaml")], catch_exceptions=False)
        cli.invoke(app, ["load", str(write_taskset(Path(tmp) / "cv.yaml", today))], catch_exceptions=False)
        materialise_step(get_settings(), today)
        occ = find_occurrence(engine(get_settings()), dispatch="77/UBND-VP", key="1", org="ca-tinh", period=None)
        tok = L.sign(secret=SECRET, occurrence_id=occ, org_code="ca-tinh", action="done", now=datetime.now(timezone.utc))
        with serving(create_app(get_settings())) as base, httpx.Client() as client:
            url = f"{base}/hoan-thanh/{tok}"
            for _ in range(20):
                client.get(url)
            times = []
            t0 = time.perf_counter()
            for _ in range(n):
                s = time.perf_counter()
                r = client.get(url)
                times.append(time.perf_counter() - s)
                assert r.status_code == 200
            total = time.perf_counter() - t0
        times.sort()
        print(f"confirmation page over HTTP (one client, keep-alive): {n / total:,.0f} pages/s, median "
              f"{statistics.median(times) * 1000:.1f} ms, p95 {times[int(0.95 * n)] * 1000:.1f} ms ({n:,} requests)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tokens", type=int, default=20000)
    ap.add_argument("--digests", type=int, default=2000)
    ap.add_argument("--requests", type=int, default=500)
    a = ap.parse_args()
    print(f"$ python bench/links.py --tokens {a.tokens} --digests {a.digests} --requests {a.requests}")
    bench_tokens(a.tokens)
    bench_render(a.digests)
    bench_pages(a.requests)


if __name__ == "__main__":
    main()

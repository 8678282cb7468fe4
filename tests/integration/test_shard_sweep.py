"""A sweep split into shards plans and sends exactly what one whole sweep would: no notice lost, none twice.

Three provinces of the synthetic nation (bench/vietnam.py) with their national and provincial task
sets, nothing ever reported: reminders, the whole escalation ladder up to the central bodies and
the issuers' offices, acknowledgement requests and the admins' digests all cross shard borders.

A shard plans the notices of the occurrences its organisations hold, wherever they go, so a recipient
reached from several shards (a central body hearing of late work in three provinces) gets one digest
from each shard that has something for it on the day: the notices are exactly the whole sweep's, the
digests are one per recipient per shard.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import REPO, two_postgres_databases_or_skip
from tests.integration import nation_fixtures as nation

DAYS = [date(2026, 6, 12), date(2026, 6, 15), date(2026, 6, 17), date(2026, 6, 19), date(2026, 6, 26)]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def two_databases(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'whole.db'}", f"sqlite:///{tmp_path / 'shards.db'}"
        return
    yield from two_postgres_databases_or_skip()


def _settings(url: str, **extra):  # type: ignore[no-untyped-def]
    from dondoc.settings import Settings

    return Settings(database_url=url, config_dir=REPO / "config", **extra)


def _load(url: str) -> None:
    assert nation.load(url, provinces=3, communes=2) == 3 + 3 * 21 + 3 * 2 * 9


def _without_ids(key: str) -> str:
    """A dedupe key without the row id it carries after its kind ("reminder:<occurrence id>:…")."""
    kind, _, rest = key.partition(":")
    return f"{kind}:_:{rest.partition(':')[2]}"


def _planned(url: str) -> tuple[set[tuple[str, ...]], Counter[tuple[str, str]]]:
    """The notices, named by what they are about rather than by row ids (the two databases number
    their occurrences in different orders), and the digests per (day, recipient)."""
    engine = create_engine(url)
    with engine.connect() as c:
        notices = {(*(str(v) for v in row[:-1]), _without_ids(row[-1])) for row in c.execute(text(
            "select n.kind, n.rung, n.recipient_email, o.as_of, d.identity, t.key, oc.org_code, oc.period,"
            " n.dedupe_key from notice n join outbox o on o.id = n.outbox_id"
            " left join occurrence oc on oc.id = n.occurrence_id left join task t on t.id = oc.task_id"
            " left join dispatch d on d.id = t.dispatch_id"))}
        digests = Counter((str(d), e) for d, e in c.execute(text("select as_of, recipient_email from outbox")))
    engine.dispose()
    return notices, digests


def _digest_holders(url: str) -> dict[tuple[str, str], list[set[str]]]:
    """Per (day, recipient), each digest's holders: the organisations holding the occurrences its
    notices are about (the admin's own organisation for the admins' notices, which have none)."""
    engine = create_engine(url)
    with engine.connect() as c:
        rows = c.execute(text("select o.id, o.as_of, o.recipient_email, coalesce(oc.org_code, o.org_code)"
                              " from outbox o join notice n on n.outbox_id = o.id"
                              " left join occurrence oc on oc.id = n.occurrence_id")).all()
    engine.dispose()
    by_digest: dict[str, tuple[tuple[str, str], set[str]]] = {}
    for oid, day, email, holder in rows:
        by_digest.setdefault(oid, ((str(day), email), set()))[1].add(holder)
    out: dict[tuple[str, str], list[set[str]]] = {}
    for key, holders in by_digest.values():
        out.setdefault(key, []).append(holders)
    return out


def _partitions(url: str) -> dict[str, list[frozenset[str]]]:
    from dondoc.app.shards import directory_shards

    provinces = [frozenset(s.orgs) for s in directory_shards(_settings(url))]
    codes = sorted(c for p in provinces for c in p)
    rng = random.Random(11)
    groups: list[set[str]] = [set(), set(), set()]
    for code in codes:
        rng.choice(groups).add(code)
    return {"provinces": provinces, "random": [frozenset(g) for g in groups]}


@pytest.mark.slow
@pytest.mark.parametrize("split", ["provinces", "random"])
def test_shards_plan_every_notice_once_and_one_digest_per_recipient_as_the_whole_sweep_does(two_databases, split):
    from dondoc.app import steps

    whole, sharded = two_databases
    for url in (whole, sharded):
        _load(url)
    shards = _partitions(sharded)[split]
    assert len(shards) >= 3
    kinds = steps.REMIND_KINDS | steps.ESCALATE_KINDS
    for day in DAYS:
        steps.materialise_step(_settings(whole), day)
        steps.plan_step(_settings(whole), day, kinds)
        for orgs in shards:
            steps.materialise_step(_settings(sharded), day, orgs)
        for orgs in shards:
            steps.plan_step(_settings(sharded), day, kinds, orgs)
    notices, digests = _planned(whole)
    kinds_seen = Counter(n[0] for n in notices)
    assert {"reminder", "overdue", "escalation", "ack", "observance"} <= set(kinds_seen), kinds_seen
    assert any(n[2].startswith(("vanthu.vpcp", "lanhdao.vpcp", "lanhdao.bo-cong-an")) for n in notices)
    assert max(digests.values()) == 1  # the whole sweep: one digest per recipient per day
    sharded_notices, sharded_digests = _planned(sharded)
    assert sharded_notices == notices  # every notice planned once, none lost, none twice
    assert set(sharded_digests) == set(digests)  # the same people hear on the same days
    shard_of = {code: i for i, orgs in enumerate(shards) for code in orgs}
    several = 0
    for key, holders in _digest_holders(sharded).items():
        planned_by = [{shard_of[h] for h in hs} for hs in holders]
        assert all(len(p) == 1 for p in planned_by), (key, holders)  # each digest comes from one shard
        assert len({next(iter(p)) for p in planned_by}) == len(planned_by), (key, holders)  # one per shard
        several += len(planned_by) > 1
    assert several > 0  # some recipient did hear from several shards (escalations to a central body)


@pytest.mark.slow
def test_a_shard_delivers_only_its_own_peoples_digests_and_together_they_send_everything(two_databases, mailbox):
    from dondoc.app import steps

    _, url = two_databases
    _load(url)
    shards = _partitions(url)["provinces"]
    config = _settings(url, smtp_host="127.0.0.1", smtp_port=mailbox.port)
    for orgs in shards:
        steps.materialise_step(config, DAYS[0], orgs)
        steps.plan_step(config, DAYS[0], steps.REMIND_KINDS | steps.ESCALATE_KINDS, orgs)
    engine = create_engine(url)
    with engine.connect() as c:
        owner = {mid: org for mid, org in c.execute(text("select message_id, org_code from outbox")).all()}
    engine.dispose()
    sent = 0
    for orgs in shards:
        before = len(mailbox.messages())
        report = steps.deliver_step(config, DAYS[0], orgs=orgs)
        got = [str(msg["Message-ID"]).strip("<>") for msg in mailbox.messages()[before:]]
        assert report["sent"] == len(got) and all(owner[mid] in orgs for mid in got)
        sent += report["sent"]
    assert sent == len(owner) == mailbox.count()
    assert steps.deliver_step(config, DAYS[0])["sent"] == 0  # nothing was left for an unfiltered sender

"""A sweep split into shards plans and sends exactly what one whole sweep would: no notice lost, none twice.

Three provinces of the synthetic nation (bench/vietnam.py) with their national and provincial task
sets, nothing ever reported: reminders, the whole escalation ladder up to the central bodies and
the issuers' offices, acknowledgement requests and the admins' digests all cross shard borders.

A shard plans the notices of the occurrences its organisations hold, wherever they go, so a recipient
reached from several shards (a central body hearing of late work in three provinces) has one outbox
row from each shard that has something for it on the day. A shard sends only to the people no other
shard reaches that day; the final delivery merges the others' rows and sends one digest each: what is
sent is exactly the whole sweep's digests, one per recipient per day.
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


def _sent(url: str) -> dict[tuple[str, str], list[frozenset[tuple[str, ...]]]]:
    """Per (day, recipient), each digest sent: the notices it carried, named as `_planned` names them."""
    engine = create_engine(url)
    with engine.connect() as c:
        rows = c.execute(text(
            "select o.message_id, o.as_of, o.recipient_email, o.status, n.kind, n.rung, d.identity, t.key,"
            " oc.org_code, oc.period, n.dedupe_key from notice n join outbox o on o.id = n.outbox_id"
            " left join occurrence oc on oc.id = n.occurrence_id left join task t on t.id = oc.task_id"
            " left join dispatch d on d.id = t.dispatch_id")).all()
    engine.dispose()
    assert {r[3] for r in rows} <= {"sent"}, Counter(r[3] for r in rows)  # every notice went out
    digests: dict[str, tuple[tuple[str, str], set[tuple[str, ...]]]] = {}
    for mid, day, email, _, *what, key in rows:
        digests.setdefault(mid, ((str(day), email), set()))[1].add((*(str(v) for v in what), _without_ids(key)))
    out: dict[tuple[str, str], list[frozenset[tuple[str, ...]]]] = {}
    for who, notices in digests.values():
        out.setdefault(who, []).append(frozenset(notices))
    return {who: sorted(found, key=sorted) for who, found in out.items()}


def _message_ids(mailbox) -> Counter[str]:  # type: ignore[no-untyped-def]
    return Counter(str(msg["Message-ID"]).strip("<>") for msg in mailbox.messages())


def _sent_ids(url: str) -> set[str]:
    engine = create_engine(url)
    with engine.connect() as c:
        ids = {mid for (mid,) in c.execute(text("select message_id from outbox where status = 'sent'"))}
    engine.dispose()
    return ids


def _whole_day(config, day: date) -> None:  # type: ignore[no-untyped-def]
    from dondoc.app import steps

    steps.materialise_step(config, day)
    steps.plan_step(config, day, steps.REMIND_KINDS | steps.ESCALATE_KINDS)
    steps.deliver_step(config, day)


@pytest.mark.slow
@pytest.mark.parametrize("order", ["each-sends-once-planned", "all-plan-then-send"])
@pytest.mark.parametrize("split", ["provinces", "random"])
def test_shards_and_the_final_delivery_send_each_recipient_the_one_digest_the_whole_sweep_sends(
        two_databases, mailbox, split, order):
    """Day by day, the shards send the digests of the people only they reach, the final delivery the
    rest: every recipient gets one digest a day, with exactly the notices of the whole sweep's."""
    from dondoc.app import steps

    whole, sharded = two_databases
    for url in (whole, sharded):
        _load(url)
    shards = _partitions(sharded)[split]
    mail = {"smtp_host": "127.0.0.1", "smtp_port": mailbox.port}
    config = _settings(sharded, **mail)
    by_shards = final = kept = 0
    for day in DAYS:
        _whole_day(_settings(whole, **mail), day)
        for orgs in shards:
            steps.materialise_step(config, day, orgs)
        if order == "all-plan-then-send":
            for orgs in shards:
                steps.plan_step(config, day, steps.REMIND_KINDS | steps.ESCALATE_KINDS, orgs)
        # one after the other, the central bodies first: what a shard sends may not wait for the others' plans
        for orgs in (shards if order == "all-plan-then-send" else shards[::-1]):
            if order == "each-sends-once-planned":
                steps.plan_step(config, day, steps.REMIND_KINDS | steps.ESCALATE_KINDS, orgs)
            sent = steps.shard_deliver_step(config, day, orgs)
            by_shards += sent["sent"]
            kept += sent["left_for_final"]
        final += steps.deliver_step(config, day)["sent"]
    expected, got = _sent(whole), _sent(sharded)
    assert all(len(d) == 1 for d in expected.values())  # the whole sweep: one digest per recipient per day
    assert {"vanthu.vpcp", "lanhdao.bo-cong-an"} & {e.split("@")[0] for _, e in expected}
    assert got == expected  # the same people, the same days, one digest each, the same notices in it
    ids = _message_ids(mailbox)
    assert max(ids.values()) == 1 and set(ids) == _sent_ids(whole) | _sent_ids(sharded)  # each sent once
    assert by_shards > 0  # the shards sent their own people's digests themselves
    if order == "each-sends-once-planned":  # a shard delivering early leaves to the final delivery whom others reach
        assert kept > 0 and final > 0


@pytest.mark.slow
def test_a_shard_that_fails_on_a_day_and_runs_late_loses_and_repeats_no_notice(two_databases, mailbox):
    """A shard missing at the final delivery plans its notices when it runs again: whoever only it
    reaches hears from it at once, the others with the next final delivery; every notice once."""
    from dondoc.app import steps

    whole, sharded = two_databases
    for url in (whole, sharded):
        _load(url)
    shards = _partitions(sharded)["provinces"]
    config = _settings(sharded, smtp_host="127.0.0.1", smtp_port=mailbox.port)
    kinds = steps.REMIND_KINDS | steps.ESCALATE_KINDS
    for i, day in enumerate(DAYS):
        _whole_day(_settings(whole, smtp_host="127.0.0.1", smtp_port=mailbox.port), day)
        late = shards[i % len(shards)] if i in (1, 3) else None
        for orgs in shards:
            if orgs is not late:
                steps.materialise_step(config, day, orgs)
                steps.plan_step(config, day, kinds, orgs)
                steps.shard_deliver_step(config, day, orgs)
        steps.deliver_step(config, day)
        if late is not None:  # it comes back after the final delivery, the same day
            steps.materialise_step(config, day, late)
            steps.plan_step(config, day, kinds, late)
            steps.shard_deliver_step(config, day, late)
    steps.deliver_step(config, DAYS[-1])  # what the late shards left for a final delivery
    expected, got = _sent(whole), _sent(sharded)
    assert {n for d in expected.values() for n in d[0]} == {n for ds in got.values() for d in ds for n in d}
    assert sum(len(d) for ds in got.values() for d in ds) == sum(len(d[0]) for d in expected.values())  # none twice
    assert all(len(ds) <= 2 for ds in got.values())  # a late shard's shared people: one digest more that day
    ids = _message_ids(mailbox)
    assert max(ids.values()) == 1 and set(ids) == _sent_ids(whole) | _sent_ids(sharded)


@pytest.mark.slow
def test_two_final_deliveries_at_once_send_each_recipient_one_digest_with_every_notice_once(two_databases, mailbox):
    """Two daily sweeps at once each end with a final delivery: they merge and claim the same rows,
    and the database keeps one digest per recipient and every notice in exactly one of them."""
    from concurrent.futures import ThreadPoolExecutor

    from dondoc.app import steps

    _, url = two_databases
    _load(url)
    config = _settings(url, smtp_host="127.0.0.1", smtp_port=mailbox.port)
    shards = _partitions(url)["provinces"]
    day = DAYS[3]
    for when in (DAYS[2], day):
        for orgs in shards:
            steps.materialise_step(config, when, orgs)
            steps.plan_step(config, when, steps.REMIND_KINDS | steps.ESCALATE_KINDS, orgs)
    planned, _ = _planned(url)
    with ThreadPoolExecutor(2) as pool:
        reports = list(pool.map(lambda _: steps.deliver_step(config, day), range(2)))
    assert sum(r["merged"] for r in reports) > 0  # several shards had written to someone
    sent = _sent(url)
    assert all(len(digests) == 1 for digests in sent.values())  # one digest per recipient and day
    assert sum(len(d) for ds in sent.values() for d in ds) == len(planned)  # every notice in one of them
    ids = _message_ids(mailbox)
    assert max(ids.values()) == 1 and set(ids) == _sent_ids(url) and sum(r["sent"] for r in reports) == len(ids)

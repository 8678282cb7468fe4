"""Merging the queued digests of one recipient and day (several shards' plans) into the one a whole sweep writes."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dondoc.app.digest_merge import merge_payloads

TASK = {1: (10, "2026-H1"), 2: (10, "2026-H1"), 3: (10, "2026-H1"), 4: (11, "2026"), 5: (10, "2025-H2"),
        6: (12, "2026"), 7: (12, "2026")}


def _item(occ: int, kind: str = "reminder", **extra: Any) -> dict[str, Any]:
    return {"kind": kind, "task_key": f"k{occ}", "occurrence_id": occ, "due_effective": "2026-06-15", **extra}


def _unit(occ: int, days_late: int, name: str, due: str = "2026-06-15") -> dict[str, Any]:
    return {"org_code": f"o{occ}", "name": name, "occurrence_id": occ, "due": due, "days_late": days_late}


def _block(*units: dict[str, Any], head: str = "") -> dict[str, Any]:
    return {"kind": "escalation", "task_key": "k", "occurrence_id": units[0]["occurrence_id"], "head": head,
            "due_effective": min(u["due"] for u in units), "units": list(units)}


def _payload(*items: dict[str, Any], issuer: str = "") -> dict[str, Any]:
    return {"recipient_name": "A", "org_name": "Bộ", "as_of": "2026-06-19", "issuer": issuer,
            "reply_to": f"{issuer}@x", "items": list(items)}


class TestMergePayloads:
    def test_keeps_every_item_in_the_order_a_sweep_meets_them_with_acknowledgements_last(self) -> None:
        merged = merge_payloads([_payload(_item(6), _item(1, "ack")), _payload(_item(4), _item(7, "overdue"))],
                                TASK.get)
        assert [(i["kind"], i["occurrence_id"]) for i in merged["items"]] == [
            ("reminder", 4), ("reminder", 6), ("overdue", 7), ("ack", 1)]

    def test_takes_the_heading_of_the_digest_holding_the_earliest_notice(self) -> None:
        merged = merge_payloads([_payload(_item(6), issuer="late"), _payload(_item(2, "ack"), issuer="ack"),
                                 _payload(_item(4), issuer="early")], TASK.get)
        assert (merged["issuer"], merged["reply_to"]) == ("early", "early@x")

    def test_joins_escalation_blocks_about_one_task_and_period_worst_unit_first(self) -> None:
        a = _block(_unit(1, 3, "Xã B", due="2026-06-12"), head="a")
        b = _block(_unit(2, 8, "Xã C", due="2026-06-05"), _unit(3, 3, "Xã A", due="2026-06-12"), head="b")
        other_period = _block(_unit(5, 20, "Xã D", due="2026-05-20"))
        merged = merge_payloads([_payload(a, _item(6)), _payload(b, other_period)], TASK.get)
        blocks = [i for i in merged["items"] if i["kind"] == "escalation"]
        assert len(blocks) == 2
        joined = next(bl for bl in blocks if len(bl["units"]) == 3)
        assert [u["name"] for u in joined["units"]] == ["Xã C", "Xã A", "Xã B"]
        assert (joined["head"], joined["occurrence_id"], joined["due_effective"]) == ("b", 2, "2026-06-05")
        assert merged["items"][0] == _item(6)  # plain items before the escalation blocks, as a sweep writes them

    def test_refuses_nothing_to_merge(self) -> None:
        with pytest.raises(ValueError):
            merge_payloads([], TASK.get)


@settings(max_examples=200, deadline=None)
@given(plain=st.lists(st.sampled_from([4, 6, 7]), unique=True),
       late=st.lists(st.tuples(st.sampled_from([1, 2, 3, 5]), st.integers(1, 30)), unique_by=lambda u: u[0]),
       parts=st.integers(1, 4), seed=st.randoms(use_true_random=False))
def test_a_digest_split_between_shards_and_merged_has_every_item_and_unit_once(plain, late, parts, seed) -> None:
    units = [_unit(o, d, f"Xã {o}") for o, d in late]
    by_task: dict[tuple[int, str], list[dict[str, Any]]] = {}
    for u in units:
        by_task.setdefault(TASK[u["occurrence_id"]], []).append(u)
    pieces: list[list[dict[str, Any]]] = [[] for _ in range(parts)]
    for o in plain:
        seed.choice(pieces).append(_item(o))
    for group in by_task.values():
        for u in group:  # each unit planned by whichever shard holds it: a block per shard
            seed.choice(pieces).append(_block(u))
    payloads = [_payload(*p) for p in pieces if p] or [_payload()]
    merged = merge_payloads(payloads, TASK.get)
    got_plain = [i["occurrence_id"] for i in merged["items"] if i["kind"] != "escalation"]
    blocks = [i for i in merged["items"] if i["kind"] == "escalation"]
    assert got_plain == sorted(plain)
    assert len(blocks) == len(by_task)  # one block per task and period, as one sweep writes it
    assert sorted(u["occurrence_id"] for b in blocks for u in b["units"]) == sorted(o for o, _ in late)
    for b in blocks:
        assert [u["days_late"] for u in b["units"]] == sorted((u["days_late"] for u in b["units"]), reverse=True)

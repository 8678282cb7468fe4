"""Signed links: bound to one occurrence, organisation and action; expiring; tamper-proof."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dondoc.app import links as L

SECRET = "k" * 40
SENT = datetime(2026, 3, 2, 0, 30, tzinfo=timezone.utc)
MAX_AGE = timedelta(days=60)


def token(action: L.Action = "done", *, occ: int = 42, org: str = "ca-tinh", now: datetime = SENT,
          secret: str = SECRET) -> str:
    return L.sign(secret=secret, occurrence_id=occ, org_code=org, action=action, now=now)


def problem(tok: str, *, action: L.Action = "done", now: datetime = SENT + timedelta(days=1),
            secret: str = SECRET) -> str:
    with pytest.raises(L.LinkError) as info:
        L.verify(tok, secret=secret, action=action, now=now, max_age=MAX_AGE)
    return info.value.problem


class TestAGoodLink:
    def test_says_which_occurrence_organisation_and_action_it_stands_for(self) -> None:
        claim = L.verify(token(), secret=SECRET, action="done", now=SENT + timedelta(days=3), max_age=MAX_AGE)
        assert (claim.occurrence_id, claim.org_code, claim.action, claim.signed_at) == (42, "ca-tinh", "done", SENT)

    def test_is_identified_by_a_digest_never_by_the_token_itself(self) -> None:
        tok = token()
        claim = L.verify(tok, secret=SECRET, action="done", now=SENT, max_age=MAX_AGE)
        assert len(claim.token_id) == 64 and tok not in claim.token_id and claim.token_id == L.token_id(tok)

    def test_is_still_good_on_its_last_day(self) -> None:
        L.verify(token(), secret=SECRET, action="done", now=SENT + MAX_AGE, max_age=MAX_AGE)

    def test_lives_under_the_public_address_with_the_actions_path(self) -> None:
        maker = L.LinkMaker(secret=SECRET, base="https://dondoc.example.gov.vn/", now=SENT)
        (ack_label, ack), (done_label, done) = maker.links(7, "so-tttt")
        assert ack_label == "Đã tiếp nhận" and done_label == "Đã hoàn thành / đã gửi báo cáo"
        assert ack.startswith("https://dondoc.example.gov.vn/tiep-nhan/")
        assert done.startswith("https://dondoc.example.gov.vn/hoan-thanh/")
        claim = L.verify(done.rsplit("/", 1)[1], secret=SECRET, action="done", now=SENT, max_age=MAX_AGE)
        assert (claim.occurrence_id, claim.org_code) == (7, "so-tttt")


class TestARefusedLink:
    def test_a_link_signed_with_another_key_is_forged(self) -> None:
        assert problem(token(secret="another key, long enough")) == "forged"

    def test_a_link_one_second_past_its_lifetime_is_expired_and_says_when_it_was_sent(self) -> None:
        with pytest.raises(L.LinkError) as info:
            L.verify(token(), secret=SECRET, action="done", now=SENT + MAX_AGE + timedelta(seconds=1), max_age=MAX_AGE)
        assert info.value.problem == "expired" and info.value.signed_at == SENT and info.value.status == 410

    def test_a_link_stamped_in_the_future_is_forged_not_expired(self) -> None:
        assert problem(token(now=SENT + timedelta(days=2)), now=SENT) == "forged"

    @pytest.mark.parametrize(("signed", "opened"), [("ack", "done"), ("done", "ack"), ("extend", "done"),
                                                    ("done", "extend")])
    def test_a_link_opened_for_another_action_says_what_it_is_for(self, signed: L.Action, opened: L.Action) -> None:
        with pytest.raises(L.LinkError) as info:
            L.verify(token(signed), secret=SECRET, action=opened, now=SENT, max_age=MAX_AGE)
        assert info.value.problem == "wrong_action" and info.value.action == signed and info.value.status == 400

    @pytest.mark.parametrize("tok", ["", "abc", "a.b", "a.b.c.d", "x" * 400, "a b.c.d", "WzEsImEiLCJkb25lIl0..sig",
                                     "é.é.é"], ids=repr)
    def test_a_malformed_token_is_refused_as_malformed_or_forged(self, tok: str) -> None:
        assert problem(tok) in ("malformed", "forged")

    def test_a_token_signed_by_the_same_key_for_something_else_is_not_a_link(self) -> None:
        other = L._serializer(SECRET, SENT).dumps({"user": 1})
        assert problem(other) == "forged"

    def test_a_token_whose_signature_is_spelt_differently_is_refused(self) -> None:
        # base64 leaves spare bits in the last character: a second spelling of one signature
        tok = token()
        last = tok[-1]
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        twin = alphabet[alphabet.index(last) ^ 1]
        assert problem(tok[:-1] + twin) in ("malformed", "forged")


URLSAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."


@settings(max_examples=400, deadline=None)
@given(data=st.data(), occ=st.integers(min_value=1, max_value=10**9),
       org=st.from_regex(r"[a-z][a-z0-9-]{1,30}", fullmatch=True), action=st.sampled_from(L.ACTIONS))
def test_any_single_character_change_to_a_token_is_refused(data: st.DataObject, occ: int, org: str,
                                                           action: L.Action) -> None:
    tok = token(action, occ=occ, org=org)
    i = data.draw(st.integers(min_value=0, max_value=len(tok) - 1), label="position")
    ch = data.draw(st.sampled_from(URLSAFE + "=+/ %é").filter(lambda c: c != tok[i]), label="replacement")
    altered = tok[:i] + ch + tok[i + 1:]
    with pytest.raises(L.LinkError):
        L.verify(altered, secret=SECRET, action=action, now=SENT, max_age=MAX_AGE)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_a_token_cut_short_or_extended_by_one_character_is_refused(data: st.DataObject) -> None:
    tok = token()
    i = data.draw(st.integers(min_value=0, max_value=len(tok) - 1))
    for altered in (tok[:i] + tok[i + 1:], tok[:i] + data.draw(st.sampled_from(URLSAFE)) + tok[i:]):
        with pytest.raises(L.LinkError):
            L.verify(altered, secret=SECRET, action="done", now=SENT, max_age=MAX_AGE)


@pytest.mark.parametrize("action", L.ACTIONS)
def test_every_single_character_substitution_of_a_token_is_refused(action: L.Action) -> None:
    """Exhaustive over one token per action: each position × each URL-safe character (and the separator)."""
    tok = token(action, occ=1234, org="so-noi-vu")
    accepted = []
    for i, original in enumerate(tok):
        for ch in URLSAFE:
            if ch == original:
                continue
            try:
                L.verify(tok[:i] + ch + tok[i + 1:], secret=SECRET, action=action, now=SENT, max_age=MAX_AGE)
            except L.LinkError:
                continue
            accepted.append((i, ch))
    assert accepted == []

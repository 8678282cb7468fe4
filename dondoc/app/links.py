"""Signed links in the digests: bound to one occurrence, one organisation and one action, expiring.

A token is itsdangerous's URL-safe timed serialisation of ``[occurrence id, org code, action]``
signed with HMAC-SHA256 under DONDOC_SECRET_KEY. The clock is injected on both sides (signing
and checking), so expiry is tested without sleeping. A token is only accepted in its canonical
spelling: base64 leaves spare bits in its last character, and two spellings of one signature
must not be two links (nor slip past the record of a used one).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from itsdangerous import BadData, SignatureExpired, TimestampSigner, URLSafeTimedSerializer
from itsdangerous.encoding import base64_decode, base64_encode

Action = Literal["ack", "done", "extend"]
ACTIONS: tuple[Action, ...] = ("ack", "done", "extend")
PATHS: dict[Action, str] = {"ack": "tiep-nhan", "done": "hoan-thanh", "extend": "gia-han"}
LABELS: dict[Action, str] = {"ack": "Đã tiếp nhận", "done": "Đã hoàn thành / đã gửi báo cáo",
                             "extend": "Xin gia hạn"}
SALT = "dondoc.link.v1"
MAX_TOKEN_CHARS = 300
_TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")

Problem = Literal["malformed", "forged", "expired", "wrong_action"]


class LinkError(Exception):
    """A token that cannot be honoured; `problem` says why, `status` is the HTTP answer."""

    STATUS: dict[str, int] = {"malformed": 400, "forged": 403, "expired": 410, "wrong_action": 400}

    def __init__(self, problem: Problem, *, signed_at: datetime | None = None,
                 action: Action | None = None) -> None:
        self.problem = problem
        self.signed_at = signed_at
        self.action = action  # for wrong_action: what the link is really for
        super().__init__(problem)

    @property
    def status(self) -> int:
        return self.STATUS[self.problem]


@dataclass(frozen=True)
class LinkClaim:
    """What a valid token says: which occurrence, which organisation, which action, signed when."""

    occurrence_id: int
    org_code: str
    action: Action
    signed_at: datetime
    token_id: str  # a digest of the token: what LinkUse stores, never the token itself


class _ClockSigner(TimestampSigner):
    """A TimestampSigner whose 'now' is given, for signing and for checking the age."""

    def __init__(self, *args: Any, now: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._now = now

    def get_timestamp(self) -> int:
        return self._now


class _Serializer(URLSafeTimedSerializer):
    """URL-safe and timed, without the trial zlib compression: a link's payload is a few dozen bytes that
    never compress, and trying costs 40 % of a signature. Tokens read exactly as itsdangerous writes them."""

    def dump_payload(self, obj: Any) -> bytes:
        return base64_encode(self.serializer.dumps(obj).encode("utf-8"))


def _serializer(secret: str, now: datetime) -> URLSafeTimedSerializer:
    return _Serializer(secret, salt=SALT, signer=_ClockSigner,
                       signer_kwargs={"digest_method": hashlib.sha256, "now": int(now.timestamp())})


def token_id(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def sign(*, secret: str, occurrence_id: int, org_code: str, action: Action, now: datetime) -> str:
    """A token for one occurrence, organisation and action, stamped `now`."""
    if action not in ACTIONS:
        raise ValueError(f"unknown link action {action!r}")
    return _serializer(secret, now).dumps([occurrence_id, org_code, action])


def _canonical(token: str) -> bool:
    try:
        return all(base64_encode(base64_decode(part)).decode("ascii") == part for part in token.split("."))
    except BadData:
        return False


def verify(token: str, *, secret: str, action: Action, now: datetime, max_age: timedelta) -> LinkClaim:
    """The claim of a token opened for `action`, or LinkError saying why not."""
    if len(token) > MAX_TOKEN_CHARS or not _TOKEN_SHAPE.match(token) or not _canonical(token):
        raise LinkError("malformed")
    ser = _serializer(secret, now)
    try:
        payload, stamp = ser.loads(token, max_age=int(max_age.total_seconds()), return_timestamp=True)
    except SignatureExpired as exc:
        if exc.date_signed is not None and exc.date_signed > now:
            raise LinkError("forged") from None  # stamped in the future: not one of ours as we sent it
        raise LinkError("expired", signed_at=exc.date_signed) from None
    except BadData:
        raise LinkError("forged") from None
    if (not isinstance(payload, list) or len(payload) != 3 or type(payload[0]) is not int
            or not isinstance(payload[1], str) or payload[2] not in ACTIONS):
        raise LinkError("forged")  # signed by us, but not a link: another use of the same key
    if payload[2] != action:
        raise LinkError("wrong_action", action=payload[2])
    return LinkClaim(occurrence_id=payload[0], org_code=payload[1], action=payload[2], signed_at=stamp,
                     token_id=token_id(token))


def url(*, base: str, action: Action, token: str) -> str:
    """The address a digest carries: DONDOC_PUBLIC_URL, the action's path, the token."""
    return f"{base.rstrip('/')}/{PATHS[action]}/{token}"


@dataclass(frozen=True)
class LinkMaker:
    """Signs the links of one delivery run (one secret, one base address, one clock)."""

    secret: str
    base: str
    now: datetime

    def links(self, occurrence_id: int, org_code: str) -> tuple[tuple[str, str], ...]:
        """(label, address) of the two links every digest item carries: received, done."""
        return tuple(
            (LABELS[a], url(base=self.base, action=a,
                            token=sign(secret=self.secret, occurrence_id=occurrence_id, org_code=org_code,
                                       action=a, now=self.now)))
            for a in ("ack", "done")
        )

"""A small province for the loop's tests: an issuer, agencies with coordinators and heads, a supervising body."""

from __future__ import annotations

import email.message
from pathlib import Path
from typing import Any

import yaml

ISSUER = "Ủy ban nhân dân tỉnh Thử Nghiệm"


def org(code: str, name: str, parent: str | None, mail: str, **extra: Any) -> dict[str, Any]:
    return {"code": code, "name": name, "parent": parent, "aliases": extra.pop("aliases", []),
            "contacts": [{"name": f"Văn thư {name}", "email": f"vt@{mail}.example.vn", "role": "coordinator"},
                         {"name": f"Lãnh đạo {name}", "email": f"ld@{mail}.example.vn", "role": "head"}], **extra}


ORGS = [
    org("ubnd-tinh", ISSUER, None, "ubnd", aliases=["UBND tỉnh"]),
    org("ubmttq", "Ủy ban MTTQ tỉnh Thử Nghiệm", "ubnd-tinh", "mttq", aliases=["Ủy ban MTTQ tỉnh"]),
    org("so-a", "Sở Nội vụ tỉnh Thử Nghiệm", "ubnd-tinh", "snv", aliases=["Sở Nội vụ"]),
    org("so-b", "Sở Tài chính tỉnh Thử Nghiệm", "ubnd-tinh", "stc", aliases=["Sở Tài chính"]),
    org("hoi-c", "Hội Nông dân tỉnh Thử Nghiệm", "ubmttq", "hnd", aliases=["Hội Nông dân tỉnh"]),
]


def write_directory(tmp: Path, orgs: list[dict[str, Any]] | None = None, name: str = "orgs.yaml") -> Path:
    path = tmp / name
    path.write_text(yaml.safe_dump({"province": "Thử Nghiệm", "organizations": orgs or ORGS}, allow_unicode=True),
                    encoding="utf-8")
    return path


def write_taskset(tmp: Path, tasks: list[dict[str, Any]], *, number: str = "88/UBND-VP",
                  issued_on: str = "2025-06-02", name: str = "ts.yaml") -> Path:
    path = tmp / name
    path.write_text(yaml.safe_dump({
        "version": 1,
        "dispatch": {"number": number, "issuer": ISSUER, "issued_on": issued_on, "subject": "V/v thử nghiệm"},
        "tasks": tasks,
    }, allow_unicode=True), encoding="utf-8")
    return path


def report(key: str, title: str, owners: list[str], due: list[str], repeat: str = "once", **extra: Any) -> dict[str, Any]:
    return {"key": key, "title": title, "kind": "report", "lead": [{"name": n} for n in owners],
            "schedule": {"repeat": repeat, "due": due}, **extra}


def action(key: str, title: str, owners: list[str], due: list[str]) -> dict[str, Any]:
    return {"key": key, "title": title, "kind": "action", "lead": [{"name": n} for n in owners],
            "schedule": {"repeat": "once", "due": due}}


def to(msg: email.message.EmailMessage) -> str:
    return msg["To"].addresses[0].addr_spec  # type: ignore[union-attr, no-any-return]


def body(msg: email.message.EmailMessage) -> str:
    return msg.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr, no-any-return]


class Inbox:
    """What arrived since the last look, message by message."""

    def __init__(self, mailbox: Any) -> None:
        self.mailbox = mailbox
        self.seen: set[Path] = set()

    def new(self) -> list[email.message.EmailMessage]:
        import email.policy

        out = []
        for path in self.mailbox.paths():
            if path not in self.seen:
                self.seen.add(path)
                out.append(email.message_from_bytes(path.read_bytes(), policy=email.policy.default))
        return out

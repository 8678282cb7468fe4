"""Helpers for the admin-page tests: log in, read a form's CSRF token, a clock that tests move."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

ADMIN = "vanthu@ubnd.example.vn"
SUPERVISOR = "lanhdao@ubnd.example.vn"
PASSWORD = "mat-khau-du-dai-2025"
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass
class Clock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += timedelta(**kw)


def csrf_of(html: str) -> str:
    m = _CSRF.search(html)
    assert m, "the page has no CSRF token"
    return m.group(1)


def login(client: Any, email: str = ADMIN, password: str = PASSWORD) -> Any:
    page = client.get("/quan-tri/dang-nhap")
    return client.post("/quan-tri/dang-nhap", data={"csrf": csrf_of(page.text), "email": email, "password": password,
                                                     "next": "/quan-tri/"})


def upload(client: Any, name: str, data: bytes) -> Any:
    page = client.get("/quan-tri/")
    return client.post("/quan-tri/tai-len", data={"csrf": csrf_of(page.text)}, files={"file": (name, data, "text/plain")})


def form_fields(html: str) -> dict[str, str]:
    """The review form's fields as the browser would post them (inputs, selects, textareas, checked boxes)."""
    from html.parser import HTMLParser

    fields: dict[str, str] = {}

    class P(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.select: str | None = None
            self.textarea: str | None = None
            self.first_option: dict[str, str] = {}

        def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
            a = dict(attrs)
            name = a.get("name")
            if tag == "input" and name and a.get("type") not in ("file", "submit"):
                if a.get("type") == "checkbox":
                    if "checked" in a:
                        fields[name] = "on"
                else:
                    fields[name] = a.get("value") or ""
            elif tag == "select" and name:
                self.select = name
            elif tag == "option" and self.select:
                self.first_option.setdefault(self.select, a.get("value") or "")
                if "selected" in a:
                    fields[self.select] = a.get("value") or ""
            elif tag == "textarea" and name:
                self.textarea = name
                fields[name] = ""

        def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
            if tag == "select" and self.select:
                fields.setdefault(self.select, self.first_option.get(self.select, ""))
                self.select = None
            if tag == "textarea":
                self.textarea = None

        def handle_data(self, data):  # type: ignore[no-untyped-def]
            if self.textarea:
                fields[self.textarea] += data

    form = html[html.index('<form method="post" id="review"'):]
    P().feed(form[: form.index("</form>")])
    return fields

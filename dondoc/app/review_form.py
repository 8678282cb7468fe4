"""The review page's form (pure): a task set as the fields an admin edits, and back, with Vietnamese errors.

The form state is plain JSON (it is the draft kept between requests): dates as a person writes
them (27/08/2019; 15/06 every year; 20/* every month; T5 every Thursday), owners with the code
picked from the directory. `to_taskset` turns it back into the TaskSet model that `dondoc load`
validates, and names each field that is wrong (`t3.due`: "“31/02/2025” không phải ngày có thật").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from functools import partial
from typing import Any

from pydantic import ValidationError

from dondoc.app.form_dates import (due_text, events_text, lunar_text, parse_day, parse_due, parse_events,
                                   parse_int, parse_lunar, vn_day)
from dondoc.taskset import TaskSet

__all__ = ["due_text", "events_text", "lunar_text", "parse_day", "parse_due", "parse_events", "parse_lunar", "vn_day"]

KINDS_VI = {"report": "báo cáo", "action": "nhiệm vụ", "event": "sự kiện"}
ROLES = ("lead", "support")
MAX_TASKS = 300
MAX_OWNERS = 200  # per role of a task: a province's communes may all be named
_FIELD = re.compile(r"^t(\d+)\.(\w+?)(?:(\d+)\.(\w+))?$")

Resolver = Callable[[str], tuple[str, ...]]


# ---------------------------------------------------------------- task set → form


def _owner_state(o: Mapping[str, Any]) -> dict[str, Any]:
    return {"name": o.get("name") or "", "org": o.get("org") or "", "orgs": list(o.get("orgs") or [])}


def state_of(ts: TaskSet, *, received_on: date | None = None) -> dict[str, Any]:
    """The form state of a task set (what the review page shows first)."""
    d = ts.dispatch
    tasks = []
    for i, t in enumerate(ts.tasks):
        rel = t.schedule.relative
        tasks.append({
            "uid": f"u{i}", "key": t.key, "title": t.title, "text": t.text, "kind": t.kind,
            "lead": [_owner_state(o.model_dump()) for o in t.lead],
            "support": [_owner_state(o.model_dump()) for o in t.support],
            "repeat": t.schedule.repeat, "due": due_text(t.schedule.due), "events": events_text(t.schedule.events),
            "lunar": lunar_text([lu.model_dump() for lu in t.schedule.lunar]),
            "lunar_names": {f"{lu.month}-{lu.day}": lu.name for lu in t.schedule.lunar if lu.name},
            "until": vn_day(t.schedule.until), "report_to": t.report_to or "",
            "rel_days": str(rel.days) if rel else "", "rel_working": bool(rel and rel.working_days),
            "rel_from": rel.from_event if rel else "receipt",
            "cascade_name": t.cascade.by.name if t.cascade else "", "cascade_org": (t.cascade.by.org or "") if t.cascade else "",
            "cascade_orgs": list(t.cascade.by.orgs) if t.cascade else [],
            "cascade_days": "" if t.cascade is None or t.cascade.working_days is None else str(t.cascade.working_days),
            "span": list(t.span) if t.span else None,
            "references": [r.model_dump(mode="json") for r in t.references], "explain": dict(t.explain),
        })
    return {
        "dispatch": {"number": d.number or "", "issuer": d.issuer or "", "issued_on": vn_day(d.issued_on),
                     "subject": d.subject or "", "recipients": "\n".join(d.recipients), "place": d.place or "",
                     "signer": d.signer or "", "classified": d.classified, "received_on": vn_day(received_on)},
        "source": d.source.model_dump() if d.source else None,
        "tasks": tasks, "warnings": list(ts.warnings), "next_uid": len(tasks),
    }


# ---------------------------------------------------------------- form → state


def state_from_form(form: Mapping[str, str], base: Mapping[str, Any]) -> dict[str, Any]:
    """The state as the form posted it; what the form does not carry (spans, references, notes) is kept from `base`."""
    old = {t["uid"]: t for t in base.get("tasks", [])}
    d = dict(base.get("dispatch", {}))
    for k in ("number", "issuer", "issued_on", "subject", "recipients", "received_on"):
        if f"d.{k}" in form:
            d[k] = form[f"d.{k}"].strip()
    d["classified"] = form.get("d.classified") == "on"
    rows: dict[int, dict[str, Any]] = {}
    for name, value in form.items():
        m = _FIELD.match(name)
        if m is None:
            continue
        i, field, j, sub = int(m.group(1)), m.group(2), m.group(3), m.group(4)
        row = rows.setdefault(i, {"lead": {}, "support": {}})
        if j is not None and field in ROLES:
            row[field].setdefault(int(j), {})[sub] = value
        else:
            row[field] = value
    tasks = []
    for i in sorted(rows)[:MAX_TASKS]:
        row = rows[i]
        prev = old.get(row.get("uid", ""), {})
        t = {**_blank_task(row.get("uid") or f"n{i}"), **{k: v for k, v in prev.items() if k not in ROLES}}
        for k in ("key", "title", "text", "kind", "repeat", "due", "events", "lunar", "until", "report_to",
                  "rel_days", "cascade_name", "cascade_org", "cascade_days"):
            if k in row:
                t[k] = str(row[k]).strip() if k != "text" else str(row[k]).strip("\n")
        t["rel_working"] = row.get("rel_working") == "on"
        for role in ROLES:
            owners = []
            for j in sorted(row[role])[:MAX_OWNERS]:
                o = row[role][j]
                orgs = [c for c in (o.get("orgs") or "").split() if c]
                owners.append({"name": (o.get("name") or "").strip(), "org": (o.get("org") or "").strip(), "orgs": orgs})
            t[role] = owners
        tasks.append(t)
    return {**base, "dispatch": d, "tasks": tasks}


def _blank_task(uid: str) -> dict[str, Any]:
    return {"uid": uid, "key": "", "title": "", "text": "", "kind": "action", "lead": [], "support": [],
            "repeat": "once", "due": "", "events": "", "lunar": "", "lunar_names": {}, "until": "", "report_to": "",
            "rel_days": "", "rel_working": False, "rel_from": "receipt", "cascade_name": "", "cascade_org": "",
            "cascade_orgs": [], "cascade_days": "", "span": None, "references": [], "explain": {}}


# ---------------------------------------------------------------- edits the buttons make


def add_task(state: dict[str, Any]) -> int:
    """Append an empty task (key: the next number); returns its index."""
    n = int(state.get("next_uid", len(state["tasks"])))
    state["next_uid"] = n + 1
    keys = {t["key"] for t in state["tasks"]}
    k = len(state["tasks"]) + 1
    while str(k) in keys:
        k += 1
    state["tasks"].append({**_blank_task(f"n{n}"), "key": str(k), "lead": [{"name": "", "org": "", "orgs": []}]})
    return len(state["tasks"]) - 1


def remove_task(state: dict[str, Any], i: int) -> None:
    if 0 <= i < len(state["tasks"]):
        del state["tasks"][i]


def add_owner(state: dict[str, Any], i: int, role: str) -> None:
    if 0 <= i < len(state["tasks"]) and role in ROLES:
        state["tasks"][i][role].append({"name": "", "org": "", "orgs": []})


def remove_owner(state: dict[str, Any], i: int, role: str, j: int) -> None:
    if 0 <= i < len(state["tasks"]) and role in ROLES and 0 <= j < len(state["tasks"][i][role]):
        del state["tasks"][i][role][j]


# ---------------------------------------------------------------- form → task set


def _owner(o: Mapping[str, Any]) -> dict[str, Any]:
    return {"name": o["name"] or o["org"], "org": o["org"] or None, "orgs": [] if o["org"] else list(o["orgs"])}


def to_taskset(state: Mapping[str, Any], *, known_event: Callable[[str], bool]) -> tuple[TaskSet | None, dict[str, str]]:
    """The task set the state stands for, or None with the reason for each wrong field (keyed as the form names it)."""
    errors: dict[str, str] = {}

    def take(key: str, fn: Callable[[], Any], default: Any = None) -> Any:
        try:
            return fn()
        except ValueError as exc:
            errors.setdefault(key, str(exc))
            return default

    d = state["dispatch"]
    dispatch = {
        "number": d.get("number") or None, "issuer": d.get("issuer") or None,
        "issued_on": take("d.issued_on", lambda: parse_day(d.get("issued_on", ""))),
        "subject": d.get("subject") or None,
        "recipients": [r.strip() for r in (d.get("recipients") or "").splitlines() if r.strip()],
        "place": d.get("place") or None, "signer": d.get("signer") or None, "classified": bool(d.get("classified")),
        "source": state.get("source"),
    }
    take("d.received_on", lambda: parse_day(d.get("received_on", "")))
    tasks = []
    seen: dict[str, int] = {}
    for i, t in enumerate(state["tasks"]):
        key = t["key"].strip()
        if not key:
            errors[f"t{i}.key"] = "cần có số mục (ví dụ 1, 2.a, R1)"
        elif key in seen:
            errors[f"t{i}.key"] = f"mục “{key}” trùng với một mục ở trên; mỗi mục cần một số riêng"
        seen.setdefault(key, i)
        if t["kind"] not in KINDS_VI:
            errors[f"t{i}.kind"] = "chọn báo cáo, nhiệm vụ hoặc sự kiện"
        rel_days = take(f"t{i}.rel_days", partial(parse_int, t["rel_days"], lo=0, hi=3650))
        cascade = None
        if t.get("cascade_name") or t.get("cascade_org"):
            by = _owner({"name": t.get("cascade_name", ""), "org": t.get("cascade_org", ""),
                         "orgs": t.get("cascade_orgs", [])})
            cascade = {"by": by, "working_days": take(f"t{i}.cascade_days",
                                                      partial(parse_int, t["cascade_days"], lo=0, hi=60))}
        for role in ROLES:
            for j, o in enumerate(t[role]):
                if not (o["name"] or o["org"]):
                    errors.setdefault(f"t{i}.{role}{j}.name", "cần tên hoặc mã đơn vị (hoặc bấm ✕ để bỏ dòng này)")
        tasks.append({
            "key": key, "title": t["title"], "text": t["text"], "kind": t["kind"],
            "lead": [_owner(o) for o in t["lead"] if o["name"] or o["org"]],
            "support": [_owner(o) for o in t["support"] if o["name"] or o["org"]],
            "schedule": {
                "repeat": t["repeat"], "due": take(f"t{i}.due", partial(parse_due, t["due"], t["repeat"]), []),
                "events": take(f"t{i}.events", partial(parse_events, t["events"], known_event), []),
                "relative": None if rel_days is None else {"days": rel_days, "working_days": bool(t["rel_working"]),
                                                           "from_event": t.get("rel_from") or "receipt"},
                "lunar": take(f"t{i}.lunar", partial(parse_lunar, t["lunar"], t.get("lunar_names") or {}), []),
                "until": take(f"t{i}.until", partial(parse_day, t["until"])),
            },
            "report_to": t["report_to"] or None, "cascade": cascade,
            "span": t.get("span"), "references": t.get("references") or [], "explain": t.get("explain") or {},
        })
    if errors:
        return None, errors
    try:
        return TaskSet.model_validate({"version": 1, "dispatch": dispatch, "tasks": tasks,
                                       "warnings": state.get("warnings", [])}), {}
    except ValidationError as exc:
        for err in exc.errors():
            errors.setdefault(_field_of(tuple(err["loc"])), _reason(err))
        return None, errors


def _field_of(loc: tuple[Any, ...]) -> str:
    """A pydantic location → the form's field name: ("tasks", 2, "schedule", "due", 0) → "t2.due"."""
    if len(loc) >= 3 and loc[0] == "tasks" and isinstance(loc[1], int):
        rest = [p for p in loc[2:] if p != "schedule"]
        if rest and rest[0] in ROLES and len(rest) > 1 and isinstance(rest[1], int):
            return f"t{loc[1]}.{rest[0]}{rest[1]}.org"
        return f"t{loc[1]}.{rest[0] if rest else 'key'}"
    if len(loc) >= 2 and loc[0] == "dispatch":
        return f"d.{loc[1]}"
    return "form"


def _reason(err: Mapping[str, Any]) -> str:
    kind = err.get("type", "")
    if kind == "literal_error":
        return "giá trị này không có trong danh sách chọn"
    if kind in ("date_parsing", "date_type", "date_from_datetime_parsing"):
        return "không phải một ngày có thật (ngày/tháng/năm)"
    if kind in ("greater_than_equal", "less_than_equal", "int_parsing", "int_type"):
        return "số không hợp lệ hoặc ngoài giới hạn cho phép"
    return "giá trị không hợp lệ: " + str(err.get("msg", "")).removeprefix("Value error, ")


def task_models(state: Mapping[str, Any], *, known_event: Callable[[str], bool]) -> list[Any]:
    """Each task on its own as the model (None where a field of it is wrong), so that a card shows its dates
    even while another card still has an error."""
    out: list[Any] = []
    for t in state["tasks"]:
        one: dict[str, Any] = {"dispatch": {}, "source": None, "warnings": [], "tasks": [{**t, "key": t["key"] or "?"}]}
        ts, _ = to_taskset(one, known_event=known_event)
        out.append(ts.tasks[0] if ts is not None else None)
    return out


# ---------------------------------------------------------------- what blocks the commit


def fill_codes(state: dict[str, Any], *, resolve: Resolver) -> None:
    """An owner typed by name without a code gets what the directory resolves the name to (as `dondoc load` does)."""
    for t in state["tasks"]:
        for role in ROLES:
            for o in t[role]:
                if o["name"] and not o["org"] and not o["orgs"]:
                    codes = resolve(o["name"])
                    if len(codes) == 1:
                        o["org"] = codes[0]
                    elif codes:
                        o["orgs"] = list(codes)


def owner_problems(state: Mapping[str, Any], *, known: Callable[[str], bool]) -> dict[str, str]:
    """Owners that cannot be stored as they are: a code the directory lacks (any owner), an unresolved
    lead, a task with no lead. Each blocks the commit, with the task and the name."""
    out: dict[str, str] = {}
    for i, t in enumerate(state["tasks"]):
        key = t["key"] or f"#{i + 1}"
        if not any(o["name"] or o["org"] for o in t["lead"]):
            out[f"t{i}.lead"] = f"Mục {key}: chưa có đơn vị chủ trì; thêm một đơn vị từ danh bạ"
        for role in ROLES:
            for j, o in enumerate(t[role]):
                if o["org"] and not known(o["org"]):
                    out[f"t{i}.{role}{j}.org"] = f"Mục {key}: không có đơn vị mã “{o['org']}” trong danh bạ"
                elif role == "lead" and o["name"] and not o["org"] and not o["orgs"]:
                    out[f"t{i}.lead{j}.org"] = (f"Mục {key}: chưa xác định đơn vị chủ trì “{o['name']}”; "
                                                "chọn đơn vị trong danh bạ hoặc thêm đơn vị mới")
        if t.get("cascade_org") and not known(t["cascade_org"]):
            out[f"t{i}.cascade_org"] = f"Mục {key}: không có đơn vị mã “{t['cascade_org']}” trong danh bạ"
    return out


def summary(problems: Mapping[str, str]) -> str:
    """The problems in one sentence, the tasks that share one grouped: "Mục 1, 2, R1: chưa xác định … “X”"."""
    grouped: dict[str, list[str]] = {}
    for message in problems.values():
        m = re.match(r"^Mục (\S+): (.*?)(?:; chọn đơn vị trong danh bạ.*)?$", message)
        key, rest = (m.group(1), m.group(2)) if m else ("", message)
        grouped.setdefault(rest, []).append(key)
    return "; ".join((f"Mục {', '.join(k for k in keys if k)}: " if any(keys) else "") + rest
                     for rest, keys in grouped.items())

"""What the review page template receives: the draft's form state, its errors, the text cut at the spans,
each card's dates and warnings, and the owners' names from the directory."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from dondoc.app import drafts
from dondoc.app import review_form as rf
from dondoc.app.directory_admin import LEVEL_VI, snapshot
from dondoc.app.review_view import card_dates, place_warnings, segments
from dondoc.app.steps import catalog, local_today, work_calendar
from dondoc.schedule.words import REPEAT_VI
from dondoc.web.auth import now_of, settings_of

WEEKDAY_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def _owner_view(o: dict[str, Any], snap: Any) -> dict[str, Any]:
    row = snap.by_code.get(o["org"]) if o["org"] else None
    if row is not None:
        label, state = row.name, "ok"
    elif o["org"]:
        label, state = "không có mã này trong danh bạ", "bad"
    elif o["orgs"]:
        names = [snap.by_code[c].name for c in o["orgs"][:3] if c in snap.by_code]
        label = f"nhóm {len(o['orgs'])} đơn vị: " + ", ".join(names) + (" …" if len(o["orgs"]) > 3 else "")
        state = "group"
    else:
        label, state = "chưa xác định", "bad"
    return {**o, "label": label, "state": state}


def review_context(request: Request, draft: drafts.Draft, *, refusal: str | None = None) -> dict[str, Any]:
    """Everything review.html shows for one draft."""
    s = settings_of(request)
    engine = request.app.state.engine
    snap = snapshot(engine)
    state = draft.state
    cat = catalog(s)
    cal = work_calendar(s)
    today = local_today(s, now_of(request))
    models = rf.task_models(state, known_event=lambda k: cat.by_key(k) is not None)
    try:
        anchor = rf.parse_day(state["dispatch"].get("issued_on", ""))
    except ValueError:
        anchor = None
    received = drafts.received_on(state) or anchor
    keys = [t["key"] for t in state["tasks"]]
    resolved = {t["key"]: {o["name"] for o in t["lead"] + t["support"] if o["org"] or o["orgs"]}
                - {o["name"] for o in t["lead"] + t["support"] if not (o["org"] or o["orgs"])}
                | ({t.get("cascade_name", "")} if t.get("cascade_org") or t.get("cascade_orgs") else set())
                for t in state["tasks"]}
    top, by_key = place_warnings(list(state.get("warnings", [])), keys, resolved)
    cards = []
    for i, t in enumerate(state["tasks"]):
        task = models[i]
        dates = card_dates(task, anchor=anchor, today=today, cal=cal, catalog=cat, before_means=s.before_means,
                           received=received) if task is not None else None
        cards.append({
            "i": i, "t": t, "dates": dates, "warnings": by_key.get(t["key"], []),
            "lead": [_owner_view(o, snap) for o in t["lead"]], "support": [_owner_view(o, snap) for o in t["support"]],
            "cascade": _owner_view({"name": t.get("cascade_name", ""), "org": t.get("cascade_org", ""),
                                    "orgs": t.get("cascade_orgs", [])}, snap) if t.get("cascade_name") or
            t.get("cascade_org") else None,
            "has_span": bool(t.get("span")),
        })
    unresolved_names: dict[str, int] = {}
    for c in cards:
        for o in c["lead"] + c["support"]:
            if o["state"] == "bad" and o["name"]:
                unresolved_names[o["name"]] = unresolved_names.get(o["name"], 0) + 1
    errors = dict(draft.errors)
    return {
        "title": f"Duyệt: {draft.source_name}", "draft": draft, "state": state, "cards": cards, "errors": errors,
        "top_warnings": top, "segments": segments(draft.text, [tuple(t["span"]) if t.get("span") else None
                                                               for t in state["tasks"]]),
        "kinds": rf.KINDS_VI, "repeats": REPEAT_VI, "levels": LEVEL_VI, "weekdays": WEEKDAY_VI,
        "refusal": refusal, "today": today, "unresolved_names": unresolved_names,
        "field_errors": {k: v for k, v in errors.items() if k != "form"},
    }

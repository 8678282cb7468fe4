"""The reader's notes as a person reads them: a task's `explain`, a task set's `warnings`, a refusal's reason.

dondoc/parse writes its notes in English, into the task-set file (the contract of DESIGN.md, which
the review page and the scorer also read). Every command and page that shows a note to a person says
it through `say()`, in the user's language: each note is matched whole against the templates below
(English msgids, translated in the catalogs), and a note made of parts joined by "; " part by part.
A field named `why`, `how`, `where`, `what` or `period` holds a note of its own and is said in turn; the
other fields are quoted text or keys, kept as written. A note no template knows is shown as written
(tests/unit/test_reading_notes.py reads every note the reader writes over the fixtures and the real
corpus, and fails on one left in English).
"""

from __future__ import annotations

import re
from functools import lru_cache

from dondoc.i18n import N_, _

_NESTED = ("why", "how", "where", "period", "what")

TEMPLATES: tuple[str, ...] = (
    # refusals (dondoc/parse/prose.py nothing_asked)
    N_("no numbered instruction to track was found"),
    N_("no numbered instruction to track was found, and the text has no dispatch header (no số hiệu, "
       "no Kính gửi): a news article?"),
    N_("no numbered instruction to track was found, and no paragraph asks anyone to do, send, report or "
       "prepare something: a text that only informs or states rules?"),
    N_("a calendar of meetings (lịch công tác, lịch làm việc): its dated entries are meetings with a chair, "
       "not tasks, and no paragraph after them asks anyone to act"),
    # warnings
    N_('{what} "{name}" not found in the directory'),
    N_('{what} "{name}" fits {n} organisations equally ({fits}): none is picked; choose one'),
    N_("owner"),
    N_("consolidator"),
    N_("no owner found"),
    N_("no owner named; it falls to the addressees (Kính gửi)"),
    N_('the number (số hiệu) is left blank: "{text}"'),
    N_('the date of the dispatch is incomplete: "{text}"'),
    N_('"{text}" is not a real date'),
    N_("{date} is not a real date"),
    N_('"{text}": {date} is not a real date'),
    N_('"{text}": month {month} does not exist'),
    N_('"{text}": no year given and the dispatch has no date; kept as every year'),
    N_('observance "{name}" is not in config/observances.yaml; kept by its date'),
    N_("item {key} appears twice; the second is {second}"),
    N_("the text is a calendar of meetings (lịch công tác): its dated entries are no tasks"),
    N_('the document is classified ("{mark}"): reminders carry only its number, the item\'s key and the date'),
    N_('the deadline is counted from "{event}", a day the dispatch does not give: set its date by hand'),
    # explain: key and kind
    N_('numbered "{key}" in the text'),
    N_("a request written as prose (paragraph at line {line})"),
    N_('the owner heading "{name}:" and its bullets under item {key}'),
    N_("bullet {n} under item {key}"),
    N_("bullet {n}"),
    N_('row "{row}" of the table of tasks at line {line}'),
    N_("an instruction to act: it asks for no report"),
    N_("a reporting obligation (báo cáo ... về/gửi ...)"),
    # explain: owners
    N_('subject of the sentence "{text}"'),
    N_('the bold heading "{text}" names it'),
    N_("the field line (Cơ quan chủ trì: …) names it"),
    N_("the field line (Cơ quan phối hợp: …) names it"),
    N_("no owner named in the item; falls to the addressees (Kính gửi)"),
    N_("no owner named in the item, and the dispatch has no addressees"),
    N_("no owner named in the item"),
    N_("falls to the addressees (Kính gửi)"),
    N_("stated in the preamble for the items that name nobody: {why}"),
    N_('joint parties of "{text}"'),
    N_('"{text}" ("nêu trên": the addressees, Kính gửi)'),
    N_("from the heading of item {key}"),
    N_('the column "Cơ quan chủ trì" of its row: "{text}"'),
    N_('from the heading paragraph "{name}:" above item {key}'),
    N_("stated for item {key} and what is under it"),
    N_('directed by the one before "chỉ đạo": "{text}"'),
    N_('and "{names}", whom it directs'),
    N_('and "{names}", whom the heading of item {key} directs'),
    N_('"{names}", directed by the item ("Chỉ đạo …")'),
    N_('listed before "{text}", with the same predicate'),
    N_('listed before "{text}"'),
    N_('named after "của" in the paper the sentence sends'),
    N_('the line "{text}" over the duties names it'),
    N_("the owners the field units {keys} name for this block"),
    N_("named in the line: {names}"),
    N_('told by "{text}"'),
    N_('"{text}" (the subject cooperates)'),
    N_('marked "(chủ trì)" in "{text}"'),
    N_("listed beside the one marked (chủ trì)"),
    N_('"{text}" (cooperates with the lead)'),
    N_('"{text}: …" lists them'),
    N_("the subject of báo cáo"),
    N_("the owners of the item it sits in"),
    N_('"{name}" completed from the directory'),
    N_('"{name}" → {codes} ({how})'),
    N_("as written"),
    N_("the body of the post"),
    N_("in the dispatch's commune ({place})"),
    N_("the body of the post, in the dispatch's commune ({place})"),
    N_("the body it belongs to, '{name}' ({how})"),
    N_('the body it belongs to, "{name}" ({how})'),
    # explain: who gathers, who receives
    N_('the text says "{name}" gathers the reports ("… để tổng hợp")'),
    N_('the dispatch charges "{name}", which the reports go to, with gathering them'),
    N_('item {key} says "{name}" gathers the reports sent to it'),
    N_('"{name}" receives it'),
    N_("the text names no recipient"),
    # explain: cadence
    N_('ongoing work ("{text}")'),
    N_('a standing service ("{text}")'),
    N_('ongoing work ("{text}") with a review among its duties'),
    N_('done within the dated days the preamble sets ("{text}")'),
    N_('done for the one occasion the dispatch serves ("{text}")'),
    N_("takes the cadence of its one report {key}"),
    N_('deadline "{text}", a named day'),
    N_("no date, no deliverable: an ongoing duty"),
    N_("a dated deadline"),
    N_('a one-off deliverable ("{text}") without a date'),
    N_('says every week ("{text}")'),
    N_('says every month ("{text}")'),
    N_('says every quarter ("{text}")'),
    N_('says every 6 months ("{text}")'),
    N_('says every year ("{text}")'),
    N_('says "{text}"'),
    N_('on request ("{text}")'),
    N_("tied to this year's observance the dispatch is about"),
    N_("tied to an annual observance"),
    N_("a day and month without a year: every year"),
    N_("a part of one submission: once"),
    N_("a milestone of a calendar the decision issues: once"),
    N_("a report without a cadence: once"),
    N_("a report of a chain, without a cadence: once"),
    N_("a dated report before the periodic ones"),
    N_("a dated report beside the ad hoc ones"),
    N_("takes the reporting cadence of {key}: {why}"),
    N_("a deadline on the lunar calendar comes every year"),
    N_("the one charge to carry out what the resolution decides"),
    # explain: dates
    N_('deadline "{text}"'),
    N_("no date stated"),
    N_("a year ends on 31/12 (BLDS art. 146)"),
    N_("a month ends on its last day (BLDS art. 146)"),
    N_("a quarter ends on its last day"),
    N_("a quarter of every year ends on its last day"),
    N_("a quarter of the dispatch's year ends on its last day"),
    N_("a month of every year ends on its last day"),
    N_("the year to finish the work ends on 31/12"),
    N_("the year-end session: by 31/12"),
    N_("before a month: by the last day of the month before it"),
    N_("a day of every month"),
    N_('"{text}": a day of every year'),
    N_('"{text}": no year, taken as every year'),
    N_('"{text}": year taken from the dispatch\'s date'),
    N_('relative deadline "{text}"'),
    N_('relative deadline "{text}", counted from an event the dispatch does not date'),
    N_('the time of the block ({where}): "{text}"'),
    N_("after item {key}"),
    N_("the heading of item {key}"),
    N_("the line after item {key}"),
    N_("the due dates of its periodic reports"),
    N_("the due of its report {key} ({text})"),
    N_("the one deadline the closing paragraph sets for the submission ({key})"),
    N_('the day the calendar sets ("{text}")'),
    N_('"{text}": {why}'),
    N_("day {day} of the month after the one reported on"),
    N_("day {day} of the first month after each {period}"),
    N_("day {day} of every month"),
    N_("day {day} of every month (of the next month)"),
    N_("day {day} of the last month of each {period}"),
    N_("quarter"),
    N_("half-year"),
    N_("year"),
    N_('{days} with "{text}": that day of every week'),
    N_('{days} with "{text}": those days of every week'),
    N_('"{text}" names no weekday: the last working day of each week'),
    N_("no weekday stated: the last working day of each week"),
    N_("the dates {dates} in the text do not recur every week and are left out"),
    N_('"{text}": every year on the lunar calendar'),
    N_('"{text}": {date} on the lunar calendar'),
    N_("names {names}"),
    N_('"{text}"'),
)

_FIELD = re.compile(r"\\\{(\w+)\\\}")
_KEYS = re.compile(r"^(?:[\w.#-]+(?:, [\w.#-]+)*)?$")  # "B.IV.2, B.IV.3": keys, or nothing, said as they are
# a note the reading wrote in Vietnamese already (the OCR, font and PDF notes of dondoc/ingest)
_ENGLISH = re.compile(r"\b(?:the|of|is|an?|not|no|by|from|its?|and|with|to|for|on|names?|says)\b")
_WHERE = re.compile(r"^line (?P<line>\d+): (?:item (?P<key>\S+?): )?(?=.)")


def _pattern(template: str) -> re.Pattern[str]:
    """The template as a pattern of the whole note: each {field} any text (shortest first)."""
    return re.compile("^" + _FIELD.sub(lambda m: f"(?P<{m.group(1)}>.+?)", re.escape(template)) + "$", re.S)


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    # the most specific first: the one with the most words of its own ('"{text}": {why}' after all others)
    order = sorted(TEMPLATES, key=lambda t: -len(_FIELD.sub("", re.escape(t))))
    return tuple((t, _pattern(t)) for t in order)


def _one(note: str, missing: list[str], *, joined: bool = False) -> str | None:
    """One note said by the first template that matches it whole (with `joined`, only a template that
    itself holds "; "), None when none does."""
    for template, pattern in _compiled():
        if joined and "; " not in template:
            continue
        if m := pattern.match(note):
            fields = {k: _say(v, missing) if k in _NESTED else v for k, v in m.groupdict().items()}
            return _(template).format(**fields)
    return None


def _parts(note: str) -> list[str]:
    """The note cut at each "; " outside double quotes."""
    out, start, quoted = [], 0, False
    for i, ch in enumerate(note):
        if ch == '"':
            quoted = not quoted
        elif ch == ";" and not quoted and note.startswith("; ", i):
            out.append(note[start:i])
            start = i + 2
    return [*out, note[start:]]


def _say(note: str, missing: list[str]) -> str:
    where = _WHERE.match(note)
    if where:
        place = (_("line {line}: item {key}") if where.group("key") else _("line {line}")).format(**where.groupdict())
        return f"{place}: {_say(note[where.end():], missing)}"
    parts = _parts(note)
    if len(parts) > 1 and (whole := _one(note, missing, joined=True)) is not None:
        return whole
    said = []
    for part in parts:
        one = _one(part, missing)
        if one is None and not _KEYS.match(part) and _ENGLISH.search(part):
            missing.append(part)
        said.append(part if one is None else one)
    return "; ".join(said)


def say(note: str) -> str:
    """A reader's note in the user's language; its place ("line 5: item 3: …") said first."""
    return _say(note, [])


def unknown(note: str) -> list[str]:
    """The parts of a note (nested ones too) no template knows: tests keep the templates complete."""
    missing: list[str] = []
    _say(note, missing)
    return missing

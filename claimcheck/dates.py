"""Dates: a story's own date, and the time references in claims resolved against it.

Explicit dates ("السبت 16 مايو 2020", "20/5/2020", Hijri "23 رمضان 1441") are parsed with
dateparser/dateutil/hijridate; relative ones ("أول أمس الاثنين", "مساء الخميس", "الأسبوع
الماضي") are resolved with dateutil's relativedelta against the story date. A reference
that cannot be resolved keeps its text and no date: never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import MO, relativedelta

from . import knowledge
from .models import Evidence, TimeRef

_DIGIT = "[0-9\u0660-\u0669]"
_DIGITS_TABLE = str.maketrans({chr(0x0660 + i): str(i) for i in range(10)})


@dataclass(frozen=True)
class _Rules:
    explicit: re.Pattern
    numeric: re.Pattern
    hijri: re.Pattern
    relative: re.Pattern
    months: dict[str, int]
    hijri_months: dict[str, int]
    weekdays: dict[str, int]
    day_offsets: dict[str, int]
    periods: dict[str, tuple[str, int]]
    past: frozenset[str]
    future: frozenset[str]


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = knowledge.load("dates")
    months = {name: n + 1 for n, names in enumerate(data["months"]) for name in names}
    hijri = {name: n + 1 for n, name in enumerate(data["hijri_months"])}
    weekdays = {name: n for n, names in enumerate(data["weekdays"]) for name in names}
    day_offsets = {w: r["offset"] for r in data["relative_days"] for w in r["words"]}
    periods = {w: (r["unit"], r["offset"]) for r in data["relative_periods"] for w in r["words"]}
    weekday_alt = _alt(weekdays)
    explicit = re.compile(
        rf"(?:(?P<wd>{weekday_alt})\s*[،,]?\s*)?(?P<day>{_DIGIT}{{1,2}})\s+(?:من\s+)?(?P<month>{_alt(months)})\s*[،,]?\s*(?P<year>{_DIGIT}{{4}})"
    )
    numeric = re.compile(rf"(?<![0-9/])(?P<day>{_DIGIT}{{1,2}})[/.-](?P<month>{_DIGIT}{{1,2}})[/.-](?P<year>{_DIGIT}{{4}})(?![0-9/])")
    hijri_re = re.compile(rf"(?P<day>{_DIGIT}{{1,2}})\s+(?P<month>{_alt(hijri)})\s+(?:سنة\s+|عام\s+)?(?P<year>1[34]{_DIGIT}{{2}})")
    parts = _alt(data["day_parts"])
    past = frozenset(data["past_markers"])
    future = frozenset(data["next_markers"])
    relative = re.compile(
        rf"(?<![\w])(?:(?:في\s+)?(?P<part>{parts})\s+)?"
        rf"(?:(?P<rel>{_alt(day_offsets)})(?:\s+(?P<relwd>{weekday_alt}))?"
        rf"|(?:يوم\s+)?(?P<wd>{weekday_alt})(?:\s+(?P<mark>{_alt(past | future)}))?"
        rf"|(?P<period>{_alt(periods)}))(?![\w])"
    )
    return _Rules(explicit, numeric, hijri_re, relative, months, hijri, weekdays, day_offsets, periods, past, future)


def _int(text: str) -> int:
    return int(text.translate(_DIGITS_TABLE))


def _explicit_dates(text: str, start: int, end: int):
    rules = _rules()
    segment = text[start:end]
    for m in rules.explicit.finditer(segment):
        try:
            yield date(_int(m["year"]), rules.months[m["month"]], _int(m["day"])), m
        except ValueError:
            continue
    for m in rules.numeric.finditer(segment):
        try:
            yield date(_int(m["year"]), _int(m["month"]), _int(m["day"])), m  # Arab outlets write day first
        except ValueError:
            continue
    for m in rules.hijri.finditer(segment):
        try:
            from hijridate import Hijri

            yield Hijri(_int(m["year"]), rules.hijri_months[m["month"]], _int(m["day"])).to_gregorian(), m
        except (ValueError, OverflowError):
            continue


def find_story_date(text: str, start: int, end: int) -> tuple[date, Evidence] | None:
    """The first explicit, plausible date in a story (a dateline or a dated event), with evidence."""
    found = sorted(_explicit_dates(text, start, end), key=lambda dm: dm[1].start())
    for value, match in found:
        if 1900 <= value.year <= 2100:
            return value, Evidence(match.group(), start + match.start(), "text")
    return None


def find_time_refs(text: str, start: int, end: int) -> list[tuple[int, int, re.Match]]:
    """Relative and explicit time expressions between ``start`` and ``end``."""
    rules = _rules()
    segment = text[start:end]
    return [(start + m.start(), start + m.end(), m) for m in rules.relative.finditer(segment)]


def resolve(text: str, start: int, end: int, anchor: date | None) -> TimeRef | None:
    """The first time reference in ``text[start:end]`` resolved against ``anchor``.

    Explicit dates resolve without an anchor; relative ones need the story date and stay
    unresolved (with their text) without it.
    """
    explicit = sorted(_explicit_dates(text, start, end), key=lambda dm: dm[1].start())
    refs = find_time_refs(text, start, end)
    if explicit and (not refs or start + explicit[0][1].start() <= refs[0][0]):
        value, m = explicit[0]
        return TimeRef(m.group(), start + m.start(), start + m.end(), value, anchor)
    if not refs:
        return None
    s, e, m = refs[0]
    return TimeRef(m.group(), s, e, resolve_match(m, anchor), anchor)


def resolve_match(m: re.Match, anchor: date | None) -> date | None:
    if anchor is None:
        return None
    rules = _rules()
    if m["rel"]:
        value = anchor + timedelta(days=rules.day_offsets[m["rel"]])
        if m["relwd"] and value.weekday() != rules.weekdays[m["relwd"]]:
            return None  # "أمس الاثنين" on a Friday: the text and the date disagree, so don't guess
        return value
    if m["wd"]:
        weekday = rules.weekdays[m["wd"]]
        back = (anchor.weekday() - weekday) % 7
        if m["mark"] in rules.past:
            back = back or 7
            return anchor - timedelta(days=back)
        if m["mark"] in rules.future:
            ahead = (weekday - anchor.weekday()) % 7 or 7
            return anchor + timedelta(days=ahead)
        # A bare weekday in a news story is the most recent such day (the story's own day included).
        return anchor - timedelta(days=back)
    if m["period"]:
        unit, offset = rules.periods[m["period"]]
        if unit == "week":
            return anchor + relativedelta(weeks=offset, weekday=MO(-1))
        if unit == "month":
            return (anchor + relativedelta(months=offset)).replace(day=1)
        if unit == "year":
            return date(anchor.year + offset, 1, 1)
    return None

"""Dates: a story's own date, and the time references in claims resolved against it.

Explicit dates ("السبت 16 مايو 2020", "20/5/2020", Hijri "23 رمضان 1441 هـ") need no anchor;
everything relative ("أول أمس الاثنين", "مساء الخميس", "الأسبوع الماضي", "قبل يومين",
"السابع من أكتوبر", "مايو الماضي") is resolved with dateutil's relativedelta against the
story date. A reference that cannot be resolved keeps its text and no date: never a guess.

Every reference also has a precision (day, week, month, year): "الأسبوع الماضي" resolves to
the Monday that starts the week, and whoever compares dates needs to know it covers seven days.

Matching runs on a folded copy of the text (hamza/alef forms, ى/ي, ة/ه, Arabic-Indic digits,
diacritics and tatweel removed), so spelling variants need no extra vocabulary; offsets are
mapped back, and ``TimeRef.text`` is always the original text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import compress

from dateutil.relativedelta import MO, relativedelta

from ..knowledge import loader as knowledge
from ..models import Evidence, TimeRef

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)

# Days covered by a reference of each precision, for comparing dates of different precision.
SPAN_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}


# The marks _DIACRITICS matches (all in the Arabic block), removed by the translation that folds the
# letters: one C call for each word.
_FOLD_BARE = {**{c: None for c in range(0x0600, 0x0700) if _DIACRITICS.match(chr(c))}, **_FOLD}


def _fold_word(text: str) -> str:
    return text.translate(_FOLD_BARE)


def _fold(text: str) -> tuple[str, Callable[[int], int]]:
    """``text`` without vowel marks and tatweel, and a function from an offset in that copy to
    the offset of the same character in ``text``.

    (Letter variants need no folding: the pattern accepts them as written.)
    """
    removed = [m.start() for m in _DIACRITICS.finditer(text)]  # a few marks, not every character

    def where(i: int) -> int:
        for r in removed:  # each mark at or before the character shifts it one place on
            if r > i:
                break
            i += 1
        return i

    return _DIACRITICS.sub("", text), where


# Each folded letter matches all the spellings it folds: the pattern runs on the text as written.
_LOOSE = {"ا": "[اأإآٱ]", "ي": "[يىئ]", "ه": "[هة]", "و": "[وؤ]", " ": r"\s+",
          **{str(i): f"[{i}{chr(0x0660 + i)}{chr(0x06F0 + i)}]" for i in range(10)}}


def _loose(word: str) -> str:
    return "".join(_LOOSE.get(ch, re.escape(ch)) for ch in word)


def _alt(words) -> str:
    folded = {" ".join(_fold_word(w).split()) for w in words}
    return "|".join(_loose(w) for w in sorted(folded, key=len, reverse=True))


def _names(entry) -> list[str]:
    """A vocabulary entry is one spelling or a list of spellings."""
    return [entry] if isinstance(entry, str) else list(entry)


@dataclass(frozen=True)
class _Rules:
    pattern: re.Pattern
    months: dict[str, int]
    hijri_months: dict[str, int]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    counts: dict[str, int]
    day_offsets: dict[str, int]
    periods: dict[str, tuple[str, int]]
    ago_units: dict[str, tuple[int, bool]]
    past: frozenset[str]
    future: frozenset[str]
    firsts: frozenset[str]  # folded words an expression can start with (for skipping other words fast)
    leads: frozenset[str]  # words that start one only before another such word ("في" صباح, "يوم" الخميس)


def _key(text: str) -> str:
    """The lookup form of a matched phrase (folded, single spaces)."""
    return " ".join(_fold_word(text).split())


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = knowledge.load("dates")

    def table(groups, start=1) -> dict[str, int]:
        return {_key(name): n + start for n, group in enumerate(groups) for name in _names(group)}

    months = table(data["months"])
    hijri = table(data["hijri_months"])
    weekdays = table(data["weekdays"], start=0)
    ordinals = table(data["ordinal_days"])
    counts = table(data["count_words"])
    day_offsets = {_key(w): r["offset"] for r in data["relative_days"] for w in r["words"]}
    periods = {_key(w): (r["unit"], r["offset"]) for r in data["relative_periods"] for w in r["words"]}
    ago_units = {_key(w): (u["days"], bool(u.get("dual"))) for u in data["ago_units"] for w in u["words"]}
    past = frozenset(_key(w) for w in data["past_markers"])
    future = frozenset(_key(w) for w in data["next_markers"])

    d = "[0-9\u0660-\u0669\u06f0-\u06f9]"
    month = _alt(months)
    weekday = _alt(weekdays)
    marks = _alt(past | future)
    year_word = _alt(data["year_words"])
    sep = r"[\"»«”“']?\s*[،,]?\s*"  # "حرب "أكتوبر" 1973": quotes may close around the month
    # Alternatives are tried in order at each position: the most explicit first.
    pattern = rf"""
        (?<!\w)(?:[وف]|و?ب)?(?P<x>
          (?P<E>(?:(?P<e_wd>{weekday}){sep})?(?P<e_day>{d}{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?(?P<e_month>{month}){sep}
                (?:(?:من\s+)?(?:{year_word})\s+)?(?P<e_year>{d}{{4}}))
        | (?P<N>(?P<n_day>{d}{{1,2}})[/.-](?P<n_month>{d}{{1,2}})[/.-](?P<n_year>{d}{{4}}))
        | (?P<I>(?P<i_year>{d}{{4}})-(?P<i_month>{d}{{1,2}})-(?P<i_day>{d}{{1,2}}))
        | (?P<H>(?P<h_day>{d}{{1,2}})\s+(?P<h_month>{_alt(hijri)})\s+(?:(?:{year_word})\s+)?(?P<h_year>[1١][34٣٤]{d}{{2}})(?:\s*ه\u0640?)?)
        | (?P<DM>(?:(?P<dm_wd>{weekday}){sep})?(?:(?P<dm_day>{d}{{1,2}})|(?P<dm_ord>{_alt(ordinals)}))\s+(?:من\s+)?(?:شهر\s+)?
                (?P<dm_month>{month})(?:\s+(?P<dm_mark>{marks}))?)
        | (?P<MY>(?:شهر\s+)?(?P<my_month>{month}){sep}(?:(?:من\s+)?(?:{year_word})\s+)?(?P<my_year>{d}{{4}}))
        | (?P<Y>(?:{year_word})\s+(?P<y_year>{d}{{4}}))
        | (?P<M>(?:شهر\s+)?(?P<m_month>{month})\s+(?P<m_mark>{marks}))
        | (?P<AGO>قبل\s+(?:(?P<ago_n>{d}{{1,3}}|{_alt(counts)})\s+)?(?P<ago_unit>{_alt(ago_units)}))
        | (?:(?:في\s+)?(?P<part>{_alt(data["day_parts"])})\s+)?
          (?:(?P<rel>{_alt(day_offsets)})(?:\s+(?P<relwd>{weekday}))?
           |(?:يوم\s+)?(?P<wd>{weekday})(?:\s+(?P<mark>{marks}))?
           |(?P<period>{_alt(periods)}))
        )(?!\w)
    """
    compiled = re.compile(pattern, re.VERBOSE)
    starters = [*months, *hijri, *weekdays, *ordinals, *day_offsets, *periods,
                *(_key(w) for w in data["year_words"]), *(_key(w) for w in data["day_parts"]), "قبل"]
    firsts = frozenset(w.split()[0] for w in starters)
    # The optional words the pattern puts in front of a day part, a weekday or a month.
    leads = frozenset(("في", "يوم", "شهر")) - firsts
    return _Rules(compiled, months, hijri, weekdays, ordinals, counts, day_offsets, periods, ago_units, past, future,
                  firsts, leads)


_TOKEN = re.compile(r"\w+")


_NO, _YES, _LEAD = 0, 1, 2


@lru_cache(maxsize=1 << 16)
def _may_start(token: str) -> int:
    """Whether an expression can start at this word (with a clitic و ف ب before it): _YES,
    _NO, or _LEAD when it can only in front of a word that can ("في صباح", not "في مدينة")."""
    folded = _fold_word(token)
    if folded[:1].isdigit():
        return _YES
    rules = _rules()
    # The word itself, or the word after a clitic the pattern allows (و ف ب وب).
    forms = (folded, folded[1:] if folded[:1] in "وفب" else "", folded[2:] if folded[:2] == "وب" else "")
    if not rules.firsts.isdisjoint(forms):
        return _YES
    if not rules.leads.isdisjoint(forms):
        return _LEAD
    return _NO


def _scan(segment: str):
    # Trying the whole pattern only where a word can begin an expression is several times faster
    # than letting the regex try every alternative at every word; and most sentences have no
    # such word at all, which the (cached, C-level) test below finds without a Python loop.
    starts = list(map(_may_start, _TOKEN.findall(segment)))
    if _YES not in starts:
        return  # a lead word alone ("في") opens nothing
    if _LEAD in starts:
        last = len(starts) - 1
        starts = [may == _YES or (may == _LEAD and k < last and starts[k + 1] != _NO) for k, may in enumerate(starts)]
    pattern = _rules().pattern
    reach = 0
    for word in compress(_TOKEN.finditer(segment), starts):
        if word.start() < reach:
            continue
        m = pattern.match(segment, word.start())
        if m:
            reach = m.end()
            yield m


def _int(text: str) -> int:
    return int(_fold_word(text))


def _matches(text: str, start: int, end: int):
    """(original start, original end, match) for every date or time expression in ``text[start:end]``."""
    return [(start + s, start + e, m) for s, e, m in _matches_in(text[start:end])]


def _matches_in(segment: str) -> tuple[tuple[int, int, re.Match], ...]:
    if not _DIACRITICS.search(segment):
        return tuple((*m.span("x"), m) for m in _scan(segment))
    folded, where = _fold(segment)  # vowel marks or tatweel: match on a copy without them
    found = []
    for m in _scan(folded):
        s, e = m.span("x")
        stop = where(e - 1) + 1
        while stop < len(segment) and _DIACRITICS.match(segment[stop]):
            stop += 1  # keep a final tatweel or vowel mark ("هـ") in the reference's text
        found.append((where(s), stop, m))
    return tuple(found)


def _kind(m: re.Match) -> str:
    for kind in ("E", "N", "I", "H", "DM", "MY", "Y", "M", "AGO"):
        if m[kind]:
            return kind
    return "REL"


def precision_of(m: re.Match) -> str:
    kind = _kind(m)
    if kind in ("MY", "M"):
        return "month"
    if kind == "Y":
        return "year"
    if kind == "AGO":
        unit = _rules().ago_units[_key(m["ago_unit"])][0]
        return "week" if unit == 7 else "day"
    if kind == "REL" and m["period"]:
        return _rules().periods[_key(m["period"])][0]
    return "day"


@lru_cache(maxsize=4096)
def precision(text: str) -> str:
    """How much time a reference like ``text`` covers: "day", "week", "month" or "year"."""
    found = list(_matches(text, 0, len(text)))
    return precision_of(found[0][2]) if found else "day"


def _absolute(m: re.Match) -> date | None:
    """The date an explicit expression names, whatever the story's date."""
    rules = _rules()
    kind = _kind(m)
    if kind == "E":
        value = date(_int(m["e_year"]), rules.months[_key(m["e_month"])], _int(m["e_day"]))
        if m["e_wd"] and value.weekday() != rules.weekdays[_key(m["e_wd"])]:
            return None  # "السبت 17 مايو" when the 17th was a Sunday: one of the two is wrong
        return value
    if kind == "N":
        return date(_int(m["n_year"]), _int(m["n_month"]), _int(m["n_day"]))  # Arab outlets write the day first
    if kind == "I":
        return date(_int(m["i_year"]), _int(m["i_month"]), _int(m["i_day"]))
    if kind == "H":
        from hijridate import Hijri

        gregorian = Hijri(_int(m["h_year"]), rules.hijri_months[_key(m["h_month"])], _int(m["h_day"])).to_gregorian()
        return date(*gregorian.datetuple())
    if kind == "MY":
        return date(_int(m["my_year"]), rules.months[_key(m["my_month"])], 1)
    if kind == "Y":
        return date(_int(m["y_year"]), 1, 1)
    return None


def _named_month(m: re.Match, anchor: date) -> date:
    """"مايو الماضي" is the last May before the story's month (in May, last year's); "مايو المقبل" the next."""
    rules = _rules()
    month = rules.months[_key(m["m_month"])]
    if _key(m["m_mark"]) in rules.future:
        return date(anchor.year if month > anchor.month else anchor.year + 1, month, 1)
    return date(anchor.year if month < anchor.month else anchor.year - 1, month, 1)


def _ago(m: re.Match, anchor: date) -> date:
    """"قبل ثلاثة أيام", "قبل أسبوعين"."""
    days, dual = _rules().ago_units[_key(m["ago_unit"])]
    count = 2 if dual else _count(m["ago_n"])
    return anchor - timedelta(days=days * count)


def _relative_day(m: re.Match, anchor: date) -> date | None:
    """"أمس", "اليوم", "غدا" (with a weekday that must agree)."""
    rules = _rules()
    value = anchor + timedelta(days=rules.day_offsets[_key(m["rel"])])
    if m["relwd"] and value.weekday() != rules.weekdays[_key(m["relwd"])]:
        return None  # "أمس الاثنين" on a Friday: the text and the date disagree, so don't guess
    return value


def _weekday(m: re.Match, anchor: date) -> date:
    """"الاثنين الماضي", "الخميس المقبل", "الأحد"."""
    rules = _rules()
    weekday = rules.weekdays[_key(m["wd"])]
    back = (anchor.weekday() - weekday) % 7
    mark = _key(m["mark"]) if m["mark"] else None
    if mark in rules.past:
        return anchor - timedelta(days=back or 7)
    if mark in rules.future:
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    # A bare weekday in a news story is the most recent such day (the story's own day included).
    return anchor - timedelta(days=back)


def _period(m: re.Match, anchor: date) -> date | None:
    """"الأسبوع الماضي", "الشهر المقبل", "العام الماضي": the period's first day."""
    unit, offset = _rules().periods[_key(m["period"])]
    if unit == "week":
        return anchor + relativedelta(weeks=offset, weekday=MO(-1))
    if unit == "month":
        return (anchor + relativedelta(months=offset)).replace(day=1)
    if unit == "year":
        return date(anchor.year + offset, 1, 1)
    return None


def resolve_match(m: re.Match, anchor: date | None) -> date | None:
    """The date ``m`` refers to, or None when it needs an anchor that is missing or disagrees."""
    kind = _kind(m)
    try:
        if kind in ("E", "N", "I", "H", "MY", "Y"):
            return _absolute(m)
    except (ValueError, OverflowError):
        return None
    if anchor is None:
        return None
    if kind in _RELATIVE_BY_KIND:
        return _RELATIVE_BY_KIND[kind](m, anchor)
    for group, resolve_relative in _RELATIVE_BY_GROUP:
        if m[group]:
            return resolve_relative(m, anchor)
    return None


def _count(text: str | None) -> int:
    if not text:
        return 1
    key = _key(text)
    return _rules().counts.get(key) or int(key)


def _day_of_month(m: re.Match, anchor: date) -> date | None:
    """"27 أكتوبر" / "السابع من أكتوبر" without a year: the nearest such day before the story (after, with المقبل)."""
    rules = _rules()
    day = _int(m["dm_day"]) if m["dm_day"] else rules.ordinals[_key(m["dm_ord"])]
    month = rules.months[_key(m["dm_month"])]
    ahead = m["dm_mark"] and _key(m["dm_mark"]) in rules.future
    for year in ((anchor.year, anchor.year + 1) if ahead else (anchor.year, anchor.year - 1)):
        try:
            value = date(year, month, day)
        except ValueError:
            return None
        if (value >= anchor) if ahead else (value <= anchor):
            break
    else:
        return None
    if m["dm_wd"] and value.weekday() != rules.weekdays[_key(m["dm_wd"])]:
        return None
    return value


# Dates relative to the story's date: by the kind of match, then by the group that matched.
_RELATIVE_BY_KIND: dict[str, Callable[[re.Match, date], date | None]] = {
    "DM": _day_of_month,
    "M": _named_month,
    "AGO": _ago,
}
_RELATIVE_BY_GROUP: tuple[tuple[str, Callable[[re.Match, date], date | None]], ...] = (
    ("rel", _relative_day),
    ("wd", _weekday),
    ("period", _period),
)


@lru_cache(maxsize=4096)
def month_day(text: str) -> tuple[int, int] | None:
    """(month, day) of a day-of-month reference without a year ("السابع من أكتوبر"), else None.

    Two such references in one undated story can still be told apart.
    """
    for _s, _e, m in _matches(text, 0, len(text)):
        if _kind(m) == "DM":
            rules = _rules()
            day = _int(m["dm_day"]) if m["dm_day"] else rules.ordinals[_key(m["dm_ord"])]
            return rules.months[_key(m["dm_month"])], day
    return None


def find_story_date(text: str, start: int, end: int) -> tuple[date, Evidence] | None:
    """The first explicit, plausible full date in a story (a dateline or a dated event), with evidence."""
    for s, e, m in _matches(text, start, end):
        if _kind(m) not in ("E", "N", "I", "H"):
            continue
        try:
            value = _absolute(m)
        except (ValueError, OverflowError):
            continue
        if value and 1900 <= value.year <= 2100:
            return value, Evidence(text[s:e], s, "text")
    return None


def find_time_refs(text: str, start: int, end: int) -> list[tuple[int, int, re.Match]]:
    """Every date or time expression between ``start`` and ``end``: (start, end, match), in text order.

    Offsets are into ``text``; the match is over a folded copy, for ``resolve_match``.
    """
    return list(_matches(text, start, end))


def resolve(text: str, start: int, end: int, anchor: date | None) -> TimeRef | None:
    """The time reference of ``text[start:end]`` resolved against ``anchor`` (the story's date).

    The first reference to a day wins; a month or a year named on its own ("في عام 1973") is
    taken only when there is nothing more precise, because in news it usually dates background.
    Relative references need the anchor and stay unresolved (with their text) without it.
    """
    refs = find_time_refs(text, start, end)
    if not refs:
        return None
    s, e, m = next(((s, e, m) for s, e, m in refs if precision_of(m) == "day"), refs[0])
    return TimeRef(text[s:e], s, e, resolve_match(m, anchor), anchor)

"""Conflicting claims: pairs a reviewer should see side by side, each with its reason in words.

Candidate pairs are blocked so that detection grows about linearly with the number of claims:
claims are grouped by what happened (the action's family, and for disputed things such as
mercenaries or weapons shipments the thing itself) and by area (the largest gazetteer place below
the country), and inside a group only claims close in time are compared — sorted by date, with a
sliding window of ``settings.window_days``. Claims without a date are compared only within their
own story, or with other undated stories' claims of the same group.

Each candidate pair is then typed:

- ``denial``: one claim denies or dismisses ("نفى", "تكهنات") what the other affirms, and the
  affirmation implicates the denier (names its side or its name) — or both tell exactly the same event.
- ``competing_claims``: opposing sides each claim the same exclusive success (both downed the drone
  over Misrata), or two sides give incompatible versions (restrictions lifted vs shipment withheld).
- ``framing``: the same event framed incompatibly (a goodwill gesture vs a retreat after losses,
  deliberate vs logistical), or a side's self-serving framing of its own move against the other
  side's account of it.
- ``numeric_mismatch``: the same event with different counts of the same thing.

Never a conflict: one speaker with itself, one side repeating itself (unless one claim denies the
other), different places, dates further apart than the window, different things acted on.
"""

from __future__ import annotations

from bisect import bisect_left
from contextlib import contextmanager
import gc
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
import math
from collections.abc import Callable
from functools import lru_cache

from ..analysis.text import normalize_name
from ..config import ConflictSettings
from ..events import dates, frames, similarity
from ..knowledge import loader as knowledge
from ..models import Claim, Conflict, Frame
from . import matching

_UNKNOWN_SIDE_QUALITY = 0.9
_LONGEST_SPAN = max(dates.SPAN_DAYS.values())  # a claim dated to a year covers that many days


@dataclass(slots=True)
class _Item:
    claim: Claim
    frame: Frame
    action: frames.Action | None
    thing: frames.Thing | None
    place: frames.Place | None
    start: int | None  # first day the claim's date covers (proleptic ordinal), None when undated
    end: int | None  # last day it covers
    coarse: bool  # dated only to a month or a year (background more than news)
    month_day: tuple[int, int] | None  # "السابع من أكتوبر" in a story without a date
    story: tuple[str, int]
    order: tuple  # a fixed order of claims, whatever order they come in
    speaker: str
    side: str | None
    statement: tuple  # one speaker's words in one sentence: its cue and participles are one statement
    event: tuple | None = None  # the first of the linked stories telling its event (``matching.story_events``)


@dataclass(frozen=True, slots=True)
class _Found:
    """A typed pair; the reason is written only for the pairs that are kept."""

    type: str
    confidence: float
    why: tuple  # what the reason needs: (kind, details...)


@lru_cache(maxsize=1 << 16)
def _speaker_key(name: str) -> str:
    return normalize_name(name)


def _item(claim: Claim) -> _Item | None:
    if claim.nested_in:
        return None  # X's account of Y's words: the outer claim carries the conflict
    frame = claim.frame or frames.frame_claim(None, claim)
    vocab = frames.vocabulary()
    action = vocab.actions.get(frame.action) if frame.action else None
    thing = vocab.objects.get(frame.object) if frame.object else None
    if action is None and not (thing and thing.topic):
        return None  # nothing happened that another claim could contradict
    place = vocab.places.get(frame.place) if frame.place else None
    start, end, precision = matching.day_span(claim, frame)
    coarse = precision in ("month", "year")
    month_day = dates.month_day(claim.time.text) if start is None and claim.time else None
    speaker = _speaker_key(claim.speaker or claim.speaker_text or "")
    return _Item(
        claim=claim, frame=frame, action=action, thing=thing, place=place, start=start, end=end,
        coarse=coarse, month_day=month_day, story=(claim.article_id, claim.story),
        order=(claim.article_id, claim.cue.start, claim.cue.end, claim.content_text), speaker=speaker,
        side=claim.side, statement=(claim.article_id, claim.sentence.start, speaker),
    )


def _keys(item: _Item) -> list[tuple[str, str]]:
    keys = []
    if item.action:
        keys.append(("action", item.action.family))
        if _accuses(item):
            keys.append(("action", "blame"))
    if item.thing and item.thing.topic:
        keys.append(("thing", item.thing.lineage[-1]))
    return keys


def _accuses(item: _Item) -> bool:
    """A side saying the other side did it ("قسد هاجمت مواقع…" from Damascus): a way of blaming."""
    if item.action is None or item.action.family == "blame" or item.frame.polarity < 0:
        return False
    return frames.vocabulary().opposed_sides(item.frame.agent_side, item.side)


def _area(item: _Item) -> str | None:
    return item.place.area if item.place and not item.place.country else None


# --- Candidate pairs ----------------------------------------------------------------------------------


_Add = Callable[[int, int], None]


def _story_pairs(items: list[_Item], members: list[int], add: _Add) -> None:
    """Within a story: every pair (a story holds a few dozen claims at most)."""
    by_story: dict[tuple, list[int]] = defaultdict(list)
    for i in members:
        by_story[items[i].story].append(i)
    for group in by_story.values():
        for a in range(len(group)):
            for b in range(a + 1, len(group)):
                add(group[a], group[b])


def _area_pairs(items: list[_Item], dated: list[int], window: int, add: _Add) -> None:
    """Across stories in one area: a sliding window over dates."""
    active: list[int] = []
    for i in dated:
        start = items[i].start
        active = [j for j in active if items[j].end + window >= start]
        for j in active:
            add(i, j)
        active.append(i)


def _country_pairs(items: list[_Item], dated: list[int], dated_all: list[int], window: int, add: _Add) -> None:
    """Placed only in a country: compared with the same event anywhere in it, by date."""
    starts_all = [items[i].start for i in dated_all]
    for i in dated:
        if items[i].place is None:
            continue  # no place at all: its own story only
        lo = bisect_left(starts_all, items[i].start - window - _LONGEST_SPAN)
        for k in range(lo, len(dated_all)):
            j = dated_all[k]
            if items[j].start > items[i].end + window:
                break
            if items[j].end + window >= items[i].start:
                add(i, j)


def _undated_pairs(items: list[_Item], group: list[int], area: str | None, settings: ConflictSettings, add: _Add) -> None:
    """Across undated stories: the undated claims of one event type and area. Without dates
    nothing narrows this further, so it is the one part that grows faster than the store;
    it is bounded (settings.undated_pool claims per group, in a fixed order)."""
    undated = [i for i in group if items[i].start is None and (area is not None or items[i].place is not None)]
    if len(undated) > settings.undated_pool:
        undated = sorted(undated, key=lambda i: items[i].order)[: settings.undated_pool]
    for a in range(len(undated)):
        for b in range(a + 1, len(undated)):
            if items[undated[a]].story != items[undated[b]].story:
                add(undated[a], undated[b])


def _dated(items: list[_Item], indexes: list[int]) -> list[int]:
    return sorted((i for i in indexes if items[i].start is not None), key=lambda i: items[i].start)


def _candidates(items: list[_Item], settings: ConflictSettings, involving: set[int] | None = None) -> set[tuple[int, int]]:
    """Pairs of claims sharing a key: in one story, across stories by area and date, or undated.
    ``involving``: indexes of ``items`` whose pairs alone are wanted (a key none of them has is passed over)."""
    pairs: set[tuple[int, int]] = set()

    def add(i: int, j: int) -> None:
        if i != j and (involving is None or i in involving or j in involving):
            pairs.add((i, j) if i < j else (j, i))

    by_key: dict[tuple, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        for key in _keys(item):
            by_key[key].append(index)

    window = settings.window_days
    for members in by_key.values():
        if involving is not None and involving.isdisjoint(members):
            continue
        _story_pairs(items, members, add)
        by_area: dict[str | None, list[int]] = defaultdict(list)
        for i in members:
            by_area[_area(items[i])].append(i)
        dated_all = _dated(items, members)
        for area, group in by_area.items():
            if area is not None:
                _area_pairs(items, _dated(items, group), window, add)
            else:
                _country_pairs(items, _dated(items, group), dated_all, window, add)
            _undated_pairs(items, group, area, settings, add)
    return pairs


# --- Typing a pair --------------------------------------------------------------------------------------


# The fits return a quality in [0, 1] and what the reason will say; the words are written only for
# the pairs that are kept.


def _time_fit(x: _Item, y: _Item, settings: ConflictSettings) -> tuple[float, tuple] | None:
    same_story = x.story == y.story
    if x.start is not None and y.start is not None:
        gap = max(x.start, y.start) - min(x.end, y.end)
        if gap > settings.window_days:
            return None
        if x.coarse or y.coarse:
            return 0.85, ("period", max(x.start, y.start), max(x.end - x.start, y.end - y.start) > 31)
        if gap <= 0:
            return 1.0, ("day", max(x.start, y.start))
        return 0.9, ("apart", gap)
    if x.start is not None or y.start is not None:
        dated = x if x.start is not None else y
        if not same_story or dated.coarse:
            return None  # a month or a year named on its own dates background, not the story's news
        return 0.85, ("one_unknown",)
    if x.month_day and y.month_day and x.month_day != y.month_day:
        return None  # "السابع من أكتوبر" and "27 أكتوبر": different days even without a year
    if same_story:
        return 0.9, ("unknown_same_story",)
    return 0.7, ("undated",)


def _time_words(fit: tuple) -> tuple[str, str]:
    kind, *data = fit
    if kind == "period":
        period = date.fromordinal(data[0]).isoformat()[: 4 if data[1] else 7]
        return f"same period {period}", f"الفترة نفسها {period}"
    if kind == "day":
        day = date.fromordinal(data[0]).isoformat()
        return f"same day {day}", f"اليوم نفسه {day}"
    if kind == "apart":
        return f"{data[0]} day(s) apart", f"بفارق {data[0]} يوم"
    if kind == "one_unknown":
        return "date of one unknown (same story)", "تاريخ إحداهما غير معروف (الخبر نفسه)"
    if kind == "unknown_same_story":
        return "date unknown (same story)", "التاريخ غير معروف (الخبر نفسه)"
    return "both undated", "كلاهما دون تاريخ"


def _one_event(x: _Item, y: _Item) -> bool:
    """One story, or two outlets' stories of one event (``matching.story_events``)."""
    return (x.event or x.story) == (y.event or y.story)


def _place_fit(x: _Item, y: _Item) -> tuple[float, tuple] | None:
    px, py = x.place, y.place
    if px is None or py is None:
        if not _one_event(x, y):
            return None  # a place named in one account holds for the other only in one story of the event
        known = px or py
        return (0.8, ("none",)) if known is None else (0.85, ("one", known))
    if px is py:
        return (0.8 if px.country else 1.0), ("same", px)
    if px.key in py.lineage or py.key in px.lineage:
        wide, narrow = (px, py) if px.key in py.lineage else (py, px)
        return (0.8 if wide.country else 0.95), ("within", wide, narrow)
    return None


def _one_named_place(fit: tuple) -> bool:
    """Whether both claims name the same place, below a whole country ("Nyala", not "Sudan"): what
    an action like taking control is about (a place fit as ``_place_fit`` gives it)."""
    kind, *data = fit
    return kind in ("same", "within") and not data[0].country


def _place_words(fit: tuple) -> tuple[str, str]:
    kind, *data = fit
    if kind == "none":
        return "no place named", "دون ذكر مكان"
    if kind == "one":
        return f"place {data[0].key} (named in one)", f"المكان: {data[0].ar} (في إحداهما)"
    if kind == "same":
        return f"same place {data[0].key}", f"المكان نفسه: {data[0].ar}"
    wide, narrow = data
    if wide.country:
        return f"both in {wide.key} ({narrow.key})", f"كلاهما في {wide.ar} ({narrow.ar})"
    return f"same place {wide.key} ({narrow.key})", f"المكان نفسه: {wide.ar} ({narrow.ar})"


def _thing_fit(x: _Item, y: _Item) -> tuple[float, frames.Thing | None] | None:
    tx, ty = x.thing, y.thing
    if tx and ty:
        if tx.key == ty.key:
            return 1.0, tx
        if tx.key in ty.lineage:
            return 0.95, tx
        if ty.key in tx.lineage:
            return 0.95, ty
        return None  # different things: a depot and a cargo plane are two events
    return (0.85 if (tx or ty) else 0.8), tx or ty


def _label(item: _Item) -> tuple[str, str]:
    """Who is speaking, for a reason: the side when known, else the speaker's name."""
    if item.side:
        return item.side, frames.vocabulary().side_labels.get(item.side, item.side)
    name = item.claim.speaker or item.claim.speaker_text or "?"
    return name, name


def _event(x: _Item, y: _Item, thing: frames.Thing | None) -> tuple[str, str]:
    """The shared event in words: the common action with the more general of the two things."""
    if x.action and y.action and x.action.key == y.action.key:
        return x.action.event(thing)
    if thing:
        return thing.en, thing.ar  # two verbs about one disputed thing: the thing names the event
    action = x.action or y.action
    return action.event(None)


def _named(speaker: str, text: str) -> bool:
    """Whether ``text`` names the speaker (by its last name: "كيسنجر" for هنري كيسنجر)."""
    parts = [p for p in _speaker_key(speaker).split() if len(p) > 2]
    if not parts:
        return False
    return parts[-1] in frames.words_of(text)


def _no_dispute(x: _Item, y: _Item) -> bool:
    """Pairs that are never a conflict whatever they say."""
    if x.speaker and x.speaker == y.speaker:
        return True
    px, py = x.frame.polarity, y.frame.polarity
    if px == py and (px < 0 or (x.side and x.side == y.side)):
        return True  # two denials agree; one side repeating itself (only a denial crosses a side)
    # A side's own office adding detail to its denial is not a dispute between sources.
    return bool(px != py and x.side and x.side == y.side)


def _shared_event(x: _Item, y: _Item, settings: ConflictSettings) -> tuple[bool, float, tuple] | None:
    """(same action family, quality, context) when both claims can be about one event, else None.

    The quality is how well thing, time and place fit; the context names them for the reason.
    """
    same_family = bool(x.action and y.action and x.action.family == y.action.family)
    topic = bool(x.thing and y.thing and x.thing.topic and y.thing.topic)
    if not (same_family or topic):
        return None
    fit = _thing_fit(x, y)
    if fit is None:
        return None
    thing_q, thing = fit
    time = _time_fit(x, y, settings)
    if time is None:
        return None
    place = _place_fit(x, y)
    if place is None:
        return None
    quality = (thing_q if same_family else 0.85) * time[0] * place[0] * (1.0 if x.side and y.side else _UNKNOWN_SIDE_QUALITY)
    return same_family, quality, (thing, place[1], time[1])


def _denial(x: _Item, y: _Item, quality: float, context: tuple) -> _Found | None:
    """One claim denies what the other affirms, and the denier is the one implicated."""
    denier, affirmer = (x, y) if x.frame.polarity < 0 else (y, x)
    named = frames.sides_named(affirmer.claim.content_text, affirmer.claim.outlet)
    implicated = bool(
        (denier.side and (denier.side in named or denier.side == affirmer.frame.agent_side))
        or (denier.frame.agent_side and denier.frame.agent_side in named)
        or _named(denier.claim.speaker, affirmer.claim.content_text)
    )
    # Without the accused named, only a denial of exactly the reported event counts
    # ("…، وهو ما نفاه الجيش": the denial's content is the claim itself).
    exact = bool(x.action and y.action and x.action.key == y.action.key and x.thing and y.thing)
    implicated = implicated or denier.claim.content == affirmer.claim.content
    if not (implicated or exact):
        return None
    return _Found("denial", (0.9 if implicated else 0.7) * quality, ("denial", context, denier, affirmer))


def _same_success(x: _Item, y: _Item, quality: float, context: tuple, settings: ConflictSettings) -> _Found | None:
    """Each side credits its own forces (or an ally's) with one exclusive success: "قواتنا أسقطت" against "قواتنا أسقطت"."""
    ax, ay = x.action, y.action
    if not (ax.key == ay.key and ax.exclusive and ax.success and (not ax.needs_object or (x.thing and y.thing))
            and (not ax.needs_place or _one_named_place(context[1]))):
        return None
    vocab = frames.vocabulary()
    gx, gy = x.frame.agent_side, y.frame.agent_side
    if vocab.opposed_sides(gx, gy) and not vocab.opposed_sides(gx, x.side) and not vocab.opposed_sides(gy, y.side):
        return _Found("competing_claims", 0.95 * quality, ("same_success", context, gx, gy))
    return None


def _opposed_versions(x: _Item, y: _Item, quality: float, context: tuple, settings: ConflictSettings) -> _Found | None:
    """Two sides give opposed actions for one event (an action and the one it opposes)."""
    ax, ay = x.action, y.action
    if (ay.key in ax.opposes or ax.key in ay.opposes) and x.side and y.side:
        return _Found("competing_claims", 0.9 * quality, ("versions", context))
    return None


def _blame_pair(x: _Item, y: _Item) -> _Found | None:
    """Each side holding the other responsible for the same fighting: two versions of one event."""
    blames = [i for i in (x, y) if i.action and i.action.family == "blame"]
    if not blames or not (x.side and y.side) or not frames.vocabulary().opposed_sides(x.side, y.side):
        return None
    other = y if blames[0] is x else x
    if other not in blames and not _accuses(other):
        return None
    place = _place_fit(x, y)
    if place is None or x.story != y.story and place[1][0] != "same":
        return None  # without a shared story, blame is compared only for one named place
    quality = place[0] * (0.9 if x.story == y.story else 0.8)
    return _Found("competing_claims", 0.9 * quality, ("versions", (None, place[1], ("unknown_same_story",))))


def _framing(x: _Item, y: _Item, quality: float, context: tuple, settings: ConflictSettings) -> _Found | None:
    """Opposed framings of one event, or one side's gloss on its own move against the other's account."""
    vocab = frames.vocabulary()
    fx = vocab.framings.get(frames.framing_of(x.claim.content_text) or "")
    fy = vocab.framings.get(frames.framing_of(y.claim.content_text) or "")
    if fx and fy:
        if fy.key in fx.opposes or fx.key in fy.opposes:
            return _Found("framing", 0.85 * quality, ("opposed_framing", context, fx, fy))
        return None
    framer, plain = (x, y) if fx else (y, x)
    framing = fx or fy
    if framing is None or not framing.self_serving or not (framer.action.framable or plain.action.framable):
        return None
    # A side's own gloss on its own move ("لإتاحة الفرصة لأداء الشعائر") against the other side's account of it.
    actor = framer.frame.agent_side
    if not vocab.opposed_sides(framer.side, plain.side) or actor != framer.side:
        return None
    if plain.frame.agent_side not in (None, actor):
        return None
    return _Found("framing", 0.75 * quality, ("own_framing", context, framer, plain, framing))


def _numbers(x: _Item, y: _Item, quality: float, context: tuple, settings: ConflictSettings) -> _Found | None:
    if not (x.frame.numbers and y.frame.numbers):
        return None
    if not (x.side and y.side) and x.claim.article_id == y.claim.article_id:
        return None  # two unattributed figures in one article are usually two parts of one toll
    fx, fy = x.frame, y.frame
    if (fx.target_side and fy.target_side and fx.target_side != fy.target_side) or (
        fx.agent_side and fy.agent_side and fx.agent_side != fy.agent_side
    ):
        return None  # each side's toll of the other's losses: two counts of two things
    cx, cy = matching.counts(x.frame), matching.counts(y.frame)
    for what in sorted(cx.keys() & cy.keys()):
        (vx, _), (vy, _) = cx[what], cy[what]
        if matching.agree(cx[what], cy[what], settings.estimate_tolerance):
            continue
        if max(vx, vy) > settings.count_ratio * max(min(vx, vy), 1):
            continue  # 1,200 and 37,000 killed are two tolls, not one disputed toll
        return _Found("numeric_mismatch", 0.85 * quality, ("counts", context, what, vx, vy))
    return None


# --- Reasons -----------------------------------------------------------------------------------------------


# How two affirmed claims of one action family conflict, in order: the first type found wins.
_SAME_FAMILY_TYPES: tuple[Callable[[_Item, _Item, float, tuple, ConflictSettings], _Found | None], ...] = (
    _same_success,
    _opposed_versions,
    _framing,
    _numbers,
)


def _judge(x: _Item, y: _Item, settings: ConflictSettings) -> _Found | None:
    """The conflict between two candidate claims, if any: blame, denial, or one of ``_SAME_FAMILY_TYPES``."""
    if _no_dispute(x, y):
        return None
    blame = _blame_pair(x, y)
    if blame is not None:
        return blame
    shared = _shared_event(x, y, settings)
    if shared is None:
        return None
    same_family, quality, context = shared
    if x.frame.polarity != y.frame.polarity:
        return _denial(x, y, quality, context)
    if not same_family:
        return None
    for conflict_type in _SAME_FAMILY_TYPES:
        found = conflict_type(x, y, quality, context, settings)
        if found:
            return found
    return None


def _reason(found: _Found, x: _Item, y: _Item) -> tuple[str, str]:
    """The reason in plain words, English and Arabic: the shared event, where, when, and what differs."""
    vocab = frames.vocabulary()
    kind, (thing, place, time), *details = found.why
    ev_en, ev_ar = _event(x, y, thing)
    (place_en, place_ar), (time_en, time_ar) = _place_words(place), _time_words(time)
    en = f"Same event type '{ev_en}', {place_en}, {time_en}"
    ar = f"الحدث نفسه «{ev_ar}»، {place_ar}، {time_ar}"
    (lx_en, lx_ar), (ly_en, ly_ar) = _label(x), _label(y)
    if kind == "denial":
        (ld_en, ld_ar), (la_en, la_ar) = _label(details[0]), _label(details[1])
        return (f"{en}: {ld_en} denies or dismisses what {la_en} affirms.",
                f"{ar}: نفي أو تشكيك من جانب {ld_ar} فيما يؤكده جانب {la_ar}.")  # جانب: no verb agrees with a state
    if kind == "same_success":
        gx, gy = details
        gx_ar, gy_ar = vocab.side_labels.get(gx, gx), vocab.side_labels.get(gy, gy)
        return (f"{en}, opposite sides {gx} / {gy}: each says its own forces did it.",
                f"{ar}، من طرفين متقابلين ({gx_ar} / {gy_ar}): كل طرف يقول إن قواته هي التي نفذته.")
    if kind == "versions":
        ax, ay = x.action, y.action
        return (f"{en}: incompatible versions — {lx_en} says '{ax.en}', {ly_en} says '{ay.en}'.",
                f"{ar}: روايتان متعارضتان — {lx_ar}: «{ax.ar}»، {ly_ar}: «{ay.ar}».")
    if kind == "opposed_framing":
        fx, fy = details
        return (f"{en}: framed as {fx.en} by {lx_en} and as {fy.en} by {ly_en}.",
                f"{ar}: بحسب {lx_ar} {fx.ar}، وبحسب {ly_ar} {fy.ar}.")
    if kind == "own_framing":
        framer, plain, framing = details
        (lf_en, lf_ar), (lp_en, lp_ar) = _label(framer), _label(plain)
        return (f"{en}: {lf_en} presents its own move as {framing.en}; {lp_en} reports it without that framing.",
                f"{ar}: يقدّمها جانب {lf_ar} — وهي خطوته — على أنها {framing.ar}، وتأتي رواية {lp_ar} لها دون ذلك.")
    what, vx, vy = details
    what = what.replace(":", " — ")  # "killed:people" → "killed — people"
    return (f"{en}: different counts of '{what}' — {vx:g} ({lx_en}) vs {vy:g} ({ly_en}).",
            f"{ar}: أعداد مختلفة ({what}) — {vx:g} ({lx_ar}) مقابل {vy:g} ({ly_ar}).")


# --- Scored detection ------------------------------------------------------------------------------------
#
# The event-frame rules above are one feature among others: every candidate pair that shares content
# (matching.py) is scored by a logistic model over named features whose weights are data
# (conflict_model.toml, fitted on the development gold by scripts/fit_conflicts.py), and typed by the
# registered rules below. The confidence shown is the precision measured on the development gold (each
# story group scored by weights fitted without it) for the conflicts scoring at least as high, so
# ``--min-confidence 0.6`` keeps what was right six times in ten on stories the weights had not seen.


@dataclass(frozen=True)
class Model:
    """Feature weights of the logistic score and the precision measured at each score."""

    weights: dict[str, float]
    bias: float
    calibration: tuple[tuple[float, float], ...]  # (score, precision of the pairs scoring at least that), ascending
    source: str = ""
    _ceiling: float = field(init=False, repr=False, compare=False)  # the score with every feature at its best
    _share: dict[str, float] = field(init=False, repr=False, compare=False)  # each feature's part of the ceiling

    def __post_init__(self) -> None:
        share = {name: max(w, 0.0) for name, w in self.weights.items()}
        # Of features never 1 together only the weightiest lifts the ceiling: a bound that adds them all lets
        # pairs through that cannot reach the threshold (they are read together, so known together).
        for group in matching.EXCLUSIVE:
            top = max(group, key=lambda name: share.get(name, 0.0))
            share.update({name: 0.0 for name in group if name != top and name in share})
        object.__setattr__(self, "_share", share)
        object.__setattr__(self, "_ceiling", self.bias + sum(share.values()))

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    def highest_score(self, *known: dict[str, float]) -> float:
        """The largest score (before the logistic) a pair can reach with the features ``known``, whatever
        the others are (every feature lies in [0, 1]; a group of ``matching.EXCLUSIVE`` is known whole)."""
        z = self._ceiling
        w, share = self.weights, self._share
        for features in known:
            for name, value in features.items():
                z += w.get(name, 0.0) * value - share.get(name, 0.0)
        return z

    def least_score(self, threshold: float) -> float:
        """The lowest score (before the logistic) whose confidence can reach ``threshold``: -inf when any
        can, inf when none can."""
        p = threshold
        if self.calibration:
            if self.calibration[0][1] >= threshold:
                return -math.inf  # below the first calibrated score, the first precision holds
            p = next((score for score, precision in self.calibration if precision >= threshold), math.inf)
        if p <= 0:
            return -math.inf
        return math.log(p / (1 - p)) if p < 1 else math.inf

    def confidence(self, features: dict[str, float]) -> float:
        p = self.probability(features)
        if not self.calibration:
            return p
        best = self.calibration[0][1]
        for score, precision in self.calibration:
            if p >= score:
                best = precision
            else:
                break
        return best

    def parts(self, features: dict[str, float]) -> list[tuple[str, float]]:
        """Each feature's share of the score, largest first (for the reason)."""
        parts = [(n, self.weights.get(n, 0.0) * v) for n, v in features.items() if v]
        return sorted((p for p in parts if abs(p[1]) >= 0.05), key=lambda p: -abs(p[1]))


@lru_cache(maxsize=4)
def load_model(kind: str = "conflict_model") -> Model:
    data = knowledge.load(kind)
    calibration = tuple(sorted((float(s), float(p)) for s, p in data.get("calibration", [])))
    return Model(dict(data.get("weights", {})), float(data.get("bias", 0.0)), calibration, data.get("source", ""))


# Conflict types, tried in order; each rule says whether the pair is of its type. The event-frame
# rules' own type comes first when they fired (they know, e.g., that both sides claim one success).
TYPE_RULES: dict[str, Callable[[matching.Pair, _Found | None], bool]] = {}


CATCH_ALL_TYPE = "competing_claims"


def type_rule(name: str):
    """Register the decorated rule as conflict type ``name``, tried after the rules registered before it
    (the catch-all ``competing_claims`` stays last)."""

    def register(fn):
        TYPE_RULES[name] = fn
        if name != CATCH_ALL_TYPE and CATCH_ALL_TYPE in TYPE_RULES:
            TYPE_RULES[CATCH_ALL_TYPE] = TYPE_RULES.pop(CATCH_ALL_TYPE)
        return fn

    return register


@type_rule("denial")
def _is_denial(pair: matching.Pair, found: _Found | None) -> bool:
    """One denies or dismisses what the other affirms: "نفى الجيش إسقاط أي طائرة" against "أسقطنا طائرة"."""
    return bool(pair.features["denial"] or pair.features["dismissal"])


@type_rule("numeric_mismatch")
def _is_numeric(pair: matching.Pair, found: _Found | None) -> bool:
    """The same counted thing with figures that disagree ("خمس طائرات" against "ست طائرات")."""
    return pair.numbers is not None


@type_rule("framing")
def _is_framing(pair: matching.Pair, found: _Found | None) -> bool:
    """One event told with framings that exclude each other (a goodwill gesture / a retreat after losses)."""
    fx = frames.framing_of(pair.x.claim.content_text)
    fy = frames.framing_of(pair.y.claim.content_text)
    return bool(fx and fy and fx != fy)


@type_rule(CATCH_ALL_TYPE)
def _is_competing(pair: matching.Pair, found: _Found | None) -> bool:
    """Two parties' incompatible versions of one event: what remains when nothing narrower fits."""
    return True


def _type(pair: matching.Pair, found: _Found | None) -> str:
    if found is not None:
        return found.type
    for name, rule in TYPE_RULES.items():
        if rule(pair, found):
            return name
    return "competing_claims"


def _parties(x: matching.Item, y: matching.Item, pair_denial: bool) -> bool:
    """Whether two speakers can be in conflict: never one speaker or one side (allies count as one);
    when a side is unknown, only when one denies or contradicts the other (checked by the caller)."""
    if x.speaker and x.speaker == y.speaker:
        return False
    if x.side and y.side:
        return frames.vocabulary().opposed_sides(x.side, y.side)
    return True


LINK_OVERLAP = 0.2


def _linked(pair: matching.Pair) -> bool:
    """The two claims say something about the same thing: shared words or named things, or one answers the other."""
    f = pair.features
    if f["answers"] or f["frame_rule"]:
        return True
    # One shared common word ("قوات", "الجيش") is not a shared subject: a share of the rarity-weighted words,
    # or a named thing and a word.
    return f["overlap"] >= LINK_OVERLAP or bool(pair.shared_entities and pair.shared_stems)


def _contradicts(pair: matching.Pair) -> bool:
    f = pair.features
    # A response marker ("في المقابل") answers the claim just before it, not any claim of the story.
    answered = f["response"] and f["nearby"] >= 0.5
    return bool(f["denial"] or f["dismissal"] or f["numbers_differ"] or f["frame_rule"] or answered)


def _frame_items(claims: list[Claim]) -> dict[int, _Item]:
    """The event-frame view of each claim that has one, by the claim object (its id is a hash, costly in bulk)."""
    return {id(item.claim): item for item in map(_item, claims) if item is not None}


def _all_candidates(index, framed: dict[int, _Item], settings: ConflictSettings,
                    wanted: set[int] | None = None) -> set[tuple[int, int]]:
    """The content-key candidates, and the pairs the event-frame blocking links across stories
    (with ``wanted``, item indexes: the pairs with one of them, and perhaps a few others)."""
    candidates = matching.candidates(index, settings, involving=wanted)
    by_claim = {id(it.claim): it.index for it in index.items}
    olds = list(framed.values())
    hot = None if wanted is None else {n for n, it in enumerate(olds) if by_claim.get(id(it.claim)) in wanted}
    for i, j in _candidates(olds, settings, hot):
        a, b = by_claim.get(id(olds[i].claim)), by_claim.get(id(olds[j].claim))
        if a is not None and b is not None and a != b:
            candidates.add((a, b) if a < b else (b, a))
    return candidates


_MARGIN = 1e-6  # a bound compared with a score summed in another order: rounding never decides


def _may_link_and_contradict(index, x, y, settings: ConflictSettings, frame_rule: float) -> bool:
    """What ``_linked`` and ``_contradicts`` ask of a pair apart (not ``matching.near``), read from the two
    items without building the pair's features: False only when those two would say no. Most candidates
    across stories end here, and features cost more."""
    if frame_rule or x.antecedent is y or y.antecedent is x:
        return True  # linked, and (by the frame rules) contradicting
    if not (x.denies != y.denies or (similarity.DISMISSAL in x.markers) != (similarity.DISMISSAL in y.markers)
            or isinstance(matching.number_fit(x, y, settings), tuple)):
        return False  # apart, a response marker does not answer (it needs the claim just before)
    shared = x.stems & y.stems
    return bool(shared) and (not x.entities.isdisjoint(y.entities)
                             or matching.overlap(index, x, y, shared) >= LINK_OVERLAP)


def _worth_comparing(index, x, y, settings: ConflictSettings, model: Model, known, bounded: bool, floor: float,
                     same_story: bool, frame_rule: float) -> bool:
    """Whether two items' words are worth comparing: their score can still reach the threshold, and two
    claims of different stories may be about one thing and contradict."""
    if bounded and model.highest_score(known) < floor - _MARGIN:
        return False  # whatever the two claims say, the score stays below the threshold
    return same_story or _may_link_and_contradict(index, x, y, settings, frame_rule)


def _scored(index, framed: dict[int, _Item], x, y, settings: ConflictSettings, model: Model,
            threshold: float | None = None, floor: float = -math.inf):
    """(pair, found, type, confidence) for two candidate items in text order, or None when they cannot conflict
    (or, with ``threshold``, when the confidence is below it: the type is then not worked out). ``floor``:
    the lowest score that can reach ``threshold`` (``Model.least_score``)."""
    if not _parties(x, y, False):
        return None
    same_story = matching.near(x, y) or matching.linked(index, x, y)
    if not same_story and not matching.may_contradict(x, y):
        return None
    ox, oy = framed.get(id(x.claim)), framed.get(id(y.claim))
    found = _judge(ox, oy, settings) if ox and oy else None
    frame_rule = found.confidence if found else 0.0
    known = matching.item_features(x, y, frame_rule)
    bounded = threshold is not None and frame_rule < threshold
    if not _worth_comparing(index, x, y, settings, model, known, bounded, floor, same_story, frame_rule):
        return None
    common = matching.shared_features(index, x, y, settings)
    if bounded and model.highest_score(known, common.features) < floor - _MARGIN:
        return None  # only "names_other" is left, and it cannot lift the score enough
    pair = matching.assemble(x, y, known, common)
    # Across stories (or far apart in one) the two claims must be about one thing and one must contradict
    # the other; close together in a story the score weighs those signs instead of requiring them:
    # "قتل وجرح من فيها" against "عدم وقوع إصابات" share no word.
    if not same_story and not (_linked(pair) and _contradicts(pair)):
        return None
    confidence = model.confidence(pair.features)
    if found is not None:
        # The event-frame rules were written and checked on the seeds (every pair they type there is a gold
        # conflict); the development sets hold too few of their pairs to fit their weight, so a pair they
        # type keeps their own confidence when it is the higher.
        confidence = max(confidence, found.confidence)
    if threshold is not None and confidence < threshold:
        return None
    return pair, found, _type(pair, found), confidence


def _one_event_per_linked_stories(index, framed: dict[int, _Item]) -> None:
    """Two outlets' stories of one event (``matching.linked``) let the event-frame rules take the place one
    of them names for both, as they do within one story: each framed claim learns its event."""
    events = matching.story_events(index)
    for item in framed.values():
        item.event = events.get(item.story)


def scored_pairs(claims: list[Claim], settings: ConflictSettings | None = None, model: Model | None = None,
                 stats: matching.Stats | None = None, threshold: float | None = None,
                 involving: set[str] | None = None):
    """Every candidate pair that may be a conflict, with its features, type and confidence (no threshold
    unless ``threshold`` is given: then only the pairs at least that confident).

    ``stats``: the key frequencies of the whole store, when ``claims`` are only a part of it;
    ``involving``: claim ids, when only the pairs with one of them are wanted (new claims among stored ones)."""
    settings = settings or ConflictSettings()
    model = model or load_model()
    index = matching.build(claims, stats)
    framed = _frame_items(claims)
    items = index.items
    wanted = None if involving is None else {it.index for it in items if it.cid in involving}
    candidates = _all_candidates(index, framed, settings, wanted)
    _one_event_per_linked_stories(index, framed)
    floor = -math.inf if threshold is None else model.least_score(threshold)
    for i, j in candidates:
        if wanted is not None and i not in wanted and j not in wanted:
            continue
        x, y = items[i], items[j]
        if y.order < x.order:
            x, y = y, x
        scored = _scored(index, framed, x, y, settings, model, threshold, floor)
        if scored is not None:
            yield scored


def detect(claims: list[Claim], settings: ConflictSettings | None = None, model: Model | None = None,
           stats: matching.Stats | None = None, involving: set[str] | None = None) -> list[Conflict]:
    """Typed conflicts among ``claims``, one per pair of statements and type, confident enough to show.

    ``involving``: claim ids of whole articles (new or re-analysed ones) when only their conflicts are wanted:
    a statement lies in one article, so the pairs of statements kept are those a full run keeps for them."""
    settings = settings or ConflictSettings()
    model = model or load_model()
    with _no_cycle_collection():
        best = _best_pairs(scored_pairs(claims, settings, model, stats, settings.min_confidence, involving))
    out = []
    for _, pair, found, type_, confidence in best.values():
        reason_en, reason_ar = reason(pair, found, type_, model)
        a, b = sorted((pair.x.cid, pair.y.cid))
        out.append(Conflict(a, b, type_, reason_en, reason_ar, round(confidence, 3)))
    out.sort(key=lambda c: (-c.confidence, c.a, c.b))
    return out


@contextmanager
def _no_cycle_collection():
    """The cycle collector paused: a run builds hundreds of thousands of short-lived tuples and sets, none
    in a cycle, and each of the collector's passes walks every object of the store's claims."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _best_pairs(scored) -> dict[tuple, tuple]:
    best: dict[tuple, tuple] = {}
    for pair, found, type_, confidence in scored:
        x, y = pair.x, pair.y
        # A speaker's cue and its participles ("قال … موضحا …") are one statement: one flag per pair of
        # statements and type, the most confident (the first in text order on a tie).
        key = (*sorted((x.statement, y.statement)), type_)
        rank = (-confidence, x.order, y.order)
        kept = best.get(key)
        if kept is None or rank < kept[0]:
            best[key] = (rank, pair, found, type_, confidence)
    return best


# --- Reasons for scored pairs ---------------------------------------------------------------------------

_FEATURE_WORDS = {
    "overlap": ("shared words", "كلمات مشتركة"),
    "shared_entities": ("shared names", "أسماء مشتركة"),
    "place_differs": ("different places", "مكانان مختلفان"),
    "numbers_differ": ("figures differ", "أرقام مختلفة"),
    "numbers_agree": ("same figures", "الأرقام نفسها"),
    "same_story": ("same story", "الخبر نفسه"),
    "nearby": ("close in the text", "متقاربتان في النص"),
    "response": ("a response marker", "عبارة رد"),
    "denial": ("a denial", "نفي"),
    "dismissal": ("a dismissal", "تشكيك"),
    "answers": ("the denial points at it", "النفي يشير إليه"),
    "opposed_sides": ("opposite sides", "طرفان متقابلان"),
    "side_unknown": ("a side unknown", "طرف غير معروف"),
    "same_event": ("same event type", "نوع الحدث نفسه"),
    "frame_rule": ("event rules", "قواعد الأحداث"),
    "date_close": ("close dates", "تاريخان متقاربان"),
    "denial_cue": ("a denial verb", "فعل نفي"),
    "leads": ("each side's first statement", "أول تصريح لكل طرف"),
    "names_other": ("one names the other side", "أحدهما يسمي الطرف الآخر"),
    "echo": ("they repeat each other", "تكرار للكلام نفسه"),
    "own_moves": ("each tells of its own side's action", "كل طرف يتحدث عن عمل قواته"),
}


def _who(item: matching.Item) -> tuple[str, str]:
    name = item.claim.speaker or item.claim.speaker_text or "?"
    if item.side:
        ar = frames.vocabulary().side_labels.get(item.side, item.side)
        return f"{item.side} ({name})", ar if ar == name else f"{ar} ({name})"
    return name, name


def _entity_name(key: str) -> tuple[str, str]:
    kind, _, value = key.partition(":")
    vocab = frames.vocabulary()
    if kind == "place" and value in vocab.places:
        return value, vocab.places[value].ar
    if kind == "thing" and value in vocab.objects:
        return vocab.objects[value].en, vocab.objects[value].ar
    if kind == "country":
        from ..speakers.world import country_labels

        return country_labels().get(value, (value, value))
    return value, value


def _headline(pair: matching.Pair, found: _Found | None, type_: str) -> tuple[str, str]:
    """The reason's first sentence: who disagrees with whom, and how."""
    x, y = pair.x, pair.y
    (wx_en, wx_ar), (wy_en, wy_ar) = _who(x), _who(y)
    if found is not None:
        return _reason(found, framed_item(x), framed_item(y))
    if type_ == "denial":
        d, a = (x, y) if x.denies else (y, x)
        (wd_en, wd_ar), (wa_en, wa_ar) = _who(d), _who(a)
        # "من جانب …": a verb would have to agree with the speaker ("إريتريا تنفي", "الجيش ينفي").
        return f"{wd_en} denies or dismisses what {wa_en} says.", f"نفي أو تشكيك من جانب {wd_ar} فيما يقوله جانب {wa_ar}."
    if type_ == "numeric_mismatch":
        what, vx, vy = pair.numbers
        what = what.replace(":", " — ")
        return (f"Different figures for '{what}': {vx:g} ({wx_en}) vs {vy:g} ({wy_en}).",
                f"أرقام مختلفة ({what}): {vx:g} ({wx_ar}) مقابل {vy:g} ({wy_ar}).")
    if type_ == "framing":
        return f"{wx_en} and {wy_en} frame the same event differently.", f"يقدّم كل من {wx_ar} و{wy_ar} الحدث نفسه بصورة مختلفة."
    return f"{wx_en} and {wy_en} give incompatible accounts.", f"روايتان متعارضتان: {wx_ar} و{wy_ar}."


def _matched_details(pair: matching.Pair, type_: str) -> list[tuple[str, str]]:
    """What the two claims share: words, names, and figures that differ."""
    x, y = pair.x, pair.y
    words = similarity.surface_words(x.claim.content_text, set(pair.shared_stems))
    words.update({k: v for k, v in similarity.surface_words(y.claim.content_text, set(pair.shared_stems)).items() if k not in words})
    matched = "، ".join(sorted(words.values())[:8])
    names = list(dict.fromkeys(_entity_name(e) for e in sorted(pair.shared_entities)))[:5]  # "SY" and "Syria" name one
    details = []
    if matched:
        details.append((f"matched words: {matched}", f"كلمات مشتركة: {matched}"))
    if names:
        details.append(("matched names: " + ", ".join(n[0] for n in names), "أسماء مشتركة: " + "، ".join(n[1] for n in names)))
    if pair.numbers and type_ != "numeric_mismatch":
        what, vx, vy = pair.numbers
        details.append((f"figures differ: {vx:g} vs {vy:g} ({what})", f"أرقام مختلفة: {vx:g} مقابل {vy:g} ({what})"))
    return details


def _difference_details(pair: matching.Pair) -> list[tuple[str, str]]:
    """What sets the two claims apart: places, a denial that refers back, words only one says."""
    x, y = pair.x, pair.y
    only = [similarity.surface_words(it.claim.content_text, set(rest)) for it, rest in ((x, pair.only_x), (y, pair.only_y))]
    details = []
    if pair.features["place_differs"]:
        details.append(("places differ", "المكانان مختلفان"))
    if (x.antecedent is y or y.antecedent is x):
        details.append(("the denial refers back to this claim", "النفي يعود إلى هذا التصريح"))
    diff = ["، ".join(list(o.values())[:4]) for o in only]
    if any(diff):
        details.append((f"only in one: {diff[0] or '-'} / {diff[1] or '-'}", f"في إحداهما فقط: {diff[0] or '-'} / {diff[1] or '-'}"))
    return details


def reason(pair: matching.Pair, found: _Found | None, type_: str, model: Model) -> tuple[str, str]:
    """Why the pair is shown, in English and Arabic: the parties, what matched and what differed, the score's parts."""
    head_en, head_ar = _headline(pair, found, type_)
    details = _matched_details(pair, type_) + _difference_details(pair)
    parts = model.parts(pair.features)[:5]
    details.append(("score from " + ", ".join(f"{_FEATURE_WORDS[n][0]} {v:+.1f}" for n, v in parts),
                    "الدرجة من " + "، ".join(f"{_FEATURE_WORDS[n][1]} {v:+.1f}" for n, v in parts)))
    details_en = [en for en, _ in details]
    details_ar = [ar for _, ar in details]
    return f"{head_en} " + "; ".join(details_en) + ".", f"{head_ar} " + "؛ ".join(details_ar) + "."


def framed_item(item: matching.Item) -> _Item:
    """The event-frame view of an item (for the frame rules' reason)."""
    return _item(item.claim)

"""Blocking keys kept per claim, so that new claims are compared only with the claims that share them.

A claim's keys are the ones conflict detection blocks on: matching's content keys (roots, named
things, counted nouns — a pointing denial carries its antecedent's) and the event-frame keys
(``ev:`` + the action's family or the disputed thing), each with the days the claim's date covers.
The store keeps them indexed; after an ingest, ``neighbourhood`` says which stored claims to load
for the new ones: those sharing a rare key inside the date window, or an event key inside it, and a
bounded number of undated ones. Detection then runs on the new claims and those neighbours alone,
with the whole store's key frequencies (``matching.Stats``), so a pair scores as it would among all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..config import ConflictSettings
from ..events import dates
from ..models import Claim
from . import detection, matching

EVENT = "ev:"
LONGEST_SPAN = max(dates.SPAN_DAYS.values())  # the most days one claim's date covers (a year)


@dataclass(frozen=True)
class Keys:
    keys: tuple[str, ...]
    start: int | None  # first day the claim's date covers (ordinal), None when undated
    end: int | None


def claim_keys(claims: list[Claim]) -> dict[str, Keys]:
    """Claim id → its blocking keys, for the claims of one article (stories lie within an article, so
    pointing denials are resolved as among all claims). Claims that are never compared have none."""
    out: dict[str, Keys] = {}
    for it in matching.build(claims).items:
        keys = set(it.keys)
        framed = detection._item(it.claim)
        if framed is not None:
            keys.update(f"{EVENT}{kind}:{value}" for kind, value in detection._keys(framed))
        if keys:
            out[it.cid] = Keys(tuple(sorted(k[:200] for k in keys)), it.start, it.end)
    return out


@dataclass(frozen=True)
class Query:
    """Stored claims to fetch for one key: dated ones whose days meet one of ``windows`` (ordinal ranges),
    and up to ``undated`` undated ones; with ``any_date``, up to ``undated`` of any date instead."""

    key: str
    windows: tuple[tuple[int, int], ...]
    undated: int
    any_date: bool = False


def merged(ranges: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Day ranges with the overlapping or touching ones joined: new claims spread over years ask for
    their own weeks, not for everything between the first and the last."""
    out: list[list[int]] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return tuple((lo, hi) for lo, hi in out)


def queries(new: dict[str, Keys], df: dict[str, int], total: int, settings: ConflictSettings,
            blocking: matching.BlockingSettings | None = None) -> list[Query]:
    """What to fetch for the new claims' keys: rare content keys and event keys, inside the date window."""
    bs = blocking or matching.blocking_settings()
    cap = matching.block_cap(total, bs)
    window = settings.window_days
    spans: dict[str, list[tuple[int, int]]] = {}
    undated: set[str] = set()
    for k in new.values():
        for key in k.keys:
            if not key.startswith(EVENT) and df.get(key, 0) > cap:
                continue  # a common word brings nothing together
            ranges = spans.setdefault(key, [])
            if k.start is None:
                undated.add(key)
            else:
                ranges.append((k.start - window, k.end + window))  # others whose days come within the window
    out = []
    for key, ranges in sorted(spans.items()):
        event = key.startswith(EVENT)
        pool = settings.undated_pool if event else bs.undated_pool
        if key in undated and not event:
            # An undated claim meets a rare key's other claims whatever their date (few: the key is rare).
            out.append(Query(key, (), cap, any_date=True))
        else:
            # Undated events are compared only with undated claims of the same event (bounded).
            out.append(Query(key, merged(ranges), pool))
    return out


def detect_new(new_claims: list[Claim], fetch: Callable[[set[str]], list[Claim]], stats: matching.Stats,
               settings: ConflictSettings, neighbour_ids: Iterable[str]):
    """Conflicts that involve at least one of ``new_claims``, among them and their neighbours."""
    new_ids = {c.id for c in new_claims}
    others = fetch(set(neighbour_ids) - new_ids)
    return detection.detect([*new_claims, *others], settings, stats=stats, involving=new_ids), len(others)

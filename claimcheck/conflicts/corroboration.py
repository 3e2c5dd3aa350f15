"""Corroboration: claims that say the same thing from the same side, grouped.

The same matching as conflicts (matching.py) finds the candidates; a pair corroborates when both
claims come from one side (or one speaker relayed by two outlets), neither denies what the other
affirms, their figures agree, and they share enough of what they say: rare words and named things.
Pairs are joined into groups (one claim carried by several outlets, or a spokesman and his ministry
repeating one statement). Agreement across opposed sides — one side confirming what the other said —
is marked ``across_sides``: the strongest corroboration a fact-checker can cite.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..config import ConflictSettings
from ..events import frames
from ..models import Claim, stable_id
from . import matching

# How much of what two claims say must be shared (matching's rarity-weighted overlap) to call it the same claim.
MIN_OVERLAP = 0.45
MIN_OVERLAP_WITH_NAMES = 0.3  # when they also name the same place, weapon or unit
ACROSS_SIDES_OVERLAP = 0.7  # two opposed sides saying the same thing: only when nearly word for word


@dataclass(frozen=True)
class Group:
    id: str
    members: tuple[str, ...]  # claim ids, sorted
    side: str | None
    across_sides: bool = False


def _same_party(x: matching.Item, y: matching.Item) -> str | None:
    """"side" when both are of one side, "speaker" when one speaker is relayed in two stories,
    "across" for two opposed sides, None otherwise."""
    if x.side and y.side:
        if x.side == y.side:
            return "side"
        return "across" if frames.vocabulary().opposed_sides(x.side, y.side) else None
    if x.speaker and x.speaker == y.speaker and x.story != y.story:
        return "speaker"
    return None


def corroborates(pair: matching.Pair) -> str | None:
    """The kind of agreement of a candidate pair, or None."""
    x, y = pair.x, pair.y
    party = _same_party(x, y)
    if party is None or x.statement == y.statement or x.denies != y.denies:
        return None
    f = pair.features
    if f["numbers_differ"] or f["place_differs"] or (x.story == y.story and x.speaker == y.speaker):
        return None
    if x.start is not None and y.start is not None and f["date_close"] <= 0:
        return None
    needed = MIN_OVERLAP_WITH_NAMES if pair.shared_entities else MIN_OVERLAP
    if party == "across":
        needed = ACROSS_SIDES_OVERLAP
    return party if f["overlap"] >= needed else None


def groups(claims: list[Claim], settings: ConflictSettings | None = None) -> list[Group]:
    """Groups of claims saying the same thing (two members at least), largest first."""
    settings = settings or ConflictSettings()
    index = matching.build(claims)
    parent = list(range(len(index.items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    across: set[int] = set()
    for i, j in sorted(matching.candidates(index, settings)):
        x, y = index.items[i], index.items[j]
        pair = matching.features(index, x, y, settings)
        kind = corroborates(pair)
        if kind is None:
            continue
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
        if kind == "across":
            across.update((i, j))
    members: dict[int, list[matching.Item]] = {}
    for it in index.items:
        members.setdefault(root(it.index), []).append(it)
    out = []
    for group in members.values():
        if len(group) < 2:
            continue
        ids = tuple(sorted(it.claim.id for it in group))
        sides = sorted({it.side for it in group if it.side})
        out.append(Group(stable_id(*ids), ids, sides[0] if len(sides) == 1 else None,
                         any(it.index in across for it in group)))
    out.sort(key=lambda g: (-len(g.members), g.members))
    return out

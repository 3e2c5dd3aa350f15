"""Corroboration: claims that say the same thing from the same side, grouped.

The same matching as conflicts (matching.py) finds the candidates; a pair corroborates when both
claims come from one side (or one speaker relayed by two outlets), neither denies what the other
affirms, their figures agree, and they share enough of what they say: rare words and named things.
Pairs are joined into groups (one claim carried by several outlets, or a spokesman and his ministry
repeating one statement). Agreement across opposed sides — one side confirming what the other said —
is marked ``across_sides``: the strongest corroboration a fact-checker can cite.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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


@dataclass(frozen=True)
class Link:
    """Two claims that corroborate each other (``a`` < ``b``); ``across`` when they are of opposed sides."""

    a: str
    b: str
    across: bool = False


def links(claims: list[Claim], settings: ConflictSettings | None = None, stats: matching.Stats | None = None,
          involving: set[str] | None = None) -> list[Link]:
    """The corroborating pairs among ``claims`` (only those with a claim of ``involving``, when given),
    sorted. With ``stats`` they are scored as among the whole store."""
    settings = settings or ConflictSettings()
    index = matching.build(claims, stats)
    items = index.items
    # Among new claims' stored neighbours most candidates would join two stored claims: those are not
    # made, and the few that come all the same are dropped (by index: a claim's id is a hash).
    wanted = None if involving is None else {it.index for it in items if it.cid in involving}
    pairs = matching.candidates(index, settings, involving=wanted)
    if wanted is not None:
        pairs = {(i, j) for i, j in pairs if i in wanted or j in wanted}
    out = []
    for i, j in sorted(pairs):
        x, y = items[i], items[j]
        kind = corroborates(matching.features(index, x, y, settings))
        if kind is not None:
            a, b = sorted((x.cid, y.cid))
            out.append(Link(a, b, kind == "across"))
    return sorted(set(out), key=lambda k: (k.a, k.b))


def group_links(found: Iterable[Link], sides: Mapping[str, str | None]) -> list[Group]:
    """Groups of the claims ``found`` joins (two members at least), largest first; ``sides`` gives each
    member's side."""
    found = list(found)
    across = {c for link in found if link.across for c in (link.a, link.b)}
    members: dict[str, list[str]] = {}
    for claim_id, root in matching.join_roots((link.a, link.b) for link in found).items():
        members.setdefault(root, []).append(claim_id)
    out = []
    for group in members.values():
        ids = tuple(sorted(group))
        named = sorted({sides[c] for c in ids if sides.get(c)})
        out.append(Group(stable_id(*ids), ids, named[0] if len(named) == 1 else None, any(c in across for c in ids)))
    out.sort(key=lambda g: (-len(g.members), g.members))
    return out


def groups(claims: list[Claim], settings: ConflictSettings | None = None) -> list[Group]:
    """Groups of claims saying the same thing (two members at least), largest first."""
    return group_links(links(claims, settings), {c.id: c.side for c in claims})

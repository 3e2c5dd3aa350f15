"""Matching claims on what they say: the shared ground of conflicts and corroboration.

Every claim becomes an ``Item`` (its content keys from the frame, its date range, its story and place
in it, whether it denies). Three steps follow, each a small function:

1. **Antecedents.** A denial that names what it denies only by pointing at it ("نفى ذلك", "هذه الأنباء
   عارية عن الصحة", "ما أعلنه …") is resolved to the claim it answers: the nearest earlier claim of the
   same story by another speaker (and not of the denier's own side) that affirms something. The denial
   then carries that claim's keys, so it also meets the same claim carried by other outlets. One with
   nothing to answer in its own story (it opens another outlet's story of the event) answers a claim of
   a story linked to its own (``link_stories``): the one whose speaker it names, else the first there.
2. **Candidates.** Within a story, every pair of claims by two speakers.
   Across stories, claims are blocked on their *rare* keys (roots, named things, counted nouns met in
   few claims: الجيش or إسرائيل are too common to bring two claims together) inside a date window, so
   the cost grows with the claims per key and day, not with the square of the store.
3. **Features.** Each candidate pair gets named features in [0, 1] (``FEATURES``); conflicts and
   corroboration score them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ..analysis.text import normalize_name
from ..config import ConflictSettings
from ..events import dates, frames
from ..events.similarity import BACK_REFERENCE, DENIAL, DISMISSAL, RESPONSE
from ..knowledge import loader as knowledge
from ..models import Claim, Frame
from ..speakers.actors import sides_in_text

FEATURES = (
    "overlap",  # shared roots, weighted by rarity (Dice over inverse document frequencies)
    "shared_entities",  # named things both mention (places, countries, weapons, units), up to three
    "place_differs",  # both name a place below a country, and not the same one
    "numbers_differ",  # the same counted thing with different figures
    "numbers_agree",  # the same counted thing with the same figure
    "same_story",
    "nearby",  # in one story, 1 / (1 + claims' sentences between them)
    "response",  # in one story, the later claim opens with a response marker (في المقابل، من جهته، ردا على)
    "denial",  # exactly one of the two denies or negates
    "dismissal",  # one dismisses (دعاية، أكاذيب، مزاعم)
    "answers",  # the denial was resolved to this very claim
    "opposed_sides",  # two known sides that are not allies
    "side_unknown",  # one side or both unknown
    "same_event",  # the event frames' actions are of one family
    "frame_rule",  # the event-frame rules type the pair (their confidence)
    "date_close",  # 1 on the same day, less with the gap; 0.3 when a date is unknown
    "denial_cue",  # exactly one of the two is said with a denial verb (نفى، كذّب)
    "leads",  # each is its speaker's first statement in the story (0.5 when one is)
    "names_other",  # one's content names the other's side ("…القصف الذي نفذه حزب الله" against Hezbollah)
    "own_moves",  # each side tells of its own forces' action ("سلاحه الجوي استهدف" / "سلاح الجو التابع لها نفذ")
    "echo",  # they say much the same and nothing sets them against each other: agreement, not a conflict
)

# Features of which at most one is 1 for a pair: the two claims' figures either differ or agree.
EXCLUSIVE = (("numbers_differ", "numbers_agree"),)
# Features of which exactly one is 1 for every candidate (same-side pairs are never candidates): the fit
# holds the first at 0, so that the other's weight says what it changes (with both free, a share of the
# bias moves into each and "opposite sides" shows as a part that lowers a conflict's score).
BASELINES = (("opposed_sides", "side_unknown"),)


@dataclass(frozen=True)
class BlockingSettings:
    max_share: float = 0.02
    max_claims: int = 400
    min_claims: int = 12
    window_days: int = 3
    undated_pool: int = 60


@lru_cache(maxsize=1)
def blocking_settings() -> BlockingSettings:
    raw = knowledge.load("similarity").get("blocking", {})
    return BlockingSettings(**{k: v for k, v in raw.items() if k in BlockingSettings.__dataclass_fields__})


@dataclass(slots=True, eq=False)
class Item:
    index: int
    claim: Claim
    cid: str  # the claim's id, worked out once (it is a hash)
    frame: Frame
    stems: frozenset[str]
    entities: frozenset[str]
    keys: tuple[str, ...]  # the blocking keys: roots, named things, counted nouns
    counts: dict[str, tuple[float, str]]
    start: int | None  # first day the claim's date covers (ordinal), None when undated
    end: int | None
    story: tuple[str, int]
    rank: int  # the claim's sentence among the story's claim sentences
    speaker: str
    side: str | None
    denies: bool
    markers: frozenset[str]
    statement: tuple  # one speaker's words in one sentence
    order: tuple
    weight: float = 0.0  # the rarity weight of its roots (set by ``build``)
    antecedent: Item | None = None  # for a denial that points back: the claim it denies
    own_stems: frozenset[str] = field(default_factory=frozenset)
    denial_cue: bool = False
    lead: bool = False  # the speaker's first statement in its story (set by ``build``)
    places: frozenset[str] = field(default_factory=frozenset)  # its place keys (set by ``build``)
    sides_named: frozenset[str] | None = None  # sides the content names, read when first asked (``named_sides``)


@lru_cache(maxsize=1 << 16)
def speaker_key(name: str) -> str:
    return normalize_name(name)


@dataclass(frozen=True)
class CountSettings:
    """Counts the claim's action qualifies (``[counts]`` in similarity.toml)."""

    casualty_actions: frozenset[str] = frozenset()
    who: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def count_settings() -> CountSettings:
    raw = knowledge.load("similarity").get("counts", {})
    return CountSettings(frozenset(raw.get("casualty_actions", ())), frozenset(raw.get("who", ())))


def counts(frame: Frame) -> dict[str, tuple[float, str]]:
    """Counted thing → (figure, kind): '=' exact, '~' about, '≥' at least.

    A count of people with no casualty word of its own, in a claim whose action is a casualty, counts
    that casualty: "استشهاد خمسة مواطنين" (killed) and "مقتل سبعة مدنيين" give two figures of one toll."""
    cs = count_settings()
    action = frame.action if frame.action in cs.casualty_actions else None
    out: dict[str, tuple[float, str]] = {}
    for value, what in frame.numbers:
        kind = "~" if what.startswith("~") else "≥" if what.startswith("≥") else "="
        thing = what.lstrip("~≥")
        if action and thing in cs.who:
            thing = f"{action}:{thing}"
        out.setdefault(thing, (value, kind))
    return out


def day_span(claim: Claim, frame: Frame) -> tuple[int | None, int | None, str | None]:
    """(first day, last day, precision) the claim's date covers, as ordinals; Nones when undated."""
    if not frame.when:
        return None, None, None
    precision = "day"
    if claim.time and claim.time.resolved == frame.when:
        precision = dates.precision(claim.time.text)
    start = frame.when.toordinal()
    return start, start + dates.SPAN_DAYS[precision] - 1, precision


def _item(index: int, claim: Claim) -> Item | None:
    if claim.nested_in:
        return None  # X's account of Y's words: the outer claim carries the conflict
    frame = claim.frame or frames.frame_claim(None, claim)
    start, end, _ = day_span(claim, frame)
    speaker = speaker_key(claim.speaker or claim.speaker_text or "")
    markers = frozenset(frame.markers)
    stems, entities = frozenset(frame.stems), frozenset(frame.entities)
    n = counts(frame)
    return Item(
        index=index, claim=claim, cid=claim.id, frame=frame, stems=stems, entities=entities,
        keys=(*stems, *entities, *(f"n:{w}" for w in n)), counts=n, start=start, end=end,
        story=(claim.article_id, claim.story), rank=0, speaker=speaker, side=claim.side,
        denies=claim.negated or frame.polarity < 0 or DENIAL in markers or DISMISSAL in markers, markers=markers,
        statement=(claim.article_id, claim.sentence.start, speaker),
        order=(claim.article_id, claim.cue.start, claim.cue.end, claim.content_text), own_stems=stems,
        denial_cue=claim.cue_lemma in denial_lemmas(),
    )


@lru_cache(maxsize=1)
def denial_lemmas() -> frozenset[str]:
    from ..attribution.attribute import lexicon

    return frozenset(e.lemma for e in lexicon().single.values() if e.denial)


def named_sides(it: Item) -> frozenset[str]:
    """The sides a claim's content names: the actors in it, and its event frame's agent and target.
    Read on first use: only the pairs that get as far as their features need it."""
    if it.sides_named is None:
        frame = it.frame
        it.sides_named = (frozenset(side for side in (frame.agent_side, frame.target_side) if side)
                          | sides_in_text(it.claim.content_text))
    return it.sides_named


@dataclass
class Index:
    items: list[Item]
    df: dict[str, int]
    idf: dict[str, float]
    stories: dict[tuple[str, int], list[Item]]
    total: int = 0  # the claims the frequencies count (the whole store when ``Stats`` were given)
    links: dict[frozenset, float] = field(default_factory=dict)  # stories telling one event (``link_stories``)

    def weight(self, keys) -> float:
        idf = self.idf
        return sum(idf.get(k, 1.0) for k in keys)


@dataclass(frozen=True)
class Stats:
    """Key frequencies of a larger set of claims (the store) than the ones built: a subset is then
    scored and blocked as it would be among all of them."""

    df: dict[str, int]
    total: int


def build(claims: list[Claim], stats: Stats | None = None) -> Index:
    """Items for ``claims``, their key frequencies, and each pointing denial resolved.

    With ``stats`` the frequencies are those of the whole store, not of ``claims`` alone.
    """
    items = [it for it in (_item(i, c) for i, c in enumerate(claims)) if it is not None]
    for n, it in enumerate(items):
        it.index = n
    stories: dict[tuple[str, int], list[Item]] = defaultdict(list)
    for it in items:
        stories[it.story].append(it)
    for members in stories.values():
        members.sort(key=lambda it: it.order)
        starts = sorted({it.claim.sentence.start for it in members})
        rank = {s: r for r, s in enumerate(starts)}
        spoken: set[str] = set()
        for it in members:
            it.rank = rank[it.claim.sentence.start]
            it.lead = it.speaker not in spoken
            spoken.add(it.speaker)
        _resolve_antecedents(members)
    df: dict[str, int] = defaultdict(int)
    for it in items:
        for key in set(it.keys):
            df[key] += 1
    total = max(len(items), 1)
    if stats is not None:
        total = max(stats.total, total)
        df = defaultdict(int, {k: max(stats.df.get(k, 0), v) for k, v in df.items()})
    idf = {k: math.log(1 + total / v) for k, v in df.items()}
    for it in items:
        it.weight = sum(idf[k] for k in it.stems)
        it.places = frozenset(e for e in it.entities if e.startswith("place:"))
    return Index(items, df, idf, stories, total)


def _points_back(it: Item) -> bool:
    """A denial that names what it denies only by pointing at it, or says too little to match on its own."""
    return it.denies and (BACK_REFERENCE in it.markers or len(it.own_stems) < 3)


def _names(denial: Item, prior: Item) -> bool:
    """Whether the denial's words name the earlier speaker ("بيان وزارة الدفاع" names وزارة الدفاع السورية)."""
    words = [w for w in prior.speaker.split() if len(w) > 2]
    text = speaker_key(denial.claim.content_text)
    return bool(words) and sum(w in text for w in words) >= min(2, len(words))


def _resolve_antecedents(story: list[Item]) -> None:
    """"نفى ذلك" → the nearest earlier claim of the story that another speaker (of another side) affirmed."""
    for k, it in enumerate(story):
        if not _points_back(it):
            continue
        priors = [p for p in reversed(story[:k]) if _answers(it, p)
                  and not (p.claim.sentence.start == it.claim.sentence.start and p.claim.cue.start > it.claim.cue.start)]
        # "نفت … ما ورد في بيان وزارة الدفاع": the claim whose speaker the denial names, else the nearest.
        named = [p for p in priors if _names(it, p)]
        for prior in named[:1] or priors[:1]:
            _answer(it, prior)


def _answers(denial: Item, prior: Item) -> bool:
    """Whether ``prior`` can be what ``denial`` denies: another speaker's affirmation, not of its side."""
    return prior.speaker != denial.speaker and not prior.denies and not (denial.side and prior.side == denial.side)


def _answer(denial: Item, prior: Item) -> None:
    """The denial answers ``prior``: it carries its keys, so it also meets the same claim told by other outlets."""
    denial.antecedent = prior
    denial.stems = denial.stems | prior.stems
    denial.entities = denial.entities | prior.entities
    denial.keys = (*denial.stems, *denial.entities, *(f"n:{w}" for w in denial.counts))


def _unanswered(index: Index) -> set[int]:
    """Item indexes of the pointing denials with nothing to answer in their own story."""
    return {it.index for it in index.items if it.antecedent is None and _points_back(it)}


def _resolve_across(index: Index) -> None:
    """A pointing denial with nothing to answer in its own story ("نفت صحة الأنباء التي وردت في بيان وزارة
    الدفاع" opening the other outlet's story) answers a claim of a story that tells the same event: the one
    whose speaker it names, else the first affirmation of the most closely linked story."""
    linked_to: dict[tuple, list[tuple[float, tuple]]] = defaultdict(list)
    for pair, share in index.links.items():
        if share >= STORY_LINK:
            sa, sb = tuple(pair)
            linked_to[sa].append((share, sb))
            linked_to[sb].append((share, sa))
    for story, others in linked_to.items():
        for it in index.stories[story]:
            if it.antecedent is not None or not _points_back(it):
                continue
            priors = [p for _, other in sorted(others, key=lambda o: (-o[0], o[1]))
                      for p in index.stories[other] if _answers(it, p)]
            named = [p for p in priors if _names(it, p)]
            for prior in named[:1] or priors[:1]:
                _answer(it, prior)
                it.weight = index.weight(it.stems)  # its roots were weighed before it took the answered claim's


# --- Candidates ---------------------------------------------------------------------------------------


def may_contradict(x: Item, y: Item) -> bool:
    """A cheap first look: whether anything could make one claim contradict the other — one denies or
    dismisses, both give a figure for one thing, one answers the other in a story, or both have an event frame."""
    if x.denies != y.denies or (DISMISSAL in x.markers) != (DISMISSAL in y.markers):
        return True
    if x.counts and y.counts and not x.counts.keys().isdisjoint(y.counts):
        return True
    if x.story == y.story and (RESPONSE in x.markers or RESPONSE in y.markers):
        return True
    return bool(x.frame.action and y.frame.action) or bool(x.frame.object and y.frame.object)


NEAR = 4  # claim sentences apart: a long story reports several events, its answers stand close together


def near(x: Item, y: Item) -> bool:
    return x.story == y.story and abs(x.rank - y.rank) <= NEAR


def block_cap(n: int, bs: BlockingSettings) -> int:
    """How many claims a key may be in and still block, in a store of ``n`` claims."""
    return n if n < bs.min_claims else max(bs.min_claims, min(bs.max_claims, int(bs.max_share * n)))


def _ordered(a: Item, b: Item) -> tuple[int, int]:
    return (a.index, b.index) if a.index < b.index else (b.index, a.index)


def _story_pairs(index: Index, pairs: set[tuple[int, int]], involving: set[int] | None = None) -> None:
    """Within a story: every pair of speakers. A story reports one event, and the claims a reviewer
    pairs there often share few words ("قتل وجرح من فيها" against "عدم وقوع إصابات"): the score decides."""
    for members in index.stories.values():
        if not _involved(members, involving):
            continue
        for a in range(len(members)):
            x = members[a]
            for b in range(a + 1, len(members)):
                y = members[b]
                if x.speaker != y.speaker and (abs(x.rank - y.rank) <= NEAR or x.denies or y.denies or not set(x.keys).isdisjoint(y.keys)):
                    pairs.add(_ordered(x, y))


def _rare_key_members(index: Index, bs: BlockingSettings) -> dict[str, list[Item]]:
    """The items of each rare key (met in few items), in item order."""
    cap = block_cap(max(index.total, len(index.items)), bs)
    by_key: dict[str, list[Item]] = defaultdict(list)
    for it in index.items:
        for key in it.keys:
            if index.df[key] <= cap:
                by_key[key].append(it)
    return by_key


def _dated_pairs(members: list[Item], window: int, pairs: set[tuple[int, int]]) -> None:
    """Pairs of a key's dated items from different stories within ``window`` days of each other."""
    dated = sorted((it for it in members if it.start is not None), key=lambda it: it.start)
    active: list[Item] = []
    for it in dated:
        active = [o for o in active if o.end + window >= it.start]
        for o in active:
            if o.story != it.story:
                pairs.add(_ordered(o, it))
        active.append(it)


def _count_undated(members: list[Item], bs: BlockingSettings, pairs: set[tuple[int, int]],
                   undated_shared: dict[tuple[int, int], int]) -> None:
    """An unknown date leaves the window open, but only for pairs sharing two rare keys: count them."""
    undated = [it for it in members if it.start is None]
    if not undated:
        return
    pool = sorted(members, key=lambda it: it.order)[: bs.undated_pool] if len(members) > bs.undated_pool else members
    for u in undated[: bs.undated_pool]:
        for o in pool:
            if o is not u and o.story != u.story:
                pair = _ordered(o, u)
                if pair not in pairs:
                    undated_shared[pair] += 1


def _involved(members: list[Item], involving: set[int] | None) -> bool:
    """Whether a group of items holds one of ``involving`` (item indexes; None: every item counts)."""
    return involving is None or any(it.index in involving for it in members)


def candidates(index: Index, settings: ConflictSettings | None = None,
               blocking: BlockingSettings | None = None, involving: set[int] | None = None) -> set[tuple[int, int]]:
    """Pairs of item indexes (i < j) worth scoring: within a story, and across stories by rare keys
    inside the date window.

    ``involving``: item indexes, when only their pairs are wanted (new claims among their stored
    neighbours). A story or key without one of them brings no such pair and is passed over, so the
    cost follows the new claims; some pairs of two others may still come back, to be dropped."""
    bs = blocking or blocking_settings()
    window = settings.window_days if settings else bs.window_days
    pairs: set[tuple[int, int]] = set()
    _story_pairs(index, pairs, involving)
    _linked_story_pairs(index, window, bs, pairs, involving)
    undated_shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in _rare_key_members(index, bs).values():
        if len(members) < 2 or not _involved(members, involving):
            continue
        _dated_pairs(members, window, pairs)
        _count_undated(members, bs, pairs, undated_shared)
    pairs.update(p for p, shared in undated_shared.items() if shared >= 2)
    return pairs


STORY_LINK = 0.3  # the share of two stories' rarity-weighted words and names that makes them one event


def _story_keys(members: list[Item]) -> frozenset[str]:
    return frozenset(k for it in members for k in (*it.own_stems, *it.entities))


def _story_start(members: list[Item]) -> int | None:
    return min((it.start for it in members if it.start is not None), default=None)


def link_stories(index: Index, window: int, bs: BlockingSettings,
                 involving: set[int] | None = None) -> dict[frozenset, float]:
    """Pairs of stories of different articles that tell one event: the rarity-weighted Dice of all their
    claims' roots and named things. Two outlets' reports of one attack share its place, its weapon and its
    actors even when the two claims a reviewer pairs share no word ("عدم وقوع إصابات" against "قتل وجرح
    من فيها"). Blocked on the stories' rare keys, inside the date window."""
    keys = {story: _story_keys(members) for story, members in index.stories.items()}
    starts = {story: _story_start(members) for story, members in index.stories.items()}
    cap = block_cap(max(index.total, len(index.items)), bs)
    by_key: dict[str, list[tuple]] = defaultdict(list)
    for story, ks in keys.items():
        for k in ks:
            if index.df.get(k, 0) <= cap:
                by_key[k].append(story)
    hot = None if involving is None else {story for story, members in index.stories.items() if _involved(members, involving)}
    seen: set[frozenset] = set()
    links: dict[frozenset, float] = {}
    for members in by_key.values():
        if hot is not None and hot.isdisjoint(members):
            continue
        for pair in _story_window(members, starts, window, bs.undated_pool):
            if pair in seen or (hot is not None and hot.isdisjoint(pair)):
                continue
            seen.add(pair)
            sa, sb = tuple(pair)
            wa, wb = index.weight(keys[sa]), index.weight(keys[sb])
            dice = 2 * index.weight(keys[sa] & keys[sb]) / (wa + wb) if wa + wb else 0.0
            if dice >= STORY_LINK:
                links[pair] = dice
    return links


def _story_window(members: list[tuple], starts: dict[tuple, int | None], window: int, pool: int):
    """Pairs of one key's stories from different articles: dated ones within ``window`` days of each other
    (a sliding window), an undated one with the first ``pool`` of them, so a common key costs little."""
    dated = sorted((s for s in members if starts[s] is not None), key=lambda s: starts[s])
    active: list[tuple] = []
    for story in dated:
        active = [o for o in active if starts[o] + window >= starts[story]]
        yield from (frozenset((o, story)) for o in active if o[0] != story[0])
        active.append(story)
    for story in (s for s in members if starts[s] is None):
        yield from (frozenset((o, story)) for o in members[:pool] if o[0] != story[0])


def _linked_story_pairs(index: Index, window: int, bs: BlockingSettings, pairs: set[tuple[int, int]],
                        involving: set[int] | None = None) -> None:
    """Across two stories telling one event: every pair of speakers not of one side."""
    # A stored pointing denial may answer a story none of the new claims is in: its story's links are weighed
    # too, so it answers what a full run has it answer; only the links of the new claims' stories are kept.
    index.links = link_stories(index, window, bs, None if involving is None else involving | _unanswered(index))
    _resolve_across(index)
    if involving is not None:
        hot = {it.story for it in index.items if it.index in involving}
        index.links = {pair: dice for pair, dice in index.links.items() if not hot.isdisjoint(pair)}
    for pair in index.links:
        sa, sb = tuple(pair)
        for x in index.stories[sa]:
            for y in index.stories[sb]:
                if x.speaker != y.speaker and not (x.side and x.side == y.side):
                    pairs.add(_ordered(x, y))


def join_roots(pairs: Iterable[tuple]) -> dict:
    """Each member of the ``pairs`` → the smallest member of the set the pairs join it to (union–find)."""
    parent: dict = {}

    def root(node):
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {node: root(node) for node in parent}


def story_events(index: Index) -> dict[tuple, tuple]:
    """Each story that tells one event with another (``STORY_LINK``) → the first story of that event (its
    linked stories joined, so three outlets' stories of one attack make one event)."""
    return join_roots(tuple(pair) for pair, share in index.links.items() if share >= STORY_LINK)


def linked(index: Index, x: Item, y: Item) -> bool:
    """Whether the two claims are in two stories that tell one event."""
    return frozenset((x.story, y.story)) in index.links


# --- Features -----------------------------------------------------------------------------------------


def date_gap(x: Item, y: Item) -> int | None:
    if x.start is None or y.start is None:
        return None
    return max(0, max(x.start, y.start) - min(x.end, y.end))


def agree(a: tuple[float, str], b: tuple[float, str], tolerance: float = 0.25) -> bool:
    (va, ka), (vb, kb) = a, b
    if ka == "≥" and vb >= va or kb == "≥" and va >= vb:
        return True
    if "~" in (ka, kb):
        estimate, other = (va, vb) if ka == "~" else (vb, va)
        return abs(estimate - other) <= tolerance * max(estimate, other) or (
            estimate in (3, 10, 100, 1000) and estimate <= other < estimate * 10  # "عشرات" agrees with 40
        )
    return va == vb


def number_fit(x: Item, y: Item, settings: ConflictSettings) -> tuple[str, float, float] | None | bool:
    """(thing, x's figure, y's figure) for the first counted thing the two disagree on; True when they
    give a figure for the same thing and agree on all; None when no counted thing is shared."""
    shared = sorted(x.counts.keys() & y.counts.keys())
    if not shared:
        return None
    fx, fy = x.frame, y.frame
    if (fx.target_side and fy.target_side and fx.target_side != fy.target_side) or (
        fx.agent_side and fy.agent_side and fx.agent_side != fy.agent_side
    ):
        return None  # each side's toll of the other's losses: two counts of two things
    for what in shared:
        (vx, _), (vy, _) = x.counts[what], y.counts[what]
        if agree(x.counts[what], y.counts[what], settings.estimate_tolerance):
            continue
        if max(vx, vy) > settings.count_ratio * max(min(vx, vy), 1):
            continue  # 1,200 and 37,000 killed are two tolls, not one disputed toll
        return what, vx, vy
    return True


@dataclass(frozen=True, slots=True)
class Pair:
    """A candidate pair with its features and what the reason will show."""

    x: Item
    y: Item
    features: dict[str, float]
    shared_stems: frozenset[str]
    only_x: frozenset[str]
    only_y: frozenset[str]
    shared_entities: frozenset[str]
    numbers: tuple | None


def overlap(index: Index, x: Item, y: Item, shared: frozenset[str]) -> float:
    """The share of the two claims' rarity-weighted roots that ``shared`` (their common roots) makes up."""
    wx, wy = x.weight, y.weight
    return 2 * index.weight(shared) / (wx + wy) if wx + wy else 0.0


def item_features(x: Item, y: Item, frame_rule: float = 0.0) -> dict[str, float]:
    """The features read from the two items alone, without comparing what they say: cheap enough to
    bound a pair's score (``detection.Model.highest_score``) before the rest are worked out."""
    same_story = x.story == y.story
    later = y if y.order > x.order else x
    vocab = frames.vocabulary()
    ax = vocab.actions.get(x.frame.action) if x.frame.action else None
    ay = vocab.actions.get(y.frame.action) if y.frame.action else None
    return {
        "same_story": float(same_story),
        "nearby": 1 / (1 + abs(x.rank - y.rank)) if same_story else 0.0,
        "response": float(same_story and RESPONSE in later.markers),
        "denial": float(x.denies != y.denies),
        "dismissal": float((DISMISSAL in x.markers) != (DISMISSAL in y.markers)),
        "answers": float(x.antecedent is y or y.antecedent is x),
        "opposed_sides": float(vocab.opposed_sides(x.side, y.side)),
        "side_unknown": float(not (x.side and y.side)),
        "same_event": float(bool(ax and ay and ax.family == ay.family)),
        "frame_rule": frame_rule,
        "denial_cue": float(x.denial_cue != y.denial_cue),
        "leads": (x.lead + y.lead) / 2,
        "own_moves": float(own_move(x) and own_move(y) and x.side != y.side),
    }


def own_move(it: Item) -> bool:
    """The claim tells of its own side's action: two such claims are two actions, not two versions of one."""
    return bool(it.side and it.frame.agent_side == it.side and it.frame.polarity >= 0)


@dataclass(frozen=True, slots=True)
class Shared:
    """What two claims say in common: the features read from their words, names, figures and dates."""

    features: dict[str, float]
    stems: frozenset[str]
    entities: frozenset[str]
    numbers: tuple | bool | None  # ``number_fit``


def shared_features(index: Index, x: Item, y: Item, settings: ConflictSettings) -> Shared:
    shared = x.stems & y.stems
    ents = x.entities & y.entities
    px, py = x.places, y.places
    nums = number_fit(x, y, settings)
    gap = date_gap(x, y)
    return Shared({
        "overlap": overlap(index, x, y, shared),
        "shared_entities": min(len(ents), 3) / 3,
        "place_differs": float(bool(px and py and not (px & py))),
        "numbers_differ": float(isinstance(nums, tuple)),
        "numbers_agree": float(nums is True),
        "date_close": 0.3 if gap is None else max(0.0, 1 - gap / (settings.window_days + 1)),
    }, shared, ents, nums)


ECHO = 0.3  # the share of rarity-weighted roots two claims that repeat each other have in common


def echo(f: dict[str, float]) -> float:
    """Two claims that share much of what they say ("الهدنة" / "الشهر الماضي الهدنة") with no denial, dismissal,
    answer, differing figure or event rule between them repeat each other: they agree."""
    signs = ("denial", "dismissal", "answers", "numbers_differ", "frame_rule")
    return float(f["overlap"] >= ECHO and not any(f[s] for s in signs))


def names_other(x: Item, y: Item) -> float:
    """One's content names the other's side (the costliest feature: the content is read for actors)."""
    return float(bool((y.side and y.side in named_sides(x)) or (x.side and x.side in named_sides(y))))


def assemble(x: Item, y: Item, known: dict[str, float], common: Shared) -> Pair:
    """The pair with every feature (``FEATURES``, in that order), from its ``item_features`` and ``shared_features``."""
    c, s = known, common.features
    f = {
        "overlap": s["overlap"],
        "shared_entities": s["shared_entities"],
        "place_differs": s["place_differs"],
        "numbers_differ": s["numbers_differ"],
        "numbers_agree": s["numbers_agree"],
        "same_story": c["same_story"],
        "nearby": c["nearby"],
        "response": c["response"],
        "denial": c["denial"],
        "dismissal": c["dismissal"],
        "answers": c["answers"],
        "opposed_sides": c["opposed_sides"],
        "side_unknown": c["side_unknown"],
        "same_event": c["same_event"],
        "frame_rule": c["frame_rule"],
        "date_close": s["date_close"],
        "denial_cue": c["denial_cue"],
        "leads": c["leads"],
        "names_other": names_other(x, y),
        "own_moves": c["own_moves"],
    }
    f["echo"] = echo(f)
    nums = common.numbers
    return Pair(x, y, f, common.stems, x.stems - y.stems, y.stems - x.stems, common.entities,
                nums if isinstance(nums, tuple) else None)


def features(index: Index, x: Item, y: Item, settings: ConflictSettings, frame_rule: float = 0.0) -> Pair:
    return assemble(x, y, item_features(x, y, frame_rule), shared_features(index, x, y, settings))


def day(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()

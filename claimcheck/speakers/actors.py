"""The actor lists (data/actors.toml): who speaks for which side, under which names.

Matching folds spelling variants and clitics; an alias may be limited to the outlets that
use it that way (Al Jazeera's "الجيش الليبي" is the GNA's army, Asharq Al-Awsat's is Haftar's).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..analysis.text import normalize_word
from ..attribution import grammar
from ..knowledge import loader as knowledge
from .world import first_name_at, nisba_label_at, state_side, states_named, words_of


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    side: str | None
    kind: str
    role: str | None
    organisation: str | None
    markers: tuple[str, ...]
    states: frozenset[str] = frozenset()  # the states its own names name ("الجيش الوطني الليبي" → Libya)
    not_before: frozenset[str] = frozenset()  # words after an alias that make it another body ("مجلس الأمن القومي")


# (words, actor id, outlets or None, local): a local alias is a common phrase elsewhere ("القوات الحكومية")
# that names the actor only in a story naming its place (``local_to``).
Alias = tuple[tuple[str, ...], str, "tuple[str, ...] | None", bool]


@dataclass(frozen=True)
class ActorIndex:
    actors: dict[str, Actor]
    aliases: list[Alias]  # longest first
    by_first: dict[str, list[Alias]]  # aliases by their first word, longest first: lookups stay cheap
    markers: list[tuple[tuple[str, ...], str]]  # (marker words, side), longest first
    markers_by_first: dict[str, list[tuple[tuple[str, ...], str]]]
    nisba: dict[str, str]  # stem of a nationality adjective → side ("امريك" → US)
    local_to: dict[str, frozenset[str]]  # actor id → words of a story where its local aliases hold
    not_before: dict[str, frozenset[str]]  # side → words after its markers that make them another body


_words = words_of  # normalised word by word: each word's form is cached


def _actor(a: dict) -> Actor:
    names = {a["name"], *a.get("aliases", [])}
    return Actor(a["id"], a["name"], a.get("side"), a.get("kind", "person"), a.get("role"), a.get("organisation"),
                 tuple(a.get("markers", [])), frozenset(label for n in names for _, label in states_named(_words(n))),
                 frozenset(map(normalize_word, a.get("not_before", []))))


def _aliases_of(a: dict) -> list[Alias]:
    aliases = [(_words(alias), a["id"], None, False) for alias in {a["name"], *a.get("aliases", [])}]
    aliases += [(_words(oa["alias"]), a["id"], tuple(oa["outlets"]), False) for oa in a.get("outlet_aliases", [])]
    aliases += [(_words(alias), a["id"], None, True) for alias in a.get("local_aliases", [])]
    return [alias for alias in aliases if alias[0]]


def _markers_of(a: dict, actor: Actor) -> list[tuple[tuple[str, ...], str]]:
    if not actor.side:
        return []
    # A party's own names mark its side inside a longer mention too ("نائب رئيس حركة حماس").
    named = {a["name"], *a.get("aliases", [])} if actor.kind not in ("person", "outlet") else set()
    return [(_words(m), actor.side) for m in {*a.get("markers", []), *named}]


def _by_first(entries: list) -> dict[str, list]:
    by_first: dict[str, list] = {}
    for entry in entries:
        by_first.setdefault(entry[0][0], []).append(entry)
    return by_first


@lru_cache(maxsize=1)
def actor_index() -> ActorIndex:
    entries = knowledge.load("actors")["actor"] + knowledge.load("parties").get("actor", [])
    actors: dict[str, Actor] = {}
    aliases: list[Alias] = []
    markers = []
    local_to: dict[str, frozenset[str]] = {}
    for a in entries:
        if a["id"] in actors:
            raise ValueError(f"actor id {a['id']!r} is listed twice (actors.toml, parties.toml or an overlay)")
        actor = actors[a["id"]] = _actor(a)
        aliases += _aliases_of(a)
        markers += _markers_of(a, actor)
        if a.get("local_to"):
            local_to[actor.id] = frozenset(w for n in a["local_to"] for w in _words(n))
    aliases.sort(key=lambda x: -len(x[0]))
    markers.sort(key=lambda x: -len(x[0]))
    nisba = {}
    for marker, side in markers:
        if len(marker) == 1 and marker[0].endswith(("ي", "يه")):
            nisba.setdefault(_nisba_stem(marker[0]), side)
    not_before: dict[str, frozenset[str]] = {}
    for actor in actors.values():
        if actor.side and actor.not_before:
            not_before[actor.side] = not_before.get(actor.side, frozenset()) | actor.not_before
    return ActorIndex(actors, aliases, _by_first(aliases), markers, _by_first(markers), nisba, local_to, not_before)


def _nisba_stem(word: str) -> str:
    """"الأميركية", "أمريكيون", "إيرانيين" → a stem shared by all forms of the adjective."""
    word = word.removeprefix("و").removeprefix("ال")
    for ending in ("يون", "يين", "يان", "يتين", "يتان", "يه", "ي"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)].replace("ير", "ر")  # أميركي / أمريكي
    return ""


@lru_cache(maxsize=50_000)
def _strip_clitic(word: str) -> tuple[str, ...]:
    forms = [word]
    for prefix in ("و", "ف", "ب", "ل", "وب", "ول", "لل"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            rest = word[len(prefix) :]
            forms.append(rest)
            if prefix.endswith("ل") and not rest.startswith("ال"):
                forms.append("ال" + rest)  # "للجيش" → "الجيش"
    return tuple(forms)


def _matches_at(words: Sequence[str], i: int, pattern: tuple[str, ...]) -> bool:
    if i + len(pattern) > len(words):
        return False
    for k, p in enumerate(pattern):  # a plain loop: this runs for every candidate alias of every word
        word = words[i + k]
        if p != word and p not in _strip_clitic(word):
            return False
    return True


def _find(words: tuple[str, ...], pattern: tuple[str, ...]) -> int | None:
    for i in range(len(words) - len(pattern) + 1):
        if _matches_at(words, i, pattern):
            return i
    return None


@lru_cache(maxsize=50_000)
def _candidates(word: str) -> tuple[Alias, ...]:
    """The aliases that may start at ``word`` (cached per word: most words start none)."""
    by_first = actor_index().by_first
    return tuple(alias for form in _strip_clitic(word) for alias in by_first.get(form, ()))


def _other_state_after(words: Sequence[str], end: int, actor: Actor, is_local: bool) -> bool:
    """"الجيش الوطني الصومالي": an alias followed by another state's nationality adjective names that
    state's body, not the actor (a local alias such as "الجيش الوطني" never takes one)."""
    label = nisba_label_at(words, end)
    return label is not None and (is_local or bool(actor.states) and label not in actor.states)


def names_local_alias(mention: str) -> bool:
    """Whether a local alias may start in ``mention`` (most mentions hold none: the story need not be read)."""
    return any(alias[3] for word in _words(mention) for alias in _candidates(word))


@lru_cache(maxsize=16)  # asked only for mentions that may hold a local alias, for the few articles being resolved
def local_actors(text: str) -> frozenset[str]:
    """The actors whose local aliases hold in ``text`` (a story): it names one of their ``local_to`` words."""
    index = actor_index()
    words = set(_words(text))
    for word in list(words):
        words.update(_strip_clitic(word))
    return frozenset(actor_id for actor_id, marks in index.local_to.items() if marks & words)


def find_actor(mention: str, outlet: str | None = None,
               local: frozenset[str] = frozenset()) -> tuple[Actor, int, int] | None:
    """The known actor named in ``mention``: one at its head first, then people, then the longest.

    An alias glued to ل or ب ("لخامنئي", "بحفتر") names whom the words were for or about,
    not who spoke, so it does not count. A speaker mention is looked up through a cache (the same
    speakers are named again and again); a longer stretch of text is not kept.
    """
    if len(mention) <= 80:
        return _find_actor_cached(mention, outlet, local)
    return _find_actor(mention, outlet, local)


def _find_actor(mention: str, outlet: str | None, local: frozenset[str]) -> tuple[Actor, int, int] | None:
    words = _words(mention.replace("«", " ").replace("»", " ").replace('"', " "))
    index = actor_index()
    best = None
    for at, first in enumerate(words):
        for alias, actor_id, outlets, is_local in _candidates(first):
            if (outlets is not None and outlet not in outlets) or (is_local and actor_id not in local):
                continue
            actor = index.actors[actor_id]
            if not _names_actor_at(words, at, alias, actor, is_local):
                continue
            rank = (at == 0, actor.kind == "person", len(alias), -at)
            if best is None or rank > best[0]:
                best = (rank, actor, at, at + len(alias))
    return (best[1], best[2], best[3]) if best else None


def _names_actor_at(words: Sequence[str], at: int, alias: tuple[str, ...], actor: Actor, is_local: bool) -> bool:
    """Whether ``alias``, whose first word may carry a clitic, names ``actor`` at word ``at``."""
    end = at + len(alias)
    if not _matches_at(words, at, alias) or _other_state_after(words, end, actor, is_local) \
            or (end < len(words) and words[end] in actor.not_before):
        return False  # "مجلس الأمن القومي" is no UN body
    first = words[at]
    if first != alias[0] and first[:1] in ("ل", "ب") and not alias[0].startswith(first[:1]):
        return False  # "لخامنئي": whom the words were for
    # "هيئة الطيران المدني": an adjective after a definite noun, not the surname "المدني"
    return not (actor.kind == "person" and len(alias) == 1 and alias[0].startswith("ال") and at
                and words[at - 1].startswith("ال"))


_find_actor_cached = lru_cache(maxsize=50_000)(_find_actor)


def alias_length_at(words: Sequence[str], start: int, outlet: str | None = None) -> int:
    """How many words from ``start`` form a known actor alias (0 when none)."""
    if start >= len(words):
        return 0
    best = 0
    for alias, actor_id, outlets, is_local in _candidates(words[start]):
        if outlets is not None and outlet not in outlets:
            continue
        if len(alias) > best and _matches_at(words, start, alias) \
                and not _other_state_after(words, start + len(alias), actor_index().actors[actor_id], is_local):
            best = len(alias)
    return best


_OFFICIAL = grammar.words("official")


BODY_KINDS = frozenset({"organisation", "outlet", "state"})


def last_named_body(words: Sequence[str], outlet: str | None, head: str | None = None,
                    kinds: frozenset[str] = BODY_KINDS) -> Actor | None:
    """The last body of one of ``kinds`` the words name, the longest alias at each place; with ``head``, only a
    body whose name starts with that word ("حركة" → حركة الشباب)."""
    index = actor_index()
    found = None
    for at, word in enumerate(words):
        best = None
        for alias, actor_id, outlets, is_local in _candidates(word):
            if (outlets is None or outlet in outlets) and not is_local and (best is None or len(alias) > len(best[0])) \
                    and _matches_at(words, at, alias) \
                    and not _other_state_after(words, at + len(alias), index.actors[actor_id], is_local):
                best = (alias, index.actors[actor_id])
        if best is None or best[1].kind not in kinds:
            continue
        if head is None or head == best[0][0] or _words(best[1].name)[:1] == (head,):  # "حركة حماس" as written
            found = best[1]
    return found


def sides_in_text(text: str) -> frozenset[str]:
    """The sides of every actor a longer text names (a claim's content: "…القصف الذي نفذه حزب الله")."""
    words = _words(text)
    index = actor_index()
    found = set()
    for at, word in enumerate(words):
        for alias, actor_id, outlets, is_local in _candidates(word):
            side = index.actors[actor_id].side
            if side and outlets is None and not is_local and _matches_at(words, at, alias):
                found.add(side)
    return frozenset(found)


@lru_cache(maxsize=50_000)
def side_from_mention(mention: str) -> str | None:
    """A side the mention ties the speaker to ("مصادر عسكرية في قوات الوفاق" → GNA).

    Party names count everywhere; nationality adjectives only with an official role,
    so a retired admiral or the late diplomat stays without a side. A state no actor list names
    speaks through its institutions ("وزارة الدفاع الأرمينية" → Armenia: world.state_side).
    """
    words = _words(mention.replace("«", " ").replace("»", " "))
    official = any(w in _OFFICIAL or w.removeprefix("و") in _OFFICIAL for w in words)
    index = actor_index()
    found: list[tuple[int, str]] = []  # (marker length, side): the longest marker wins, as before
    for at, word in enumerate(words):
        side = index.nisba.get(_nisba_stem(word)) if official and not first_name_at(words, at) else None
        if side:
            found.append((1, side))  # "مسؤولون أمريكيون", "مسؤولين إيرانيين"
    found += _markers_in(words, official, index)
    if not found:
        return state_side(mention)
    longest = max(n for n, _ in found)
    return min((side for n, side in found if n == longest), key=_marker_order().index)  # ties: the list's order


def _markers_in(words: Sequence[str], official: bool, index: ActorIndex) -> list[tuple[int, str]]:
    """(marker length, side) of every side marker in the words; a nationality only with an official role."""
    found = []
    for at, word in enumerate(words):
        for form in _strip_clitic(word):
            for marker, side in index.markers_by_first.get(form, ()):
                end = at + len(marker)
                if not _matches_at(words, at, marker) or (end < len(words) and words[end] in index.not_before.get(side, ())):
                    continue
                is_nationality = len(marker) == 1 and marker[0].endswith(("ي", "يه", "يين", "يون", "يان"))
                if not (is_nationality and (not official or first_name_at(words, at))):
                    found.append((len(marker), side))
    return found


@lru_cache(maxsize=1)
def _marker_order() -> list[str]:
    return [side for _, side in actor_index().markers]



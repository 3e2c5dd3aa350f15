"""The actor lists (data/actors.toml): who speaks for which side, under which names.

Matching folds spelling variants and clitics; an alias may be limited to the outlets that
use it that way (Al Jazeera's "الجيش الليبي" is the GNA's army, Asharq Al-Awsat's is Haftar's).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import knowledge
from .text import WORD_RE, normalize


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    side: str | None
    kind: str
    role: str | None
    organisation: str | None
    markers: tuple[str, ...]


@dataclass(frozen=True)
class ActorIndex:
    actors: dict[str, Actor]
    aliases: list[tuple[tuple[str, ...], str, tuple[str, ...] | None]]  # (alias words, actor id, outlets), longest first
    markers: list[tuple[tuple[str, ...], str]]  # (marker words, side)


def _words(text: str) -> tuple[str, ...]:
    return tuple(normalize(w) for w in WORD_RE.findall(text))


@lru_cache(maxsize=1)
def actor_index() -> ActorIndex:
    data = knowledge.load("actors")
    actors: dict[str, Actor] = {}
    aliases = []
    markers = []
    for a in data["actor"]:
        actor = Actor(a["id"], a["name"], a.get("side"), a.get("kind", "person"), a.get("role"), a.get("organisation"),
                      tuple(a.get("markers", [])))
        actors[actor.id] = actor
        for alias in {a["name"], *a.get("aliases", [])}:
            aliases.append((_words(alias), actor.id, None))
        for oa in a.get("outlet_aliases", []):
            aliases.append((_words(oa["alias"]), actor.id, tuple(oa["outlets"])))
        if actor.side:
            for m in a.get("markers", []):
                markers.append((_words(m), actor.side))
    aliases.sort(key=lambda x: -len(x[0]))
    markers.sort(key=lambda x: -len(x[0]))
    return ActorIndex(actors, aliases, markers)


def _strip_clitic(word: str) -> list[str]:
    forms = [word]
    for prefix in ("و", "ف", "ب", "ل", "وب", "ول", "لل"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            rest = word[len(prefix) :]
            forms.append(rest)
            if prefix.endswith("ل") and not rest.startswith("ال"):
                forms.append("ال" + rest)  # "للجيش" → "الجيش"
    return forms


def _find(words: tuple[str, ...], pattern: tuple[str, ...]) -> int | None:
    n = len(pattern)
    for i in range(len(words) - n + 1):
        if all(p in _strip_clitic(words[i + k]) if k == 0 else p == words[i + k] or p in _strip_clitic(words[i + k])
               for k, p in enumerate(pattern)):
            return i
    return None


def find_actor(mention: str, outlet: str | None = None) -> tuple[Actor, int, int] | None:
    """The known actor named in ``mention``: one at its head first, then people, then the longest.

    An alias glued to ل or ب ("لخامنئي", "بحفتر") names whom the words were for or about,
    not who spoke, so it does not count.
    """
    words = _words(mention.replace("«", " ").replace("»", " ").replace('"', " "))
    index = actor_index()
    best = None
    for alias, actor_id, outlets in index.aliases:
        if outlets is not None and outlet not in outlets:
            continue
        at = _find(words, alias)
        if at is None:
            continue
        first = words[at]
        if first != alias[0] and first[:1] in ("ل", "ب") and not alias[0].startswith(first[:1]):
            continue
        actor = index.actors[actor_id]
        rank = (at == 0, actor.kind == "person", len(alias), -at)
        if best is None or rank > best[0]:
            best = (rank, actor, at, at + len(alias))
    return (best[1], best[2], best[3]) if best else None


def alias_length_at(words: list[str], start: int, outlet: str | None = None) -> int:
    """How many words from ``start`` form a known actor alias (0 when none)."""
    index = actor_index()
    for alias, _actor_id, outlets in index.aliases:
        if outlets is not None and outlet not in outlets:
            continue
        n = len(alias)
        if start + n <= len(words) and _find(tuple(words[start : start + n]), alias) == 0:
            return n
    return 0


_OFFICIAL = {normalize(w) for w in [
    "وزير", "وزارة", "مندوب", "المندوب", "سفير", "سفيرها", "متحدث", "المتحدث", "الناطق", "رئيس", "الرئيس",
    "مسؤول", "مسؤولين", "مسؤولون", "مسؤولان", "المسؤولون", "الحكومة", "حكومة", "الجيش", "جيش", "السلطات",
    "الخارجية", "مبعوث", "مبعوثة", "القائم", "قوات", "القوات", "مصادر", "مصدر", "ضابط", "قائد", "آمر",
]}


def side_from_mention(mention: str) -> str | None:
    """A side the mention ties the speaker to ("مصادر عسكرية في قوات الوفاق" → GNA).

    Party names count everywhere; nationality adjectives only with an official role,
    so a retired admiral or the late diplomat stays without a side.
    """
    words = _words(mention.replace("«", " ").replace("»", " "))
    official = any(w in _OFFICIAL or w.removeprefix("و") in _OFFICIAL for w in words)
    index = actor_index()
    for marker, side in index.markers:
        if _find(words, marker) is None:
            continue
        is_nationality = len(marker) == 1 and marker[0].endswith(("ي", "يه", "يين", "يون", "يان"))
        if is_nationality and not official:
            continue
        return side
    return None



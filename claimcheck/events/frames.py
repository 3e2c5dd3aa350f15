"""Event frames: what a claim says happened — action, object, place, time, counts, sides, polarity.

A frame is read from the claim's content (from its sentence when the content is only a word or
two). Parts the content leaves out are taken from the rest of the sentence, and, when the claim
points back ("هذه الخطوة", "تلك العقبات", "هذه المعلومات"), from the sentence before it.

All the words live in data files — ``events.toml`` (actions, objects, counts, framings, denial
cues), ``places.toml`` (the gazetteer), ``sides.toml`` and the speakers' ``actors.toml`` — so a new
conflict needs new words, not new code. Words are matched on normalised text (``text.normalize``)
with clitics removed: "بمصراتة", "للوطية", "وأسقطت" find مصراتة, الوطية, أسقط.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import compress, count
from operator import attrgetter
from typing import NamedTuple

from ..analysis.text import WORD_RE, Words, normalize, words_in
from ..knowledge import loader as knowledge
from ..models import Article, Claim, Frame

# Content shorter than this many words ("الهدنة", "حوار صريح") is framed from its sentence.
SHORT_CONTENT = 4
# How far back a sentence may start to count as "the previous sentence" for a back-reference.
PREVIOUS_SENTENCE_CHARS = 800


# --- Vocabulary ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    """Something a claim says was done (events.toml explains each field)."""

    key: str
    en: str
    ar: str
    family: str
    priority: int = 2
    success: bool = False
    exclusive: bool = False
    needs_object: bool = True
    transitive: bool = True
    framable: bool = False
    opposes: frozenset[str] = frozenset()
    requires: frozenset[str] = frozenset()  # the action counts only when the text names such a thing
    event_en: str = "{thing} {action}"  # how a reason names the event
    event_ar: str = "{action} {thing}"
    needs_place: bool = False
    by_report: bool = False  # a report verb can be this act itself (holding someone responsible)

    def event(self, thing: Thing | None) -> tuple[str, str]:
        """The event in words, English and Arabic ("drone shot down", "إسقاط طائرة مسيرة")."""
        if thing is None:
            if "{thing}" not in self.event_en:  # "people killed": the event is named without a thing
                return self.event_en, self.event_ar
            return self.en, self.ar
        en = self.event_en.format(thing=thing.en, action=self.en)
        ar = self.event_ar.format(thing=thing.ar, action=self.ar)
        return en, ar


@dataclass(frozen=True)
class Thing:
    """Something acted on (an object in the grammatical sense): drone, Pantsir, base, weapons."""

    key: str
    en: str
    ar: str
    parent: str | None = None
    topic: bool = False
    lineage: tuple[str, ...] = ()  # itself, then its parents up to the most general


@dataclass(frozen=True)
class Place:
    """A gazetteer place (places.toml)."""

    key: str
    ar: str
    parent: str | None = None
    context: bool = False
    lineage: tuple[str, ...] = ()  # itself, then the places it lies in, up to its country

    @property
    def country(self) -> bool:
        return self.parent is None

    @property
    def area(self) -> str | None:
        """The largest place below the country: the key claims about this place are grouped by."""
        return self.lineage[-2] if len(self.lineage) > 1 else None


@dataclass(frozen=True)
class Framing:
    """How a side presents an event (events.toml: framings)."""

    key: str
    en: str
    ar: str
    self_serving: bool = False
    opposes: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Entry:
    """One vocabulary phrase: what it is (kind, key) and its words."""

    kind: str
    key: str
    words: tuple[int, ...]  # word ids
    gaps: tuple[bool, ...]  # gaps[k]: one other word may stand before word k
    outlets: tuple[str, ...] | None = None
    cls: str = ""  # for sides: "party" (a name) or "adjective" (a nationality: origin, not a party)
    group: str = ""  # the hits it competes with for the same words (_GROUPS)


class _Hit(NamedTuple):
    kind: str
    key: str
    start: int  # token index
    end: int  # token index after the last word
    cls: str = ""


_SUFFIXES = ("هما", "ها", "هم", "كم", "نا", "ه")
_CLITIC_LETTERS = ("و", "ف", "ب", "ل", "ا")  # the first letters of the clitics _forms removes (و ف ب ل لل ال)
_DIGITS = re.compile(r"(?:[وفبل]|ال|بال|وال|لل)?(\d+(?:[.,]\d+)?)")
_FEMININE_DUAL = ("تين", "تان", "تي", "تا")


@lru_cache(maxsize=1 << 18)
def _forms(token: str) -> tuple[str, ...]:
    """The forms ``token`` may stand for with its clitics removed: و/ف, then ب/ل, then ال, and an
    attached pronoun ("انسحابها" → انسحاب). (ك is left alone: "كمية" is not ك + مية.)"""
    if len(token) <= 3 or (token[:1] not in _CLITIC_LETTERS and not token.endswith(_SUFFIXES)):
        return (token,)  # too short for a clitic, or none to remove (many words): the rules below keep it whole
    forms = {token}
    heads = [token]
    if token[:1] in ("و", "ف") and len(token) > 3:
        heads.append(token[1:])
    for head in heads:
        forms.add(head)
        bodies = [head]
        if head.startswith("لل") and len(head) > 3:
            bodies.append("ال" + head[2:])  # "للوطية" = ل + الوطية
        if head[:1] in ("ب", "ل") and len(head) > 3:
            bodies.append(head[1:])
        for body in bodies:
            forms.add(body)
            if body.startswith("ال") and len(body) > 3:
                forms.add(body[2:])
    for form in list(forms):
        if not form.endswith(_SUFFIXES):  # most forms carry no pronoun: one C call instead of six
            continue
        for suffix in _SUFFIXES:
            if form.endswith(suffix) and len(form) - len(suffix) >= 3:
                forms.add(form[: -len(suffix)])
                break
    return tuple(forms)


def _bare(word: str) -> str:
    """The stored form of a vocabulary word: normalised, without the article ("آليات" has none)."""
    article = word.startswith("ال") and len(word) > 3
    word = normalize(word)
    return word[2:] if article else word


@dataclass(frozen=True, slots=True)
class _Word:
    """What one written word can be, worked out once per distinct word."""

    ids: tuple[int, ...]  # vocabulary words it can stand for
    singles: tuple[tuple[tuple[str, ...] | None, str, str, str, str], ...]  # one-word vocabulary entries it is,
    # as (outlets, group, kind, key, cls): what a hit is made of, unpacked at once in the scan
    follows: tuple[dict[int, list[_Entry]], ...]  # for each of its ids that begins a longer entry: those
    # entries by their second word
    own: bool  # a force noun with a possessive pronoun ("قواته", "دفاعاته"): the speaker's own side
    dual: str | None  # a feminine dual of a counted thing ("طائرتين" → aircraft)
    digits: str | None  # the number it writes in digits ("48", "الـ48", "٩")
    active: bool = False  # it is a one-word entry or begins a longer one: the scan looks only at these
    numeric: bool = False  # it writes a number in digits or is a dual


_PLAIN = _Word((), (), (), False, None, None)  # a word that is nothing the vocabulary knows
_ACTIVE = attrgetter("active")
_DUAL = attrgetter("dual")
_NUMERIC = attrgetter("numeric")
_new_hit = partial(tuple.__new__, _Hit)  # _Hit((kind, key, start, end, cls)) without a Python-level __new__
_OWN = attrgetter("own")


class _Lexicon:
    """Every vocabulary phrase, matched over a text's words in one pass."""

    def __init__(self) -> None:
        self.exact: dict[str, int] = {}
        self.prefix: dict[str, int] = {}
        self.entries: list[_Entry] = []
        self.by_first: dict[int, list[int]] = {}  # one-word entries by their word
        self.pairs: dict[int, dict[int, list[_Entry]]] = {}  # longer entries by their first word, then their second
        self.force_nouns: frozenset[str] = frozenset()
        self.own_pronouns: tuple[str, ...] = ()
        self.profiles: dict[str, _Word] = {}  # every word met so far
        self._prefix_heads: frozenset[str] | None = None  # see prefix_heads
        self._known: set[_Entry] = set()

    def _word_id(self, spec: str) -> int:
        is_prefix = spec.endswith("*")
        bare = _bare(spec.rstrip("*"))
        table = self.prefix if is_prefix else self.exact
        if bare not in table:
            table[bare] = len(self.exact) + len(self.prefix)
            self._prefix_heads = None
        return table[bare]

    def add(self, kind: str, key: str, phrase: str, outlets: Iterable[str] | None = None, cls: str = "") -> None:
        ids: list[int] = []
        gaps: list[bool] = []
        gap = False
        for spec in phrase.replace("«", " ").replace("»", " ").replace('"', " ").split():
            if spec == "…":
                gap = True
                continue
            ids.append(self._word_id(spec))
            gaps.append(gap)
            gap = False
        if not ids:
            return
        entry = _Entry(kind, key, tuple(ids), tuple(gaps), tuple(outlets) if outlets else None, cls, _GROUPS[kind])
        if entry in self._known:
            return  # two spellings that normalise alike ("أن", "ان"): a second hit would only lose to the first
        self._known.add(entry)
        if len(ids) == 1:
            self.by_first.setdefault(ids[0], []).append(len(self.entries))
        else:
            self.pairs.setdefault(ids[0], {}).setdefault(ids[1], []).append(entry)
        self.entries.append(entry)

    def word(self, token: str) -> _Word:
        found = self.profiles.get(token)
        if found is None:
            if len(self.profiles) > 1 << 18:
                self.profiles.clear()  # a bound for long-running processes; words are cheap to redo
            found = self.profiles[token] = self._profile(token)
        return found

    def prefix_heads(self) -> frozenset[str]:
        """Every beginning (three letters or more) of a prefix word: a form whose first k letters are
        none of these has no prefix word of k letters or more."""
        if self._prefix_heads is None:
            self._prefix_heads = frozenset(p[:k] for p in self.prefix for k in range(3, len(p) + 1))
        return self._prefix_heads

    def _profile(self, token: str) -> _Word:
        forms = _forms(token)
        ids = set()
        exact, prefix, heads = self.exact, self.prefix, self.prefix_heads()
        for form in forms:
            wid = exact.get(form)
            if wid is not None:
                ids.add(wid)
            if form[:3] not in heads:
                continue  # begins no prefix word (most forms): no need to try its longer beginnings
            for k in range(3, len(form) + 1):
                head = form[:k]
                if head not in heads:
                    break  # no longer beginning can be a prefix word either
                wid = prefix.get(head)
                if wid is not None:
                    ids.add(wid)
        digits = _DIGITS.fullmatch(token) if token[-1:].isdigit() else None  # a number ends in a digit
        own, dual = self._own(forms), self._dual(forms)
        if not ids and not own and dual is None and digits is None:
            return _PLAIN  # most words: no vocabulary word, nothing counted (one shared, frozen value)
        ids = sorted(ids)
        singles = tuple((entry.outlets, entry.group, entry.kind, entry.key, entry.cls)
                        for entry in (self.entries[e] for wid in ids for e in self.by_first.get(wid, ())))
        follows = tuple(self.pairs[wid] for wid in ids if wid in self.pairs)
        return _Word(tuple(ids), singles, follows, own, dual, digits.group(1) if digits else None, bool(singles or follows),
                     bool(digits or dual))

    def _own(self, forms: tuple[str, ...]) -> bool:
        for form in forms:
            if not form.endswith(self.own_pronouns):
                continue
            for suffix in self.own_pronouns:
                if form.endswith(suffix) and len(form) > len(suffix) + 2:
                    stem = form[: -len(suffix)]
                    if stem in self.force_nouns or (stem.endswith("ت") and stem[:-1] + "ه" in self.force_nouns):
                        return True
        return False

    def _dual(self, forms: tuple[str, ...]) -> str | None:
        """A feminine dual names two of something: "طائرتين", "دبابتين", "طائرتي شحن"."""
        for form in forms:
            if not form.endswith(_FEMININE_DUAL):
                continue
            for ending in _FEMININE_DUAL:
                if form.endswith(ending) and len(form) > len(ending) + 2:
                    wid = self.exact.get(form[: -len(ending)] + "ه")
                    for e_index in self.by_first.get(wid, ()) if wid is not None else ():
                        entry = self.entries[e_index]
                        if len(entry.words) == 1 and entry.kind in ("object", "counted"):
                            return entry.key.rstrip("<")
        return None

    def scan(self, words: list[_Word], outlet: str | None) -> dict[str, list[_Hit]]:
        """Every phrase of the vocabulary in ``words``, by group (``_GROUPS``), in the order found."""
        groups: dict[str, list[_Hit]] = {}
        n = len(words)
        for i in compress(count(), map(_ACTIVE, words)):
            here = words[i]
            for outlets, group, kind, key, cls in here.singles:
                if outlets is None or outlet in outlets:
                    groups.setdefault(group, []).append(_new_hit((kind, key, i, i + 1, cls)))
            if not here.follows:
                continue
            for step in (1, 2):  # the second word follows, or one other word stands between ("…")
                if i + step >= n:
                    break
                seconds = words[i + step].ids
                if not seconds:
                    continue
                for follow in here.follows:
                    for second in seconds:
                        for entry in follow.get(second, ()):
                            if step == 2 and not entry.gaps[1]:
                                continue
                            if entry.outlets is not None and outlet not in entry.outlets:
                                continue
                            end = i + step + 1 if len(entry.words) == 2 else self._rest(entry, words, i + step + 1)
                            if end:
                                groups.setdefault(entry.group, []).append(_new_hit((entry.kind, entry.key, i, end, entry.cls)))
        return groups

    @staticmethod
    def _rest(entry: _Entry, words: list[_Word], j: int) -> int | None:
        """Where ``entry`` ends when its third and later words match from ``j`` on."""
        n = len(words)
        for k in range(2, len(entry.words)):
            want = entry.words[k]
            if j < n and want in words[j].ids:
                j += 1
            elif entry.gaps[k] and j + 1 < n and want in words[j + 1].ids:
                j += 2
            else:
                return None
        return j


# Hits of these kinds compete for the same words: the longest wins ("طائرة مسيرة" over "طائرة",
# "سلاح الجو" (ignored) over "سلاح", "لا تزال" (not a negation) over "لا", "تحت سيطرة" (a state,
# not an action) over "سيطرة").
_GROUPS = {
    "action": "action", "notaction": "action", "object": "object", "ignore": "object", "place": "place", "side": "side",
    "framing": "framing", "dismissal": "dismissal", "negation": "negation", "notneg": "negation",
    "counted": "counted", "measure": "counted", "number": "number", "multiplier": "multiplier",
    "atleast": "qualifier", "about": "qualifier", "force": "force", "follower": "follower",
    "context": "context", "complementizer": "complementizer", "anaphora": "anaphora",
    "toll_head": "toll_head", "toll_verb": "toll_verb",
}
_SUPPRESSORS = {"ignore", "notneg", "notaction"}
# Groups of a single kind, named as it: their hits need no sorting out by kind.
_ONE_KIND = frozenset(g for g in _GROUPS.values() if [k for k, v in _GROUPS.items() if v == g] == [g]) - _SUPPRESSORS
_START, _END = attrgetter("start"), attrgetter("end")


def _resolve_overlaps(by_group: dict[str, list[_Hit]]) -> dict[str, list[_Hit]]:
    """The hits that stand, by kind, from the hits of each group (``_Lexicon.scan``)."""
    out: dict[str, list[_Hit]] = {}
    for group, group_hits in by_group.items():
        if len(group_hits) > 1:
            # Leftmost-longest: at each place the longest phrase, and nothing overlapping it. (Two stable
            # sorts, the longest first, then by place: the order of the key (start, -end), without a lambda.)
            group_hits.sort(key=_END, reverse=True)
            group_hits.sort(key=_START)
            kept, reach = [], -1
            for hit in group_hits:
                if hit.start >= reach:
                    kept.append(hit)
                    reach = hit.end
            group_hits = kept
        if group in _ONE_KIND:
            out[group] = group_hits
            continue
        for hit in group_hits:
            if hit.kind not in _SUPPRESSORS:
                out.setdefault(hit.kind, []).append(hit)
    return out


@dataclass
class Vocabulary:
    """Everything frames and conflicts know, read from the data files."""

    actions: dict[str, Action]
    objects: dict[str, Thing]
    places: dict[str, Place]
    framings: dict[str, Framing]
    side_labels: dict[str, str]
    allies: dict[str, frozenset[str]]
    numbers: dict[str, tuple[float, bool]]
    multipliers: dict[str, float]
    denial_cues: frozenset[str]
    lexicon: _Lexicon = field(repr=False, default_factory=_Lexicon)

    def opposed_sides(self, a: str | None, b: str | None) -> bool:
        """Two known, different sides that are not allies."""
        if not a or not b or a == b:
            return False
        return b not in self.allies.get(a, ()) and a not in self.allies.get(b, ())


def _lineage(key: str, parents: dict[str, str | None]) -> tuple[str, ...]:
    chain = [key]
    while parents.get(chain[-1]) and parents[chain[-1]] not in chain:
        chain.append(parents[chain[-1]])
    return tuple(chain)


def _words_of(entry) -> list[str]:
    return [entry] if isinstance(entry, str) else list(entry)


def _add_actions(events: dict, lex: _Lexicon) -> dict[str, Action]:
    actions = {}
    for a in events.get("action", []):
        actions[a["key"]] = Action(
            a["key"], a.get("en", a["key"]), a.get("ar", a["key"]), a.get("family", a["key"]), a.get("priority", 2),
            a.get("success", False), a.get("exclusive", False), a.get("needs_object", True),
            a.get("transitive", True), a.get("framable", False), frozenset(a.get("opposes", [])),
            frozenset(a.get("requires", [])), a.get("event_en", "{thing} {action}"), a.get("event_ar", "{action} {thing}"),
            a.get("needs_place", False), a.get("by_report", False),
        )
        for w in a.get("words", []):
            lex.add("action", a["key"], w)
    return actions


def _add_objects(events: dict, lex: _Lexicon) -> dict[str, Thing]:
    """The things actions are about, and the words to ignore or never take for an action."""
    parents = {o["key"]: o.get("parent") for o in events.get("object", [])}
    objects = {}
    for o in events.get("object", []):
        objects[o["key"]] = Thing(o["key"], o.get("en", o["key"]), o.get("ar", o["key"]), o.get("parent"),
                                  o.get("topic", False), _lineage(o["key"], parents))
        for w in o.get("words", []):
            lex.add("object", o["key"], w)
    for w in events.get("ignore", {}).get("words", []):
        lex.add("ignore", "", w)
    for w in events.get("not_actions", {}).get("words", []):
        lex.add("notaction", "", w)
    return objects


def _add_places(places_data: dict, lex: _Lexicon) -> dict[str, Place]:
    place_parents = {p["key"]: p.get("parent") for p in places_data.get("place", [])}
    places = {}
    for p in places_data.get("place", []):
        places[p["key"]] = Place(p["key"], p.get("ar", p["key"]), p.get("parent"), p.get("context", False),
                                 _lineage(p["key"], place_parents))
        for w in p.get("names", []):
            lex.add("place", p["key"], w)
    for w in places_data.get("context_nouns", []):
        lex.add("context", "", w)
    return places


def _add_framings(events: dict, lex: _Lexicon) -> dict[str, Framing]:
    framings = {}
    for f in events.get("framing", []):
        framings[f["key"]] = Framing(f["key"], f.get("en", f["key"]), f.get("ar", f["key"]),
                                     f.get("self_serving", False), frozenset(f.get("opposes", [])))
        for w in f.get("words", []):
            lex.add("framing", f["key"], w)
    return framings


def _add_polarity(events: dict, lex: _Lexicon) -> None:
    """Dismissals, negations and complementizers; "هذه الأنباء"-like back references."""
    polarity = events.get("polarity", {})
    for kind, key in (("dismissal", "dismissals"), ("negation", "negations"), ("notneg", "not_negations"),
                      ("complementizer", "complementizers")):
        for w in polarity.get(key, []):
            lex.add(kind, "", w)
    anaphora = events.get("anaphora", {})
    for demonstrative in anaphora.get("demonstratives", []):
        for noun in anaphora.get("nouns", []):
            lex.add("anaphora", "", f"{demonstrative} {noun}")


def _add_numbers(events: dict, lex: _Lexicon) -> tuple[dict[str, tuple[float, bool]], dict[str, float]]:
    """Number words and multipliers (value by normalised word), and the words around counts."""
    counts = events.get("numbers", {})
    numbers = {}
    for n in counts.get("words", []):
        for w in _words_of(n["words"]):
            numbers[normalize(w)] = (float(n["value"]), bool(n.get("approx")))
            lex.add("number", normalize(w), w)
    multipliers = {}
    for n in counts.get("multipliers", []):
        for w in n["words"]:
            multipliers[normalize(w)] = float(n["value"])
            lex.add("multiplier", normalize(w), w)
    for kind, key in (("atleast", "at_least"), ("about", "about"), ("measure", "measures")):
        for w in counts.get(key, []):
            lex.add(kind, "", w)
    for c in events.get("counted", []):
        for w in c["words"]:
            lex.add("counted", c["key"] + ("<" if c.get("before") else ""), w)
        for w in c.get("after", []):
            lex.add("counted", c["key"], w)
    for kind, key in (("toll_head", "toll_heads"), ("toll_verb", "toll_verbs")):
        for w in counts.get(key, []):
            lex.add(kind, "", w)
    return numbers, multipliers


def _add_actor_sides(lex: _Lexicon) -> None:
    """Every actor name, alias and marker of actors.toml, on its actor's side."""
    for actor in _actors():
        side = actor.get("side")
        if not side:
            continue
        person = actor.get("kind") == "person"
        for name in {actor.get("name", ""), *actor.get("aliases", [])}:
            # A one-word personal name ("سلامة", "المدني") is too often a common word inside content.
            if name and not (person and len(name.split()) == 1):
                lex.add("side", side, name, cls="party")
        for alias in actor.get("outlet_aliases", []):
            lex.add("side", side, alias["alias"], outlets=alias.get("outlets"), cls="party")
        for marker in actor.get("markers", []):
            adjective = normalize(marker).endswith(("ي", "يه", "يين", "يون", "يان"))
            lex.add("side", side, marker, cls="adjective" if adjective else "party")


def _add_sides(sides: dict, lex: _Lexicon) -> None:
    """The words of sides.toml, then the actors' names (``_add_actor_sides``), force nouns and own pronouns."""
    for s in sides.get("side", []):
        for w in s["words"]:
            adjective = len(w.split()) == 1 and not w.startswith("ال") and normalize(w).endswith(("ي", "يه"))
            lex.add("side", s["side"], w, cls="adjective" if adjective else "party")
    for s in sides.get("outlet_side", []):
        for w in s["words"]:
            lex.add("side", s["side"], w, outlets=[s["outlet"]], cls="party")
    _add_actor_sides(lex)
    for w in sides.get("force_nouns", []):
        lex.add("force", "", w)
    for w in sides.get("own_followers", []):
        lex.add("follower", "", w)
    lex.force_nouns = frozenset(_bare(w) for w in sides.get("force_nouns", []) if " " not in w)
    lex.own_pronouns = tuple(sorted((normalize(p) for p in sides.get("own_pronouns", [])), key=len, reverse=True))


def _side_labels(sides: dict) -> dict[str, str]:
    """Side label → its Arabic name in reasons: sides.toml's labels, then CLDR's names of states."""
    from ..speakers.world import country_labels

    from ..speakers.actors import actor_index

    labels = {en: ar for en, ar in country_labels().values()}
    for actor in actor_index().actors.values():  # a party's own name: "Hezbollah" → "حزب الله"
        if actor.side and actor.kind != "person":
            labels.setdefault(actor.side, actor.name)
    labels.update(sides.get("labels", {}))
    return labels


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The merged vocabularies (built-in data files plus the user's extensions)."""
    events = knowledge.load("events")
    sides = knowledge.load("sides")
    lex = _Lexicon()
    actions = _add_actions(events, lex)
    objects = _add_objects(events, lex)
    places = _add_places(knowledge.load("places"), lex)
    framings = _add_framings(events, lex)
    _add_polarity(events, lex)
    numbers, multipliers = _add_numbers(events, lex)
    _add_sides(sides, lex)
    return Vocabulary(
        actions=actions, objects=objects, places=places, framings=framings,
        side_labels=_side_labels(sides),
        allies={k: frozenset(v) for k, v in sides.get("allies", {}).items()},
        numbers=numbers, multipliers=multipliers,
        denial_cues=frozenset(normalize(w) for w in events.get("polarity", {}).get("denial_cues", [])),
        lexicon=lex,
    )


def _actors() -> list[dict]:
    """The speakers' actor list, if there is one (it belongs to attribution; frames only read it)."""
    try:
        return list(knowledge.load("actors").get("actor", []))
    except (FileNotFoundError, ModuleNotFoundError):
        return []


# --- Reading a text ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Text:
    """A text's words (normalised) and every vocabulary phrase found in them."""

    tokens: tuple[str, ...]
    words: tuple[_Word, ...]
    hits: dict[str, list[_Hit]]
    own: tuple[int, ...]  # positions of words naming the speaker's own forces ("قواته")
    numeric: tuple[int, ...]  # positions of numbers in digits and of duals
    raw: Words  # the words as written, with their offsets


@lru_cache(maxsize=1 << 18)
def _token(raw: str) -> str:
    # Word by word, with a cache: news repeats its words, and normalising each once is far cheaper.
    return normalize(raw)


def _tokens(text: str) -> list[str]:
    return list(map(_token, WORD_RE.findall(text)))


def _analyse_text(text: str, outlet: str | None, raw: Words | None = None) -> _Text:
    raw = raw or Words(text)
    tokens = list(map(_token, raw.tokens))
    lexicon = vocabulary().lexicon
    known = lexicon.profiles
    words = list(map(known.get, tokens))
    if not all(words):  # a word met for the first time
        words = [word or lexicon.word(token) for word, token in zip(words, tokens)]
    groups = lexicon.scan(words, outlet)
    objects = vocabulary().objects
    # A dual names its thing too: "طائرتين مسيرتين" are drones.
    duals = [_Hit("object", words[i].dual, i, i + 1) for i in compress(count(), map(_DUAL, words))
             if words[i].dual in objects]
    if duals:
        groups.setdefault(_GROUPS["object"], []).extend(duals)
    return _Text(tuple(tokens), tuple(words), _resolve_overlaps(groups),
                 tuple(compress(count(), map(_OWN, words))),
                 tuple(compress(count(), map(_NUMERIC, words))), raw)


# For conflict detection, which asks about the same claim texts again and again.
_analyse = lru_cache(maxsize=4096)(_analyse_text)


def _analysed(text: str, outlet: str | None, memo: dict | None) -> _Text:
    """``text`` analysed, through the article's own memo when framing a whole article (each
    sentence once, however many claims it holds), else through the shared cache."""
    if memo is None:
        return _analyse(text, outlet)
    found = memo.get((text, outlet))
    if found is None:
        found = memo[(text, outlet)] = _analyse_text(text, outlet, words_in(text, memo))
    return found


@dataclass(slots=True)
class _Reading:
    """What the words ``lo:hi`` of a text say, before it becomes a Frame."""

    text: _Text
    lo: int
    hi: int
    hits: dict[str, list[_Hit]]
    action: _Hit | None = None
    object: str | None = None
    place: str | None = None
    agent: str | None = None
    target: str | None = None

    @property
    def size(self) -> int:
        return self.hi - self.lo


def _read(text: _Text, speaker_side: str | None, lo: int = 0, hi: int | None = None) -> _Reading:
    vocab = vocabulary()
    hi = len(text.tokens) if hi is None else hi
    if lo == 0 and hi == len(text.tokens):
        hits = text.hits
    else:
        hits = {kind: kept for kind, found in text.hits.items()
                if (kept := [h for h in found if lo <= h.start and h.end <= hi])}
    reading = _Reading(text, lo, hi, hits)
    kinds = {k for h in hits.get("object", ()) for k in vocab.objects[h.key].lineage}
    actions = [h for h in hits.get("action", ())
               if not vocab.actions[h.key].requires or vocab.actions[h.key].requires & kinds]
    if actions:
        reading.action = max(actions, key=lambda h: (vocab.actions[h.key].priority, -h.start))
    reading.object = _pick_object(reading, vocab)
    reading.place = _pick_place(reading, vocab)
    reading.agent, reading.target = _pick_sides(reading, vocab, speaker_side)
    return reading


def _pick_object(reading: _Reading, vocab: Vocabulary) -> str | None:
    found = reading.hits.get("object", [])
    if not found:
        return None
    action = reading.action
    if action and vocab.actions[action.key].transitive:
        # What a verb acts on follows it; a thing before it is its subject or its means ("طائرات حفتر قصفت").
        found = [h for h in found if h.start > action.start]  # (or inside its phrase: "تراجع شحنة قنابل")
        if not found:
            return None
    # The most specific thing named: "طائرة تركية من طراز بيرقدار" is a Bayraktar, not just an aircraft.
    return max(found, key=lambda h: (len(vocab.objects[h.key].lineage), -h.start)).key


def _pick_place(reading: _Reading, vocab: Vocabulary) -> str | None:
    context_ends = {h.end for h in reading.hits.get("context", ())}
    chosen: Place | None = None
    for hit in reading.hits.get("place", ()):
        place = vocab.places[hit.key]
        if place.context and not any(hit.start - 3 <= end <= hit.start for end in context_ends):
            continue  # "نسمة" the breeze, not the place
        if chosen is None or (chosen.country and not place.country) or chosen.key in place.lineage[1:]:
            # The first place named, made more precise by a later one inside it ("مصراتة … الكلية الجوية").
            chosen = place
    return chosen.key if chosen else None


def _own_positions(reading: _Reading) -> list[int]:
    """Where the speaker's own forces are named: "قواته", "سلاح الجو التابع لها", "أي دور لها"."""
    found = [i for i in reading.text.own if reading.lo <= i < reading.hi]
    if "follower" in reading.hits:
        followers = {h.start for h in reading.hits["follower"]}
        found += [h.start for h in reading.hits.get("force", ()) if h.end in followers]
    return found


def _pick_sides(reading: _Reading, vocab: Vocabulary, speaker_side: str | None) -> tuple[str | None, str | None]:
    action = reading.action
    if action is None:
        return None, None
    mentions = [(h.start, h.key, h.cls) for h in reading.hits.get("side", ())]
    if speaker_side:
        mentions += [(i, speaker_side, "party") for i in _own_positions(reading)]
    mentions.sort()
    spec = vocab.actions[action.key]

    def first(candidates):
        parties = [m for m in candidates if m[2] == "party"]  # a name before a nationality adjective
        chosen = (parties or candidates or [None])[0]
        return chosen[1] if chosen else None

    before = [m for m in mentions if m[0] < action.start]
    after = [m for m in mentions if m[0] >= action.end]
    if spec.transitive:
        agent = first(before[::-1])  # the nearest subject before the verb
        target = first(after)
    else:
        agent = first(before[::-1]) or first(after)  # "انسحاب آليات قوات حفتر": whoever is named moved
        target = None
    if agent is None and speaker_side and not before:
        # "تم تدمير …" from a side's spokesman, or "سحب القوات" announced by a side: its own forces.
        if (spec.success and target != speaker_side) or (spec.framable and not spec.transitive and not mentions):
            agent = speaker_side
    return agent, target


class _NumberHits(NamedTuple):
    """The lexicon hits number reading needs, by word index."""

    counted_at: dict
    objects_at: dict
    measures: set
    qualifier_end: dict
    words_at: dict
    multiplier_at: dict
    toll_heads: tuple[int, ...] = ()  # where "عدد"/"حصيلة" stand
    toll_verbs: frozenset[int] = frozenset()  # where "ارتفع"/"بلغ" stand


def _number_hits(hits: dict) -> _NumberHits:
    return _NumberHits(
        counted_at={h.start: h for h in hits.get("counted", ())},
        objects_at={h.start: h for h in hits.get("object", ())},
        measures={h.start for h in hits.get("measure", ())},
        qualifier_end={h.end: h.kind for kind in ("atleast", "about") for h in hits.get(kind, ())},
        words_at={h.start: h for h in hits.get("number", ())},
        multiplier_at={h.start: h for h in hits.get("multiplier", ())},
        toll_heads=tuple(sorted(h.start for h in hits.get("toll_head", ()))),
        toll_verbs=frozenset(h.start for h in hits.get("toll_verb", ())),
    )


_TOLL_REACH = 12  # words from "عدد القتلى" to the figure it rises to


def _toll_counted(start: int, at: _NumberHits, tokens: tuple[str, ...]) -> str | None:
    """"عدد ضحايا الفيضانات … ارتفع إلى 16", "ارتفاع حصيلة القتلى إلى 58": the figure after "إلى" (or right
    after the verb) counts what the toll names, the first counted word after "عدد"/"حصيلة"."""
    if not (start and (tokens[start - 1] == "الي" or start - 1 in at.toll_verbs)):
        return None
    head = next((h for h in reversed(at.toll_heads) if start - _TOLL_REACH <= h < start), None)
    if head is None or not any(head - 1 <= v < start for v in at.toll_verbs):
        return None
    for k in range(head + 1, min(head + 4, start)):
        hit = at.counted_at.get(k) or at.objects_at.get(k)
        if hit is not None:
            return hit.key.rstrip("<")
    return None


def _add_dual(out: list[tuple[float, str]], reading: _Reading, i: int, vocab: Vocabulary) -> None:
    """A dual noun counts two of it; a dual adjective after it makes the thing more precise."""
    words = reading.text.words
    word = words[i]
    previous = out[-1] if out and out[-1][0] == 2.0 and i > reading.lo and words[i - 1].dual else None
    if previous and word.dual in vocab.objects and previous[1] in vocab.objects[word.dual].lineage:
        out[-1] = (2.0, word.dual)  # "طائرتين مسيرتين": the adjective makes it more precise
    elif not previous:
        out.append((2.0, word.dual))


def _number_at(reading: _Reading, i: int, at: _NumberHits, vocab: Vocabulary) -> tuple[float, bool, int] | None:
    """(value, estimate, end) of the number written at word ``i`` (digits or words, times a multiplier)."""
    word = reading.text.words[i]
    end = i + 1
    if word.digits:
        value, approx = float(word.digits.replace(",", ".")), False
        if len(word.digits) == 4 and 1900 <= value <= 2100 and end not in at.counted_at:
            return None  # a year
    elif i in at.words_at and i not in at.multiplier_at:
        value, approx = vocab.numbers[at.words_at[i].key]
        end = at.words_at[i].end
    else:
        return None
    if end in at.multiplier_at:
        value *= vocab.multipliers[at.multiplier_at[end].key]
        end = at.multiplier_at[end].end
    return value, approx, end


def _numbers(reading: _Reading, vocab: Vocabulary) -> tuple[tuple[float, str], ...]:
    """(value, what was counted): "~" marks an estimate or a magnitude (عشرات), "≥" a lower bound (أكثر من)."""
    hits = reading.hits
    words = reading.text.words
    if "number" not in hits and not any(reading.lo <= i < reading.hi for i in reading.text.numeric):
        return ()
    at = _number_hits(hits)
    out: list[tuple[float, str]] = []
    i = reading.lo
    while i < reading.hi:
        number = _number_at(reading, i, at, vocab)
        if number is None:
            if words[i].dual and not words[i].digits:
                _add_dual(out, reading, i, vocab)
            i += 1
            continue
        start = i
        value, approx, i = number
        what = _counted(start, i, at.counted_at, at.objects_at, at.measures, reading.text.tokens) \
            or _toll_counted(start, at, reading.text.tokens)
        if what is None:
            continue
        qualifier = at.qualifier_end.get(start)
        prefix = "~" if approx or qualifier == "about" else "≥" if qualifier == "atleast" else ""
        out.append((value, prefix + what))
    return tuple(out)


def _counted(start: int, end: int, counted_at: dict, objects_at: dict, measures: set,
             tokens: tuple[str, ...]) -> str | None:
    """What the number at ``start:end`` counts, or None for a measure ("48 ساعة") or nothing nameable."""
    if end in measures:
        return None
    for k in range(start - 1, max(start - 3, -1), -1):  # "مقتل أربعة", "إصابة عشرين"
        hit = counted_at.get(k)
        if hit and hit.key.endswith("<"):
            # Who: "قتلت ثلاثة مدنيين" and "قتلت عشرة مسلحين" are two tolls, not one disputed toll.
            after = counted_at.get(end)
            if after and not after.key.endswith("<"):
                return f"{hit.key[:-1]}:{after.key}"
            return hit.key[:-1]
    # The counted word follows the number, or follows "من": "9 طلعات", "ثلاث منظومات", "أربعة من الجنود".
    for k in (end, end + 1) if end < len(tokens) and tokens[end] == "من" else (end,):
        if k in counted_at:
            return counted_at[k].key.rstrip("<")
        if k in objects_at:
            return objects_at[k].key
    return None


@lru_cache(maxsize=4096)
def _denial_cue(lemma: str, cue: str) -> bool:
    cues = vocabulary().denial_cues
    lemma, cue = normalize(lemma), normalize(cue)
    return lemma in cues or cue in cues or cue[1:] in cues  # "ونفى", "فنفت"


def _polarity(claim: Claim, reading: _Reading, vocab: Vocabulary) -> int:
    if _denial_cue(claim.cue_lemma or "", claim.cue_text or ""):
        return -1
    if reading.hits.get("dismissal"):
        return -1  # "تكهنات", "مزاعم": a dismissal denies without negating
    negations = [h.start for h in reading.hits.get("negation", ())]
    action = reading.action
    if claim.negated:
        if action and negations:
            complementizers = [h.start for h in reading.hits.get("complementizer", ())]
            # "من غير المعقول أن تحجب الأسلحة": the negation is about the judgement, the withholding stands.
            if all(n < action.start and any(n < c < action.start for c in complementizers) for n in negations):
                return 1
        return -1
    if action and any(action.start - 2 <= n < action.start for n in negations):
        return -1  # "لم تسقط", "لم يتم تدمير"
    return 1


# --- Frames ------------------------------------------------------------------------------------------


def _previous_sentence(article: Article, start: int) -> str | None:
    text = article.text
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end <= 0:
        return None
    lo = max(0, end - PREVIOUS_SENTENCE_CHARS)
    cut = max(text.rfind(mark, lo, end - 1) for mark in (".", "؟", "!", "\n"))
    begin = cut + 1 if cut >= 0 else lo
    story = article.story_at(start)
    if story and begin < story.start:
        begin = story.start
    return text[begin:end] if end - begin > 10 else None


def _fill(reading: _Reading, other: _Reading, *, action: bool) -> None:
    """Take the parts ``reading`` lacks from ``other`` (the rest of its sentence, or the sentence before)."""
    if action and reading.action is None and other.action is not None:
        reading.action = other.action
        reading.agent = reading.agent or other.agent
        reading.target = reading.target or other.target
    reading.object = reading.object or other.object
    reading.place = reading.place or other.place
    if action and reading.agent is None:
        reading.agent = other.agent


def story_date(article: Article | None, claim: Claim):
    """The date of the claim's story: what relative references resolve against."""
    if claim.time and claim.time.anchor:
        return claim.time.anchor
    if article is None:
        return None
    if 0 <= claim.story < len(article.stories) and article.stories[claim.story].published:
        return article.stories[claim.story].published
    return article.published


def _content_range(text: _Text, claim: Claim, sentence: str) -> tuple[int, int] | None:
    """The words of the sentence that are the claim's content, if the content lies inside it."""
    if claim.content is not None:
        lo_char = claim.content.start - claim.sentence.start
        hi_char = claim.content.end - claim.sentence.start
        if 0 <= lo_char < hi_char <= len(sentence) and sentence[lo_char:hi_char] == claim.content_text:
            lo = text.raw.count_before(lo_char)
            if lo_char and WORD_RE.match(sentence, lo_char - 1):
                lo -= 1  # the content starts inside a word: "بمقتل أربعة" for the content "مقتل أربعة"
            hi = text.raw.count_before(hi_char)
            return (lo, hi) if hi > lo else None
    wanted = _tokens(claim.content_text or "")
    if not wanted:
        return None
    first, rest, tokens = wanted[0], wanted[1:], text.tokens
    k = len(wanted)
    for i in range(len(tokens) - k + 1):
        if tokens[i].endswith(first) and list(tokens[i + 1 : i + k]) == rest:
            return i, i + k
    return None


def _from_sentence(own: _Reading, sentence: _Text, sentence_text: str, claim: Claim, span, vocab: Vocabulary) -> _Reading:
    """The reading of the event: the content's own, completed from the rest of its sentence."""
    main = own
    if own.size < SHORT_CONTENT:
        main = _read(sentence, claim.side)  # "الهدنة", "حوار صريح": the sentence says what it is about
    elif own.action and (own.object is None or own.place is None):
        # The rest of the sentence completes an event the content reports ("مؤكدا أن التأخير يرجع إلى…"
        # after "نفى … تأخير شحنات الأسلحة"); content that reports no event takes nothing from it.
        _fill(main, _read(sentence, claim.side), action=False)
    if main.action is None and span and claim.cue.start >= claim.sentence.start:
        # The report is the act: "حمّلت قسد الجيش مسؤولية الاشتباكات" blames, whatever the content holds.
        cue_at = sentence.raw.count_before(claim.cue.start - claim.sentence.start)
        whole = _read(sentence, claim.side)
        if whole.action is not None and whole.action.start == cue_at and vocab.actions[whole.action.key].by_report:
            _fill(main, whole, action=True)
    return main


def _from_previous_sentence(main: _Reading, article: Article, sentence: _Text, claim: Claim, outlet: str | None,
                            memo: dict | None) -> None:
    """"هذه الخطوة", "تلك العقبات", "هذه المعلومات": what the sentence before says fills what is missing."""
    if sentence.hits.get("anaphora"):
        previous = _previous_sentence(article, claim.sentence.start)
        if previous:
            _fill(main, _read(_analysed(previous, outlet, memo), claim.side), action=True)


def frame_claim(article: Article | None, claim: Claim, memo: dict | None = None) -> Frame:
    """The event ``claim`` reports: action, object, place, when, counts, who acted, against whom, polarity.

    ``memo``: a dict kept while framing the claims of one article, so that each sentence is
    analysed once.
    """
    vocab = vocabulary()
    outlet = claim.outlet or (article.outlet if article else None)
    sentence, sentence_text = None, ""
    if article is not None and claim.sentence.end > claim.sentence.start:
        sentence_text = article.text[claim.sentence.start : claim.sentence.end]
        sentence = _analysed(sentence_text, outlet, memo)
    span = _content_range(sentence, claim, sentence_text) if sentence else None
    if span and sentence:
        own = _read(sentence, claim.side, *span)
    else:
        own = _read(_analysed(claim.content_text or "", outlet, memo), claim.side)
    main = _from_sentence(own, sentence, sentence_text, claim, span, vocab) if sentence is not None else own
    if article is not None and sentence is not None and (main.action is None or main.object is None or main.place is None):
        _from_previous_sentence(main, article, sentence, claim, outlet, memo)
    when = claim.time.resolved if claim.time and claim.time.resolved else story_date(article, claim)
    return Frame(
        action=main.action.key if main.action else None,
        object=main.object,
        place=main.place,
        when=when,
        numbers=_numbers(own, vocab),
        agent_side=main.agent,
        target_side=main.target,
        polarity=_polarity(claim, own, vocab),
    )


# --- For conflict detection ---------------------------------------------------------------------------


@lru_cache(maxsize=1 << 14)
def sides_named(text: str, outlet: str | None = None) -> frozenset[str]:
    """Every side a text names, parties and nationalities alike (whom an accusation implicates)."""
    return frozenset(h.key for h in _analyse(text, outlet).hits.get("side", ()))


@lru_cache(maxsize=1 << 14)
def framing_of(text: str) -> str | None:
    """How a text presents its event (a key of the framings in events.toml), or None."""
    found = _analyse(text, None).hits.get("framing", ())
    return found[0].key if found else None


@lru_cache(maxsize=1 << 14)
def words_of(text: str) -> frozenset[str]:
    """The normalised words of a text with their clitics removed (for finding a name in it)."""
    return frozenset(form for token in _tokens(text) for form in _forms(token))

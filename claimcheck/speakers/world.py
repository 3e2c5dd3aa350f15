"""States as speakers: a side by composition, not by listing every spokesman.

A state speaks through an institution named with its country — "وزارة الدفاع الأرمينية",
"سلاح الجو الأذربيجاني", "حكومة الصومال", "مسؤولون أمريكيون" — or through its name, capital
or seat alone: "أعلنت باكو", "قالت أديس أبابا", "البنتاغون". The countries, their Arabic and
English names come from CLDR through Babel; data/world.toml adds the side labels of
gold-conventions §5, press forms, capitals and seats, and nationality adjectives (nisba) that
the regular rule gets wrong. Media, witnesses and bystanders named with a country
("وكالة الأنباء الأذربيجانية", "سكان في مقديشو") get no side.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from babel import Locale

from ..analysis.text import WORD_RE, normalize_word
from ..knowledge import loader as knowledge

Pattern = tuple[str, ...]


@dataclass(frozen=True)
class SideChange:
    side: str
    start: dt.date
    becomes: str


@dataclass(frozen=True)
class World:
    names: dict[str, list[tuple[Pattern, str]]]  # country names, press forms, seats by first word → label
    nisba: dict[str, str]  # stem of a nationality adjective → label
    nisba_after: dict[str, frozenset[str]]  # stems that count only right after one of these words
    heads: dict[str, list[tuple[Pattern, str]]]  # institution words by first word
    neutral: dict[str, list[tuple[Pattern, str]]]  # media, witness and bystander heads by first word
    changes: tuple[SideChange, ...]
    places: dict[str, list[tuple[Pattern, str]]]  # gazetteer towns and regions (places.toml) by first word → Arabic name
    context: dict[str, list[tuple[Pattern, str]]]  # institutions that take their state from the story
    adjectives: dict[str, str]  # side label → its masculine nationality adjective as written ("Russia" → "روسي")
    titles: frozenset[str]  # titles before a name (cues.toml), normalised: a nationality after one is a first name
    compound: dict[tuple[str, str], str] = field(default_factory=dict)  # ("كور", "شمال") → North Korea
    towns: dict[str, list[tuple[Pattern, str]]] = field(default_factory=dict)  # gazetteer towns → their state's label
    units: frozenset[str] = frozenset()  # administrative units ("محافظة"): the one name after one is a place
    not_names: frozenset[str] = frozenset()  # particles that are no place's name after a unit


_NISBA_ENDINGS = ("يون", "يين", "يان", "يتين", "يتان", "يات", "يه", "ي")
_CLITICS = ("و", "ف", "ب", "ل", "وب", "ول", "لل", "وال", "بال", "فال", "ال")


def words_of(text: str) -> tuple[str, ...]:
    return tuple(map(normalize_word, WORD_RE.findall(text)))


def nisba_stem(word: str) -> str:
    """"الإثيوبية", "إثيوبيون", "والإثيوبي" → "اثيوب" (normalised): one key for every form."""
    for prefix in ("وال", "بال", "لل", "ال", "و"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            word = word[len(prefix) :]
            break
    for ending in _NISBA_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return ""


def regular_nisba(name: str) -> str:
    """The masculine nationality adjective CLDR's Arabic name gives by rule: إثيوبيا → إثيوبي."""
    word = normalize_word(name).removeprefix("ال")
    if word.endswith("يا") or word.endswith("يه"):
        return word[:-1]
    if word.endswith(("ا", "ه")):
        return word[:-1] + "ي"
    if word.endswith("ي"):
        return word
    return word + "ي"


def written_nisba(name: str) -> str:
    """``regular_nisba`` with the name's own spelling kept (hamza and all): "إثيوبيا" → "إثيوبي"."""
    word = name.removeprefix("ال")
    if word.endswith("يا"):
        return word[:-1]
    if word.endswith(("ا", "ة", "ه")):
        return word[:-1] + "ي"
    return word if word.endswith("ي") else word + "ي"


def _adjectives(labels: dict[str, str], entries: list[dict]) -> dict[str, str]:
    """Side label → masculine nationality adjective: world.toml's first nisba, else CLDR's name by rule."""
    out = {}
    for code, name in Locale("ar").territories.items():
        words = name.split()
        if code not in labels or "(" in name:
            continue
        if len(words) == 1:
            out[labels[code]] = written_nisba(name)
        elif len(code) == 2 and len(words) == 2 and words[1].startswith("ال") and words[1].endswith("ية"):
            # "كوريا الشمالية" → "كوري شمالي": the name's nisba, then its adjective made masculine
            out[labels[code]] = f"{written_nisba(words[0])} {words[1][2:-1]}"
    out.update({labels[e["code"]]: e["nisba"][0] for e in entries if e.get("nisba") and e["code"] in labels})
    return out


def nationality_adjective(label: str, feminine: bool) -> str | None:
    """The definite nationality adjective of a state's side label: ("Russia", True) → "الروسية",
    ("North Korea", False) → "الكوري الشمالي"."""
    base = world().adjectives.get(label)
    return None if base is None else " ".join("ال" + word + ("ة" if feminine else "") for word in base.split())


def _forms(word: str) -> tuple[str, ...]:
    """The word and the word without a leading clitic ("وباكو", "لأنقرة", "الجيش")."""
    forms = [word]
    for prefix in _CLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            forms.append(word[len(prefix) :])
    return tuple(forms)


def _index(patterns: Sequence[tuple[Pattern, str]]) -> dict[str, list[tuple[Pattern, str]]]:
    out: dict[str, list[tuple[Pattern, str]]] = {}
    for pattern, value in sorted(patterns, key=lambda p: -len(p[0])):
        if pattern:
            out.setdefault(pattern[0], []).append((pattern, value))
    return out


def _cldr_countries(labels: dict[str, str], excluded: set[str]) \
        -> tuple[list[tuple[Pattern, str]], dict[str, str], dict[tuple[str, str], str]]:
    """CLDR's Arabic country names, the regular nisba of each one-word name and the two-word nisba of each
    two-word name ("كوريا الشمالية" → "الكوري الشمالي"), by label.

    A nisba two countries share ("الكونغو") names neither.
    """
    names: list[tuple[Pattern, str]] = []
    nisba: dict[str, str] = {}
    compound: dict[tuple[str, str], str] = {}
    ambiguous: set[str] = set()
    for code, name in Locale("ar").territories.items():
        if not (len(code) == 2 and code.isalpha()) or code in excluded or code not in labels:
            continue
        if "(" in name or " - " in name:
            continue  # "ميانمار (بورما)", "الكونغو - كينشاسا": the press forms in world.toml stand for them
        names.append((words_of(name), labels[code]))
        if len(name.split()) == 2 and nisba_stem(words_of(name)[1]):
            # "كوريا الشمالية" → "الكوري الشمالي", "الكورية الجنوبية": the name's nisba, then its adjective
            first, second = words_of(name)
            compound[(nisba_stem(regular_nisba(first)), nisba_stem(second))] = labels[code]
        if " " not in name:
            for stem in _nisba_stems(name):
                if stem in nisba and nisba[stem] != labels[code]:
                    ambiguous.add(stem)
                nisba[stem] = labels[code]
    for stem in ambiguous:
        del nisba[stem]
    return names, nisba, compound


def _nisba_stems(name: str) -> list[str]:
    """Nisba keys of a one-word country name: the regular one, and for "-ستان" the people's own
    ("طاجيكستان" → طاجيكي as well as طاجيكستاني; a stem of three letters, "باك", is no people's)."""
    stems = [nisba_stem(regular_nisba(name))]
    word = normalize_word(name)
    if word.endswith("ستان") and len(word) - 4 >= 4:
        stems.append(nisba_stem(word[:-4] + "ي"))
    return stems


def _capitals(entries: list[dict], labels: dict[str, str], excluded: set[str],
              names: list[tuple[Pattern, str]]) -> None:
    """Add each state's capital (the gazetteer's) to ``names`` as its seat of government, where world.toml
    names no seat by hand and no other state or capital goes by the same name ("عمان": Oman, and Amman)."""
    by_hand = {e["code"] for e in entries if e.get("seats")}
    taken: dict[Pattern, set[str]] = {}
    for pattern, label in names:
        taken.setdefault(pattern, set()).add(label)
    seats: dict[Pattern, set[str]] = {}
    for town in knowledge.gazetteer():
        if town.capital and town.country in labels and town.country not in excluded | by_hand:
            for name in town.arabic:
                seats.setdefault(words_of(name), set()).add(labels[town.country])
    for pattern, owners in seats.items():
        if len(owners | taken.get(pattern, set())) == 1:
            names.append((pattern, next(iter(owners))))


_G_SWAP = str.maketrans({"غ": "ج", "ج": "غ"})


def _g_spellings(names: list[tuple[Pattern, str]]) -> list[tuple[Pattern, str]]:
    """The other spelling of a foreign "g" in each name: Egyptian outlets write ج where others write غ
    ("جويانا"، "بيونج يانج"، "جروزني" for غويانا، بيونغ يانغ، غروزني), and the reverse. A spelling that
    names another place already is left out."""
    taken = {pattern for pattern, _ in names}
    out = []
    for pattern, label in names:
        other = tuple(word.translate(_G_SWAP) for word in pattern)
        if other != pattern and other not in taken:
            out.append((other, label))
    return out


def _press_forms(entries: list[dict], labels: dict[str, str], excluded: set[str], names: list[tuple[Pattern, str]],
                 nisba: dict[str, str]) -> dict[str, frozenset[str]]:
    """Add world.toml's press forms, seats and nisbas to ``names`` and ``nisba``; the words a nisba must follow."""
    after: dict[str, frozenset[str]] = {}
    for entry in entries:
        code = entry["code"]
        if code in excluded:
            continue
        label = labels[code]
        for form in (*entry.get("press", []), *entry.get("seats", [])):
            names.append((words_of(form), label))
        for people in entry.get("plurals", []):
            nisba[_plural_key(people)] = label
        for adjective in entry.get("nisba", []):
            stem = nisba_stem(normalize_word(adjective))
            nisba[stem] = label
            if "nisba_after" in entry:
                after[stem] = frozenset(map(normalize_word, entry["nisba_after"]))
    return after


@lru_cache(maxsize=1)
def world() -> World:
    data = knowledge.load("world")
    english = Locale("en").territories
    excluded = {entry["code"] for entry in data.get("no_state_side", [])}
    labels = {code: data.get("labels", {}).get(code, name) for code, name in english.items()}
    names, nisba, compound = _cldr_countries(labels, excluded)
    after = _press_forms(data.get("country", []), labels, excluded, names, nisba)
    _capitals(data.get("country", []), labels, excluded, names)
    names += _g_spellings(names)
    nisba.update({stem.translate(_G_SWAP): label for stem, label in list(nisba.items())
                  if stem.translate(_G_SWAP) not in nisba})  # "الجوياني" as "الغوياني"
    changes = tuple(SideChange(c["side"], c["from"], c["becomes"]) for c in data.get("side_change", []))
    heads = _index([(words_of(h), "") for h in data["institution_heads"]])
    neutral = _index([(words_of(h), "") for h in data["neutral_heads"]])
    places = _index([(words_of(n.rstrip("*")), p.get("ar", "")) for p in knowledge.load("places").get("place", [])
                     for n in p.get("names", [])])
    alone = {words_of(h) for h in data.get("context_heads_named_alone", [])}
    context = _index([(words_of(h), _NAMED_ALONE if words_of(h) in alone else "") for h in data.get("context_heads", [])])
    adjectives = _adjectives(labels, [e for e in data.get("country", []) if e["code"] not in excluded])
    titles = frozenset(normalize_word(t) for t in knowledge.load("cues")["titles"])
    units = frozenset(normalize_word(n) for n in knowledge.load("places").get("unit_nouns", []))
    not_names = frozenset(normalize_word(w) for w in knowledge.load("grammar")["not_in_names"])
    return World(_index(names), nisba, after, heads, neutral, changes, places, context, adjectives, titles, compound,
                 _towns(excluded), units, not_names)


def _match_at(words: Sequence[str], at: int, pattern: Pattern) -> bool:
    if at + len(pattern) > len(words):
        return False
    return all(p in _forms(words[at + k]) for k, p in enumerate(pattern))


def _pattern_hit(words: Sequence[str], at: int, by_first: dict[str, list]) -> tuple[int, str]:
    """(length, label) of the longest pattern of ``by_first`` starting at ``at`` ((0, "") when none)."""
    for form in _forms(words[at]):
        for pattern, label in by_first.get(form, ()):
            if _match_at(words, at, pattern):
                return len(pattern), label
    return 0, ""


def _pattern_at(words: Sequence[str], at: int, by_first: dict[str, list]) -> int:
    """Length of the longest pattern of ``by_first`` starting at ``at`` (0 when none)."""
    return _pattern_hit(words, at, by_first)[0]


def _name_at(words: Sequence[str], at: int, w: World) -> tuple[str, int] | None:
    for form in _forms(words[at]):
        for pattern, label in w.names.get(form, ()):
            if _match_at(words, at, pattern):
                return label, len(pattern)
    return None


def _plural_key(word: str) -> str:
    """"هنود", "الهنود", "والأتراك" → one key for a people's broken plural, apart from the nisba stems."""
    word = normalize_word(word)
    for prefix in ("وال", "بال", "لل", "ال", "و"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return "=" + word[len(prefix) :]
    return "=" + word


def _nisba_at(words: Sequence[str], at: int, w: World) -> str | None:
    stem = nisba_stem(words[at])
    label = w.nisba.get(stem) or w.nisba.get(_plural_key(words[at]))
    if label is None and at + 1 < len(words):
        label = w.compound.get((stem, nisba_stem(words[at + 1])))  # "الكورية الجنوبية"
    if label is None:
        return None
    allowed = w.nisba_after.get(stem)
    if allowed is not None and not (at > 0 and words[at - 1] in allowed):
        return None  # "المالية" is finance unless the army or the government stands right before it
    return label


def compound_nisba_at(words: Sequence[str], at: int) -> bool:
    """Words ``at`` and ``at + 1`` are one two-word nationality adjective ("الكورية الجنوبية")."""
    return at + 1 < len(words) and (nisba_stem(words[at]), nisba_stem(words[at + 1])) in world().compound


def first_name_at(words: Sequence[str], at: int) -> bool:
    """"العقيد «تركي المالكي»", "تركي آل الشيخ", "وزير الخارجية الهندي فيكرام مصري": a nationality adjective
    that is part of a person's name — a first name right after a title or before the family particle آل, or
    a family name after a given name that follows a role's adjective (normalised words)."""
    if words[at].startswith("ال"):
        return False
    if at + 1 < len(words) and words[at + 1] == "ال":
        return True
    w = world()
    if at > 0 and words[at - 1] in w.titles:
        return True
    return at >= 2 and not words[at - 1].startswith("ال") and _nisba_at(words, at - 1, w) is None \
        and words[at - 2].startswith("ال") and _nisba_at(words, at - 2, w) is not None


def nisba_label_at(words: Sequence[str], at: int) -> str | None:
    """The state whose nationality adjective is word ``at`` ("الصومالي" → Somalia), or None."""
    return _nisba_at(words, at, world()) if at < len(words) else None


@lru_cache(maxsize=20_000)
def state_side(mention: str) -> str | None:
    """The state a mention speaks for, or None.

    "وزارة الدفاع الأرمينية" → Armenia; "أديس أبابا" → Ethiopia; "وكالة الأنباء الأذربيجانية" → None.
    """
    w = world()
    words = words_of(mention)
    if not words or _pattern_at(words, 0, w.neutral):
        return None
    first: tuple[int, str, int] | None = None  # (position, label, length)
    for at in range(len(words)):
        named = _name_at(words, at, w)
        if named:
            first = (at, named[0], named[1])
            break
        label = _nisba_at(words, at, w) if not first_name_at(words, at) else None
        if label:
            first = (at, label, 1)
            break
    if first is None:
        return None
    at, label, length = first
    if at == 0 and length == len(words):
        return label  # the state named alone: "أذربيجان", "باكو", "البنتاغون"
    joined = at + length
    if at == 0 and joined < len(words) and words[joined][:1] == "و" and words[joined] not in ("والتي", "والذي"):
        return None  # "ألمانيا والدنمارك والنرويج وبولندا": a group joined with و speaks for no single state (§5)
    if any(_pattern_at(words, k, w.heads) for k in range(at)):
        return label  # an institution or official of that state
    if at == 0 and _name_at(words, 0, w):
        return label  # "واشنطن على لسان مندوبتها", "البيت الأبيض في بيان"
    return None


@lru_cache(maxsize=1)
def country_labels() -> dict[str, tuple[str, str]]:
    """Two-letter code → (side label, Arabic name): "SY" → ("Syria", "سوريا"), "US" → ("US", "الولايات المتحدة")."""
    labels = knowledge.load("world").get("labels", {})
    arabic = Locale("ar").territories
    return {code: (labels.get(code, name), arabic.get(code, name))
            for code, name in Locale("en").territories.items() if len(code) == 2 and code.isalpha()}


_LOCAL_TOWN_POPULATION = 100_000  # smaller towns' names too often are common words


def _towns(excluded: set[str]) -> dict[str, list[tuple[Pattern, str]]]:
    """Towns of the gazetteer (names unique to one country) by first word → that country's side label."""
    labels = country_labels()
    owners: dict[Pattern, set[str]] = {}
    for town in knowledge.gazetteer():
        if town.population >= _LOCAL_TOWN_POPULATION and town.country in labels and town.country not in excluded:
            for name in town.arabic:
                owners.setdefault(words_of(name), set()).add(labels[town.country][0])
    return _index([(pattern, next(iter(sides))) for pattern, sides in owners.items() if len(sides) == 1])


def town_state(words: Sequence[str], at: int) -> str | None:
    """The side label of the state whose town is named at word ``at``, or right after an administrative
    unit there ("كورسك", "منطقة بيلغورود" → Russia)."""
    if at < len(words) and unit_noun(words[at]):
        at += 1
    if at >= len(words):
        return None
    length, label = _pattern_hit(words, at, world().towns)
    return label if length else None


def arabic_label(label: str) -> str:
    """The Arabic name of a state's side label, or the label itself: "Syria" → "سوريا"."""
    return next((ar for en, ar in country_labels().values() if en == label), label)


def state_name_length_at(words: Sequence[str], at: int) -> int:
    """Length of the state's name, capital or seat at word ``at`` (0 when none): "أذربيجان", "كينشاسا"."""
    named = _name_at(words, at, world())
    return named[1] if named else 0


def place_length_at(words: Sequence[str], at: int) -> int:
    """Length of the country, capital or gazetteer place named at word ``at`` (0 when none):
    "في غزة", "في إثيوبيا", "في قطاع غزة"."""
    w = world()
    named = _name_at(words, at, w)
    return max(named[1] if named else 0, _pattern_at(words, at, w.places), _unit_at(words, at))


def unit_noun(norm: str) -> bool:
    """Whether a normalised word is an administrative unit ("محافظة", "مقاطعة")."""
    return norm in world().units


def _unit_at(words: Sequence[str], at: int) -> int:
    """"محافظة الحديدة", "إقليم البنجاب": an administrative unit and the one proper name after it, known or not."""
    if not unit_noun(words[at]) or at + 1 >= len(words):
        return 0
    after = words[at + 1]
    if len(after) <= 2 or after in world().not_names or after.startswith(("بال", "لل")):
        return 0
    if after.endswith(("ي", "يه")) and not (_name_at(words, at + 1, world()) or _pattern_at(words, at + 1, world().places)):
        return 0  # "منطقة حدودية": an adjective, not a name
    return 2


def place_name_at(words: Sequence[str], at: int) -> tuple[int, str]:
    """(length, canonical Arabic name) of the gazetteer place named at word ``at``: "قطاع غزة" → (2, "غزة")."""
    return _pattern_hit(words, at, world().places)


def states_named(words: Sequence[str]) -> list[tuple[int, str]]:
    """(position, side label) of every state the words name: by its name, capital, seat or nisba."""
    w = world()
    found = []
    for at in range(len(words)):
        named = _name_at(words, at, w)
        label = named[0] if named else _nisba_at(words, at, w)
        if label:
            found.append((at, label))
    return found


def context_institution(words: Sequence[str]) -> bool:
    """Whether the words name one of a state's institutions without saying which state:
    "الحكومة", "متحدث باسم وزارة الخارجية", "القائد العام للقوات المسلحة" (world.toml's context_heads)."""
    w = world()
    return any(_pattern_at(words, at, w.context) for at in range(min(len(words), 4)))


_NAMED_ALONE = "named alone"


def named_alone(words: Sequence[str]) -> bool:
    """Whether the words open with a state institution that keeps its bare name ("السلطات المحلية")."""
    return bool(words) and _pattern_hit(words, 0, world().context)[1] == _NAMED_ALONE


def institution_word(norm: str) -> bool:
    """Whether a normalised word alone names a state institution ("وزارة", "قوى", "قيادة")."""
    return any(pattern == (norm,) for pattern, _ in world().heads.get(norm, ()))


def side_on(side: str | None, day: dt.date | None) -> str | None:
    """A party's label at the article's date: the Taliban are Afghanistan's government from August 2021."""
    if side is None or day is None:
        return side
    for change in world().changes:
        if change.side == side and day >= change.start:
            side = change.becomes
    return side

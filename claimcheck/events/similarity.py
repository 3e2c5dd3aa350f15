"""Content keys: what a claim says, as keys that two claims can share.

Conflicts and corroboration compare claims on their content, not on a closed list of events: two
claims about one downed drone share the roots of their words (أسقط / إسقاط / سقوط → سقط), the named
things they mention (a place, a country, a weapon, a unit) and the numbers they give. Roots come from
NLTK's ISRI stemmer (no data to download); named things from the gazetteer (places.toml), from CLDR's
Arabic territory names (Babel's ``Locale('ar').territories``, the Unicode licence), from events.toml's
objects and from similarity.toml's units. Everything a word list decides is in similarity.toml.

The keys also carry the markers a conflict is read from: a response marker before the cue ("في
المقابل، نفى …"), a denial or dismissal word ("لا صحة", "دعاية"), and a back-reference ("نفى ذلك",
"هذه الأنباء") saying the claim's content is another claim's (the conflict step resolves it).
Keys are computed once per claim at ingest (``pipeline.date_and_frame``) and kept in its frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count

from ..analysis.text import WORD_RE, Words, normalize_word, words_in
from ..knowledge import loader as knowledge
from ..models import Claim
from ..speakers.world import country_labels, nisba_label_at

# A content with fewer roots than this ("ذلك", "الهدنة") is read together with its sentence.
SHORT_CONTENT = 4

RESPONSE, DENIAL, DISMISSAL, BACK_REFERENCE = "response", "denial", "dismissal", "back_reference"


@dataclass(frozen=True, slots=True)
class ContentKeys:
    stems: tuple[str, ...]  # roots of the content words, sorted
    entities: tuple[str, ...]  # "place:Misrata", "country:LY", "thing:drone", "unit:فاغنر", sorted
    markers: tuple[str, ...]  # response / denial / dismissal / back_reference


@lru_cache(maxsize=1 << 18)
def bare(token: str) -> str:
    """A word normalised, without the clitics و/ف, ب/ل/ك and ال: the form words are compared in."""
    w = normalize_word(token)
    if w[:1] in ("و", "ف") and (len(w) > 4 or len(w) == 4 and w[1:] in _short_words()):
        w = w[1:]  # "وزير" keeps its و, "ونفي" and "وذلك" lose it
    if w.startswith("لل") and len(w) > 4:
        return w[2:]
    if w[:3] in ("بال", "كال") and len(w) > 5:
        return w[3:]
    if w[:2] == "ال" and len(w) > 4:
        return w[2:]
    if w[:1] in ("ب", "ل") and len(w) > 5:
        return w[1:]  # "بمصراتة": only a long word sheds ب/ل, "بلدة" and "لواء" keep it
    return w


@lru_cache(maxsize=1)
def _short_words() -> frozenset[str]:
    """Three-letter words of similarity.toml ("نفي", "ذلك"): after و/ف they are the word with a clitic."""
    data = knowledge.load("similarity")
    words = [w for key in ("stopwords", "denial_words", "dismissal_words", "back_references") for w in data.get(key, [])]
    return frozenset(n for n in map(normalize_word, words) if len(n) == 3)


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(bare(t) for t in WORD_RE.findall(text))


@dataclass(frozen=True)
class _Lexicon:
    stop: frozenset[str]
    entities: dict[tuple[str, ...], tuple[str, ...]]  # a phrase → its keys (a place and the places it lies in)
    entity_firsts: frozenset[str]
    response: dict[str, tuple[tuple[str, ...], ...]]  # marker phrases by their first word
    denial: dict[str, tuple[tuple[str, ...], ...]]
    dismissal: dict[str, tuple[tuple[str, ...], ...]]
    back: dict[str, tuple[tuple[str, ...], ...]]
    codes: dict[str, str]  # a state's side label → its two-letter code, for its nationality adjective


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """CLDR's Arabic names of countries and territories (two-letter codes only, not regions)."""
    try:
        from babel import Locale
    except ImportError:  # Babel is a dependency; without it the gazetteer still names places
        return {}
    return {code: name for code, name in Locale("ar").territories.items() if code.isalpha() and len(code) == 2}


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    data = knowledge.load("similarity")
    events = knowledge.load("events")
    places = knowledge.load("places")
    entities: dict[tuple[str, ...], tuple[str, ...]] = {}

    def add(name: str, *keys: str) -> None:
        words = _phrase(name.rstrip("*"))
        if words:
            entities[words] = tuple(dict.fromkeys((*entities.get(words, ()), *keys)))

    parents = {p["key"]: p.get("parent") for p in places.get("place", [])}
    for place in places.get("place", []):
        # "الكلية الجوية بمصراتة" is also in Misrata: a claim naming the college meets one naming the city.
        # The country itself is left out: nearly every claim of a war is in it, and it would link them all.
        lineage = [place["key"]]
        while parents.get(lineage[-1]) and parents[lineage[-1]] not in lineage and parents.get(parents[lineage[-1]]):
            lineage.append(parents[lineage[-1]])
        for name in place.get("names", []):
            add(name, *(f"place:{k}" for k in lineage))
    for code, name in _countries().items():
        add(name, f"country:{code}")
    for thing in events.get("object", []):
        for word in thing.get("words", []):
            add(word, f"thing:{thing['key']}")
    for unit in data.get("units", []):
        add(unit, f"unit:{' '.join(_phrase(unit))}")
    def phrases(key: str) -> dict[str, tuple[tuple[str, ...], ...]]:
        by_first: dict[str, set] = {}
        for p in data.get(key, []):
            words = _phrase(p)
            if words:
                by_first.setdefault(words[0], set()).add(words)
        return {w: tuple(sorted(ps, key=len, reverse=True)) for w, ps in by_first.items()}

    return _Lexicon(
        # Denial and dismissal words are markers, not what a claim is about.
        stop=frozenset(bare(w) for key in ("stopwords", "denial_words", "dismissal_words")
                       for w in data.get(key, []) if " " not in w),
        entities=entities,
        entity_firsts=frozenset(words[0] for words in entities),
        response=phrases("response_markers"),
        denial=phrases("denial_words"),
        dismissal=phrases("dismissal_words"),
        back=phrases("back_references"),
        codes={label: code for code, (label, _arabic) in country_labels().items()},
    )


@lru_cache(maxsize=1 << 18)
def stem(token: str) -> str | None:
    """The root of a content word, or None for a function word, a number or a one-letter word."""
    b = bare(token)
    if len(b) < 3 or b in lexicon().stop or b.isdigit():
        return None
    root = normalize_word(_isri().stem(token))
    return root if len(root) >= 2 else b


@lru_cache(maxsize=1)
def _isri():
    from nltk.stem.isri import ISRIStemmer

    class Stemmer(ISRIStemmer):
        """NLTK's ISRI stemmer, root for root, with its per-word steps done by C-level string methods:
        NLTK runs its two normalisations through a guarded regex engine and its affix lists one by
        one in Python, which made new words cost more than everything else about a claim's keys."""

        def __init__(self) -> None:
            super().__init__()
            self.stop_words = frozenset(self.stop_words)
            self._vowels = str.maketrans(dict.fromkeys(map(chr, range(0x064B, 0x0653))))  # its [\u064B-\u0652]
            # Affixes of one list have one length, so any match strips the same letters as the first.
            self._affixes = {name: _same_length(getattr(self, name)) for name in ("p3", "p2", "p1", "s3", "s2", "s1")}

        def norm(self, word, num=3):
            if num in (1, 3):
                word = word.translate(self._vowels)
            if num in (2, 3) and word[:1] in ("\u0622", "\u0623", "\u0625"):
                word = "\u0627" + word[1:]
            return word

        def pre32(self, word):
            if len(word) >= 6 and word.startswith(self._affixes["p3"]):
                return word[3:]
            if len(word) >= 5 and word.startswith(self._affixes["p2"]):
                return word[2:]
            return word

        def suf32(self, word):
            if len(word) >= 6 and word.endswith(self._affixes["s3"]):
                return word[:-3]
            if len(word) >= 5 and word.endswith(self._affixes["s2"]):
                return word[:-2]
            return word

        def suf1(self, word):
            return word[:-1] if word.endswith(self._affixes["s1"]) else word

        def pre1(self, word):
            return word[1:] if word.startswith(self._affixes["p1"]) else word

    return Stemmer()


def _same_length(affixes: list[str]) -> tuple[str, ...]:
    if len({len(a) for a in affixes}) != 1:
        raise ValueError(f"ISRI affixes of several lengths in one list: {affixes}")
    return tuple(affixes)


def _find(words: list[str], phrases: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    if phrases.keys().isdisjoint(words):
        return False  # most texts hold no marker word at all: one C-level test says so
    for i, w in enumerate(words):
        for phrase in phrases.get(w, ()):
            if len(phrase) == 1 or tuple(words[i : i + len(phrase)]) == phrase:
                return True
    return False


def _read(tokens: list[str], words: list[str], lex: _Lexicon, stems: set[str], entities: set[str]) -> None:
    """Roots and named things of ``tokens`` (``words``: their ``bare`` forms); a word inside a named
    thing is not also a root ("مصراتة" is a place, and its ISRI root مصر would meet Egypt)."""
    done, n = 0, len(words)
    firsts = lex.entity_firsts
    # Only a word that begins a named thing needs a look at the words after it; the words between
    # such places are stemmed in one C-level pass.
    for i in compress(count(), map(firsts.__contains__, words)):
        if i < done:
            continue  # inside the named thing just read
        for size in (4, 3, 2, 1):
            key = lex.entities.get(tuple(words[i : i + size])) if i + size <= n else None
            if key:
                _roots(tokens[done:i], lex, stems, entities)
                entities.update(key)
                done = i + size
                break
    _roots(tokens[done:], lex, stems, entities)
    stems.discard(None)


_NISBA_ENDS = ("ي", "ية", "يه", "يون", "يين", "يان", "يتين")


def _roots(tokens: list[str], lex: _Lexicon, stems: set[str], entities: set[str]) -> None:
    """The roots of ``tokens``; a nationality adjective ("الباكستانية", "الإيرانيين") is the state it names, a
    named thing as its name is ("باكستان"), not a root ("بكس") that two outlets' wordings rarely share."""
    if not any(t.endswith(_NISBA_ENDS) for t in tokens):
        stems.update(map(stem, tokens))  # most stretches hold no adjective of a people: one C-level pass
        return
    for token in tokens:
        nation = nisba_label_at((normalize_word(token),), 0) if token.endswith(_NISBA_ENDS) else None
        if nation in lex.codes:
            entities.add(f"country:{lex.codes[nation]}")
        else:
            stems.add(stem(token))


def _bares(words: Words, memo: dict | None) -> list[str]:
    """The ``bare`` form of each word of a sentence, made once per sentence while ``memo`` lasts."""
    key = (bare, words.text)
    found = memo.get(key) if memo is not None else None
    if found is None:
        found = list(map(bare, words.tokens))
        if memo is not None:
            memo[key] = found
    return found


def _part(words: Words, bares: list[str], lo: int, hi: int | None = None) -> tuple[list[str], list[str]]:
    """The words of ``text[lo:hi]`` and their bare forms: the sentence's own, unless a word is cut there."""
    span = words.index(lo, hi)
    if span is None:
        tokens = words.within(lo, hi)
        return tokens, list(map(bare, tokens))
    return words.tokens[span[0] : span[1]], bares[span[0] : span[1]]


def content_keys(sentence_text: str, claim: Claim, sentence_start: int = 0, memo: dict | None = None) -> ContentKeys:
    """The keys of ``claim``, read from its content (and from its sentence when the content is short).

    ``sentence_text`` is the claim's sentence and ``sentence_start`` its offset in the article, so that
    the part before the cue (where response markers stand) can be told from the rest. ``memo``: a dict
    kept while reading the claims of one article, so that each sentence is split once.
    """
    lex = lexicon()
    stems: set[str] = set()
    entities: set[str] = set()
    words = words_in(sentence_text, memo)
    bares = _bares(words, memo)
    lo = claim.content.start - sentence_start if claim.content is not None else -1
    if 0 <= lo and sentence_text[lo : lo + len(claim.content_text)] == claim.content_text:
        content_tokens, content_words = _part(words, bares, lo, lo + len(claim.content_text))
    else:
        content_tokens = WORD_RE.findall(claim.content_text)
        content_words = list(map(bare, content_tokens))
    _read(content_tokens, content_words, lex, stems, entities)
    content_stems = len(stems)
    cue_at = max(0, claim.cue.start - sentence_start)
    after_cue, after_words = _part(words, bares, cue_at)
    denies = claim.negated or _find(after_words[:12], lex.denial)
    if len(stems) < SHORT_CONTENT or denies:
        # A short content ("ذلك", "الهدنة"), or a denial, whose content is often only the start of what
        # it denies ("صحة الأنباء التي وردت … بشأن استهداف حاجز"): the rest of the sentence says what.
        speaker = set(WORD_RE.findall(claim.speaker_text or ""))
        kept = [t for t in after_cue if t not in speaker]
        _read(kept, list(map(bare, kept)), lex, stems, entities)

    markers = []
    before = _part(words, bares, 0, cue_at)[1]
    if _find(before[:6], lex.response):
        markers.append(RESPONSE)
    if denies:
        markers.append(DENIAL)
    if _find(content_words or after_words, lex.dismissal):
        markers.append(DISMISSAL)
    if content_words and _find(content_words[:3], lex.back) or (denies and content_stems < SHORT_CONTENT):
        markers.append(BACK_REFERENCE)  # "نفى ذلك", "وهو ما نفاه الجيش": the content is another claim's
    return ContentKeys(tuple(sorted(stems)), tuple(sorted(entities)), tuple(markers))


def surface_words(text: str, wanted: set[str]) -> dict[str, str]:
    """The first word of ``text`` with each root in ``wanted`` (to show matched words in a reason)."""
    out: dict[str, str] = {}
    for token in WORD_RE.findall(text):
        s = stem(token)
        if s in wanted and s not in out:
            out[s] = token
    return out

"""Attribution: find reported speech in sentences and cut it into cue, speaker and content.

Arabic news reports speech in a handful of shapes (domain.md): a cue verb with its
subject and إن/أن ("وقال X، role، إن…"), a cue verb with a noun-phrase object ("أعلن X
قصف…"), a participle that continues the same speaker ("، مؤكدا أن…"), a source phrase
before or after the clause ("وبحسب X …", "…، وفق X"), relayed sources ("نقل X عن Y"),
nested reports ("قال X إن Y أكد أن…") and speech in relative clauses ("التي قال إنها").
This module finds those shapes on words with character offsets; ``resolve`` then turns
the speaker mention into a canonical actor.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress, count
from operator import attrgetter, itemgetter
from typing import NamedTuple

from ..analysis.text import WORD_RE, normalize, normalize_word
from ..knowledge import loader as knowledge
from ..models import Article, Attribution, Sentence, Span
from ..speakers.actors import alias_length_at
from ..speakers.world import (compound_nisba_at, institution_word, nisba_label_at, place_length_at, state_name_length_at,
                              unit_noun)
from . import dependency, grammar

OPEN_QUOTES = "«\"“'”"  # "”" opens a quotation too in some outlets' copy (”الليلة الماضية…”)
CLOSE_FOR = {"«": "»", '"': '"', "“": "”", "'": "'", "”": "”"}


@dataclass(frozen=True)
class CueEntry:
    lemma: str
    kind: str  # verb | participle | noun | source
    np_object: bool = False
    preps: tuple[str, ...] = ()
    denial: bool = False
    needs_complement: bool = False
    needs_speaker: bool = False
    relay: bool = False
    words: tuple[str, ...] = ()  # for multi-word source phrases (normalised)
    requires: tuple[str, ...] = ()  # one of these words must follow soon ("حمّل … المسؤولية")
    tells: bool = False  # the verb's object is the listener ("أبلغ X Y بأن…")
    before_verb: bool = False  # a source phrase that a reporting verb completes ("وفق ما" + "أفادت")
    becomes: str = ""  # the verb lends its subject to the noun it requires, read as this verb ("تبادل" → اتهم)


@dataclass(frozen=True)
class Lexicon:
    single: dict[str, CueEntry]
    phrases: dict[str, list[CueEntry]]  # source phrases by first word, longest first
    complementizers: frozenset[str]
    titles: frozenset[str]
    hedges: dict[str, list[tuple[str, ...]]]  # phrases by first word, as the ones below
    negations: frozenset[str]
    not_negations: dict[str, list[tuple[str, ...]]]
    denial_phrases: dict[str, list[tuple[str, ...]]]
    content_starters: frozenset[str]
    not_report_before: frozenset[str]
    heads: dict[str, CueEntry]  # verbal nouns that head a reported content ("إعلان X أن"), by form


def _norm_words(phrase: str) -> tuple[str, ...]:
    return tuple(normalize(w) for w in WORD_RE.findall(phrase))


def _by_first(phrases: list[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """Phrases indexed by their first word, so a lookup tries only the ones that can match."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            index.setdefault(phrase[0], []).append(phrase)
    return index


def _source_phrases(sources: list[dict]) -> list[CueEntry]:
    """Source phrases, longest first. "بحسب ما" / "وفق ما" (``before_verbs``) followed by any reporting verb
    of the lexicon, as written or with its object pronoun ("وفق ما أفادت", "بحسب ما أعلنه"), is one source
    phrase: ``find_cues`` checks the verb."""
    phrases = []
    for e in sources:
        for phrase in e["phrases"]:
            phrases.append(CueEntry(lemma=e["lemma"], kind="source", relay=bool(e.get("relay")), words=_norm_words(phrase)))
        for before in e.get("before_verbs", []):
            phrases.append(CueEntry(lemma=e["lemma"], kind="source", words=_norm_words(before), before_verb=True))
    phrases.sort(key=lambda c: -len(c.words) - c.before_verb)
    return phrases


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = knowledge.load("cues")
    single: dict[str, CueEntry] = {}
    for kind, group in (("verb", "verbs"), ("participle", "participles"), ("noun", "nouns")):
        for e in data.get(group, []):
            entry = CueEntry(
                lemma=e["lemma"], kind=kind, np_object=e.get("object") == "np",
                preps=tuple(normalize(p) for p in e.get("prep", [])), denial=bool(e.get("denial")),
                needs_complement=bool(e.get("needs_complement")), needs_speaker=bool(e.get("needs_speaker")),
                relay=bool(e.get("relay")), requires=tuple(normalize(w) for w in e.get("requires", [])),
                tells=bool(e.get("tells")), becomes=e.get("becomes", ""),
            )
            for form in e["forms"]:
                single.setdefault(normalize(form), entry)
    phrases = _source_phrases(data.get("sources", []))
    heads = {normalize(form): _noun_as_verb(single, e) for e in data.get("nouns", []) if e.get("heads_content")
             for form in e["forms"]}
    by_first: dict[str, list[CueEntry]] = {}
    for phrase in phrases:
        by_first.setdefault(phrase.words[0], []).append(phrase)
    return Lexicon(
        single=single,
        phrases=by_first,
        complementizers=frozenset(normalize(c) for c in data["complementizers"]),
        titles=frozenset(normalize(t) for t in data["titles"]),
        hedges=_by_first([_norm_words(h) for h in data.get("hedges", [])]),
        negations=frozenset(normalize(n) for n in data["negations"]),
        not_negations=_by_first([_norm_words(n) for n in data.get("not_negations", [])]),
        denial_phrases=_by_first([_norm_words(n) for n in data.get("denial_phrases", [])]),
        content_starters=frozenset(normalize(w) for w in data.get("content_starters", [])),
        not_report_before=frozenset(normalize(w) for w in data.get("not_report_before", [])),
        heads=heads,
    )


def _noun_as_verb(single: dict[str, CueEntry], noun: dict) -> CueEntry:
    """A verbal noun reads its subject and content as its verb does ("إعلان X استهداف…" as "أعلن X
    استهداف…"): the verb's entry, kept as a noun."""
    verb = single.get(normalize(noun["lemma"]))
    if verb is None or verb.kind != "verb":
        raise knowledge.KnowledgeError(f"cues.toml: noun {noun['lemma']!r} heads a content but no verb has that lemma")
    return replace(verb, kind="noun")


# --- words of a sentence --------------------------------------------------------------


@dataclass(slots=True)
class Word:
    text: str
    start: int
    end: int
    norm: str
    bare: str  # normalised, without a leading و/ف
    conj: bool  # had a leading و/ف
    gap_before: str  # the characters between the previous word and this one
    comma: bool = False  # a comma or semicolon in gap_before
    cue: tuple | None = None  # what ``_cue_candidates`` says of this word form, None for most words
    head: tuple | None = None  # (entry, possessed) for a verbal noun that may head a report (``_head_noun``)


_CUE = itemgetter(3)  # the cue candidates in a ``_word_info``
_HEAD = itemgetter(4)  # a verbal noun that may head a report
_WORD_CUE = attrgetter("cue")
# The sentence as gap, word, gap, word, …, gap: one C call instead of a match object per word.
_SPLIT_WORDS = re.compile(f"({WORD_RE.pattern})")


def sentence_words(text: str, start: int, end: int) -> list[Word]:
    parts = _SPLIT_WORDS.split(text[start:end])
    return _make_words(parts, list(map(_word_info, parts[1::2])), start)


def _make_words(parts: list[str], infos: list[tuple], start: int) -> list[Word]:
    """Words from the split sentence (gap, word, gap, …) and each word's ``_word_info``."""
    words: list[Word] = []
    append = words.append
    pos = start
    for gap, word, (norm, bare, conj, cue, head) in zip(parts[0::2], parts[1::2], infos):
        pos += len(gap)
        end = pos + len(word)
        append(Word(word, pos, end, norm, bare, conj, gap, gap != " " and not _COMMA_SET.isdisjoint(gap), cue, head))
        pos = end
    return words


@lru_cache(maxsize=200_000)
def _word_info(word: str) -> tuple[str, str, bool, tuple | None, tuple | None]:
    """Normalised form, form without و/ف, whether that و/ف is "and", the cue candidates and the verbal
    noun that may head a report.

    Cached per word form (news vocabulary repeats): most words are no cue at all.
    """
    norm = normalize(word)
    conj = len(norm) > 2 and norm[0] in "وف" and norm not in _ROOT_WAW  # "وزارة" is no "and"
    bare = norm[1:] if conj else norm
    cue = _cue_candidates(norm, word.endswith("ة"))
    phrases, entry, _suffix, whole = cue
    if whole and conj:
        conj, bare = False, norm  # the و/ف is the verb's own letter ("وصف", "فشل"), not "and"
    return norm, bare, conj, cue if phrases or entry is not None else None, _head_noun(norm)


_POSSESSIVES = ("هما", "هم", "ها", "ه")


def _head_noun(norm: str) -> tuple[CueEntry, bool] | None:
    """(entry, possessed) for a verbal noun in construct: "إعلان", "وبإعلان", "اتهامه" (its pronoun is
    the speaker). The definite noun ("الإعلان عن") heads no report."""
    heads = lexicon().heads
    form = norm[1:] if norm[:1] in "وف" and len(norm) > 4 else norm
    for candidate in (form, form[1:] if form[:1] in "بل" else None):
        if not candidate:
            continue
        if candidate in heads:
            return heads[candidate], False
        if candidate.endswith(_POSSESSIVES):
            for suffix in _POSSESSIVES:
                if candidate.endswith(suffix) and candidate[: -len(suffix)] in heads:
                    return heads[candidate[: -len(suffix)]], True
    return None


class _Norms:
    """The normalised forms of a sentence's words, read in place (for the actor matcher)."""

    __slots__ = ("words",)

    def __init__(self, words: list[Word]):
        self.words = words

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, i: int) -> str:
        return self.words[i].norm


def _has(gap: str, chars: str) -> bool:
    return not _charset(chars).isdisjoint(gap)


@lru_cache(maxsize=16)
def _charset(chars: str) -> frozenset[str]:
    return frozenset(chars)


COMMA = "،,؛;"
_COMMA_SET = frozenset(COMMA)
_QUOTE_SET = frozenset("«»“”\"")
# Words that end a speaker mention: channels, time, manner (kept out of speaker and content).
_STOP_AFTER_SPEAKER = grammar.words("stop_after_speaker")
_CHANNEL_AFTER_IN = grammar.words("channel_after_in")
_DATIVE = grammar.words("dative")
_CONNECTORS = grammar.words("connectors")
_GLOSS_STARTS = _by_first(grammar.phrases("gloss_starts"))
_RELATIVES = grammar.words("relatives")
_ROOT_WAW = grammar.words("root_waw")
_CONSTRUCT_HEADS = grammar.words("construct_heads")
_DEMONSTRATIVES = grammar.words("demonstratives")
_BODY_MODIFIERS = grammar.words("body_modifiers")
_EVENT_OBJECTS = grammar.words("event_objects")
# Masdar (verbal-noun) templates of derived verbs: a likely start of a noun-phrase content.
_MASDAR = re.compile(r"^(?:ت..ي.|ا..ا.|است..ا.|ان..ا.|ا.ت.ا.|م.ا..ه|ت.ا..)$")


def _is_complementizer(word: Word, lex: Lexicon) -> bool:
    return word.norm in lex.complementizers or (word.conj and word.bare in lex.complementizers)


def _match_phrase(words: list[Word], i: int, phrase: tuple[str, ...]) -> bool:
    if i + len(phrase) > len(words):
        return False
    for k, p in enumerate(phrase):
        w = words[i + k]
        candidates = {w.norm, w.bare}
        if k == 0 and len(w.norm) > len(p) and w.norm.endswith(p) and w.norm[: len(w.norm) - len(p)] in ("و", "ف", "وف"):
            candidates.add(p)
        # "لـ" may be glued to the next word: "وفقا لمسؤولين" matches "وفقا ل".
        if p == "ل" and w.norm.startswith("ل"):
            return k == len(phrase) - 1 and k > 0
        if p not in candidates:
            return False
    return True


def _starts_phrase(words: list[Word], k: int, index: dict[str, list[tuple[str, ...]]]) -> bool:
    """Whether one of the indexed phrases starts at word ``k`` (matched as ``_match_phrase`` does)."""
    w = words[k]
    keys = {w.norm, w.bare}
    for prefix in ("و", "ف", "وف"):
        if w.norm.startswith(prefix):
            keys.add(w.norm[len(prefix) :])
    return any(_match_phrase(words, k, phrase) for key in keys for phrase in index.get(key, ()))


@dataclass
class CueHit:
    index: int  # first word
    last: int  # last word of the cue
    entry: CueEntry
    suffix_object: bool = False  # the verb carries an object pronoun ("اعتبره")
    possessed: bool = False  # a verbal noun with the speaker as its pronoun ("اتهامه")


_OBJ_SUFFIXES = ("هما", "هم", "ها", "ه")
_PASSIVE = re.compile("^[\u0621-\u064a]\u064f.*\u064e[\u0651]?[\u0621-\u064a]$|^[\u0621-\u064a]\u064f.*[\u0621-\u064a]\u0651?\u064e[\u0621-\u064a]$")


def _passive(word: str) -> bool:
    """A vowelled passive ("تُحمَّل", "قُتِل" is not a cue anyway): damma on the first letter and fatha
    before the last. Unvowelled text gives no sign, and is read as active."""
    bare = word.lstrip("وف")
    return "\u064f" in bare[:2] and bool(_PASSIVE.match(bare))


# How far the word a cue requires may stand: "وحمّل نائب وزير الخارجية محمد الحضرمي، في تصريح نشر عبر
# صفحة الوزارة على "تويتر"، دولة الإمارات مسؤولية…" names the speaker, an aside and the blamed first.
_REQUIRES_REACH = 20


def find_cues(words: list[Word], lex: Lexicon) -> list[CueHit]:
    hits: list[CueHit] = []
    reach = 0  # words before this belong to a source phrase already found
    for i in compress(count(), map(_WORD_CUE, words)):  # only the words that may be cues
        if i < reach:
            continue
        w = words[i]
        phrases, entry, suffix, _whole = w.cue
        phrase = next((p for p in phrases if _match_phrase(words, i, p.words) and _verb_completes(words, i, p)), None)
        if phrase:
            reach = i + len(phrase.words) + phrase.before_verb
            hits.append(CueHit(i, reach - 1, phrase))
            continue
        if entry is not None and entry.kind == "verb" and _passive(w.text):
            entry = None  # "تُحمَّل قوات حفتر المسؤولية": a passive has no speaker
        if entry is not None and (not entry.requires
                                  or any(x.norm in entry.requires for x in words[i + 1 : i + 1 + _REQUIRES_REACH])):
            hits.append(CueHit(i, i, entry, suffix))
    return hits


def _verb_completes(words: list[Word], i: int, phrase: CueEntry) -> bool:
    """For "وفق ما"-like phrases, whether a reporting verb follows ("وفق ما أفادت", "بحسب ما أعلنه")."""
    if not phrase.before_verb:
        return True
    j = i + len(phrase.words)
    cue = words[j].cue if j < len(words) else None
    return cue is not None and cue[1] is not None and cue[1].kind == "verb"


def _with_object_suffix(lex: Lexicon, norm: str, bare: str, conj: bool) -> tuple[CueEntry, bool] | None:
    """(cue, whole word) for a verb with an object pronoun: "نفاه" is "نفى" + "ه".

    The word is tried as it is too: the و of "وصفه" is the verb's own letter.
    """
    for form in dict.fromkeys((bare, norm)):
        if not form.endswith(_OBJ_SUFFIXES):
            continue  # most words: one C call instead of four
        for suf in _OBJ_SUFFIXES:
            stem = form[: -len(suf)] if form.endswith(suf) else None
            if stem and stem.endswith("ا") and stem[:-1] + "ي" in lex.single:
                stem = stem[:-1] + "ي"  # "نفاه" is "نفى" + "ه"
            if stem and len(stem) >= 3 and stem in lex.single and lex.single[stem].np_object:
                return lex.single[stem], form == norm and conj
    return None


def _cue_candidates(norm: str, ends_with_ta: bool) -> tuple[tuple[CueEntry, ...], CueEntry | None, bool, bool]:
    """Source phrases that may start at a word, and the single-word cue it is (with clitics
    and an object pronoun taken off). Called once per word form, through ``_word_info``."""
    lex = lexicon()
    conj = len(norm) > 2 and norm[0] in "وف"
    bare = norm[1:] if conj else norm
    phrases = list(lex.phrases.get(norm, ())) + (list(lex.phrases.get(bare, ())) if conj else [])
    if norm[:2] in ("وف", "فو"):
        phrases += lex.phrases.get(norm[2:], [])
    if len(phrases) > 1:
        phrases.sort(key=lambda c: -len(c.words))
    entry = lex.single.get(norm)
    whole = entry is not None
    if entry is None and conj:
        entry = lex.single.get(bare)
    suffix = False
    if entry is None and not ends_with_ta:  # "ة" folds to "ه" but is no pronoun
        found = _with_object_suffix(lex, norm, bare, conj)
        if found is not None:
            (entry, whole), suffix = found, True
    if entry is not None and entry.kind == "noun":
        entry = None
    return tuple(phrases), entry, suffix, whole and entry is not None


# --- the parts of one claim ------------------------------------------------------------


@dataclass
class Draft:
    hit: CueHit
    cue: Span
    speaker: Span | None  # the mention; for an implicit subject, an antecedent in the same sentence
    content: Span | None  # None: the verb names a speaker but carries no claim of its own
    role: str | None = None
    relayed_by: str | None = None
    addressee: str | None = None
    nested_in: int | None = None  # index of the outer draft
    implicit: bool = False


def _scan_quotes(text: str, start: int, end: int, depth: int = 0, straight: bool = False) -> tuple[int, bool]:
    """Quotation state after ``text[start:end]``: «…»/“…” nesting depth, and whether a "…" is open."""
    segment = text[start:end]
    if "«" not in segment and "»" not in segment and "“" not in segment and "”" not in segment and '"' not in segment:
        return depth, straight  # most stretches hold no quotation mark: skip the loop
    for ch in segment:
        if ch in "«“":
            depth += 1
        elif ch in "»”":
            depth = max(0, depth - 1)
        elif ch == '"':
            straight = not straight
    return depth, straight


def _quote_depth(text: str, start: int, end: int) -> int:
    depth, straight = _scan_quotes(text, start, end)
    return depth + (1 if straight else 0)


def _is_masdar_text(norm: str, lex: Lexicon) -> bool:
    bare = norm.removeprefix("ال")
    return norm in lex.content_starters or bare in lex.content_starters or bool(_MASDAR.match(bare))


def _is_masdar(word: Word, lex: Lexicon, definite_ok: bool) -> bool:
    """A verbal noun that can open a noun-phrase content ("سحب القوات", "الانضمام إلى")."""
    bare = word.bare if word.conj else word.norm
    if bare in lex.content_starters or word.norm in lex.content_starters:
        return True  # "فقدان" is a word of its own, not ف + "قدان"
    if bare.startswith("ال"):
        if not definite_ok:
            return False
        bare = bare[2:]
    for suffix in ("ها", "هم", "ه"):  # "انسحابها", "دعمه"
        if bare.endswith(suffix) and (_MASDAR.match(bare[: -len(suffix)]) or bare[: -len(suffix)] in lex.content_starters):
            return True
    return bool(_MASDAR.match(bare))


class _SpeakerSpan(NamedTuple):
    """A speaker mention being delimited: it starts at word ``s`` and cannot reach ``limit``."""

    words: list[Word]
    s: int
    limit: int
    entry: CueEntry
    lex: Lexicon
    outlet: str | None
    np_border: bool

    def next_norm(self, k: int) -> str:
        return self.words[k + 1].norm if k + 1 < self.limit else ""


def _comma_or_colon(m: _SpeakerSpan, k: int) -> bool:
    return _has(m.words[k].gap_before, COMMA + ":")


def _after_short_name(m: _SpeakerSpan, k: int) -> bool:
    """"قوات سوريا الديمقراطية (قسد) الاشتباكات": the bracketed short name ends it."""
    return k - m.s >= 2 and ")" in m.words[k].gap_before and "(" in m.words[k - 1].gap_before \
        and not _place_then_name(m, k)


def _clause_word(m: _SpeakerSpan, k: int) -> bool:
    """A complementizer, the cue's own preposition or a relative pronoun starts what follows."""
    w = m.words[k]
    return _is_complementizer(w, m.lex) or w.norm in m.entry.preps or w.norm in _RELATIVES - {"من", "ما"}


def _addressed_party(m: _SpeakerSpan, k: int) -> bool:
    """"دعت المنسقة … الطرفين إلى", "دعا … ألبين كورتي الدول الغربية إلى": the addressee (an adjective may
    follow it) is not part of the speaker."""
    if not m.entry.preps or m.words[k].norm not in _ADDRESSEES:
        return False
    after = k + 2 if k + 2 < m.limit and m.next_norm(k).startswith("ال") else k + 1
    return any(j < m.limit and m.words[j].norm in m.entry.preps for j in (k + 1, after))


def _stop_word(m: _SpeakerSpan, k: int) -> bool:
    """A word that never continues a mention, except "في" before a definite noun or a known body
    ("مصدر في الجيش", "مصادر عسكرية في قوات حكومة الوفاق")."""
    w = m.words[k]
    if w.norm not in _STOP_AFTER_SPEAKER or _place_then_name(m, k) or _body_in_place(m, k):
        return False
    nxt = m.next_norm(k)
    belongs = nxt.startswith("ال") or alias_length_at(_Norms(m.words), k + 1, m.outlet) \
        or institution_word(nxt)  # "مصدر في وزارة الداخلية العراقية", "مسؤول في قوى الأمن"
    return w.norm != "في" or not belongs or nxt.removeprefix("ال") in _CHANNEL_AFTER_IN


def _body_in_place(m: _SpeakerSpan, k: int) -> bool:
    """"السفارة الأميركية في أسمرة", "وزارة الصحة في قطاع غزة،", "وزارة الدفاع في موزمبيق أن": a body
    named by its definite noun keeps "في" + the place it sits in when the mention ends right after it."""
    words = m.words
    head = words[m.s].norm
    if words[k].norm != "في" or not (head.startswith(("ال", "وال")) or institution_word(head)):
        return False
    n = place_length_at(_Norms(words), k + 1)
    after = k + 1 + n
    if not n or after > m.limit:
        return False
    return after == m.limit or _name_border(m, after) or words[after].norm in _STOP_AFTER_SPEAKER \
        or _has(words[after].gap_before, COMMA + ":")


def _place_then_name(m: _SpeakerSpan, k: int) -> bool:
    """"مراسل الجزيرة في غزة تامر المسحال إن", "زعيم الجبهة … في إثيوبيا دبرصيون جبر ميكائيل، إن":
    "في" + a place belongs to the role, and the holder's name (two to four words) ends the mention."""
    words = m.words
    if words[k].norm != "في" or k + 1 >= m.limit:
        return False
    first = k + 1 + place_length_at(_Norms(words), k + 1)
    if first == k + 1 or first >= m.limit or words[first].norm.startswith("ال"):
        return False
    end = first
    while end < m.limit and not (end > first and _name_border(m, end)):
        w = words[end]
        if w.norm in _STOP_AFTER_SPEAKER and end - first >= 2:
            break  # "…في كمبوديا هون سين اليوم الثلاثاء إن": the name ends where the time or the channel begins
        if w.norm in _STOP_AFTER_SPEAKER or w.cue or w.comma or w.norm.removeprefix("ال") in _ROLE_HEADS_BARE \
                or end - first >= 4:
            return False
        end += 1
    return end - first >= 2


def _name_border(m: _SpeakerSpan, k: int) -> bool:
    """Where a name closing a speaker mention may end: a comma, a colon, a quotation, إن/أن, the object."""
    w = m.words[k]
    return _has(w.gap_before, COMMA + ":«“\"") or _clause_word(m, k) or _object_starts(m, k)


_ANONYMITY = grammar.words("anonymity_verbs")


def _asked_anonymity(m: _SpeakerSpan, k: int) -> bool:
    """"مصدر أمني هندي – طلب عدم كشف هويته –": asking not to be named is an aside, not part of the speaker."""
    return m.words[k].norm in _ANONYMITY and m.next_norm(k) in ("عدم", "الافصاح", "الكشف", "ذكر")


def _adverb_or_this(m: _SpeakerSpan, k: int) -> bool:
    """"نفى الرئيس الأوكراني فولوديمير زيلينسكي فوراً هذا الادعاء": an indefinite accusative ("فوراً",
    "رسمياً") or a demonstrative after the subject is an adverb or the object, not the speaker."""
    w = m.words[k]
    return w.norm in _DEMONSTRATIVES or w.text.endswith(("اً", "ًا"))


def _own_part(words: list[Word], k: int) -> bool:
    """"من جهتها", "من جانبه" at word ``k``: the speaker's turn, not its name ("وقالت الوزارة من جهتها إن…",
    "وأعلن جيش الاحتلال من جهته إن…", "كانت قد أعلنت من جهتها أنّ…")."""
    return words[k].norm == "من" and k + 1 < len(words) and words[k + 1].norm in _OWN_PART


def _turn(m: _SpeakerSpan, k: int) -> bool:
    return _own_part(m.words, k)


def _claim_object(m: _SpeakerSpan, k: int) -> bool:
    """"ووصف المتحدث … الكولونيل كريستوفر كارنز مزاعم حركة الشباب … بأنها", "نفى الجيش السوري تقارير عن…",
    "رفضت الهند ادعاءات الصين": a claim noun after the subject is what the verb answers, not the speaker."""
    return m.entry.np_object and k > m.s and m.words[k].norm in _CLAIM_NOUNS


def _channel(m: _SpeakerSpan, k: int) -> bool:
    """"على لسان…", "على صفحته", "بحسابه": where the words appeared, not who said them."""
    w = m.words[k]
    after = m.next_norm(k)
    if w.norm == "علي" and (after in ("لسان", "صفحته", "صفحتها", "حسابه", "حسابها") or after in _PLATFORMS):
        return True  # "على تويتر": "وكتب وزير الإعلام الإريتري يماني جبريميسكل على تويتر:"
    return w.norm[:1] in ("ل", "ب") and w.norm[1:] in _CHANNEL_AFTER_IN


def _speech_possessive(m: _SpeakerSpan, k: int) -> bool:
    """"عن مصدر عسكري قوله إن"."""
    return m.words[k].norm in _SPEECH_POSSESSIVES


def _given_to_media(m: _SpeakerSpan, k: int) -> bool:
    """"لرويترز", "لوسائل الإعلام": whom the words were given to."""
    w = m.words[k]
    # "للبرلمان" is ل + "البرلمان": the ل takes the article's alif
    listener = "ا" + w.norm[1:] if w.norm.startswith("لل") else w.norm[1:]
    return w.norm[:1] == "ل" and (listener in _MEDIA_NOUNS or _is_outlet(w.text[1:]))


def _told(m: _SpeakerSpan, k: int) -> bool:
    """"وأبلغ السكان وكالة الأنباء…": whom they told."""
    w = m.words[k]
    return bool(m.entry.tells) and (w.norm in _MEDIA_NOUNS or _names_person(w.norm) or _is_outlet(w.text))


def _listener(m: _SpeakerSpan, k: int) -> bool:
    """"وقال المسؤولون لخامنئي إن": the listener, not part of the speaker."""
    w = m.words[k]
    return w.norm[:1] == "ل" and not w.norm.startswith("لل") and _names_person(w.norm[1:])


def _object_starts(m: _SpeakerSpan, k: int) -> bool:
    """With no إن/أن ahead, the object of an accusing verb starts the content: a verbal noun,
    "اتهم X بارتكاب…" (the governed preposition glued to a verbal noun), or a second noun phrase
    ("اتهم الجيش السوداني قوات الدعم السريع…")."""
    if not (m.np_border and m.entry.np_object):
        return False
    w = m.words[k]
    if w.norm in _WHAT_WORDS and k + 1 < len(m.words) and m.words[k + 1].cue is not None:
        return True  # "نفت الوزارة ما أعلنته باكو": what another said is the object
    if _genitive_of_construct(m.words[k - 1], w) or _holder_named(m, k) or nisba_label_at(_Norms(m.words), k):
        return False  # "وزارة الدفاع التركية": a state's adjective, though "تركية" has a verbal noun's shape
    return _is_masdar(w, m.lex, definite_ok=k - m.s >= 2) \
        or (w.norm[:1] in m.entry.preps and _is_masdar_text(w.norm[1:], m.lex)) \
        or (w.norm in _OBJECT_HEADS and m.words[k - 1].norm.startswith("ال"))


_COUNTERPART = "نظير"


def _holder_named(m: _SpeakerSpan, k: int) -> bool:
    """"ووصف المتحدث باسم وزارة الخارجية الهندية أنوراغ سريفاستافا، أمس، ادعاءات…": after a role, two to four
    words without ال up to a comma are the holder's name, even when the first looks like a verbal noun."""
    head = m.words[m.s].norm
    if head.removeprefix("ال") not in _ROLE_HEADS_BARE and head.removeprefix("و").removeprefix("ال") not in _ROLE_HEADS_BARE:
        return False  # "وزير" keeps its و; "والمتحدث" loses it
    end = k
    while end < len(m.words) and end - k <= 4 and not (end > k and (m.words[end].comma
                                                                   or m.words[end].norm.startswith(_COUNTERPART))):
        w = m.words[end]
        if w.cue is not None or (w.norm.startswith("ال") and end == k):
            return False
        end += 1
    norms = [w.norm for w in m.words[k:end]]
    # The name ends at a comma, or where the counterpart the verb is addressed to begins ("…الفنزويلي إيفان جيل
    # نظيره الغوياني بنشر…").
    return 2 <= len(norms) <= 4 and end < len(m.words) \
        and (m.words[end].comma or m.words[end].norm.startswith(_COUNTERPART)) \
        and all(not n.startswith("ال") or _family_name(norms, j) for j, n in enumerate(norms))


def _state_object(m: _SpeakerSpan, k: int) -> bool:
    """"اتهم الرئيس الأوكراني فولوديمير زيلينسكي روسيا بمحاولة…", "اتهم السفير الإيراني أمير سعيد إيرواني
    إسرائيل “بمحاولة…”": a state named after a whole subject (a definite phrase, or a name after one) is the
    object of the accusing verb, a quotation after it or not."""
    if not m.entry.np_object or k - m.s < 2 or not state_name_length_at(_Norms(m.words), k):
        return False
    words = m.words
    if words[k].norm[:1] in "بل" and state_name_length_at((words[k].norm[1:],), 0):
        return False  # "مسؤول في وزارة الدفاع بموزمبيق": where the body is, not whom it accuses
    norms = _Norms(words)
    if nisba_label_at(norms, k) and not nisba_label_at(norms, k - 1):
        return False  # "وزارة الداخلية السعودية": the adjective that is also the state's press name
    if words[k - 1].norm.startswith("ال"):
        return words[k - 1].norm not in _STOP_AFTER_SPEAKER
    run = k - 1
    while run > m.s and not words[run].norm.startswith("ال"):
        run -= 1
    return k - run >= 3 and words[run].norm.startswith("ال")  # a name of two words or more after "الأوكراني"


def _object_after_state_adjective(m: _SpeakerSpan, k: int) -> bool:
    """"أدانت وزارة الخارجية السعودية الهجوم…", "نفت وزارة الخارجية الباكستانية الاتهامات…": after a body
    closed by a state's adjective, a definite noun that only describes the body ("الرسمية", "العامة") or is
    a state's adjective too continues it; any other starts the object of a verb that takes one."""
    words, w = m.words, m.words[k]
    if not m.entry.np_object or k - m.s < 2:
        return False
    if not w.norm.startswith("ال"):
        return _construct_object(m, k)
    if w.norm in _BODY_MODIFIERS or w.norm in m.lex.titles or w.norm.removeprefix("ال") in _ROLE_HEADS_BARE \
            or _name_follows(words, k):
        return False  # "المندوب البريطاني السفير جوناثان ألين", "الجورجي ألكسندر لومايا": the holder's name
    norms = _Norms(words)
    return bool(nisba_label_at(norms, k - 1)) and not nisba_label_at(norms, k) and not state_name_length_at(norms, k) \
        and not compound_nisba_at(norms, k - 1)  # "الكورية الجنوبية" is one adjective


def _construct_object(m: _SpeakerSpan, k: int) -> bool:
    """"أعلنت الحكومة الإثيوبية حالة الطوارئ": after a body closed by a state's adjective (not a role, whose
    holder's name may follow), a noun in construct with a definite noun starts the object."""
    words, norms = m.words, _Norms(m.words)
    if k + 1 >= len(words) or words[k].comma or words[k + 1].comma or not words[k + 1].norm.startswith("ال") \
            or not nisba_label_at(norms, k - 1) or compound_nisba_at(norms, k - 1) \
            or words[m.s].norm.removeprefix("ال") in _ROLE_HEADS_BARE:
        return False
    # "اللجنة الإثيوبية لحقوق الإنسان": a glued ل or ب ties the noun to the body, not to the verb
    return words[k].norm[:1] not in "لب" and words[k].norm not in _NOT_IN_NAMES \
        and not state_name_length_at(norms, k) and words[k].cue is None


def _name_follows(words: list[Word], k: int) -> bool:
    """Word ``k`` begins a name of two words or more: the next word is no particle and has no ال."""
    if k + 1 >= len(words) or words[k + 1].comma:
        return False
    after = words[k + 1].norm
    return not after.startswith("ال") and after not in _NOT_IN_NAMES and words[k + 1].cue is None


class _Unprefixed(NamedTuple):
    """A word read without its ل or ب ("لقيادة" as "قيادة"), for the construct test."""

    word: Word

    @property
    def norm(self) -> str:
        n = self.word.norm
        return n[1:] if n[:1] in "لب" and not n.startswith("ال") else n

    @property
    def conj(self) -> bool:
        return self.word.conj

    @property
    def bare(self) -> str:
        return self.word.bare


def _event_object(m: _SpeakerSpan, k: int) -> bool:
    """"واعتبر المتحدث الهجوم بأنه…", "وتبنى … العميد يحيى سريع الهجوم على منشأتي أرامكو": a definite noun
    of what happened or was said ("الهجوم", "القصف", "الاتهامات") after the subject is the verb's object,
    unless an indefinite head takes it as its genitive ("غرفة العمليات")."""
    w, before = m.words[k], m.words[k - 1]
    # Not "المسؤول عن العمليات", "هذه الادعاءات", "لقيادة العمليات".
    return m.entry.np_object and w.norm in _EVENT_OBJECTS \
        and not {before.norm} & (_ATTACHERS | _NOT_IN_NAMES | _DEMONSTRATIVES) \
        and not _genitive_of_construct(_Unprefixed(before), w)


def _governed_object(m: _SpeakerSpan, k: int) -> bool:
    """"نددت الحكومة اللبنانية بالواقعة مؤكدة أنها…": the verb's own preposition glued to a definite noun
    after a whole subject starts the object, an إن/أن further on or not."""
    w = m.words[k]
    return m.entry.np_object and k - m.s >= 2 and len(w.norm) > 3 and w.norm[:1] in m.entry.preps \
        and w.norm[1:].startswith("ال")


def _possessed_object(m: _SpeakerSpan, k: int) -> bool:
    """"وصف أنوتين انتخابه بأنه…": after a one-word name, a noun with a possessive pronoun is the object
    of a verb that takes one, not part of the speaker."""
    w = m.words[k]
    return m.entry.np_object and k - m.s == 1 and not m.words[m.s].norm.startswith("ال") \
        and w.text.endswith(("ه", "ها", "هم", "هما")) and len(w.text) > 4 and not w.norm.startswith("ال")


def _genitive_of_construct(before: Word, w: Word) -> bool:
    """"حركة المقاومة", "خلية الإعلام", "قوة الاتحاد": a definite word right after an indefinite noun
    is that noun's genitive, not the verb's object ("أكد مصدر عسكري الاستيلاء": after an adjective it is);
    so after "و" ("أدانت وزارة الدفاع وهيئة الأركان العامة…": two bodies speak together)."""
    return (w.norm.startswith("ال") or unit_noun(w.norm)) and not w.comma \
        and (before.norm in _CONSTRUCT_HEADS or before.conj and before.bare in _CONSTRUCT_HEADS)


def _counterpart(m: _SpeakerSpan, k: int) -> bool:
    """"اتهم وزير الخارجية الفنزويلي إيفان جيل نظيره الغوياني…": the counterpart is the verb's object."""
    return bool(m.entry.np_object) and m.words[k].norm.startswith(_COUNTERPART)


# Where a speaker mention stops, in order: the first rule true at a word ends the mention before it.
_SPEAKER_STOPS: tuple[Callable[[_SpeakerSpan, int], bool], ...] = (
    _comma_or_colon,
    _counterpart,
    _after_short_name,
    _clause_word,
    _addressed_party,
    _stop_word,
    _asked_anonymity,
    _adverb_or_this,
    _turn,
    _claim_object,
    _channel,
    _speech_possessive,
    _given_to_media,
    _told,
    _listener,
    _object_starts,
    _state_object,
    _object_after_state_adjective,
    _event_object,
    _governed_object,
    _possessed_object,
)


def _state_named_alone(m: _SpeakerSpan) -> int:
    """"رفضت إريتريا الجمعة، اتهامات…", "اتهمت أذربيجان أرمينيا بخرق…": a state speaking under its name or
    capital ends the mention there when the verb takes an object (not "الولايات المتحدة الأمريكية")."""
    if not (m.np_border and m.entry.np_object):
        return 0
    n = state_name_length_at(_Norms(m.words), m.s)
    nxt = m.s + n
    if not n or (nxt < m.limit and m.words[nxt].norm.startswith("ال") and not m.words[nxt].comma
                 and m.words[nxt].norm.endswith(("ي", "يه"))):
        return 0  # "إيران الإسلامية", a descriptor: the general rules decide ("أدان الأردن الهجوم": the object)
    return n


def _known_name_end(m: _SpeakerSpan, known: int) -> int:
    """Index one past a known actor's name at ``m.s`` (with its bracketed short name and a role after it)."""
    words, limit = m.words, m.limit
    k = m.s + known
    if k < limit and "(" in words[k].gap_before:
        close = next((j for j in range(k + 1, min(len(words), k + 4)) if ")" in words[j].gap_before), None)
        if close is not None and close <= limit:
            k = close  # "وكالة الأنباء السورية (سانا)": the bracketed short name belongs to the name
    # A role may follow a known name without commas ("أحمد المسماري الناطق باسم قوات حفتر").
    if k < limit and words[k].norm.removeprefix("ال") in _ROLE_HEADS_BARE and not words[k].comma:
        return _speaker_end(words, k, limit, m.entry, m.lex, m.outlet, m.np_border) if k + 1 < limit else k + 1
    return k


def _so_called(m: _SpeakerSpan) -> int | None:
    """"جماعة ما تسمى "المقاومة الإسلامية في العراق"،", "جماعة تطلق على نفسها اسم “…”": the quoted name after a
    naming word ends the mention (index one past its last word)."""
    words = m.words
    for k in range(m.s + 1, min(m.limit, m.s + 6)):
        if words[k].comma:
            return None
        if words[k - 1].norm in _NAMING and any(q in words[k].gap_before for q in _OPENING_MARKS):
            return next((j for j in range(k + 1, min(len(words), k + 9)) if _has(words[j].gap_before, "»”\"")), None)
    return None


def _speaker_end(words: list[Word], s: int, limit: int, entry: CueEntry, lex: Lexicon, outlet: str | None,
                 np_border: bool = True) -> int:
    """Index one past the speaker mention that starts at word ``s`` (before ``limit``).

    ``np_border``: no إن/أن follows, so a verbal noun may be where the content starts
    (with a complementizer ahead, "شبكة أطباء السودان بأن" keeps its plural noun).
    """
    m = _SpeakerSpan(words, s, limit, entry, lex, outlet, np_border)
    known = alias_length_at(_Norms(words), s, outlet) or _state_named_alone(m)
    if known and s + known <= limit:
        return _known_name_end(m, known)
    named = _so_called(m)
    if named is not None:
        return named
    k = s + 1
    while k < limit:
        led = _led_by(m, k)
        if led:
            k += led  # "قوات التحالف الذي تقوده السعودية العقيد تركي المالكي": who leads the body describes it
            continue
        if _inside_glued_role(words, k):
            k += 1
            continue
        if any(stop(m, k) for stop in _SPEAKER_STOPS):
            return k
        k += 1
    return max(s, limit)


_GLUED_ROLES = _by_first(grammar.phrases("glued_roles"))


def _inside_glued_role(words: list[Word], k: int) -> bool:
    """Whether word ``k`` is the glued second word of a role such as "القائم بأعمال"."""
    return any(_match_phrase(words, k - 1, p) for p in _GLUED_ROLES.get(words[k - 1].norm, ()))


_LED_BY = grammar.words("led_by")


def _led_by(m: _SpeakerSpan, k: int) -> int:
    """The length of "الذي تقوده السعودية" / "الذي تقوده الولايات المتحدة" at word ``k`` inside a mention,
    or 0: a relative clause naming who leads the body before it."""
    words = m.words
    if words[k].norm not in _RELATIVES or k + 2 >= m.limit or words[k + 1].norm not in _LED_BY:
        return 0
    leader = state_name_length_at(_Norms(words), k + 2) or alias_length_at(_Norms(words), k + 2, m.outlet) or 1
    after = k + 2 + leader
    if after < m.limit and nisba_label_at(_Norms(words), after):
        after += 1  # "الولايات المتحدة الأمريكية"
    return after - k if after <= m.limit else 0


def _end_at_comma(words: list[Word], k: int, lex: Lexicon, cue_starts: set[int]) -> int | None:
    """Where a content ends at a comma before word ``k``: a gloss, another subject's report, a hedge or a cue."""
    if _starts_phrase(words, k, _GLOSS_STARTS):
        return words[k - 1].end
    if _starts_phrase(words, k, _SUBJECT_OPENERS) and any(j in cue_starts for j in range(k + 1, min(len(words), k + 13))):
        return words[k - 1].end  # "…، لكن الأخيرة نفت صلتها": another subject's report follows
    if _starts_phrase(words, k, lex.hedges) or k in cue_starts:
        return words[k - 1].end
    if words[k].norm in _REPORT_TIMES and any(words[j].head is not None and j in cue_starts
                                            for j in range(k + 1, min(len(words), k + 5))):
        return words[k - 1].end  # "…، غداة إعلان إسلام آباد مقتل طفلين": another report, dated by this one
    return None


def _end_at_opener(words: list[Word], k: int, cue_starts: set[int]) -> int | None:
    """"…وجود 20 جثة فيما قالت «الشباب» إن…", "…ونهبت مخازن الأسلحة لكن قوة الاتحاد الإفريقي أكدت أنها…":
    "فيما", "لكن", "بينما" opening another subject's report end the content, comma or not."""
    if not _starts_phrase(words, k, _SUBJECT_OPENERS):
        return None
    ahead = range(k + 1, min(len(words), k + 7))
    for j in ahead:
        if words[j].comma:
            return None
        if j in cue_starts:
            return words[k - 1].end
    return None


def _end_at_cue(words: list[Word], k: int, c: int, lex: Lexicon, cue_starts: set[int]) -> int | None:
    """Where a content ends at a cue word ``k`` with no comma before it."""
    if k not in cue_starts:
        return None
    w = words[k]
    if words[k - 1].norm in _RELATIVES and _named_subject_after(words, k + 1, lex):
        # "…"الهدنة" التي دعا إليها حفتر": another speaker's clause is not part of this content
        # (but "بما وصفها بـ…", the same speaker's own words, is).
        return words[k - 2].end if k - 1 > c else words[k - 1].end
    if w.conj:
        return words[k - 1].end
    if _participle_opens_report(words, k, lex):
        return words[k - 1].end  # "…رداً على الضربات مضيفاً أنه تم…": the speaker's next report, comma or not
    if k == len(words) - 1 and w.cue is not None and w.cue[1] is not None and w.cue[1].denial:
        # "…بقتل جنديين والأخيرة تنفي", "…، وتل ابيب تنفي": a denial by another subject closes the sentence.
        j = next((j for j in range(k - 1, max(c, k - 4), -1) if words[j].conj), None)
        if j is not None:
            return words[j - 1].end
    return None


def _participle_opens_report(words: list[Word], k: int, lex: Lexicon) -> bool:
    """"مضيفاً أنه", "مشيرة إلى أنها": a participle cue, its own preposition if any, then إن/أن."""
    entry = words[k].cue[1] if words[k].cue is not None else None  # a verbal noun has no cue entry
    if entry is None or entry.kind != "participle":
        return False
    j = k + 1
    if j < len(words) and words[j].norm in entry.preps:
        j += 1
    return j < len(words) and _is_complementizer(words[j], lex)


def _content_end(text: str, words: list[Word], c: int, sent_end: int, lex: Lexicon, cue_starts: set[int]) -> int:
    """Character offset where the content starting at word ``c`` ends."""
    quoted_from = _quoted(words[c])
    origin = _open_quote_start(text, words, c)  # count quotes from the opening mark, if any
    depth, straight = _scan_quotes(text, origin, words[c].start)
    for k in range(c + 1, len(words)):
        w = words[k]
        gap = w.gap_before
        if gap == " " and k not in cue_starts and w.norm not in _SUBJECT_OPENERS:
            continue  # a plain space before a word that opens nothing: no rule below can apply
        # Quote state at the start of word k: quotation marks are never part of a word, so
        # only the gap since word k-1 can change it.
        if gap != " " and not _QUOTE_SET.isdisjoint(gap):
            depth, straight = _scan_quotes(gap, 0, len(gap), depth, straight)
        inside = depth > 0 or straight
        comma = w.comma
        if quoted_from and comma and not inside and w.conj:
            # «…»، وتنفذ…: a quoted content ends with its quotation when a new clause follows.
            return words[k - 1].end + len(w.gap_before.split("،")[0].split(",")[0].rstrip())
        if inside:
            continue  # never cut inside a quotation
        end = _end_at_comma(words, k, lex, cue_starts) if comma else \
            (_end_at_opener(words, k, cue_starts) or _end_at_cue(words, k, c, lex, cue_starts))
        if end is not None:
            return end
    return sent_end


def _drop_glued_prep(text: str, content: Span | None, entry: CueEntry) -> Span | None:
    """"وصفها بتوسعة…" → "توسعة…": a governed preposition glued to the content is left out."""
    if content is None:
        return None
    start = content.start
    for prep in entry.preps:
        if len(prep) == 1 and text.startswith(prep, start) and content.end - start > 4 and text[start + 1] not in " «\"":
            start += 1
            while start < content.end and text[start] == "ـ":  # "بـ" with tatweel
                start += 1
            return Span(start, content.end)
    return content


def _refers_back(content: str) -> bool:
    """A content that only points back: "هذه المعلومات", "ذلك", "هذا الأمر"."""
    found = WORD_RE.findall(content, 0, 200)  # three words tell
    if len(found) < 4 and len(content) > 200:
        found = WORD_RE.findall(content)
    return 0 < len(found) <= 2 and normalize_word(found[0]) in _POINTERS


_REJECTING = grammar.words("rejecting")


def _turns_down_a_report(entry: CueEntry, content: str) -> bool:
    """"نفت باكستان هذه المزاعم", "ونفى زيلينسكي هذا الادعاء", "ورفض أورليش هذه الاتهامات": a denial of
    what another said, named by its noun, is a claim of its own (the conflicts resolve what it points at)."""
    found = WORD_RE.findall(content)
    return (entry.denial or entry.lemma in _REJECTING) and len(found) == 2 \
        and normalize_word(found[1]).removeprefix("ال") in _CLAIM_NOUNS


def _named_subject_after(words: list[Word], k: int, lex: Lexicon) -> bool:
    """Whether the words from ``k`` (after a cue verb) name its subject, past "إليها"/"له"."""
    while k < len(words) and (words[k].norm in _IN_IT or words[k].norm in _DATIVE):
        k += 1
    if k >= len(words) or _quoted(words[k]) or _is_complementizer(words[k], lex):
        return False
    w = words[k].norm
    return w.startswith("ال") or w in lex.titles or bool(alias_length_at(_Norms(words), k))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".،,؛;:-–("):
        end -= 1
    while start < end and (text[start].isspace() or text[start] in "،,:–)" or (text[start] == "-" and not _glued(text, start))):
        start += 1
    return start, end


def _glued(text: str, at: int) -> bool:
    """A sign glued to what follows it ("-5"): part of the content as written (the CSV export neutralises it)."""
    return at + 1 < len(text) and not text[at + 1].isspace()


def _unquote(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop the enclosing quotation marks when the whole content is one quotation."""
    if end - start >= 2 and text[start] in OPEN_QUOTES and text[end - 1] == CLOSE_FOR[text[start]]:
        inner = text[start + 1 : end - 1]
        if len(WORD_RE.findall(inner)) < 2:
            return start, end  # scare quotes around one term ("الهدنة") are not a quotation
        opener, closer = text[start], CLOSE_FOR[text[start]]
        if opener == closer and opener not in inner:
            return start + 1, end - 1
        if opener != closer and _quote_depth(inner, 0, len(inner)) == 0 and closer not in inner.split(opener)[0]:
            return start + 1, end - 1
    return start, end


def _past_channel(words: list[Word], k: int, limit: int, lex: Lexicon) -> tuple[int, bool]:
    """Past a channel phrase at word ``k``: (index, True) where the content starts, or (index, False) to go on.

    "في بيان له أمس،" / "خلال الجلسة،": skip to a near comma or complementizer;
    else only the channel itself ("على صفحته في فيسبوك").
    """
    window = range(k + 1, min(limit, k + 7))
    j = next((x for x in window if words[x].comma or _is_complementizer(words[x], lex)), None)
    if j is None:
        j = next((x for x in window if _is_masdar(words[x], lex, definite_ok=False)), None)
    if j is not None:
        return (j + 1, True) if _is_complementizer(words[j], lex) else (j, False)
    k += 2
    if k + 1 < limit and words[k].norm in _CHANNEL_PREPS and words[k - 1].norm.removeprefix("ال") in _CHANNEL_AFTER_IN | _CHANNEL_OWNED:
        k += 2  # "على صفحته في فيسبوك"
    return k, False


def _skip_to_content(words: list[Word], k: int, limit: int, entry: CueEntry, lex: Lexicon) -> int:
    """From word ``k`` after the speaker, skip channel, time and manner words and a governed preposition."""
    while k < limit:
        w = words[k]
        if _is_complementizer(w, lex):
            return k + 1
        if w.norm in entry.preps or w.norm in _CONNECTORS or w.norm in _DATIVE:
            k += 1
        elif w.norm in _MANNER and k + 1 < limit and not _is_complementizer(words[k + 1], lex):
            k += 2  # "نفت … نفياً قاطعاً ما ورد…", "نفت … بشكل قاطع صحة الأنباء": how it was said, then what
        elif w.norm in _CHANNEL_PREPS and k + 1 < limit:
            k, found = _past_channel(words, k, limit, lex)
            if found:
                return k
        elif (w.norm in _STOP_AFTER_SPEAKER and w.norm not in ("من", "عن", "إلى")) \
                or (w.norm[:1] == "ل" and w.norm[1:].removeprefix("ال") in _MEDIA_NOUNS):
            k += 1
        else:
            return k
    return k


def _span_text(text: str, words: list[Word], a: int, b: int) -> str:
    return text[words[a].start : words[b - 1].end] if b > a else ""


def _role_span_text(text: str, words: list[Word], a: int, b: int) -> str:
    """A role's text, with the quotation or bracket it opened closed: "بـ«الجيش الوطني»"."""
    if b <= a:
        return ""
    return text[_closed(text, Span(words[a].start, words[b - 1].end)).start : _closed(text, Span(words[a].start, words[b - 1].end)).end]


def _find_relay(words: list[Word], s: int, limit: int, entry: CueEntry) -> tuple[int, int] | None:
    """(end of the conduit, start of the source) for "نقل X عن Y", "-نقلا عن Y-", "على لسان Y"."""
    for k in range(s, limit - 1):
        w = words[k]
        if w.norm == "نقلا" and words[k + 1].norm == "عن":
            return k, k + 2
        if entry.relay and w.norm == "عن" and k > s:
            return k, k + 1
        if w.norm == "علي" and words[k + 1].norm == "لسان" and k + 2 < limit:
            return k, k + 2
    return None


def _addressee(words: list[Word], a: int, b: int) -> str | None:
    """The outlet the speaker spoke to ("لقناة الحرة", "في تصريحات للجزيرة")."""
    from ..ingest.segment import outlet_by_name

    for k in range(a, min(b, len(words))):
        w = words[k]
        if w.norm[:1] != "ل":
            continue  # every shape below is glued to the ل of "to"
        if w.norm[1:] in _MEDIA_NOUNS and k + 1 < len(words):
            name = words[k + 1].text.strip("«»\"")
            return outlet_by_name(name) or name
        if w.norm.startswith("لل") and outlet_by_name("ال" + w.text[2:]):
            return outlet_by_name("ال" + w.text[2:])
        if w.norm[:1] == "ل" and _is_outlet(w.text[1:]):
            return outlet_by_name(w.text[1:]) or w.text[1:]
    return None


def _open_quote_start(text: str, words: list[Word], c: int) -> int:
    """Where the content starts: an opening quotation mark before the first word ("«…نحن مستعدون»",
    an ellipsis between them included), else the signs glued to the word ("-5 درجات", "@الجيش")."""
    gap = words[c].gap_before
    glued = words[c].start
    while glued - 1 >= words[c].start - len(gap) and text[glued - 1] in _GLUED_SIGNS:
        glued -= 1
    for n in range(len(gap) - 1, -1, -1):
        if gap[n] in OPEN_QUOTES:
            return words[c].start - (len(gap) - n)
        if not (gap[n].isspace() or gap[n] in "….") :
            break
    return glued


_GLUED_SIGNS = frozenset("-+=@#$%…")


def _with_content(text: str, words, c: int, sentence: Sentence, lex: Lexicon, cue_starts) -> Span | None:
    if c >= len(words):
        return None
    start = _open_quote_start(text, words, c)
    end = _content_end(text, words, c, sentence.end, lex, cue_starts)
    while end < sentence.end and text[end] in "»\"”" and _quote_depth(text, start, end):
        end += 1  # close the quotation the content opened
    end = _closed(text, Span(start, end)).end  # and a bracket: "في مدينة مصراتة (غرب)"
    start, end = _trim(text, start, end)
    start, end = _unquote(text, start, end)
    if end > start and (text[end - 1] in "»”" and not any(q in text[start : end - 1] for q in "«“")
                        or text[end - 1] == '"' and text.count('"', start, end) == 1) \
            and CLOSE_FOR.get(text[start - 1] if start else "") != text[end - 1]:
        start, end = _trim(text, start, end - 1)  # "…، مشيرا إلى تعطل الملاحة»": the quotation it sat in closes
    return Span(start, end) if end > start else None


def extract_sentence(text: str, sentence: Sentence, lex: Lexicon | None = None, outlet: str | None = None) -> list[Draft]:
    """Claims of one sentence, with speaker mentions not yet resolved.

    Drafts with ``content`` None name a speaker without a claim ("وقد أكدت X هذه المعلومات")
    and serve as the antecedent of a later implicit subject ("وقالت إن…").
    """
    lex = lex or lexicon()
    found = _sentence_hits(text, sentence, lex)
    if found is None:
        return []
    words, hits = found
    cue_starts = {h.index for h in hits}
    drafts: list[Draft] = []
    covered: list[tuple[int, int]] = []  # cue-to-content regions of earlier drafts
    for n, hit in enumerate(hits):
        if _passed_over(text, sentence, words, hits, n, covered):
            continue
        draft = _draft(text, words, hit, _next_cue(words, hits, n), sentence, lex, cue_starts, drafts, outlet)
        if draft is not None:
            draft = _beside_the_last(text, words, hit, draft, drafts, lex)
        if draft is None:
            continue
        drafts.append(draft)
        if draft.content is not None:
            covered.append((draft.cue.end, draft.content.start))
    return _relays_folded(text, drafts)


def _medium_named(mention: str) -> bool:
    """Whether a source mention names a medium ("“رويترز”", "وكالة الأنباء الهندية"): it passes reports on."""
    words = mention.translate(_QUOTES_AS_SPACE).split()
    if not words:
        return False
    first = normalize(words[0])
    return first in _MEDIA_NOUNS or first.removeprefix("ال") in _MEDIA_NOUNS or (len(words) == 1 and _is_outlet(words[0]))


_DOCUMENT_WORDS = grammar.words("documents")


def _names_document(mention: str) -> bool:
    """"وبحسب الصحيفة فقد تضمنت الرسالة…": a document says what the source reports of it, not a speaker."""
    words = mention.split()
    return bool(words) and normalize(words[0]) in _DOCUMENT_WORDS


_QUOTES_AS_SPACE = str.maketrans({q: " " for q in "«»“”\"'"})
# "وحسب رئيس الوزراء فقد أكد له بلينكن أن…": after فقد/فإن a source that is no medium heard the report
# itself (a nested report); "وبحسب “رويترز” فقد صرح وفيق صفا" is Reuters passing Safa's words on.
_CONNECTOR_BETWEEN = re.compile(r"(?<!\w)(?:فقد|فإن|فان|وقد|فـ?)(?!\w)")


def _relays_folded(text: str, drafts: list[Draft]) -> list[Draft]:
    """"وبحسب رويترز، قال المتحدث العسكري إن…", "ووفقا لقناة أسترا، قال حاكم كورسك إن…": a source marker whose
    content opens with another report that names its own speaker is no claim of its own: it tells through
    whom that report came (its ``relayed_by``)."""
    folded: dict[int, int] = {}  # a folded source's index → the report it relays
    for n, d in enumerate(drafts):
        inner = _relayed_report(text, drafts, n)
        if inner is not None:
            drafts[inner].relayed_by = drafts[inner].relayed_by or text[d.speaker.start : d.speaker.end]
            folded[n] = inner
    return _without(drafts, folded) if folded else drafts


def _relayed_report(text: str, drafts: list[Draft], n: int) -> int | None:
    """The index of the report draft ``n`` (a source marker) only passes on, if it is one."""
    d = drafts[n]
    if d.hit.entry.kind != "source" or d.speaker is None or d.content is None:
        return None
    inner = next((m for m in range(n + 1, len(drafts)) if drafts[m].cue.start == d.content.start), None)
    if inner is None or drafts[inner].speaker is None or drafts[inner].implicit:
        return None
    said_by = drafts[inner].speaker
    if _names_document(text[said_by.start : said_by.end]):
        return None
    medium = _medium_named(text[d.speaker.start : d.speaker.end])
    return inner if medium or not _CONNECTOR_BETWEEN.search(text, d.speaker.end, drafts[inner].cue.start) else None


def _without(drafts: list[Draft], folded: dict[int, int]) -> list[Draft]:
    """The drafts but the folded ones, each ``nested_in`` renumbered (one nested in a folded source is nested
    in the report that source relays, unless it is that report)."""
    new_index: dict[int, int] = {}
    for n in range(len(drafts)):
        if n not in folded:
            new_index[n] = len(new_index)
    kept = []
    for n, d in enumerate(drafts):
        if n in folded:
            continue
        outer = d.nested_in
        while outer in folded:
            outer = folded[outer] if folded[outer] != n else None
        d.nested_in = new_index.get(outer) if outer is not None else None
        kept.append(d)
    return kept


def _passed_over(text: str, sentence: Sentence, words: list[Word], hits: list[CueHit], n: int,
                 covered: list[tuple[int, int]]) -> bool:
    """Whether cue ``n`` introduces no claim of its own where it stands."""
    hit = hits[n]
    opener = _statement_opener(words, hit)
    if n and hits[n - 1].last == hit.index - 1 and hit.entry.kind != "source" and not opener:
        return True  # "وتابع محذرا", "جدد رفض": two cue words, one claim
    start = words[hit.index].start
    if _quote_depth(text, sentence.start, start) and not _journalists_participle(words, hit) and not opener:
        return True  # words inside a quotation are the speaker's, not a new report
    return any(a <= start < b for a, b in covered)  # "على لسان" / "نقلا عن" inside another cue's speaker


def _next_cue(words: list[Word], hits: list[CueHit], n: int) -> int:
    """Where the claim of cue ``n`` must end at the latest: the next cue of another claim. "بقوله" ends what a
    verb governing ب says ("أقر بسقوط الصاروخ بقوله"); after any other verb it introduces that verb's own
    content ("ونقلت واس عن متحدث بقوله: …"), as a statement's own opening verb is within it."""
    hit = hits[n]
    return next((h.index for h in hits[n + 1 :] if h.entry.kind != "source" and not _statement_opener(words, h)
                 and (words[h.index].norm not in _BY_SAYING or "ب" in hit.entry.preps)), len(words))


def _beside_the_last(text: str, words: list[Word], hit: CueHit, draft: Draft, drafts: list[Draft],
                     lex: Lexicon) -> Draft | None:
    """The draft as the claim before it in the sentence shapes it (and that claim's content, ended where
    "بقوله" starts: "أقر … بسقوط الصاروخ بقوله: "…"")."""
    last = drafts[-1] if drafts and drafts[-1].content is not None else None
    if last is not None and _statement_opener(words, hit):
        draft = _opened_statement(words, hit, draft, last)
    start = words[hit.index].start
    if last is not None and words[hit.index].norm in _BY_SAYING and last.content.start < start < last.content.end:
        drafts[-1] = replace(last, content=Span(*_trim(text, last.content.start, words[hit.index - 1].end)))
    if hit.entry.becomes:
        return _required_noun_as_cue(words, hit, draft, lex)
    return draft


def _statement_opener(words: list[Word], hit: CueHit) -> bool:
    """"وتابع: "نجدد رفضنا…"", "وقال: ندين الهجوم…", "وقال الحضرمي: "تدين الحكومة القصف…"": a quoted
    statement that opens with a speech verb in the present is a claim of its own by the same speaker."""
    w = words[hit.index]
    return hit.entry.kind == "verb" and w.bare[:1] in "نتي" and _has(w.gap_before, OPEN_QUOTES + ":")


def _required_noun_as_cue(words: list[Word], hit: CueHit, draft: Draft, lex: Lexicon) -> Draft | None:
    """"تبادلت قرغيزستان وطاجيكستان، أمس، الاتهام بانتهاكات جديدة…": the verb's subject speaks, the noun it
    requires is the cue (read as the verb ``becomes`` names), and what follows the noun and its ب is said."""
    if draft.speaker is None or draft.content is None:
        return None
    noun = next((k for k in range(hit.last + 1, len(words)) if words[k].norm in hit.entry.requires
                 and words[k].start >= draft.speaker.end), None)
    entry = lex.single.get(normalize(hit.entry.becomes))
    if noun is None or noun + 1 >= len(words) or entry is None:
        return None
    after = words[noun + 1]
    if not (after.norm.startswith("ب") and len(after.norm) > 3) or after.start >= draft.content.end:
        return None  # "تبادل الجانبان الاتهامات بعد…": accusations exchanged, none said
    start = after.start + 1
    # both who exchange speak: "قرغيزستان وطاجيكستان", up to a comma or the noun
    first = _word_at(words, draft.speaker.start)
    last = next((k for k in range(first + 1, noun) if words[k].comma or words[k].norm in _REPORT_TIMES), noun) - 1
    return replace(draft, hit=CueHit(noun, noun, entry), cue=Span(words[noun].start, words[noun].end),
                   speaker=Span(draft.speaker.start, words[last].end), content=Span(start, draft.content.end))


def _opened_statement(words: list[Word], hit: CueHit, draft: Draft, quoting: Draft) -> Draft:
    """The claim of a statement's opening verb, said by whoever the claim before it quotes. Its content
    starts after the verb ("ندين الهجوم…", "يدين الهجوم…"), or after a body that is the verb's subject
    ("تدين الحكومة القصف…")."""
    content = draft.content
    after = hit.last + 1
    if content is not None and after < len(words) and draft.speaker is not None \
            and (words[hit.index].bare[:1] == "ن" or not institution_word(words[after].norm)):
        content = Span(words[after].start, content.end)
    return replace(draft, speaker=quoting.speaker, implicit=quoting.speaker is None, content=content)


def _journalists_participle(words: list[Word], hit: CueHit) -> bool:
    """"…ما أدى إلى تدميره، مشيرا إلى تعطل الملاحة الجوية في المطار»": a participle of speech after a comma,
    inside quotation marks that close later, is the journalist's (a speaker does not say "مشيرا" of himself)."""
    return hit.entry.kind == "participle" and words[hit.index].comma


def _sentence_hits(text: str, sentence: Sentence, lex: Lexicon) -> tuple[list[Word], list[CueHit]] | None:
    """The sentence's words and the cues that report something in it, or None when there is none."""
    parts = _SPLIT_WORDS.split(text[sentence.start : sentence.end])
    infos = list(map(_word_info, parts[1::2]))
    heads = any(map(_HEAD, infos))
    if not heads and not any(map(_CUE, infos)):
        return None  # no word of the sentence can open a report: most narration stops here
    words = _make_words(parts, infos, sentence.start)
    hits = _verb_and_participle(h for h in find_cues(words, lex) if not _not_a_report(words, h, lex))
    if heads:
        hits = _with_head_nouns(words, hits, lex)
    return (words, hits) if hits else None


def _with_head_nouns(words: list[Word], hits: list[CueHit], lex: Lexicon) -> list[CueHit]:
    """The cue hits with the verbal nouns that head a report, in word order."""
    taken = {k for h in hits for k in range(h.index, h.last + 1)}
    nouns = [CueHit(k, k, w.head[0], possessed=w.head[1]) for k, w in enumerate(words)
             if w.head is not None and k not in taken and _heads_report(words, k, lex)]
    return sorted(hits + nouns, key=attrgetter("index")) if nouns else hits


def _heads_report(words: list[Word], k: int, lex: Lexicon) -> bool:
    """A verbal noun in construct with who spoke, then what was said.

    "وجاء إعلان الحوثيين استهداف حاملة الطائرات", "بعد إعلان الجيش الإثيوبي أنه سيطر…": a party, then
    إن/أن or a verbal noun; "بعد أسبوع من اتهامه الاحتلال بشن هجوم…", "تأكيده سقوط الطائرة": the pronoun is
    the speaker, what follows is said. "إعلان وقف إطلاق النار", "نفي الخبر" name no one who speaks.
    """
    if k + 1 >= len(words) or words[k + 1].comma:
        return False
    nxt = words[k + 1]
    if words[k].norm in _BY_SAYING:
        return _is_complementizer(nxt, lex) or _opens_content(nxt, lex)
    if words[k].head[1]:
        return _is_complementizer(nxt, lex) or _is_masdar(nxt, lex, definite_ok=True) \
            or nxt.norm.startswith("ال") or _quoted(nxt)
    return _names_party(words, k + 1)


def _names_party(words: list[Word], k: int) -> bool:
    """Whether a party, a state, one of its institutions or an official is named at word ``k``."""
    norms = _Norms(words)
    bare = words[k].norm.removeprefix("ال")
    return bool(alias_length_at(norms, k) or state_name_length_at(norms, k)) or institution_word(words[k].norm) \
        or institution_word(bare) or bare in _ROLE_HEADS_BARE


def _verb_and_participle(hits) -> list[CueHit]:
    """"وتابع قائلاً: …", "وتابع محذرا إن…": a verb and the participle right after it are one cue."""
    out: list[CueHit] = []
    for hit in hits:
        if out and hit.entry.kind == "participle" and out[-1].entry.kind == "verb" and out[-1].last == hit.index - 1:
            out[-1] = replace(out[-1], last=hit.last)
            continue
        out.append(hit)
    return out


def _describes_channel(words: list[Word], hit: CueHit) -> bool:
    """A verb that describes the statement just named, not a report of its own.

    "في بيان ورد لوكالة شفق نيوز، إن…" (a statement sent to the agency), "وجاء في بيان للوزارة
    أوردته وكالة الأنباء الرسمية أن…" (a statement the agency carried).
    """
    i = hit.index
    if hit.entry.kind != "verb" or i == 0:
        return False
    carries = hit.suffix_object or (i + 1 < len(words) and words[i + 1].norm[:1] == "ل")
    return carries and any(words[j].norm.removeprefix("ال") in _CHANNEL_AFTER_IN for j in range(max(0, i - 2), i))


def _not_a_report(words: list[Word], hit: CueHit, lex: Lexicon) -> bool:
    """A cue word that reports nothing where it stands: after "إذا", describing a statement, the object of
    another verb, "ورد" meaning "was stated", or the journalist's aside."""
    return (_conditional(words, hit.index, lex) or _describes_channel(words, hit) or _said_object(words, hit)
            or _came_not_replied(words, hit) or _aside(words, hit) or _about_a_name(words, hit)
            or _is_considered(words, hit, lex) or _said_nothing(words, hit, lex) or _either_verb(words, hit))


_NAME_WORDS = grammar.words("name_words")
_NEGATIONS = grammar.words("negations")
_WITHOUT = grammar.words("without")


def _about_a_name(words: list[Word], hit: CueHit) -> bool:
    """"الذي رفض الإفصاح عن اسمه", "(الذي لم يُذكر اسمه)": withholding a name reports nothing."""
    i = hit.index
    return i + 1 < len(words) and words[i + 1].norm in _NAME_WORDS


def _is_considered(words: list[Word], hit: CueHit, lex: Lexicon) -> bool:
    """"خط وقف إطلاق النار الذي يعتبر الحدود الفعلية": "which is considered", with no one considering."""
    i = hit.index
    return hit.entry.lemma == "اعتبر" and i > 0 and words[i - 1].norm in ("الذي", "التي") and not hit.suffix_object \
        and i + 1 < len(words) and words[i + 1].norm.startswith("ال")


def _either_verb(words: list[Word], hit: CueHit) -> bool:
    """"لم تنفي أو تأكد سيول هذه المزاعم", "بياناً رسمياً يؤكد أو ينفي هذه الادعاءات": two speech verbs joined
    by أو name what was not said, or what a statement could say: neither reports."""
    i = hit.index
    around = ((i + 1, i + 2), (i - 1, i - 2))
    return hit.entry.kind == "verb" and any(0 <= o < len(words) and 0 <= v < len(words) and words[o].norm == "او"
                                            and words[v].cue is not None for o, v in around)


def _said_nothing(words: list[Word], hit: CueHit, lex: Lexicon) -> bool:
    """"ولم تؤكد كييف التقدم الروسي", "ولم تعلن واشنطن عن وقوع أية خسائر": a negated report with no clause
    after it says that nothing was said ("لم يستبعد أن…", with its clause, is a report)."""
    i = hit.index
    negated = i > 0 and (words[i - 1].norm in _NEGATIONS
                         or words[i - 1].norm == "ان" and i > 1 and words[i - 2].norm in _WITHOUT)  # "دون أن يوضح"
    if not (negated and hit.entry.kind == "verb"):
        return False
    # its own clause only: "لم تنفي أو تؤكد سيول هذه المزاعم، لكن وزارة دفاعها قالت إن…" has another's إن
    end = next((k for k in range(hit.last + 1, len(words)) if words[k].comma or words[k].cue is not None
                and k > hit.last + 2), len(words))
    return not any(_is_complementizer(w, lex) or _has(w.gap_before, ":«“\"") for w in words[hit.last + 1 : end])


def _came_not_replied(words: list[Word], hit: CueHit) -> bool:
    """"الأنباء التي وردت في بيان…", "بيان ورد لوكالة…": ورد (was stated, came) before في/عن/من/ل is not
    "و" + رد (and replied), which takes على or a subject; تحدث before ل is speaking to, not of."""
    i = hit.index
    if i + 1 >= len(words):
        return False
    after = words[i + 1].norm
    if hit.entry.lemma == "تحدث":
        return after[:1] == "ل"  # "لمسؤولين تحدثوا للصحيفة": whom they spoke to, not what they spoke of
    if hit.entry.lemma != "رد" or not words[i].conj:
        return False
    return after in ("في", "عن", "من", "الي") or (after[:1] == "ل" and not after.startswith("لا"))


def _said_object(words: list[Word], hit: CueHit) -> bool:
    """"نفت … ما ورد في بيان وزارة الدفاع": what a statement said, the object of another verb, is no source;
    "نفت الوزارة ما أعلنته باكو", "نفى ما قاله خصمه": what another said, the object of a denial, is no claim
    of its own (gold-conventions §2). "وهو ما نفاه الجيش" is a report: the army denies."""
    i = hit.index
    if i == 0 or words[i - 1].norm not in _WHAT_WORDS:
        return False
    if hit.entry.kind == "source":
        return True
    return hit.suffix_object and i >= 2 and words[i - 2].norm not in _WHAT_HEADS and any(
        w.cue is not None and w.cue[1] is not None and w.cue[1].denial for w in words[: i - 1])


def _conditional(words: list[Word], i: int, lex: Lexicon) -> bool:
    return i > 0 and words[i - 1].norm in lex.not_report_before


def _aside(words: list[Word], hit: CueHit) -> bool:
    """"يذكر أن قوات المعارضة تسيطر…", "ويُذكر أن…": the journalist recalling a fact, not a report."""
    return hit.index == 0 and words[0].norm in _ASIDES and len(words) > 1 and words[1].norm in ("ان", "بان")


def _inside(draft: Draft, offset: int) -> bool:
    return draft.content is not None and draft.content.start <= offset < draft.content.end


@dataclass
class _Context:
    """What every rule for one cue needs to know about its sentence."""

    text: str
    words: list[Word]
    sentence: Sentence
    lex: Lexicon
    cue_starts: set[int]
    drafts: list[Draft]  # the drafts of this sentence so far
    outlet: str | None
    next_cue: int  # index of the next non-source cue word (a speaker never runs past it)

    def content_from(self, c: int | None, entry: CueEntry) -> Span | None:
        if c is None:
            return None
        span = _with_content(self.text, self.words, c, self.sentence, self.lex, self.cue_starts)
        span = _drop_glued_prep(self.text, span, entry)
        if span is not None and _refers_back(self.text[span.start : span.end]) \
                and not _turns_down_a_report(entry, self.text[span.start : span.end]):
            return None  # "أكدت X هذه المعلومات": the content is in another sentence
        return span


class _Placement(NamedTuple):
    """Where a cue stands relative to the claims already drafted in its sentence."""

    outer: int | None  # the draft whose content holds the cue
    before: str  # the word before the cue, normalised
    relative: bool  # after a relative pronoun ("…، وهو ما نفاه الجيش")
    inner_words: list[Word]  # words of the outer content before this cue
    nested_in: int | None  # the outer draft, unless the cue is coordinated with it


def _placement(words: list[Word], hit: CueHit, drafts: list[Draft], cue_start: int) -> _Placement | None:
    """The cue's place among the drafts, or None when it introduces no claim of its own."""
    i = hit.index
    outer = next((n for n in range(len(drafts) - 1, -1, -1) if _inside(drafts[n], cue_start)), None)
    before = words[i - 1].norm if i > 0 else ""
    coordinated = words[i].conj or words[i].comma or before in _BUT
    relative = before in _RELATIVES
    inner_words: list[Word] = []
    if outer is not None and not coordinated and not relative:
        inner_words = [w for w in words if drafts[outer].content.start <= w.start < cue_start]
        if hit.entry.kind == "source" or len(inner_words) > 3:
            return None  # a relay phrase or a cue buried in the content ("بحجة أن…")
    nested_in = outer if outer is not None and not coordinated else None
    return _Placement(outer, before, relative, inner_words, nested_in)


def _source_cue_draft(ctx: _Context, hit: CueHit) -> Draft | None:
    """A source phrase ("بحسب…", "وفق…"), unless it hedges the cued claim just before it."""
    words, i = ctx.words, hit.index
    if i > 0 and any(d.content is not None and d.content.end >= words[i - 1].end - 1 for d in ctx.drafts):
        return None  # "…، حسبما نقلت الوكالة" right after a cued claim: a hedge, not a claim
    return _source_draft(ctx.text, words, hit, ctx.sentence, ctx.lex, ctx.cue_starts)


def _participle_draft(ctx: _Context, hit: CueHit, cue_span: Span, place: _Placement) -> Draft | None:
    """A participle ("مضيفا أن…"): the previous speaker goes on. Outside every content, that is the
    sentence's own speaker, not one that speaks inside its content: in "وأشارت الوزارة إلى أن باكستان تدين
    …، مؤكدة أن…" the ministry goes on (the participle agrees with the subject of the sentence's verb)."""
    entry = hit.entry
    content = ctx.content_from(_skip_to_content(ctx.words, hit.last + 1, len(ctx.words), entry, ctx.lex), entry)
    speaker = _antecedent(ctx.drafts, outer_only=place.outer is None)
    return Draft(hit, cue_span, speaker, content, implicit=True) if content else None


def _noun_draft(ctx: _Context, hit: CueHit, cue_span: Span, place: _Placement) -> Draft | None:
    """A verbal noun heading a report (``_heads_report``), read as its verb: "إعلان X أن…" as "أعلن X أن…",
    "اتهامه الاحتلال بشن…" as "اتهم الاحتلال بشن…" with the subject of the sentence speaking."""
    if ctx.words[hit.index].norm in _BY_SAYING:
        return _by_saying_draft(ctx, hit, cue_span)
    if place.outer is not None:
        return None  # "أكد أن إعلان الجيش…": a noun inside another's content is what that content says
    if hit.possessed:
        c = _skip_to_content(ctx.words, hit.last + 1, len(ctx.words), hit.entry, ctx.lex)
        content = ctx.content_from(c, hit.entry)
        return Draft(hit, cue_span, _antecedent(ctx.drafts), content, implicit=True) if content else None
    opener = _opener(ctx, hit)
    draft = _explicit_verb_draft(ctx, hit, cue_span, hit.last + 1, opener, False, None)
    if draft is None or draft.content is None:
        return None
    first = ctx.words[_word_at(ctx.words, draft.content.start)]
    said = opener is not None or _is_masdar(first, ctx.lex, definite_ok=True) or _quoted(first)
    return draft if said else None  # "إعلان الحكومة الجديدة" is a noun phrase, not a report


_BY_SAYING = grammar.words("by_saying")


def _by_saying_draft(ctx: _Context, hit: CueHit, cue_span: Span) -> Draft | None:
    """"واكتفى وزير الدفاع الباكستاني خواجة آصف بالقول إن…", "وأقر الناطق … بسقوط الصاروخ بقوله: "…"": what
    the clause's subject said. The subject is the speaker of the claim just drafted in the sentence, or
    else the words between the clause's opening verb and the first preposition after them."""
    words = ctx.words
    after = hit.last + 1
    if after >= len(words) or not (_is_complementizer(words[after], ctx.lex) or _opens_content(words[after], ctx.lex)):
        return None
    content = ctx.content_from(_skip_to_content(words, after, len(words), hit.entry, ctx.lex), hit.entry)
    if content is None:
        return None
    if ctx.drafts:
        last = ctx.drafts[-1]
        if last.content is None or last.content.start > cue_span.start or last.speaker is None:
            return None  # "ونقلت واس عن متحدث بقوله: "…"", "وردت الوزارة على البيان بالقول:": that cue's content
        return Draft(hit, cue_span, last.speaker, content, implicit=last.implicit)
    verb = max((k for k in range(hit.index) if k == 0 or words[k].comma), default=0)
    end = next((k for k in range(verb + 1, hit.index) if words[k].norm in _STOP_AFTER_SPEAKER
                or words[k].norm[:1] in "بل" and not words[k].norm.startswith("ال")), hit.index)
    if not (words[verb].conj and end - verb >= 2):
        return None
    return Draft(hit, cue_span, Span(words[verb + 1].start, words[end - 1].end), content)


def _opener(ctx: _Context, hit: CueHit) -> int | None:
    """The word that opens the content after a verb: إن/أن, a colon, or a quotation."""
    opener = next((k for k in range(hit.last + 1, ctx.next_cue) if _is_complementizer(ctx.words[k], ctx.lex)
                   or ":" in ctx.words[k].gap_before), None)
    quoted = _quotation_after(ctx, hit)
    if quoted is None:
        return opener
    # "وأضاف الحية “نقول لنتنياهو إن…”": the إن inside the quotation is the speaker's, not the border
    # (but after "ونقلت “وكالة الأنباء الإيرانية الرسمية” عن…" the quotation closed before it).
    words = ctx.words
    if opener is None or _quote_depth(ctx.text, words[quoted - 1].end, words[opener].start):
        return quoted
    return opener


def _subject_start(words: list[Word], hit: CueHit) -> int:
    """The first word after the verb that may be its subject (past "لنا", "إنه", "فيه")."""
    s = hit.last + 1
    while s < len(words):
        if _own_part(words, s) or (words[s].norm == "علي" and s + 1 < len(words) and words[s + 1].norm in _PLATFORMS):
            s += 2  # "من جهتها", "وكتبت على «تويتر»:": no subject there
        elif words[s].norm in _DATIVE or words[s].norm in _CONNECTORS or words[s].norm in _IN_IT:
            s += 1
        else:
            break
    return s


def _verb_draft(ctx: _Context, hit: CueHit, cue_span: Span, place: _Placement) -> Draft | None:
    """A finite verb: its subject (the speaker), then the content; the rules' reading, checked
    against the dependency parse when the analyzer made one."""
    draft = _rules_verb_draft(ctx, hit, cue_span, place)
    frame = dependency.verb_frame(ctx.sentence, cue_span)
    if frame is None:
        return draft
    site = _VerbSite(ctx, hit, cue_span, place, _subject_start(ctx.words, hit), _opener(ctx, hit), frame)
    for step in PARSE_STEPS:
        draft = step(site, draft) or draft
    return draft


def _rules_verb_draft(ctx: _Context, hit: CueHit, cue_span: Span, place: _Placement) -> Draft | None:
    """A finite verb read by the rules alone."""
    words, entry = ctx.words, hit.entry
    opener = _opener(ctx, hit)
    s = _subject_start(words, hit)
    if place.relative and hit.suffix_object and s < len(words) and place.before in _WHAT \
            and (words[s].norm.startswith("ال") or alias_length_at(_Norms(words), s, ctx.outlet)
                 or state_name_length_at(_Norms(words), s)):
        # "…، وهو ما نفاه الجيش": the army denies what the previous claim of the sentence said.
        return _what_draft(ctx, hit, cue_span, s)
    if entry.denial and hit.last == len(words) - 1:
        return _trailing_denial(ctx, hit, cue_span)
    fronted = (_fronted_subject(ctx, hit) or _subject_after_opener(ctx, hit)) if place.outer is None else None
    if fronted is not None:
        # "«حماس» تنفي رواية إسرائيل", "الجيش يؤكد أن…": the subject comes first, as in headlines.
        c = opener + 1 if opener is not None else _skip_to_content(words, s, len(words), entry, ctx.lex)
        content = ctx.content_from(c, entry)
        return Draft(hit, cue_span, fronted, content) if content else None
    if _no_subject(ctx, hit, s, opener, place.before, place.relative):
        if place.nested_in is not None and not place.relative and not place.inner_words:
            return None  # "إنه يعتبر…": the same speaker restating, no report of another's words
        return _implicit_verb_draft(ctx, hit, cue_span, s, opener, place.nested_in)
    return _explicit_verb_draft(ctx, hit, cue_span, s, opener, place.relative, place.nested_in)


def _draft(text, words, hit: CueHit, next_cue: int, sentence: Sentence, lex: Lexicon, cue_starts, drafts, outlet) -> Draft | None:
    """The claim one cue introduces, by the shape it stands in (or None when it introduces none)."""
    ctx = _Context(text, words, sentence, lex, cue_starts, drafts, outlet, next_cue)
    cue_span = Span(words[hit.index].start, words[hit.last].end)
    place = _placement(words, hit, drafts, cue_span.start)
    if place is None:
        return None
    if hit.entry.kind == "source":
        return _source_cue_draft(ctx, hit)
    if hit.entry.kind == "participle":
        return _participle_draft(ctx, hit, cue_span, place)
    if hit.entry.kind == "noun":
        return _noun_draft(ctx, hit, cue_span, place)
    return _verb_draft(ctx, hit, cue_span, place)


def _fronted_subject(ctx: _Context, hit: CueHit) -> Span | None:
    """A subject before an imperfect cue verb that opens the sentence: "قوات X تحمل الجيش…"."""
    words, i = ctx.words, hit.index
    verb = words[i]
    if i == 0 or i > 7 or verb.conj or ctx.drafts or verb.norm[:1] not in ("ي", "ت"):
        return None
    before = words[:i]
    if any(w.norm in _STOP_AFTER_SPEAKER or w.norm in _RELATIVES or _is_complementizer(w, ctx.lex) for w in before):
        return None
    if before[0].conj or any(w.comma for w in before[1:]):
        return None  # "وتشهد…" or a clause before a comma: not a subject in front
    return _closed(ctx.text, Span(before[0].start, before[-1].end))


_OPENING_MARKS = "«“”\""


def _opens_content(word: Word, lex: Lexicon) -> bool:
    """A colon or an opening quotation mark before the word: the content starts with it."""
    gap = word.gap_before
    return ":" in gap or (not _is_complementizer(word, lex) and any(q in gap for q in _OPENING_MARKS))


def _quotation_after(ctx: _Context, hit: CueHit) -> int | None:
    """A quotation that follows the verb and its subject with no إن/أن or colon.

    "وأضاف نتنياهو “سنقرر الخطوات المستقبلية…”", "وأضاف البيان ”الليلة الماضية…",
    "وتابع ”الجهود الرامية…": the quotation is the content. A quoted name (scare quotes, one to
    three words: "وكالة “أعماق”") is not.
    """
    words, text = ctx.words, ctx.text
    reach = hit.last + 9
    for k in range(hit.last + 1, min(ctx.next_cue, len(words))):
        w = words[k]
        mark = next((q for q in _OPENING_MARKS if q in w.gap_before), None)
        if k >= reach or _is_complementizer(w, ctx.lex):
            return None
        if w.comma and mark is None:
            # "وقال قائد سلاح الجو…، اللفتنانت جنرال جوزيف جواستيلا، "…"": an apposition or an aside first
            reach = max(reach, min(k + 8, hit.last + 16))
            continue
        if mark is None or (k > hit.last + 1 and (words[k - 1].norm in _ATTACHERS and len(words[k - 1].norm) > 1
                                                  or words[k - 1].norm in _NAMING)):
            continue  # "ناطق باسم "جبهة تحرير شعب تيغراي" إن", "جماعة ما تسمى "…"": a quoted name in the speaker
        closer = {"«": "»", "“": "”", "”": "”", '"': '"'}[mark]
        close = text.find(closer, w.start, ctx.sentence.end)
        inside = WORD_RE.findall(text, w.start, close if close >= 0 else ctx.sentence.end)
        return k if len(inside) >= 4 else None
    return None


def _clause_opener(words: list[Word], i: int) -> tuple[int, int] | None:
    """(where the clause opens, where its subject starts) for a verb at ``i`` after لكن/كان/فيما: at the
    sentence start, after a comma ("…، لكن الأخيرة نفت صلتها") or at the opener itself ("…ونهبت مخازن
    الأسلحة لكن قوة الاتحاد الإفريقي أكدت أنها…")."""
    comma = next((k for k in range(i - 1, 0, -1) if words[k].comma), 0)
    nearest = next((k for k in range(i - 1, comma, -1) if words[k].norm in _SUBJECT_OPENERS), comma)
    for clause in (0, comma, nearest):
        start = next((clause + len(p) for p in _SUBJECT_OPENERS.get(words[clause].norm, ())
                      if _match_phrase(words, clause, p)), None)
        if start is not None:
            return clause, start
    return None


def _subject_after_opener(ctx: _Context, hit: CueHit) -> Span | None:
    """The subject between a sentence-opening particle and its cue verb.

    "لكن الرئيس الأميركي، دونالد ترمب، أكد عبر تغريدة…", "لكن متحدثا باسم الجيش الكيني نفى…",
    "وكان أبو عبيدة المتحدث باسم الكتائب قد صرح…": after لكن/كان/فيما the subject comes first.
    """
    words, i = ctx.words, hit.index
    if words[i].conj or i < 2:
        return None
    opened = _clause_opener(words, i)
    if opened is None or any(d.content is not None and d.content.end > words[opened[0]].start for d in ctx.drafts):
        return None
    start = opened[1]
    end = i - 1 if words[i - 1].norm in ("قد", "لقد") else i
    if not 1 <= end - start <= 12:
        return None
    subject = words[start:end]
    if any(_is_complementizer(w, ctx.lex) or w.norm in _RELATIVES or _quoted(w) or w.cue is not None for w in subject):
        return None
    return _closed(ctx.text, Span(subject[0].start, subject[-1].end))


def _trailing_denial(ctx: _Context, hit: CueHit, cue_span: Span) -> Draft | None:
    """A denial that closes the sentence denies its earlier claim.

    "وزارة الدفاع السورية تتهم قوات سوريا الديمقراطية بقتل جنديين والأخيرة تنفي",
    "حزب الله يعلن قصف سفينة حربية إسرائيلية، وتل ابيب تنفي": the subject stands between the
    earlier claim and the verb.
    """
    earlier = next((d for d in reversed(ctx.drafts) if d.content is not None), None)
    if earlier is None:
        return None
    words = ctx.words
    subject = [w for w in words if earlier.content.end <= w.start < cue_span.start]
    if not 1 <= len(subject) <= 4:
        return None
    start = subject[0].start + (1 if subject[0].conj else 0)  # "والأخيرة": "and" is not the speaker
    return Draft(hit, cue_span, Span(start, subject[-1].end), earlier.content)


def _what_draft(ctx: _Context, hit: CueHit, cue_span: Span, s: int) -> Draft | None:
    earlier = next((d for d in reversed(ctx.drafts) if d.content is not None), None)
    if earlier is None:
        return None
    end = _speaker_end(ctx.words, s, ctx.next_cue, hit.entry, ctx.lex, ctx.outlet, False)
    speaker = Span(ctx.words[s].start, ctx.words[end - 1].end)
    return Draft(hit, cue_span, speaker, earlier.content)


def _no_subject(ctx: _Context, hit: CueHit, s: int, opener: int | None, before: str, relative: bool) -> bool:
    """Whether the verb has no subject of its own after it (a pronoun subject: "وأضاف أن…")."""
    words, entry = ctx.words, hit.entry
    if s >= len(words) or (opener is not None and s >= opener):
        return True
    first = words[s]
    return (
        words[hit.index].bare.endswith("وا")  # "وأبلغوا خامنئي": they (told) him
        or (before in _BUT and words[hit.index - 1].norm != "لكن")  # "لكنه جدد…"
        or (hit.suffix_object and (relative or not first.norm.startswith("ال")))  # "الذي اعتبره مجرم حرب"
        or first.norm in _STOP_AFTER_SPEAKER
        or first.norm in entry.preps
        or _glued_prep_opens(first, entry, ctx.lex)
        or _object_then_what(words, hit, s, ctx.lex)
        or (_quoted(first) and not alias_length_at(_Norms(words), s, ctx.outlet)
            and not _quoted_name_before(words, s, opener)
            and not _quoted_name_described(words, s, opener))  # a quotation is content
        or (entry.np_object and _is_masdar(first, ctx.lex, definite_ok=False)  # "أعلن سحب القوات"
            and not alias_length_at(_Norms(words), s, ctx.outlet))  # but "أعلن تنظيم الدولة الإسلامية أنه"
    )


def _glued_prep_opens(word: Word, entry: CueEntry, lex: Lexicon) -> bool:
    """"وهددت بالرد بالقوة…", "وتوعّدت بجعل طهران تدفع الثمن": the verb's own one-letter preposition glued to
    a definite noun or a verbal noun right after it: the content starts there, the subject is the last one."""
    rest = word.norm[1:]
    return len(word.norm) > 3 and word.norm[:1] in entry.preps and (rest.startswith("ال") or _is_masdar_text(rest, lex))


_OBJECT_FIRST = grammar.words("object_first")


def _object_then_what(words: list[Word], hit: CueHit, s: int, lex: Lexicon) -> bool:
    """"واتهم الولايات المتحدة بشن…", "ووصفت الأمر بأنه…": after و, a verb that always names whom or what it is
    about before its ب takes the one noun phrase before that ب as its object; the subject is the last one."""
    if not words[hit.index].conj or hit.entry.lemma not in _OBJECT_FIRST:
        return False
    for k in range(s + 1, min(s + 5, len(words))):
        w = words[k]
        if w.comma or _is_complementizer(w, lex) and not w.norm.startswith("ب"):
            return False
        if w.norm.startswith("ب") and len(w.norm) >= 3:
            return _one_noun_phrase(words, s, k)
    return False


def _one_noun_phrase(words: list[Word], s: int, k: int) -> bool:
    """Words ``s``..``k`` are one definite noun phrase or one known name ("الولايات المتحدة", "النظام
    الإيراني", "الأمر") — not a subject and an object ("الجيش الإسرائيلي حماس"), nor a speaker's role."""
    if any(w.norm.removeprefix("ال") in _ROLE_HEADS_BARE and not w.text.removeprefix("ال").startswith("أ")
           for w in words[s:k]):
        return False  # "واتهم المتحدث باسم…" names the speaker ("الأمر", the matter, is no "آمر")
    norms = _Norms(words)
    named = alias_length_at(norms, s) or state_name_length_at(norms, s)
    return named == k - s or all(w.norm.startswith("ال") for w in words[s:k])


def _quoted_name_before(words: list[Word], s: int, opener: int | None) -> bool:
    """"قالت «الشباب» إن…", "أكد “أبي أحمد” أن…": one to three quoted words closed right before إن/أن
    are the subject's name, not the start of a quotation."""
    return opener is not None and 1 <= opener - s <= 3 and _has(words[opener].gap_before, "»”\"") \
        and not any(w.comma or w.norm in _NOT_IN_NAMES for w in words[s:opener])  # not «من غير المعقول» أن


def _quoted_name_described(words: list[Word], s: int, opener: int | None) -> bool:
    """"وقالت "الهيئة" المقربة من الشيخ…، في بيان: «…»", "واعتبرت "الصابرين" في بيان…، أن…": one to three
    quoted words, the first with ال, closed before a description or an aside of the subject, then the
    opener further on: a name in quotation marks, not the start of the content."""
    if opener is None or not words[s].norm.startswith("ال"):
        return False
    close = next((j for j in range(s + 1, min(opener, s + 4)) if _has(words[j].gap_before, "»”\"")), None)
    if close is None or any(w.comma or w.norm in _NOT_IN_NAMES for w in words[s:close]):
        return False
    after = words[close].norm
    return after.startswith("ال") or after in _STOP_AFTER_SPEAKER


def _implicit_verb_draft(ctx: _Context, hit: CueHit, cue_span: Span, s: int, opener: int | None,
                         nested_in: int | None) -> Draft | None:
    words, entry = ctx.words, hit.entry
    if opener is not None:
        c = opener if _opens_content(words[opener], ctx.lex) else _skip_to_content(words, opener, len(words), entry, ctx.lex)
    elif entry.np_object or hit.suffix_object:
        c = _skip_to_content(words, s, len(words), entry, ctx.lex)
    else:
        return None
    content = ctx.content_from(c, entry)
    if content is None:
        return None
    draft = Draft(hit, cue_span, _antecedent(ctx.drafts), content, implicit=True)
    draft.nested_in = nested_in
    return draft


def _comma_role(ctx: _Context, end: int) -> tuple[str | None, int] | None:
    """"جدد X، الأمين العام لـ…، دعوته": a role closed by a comma, then the noun-phrase content."""
    words = ctx.words
    if end >= ctx.next_cue or not words[end].comma:
        return None
    close = next((j for j in range(end + 1, ctx.next_cue) if words[j].comma), None)
    head = words[end].norm
    if close is not None and (head.removeprefix("ال") in _ROLE_HEADS_BARE or head in ("التابع", "التابعه")):
        return _role_span_text(ctx.text, words, end, close), close  # "، التابعة للجيش الوطني،" too
    return None


def _name_between_commas(ctx: _Context, s: int, end: int) -> tuple[str | None, int] | None:
    """"نفى المتحدث باسم الجيش الإسرائيلي، أفيخاي أدرعي، صحة الرواية": with no إن/أن ahead, the holder's name
    between commas after a role still belongs to the speaker (as ``_apposition`` reads it before إن/أن);
    the noun-phrase content follows the second comma."""
    words = ctx.words
    if end >= ctx.next_cue or not words[end].comma:
        return None
    role, name_end = _apposition(ctx.text, words, s, end, ctx.next_cue, None, ctx.lex, ctx.outlet)
    if name_end == end or name_end >= len(words) or not words[name_end].comma:
        return None
    return role, name_end


def _verb_content_start(ctx: _Context, hit: CueHit, end: int, opener: int | None) -> int | None:
    """Where the content of a verb with an explicit subject starts (None when nothing follows)."""
    words, lex, entry = ctx.words, ctx.lex, hit.entry
    if opener is not None:
        return opener if _opens_content(words[opener], lex) else opener + 1
    if entry.np_object:
        return _skip_to_content(words, end, len(words), entry, lex)
    return None


def _verb_content(ctx: _Context, hit: CueHit, c: int | None, relative: bool) -> Span | None:
    words = ctx.words
    if relative and c is not None and (c >= len(words) or words[c].bare in _RELATIVES or words[c].norm in _RELATIVES):
        return _antecedent_noun(ctx.text, words, hit.index)  # "الهدنة التي دعا إليها حفتر": the head noun
    return ctx.content_from(c, hit.entry)


def _explicit_verb_draft(ctx: _Context, hit: CueHit, cue_span: Span, s: int, opener: int | None, relative: bool,
                         nested_in: int | None, subject_end: int | None = None) -> Draft | None:
    """The verb's subject from word ``s`` (ending at ``subject_end`` at the latest), then its content."""
    text, words, lex, entry, outlet = ctx.text, ctx.words, ctx.lex, hit.entry, ctx.outlet
    limit = opener if opener is not None else ctx.next_cue
    end = _speaker_end(words, s, limit, entry, lex, outlet, opener is None)
    if subject_end is not None:
        end = min(end, subject_end)
    role = None
    if opener is not None and end < opener:
        # An appositive between commas: "X، آمر …، إن" / "وزير …، أنتوني بلينكن، إن".
        role, end = _apposition(text, words, s, end, opener, entry, lex, outlet)
    speaker_to = end
    comma_role = _comma_role(ctx, end) if opener is None else None
    if comma_role is not None:
        role, end = comma_role
    elif opener is None:
        named = _name_between_commas(ctx, s, end)
        if named is not None:
            role, end = named
            speaker_to = end
    speaker_from, relayed = s, None
    relay = _find_relay(words, s, limit, entry)
    if relay is not None:
        # "نقل X عن Y أن…", "أفاد X -نقلا عن Y- بأن…", "دعت X على لسان Y": Y speaks, X passed it on.
        conduit_end, speaker_from = relay
        relayed = _span_text(text, words, s, conduit_end)
        speaker_to = _speaker_end(words, speaker_from, limit, entry, lex, outlet, opener is None)
        if opener is not None and speaker_to < opener:
            # the cited role's holder between commas, as after any role: "عن المتحدث باسم X، ليو ديجون، قوله إن"
            cited_role, named_to = _apposition(text, words, speaker_from, speaker_to, opener, entry, lex, outlet)
            if named_to > speaker_to:
                role, speaker_to = cited_role, named_to
        end = max(end, speaker_to)
    if speaker_to <= speaker_from:
        return None
    speaker = _closed(text, Span(words[speaker_from].start, words[speaker_to - 1].end))
    c = _verb_content_start(ctx, hit, end, opener)
    content = _verb_content(ctx, hit, c, relative)
    if content is None:
        # A speaker without a claim here ("وقد أكدت X هذه المعلومات"): kept as the antecedent of a
        # following "وقالت إن…" in the same sentence.
        return Draft(hit, cue_span, speaker, None)
    draft = Draft(hit, cue_span, speaker, content, role=role, relayed_by=relayed)
    draft.addressee = _addressee(words, hit.last + 1, c)
    draft.nested_in = nested_in
    return draft


# --- the dependency parse (stanza analyzer) ---------------------------------------------
# Each step reads the cue verb's frame in the parse and returns a better draft than the rules',
# or None to keep theirs. Each is confined to one disagreement with the rules: with the small test
# models the parse measured worse than the rules anywhere wider (see the steps' notes).


class _VerbSite(NamedTuple):
    """A finite cue verb as the rules saw it, with the parse's frame of that verb."""

    ctx: _Context
    hit: CueHit
    cue_span: Span
    place: _Placement
    s: int  # the first word that may be the subject (``_subject_start``)
    opener: int | None  # the word that opens the content (``_opener``)
    frame: dependency.VerbFrame


def _word_at(words: list[Word], offset: int) -> int:
    """Index of the word holding ``offset`` (or the first after it)."""
    return next((k for k, w in enumerate(words) if w.end > offset), len(words))


def _parsed_subject_border(site: _VerbSite, draft: Draft | None) -> Draft | None:
    """"وأعلن الجيش الصومالي فقدان جنديين في الهجوم": with no إن/أن and no word the rules know as a border,
    their mention runs on to the next cue; where the parse sees the same subject start, the first object or
    clause it attaches to the verb after that subject ends the mention, and the content starts there.

    Only there: elsewhere the small models attach a name in apposition ("رئيس الوزراء الإثيوبي آبي أحمد")
    to the verb as its object, and the rules' border measures better."""
    if draft is None or draft.implicit or draft.speaker is None or draft.relayed_by is not None \
            or draft.speaker.start < site.cue_span.end:
        return None
    words, next_cue = site.ctx.words, site.ctx.next_cue
    if site.opener is not None or not site.hit.entry.np_object or next_cue == 0 \
            or draft.speaker.end < words[next_cue - 1].end:
        return None
    first = _word_at(words, draft.speaker.start)
    subject = site.frame.subject
    if subject is None or _word_at(words, subject.start) != first:
        return None  # the parse must see the same subject start
    border = next((b for b in site.frame.borders if max(words[first].end, subject.end) <= b < draft.speaker.end), None)
    if border is None:
        return None
    end = _word_at(words, border)
    if end <= first:
        return None
    return _explicit_verb_draft(site.ctx, site.hit, site.cue_span, first, site.opener, site.place.relative,
                                site.place.nested_in, subject_end=end)


def _plain_subject(words: list[Word], lex: Lexicon) -> bool:
    """Words that can be a subject: no clause, quotation, relative or other cue inside."""
    return 1 <= len(words) <= 10 and not words[0].conj and not any(
        w.comma or _is_complementizer(w, lex) or w.norm in _RELATIVES - {"من", "ما"} or w.norm in _POINTERS or w.cue is not None
        for w in words)


def _parsed_subject_before_verb(site: _VerbSite, draft: Draft | None) -> Draft | None:
    """"مصادر سورية أكدت أن…", "التقارير الأولى من غزة أفادت أن…": the subject opens the sentence before
    a past-tense verb (the rules take a fronted subject only before a present-tense one, as in headlines)."""
    ctx, frame = site.ctx, site.frame
    if draft is None or not draft.implicit or site.place.outer is not None or frame.subject is None \
            or frame.subject.end > frame.verb.start:
        return None
    words = ctx.words
    first, verb = _word_at(words, frame.subject.start), site.hit.index
    if any(w.norm not in _LEADING_ADVERBIALS | _CONNECTORS for w in words[:first]):
        return None  # the subject must open the sentence
    last = verb - 1 if verb > first and words[verb - 1].norm in ("قد", "لقد") else verb
    subject = words[first:last]
    if not _plain_subject(subject, ctx.lex) or subject[-1].start >= frame.subject.end:
        return None
    speaker = _closed(ctx.text, Span(subject[0].start, subject[-1].end))
    return Draft(site.hit, site.cue_span, speaker, draft.content, nested_in=draft.nested_in)


def _names_speaker(words: list[Word], k: int, outlet: str | None) -> bool:
    """Word ``k`` opens a speaker's name: a known actor, an institution or the head of an unnamed source."""
    bare = words[k].norm.removeprefix("ال")
    return bool(alias_length_at(_Norms(words), k, outlet)) or institution_word(words[k].norm) \
        or bare in _SOURCE_HEADS_BARE


def _parsed_subject_after_verb(site: _VerbSite, draft: Draft | None) -> Draft | None:
    """"كشف تقرير إسرائيلي اليوم أن…": the rules read the noun after the verb as what was said (a verbal
    noun's shape); the parse makes it the subject, and it names a speaker."""
    ctx, frame, s = site.ctx, site.frame, site.s
    if draft is None or not draft.implicit or frame.subject is None or s >= len(ctx.words) \
            or _word_at(ctx.words, frame.subject.start) != s or (site.opener is not None and site.opener <= s):
        return None
    if not (site.hit.entry.np_object and _is_masdar(ctx.words[s], ctx.lex, definite_ok=False)):
        return None  # only where the rules took the word for a verbal noun (a verb in "وا" has its subject)
    if not _names_speaker(ctx.words, s, ctx.outlet):
        return None
    return _explicit_verb_draft(ctx, site.hit, site.cue_span, s, site.opener, site.place.relative,
                                site.place.nested_in)


# The parse steps, in order; each sees the draft the previous one left.
PARSE_STEPS: tuple[Callable[[_VerbSite, Draft | None], Draft | None], ...] = (
    _parsed_subject_border,
    _parsed_subject_before_verb,
    _parsed_subject_after_verb,
)


def _antecedent_noun(text: str, words: list[Word], i: int) -> Span | None:
    """The noun a relative clause at word ``i`` hangs on, with its quotation marks."""
    if i < 2:
        return None
    head = words[i - 2]
    start = _open_quote_start(text, words, i - 2)
    end = head.end
    if start < head.start and end < len(text) and text[end] == CLOSE_FOR.get(text[start], ""):
        end += 1
    return Span(start, end)


def _closed(text: str, span: Span) -> Span:
    """Extend a mention over the bracket or quote it opened: "وكالة الأنباء السورية (سانا)"."""
    start, end = span.start, span.end
    for opener, closer in (("(", ")"), ("«", "»")):
        opened, closed = text.count(opener, span.start, span.end), text.count(closer, span.start, span.end)
        if opened > closed and text.startswith(closer, end):
            end += 1
        elif closed > opened and start > 0 and text[start - 1] == opener:
            start -= 1  # "«الجيش الوطني» الليبي"
    return Span(start, end)


def _quoted(word: Word) -> bool:
    return "«" in word.gap_before or '"' in word.gap_before


def _antecedent(drafts: list[Draft], outer_only: bool = False) -> Span | None:
    """The subject an implicit cue continues: the last speaker named in this sentence (with ``outer_only``,
    the last one outside another claim's content, when there is one)."""
    for d in reversed(drafts):
        if d.speaker is not None and not (outer_only and d.nested_in is not None):
            return d.speaker
    return _antecedent(drafts) if outer_only else None


def _apposition(text, words, s: int, end: int, opener: int, entry, lex, outlet) -> tuple[str | None, int]:
    """Role between commas after the speaker, or the name after a role ("وزير …، أنتوني بلينكن،")."""
    j = end
    while j < opener and not (j > end and words[j].comma):
        j += 1
    segment = words[end:j]
    if not segment:
        return None, end
    if _role_apposition(segment, lex):
        return _role_span_text(text, words, end, _role_apposition_end(words, end, j)), end
    first_is_role = words[s].norm.removeprefix("ال") in _ROLE_HEADS_BARE
    # "…، العميد يحيى سريع مساء اليوم، إن": the name ends where the time or the channel begins.
    name_end = next((x for x in range(end + 1, j) if words[x].norm in _STOP_AFTER_SPEAKER and words[x].norm != "في"), j)
    if first_is_role and words[end].comma \
            and (_looks_like_name(words[end:name_end], lex) or alias_length_at(_Norms(words), end, outlet)):
        return _span_text(text, words, s, end), name_end
    return None, end


def _role_apposition(segment: list[Word], lex: Lexicon) -> bool:
    """Whether the words between commas after a name are a role ("، الناطق باسم الجيش،"); a rank that is also
    a role word is a title when a name follows it ("…، الجنرال أولكسندر سيرسكي،")."""
    titled = segment[0].norm in lex.titles and len(segment) > 1 and _looks_like_name(segment, lex)
    return segment[0].norm.removeprefix("ال") in _ROLE_HEADS_BARE and not titled


def _role_apposition_end(words: list[Word], end: int, j: int) -> int:
    """The role ends where the channel or the time begins ("…، الناطق باسم الجيش في بيان له أمس، أن")."""
    return next((x for x in range(end + 1, j) if words[x].norm in _STOP_AFTER_SPEAKER
                 and not (words[x].norm == "في" and x + 1 < j and words[x + 1].norm.startswith("ال")
                          and words[x + 1].norm.removeprefix("ال") not in _CHANNEL_AFTER_IN)), j)


def _looks_like_name(segment: list[Word], lex: Lexicon) -> bool:
    """One to four name words, after a title or not: "نبيل عبد الله", "العميد نبيل عبد الله",
    "حميد رضا مقدم فر" — not "في بيان" nor a definite noun phrase."""
    norms = [w.norm for w in segment]
    if norms and norms[0] in lex.titles:
        norms = norms[1:]
    if len(norms) >= 2 and norms[0] == "علي" and norms[1] in _PLATFORMS:
        return False  # "، على منصة إكس،": where the words were posted ("علي" is also the name Ali)
    return 1 <= len(norms) <= 4 and not any(
        (n.startswith("ال") and not grammar.compound_name_part(norms, k) and not _family_name(norms, k))
        or n in _STOP_AFTER_SPEAKER or n in _CHANNEL_AFTER_IN for k, n in enumerate(norms))


def _family_name(norms: list[str], k: int) -> bool:
    """"إسماعيل الثوابتة", "تركي المالكي": after a given name, the last word may carry ال."""
    return k == len(norms) - 1 and k > 0 and not norms[0].startswith("ال") and len(norms[k]) > 4


def _run_to_comma(words: list[Word], k: int, s: int, limit: int) -> int:
    """The first word from ``k`` with a comma before it (not counting word ``s``), else ``limit``."""
    while k < limit and not (k > s and words[k].comma):
        k += 1
    return k


def _ends_source_np(words: list[Word], k: int, lex: Lexicon) -> bool:
    """Whether word ``k`` no longer belongs to the noun phrase naming a source."""
    w = words[k]
    if w.comma or w.norm in _CONNECTORS or _is_complementizer(w, lex):
        return True
    prev = words[k - 1].norm
    definite = w.norm.startswith(("ال", "لل", "بال", "وال"))
    adjectival = w.norm.endswith(_ADJECTIVE_ENDINGS) and not w.norm.endswith(_VERB_ENDINGS)
    attached = prev in _ATTACHERS or w.norm in _ATTACHERS
    glued = w.norm[:1] in ("ب", "ل") and w.norm[1:].startswith("ال")
    name_part = prev in lex.titles or prev in ("عبد", "ابو", "بن")
    quoted = "«" in w.gap_before or '"' in w.gap_before
    if not (definite or adjectival or attached or glued or name_part or quoted):
        return True
    return w.norm.endswith(_VERB_ENDINGS) and not (definite or attached)


_PUBLISHED = grammar.words("published_by")


_LONGEST_QUOTED_NAME = 4


def _quoted_name_end(words: list[Word], k: int, limit: int) -> int:
    """The word after the quotation mark that closes a short quoted name opening before word ``k``
    ("صحيفة “يديعوت أحرونوت”"), or ``k`` when no such name opens there."""
    if k == 0 or not _has(words[k].gap_before, _OPENING_MARKS) or _has(words[k - 1].gap_before, _OPENING_MARKS):
        return k
    for j in range(k + 1, min(limit, k + _LONGEST_QUOTED_NAME + 1)):
        if _has(words[j].gap_before, "»”\""):
            return j
        if words[j].comma or _has(words[j].gap_before, _OPENING_MARKS):
            return k
    return k


def _source_np_end(words: list[Word], s: int, limit: int, lex: Lexicon) -> int:
    """End of the noun phrase naming a source before its clause ("وبحسب مصدر عسكري في الجيش أدت…"); a
    document "published by" someone ("وجاء في قائمة نشرها كورتي أن…") runs to whoever published it."""
    inside_until = 0
    for k in range(s + 1, limit):
        inside_until = max(inside_until, _quoted_name_end(words, k, limit))
        if k < inside_until:
            continue  # inside "صحيفة “يديعوت أحرونوت” العبرية": the quoted name belongs to the phrase
        if words[k].norm in ("صادر", "صادره") or (k == s + 1 and words[k].norm in _PUBLISHED):
            # "بيان صادر عن مكتب رئيس الوزراء، …" / "… صادر عن مكتب رئيس الوزراء أن": the issuer runs to the
            # comma or the complementizer.
            return next((j for j in range(k + 1, limit) if words[j].comma or _is_complementizer(words[j], lex)), limit)
        if _ends_source_np(words, k, lex):
            return k
    return max(s, limit)


def _leading_source_draft(text, words, hit: CueHit, sentence: Sentence, lex: Lexicon, cue_starts, cue_span: Span,
                          s: int, glued: bool) -> Draft | None:
    """"وبحسب مصدر عسكري، أدت…": the source first, then its clause."""
    limit = len(words)
    np_end = _source_np_end(words, s, limit, lex)
    speaker = Span(words[s].start + (1 if glued else 0), words[np_end - 1].end)
    c = np_end
    # "…تحدثوا للصحيفة بشرط عدم الكشف عن هوياتهم، فقد ضغط": the clause starts after the comma;
    # "بيان للوزارة أوردته وكالة الأنباء الرسمية أن…": or at the first أن, when that comes first.
    comma = next((k for k in range(np_end, limit) if words[k].comma), None)
    that = next((k for k in range(np_end, min(limit, np_end + 8)) if _is_complementizer(words[k], lex)), None)
    if that is not None and (comma is None or that <= comma) and not any(k in cue_starts for k in range(np_end, that)):
        c = that
    elif comma is not None and comma - np_end <= 10 and not any(k in cue_starts for k in range(np_end, comma)):
        c = comma
    while c < limit and words[c].norm in _CONNECTORS:
        c += 1
    if c < limit and _is_complementizer(words[c], lex):
        c += 1  # "وجاء في بيان للجيش أن القوات…": the claim starts after أن
    content = _with_content(text, words, c, sentence, lex, cue_starts - {hit.index})
    return Draft(hit, cue_span, speaker, content) if content else None


def _claim_before_source(words: list[Word], i: int, lex: Lexicon) -> int | None:
    """The first word of the clause a trailing source phrase at word ``i`` attributes."""
    first = 0
    while first < i and words[first].norm in _LEADING_ADVERBIALS | _CONNECTORS:
        first += 1
    if first >= i:
        return None
    # "…رغم وجود مزاعم بأن X فعل Y، وفق ما قال Z": Z's claim is the clause after "مزاعم بأن".
    for k in range(first + 1, i - 1):
        if words[k].norm in _CLAIM_NOUNS and _is_complementizer(words[k + 1], lex):
            first = k + 2
    return first


def _trailing_source_draft(text, words, hit: CueHit, lex: Lexicon, cue_span: Span, s: int, glued: bool) -> Draft | None:
    """After the clause: "…، وفق السلطات الإسرائيلية." The source runs to the comma or the end."""
    i = hit.index
    np_end = _run_to_comma(words, s, s, len(words))
    speaker = Span(words[s].start + (1 if glued else 0), words[np_end - 1].end)
    first = _claim_before_source(words, i, lex)
    if first is None:
        return None
    start, end = _trim(text, words[first].start, words[i].start)
    w0 = words[first]
    if w0.norm.startswith("و") and w0.conj and w0.start == start:
        start += len(w0.text) - len(w0.text.lstrip("و")) or 1  # the journalist's "و" is not part of the claim
    return Draft(hit, cue_span, speaker, Span(start, end)) if end > start else None


def _source_draft(text, words, hit: CueHit, sentence: Sentence, lex: Lexicon, cue_starts) -> Draft | None:
    i, last = hit.index, hit.last
    # "وفقا لمسؤولين…": the ل that ends the phrase is glued to the first word of the source.
    glued = bool(hit.entry.words) and hit.entry.words[-1] == "ل" and words[last].norm != "ل"
    if glued:
        last -= 1
    cue_span = Span(words[i].start, words[last].end)
    s = last + 1
    if s >= len(words):
        return None  # "نفت … ما ورد في بيان وزارة الدفاع": what the statement said is an object here
    if all(w.norm in _LEADING_ADVERBIALS for w in words[:i]):
        return _leading_source_draft(text, words, hit, sentence, lex, cue_starts, cue_span, s, glued)
    return _trailing_source_draft(text, words, hit, lex, cue_span, s, glued)


_MANNER = grammar.words("manner")
_WHAT_WORDS = frozenset(("ما", "مما", "لما", "بما"))
_WHAT_HEADS = frozenset(("هو", "هي", "وهو", "وهي", "ذلك", "وذلك"))  # "وهو ما نفاه الجيش"
_ASIDES = grammar.words("journalist_asides")
_ROLE_HEADS_BARE = frozenset(w.removeprefix("ال") for w in grammar.words("role_heads"))
_MEDIA_NOUNS = grammar.words("media_nouns")
_IN_IT = grammar.words("in_it")
_OWN_PART = grammar.words("own_part")
_PLATFORMS = grammar.words("platforms")
_NAMING = grammar.words("naming_words")
_REPORT_TIMES = grammar.words("report_times")
_BUT = grammar.words("but")
_ATTACHERS = grammar.words("attachers")
_ADJECTIVE_ENDINGS = ("ي", "يه", "يين", "يون", "يان", "يتين", "ان")
_VERB_ENDINGS = ("وا", "ت")
_LEADING_ADVERBIALS = grammar.words("leading_adverbials")
_CLAIM_NOUNS = grammar.words("claim_nouns")
_SUBJECT_OPENERS = _by_first(grammar.phrases("subject_openers"))
_NOT_IN_NAMES = _STOP_AFTER_SPEAKER | grammar.words("not_in_names")
_ADDRESSEES = grammar.words("addressees")
_SOURCE_HEADS_BARE = frozenset(w.removeprefix("ال") for w in grammar.words("source_heads"))
_SPEECH_POSSESSIVES = grammar.words("speech_possessives")
_OBJECT_HEADS = grammar.words("object_heads")
_POINTERS = frozenset(normalize(w) for w in ("هذه", "هذا", "ذلك", "تلك", "هذين", "هاتين", "هؤلاء"))
_WHAT = frozenset(normalize(w) for w in ("ما", "وهو ما", "الأمر الذي", "وهذا ما"))


@lru_cache(maxsize=50_000)
def _names_person(norm: str) -> bool:
    from ..speakers.actors import actor_index

    index = actor_index()
    return any(index.actors[a[1]].kind == "person" for a in index.by_first.get(norm, ()))


@lru_cache(maxsize=50_000)
def _is_outlet(word: str) -> bool:
    """A news outlet named in one word ("رويترز", "الجزيرة"), from the outlet and actor lists."""
    from ..ingest.segment import outlet_by_name
    from ..speakers.actors import actor_index

    if outlet_by_name(word):
        return True
    index = actor_index()
    return any(index.actors[a[1]].kind == "outlet" and a[0] == (normalize(word),) for a in index.by_first.get(normalize(word), ()))
_CHANNEL_PREPS = frozenset(normalize(w) for w in ("في", "خلال", "عبر", "أمام", "على"))
_CHANNEL_OWNED = frozenset(normalize(w) for w in ("صفحته", "صفحتها", "حسابه", "حسابها", "موقعه", "موقعها"))


# --- whole article -----------------------------------------------------------------------


def extract(article: Article, sentences: list[Sentence]) -> list[Attribution]:
    """What every sentence reports, with speaker mentions as written (resolved later).

    For an implicit subject ``speaker_text`` is "" and ``speaker_span`` points at the
    antecedent in the same sentence, when there is one. A nested claim's ``nested_in_index``
    is the position of its outer claim in the list returned.
    """
    lex = lexicon()
    text = article.text
    found: list[Attribution] = []
    for sentence in sentences:
        drafts = extract_sentence(text, sentence, lex, article.outlet)
        index_of: dict[int, int] = {}
        for n, d in enumerate(drafts):
            if d.content is None:
                continue
            index_of[n] = len(found)
            content_text = text[d.content.start : d.content.end]
            direct = (
                d.content.start > 0 and text[d.content.start - 1] in OPEN_QUOTES
                and d.content.end < len(text) and text[d.content.end] == CLOSE_FOR[text[d.content.start - 1]]
            )
            found.append(
                Attribution(
                    story=sentence.story,
                    sentence=Span(sentence.start, sentence.end),
                    cue=d.cue,
                    cue_text=text[d.cue.start : d.cue.end],
                    cue_lemma=d.hit.entry.lemma,
                    cue_kind=d.hit.entry.kind,
                    content=d.content,
                    content_text=content_text,
                    speaker_text="" if d.implicit or d.speaker is None else text[d.speaker.start : d.speaker.end],
                    speaker_span=d.speaker,
                    role=d.role,
                    direct=direct,
                    negated=d.hit.entry.denial or _negated(content_text, lex),
                    addressee_outlet=d.addressee,
                    relayed_by=d.relayed_by,
                    nested_in_index=index_of.get(d.nested_in) if d.nested_in is not None else None,
                )
            )
    return found


def _negated(content: str, lex: Lexicon) -> bool:
    """True when the claim's main predicate is negated (not "لا يزال", not a later clause)."""
    clause = content.partition("،")[0]
    found = WORD_RE.findall(clause, 0, 200)  # the first five words are all that count
    if len(found) < 6 and len(clause) > 200:
        found = WORD_RE.findall(clause)  # (unless they run past 200 characters)
    words = list(map(normalize_word, found[:5]))
    for k, w in enumerate(words):
        if w in lex.not_negations and any(tuple(words[k : k + len(n)]) == n for n in lex.not_negations[w]):
            return False
        if w in lex.denial_phrases and any(tuple(words[k : k + len(n)]) == n for n in lex.denial_phrases[w]):
            return True
        if w in lex.negations and w != "ما":
            return True
        if (w.startswith("و") and k > 0) or w in lex.complementizers:
            break  # a later coordinated clause, or someone else's words reported inside
    return False

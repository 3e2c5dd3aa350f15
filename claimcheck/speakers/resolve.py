"""Speaker resolution: from the mention as written to the speaker a fact-checker holds on record.

- implicit subjects ("وأضاف أن…", participles) → the previous speaker;
- short names and definite re-mentions ("المسماري", "المصدر", "المسؤولان") → the full mention met earlier;
- documents ("البيان") → the body or person that issued them;
- known actors (data/actors.toml, outlet-aware aliases) → canonical name, role, organisation, side;
- unknown speakers are kept, with side unknown unless the mention ties them to a side.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from ..analysis.text import WORD_RE, normalize, normalize_name, normalize_word
from ..attribution import grammar
from ..attribution.attribute import lexicon
from ..models import Article, Attribution, ResolvedSpeaker
from .actors import (BODY_KINDS, Actor, _words, actor_index, find_actor, last_named_body, local_actors,
                     names_local_alias, side_from_mention)
from .world import (arabic_label, compound_nisba_at, context_institution, institution_word, named_alone,
                    nationality_adjective, nisba_label_at, nisba_stem, place_length_at, place_name_at, side_on,
                    state_name_length_at, state_side, states_named, town_state, unit_noun, words_of)


_SOURCE_HEADS = grammar.words("source_heads")
_DOCUMENTS = grammar.words("documents")
_ROLE_BARE = grammar.words("title_roles")
_ACTING = grammar.words("acting")
_AL_GIVEN_NAMES = grammar.words("al_given_names")
_DEMONSTRATIVES = grammar.words("demonstratives")
_SAME = frozenset(normalize(w) for w in ("ذاته", "ذاتها", "ذاتهم", "نفسه", "نفسها", "نفسهم", "أنفسهم"))
_SPOKESMAN = frozenset(w.removeprefix("ال") for w in grammar.words("spokesman_heads"))


def _head(mention: str) -> str:
    words = [w for w in _words(mention) if w not in _DEMONSTRATIVES and w not in lexicon().titles]
    if not words:
        return ""
    head = words[0]
    if head.startswith("وال"):
        head = head[1:]  # "والمسؤولون": "and" + the noun; the و of "وزارة" is its own letter
    return head.removeprefix("ال")


@lru_cache(maxsize=50_000)
def _stem(word: str) -> str:
    """Number-neutral stem for re-mentions: مسؤولان/مسؤولين/مسؤولون → مسؤول, مصادر → مصدر."""
    word = word.removeprefix("ال")
    for suffix in ("ان", "ين", "ون", "ات", "ه"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return {"مصادر": "مصدر"}.get(word, word)


_SOURCE_STEMS = frozenset(_stem(h) for h in _SOURCE_HEADS)


def describe_unnamed(mention: str) -> tuple[str, str | None]:
    """(description, affiliation) for an unnamed source: head noun and adjectives, then the attachment."""
    words = WORD_RE.findall(mention.replace("«", "").replace("»", ""))
    at = next((k for k in (1, 2) if k + 1 < len(words) and normalize(words[k]) == "باسم"
               and all(normalize(w).startswith("ال") for w in words[1:k])), None)
    if words and normalize(words[0]).removeprefix("ال") in _SPOKESMAN and at is not None:
        # "المتحدث باسم قوات الوفاق", "الناطق الرسمي باسم الجيش السوداني" is the whole description (§4).
        return " ".join(words), " ".join(words[at + 1 :])
    desc: list[str] = []
    for k, w in enumerate(words):
        n = normalize(w)
        if n in _DEMONSTRATIVES:
            continue
        if desc and (n in ("في", "من", "لدى", "داخل", "التابع", "التابعه", "باسم") or n[:1] in ("ب", "ل") and n[1:].startswith("ال")):
            rest = " ".join(words[k + (1 if n in ("في", "من", "لدى", "داخل", "التابع", "التابعه") else 0):])
            if n[:1] in ("ب", "ل") and n not in ("باسم",):
                rest = " ".join([w[1:]] + words[k + 1 :])
            return " ".join(desc), rest or None
        desc.append(w)
    return " ".join(desc), None


def _definite_to_indefinite(description: str) -> str:
    """"المصدر العسكري" → "مصدر عسكري" (gold descriptions carry no article); "مراسل الجزيرة" and
    "المتحدث باسم …" stay as written."""
    first = normalize(description.split(" ", 1)[0]) if description else ""
    if not description.startswith("ال") or first.removeprefix("ال") in _SPOKESMAN:
        return description
    out = []
    for w in description.split():
        if w.startswith("ال") and len(w) > 4:
            w = w[2:]
        out.append(w)
    return " ".join(out)


@dataclass
class _Known:
    speaker: str
    side: str | None
    actor_id: str | None
    role: str | None
    affiliation: str | None
    mention: str
    head: str


def resolve_speakers(article: Article, found: Sequence[Attribution]) -> list[ResolvedSpeaker]:
    """Canonical speaker, role, affiliation and side for every attribution of ``article``, in text order.

    One ``ResolvedSpeaker`` per attribution, in the same order; the attributions are only read.
    """
    outlet = article.outlet
    holders = _role_holders(found)
    seen: list[_Known] = []  # speakers met so far in the current story, latest last
    story = None
    by_index: list[_Known] = []
    resolved: list[ResolvedSpeaker] = []
    for claim in found:
        if claim.story != story:
            story, seen = claim.story, []
        mention = claim.speaker_text.strip()
        outer = claim.nested_in_index if claim.cue_kind != "source" else None
        if outer is not None:
            # X's account of Y's words: the speaker on record is X (gold-conventions §2).
            known = by_index[outer]
        else:
            known = _speaker_of(article, claim, mention, outlet, seen, holders)
        if known is None:
            known = _Known("", None, None, None, None, "", "")
        seen.append(known)
        by_index.append(known)
        resolved.append(_on_record(article, claim, known, mention, outer))
    return resolved


def _on_record(article: Article, claim: Attribution, known: _Known, mention: str, outer: int | None) -> ResolvedSpeaker:
    """The speaker on record for ``claim``, resolved to ``known`` (taken from the outer claim when nested)."""
    story = article.story_at(claim.sentence.start)
    nested = outer is not None
    speaker = known.speaker or mention
    side = side_on(known.side or _side_of_conduit(claim.relayed_by), (story.published if story else None) or article.published)
    return ResolvedSpeaker(
        speaker=speaker,
        speaker_text=known.mention if nested else claim.speaker_text,
        speaker_span=None if nested else claim.speaker_span,
        side=side or _own_party(speaker, known.actor_id) or _spokesman_of_own_party(speaker, known.affiliation),
        actor_id=known.actor_id,
        role=claim.role or known.role,
        affiliation=known.affiliation,
        reported=(mention or None) if nested else None,
        outer=outer,
    )


_PARTY_HEADS = grammar.words("party_heads")
SIDE_LENGTH = 40  # the longest side label a store keeps (claims.side)


def _own_party(speaker: str, actor_id: str | None) -> str | None:
    """"جبهة الخلاص الوطني", "حركة تحرير الجنوب": a named party that no list knows is its own side (its name),
    so that its claims can be opposed to others'. Not "جماعة مسلحة" (no name) nor a known actor."""
    words = _words(speaker)
    if actor_id or len(words) < 2 or words[0] not in _PARTY_HEADS or names_local_alias(speaker):
        return None  # "ميليشيات الخوارج" outside Somalia's story: a list knows it, the story does not say whose
    named = any(w.startswith("ال") for w in words[1:])
    return speaker if named and len(speaker) <= SIDE_LENGTH else None  # a longer name is a description, not a label


def _spokesman_of_own_party(speaker: str, affiliation: str | None) -> str | None:
    """"المتحدث باسم جبهة الخلاص الوطني": who speaks for a party that no list knows is on its side (a medium
    owned by one is on none)."""
    head = _head(speaker)
    if not affiliation or (head not in _SPOKESMAN and _stem(head) not in _SOURCE_STEMS):
        return None
    return _own_party(affiliation, None)


def _side_of_conduit(relayed_by: str | None) -> str | None:
    """"وقالت الخارجية الروسية على لسان المتحدثة ماريا زاخاروفا", "دعت واشنطن على لسان مندوبتها…": a party that
    speaks through someone lends that person its side. A medium that carried the words lends none."""
    words = _words(relayed_by or "")
    if not words or words[0].removeprefix("و") in _MEDIA_KINDS:
        return None
    return state_side(relayed_by) or side_from_mention(relayed_by)


def _speaker_of(article: Article, claim: Attribution, mention: str, outlet: str | None, seen: list[_Known],
                holders: dict[str, str]) -> _Known | None:
    """Who speaks in ``claim``: its mention resolved, or for an implicit subject its antecedent."""
    if mention:
        return _resolve_mention(article, claim, mention, outlet, seen, holders)
    if claim.speaker_span is not None:
        # An implicit subject with its antecedent in the same sentence ("وقد أكدت X …، وقالت إن").
        antecedent = article.text[claim.speaker_span.start : claim.speaker_span.end]
        return _resolve_mention(article, claim, antecedent, outlet, seen, holders)
    return _sentence_subject(article, claim, outlet) or (seen[-1] if seen else None)


def _sentence_subject(article: Article, claim: Attribution, outlet: str | None) -> _Known | None:
    """For "وكان ترامب أصدر إعلانا، قال فيه…": the person named earlier in the same sentence."""
    if claim.cue_kind != "verb":
        return None
    before = article.text[claim.sentence.start : claim.cue.start]
    hit = find_actor(before, outlet, local_actors(article.text) if names_local_alias(before) else frozenset())
    if hit is None:
        return None
    actor = hit[0]
    if actor.kind != "person" and not _subject_of_first_verb(before, hit):
        return None
    return _Known(actor.name, actor.side, actor.id, actor.role, actor.organisation, "", "")


def _subject_of_first_verb(before: str, hit: tuple[Actor, int, int]) -> bool:
    """"عرض الجيش الإسرائيلي مقطعين مصورين قال إنهما…", "يواصل الجيش الإسرائيلي دعايته … حيث عرض مقطعين قال
    إنهما…": a body right after the sentence's first verb is its subject, and the one an implicit cue goes on
    with. Elsewhere in the sentence a body is more likely the object ("قصفت إسرائيل مواقع حزب الله، وقال…")."""
    words = _words(before)
    return 0 < hit[1] <= 3 and hit[1] < len(words) and not words[hit[1] - 1].startswith(("ال", "و")) \
        and not any(w in lexicon().complementizers for w in words[: hit[1]])  # not "وقال إن جيش الاحتلال …"


_MEDIA_HEADS = grammar.words("media_heads")
_ISSUED_BY = re.compile(r"(?:صادرة?\s+عن|^\S+\s+من)\s+(.+)$")  # "بيان صادر عن X", "بيان من X"


def _issuer(mention: str) -> str | None:
    """Who issued a document: "بيان صادر عن X" → X, "بيان من الجيش الأميركي" → الجيش الأميركي, "بيان للجيش" →
    الجيش, "بيان لوزارة الدفاع" → وزارة الدفاع, "بيان الجيش الهندي" → الجيش الهندي."""
    m = _ISSUED_BY.search(mention)
    if m:
        return m.group(1).strip() or None
    words = mention.split()
    if len(words) >= 2 and words[1].startswith("ال") and not words[0].startswith("ال"):
        return " ".join(words[1:])  # "بيان الجيش الهندي", "بيان الناطق باسم جيش الاحتلال": the construct's owner
    if len(words) >= 2 and words[1].startswith("ل") and len(words[1]) > 3:
        first = "ال" + words[1][2:] if words[1].startswith("لل") else words[1][1:]
        return " ".join([first, *words[2:]])
    return None


_PERSON_DESCRIPTIONS = grammar.words("person_descriptions")


def _story_text_before(article: Article, offset: int, end: int | None = None) -> str:
    """The text of the story holding ``offset``, from its start up to ``end`` (``offset`` by default)."""
    story = article.story_at(offset)
    return article.text[story.start if story else 0 : offset if end is None else end]


def _last_person_before(article: Article, claim: Attribution) -> _Known | None:
    """"الدبلوماسي الأميركي الراحل" → the known person named last before this sentence in the story."""
    words = _words(_story_text_before(article, claim.sentence.start))
    index = actor_index()
    found = None
    for at in range(len(words)):
        for alias, actor_id, *_ in index.by_first.get(words[at], ()):
            actor = index.actors[actor_id]
            if actor.kind == "person" and tuple(words[at : at + len(alias)]) == alias:
                found = actor
    if found is None:
        return None
    return _Known(found.name, found.side, found.id, found.role, found.organisation, "", "")


@lru_cache(maxsize=1)
def _outlet_aliases() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Outlet aliases by first word."""
    index = actor_index()
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for alias, actor_id, *_ in index.aliases:
        if index.actors[actor_id].kind == "outlet":
            out.setdefault(alias[0], []).append((alias, actor_id))
    return out


def _last_outlet_before(article: Article, offset: int, outlet: str | None) -> _Known | None:
    """"بحسب الصحيفة" → the paper named earlier in the story ("تقرير لصحيفة نيويورك تايمز")."""
    found = None
    index = actor_index()
    text = _words(_story_text_before(article, offset))
    outlets = _outlet_aliases()
    for k, word in enumerate(text):
        for form in {word, word[1:], word[2:]}:  # "لصحيفة" / "للجزيرة"
            for alias, actor_id in outlets.get(form, ()):
                if all(a == w or a in (w[1:], w[2:]) for a, w in zip(alias, text[k : k + len(alias)])):
                    found = (k, index.actors[actor_id])
    if found is None:
        return None
    actor = found[1]
    return _Known(actor.name, actor.side, actor.id, None, None, actor.name, "")


_DIRECTION_TAIL = re.compile(r"\s+(?:في\s+|ب)?(?:جنوب|شمال|شرق|غرب|وسط)\S*\s+\S+$")


def _role_holders(claims: Sequence[Attribution]) -> dict[str, str]:
    """Role → the mention that names its holder, from every speaker mention of the article.

    "رئيس الوزراء الإثيوبي آبي أحمد" makes a later (or earlier) "رئيس الوزراء الإثيوبي" Abiy Ahmed.
    """
    holders: dict[str, str] = {}
    for claim in claims:
        mention = claim.speaker_text.strip()
        split = (_titled_person(mention) or _role_then_name(mention) or _name_then_role(mention)) if mention else None
        if split and split[1]:
            holders.setdefault(normalize_name(split[1]), mention)
    return holders


class _Mention:
    """One speaker mention being resolved, with what the resolution steps read from it."""

    def __init__(self, article: Article, claim: Attribution, text: str, outlet: str | None, seen: list[_Known],
                 holders: dict[str, str] | None) -> None:
        self.article, self.claim, self.text, self.outlet = article, claim, text, outlet
        self.seen, self.holders = seen, holders
        self.head = _head(text)
        self.words = _words(text)

    def resolve(self, text: str, holders: dict[str, str] | None) -> _Known:
        """Resolve another mention (an issuer, a role's holder) in the same place."""
        return _resolve_mention(self.article, self.claim, text, self.outlet, self.seen, holders)

    @cached_property
    def found(self) -> tuple[Actor, int, int] | None:
        """The known actor named in the mention, as ``find_actor`` gives it."""
        local = local_actors(self.article.text) if names_local_alias(self.text) else frozenset()
        return find_actor(self.text, self.outlet, local)

    @cached_property
    def role(self) -> str | None:
        return _role_text(self.text, self.found)

    @cached_property
    def hit(self) -> tuple[Actor, int, int] | None:
        """``found``, unless the mention joins the actor to others with و."""
        hit, words = self.found, self.words
        if hit is not None and hit[2] < len(words) and words[hit[2]].startswith("و") \
                and not words[hit[2]].startswith("ال") and words[hit[2]] not in ("والتي", "والذي", "والذين"):
            return None  # "الأمم المتحدة ودول غربية": a mixed group speaks for no single actor
        return hit

    @cached_property
    def not_a_person(self) -> bool:
        return self.hit is None or self.hit[0].kind != "person"


def _media_word(m: _Mention) -> _Known | None:
    """"بحسب الصحيفة": the outlet named earlier in the story."""
    if len(m.words) == 1 and m.words[0] in _MEDIA_HEADS:
        return _last_outlet_before(m.article, m.claim.cue.start, m.outlet)
    return None


def _definite_body(m: _Mention) -> _Known | None:
    """"الحركة", "الوزارة", "الأخيرة": the body named earlier (``_definite_antecedent``)."""
    return _definite_antecedent(m.article, m.claim, m.words, m.seen, m.outlet)


def _role_with_holder(m: _Mention) -> _Known | None:
    """A role named with its holder elsewhere in the article ("رئيس الوزراء الإثيوبي" → آبي أحمد)."""
    holder = (m.holders or {}).get(normalize_name(m.text))
    if holder is not None and holder != m.text:
        return m.resolve(holder, None)
    return None


_PUBLISHED = grammar.words("published_by")


def _published_by(m: _Mention) -> _Known | None:
    """"قائمة نشرها كورتي", "تقارير نشرها موقعان إخباريان": whoever published what is cited speaks (one word
    names the document; "بيان للوزارة أوردته وكالة…" names its issuer first, and the agency only carried it)."""
    words = m.text.split()
    if len(words) < 3 or normalize(words[1]) not in _PUBLISHED:
        return None
    return m.resolve(" ".join(words[2:]), m.holders)


def _document(m: _Mention) -> _Known | None:
    """Documents speak for whoever issued them ("وأوضح البيان" → the office that issued it)."""
    if not m.head or ("ال" + m.head not in _DOCUMENTS and m.head not in _DOCUMENTS):
        return None
    issuer = _issuer(m.text)
    if issuer:
        # "بيان صادر عن مكتب رئيس الوزراء" / "بيان للجيش": the issuer speaks.
        return m.resolve(issuer, m.holders)
    if len(m.words) <= 2:
        named = _last_statement_issuer(m)
        return named or next((prev for prev in reversed(m.seen) if prev.speaker), None)
    return None


_IN_A_STATEMENT = re.compile(r"(?:^|\s)في\s+بيان(?:\s+له|\s+لها)?\s*[،,]")
_STATEMENT_OF = re.compile(r"بيان[اه]?\s+(?:صادر[اة]?\s+عن\s+|ل)[^،,.:؛«»\"“”\n]{2,80}")


def _last_statement_issuer(m: _Mention) -> _Known | None:
    """"وقال البيان" after "وأكد بيان لحزب الله اللبناني أن…" or "ونعى بيان لقيادة العمليات المشتركة":
    the body whose statement the story named last, even when others spoke since."""
    text = _story_text_before(m.article, m.claim.cue.start, m.claim.sentence.start)
    found = None
    for found in _STATEMENT_OF.finditer(text):
        pass
    channel = None
    for channel in _IN_A_STATEMENT.finditer(text):
        pass
    if channel is not None and (found is None or channel.start() > found.end()) and m.seen and m.seen[-1].speaker:
        # "وذكر المركز الإعلامي … في بيان، أن…" after "بيان صادر عن وزارة الدفاع": the statement named last
        # is the one the previous speaker spoke in.
        return m.seen[-1]
    issuer = _issuer(found.group()) if found else None
    if not issuer:
        return None
    words = issuer.split()
    stop = next((k for k, w in enumerate(words) if normalize(w) in lexicon().complementizers
                 or normalize(w).removeprefix("و") in lexicon().single), len(words))
    return m.resolve(" ".join(words[: min(stop, 6)]), m.holders) if stop else None


def _own_forces(m: _Mention) -> _Known | None:
    """"قواته" / "قواتها": the forces of the actor named just before."""
    words = m.words
    if not words or not words[0].startswith("قوات") or len(words[0]) <= 4 or words[0].startswith("قوات ال"):
        return None
    before = m.article.text[max(0, m.claim.sentence.start) : m.claim.cue.start]
    found = None
    for match in WORD_RE.finditer(before):
        hit = find_actor(match.group(), m.outlet)
        if hit:
            found = hit[0]
    if found is None:
        return None
    org = _organisation_actor(found)
    return _Known(org.name, org.side, org.id, None, None, m.text, m.head)


def _abbreviation(m: _Mention) -> _Known | None:
    """"قسد" after "قوات سوريا الديمقراطية (قسد)"."""
    return next((prev for prev in reversed(m.seen) if prev.mention and f"({m.text.strip()})" in prev.mention), None)


def _person_description(m: _Mention) -> _Known | None:
    """"الدبلوماسي الأميركي الراحل": the known person named last before the sentence, or the person the
    story quoted last (``_last_titled_speaker``); after "قال مسؤول أمريكي" "المسؤول الأمريكي" is that
    unnamed source again (``_unnamed_source_again``)."""
    words = m.words
    if not (m.found is None and words and words[0] in _PERSON_DESCRIPTIONS and all(w.startswith("ال") for w in words)):
        return None
    prev = next((k for k in reversed(m.seen) if k.speaker), None)
    if prev is not None and _stem(_words(prev.speaker)[0]) == _stem(words[0]):
        return None
    return _last_person_before(m.article, m.claim) or _last_titled_speaker(m, prev)


_ANY_ROLE = frozenset(map(normalize, ("مسؤول", "مسئول")))  # "المسؤول" may describe a holder of any role


def _last_titled_speaker(m: _Mention, prev: _Known | None) -> _Known | None:
    """"وحمل المسؤول الكردي…" after "وقال وزير البيشمركة كريم سنجاري…", "وأشار المسؤول الأمريكي" after
    "وقال منسق الأمن القومي الأميركي…، بريت ماكغورك": the story's last speaker, when a role introduced that
    speaker's name, the role fits the description ("المسؤول" fits any) and its nationality, if it has one,
    is that speaker's side."""
    if prev is None:
        return None
    role = next((k.role for k in m.seen if k.speaker == prev.speaker and k.role and k.mention != k.speaker), None)
    head = m.words[0].removeprefix("ال")
    if role is None or (_stem(head) not in _ANY_ROLE and head not in normalize(role)):
        return None
    side = side_from_mention(m.text)
    return prev if side is None or prev.side == side else None


def _known_actor(m: _Mention) -> _Known | None:
    """A known actor that the mention names as its head (or a person named anywhere in it)."""
    hit, words = m.hit, m.words
    if hit is None:
        return None
    actor = hit[0]
    if not (actor.kind == "person" or len(words) - (hit[2] - hit[1]) <= 1 or _covers_head(words, hit)):
        return None
    affiliation = _affiliation(m.text, actor.name) or (actor.organisation if actor.kind == "person" else None)
    name = actor.name
    if actor.kind == "state" and hit[2] - hit[1] > 1:
        # "وزارة الخارجية الروسية" speaks as itself, on Russia's side (gold-conventions §4).
        name = " ".join(m.text.replace("«", "").replace("»", "").split()[hit[1] : hit[2]])
    return _Known(name, actor.side, actor.id, m.role or actor.role, affiliation, m.text, m.head)


def _titled_name(m: _Mention) -> _Known | None:
    """A name with its title or role: "العميد نبيل عبد الله", "أبو عبيدة المتحدث باسم الكتائب"."""
    if not m.not_a_person:
        return None
    titled = _titled_person(m.text) or _role_then_name(m.text) or _name_then_role(m.text)
    if titled is None:
        return None
    name, title_role = titled
    if len(name.split()) == 1:
        whole = _full_name_in_story(m)  # "وقال العميد نبيل" after "العميد ركن نبيل عبد الله"
        if whole is not None:
            return whole
    affiliation = _affiliation(m.text, name)
    side = side_from_mention(f"{m.text} {m.claim.role or ''}") or _side_of_body_named_before(m, affiliation) \
        or _state_of_the_story(m) or _local_state(m)
    return _Known(name, side, None, title_role or m.role, affiliation, m.text, _head(name))


def _side_of_body_named_before(m: _Mention, affiliation: str | None) -> str | None:
    """"القيادي في الحركة سامي أبو زهري", "أبو عبيدة المتحدث باسم الكتائب": a bare definite head as the
    affiliation is the body of that kind named before in the story, and gives its side."""
    if not affiliation:
        return None
    body = _definite_antecedent(m.article, m.claim, _words(affiliation), m.seen, m.outlet)
    return body.side if body is not None else None


def _unnamed_source_again(m: _Mention) -> _Known | None:
    """Re-mentions of an unnamed source: "المصدر العسكري", "المصادر", "المسؤولان", "هؤلاء المسؤولون"."""
    words, head, seen = m.words, m.head, m.seen
    definite = words and (words[0].startswith("ال") or words[0] in _DEMONSTRATIVES)
    if not definite or _stem(head) not in _SOURCE_STEMS | {_stem(k.head) for k in seen if k.head}:
        return None
    said = {_stem(w.removeprefix("ال")) for w in words if w not in _DEMONSTRATIVES and w not in _SAME}
    for prev in reversed(seen):
        if prev.head and _stem(prev.head) == _stem(head):
            earlier = {_stem(w.removeprefix("ال")) for w in _words(prev.mention or prev.speaker)}
            if said <= earlier:  # "المصدر العسكري" re-mentions "مصدر عسكري في…"; "الجيش الأميركي" is new
                return prev
    return None


def _short_name_seen(m: _Mention) -> _Known | None:
    """A speaker seen in full before, named again in short (the tests of ``_SHORT_NAME_TESTS``, in order)."""
    short = normalize_name(m.text).split()
    for test in _SHORT_NAME_TESTS:
        for prev in reversed(m.seen):
            if prev.speaker and test(short, normalize_name(prev.speaker).split(), prev):
                return prev
    return None


def _surname(short: list[str], full: list[str], prev: _Known) -> bool:
    """"المدني" after "عبد المالك المدني", or the same two-word name seen before with its role ("أبي أحمد" after
    "رئيس الوزراء الإثيوبي أبي أحمد": his side too)."""
    return len(short) <= 2 and len(full) > len(short) and full[-len(short):] == short \
        or len(short) >= 2 and full == short and bool(prev.side)


def _surname_then_object(short: list[str], full: list[str], prev: _Known) -> bool:
    """"وطالب كورتي بلجراد بترحيل…", "وحمّل فوتشيتش مسؤولية ما حدث…", "وأوضح الثوابتة لـ 'المملكة'" after the
    full name: the surname is the speaker, the words after it begin the object or name the listener."""
    return len(short) >= 2 and 2 <= len(full) <= 4 and full[-1] == short[0] and not full[0].startswith("ال")


def _first_word(short: list[str], full: list[str], prev: _Known) -> bool:
    """"وأضاف تشانغ" after "الكولونيل «تشانغ شو لي»", "وقال سوراسانت" after "سوراسانت كونجسيري": a name that
    goes by its first word (Chinese and Thai names), when that speaker was named in full."""
    return prev.actor_id is None and len(short) == 1 and len(full) >= 2 and full[0] == short[0] and bool(prev.side)


_SHORT_NAME_TESTS = (_surname, _surname_then_object, _first_word)


def _full_name_in_story(m: _Mention) -> _Known | None:
    """"وقال “عناد”" after "وزير الدفاع العراقي؛ “جمعة عناد”", "قالت «الشباب»" after "حركة «الشباب»": one
    word that ends a name written in full earlier in the story (even where that name was no speaker)."""
    titles = lexicon().titles
    named = [w for w in m.words if w not in titles] if m.words and m.words[0] in titles else m.words
    if len(named) != 1 or m.hit is not None or named[0].startswith("ال") and len(named[0]) < 5 \
            or state_side(named[0]):
        return None  # "وقال “عناد”", and "وقال العميد نبيل" without its title; "باكستان" is no one's surname
    written = WORD_RE.findall(_story_text_before(m.article, m.claim.cue.start, m.claim.sentence.start))
    short = named[0].removeprefix("و")
    for at in range(len(written) - 1, 0, -1):
        if normalize_word(written[at]) != short:
            continue
        if not _given_name(normalize_word(written[at - 1])):
            continue  # "…، وأكد أن كورتي…": أن is no given name
        full = f"{written[at - 1]} {written[at]}"
        known = m.resolve(full, None)
        if not known.speaker:
            return None
        return _with_role_before(m, written, at - 1, known) or known
    return _first_name_in_story(m, written, short)


def _given_name(before: str) -> bool:
    """Whether the normalised word before a surname can be a given name: no function word, cue, title or role."""
    lex = lexicon()
    return not (before in _NOT_NAME or before.startswith("ال") or before.removeprefix("ال") in _ROLE_BARE
                or before in lex.single or before.removeprefix("و") in lex.single or before in lex.titles
                or before in lex.complementizers)


_LONGEST_ROLE = 6  # words of a role written before a name ("المتحدث باسم وزارة الدفاع الروسية")


def _with_role_before(m: _Mention, written: list[str], start: int, known: _Known) -> _Known | None:
    """"وقال بوتين" after "…تم إبلاغ الرئيس الروسي فلاديمير بوتين": the full name found earlier with the
    role written just before it, read as one mention, gives the side and role the bare name lacks."""
    if known.side:
        return None
    for k in range(2, _LONGEST_ROLE + 1):
        if start - k < 0:
            break
        words = written[start - k : start]
        if normalize(words[0]).removeprefix("ال") not in _ROLE_BARE:
            continue
        text = " ".join([*words, *written[start : start + 2]])
        titled = _role_then_name(text)
        if titled is None or normalize(titled[0]) != normalize(known.speaker):
            continue
        whole = m.resolve(text, None)
        return whole if whole.side and whole.speaker == known.speaker else None
    return None


def _first_name_in_story(m: _Mention, written: list[str], short: str) -> _Known | None:
    """"وقال سوراسانت" after "المتحدث باسم الجيش التايلاندي سوراسانت كونجسيري": one word that begins a
    name written in full after a role or a title earlier in the story."""
    for at in range(len(written) - 2, 0, -1):
        if normalize_word(written[at]) != short:
            continue
        before, after = normalize_word(written[at - 1]), normalize_word(written[at + 1])
        opens = before.startswith("ال") or before in lexicon().titles
        if not opens or after.startswith("ال") or after in _NOT_NAME or after.removeprefix("ال") in _ROLE_BARE \
                or after[:1] in "بلو" and after[1:].startswith("ال"):
            continue  # "…كورتي بالهجوم الإرهابي": a preposition's noun is no family name
        end = at + 3 if after in grammar.NAME_OPENERS and at + 2 < len(written) else at + 2  # "نبيل عبد الله"
        known = m.resolve(" ".join(written[at:end]), None)
        return known if known.speaker else None
    return None


def _side_in_mention(m: _Mention) -> str | None:
    if m.found is not None and m.hit is None:
        return None  # "ألمانيا والدنمارك والنرويج وبولندا": a group joined with و speaks for no single party (§5)
    # The appositive role counts too: "X، قائد غرفة عمليات سرت بقوات الوفاق،" → GNA.
    return side_from_mention(f"{m.text} {m.claim.role or ''}") or (m.hit[0].side if m.hit else None)


def _unnamed_source(m: _Mention) -> _Known | None:
    """"مصدر عسكري في …": described, on the side the description names."""
    if not m.head or _stem(m.head) not in _SOURCE_STEMS:
        return None
    description, affiliation = describe_unnamed(m.text)
    # "متحدث باسم التحالف", "متحدث رسمي باسم الجيش": a bare body is the one of that kind named before.
    body = affiliation.removeprefix("باسم").strip() if affiliation else None
    side = _side_in_mention(m) or _side_of_body_named_before(m, body)
    return _Known(_definite_to_indefinite(description), side, None, None, affiliation, m.text, m.head)


def _body_of_actor(m: _Mention) -> _Known | None:
    """A mention that names a known actor after other words: the actor, or a body attached to it."""
    if m.hit is None:
        return None
    actor, start = m.hit[0], m.hit[1]
    role, affiliation = _plain_role(m), _affiliation(m.text)
    linked = _LINK.search(" ".join(m.text.split()[:start])) or any(
        w.startswith("ل") and not w.startswith("ال") for w in m.text.split()[:start])
    if actor.kind != "person" and start > 0 and linked:
        # "المكتب الإعلامي التابع لحكومة حماس": a body of the actor, speaking on its side
        # (but "حركة المقاومة الإسلامية الفلسطينية «حماس»" is the actor under its full name).
        description, attached = describe_unnamed(m.text)
        name = description or m.text
        if actor.kind == "state":
            name = _with_its_state(m, name, actor.side)  # "وزارة الدفاع في موسكو" → "وزارة الدفاع الروسية"
        return _Known(name, actor.side, None, role, attached or affiliation, m.text, m.head)
    return _Known(actor.name, actor.side, actor.id, role or actor.role, affiliation, m.text, m.head)


# A short name after a body's name, in brackets or quotes: "القيادة المركزية الأمريكية (سنتكوم)".
_SHORT_NAME_TAIL = re.compile(r"(?:\s*\([^()]{2,30}\)|\s+[«\"“][^«»\"“”\s]{2,20}[»\"”]?)\s*$")


_PORTFOLIOS = grammar.words("ministry_portfolios")


def _ministry_in_full(text: str) -> str:
    """"الخارجية الباكستانية" → "وزارة الخارجية الباكستانية": the portfolio and its state name a ministry."""
    words = _words(text)
    if len(words) == 2 and words[0] in _PORTFOLIOS and nisba_label_at(words, 1):
        return f"وزارة {text}"
    return text


def _plain_name(m: _Mention) -> str:
    text = _SHORT_NAME_TAIL.sub("", m.text) if len(m.text.split()) >= 3 else _ministry_in_full(m.text)
    has_title = any(w in lexicon().titles or w.removeprefix("ال") in _ROLE_BARE for w in m.words)
    return _person_name(text) if has_title else _DIRECTION_TAIL.sub("", text)


_MEDIA_KINDS = grammar.words("media_kinds")
_QUOTED_NAME = re.compile(r"^\S+\s+[«\"“]([^«»\"“”]{2,40})[»\"”]?")


def _named_medium(m: _Mention) -> _Known | None:
    """'قناة "المسيرة" التابعة للحوثيين', 'مدونة "ديب ستيت" العسكرية الأوكرانية': a medium goes by the name it is
    given in quotes; what follows only describes it (and a medium takes no side)."""
    if not m.words or m.words[0] not in _MEDIA_KINDS:
        return None
    match = _QUOTED_NAME.match(m.text.strip())
    if match is None:
        return None
    return _Known(match.group(1).strip(), None, None, None, _affiliation(m.text), m.text, m.head)


_OWN_SPOKESMAN = re.compile(r"^(?:ال)?(?:متحدث|ناطق)(?:ة)?(?:\s+(?:ال)?(?:عسكري|رسمي|الرسمي|العسكري))?\s+باسم(?:ه|ها|هم|هما)\b[\s،,]*(.*)$")


def _own_spokesman(m: _Mention) -> _Known | None:
    """"إذ صرّح المتحدث باسمه، أفيخاي أدرعي" after "أعلن الجيش الإسرائيلي", "على لسان متحدث باسمها", "المتحدث
    العسكري باسمهم العميد يحيى سريع": the spokesman of the body just named — its side and affiliation, his
    name when it follows."""
    found = _OWN_SPOKESMAN.match(normalize(m.text))
    if found is None:
        return None
    body = next((prev for prev in reversed(m.seen) if prev.speaker and prev.side), None) \
        or _last_actor_before(m.article, m.claim.cue.start, m.outlet, None)
    written = m.text.split()
    tail = written[len(written) - len(found.group(1).split()):] if found.group(1) else []
    titles = lexicon().titles
    name = [w for w in tail if normalize(w) not in titles]
    if 2 <= len(name) <= 4:
        speaker = " ".join(name).strip(" ،,«»\"")
    else:
        speaker = _definite_to_indefinite(m.text.split("،")[0].strip())  # "متحدث باسمها": no name given
    role = m.text[: len(m.text) - len(" ".join(tail))].strip(" ،,") if tail else None
    return _Known(speaker, body.side if body else None, None, role, body.speaker if body else None, m.text, m.head)


def _medium(m: _Mention) -> _Known | None:
    """A medium speaks under its bare name and takes no side, whoever owns it (gold-conventions §4, §5):
    "قناة المسيرة التلفزيونية التابعة لجماعة أنصار الله" → المسيرة, "موقع سايت المتخصص…" → سايت, "صحيفة واشنطن
    بوست" → واشنطن بوست (not Washington's voice). A known outlet keeps its own name; a quoted name is
    ``_named_medium``'s."""
    words = m.text.split()
    if len(words) < 2 or m.words[0] not in _MEDIA_KINDS or any(q in m.text for q in "«»\"“”"):
        return None
    if m.found is not None and m.found[0].kind == "outlet" and m.found[1] <= 1:
        return None  # "وكالة سانا", "قناة الجزيرة": the known outlet
    if normalize(words[1]) in _NEWS_WORDS or nisba_label_at((normalize(words[1]),), 0):
        return None  # "وكالة الأنباء السعودية", "وكالة إيرانية": an agency described, not named
    if len(words) > 2 and state_side(words[2]):
        return None  # "شبكة أطباء السودان": a network of some people of a state, not a medium
    name = [words[1]]
    for word in words[2:5]:
        n = normalize(word)
        if n.startswith("ال") or n in _NOT_NAME or n in _MEDIA_KINDS or nisba_label_at((n,), 0):
            break
        name.append(word)
    return _Known(" ".join(name).strip(" ،,"), None, None, None, _affiliation(m.text), m.text, m.head)


_NEWS_WORDS = frozenset(map(normalize, ("أنباء", "الأنباء", "أخبار", "الأخبار", "للأنباء")))
_OFFICIAL_MEDIUM = frozenset(map(normalize, ("الرسمي", "الرسمية", "الحكومي", "الحكومية", "شبه")))
_ORDINALS = grammar.words("ordinals")


def _described_medium(m: _Mention) -> _Known | None:
    """"التلفزيون الإيراني الرسمي" → التلفزيون الإيراني, "القناة 12 الإسرائيلية" and "القناة الثانية للتليفزيون
    الإسرائيلي" → القناة 12, القناة الثانية: a medium named by its kind keeps what names it and loses what only
    describes it (official, or whose a numbered channel is), and takes no side."""
    words = m.text.split()
    if len(words) < 2 or m.words[0].removeprefix("ال") not in _MEDIA_KINDS or m.found is not None:
        return None
    if m.words[0] == "القناه" and (words[1].isdigit() or m.words[1] in _ORDINALS):
        name = words[:2]
    elif any(w in _OFFICIAL_MEDIUM for w in m.words[1:]):
        name = [w for w, n in zip(words, m.words) if n not in _OFFICIAL_MEDIUM]
    else:
        return None
    return _Known(" ".join(name), None, None, None, None, m.text, m.head)


def _plain_role(m: _Mention) -> str | None:
    role, name = m.role, _plain_name(m)
    if role and name != m.text and role.endswith(name):
        role = role[: -len(name)].strip(" ،,") or None  # "رئيس الوزراء العراقي محمد شياع السوداني"
    return role


def _as_written(m: _Mention) -> _Known:
    """An unknown speaker, kept as written (a name without title or role), on the side its mention names."""
    affiliation = _affiliation(m.text)
    side = _side_in_mention(m) or _side_of_body_named_before(m, affiliation) or _state_of_the_story(m) \
        or _local_state(m)
    return _Known(_with_its_state(m, _plain_name(m), side), side, None, _plain_role(m), affiliation, m.text, m.head)


def _with_its_state(m: _Mention, name: str, side: str | None) -> str:
    """"الحكومة" in a story of Ethiopia's war is "الحكومة الإثيوبية", "وزارة الدفاع في موسكو" is "وزارة الدفاع
    الروسية": an institution named without its state's adjective speaks under its full name. The adjective
    agrees with the institution's head noun."""
    words, norms = name.split(), _words(name)
    if not side or not norms or not context_institution(norms) or named_alone(norms) \
            or nisba_label_at(norms, len(norms) - 1) \
            or compound_nisba_at(norms, len(norms) - 2) or _in_its_country(norms, side):
        return name  # a person keeps the name alone; a name with its adjective or its country already is whole
    seat = next((k for k in range(1, len(norms) - 1) if norms[k] == "في" and state_side(" ".join(words[k + 1 :])) == side), None)
    if seat is not None:
        words, norms = words[:seat], norms[:seat]  # "وزارة الدفاع في موسكو": the seat gives way to the adjective
        name = " ".join(words)
    feminine = normalize(words[0]).endswith("ه") or normalize(words[-1]).endswith("ه")  # "العمليات المشتركة"
    adjective = nationality_adjective(side, feminine=feminine)
    return f"{name} {adjective}" if adjective else name


def _in_its_country(norms: Sequence[str], side: str) -> bool:
    """"وزارة الدفاع في موزمبيق": the body's name already says which state it belongs to."""
    country = _words(arabic_label(side))
    return any(norms[k] == "في" and tuple(norms[k + 1 : k + 1 + len(country)]) == country for k in range(len(norms)))


_LOCAL_ROLES = grammar.words("local_roles")


def _local_state(m: _Mention) -> str | None:
    """"حاكم كورسك", "قيادة شرطة محافظة كركوك": a town's governor, police or authorities speak for the state
    the town is in."""
    role = next((k for k, w in enumerate(m.words[:4]) if w.removeprefix("و").removeprefix("ال") in _LOCAL_ROLES), None)
    return None if role is None else town_state(m.words, role + 1)


def _state_of_the_story(m: _Mention) -> str | None:
    """"والحكومة تنفي", "عن متحدث باسم وزارة الخارجية": a state institution named without its state
    belongs to the state named last before it in the sentence, or else to the state of the body that spoke
    just before it, or else to the one the story names most."""
    if not context_institution(m.words):
        return None
    # "أعلنت وزارة الدفاع" after "وزارة الدفاع التركية" spoke in the story: the same body.
    same = next((k for k in reversed(m.seen) if k.side and _words(k.speaker)[: len(m.words)] == m.words
                 and len(_words(k.speaker)) > len(m.words)), None)
    if same is not None:
        return same.side
    claim, text = m.claim, m.article.text
    mention_at = claim.speaker_span.start if claim.speaker_span is not None else claim.cue.start
    in_sentence = states_named(_words(text[claim.sentence.start : mention_at]))
    if in_sentence:
        return in_sentence[-1][1]
    # "وأفاد الجيش البريطاني … وقالت وزارة الدفاع": right after another body of one state spoke, that state's
    last = m.seen[-1] if m.seen else None
    if last is not None and last.side and context_institution(_words(last.speaker)) \
            and state_side(last.speaker) == last.side:
        return last.side
    counts = Counter(label for _, label in states_named(_words(_story_text_before(m.article, claim.cue.start))))
    ranked = counts.most_common(2)
    if ranked and (ranked[0][1] >= 2 or len(ranked) == 1) and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]  # named most, twice at least, or the only state the story has named
    return None


def _close_to(m: _Mention) -> _Known | None:
    """"الهيئة المقربة من الشيخ حكمت الهجري", "مصادر مقربة من الحركة": a body or source close to a party
    speaks for itself, on no side (gold-conventions §5: supporters are not the party)."""
    at = next((k for k, w in enumerate(m.words) if k and w.removeprefix("ال").startswith("مقرب")), None)
    if at is None:
        return None
    written = WORD_RE.findall(m.text)
    if len(written) != len(m.words):
        return None
    head = _definite_to_indefinite(" ".join(written[:at]))
    close = written[at].removeprefix("ال")
    if at + 2 < len(written) and m.words[at + 1] == "من":
        rest = " ".join(written[at + 2 :])
        hit = find_actor(rest, m.outlet)
        party = hit[0].name if hit is not None and hit[2] == len(m.words) - at - 2 else _person_name(rest)
        return _Known(f"{head} {close} من {party}", None, None, None, party, m.text, m.head)
    return _Known(f"{head} {close}", None, None, None, None, m.text, m.head)


# The resolution steps, in order: the first that returns a speaker wins; ``_as_written`` is the last resort.
_RESOLUTION_STEPS: tuple[Callable[[_Mention], _Known | None], ...] = (
    _close_to,
    _media_word,
    _own_spokesman,
    _medium,
    _described_medium,
    _definite_body,
    _role_with_holder,
    _published_by,
    _document,
    _own_forces,
    _abbreviation,
    _person_description,
    _known_actor,
    _titled_name,
    _unnamed_source_again,
    _short_name_seen,
    _full_name_in_story,
    _unnamed_source,
    _body_of_actor,
    _named_medium,
)


# Where a body is based describes it, it does not name it: "المرصد السوري لحقوق الإنسان ومقره في بريطانيا".
_SEAT_TAIL = re.compile(r"\s+و?مقر(?:ه|ها|هم)(?:\s.*)?$")


def _resolve_mention(article: Article, claim: Attribution, mention: str, outlet: str | None, seen: list[_Known],
                     holders: dict[str, str] | None = None) -> _Known:
    span = claim.speaker_span
    if span is not None and span.start > 0 and mention.startswith("ل") and article.text[span.start - 1] == "ل":
        mention = "ا" + mention  # "وفقاً للسلطات الباكستانية": the ل took the article's alif, "السلطات" speaks
    m = _Mention(article, claim, _nominative(_SEAT_TAIL.sub("", mention)), outlet, seen, holders)
    for step in _RESOLUTION_STEPS:
        known = step(m)
        if known is not None:
            break
    else:
        known = _as_written(m)
    if " في " not in known.speaker:
        return known
    return replace(known, speaker=_place_by_its_name(known.speaker))


def _nominative(mention: str) -> str:
    """"لكن متحدثا باسم الجيش الكيني نفى", "عن مسؤولا عسكريا": an unnamed source in the accusative (after لكنّ,
    إنّ) is named in the nominative, as gold describes sources: "متحدث باسم الجيش الكيني", "مسؤول عسكري"."""
    words = mention.split()
    if not words or not words[0].endswith(("ا", "اً")):
        return mention
    head = normalize(words[0].rstrip("ًا"))
    if head not in _SOURCE_HEADS and head not in _SPOKESMAN:
        return mention
    k = 1
    while k < len(words) and words[k].endswith(("يا", "ياً")):
        k += 1  # the adjectives agree: "مسؤولا عسكريا"
    return " ".join([w.rstrip("ًا") for w in words[:k]] + words[k:])


def _place_by_its_name(name: str) -> str:
    """"الدفاع المدني في قطاع #غزة" → "الدفاع المدني في غزة": the place a body sits in under its gazetteer name."""
    words = name.replace("#", "").split()
    norms = _words(" ".join(words))
    for k in range(len(words) - 1):
        if norms[k] == "في":
            length, canonical = place_name_at(norms, k + 1)
            if length and canonical:
                return " ".join(words[: k + 1] + [canonical] + words[k + 1 + length :])
    return name


_ORGANISATION_HEADS = grammar.words("organisation_heads")
_PEJORATIVE_HEADS = grammar.words("pejorative_heads")
_NOT_NAME = grammar.words("stop_after_speaker") | grammar.words("channel_after_in") | grammar.words("attachers")
_LATTER = grammar.words("latter")


def _definite_antecedent(article: Article, claim: Attribution, words: tuple[str, ...], seen: list[_Known],
                         outlet: str | None) -> _Known | None:
    """"الحركة", "الحزب اللبناني", "الوزارة", "الأخيرة": the body named earlier in the story.

    A bare definite head noun (an adjective may follow) refers back to the last body whose name
    starts with that noun ("الحركة" → حركة الشباب, "الوزارة" → وزارة الخارجية السورية);
    "الأخيرة" (the latter) to the last body named before the cue.
    """
    if not 1 <= len(words) <= 2 or (len(words) == 2 and not words[1].startswith("ال")):
        return None
    head = words[0].removeprefix("و")
    if head in _LATTER:
        return _last_actor_before(article, claim.cue.start, outlet, None)
    if head not in _ORGANISATION_HEADS:
        return None
    if len(words) == 2 and institution_word(head) and nisba_label_at(words, 1):
        return None  # "الجيش السوداني" names its state: no reference back
    bare = head.removeprefix("ال")
    for prev in reversed(seen):
        # "الحركة" → "حركة الشباب"; "التحالف" → "التحالف العربي", "القيادة" → "القيادة العسكرية الأمريكية"
        if prev.speaker and _words(prev.speaker)[:1] in ((bare,), ("ال" + bare,)):
            return prev
    found = _last_actor_before(article, claim.cue.start, outlet, bare)
    if found is None and bare in _PEJORATIVE_HEADS:
        # "قالت الميليشيا" after "أعلنت ميليشيا "الحرس الثوري الإيراني"…": the other side's word for the
        # armed group named last, whatever its own name starts with
        found = _last_actor_before(article, claim.cue.start, outlet, None, frozenset({"organisation"}))
    return found or _last_state_body_before(article, claim.cue.start, bare)


def _last_state_body_before(article: Article, offset: int, head: str) -> _Known | None:
    """"الوزارة" after "نفت وزارة الدفاع الأرمينية ذلك": the last body of that kind named with its state
    before ``offset`` in the story, as written, on that state's side."""
    written = WORD_RE.findall(_story_text_before(article, offset))
    words = [normalize_word(w) for w in written]
    for at in range(len(words) - 1, -1, -1):
        if words[at] != head and words[at].removeprefix("و") != head:
            continue
        for end in range(at + 2, min(len(words), at + 5) + 1):
            label = state_side(" ".join(words[at:end]))
            if label:
                name = " ".join(written[at:end]).removeprefix("و") if words[at] != head else " ".join(written[at:end])
                return _Known(name, label, None, None, None, name, head)
    return None


def _last_actor_before(article: Article, offset: int, outlet: str | None, head: str | None,
                       kinds: frozenset[str] = BODY_KINDS) -> _Known | None:
    """The last body of ``kinds`` named before ``offset`` in its story (whose name starts with ``head``)."""
    found = last_named_body(_words(_story_text_before(article, offset)), outlet, head, kinds)
    if found is None:
        return None
    return _Known(found.name, found.side, found.id, found.role, found.organisation, found.name, _head(found.name))


_QUOTE_MARKS = str.maketrans({q: " " for q in "“”«»\"،,"})  # quotes and commas only separate words


def _unquoted_words(mention: str) -> list[str]:
    return mention.translate(_QUOTE_MARKS).split()


def _role_then_name(mention: str) -> tuple[str, str | None] | None:
    """(name, role) for a role phrase followed by a name with no title between them.

    "المتحدث باسم الجيش الإسرائيلي أفيخاي أدرعي", "متحدث باسم وزارة الخارجية “عباس موسوي”":
    the name is the run of words without ال after the role's last definite word.
    """
    words = _unquoted_words(mention)
    first = normalize(words[0]).removeprefix("ال")
    if len(words) < 4 or (first not in _ROLE_BARE and first.removeprefix("و") not in _ROLE_BARE):
        return None  # "وزير" keeps its و; "والمتحدث" loses it
    tail: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        n = normalize(w)
        if _part_of_the_name(words, k, tail):
            tail.insert(0, w)
            continue
        if len(tail) >= 2 and state_name_length_at((normalize_word(w),), 0):
            # "رئيس وزراء كوسوفو البين كورتي": the state ends the role
            return " ".join(tail), " ".join(words[: k + 1])
        if n in _NOT_NAME and tail:
            return _name_after_place(words, tail)  # "… في غزة تامر المسحال", "باسم حركة طالبان ذبيح الله مجاهد"
        if unit_noun(normalize_word(w)) and len(tail) >= 3:
            # "حاكم مقاطعة كورسك ألكسندر خينشتاين": the unit's own name closes the role
            return " ".join(tail[1:]), " ".join(words[: k + 2])
        if n in _ACTING:
            return (" ".join(tail), " ".join(words[: k + 1])) if 2 <= len(tail) <= 5 else None
        if n.startswith("ال") or n.removeprefix("ال") in _ROLE_BARE or n in lexicon().titles or n in _NOT_NAME:
            return None if n in _NOT_NAME else _name_tail(words, tail)
        tail.insert(0, w)
    return None


def _part_of_the_name(words: list[str], k: int, tail: list[str]) -> bool:
    """Whether word ``k``, read from the end of a role and a name, still belongs to the name after ``tail``."""
    n = normalize(words[k])
    return (
        (k == len(words) - 1 and n.startswith("ال")
         and (not normalize(words[k - 1]).startswith("ال") or grammar.compound_name_part(words, k - 1)))
        # a family name with ال after a given name: "خليل الحية", "تامر المسحال", "عبد المالك العجري"
        or _foreign_given_name(words, k, tail)  # "البين كورتي", "الكسندر لومايا"
        or grammar.compound_name_part(words, k)  # "عبد الفتاح", "عبد الله", "أبو الفضل"
        # "المتحدث باسم الحكومة العراقية باسم العوادي": the second باسم is a given name
        or (n == "باسم" and len(tail) == 1 and any(normalize(x) == "باسم" for x in words[:k]))
    )


def _foreign_given_name(words: list[str], k: int, tail: list[str]) -> bool:
    """"رئيس وزراء كوسوفو البين كورتي", "أمين سر مجلس الأمن الجورجي الكسندر لومايا": a word with ال right
    before a one-word family name without it is a foreign given name (Albin, Alexander), unless it is an
    adjective or a name of its own ("وزير الخارجية الأمريكي بلينكن")."""
    n = normalize(words[k])
    if len(tail) != 1 or k != len(words) - 2 or not n.startswith("ال") or normalize(tail[0]).startswith("ال"):
        return False
    if n in _AL_GIVEN_NAMES:
        return True  # "أليكسي" has the shape of an adjective
    return not (nisba_stem(n) or state_side(words[k]) or n.removeprefix("ال") in _ROLE_BARE
                or institution_word(n) or normalize(words[k - 1]) in _NOT_NAME)


def _name_after_place(words: list[str], tail: list[str]) -> tuple[str, str | None] | None:
    """"مراسل الجزيرة في غزة تامر المسحال", "القيادي في حركة حماس سامي أبو زهري": the place or the
    body after "في" closes the role, the name follows it."""
    place = place_length_at(tuple(map(normalize_word, tail)), 0)
    if not place:
        # "لحركة حماس سهيل الهندي": the body may follow its head noun; "للحركة عزت الرشق": the body named by
        # its definite head alone
        body = find_actor(" ".join(tail))
        place = body[2] if body is not None and body[1] <= 1 and body[0].kind != "person" else 0
        place = place or int(normalize_word(tail[0]).startswith("لل"))
    name = tail[place:]
    if not place or not 2 <= len(name) <= 4:
        return None
    return " ".join(name), " ".join(words[: len(words) - len(name)])


def _name_tail(words: list[str], tail: list[str]) -> tuple[str, str | None] | None:
    if len(tail) > 2 and (after_body := _name_after_place(words, tail)) is not None:
        return after_body  # "عضو المكتب السياسي لحركة حماس سهيل الهندي": the body closes the role
    before = normalize(words[len(words) - len(tail) - 1]) if len(tail) < len(words) else ""
    if not 2 <= len(tail) <= 5 or not before.startswith("ال") or state_side(" ".join(tail)):
        return None
    return " ".join(tail), " ".join(words[: len(words) - len(tail)])


def _family_particle(name: list[str], k: int) -> bool:
    """"تركي آل الشيخ", "حمد آل ثاني": آل and the family name after it belong to the name."""
    return normalize(name[k]) == "ال" or (k > 0 and normalize(name[k - 1]) == "ال")


def _name_then_role(mention: str) -> tuple[str, str | None] | None:
    """(name, role) for a name followed by its role: "أبو عبيدة المتحدث باسم الكتائب"."""
    words = _unquoted_words(mention)
    at = next((k for k, w in enumerate(words) if normalize(w).removeprefix("ال") in _ROLE_BARE), None)
    if at is None or not 2 <= at <= 4 or at == len(words) - 1:
        return None  # one word before a role is rarely a whole name ("مكتب رئيس الوزراء")
    name = words[:at]
    # A family name may carry ال after a given name without it: "أنيس الأصبحي المتحدث باسم وزارة الصحة".
    family = len(name) >= 2 and not normalize(name[0]).startswith("ال")
    if any((normalize(w).startswith("ال") and not (family and k == len(name) - 1) and not _family_particle(name, k))
           or normalize(w) in _NOT_NAME or institution_word(normalize(w)) for k, w in enumerate(name)) \
            or state_side(" ".join(name)) or nisba_label_at(words, at - 1):
        return None
    return " ".join(name), " ".join(words[at:])


def _covers_head(words, hit) -> bool:
    return hit[1] == 0 or (hit[1] == 1 and words[0] in lexicon().titles)


def _organisation_actor(actor: Actor) -> Actor:
    index = actor_index()
    if actor.kind != "person" or not actor.organisation:
        return actor
    for other in index.actors.values():
        if other.name == actor.organisation:
            return other
    return actor


def _role_text(mention: str, hit) -> str | None:
    """A role phrase in the mention ("الناطق الرسمي باسم مكتب الإعلام الحربي")."""
    m = re.search(r"(?:^|\s)((?:ال)?(?:ناطق|متحدث|آمر|قائد|وزير|رئيس|مندوب|سفير|الأمين|أمين|مبعوث|مدير|نائب|مستشار|القائم|ممثل)\S*(?:\s+\S+)*)", mention)
    if not m:
        return None
    role = m.group(1)
    # Cut the role where an affiliation link or a name starts.
    role = re.split(r"\s(?:التابع|التابعة)\s", role)[0]
    if hit is not None:
        actor = hit[0]
        for alias in (actor.name,):
            role = role.replace(alias, "").strip()
    return role.strip(" ،,") or None


_LINK = re.compile(r"(?:^|\s)(?:(?:باسم|لدى|في)\s|التابع(?:ة)?\s+ل|بـ?(?=«|ال))\s?")  # not "فيكرام"


def _affiliation(mention: str, name: str | None = None) -> str | None:
    """The body a speaker speaks for, as written: after "باسم", "التابع لـ", "لدى", "في", "بـ«…»".

    A person's own name at the end is not part of it.
    """
    m = _LINK.search(mention)
    if not m:
        return None
    aff = mention[m.end() :]
    if m.group().rstrip().endswith("ل") and aff.startswith("ل"):
        aff = "ا" + aff  # "التابعة للجيش" → "الجيش"
    if name and aff.endswith(name):
        aff = aff[: -len(name)]
    words = aff.split()
    titles = lexicon().titles
    for k, w in enumerate(words):
        if normalize(w) in titles:
            words = words[:k]  # "الجيش السوداني العميد نبيل…": the title starts the person
            break
    aff = " ".join(words).strip(" «»“”\"،,")
    if aff and place_length_at(words_of(aff), 0) == len(words_of(aff)):
        return None  # "مراسل الجزيرة في غزة": where the speaker is, not whom they speak for
    return aff or None


def _name_words_at_end(names: list[str]) -> list[str]:
    """The trailing words of a mention that make a name: "أدميرال متقاعد من البحرية الأميركي إلمو زوموالت"
    → إلمو زوموالت; three words unless a compound goes on ("عبد الفتاح عبد الله حجي")."""
    tail: list[str] = []
    for k in range(len(names) - 1, -1, -1):
        w = names[k]
        after_abd = k > 0 and names[k - 1] in ("عبد", "أبو", "ابو")
        # A family name may carry ال ("محمد شياع السوداني") when a plain given name comes before it.
        nisba = k == len(names) - 1 and k > 0 and not names[k - 1].startswith("ال")
        if w.startswith("ال") and not after_abd and not nisba:  # the original spelling: "إلمو" folds to "المو"
            break
        if normalize(w) in _NOT_NAME:
            break  # "قائد الجيش في الصومال": a place, not a name
        if len(tail) >= 2 and state_name_length_at((normalize_word(w),), 0):
            break  # "رئيس وزراء كوسوفو ألبين كورتي": the state closes the role, not a given name
        tail.insert(0, w)
        if len(tail) >= 3 and not _compound_goes_on(names, k):
            break
    return tail


def _compound_goes_on(names: list[str], k: int) -> bool:
    return k > 0 and (grammar.compound_name_part(names, k - 1) or grammar.compound_name_part(names, k)
                      or normalize(names[k - 1]) in grammar.NAME_OPENERS)


def _person_name(mention: str) -> str:
    """A person's name without title and role: the last two or three name-like words."""
    titles = lexicon().titles
    words = WORD_RE.findall(mention)
    names = [w for w in words if normalize(w) not in titles]
    if not names:
        return mention
    tail = _name_words_at_end(names)
    if tail and place_length_at(tuple(map(normalize_word, tail)), 0) >= len(tail):
        return " ".join(names)  # "قائد الأمن الداخلي في محافظة درعا": a place ends the role, no name follows
    if tail and tail[0] in ("عبد", "أبو", "ابو") and len(tail) < len(names) \
            and not names[len(names) - len(tail) - 1].startswith("ال"):
        tail.insert(0, names[len(names) - len(tail) - 1])
    if tail and len(tail) < len(names) and len(tail) >= 2:
        return " ".join(tail)
    return " ".join(names)


def _titled_person(mention: str) -> tuple[str, str | None] | None:
    """(name, role) when a title stands before a name: "المتحدث باسم الجيش العميد نبيل عبد الله"."""
    titles = lexicon().titles
    words = mention.split()
    last = max((k for k, w in enumerate(words) if normalize(w) in titles), default=None)
    if last is None or last == len(words) - 1:
        return None
    if words[last + 1].startswith(("ال", "بال", "لل")):
        return None  # "المستشار الإعلامي لـ…", "المستشار بالديوان الملكي": a role, not a title before a name
    first = last
    while first > 0 and normalize(words[first - 1]) in titles:
        first -= 1  # "العميد الركن", "الفريق أول": the whole title goes, not only its last word
    name = _person_name(" ".join(words[last + 1 :]))
    role = " ".join(words[:first]).strip(" ،,") or None
    return name.strip(" ،,«»"), role

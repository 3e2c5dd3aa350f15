"""Speaker resolution: from the mention as written to the speaker a fact-checker holds on record.

- implicit subjects ("وأضاف أن…", participles) → the previous speaker;
- short names and definite re-mentions ("المسماري", "المصدر", "المسؤولان") → the full mention met earlier;
- documents ("البيان") → the body or person that issued them;
- known actors (data/actors.toml, outlet-aware aliases) → canonical name, role, organisation, side;
- unknown speakers are kept, with side unknown unless the mention ties them to a side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..analysis.text import WORD_RE, normalize, normalize_name
from ..attribution import grammar
from ..attribution.attribute import lexicon
from ..models import Article, Claim
from .actors import Actor, _words, actor_index, find_actor, side_from_mention
from .world import institution_word, side_on, state_side


_SOURCE_HEADS = grammar.words("source_heads")
_DOCUMENTS = grammar.words("documents")
_ROLE_BARE = grammar.words("title_roles")
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
    if words and normalize(words[0]).removeprefix("ال") in _SPOKESMAN and len(words) > 2 and normalize(words[1]) == "باسم":
        # "المتحدث باسم قوات الوفاق" is the whole description (gold-conventions §4).
        rest = " ".join(words[2:])
        return " ".join(words), rest
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


def resolve_speakers(article: Article, claims: list[Claim]) -> list[Claim]:
    """Canonical speaker, role, affiliation and side for every claim, in text order.

    The claims are attribution's fresh objects (``nested_in`` still the index of the outer claim):
    they are filled in place and returned, so call this once per list ``attribute.extract`` made.
    """
    outlet = article.outlet
    holders = _role_holders(claims)
    seen: list[_Known] = []  # speakers met so far in the current story, latest last
    story = None
    by_index: dict[int, _Known] = {}
    outer_of = [int(c.nested_in) if c.nested_in is not None else None for c in claims]
    for n, claim in enumerate(claims):
        if claim.story != story:
            story, seen = claim.story, []
        known: _Known | None = None
        mention = claim.speaker_text.strip()
        if outer_of[n] is not None and outer_of[n] in by_index and not claim.cue_kind == "source":
            # X's account of Y's words: the speaker on record is X (gold-conventions §2).
            known = by_index[outer_of[n]]
            claim.reported = mention or None
            claim.speaker_text, claim.speaker_span = known.mention, None
        elif not mention and claim.speaker_span is not None:
            # An implicit subject with its antecedent in the same sentence ("وقد أكدت X …، وقالت إن").
            antecedent = article.text[claim.speaker_span.start : claim.speaker_span.end]
            known = _resolve_mention(article, claim, antecedent, outlet, seen, holders)
        elif not mention:
            known = _sentence_subject(article, claim, outlet) or (seen[-1] if seen else None)
        else:
            known = _resolve_mention(article, claim, mention, outlet, seen, holders)
        if known is None:
            known = _Known("", None, None, None, None, "", "")
        seen.append(known)
        by_index[n] = known
        claim.speaker = known.speaker or mention
        story_obj = article.story_at(claim.sentence.start)
        claim.side = side_on(known.side, (story_obj.published if story_obj else None) or article.published)
        claim.actor_id = known.actor_id
        claim.role = claim.role or known.role
        claim.affiliation = known.affiliation
        claim.nested_in = None
    # Nested claims point at their outer claim by id once ids are final.
    for n, outer in enumerate(outer_of):
        if outer is not None:
            claims[n].nested_in = claims[outer].id
    return claims


def _sentence_subject(article: Article, claim: Claim, outlet: str | None) -> _Known | None:
    """For "وكان ترامب أصدر إعلانا، قال فيه…": the person named earlier in the same sentence."""
    if claim.cue_kind != "verb":
        return None
    before = article.text[claim.sentence.start : claim.cue.start]
    hit = find_actor(before, outlet)
    if hit is None or hit[0].kind != "person":
        return None
    actor = hit[0]
    return _Known(actor.name, actor.side, actor.id, actor.role, actor.organisation, "", "")


_MEDIA_HEADS = grammar.words("media_heads")
_ISSUED_BY = re.compile(r"صادرة?\s+عن\s+(.+)$")


def _issuer(mention: str) -> str | None:
    """Who issued a document: "بيان صادر عن X" → X, "بيان للجيش" → الجيش, "بيان لوزارة الدفاع" → وزارة الدفاع."""
    m = _ISSUED_BY.search(mention)
    if m:
        return m.group(1).strip() or None
    words = mention.split()
    if len(words) >= 2 and words[1].startswith("ل") and len(words[1]) > 3:
        first = "ال" + words[1][2:] if words[1].startswith("لل") else words[1][1:]
        return " ".join([first, *words[2:]])
    return None
_PERSON_DESCRIPTIONS = grammar.words("person_descriptions")


def _last_person_before(article: Article, claim: Claim) -> _Known | None:
    """"الدبلوماسي الأميركي الراحل" → the known person named last before this sentence in the story."""
    story = article.story_at(claim.sentence.start)
    start = story.start if story else 0
    words = _words(article.text[start : claim.sentence.start])
    index = actor_index()
    found = None
    for at in range(len(words)):
        for alias, actor_id, _ in index.by_first.get(words[at], ()):
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
    for alias, actor_id, _ in index.aliases:
        if index.actors[actor_id].kind == "outlet":
            out.setdefault(alias[0], []).append((alias, actor_id))
    return out


def _last_outlet_before(article: Article, offset: int, outlet: str | None) -> _Known | None:
    """"بحسب الصحيفة" → the paper named earlier in the story ("تقرير لصحيفة نيويورك تايمز")."""
    story = article.story_at(offset)
    start = story.start if story else 0
    found = None
    index = actor_index()
    text = _words(article.text[start:offset])
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


_DIRECTION_TAIL = re.compile(r"\s+(?:جنوب|شمال|شرق|غرب|وسط)\S*\s+\S+$")


def _role_holders(claims: list[Claim]) -> dict[str, str]:
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


def _resolve_mention(article: Article, claim: Claim, mention: str, outlet: str | None, seen: list[_Known],
                     holders: dict[str, str] | None = None) -> _Known:
    head = _head(mention)
    words = _words(mention)
    if len(words) == 1 and words[0] in _MEDIA_HEADS:
        media = _last_outlet_before(article, claim.cue.start, outlet)
        if media is not None:
            return media
    antecedent = _definite_antecedent(article, claim, words, seen, outlet)
    if antecedent is not None:
        return antecedent
    holder = (holders or {}).get(normalize_name(mention))
    if holder is not None and holder != mention:
        return _resolve_mention(article, claim, holder, outlet, seen)  # a role named with its holder elsewhere
    # Documents speak for whoever issued them ("وأوضح البيان" → the office that issued it).
    if head and ("ال" + head in _DOCUMENTS or head in _DOCUMENTS):
        issuer = _issuer(mention)
        if issuer:
            # "بيان صادر عن مكتب رئيس الوزراء" / "بيان للجيش": the issuer speaks.
            return _resolve_mention(article, claim, issuer, outlet, seen, holders)
        if len(words) <= 2:
            for prev in reversed(seen):
                if prev.speaker:
                    return prev
    # "قواته" / "قواتها": the forces of the actor named just before.
    if words and words[0].startswith("قوات") and len(words[0]) > 4 and not words[0].startswith("قوات ال"):
        before = article.text[max(0, claim.sentence.start) : claim.cue.start]
        found = None
        for m in WORD_RE.finditer(before):
            hit = find_actor(m.group(), outlet)
            if hit:
                found = hit[0]
        if found is not None:
            org = _organisation_actor(found)
            return _Known(org.name, org.side, org.id, None, None, mention, head)
    for prev in reversed(seen):
        if prev.mention and f"({mention.strip()})" in prev.mention:
            return prev  # "قسد" after "قوات سوريا الديمقراطية (قسد)"
    hit = find_actor(mention, outlet)
    if hit is None and words and words[0] in _PERSON_DESCRIPTIONS and all(w.startswith("ال") for w in words):
        earlier = _last_person_before(article, claim)
        if earlier is not None:
            return earlier
    role = _role_text(mention, hit)
    if hit is not None and hit[2] < len(words) and words[hit[2]].startswith("و") and not words[hit[2]].startswith("ال") \
            and words[hit[2]] not in ("والتي", "والذي", "والذين"):
        hit = None  # "الأمم المتحدة ودول غربية": a mixed group speaks for no single actor
    if hit is not None:
        actor = hit[0]
        if actor.kind == "person" or len(words) - (hit[2] - hit[1]) <= 1 or _covers_head(words, hit):
            affiliation = _affiliation(mention, actor.name) or (actor.organisation if actor.kind == "person" else None)
            name = actor.name
            if actor.kind == "state" and hit[2] - hit[1] > 1:
                # "وزارة الخارجية الروسية" speaks as itself, on Russia's side (gold-conventions §4).
                name = " ".join(mention.replace("«", "").replace("»", "").split()[hit[1] : hit[2]])
            return _Known(name, actor.side, actor.id, role or actor.role, affiliation, mention, head)
    titled = _titled_person(mention) if hit is None or hit[0].kind != "person" else None
    if titled is None and (hit is None or hit[0].kind != "person"):
        titled = _role_then_name(mention) or _name_then_role(mention)
    if titled is not None:
        name, title_role = titled
        side = side_from_mention(f"{mention} {claim.role or ''}")
        return _Known(name, side, None, title_role or role, _affiliation(mention, name), mention, _head(name))
    # Re-mentions of an unnamed source: "المصدر العسكري", "المصادر", "المسؤولان", "هؤلاء المسؤولون".
    definite = words and (words[0].startswith("ال") or words[0] in _DEMONSTRATIVES)
    if definite and _stem(head) in _SOURCE_STEMS | {_stem(k.head) for k in seen if k.head}:
        said = {_stem(w.removeprefix("ال")) for w in words if w not in _DEMONSTRATIVES and w not in _SAME}
        for prev in reversed(seen):
            if prev.head and _stem(prev.head) == _stem(head):
                earlier = {_stem(w.removeprefix("ال")) for w in _words(prev.mention or prev.speaker)}
                if said <= earlier:  # "المصدر العسكري" re-mentions "مصدر عسكري في…"; "الجيش الأميركي" is new
                    return prev
    # A short name seen in full before ("المدني" after "عبد المالك المدني").
    if len(words) <= 2:
        short = normalize_name(mention).split()
        for prev in reversed(seen):
            if prev.speaker and len(normalize_name(prev.speaker).split()) > len(short) \
                    and normalize_name(prev.speaker).split()[-len(short):] == short:
                return prev
    # The appositive role counts too: "X، قائد غرفة عمليات سرت بقوات الوفاق،" → GNA.
    side = side_from_mention(f"{mention} {claim.role or ''}") or (hit[0].side if hit else None)
    if head and _stem(head) in _SOURCE_STEMS:
        description, affiliation = describe_unnamed(mention)
        return _Known(_definite_to_indefinite(description), side, None, None, affiliation, mention, head)
    has_title = any(w in lexicon().titles or w.removeprefix("ال") in _ROLE_BARE for w in words)
    name = _person_name(mention) if has_title else _DIRECTION_TAIL.sub("", mention)
    if role and name != mention and role.endswith(name):
        role = role[: -len(name)].strip(" ،,") or None  # "رئيس الوزراء العراقي محمد شياع السوداني"
    affiliation = _affiliation(mention)
    if hit is not None:
        actor = hit[0]
        linked = _LINK.search(" ".join(mention.split()[: hit[1]])) or any(
            w.startswith("ل") and not w.startswith("ال") for w in mention.split()[: hit[1]])
        if actor.kind != "person" and hit[1] > 0 and linked:
            # "المكتب الإعلامي التابع لحكومة حماس": a body of the actor, speaking on its side
            # (but "حركة المقاومة الإسلامية الفلسطينية «حماس»" is the actor under its full name).
            description, attached = describe_unnamed(mention)
            return _Known(description or mention, actor.side, None, role, attached or affiliation, mention, head)
        return _Known(actor.name, actor.side, actor.id, role or actor.role, affiliation, mention, head)
    return _Known(name, side, None, role, affiliation, mention, head)


_ORGANISATION_HEADS = grammar.words("organisation_heads")
_NOT_NAME = grammar.words("stop_after_speaker") | grammar.words("channel_after_in") | grammar.words("attachers")
_LATTER = grammar.words("latter")


def _definite_antecedent(article: Article, claim: Claim, words: tuple[str, ...], seen: list[_Known],
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
    bare = head.removeprefix("ال")
    for prev in reversed(seen):
        if prev.speaker and _words(prev.speaker)[:1] == (bare,):
            return prev
    return _last_actor_before(article, claim.cue.start, outlet, bare)


def _last_actor_before(article: Article, offset: int, outlet: str | None, head: str | None) -> _Known | None:
    """The last organisation named before ``offset`` in its story (whose name starts with ``head``)."""
    story = article.story_at(offset)
    start = story.start if story else 0
    words = _words(article.text[start:offset])
    found = None
    for at in range(len(words)):
        hit = find_actor(" ".join(words[at : at + 6]), outlet)
        if hit is None or hit[1] != 0 or hit[0].kind == "person":
            continue
        actor = hit[0]
        if head is None or _words(actor.name)[:1] == (head,):
            found = actor
    if found is None:
        return None
    return _Known(found.name, found.side, found.id, found.role, found.organisation, found.name, _head(found.name))


def _role_then_name(mention: str) -> tuple[str, str | None] | None:
    """(name, role) for a role phrase followed by a name with no title between them.

    "المتحدث باسم الجيش الإسرائيلي أفيخاي أدرعي", "متحدث باسم وزارة الخارجية “عباس موسوي”":
    the name is the run of words without ال after the role's last definite word.
    """
    words = mention.replace("“", " ").replace("”", " ").replace("«", " ").replace("»", " ").replace('"', " ").split()
    if len(words) < 4 or normalize(words[0]).removeprefix("ال").removeprefix("و") not in _ROLE_BARE:
        return None
    tail: list[str] = []
    for w in reversed(words):
        n = normalize(w)
        if n.startswith("ال") or n.removeprefix("ال") in _ROLE_BARE or n in lexicon().titles or n in _NOT_NAME:
            return None if n in _NOT_NAME else _name_tail(words, tail)
        tail.insert(0, w)
    return None


def _name_tail(words: list[str], tail: list[str]) -> tuple[str, str | None] | None:
    before = normalize(words[len(words) - len(tail) - 1]) if len(tail) < len(words) else ""
    if not 2 <= len(tail) <= 4 or not before.startswith("ال") or state_side(" ".join(tail)):
        return None
    return " ".join(tail), " ".join(words[: len(words) - len(tail)])


def _name_then_role(mention: str) -> tuple[str, str | None] | None:
    """(name, role) for a name followed by its role: "أبو عبيدة المتحدث باسم الكتائب"."""
    words = mention.replace("“", " ").replace("”", " ").replace("«", " ").replace("»", " ").replace('"', " ").split()
    at = next((k for k, w in enumerate(words) if normalize(w).removeprefix("ال") in _ROLE_BARE), None)
    if at is None or not 2 <= at <= 4 or at == len(words) - 1:
        return None  # one word before a role is rarely a whole name ("مكتب رئيس الوزراء")
    name = words[:at]
    if any(normalize(w).startswith("ال") or normalize(w) in _NOT_NAME or institution_word(normalize(w)) for w in name) \
            or state_side(" ".join(name)):
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


_LINK = re.compile(r"(?:^|\s)(?:باسم|لدى|في|التابع(?:ة)?\s+ل|بـ?(?=«|ال))\s?")


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
    aff = " ".join(words).strip(" «»\"،,")
    return aff or None


def _person_name(mention: str) -> str:
    """A person's name without title and role: the last two or three name-like words."""
    titles = lexicon().titles
    words = WORD_RE.findall(mention)
    names = [w for w in words if normalize(w) not in titles]
    if not names:
        return mention
    # "أدميرال متقاعد من البحرية الأميركي إلمو زوموالت" → the trailing words without ال.
    tail: list[str] = []
    for k in range(len(names) - 1, -1, -1):
        w = names[k]
        after_abd = k > 0 and names[k - 1] in ("عبد", "أبو", "ابو")
        # A family name may carry ال ("محمد شياع السوداني") when a plain given name comes before it.
        nisba = k == len(names) - 1 and k > 0 and not names[k - 1].startswith("ال")
        if w.startswith("ال") and not after_abd and not nisba:  # the original spelling: "إلمو" folds to "المو"
            break
        tail.insert(0, w)
        if len(tail) == 3:
            break
    if tail and tail[0] in ("عبد", "أبو", "ابو") and len(tail) < len(names):
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
    if words[last + 1].startswith("ال"):
        return None  # "المستشار الإعلامي لـ…": here the word is a role, not a title before a name
    name = _person_name(" ".join(words[last + 1 :]))
    role = " ".join(words[:last]).strip(" ،,") or None
    return name.strip(" ،,«»"), role

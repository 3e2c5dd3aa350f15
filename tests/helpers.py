"""A store with real claims, whether or not the attribution engine finds them yet.

``seed_store`` ingests the seed articles with the real pipeline. If that gives no claims
(attribution not written yet), it stores the hand-checked gold claims instead: each gold
sentence, cue, speaker and content is located in the stored article text with ``str.find``,
so every span points at the real text. Nothing is mocked.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from claimcheck.models import Article, Claim, Conflict, Span
from claimcheck.pipeline import ingest_paths

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "articles"
GOLD = ROOT / "fixtures" / "gold" / "seeds"
SOURCE_CUES = {"بحسب", "وفقا", "حسب", "نقلا"}


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def seed_store(store) -> list[str]:
    """Ingest the seeds into ``store`` and make sure it has claims and at least one conflict; returns claim ids."""
    report = ingest_paths(store, [SEEDS])
    assert not report.errors, report.errors
    gold_ids = save_gold_claims(store) if store.claim_count() == 0 else {}
    ensure_conflicts(store, gold_ids)
    return [c["id"] for c in store.claims()]


def gold_claims(store) -> dict[str, Claim]:
    """Gold id → ``Claim`` for every gold line found in the stored seed articles."""
    by_name = {a["name"]: a["id"] for a in store.articles()}
    articles = {}
    out = {}
    for g in _jsonl(GOLD / "gold.jsonl"):
        article_id = by_name.get(g["article"])
        if article_id is None:
            continue
        article = articles.get(article_id) or articles.setdefault(article_id, store.article(article_id))
        text = article.text
        s_start = text.find(g["sentence"])
        if s_start < 0:
            continue
        sentence = Span(s_start, s_start + len(g["sentence"]))
        cue = _find(text, g["cue"], sentence)
        if cue is None:
            continue
        content = _find(text, g["content"], sentence) if g["content"] else None
        speaker = _find(text, g["speaker_text"], sentence) if g["speaker_text"] else None
        story = article.story_at(s_start)
        out[g["id"]] = Claim(
            article_id=article_id,
            story=story.index if story else 0,
            sentence=sentence,
            cue=cue,
            cue_text=g["cue"],
            cue_lemma=g["cue_lemma"],
            cue_kind="source" if g["cue_lemma"] in SOURCE_CUES else "verb",
            content=content,
            content_text=g["content"] or "",
            speaker_text=g["speaker_text"] or "",
            speaker=g["speaker"] or g["speaker_text"] or "",
            speaker_span=speaker,
            role=g["speaker_role"],
            affiliation=g["affiliation"],
            side=g["side"],
            direct=bool(g["direct"]),
            negated=bool(g["negated_or_denial"]),
            outlet=article.outlet,
        )
    return out


def save_gold_claims(store) -> dict[str, str]:
    """Store the gold claims (replacing each seed article's claims); returns gold id → claim id."""
    claims = gold_claims(store)
    per_article: dict[str, dict[str, Claim]] = {}
    for claim in claims.values():
        per_article.setdefault(claim.article_id, {})[claim.id] = claim
    for article_id, found in per_article.items():
        analyzer = store.article_state(article_id)[0] or "builtin"
        store.save_article(store.article(article_id), list(found.values()), analyzer)
    return {gold_id: claim.id for gold_id, claim in claims.items()}


def ensure_conflicts(store, gold_ids: dict[str, str]) -> list[dict]:
    """Stored conflicts; when conflict detection found none, the gold conflicts (or one between two claims)."""
    if store.conflict_count():
        return store.conflicts()
    found = []
    for g in _jsonl(GOLD / "conflicts.jsonl"):
        a, b = gold_ids.get(g["a"]), gold_ids.get(g["b"])
        if a and b:
            a, b = sorted((a, b))
            found.append(Conflict(a, b, g["type"], g["why"], "تعارض بين روايتين", 0.9))
    if not found:
        first, second = sorted(c["id"] for c in store.claims()[:2])
        found.append(Conflict(first, second, "competing_claims", "Two accounts of one event.", "روايتان لحدث واحد", 0.7))
    store.replace_conflicts(found)
    return store.conflicts()


def add_claim(store, article_name: str, content: str, **fields) -> str:
    """Add one claim with the given content (not from the text) to a stored article; returns its id."""
    article_id = next(a["id"] for a in store.articles() if a["name"] == article_name)
    article = store.article(article_id)
    existing = [c for c in store.all_claims() if c.article_id == article_id]
    base = existing[0] if existing else None
    sentence = base.sentence if base else Span(0, min(len(article.text), 40))
    claim = Claim(
        article_id=article_id, story=0, sentence=sentence, cue=Span(sentence.start, sentence.start + 1),
        cue_text="قال", cue_lemma="قال", cue_kind="verb", content=None, content_text=content,
        speaker_text=fields.pop("speaker_text", ""), speaker=fields.pop("speaker", "متحدث"), outlet=article.outlet,
    )
    claim = replace(claim, **fields)
    store.save_article(article, [*existing, claim], store.article_state(article_id)[0] or "builtin")
    return claim.id


def key_counts(store) -> tuple[dict[str, int], dict[str, int]]:
    """(the key counts the store keeps, above zero; the counts of its claim_keys rows per key)."""
    from sqlalchemy import func, select

    from claimcheck.store.database import ClaimKeyRow, KeyCountRow

    with store.session() as s:
        kept = dict(s.execute(select(KeyCountRow.key, KeyCountRow.claims).where(KeyCountRow.claims > 0)).all())
        counted = dict(s.execute(select(ClaimKeyRow.key, func.count()).group_by(ClaimKeyRow.key)).all())
    return kept, counted


def _find(text: str, needle: str, sentence: Span) -> Span | None:
    """``needle`` in the sentence (or, for content that runs on, from the sentence start)."""
    at = text.find(needle, sentence.start, sentence.end)
    if at < 0:
        at = text.find(needle, sentence.start)
    return Span(at, at + len(needle)) if at >= 0 else None


def claims_from_gold(gold_dir: Path = GOLD) -> tuple[dict[str, Claim], dict[str, Article]]:
    """Gold id → ``Claim`` built straight from a gold folder (no store, no attribution engine).

    Articles are read with the real ingest (manifest metadata, stories, story dates). Each gold
    sentence, cue and content is located in the article text with ``str.find``; speaker, side,
    direct and negation come from the gold line. A line whose cue lies inside another line's
    content in the same sentence is the inner line of a nested report (``nested_in`` set). Time
    references are resolved and frames built by the pipeline's own step. Returns the claims and
    the articles by id.
    """
    from claimcheck import pipeline
    from claimcheck.ingest import reader as ingest
    from claimcheck.models import Article  # noqa: F401  (named in the return type)

    articles = {a.name: a for a in ingest.read([gold_dir / "articles"]) if not isinstance(a, ingest.IngestError)}
    lines = _jsonl(gold_dir / "gold.jsonl")
    built: dict[str, Claim] = {}
    cursor: dict[str, int] = {}
    for g in lines:
        article = articles.get(g["article"])
        if article is None:
            continue
        text = article.text
        at = text.find(g["sentence"], cursor.get(article.name, 0))
        at = at if at >= 0 else text.find(g["sentence"])
        if at < 0:
            continue
        cursor[article.name] = at
        sentence = Span(at, at + len(g["sentence"]))
        cue = _find(text, g["cue"], sentence)
        if cue is None:
            continue
        content = _find_after(text, g["content"], sentence, cue.end) if g["content"] else None
        story = article.story_at(at)
        built[g["id"]] = Claim(
            article_id=article.id, story=story.index if story else 0, sentence=sentence, cue=cue,
            cue_text=g["cue"], cue_lemma=g["cue_lemma"],
            cue_kind="source" if g["cue_lemma"] in SOURCE_CUES else "verb",
            content=content, content_text=g["content"] or "", speaker_text=g["speaker_text"] or "",
            speaker=g["speaker"] or g["speaker_text"] or "",
            speaker_span=_find(text, g["speaker_text"], sentence) if g["speaker_text"] else None,
            role=g["speaker_role"], affiliation=g["affiliation"], side=g["side"], direct=bool(g["direct"]),
            negated=bool(g["negated_or_denial"]), outlet=article.outlet,
        )
    by_article = {a.id: a for a in articles.values()}
    out: dict[str, Claim] = {}
    for gold_id, claim in built.items():
        outer = next((o for o in built.values() if o is not claim and o.article_id == claim.article_id
                      and o.sentence == claim.sentence and o.content and claim.cue.start in o.content), None)
        out[gold_id] = replace(claim, nested_in=outer.id if outer else None)
    for article_id, article in by_article.items():
        ids = [gold_id for gold_id, claim in out.items() if claim.article_id == article_id]
        out.update(zip(ids, pipeline.date_and_frame(article, [out[gold_id] for gold_id in ids])))
    return out, by_article


def gold_conflict_pairs(gold_dir: Path = GOLD) -> list[dict]:
    """The hand-annotated conflict pairs of a gold folder."""
    return _jsonl(gold_dir / "conflicts.jsonl")


def _find_after(text: str, needle: str, sentence: Span, after: int) -> Span | None:
    """``needle`` after the cue when it is there (a content follows its cue), else anywhere in the sentence."""
    at = text.find(needle, after, sentence.end)
    return Span(at, at + len(needle)) if at >= 0 else _find(text, needle, sentence)


def claims_from_text(text: str, lines: list[dict], *, name: str = "invented", outlet: str | None = None,
                     published: str | None = None) -> tuple[dict[str, Claim], Article]:
    """Claims of a small article written for a test, one sentence per line.

    Each line of ``lines`` gives ``id``, ``cue``, ``speaker``, ``side``, ``content`` and optionally
    ``negated``; the sentence is the line of ``text`` holding the content, and every span is found
    with ``str.find``. Dates and frames are made by the pipeline's own step.
    """
    from claimcheck import pipeline
    from claimcheck.ingest import reader as ingest

    article = ingest.build_article(text, name, meta={"outlet": outlet, "published": published})
    out: dict[str, Claim] = {}
    for line in lines:
        at = text.index(line["content"])
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        sentence = Span(start, end if end >= 0 else len(text))
        cue = _find(text, line["cue"], sentence)
        content = Span(at, at + len(line["content"]))
        story = article.story_at(start)
        claim = Claim(
            article_id=article.id, story=story.index if story else 0, sentence=sentence, cue=cue,
            cue_text=line["cue"], cue_lemma=line.get("cue_lemma", line["cue"].lstrip("و")), cue_kind="verb",
            content=content, content_text=line["content"], speaker_text=line["speaker"], speaker=line["speaker"],
            side=line.get("side"), negated=bool(line.get("negated")), outlet=article.outlet,
        )
        out[line["id"]] = claim
    return dict(zip(out, pipeline.date_and_frame(article, list(out.values())))), article

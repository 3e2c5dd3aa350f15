"""The stages run in order over one article, and over the store.

ingest → analyze → attribute → resolve → frame, per article; conflicts over all claims.
Stages are plain functions; this module and the CLI are the only places that chain them.
"""

from __future__ import annotations

from dataclasses import replace

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .analysis.analyzer import Analyzer, BuiltinAnalyzer
from .analysis.text import ARABIC_LETTER
from .attribution import attribute
from .config import load_settings
from .conflicts import detection as conflicts
from .events import dates, frames, similarity
from .ingest import reader as ingest
from .models import Article, Claim, TimeRef
from .speakers import resolve

_ARABIC = re.compile(f"[{ARABIC_LETTER}]")


def analyze_article(article: Article, analyzer: Analyzer | None = None) -> list[Claim]:
    """Every claim in ``article``, attributed, resolved, dated and framed."""
    analyzer = analyzer or BuiltinAnalyzer()
    sentences = analyzer.sentences(article)
    claims = attribute.extract(article, sentences)
    claims = resolve.resolve_speakers(article, claims)
    date_and_frame(article, claims)
    return claims


def date_and_frame(article: Article, claims: list[Claim]) -> None:
    """Outlet, time reference and event frame of each claim of ``article``, set in place.

    Claims of one sentence share its time reference and its analysis: each is worked out once
    per article (not cached across articles, so the cost measured is the cost of new text).
    """
    times: dict[tuple[int, int], TimeRef | None] = {}
    memo: dict = {}
    for claim in claims:
        story = article.stories[claim.story] if claim.story < len(article.stories) else None
        anchor = story.published if story else article.published
        claim.outlet = article.outlet
        where = (claim.sentence.start, claim.sentence.end)
        if where not in times:
            times[where] = dates.resolve(article.text, *where, anchor)
        claim.time = times[where]
        frame = frames.frame_claim(article, claim, memo)
        keys = similarity.content_keys(article.text[where[0] : where[1]], claim, where[0])
        claim.frame = replace(frame, stems=keys.stems, entities=keys.entities, markers=keys.markers)


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    claims: int = 0
    conflicts: int = 0
    errors: list[ingest.IngestError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # stored, but probably not what was meant


def ingest_paths(
    store,
    paths: Iterable[Path],
    analyzer: Analyzer | None = None,
    *,
    on_item: Callable[[str], None] | None = None,
    force: bool = False,
) -> IngestReport:
    """Read, analyse and store articles (one transaction each), then refresh conflicts.

    An article already stored with the same content, metadata and analysis is left alone, so
    re-running adds nothing; a run killed half-way is completed by the next one. Edited metadata
    re-analyses the article: its claims keep their ids, and so their reviews.
    """
    from .store.database import PIPELINE_VERSION, article_metadata

    analyzer = analyzer or BuiltinAnalyzer()
    report = IngestReport()
    for item in ingest.read(list(paths)):
        if isinstance(item, ingest.IngestError):
            report.errors.append(item)
            if on_item:
                on_item(str(item.path))
            continue
        if not _ARABIC.search(item.text):
            # Stored as read, but the cue lexicon is Arabic: say why nothing will come of it.
            report.warnings.append(f"{item.source_path or item.name}: no Arabic text; 0 claims")
        state = store.article_state(item.id)
        if state == (analyzer.name, PIPELINE_VERSION, article_metadata(item)) and not force:
            report.unchanged += 1
        else:
            claims = analyze_article(item, analyzer)
            store.save_article(item, claims, analyzer.name)
            report.claims += len(claims)
            if state is None:
                report.added += 1
            else:
                report.updated += 1
        if on_item:
            on_item(item.name)
    report.conflicts = refresh_conflicts(store)
    return report


def reanalyze(store, analyzer: Analyzer | None = None, article_ids: Iterable[str] | None = None,
              on_item: Callable[[str], None] | None = None) -> tuple[int, int]:
    """Re-run analysis on stored articles. Claims that come out the same keep their reviews."""
    analyzer = analyzer or BuiltinAnalyzer()
    wanted = set(article_ids) if article_ids else None
    n_articles = n_claims = 0
    for article in store.iter_articles():
        if wanted is not None and article.id not in wanted:
            continue
        claims = analyze_article(article, analyzer)
        store.save_article(article, claims, analyzer.name)
        n_articles += 1
        n_claims += len(claims)
        if on_item:
            on_item(article.name)
    refresh_conflicts(store)
    return n_articles, n_claims


def refresh_conflicts(store) -> int:
    """Recompute conflicts over every stored claim and replace the stored set."""
    settings = load_settings().conflicts
    kept = replace(settings, min_confidence=min(settings.store_from, settings.min_confidence))
    return store.refresh_conflicts(lambda claims: conflicts.detect(claims, kept))

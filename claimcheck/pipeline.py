"""The stages run in order over one article, and over the store.

ingest → analyze → attribute → resolve → frame, per article; conflicts over all claims.
Stages are plain functions; this module and the CLI are the only places that chain them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence, Sized
from dataclasses import dataclass, field, replace
from pathlib import Path

from .analysis.analyzer import Analyzer, BuiltinAnalyzer
from .analysis.text import ARABIC_LETTER
from .attribution import attribute
from .config import load_settings
from .conflicts import detection as conflicts
from .events import dates, frames, similarity
from .ingest import reader as ingest
from .models import Article, Attribution, Claim, ResolvedSpeaker, TimeRef
from .speakers import resolve

_ARABIC = re.compile(f"[{ARABIC_LETTER}]")


def analyze_article(article: Article, analyzer: Analyzer | None = None) -> list[Claim]:
    """Every claim in ``article``, attributed, resolved, dated and framed."""
    analyzer = analyzer or BuiltinAnalyzer()
    sentences = analyzer.sentences(article)
    found = attribute.extract(article, sentences)
    speakers = resolve.resolve_speakers(article, found)
    return date_and_frame(article, assemble(article.id, found, speakers))


def assemble(article_id: str, found: Sequence[Attribution], speakers: Sequence[ResolvedSpeaker]) -> list[Claim]:
    """The claims of one article, from what attribution found and whom resolution put on record.

    A nested claim points at its outer claim by id: the outer claim comes earlier in the list, so
    its id is known when the nested one is made.
    """
    claims: list[Claim] = []
    for found_one, speaker in zip(found, speakers, strict=True):
        outer = found_one.nested_in_index
        claims.append(_claim(article_id, found_one, speaker, claims[outer].id if outer is not None else None))
    return claims


def _claim(article_id: str, found: Attribution, speaker: ResolvedSpeaker, nested_in: str | None) -> Claim:
    # Every field is given (the outlet, time and frame come later), so the record can be filled as
    # ``_changed`` fills its copies, without the frozen ``__init__``.
    return _record(
        Claim,
        article_id=article_id,
        story=found.story,
        sentence=found.sentence,
        cue=found.cue,
        cue_text=found.cue_text,
        cue_lemma=found.cue_lemma,
        cue_kind=found.cue_kind,
        content=found.content,
        content_text=found.content_text,
        speaker_text=speaker.speaker_text,
        speaker=speaker.speaker,
        speaker_span=speaker.speaker_span,
        role=speaker.role,
        affiliation=speaker.affiliation,
        side=speaker.side,
        actor_id=speaker.actor_id,
        direct=found.direct,
        negated=found.negated,
        addressee_outlet=found.addressee_outlet,
        relayed_by=found.relayed_by,
        nested_in=nested_in,
        reported=speaker.reported,
        outlet=None,
        time=None,
        frame=None,
    )


def _record(cls, _new=object.__new__, **fields):
    """``cls(**fields)`` for a frozen dataclass given every one of its fields, its instance dict filled
    (equal to what ``__init__`` makes; see ``_changed``)."""
    record = _new(cls)
    record.__dict__.update(fields)
    return record


def date_and_frame(article: Article, claims: Sequence[Claim]) -> list[Claim]:
    """The claims of ``article`` with its outlet, their time reference and their event frame, in order.

    Claims of one sentence share its time reference and its analysis: each is worked out once
    per article (not cached across articles, so the cost measured is the cost of new text).
    """
    times: dict[tuple[int, int], TimeRef | None] = {}
    memo: dict = {}
    out: list[Claim] = []
    for claim in claims:
        story = article.stories[claim.story] if claim.story < len(article.stories) else None
        anchor = story.published if story else article.published
        where = (claim.sentence.start, claim.sentence.end)
        if where not in times:
            times[where] = dates.resolve(article.text, *where, anchor)
        # The frame reads the claim's outlet and date, so it is made from the claim that has them.
        dated = _changed(claim, outlet=article.outlet, time=times[where])
        frame = frames.frame_claim(article, dated, memo)
        keys = similarity.content_keys(article.text[where[0] : where[1]], dated, where[0], memo)
        out.append(_changed(dated, frame=_changed(frame, stems=keys.stems, entities=keys.entities, markers=keys.markers)))
    return out


def _changed(record, _new=object.__new__, **changes):
    """A copy of a frozen record with some fields changed: ``dataclasses.replace`` without its per-call
    field checks (a tenth of the whole analysis, made three times for every claim), and without the frozen
    ``__init__``, which sets each of a claim's 25 fields through ``object.__setattr__``: the copy's instance
    dict is filled instead, as the analyzer makes its tokens, and the copy is equal to what ``__init__`` makes."""
    return _record(type(record), **{**record.__dict__, **changes})


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    claims: int = 0
    conflicts: int = 0
    errors: list[ingest.IngestError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # stored, but probably not what was meant


BATCH = 50  # analysed articles written per transaction by the one writer


def _written(store, results: Iterable[tuple[Article, Sized]], analyzer_name: str,
             on_written: Callable[[Article, Sized], None]) -> None:
    """Write analysed articles (with their claims as records, made where they were analysed) in batches
    of ``BATCH``, calling ``on_written`` once each is stored."""
    batch: list[tuple[Article, Sized]] = []

    def flush() -> None:
        store.save_articles(batch, analyzer_name)
        for article, claims in batch:
            on_written(article, claims)
        batch.clear()

    for article, claims in results:
        batch.append((article, claims))
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()


def ingest_paths(
    store,
    paths: Iterable[Path],
    analyzer: Analyzer | None = None,
    *,
    on_item: Callable[[str], None] | None = None,
    force: bool = False,
    jobs: int = 1,
    cluster: str | None = None,
) -> IngestReport:
    """Read, analyse and store articles, then update conflicts.

    Articles are analysed in this process (``jobs=1``), in ``jobs`` worker processes, or on the Dask
    cluster at ``cluster``; one writer (this process) stores them in batches, each article whole or
    not at all. The result is the same whichever way they were analysed.

    An article already stored with the same content, metadata and analysis is left alone, so
    re-running adds nothing; a run killed half-way is completed by the next one. Edited metadata
    re-analyses the article: its claims keep their ids, and so their reviews.
    """
    from .parallel import analyze_many
    from .store.database import PIPELINE_VERSION, article_metadata

    analyzer = analyzer or BuiltinAnalyzer()
    report = IngestReport()
    seen: dict[str, tuple] = {}  # this run's articles: an id met twice is judged as if the first were stored
    is_new: dict[str, bool] = {}

    def to_analyse() -> Iterable[Article]:
        for item in ingest.read(list(paths)):
            if isinstance(item, ingest.IngestError):
                report.errors.append(item)
                if on_item:
                    on_item(str(item.path))
                continue
            if not _ARABIC.search(item.text):
                # Stored as read, but the cue lexicon is Arabic: say why nothing will come of it.
                report.warnings.append(f"{item.source_path or item.name}: no Arabic text; 0 claims")
            meta = article_metadata(item)
            if item.id in seen:
                state = (analyzer.name, PIPELINE_VERSION, seen[item.id])
            else:
                state = store.article_state(item.id)
            seen[item.id] = meta
            if state == (analyzer.name, PIPELINE_VERSION, meta) and not force:
                report.unchanged += 1
                if on_item:
                    on_item(item.name)
                continue
            is_new.setdefault(item.id, state is None)
            yield item

    changed: set[str] = set()

    def written(article: Article, claims: Sized) -> None:
        changed.add(article.id)
        report.claims += len(claims)
        if is_new.pop(article.id, False):
            report.added += 1
        else:
            report.updated += 1
        if on_item:
            on_item(article.name)

    _written(store, analyze_many(to_analyse(), analyzer, jobs=jobs, cluster=cluster), analyzer.name, written)
    report.conflicts = update_conflicts(store, changed).conflicts
    return report


def reanalyze(store, analyzer: Analyzer | None = None, article_ids: Iterable[str] | None = None,
              on_item: Callable[[str], None] | None = None, *, jobs: int = 1,
              cluster: str | None = None) -> tuple[int, int]:
    """Re-run analysis on stored articles. Claims that come out the same keep their reviews."""
    from .parallel import analyze_many

    analyzer = analyzer or BuiltinAnalyzer()
    wanted = set(article_ids) if article_ids else None
    counts = [0, 0]
    changed: set[str] = set()

    def written(article: Article, claims: Sized) -> None:
        changed.add(article.id)
        counts[0] += 1
        counts[1] += len(claims)
        if on_item:
            on_item(article.name)

    articles = (a for a in store.iter_articles() if wanted is None or a.id in wanted)
    _written(store, analyze_many(articles, analyzer, jobs=jobs, cluster=cluster), analyzer.name, written)
    update_conflicts(store, changed)
    return counts[0], counts[1]


def _kept_settings():
    settings = load_settings().conflicts
    return replace(settings, min_confidence=min(settings.store_from, settings.min_confidence))


def refresh_conflicts(store) -> int:
    """Recompute conflicts over every stored claim and replace the stored set (``conflicts --rebuild``).

    A reviewed conflict that is no longer found is kept, marked withdrawn."""
    from .conflicts import corroboration

    kept = _kept_settings()
    compared: list[Claim] = []

    def detect(claims: list[Claim]):
        compared.extend(claims)
        return conflicts.detect(claims, kept)

    found = store.refresh_conflicts(detect)
    # Corroboration over the same claims, once the conflicts' lock is let go, and stored: listing the
    # groups later reads them back instead of comparing the whole store again.
    store.replace_corroborations(corroboration.links(compared, kept))
    return found


# Above this share of the store, new claims are compared with everything at once (a first ingest).
REBUILD_SHARE = 0.5


@dataclass
class ConflictUpdate:
    conflicts: int  # stored (not withdrawn) afterwards
    new_claims: int  # the claims compared
    loaded: int  # stored claims loaded to compare them with (-1: a full recomputation)


def update_conflicts(store, article_ids: Iterable[str]) -> ConflictUpdate:
    """Conflicts after ``article_ids`` were added or re-analysed: only their claims are compared, with the
    stored claims that share a blocking key inside the date window (never a load of the whole store)."""
    from .conflicts import matching

    ids = set(article_ids) | store.pending_conflicts()  # and those a stopped ingest left behind
    kept = _kept_settings()
    if not ids:
        return ConflictUpdate(store.conflict_count(), 0, 0)
    total = store.claim_count()
    new_count = store.claim_count(articles=ids)
    if total == 0 or new_count > REBUILD_SHARE * total:
        return ConflictUpdate(refresh_conflicts(store), new_count, -1)

    from .conflicts import corroboration

    new_ids: set[str] = set()
    compared: dict = {}

    def detect(new, fetch, neighbour_ids, comparable, frequencies):
        new_ids.update(c.id for c in new)
        claims = [*new, *fetch(set(neighbour_ids) - new_ids)]
        stats = matching.Stats(frequencies(), comparable)  # the store's counts of every key of the claims read
        compared.update(claims=claims, stats=stats)
        return conflicts.detect(claims, kept, stats=stats, involving=new_ids)

    stored, loaded = store.update_conflicts(ids, detect)
    # The same claims' corroboration, found once the conflicts' lock is let go.
    store.merge_corroborations(new_ids, corroboration.links(compared["claims"], kept, compared["stats"], involving=new_ids))
    return ConflictUpdate(stored, new_count, loaded)

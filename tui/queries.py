"""Read-only, paged queries for the desk.

The desk must paint its first screen in under a second on a store of 100k claims, so nothing
here loads a whole table: pages come with LIMIT/OFFSET, totals with COUNT, and the review status
of a row is the latest review's ``new_status`` (the rule ``claimcheck.review.decisions`` writes by), joined
in SQL so that a status filter still pages.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from claimcheck.store.database import ArticleRow, ClaimRow, ConflictRow, folded_match, status_column
from claimcheck.store.database import search_pattern  # noqa: F401  (the search's regex, shared with the CLI's filters)

_status = status_column  # the one definition of a row's current status, shared with the CLI


@dataclass(frozen=True)
class ConflictFilter:
    type: str | None = None
    outlet: str | None = None
    side: str | None = None
    status: str | None = None
    min_confidence: float = 0.0  # the queue passes the settings' threshold (conflicts below it are kept, not shown)

    def without_status(self) -> ConflictFilter:
        return ConflictFilter(self.type, self.outlet, self.side, None, self.min_confidence)


@dataclass(frozen=True)
class ClaimFilter:
    outlet: str | None = None
    side: str | None = None
    status: str | None = None
    search: str | None = None

    def without_status(self) -> ClaimFilter:
        return ClaimFilter(self.outlet, self.side, None, self.search)

    @property
    def empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))


# --- conflicts ------------------------------------------------------------------------------


def _conflict_select(columns, f: ConflictFilter):
    a, b = aliased(ClaimRow, name="a"), aliased(ClaimRow, name="b")
    status = _status("conflict", ConflictRow.id)
    query = (
        select(*columns(a, b, status))
        .select_from(ConflictRow)
        .outerjoin(a, a.id == ConflictRow.claim_a)
        .outerjoin(b, b.id == ConflictRow.claim_b)
    )
    if f.type:
        query = query.where(ConflictRow.type == f.type)
    if f.outlet:
        query = query.where(or_(a.outlet == f.outlet, b.outlet == f.outlet))
    if f.side:
        query = query.where(or_(a.side == f.side, b.side == f.side))
    if f.status:
        query = query.where(status == f.status)
    if f.min_confidence:
        query = query.where(ConflictRow.confidence >= f.min_confidence)
    return query, status


def conflict_page(store, f: ConflictFilter, limit: int, offset: int = 0) -> list[dict]:
    """One page of the queue, most confident first, with what the table shows of both claims."""

    def columns(a, b, status):
        return (
            ConflictRow.id, ConflictRow.type, ConflictRow.confidence, ConflictRow.claim_a, ConflictRow.claim_b,
            a.outlet.label("outlet_a"), a.side.label("side_a"), a.speaker.label("speaker_a"),
            b.outlet.label("outlet_b"), b.side.label("side_b"), b.speaker.label("speaker_b"),
            func.coalesce(a.action, b.action).label("action"), func.coalesce(a.object, b.object).label("object"),
            func.coalesce(a.place, b.place).label("place"),
            func.coalesce(a.event_date, b.event_date).label("event_date"),
            status.label("status"),
        )

    query, _ = _conflict_select(columns, f)
    query = query.order_by(ConflictRow.confidence.desc(), ConflictRow.id).limit(limit).offset(offset)
    with store.session() as s:
        return [dict(r._mapping) for r in s.execute(query)]


def conflict_counts(store, f: ConflictFilter) -> dict[str, int]:
    """Conflicts per review status under the filter's type/outlet/side (the status filter aside)."""
    query, status = _conflict_select(lambda a, b, status: (status, func.count()), f.without_status())
    with store.session() as s:
        return dict(s.execute(query.group_by(status)).all())


def conflict_claim_ids(store, f: ConflictFilter) -> list[str]:
    """Both claims of every conflict under the filter (what an export of the queue contains)."""
    query, _ = _conflict_select(lambda a, b, status: (ConflictRow.claim_a, ConflictRow.claim_b), f)
    with store.session() as s:
        return list(dict.fromkeys(i for pair in s.execute(query) for i in pair))


def conflict(store, conflict_id: str) -> dict | None:
    with store.session() as s:
        r = s.get(ConflictRow, conflict_id)
        if r is None:
            return None
        return {"id": r.id, "claim_a": r.claim_a, "claim_b": r.claim_b, "type": r.type,
                "reason_en": r.reason_en, "reason_ar": r.reason_ar, "confidence": r.confidence}


def conflict_types(store) -> list[str]:
    with store.session() as s:
        return list(s.scalars(select(ConflictRow.type).distinct().order_by(ConflictRow.type)))


# --- claims ---------------------------------------------------------------------------------

def _searchable():
    return ClaimRow.content + " " + ClaimRow.speaker + " " + ClaimRow.speaker_text + " " + ClaimRow.cue


def _search_clause(s: Session, needle: str):
    """Text search that ignores diacritics, tatweel and hamza/alef/ya/ta-marbuta variants."""
    return folded_match(s, _searchable(), needle)


def _claim_select(s: Session, columns, f: ClaimFilter):
    status = _status("claim", ClaimRow.id)
    query = select(*columns(status)).select_from(ClaimRow)
    if f.outlet:
        query = query.where(ClaimRow.outlet == f.outlet)
    if f.side:
        query = query.where(ClaimRow.side == f.side)
    if f.status:
        query = query.where(status == f.status)
    if f.search and f.search.strip():
        query = query.where(_search_clause(s, f.search.strip()))
    return query, status


def claim_page(store, f: ClaimFilter, limit: int, offset: int = 0) -> list[dict]:
    """One page of the claims browser, in article order."""

    def columns(status):
        date = func.coalesce(ClaimRow.event_date, ClaimRow.time_resolved, ClaimRow.story_date, ArticleRow.published)
        return (ClaimRow.id, ClaimRow.article_id, ClaimRow.outlet, date.label("date"), ClaimRow.speaker,
                ClaimRow.side, ClaimRow.cue, ClaimRow.content, status.label("status"))

    with store.session() as s:
        query, _ = _claim_select(s, columns, f)
        query = (query.outerjoin(ArticleRow, ArticleRow.id == ClaimRow.article_id)
                 .order_by(ClaimRow.article_id, ClaimRow.cue_start).limit(limit).offset(offset))
        return [dict(r._mapping) for r in s.execute(query)]


def claim_counts(store, f: ClaimFilter) -> dict[str, int]:
    """Claims per review status under the filter (the status filter aside)."""
    with store.session() as s:
        query, status = _claim_select(s, lambda status: (status, func.count()), f.without_status())
        return dict(s.execute(query.group_by(status)).all())


def claim_ids(store, f: ClaimFilter) -> list[str]:
    with store.session() as s:
        query, _ = _claim_select(s, lambda status: (ClaimRow.id,), f)
        return list(s.scalars(query))


def claim_sides(store) -> list[str]:
    with store.session() as s:
        return list(s.scalars(select(ClaimRow.side).where(ClaimRow.side.is_not(None)).distinct().order_by(ClaimRow.side)))


def outlets(store) -> list[str]:
    with store.session() as s:
        return list(s.scalars(
            select(ArticleRow.outlet).where(ArticleRow.outlet.is_not(None)).distinct().order_by(ArticleRow.outlet)))


def article_claim_ids(store, article_id: str) -> list[str]:
    """The article's claims in reading order (ids only; the view fetches what it draws)."""
    with store.session() as s:
        return list(s.scalars(
            select(ClaimRow.id).where(ClaimRow.article_id == article_id).order_by(ClaimRow.cue_start, ClaimRow.id)))

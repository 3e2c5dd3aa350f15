"""Every read of claims and conflicts that the commands, the export and the review desk make.

One module, so that they all filter alike:

- text filters (speaker, cue, the desk's search) find what ``normalize`` makes equal to what was
  typed: case, hamza/alef/ya/ta-marbuta forms, diacritics and tatweel are folded, and every
  character typed (``%``, ``_``, ``.``) is taken literally;
- outlet and side filters match the whole name up to that folding ("al jazeera" is Al Jazeera's; an outlet
  also by its Arabic names in the knowledge files, "الجزيرة", and, when no name is spelled so, by its first
  words: "shorouk" for Shorouk News);
- the current review status of a claim or conflict is its latest decision that was not taken back
  (``status_column``), computed in SQL so that a status filter still pages.

Nothing here loads a whole table: pages come with LIMIT/OFFSET and totals with COUNT (the desk
paints its first screen on a store of 100k claims in well under a second). Rows come back as
frozen dataclasses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from ..analysis.text import normalize
from ..models import side_inferred
from .tables import UNREVIEWED, ArticleRow, ClaimRow, ConflictRow, ReviewRow

# --- the current review status ----------------------------------------------------------------


def in_force():
    """SQL: a review row that is a decision in force — not an undo row, and not taken back by one.

    The undo row is looked up by target, so the (target_kind, target_id, id) index serves it.
    """
    undo = aliased(ReviewRow, name="undo")
    taken_back = exists().where(undo.target_kind == ReviewRow.target_kind, undo.target_id == ReviewRow.target_id,
                                undo.undo_of == ReviewRow.id)
    return and_(ReviewRow.undo_of.is_(None), ~taken_back)


def status_column(kind: str, target_id):
    """SQL for the current review status of ``target_id`` (a claim or conflict id column): the
    ``new_status`` of its latest decision in force, or 'unreviewed'.

    A correlated subquery rather than a join on "latest row per target": it is one lookup in
    the (target_kind, target_id, id) index per row actually read, where SQLite would scan a
    joined derived table once per claim.
    """
    latest = (
        select(ReviewRow.new_status)
        .where(ReviewRow.target_kind == kind, ReviewRow.target_id == target_id, in_force())
        .order_by(ReviewRow.id.desc())
        .limit(1)
        .correlate_except(ReviewRow)
        .scalar_subquery()
    )
    return func.coalesce(latest, UNREVIEWED)


# --- folding what was typed -------------------------------------------------------------------


@lru_cache(maxsize=1)
def _folds() -> tuple[dict[str, str], str]:
    """What ``normalize`` folds, read off normalize itself: each folded letter's spellings, and the
    characters it drops (diacritics, tatweel), so the search regex cannot drift from it."""
    spellings: dict[str, set[str]] = {}
    dropped = []
    for cp in [*range(0x30, 0x3A), *range(0x41, 0x5B), *range(0x0600, 0x0700), *range(0x06F0, 0x06FA)]:
        folded = normalize(chr(cp))
        if folded == "":
            dropped.append(chr(cp))
        elif len(folded) == 1 and folded != chr(cp):
            spellings.setdefault(folded, {folded}).add(chr(cp))
    return {k: "".join(sorted(v)) for k, v in spellings.items()}, "".join(dropped)


def search_pattern(needle: str) -> str:
    """A regex that matches, in the stored text, exactly what ``normalize`` makes equal to ``needle``.

    Matching the stored text directly is about three times faster than normalising every row
    (a search's first page on 100k claims takes a tenth of a second); SQLite runs it through
    Python's ``re``, server databases natively. Every character of ``needle`` is escaped.
    """
    spellings, dropped = _folds()
    gap = f"[{re.escape(dropped)}]*"
    return gap.join(f"[{re.escape(spellings[c])}]" if c in spellings else re.escape(c) for c in normalize(needle))


@lru_cache(maxsize=32)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def _regexp(pattern: str, text: str | None) -> bool:
    return text is not None and _compiled(pattern).search(text) is not None


def folded_match(s: Session, column, needle: str):
    """SQL: ``column`` holds ``needle`` up to what ``normalize`` folds."""
    conn = s.connection()
    if conn.dialect.name == "sqlite":  # SQLite has the REGEXP operator but no function behind it
        conn.connection.driver_connection.create_function("regexp", 2, _regexp, deterministic=True)
    return column.regexp_match(search_pattern(needle))


def spelled_as(s: Session, column, typed: str, also: frozenset[str] = frozenset()) -> list[str]:
    """The stored values of ``column`` that ``normalize`` makes equal to ``typed`` (outlets, sides), and
    those of ``also`` (the names ``typed`` stands for).

    Such a column holds few distinct values, read off its index: the filter is then an indexed
    IN, where a regex would be run on every row.
    """
    wanted = normalize(typed)
    return [v for v in _values(s, column) if normalize(v) == wanted or v in also]


def _values(s: Session, column) -> list[str]:
    """The distinct stored values of ``column``, in order."""
    return list(s.scalars(select(column).where(column.is_not(None)).distinct().order_by(column)))


def outlet_spelled_as(s: Session, typed: str) -> list[str]:
    """The stored outlet names ``typed`` names: as ``spelled_as``, or by an Arabic name of the outlet in the
    knowledge files ("الجزيرة" is Al Jazeera's: outlets are stored under their English names)."""
    from ..knowledge import loader as knowledge

    wanted = normalize(typed)
    names = frozenset(o["name"] for o in knowledge.load("outlets").get("outlet", [])
                      if wanted in {normalize(a) for a in (o.get("arabic", ""), *o.get("aliases", ()))})
    stored = _values(s, ClaimRow.outlet)
    exact = [v for v in stored if normalize(v) == wanted or v in names]
    # "shorouk" for "Shorouk News": when no name is spelled as typed, the names whose first words were typed
    words = wanted.split()
    return exact or [v for v in stored if words and normalize(v).split()[: len(words)] == words]


def _typed(value: str | None) -> str | None:
    """What a filter was given; blank means no filter."""
    return value.strip() if value and value.strip() else None


# --- filters ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimFilter:
    article: str | None = None  # a full article id
    outlet: str | None = None
    speaker: str | None = None
    side: str | None = None
    cue: str | None = None  # a cue lemma, or text in the cue
    status: str | None = None
    search: str | None = None  # text in the content, speaker or cue
    ids: tuple[str, ...] | None = None
    articles: tuple[str, ...] | None = None  # a page of article ids (listings and exports read page by page)

    def without_status(self) -> ClaimFilter:
        return replace(self, status=None)


@dataclass(frozen=True)
class ConflictFilter:
    type: str | None = None
    outlet: str | None = None  # either claim's outlet
    side: str | None = None  # either claim's side
    status: str | None = None
    min_confidence: float | None = None  # the store keeps conflicts below the shown threshold

    def without_status(self) -> ConflictFilter:
        return replace(self, status=None)


def _searchable():
    return ClaimRow.content + " " + ClaimRow.speaker + " " + ClaimRow.speaker_text + " " + ClaimRow.cue


# Each claim filter: its field, and the SQL condition for what was typed.
CLAIM_RULES: dict[str, Callable[[Session, Any], Any]] = {
    "article": lambda s, v: ClaimRow.article_id == v,
    "outlet": lambda s, v: ClaimRow.outlet.in_(outlet_spelled_as(s, v)),
    "speaker": lambda s, v: folded_match(s, ClaimRow.speaker + " " + ClaimRow.speaker_text, v),
    "side": lambda s, v: ClaimRow.side.in_(spelled_as(s, ClaimRow.side, v)),
    "cue": lambda s, v: or_(ClaimRow.cue_lemma == v, folded_match(s, ClaimRow.cue, v)),
    "search": lambda s, v: folded_match(s, _searchable(), v),
}


def _claim_where(s: Session, f: ClaimFilter, status) -> list:
    where = [rule(s, _typed(getattr(f, name))) for name, rule in CLAIM_RULES.items() if _typed(getattr(f, name))]
    if f.status:
        where.append(status == f.status)
    if f.ids is not None:
        where.append(ClaimRow.id.in_(list(f.ids)))
    if f.articles is not None:
        where.append(ClaimRow.article_id.in_(list(f.articles)))
    return where


def _claim_select(s: Session, columns: Callable, f: ClaimFilter):
    status = status_column("claim", ClaimRow.id)
    return select(*columns(status)).select_from(ClaimRow).where(*_claim_where(s, f, status)), status


def _either(column_a, column_b, values: list[str]):
    return or_(column_a.in_(values), column_b.in_(values))


# Each conflict filter: its field, and the SQL condition on the conflict and its claims a and b.
CONFLICT_RULES: dict[str, Callable] = {
    "type": lambda s, a, b, v: ConflictRow.type == v,
    "outlet": lambda s, a, b, v: _either(a.outlet, b.outlet, outlet_spelled_as(s, v)),
    "side": lambda s, a, b, v: _either(a.side, b.side, spelled_as(s, ClaimRow.side, v)),
}


def _conflict_select(s: Session, columns: Callable, f: ConflictFilter):
    a, b = aliased(ClaimRow, name="a"), aliased(ClaimRow, name="b")
    status = status_column("conflict", ConflictRow.id)
    query = (
        select(*columns(a, b, status))
        .select_from(ConflictRow)
        .outerjoin(a, a.id == ConflictRow.claim_a)
        .outerjoin(b, b.id == ConflictRow.claim_b)
    )
    where = [rule(s, a, b, _typed(getattr(f, name))) for name, rule in CONFLICT_RULES.items() if _typed(getattr(f, name))]
    if f.status:
        where.append(status == f.status)
    if f.min_confidence:
        where.append(ConflictRow.confidence >= f.min_confidence)
    return query.where(*where), status


_CONFLICT_ORDER = (ConflictRow.confidence.desc(), ConflictRow.id)
_CLAIM_ORDER = (ClaimRow.article_id, ClaimRow.cue_start, ClaimRow.id)


def _paged(query, limit: int | None, offset: int):
    return query if limit is None else query.limit(limit).offset(offset)


# --- claims -----------------------------------------------------------------------------------


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _span(start: int | None, end: int | None) -> tuple[int, int] | None:
    return (start, end) if start is not None else None


@dataclass(frozen=True)
class ClaimRecord:
    """A stored claim with its current review status."""

    id: str
    article_id: str
    story: int
    sentence: tuple[int, int]
    cue_span: tuple[int, int]
    cue: str
    cue_lemma: str
    cue_kind: str
    speaker_span: tuple[int, int] | None
    speaker_text: str
    speaker: str
    actor_id: str | None
    role: str | None
    affiliation: str | None
    side: str | None
    content_span: tuple[int, int] | None
    content: str
    direct: bool
    negated: bool
    addressee_outlet: str | None
    relayed_by: str | None
    nested_in: str | None
    reported: str | None
    outlet: str | None
    time_text: str | None
    time_resolved: date | None
    story_date: date | None
    action: str | None
    object: str | None
    place: str | None
    event_date: date | None
    frame: dict | None
    status: str

    @classmethod
    def from_row(cls, r: ClaimRow, status: str) -> ClaimRecord:
        return cls(
            id=r.id, article_id=r.article_id, story=r.story, sentence=(r.sentence_start, r.sentence_end),
            cue_span=(r.cue_start, r.cue_end), cue=r.cue, cue_lemma=r.cue_lemma, cue_kind=r.cue_kind,
            speaker_span=_span(r.speaker_start, r.speaker_end), speaker_text=r.speaker_text, speaker=r.speaker,
            actor_id=r.actor_id, role=r.role, affiliation=r.affiliation, side=r.side,
            content_span=_span(r.content_start, r.content_end), content=r.content, direct=r.direct,
            negated=r.negated, addressee_outlet=r.addressee_outlet, relayed_by=r.relayed_by, nested_in=r.nested_in,
            reported=r.reported, outlet=r.outlet, time_text=r.time_text, time_resolved=r.time_resolved,
            story_date=r.story_date, action=r.action, object=r.object, place=r.place, event_date=r.event_date,
            frame=r.frame, status=status,
        )

    def as_dict(self) -> dict:
        """The claim as ``--json`` prints it (spans as lists, dates as ISO strings)."""
        out = asdict(self)
        out["side_inferred"] = side_inferred(self.side, self.speaker, self.affiliation)
        for key in ("sentence", "cue_span", "speaker_span", "content_span"):
            out[key] = list(out[key]) if out[key] is not None else None
        for key in ("time_resolved", "story_date", "event_date"):
            out[key] = _iso(out[key])
        return out


def claims(store, f: ClaimFilter = ClaimFilter(), limit: int | None = None, offset: int = 0) -> list[ClaimRecord]:
    """Claims under the filter, in article order, with their current review status."""
    with store.session() as s:
        query, _ = _claim_select(s, lambda status: (ClaimRow, status), f)
        return [ClaimRecord.from_row(r, status) for r, status in s.execute(_paged(query.order_by(*_CLAIM_ORDER), limit, offset))]


def claim(store, ref: str) -> ClaimRecord | None:
    """One claim by id, or by a unique prefix of its id."""
    status = status_column("claim", ClaimRow.id)
    with store.session() as s:
        found = s.execute(select(ClaimRow, status).where(ClaimRow.id == ref)).first()
        if found is None:
            prefixed = select(ClaimRow, status).where(ClaimRow.id.startswith(ref, autoescape=True)).limit(2)
            matches = s.execute(prefixed).all()
            found = matches[0] if len(matches) == 1 else None
        return ClaimRecord.from_row(*found) if found else None


@dataclass(frozen=True)
class ClaimLine:
    """A claim as the desk's claims table shows it."""

    id: str
    article_id: str
    outlet: str | None
    date: date | None  # the date the claim refers to, else its story's or article's
    speaker: str
    side: str | None
    cue: str
    content: str
    status: str


def claim_page(store, f: ClaimFilter, limit: int, offset: int = 0) -> list[ClaimLine]:
    """One page of claims under the filter, in article order."""

    def columns(status):
        when = func.coalesce(ClaimRow.event_date, ClaimRow.time_resolved, ClaimRow.story_date, ArticleRow.published)
        return (ClaimRow.id, ClaimRow.article_id, ClaimRow.outlet, when, ClaimRow.speaker, ClaimRow.side,
                ClaimRow.cue, ClaimRow.content, status)

    with store.session() as s:
        query, _ = _claim_select(s, columns, f)
        query = query.outerjoin(ArticleRow, ArticleRow.id == ClaimRow.article_id).order_by(*_CLAIM_ORDER)
        return [ClaimLine(*r) for r in s.execute(_paged(query, limit, offset))]


def claim_counts(store, f: ClaimFilter) -> dict[str, int]:
    """Claims per review status under the filter (its status aside)."""
    with store.session() as s:
        query, status = _claim_select(s, lambda status: (status, func.count()), f.without_status())
        return dict(s.execute(query.group_by(status)).all())


def claim_ids(store, f: ClaimFilter) -> list[str]:
    """The ids of the claims under the filter, in article order."""
    with store.session() as s:
        query, _ = _claim_select(s, lambda status: (ClaimRow.id,), f)
        return list(s.scalars(query.order_by(*_CLAIM_ORDER)))


# --- conflicts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConflictRecord:
    """A stored conflict with its current review status."""

    id: str
    claim_a: str
    claim_b: str
    type: str
    reason_en: str
    reason_ar: str
    confidence: float
    withdrawn: bool  # reviewed, then no longer found: kept with its decisions
    status: str

    def as_dict(self) -> dict:
        return asdict(self)


def _conflict_record(r: ConflictRow, status: str) -> ConflictRecord:
    return ConflictRecord(r.id, r.claim_a, r.claim_b, r.type, r.reason_en, r.reason_ar, r.confidence,
                          bool(r.withdrawn), status)


def conflicts(store, f: ConflictFilter = ConflictFilter(), limit: int | None = None,
              offset: int = 0) -> list[ConflictRecord]:
    """Conflicts under the filter, most confident first, with their current review status."""
    with store.session() as s:
        query, _ = _conflict_select(s, lambda a, b, status: (ConflictRow, status), f)
        return [_conflict_record(r, status) for r, status in s.execute(_paged(query.order_by(*_CONFLICT_ORDER), limit, offset))]


def conflict(store, conflict_id: str) -> ConflictRecord | None:
    with store.session() as s:
        found = s.execute(select(ConflictRow, status_column("conflict", ConflictRow.id))
                          .where(ConflictRow.id == conflict_id)).first()
        return _conflict_record(*found) if found else None


@dataclass(frozen=True)
class ConflictLine:
    """A conflict as the desk's queue shows it: both claims' speaker, outlet and side, and the event."""

    id: str
    type: str
    confidence: float
    claim_a: str
    claim_b: str
    outlet_a: str | None
    side_a: str | None
    speaker_a: str | None
    outlet_b: str | None
    side_b: str | None
    speaker_b: str | None
    action: str | None
    object: str | None
    place: str | None
    event_date: date | None
    status: str


def conflict_page(store, f: ConflictFilter, limit: int, offset: int = 0) -> list[ConflictLine]:
    """One page of conflicts under the filter, most confident first."""

    def columns(a, b, status):
        return (
            ConflictRow.id, ConflictRow.type, ConflictRow.confidence, ConflictRow.claim_a, ConflictRow.claim_b,
            a.outlet, a.side, a.speaker, b.outlet, b.side, b.speaker,
            func.coalesce(a.action, b.action), func.coalesce(a.object, b.object), func.coalesce(a.place, b.place),
            func.coalesce(a.event_date, b.event_date), status,
        )

    with store.session() as s:
        query, _ = _conflict_select(s, columns, f)
        return [ConflictLine(*r) for r in s.execute(_paged(query.order_by(*_CONFLICT_ORDER), limit, offset))]


def conflict_counts(store, f: ConflictFilter) -> dict[str, int]:
    """Conflicts per review status under the filter (its status aside)."""
    with store.session() as s:
        query, status = _conflict_select(s, lambda a, b, status: (status, func.count()), f.without_status())
        return dict(s.execute(query.group_by(status)).all())


def conflict_claim_ids(store, f: ConflictFilter) -> list[str]:
    """Both claims of every conflict under the filter (what an export of the queue holds)."""
    with store.session() as s:
        query, _ = _conflict_select(s, lambda a, b, status: (ConflictRow.claim_a, ConflictRow.claim_b), f)
        return list(dict.fromkeys(i for pair in s.execute(query.order_by(*_CONFLICT_ORDER)) for i in pair))


# --- what the filters offer -------------------------------------------------------------------


def _distinct(store, column) -> list[str]:
    with store.session() as s:
        return _values(s, column)


def conflict_types(store) -> list[str]:
    return _distinct(store, ConflictRow.type)


def claim_sides(store) -> list[str]:
    return _distinct(store, ClaimRow.side)


def outlets(store) -> list[str]:
    return _distinct(store, ArticleRow.outlet)

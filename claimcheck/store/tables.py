"""The store's tables (SQLAlchemy 2 declarative rows), shared by the writer and the read queries.

Only the store package knows tables: the rest of claimcheck reads through ``queries`` and writes
through ``database.Store`` and ``claimcheck.review``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, false, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

UNREVIEWED = "unreviewed"  # the status of a claim or conflict nobody has decided on


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"
    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    source_path: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    encoding: Mapped[str] = mapped_column(String(40))
    outlet: Mapped[str | None] = mapped_column(String(200), index=True)
    outlet_evidence: Mapped[str | None] = mapped_column(Text)
    outlet_offset: Mapped[int | None] = mapped_column(Integer)
    outlet_source: Mapped[str | None] = mapped_column(String(20))
    published: Mapped[date | None] = mapped_column(Date)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    analyzer: Mapped[str | None] = mapped_column(String(40))
    pipeline_version: Mapped[str | None] = mapped_column(String(20))
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    stories: Mapped[list[StoryRow]] = relationship(cascade="all, delete-orphan", order_by="StoryRow.index")
    chrome: Mapped[list[ChromeRow]] = relationship(cascade="all, delete-orphan", order_by="ChromeRow.start")


class StoryRow(Base):
    __tablename__ = "stories"
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    index: Mapped[int] = mapped_column(Integer, primary_key=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    date_text: Mapped[str | None] = mapped_column(Text)
    date_offset: Mapped[int | None] = mapped_column(Integer)
    date_source: Mapped[str | None] = mapped_column(String(20))


class ChromeRow(Base):
    __tablename__ = "chrome"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))


class ActorRow(Base):
    """Canonical actors met in the store (from the actor lists, or unknown speakers)."""

    __tablename__ = "actors"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    side: Mapped[str | None] = mapped_column(String(40))
    role: Mapped[str | None] = mapped_column(Text)
    organisation: Mapped[str | None] = mapped_column(Text)


class ClaimRow(Base):
    __tablename__ = "claims"
    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    story: Mapped[int] = mapped_column(Integer)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    cue_start: Mapped[int] = mapped_column(Integer)
    cue_end: Mapped[int] = mapped_column(Integer)
    cue: Mapped[str] = mapped_column(Text)
    cue_lemma: Mapped[str] = mapped_column(String(80), index=True)
    cue_kind: Mapped[str] = mapped_column(String(20))
    speaker_start: Mapped[int | None] = mapped_column(Integer)
    speaker_end: Mapped[int | None] = mapped_column(Integer)
    speaker_text: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str] = mapped_column(Text, index=True)
    actor_id: Mapped[str | None] = mapped_column(String(80), index=True)
    role: Mapped[str | None] = mapped_column(Text)
    affiliation: Mapped[str | None] = mapped_column(Text)
    side: Mapped[str | None] = mapped_column(String(40), index=True)
    content_start: Mapped[int | None] = mapped_column(Integer)
    content_end: Mapped[int | None] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)
    direct: Mapped[bool] = mapped_column(Boolean, default=False)
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    addressee_outlet: Mapped[str | None] = mapped_column(String(200))
    relayed_by: Mapped[str | None] = mapped_column(Text)
    nested_in: Mapped[str | None] = mapped_column(String(16), index=True)  # counting the comparable claims reads it
    reported: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200), index=True)
    time_text: Mapped[str | None] = mapped_column(Text)
    time_start: Mapped[int | None] = mapped_column(Integer)
    time_end: Mapped[int | None] = mapped_column(Integer)
    time_resolved: Mapped[date | None] = mapped_column(Date)
    story_date: Mapped[date | None] = mapped_column(Date)
    action: Mapped[str | None] = mapped_column(String(60), index=True)
    object: Mapped[str | None] = mapped_column(String(60))
    place: Mapped[str | None] = mapped_column(String(120))
    event_date: Mapped[date | None] = mapped_column(Date)
    frame: Mapped[dict | None] = mapped_column(JSON)


class ClaimKeyRow(Base):
    """A claim's blocking keys (conflicts/blocking.py) with the days its date covers: new claims are
    compared with the stored claims that share a key, found through the (key, start) index."""

    __tablename__ = "claim_keys"
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        Index("ix_claim_keys_key_start", "key", "start"),
        # The undated claims of a key, in id order: an update takes the first few, and a common event key
        # has thousands (sorting them all would grow with the store).
        Index("ix_claim_keys_undated", "key", "claim_id", sqlite_where=text("start IS NULL"),
              postgresql_where=text("start IS NULL")),
    )


class KeyCountRow(Base):
    """How many claims have each blocking key, kept as the keys are written: an incremental update weighs
    pairs by the store's key frequencies, and counting a common key's rows would grow with the store."""

    __tablename__ = "claim_key_counts"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    claims: Mapped[int] = mapped_column(Integer)


class CorroborationRow(Base):
    """Two claims that corroborate each other (conflicts/corroboration.py), found with the conflicts: a
    claim's corroboration group is read from these links, never worked out over the whole store again."""

    __tablename__ = "corroborations"
    claim_a: Mapped[str] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    claim_b: Mapped[str] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True, index=True)
    across: Mapped[bool] = mapped_column(Boolean, default=False)


class PendingConflictRow(Base):
    """An article written whose conflicts are not yet updated: written in the article's transaction and
    removed in the conflict update's, so an ingest killed between the two is completed by the next one."""

    __tablename__ = "conflicts_pending"
    article_id: Mapped[str] = mapped_column(String(16), primary_key=True)


class ConflictRow(Base):
    __tablename__ = "conflicts"
    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    claim_a: Mapped[str] = mapped_column(String(16), index=True)
    claim_b: Mapped[str] = mapped_column(String(16), index=True)
    type: Mapped[str] = mapped_column(String(40), index=True)
    reason_en: Mapped[str] = mapped_column(Text)
    reason_ar: Mapped[str] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float, index=True)
    # A reviewed conflict that detection no longer finds is kept (its decisions stay readable) and shown as withdrawn.
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class ReviewRow(Base):
    """One review decision. Append-only: the current status is the latest row for a target."""

    __tablename__ = "reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    target_kind: Mapped[str] = mapped_column(String(10))  # claim | conflict
    # No foreign key: a decision outlives a re-analysis that drops or changes its claim.
    target_id: Mapped[str] = mapped_column(String(16))
    reviewer: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    old_status: Mapped[str] = mapped_column(String(40))
    new_status: Mapped[str] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)
    evidence_url: Mapped[str | None] = mapped_column(Text)
    undo_of: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (Index("ix_reviews_target", "target_kind", "target_id", "id"),)

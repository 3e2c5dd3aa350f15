"""The store: SQLAlchemy 2 over SQLite by default, PostgreSQL for teams.

The tables are in ``tables``, and every read of claims and conflicts is in ``queries``. Each
article is written in one transaction, so a run that is killed leaves every article either fully
stored or absent, and the next run completes it.
Reviews are never updated or deleted: each decision is a new row.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import create_engine, delete, event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from ..models import Article, Chrome, Claim, Conflict, Evidence, Frame, Span, Story, TimeRef
from . import queries
from .locks import lock_more, write_transaction
from .tables import (  # noqa: F401  (the tables are importable from here too)
    UNREVIEWED, ActorRow, ArticleRow, Base, ChromeRow, ClaimKeyRow, ClaimRow, ConflictRow, CorroborationRow,
    KeyCountRow, PendingConflictRow, ReviewRow, StoryRow,
)

# Bump when analysis output changes, so that ingest re-analyses stored articles.
PIPELINE_VERSION = "1"
CLAIM_PAGE = 1000  # claims read at a time by listings and exports of the whole store
ARTICLE_CLAIMS = 20  # claims an article holds, about: how many articles make a page


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers don't block the writer
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")  # a second reviewer waits instead of failing
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        Path(url.removeprefix("sqlite:///")).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def now() -> datetime:
    return datetime.now(timezone.utc)


class StoreError(RuntimeError):
    """A store that cannot be opened; the message (one line) says what to do."""


def open_store(url: str, *, create: bool = False) -> Store:
    """The store at ``url``, upgraded to this claimcheck's schema; a ``StoreError`` when it cannot be.

    Only with ``create`` (what ``claimcheck ingest`` does) is a missing store created: elsewhere a
    mistyped path must be an error, not a new empty store.
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"cannot read the store URL {url!r}; write it as sqlite:///PATH "
                         "or postgresql+psycopg://USER@HOST/DATABASE") from None
    shown = parsed.render_as_string(hide_password=True)
    path = Path(parsed.database).expanduser() if parsed.get_backend_name() == "sqlite" and parsed.database else None
    if path is not None and path.is_dir():
        raise StoreError(f"{path} is a folder, not a store; give the path of a file (sqlite:///PATH/claimcheck.db)")
    if path is not None and not create and not path.exists():
        # "sqlite:///tmp/x.db" is the relative path tmp/x.db: say so when the absolute path has a store
        absolute = " (sqlite:/// takes a relative path; an absolute one is sqlite:////…)" \
            if not path.is_absolute() and (Path("/") / path).exists() else ""
        raise StoreError(f"no store at {path}{absolute}; run `claimcheck ingest` first, or check --db / CLAIMCHECK_DB")
    try:
        store = Store(url, create=False)
    except NoSuchModuleError:
        raise StoreError(f"unknown kind of store {parsed.drivername!r} in {shown}; "
                         "claimcheck stores are sqlite:/// or postgresql+psycopg://") from None
    except ImportError as exc:
        raise StoreError(f"no driver for {parsed.drivername} stores is installed ({exc.name}); "
                         "claimcheck stores are sqlite:/// or postgresql+psycopg://") from None
    try:
        _check_schema(store, shown, create)
    except BaseException:
        store.close()
        raise
    return store


# What to check when a store cannot be read: a SQLite store is a file, a PostgreSQL one a server.
_OPEN_ADVICE = {"sqlite": "point --db at a claimcheck store, or at a new file for `claimcheck ingest` to create"}
_SERVER_ADVICE = "check the URL, that the server runs and that you may connect"


def _check_schema(store: Store, shown: str, create: bool) -> None:
    from sqlalchemy import inspect
    from sqlalchemy.exc import DatabaseError

    from . import migrations

    try:
        version = migrations.current(store.engine)
        tables = set(inspect(store.engine).get_table_names()) if version is None else set()
    except DatabaseError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        advice = _OPEN_ADVICE.get(store.engine.dialect.name, _SERVER_ADVICE)
        raise StoreError(f"cannot open the store at {shown}: {reason}; {advice}") from None
    if version is None and tables:
        raise StoreError(f"{shown} holds tables but no claimcheck schema version: it is not a claimcheck store "
                         "(or one that was never finished); point --db at another database")
    if version is None and not create:
        raise StoreError(f"no claimcheck store in {shown}; run `claimcheck ingest` first, or check --db / CLAIMCHECK_DB")
    if version is not None and not migrations.known(version):
        raise StoreError(f"the store at {shown} has schema {version}, newer than this claimcheck; upgrade claimcheck")
    migrations.upgrade(store.engine)


class Store:
    """The claimcheck database. ``Store(url)`` creates or upgrades the schema as needed
    (``open_store`` checks the store first and says what is wrong with it)."""

    def __init__(self, url: str, *, create: bool = True) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if create:
            from . import migrations

            migrations.upgrade(self.engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def locked_session(self, key: str) -> Iterator[Session]:
        """A session whose transaction holds the write lock ``key`` before it reads anything.

        Two processes writing the same article (or the conflicts) would otherwise both find it
        absent and both insert it; with the lock the second one reads what the first committed.
        """
        with write_transaction(self.engine, key) as conn:
            # The session joins the locked transaction; write_transaction commits or rolls it back.
            session = Session(bind=conn, expire_on_commit=False)
            try:
                yield session
                session.flush()
            finally:
                session.close()

    def close(self) -> None:
        self.engine.dispose()

    # --- articles -------------------------------------------------------------------

    def article_state(self, article_id: str) -> tuple[str | None, str | None, tuple] | None:
        """(analyzer, pipeline version, ``article_metadata(article)``) of a stored article, or None when absent."""
        with self.session() as s:
            row = s.execute(
                select(ArticleRow.analyzer, ArticleRow.pipeline_version, *_METADATA_COLUMNS)
                .where(ArticleRow.id == article_id)
            ).first()
            return (row[0], row[1], tuple(row[2:])) if row else None

    def save_article(self, article: Article, claims: Sequence[Claim], analyzer: str) -> None:
        """Write an article with its stories, chrome and claims in one transaction.

        Claims that are unchanged keep their ids (and so their reviews); the rest are replaced.
        """
        self.save_articles([(article, claims)], analyzer)

    def save_articles(self, batch: Sequence[tuple], analyzer: str) -> None:
        """Write several analysed articles in one transaction (what one writer does for many workers).

        ``batch`` holds ``(article, claim_records(...))`` (made by the workers), or ``(article, claims)`` and
        ``(article, claims, blocking keys)`` (``blocking.claim_keys``, worked out here when not given). Each
        article's lock is taken, in a fixed order, before anything is read.
        """
        if not batch:
            return
        keys = sorted({f"article:{item[0].id}" for item in batch})
        with self.locked_session(keys[0]) as s:
            lock_more(s.connection(), keys[1:])
            _write_batch(s, batch, analyzer)

    def articles(self) -> list[dict]:
        """Every article with its story count and size (no text)."""
        with self.session() as s:
            counts = dict(s.execute(select(StoryRow.article_id, func.count()).group_by(StoryRow.article_id)).all())
            claims = dict(s.execute(select(ClaimRow.article_id, func.count()).group_by(ClaimRow.article_id)).all())
            rows = s.execute(
                select(
                    ArticleRow.id, ArticleRow.name, ArticleRow.outlet, ArticleRow.outlet_evidence,
                    ArticleRow.outlet_offset, ArticleRow.outlet_source, ArticleRow.published,
                    func.length(ArticleRow.text), ArticleRow.source_path,
                ).order_by(ArticleRow.name)
            ).all()
            return [
                {
                    "id": r[0], "name": r[1], "outlet": r[2], "outlet_evidence": r[3], "outlet_offset": r[4],
                    "outlet_source": r[5], "published": r[6].isoformat() if r[6] else None,
                    "stories": counts.get(r[0], 0), "claims": claims.get(r[0], 0), "chars": r[7], "source": r[8],
                }
                for r in rows
            ]

    def find_article_id(self, ref: str) -> str | None:
        """An article id from a full id, an id prefix, or a name."""
        with self.session() as s:
            exact = s.scalar(select(ArticleRow.id).where((ArticleRow.id == ref) | (ArticleRow.name == ref)))
            if exact:
                return exact
            # autoescape: a % or _ the user typed is a character of the name, not a wildcard.
            matches = s.scalars(
                select(ArticleRow.id)
                .where(ArticleRow.id.startswith(ref, autoescape=True) | ArticleRow.name.startswith(ref, autoescape=True))
                .limit(2)
            ).all()
            return matches[0] if len(matches) == 1 else None

    def article(self, article_id: str) -> Article | None:
        with self.session() as s:
            row = s.get(ArticleRow, article_id)
            if row is None:
                return None
            return _article_from_row(row)

    def iter_articles(self) -> Iterator[Article]:
        with self.session() as s:
            ids = s.scalars(select(ArticleRow.id).order_by(ArticleRow.name)).all()
        for article_id in ids:
            article = self.article(article_id)
            if article:
                yield article

    # --- claims ---------------------------------------------------------------------

    def claims(self, **filters) -> list[dict]:
        """Claims as dicts with their current review ``status``, under ``queries.ClaimFilter``'s filters
        (article, outlet, speaker, side, cue, status, search, ids)."""
        ids = filters.pop("ids", None)
        found = queries.claims(self, queries.ClaimFilter(**filters, ids=None if ids is None else tuple(ids)))
        return [c.as_dict() for c in found]

    def claim_pages(self, *, by_name: bool = False, page: int | None = None, **filters) -> Iterator[list[dict]]:
        """``claims(**filters)`` a page at a time, so that no caller holds the whole store.

        Pages are whole articles, in the order of ``claims`` (article id, cue), or with ``by_name`` in the
        order of an export (article name, sentence, cue): only the articles' ids and names are read whole.
        """
        articles = self._article_order(by_name, filters.get("article"), filters.get("ids"))
        step = max(1, (page or CLAIM_PAGE) // ARTICLE_CLAIMS)
        for start in range(0, len(articles), step):
            names = dict(articles[start : start + step])
            rows = self.claims(**filters, articles=tuple(names))
            if by_name:
                rows.sort(key=lambda r: (names[r["article_id"]], r["sentence"][0], r["cue_span"][0], r["article_id"], r["id"]))
            else:
                rows.sort(key=lambda r: (r["article_id"], r["cue_span"][0], r["id"]))
            if rows:
                yield rows

    def _article_order(self, by_name: bool, article: str | None, claim_ids) -> list[tuple[str, str]]:
        """(id, name) of the articles that may hold the claims asked for, by name or by id."""
        query = select(ArticleRow.id, ArticleRow.name)
        if article:
            query = query.where(ArticleRow.id == article)
        with self.session() as s:
            if claim_ids is not None:
                wanted = {a for chunk in _chunked(sorted(set(claim_ids)))
                          for a in s.scalars(select(ClaimRow.article_id).where(ClaimRow.id.in_(chunk)))}
                query = query.where(ArticleRow.id.in_(sorted(wanted)))
            rows = [tuple(r) for r in s.execute(query)]
        return sorted(rows, key=lambda r: (r[1], r[0]) if by_name else r[0])

    def articles_of(self, article_ids: Iterable[str]) -> dict[str, Article]:
        """The articles of ``article_ids`` (with stories and chrome) in three queries."""
        from sqlalchemy.orm import selectinload

        with self.session() as s:
            query = (select(ArticleRow).where(ArticleRow.id.in_(sorted(set(article_ids))))
                     .options(selectinload(ArticleRow.stories), selectinload(ArticleRow.chrome)))
            return {row.id: _article_from_row(row) for row in s.scalars(query)}

    def claim(self, claim_id: str) -> dict | None:
        """One claim (id or unique id prefix) as a dict with its current review ``status``."""
        found = queries.claim(self, claim_id)
        return found.as_dict() if found else None

    def claim_count(self, articles: Iterable[str] | None = None) -> int:
        """Stored claims (of ``articles`` only, when given)."""
        with self.session() as s:
            if articles is None:
                return s.scalar(select(func.count()).select_from(ClaimRow)) or 0
            return sum(s.scalar(select(func.count()).select_from(ClaimRow).where(ClaimRow.article_id.in_(chunk))) or 0
                       for chunk in _chunked(sorted(set(articles))))

    def all_claims(self) -> list[Claim]:
        """Every stored claim as a ``Claim`` (for conflict detection)."""
        with self.session() as s:
            return [claim_from_row(r) for r in s.scalars(select(ClaimRow))]

    # --- conflicts ------------------------------------------------------------------

    def replace_conflicts(self, conflicts: Iterable[Conflict]) -> int:
        """Make the stored conflicts exactly ``conflicts`` (ids are stable, so decisions stay attached)."""
        with self.locked_session("conflicts") as s:
            return _write_conflicts(s, conflicts)

    def refresh_conflicts(self, detect: Callable[[list[Claim]], Iterable[Conflict]]) -> int:
        """Replace the stored conflicts with ``detect(every stored claim)``, under one lock (a rebuild).

        Claims are read after the lock is taken, so of two ingests that finish together the later
        one detects over both ingests' claims and its result is the one that stays.
        """
        with self.locked_session("conflicts") as s:
            _write_conflicts(s, detect([claim_from_row(r) for r in s.scalars(select(ClaimRow))]))
            s.execute(delete(PendingConflictRow))
        return self.conflict_count()

    def pending_conflicts(self) -> set[str]:
        """Articles written whose conflicts were not updated (an ingest stopped in between)."""
        with self.session() as s:
            return set(s.scalars(select(PendingConflictRow.article_id)))

    def update_conflicts(self, article_ids: Iterable[str],
                         detect: Callable[[list[Claim], Callable[[set[str]], list[Claim]], set[str], int,
                                           Callable[[], dict[str, int]]], Iterable[Conflict]]) -> tuple[int, int]:
        """Update the conflicts of the claims of ``article_ids`` (new or re-analysed) alone, under one lock.

        ``detect(new claims, fetch, neighbour ids, total, frequencies)`` is given the articles' claims, a
        function that loads stored claims by id (with the rest of their articles), the ids of the stored
        claims that share a blocking key with them inside the date window (``neighbour_ids``), the number of
        comparable claims in the store, and a function that gives the store's count of every key of the
        claims read so far; it returns the conflicts that involve a new claim. Those replace the stored
        conflicts of the new claims (a reviewed one no longer found is kept as withdrawn). Returns (stored
        conflicts, stored claims loaded).
        """
        from ..conflicts import blocking

        ids = sorted(set(article_ids))
        with self.locked_session("conflicts") as s:
            new = _claims_of_articles(s, ids)
            new_ids = {c.id for c in new}
            keys = {}
            for chunk in _chunked(sorted(new_ids)):
                for r in s.execute(select(ClaimKeyRow).where(ClaimKeyRow.claim_id.in_(chunk))).scalars():
                    k = keys.setdefault(r.claim_id, [[], r.start, r.end])
                    k[0].append(r.key)
            new_keys = {cid: blocking.Keys(tuple(k), start, end) for cid, (k, start, end) in keys.items()}
            total = self._comparable(s)
            df = self.key_frequencies(s, {key for k in new_keys.values() for key in k.keys})
            loaded = [0]
            read = set(ids)  # the articles whose claims were read

            def fetch(wanted: set[str]) -> list[Claim]:
                # Whole articles: a denial that points back needs the claims of its story before it.
                articles = {a for chunk in _chunked(sorted(wanted))
                            for a in s.scalars(select(ClaimRow.article_id).where(ClaimRow.id.in_(chunk)).distinct())}
                out = _claims_of_articles(s, articles - set(ids))
                read.update(articles)
                loaded[0] += len(out)
                return out

            def frequencies() -> dict[str, int]:
                return _key_frequencies_of(s, read)

            neighbours = self._neighbours(s, blocking.queries(new_keys, df, total, self._conflict_settings()))
            found = list(detect(new, fetch, neighbours, total, frequencies))
            _merge_conflicts(s, found, new_ids)
            for chunk in _chunked(ids):
                s.execute(delete(PendingConflictRow).where(PendingConflictRow.article_id.in_(chunk)))
        return self.conflict_count(), loaded[0]

    @staticmethod
    def _conflict_settings():
        from ..config import load_settings

        return load_settings().conflicts

    @staticmethod
    def _comparable(s: Session) -> int:
        """Claims conflict detection compares (not those nested in another claim)."""
        return s.scalar(select(func.count()).select_from(ClaimRow).where(ClaimRow.nested_in.is_(None))) or 0

    @staticmethod
    def key_frequencies(s: Session, keys: Iterable[str]) -> dict[str, int]:
        """How many stored claims have each key (read from the counts kept with the keys)."""
        out: dict[str, int] = {}
        for chunk in _chunked(sorted(set(keys))):
            out.update(s.execute(select(KeyCountRow.key, KeyCountRow.claims)
                                 .where(KeyCountRow.key.in_(chunk), KeyCountRow.claims > 0)).all())
        return out

    @staticmethod
    def _neighbours(s: Session, queries) -> set[str]:
        """Claim ids the blocking queries bring: dated ones inside a key's window; across dates, those
        that share two content keys (what matching asks of a pair with an undated claim), and undated
        claims of an undated event."""
        from ..conflicts.blocking import EVENT, LONGEST_SPAN

        found: set[str] = set()
        loose: dict[str, int] = {}
        for q in queries:
            if q.any_date:
                query = select(ClaimKeyRow.claim_id).where(ClaimKeyRow.key == q.key).order_by(ClaimKeyRow.claim_id).limit(q.undated)
                for cid in s.scalars(query):
                    loose[cid] = loose.get(cid, 0) + 1
                continue
            for lo, hi in q.windows:
                # The lower bound on start keeps the (key, start) index scan to the window: no claim's
                # days run longer than a year.
                found.update(s.scalars(select(ClaimKeyRow.claim_id).where(
                    ClaimKeyRow.key == q.key, ClaimKeyRow.start >= lo - LONGEST_SPAN, ClaimKeyRow.start <= hi,
                    ClaimKeyRow.end >= lo).limit(5000)))
            undated = (select(ClaimKeyRow.claim_id).where(ClaimKeyRow.key == q.key, ClaimKeyRow.start.is_(None))
                       .order_by(ClaimKeyRow.claim_id).limit(q.undated))
            if q.key.startswith(EVENT):
                found.update(s.scalars(undated))
            else:
                for cid in s.scalars(undated):
                    loose[cid] = loose.get(cid, 0) + 1
        return found | {cid for cid, shared in loose.items() if shared >= 2}

    def conflicts(self, *, type: str | None = None, outlet: str | None = None, status: str | None = None,
                  min_confidence: float | None = None, limit: int | None = None, offset: int = 0) -> list[dict]:
        """Conflicts as dicts, most confident first, with their current review ``status``."""
        f = queries.ConflictFilter(type=type, outlet=outlet, status=status, min_confidence=min_confidence)
        return [k.as_dict() for k in queries.conflicts(self, f, limit, offset)]

    def conflicts_of(self, claim_ids: Iterable[str]) -> list[dict]:
        """The stored conflicts (withdrawn ones too) that involve any of ``claim_ids``, by id."""
        found: dict[str, dict] = {}
        with self.session() as s:
            for chunk in _chunked(sorted(set(claim_ids))):
                query = select(ConflictRow).where(ConflictRow.claim_a.in_(chunk) | ConflictRow.claim_b.in_(chunk))
                for r in s.scalars(query):
                    found[r.id] = {"id": r.id, "claim_a": r.claim_a, "claim_b": r.claim_b, "type": r.type,
                                   "reason_en": r.reason_en, "reason_ar": r.reason_ar, "confidence": r.confidence,
                                   "withdrawn": bool(r.withdrawn)}
        return [found[i] for i in sorted(found)]

    # --- corroboration --------------------------------------------------------------

    def replace_corroborations(self, links: Iterable) -> None:
        """Make the stored corroborating pairs exactly ``links`` (``corroboration.Link``; a rebuild)."""
        with self.locked_session("conflicts") as s:
            s.execute(delete(CorroborationRow))
            _insert_links(s, links)

    def merge_corroborations(self, claim_ids: Iterable[str], links: Iterable) -> None:
        """Make ``links`` the stored pairs that involve ``claim_ids`` (new or re-analysed); the others stay."""
        with self.locked_session("conflicts") as s:
            for chunk in _chunked(sorted(set(claim_ids))):
                s.execute(delete(CorroborationRow).where(CorroborationRow.claim_a.in_(chunk)
                                                         | CorroborationRow.claim_b.in_(chunk)))
            _insert_links(s, links)

    def corroboration_links(self, claim_ids: Iterable[str] | None = None) -> tuple[list, dict[str, str | None]]:
        """(the stored links of the groups of ``claim_ids``, or every link; the side of each claim they join).

        A group is followed from link to link until no new claim is met: a page of claims reads its
        groups whole, and nothing else.
        """
        from ..conflicts.corroboration import Link

        table = CorroborationRow
        found: set[tuple] = set()
        with self.session() as s:
            if claim_ids is None:
                found.update(tuple(r) for r in s.execute(select(table.claim_a, table.claim_b, table.across)))
            seen = set(claim_ids or ())
            frontier = set(seen)
            while frontier:
                met: set[str] = set()
                for chunk in _chunked(sorted(frontier)):
                    query = select(table.claim_a, table.claim_b, table.across).where(
                        table.claim_a.in_(chunk) | table.claim_b.in_(chunk))
                    for a, b, across in s.execute(query):
                        found.add((a, b, across))
                        met.update((a, b))
                frontier = met - seen
                seen |= met
            members = sorted({c for a, b, _ in found for c in (a, b)})
            sides = {cid: side for chunk in _chunked(members)
                     for cid, side in s.execute(select(ClaimRow.id, ClaimRow.side).where(ClaimRow.id.in_(chunk)))}
        return [Link(a, b, bool(across)) for a, b, across in sorted(found)], sides

    def conflict_count(self, min_confidence: float = 0.0) -> int:
        """Stored conflicts at or above ``min_confidence`` (the store keeps some below the shown threshold)."""
        with self.session() as s:
            query = (select(func.count()).select_from(ConflictRow)
                     .where(ConflictRow.confidence >= min_confidence, ConflictRow.withdrawn.is_(False)))
            return s.scalar(query) or 0


_METADATA_COLUMNS = (ArticleRow.outlet, ArticleRow.outlet_source, ArticleRow.published, ArticleRow.url,
                     ArticleRow.title)


def article_metadata(article: Article) -> tuple:
    """What an article's sidecar or manifest line decides, in the order of ``_METADATA_COLUMNS``:
    an edit to any of it re-analyses the article (the text, and so the id, stay the same)."""
    ev = article.outlet_evidence
    return (article.outlet, ev.source if ev else None, article.published, article.url, article.title)


def _claims_of_articles(s: Session, article_ids: Iterable[str]) -> list[Claim]:
    """The claims of ``article_ids``, read as plain rows: an update reads tens of thousands of stored
    neighbours, and ORM objects for them cost more than the claims made from them."""
    table = ClaimRow.__table__
    return [claim_from_row(r) for chunk in _chunked(sorted(set(article_ids)))
            for r in s.execute(select(table).where(table.c.article_id.in_(chunk)))]


def _chunked(values: Sequence, size: int = 500) -> Iterator[Sequence]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _reviewed(s: Session, conflict_ids: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for chunk in _chunked(sorted(set(conflict_ids))):
        out.update(s.scalars(select(ReviewRow.target_id).where(ReviewRow.target_kind == "conflict",
                                                               ReviewRow.target_id.in_(chunk)).distinct()))
    return out


def _retire(s: Session, conflict_ids: set[str]) -> None:
    """Conflicts no longer found: deleted, but a reviewed one is kept and marked withdrawn."""
    if not conflict_ids:
        return
    reviewed = _reviewed(s, conflict_ids)
    for chunk in _chunked(sorted(conflict_ids - reviewed)):
        s.execute(delete(ConflictRow).where(ConflictRow.id.in_(chunk)))
    for chunk in _chunked(sorted(reviewed)):
        s.execute(ConflictRow.__table__.update().where(ConflictRow.id.in_(chunk)).values(withdrawn=True))


def _drop_conflicts(s: Session, claim_ids: set[str]) -> None:
    """The conflicts of claims that are gone (a re-analysis no longer finds them)."""
    gone: set[str] = set()
    for chunk in _chunked(sorted(claim_ids)):
        gone.update(s.scalars(select(ConflictRow.id).where(ConflictRow.claim_a.in_(chunk) | ConflictRow.claim_b.in_(chunk))))
    _retire(s, gone)


def _upsert_conflicts(s: Session, rows: dict[str, Conflict]) -> None:
    stored = set()
    for chunk in _chunked(sorted(rows)):
        stored.update(s.scalars(select(ConflictRow.id).where(ConflictRow.id.in_(chunk))))
    for i, c in rows.items():
        values = dict(claim_a=c.a, claim_b=c.b, type=c.type, reason_en=c.reason_en, reason_ar=c.reason_ar,
                      confidence=c.confidence, withdrawn=False)
        if i in stored:
            s.execute(ConflictRow.__table__.update().where(ConflictRow.id == i).values(**values))
        else:
            s.add(ConflictRow(id=i, **values))


def _write_conflicts(s: Session, conflicts: Iterable[Conflict]) -> int:
    """Make the stored conflicts ``conflicts``; a reviewed conflict not among them is kept as withdrawn."""
    rows = {c.id: c for c in conflicts}
    old = set(s.scalars(select(ConflictRow.id)))
    _retire(s, old - set(rows))
    _upsert_conflicts(s, rows)
    return len(rows)


def _merge_conflicts(s: Session, found: Iterable[Conflict], claim_ids: set[str]) -> None:
    """Make ``found`` the conflicts that involve ``claim_ids``; the others stay as they are."""
    rows = {c.id: c for c in found}
    old: set[str] = set()
    for chunk in _chunked(sorted(claim_ids)):
        old.update(s.scalars(select(ConflictRow.id).where(ConflictRow.claim_a.in_(chunk) | ConflictRow.claim_b.in_(chunk))))
    _retire(s, old - set(rows))
    _upsert_conflicts(s, rows)


@dataclass(frozen=True)
class ClaimRecords:
    """An article's claims as the store writes them: their rows (values in ``CLAIM_COLUMNS`` order) and their
    blocking-key rows, made where the article was analysed (a worker), so that the one writer only writes."""

    rows: tuple[tuple, ...]
    keys: tuple[tuple, ...]  # (claim id, key, first day, last day)

    def __len__(self) -> int:
        return len(self.rows)


CLAIM_COLUMNS = tuple(c.name for c in ClaimRow.__table__.columns)
_COLUMN = {name: n for n, name in enumerate(CLAIM_COLUMNS)}


def claim_records(claims: Sequence[Claim], blocking: dict | None = None) -> ClaimRecords:
    """The rows of ``claims`` (the last of a repeated id wins) and of their blocking keys (``blocking.claim_keys``,
    worked out here when not given)."""
    from ..conflicts.blocking import claim_keys

    rows = {}
    for claim in claims:
        claim_id = claim.id
        rows[claim_id] = _claim_tuple(_claim_values(claim, claim_id))
    blocking = claim_keys(list(claims)) if blocking is None else blocking
    return ClaimRecords(tuple(rows.values()),
                        tuple((cid, key, k.start, k.end) for cid, k in blocking.items() for key in k.keys))


def _claim_tuple(values: dict) -> tuple:
    """A claim's values as both drivers take them: dates as ISO text, the frame as the JSON text its column
    holds. Plain values are quicker to send back from a worker and to write than a dict of objects."""
    values = values | {"frame": json.dumps(values["frame"])}
    return tuple(v.isoformat() if isinstance(v, date) else v for v in (values[c] for c in CLAIM_COLUMNS))


def _records_of(item: tuple) -> ClaimRecords:
    """A batch item's claims as records: ``(article, records)``, or ``(article, claims[, blocking keys])``."""
    if isinstance(item[1], ClaimRecords):
        return item[1]
    return claim_records(item[1], item[2] if len(item) > 2 else None)


def _write_batch(s: Session, batch: Sequence[tuple], analyzer: str) -> None:
    """Articles with their stories, chrome, claims, keys and actors: a few statements for the whole batch
    (the one writer then keeps up with the workers). An article given twice is written as its last."""
    items = {item[0].id: item for item in batch}
    ids = sorted(items)
    stored = {i for chunk in _chunked(ids) for i in s.scalars(select(ArticleRow.id).where(ArticleRow.id.in_(chunk)))}
    _write_article_rows(s, [item[0] for item in items.values()], stored, analyzer)
    _write_claim_rows(s, [_records_of(item) for item in items.values()], sorted(stored))
    _insert_ignore(s, PendingConflictRow, [{"article_id": i} for i in ids])


def _article_values(article: Article, analyzer: str) -> dict:
    ev = article.outlet_evidence
    return dict(
        id=article.id, name=article.name, source_path=article.source_path, text=article.text,
        encoding=article.encoding, outlet=article.outlet, outlet_evidence=ev.text if ev else None,
        outlet_offset=ev.start if ev and ev.start >= 0 else None, outlet_source=ev.source if ev else None,
        published=article.published, url=article.url, title=article.title, analyzer=analyzer,
        pipeline_version=PIPELINE_VERSION,
    )


def _story_values(article_id: str, st: Story) -> dict:
    ev = st.date_evidence
    return dict(article_id=article_id, index=st.index, start=st.start, end=st.end, title=st.title,
                published=st.published, date_text=ev.text if ev else None,
                date_offset=ev.start if ev and ev.start >= 0 else None, date_source=ev.source if ev else None)


def _write_article_rows(s: Session, articles: list[Article], stored: set[str], analyzer: str) -> None:
    """Article rows (a stored one keeps its first ingest time), their stories and chrome replaced."""
    from sqlalchemy import bindparam, update

    values = [_article_values(a, analyzer) for a in articles]
    added = [v | {"ingested_at": now()} for v in values if v["id"] not in stored]
    if added:
        s.execute(ArticleRow.__table__.insert(), added)
    changed = [{**{k: v for k, v in row.items() if k != "id"}, "b_id": row["id"]} for row in values if row["id"] in stored]
    if changed:
        columns = {k: bindparam(k) for k in changed[0] if k != "b_id"}
        s.execute(update(ArticleRow.__table__).where(ArticleRow.id == bindparam("b_id")).values(columns), changed)
    for chunk in _chunked(sorted(stored)):
        s.execute(delete(StoryRow).where(StoryRow.article_id.in_(chunk)))
        s.execute(delete(ChromeRow).where(ChromeRow.article_id.in_(chunk)))
    stories = [_story_values(a.id, st) for a in articles for st in a.stories]
    chrome = [dict(article_id=a.id, start=c.start, end=c.end, kind=c.kind) for a in articles for c in a.chrome]
    if stories:
        s.execute(StoryRow.__table__.insert(), stories)
    if chrome:
        s.execute(ChromeRow.__table__.insert(), chrome)


def _write_claim_rows(s: Session, records: list[ClaimRecords], stored_articles: list[str]) -> None:
    """The batch's claims: unchanged ones keep their ids (and so their reviews), the rest are replaced."""
    new = {row[0]: row for r in records for row in r.rows}
    old_ids = {i for chunk in _chunked(stored_articles)
               for i in s.scalars(select(ClaimRow.id).where(ClaimRow.article_id.in_(chunk)))}
    stale = old_ids - set(new)
    kept = sorted(old_ids & set(new))
    if stale:
        _drop_conflicts(s, stale)
    removed = _keys_of(s, old_ids)
    for chunk in _chunked(sorted(old_ids)):
        s.execute(delete(ClaimKeyRow).where(ClaimKeyRow.claim_id.in_(chunk)))
    for chunk in _chunked(sorted(stale)):
        s.execute(delete(ClaimRow).where(ClaimRow.id.in_(chunk)))
    # Straight to the driver, like the keys: a batch brings hundreds of claims of forty columns each.
    conn = s.connection()
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    if kept:
        assignments = ", ".join(f'"{c}" = {mark}' for c in CLAIM_COLUMNS[1:])
        conn.exec_driver_sql(f"UPDATE claims SET {assignments} WHERE id = {mark}",
                             [(*new[i][1:], i) for i in kept])
    added = [row for i, row in new.items() if i not in old_ids]
    if added:  # one INSERT for the batch's new claims
        names = ", ".join(f'"{c}"' for c in CLAIM_COLUMNS)
        conn.exec_driver_sql(f"INSERT INTO claims ({names}) VALUES ({', '.join([mark] * len(CLAIM_COLUMNS))})", added)
    _write_keys(s, [key for r in records for key in r.keys], removed)
    _write_actors(s, new.values())


def _write_keys(s: Session, rows: list[tuple], removed: Counter) -> None:
    """Blocking-key rows (claim id, key, first day, last day), and the key counts: these rows added,
    the ``removed`` ones (key → rows deleted) taken off."""
    conn = s.connection()
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    if rows:
        # Straight to the driver: a batch brings thousands of keys, and building each row's
        # parameters through SQLAlchemy cost more than writing them.
        conn.exec_driver_sql(f'INSERT INTO claim_keys (claim_id, "key", start, "end") VALUES ({", ".join([mark] * 4)})',
                             rows)
    change = Counter(row[1] for row in rows)
    change.subtract(removed)
    # One change per key, in key order: two writers at once lock the rows they share in the same order.
    changed = [(key, n) for key, n in sorted(change.items()) if n]
    if changed:
        conn.exec_driver_sql(f'INSERT INTO claim_key_counts ("key", claims) VALUES ({mark}, {mark}) ON CONFLICT ("key") '
                             "DO UPDATE SET claims = claim_key_counts.claims + excluded.claims", changed)


def _key_frequencies_of(s: Session, article_ids: Iterable[str]) -> dict[str, int]:
    """The store's count of every blocking key the claims of ``article_ids`` have. Their stored keys are
    the keys matching works out for them (a pointing denial's borrowed ones too), read here instead of
    working every claim out again."""
    out: dict[str, int] = {}
    for chunk in _chunked(sorted(set(article_ids))):
        keys = (select(ClaimKeyRow.key).join(ClaimRow, ClaimRow.id == ClaimKeyRow.claim_id)
                .where(ClaimRow.article_id.in_(chunk)))
        out.update(s.execute(select(KeyCountRow.key, KeyCountRow.claims)
                             .where(KeyCountRow.key.in_(keys), KeyCountRow.claims > 0)).all())
    return out


def _keys_of(s: Session, claim_ids: Iterable[str]) -> Counter:
    """Key → how many of ``claim_ids`` have it (what their keys' counts lose when the keys go)."""
    out: Counter = Counter()
    for chunk in _chunked(sorted(claim_ids)):
        out.update(dict(s.execute(select(ClaimKeyRow.key, func.count()).where(ClaimKeyRow.claim_id.in_(chunk))
                                  .group_by(ClaimKeyRow.key)).all()))
    return out


def count_keys(conn) -> None:
    """The key counts taken anew from the stored keys (a store upgraded, or keys written in bulk)."""
    conn.execute(delete(KeyCountRow))
    conn.exec_driver_sql('INSERT INTO claim_key_counts ("key", claims) SELECT "key", count(*) FROM claim_keys GROUP BY "key"')


def _write_actors(s: Session, rows: Iterable[tuple]) -> None:
    """The actors the claim rows name, each as its first claim describes it, unless already stored."""
    actor, speaker, side, role, affiliation = (_COLUMN[c] for c in ("actor_id", "speaker", "side", "role", "affiliation"))
    first_row_of: dict[str, tuple] = {}
    for row in rows:
        if row[actor]:
            first_row_of.setdefault(row[actor], row)
    # Insert-or-ignore: another article, written at the same moment by another process, may bring the same actor.
    _insert_ignore(s, ActorRow, [
        dict(id=actor_id, name=r[speaker], side=r[side], role=r[role], organisation=r[affiliation])
        for actor_id, r in first_row_of.items()
    ])


def _insert_links(s: Session, links: Iterable) -> None:
    rows = [dict(claim_a=k.a, claim_b=k.b, across=k.across) for k in links]
    for start in range(0, len(rows), 5000):
        _insert_ignore(s, CorroborationRow, rows[start : start + 5000])


def _insert_ignore(s: Session, model, rows: list[dict]) -> None:
    """INSERT rows, skipping those whose primary key is already stored (SQLite and PostgreSQL)."""
    if not rows:
        return
    dialect = s.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    s.execute(insert(model).on_conflict_do_nothing(), rows)


def _article_from_row(row: ArticleRow) -> Article:
    ev = None
    if row.outlet_source:
        ev = Evidence(row.outlet_evidence or "", row.outlet_offset if row.outlet_offset is not None else -1, row.outlet_source)
    return Article(
        text=row.text,
        name=row.name,
        source_path=row.source_path,
        encoding=row.encoding,
        outlet=row.outlet,
        outlet_evidence=ev,
        published=row.published,
        url=row.url,
        title=row.title,
        stories=[
            Story(
                index=st.index, start=st.start, end=st.end, title=st.title, published=st.published,
                date_evidence=Evidence(st.date_text, st.date_offset if st.date_offset is not None else -1,
                                       st.date_source or "text") if st.date_text else None,
            )
            for st in row.stories
        ],
        chrome=[Chrome(c.start, c.end, c.kind) for c in row.chrome],
    )


def _claim_row(c: Claim) -> ClaimRow:
    return ClaimRow(**_claim_values(c, c.id))


def _claim_values(c: Claim, claim_id: str) -> dict:
    frame = c.frame
    return dict(
        id=claim_id, article_id=c.article_id, story=c.story,
        sentence_start=c.sentence.start, sentence_end=c.sentence.end,
        cue_start=c.cue.start, cue_end=c.cue.end, cue=c.cue_text, cue_lemma=c.cue_lemma, cue_kind=c.cue_kind,
        speaker_start=c.speaker_span.start if c.speaker_span else None,
        speaker_end=c.speaker_span.end if c.speaker_span else None,
        speaker_text=c.speaker_text, speaker=c.speaker, actor_id=c.actor_id, role=c.role,
        affiliation=c.affiliation, side=c.side,
        content_start=c.content.start if c.content else None, content_end=c.content.end if c.content else None,
        content=c.content_text, direct=c.direct, negated=c.negated, addressee_outlet=c.addressee_outlet,
        relayed_by=c.relayed_by, nested_in=c.nested_in, reported=c.reported, outlet=c.outlet,
        time_text=c.time.text if c.time else None, time_start=c.time.start if c.time else None,
        time_end=c.time.end if c.time else None, time_resolved=c.time.resolved if c.time else None,
        story_date=c.time.anchor if c.time else None,
        action=frame.action if frame else None, object=frame.object if frame else None,
        place=frame.place if frame else None, event_date=frame.when if frame else None,
        frame=_frame_json(frame) if frame else None,
    )


_FRAME_FIELDS = tuple(Frame.__dataclass_fields__)


def _frame_json(frame: Frame) -> dict:
    data = {name: getattr(frame, name) for name in _FRAME_FIELDS}
    for name, value in data.items():
        if isinstance(value, tuple):
            data[name] = list(value)
    data["when"] = frame.when.isoformat() if frame.when else None
    data["numbers"] = [list(n) for n in frame.numbers]
    return data


def claim_from_row(r: ClaimRow) -> Claim:
    frame = None
    if r.frame:
        f = dict(r.frame)
        f["when"] = date.fromisoformat(f["when"]) if f.get("when") else None
        f["numbers"] = tuple(tuple(n) for n in f.get("numbers", []))
        for key in ("stems", "entities", "markers"):
            f[key] = tuple(f.get(key, ()))
        frame = Frame(**f)
    time = None
    if r.time_text is not None:
        time = TimeRef(r.time_text, r.time_start or 0, r.time_end or 0, r.time_resolved, r.story_date)
    return Claim(
        article_id=r.article_id, story=r.story, sentence=Span(r.sentence_start, r.sentence_end),
        cue=Span(r.cue_start, r.cue_end), cue_text=r.cue, cue_lemma=r.cue_lemma, cue_kind=r.cue_kind,
        content=Span(r.content_start, r.content_end) if r.content_start is not None else None,
        content_text=r.content, speaker_text=r.speaker_text, speaker=r.speaker,
        speaker_span=Span(r.speaker_start, r.speaker_end) if r.speaker_start is not None else None,
        role=r.role, affiliation=r.affiliation, side=r.side, actor_id=r.actor_id, direct=r.direct,
        negated=r.negated, addressee_outlet=r.addressee_outlet, relayed_by=r.relayed_by, nested_in=r.nested_in,
        reported=r.reported, outlet=r.outlet, time=time, frame=frame,
    )

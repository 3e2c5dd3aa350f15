"""The store: SQLAlchemy 2 over SQLite by default, PostgreSQL for teams.

The tables are in ``tables``, and every read of claims and conflicts is in ``queries``. Each
article is written in one transaction, so a run that is killed leaves every article either fully
stored or absent, and the next run completes it.
Reviews are never updated or deleted: each decision is a new row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import create_engine, delete, event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from ..models import Article, Chrome, Claim, Conflict, Evidence, Frame, Span, Story, TimeRef
from . import queries
from .locks import lock_more, write_transaction
from .tables import (  # noqa: F401  (the tables are importable from here too)
    UNREVIEWED, ActorRow, ArticleRow, Base, ChromeRow, ClaimKeyRow, ClaimRow, ConflictRow, ReviewRow, StoryRow,
)

# Bump when analysis output changes, so that ingest re-analyses stored articles.
PIPELINE_VERSION = "1"


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
        raise StoreError(f"no store at {path}; run `claimcheck ingest` first, or check --db / CLAIMCHECK_DB")
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


def _check_schema(store: Store, shown: str, create: bool) -> None:
    from sqlalchemy import inspect
    from sqlalchemy.exc import DatabaseError

    from . import migrations

    try:
        version = migrations.current(store.engine)
        tables = set(inspect(store.engine).get_table_names()) if version is None else set()
    except DatabaseError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        raise StoreError(f"cannot open the store at {shown}: {reason}; "
                         "check the URL, that the server runs and that you may connect") from None
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

        ``batch`` holds ``(article, claims)`` or ``(article, claims, blocking keys)`` (``blocking.claim_keys``,
        worked out here when not given). Each article's lock is taken, in a fixed order, before anything is read.
        """
        if not batch:
            return
        keys = sorted({f"article:{item[0].id}" for item in batch})
        with self.locked_session(keys[0]) as s:
            lock_more(s.connection(), keys[1:])
            for article, claims, *blocking in batch:
                self._write_article(s, article, claims, analyzer, blocking[0] if blocking else None)

    def _write_article(self, s: Session, article: Article, claims: Sequence[Claim], analyzer: str,
                       blocking: dict | None = None) -> None:
        row = s.get(ArticleRow, article.id)
        if row is None:
            row = ArticleRow(id=article.id, ingested_at=now())
            s.add(row)
        ev = article.outlet_evidence
        row.name = article.name
        row.source_path = article.source_path
        row.text = article.text
        row.encoding = article.encoding
        row.outlet = article.outlet
        row.outlet_evidence = ev.text if ev else None
        row.outlet_offset = ev.start if ev and ev.start >= 0 else None
        row.outlet_source = ev.source if ev else None
        row.published = article.published
        row.url = article.url
        row.title = article.title
        row.analyzer = analyzer
        row.pipeline_version = PIPELINE_VERSION
        row.stories = [
            StoryRow(
                index=st.index,
                start=st.start,
                end=st.end,
                title=st.title,
                published=st.published,
                date_text=st.date_evidence.text if st.date_evidence else None,
                date_offset=st.date_evidence.start if st.date_evidence and st.date_evidence.start >= 0 else None,
                date_source=st.date_evidence.source if st.date_evidence else None,
            )
            for st in article.stories
        ]
        row.chrome = [ChromeRow(start=c.start, end=c.end, kind=c.kind) for c in article.chrome]
        s.flush()
        self._replace_claims(s, article.id, claims, blocking)

    def _replace_claims(self, s: Session, article_id: str, claims: Sequence[Claim], blocking: dict | None = None) -> None:
        new = {c.id: c for c in claims}
        # Load the stored claims in one query, so merge() finds them in the session instead of
        # issuing a SELECT per claim (it dominated the time of writing an article).
        old_ids = {row.id for row in s.scalars(select(ClaimRow).where(ClaimRow.article_id == article_id))}
        stale = old_ids - set(new)
        if stale:
            _drop_conflicts(s, stale)
            s.execute(delete(ClaimKeyRow).where(ClaimKeyRow.claim_id.in_(stale)))
            s.execute(delete(ClaimRow).where(ClaimRow.id.in_(stale)))
        added = []
        for claim_id, claim in new.items():
            values = _claim_values(claim, claim_id)
            if claim_id in old_ids:
                s.merge(ClaimRow(**values))
            else:
                added.append(values)
        if added:  # one INSERT for the article's new claims: the writer keeps up with many workers
            s.execute(ClaimRow.__table__.insert(), added)
        s.flush()
        if old_ids:
            s.execute(delete(ClaimKeyRow).where(ClaimKeyRow.claim_id.in_(old_ids & set(new))))
        if blocking is None:
            from ..conflicts.blocking import claim_keys

            blocking = claim_keys(list(new.values()))
        key_rows = [(cid, key, k.start, k.end) for cid, k in blocking.items() for key in k.keys]
        if key_rows:
            # Straight to the driver: an article brings a few hundred keys, and building each row's
            # parameters through SQLAlchemy cost more than writing them.
            conn = s.connection()
            mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
            conn.exec_driver_sql(f'INSERT INTO claim_keys (claim_id, "key", start, "end") VALUES ({", ".join([mark] * 4)})',
                                 key_rows)
        first_claim_of: dict[str, Claim] = {}
        for claim in new.values():
            if claim.actor_id:
                first_claim_of.setdefault(claim.actor_id, claim)
        if first_claim_of:
            # Insert-or-ignore: another article, written at the same moment by another process,
            # may bring the same actor.
            _insert_ignore(s, ActorRow, [
                dict(id=actor_id, name=c.speaker, side=c.side, role=c.role, organisation=c.affiliation)
                for actor_id, c in first_claim_of.items()
            ])

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
        return self.conflict_count()

    def update_conflicts(self, article_ids: Iterable[str],
                         detect: Callable[[list[Claim], Callable[[set[str]], list[Claim]], set[str], int],
                                          Iterable[Conflict]]) -> tuple[int, int]:
        """Update the conflicts of the claims of ``article_ids`` (new or re-analysed) alone, under one lock.

        ``detect(new claims, fetch, neighbour ids, total)`` is given the articles' claims, a function that
        loads stored claims by id, the ids of the stored claims that share a blocking key with them inside
        the date window (``neighbour_ids``) and the number of comparable claims in the store; it returns the
        conflicts that involve a new claim. Those replace the stored conflicts of the new claims (a reviewed
        one no longer found is kept as withdrawn). Returns (stored conflicts, stored claims loaded).
        """
        from ..conflicts import blocking

        ids = sorted(set(article_ids))
        with self.locked_session("conflicts") as s:
            rows = [r for chunk in _chunked(ids) for r in s.scalars(select(ClaimRow).where(ClaimRow.article_id.in_(chunk)))]
            new = [claim_from_row(r) for r in rows]
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

            def fetch(wanted: set[str]) -> list[Claim]:
                # Whole articles: a denial that points back needs the claims of its story before it.
                articles = {a for chunk in _chunked(sorted(wanted))
                            for a in s.scalars(select(ClaimRow.article_id).where(ClaimRow.id.in_(chunk)).distinct())}
                out = [claim_from_row(r) for chunk in _chunked(sorted(articles - set(ids)))
                       for r in s.scalars(select(ClaimRow).where(ClaimRow.article_id.in_(chunk)))]
                loaded[0] += len(out)
                return out

            def frequencies(more: set[str]) -> dict[str, int]:
                return self.key_frequencies(s, more)

            neighbours = self._neighbours(s, blocking.queries(new_keys, df, total, self._conflict_settings()))
            found = list(detect(new, fetch, neighbours, total, frequencies))
            _merge_conflicts(s, found, new_ids)
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
        """How many stored claims have each key."""
        out: dict[str, int] = {}
        for chunk in _chunked(sorted(set(keys))):
            out.update(s.execute(select(ClaimKeyRow.key, func.count()).where(ClaimKeyRow.key.in_(chunk))
                                 .group_by(ClaimKeyRow.key)).all())
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

"""Write transactions that take their lock before they read, on SQLite and PostgreSQL.

A read-then-write (the current status before a review, the schema version before a
migration) is only safe if no other process can write in between. Two reviewers on one
store, or two people opening a new team database at once, rely on this.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import func, select
from sqlalchemy.engine import Connection, Engine


@contextmanager
def write_transaction(engine: Engine, key: str) -> Iterator[Connection]:
    """A transaction holding the lock named ``key`` from its first statement to commit.

    SQLite has one writer at a time, so the lock is the whole database (``key`` is unused);
    PostgreSQL gets a transaction-scoped advisory lock per key, so writers on other keys go on.
    """
    if engine.dialect.name == "sqlite":
        # pysqlite would begin a deferred transaction only at the first write, after the read;
        # BEGIN IMMEDIATE takes the write lock up front (busy_timeout makes others wait for it).
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.exec_driver_sql("ROLLBACK")
                raise
            conn.exec_driver_sql("COMMIT")
        return
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            # Unlike a row lock this also covers a row that does not exist yet (a target's first
            # review, an empty database). Under READ COMMITTED, reads after it see the previous
            # holder's committed writes.
            conn.execute(select(func.pg_advisory_xact_lock(func.hashtextextended(key, 0))))
        yield conn


def lock_more(conn: Connection, keys: list[str]) -> None:
    """Take further locks inside a ``write_transaction`` (PostgreSQL; SQLite's one lock already covers them).

    Give the keys sorted, so that two writers never wait for each other's locks.
    """
    if conn.dialect.name != "postgresql":
        return
    for key in keys:
        conn.execute(select(func.pg_advisory_xact_lock(func.hashtextextended(key, 0))))

"""Schema migrations (Alembic). ``upgrade(engine)`` brings any store to the current schema.

An existing store is upgraded in place, never rebuilt. A new schema change is a new file in
``versions/``: ``alembic -c claimcheck/store/migrations/alembic.ini revision --autogenerate -m "..."``.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

from ..locks import write_transaction

HERE = Path(__file__).parent


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config(str(HERE / "alembic.ini"))
    cfg.set_main_option("script_location", str(HERE))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    cfg = alembic_config(engine)
    # Locked, so that two processes opening a new store at once don't both create the schema:
    # the second waits, then finds it at head.
    with write_transaction(engine, "claimcheck:schema") as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)


def known(revision: str) -> bool:
    """Whether ``revision`` is one of this claimcheck's migrations (not one from a newer release)."""
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def current(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()

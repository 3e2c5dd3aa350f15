"""``claimcheck desk``: open the review desk (plugged into the claimcheck command group)."""

from __future__ import annotations

import click

from claimcheck import config

from .bidi import MODES


@click.command()
@click.option("--db", default=None, metavar="URL",
              help="Store URL (default: as given before the command, `claimcheck --db URL desk`; else CLAIMCHECK_DB, "
                   "the config file, else SQLite in the data folder).")
@click.option("--reviewer", default=None, metavar="NAME",
              help="Name recorded with your decisions (default: CLAIMCHECK_REVIEWER, else your login name).")
@click.option("--bidi", "bidi_mode", type=click.Choice(MODES), default="auto", show_default=True,
              help="Arabic display: off (the terminal reorders), on (reorder here), shape (reorder and join "
                   "letters here), auto (guess from the terminal). Key B cycles while running.")
def desk(db: str | None, reviewer: str | None, bidi_mode: str) -> None:
    """Open the review desk: the conflict queue, side-by-side review, claims, history and export.

    \b
    Example:
      claimcheck desk --reviewer amal --bidi shape
    """
    from claimcheck.store.database import StoreError, open_store

    from .app import DeskApp

    from claimcheck.cli.common import Context

    group = click.get_current_context().find_object(Context)  # `claimcheck --db URL desk` works too
    group_db = group.db_option if group else None
    try:
        store = open_store(config.db_url(db or group_db))
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        DeskApp(store, config.reviewer(reviewer), bidi_mode).run()
    finally:
        store.close()

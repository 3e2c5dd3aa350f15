"""What every command shares: the store it opens, the options it takes and how it prints."""

from __future__ import annotations

import functools
import json
import sys

import click

from .. import config


class Context:
    def __init__(self, db: str | None, quiet: bool) -> None:
        self.db_option = db
        self.quiet = quiet
        self._store = None

    @property
    def store(self):
        return self.open_store()

    def open_store(self, create: bool = False):
        """The store; only ``ingest`` creates one (elsewhere a mistyped path is an error)."""
        if self._store is None:
            from ..store.database import StoreError, open_store

            try:
                self._store = open_store(config.db_url(self.db_option), create=create)
            except StoreError as exc:
                raise click.ClickException(str(exc)) from exc
        return self._store


def db_option(f):
    """``--db URL`` and ``-q`` on a command, as on the group (``--db`` overrides CLAIMCHECK_DB and the config)."""

    @click.option("--db", "db", envvar=None, default=None, metavar="URL",
                  help="Store URL, e.g. sqlite:///claims.db or postgresql+psycopg://user@host/db.")
    @click.option("-q", "--quiet", "quiet", is_flag=True, default=False,
                  help="No progress bars or summaries (for scripts).")
    @functools.wraps(f)
    def wrapper(*args, db=None, quiet=False, **kwargs):
        ctx = click.get_current_context().find_object(Context)
        if db and ctx is not None:
            ctx.db_option = db
            ctx._store = None
        if quiet and ctx is not None:
            ctx.quiet = True
        return f(*args, **kwargs)

    return wrapper


def json_option(f):
    return click.option("--json", "as_json", is_flag=True, help="Print JSON (one document) for scripts.")(f)


def stanza_dir_option(f):
    return click.option("--stanza-dir", type=click.Path(file_okay=False), default=None,
                        help="Folder with stanza resources (default: CLAIMCHECK_STANZA_DIR, `stanza_dir =` in "
                             "config.toml, else ~/stanza_resources).")(f)


def analyzer_options(f):
    f = stanza_dir_option(f)
    f = click.option("--analyzer", type=click.Choice(["builtin", "stanza"]), default="builtin", show_default=True,
                     help="builtin needs no models; stanza uses stanza's Arabic models.")(f)
    return f


def parallel_options(f):
    f = click.option("--cluster", default=None, metavar="tcp://HOST:8786",
                     help="Send the analysis to this Dask scheduler's workers (default: CLAIMCHECK_CLUSTER, "
                          "or `cluster =` in config.toml; none: this machine).")(f)
    f = click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                     help="Worker processes for the analysis (default: the machine's cores).")(f)
    return f


def make_analyzer(name: str, stanza_dir: str | None):
    from ..analysis.analyzer import get_analyzer

    try:
        return get_analyzer(name, stanza_dir)
    except (RuntimeError, FileNotFoundError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc


def print_json(value) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def print_json_items(items) -> None:
    """``print_json(list(items))``, printed as the items come (a listing of the whole store never held whole)."""
    from ..export.jsonarray import json_array

    for piece in json_array(items, default=str):
        click.echo(piece, nl=False)
    click.echo()


def console():
    """Rich console; when output goes to a pipe or file, wide enough that tables keep whole ids."""
    from rich.console import Console

    return Console() if sys.stdout.isatty() else Console(width=160)


def progress(quiet: bool, total: int | None, label: str):
    """A rich progress bar on stderr, or nothing with --quiet / when not on a terminal."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    err = Console(stderr=True)
    return Progress(
        TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
        TimeElapsedColumn(), console=err, disable=quiet or not err.is_terminal, transient=True,
    )

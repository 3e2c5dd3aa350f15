"""Review, history, undo and export commands."""

from __future__ import annotations

from pathlib import Path

import click

from .. import config
from .common import Context, console, db_option, json_option, print_json

KIND_HELP = "CLAIM is a conflict id, or its first characters as `claimcheck conflicts` shows them."
REVIEWER_HELP = "Who decides (default: CLAIMCHECK_REVIEWER, else your login name)."


class Day(click.ParamType):
    """A calendar day written YYYY-MM-DD; anything else is named in a one-line error."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        import datetime as dt

        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            self.fail(f"{value!r} is not a day of the calendar: write YYYY-MM-DD, e.g. 2024-05-01", param, ctx)


def _kind(conflict: bool) -> str:
    return "conflict" if conflict else "claim"


def _fail(exc: Exception):
    raise click.ClickException(str(exc)) from exc


def _show_decision(obj, row: dict, as_json: bool, what: str) -> None:
    if as_json:
        print_json(row)
    elif not obj.quiet:
        from ..analysis.text import visible

        click.echo(visible(f"{row['target_kind']} {row['target_id']}: {row['old_status']} → {row['new_status']} ({what})"))


@click.command()
@click.argument("target", metavar="CLAIM")
@click.option("--status", "-s", required=True, metavar="STATUS",
              help="verified, disputed, false, needs-context or unreviewed; with --conflict: confirmed or not-a-conflict.")
@click.option("--note", "-n", default=None, help="Why: kept in the history and exported.")
@click.option("--evidence", metavar="URL", default=None, help="A web page that supports the decision.")
@click.option("--reviewer", metavar="NAME", default=None, help=REVIEWER_HELP)
@click.option("--conflict", is_flag=True, help=KIND_HELP)
@json_option
@db_option
@click.pass_obj
def review(obj: Context, target, status, note, evidence, reviewer, conflict, as_json) -> None:
    """Record a decision on CLAIM (an id or a unique prefix of one).

    Every decision is kept: `claimcheck history CLAIM` lists them, `claimcheck undo CLAIM`
    takes your last one back.

    \b
    Example:
      claimcheck review 1ef478b8 --status disputed --note "UN report says otherwise" --evidence https://example.org/un
    """
    from ..review import decisions as review_mod

    try:
        row = review_mod.record(obj.store, _kind(conflict), target, status, config.reviewer(reviewer), note, evidence)
    except review_mod.ReviewError as exc:
        _fail(exc)
    repeated = " (already recorded: nothing added)" if row.get("repeated") else ""
    _show_decision(obj, row, as_json, f"review #{row['id']} by {row['reviewer']}{repeated}")


@click.command()
@click.argument("target", metavar="CLAIM")
@click.option("--conflict", is_flag=True, help=KIND_HELP)
@json_option
@db_option
@click.pass_obj
def history(obj: Context, target, conflict, as_json) -> None:
    """List every decision on CLAIM, oldest first, with reviewer, time, note and evidence.

    \b
    Example:
      claimcheck history 1ef478b8 --json
    """
    from ..review import decisions as review_mod

    try:
        rows = review_mod.history(obj.store, _kind(conflict), target)
    except review_mod.ReviewError as exc:
        _fail(exc)
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo(f"{_kind(conflict)} {target} has no reviews yet (status: unreviewed)")
        return
    from rich.table import Table

    from .display import plain

    table = Table("#", "at (UTC)", "reviewer", "change", "note", title=plain(f"{rows[0]['target_kind']} {rows[0]['target_id']}"))
    table.add_column("evidence", overflow="fold")  # a cut URL is useless
    for r in rows:
        change = f"{r['old_status']} → {r['new_status']}" + (f" (undo of #{r['undo_of']})" if r["undo_of"] else "")
        at = r["at"][:16].replace("T", " ")
        table.add_row(str(r["id"]), at, plain(r["reviewer"]), change, plain(r["note"]), plain(r["evidence_url"]))
    console().print(table)


@click.command()
@click.argument("target", metavar="CLAIM")
@click.option("--reviewer", metavar="NAME", default=None, help=REVIEWER_HELP)
@click.option("--conflict", is_flag=True, help=KIND_HELP)
@json_option
@db_option
@click.pass_obj
def undo(obj: Context, target, reviewer, conflict, as_json) -> None:
    """Take back your last decision on CLAIM (a new history row restores the status before it).

    \b
    Example:
      claimcheck undo 1ef478b8 --reviewer amina
    """
    from ..review import decisions as review_mod

    try:
        row = review_mod.undo(obj.store, _kind(conflict), target, config.reviewer(reviewer))
    except review_mod.ReviewError as exc:
        _fail(exc)
    _show_decision(obj, row, as_json, f"undid review #{row['undo_of']}")


@click.command(name="export")
@click.option("--status", multiple=True, metavar="STATUS",
              help="Only claims with this current status (repeatable): verified, disputed, false, needs-context, unreviewed.")
@click.option("--outlet", help="Only claims from this outlet (e.g. 'Al Jazeera' or 'الجزيرة').")
@click.option("--side", help="Only claims by speakers of this side (LNA, GNA, …).")
@click.option("--since", type=Day(), help="Only claims about this date or later.")
@click.option("--until", type=Day(), help="Only claims about this date or earlier.")
@click.option("--format", "fmt", type=click.Choice(["csv", "csv-plain", "jsonl", "claimreview", "xlsx"]), default=None,
              help="csv has a BOM for Excel; csv-plain has none; jsonl is the data; claimreview is JSON-LD; xlsx is "
                   "an Excel workbook (right to left, dates as dates). Default: from the -o file's extension "
                   "(.csv or none, .jsonl, .xlsx, .jsonld; another is refused).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File to write; '-' writes to standard output (with --format, a text format).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@db_option
@click.pass_obj
def export_command(obj: Context, status, outlet, side, since, until, fmt, output, force) -> None:
    """Export claims with their review status and conflicts (columns: docs/export.md).

    Without --status every claim is exported. Dates filter on the date a claim refers to,
    else its story's date.

    \b
    Example:
      claimcheck export --status disputed --outlet "Al Jazeera" --since 2020-05-01 -o disputed.csv
    """
    from ..export.formats import ExportError, export, format_of, statuses_of

    # Bad options are usage errors, as a bad value of any option is.
    if since and until and since > until:
        raise click.BadParameter(f"{since} is after --until {until}; nothing could match", param_hint="'--since'")
    try:
        statuses_of(status)
    except ExportError as exc:
        raise click.BadParameter(str(exc), param_hint="'--status'") from exc
    to_stdout = str(output) == "-"
    if to_stdout and fmt in (None, "xlsx"):
        raise click.BadParameter("standard output takes a text format: add --format csv, csv-plain, jsonl or "
                                 "claimreview", param_hint="'-o'")
    try:
        fmt = fmt or format_of(output)
    except ExportError as exc:
        raise click.BadParameter(str(exc), param_hint="'-o'") from exc
    if to_stdout:
        _export_to_stdout(obj, fmt, status=list(status) or None, outlet=outlet, side=side, since=since, until=until)
        return
    try:
        n = export(obj.store, output, fmt, status=list(status) or None, outlet=outlet, side=side,
                   since=since, until=until, force=force)
    except ExportError as exc:
        _fail(exc)
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror}; choose another -o path") from exc
    if not obj.quiet:
        from ..analysis.text import counted

        what = counted(n, "reviewed claim" if fmt == "claimreview" else "claim")
        click.echo(f"{what} written to {output}" + ("" if n else " (nothing matched the filters)"))


def _export_to_stdout(obj: Context, fmt: str, **filters) -> None:
    """Write the export to a file of its own, then copy it to standard output as it is (streamed, not held)."""
    import shutil
    import sys
    import tempfile

    from ..export.formats import ExportError, export

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"export.{fmt}"
        try:
            export(obj.store, path, fmt, **filters)
        except ExportError as exc:
            _fail(exc)
        with path.open("rb") as f:
            shutil.copyfileobj(f, sys.stdout.buffer)
        sys.stdout.buffer.flush()


# Added to the ``claimcheck`` group by ``main``.
COMMANDS = (review, history, undo, export_command)

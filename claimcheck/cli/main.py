"""The ``claimcheck`` command. It parses options and calls the library; nothing else.

Heavy modules (stanza, torch, pandas, the store) are imported inside commands so that
``claimcheck --help`` stays fast.
"""

from __future__ import annotations

import sys
from importlib.metadata import entry_points
from pathlib import Path

import click

from .. import config
from ..knowledge.loader import KnowledgeError
from . import review as review_commands
from .common import (Context, analyzer_options, console, db_option, json_option, make_analyzer, parallel_options,
                     print_json, print_json_items, progress, stanza_dir_option)


class _OneLineUsageError(click.UsageError):
    """A usage error said on one line with where to read more, not after the whole usage text."""

    def show(self, file=None) -> None:
        where = self.ctx.command_path if self.ctx is not None else "claimcheck"
        click.echo(f"Error: {self.format_message()} (see '{where} --help')", file=file, err=file is None)


def _one_line(exc: click.UsageError) -> click.UsageError:
    if isinstance(exc, _OneLineUsageError) or type(exc).__name__ == "NoArgsIsHelpError":
        return exc  # a group called alone shows its help, as asked
    one = _OneLineUsageError(exc.format_message(), exc.ctx)
    one.exit_code = exc.exit_code
    return one


class DefaultGroup(click.Group):
    """Subcommands from this module and from installed plugins (``claimcheck.commands`` entry points).

    A usage error (an unknown option, a bad value) is one line: the message and the command's ``--help``."""

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.UsageError as exc:
            raise _one_line(exc) from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            raise _one_line(exc) from None
        except KnowledgeError as exc:  # a user's data file: its own message names the file and the entry
            raise click.ClickException(str(exc)) from None

    def _plugins(self) -> dict[str, click.Command]:
        found = {}
        for ep in entry_points(group="claimcheck.commands"):
            found[ep.name] = ep
        return found

    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(self._plugins()))

    def get_command(self, ctx, name):
        command = super().get_command(ctx, name)
        if command is None and name in self._plugins():
            command = self._plugins()[name].load()
        return command


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", default=None, metavar="URL",
              help="Store URL (default: CLAIMCHECK_DB, `db =` in config.toml, else SQLite in the data folder).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars or summaries (for scripts).")
@click.version_option(package_name="claimcheck")
@click.pass_context
def cli(ctx: click.Context, db: str | None, quiet: bool) -> None:
    """Find who said what in Arabic news, and where sources contradict each other.

    \b
    Typical session:
      claimcheck ingest fixtures/articles  # read articles, attribute claims, find conflicts
      claimcheck claims --side LNA         # claims by speaker side
      claimcheck conflicts                 # conflicting claims, side by side
      claimcheck review CLAIM --status disputed --note "..."
      claimcheck export --status disputed -o disputed.csv
      claimcheck desk                      # the review desk (terminal UI)
    """
    ctx.obj = Context(db, quiet)


# --- ingest ----------------------------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@analyzer_options
@click.option("--force", is_flag=True, help="Re-analyse articles already in the store.")
@parallel_options
@db_option
@click.pass_obj
def ingest(obj: Context, paths, analyzer, stanza_dir, force, jobs, cluster) -> None:
    """Read articles, find their claims and conflicts, and store them.

    PATHS are .txt articles (metadata from NAME.json or an articles.jsonl manifest),
    .jsonl/.csv collections (one article per record), or folders of them (recursive).
    Encodings are detected. A file that cannot be read is reported and skipped; the
    exit status is 1 if any input failed.

    Articles are analysed in --jobs worker processes (default: one per core), or by the
    workers of a Dask cluster (--cluster); this process writes them to the store.

    \b
    Example:
      claimcheck ingest fixtures/articles --db sqlite:///newsroom.db
      claimcheck ingest archive/ --cluster tcp://scheduler.newsroom:8786
    """
    from ..ingest import reader as ingest_mod
    from ..pipeline import ingest_paths

    if not any(p.exists() for p in paths):
        # nothing to read: say so without making an empty store at a new home
        for p in paths:
            click.echo(f"Error: {ingest_mod.IngestError(str(p), ingest_mod.MISSING)}", err=True)
        raise SystemExit(1)
    chosen = make_analyzer(analyzer, stanza_dir)
    store = obj.open_store(create=True)
    files = list(ingest_mod.discover(list(paths)))
    with progress(obj.quiet, len(files), "ingest") as bar:
        task = bar.add_task("", total=len(files) or None)
        last = {"path": None}

        def step(name: str) -> None:
            bar.update(task, description=name)
            if last["path"] != name:
                bar.advance(task)
                last["path"] = name

        report = ingest_paths(store, paths, chosen, on_item=step, force=force, **_parallel(jobs, cluster))
    # A folder with nothing claimcheck reads is a failed input, not a silent "0 added".
    found_in = {root for _, root in files}
    report.errors.extend(ingest_mod.IngestError(str(p), "no .txt articles or .jsonl/.csv collections in this folder")
                         for p in paths if p.is_dir() and p not in found_in)
    from ..analysis.text import counted, visible

    for error in report.errors:
        click.echo(f"Error: {visible(str(error))}", err=True)  # a file name may hold control characters
    for warning in report.warnings:
        click.echo(f"warning: {visible(warning)}", err=True)
    if not obj.quiet:
        shown, threshold = _conflicts_shown(store)
        listed = sum(shown.values())
        below = f", {report.conflicts - listed} more below confidence {threshold:g}" if report.conflicts > listed else ""
        click.echo(
            f"{report.added} added, {report.updated} re-analysed, {report.unchanged} unchanged; "
            f"{counted(report.claims, 'claim')} extracted now; the store holds {counted(store.claim_count(), 'claim')} "
            f"and {counted(listed, 'conflict')} ({shown.get('unreviewed', 0)} to review){below} ({_safe_url(store.url)})"
        )
    if report.errors:
        them = "it" if len(report.errors) == 1 else "them"
        rest = " (the rest is stored)" if report.added or report.updated or report.unchanged else ""
        click.echo(f"{counted(len(report.errors), 'input')} failed; fix {them} and run ingest again{rest}.", err=True)
        sys.exit(1)


@cli.command()
@click.argument("articles", nargs=-1)
@analyzer_options
@parallel_options
@db_option
@click.pass_obj
def analyze(obj: Context, articles, analyzer, stanza_dir, jobs, cluster) -> None:
    """Re-analyse articles already in the store (all, or the ARTICLES given by id or name).

    Claims that come out the same keep their ids and reviews.

    \b
    Example:
      claimcheck analyze --analyzer stanza
    """
    from ..pipeline import reanalyze

    chosen = make_analyzer(analyzer, stanza_dir)
    store = obj.store
    ids = [_article_id(store, a) for a in articles] or None
    total = len(ids) if ids else len(store.articles())
    with progress(obj.quiet, total, "analyze") as bar:
        task = bar.add_task("", total=total or None)
        n_articles, n_claims = reanalyze(store, chosen, ids, on_item=lambda name: bar.update(task, description=name, advance=1),
                                         **_parallel(jobs, cluster))
    if not obj.quiet:
        from ..analysis.text import counted

        click.echo(f"{counted(n_articles, 'article')} analysed with {chosen.name}: {counted(n_claims, 'claim')}")


def _parallel(jobs: int | None, cluster: str | None) -> dict:
    """Where the analysis runs: a Dask cluster when one is named, else ``jobs`` local processes."""
    from ..parallel import default_jobs

    cluster = config.cluster(cluster)
    return {"cluster": cluster, "jobs": 1} if cluster else {"jobs": jobs or default_jobs(), "cluster": None}


def _conflicts_shown(store) -> tuple[dict[str, int], float]:
    """The conflicts ``claimcheck conflicts`` lists with no option, counted by review status (the store keeps
    lower ones too), and the confidence it lists them from."""
    from ..store import queries

    threshold = config.load_settings().conflicts.min_confidence
    return queries.conflict_counts(store, queries.ConflictFilter(min_confidence=threshold)), threshold


def _safe_url(url: str) -> str:
    """The store URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _status(value: str | None, kind: str) -> str | None:
    """A --status value checked (and spelled) as reviews are recorded."""
    if value is None:
        return None
    from ..review.decisions import ReviewError, check_status

    try:
        return check_status(kind, value, flag_hint=False)
    except ReviewError as exc:
        raise click.BadParameter(str(exc), param_hint="'--status'") from exc


def _article_id(store, ref: str) -> str:
    found = store.find_article_id(ref)
    if not found:
        raise click.ClickException(f"no article {ref!r} in the store; `claimcheck articles` lists them")
    return found


# --- listing ---------------------------------------------------------------------------


@cli.command()
@json_option
@db_option
@click.pass_obj
def articles(obj: Context, as_json: bool) -> None:
    """List stored articles: id, outlet with its evidence, date, stories, size.

    \b
    Example:
      claimcheck articles --json
    """
    rows = obj.store.articles()
    if as_json:
        print_json(rows)
        return
    from rich.table import Column, Table

    from .display import plain

    table = Table("outlet", "evidence", "date", "stories", "claims", "chars")
    # Ids and names are what users copy into other commands: never cut them.
    table.columns.insert(0, Column("name", overflow="fold", min_width=12))
    table.columns.insert(0, Column("id", no_wrap=True, min_width=10))
    for r in rows:
        if r["outlet_source"] == "signature":
            evidence = f"“{r['outlet_evidence']}” @{r['outlet_offset']}"
        elif r["outlet_source"] == "metadata":
            evidence = "metadata"
        else:
            evidence = "no evidence"
        table.add_row(plain(r["id"][:10]), plain(r["name"]), plain(r["outlet"] or "unknown"), plain(evidence),
                      r["published"] or "—", str(r["stories"]), str(r["claims"]), str(r["chars"]))
    console().print(table)


@cli.command()
@click.argument("article")
@json_option
@db_option
@click.pass_obj
def show(obj: Context, article: str, as_json: bool) -> None:
    """Show one ARTICLE (id, id prefix or name): its stories and the chrome left out of analysis.

    \b
    Example:
      claimcheck show 004_4aa4d1d5802a62ef
    """
    store = obj.store
    art = store.article(_article_id(store, article))
    if as_json:
        print_json({
            "id": art.id, "name": art.name, "outlet": art.outlet,
            "outlet_evidence": art.outlet_evidence.__dict__ if art.outlet_evidence else None,
            "published": art.published, "encoding": art.encoding, "source": art.source_path,
            "stories": [s.__dict__ | {"date_evidence": s.date_evidence.__dict__ if s.date_evidence else None}
                        for s in art.stories],
            "chrome": [c.__dict__ | {"text": art.text[c.start:c.end]} for c in art.chrome],
        })
        return
    from .display import describe_article

    console().print(describe_article(art))


@cli.command()
@click.option("--article", help="Article id, id prefix or name.")
@click.option("--outlet", help="Outlet name, in any case or in Arabic (e.g. 'al jazeera', 'الجزيرة').")
@click.option("--speaker", help="Text in the speaker's name or mention, in any spelling of hamza, alef, ya or ta marbuta.")
@click.option("--side", help="Side label (LNA, GNA, UN, US, …).")
@click.option("--cue", help="Cue lemma or text (قال, أعلن, بحسب, …).")
@click.option("--status", help="Current review status: unreviewed, verified, disputed, false, needs-context.")
@click.option("--corroborated", is_flag=True, help="Only claims that another claim of the same side corroborates, by group.")
@json_option
@db_option
@click.pass_obj
def claims(obj: Context, article, outlet, speaker, side, cue, status, corroborated, as_json) -> None:
    """List claims, each in its sentence with cue, speaker and content marked, and its review status.

    With --json each claim carries its corroboration group (the claims saying the same thing from
    the same side), or null.

    \b
    Example:
      claimcheck claims --side GNA --cue أعلن --status unreviewed
      claimcheck claims --corroborated --json
    """
    store = obj.store
    article_id = _article_id(store, article) if article else None
    filters = dict(article=article_id, outlet=outlet, speaker=speaker, side=side, cue=cue, status=_status(status, "claim"))
    if as_json:
        pages = _corroborated_pages(store, filters) if corroborated else _grouped_pages(store, filters)
        print_json_items(row for page in pages for row in _with_sentences(store, page))
        return
    from .display import render_claims

    pages = _corroborated_pages(store, filters) if corroborated else store.claim_pages(**filters)
    if not render_claims(console(), store, (row for page in pages for row in page)):
        _explain_nothing(store, side=side, outlet=outlet)


def _explain_nothing(store, **typed: str | None) -> None:
    """After an empty listing: name a --side or --outlet that no stored claim has, with the ones there are."""
    from ..analysis.text import visible
    from ..store import queries

    known = {"side": queries.claim_sides, "outlet": queries.outlets}
    for option, value in ((o, v) for o, v in typed.items() if v):
        names = known[option](store)
        if value.strip().casefold() not in {n.casefold() for n in names}:
            click.echo(visible(f"no stored claim has --{option} {value!r}; the store has: {', '.join(names) or 'none'}"),
                       err=True)


def _group_json(g) -> dict | None:
    return None if g is None else {"id": g.id, "members": list(g.members), "side": g.side, "across_sides": g.across_sides}


def _grouped_pages(store, filters: dict):
    """Pages of claims, each claim with its corroboration group read from the store."""
    from ..conflicts import corroboration

    for page in store.claim_pages(**filters):
        links, sides = store.corroboration_links([r["id"] for r in page])
        group_of = {cid: g for g in corroboration.group_links(links, sides) for cid in g.members}
        yield [r | {"group": _group_json(group_of.get(r["id"]))} for r in page]


def _corroborated_pages(store, filters: dict):
    """The claims of corroboration groups, group by group (largest first): only the stored links are read
    whole, the claims a page of groups at a time."""
    from ..conflicts import corroboration

    groups = corroboration.group_links(*store.corroboration_links())
    page: list = []
    for n, g in enumerate(groups):
        page.append(g)
        if sum(len(x.members) for x in page) >= 500 or n == len(groups) - 1:
            group_of = {cid: g for g in page for cid in g.members}
            order = {g.id: k for k, g in enumerate(page)}
            rows = store.claims(ids=list(group_of), **filters)
            rows.sort(key=lambda r: (order[group_of[r["id"]].id], r["id"]))
            yield [r | {"group": _group_json(group_of[r["id"]])} for r in rows]
            page = []


def _with_sentences(store, rows: list[dict]) -> list[dict]:
    """Each row with the text of its sentence (the page's articles read once)."""
    articles = store.articles_of(r["article_id"] for r in rows)
    for r in rows:
        r["sentence_text"] = articles[r["article_id"]].text[r["sentence"][0]:r["sentence"][1]]
    return rows


@cli.command()
@click.option("--type", "type_", type=click.Choice(["competing_claims", "denial", "numeric_mismatch", "framing"]))
@click.option("--outlet", help="Only conflicts with a claim from this outlet (any case, or its Arabic name: 'al jazeera', 'الجزيرة').")
@click.option("--side", help="Only conflicts with a claim from this side (LNA, GNA, UN, …).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Hide conflicts below this confidence (0–1; default: [conflicts] min_confidence, 0.5).")
@click.option("--status", help="Current review status: unreviewed, confirmed, not-a-conflict.")
@click.option("--rebuild", is_flag=True,
              help="Recompute every conflict over the whole store first (ingest updates only the new claims' conflicts).")
@json_option
@db_option
@click.pass_obj
def conflicts(obj: Context, type_, outlet, side, min_confidence, status, rebuild, as_json) -> None:
    """List conflicting claims side by side, with the reason for each.

    A reviewed conflict that detection no longer finds (after a re-analysis or a rebuild) is kept,
    marked withdrawn, with its decisions.

    \b
    Example:
      claimcheck conflicts --type competing_claims --min-confidence 0.7
      claimcheck conflicts --rebuild
    """
    store = obj.store
    if rebuild:
        from ..pipeline import refresh_conflicts

        found = refresh_conflicts(store)
        if not obj.quiet:
            from ..analysis.text import counted

            click.echo(f"rebuilt: {counted(found, 'conflict')} in the store", err=True)
    if min_confidence is None:
        min_confidence = config.load_settings().conflicts.min_confidence
    from ..store import queries

    wanted = queries.ConflictFilter(type=type_, outlet=outlet, side=side, status=_status(status, "conflict"),
                                    min_confidence=min_confidence)
    rows = [k.as_dict() for k in queries.conflicts(store, wanted)]
    for r in rows:
        r["a"] = store.claim(r["claim_a"])
        r["b"] = store.claim(r["claim_b"])
    if as_json:
        print_json(rows)
        return
    from .display import render_conflicts

    render_conflicts(console(), store, rows)
    if not rows:
        _explain_nothing(store, side=side, outlet=outlet)
    if not obj.quiet:
        _say_hidden(store, wanted, len(rows))


def _say_hidden(store, wanted, shown: int) -> None:
    """How many conflicts the confidence threshold hides: the store keeps more than the listing shows."""
    from dataclasses import replace

    from ..store import queries

    counts = queries.conflict_counts(store, replace(wanted, min_confidence=None))
    hidden = (counts.get(wanted.status, 0) if wanted.status else sum(counts.values())) - shown
    if hidden > 0:
        click.echo(f"{hidden} more below confidence {wanted.min_confidence:g}; --min-confidence 0 lists them", err=True)


# --- evaluation ------------------------------------------------------------------------


@cli.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@analyzer_options
@click.option("--errors", is_flag=True, help="List misses and false alarms.")
@json_option
def eval_command(gold_dir: Path, analyzer, stanza_dir, errors: bool, as_json: bool) -> None:
    """Score claimcheck against a hand-annotated GOLD_DIR (see docs/gold-format.md).

    Prints cue precision/recall/F1, speaker and side accuracy, content token-F1 and
    conflict precision/recall/F1, each with counts.

    \b
    Example:
      claimcheck eval fixtures/gold/seeds --errors
    """
    from .. import evaluate

    chosen = make_analyzer(analyzer, stanza_dir)
    try:
        result = evaluate.evaluate(gold_dir, chosen)
    except evaluate.GoldError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        print_json(result.to_dict(errors=errors))
        return
    click.echo(result.report(errors=errors))


# --- models ----------------------------------------------------------------------------


@cli.group()
def models() -> None:
    """Stanza models for the stanza analyzer (the built-in analyzer needs none).

    \b
    Examples:
      claimcheck models status                 # which models are installed, and where
      claimcheck models download               # fetch them (needs stanza's model hub)
      claimcheck ingest news/ --analyzer stanza
    """


@models.command("status")
@stanza_dir_option
@json_option
def models_status(stanza_dir, as_json) -> None:
    """Say which stanza Arabic models are installed, and where.

    \b
    Example:
      claimcheck models status --stanza-dir ~/stanza_resources
    """
    from ..analysis.stanza_analyzer import model_status

    status = model_status(config.stanza_dir(stanza_dir))
    if as_json:
        print_json(status)
        return
    click.echo(f"stanza resources: {status['dir']}")
    for proc, info in status["processors"].items():
        click.echo(f"  {proc:9} {'installed' if info['installed'] else 'missing':9} {info['path'] or ''}")
    click.echo("ready for --analyzer stanza" if status["ready"] else "not ready: run `claimcheck models download`")
    if not status["ready"]:
        sys.exit(1)  # scripts can test for the models before choosing the analyzer


@models.command("download")
@stanza_dir_option
@click.option("--package", default="default", show_default=True, help="stanza package for Arabic (default = PADT).")
def models_download(stanza_dir, package) -> None:
    """Download stanza's Arabic models (tokenize, pos, lemma, depparse).

    \b
    Example:
      claimcheck models download
    """
    from ..analysis.stanza_analyzer import download_models

    target = config.stanza_dir(stanza_dir)
    try:
        download_models(target, package)
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Arabic models installed in {target}")


for command in review_commands.COMMANDS:
    cli.add_command(command)


def main() -> None:
    cli(prog_name="claimcheck")


if __name__ == "__main__":
    main()

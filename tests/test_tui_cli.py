"""`claimcheck desk`: plugged into the claimcheck command group through its entry point."""

from __future__ import annotations

from click.testing import CliRunner

from claimcheck.cli.main import cli
from claimcheck.store.database import Store
from tui.app import DeskApp


def test_desk_is_a_claimcheck_command():
    result = CliRunner().invoke(cli, ["desk", "--help"])
    assert result.exit_code == 0, result.output
    for option in ("--db", "--reviewer", "--bidi"):
        assert option in result.output


def test_desk_opens_the_store_with_the_given_options(monkeypatch, tmp_path):
    seen = {}
    monkeypatch.setattr(DeskApp, "run", lambda app: seen.update(
        url=app.store.url, reviewer=app.reviewer, bidi=app.bidi_mode))
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    Store(url).close()  # the desk opens a store; only ingest creates one
    result = CliRunner().invoke(cli, ["desk", "--db", url, "--reviewer", "amal", "--bidi", "on"])
    assert result.exit_code == 0, result.output
    assert seen == {"url": url, "reviewer": "amal", "bidi": "on"}


def test_desk_takes_the_group_db_and_the_reviewer_from_the_environment(monkeypatch, tmp_path):
    seen = {}
    monkeypatch.setattr(DeskApp, "run", lambda app: seen.update(url=app.store.url, reviewer=app.reviewer))
    monkeypatch.setenv("CLAIMCHECK_REVIEWER", "noor")
    url = f"sqlite:///{tmp_path / 'group.db'}"
    Store(url).close()
    result = CliRunner().invoke(cli, ["--db", url, "desk", "--bidi", "off"])
    assert result.exit_code == 0, result.output
    assert seen == {"url": url, "reviewer": "noor"}

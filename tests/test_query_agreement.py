"""The commands, the export and the desk's data functions agree on every filter, on a real store
(the fixture articles, and one development article whose outlet metadata holds ``_`` and ``%``),
on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from click.testing import CliRunner
from helpers import SEEDS, ROOT

from claimcheck.analysis.text import normalize
from claimcheck.cli.main import cli
from claimcheck.export.formats import records
from claimcheck.pipeline import ingest_paths
from claimcheck.review import decisions as review
from claimcheck.store import queries
from claimcheck.store.database import Store
from claimcheck.store.queries import ClaimFilter, ConflictFilter

DEV_ARTICLE = ROOT / "fixtures" / "gold" / "dev" / "articles" / "d1-01_shafaq.txt"
ODD_OUTLET = "Shafaq_News 100%"  # a feed's slug: '_' and '%' are characters of the name
ALL = 1_000_000


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp("agree")
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'claimcheck.db'}"
    else:
        server = request.getfixturevalue("pg_server")
        name = f"cc_agree_{os.getpid()}"
        server.admin(f"CREATE DATABASE {name}")
        url = server.url(name)
    extra = folder / "extra"
    extra.mkdir()
    shutil.copy(DEV_ARTICLE, extra / DEV_ARTICLE.name)
    (extra / f"{DEV_ARTICLE.stem}.json").write_text(json.dumps({"outlet": ODD_OUTLET}), encoding="utf-8")
    store = Store(url)
    report = ingest_paths(store, [SEEDS, extra])
    assert not report.errors, report.errors
    yield store
    store.close()
    if request.param != "sqlite":
        server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def cli_json(store, *args: str) -> list[dict]:
    result = CliRunner().invoke(cli, [*args, "--json", "--db", store.url])
    assert result.exit_code == 0, result.output + repr(result.exception)
    return json.loads(result.stdout)


def cli_claims(store, *args: str) -> list[str]:
    return [c["id"] for c in cli_json(store, "claims", *args)]


def cli_conflicts(store, *args: str) -> list[str]:
    return [k["id"] for k in cli_json(store, "conflicts", "--min-confidence", "0", *args)]


def desk_claims(store, **filters) -> list[str]:
    return [r.id for r in queries.claim_page(store, ClaimFilter(**filters), ALL)]


def desk_conflicts(store, **filters) -> list[str]:
    return [r.id for r in queries.conflict_page(store, ConflictFilter(**filters), ALL)]


def exported(store, **filters) -> list[str]:
    return sorted(r["claim_id"] for r in records(store, **filters))


def every_claim(store) -> list[queries.ClaimRecord]:
    return queries.claims(store)


def claims_of_outlet(store, outlet: str) -> list[str]:
    return [c.id for c in every_claim(store) if c.outlet == outlet]


def conflicts_of_outlet(store, outlet: str) -> list[str]:
    outlet_of = {c.id: c.outlet for c in every_claim(store)}
    return [k.id for k in queries.conflicts(store) if outlet in (outlet_of.get(k.claim_a), outlet_of.get(k.claim_b))]


@pytest.mark.parametrize("typed", ["Al Jazeera", "al jazeera", "AL JAZEERA", " al jazeera "])
def test_outlet_filter_is_one_rule_for_claims_conflicts_export_and_desk(store, typed):
    wanted = claims_of_outlet(store, "Al Jazeera")
    assert wanted
    assert cli_claims(store, "--outlet", typed) == desk_claims(store, outlet=typed) == wanted
    assert exported(store, outlet=typed) == sorted(wanted)
    pairs = conflicts_of_outlet(store, "Al Jazeera")
    assert pairs
    assert cli_conflicts(store, "--outlet", typed) == desk_conflicts(store, outlet=typed) == pairs


def test_percent_and_underscore_in_an_outlet_are_characters(store):
    wanted = claims_of_outlet(store, ODD_OUTLET)
    assert wanted, f"{DEV_ARTICLE.name} gave no claims"
    for typed in (ODD_OUTLET, ODD_OUTLET.lower()):
        assert cli_claims(store, "--outlet", typed) == desk_claims(store, outlet=typed) == wanted
        assert cli_conflicts(store, "--outlet", typed) == desk_conflicts(store, outlet=typed) \
            == conflicts_of_outlet(store, ODD_OUTLET)
    # As LIKE wildcards or regex characters each of these would find the outlet (or every outlet).
    for typed in ("Shafaq News 100%", "ShafaqXNews 100%", "Shafaq_News 100", "Shafaq_News%", "%", "_", ".*", "Shafaq.News 100%"):
        assert cli_claims(store, "--outlet", typed) == desk_claims(store, outlet=typed) == [], typed
        assert cli_conflicts(store, "--outlet", typed) == desk_conflicts(store, outlet=typed) == [], typed
        assert exported(store, outlet=typed) == [], typed


@pytest.mark.parametrize("typed", ["%", "_", "%%", "_%_", ".*", "[ا]"])
def test_wildcards_typed_in_text_filters_match_only_themselves(store, typed):
    """No stored speaker, cue or content holds these, so every filter finds nothing."""
    assert not any(typed in f"{c.speaker} {c.speaker_text} {c.cue} {c.content}" for c in every_claim(store))
    assert cli_claims(store, "--speaker", typed) == desk_claims(store, speaker=typed) == []
    assert cli_claims(store, "--cue", typed) == desk_claims(store, cue=typed) == []
    assert desk_claims(store, search=typed) == []


def test_a_regex_character_in_a_search_is_literal(store):
    """'.' is in some contents: it finds those, not every claim."""
    found = desk_claims(store, search=".")
    holding = [c.id for c in every_claim(store) if "." in f"{c.content} {c.speaker} {c.speaker_text} {c.cue}"]
    assert found == holding
    assert len(found) < len(every_claim(store))


SPELLINGS = ["أحمد المسماري", "احمد المسماري", "احمد المسمارى", "أَحْمَد المِسْماري", "إحمد المسمـاري", " احمد المسماري "]


@pytest.mark.parametrize("typed", SPELLINGS)
def test_speaker_filter_folds_hamza_alef_ya_and_diacritics_alike(store, typed):
    wanted = [c.id for c in every_claim(store) if normalize("احمد المسماري") in normalize(f"{c.speaker} {c.speaker_text}")]
    assert wanted
    assert cli_claims(store, "--speaker", typed) == desk_claims(store, speaker=typed) == wanted
    # Filtered in SQL, so the filter pages.
    assert [c.id for c in queries.claims(store, ClaimFilter(speaker=typed), limit=2, offset=1)] == wanted[1:3]
    # The desk's search looks in the content and cue too: it finds at least those claims.
    assert set(wanted) <= set(desk_claims(store, search=typed))
    assert desk_claims(store, search=typed) == desk_claims(store, search=SPELLINGS[0])


def test_cue_filter_folds_alike(store):
    hamza_cues = sorted({c.cue for c in every_claim(store) if c.cue[0] in "أإآ"})
    assert hamza_cues
    for cue in hamza_cues:
        bare = "ا" + cue[1:]
        wanted = [c.id for c in every_claim(store) if normalize(bare) in normalize(c.cue) or c.cue_lemma == bare]
        assert cli_claims(store, "--cue", bare) == desk_claims(store, cue=bare) == wanted, cue


def test_side_filter_ignores_case_alike(store):
    side = next(c.side for c in every_claim(store) if c.side and c.side.upper() != c.side.lower())
    wanted = [c.id for c in every_claim(store) if c.side == side]
    for typed in (side, side.lower(), side.upper()):
        assert cli_claims(store, "--side", typed) == desk_claims(store, side=typed) == wanted
        assert exported(store, side=typed) == sorted(wanted)
    pairs_cli = cli_conflicts(store, "--side", side.lower())
    assert pairs_cli == desk_conflicts(store, side=side) == desk_conflicts(store, side=side.lower())


def _statuses_everywhere(store, ids: list[str]) -> list[dict[str, str]]:
    """Each claim's current status as the review library, one claim's lookup, the desk, the command and the
    export see it."""
    lib = {i: s["status"] for i, s in review.current_status(store, "claim", ids).items()}
    one = {i: queries.claim(store, i).status for i in ids}
    desk = {r.id: r.status for r in queries.claim_page(store, ClaimFilter(ids=tuple(ids)), ALL)}
    command = {c["id"]: c["status"] for c in cli_json(store, "claims") if c["id"] in ids}
    export = {r["claim_id"]: r["status"] for r in records(store, claim_ids=ids)}
    return [lib, one, desk, command, export]


def test_current_status_is_one_rule_everywhere(store):
    a, b, c = [x.id for x in every_claim(store)[:3]]
    steps = [
        ("record", a, "verified", "amina"),
        ("record", a, "disputed", "omar"),
        ("undo", a, None, "omar"),  # back to amina's decision
        ("record", b, "false", "amina"),
        ("undo", b, None, "amina"),  # back to unreviewed
        ("record", c, "needs-context", "amina"),
        ("record", c, "verified", "amina"),
        ("undo", c, None, "amina"),
        ("undo", c, None, "amina"),  # every decision taken back
    ]
    try:
        for action, target, status, who in steps:
            if action == "record":
                review.record(store, "claim", target, status, who)
            else:
                review.undo(store, "claim", target, who)
        views = _statuses_everywhere(store, [a, b, c])
        assert all(v == {a: "verified", b: "unreviewed", c: "unreviewed"} for v in views), views
        for status, wanted in (("verified", [a]), ("unreviewed", None)):
            shown = cli_claims(store, "--status", status)
            assert shown == desk_claims(store, status=status)
            assert queries.claim_counts(store, ClaimFilter())[status] == len(shown)
            if wanted is not None:
                assert shown == wanted
    finally:
        for target in (a, b, c):  # leave the module's store unreviewed for the other tests
            while review.current_status(store, "claim", [target])[target]["status"] != "unreviewed":
                review.record(store, "claim", target, "unreviewed", "cleanup")

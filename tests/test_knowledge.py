"""Data files are checked when read, and a user's file adds, replaces or removes built-in entries by id."""

from __future__ import annotations

from importlib import resources

import pytest

from claimcheck.knowledge import loader as knowledge
from claimcheck.knowledge.loader import KnowledgeError, merged


def builtin(kind: str) -> str:
    return resources.files("claimcheck.data").joinpath(f"{kind}.toml").read_text(encoding="utf-8")


def actors_with(overlay: str) -> dict[str, dict]:
    data = merged("actors", builtin("actors"), [("actors-mine.toml", overlay)])
    return {a["id"]: a for a in data["actor"]}


def test_every_builtin_file_passes_its_own_check():
    for kind in ("actors", "parties", "cues", "events", "places", "outlets", "world", "sides", "chrome", "dates",
                 "grammar", "similarity", "conflict_model"):
        assert merged(kind, builtin(kind), [])


def test_an_unknown_key_names_the_file_and_the_entry():
    with pytest.raises(KnowledgeError, match=r"actors-mine.toml: \[\[actor\]\] entry 1 \(id = 'x'\): unknown key 'sidee'"):
        actors_with('[[actor]]\nid = "x"\nname = "س"\nkind = "person"\naliases = []\nsidee = "LNA"\n')
    with pytest.raises(KnowledgeError, match="actors-mine.toml: unknown key 'actors'"):
        actors_with('[[actors]]\nid = "x"\n')


def test_a_wrong_type_names_the_file_and_the_entry():
    with pytest.raises(KnowledgeError, match=r"entry 1 \(id = 'x'\): 'aliases' is a string, expected a list"):
        actors_with('[[actor]]\nid = "x"\nname = "س"\nkind = "person"\naliases = "س"\n')
    with pytest.raises(KnowledgeError, match="grammar-mine.toml: 'but' is a string, expected a list"):
        merged("grammar", builtin("grammar"), [("grammar-mine.toml", 'but = "لكن"\n')])
    with pytest.raises(KnowledgeError, match="'but' holds something that is not a string"):
        merged("grammar", builtin("grammar"), [("grammar-mine.toml", "but = [1]\n")])


def test_a_duplicate_id_names_the_second_entry():
    entry = '[[actor]]\nid = "x"\nname = "س"\nkind = "person"\naliases = []\n'
    with pytest.raises(KnowledgeError, match=r"entry 2 \(id = 'x'\): a second entry with id = 'x'"):
        actors_with(entry + entry)


def test_an_entry_without_its_id_is_an_error():
    with pytest.raises(KnowledgeError, match=r"\[\[place\]\] entry 1: no 'key'"):
        merged("places", builtin("places"), [("places-mine.toml", '[[place]]\nar = "الخرطوم"\nnames = ["الخرطوم"]\n')])


def test_an_overlay_adds_overrides_and_removes_by_id():
    before = actors_with("")
    some_id, other_id = list(before)[:2]
    after = actors_with(
        f'remove = ["{other_id}"]\n'
        f'[[actor]]\nid = "{some_id}"\nname = "اسم جديد"\nkind = "person"\naliases = ["اسم جديد"]\nside = "GNA"\n'
        '[[actor]]\nid = "new-one"\nname = "شخص جديد"\nkind = "person"\naliases = ["شخص جديد"]\n'
    )
    assert after[some_id]["name"] == "اسم جديد" and after[some_id]["side"] == "GNA"  # replaced, in its place
    assert list(after).index(some_id) == list(before).index(some_id)
    assert "new-one" in after and other_id not in after
    assert len(after) == len(before)


def test_word_lists_are_still_appended():
    data = merged("grammar", builtin("grammar"), [("grammar-mine.toml", 'but = ["بيد أن"]\n')])
    assert data["but"][-1] == "بيد أن" and len(data["but"]) > 1


def test_remove_by_list_and_unknown_ids():
    data = merged("cues", builtin("cues"), [("cues-mine.toml", '[remove]\nverbs = ["قال"]\n')])
    assert "قال" not in {v["lemma"] for v in data["verbs"]}
    with pytest.raises(KnowledgeError, match="cues-mine.toml: remove: no entry 'لا-يوجد' to remove"):
        merged("cues", builtin("cues"), [("cues-mine.toml", 'remove = ["لا-يوجد"]\n')])
    with pytest.raises(KnowledgeError, match="remove: titles has no ids"):
        merged("cues", builtin("cues"), [("cues-mine.toml", '[remove]\ntitles = ["x"]\n')])
    with pytest.raises(KnowledgeError, match="grammar-mine.toml: unknown key 'remove'"):
        merged("grammar", builtin("grammar"), [("grammar-mine.toml", 'remove = ["x"]\n')])


@pytest.fixture
def user_data(tmp_path, monkeypatch):
    """A user's data folder (CLAIMCHECK_DATA_DIR), read afresh: write files into it, then load."""
    monkeypatch.setenv("CLAIMCHECK_DATA_DIR", str(tmp_path))
    knowledge.load.cache_clear()
    yield tmp_path
    monkeypatch.delenv("CLAIMCHECK_DATA_DIR")
    knowledge.load.cache_clear()


def test_a_users_file_is_read_from_the_data_folder(user_data):
    (user_data / "outlets-mine.toml").write_text('[[outlet]]\nname = "Radio Dabanga"\nsignuatures = []\n', encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"outlets-mine.toml: \[\[outlet\]\] entry 1 \(name = 'Radio Dabanga'\): "
                                             r"unknown key 'signuatures'"):
        knowledge.load("outlets")


def test_a_users_file_that_names_no_kind_is_refused(user_data):
    (user_data / "actor-mine.toml").write_text('[[actor]]\nid = "x"\nname = "x"\nkind = "outlet"\n', encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"actor-mine.toml: a data file's name must begin with the kind it "
                                             r"adds to \(actors, .*\), e\.g\. actors-mine\.toml"):
        knowledge.load("actors")


def test_the_cli_names_a_bad_data_file_in_one_line(tmp_path):
    import subprocess
    import sys

    data = tmp_path / "data"
    data.mkdir()
    (data / "actors-mine.toml").write_text('[[actor]]\nid = "x"\nname = "x"\nkind = "outlet"\nfoo = 1\n',
                                          encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("وقال المتحدث إن القوات صدت الهجوم.\n", encoding="utf-8")
    env = {**__import__("os").environ, "CLAIMCHECK_DATA_DIR": str(data), "CLAIMCHECK_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, "-m", "claimcheck", "ingest", str(article)], capture_output=True, text=True,
                          env=env)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"Error: {data / 'actors-mine.toml'}: [[actor]] entry 1 (id = 'x'): unknown key 'foo'; known keys: aliases, id, "
        "kind, local_aliases, local_to, markers, name, not_before, organisation, outlet_aliases, role, side"]

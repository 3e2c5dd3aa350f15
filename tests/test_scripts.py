"""The scripts the README tells a new user to run."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys

from conftest import ROOT


def test_the_test_command_shows_why_tests_were_skipped(tmp_path):
    script = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    (command,) = re.findall(r"^python -m pytest (.*?)\"\$@\"", script, re.M)
    assert "bash scripts/test.sh" in (ROOT / "README.md").read_text(encoding="utf-8")
    (tmp_path / "test_sample.py").write_text(
        "import pytest\n\n\n@pytest.mark.skip(reason='no PostgreSQL server binaries here')\ndef test_a():\n    pass\n",
        encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pytest", *shlex.split(command), "-p", "no:cacheprovider",
                           str(tmp_path / "test_sample.py")], capture_output=True, text=True, cwd=tmp_path)
    assert "SKIPPED [1]" in done.stdout and "no PostgreSQL server binaries here" in done.stdout, done.stdout


def _fit_script():
    import importlib.util

    spec = importlib.util.spec_from_file_location("fit_conflicts", ROOT / "scripts" / "fit_conflicts.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _rows(fit, n_groups: int = 4, per_group: int = 60):
    """Candidate rows of a few story groups: shared words make a conflict likelier everywhere, and in each
    group one more feature goes with the label by chance (a pattern of that story, not of conflicts)."""
    import random

    from claimcheck.conflicts import matching

    rng = random.Random(5)
    local = ["response", "dismissal", "answers", "names_other"]
    rows = []
    for g in range(n_groups):
        for _ in range(per_group):
            label = int(rng.random() < 0.3)
            features = dict.fromkeys(matching.FEATURES, 0.0)
            features["overlap"] = min(1.0, max(0.0, rng.gauss(0.45 if label else 0.3, 0.2)))
            features[local[g % len(local)]] = float(label if rng.random() < 0.8 else rng.random() < 0.3)
            features["side_unknown" if rng.random() < 0.4 else "opposed_sides"] = 1.0
            rows.append(fit.Row("dev", f"g{g}", features, label, 0.0))
    return rows


def test_the_conflict_weights_hold_one_side_feature_at_zero_and_promise_what_unseen_stories_get():
    fit = _fit_script()
    rows = _rows(fit)
    model = fit.fit(rows, C=5.0)
    assert model.weights["opposed_sides"] == 0.0 and model.weights["overlap"] > 0
    # Each story's feature that goes with its labels wins weight; scored on the rows it was fitted on the
    # model looks sure of itself, while a story left out of the fit does not have that feature's help.
    in_sample = dict(fit.calibration([model.probability(r.features) for r in rows], [r.label for r in rows]))
    promised = dict(model.calibration)
    assert in_sample[0.1] > promised[0.1]
    # The promise is what the stories left out got: a group scored by weights fitted on the others.
    held = [r for r in rows if r.group == "g0"]
    others = fit.fit([r for r in rows if r.group != "g0"], C=5.0)
    sure = [r for r in held if others.probability(r.features) >= 0.1]
    assert sure and sum(r.label for r in sure) / len(sure) < in_sample[0.1]


def _gazetteer_script():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_gazetteer_keeps_arabic_spellings_and_gives_a_shared_name_to_the_larger_town():
    script = _gazetteer_script()
    # GeoNames' alternates mix scripts and languages: Kurdish (ە, ێ), Persian (ک, ی), Latin, diacritics.
    assert script.arabic_names(["Erbil", "أربيل", "هەولێر", "اربیل", "إِرْبِيل", "أربيل"]) == ["أربيل", "إربيل"]
    cities = {
        "1": {"name": "Tripoli", "countrycode": "LY", "population": 1150989, "alternatenames": ["طرابلس"]},
        "2": {"name": "Tripoli", "countrycode": "LB", "population": 229398, "alternatenames": ["طرابلس", "طرابلس الشام"]},
        "3": {"name": "Tallinn", "countrycode": "EE", "population": 394024, "alternatenames": ["تالين"]},
    }
    countries = {"EE": {"capital": "Tallinn"}, "LY": {"capital": "Tripoli"}, "LB": {"capital": "Beirut"}}
    assert script.rows(cities, countries) == [
        ("EE", "Tallinn", 394024, ["تالين"], True),
        ("LB", "Tripoli", 229398, ["طرابلس الشام"], False),
        ("LY", "Tripoli", 1150989, ["طرابلس"], True),
    ]

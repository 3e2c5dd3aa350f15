"""The pipeline makes and copies claims by filling their fields (``pipeline._record``, ``_changed``):
what it makes is what the dataclass's own ``__init__`` and ``dataclasses.replace`` make, field for field."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from claimcheck.analysis.analyzer import BuiltinAnalyzer
from claimcheck.ingest import reader as ingest
from claimcheck.models import Claim
from claimcheck.pipeline import analyze_article


def test_claims_of_the_pipeline_are_the_records_init_and_replace_make(seed_paths):
    names = {f.name for f in dataclasses.fields(Claim)}
    checked = 0
    for article in ingest.read(seed_paths):
        for claim in analyze_article(article, BuiltinAnalyzer()):
            assert set(vars(claim)) == names  # every field in the instance, none left to a class default
            made = Claim(**{name: getattr(claim, name) for name in names})
            assert made == claim and repr(made) == repr(claim) and made.id == claim.id
            assert dataclasses.replace(made, outlet="X") == dataclasses.replace(claim, outlet="X")
            assert set(vars(claim.frame)) == {f.name for f in dataclasses.fields(claim.frame)}
            assert pickle.loads(pickle.dumps(claim)) == claim  # as worker processes send them
            with pytest.raises(dataclasses.FrozenInstanceError):
                claim.speaker = "someone else"
            checked += 1
    assert checked > 50

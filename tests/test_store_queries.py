"""The store's read queries (claimcheck/store/queries.py) that the desk pages through, on a real store
built from the fixtures."""

from __future__ import annotations

import re

import pytest
from desk_helpers import desk_store

from claimcheck.analysis.text import normalize
from claimcheck.review import decisions as review
from claimcheck.store import queries
from claimcheck.store.queries import ClaimFilter, ConflictFilter


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store, _ = desk_store(f"sqlite:///{tmp_path_factory.mktemp('q') / 'desk.db'}")
    yield store
    store.close()


def test_conflict_pages_are_ordered_and_complete(store):
    total = store.conflict_count()
    pages = [queries.conflict_page(store, ConflictFilter(), 4, offset) for offset in range(0, total + 4, 4)]
    rows = [r for page in pages for r in page]
    assert [r.id for r in rows] == [c["id"] for c in store.conflicts()]  # same order as the library's
    assert sum(queries.conflict_counts(store, ConflictFilter()).values()) == total


def test_conflict_status_filter_and_counts_follow_the_latest_review(store):
    first = store.conflicts()[0]["id"]
    review.record(store, "conflict", first, "not-a-conflict", "q-tester")
    assert [r.id for r in queries.conflict_page(store, ConflictFilter(status="not-a-conflict"), 50)] == [first]
    assert queries.conflict_counts(store, ConflictFilter())["not-a-conflict"] == 1
    review.undo(store, "conflict", first, "q-tester")  # the undone decision is no longer in force
    assert queries.conflict_page(store, ConflictFilter(status="not-a-conflict"), 50) == []
    assert queries.conflict_counts(store, ConflictFilter()).get("not-a-conflict") is None


def test_conflict_filters_by_outlet_and_side(store):
    rows = queries.conflict_page(store, ConflictFilter(side="LNA"), 100)
    assert rows and all("LNA" in (r.side_a, r.side_b) for r in rows)
    rows = queries.conflict_page(store, ConflictFilter(outlet="Asharq Al-Awsat"), 100)
    assert rows and all("Asharq Al-Awsat" in (r.outlet_a, r.outlet_b) for r in rows)
    ids = queries.conflict_claim_ids(store, ConflictFilter(outlet="Asharq Al-Awsat"))
    assert len(ids) == len(set(ids)) >= 2


def test_claim_pages_cover_every_claim_once(store):
    total = store.claim_count()
    seen = []
    for offset in range(0, total, 25):
        seen += [r.id for r in queries.claim_page(store, ClaimFilter(), 25, offset)]
    assert len(seen) == len(set(seen)) == total
    assert sum(queries.claim_counts(store, ClaimFilter()).values()) == total


@pytest.mark.parametrize("needle", ["أسقطت", "اسقطت", "أَسْقَطَتْ", "اسـقطت"])
def test_search_ignores_hamza_diacritics_and_tatweel(store, needle):
    rows = queries.claim_page(store, ClaimFilter(search=needle), 500)
    assert rows
    assert all("اسقطت" in normalize(r.content + r.speaker) for r in rows)
    assert queries.claim_counts(store, ClaimFilter(search=needle)) == queries.claim_counts(
        store, ClaimFilter(search="اسقطت"))


def test_search_pattern_agrees_with_normalize():
    pattern = re.compile(queries.search_pattern("اسقطت"))
    assert pattern.search("وقال إن قواته أَسْقَطَتْ طائرة")
    assert pattern.search("قواته أسـقطت")
    assert not pattern.search("قواته سقطت")
    for needle, text in [("مصراتة", "في مدينة مصراته"), ("الى", "إلى"), ("TB2", "طراز «tb2 بيرقدار»"), ("١٩", "19")]:
        assert re.search(queries.search_pattern(needle), text), (needle, text)
        assert normalize(needle) in normalize(text)


def test_claim_filters_combine(store):
    rows = queries.claim_page(store, ClaimFilter(side="GNA", outlet="Asharq Al-Awsat"), 500)
    assert rows and all(r.side == "GNA" and r.outlet == "Asharq Al-Awsat" for r in rows)
    assert queries.claim_ids(store, ClaimFilter(side="GNA", outlet="Asharq Al-Awsat")) == [r.id for r in rows]


def test_an_outlet_by_its_first_words(store):
    # a fact-checker types the outlet's short name: "asharq" for Asharq Al-Awsat
    whole = queries.claim_ids(store, ClaimFilter(outlet="Asharq Al-Awsat"))
    assert whole and queries.claim_ids(store, ClaimFilter(outlet="asharq")) == whole
    assert queries.claim_ids(store, ClaimFilter(outlet="awsat")) == []  # not a word in the middle

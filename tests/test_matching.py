"""Matching claims on their content: keys, pointing denials, blocking, features, types, the fitted model,
corroboration. Sentences are quoted from the seed, held-out and development articles (sources named)."""

from __future__ import annotations

import pytest

from claimcheck.config import ConflictSettings
from claimcheck.conflicts import detection as conflicts, corroboration, matching
from claimcheck.events import similarity

from helpers import claims_from_gold, claims_from_text

# Seed 001 (Asharq Al-Awsat, Libya): both sides announce a downed drone.
LNA_DRONE = ("وقال اللواء محمد المنفور إن قواته أسقطت في ساعة متأخرة من مساء أول من أمس، طائرة تركية من طراز «TB2 بيرقدار» "
             "بعد إقلاعها من الكلية الجوية بمصراتة.")
GNA_DRONE = "وقال علي أبو زيان إن قوات «عملية بركان الغضب» تمكنت من إسقاط طائرة مسيرة أغارت على مدينة مصراتة."

# d1-01 (Shafaq News, Syria, 5 January 2026): the ministry's account and the SDF's denial of "what its statement said".
SYRIA = ("وقالت الوزارة إن الاستهداف بطائرة مسيّرة قرب بلدة دير حافر شرق محافظة حلب أسفر عن إصابة ثلاثة جنود وتعرّض آليتين لأضرار.\n"
         "في المقابل، نفت قوات سوريا الديمقراطية (قسد) نفياً قاطعاً ما ورد في بيان وزارة الدفاع.")
SYRIA_LINES = [
    {"id": "m", "cue": "وقالت", "speaker": "وزارة الدفاع السورية", "side": "Syria",
     "content": "الاستهداف بطائرة مسيّرة قرب بلدة دير حافر شرق محافظة حلب أسفر عن إصابة ثلاثة جنود وتعرّض آليتين لأضرار"},
    {"id": "d", "cue": "نفت", "cue_lemma": "نفى", "speaker": "قوات سوريا الديمقراطية", "side": "SDF",
     "content": "ما ورد في بيان وزارة الدفاع", "negated": True},
]

# h01 (Asharq News, Sudan): "وهو ما نفاه الجيش" points at the RSF's announcement in the same sentence.
SUDAN = ("وتضاربت بيانات الجانبين، حيث أعلنت قوات الدعم السريع السيطرة على عدة مطارات وألوية بأنحاء السودان، "
         "وهو ما نفاه الجيش وأكد سيطرته على مدينة نيالا جنوب غرب البلاد.")
SUDAN_LINES = [
    {"id": "r", "cue": "أعلنت", "speaker": "قوات الدعم السريع", "side": "RSF",
     "content": "السيطرة على عدة مطارات وألوية بأنحاء السودان"},
    {"id": "a", "cue": "نفاه", "cue_lemma": "نفى", "speaker": "الجيش السوداني", "side": "SAF", "content": "ما نفاه", "negated": True},
]


def keys_of(text: str, lines: list[dict], **meta):
    claims, _ = claims_from_text(text + "\n", lines, **meta)
    return claims


# --- Content keys -----------------------------------------------------------------------------------------


def test_roots_meet_across_word_forms():
    claims = keys_of(LNA_DRONE + "\n" + GNA_DRONE, [
        {"id": "l", "cue": "وقال", "speaker": "محمد المنفور", "side": "LNA", "content": LNA_DRONE.split(" إن ", 1)[1]},
        {"id": "g", "cue": "وقال", "speaker": "علي أبو زيان", "side": "GNA", "content": GNA_DRONE.split(" إن ", 1)[1]},
    ])
    lna, gna = claims["l"].frame, claims["g"].frame
    assert "سقط" in lna.stems and "سقط" in gna.stems  # أسقطت / إسقاط
    assert "place:Misrata" in lna.entities and "place:Misrata" in gna.entities
    assert "thing:bayraktar" in lna.entities and "thing:drone" in gna.entities
    # A place is a named thing, not a root: مصراتة must not give مصر (Egypt's root).
    assert "مصر" not in gna.stems


def test_countries_come_from_cldr_and_markers_from_the_sentence():
    claims = keys_of(SUDAN, SUDAN_LINES)
    rsf, army = claims["r"].frame, claims["a"].frame
    assert "country:SD" in rsf.entities  # "السودان", CLDR's Arabic name of Sudan
    assert {"denial", "back_reference"} <= set(army.markers)
    assert "denial" not in rsf.markers  # the denial later in the sentence is not the RSF's
    syria = keys_of(SYRIA, SYRIA_LINES)
    assert "response" in syria["d"].frame.markers and "place:Aleppo" in syria["m"].frame.entities


def test_stop_words_and_report_verbs_are_not_keys():
    assert similarity.stem("وقالت") is None and similarity.stem("الذي") is None and similarity.stem("نفت") is None
    assert similarity.stem("الهجمات") == similarity.stem("هاجمت") == "هجم"


# --- Pointing denials -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, lines, denial, denied", [(SYRIA, SYRIA_LINES, "d", "m"), (SUDAN, SUDAN_LINES, "a", "r")],
                         ids=["syria-named-statement", "sudan-same-sentence"])
def test_a_denial_that_points_back_is_resolved_and_flagged(text, lines, denial, denied):
    claims = keys_of(text, lines, published="2026-01-05")
    index = matching.build(list(claims.values()))
    by_id = {it.claim.id: it for it in index.items}
    assert by_id[claims[denial].id].antecedent is by_id[claims[denied].id]
    found = conflicts.detect(list(claims.values()), ConflictSettings(min_confidence=0.0))
    (c,) = [c for c in found if {c.a, c.b} == {claims[denial].id, claims[denied].id}]
    assert c.type == "denial" and "refers back" in c.reason_en and "denies or dismisses" in c.reason_en
    assert "النفي يعود" in c.reason_ar


def test_the_denial_inherits_what_it_denies_and_meets_another_outlets_report():
    # Kurdistan24 (d1-02) carries the ministry's account; Shafaq's pointing denial must meet it across outlets.
    other, _ = claims_from_text(
        "وأعلنت وزارة الدفاع السورية تعرض حاجز قرب بلدة دير حافر شرق محافظة حلب لهجوم بطائرة مسيّرة.\n",
        [{"id": "k", "cue": "وأعلنت", "speaker": "وزارة الدفاع", "side": "Syria",
          "content": "تعرض حاجز قرب بلدة دير حافر شرق محافظة حلب لهجوم بطائرة مسيّرة"}],
        name="k24", outlet="Kurdistan24", published="2026-01-05")
    shafaq, _ = claims_from_text(SYRIA + "\n", SYRIA_LINES, name="shafaq", outlet="Shafaq News", published="2026-01-05")
    index = matching.build([*other.values(), *shafaq.values()])
    ids = {it.claim.id: it.index for it in index.items}
    pair = tuple(sorted((ids[other["k"].id], ids[shafaq["d"].id])))
    assert pair in matching.candidates(index, ConflictSettings())


# --- Blocking ---------------------------------------------------------------------------------------------


def test_common_keys_do_not_block_and_rare_ones_do():
    bs = matching.blocking_settings()
    assert matching.block_cap(100_000, bs) == bs.max_claims and matching.block_cap(5, bs) == 5
    a, _ = claims_from_text(LNA_DRONE + "\n", [{"id": "l", "cue": "وقال", "speaker": "محمد المنفور", "side": "LNA",
                                                "content": LNA_DRONE.split(" إن ", 1)[1]}],
                            name="a", published="2020-06-02")
    b, _ = claims_from_text(GNA_DRONE + "\n", [{"id": "g", "cue": "وقال", "speaker": "علي أبو زيان", "side": "GNA",
                                                "content": GNA_DRONE.split(" إن ", 1)[1]}],
                            name="b", published="2020-06-03")
    index = matching.build([*a.values(), *b.values()])
    assert matching.candidates(index, ConflictSettings()) == {(0, 1)}  # rare keys in a small store: سقط, Misrata
    every_key_common = matching.BlockingSettings(max_share=0.0, max_claims=1, min_claims=1)
    assert matching.candidates(index, ConflictSettings(), every_key_common) == set()
    far = ConflictSettings(window_days=0)  # a day apart with no window: not compared
    assert matching.candidates(index, far) == set()


@pytest.fixture(scope="module")
def dev_claims():
    """The development set's gold claims: 40 articles whose stories link and whose claims corroborate."""
    from conftest import FIXTURES

    return list(claims_from_gold(FIXTURES / "gold" / "dev")[0].values())


def _touching(pairs, wanted: set) -> set:
    return {p for p in pairs if not wanted.isdisjoint(p)}


def test_candidates_of_some_claims_are_those_all_claims_give_them(dev_claims):
    """Asked for the pairs of some claims only (new ones among their stored neighbours), blocking passes over
    the stories and keys without them; their pairs, and their stories' links, are those of a full run."""
    settings = ConflictSettings()
    full = matching.build(dev_claims)
    every = matching.candidates(full, settings)
    assert full.links and len(every) > 1000  # enough for the comparison to mean something
    for article in sorted({c.article_id for c in dev_claims}):
        index = matching.build(dev_claims)
        wanted = {it.index for it in index.items if it.claim.article_id == article}
        some = matching.candidates(index, settings, involving=wanted)
        assert _touching(some, wanted) == _touching(every, wanted)
        assert len(some) < len(every)
        stories = {index.items[i].story for i in wanted}
        assert index.links == {pair: dice for pair, dice in full.links.items() if not stories.isdisjoint(pair)}


def test_corroboration_of_some_claims_is_what_all_claims_give_them(dev_claims):
    every = corroboration.links(dev_claims)
    assert len(every) > 10
    for article in sorted({c.article_id for c in dev_claims}):
        ids = {c.id for c in dev_claims if c.article_id == article}
        assert corroboration.links(dev_claims, involving=ids) == [k for k in every if k.a in ids or k.b in ids]


# --- Types, features, model -------------------------------------------------------------------------------


def test_each_conflict_type_is_a_registered_rule():
    assert list(conflicts.TYPE_RULES) == ["denial", "numeric_mismatch", "framing", "competing_claims"]


def test_the_model_names_every_feature_and_its_confidence_grows_with_the_score():
    model = conflicts.load_model()
    assert set(model.weights) == set(matching.FEATURES)
    assert "fitted on" in model.source or "hand-set" in model.source
    low = {n: 0.0 for n in matching.FEATURES}
    high = {**low, "overlap": 1.0, "same_story": 1.0, "nearby": 1.0, "response": 1.0, "date_close": 1.0}
    assert model.confidence(high) >= model.confidence(low)
    assert model.parts(high) and all(name in matching.FEATURES for name, _ in model.parts(high))


def test_the_score_bound_counts_one_of_two_features_never_both_set(dev_claims):
    """Figures that differ and figures that agree both lifting the score: the bound takes the larger only,
    and it still holds every real pair's score."""
    model = conflicts.Model({"numbers_differ": 1.5, "numbers_agree": 0.5, "overlap": 0.25}, -1.0, ())
    assert model.highest_score() == pytest.approx(-1.0 + 1.5 + 0.25)
    assert model.highest_score({"numbers_differ": 0.0, "numbers_agree": 1.0}) == pytest.approx(-1.0 + 0.5 + 0.25)
    fitted = conflicts.load_model()
    pairs = list(conflicts.scored_pairs(dev_claims))
    assert len(pairs) > 500
    for pair, *_ in pairs:
        score = fitted.bias + sum(fitted.weights[n] * v for n, v in pair.features.items())
        known = {n: v for n, v in pair.features.items() if n not in ("numbers_differ", "numbers_agree")}
        assert fitted.highest_score(known) >= score - 1e-9
        assert fitted.highest_score(pair.features) == pytest.approx(score)


def test_same_side_pairs_are_never_conflicts():
    claims, _ = claims_from_gold()
    found = conflicts.detect(list(claims.values()), ConflictSettings(min_confidence=0.0))
    side = {c.id: c.side for c in claims.values()}
    assert found and not [c for c in found if side[c.a] and side[c.a] == side[c.b]]


# --- Corroboration ----------------------------------------------------------------------------------------


def test_one_statement_carried_by_two_outlets_is_one_group():
    # The SDF's denial as Kurdistan24 (d1-02) and Shafaq News (d1-01) carried it.
    first, _ = claims_from_text(
        "وأكدت قسد عدم وجود أي تحركات أو عمليات عسكرية تابعة لها في محيط بلدة دير حافر خلال اليوم.\n",
        [{"id": "a", "cue": "وأكدت", "speaker": "قوات سوريا الديمقراطية", "side": "SDF",
          "content": "عدم وجود أي تحركات أو عمليات عسكرية تابعة لها في محيط بلدة دير حافر خلال اليوم"}],
        name="shafaq", outlet="Shafaq News", published="2026-01-05")
    second, _ = claims_from_text(
        "وذكر المركز الإعلامي لقسد أن قواته لم تنفذ أي تحركات أو عمليات عسكرية في محيط بلدة دير حافر.\n",
        [{"id": "b", "cue": "وذكر", "speaker": "المركز الإعلامي لقوات سوريا الديمقراطية", "side": "SDF",
          "content": "قواته لم تنفذ أي تحركات أو عمليات عسكرية في محيط بلدة دير حافر", "negated": True}],
        name="k24", outlet="Kurdistan24", published="2026-01-05")
    lna, _ = claims_from_text(LNA_DRONE + "\n", [{"id": "l", "cue": "وقال", "speaker": "محمد المنفور", "side": "LNA",
                                                  "content": LNA_DRONE.split(" إن ", 1)[1]}], name="libya")
    groups = corroboration.groups([*first.values(), *second.values(), *lna.values()])
    assert [g.members for g in groups] == [tuple(sorted((first["a"].id, second["b"].id)))]
    assert groups[0].side == "SDF" and not groups[0].across_sides


def test_a_claim_and_its_denial_never_corroborate():
    claims = keys_of(SUDAN, SUDAN_LINES)
    assert corroboration.groups(list(claims.values())) == []


def test_a_nationality_adjective_is_the_state_it_names():
    # e7 (Iran–Pakistan): "الباكستانية" and "باكستان" are one named thing, not the root "بكس"
    from claimcheck.events.similarity import content_keys
    from claimcheck.ingest.reader import build_article
    from claimcheck.pipeline import analyze_article

    text = "وقالت وزارة الخارجية الباكستانية إن الضربة الإيرانية قتلت طفلين داخل الأراضي الباكستانية."
    claim = analyze_article(build_article(text, "t"))[0]
    keys = content_keys(text, claim)
    assert {"country:PK", "country:IR"} <= set(keys.entities)

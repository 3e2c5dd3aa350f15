"""Conflict detection on real text: the hand-checked gold claims and short written articles.

The gold pairs of fixtures/gold/seeds/conflicts.jsonl must be found, typed and explained; pairs
that are not conflicts (one side repeating itself, different places, different weeks) must not be.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from claimcheck.config import ConflictSettings
from claimcheck.conflicts import detection as conflicts
from claimcheck.store.database import Store

from helpers import claims_from_gold, claims_from_text, gold_conflict_pairs

TYPES = {"competing_claims", "denial", "numeric_mismatch", "framing"}


# The typing and reason tests look at every pair down to this confidence; the figures at the default
# threshold are checked by test_gold_recall_and_precision.
SHOWN = ConflictSettings(min_confidence=0.5)


@pytest.fixture(scope="module")
def gold():
    claims, articles = claims_from_gold()
    found = conflicts.detect(list(claims.values()), SHOWN)
    by_claim = {c.id: gold_id for gold_id, c in claims.items()}
    pairs = {frozenset((by_claim[c.a], by_claim[c.b])): c for c in found}
    return claims, articles, found, pairs


def flagged(found, claims, x, y):
    ids = {claims[x].id, claims[y].id}
    return [c for c in found if {c.a, c.b} == ids]


def test_gold_recall_and_precision(gold):
    claims, _, _, _ = gold
    found = conflicts.detect(list(claims.values()), ConflictSettings())
    by_claim = {c.id: gold_id for gold_id, c in claims.items()}
    pairs = {frozenset((by_claim[c.a], by_claim[c.b])): c for c in found}
    expected = {frozenset((g["a"], g["b"])): g["type"] for g in gold_conflict_pairs()}
    tp = len(pairs.keys() & expected.keys())
    recall, precision = tp / len(expected), tp / max(len(found), 1)
    print(f"\nconflicts on gold claims: P {precision:.3f} R {recall:.3f} (tp {tp}, fp {len(found) - tp}, "
          f"fn {len(expected) - tp}); types right {sum(pairs[p].type == t for p, t in expected.items() if p in pairs)}/{tp}")
    # Close claims of one story are all candidates (the score decides): long many-event stories such as
    # the seeds still give a few false alarms that the event-frame rules alone did not (P 1.0 before).
    assert recall >= 0.9 and precision >= 0.7


@pytest.mark.parametrize("pair", gold_conflict_pairs(), ids=lambda g: f"{g['a']}/{g['b']}")
def test_each_gold_pair_is_found_with_its_type_and_a_reason(gold, pair):
    _, _, _, pairs = gold
    conflict = pairs.get(frozenset((pair["a"], pair["b"])))
    assert conflict is not None, pair["why"]
    assert conflict.type == pair["type"]
    assert conflict.reason_en.startswith("Same event type '") and conflict.reason_ar.startswith("الحدث نفسه «")
    assert 0.0 <= conflict.confidence <= 1.0 and conflict.a < conflict.b


def test_competing_drone_claims_name_event_place_and_sides(gold):
    claims, _, found, _ = gold
    (c,) = flagged(found, claims, "001-02", "001-09")
    assert c.type == "competing_claims"
    assert "'drone shot down'" in c.reason_en and "Misrata" in c.reason_en and "LNA / GNA" in c.reason_en
    assert "إسقاط طائرة مسيرة" in c.reason_ar and "مصراتة" in c.reason_ar


def test_wagner_denial_and_dismissal(gold):
    claims, _, found, _ = gold
    (c,) = flagged(found, claims, "003-22", "003-24")
    assert c.type == "denial" and "Wagner" in c.reason_en and "Russia denies" in c.reason_en
    (c,) = flagged(found, claims, "003-23", "003-26")  # "التكهنات": a dismissal is a denial
    assert c.type == "denial"
    assert not flagged(found, claims, "003-21", "003-24")  # the UN's general warning does not accuse Russia


def test_withdrawal_framing(gold):
    claims, _, found, _ = gold
    (c,) = flagged(found, claims, "003-10", "003-12")
    assert c.type == "framing" and "'withdrawal of military vehicles'" in c.reason_en and "Tripoli" in c.reason_en
    assert "goodwill" in c.reason_en


def test_same_side_repeating_itself_is_not_a_conflict(gold):
    claims, _, found, _ = gold
    assert not flagged(found, claims, "003-01", "003-02")  # GNA, GNA: air defences destroyed at Tarhuna
    assert not flagged(found, claims, "001-02", "001-03")  # LNA, LNA: the drone downed near Misrata
    assert not flagged(found, claims, "003-08", "003-10")  # LNA, LNA: the pull-back and its reason


def test_a_plain_account_on_both_sides_is_not_a_framing(gold):
    claims, _, found, _ = gold
    # both simply report the pull-back: no framing
    assert not [c for c in flagged(found, claims, "003-09", "003-12") if c.type == "framing"]


def test_a_plain_account_on_both_sides_is_not_shown(gold):
    claims, _, _, _ = gold
    shown = conflicts.detect(list(claims.values()), ConflictSettings())
    assert not flagged(shown, claims, "003-09", "003-12")


def test_one_statement_gives_one_flag(gold):
    claims, _, found, _ = gold
    # "قال أبو زيان إن … إسقاط طائرة مسيرة …، موضحا أن الطائرة سقطت …": one statement, one flag against 001-02.
    assert not flagged(found, claims, "001-02", "001-10")


def test_order_of_claims_does_not_matter(gold):
    claims, _, found, _ = gold
    shuffled = list(claims.values())
    random.Random(3).shuffle(shuffled)
    assert conflicts.detect(shuffled, SHOWN) == found


def test_thresholds_come_from_settings(gold):
    claims, _, found, _ = gold
    strict = conflicts.detect(list(claims.values()), ConflictSettings(min_confidence=0.8))
    assert 0 < len(strict) < len(found) and all(c.confidence >= 0.8 for c in strict)
    loose = conflicts.detect(list(claims.values()), ConflictSettings(min_confidence=0.3))
    assert len(loose) > len(found) and any(c.confidence < ConflictSettings().min_confidence for c in loose)


def test_conflicts_from_claims_read_back_from_the_store(gold, sqlite_url):
    claims, articles, found, _ = gold
    store = Store(sqlite_url)
    try:
        for article_id, article in articles.items():
            store.save_article(article, [c for c in claims.values() if c.article_id == article_id], "builtin")
        again = conflicts.detect(store.all_claims(), SHOWN)
    finally:
        store.close()
    assert {(c.a, c.b, c.type) for c in again} == {(c.a, c.b, c.type) for c in found}


# --- Written articles: the kinds the seeds do not show, and pairs that must not conflict ----------------

GNA_DRONE = "قال المتحدث باسم قوات الوفاق محمد قنونو إن الدفاعات الجوية أسقطت طائرة مسيرة تابعة لقوات حفتر فوق {place}."
LNA_DRONE = "وقال المتحدث باسم قوات حفتر أحمد المسماري إن قواته أسقطت طائرة مسيرة تركية فوق {place}."


def two_articles(first: str, second: str, lines_a: list[dict], lines_b: list[dict],
                 date_a: str | None = "2020-06-02", date_b: str | None = "2020-06-02"):
    a, _ = claims_from_text(first + "\n", lines_a, name="a", outlet="Al Jazeera", published=date_a)
    b, _ = claims_from_text(second + "\n", lines_b, name="b", outlet="Asharq Al-Awsat", published=date_b)
    # These examples check how pairs are typed and explained, so they are shown down to a low confidence.
    found = conflicts.detect([*a.values(), *b.values()], ConflictSettings(min_confidence=0.5))
    return found


def drone_lines(place_a: str, place_b: str):
    gna = GNA_DRONE.format(place=place_a)
    lna = LNA_DRONE.format(place=place_b)
    return (gna, lna,
            [{"id": "g", "cue": "قال", "speaker": "محمد قنونو", "side": "GNA", "content": gna.split(" إن ", 1)[1].rstrip(".")}],
            [{"id": "l", "cue": "وقال", "speaker": "أحمد المسماري", "side": "LNA", "content": lna.split(" إن ", 1)[1].rstrip(".")}])


def test_competing_success_across_outlets():
    found = two_articles(*drone_lines("مصراتة", "مدينة مصراتة"))
    assert [c.type for c in found] == ["competing_claims"]
    assert "same day 2020-06-02" in found[0].reason_en


def test_different_places_do_not_conflict():
    assert two_articles(*drone_lines("مصراتة", "سرت")) == []


def test_different_weeks_do_not_conflict():
    assert two_articles(*drone_lines("مصراتة", "مصراتة"), date_a="2020-06-02", date_b="2020-06-12") == []


def test_undated_stories_are_compared_but_less_surely():
    undated = two_articles(*drone_lines("مصراتة", "مصراتة"), date_a=None, date_b=None)
    dated = two_articles(*drone_lines("مصراتة", "مصراتة"))
    assert [c.type for c in undated] == ["competing_claims"]
    assert "both undated" in undated[0].reason_en and undated[0].confidence < dated[0].confidence
    assert two_articles(*drone_lines("مصراتة", "مصراتة"), date_a="2020-06-02", date_b=None) == []


def control_claims(place_a: str, place_b: str):
    """One story: each side says its forces took a place."""
    gna = f"وقال المتحدث باسم قوات الوفاق محمد قنونو إن قواتنا سيطرت على {place_a}."
    lna = f"وقال المتحدث باسم قوات حفتر أحمد المسماري إن قواتنا سيطرت على {place_b}."
    text = gna + "\n" + lna + "\n"
    claims, _ = claims_from_text(text, [
        {"id": "g", "cue": "وقال", "speaker": "محمد قنونو", "side": "GNA", "content": f"قواتنا سيطرت على {place_a}"},
        {"id": "l", "cue": "وقال", "speaker": "أحمد المسماري", "side": "LNA", "content": f"قواتنا سيطرت على {place_b}"},
    ], outlet="Al Jazeera", published="2020-06-02")
    return conflicts.detect(list(claims.values()), ConflictSettings())


def test_both_sides_taking_the_same_place_compete():
    assert [c.type for c in control_claims("مدينة ترهونة", "ترهونة")] == ["competing_claims"]


def test_taking_two_places_or_an_unnamed_one_is_no_dispute():
    # What is taken is a place: a headquarters in one claim and a city in the other are two events.
    assert control_claims("قاعدة الوطية", "مدينة ترهونة") == []
    assert control_claims("مقر القيادة العامة", "مدينة ترهونة") == []
    # A whole country is no place to dispute: "airports across Libya" and "Tarhuna" are two claims.
    assert control_claims("عدة مطارات في أنحاء ليبيا", "مدينة ترهونة") == []


def test_blame_answered_by_an_accusation_in_one_story():
    from test_frames import ALEPPO, ALEPPO_LINES

    claims, _ = claims_from_text(ALEPPO, ALEPPO_LINES, outlet="Masrawy", published="2025-12-22")
    found = conflicts.detect(list(claims.values()), ConflictSettings())
    assert [c.type for c in found] == ["competing_claims"]


def test_accusation_and_negated_denial():
    first = "قال المتحدث باسم قوات الوفاق إن الدفاعات الجوية أسقطت طائرة مسيرة إماراتية تابعة لقوات حفتر فوق ترهونة."
    second = "ونفى أحمد المسماري إسقاط أي طائرة تابعة للجيش الوطني فوق ترهونة، مؤكدا أن قواته لم تفقد أي طائرة."
    found = two_articles(first, second, [
        {"id": "a", "cue": "قال", "speaker": "المتحدث باسم قوات الوفاق", "side": "GNA",
         "content": "الدفاعات الجوية أسقطت طائرة مسيرة إماراتية تابعة لقوات حفتر فوق ترهونة"},
    ], [
        {"id": "d", "cue": "ونفى", "cue_lemma": "نفى", "speaker": "أحمد المسماري", "side": "LNA",
         "content": "إسقاط أي طائرة تابعة للجيش الوطني فوق ترهونة"},
    ])
    assert [c.type for c in found] == ["denial"]
    assert "LNA denies or dismisses what GNA affirms" in found[0].reason_en and "Tarhuna" in found[0].reason_en


def test_numbers_that_disagree():
    first = "قال المتحدث باسم قوات الوفاق إن قصف قوات حفتر على غريان أسفر عن مقتل أربعة مدنيين."
    second = "وقال مسؤول في الهلال الأحمر إن القصف على غريان أسفر عن مقتل تسعة مدنيين."
    lines_a = [{"id": "a", "cue": "قال", "speaker": "المتحدث باسم قوات الوفاق", "side": "GNA",
                "content": "قصف قوات حفتر على غريان أسفر عن مقتل أربعة مدنيين"}]
    lines_b = [{"id": "b", "cue": "وقال", "speaker": "مسؤول في الهلال الأحمر", "side": None,
                "content": "القصف على غريان أسفر عن مقتل تسعة مدنيين"}]
    found = two_articles(first, second, lines_a, lines_b)
    assert [c.type for c in found] == ["numeric_mismatch"]
    assert "4 (GNA) vs 9" in found[0].reason_en and "'killed — people'" in found[0].reason_en
    # The same toll told twice is no conflict; nor is an estimate that covers it.
    same = two_articles(first, second.replace("تسعة", "أربعة"), lines_a,
                        [{**lines_b[0], "content": lines_b[0]["content"].replace("تسعة", "أربعة")}])
    assert same == []
    about = two_articles(first, second.replace("تسعة", "نحو خمسة"), lines_a,
                         [{**lines_b[0], "content": lines_b[0]["content"].replace("تسعة", "نحو خمسة")}])
    assert about == []


def test_tactical_withdrawal_against_retreat_after_losses():
    first = "وقال أحمد المسماري إن قواته نفذت انسحابا تكتيكيا من مدينة ترهونة لإعادة التموضع."
    second = "وقال محمد قنونو إن قوات حفتر فرت من ترهونة بعد تكبدها خسائر فادحة."
    found = two_articles(second, first, [
        {"id": "g", "cue": "وقال", "speaker": "محمد قنونو", "side": "GNA",
         "content": "قوات حفتر فرت من ترهونة بعد تكبدها خسائر فادحة"},
    ], [
        {"id": "l", "cue": "وقال", "speaker": "أحمد المسماري", "side": "LNA",
         "content": "قواته نفذت انسحابا تكتيكيا من مدينة ترهونة لإعادة التموضع"},
    ])
    assert [c.type for c in found] == ["framing"]
    assert "a planned tactical move" in found[0].reason_en and "a retreat after losses" in found[0].reason_en


def test_both_sides_claim_control_of_a_town():
    first = "وأعلنت قوات الوفاق في بيان أن قواتها سيطرت بالكامل على مدينة غريان."
    second = "وقال أحمد المسماري إن قواته صدت هجوما على غريان وكبدت المهاجمين خسائر."
    found = two_articles(first, second, [
        {"id": "g", "cue": "وأعلنت", "speaker": "قوات الوفاق", "side": "GNA",
         "content": "قواتها سيطرت بالكامل على مدينة غريان"},
    ], [
        {"id": "l", "cue": "وقال", "speaker": "أحمد المسماري", "side": "LNA",
         "content": "قواته صدت هجوما على غريان وكبدت المهاجمين خسائر"},
    ])
    assert [c.type for c in found] == ["competing_claims"]
    assert "incompatible versions" in found[0].reason_en and "Gharyan" in found[0].reason_en


def test_each_side_destroying_the_others_vehicles_is_not_a_conflict():
    first = "قال محمد قنونو إن سلاح الجو دمر ثلاث آليات لقوات حفتر في عين زارة."
    second = "وقال أحمد المسماري إن قواته دمرت خمس آليات للميليشيات في عين زارة."
    found = two_articles(first, second, [
        {"id": "g", "cue": "قال", "speaker": "محمد قنونو", "side": "GNA",
         "content": "سلاح الجو دمر ثلاث آليات لقوات حفتر في عين زارة"},
    ], [
        {"id": "l", "cue": "وقال", "speaker": "أحمد المسماري", "side": "LNA",
         "content": "قواته دمرت خمس آليات للميليشيات في عين زارة"},
    ])
    assert found == []


def test_two_tolls_of_different_people_are_not_a_mismatch():
    first = "قال محمد قنونو إن قصف قوات حفتر على أبو سليم أسفر عن مقتل ثلاثة مدنيين."
    second = "وقال أحمد المسماري إن القصف على أبو سليم أسفر عن مقتل عشرة مسلحين."
    found = two_articles(first, second, [
        {"id": "g", "cue": "قال", "speaker": "محمد قنونو", "side": "GNA",
         "content": "قصف قوات حفتر على أبو سليم أسفر عن مقتل ثلاثة مدنيين"},
    ], [
        {"id": "l", "cue": "وقال", "speaker": "أحمد المسماري", "side": "LNA",
         "content": "القصف على أبو سليم أسفر عن مقتل عشرة مسلحين"},
    ])
    assert found == []


def test_two_sides_striking_each_other_is_not_a_conflict():
    first = "قال محمد قنونو إن سلاح الجو استهدف آليات لقوات حفتر جنوب طرابلس."
    second = "وقال أحمد المسماري إن المدفعية استهدفت تمركزات لقوات الوفاق في طرابلس."
    found = two_articles(first, second, [
        {"id": "g", "cue": "قال", "speaker": "محمد قنونو", "side": "GNA",
         "content": "سلاح الجو استهدف آليات لقوات حفتر جنوب طرابلس"},
    ], [
        {"id": "l", "cue": "وقال", "speaker": "أحمد المسماري", "side": "LNA",
         "content": "المدفعية استهدفت تمركزات لقوات الوفاق في طرابلس"},
    ])
    assert found == []


def test_candidate_pairs_grow_about_linearly_when_the_store_grows_over_time(gold):
    claims, _, _, _ = gold
    base = [c for c in claims.values() if c.frame]

    def store(weeks: int):
        out = []
        for week in range(weeks):
            for c in base:
                when = (c.frame.when or date(2021, 1, 4)) + timedelta(weeks=week)
                out.append(replace(c, article_id=f"{c.article_id}-{week}", frame=replace(c.frame, when=when)))
        return out

    settings = ConflictSettings()
    small = conflicts._candidates([i for i in map(conflicts._item, store(10)) if i], settings)
    large = conflicts._candidates([i for i in map(conflicts._item, store(40)) if i], settings)
    # 4x the claims: about 4x the pairs (a little more: claims dated only to a year stay in the window
    # for a year), far from the 16x of comparing every pair.
    assert len(large) < 6 * len(small)


# --- On real articles of other wars (fixtures/gold/heldout) ------------------------------------

def _heldout_claims(name: str):
    from claimcheck.ingest.reader import build_article
    from claimcheck.pipeline import analyze_article
    from tests.conftest import FIXTURES

    text = (FIXTURES / "gold" / "heldout" / "articles" / f"{name}.txt").read_text(encoding="utf-8")
    return analyze_article(build_article(text, name))


def test_each_side_blaming_the_other_is_a_competing_claim():
    from claimcheck.config import ConflictSettings
    from claimcheck.conflicts.detection import detect

    claims = _heldout_claims("h03_masrawy")
    by_id = {c.id: c for c in claims}
    found = detect(claims, SHOWN)
    pairs = {frozenset((by_id[k.a].side, by_id[k.b].side)) for k in found if k.type == "competing_claims"}
    assert frozenset(("SDF", "Syria")) in pairs
    assert any("Aleppo" in k.reason_en for k in found)


def test_a_denial_of_what_was_just_claimed_and_no_denial_within_one_side():
    from claimcheck.config import ConflictSettings
    from claimcheck.conflicts.detection import detect

    sudan = _heldout_claims("h01_asharq-news")
    by_id = {c.id: c for c in sudan}
    denials = [k for k in detect(sudan, SHOWN) if k.type == "denial"]
    assert any({by_id[k.a].side, by_id[k.b].side} == {"RSF", "SAF"} for k in denials)  # "…، وهو ما نفاه الجيش"

    gaza = _heldout_claims("h02_annahar")
    by_id = {c.id: c for c in gaza}
    for k in detect(gaza, ConflictSettings(min_confidence=0.0)):
        assert by_id[k.a].side != by_id[k.b].side  # Hamas's media office adding detail is not a dispute with Hamas


def test_heldout_gold_is_scored():
    from claimcheck.evaluate import evaluate
    from tests.conftest import FIXTURES

    result = evaluate(FIXTURES / "gold" / "heldout")
    assert not result.problems  # every gold line is found in its article
    assert result.cues.tp + result.cues.fn == 21


@pytest.fixture(scope="module")
def dev_claims():
    from tests.conftest import FIXTURES

    claims, _ = claims_from_gold(FIXTURES / "gold" / "dev")
    return claims


@pytest.mark.parametrize("a, b", [
    ("d1-01-01", "d1-02-02"),  # Damascus: an SDF drone hit the Deir Hafer checkpoint / the SDF: no operations there
    ("d3-07-01", "d3-08-03"),  # the TPLF will not surrender / Addis Ababa: the operation in Tigray is over
])
def test_two_outlets_of_one_event_are_compared_though_their_claims_share_no_rare_word(dev_claims, a, b):
    from claimcheck.conflicts import matching

    x, y = dev_claims[a], dev_claims[b]
    index = matching.build(list(dev_claims.values()))
    matching.candidates(index, ConflictSettings())
    assert x.article_id != y.article_id and frozenset(((x.article_id, x.story), (y.article_id, y.story))) in index.links
    scored = {frozenset((p.x.claim.id, p.y.claim.id)) for p, *_ in conflicts.scored_pairs(list(dev_claims.values()))}
    assert frozenset((x.id, y.id)) in scored


def test_stories_of_two_events_are_not_linked(dev_claims):
    from claimcheck.conflicts import matching

    index = matching.build(list(dev_claims.values()))
    matching.candidates(index, ConflictSettings())
    article = {c.article_id: gold_id[:5] for gold_id, c in dev_claims.items()}
    linked = {frozenset(article[s[0]] for s in pair) for pair in index.links}
    assert frozenset(("d1-01", "d1-02")) in linked
    # The Ukrainian airliner over Tehran and al-Shabaab's raid on a Kenyan base: one dev group, two events.
    assert not any(pair & {"d3-02", "d3-03"} and pair & {"d3-04", "d3-05"} for pair in linked)


@pytest.mark.parametrize("gold_id", [
    "d3-05-04",  # the Kenyan army: what the terrorists posted is "خاطئة، وتندرج ضمن دعايتهم"
    "e1-01-05",  # Hamas: the army radio's report on the strike is "كلام فارغ"
])
def test_calling_the_other_account_false_or_empty_talk_is_a_dismissal(dev_claims, gold_id):
    from claimcheck.conflicts import matching
    from claimcheck.events.similarity import DISMISSAL

    items = {it.claim.id: it for it in matching.build(list(dev_claims.values())).items}
    assert DISMISSAL in items[dev_claims[gold_id].id].markers


def test_arabic_reasons_need_no_verb_to_agree_with_a_party(gold):
    # "إريتريا ينفي", "يؤكده بريطانيا": a party is a state (feminine) as often as an army (masculine), so the
    # reason names it after "جانب" instead of making a verb agree with it.
    _, _, found, _ = gold
    denials = [c for c in found if c.type == "denial"]
    assert denials and all("نفي أو تشكيك من جانب" in c.reason_ar for c in denials)
    assert not any(word in c.reason_ar for c in found for word in ("ينفي أو يشكك", "يقدمان"))
    assert all(" فيما يؤكده جانب " in c.reason_ar or " فيما يقوله جانب " in c.reason_ar for c in denials)

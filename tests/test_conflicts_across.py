"""Conflicts between two outlets' stories of one event, on the development gold's real Arabic text.

Two articles telling one attack name its place in one of them only, deny in words unlike the claim
("نفت صحة الأنباء التي وردت في بيان …") and count the dead with different words ("استشهاد خمسة
مواطنين" against "مقتل سبعة مدنيين"). These tests read the claims built straight from the gold lines
(tests/helpers.claims_from_gold), so they check the conflict rules, not attribution.
"""

from __future__ import annotations

import pytest

from claimcheck.config import ConflictSettings
from claimcheck.conflicts import detection, matching
from claimcheck.models import Frame

from helpers import claims_from_gold, claims_from_text


@pytest.fixture(scope="module")
def dev():
    from tests.conftest import FIXTURES

    claims, _ = claims_from_gold(FIXTURES / "gold" / "dev")
    index = matching.build(list(claims.values()))
    matching.candidates(index, ConflictSettings())
    by_claim = {it.claim.id: it for it in index.items}
    return claims, index, {gold_id: by_claim[c.id] for gold_id, c in claims.items() if c.id in by_claim}


@pytest.fixture(scope="module")
def seeds():
    claims, _ = claims_from_gold()
    index = matching.build(list(claims.values()))
    by_claim = {it.claim.id: it for it in index.items}
    return {gold_id: by_claim[c.id] for gold_id, c in claims.items() if c.id in by_claim}


def test_a_denial_opening_the_other_outlets_story_answers_the_claim_it_names(dev):
    # Kurdistan24 opens with the SDF denying "صحة الأنباء التي وردت في بيان صادر عن إدارة الإعلام والاتصال
    # في وزارة الدفاع"; the ministry's statement itself is in Shafaq's story of the same attack.
    _, index, items = dev
    denial = items["d1-02-01"]
    assert matching._points_back(denial) and denial.claim.article_id != items["d1-01-01"].claim.article_id
    answered = denial.antecedent
    assert answered is not None and answered.story != denial.story
    assert "وزارة الدفاع" in answered.claim.speaker and not answered.denies
    pair = matching.features(index, denial, answered, ConflictSettings())
    assert pair.features["answers"] == 1.0


def test_a_stored_denial_answers_the_other_story_when_only_new_claims_are_compared(dev):
    # An update comparing a Gaza article's claims only: Kurdistan24's stored denial still answers the
    # ministry's statement in Shafaq's story, as in a full run, though neither story is new.
    claims, _, items = dev
    full = items["d1-02-01"]
    index = matching.build(list(claims.values()))
    wanted = {it.index for it in index.items if it.claim.article_id == items["d2-04-02"].claim.article_id}
    matching.candidates(index, ConflictSettings(), involving=wanted)
    denial = next(it for it in index.items if it.claim.id == full.claim.id)
    assert denial.antecedent is not None and denial.antecedent.claim.id == full.antecedent.claim.id
    assert denial.keys == full.keys
    # Only the new claims' stories keep their links: those are the pairs the update makes.
    stories = {index.items[i].story for i in wanted}
    assert index.links and all(not stories.isdisjoint(pair) for pair in index.links)


def test_a_denial_with_an_answer_in_its_own_story_keeps_it(dev):
    # Shafaq: the SDF denies "ما ورد في بيان وزارة الدفاع", the ministry's statement just before it.
    _, _, items = dev
    denial = items["d1-01-06"]
    assert denial.antecedent is not None and denial.antecedent.story == denial.story


def test_a_toll_in_other_words_is_a_figure_of_the_same_casualty(dev):
    # "تم استشهاد خمسة مواطنين" (Gaza's health ministry) and "مقتل سبعة مدنيين" (reports from Gaza):
    # the first has no casualty word before its figure, its action says they were killed.
    _, _, items = dev
    five, seven = items["d2-04-02"], items["d2-03-05"]
    assert five.counts["killed:people"][0] == 5 and seven.counts["killed:people"][0] == 7
    assert matching.number_fit(five, seven, ConflictSettings()) == ("killed:people", 5.0, 7.0)


def test_a_count_of_people_without_a_casualty_action_stays_a_count_of_people():
    frame = Frame(action="struck", numbers=((4.0, "people"),))
    assert matching.counts(frame) == {"people": (4.0, "=")}
    killed = Frame(action="killed", numbers=((4.0, "people"), (2.0, "killed:fighters")))
    assert matching.counts(killed) == {"killed:people": (4.0, "="), "killed:fighters": (2.0, "=")}


GNA_DRONE = "قال المتحدث باسم قوات الوفاق محمد قنونو إن الدفاعات الجوية أسقطت طائرة مسيرة تركية الصنع تابعة لقوات حفتر فوق مصراتة."
LNA_DRONE = "وقال المتحدث باسم قوات حفتر أحمد المسماري إن دفاعاته الجوية أسقطت طائرة مسيرة تركية الصنع فوق المدينة."


def drone_claims():
    gna, _ = claims_from_text(GNA_DRONE + "\n", [{"id": "g", "cue": "قال", "speaker": "محمد قنونو", "side": "GNA",
                                                  "content": GNA_DRONE.split(" إن ", 1)[1].rstrip(".")}],
                              name="a", outlet="Al Jazeera", published="2020-06-02")
    lna, _ = claims_from_text(LNA_DRONE + "\n", [{"id": "l", "cue": "وقال", "speaker": "أحمد المسماري", "side": "LNA",
                                                  "content": LNA_DRONE.split(" إن ", 1)[1].rstrip(".")}],
                              name="b", outlet="Asharq Al-Awsat", published="2020-06-02")
    return gna["g"], lna["l"]


def test_event_rules_take_the_place_one_outlet_names_for_the_other_story_of_the_event():
    # Only Tripoli's account names Misrata ("فوق المدينة" in the other outlet): apart, the event-frame rules
    # need a place in both; as two stories of one event, both sides downing the drone over it compete.
    g, l = drone_claims()
    index = matching.build([g, l])
    matching.candidates(index, ConflictSettings())
    x, y = index.items
    assert matching.linked(index, x, y)
    ox, oy = detection._item(g), detection._item(l)
    settings = ConflictSettings()
    assert detection._judge(ox, oy, settings) is None
    events = matching.story_events(index)
    assert events[x.story] == events[y.story]
    ox.event, oy.event = events[x.story], events[y.story]
    found = detection._judge(ox, oy, settings)
    assert found is not None and found.type == "competing_claims"
    assert [c.type for c in detection.detect([g, l], ConflictSettings(min_confidence=0.5))] == ["competing_claims"]


def test_stories_that_are_not_linked_are_not_read_as_one(dev):
    # The Ukrainian airliner over Tehran and al-Shabaab's raid on a Kenyan base: one dev group, two events.
    _, index, items = dev
    assert not matching.linked(index, items["d3-02-01"], items["d3-05-02"])


def test_each_side_telling_of_its_own_strikes_is_marked(seeds):
    # Tripoli, one story: the LNA's "سلاحه الجوي استهدف الموقع الرئيسي لميليشيا «باب تاجوراء»" and the GNA's
    # "سلاح الجو التابع لها نفذ 9 طلعات قتالية": two sides' own sorties, not two versions of one.
    lna, gna = seeds["001-11"], seeds["001-12"]
    assert matching.item_features(lna, gna)["own_moves"] == 1.0


def test_an_accusation_and_its_denial_are_not_own_moves(dev):
    # Damascus says an SDF drone hit its checkpoint (the SDF acted); the SDF denies any link.
    _, _, items = dev
    assert matching.item_features(items["d1-01-01"], items["d1-01-02"])["own_moves"] == 0.0

"""States and parties as speakers: sides by composition (institution + country, capital, seat),
the party lists, and labels that change with the article's date.

Sentences come from the development gold (fixtures/gold/dev) and the seeds: each rule has
witnesses from two different articles, at least one outside Libya."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.ingest.reader import build_article
from claimcheck.pipeline import analyze_article
from claimcheck.speakers.world import regular_nisba, side_on, state_side


def claim(text: str, cue: str, published: str | None = None):
    meta = {"published": published} if published else None
    found = [c for c in analyze_article(build_article(text, "t", meta=meta)) if c.cue_text == cue]
    assert found, f"no claim with cue {cue!r}"
    return found[0]


@pytest.mark.parametrize(
    "sentence, cue, side",
    [
        # an army named with its country's nisba (d3-06, d3-05)
        ("أعلن الجيش الصومالي، الأحد، مقتل 13 مسلحًا من حركة «الشباب» و5 جنود في مواجهات اندلعت عقب هجوم انتحاري جنوب البلاد.",
         "أعلن", "Somalia"),
        ("من جهته، أكد الجيش الكيني انه صد الهجوم.", "أكد", "Kenya"),
        # a government (d3-04)
        ("وقالت الحركة إنها قتلت أكثر من 100 جندي، بينما رفضت الحكومة الكينية إعلان أي عدد للضحايا.", "رفضت", "Kenya"),
        # a ministry's source (d1-05)
        ("وبحسب وسائل إعلام مقربة من الحشد الشعبي، فإن 8 مقاتلين أصيبوا جراء القصف الجوي؛ فيما أكد مصدر في وزارة الداخلية العراقية مقتل شخص ووقوع 8 إصابات.",
         "أكد", "Iraq"),
        # a head of government, role before the name (d3-02)
        ("قال رئيس الوزراء الكندي جاستن ترودو إن المسؤولين الكنديين لديهم معلومات تؤكد أن الطائرة سقطت بفعل صاروخين.",
         "قال", "Canada"),
    ],
)
def test_institution_and_country_compose_a_side(sentence, cue, side):
    assert claim(sentence, cue).side == side


@pytest.mark.parametrize(
    "sentence, cue, side",
    [
        # a capital speaking for its government (d1-05, d2-05)
        ("ونفت واشنطن صلتها بالهجوم على قاعدة الحشد الشعبي.", "ونفت", "US"),
        ("حزب الله يعلن قصف سفينة حربية إسرائيلية، وتل ابيب تنفي", "تنفي", "Israel"),
    ],
)
def test_a_capital_speaks_for_its_state(sentence, cue, side):
    assert claim(sentence, cue).side == side


def test_media_and_bystanders_named_with_a_country_get_no_side():
    # gold-conventions §5: national media and local sources are null (d1-05: media close to the PMF;
    # seeds 003: the Libyan news agency).
    assert state_side("وسائل إعلام عراقية") is None
    assert state_side("وكالة الأنباء الأذربيجانية الرسمية") is None
    assert state_side("سكان في مقديشو") is None
    assert state_side("مراسل الجزيرة في باكو") is None


def test_composition_covers_states_no_actor_list_names():
    assert state_side("وزارة الدفاع الأرمينية") == "Armenia"
    assert state_side("سلاح الجو الأذربيجاني") == "Azerbaijan"
    assert state_side("الرئاسة الأفغانية") == "Afghanistan"
    assert state_side("أديس أبابا") == "Ethiopia"
    assert state_side("الجيش الكونغولي") == "DR Congo"
    assert state_side("حكومة الكونغو الديمقراطية") == "DR Congo"


def test_an_adjective_that_also_means_something_else_needs_its_institution():
    assert state_side("الجيش المالي") == "Mali"
    assert state_side("وزارة المالية") is None  # finance
    assert state_side("الوضع المالي") is None


def test_regular_nisba_from_the_cldr_name():
    assert regular_nisba("إثيوبيا") == "اثيوبي"
    assert regular_nisba("الصومال") == "صومالي"
    assert regular_nisba("رواندا") == "روندي" or regular_nisba("رواندا") == "رواندي"


def test_party_lists_give_non_state_sides():
    # parties.toml: a party no seed names still gets its side (d1-05: the PMF; d3-05: al-Shabaab)
    assert claim("وأعلنت هيئة الحشد الشعبي مقتل أحد عناصرها في الهجوم.", "وأعلنت").side == "PMF"
    assert claim("وقالت حركة الشباب إنها سيطرت على القاعدة.", "وقالت").side == "al-Shabaab"


def test_a_party_label_follows_the_article_date():
    # gold-conventions §5: the Taliban are Afghanistan's government from August 2021.
    assert side_on("Taliban", dt.date(2021, 7, 23)) == "Taliban"
    assert side_on("Taliban", dt.date(2021, 12, 23)) == "Afghanistan"
    assert side_on("Taliban", None) == "Taliban"
    before = claim("وقالت حركة طالبان إنها سيطرت على المعبر.", "وقالت", published="2021-07-10")
    after = claim("وقالت حركة طالبان إنها سيطرت على المعبر.", "وقالت", published="2022-01-10")
    assert (before.side, after.side) == ("Taliban", "Afghanistan")


@pytest.mark.parametrize(
    "sentence, cue, side",
    [
        # e24-03 (the Kyrgyz–Tajik border, 2022): a "-ستان" people's own adjective
        ("وقالت حرس الحدود الطاجيكية إن القوات القرغيزية قصفت مواقعها.", "وقالت", "Tajikistan"),
        ("وأعلن جهاز الأمن القومي القرغيزي حصول تبادل لإطلاق النار على الحدود.", "وأعلن", "Kyrgyzstan"),
    ],
)
def test_the_adjective_of_a_stan_country(sentence, cue, side):
    assert claim(sentence, cue).side == side


@pytest.mark.parametrize(
    "mention, side",
    [
        ("وزارة الخارجية الأوزبكية", "Uzbekistan"),  # CLDR's أوزبكستان, by the same rule
        ("الجيش الباكستاني", "Pakistan"),  # باكستان keeps its whole name: "باك" is no people's
        ("الباكية", None),
    ],
)
def test_stan_adjectives_by_rule(mention, side):
    assert state_side(mention) == side


@pytest.mark.parametrize(
    "mention, side",
    [
        ("تالين", "Estonia"),  # e25-05 (Russian jets over Estonia, 2025): the gazetteer's capital
        ("وارسو", "Poland"),
        ("عمان", "Oman"),  # Oman's name; Amman, Jordan's capital, is written the same and names neither by itself
    ],
)
def test_capitals_from_the_gazetteer(mention, side):
    assert state_side(mention) == side


def test_the_gazetteer_reads_towns_and_capitals():
    from claimcheck.knowledge.loader import gazetteer

    towns = {(t.country, t.name): t for t in gazetteer()}
    assert "أربيل" in towns[("IQ", "Erbil")].arabic and not towns[("IQ", "Erbil")].capital
    assert towns[("KG", "Bishkek")].capital


@pytest.mark.parametrize(
    "sentence, cue, side",
    [
        # a UAE daily on a North Korean launch: a two-word country's adjective is its nisba and its own adjective
        ("أكدت هيئة الأركان المشتركة الكورية الجنوبية أن كوريا الشمالية أطلقت اليوم الجمعة صاروخاً باليستياً.",
         "أكدت", "South Korea"),
        # an Egyptian channel on another launch
        ("أوضحت هيئة الأركان المشتركة للقوات المسلحة الكورية الجنوبية، اليوم الأربعاء، أن كوريا الشمالية أطلقت "
         "صاروخًا باليستيًا تجاه البحر الشرقي.", "أوضحت", "South Korea"),
    ],
)
def test_the_adjective_of_a_two_word_country(sentence, cue, side):
    assert claim(sentence, cue).side == side


def test_a_two_word_adjective_names_its_own_state():
    assert state_side("وزارة الخارجية الكورية الشمالية") == "North Korea"
    assert state_side("القوات الكورية") is None  # North or South: the adjective alone names neither


def test_a_two_word_country_gives_its_institutions_its_two_word_adjective():
    from claimcheck.speakers.world import nationality_adjective

    assert nationality_adjective("North Korea", feminine=True) == "الكورية الشمالية"
    assert nationality_adjective("South Korea", feminine=False) == "الكوري الجنوبي"
    # e26-01 (KCNA relaying the ministry): the state named before it in the sentence completes the body
    said = claim("ونقلت وكالة الأنباء المركزية الكورية الشمالية الرسمية عن وزارة الخارجية قولها \"إن الجنوب أرسل "
                 "طائرات مسيّرة إلى المجال الجوي لبيونغ يانغ\".", "ونقلت")
    assert said.speaker == "وزارة الخارجية الكورية الشمالية" and said.side == "North Korea"
    # a body that already carries the two-word adjective keeps it once
    said = claim("وقالت وزارة الدفاع الكورية الجنوبية إن الطائرات لم تعبر الحدود.", "وقالت")
    assert said.speaker == "وزارة الدفاع الكورية الجنوبية"


def test_a_body_in_a_capital_spelled_as_one_word():
    # e26-05 (Pyongyang written as one word): the seat gives way to the state's adjective
    said = claim("وأشارت وزارة الدفاع في بيونغيانغ إلى أن التحقيقات كشفت أن سيول أرسلت مسيرات.", "وأشارت")
    assert said.speaker == "وزارة الدفاع الكورية الشمالية" and said.side == "North Korea"


@pytest.mark.parametrize(
    "sentence, cue, side",
    [
        # e31-02 (an Egyptian daily on Essequibo, 2025): ج for the "g" of غويانا
        ("وقال قائد جيش جويانا، رئيس الأركان البريجادير جنرال عمر خان إن اثنين من الجنود في حالة حرجة بعد الهجوم.",
         "وقال", "Guyana"),
    ],
)
def test_the_other_spelling_of_a_g(sentence, cue, side):
    assert claim(sentence, cue).side == side


def test_a_g_spelled_with_jim_names_the_same_state():
    # e26-04 (an Egyptian site on the Koreas, 2024) writes بيونج يانج for بيونغ يانغ
    assert state_side("بيونج يانج") == "North Korea"
    assert state_side("جويانا") == state_side("غيانا") == "Guyana"

"""Story dates and time references, resolved against the story's date (never guessed)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from claimcheck.events import dates
from claimcheck.ingest import reader as ingest

WEDNESDAY = date(2020, 5, 20)  # seed 003's date


def resolve(text: str, anchor: date | None = WEDNESDAY):
    return dates.resolve(text, 0, len(text), anchor)


@pytest.mark.parametrize(
    ("text", "expected", "reference"),
    [
        ("وقال المتحدث أمس إن القوات تقدمت", date(2020, 5, 19), "أمس"),
        ("قال أول من أمس إن الطائرة سقطت", date(2020, 5, 18), "أول من أمس"),
        ("قال أول أمس إن الطائرة سقطت", date(2020, 5, 18), "أول أمس"),
        ("أعلن اليوم سحب القوات", date(2020, 5, 20), "اليوم"),
        ("قصفت الطائرات المدينة الليلة الماضية", date(2020, 5, 19), "الليلة الماضية"),
        ("استهدفت المدفعية مساء الخميس مخزن ذخيرة", date(2020, 5, 14), "مساء الخميس"),
        ("بدأ الهجوم صباح الخميس", date(2020, 5, 14), "صباح الخميس"),
        ("اندلعت اشتباكات الخميس الماضي", date(2020, 5, 14), "الخميس الماضي"),
        ("وقع الهجوم فجر الجمعة", date(2020, 5, 15), "فجر الجمعة"),
        ("أسقطت في ساعة متأخرة من مساء أول من أمس طائرة", date(2020, 5, 18), "في ساعة متأخرة من مساء أول من أمس"),
        ("قال إن الاجتماع عقد قبل يومين", date(2020, 5, 18), "قبل يومين"),
        ("وصلت الشحنة قبل ثلاثة أيام", date(2020, 5, 17), "قبل ثلاثة أيام"),
        ("سيعقد الاجتماع يوم الأحد المقبل", date(2020, 5, 24), "يوم الأحد المقبل"),
    ],
)
def test_relative_days_resolve_against_the_story_date(text, expected, reference):
    ref = resolve(text)
    assert ref is not None and ref.text == reference
    assert ref.resolved == expected and ref.anchor == WEDNESDAY
    assert text[ref.start : ref.end] == ref.text


def test_last_week_is_the_monday_that_starts_it_and_covers_seven_days():
    ref = resolve("أكد له الأسبوع الماضي أن القيود سترفع")
    assert ref.text == "الأسبوع الماضي" and ref.resolved == date(2020, 5, 11)
    assert dates.precision(ref.text) == "week" and dates.SPAN_DAYS["week"] == 7


def test_last_month_and_this_year():
    assert resolve("رفضت الهدنة نهاية الشهر الماضي").resolved == date(2020, 4, 1)
    assert dates.precision("الشهر الماضي") == "month"
    assert resolve("منذ بداية هذا العام").resolved == date(2020, 1, 1)


def test_seed_003_day_before_yesterday_monday_is_18_may_2020():
    (path,) = (Path(__file__).parent.parent / "fixtures" / "articles").glob("003_*.txt")
    (article,) = ingest.read([path])
    story = article.stories[0]
    assert story.published == date(2020, 5, 20)
    at = article.text.index("سيطرة قوات حكومة الوفاق أول أمس الاثنين")
    end = article.text.index(".", at)
    ref = dates.resolve(article.text, at, end, story.published)
    assert ref.text == "أول أمس الاثنين"
    assert ref.resolved == date(2020, 5, 18) and ref.resolved.weekday() == 0


def test_a_weekday_that_disagrees_with_the_relative_day_stays_unresolved():
    ref = resolve("قال أمس الجمعة إن القوات انسحبت")  # the 19th was a Tuesday
    assert ref.text == "أمس الجمعة" and ref.resolved is None


def test_without_a_story_date_relative_references_keep_their_text_and_no_date():
    for text, reference in [("قال الثلاثاء إن", "الثلاثاء"), ("أكد الأسبوع الماضي", "الأسبوع الماضي"),
                            ("أفاد فجر اليوم السبت", "فجر اليوم السبت"), ("في السابع من أكتوبر", "السابع من أكتوبر")]:
        ref = resolve(text, None)
        assert ref.text == reference and ref.resolved is None and ref.anchor is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("السبت 16 مايو 2020", date(2020, 5, 16)),
        ("في 20/5/2020", date(2020, 5, 20)),
        ("بتاريخ 2020-05-16", date(2020, 5, 16)),
        ("١٦ مايو ٢٠٢٠", date(2020, 5, 16)),
        ("16 أيار 2020", date(2020, 5, 16)),
        ("23 رمضان 1441 هـ", date(2020, 5, 16)),
        ("23 رمضان 1441", date(2020, 5, 16)),
    ],
)
def test_explicit_and_hijri_dates_need_no_anchor(text, expected):
    ref = resolve(text, None)
    assert ref.resolved == expected and dates.precision(ref.text) == "day"


def test_explicit_weekday_that_contradicts_the_date_is_not_trusted():
    assert resolve("الأحد 16 مايو 2020", None).resolved is None  # 16 May 2020 was a Saturday


def test_months_and_years_on_their_own_are_coarse():
    ref = resolve('في حرب "أكتوبر" 1973', None)
    assert ref.resolved == date(1973, 10, 1) and dates.precision(ref.text) == "month"
    ref = resolve("في عام 1973", None)
    assert ref.resolved == date(1973, 1, 1) and dates.precision(ref.text) == "year"
    assert resolve("في مايو الماضي").resolved == date(2019, 5, 1)  # a May story's "last May" is last year's


def test_a_day_reference_wins_over_a_background_year():
    ref = resolve("قال أمس إن ما جرى عام 1973 لن يتكرر")
    assert ref.text == "أمس" and ref.resolved == date(2020, 5, 19)


def test_day_of_month_without_a_year_is_the_last_one_before_the_story():
    assert resolve("منذ 27 أكتوبر").resolved == date(2019, 10, 27)
    assert resolve("في السابع من أكتوبر").resolved == date(2019, 10, 7)
    assert dates.month_day("السابع من أكتوبر") == (10, 7)


def test_spelling_variants_clitics_and_vowel_marks():
    assert resolve("واول امس الإثنين").resolved == date(2020, 5, 18)
    assert resolve("وصلت بالأمس").text == "الأمس"
    ref = resolve("قالَ أمسِ إنَّ")
    assert ref.text == "أمسِ" and ref.resolved == date(2020, 5, 19)


def test_story_date_from_the_text_with_evidence():
    text = "طرابلس - السبت 16 مايو 2020\nقال المتحدث أمس إن القوات انسحبت."
    found = dates.find_story_date(text, 0, len(text))
    assert found is not None
    value, evidence = found
    assert value == date(2020, 5, 16) and evidence.text == "السبت 16 مايو 2020"
    assert text[evidence.start : evidence.start + len(evidence.text)] == evidence.text
    assert dates.find_story_date("قال أمس إن القوات انسحبت", 0, 25) is None


def test_time_refs_are_listed_in_text_order_with_offsets():
    text = "قال أمس إن الهجوم وقع مساء الخميس الماضي"
    found = dates.find_time_refs(text, 0, len(text))
    assert [text[s:e] for s, e, _ in found] == ["أمس", "مساء الخميس الماضي"]


@pytest.mark.parametrize(
    "text",
    ["اجتمع الوفد في مدينة جنيف", "قال إن يوم عمل طويل ينتظر الفرق", "استمر الحصار شهر كامل في المدينة"],
)
def test_a_lead_word_alone_is_no_reference(text):
    # "في", "يوم" and "شهر" open a reference only in front of a day part, a weekday or a month.
    assert resolve(text) is None


def test_vowel_marks_and_tatweel_keep_their_offsets():
    text = "وقالَ المتحدثُ في صباحِ الخميـسِ إنَّ القوات انسحبت"
    ref = resolve(text)
    assert ref.text == "في صباحِ الخميـسِ" and text[ref.start : ref.end] == ref.text
    assert ref.resolved == date(2020, 5, 14)


def test_a_word_is_folded_without_its_marks_in_one_translation():
    # Vowel marks and tatweel go, letter variants fold, as the pattern's copy of the text has them.
    root = Path(__file__).resolve().parent.parent / "fixtures"
    words = {w for path in root.rglob("*.txt") for w in re.findall(r"\w+|\S+", path.read_text(encoding="utf-8-sig"))}
    words |= {"السَّبْتِ", "هـ", "أمسِ", "٢٠٢٠", "رمضانَ"}
    assert len(words) > 3000
    assert all(dates._fold_word(w) == dates._DIACRITICS.sub("", w).translate(dates._FOLD) for w in words)
    assert dates._fold_word("السَّبْتِ") == "السبت" and dates._fold_word("٢٠٢٠") == "2020"

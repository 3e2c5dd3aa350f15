"""Event frames on real text: the gold claims of the seed articles, and short written articles."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.events import frames
from claimcheck.knowledge import loader as knowledge
from claimcheck.models import Claim, Span

from helpers import claims_from_gold, claims_from_text


@pytest.fixture(scope="module")
def gold():
    claims, _articles = claims_from_gold()
    return claims


def frame_of(content: str, side: str | None = None, outlet: str | None = None, **fields):
    """The frame of a bare claim (content only, no article)."""
    claim = Claim(
        article_id="x", story=0, sentence=Span(0, 0), cue=Span(0, 0), cue_text=fields.pop("cue", "قال"),
        cue_lemma=fields.pop("cue_lemma", "قال"), cue_kind="verb", content=None, content_text=content,
        speaker_text="", speaker=fields.pop("speaker", "متحدث"), side=side, outlet=outlet, **fields,
    )
    return frames.frame_claim(None, claim)


def test_lna_drone_claim(gold):
    f = gold["001-02"].frame  # قواته أسقطت … طائرة تركية من طراز «TB2 بيرقدار» في منطقة طمينة … بمدينة مصراتة
    assert (f.action, f.object, f.agent_side, f.polarity) == ("downed", "bayraktar", "LNA", 1)
    assert f.place == "Tamina"
    vocab = frames.vocabulary()
    assert "Misrata" in vocab.places[f.place].lineage
    assert "drone" in vocab.objects[f.object].lineage


def test_gna_drone_claim(gold):
    f = gold["001-09"].frame  # قوات «عملية بركان الغضب» تمكنت من إسقاط طائرة مسيرة أغارت على مصراتة
    assert (f.action, f.object, f.place, f.agent_side) == ("downed", "drone", "Misrata", "GNA")


def test_place_missing_in_a_confirmation_comes_from_the_sentence_it_confirms(gold):
    # "وقد أكدت شعبة الإعلام الحربي … هذه المعلومات، وقالت إن دفاعاته الجوية أسقطت طائرة مسيرة"
    f = gold["001-03"].frame
    assert (f.action, f.object, f.agent_side) == ("downed", "drone", "LNA")
    assert f.place == "Tamina"


def test_back_reference_takes_the_event_of_the_previous_sentence(gold):
    f = gold["003-10"].frame  # "وبرر المسماري … هذه الخطوة بما وصفها بتوسعة المجال في مساحة طرابلس"
    assert (f.action, f.place, f.agent_side) == ("withdrew", "Tripoli", "LNA")
    f = gold["000-11"].frame  # "… تعمل ليل نهار لإزالة تلك العقبات"
    assert (f.action, f.object) == ("released", "weapons")


def test_intransitive_action_takes_whoever_is_named_as_the_actor(gold):
    f = gold["003-12"].frame  # تم رصد انسحاب لبعض الآليات التابعة لقوات لحفتر من محاور جنوب العاصمة طرابلس
    assert (f.action, f.object, f.place, f.agent_side) == ("withdrew", "vehicles", "Tripoli", "LNA")


def test_passive_success_from_a_spokesman_is_his_sides(gold):
    f = gold["003-01"].frame  # تم تدمير ثلاث منظومات للدفاع الجوي … تابعة لقوات … حفتر في مدينة ترهونة
    assert (f.action, f.object, f.place, f.agent_side, f.target_side) == ("destroyed", "air_defence", "Tarhuna", "GNA", "LNA")
    assert f.numbers == ((3.0, "air_defence"),)
    assert gold["003-02"].frame.object == "pantsir"


def test_when_is_the_resolved_reference_else_the_story_date(gold):
    assert gold["003-01"].frame.when == date(2020, 5, 20)  # no reference: the story's date
    assert gold["003-27"].frame.when == date(2020, 5, 19)  # "أمس الثلاثاء"
    assert gold["001-02"].frame.when is None  # undated story: "مساء أول من أمس" cannot be resolved
    assert gold["001-02"].time.text == "في ساعة متأخرة من مساء أول من أمس"


def test_counts_digits_words_duals_and_durations(gold):
    assert gold["001-12"].frame.numbers == ((9.0, "sorties"),)  # "9 طلعات … خلال الـ48 ساعة": 48 is a duration
    assert (2.0, "tanks") in gold["001-13"].frame.numbers  # "دبابتين"
    assert gold["003-03"].frame.numbers == ((4.0, "killed"), (20.0, "wounded"))  # مقتل أربعة … وإصابة عشرين
    assert gold["000-19"].frame.numbers == ((37000.0, "≥killed"),)  # أكثر من 37 ألف قتيل
    assert gold["002-07"].frame.numbers == ((17.0, "~attacks"),)  # نحو 17 اعتداء


@pytest.mark.parametrize(
    ("content", "numbers"),
    [
        ("قتل ٩ مدنيين في القصف", ((9.0, "killed:people"),)),  # "قتل" before the number says what, the noun who
        ("أصيب ٩ مدنيين", ((9.0, "wounded:people"),)),
        ("قتلت القوات عشرة مسلحين", ((10.0, "killed:fighters"),)),
        ("نقل ٩ مدنيين إلى المستشفى", ((9.0, "people"),)),
        ("سقط عشرات القتلى", ((10.0, "~killed"),)),
        ("أسقطنا طائرتين مسيرتين", ((2.0, "drone"),)),
        ("نفذ سلاح الجو 12 طلعة خلال 24 ساعة", ((12.0, "sorties"),)),
        ("تقدمت القوات مسافة 3 كلم", ()),
        ("مقتل ثلاثة جنود", ((3.0, "killed:fighters"),)),
        ("أعلن مقتل أربعة من قواته", ((4.0, "killed"),)),
        ("وقع الهجوم في عام 2019", ()),
    ],
)
def test_number_forms(content, numbers):
    assert frame_of(content).numbers == numbers


def test_polarity(gold):
    assert gold["003-24"].frame.polarity == -1  # نفت روسيا … أي دور لها
    assert gold["003-26"].frame.polarity == -1  # "التكهنات": a dismissal without a negation
    assert gold["000-14"].frame.polarity == -1  # ونفى … تأخير شحنات الأسلحة
    # "يعتبر من غير المعقول أن تحجب الإدارة الأميركية الأسلحة": the negation is the judgement's, the withholding stands
    assert gold["000-10"].negated and gold["000-10"].frame.polarity == 1
    assert frame_of("لم تسقط أي طائرة فوق مصراتة").polarity == -1
    assert frame_of("لا تزال القوات تسيطر على غريان").polarity == 1


@pytest.mark.parametrize(
    ("content", "place"),
    [
        ("استهدفت الطائرات مواقع بمصراتة", "Misrata"),
        ("سيطرت القوات على قاعدة عقبة بن نافع", "Al-Watiya"),
        ("دخلت القوات للوطية", "Al-Watiya"),
        ("قصفت المدفعية محيط مطار معيتيقة", "Mitiga"),
        ("استهدف القصف الكلية الجوية في مدينة مصراتة", "Misrata air college"),
        ("قصفت الطائرات منطقة نسمة", "Nasma"),
        ("هبت نسمة باردة على المدينة", None),
        ("دخلت القوات بلدتي تيجي وبدر", "Tiji"),
        ("انسحبت القوات من ليبيا", "Libya"),
    ],
)
def test_places_with_clitics_spellings_and_context(content, place):
    assert frame_of(content).place == place


@pytest.mark.parametrize(
    ("content", "speaker_side", "outlet", "agent"),
    [
        ("قوات حفتر قصفت مواقع في غريان", None, None, "LNA"),
        ("مليشيا حفتر استهدفت حيا سكنيا في طرابلس", None, None, "LNA"),
        ("قوات الوفاق أسقطت طائرة مسيرة", None, None, "GNA"),
        ("قوات عملية بركان الغضب دمرت آليات", None, None, "GNA"),
        ("قواته دمرت مخزن ذخيرة", "LNA", None, "LNA"),
        ("سلاح الجو التابع لها نفذ طلعات استهدفت آليات", "GNA", None, "GNA"),
        ("طائرة مسيرة تابعة للجيش الليبي دمرت منظومة دفاع جوي", None, "Al Jazeera", "GNA"),
        ("طائرة مسيرة تابعة للجيش الليبي دمرت منظومة دفاع جوي", None, "Asharq Al-Awsat", "LNA"),
    ],
)
def test_who_acted(content, speaker_side, outlet, agent):
    assert frame_of(content, speaker_side, outlet).agent_side == agent


def test_downing_needs_an_aircraft():
    assert frame_of("قد يؤدي ذلك إلى إسقاط النظام").action is None
    assert frame_of("أسقطت الدفاعات الجوية طائرة").action == "downed"


def test_frame_of_written_article():
    text = (
        "قال المتحدث باسم قوات الوفاق إن قواته أسقطت صباح اليوم طائرتين مسيرتين قرب غريان.\n"
        "ونفى المتحدث باسم قوات حفتر سقوط أي طائرة تابعة لقواته.\n"
    )
    claims, _ = claims_from_text(text, [
        {"id": "a", "cue": "قال", "speaker": "المتحدث باسم قوات الوفاق", "side": "GNA",
         "content": "قواته أسقطت صباح اليوم طائرتين مسيرتين قرب غريان"},
        {"id": "b", "cue": "ونفى", "cue_lemma": "نفى", "speaker": "المتحدث باسم قوات حفتر", "side": "LNA",
         "content": "سقوط أي طائرة تابعة لقواته"},
    ], outlet="Al Jazeera", published="2020-06-02")
    a, b = claims["a"].frame, claims["b"].frame
    assert (a.action, a.object, a.place, a.agent_side, a.when, a.numbers) == (
        "downed", "drone", "Gharyan", "GNA", date(2020, 6, 2), ((2.0, "drone"),))
    assert (b.action, b.polarity) == ("fell", -1)


ALEPPO = (
    "قسد تحمل الجيش مسؤولية اشتباكات حلب\n"
    "وقالت وزارة الدفاع السورية إن قوات قسد هاجمت مواقع كانت تحت سيطرة قوات الأمن في حلب.\n"
)
ALEPPO_LINES = [
    {"id": "blame", "cue": "تحمل", "cue_lemma": "حمل", "speaker": "قوات سوريا الديمقراطية", "side": "SDF",
     "content": "الجيش مسؤولية اشتباكات حلب"},
    {"id": "attack", "cue": "وقالت", "speaker": "وزارة الدفاع السورية", "side": "Syria",
     "content": "قوات قسد هاجمت مواقع كانت تحت سيطرة قوات الأمن في حلب"},
]


def test_positions_under_someones_control_were_not_taken():
    claims, _ = claims_from_text(ALEPPO, ALEPPO_LINES, outlet="Masrawy", published="2025-12-22")
    frame = claims["attack"].frame
    assert (frame.action, frame.agent_side, frame.place) == ("struck", "SDF", "Aleppo")


def test_coming_under_a_sides_control_is_still_a_capture():
    text = "وقال محمد قنونو إن مدينة ترهونة أصبحت تحت سيطرة قواتنا بالكامل.\n"
    claims, _ = claims_from_text(text, [{"id": "c", "cue": "وقال", "speaker": "محمد قنونو", "side": "GNA",
                                         "content": "مدينة ترهونة أصبحت تحت سيطرة قواتنا بالكامل"}])
    assert claims["c"].frame.action == "captured"


def test_a_report_that_is_the_act_itself():
    # "تحمل X مسؤولية Y": holding someone responsible is what the speaker does, beyond the content's words.
    claims, _ = claims_from_text(ALEPPO, ALEPPO_LINES, outlet="Masrawy", published="2025-12-22")
    assert claims["blame"].frame.action == "blamed"
    # Only acts a report can be: "نقل" relays words, it does not supply anything.
    text = "ونقل مراسل الجزيرة عن مصادر عسكرية في قوات حكومة الوفاق أن الوضع هادئ في العاصمة طرابلس.\n"
    relayed, _ = claims_from_text(text, [{"id": "r", "cue": "ونقل", "cue_lemma": "نقل", "speaker": "مصادر عسكرية",
                                          "side": "GNA", "content": "الوضع هادئ في العاصمة طرابلس"}])
    assert relayed["r"].frame.action is None


def test_vocabulary_is_data_a_user_extends(tmp_path, monkeypatch):
    (tmp_path / "events_extra.toml").write_text(
        '[[object]]\nkey = "shahed"\nen = "Shahed drone"\nar = "شاهد"\nparent = "drone"\nwords = ["شاهد-136", "شاهد"]\n',
        encoding="utf-8",
    )
    (tmp_path / "places_extra.toml").write_text(
        '[[place]]\nkey = "Khartoum"\nar = "الخرطوم"\nparent = "Sudan"\nnames = ["الخرطوم"]\n'
        '[[place]]\nkey = "Sudan"\nar = "السودان"\nnames = ["السودان"]\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("CLAIMCHECK_DATA_DIR", str(tmp_path))
    knowledge.load.cache_clear()
    frames.vocabulary.cache_clear()
    frames._analyse.cache_clear()
    try:
        f = frame_of("أسقطت الدفاعات الجوية طائرة شاهد فوق الخرطوم")
        assert (f.action, f.object, f.place) == ("downed", "shahed", "Khartoum")
    finally:
        monkeypatch.delenv("CLAIMCHECK_DATA_DIR")
        knowledge.load.cache_clear()
        frames.vocabulary.cache_clear()
        frames._analyse.cache_clear()


@pytest.mark.parametrize(
    "content, numbers",
    [
        # e36-05 (the Kakhovka dam, 2023): what the toll counts is named after "عدد", the figure after "إلى"
        ("عدد ضحايا الفيضانات الناتجة عن تدمير سد كاخوفكا ارتفع إلى 16", ((16.0, "killed"),)),
        # e33-02 (the Houthis and the US, 2025): the same shape with a longer phrase between
        ("عدد قتلى ضربات أمريكية على ميناء رأس عيسى النفطي ارتفع إلى 74", ((74.0, "killed"),)),
        # e33-01 (the same war, another outlet): the dead and wounded named after their figures
        ("ارتفاع حصيلة الغارات الجوية الأمريكية على منشأة رأس عيسى إلى 58 قتيلا و126 جريحا",
         ((58.0, "killed"), (126.0, "wounded"))),
    ],
)
def test_a_rising_toll_counts_what_it_names(content, numbers):
    assert frame_of(content).numbers == numbers

"""Attribution on one invented sentence per shape of Arabic reported speech (domain.md), and
the seed gold scored by ``claimcheck eval``."""

from __future__ import annotations

import pytest

from claimcheck.ingest.reader import build_article
from claimcheck.pipeline import analyze_article
from tests.conftest import GOLD


def claims_of(text: str, outlet: str | None = None):
    article = build_article(text, "t", meta={"outlet": outlet} if outlet else None)
    return analyze_article(article)


def one(text: str, cue: str, outlet: str | None = None):
    found = [c for c in claims_of(text, outlet) if c.cue_text == cue]
    assert found, f"no claim with cue {cue!r} in {[c.cue_text for c in claims_of(text, outlet)]}"
    return found[0]


def test_verb_speaker_apposition_and_complementizer():
    c = one("وقال العقيد سالم الورفلي، قائد غرفة عمليات سرت بقوات الوفاق، إن قواته صدت هجوما على المدينة.", "وقال")
    assert c.speaker_text == "العقيد سالم الورفلي"
    assert c.role.startswith("قائد غرفة عمليات سرت")
    assert c.content_text == "قواته صدت هجوما على المدينة"
    assert c.side == "GNA"  # the role ties him to the GNA's forces


def test_role_without_commas_and_addressee_outlet():
    c = one("قال محمد قنونو الناطق الرسمي باسم قوات حكومة الوفاق في تصريح لقناة الحرة إن الطيران قصف مواقع جنوب طرابلس.", "قال")
    assert c.speaker == "محمد قنونو" and c.side == "GNA"
    assert c.addressee_outlet == "Alhurra"
    assert c.content_text == "الطيران قصف مواقع جنوب طرابلس"


def test_verbal_noun_content_without_complementizer():
    c = one("وأعلنت القوات التابعة لخليفة حفتر سحب وحداتها من محيط مدينة غريان.", "وأعلنت")
    assert c.speaker == "الجيش الوطني الليبي" and c.side == "LNA"
    assert c.content_text == "سحب وحداتها من محيط مدينة غريان"


def test_source_phrase_before_the_clause():
    c = one("وبحسب مصادر طبية في مستشفى الجلاء قتل ثلاثة مدنيين في القصف.", "وبحسب")
    assert c.speaker_text.startswith("مصادر طبية")
    assert c.content_text == "قتل ثلاثة مدنيين في القصف"


def test_source_phrase_after_the_clause():
    c = one("وأسفرت الغارة عن مقتل خمسة أشخاص، وفق السلطات المحلية.", "وفق")
    assert c.speaker_text == "السلطات المحلية"
    assert c.content_text == "أسفرت الغارة عن مقتل خمسة أشخاص"


def test_participle_continues_the_speaker():
    claims = claims_of("وقال المتحدث باسم الجيش الوطني أحمد المسماري إن الدفاعات أسقطت طائرة، مؤكدا أن قواته تتقدم.")
    cues = [c.cue_text for c in claims]
    assert cues == ["وقال", "مؤكدا"]
    assert claims[1].speaker == claims[0].speaker == "أحمد المسماري"
    assert claims[1].speaker_text == ""
    assert claims[1].content_text == "قواته تتقدم"


@pytest.mark.parametrize(
    "text, speaker",
    [
        # d1-07 (Israeli strikes on Syria, 2024): a verbal noun in the content speaks there, not after it
        ("وأعربت الوزارة عن إدانتها الشديدة للقصف الإسرائيلي الذي استهدف قرى وبلدات في محافظة درعا، مؤكدة أن "
         "“التصعيد الإسرائيلي انتهاك صارخ للسيادة السورية”.", "وزارة الخارجية السورية"),
        # e7-01 (Iran–Pakistan, 2024): the state that condemns inside the content is not who goes on
        ("وأشارت الوزارة إلى أن باكستان تدين بشدة الانتهاك غير المبرر لمجالها الجوي من جانب إيران، مؤكدة أن هذا "
         "الانتهاك لسيادة باكستان غير مقبول.", "وزارة الخارجية الباكستانية"),
    ],
)
def test_a_participle_continues_the_sentences_speaker_not_one_inside_its_content(text, speaker):
    claims = claims_of(f"وقالت {speaker} في بيان إن القصف عدوان.\n\n{text}")  # the ministry named in full before
    assert claims[-1].cue_text == "مؤكدة" and claims[-1].speaker == speaker


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # e17-04 (India–Pakistan, 2025)
        ("وشنت الهند هجمات أطلقت عليها اسم عملية سيندور، في حين نفت باكستان هذه المزاعم، مؤكدة أن القصف ألحق "
         "أضراراً بالمدنيين.", "نفت", "باكستان"),
        # e5-02 (Russia–Ukraine, 2025)
        ('ونفى الرئيس الأوكراني فولوديمير زيلينسكي فوراً هذا الادعاء ووصفه بأنه "مختلق بالكامل".', "ونفى",
         "فولوديمير زيلينسكي"),
        # e16-03 (Kosovo–Serbia, 2023): turning down accusations is a denial too
        ("ورفض رئيس برلمان صربيا فلاديمير أورليش هذه الاتهامات، قائلا إن كورتي يبحث عن سبب.", "ورفض",
         "فلاديمير أورليش"),
    ],
)
def test_a_denial_of_a_claim_named_by_its_noun_is_a_claim(text, cue, speaker):
    c = one(text, cue)
    assert c.speaker == speaker and c.content_text.split()[0] in ("هذه", "هذا")


def test_a_content_that_only_points_elsewhere_is_still_no_claim():
    # gold-conventions §2: "a content that is only in another sentence"
    assert [c.cue_text for c in claims_of("وأكدت الوزارة هذه المعلومات.")] == []
    assert [c.cue_text for c in claims_of("ونفت قوات الدعم السريع ذلك.")] == []


def test_implicit_subject_takes_the_previous_speaker():
    claims = claims_of("قال فائز السراج إن الحكومة لن تفاوض.\nوأضاف أن الحوار ممكن بعد وقف القتال.")
    assert claims[1].cue_text == "وأضاف" and claims[1].speaker == "فائز السراج" and claims[1].speaker_text == ""


def test_short_name_resolves_to_full_name():
    claims = claims_of("قال سالم الورفلي إن الهجوم فشل.\nوقال الورفلي إن قواته صامدة.")
    assert claims[1].speaker == "سالم الورفلي"


def test_statement_speaks_for_its_issuer():
    claims = claims_of("وأشار مكتب منسق الشؤون الإنسانية في بيان إلى أن المستشفيات تضررت.\nوأوضح البيان أن القصف مستمر.")
    assert claims[1].speaker == "مكتب منسق الشؤون الإنسانية" and claims[1].side == "UN"


def test_relayed_source_is_the_speaker():
    c = one("ونقل مراسل الجزيرة عن مصادر عسكرية في قوات حكومة الوفاق أنه تم رصد تحركات جديدة.", "ونقل", outlet="Al Jazeera")
    assert c.speaker_text == "مصادر عسكرية في قوات حكومة الوفاق"
    assert c.relayed_by == "مراسل الجزيرة"
    assert c.side == "GNA"
    c = one("أفاد مراسل الجزيرة -نقلا عن مصادر محلية- بأن الطيران قصف الميناء.", "أفاد", outlet="Al Jazeera")
    assert c.speaker.startswith("مصادر محلية") and c.side is None


def test_nested_report_has_the_outer_speaker():
    claims = claims_of("وقال مصدر دبلوماسي إن الوزير أكد أن المحادثات ستستأنف الأسبوع المقبل.")
    assert [c.cue_text for c in claims] == ["وقال", "أكد"]
    outer, inner = claims
    assert inner.speaker == outer.speaker and inner.nested_in == outer.id
    assert inner.content_text == "المحادثات ستستأنف الأسبوع المقبل"
    assert "الوزير أكد" in outer.content_text


def test_speech_in_a_relative_clause():
    claims = claims_of('ورفضت حكومة الوفاق "الهدنة" التي دعا إليها المشير خليفة حفتر والتي قال إنها "لأسباب إنسانية".')
    by_cue = {c.cue_text: c for c in claims}
    assert by_cue["ورفضت"].content_text == '"الهدنة"'
    assert by_cue["دعا"].speaker == "خليفة حفتر"
    assert by_cue["قال"].speaker == "خليفة حفتر" and by_cue["قال"].direct


def test_denial_and_negation():
    c = one("ونفت وزارة الدفاع التركية إرسال مقاتلين إلى ليبيا.", "ونفت")
    assert c.negated and c.cue_lemma == "نفى" and c.side == "Turkey"
    c = one("وأكد المتحدث أن القوات لم تقصف أي هدف مدني.", "وأكد")
    assert c.negated
    c = one("وقال الوزير إن الوضع لا يزال متوترا.", "وقال")
    assert not c.negated  # "لا يزال" is "still", not a negation


def test_direct_quote():
    c = one("وقال المسماري: «لن نسمح بعودة الميليشيات إلى المدينة».", "وقال")
    assert c.direct and c.content_text == "لن نسمح بعودة الميليشيات إلى المدينة"


def test_narration_and_headlines_are_not_claims():
    assert claims_of("الجيش الوطني يقصف أهدافا في مصراتة\n\nوتشهد محاور القتال هدوءا حذرا منذ الصباح.") == []
    assert claims_of("يأتي ذلك فيما تستمر المواجهات في ضواحي العاصمة.") == []


def test_outlet_specific_alias():
    # Al Jazeera calls the GNA's forces "الجيش الليبي"; other outlets mean Haftar's.
    text = "وأعلن الجيش الليبي السيطرة على قاعدة الوطية."
    assert one(text, "وأعلن", outlet="Al Jazeera").side == "GNA"
    assert one(text, "وأعلن", outlet="Asharq Al-Awsat").side == "LNA"


def test_seed_gold_meets_the_targets():
    from claimcheck.evaluate import evaluate

    result = evaluate(GOLD)
    assert result.cues.tp + result.cues.fn == 91  # every gold line was located in its article
    assert not result.problems
    assert result.cues.f1 >= 0.95
    assert result.speaker.value >= 0.92
    assert result.side.value >= 0.90
    assert result.content_f1 >= 0.85


@pytest.mark.parametrize("flag", [[], ["--json"]])
def test_eval_command(flag):
    from click.testing import CliRunner

    from claimcheck.cli.main import cli

    result = CliRunner().invoke(cli, ["eval", str(GOLD), *flag])
    assert result.exit_code == 0, result.output
    assert ("cue detection" in result.output) != bool(flag)
    assert "speaker" in result.output


def test_dependency_parse_finds_the_subject_border():
    """With no إن/أن and no verbal noun to mark it, only a parse knows where the subject ends."""
    from tests.conftest import stanza_model_dir

    models = stanza_model_dir()
    if models is None:
        pytest.skip("no stanza Arabic models: set CLAIMCHECK_STANZA_DIR to a stanza resources folder")
    from claimcheck.analysis.stanza_analyzer import StanzaAnalyzer

    article = build_article("أعلن المجلس العسكري هدنة لمدة يومين في المدينة.", "t")
    assert analyze_article(article) == []  # the rules alone cannot tell subject from object here
    (claim,) = analyze_article(article, StanzaAnalyzer(models))
    assert claim.speaker_text == "المجلس العسكري"
    assert claim.content_text == "هدنة لمدة يومين في المدينة"


def test_sudan_speakers_roles_and_denials():
    """Sudan's war: role-first names, two-word short names, noun-phrase denials, addressees."""
    text = (
        "قال المتحدث باسم الجيش السوداني العميد نبيل عبد الله إن قوات الدعم السريع شنت هجوما على مدينة الفاشر.\n"
        "وأضاف عبد الله أن الطيران استهدف تجمعات شرق المدينة.\n"
        "ونفت قوات الدعم السريع استهداف المدنيين في المدينة.\n"
        "ودعت المنسقة الأممية للشؤون الإنسانية كليمنتاين نكويتا سلامي الطرفين إلى وقف القتال فورا.\n"
        "وأفادت شبكة أطباء السودان بأن 12 مدنيا قتلوا في القصف."
    )
    by_cue = {c.cue_text: c for c in claims_of(text)}
    said = by_cue["قال"]
    assert (said.speaker, said.role, said.affiliation) == ("نبيل عبد الله", "المتحدث باسم الجيش السوداني", "الجيش السوداني")
    assert by_cue["وأضاف"].speaker == "نبيل عبد الله"  # a two-word short name
    denial = by_cue["ونفت"]
    assert denial.speaker == "قوات الدعم السريع" and denial.negated and denial.content_text == "استهداف المدنيين في المدينة"
    called = by_cue["ودعت"]  # a coordinator's role stays her role (gold-conventions: the name is the speaker)
    assert (called.speaker, called.role) == ("كليمنتاين نكويتا سلامي", "المنسقة الأممية للشؤون الإنسانية")
    assert by_cue["ودعت"].content_text.startswith("الطرفين إلى وقف القتال")
    assert by_cue["وأفادت"].speaker == "شبكة أطباء السودان"
    assert (said.side, denial.side) == ("SAF", "RSF")  # from the actor list
    assert by_cue["وأفادت"].side is None  # a doctors' network: no list names it, so no side


def test_affiliation_is_whole_words():
    c = one("جدد أحمد أبو الغيط، الأمين العام لجامعة الدول العربية، دعوته لوقف فوري للقتال.", "جدد")
    assert c.speaker == "أحمد أبو الغيط"
    assert c.affiliation in (None, "جامعة الدول العربية")
    assert c.content_text.startswith("دعوته")


@pytest.mark.parametrize(
    "sentence, cue, speaker, side",
    [
        # a state's institution speaks as itself, on the state's side
        ("وأكدت وزارة الخارجية الروسية في بيان، الأربعاء، أن موسكو لم ترسل أي قوات إلى ليبيا.", "وأكدت",
         "وزارة الخارجية الروسية", "Russia"),
        # an unnamed spokesman keeps "باسم X"
        ("ونفى الناطق باسم الجيش الإسرائيلي أن تكون قواته قد استهدفت المستشفى.", "ونفى",
         "الناطق باسم الجيش الإسرائيلي", "Israel"),
        # role first, then the name
        ("وحذر الأمين العام للأمم المتحدة أنطونيو غوتيريش من أن الوضع الإنساني في غزة كارثي.", "وحذر",
         "أنطونيو غوتيريش", "UN"),
        # a family name with ال
        ('وقال رئيس الوزراء العراقي محمد شياع السوداني: "لن نسمح بأن يكون العراق ساحة لتصفية الحسابات".', "وقال",
         "محمد شياع السوداني", "Iraq"),
        # a statement speaks for its issuer
        ("وبحسب بيان صادر عن مكتب رئيس الوزراء، فإن الحكومة ستعقد اجتماعا طارئا.", "وبحسب", "مكتب رئيس الوزراء", None),
        # "قوله" after the relayed source is not part of it
        ("ونقلت وكالة الأناضول عن مصدر عسكري قوله إن الجيش استعاد السيطرة على البلدة.", "ونقلت", "مصدر عسكري", None),
    ],
)
def test_common_speaker_shapes(sentence, cue, speaker, side):
    c = one(sentence, cue)
    assert (c.speaker, c.side) == (speaker, side)


def test_outlet_the_source_spoke_to_is_not_the_source():
    c = one("وقالت مصادر طبية لرويترز إن 20 شخصا على الأقل قتلوا في الغارة.", "وقالت")
    assert c.speaker_text == "مصادر طبية" and c.addressee_outlet == "رويترز"
    assert c.content_text == "20 شخصا على الأقل قتلوا في الغارة"


def test_more_shapes_of_wire_copy():
    claims = {c.cue_text: c for c in claims_of(
        "قال مسؤولون أمريكيون لرويترز إن واشنطن ستفرض عقوبات جديدة.\n"
        "وقال بيان للجيش إن قواته دمرت ثلاث منصات صواريخ.\n"
        "أفادت وكالة الأنباء السورية (سانا) بأن الدفاعات الجوية تصدت لصواريخ.\n"
        "واتهم الجيش السوداني قوات الدعم السريع بارتكاب مجازر في الجنينة."
    )}
    assert (claims["قال"].speaker, claims["قال"].side) == ("مسؤولون أمريكيون", "US")  # officials of a nation
    assert claims["وقال"].speaker == "الجيش الأمريكي"  # the statement's issuer, of the state the story names
    assert claims["أفادت"].speaker_text == "وكالة الأنباء السورية (سانا)"
    accused = claims["واتهم"]
    assert accused.speaker == "الجيش السوداني"
    assert accused.content_text == "قوات الدعم السريع بارتكاب مجازر في الجنينة"  # the object stays in the content


def test_a_listener_is_not_part_of_the_speaker():
    claims = claims_of("قال مسؤولون إيرانيون إن الحرب ممكنة.\nوقال المسؤولون لخامنئي إن إيران ستكون مضطرة للرد.")
    assert claims[1].speaker_text == "المسؤولون" and claims[1].speaker == claims[0].speaker
    assert claims[1].side == "Iran"


# --- shapes of the development gold (fixtures/gold/dev): each rule has witnesses from two articles ---


@pytest.mark.parametrize(
    "sentence, cue, speaker, side",
    [
        # d3-01, d3-04, d2-07, d1-06: after لكن/كان/غير أن the subject stands before the cue verb
        ("لكن الرئيس الأميركي، دونالد ترمب، أكد عبر تغريدة له على “تويتر” عدم وقوع أي إصابات في قوات بلاده، مشيراً إلى أن الأمور على ما يرام.",
         "أكد", "دونالد ترمب", "US"),
        ("لكن متحدثا باسم الجيش الكيني نفى سيطرة الحركة على القاعدة، قائلا إن القوات ردعت الهجوم الذي وقع فجر اليوم.",
         "نفى", "متحدث باسم الجيش الكيني", "Kenya"),
        ("وكان أبو عبيدة المتحدث باسم كتائب القسام قد صرح في خطاب متلفز أن القسام تمكنت من أسر الجندي.",
         "صرح", "أبو عبيدة", "Hamas"),
        ("وكان الناطق باسم القائد العام للقوات المسلحة، اللواء يحيى رسول، قال صباح اليوم، إن القيادي قتل خلال المطاردة.",
         "قال", "يحيى رسول", None),
    ],
)
def test_subject_before_the_verb_after_an_opening_particle(sentence, cue, speaker, side):
    c = one(sentence, cue)
    assert (c.speaker, c.side) == (speaker, side)


@pytest.mark.parametrize(
    "sentence, speaker, content",
    [
        # d1-04, d2-05: a denial closing the sentence denies the claim before it
        ("وزارة الدفاع السورية تتهم قوات سوريا الديمقراطية بقتل جنديين والأخيرة تنفي",
         "قوات سوريا الديمقراطية", "قوات سوريا الديمقراطية بقتل جنديين"),
        ("حزب الله يعلن قصف سفينة حربية إسرائيلية، وتل ابيب تنفي", "تل ابيب", "قصف سفينة حربية إسرائيلية"),
    ],
)
def test_a_closing_denial_denies_the_earlier_claim(sentence, speaker, content):
    claims = claims_of(sentence)
    assert [c.cue_text for c in claims][-1] == "تنفي"
    first, denial = claims[0], claims[-1]
    assert first.content_text == content and denial.content_text == content
    assert denial.negated and denial.speaker == speaker and denial.side and denial.side != first.side


@pytest.mark.parametrize(
    "sentence, cue, speaker, content",
    [
        # d2-02, d2-07: a quotation right after the verb (and its subject) is the content
        ("وقال نتنياهو إن قواته ردت. وأضاف نتنياهو “سنقرر الخطوات المستقبلية بشأن الوضع على الحدود اللبنانية بناء على تطورات الموقف”.",
         "وأضاف", "نتنياهو", "سنقرر الخطوات المستقبلية بشأن الوضع على الحدود اللبنانية بناء على تطورات الموقف"),
        ("وأضاف البيان ”الجهود الرامية إلى تحديد هوية الجندي السابع ما زالت جارية”.",
         "وأضاف", "البيان", "الجهود الرامية إلى تحديد هوية الجندي السابع ما زالت جارية"),
    ],
)
def test_quotation_after_the_verb_is_the_content(sentence, cue, speaker, content):
    c = one(sentence, cue)
    assert c.speaker_text == speaker and c.content_text == content and c.direct


@pytest.mark.parametrize(
    "sentence, cue, not_cue",
    [
        # d1-01, d1-04: a verb that describes the statement is not a report of its own
        ("وقالت الوزارة، في بيان ورد لوكالة شفق نيوز، إن الاستهداف يأتي ضمن تصعيد مستمر.", "وقالت", "ورد"),
        ("وجاء في بيان للوزارة أوردته وكالة الأنباء الرسمية (سانا) ان \"قوات قسد استهدفت إحدى نقاط الجيش\".", "وجاء في", "أوردته"),
    ],
)
def test_a_verb_describing_the_statement_is_no_cue(sentence, cue, not_cue):
    cues = [c.cue_text for c in claims_of(sentence)]
    assert cue in cues and not_cue not in cues


@pytest.mark.parametrize(
    "sentence, cue, lemma",
    [
        # d1-06, d1-07: claiming responsibility
        ("تنظيم “الدولة” يتبنى مقتل 12 عنصرًا من “الحشد الشعبي” وآمر فوج في العراق", "يتبنى", "تبنى"),
        ("شن الطيران الحربي الإسرائيلي غارات بعد ساعات من إطلاق صاروخين على مواقع إسرائيلية، تبنتهما مجموعة تطلق على نفسها اسم “كتائب الشهيد محمد الضيف”.",
         "تبنتهما", "تبنى"),
        # d1-01, d1-02: holding responsible, as a participle
        ("وأضاف البيان أن هذه المزاعم تهدف إلى خلق ذرائع، محمّلاً الجهة التي أصدرت البيان كامل المسؤولية عن أي تداعيات.", "محمّلاً", "حمل"),
        ("وأكدت أنها ملتزمة بضبط النفس، محمّلة الجهة التي أصدرت البيان مسؤولية ما قد يترتب على هذه الاتهامات.", "محمّلة", "حمل"),
    ],
)
def test_new_cue_words(sentence, cue, lemma):
    assert one(sentence, cue).cue_lemma == lemma


def test_emphasis_with_a_noun_phrase_and_announce_with_an():
    # d1-02 and seeds 002: شدد على + noun phrase; d3-09 and d2-07: أعلن عن + noun phrase
    c = one("وشددت قوات سوريا الديمقراطية على التزامها بضبط النفس وبالمسارات القائمة.", "وشددت")
    assert c.speaker == "قوات سوريا الديمقراطية" and c.content_text == "التزامها بضبط النفس وبالمسارات القائمة"
    c = one("وأعلن رئيس الوزراء الإثيوبي آبي أحمد عن عمليات عسكرية ضد قادة الحزب الحاكم في منطقة تيغراي.", "وأعلن")
    assert c.speaker == "آبي أحمد" and c.content_text.startswith("عمليات عسكرية")
    c = one("وكانت كتائب عز الدين القسام على لسان متحدث باسمها، أعلنت الأحد عن أسر جندي إسرائيلي في حي التفاح.", "أعلنت")
    assert c.content_text.startswith("أسر جندي")


@pytest.mark.parametrize(
    "sentence, cue, content",
    [
        # d1-01 and d1-02: how the denial was said stands between the speaker and what is denied
        ("في المقابل، نفت قوات سوريا الديمقراطية (قسد) نفياً قاطعاً ما ورد في بيان وزارة الدفاع، معتبرة أن الاتهامات مفبركة.",
         "نفت", "ما ورد في بيان وزارة الدفاع"),
        ("ونفت قوات سوريا الديمقراطية، اليوم الاثنين، بشكل قاطع صحة الأنباء التي وردت في بيان صادر عن الوزارة.",
         "ونفت", "صحة الأنباء التي وردت في بيان صادر عن الوزارة"),
    ],
)
def test_manner_words_before_the_content(sentence, cue, content):
    assert one(sentence, cue).content_text == content


@pytest.mark.parametrize(
    "sentence, cue, lemma, speaker",
    [
        # e1-04 and e1-05: vowing and mourning, two outlets on one attack
        ("توعدت قيادة العمليات المشتركة العراقية، اليوم الجمعة، بالقصاص العادل قريبا من تنظيم داعش الإرهابى.", "توعدت", "توعد",
         "قيادة العمليات المشتركة العراقية"),
        ("نعى وزير الدفاع العراقي؛ “جمعة عناد”، اليوم الجمعة، ضحايا الهجوم الذي طال سرية للجيش العراقي.", "نعى", "نعى", None),
        # e2-04 and e2-03: speaking of, a hedge
        ("وتحدث شهود عن وجود 20 جثة في الموقع فيما قالت «الشباب» إن عدد القتلى 50.", "وتحدث", "تحدث", "شهود"),
        ("ولم تعلن واشنطن عن وقوع أية خسائر، فيما رجح ضابط عراقي لوكالة “رويترز” سقوط إصابات بصفوف قوات بلاده.", "رجح", "رجح",
         "ضابط عراقي"),
    ],
)
def test_vowing_mourning_speaking_of_and_hedging(sentence, cue, lemma, speaker):
    c = one(sentence, cue)
    assert c.cue_lemma == lemma
    if speaker:
        assert c.speaker_text.startswith(speaker)


def test_speaking_to_is_not_speaking_of_and_asides_are_the_journalists():
    # seeds 002: "لمسؤولين إيرانيين تحدثوا للصحيفة"; d1-09 and e2-06: "يذكر أن…" recalls a fact
    cues = [c.cue_lemma for c in claims_of("ووفقا لمسؤولين إيرانيين تحدثوا للصحيفة بشرط عدم الكشف عن هوياتهم، فقد ضغط المسؤولون على المرشد.")]
    assert "تحدث" not in cues
    assert not claims_of("يذكر أن قوات المعارضة تسيطر على محافظة إدلب بالكامل.")
    assert not claims_of("ويُذكر أن رئيس الوزراء الإثيوبي، آبي أحمد، أعلن حالة الطوارئ.")


@pytest.mark.parametrize(
    "sentence, content, direct",
    [
        # issue 14, item 11: content kept as written; the CSV export neutralises formula-like cells
        ("وقال المتحدث إن -5 درجات هي الحرارة المتوقعة.", "-5 درجات هي الحرارة المتوقعة", False),
        ("وقال المتحدث إن @الجيش نشر البيان.", "@الجيش نشر البيان", False),
        ("وقال المتحدث إن =10 هو العدد.", "=10 هو العدد", False),
        # item 12: a quotation that opens with an ellipsis is direct, without a stray closing mark
        ("وقال المتحدث: «…نحن مستعدون للرد».", "…نحن مستعدون للرد", True),
        ('وقال المتحدث: "... نحن مستعدون للرد".', "... نحن مستعدون للرد", True),
    ],
)
def test_content_as_written(sentence, content, direct):
    c = one(sentence, "وقال")
    assert (c.content_text, c.direct) == (content, direct)


@pytest.mark.parametrize(
    "text, cue, speaker_text, content",
    [
        # e1-03: "حركة المقاومة" is one name, not a verb and its object
        ("نفى نائب رئيس حركة المقاومة الإسلامية حماس استشهاد محمد الضيف.", "نفى",
         "نائب رئيس حركة المقاومة الإسلامية حماس", "استشهاد محمد الضيف"),
        # e2-04: "قوة الاتحاد الإفريقي" likewise
        ("وأكدت قوة الاتحاد الإفريقي استعادة السيطرة على البلدة.", "وأكدت",
         "قوة الاتحاد الإفريقي", "استعادة السيطرة على البلدة"),
    ],
)
def test_a_definite_genitive_continues_the_speaker(text, cue, speaker_text, content):
    c = one(text, cue)
    assert (c.speaker_text, c.content_text) == (speaker_text, content)


@pytest.mark.parametrize(
    "text, cue, speaker_text, content",
    [
        # d2-06: "فقدان" is a verbal noun, not ف + a word
        ("هذا وأكدت القناة الثانية للتليفزيون الإسرائيلي فقدان طائرة في غزة.", "وأكدت",
         "القناة الثانية للتليفزيون الإسرائيلي", "فقدان طائرة في غزة"),
        # e2-03: a threat governs its object with بـ
        ("وفي الإطار ذاته، هدد الحرس الثوري بضرب الاحتلال الإسرائيلي.", "هدد", "الحرس الثوري", "ضرب الاحتلال الإسرائيلي"),
    ],
)
def test_the_verbal_noun_object_ends_the_speaker(text, cue, speaker_text, content):
    c = one(text, cue)
    assert (c.speaker_text, c.content_text) == (speaker_text, content)


@pytest.mark.parametrize(
    "text, cue, speaker_text, content",
    [
        # e1-03: the إن inside the quotation belongs to the speaker's words
        ("قال خليل الحية إن الضيف بخير. وأضاف الحية “نقول لنتنياهو إن محمد الضيف يسمعك الآن”.", "وأضاف", "الحية",
         "نقول لنتنياهو إن محمد الضيف يسمعك الآن"),
        # d2-02: a quotation right after the named subject
        ("وأضاف نتنياهو “سنقرر الخطوات المستقبلية بشأن الوضع على الحدود اللبنانية بناء على تطورات الموقف”.", "وأضاف",
         "نتنياهو", "سنقرر الخطوات المستقبلية بشأن الوضع على الحدود اللبنانية بناء على تطورات الموقف"),
    ],
)
def test_a_quotation_after_the_subject_opens_the_content(text, cue, speaker_text, content):
    c = one(text, cue)
    assert (c.speaker_text, c.content_text) == (speaker_text, content)


@pytest.mark.parametrize(
    "text, cue, speaker_text, content",
    [
        # e2-04: "لكن" opens another subject's report with no comma before it
        ("وقال شهود إن حركة «الشباب» استولت على القاعدة ونهبت مخازن الأسلحة لكن قوة الاتحاد الإفريقي أكدت أنها لاتزال تسيطر عليها.",
         "وقال", "شهود", "حركة «الشباب» استولت على القاعدة ونهبت مخازن الأسلحة"),
        ("وقال شهود إن حركة «الشباب» استولت على القاعدة ونهبت مخازن الأسلحة لكن قوة الاتحاد الإفريقي أكدت أنها لاتزال تسيطر عليها.",
         "أكدت", "قوة الاتحاد الإفريقي", "لاتزال تسيطر عليها"),
        # e1-02: "حيث" after a comma does the same
        ("أعلن الجيش الإسرائيلي السبت، استهداف مسؤولين كبيرين في حركة حماس في غارة جنوب قطاع غزة، حيث قالت مصادر فلسطينية إنها استهدفت مخيما للنازحين.",
         "قالت", "مصادر فلسطينية", "استهدفت مخيما للنازحين"),
    ],
)
def test_another_subjects_report_ends_the_content(text, cue, speaker_text, content):
    c = one(text, cue)
    assert (c.speaker_text, c.content_text) == (speaker_text, content)


@pytest.mark.parametrize(
    "text, cue, speaker_text",
    [
        # e2-04 and d3-08: a quoted name right before إن/أن is the subject
        ("وتحدث شهود عن وجود 20 جثة في الموقع فيما قالت «الشباب» إن عدد القتلى 50.", "قالت", "الشباب"),
        ("كما أكد “أبي أحمد” أنّ القوات الاتحادية سيطرت على المطار.", "أكد", "أبي أحمد"),
    ],
)
def test_a_quoted_name_before_the_complementizer_is_the_subject(text, cue, speaker_text):
    assert one(text, cue).speaker_text == speaker_text


def test_quoted_words_before_the_complementizer_are_no_name():
    # seed 000: «من غير المعقول» is the speaker's words
    found = claims_of('وقال نتانياهو إنه يعتبر "من غير المعقول" أن تحجب الإدارة الأميركية الأسلحة عن إسرائيل.')
    assert [c.cue_text for c in found] == ["وقال"]


@pytest.mark.parametrize(
    "text, cue, speaker_text, content",
    [
        # e2-06: a quoted body's name after باسم is part of the speaker, not the start of the content
        ('من جهته، قال ناطق باسم "جبهة تحرير شعب تيغراي" عبر "تويتر" إنّ "مدينة ديسي باتت تحت السيطرة الكاملة لقواتنا".',
         "قال", 'ناطق باسم "جبهة تحرير شعب تيغراي', "مدينة ديسي باتت تحت السيطرة الكاملة لقواتنا"),
        # d2-04: the operation "باسم "الفجر الصادق"" named inside the speaker
        ('وقال قائد العملية المعروفة باسم "الفجر الصادق ضد الجهاد" إن الأهداف دمرت.',
         "وقال", 'قائد العملية المعروفة باسم "الفجر الصادق ضد الجهاد', "الأهداف دمرت"),
    ],
)
def test_a_quoted_name_after_basm_is_no_quotation(text, cue, speaker_text, content):
    c = one(text, cue)
    assert (c.speaker_text, c.content_text) == (speaker_text, content)


def test_a_long_fronted_subject_in_a_headline():
    # e2-06 (the headline's spokesman) and e2-07 ("قوات تيجراي …"): the subject stands before the imperfect verb
    c = one('ناطق باسم "جبهة تحرير شعب تيغراي" يقول إنّ "مدينة ديسي باتت تحت السيطرة الكاملة لقواتنا".', "يقول")
    assert c.side == "TPLF"


@pytest.mark.parametrize(
    "text, cue, content",
    [
        # d3-01: a verb and its participle right after it are one cue (gold-conventions §2: "وتابع محذرا إن…")
        ("وقال ترمب إن كل شيء على ما يرام. وتابع قائلاً: “لدينا الجيش الأكثر قوة والأفضل تجهيزاً في العالم”.",
         "وتابع قائلاً", "لدينا الجيش الأكثر قوة والأفضل تجهيزاً في العالم"),
        ("قال الوزير إن القصف توقف. وتابع محذرا إن أي خرق سيقابل بالرد.", "وتابع محذرا", "أي خرق سيقابل بالرد"),
    ],
)
def test_a_verb_and_its_participle_are_one_cue(text, cue, content):
    c = one(text, cue)
    assert c.content_text == content and c.speaker in ("ترمب", "الوزير")


def test_a_long_role_and_name_before_a_quotation():
    # e1-06: five words of role and name, then the quotation with no إن
    c = one('وتعليقاً على العدوان، قال رئيس الوزراء الإسرائيلي بنيامين نتنياهو "بجهد كبير أحبطنا هجوماً ضد إسرائيل".', "قال")
    assert (c.speaker, c.content_text) == ("بنيامين نتنياهو", "بجهد كبير أحبطنا هجوماً ضد إسرائيل")


def test_a_quoted_outlet_name_before_the_relay_is_no_quotation():
    # d3-03: the agency's quoted name closes before "عن … إن"; e1-03 (above) has its إن inside the quotation
    c = one("ونقلت “وكالة الأنباء الإيرانية الرسمية” عن متحدث باسم وزارة الخارجية “عباس موسوي” قوله الجمعة "
            "إن إيران “دعت أوكرانيا للمشاركة في التحقيقات”.", "ونقلت")
    assert (c.speaker, c.side, c.relayed_by) == ("عباس موسوي", "Iran", "وكالة الأنباء الإيرانية الرسمية")
    assert c.content_text.startswith("إيران")


@pytest.mark.parametrize(
    "text, cue, speaker_text",
    [
        # d2-09: "وفق ما" before any reporting verb is one source phrase
        ("كما أصيب ثلاثة آخرون بجروح جراء الحادث، وفق ما أفادت اليونيفيل ودبلن، الخميس.", "وفق ما أفادت", "اليونيفيل ودبلن"),
        # gold-conventions §3 ("بحسب ما ذكره"), here with a verb the old list lacked
        ("قتل خمسة مدنيين في القصف، بحسب ما أكدته مصادر طبية في المدينة.", "بحسب ما أكدته", "مصادر طبية في المدينة"),
    ],
)
def test_a_source_phrase_before_any_reporting_verb(text, cue, speaker_text):
    assert one(text, cue).speaker_text == speaker_text


def test_what_another_said_is_the_object_of_a_denial():
    # gold-conventions §2 ("نفى ما قاله خصمه": only نفى counts) and d3-06 ("ونفى عبدي صحة ما أوردته الحركة")
    found = claims_of("نفت وزارة الدفاع الأرمينية ما أعلنته باكو عن إسقاط طائرة مسيرة أرمينية فوق كلبجار.")
    assert [(c.cue_text, c.speaker, c.content_text) for c in found] == [
        ("نفت", "وزارة الدفاع الأرمينية", "ما أعلنته باكو عن إسقاط طائرة مسيرة أرمينية فوق كلبجار")]
    # but "وهو ما تنفيه كيغالي" is Kigali's denial of the claim before it (seed 001's "وهو ما نفاه" shape)
    found = claims_of("واتهمت كينشاسا رواندا بدعم المتمردين، وهو ما تنفيه كيغالي.")
    assert [(c.cue_text, c.speaker) for c in found] == [("واتهمت", "كينشاسا"), ("تنفيه", "كيغالي")]


@pytest.mark.parametrize(
    "text, cue, content",
    [
        # e3-02 (India–Pakistan): a participle and its complementizer, with no comma before it
        ('وقال الجيش الباكستاني إن طائرات هندية دخلت باكستان رداً على الضربات مضيفاً أنه تم إسقاط طائرتين وأسر طيار، '
         'بحسب "سكاي نيوز".', "مضيفاً", "تم إسقاط طائرتين وأسر طيار"),
        # arabic.cnn.com, 2024-11-28 (Syria): the participle's own preposition, then أن
        ('أعلنت وزارة الدفاع السورية بأن فصائل المعارضة شنت هجوما واسعا الأربعاء، على عدد من القرى والبلدات والنقاط '
         'العسكرية في ريفي حلب وإدلب مشيرة إلى أنها "تصدت له" ومؤكدة أن الهجوم لا يزال مستمرا.', "مشيرة", "تصدت له"),
    ],
)
def test_a_participle_opening_a_report_ends_the_content_before_it(text, cue, content):
    found = {c.cue_text: c for c in claims_of(text)}
    assert found[cue].content_text == content
    first = next(iter(found.values()))
    assert cue not in first.content_text


@pytest.mark.parametrize(
    "text, speaker, side",
    [
        # e5-01 (Russia–Ukraine)
        ('ولاحقا، اتهم الرئيس الأوكراني فولوديمير زيلينسكي روسيا بمحاولة "تقويض" الجهود الدبلوماسية بين كييف وواشنطن.',
         "فولوديمير زيلينسكي", "Ukraine"),
        # xwebun-news.com, 2023-02-02 (Iran–Israel): a quotation after the object
        ("وفي رسالة إلى الأمين العام للأمم المتحدة، اتهم السفير الإيراني أمير سعيد إيرواني إسرائيل “بمحاولة … لشن "
         "هجوم إرهابي على مجمع” تابع لوزارة الدفاع الإيرانية.", "أمير سعيد إيرواني", "Iran"),
    ],
)
def test_a_state_after_the_accusers_name_is_the_accused(text, speaker, side):
    claim = claims_of(text)[0]
    assert (claim.speaker, claim.side) == (speaker, side)


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # e5-02 (Russia–Ukraine): an adverb and a demonstrative object after the name
        ('ونفى الرئيس الأوكراني فولوديمير زيلينسكي فوراً هذا الادعاء ووصفه بأنه "مختلق بالكامل" من روسيا.',
         "ووصفه", "فولوديمير زيلينسكي"),
        # d1-01 (Syria): an accusative of manner after the name
        ("نفت قوات سوريا الديمقراطية (قسد) نفياً قاطعاً ما ورد في بيان وزارة الدفاع السورية حول استهداف النقطة.",
         "نفت", "قوات سوريا الديمقراطية"),
    ],
)
def test_an_adverb_or_a_demonstrative_ends_the_speaker(text, cue, speaker):
    assert one(text, cue).speaker == speaker


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        # d2-09 (Lebanon): ندد with its preposition glued to the object, an أن further on
        ("ومن جانبها نددت الحكومة اللبنانية بالواقعة مؤكدة أنها لن تمر دون حساب.", "الحكومة اللبنانية", "الواقعة"),
        # e5-04 (Thailand–Cambodia)
        ("من جانبها، نددت وزارة الدفاع الكمبودية الخميس بما وصفته بالعدوان العسكري التايلاندي المتهور والوحشي، "
         "متهمة جارتها بفتح النار على قواتها.", "وزارة الدفاع الكمبودية",
         "ما وصفته بالعدوان العسكري التايلاندي المتهور والوحشي"),
        # e5-01 (Russia–Ukraine)
        ('وندّد زيلينسكي بما اعتبره "كذبا" من جانب روسيا، إزاء استهداف مقر إقامة بوتين.', "زيلينسكي",
         'ما اعتبره "كذبا" من جانب روسيا، إزاء استهداف مقر إقامة بوتين'),
    ],
)
def test_a_condemnation_is_a_claim_about_its_object(text, speaker, content):
    claim = claims_of(text)[0]
    assert claim.cue_lemma == "ندد"
    assert (claim.speaker, claim.content_text) == (speaker, content)


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        # e5-04 (Thailand–Cambodia): the issuer ends at أن, the claim is the quotation after it
        ("وجاء في بيان صادر عن مكتب رئيس الوزراء أن “قذيفة مدفعية كمبودية أصابت منزل مدني تايلاندي، ما أدى إلى "
         "مقتل شخص”.", "مكتب رئيس الوزراء", "قذيفة مدفعية كمبودية أصابت منزل مدني تايلاندي، ما أدى إلى مقتل شخص"),
        # d1-04 (Syria): a verb describing the statement stands between the issuer and أن
        ('وجاء في بيان للوزارة أوردته وكالة الأنباء الرسمية (سانا) ان "قوات قسد استهدفت إحدى نقاط انتشار الجيش '
         'العربي السوري في محيط سد تشرين بصاروخ موجه".', "الوزارة",
         "قوات قسد استهدفت إحدى نقاط انتشار الجيش العربي السوري في محيط سد تشرين بصاروخ موجه"),
    ],
)
def test_a_statement_issued_by_a_body_then_an(text, speaker, content):
    claim = claims_of(text)[0]
    assert (claim.speaker, claim.content_text) == (speaker, content)


@pytest.mark.parametrize(
    "text, cue",
    [
        # d2-05 (Lebanon): withholding a name is no report; the official's words are
        ("وقال المسؤول، الذي رفض الإفصاح عن اسمه لأنه غير مخول بإصدار تصريحات صحفية، إن قوى الأمن اللبنانية في صور "
         "سمعت صوت انفجار في البحر.", "رفض"),
        # e3-05 (India–Pakistan)
        ("وفي تصريح لشبكة “سي إن إن”، أفاد المسؤول الفرنسي (الذي لم يُذكر اسمه) بأن التحقيقات جارية لمعرفة ما إذا "
         "كانت هناك طائرات “رافال” أخرى قد أسقطت.", "يُذكر"),
    ],
)
def test_withholding_a_name_reports_nothing(text, cue):
    assert cue not in [c.cue_text for c in claims_of(text)]


def test_the_report_around_a_withheld_name_is_found():
    # d2-05 (Lebanon)
    text = ("وقال المسؤول، الذي رفض الإفصاح عن اسمه لأنه غير مخول بإصدار تصريحات صحفية، إن قوى الأمن اللبنانية في صور "
            "سمعت صوت انفجار في البحر.")
    assert one(text, "وقال").content_text.startswith("قوى الأمن اللبنانية")


@pytest.mark.parametrize(
    "text",
    [
        # e3-02 and e3-03 (India–Pakistan, two outlets): "which is considered"
        "وكانت الطائرات الباكستانية تسللت إلى قطاع بيمبر جالي-نوشيرا عند خط المراقبة، وهو خط وقف إطلاق النار الذي يعتبر "
        "الحدود الفعلية في منطقة كشمير المتنازع عليها.",
        # e2-03 (Iran–US): a negated report with no clause says nothing was said
        "ولم تعلن واشنطن عن وقوع أية خسائر في صفوف قواتها.",
        # e5-03 (Russia–Ukraine)
        "ولم تؤكد كييف التقدم الروسي كما لم يؤكده المراقبون العسكريون.",
    ],
)
def test_no_report_in_a_passive_or_negated_statement(text):
    assert claims_of(text) == []


def test_asking_not_to_be_named_is_not_part_of_the_speaker():
    # e3-04 (India–Pakistan)
    text = ("وفيما لم ترد شركة “داسو أفياسيون”، المصنّعة لطائرات “رافال”، على طلبات التعليق، أقرّ مصدر أمني هندي – طلب "
            "عدم كشف هويته – بوقوع خسائر عسكرية دون تحديد نوع الطائرات.")
    assert [c.speaker for c in claims_of(text)] == ["مصدر أمني هندي"]


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        # e4-02 (Yemen): a verbal noun in construct with its speaker, then a verbal-noun content
        ("وجاء إعلان الحوثيين استهداف حاملة الطائرات الأمريكية مع الإعلان عن انهاء انتشارها في البحر الأحمر.",
         "إعلان", "جماعة الحوثي", "استهداف حاملة الطائرات الأمريكية"),
        # e1-07 (Lebanon): the pronoun of the verbal noun is the sentence's speaker
        ("أعلن حزب الله اللبناني الأحد تدمير آلية عسكرية تابعة للاحتلال في منطقة أفيفيم قرب الحدود الجنوبية للبنان، "
         "مشيراً إلى سقوط قتلى وجرحى، وذلك بعد أسبوع من اتهامه الاحتلال بشن هجوم بطائرتين مسيرتين في معقله قرب بيروت "
         "وقتل اثنين من عناصره في غارة في سوريا.", "اتهامه", "حزب الله", "الاحتلال بشن هجوم"),
    ],
)
def test_a_verbal_noun_heads_a_report(text, cue, speaker, content):
    claim = one(text, cue)
    assert claim.speaker == speaker and claim.cue_kind == "noun"
    assert claim.content_text.startswith(content)


@pytest.mark.parametrize(
    "text",
    [
        "وبعد إعلان وقف إطلاق النار عادت الحياة إلى المدينة.",  # no one is named as speaking
        "وعادت الحياة إلى المدينة بعد الإعلان عن الهدنة.",  # the definite noun is no construct
        "وناقش المجلس إعلان الحكومة الجديدة.",  # a party, but nothing said after it
    ],
)
def test_a_verbal_noun_without_speaker_and_content_reports_nothing(text):
    assert claims_of(text) == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        # e6-01 and e6-02 (Nigeria, two outlets): "تنظيم" has the shape of a verbal noun, but it opens a
        # known party's name: the subject, not the content
        ("أعلن تنظيم الدولة الإسلامية (داعش) في غرب إفريقيا أنه قتل اللواء النيجيري دامبو محمد أوبا.", "ISIS"),
        ("أعلن تنظيم الدولة الإسلامية في غرب إفريقيا الاثنين أنه قتل لواء نيجيريّا يقود القتال ضد الجماعات "
         "المسلحة في منطقة بحيرة تشاد المضطربة.", "ISIS"),
    ],
)
def test_a_party_whose_name_looks_like_a_verbal_noun_is_the_subject(text, speaker):
    claim = one(text, "أعلن")
    assert claim.side == speaker and claim.speaker_text.startswith("تنظيم الدولة الإسلامية")
    assert claim.content_text.startswith("قتل")


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # e7-02 (Iran–Pakistan): a state's name is no one's surname, however it was written before
        ("واعتبرت الخارجية الباكستانية أن القصف داخل أراضيها هو عمل غير قانوني وباكستان تحتفظ بحق الرد. "
         "ونددت باكستان بالضربة التي وقعت قرب الحدود المشتركة بين البلدين.", "ونددت", "باكستان"),
        # e7-04 (Iran–Pakistan, another outlet)
        ("أعلنت محافظة سيستان وبلوشستان الإيرانية مقتل 7 أشخاص في الهجوم الصاروخي الذي نفذته باكستان على قرية. "
         "وصباح الخميس، أعلنت باكستان تنفيذ ضربات عسكرية \"دقيقة\" ضد مخابئ \"إرهابيين\".", "أعلنت باكستان", "باكستان"),
    ],
)
def test_a_state_is_not_taken_for_a_surname(text, cue, speaker):
    claims = [c for c in claims_of(text) if text.find(cue) <= c.cue.start < text.find(cue) + len(cue)]
    assert claims and claims[0].speaker == speaker and claims[0].side == "Pakistan"


@pytest.mark.parametrize(
    "text, speaker",
    [
        # d2-01 (Lebanon): after the subject
        ("وأعلن جيش الاحتلال من جهته إن \"عدداً من الصواريخ المضادة للدبابات أطلقت من لبنان\".", "الجيش الإسرائيلي"),
        # e2-04 (Somalia): after the subject
        ("وأكدت قوة الاتحاد الإفريقي في الصومال (إميصوم) من جهتها أنها صدت الهجوم.", "بعثة الاتحاد الأفريقي في الصومال"),
        # e7-05 (Iran–Israel): after the verb, "من جهتها" is no subject
        ("وأطلقت إيران الصواريخ. علما أن إسرائيل كانت قد أعلنت من جهتها أنّ طهران استهدفتها بحوالي 180 صاروخا.", None),
    ],
)
def test_from_its_side_is_never_the_speaker(text, speaker):
    claim = claims_of(text)[-1]
    assert "من" not in claim.speaker.split() and "جهتها" not in claim.speaker_text
    if speaker:
        assert claim.speaker == speaker


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        # e9-01 (Kenya, US command): a claim noun after a titled name is the object
        ("ووصف المتحدث باسم القيادة العسكرية الكولونيل كريستوفر كارنز مزاعم حركة الشباب المسلحة بشأن إلحاق خسائر "
         "فادحة خلال هذا الهجوم بأنها \"مبالغ فيها بشدة\".", "كريستوفر كارنز", "مبالغ فيها بشدة"),
        # e9-05 (Syria 2024)
        ("نفى الجيش السوري تقارير عن انسحابه من مدينة حماة.", "الجيش السوري", "تقارير عن انسحابه من مدينة حماة"),
        # e8-03 (India–China)
        ("رفضت الهند ادعاءات الصين بالسيادة على وادي جالوان.", "الهند", "ادعاءات الصين بالسيادة على وادي جالوان"),
    ],
)
def test_a_claim_noun_after_the_subject_is_its_object(text, speaker, content):
    claim = claims_of(text)[0]
    assert (claim.speaker, claim.content_text) == (speaker, content)


@pytest.mark.parametrize(
    "text, outer_end, cue, speaker",
    [
        # e7-03 (Iran–Pakistan): "غداة إعلان X" after a comma is another report, not the minister's words
        ("أكد وزير الخارجية الإيراني حسين أمير عبداللهيان الأربعاء أن طهران إستهدفت “مجموعة إرهابية إيرانية” في "
         "باكستان المجاورة، غداة إعلان إسلام آباد مقتل طفلين في ضربة جوية شنتها طهران.", "المجاورة", "إعلان", "إسلام آباد"),
        # e1-07 (Lebanon): "وذلك بعد أسبوع من اتهامه…"
        ("أعلن حزب الله اللبناني الأحد تدمير آلية عسكرية تابعة للاحتلال في منطقة أفيفيم، وذلك بعد أسبوع من اتهامه "
         "الاحتلال بشن هجوم بطائرتين مسيرتين في معقله قرب بيروت.", "أفيفيم", "اتهامه", "حزب الله"),
    ],
)
def test_a_dated_report_after_a_comma_ends_the_content(text, outer_end, cue, speaker):
    claims = claims_of(text)
    assert claims[0].content_text.endswith(outer_end)
    assert one(text, cue).speaker == speaker


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # d3-09 (Eritrea): "كتب … على تويتر:" reports, and the platform is not the speaker
        ('وكتب وزير الإعلام الإريتري يماني جبريميسكل على تويتر: "إريتريا ترفض البيان غير المبرر الذي نشرته السفارة '
         'الأميركية في أسمرة على فيسبوك اليوم".', "وكتب", "يماني جبريميسكل"),
        # e11-03 (Idlib 2020): the same with an implicit subject
        ('وأكدت وزارة الدفاع التركية، أن إسقاط الطائرتين الحربيتين جاء ردا على إسقاط النظام السوري طائرة تركية مسيرة، '
         'وكتبت على "تويتر": "تم إسقاط طائرتين من طراز SU-24 تابعة للنظام السوري، بعد أن هاجم طائرتنا".',
         "وكتبت", "وزارة الدفاع التركية"),
    ],
)
def test_written_on_a_platform(text, cue, speaker):
    assert one(text, cue).speaker == speaker


def test_writing_without_a_claim_or_a_byline_is_no_report():
    assert claims_of("وكتب الصحفي مقالا طويلا عن الحرب.") == []
    # h03 (Masrawy): a byline line is page chrome
    assert claims_of("كتب : مصراوي\nقالت وزارة الصحة إن 20 شخصا قتلوا.")[0].cue_text == "قالت"


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        # e13-01 and e13-02 (Israel–Iran 2025, two outlets): the spokesman's name between commas, then the object
        ('في المقابل، نفى المتحدث باسم الجيش الإسرائيلي، أفيخاي أدرعي، عبر بيان على منصة "إكس"، صحة الرواية الإيرانية، '
         'مؤكدًا أن "أي طائرة من طراز إف-35 لم تُسقط".', "أفيخاي أدرعي", "صحة الرواية الإيرانية"),
        ("في المقابل، نفى المتحدث باسم الجيش الإسرائيلي، أفيخاي أدرعي، صحة الأنباء المتداولة حول إسقاط طائرات "
         "إسرائيلية، ووصفها بأنها أكاذيب جديدة.", "أفيخاي أدرعي", "صحة الأنباء المتداولة حول إسقاط طائرات إسرائيلية"),
    ],
)
def test_a_name_between_commas_before_a_noun_phrase_content(text, speaker, content):
    claim = one(text, "نفى")
    assert (claim.speaker, claim.content_text) == (speaker, content)


@pytest.mark.parametrize(
    "text, first_content",
    [
        # e12-04 (Gaza 2024) and h01 (Sudan): "، إذ" opens another subject's report
        ("أعلن الجيش الإسرائيلي مسؤوليته عن قصف المدرسة، إذ صرّح المتحدث باسمه، أفيخاي أدرعي، أن العملية نُفذت.",
         "مسؤوليته عن قصف المدرسة"),
    ],
)
def test_idh_opens_another_report(text, first_content):
    claims = claims_of(text)
    assert claims[0].content_text == first_content and [c.cue_text for c in claims] == ["أعلن", "صرّح"]


@pytest.mark.parametrize(
    "text",
    [
        # e12-01 and e12-02 (Gaza 2023, two outlets): أردف is to add
        'وقال المتحدث باسم الجيش دانيال هغاري في مؤتمر صحافي "هنا يمكنكم أن تروا حماس"، مردفا "نحن لا نعرف أين هما موجودان".',
        'وأضاف "لم نتمكن بعد من تحديد موقع الرهينتين"، مردفا "نحن لا نعرف أين هما موجودان".',
    ],
)
def test_murdifan_continues_the_speaker(text):
    assert one(text, "مردفا").content_text == "نحن لا نعرف أين هما موجودان"


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        # e10-01 (Saudi-led coalition–Houthis 2019): a headline in the present tense
        ("السعودية تقر بإصابة 26 شخصًا في قصف حوثي طال مطار أبها", "تقر", "السعودية", "إصابة 26 شخصًا في قصف حوثي طال مطار أبها"),
        # e12-02 (Gaza 2023): "فند" refutes like "كذّب"
        ("حماس تفند الصور", "تفند", "حماس", "الصور"),
    ],
)
def test_a_headline_with_a_cue_in_the_present(text, cue, speaker, content):
    c = one(text, cue)
    assert (c.speaker, c.content_text) == (speaker, content)


def test_what_the_facts_belie_is_no_denial():
    assert not claims_of('خسائر الضربة الصاروخية.. "بروباغاندا" إيرانية تكذبها الوقائع')


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        # e14-02 (Jordan 2024): a state named alone, then the object of the verb
        ("وفي بيان أدان الأردن الهجوم الإرهابي على الموقع المتقدم.", "أدان", "الأردن", "الهجوم الإرهابي على الموقع المتقدم"),
        # d2-04 (Gaza 2014)
        ("من جانبها، رفضت إسرائيل الرواية الفلسطينية حول وجود قصف لسلاح الجو في منطقة مخيم جباليا.", "رفضت", "إسرائيل",
         "الرواية الفلسطينية حول وجود قصف لسلاح الجو في منطقة مخيم جباليا"),
    ],
)
def test_a_state_named_alone_then_a_definite_object(text, cue, speaker, content):
    c = one(text, cue)
    assert (c.speaker, c.content_text) == (speaker, content)


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # e16-02 (Kosovo 2023): the audience after ل ("للبرلمان") is whom he spoke to
        ("وقال كورتي للبرلمان إن الأدلة على تورط صربيا واضحة.", "وقال", "كورتي"),
        # e15-03 (Red Sea 2024): "، على منصة إكس،" is where the words were posted, not a name
        ("وقال الناطق باسم الجماعة محمد عبدالسلام، على منصة إكس، إن العدوان لن يمر دون رد.", "وقال", "محمد عبدالسلام"),
        # e11-05 (Idlib 2020): "التركية" is the ministry's adjective, though it has a verbal noun's shape
        ("أعلنت وزارة الدفاع التركية، مساء أمس الجمعة، تحييد 56 عنصرا من قوات الجيش السوري.", "أعلنت",
         "وزارة الدفاع التركية"),
    ],
)
def test_what_follows_a_speaker_without_being_part_of_it(text, cue, speaker):
    assert one(text, cue).speaker == speaker


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        # e20-03 (Aden 2019): two bodies joined by و speak together, and their object follows the state's adjective
        ("بدورها، أدانت وزارة الدفاع وهيئة الأركان العامة اليمنية في بيان، القصف الجوي الإماراتي على قوات الحكومة.",
         "أدانت", "وزارة الدفاع وهيئة الأركان العامة اليمنية", "القصف الجوي الإماراتي على قوات الحكومة"),
        # a Yemeni outlet, 2026 (the same two bodies)
        ("ودعت وزارة الدفاع وهيئة الأركان أبناء الشعب اليمني إلى التمسك بالوحدة الوطنية.", "ودعت",
         "وزارة الدفاع وهيئة الأركان", "أبناء الشعب اليمني إلى التمسك بالوحدة الوطنية"),
        # a Qatari minister after the strike on Doha (2025): a definite noun after the state's adjective is the object
        ("حيث اتهم الوزير القطري الحكومة الإسرائيلية بـ”الغطرسة والتهور” واستهدافها لمفاوضات وقف إطلاق النار.",
         "اتهم", "الوزير القطري", "الحكومة الإسرائيلية بـ”الغطرسة والتهور” واستهدافها لمفاوضات وقف إطلاق النار"),
        # e11-02 (Kirkuk 2017): "الحكومة" after a whole definite subject starts the object
        ("وحمل المسؤول الكردي الحكومة الاتحادية والقادة العسكريين العراقيين مسؤولية البدء بهذه المعركة.", "وحمل",
         "المسؤول الكردي", "الحكومة الاتحادية والقادة العسكريين العراقيين مسؤولية البدء بهذه المعركة"),
    ],
)
def test_a_body_closed_by_its_state_then_the_object(text, cue, speaker, content):
    c = one(text, cue)
    assert (c.speaker_text, c.content_text) == (speaker, content)


def test_a_title_after_the_states_adjective_stays_in_the_speaker():
    c = one("كما أعرب القائم بأعمال المندوب البريطاني السفير جوناثان ألين خلال الجلسة عن قلق بلاده.", "أعرب")
    assert c.speaker == "جوناثان ألين"


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # e20-01 (Aden 2019): the speaker, an aside, the blamed, and only then "مسؤولية"
        ("وحمّل نائب وزير الخارجية محمد الحضرمي، في تصريح نشر عبر صفحة الوزارة على \"تويتر\"، دولة الإمارات "
         "مسؤولية قصف القوات الحكومية.", "وحمّل", "محمد الحضرمي"),
        # e14-03 (Iraq 2024): "لفت" requires "إلى", after the platform it was posted on
        ("ولفت العوادي عبر منشور له عبر (X) إلى أن الإعلان الأميركي عن تنسيق مسبق ادعاء كاذب يهدف إلى التضليل.",
         "ولفت", "العوادي"),
        # e20-01: "المسؤلية" as some outlets spell it
        ("وحملّت الخارجية اليمنية \"دولة الإمارات العربية المتحدة كامل المسؤلية عن هذا الاستهداف\".", "وحملّت",
         "وزارة الخارجية اليمنية"),
    ],
)
def test_a_required_word_further_on(text, cue, speaker):
    assert one(text, cue).speaker == speaker


def test_carrying_is_no_report():
    assert not [c for c in claims_of("وحمل الجنود أسلحتهم وساروا إلى المدينة في الصباح.") if c.cue_text == "وحمل"]


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # e11-02 (Kirkuk 2017): "المسؤول الكردي" is the minister quoted just before
        ("وقال وزير البيشمركة كريم سنجاري إنهم لن يسكتوا.\n"
         "واتهم سنجاري الحشد الشعبي بتنفيذ خطة هجومية.\n"
         "وحمل المسؤول الكردي الحكومة الاتحادية مسؤولية البدء بهذه المعركة.", "وحمل", "كريم سنجاري"),
        # a Syrian outlet on US forces in Syria (2021): "المسؤول الأمريكي" after the coordinator named with his role
        ("وقال منسق الأمن القومي الأميركي لشؤون الشرق الأوسط، بريت ماكغورك: ” إن القوات الأميركية باقية في سورية”.\n"
         "وأضاف ماكغورك أن اهتمام بلاده بالشرق الأوسط لم يتراجع.\n"
         "وأشار المسؤول الأمريكي إلى أن بلاده ستعالج المخاوف الأمنية لدول المنطقة.", "وأشار", "بريت ماكغورك"),
    ],
)
def test_a_description_of_the_official_just_quoted(text, cue, speaker):
    assert one(text, cue).speaker == speaker


def test_after_an_unnamed_official_the_description_is_that_source():
    text = ("وقال وزير الخارجية الأمريكي أنتوني بلينكن إن القوات باقية.\n"
            "وقال مسؤول أمريكي إن الضربة دمرت الموقع.\n"
            "وأضاف المسؤول الأمريكي أن الضربة استهدفت قادة.")
    assert one(text, "وأضاف").speaker == "مسؤول أمريكي"


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        # e10-02 (Abha airport, 2019): "الهجوم" after a one-word subject is what he described
        ("واعتبر المتحدث الهجوم بأنه “قد يرقى إلى جريمة حرب باستهداف المدنيين”.", "واعتبر", "المتحدث",
         "قد يرقى إلى جريمة حرب باستهداف المدنيين"),
        # e10-04 (Abqaiq, 2019): after the spokesman's name, the attack he claimed
        ("وتبنى الحوثيون على لسان المتحدث العسكري باسمهم العميد يحيى سريع الهجوم على منشأتي أرامكو، وقال إن "
         "الهجوم نفذ بواسطة عشر طائرات مسيرة.", "وتبنى", "المتحدث العسكري باسمهم العميد يحيى سريع",
         "الهجوم على منشأتي أرامكو"),
    ],
)
def test_what_happened_is_the_object(text, cue, speaker, content):
    c = one(text, cue)
    assert (c.speaker_text, c.content_text) == (speaker, content)


def test_a_body_named_with_its_operations_keeps_them():
    c = one("وأعلنت قيادة العمليات المشتركة العراقية في بيان مقتل ثلاثة مسلحين.", "وأعلنت")
    assert c.speaker_text == "قيادة العمليات المشتركة العراقية"


def test_confirming_or_denying_these_claims_is_no_report():
    text = "ولم تصدر الحكومة الهندية بياناً رسمياً يؤكد أو ينفي هذه الادعاءات."
    assert not [c for c in claims_of(text) if c.cue_text == "ينفي"]


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # e10-02 (Abha airport, 2019)
        ("وقال المتحدث باسم التحالف العقيد «تركي المالكي» ان “القذيفة” الحوثية سقطت في قاعة الوصول بمطار أبها.\n"
         "وهدّد المتحدث بأنّ التحالف سيتخذ ”إجراءات صارمة، عاجلة وآنية” للردّ على الهجوم.", "وهدّد", "تركي المالكي"),
        # a Syrian daily on the Houthis' al-Jawf offensive (2020)
        ("أعلن المتحدث باسم القوات المسلحة اليمنية يحيى سريع أمس أن القوات اليمنية تمكنّت من تحرير كامل محافظة الجوف.\n"
         "وأضاف سريع إن القوات المسلحة اليمنية «تنفّذ بكفاءة عالية كل المهمات العملياتية المختلفة».\n"
         "وأضاف المتحدث: «اليوم نعلن نجاح عملية «فأمكن منهم» التي تكللت بتحرير محافظة الجوف».", "وأضاف المتحدث",
         "يحيى سريع"),
    ],
)
def test_the_spokesman_again(text, cue, speaker):
    if cue == "وأضاف المتحدث":
        assert [c.speaker for c in claims_of(text) if c.cue_text == "وأضاف"][-1] == speaker
    else:
        assert one(text, cue).speaker == speaker


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        # e21-02 (Sweida 2025): a welcome is a stance on an act, as a condemnation is
        ("وفي بيان سابق صدر صباح الثلاثاء، رحبت الرئاسة الروحية الدرزية بدخول القوات الحكومية إلى السويداء، داعية "
         "الفصائل المسلحة إلى التعاون معها.", "رحبت", "الرئاسة الروحية الدرزية", "دخول القوات الحكومية إلى السويداء"),
        # an Egyptian channel on the Gaza truce (2023)
        ("رحب الكرملين، اليوم الأربعاء، باتفاق الهدنة الذي تم التوصل إليه بين إسرائيل وحركة حماس، مُعتبرًا أنه "
         "\"أول نبأ سار من غزة منذ وقت طويل\".", "رحب", "الكرملين", "اتفاق الهدنة الذي تم التوصل إليه بين إسرائيل وحركة حماس"),
    ],
)
def test_a_welcome(text, cue, speaker, content):
    c = one(text, cue)
    assert (c.speaker_text, c.content_text) == (speaker, content)


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # e21-02 (Sweida 2025): a body written in quotation marks, described after them
        ("وقالت \"الهيئة\" المقربة من الشيخ الدرزي البارز حكمت الهجري، في بيان صباح الثلاثاء: \"نرحب بدخول قوات "
         "وزارة الداخلية\".", "وقالت", "الهيئة\" المقربة من الشيخ الدرزي البارز حكمت الهجري"),
        # a Palestinian agency on a US designation (2018)
        ("واعتبرت \"الصابرين\" في بيان وصل \"الوطنية\" نسخة عنه، أن القرار يمثل بصمة إسرائيلية واضحة.", "واعتبرت",
         "الصابرين"),
    ],
)
def test_a_quoted_name_then_its_description(text, cue, speaker):
    assert one(text, cue).speaker_text == speaker


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        # e10-01 (Abha airport, 2019): the journalist's participle inside quotation marks that close after it
        ("وقال ناطق القوات المسلحة العميد يحيى سريع إن \"صاروخ كروز المجنح دك برج المراقبة بشكل مباشر ما أدى إلى "
         "تدميره وخروجه عن الخدمة، مشيرا إلى تعطل الملاحة الجوية في المطار\".", "يحيى سريع",
         "تعطل الملاحة الجوية في المطار"),
        # e22-03 (Erbil, 2022)
        ("وقال خوشناو في مؤتمر صحفي، إن “الغرض من القصف استهداف مجمع القنصلية الامريكية إلا أن الصواريخ سقطت "
         "المأهولة بالسكان المدنيين، مشيرا إلى أن القصف اسفر عن اصابة شخصين بجروح طفيفة جدا”.", "خوشناو",
         "القصف اسفر عن اصابة شخصين بجروح طفيفة جدا"),
    ],
)
def test_a_journalists_participle_inside_quotation_marks(text, speaker, content):
    c = one(text, "مشيرا")
    assert (c.speaker, c.content_text) == (speaker, content)


def test_a_speakers_own_words_inside_quotation_marks_stay_his():
    text = "وقال المتحدث إن \"القوات صدت الهجوم وسنواصل القتال حتى النصر\"."
    assert [c.cue_text for c in claims_of(text)] == ["وقال"]


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        # e14-01 (Jordan 2024): after a colon, the statement opens with its own verb in the first person
        ("وفي بيان أدان الأردن الهجوم وقال: ندين الهجوم الإرهابيّ الذي استهدف موقعًا متقدمًا على الحدود مع سوريا.",
         "ندين", "الأردن", "الهجوم الإرهابيّ الذي استهدف موقعًا متقدمًا على الحدود مع سوريا"),
        # e14-03 (Iraq 2024): a quotation opening with the verb, the speaker named a sentence before
        ('ولفت العوادي عبر منشور له إلى أن الإعلان الأميركي ادعاء كاذب. وتابع: "نجدد رفضنا تحويل العراق إلى '
         'ساحة لتصفية الحسابات".', "نجدد", "العوادي", "رفضنا تحويل العراق إلى ساحة لتصفية الحسابات"),
        # e20-01 (Yemen 2019): the verb's subject is the government the speaker speaks for; he says it
        ('وقال الحضرمي: "تدين الحكومة القصف الجوي الإماراتي على قوات الحكومة في العاصمة المؤقتة عدن".',
         "تدين", "الحضرمي", "القصف الجوي الإماراتي على قوات الحكومة في العاصمة المؤقتة عدن"),
    ],
)
def test_a_statement_that_opens_with_its_speech_verb(text, cue, speaker, content):
    outer = [c for c in claims_of(text) if c.cue_text in ("وقال", "وتابع")]
    c = one(text, cue)
    assert (c.speaker, c.content_text) == (speaker, content)
    assert outer and outer[-1].speaker == speaker  # the statement's introducing verb keeps its claim


def test_a_present_verb_inside_a_quotation_is_not_a_statement_opener():
    # the verb is inside the speaker's words, not at the opening of the quotation
    said = claims_of('وقال الوزير: "إن الحكومة تؤكد التزامها بالهدنة".')
    assert [c.cue_text for c in said] == ["وقال"]


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        # e24-03 (the Kyrgyz–Tajik border, 2022): both states accuse; the noun is the cue
        ("تبادلت قرغيزستان وطاجيكستان، أمس، الاتهام بانتهاكات جديدة لوقف إطلاق النار الذي دخل حيّز التنفيذ.",
         "الاتهام", "قرغيزستان وطاجيكستان", "انتهاكات جديدة لوقف إطلاق النار الذي دخل حيّز التنفيذ"),
        # e27-01 (China and the Philippines at sea, 2024)
        ("تبادلت بكين ومانيلا، أمس، الاتهامات بالتسبب في حادثي تصادم وقعا بين سفينتين صينيتين وسفينتين فلبينيتين.",
         "الاتهامات", "بكين ومانيلا", "التسبب في حادثي تصادم وقعا بين سفينتين صينيتين وسفينتين فلبينيتين"),
    ],
)
def test_exchanged_accusations(text, cue, speaker, content):
    c = one(text, cue)
    assert (c.speaker_text, c.cue_lemma, c.content_text, c.side) == (speaker, "اتهم", content, None)


def test_accusations_exchanged_with_nothing_said_are_no_claim():
    # e27-04: the exchange is reported, no accusation is given ("بعد…" is when, not what)
    assert claims_of("وتبادل الجانبان الاتهامات بعد أحدث واقعة يوم الأحد.") == []
    assert claims_of("وتبادل الطرفان الأسرى أمس.") == []


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        # e3-05 (Pakistan 2025): the clause's subject said it "by saying"
        ('لكن لم تُقدم إسلام آباد أي أدلة ملموسة، واكتفى وزير الدفاع الباكستاني خواجة آصف بالقول إن الأدلة '
         '"منتشرة على وسائل التواصل الاجتماعي".', "بالقول", "خواجة آصف", 'الأدلة "منتشرة على وسائل التواصل الاجتماعي"'),
        # e10-01 (Abha 2019): after an admission, the words that admitted it
        ('وأقر الناطق بلسان قوات التحالف العقيد تركي المالكي بسقوط الصاروخ بقوله: "عند الساعة 02:21 من صباح اليوم '
         'سقط مقذوف معاد بصالة القدوم".', "بقوله", "تركي المالكي", "عند الساعة 02:21 من صباح اليوم سقط مقذوف معاد بصالة القدوم"),
    ],
)
def test_said_by_saying(text, cue, speaker, content):
    c = one(text, cue)
    assert (c.speaker, c.cue_lemma, c.content_text) == (speaker, "قال", content)


def test_by_saying_completes_a_cue_whose_content_follows_it():
    # e10-05 (Aramco 2019): "بقوله" introduces the relayed source's content: one claim, not two
    said = claims_of('ونقلت وكالة الأنباء السعودية الرسمية “واس” عن متحدث أمني بوزارة الداخلية بقوله: "عند الساعة '
                     'الرابعة من صباح السبت باشرت فرق الأمن الصناعي بأرامكو التعامل مع حريقين".')
    assert [(c.cue_text, c.speaker_text) for c in said] == [("ونقلت", "متحدث أمني بوزارة الداخلية")]
    # e10-01: the admission itself ends where the saying starts
    admitted = one('وأقر الناطق بلسان قوات التحالف العقيد تركي المالكي بسقوط الصاروخ بقوله: "سقط مقذوف معاد".', "وأقر")
    assert admitted.content_text == "سقوط الصاروخ"


@pytest.mark.parametrize(
    "text, cue, mention",
    [
        # e10-01 (Abha 2019): who leads the coalition describes it, the spokesman's name follows
        ('وأقر الناطق بلسان قوات التحالف الذي تقوده السعودية العقيد تركي المالكي بسقوط الصاروخ.', "وأقر",
         "الناطق بلسان قوات التحالف الذي تقوده السعودية العقيد تركي المالكي"),
        # a Syrian daily on the coalition in Syria (2021)
        ('وقال المتحدث باسم التحالف الذي تقوده الولايات المتحدة الأمريكية، واين ماروتو في «تغريدة» على حسابه '
         'إن: «حجم القوات والقواعد لم يشهد زيادة».', "وقال", "المتحدث باسم التحالف الذي تقوده الولايات المتحدة الأمريكية"),
    ],
)
def test_a_body_led_by_a_state_inside_a_mention(text, cue, mention):
    assert one(text, cue).speaker_text == mention


def test_the_led_body_s_spokesman_is_named():
    c = one('وأقر الناطق بلسان قوات التحالف الذي تقوده السعودية العقيد تركي المالكي بسقوط الصاروخ.', "وأقر")
    assert (c.speaker, c.content_text) == ("تركي المالكي", "سقوط الصاروخ")


def test_the_holder_of_a_cited_role_between_commas():
    # e27-03 (China and the Philippines, 2024): the name in apposition after a relayed role, as after any
    # role ("وقال المتحدث باسم …، أفيخاي أدرعي، إن")
    c = one('ونقلت قناة "سي سي تي في" الصينية الرسمية عن المتحدث باسم حرس السواحل، ليو ديجون، قوله إن اصطدمت '
            'سفينة فيليبينية "عمدا" بسفينة صينية.', "ونقلت")
    assert (c.speaker, c.relayed_by) == ("ليو ديجون", 'قناة "سي سي تي في" الصينية الرسمية')


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        # e26-04 (the Koreas, 2024): the verb's own ب glued to a definite noun right after it: no subject of its own
        ("وكانت وزارة الخارجية الكورية الشمالية قد زعمت في بيان أن مسيرات كورية جنوبية تحمل منشورات تم رصدها ليلا، "
         "وهددت بالرد بالقوة إذا رصدت مرة أخرى.", "وهددت", "وزارة الخارجية الكورية الشمالية", "الرد بالقوة إذا رصدت مرة أخرى"),
        # e21-03 (Sweida 2025): the same after "فيه", the subject the sentence named before
        ("تراجع الزعيم الروحي للطائفة الدرزية في سوريا، حكمت الهجري، عن بيان صادر عن الرئاسة الدرزية في سوريا رحب "
         "فيه بدخول القوات المسلحة إلى السويداء.", "رحب", "حكمت الهجري", "دخول القوات المسلحة إلى السويداء"),
    ],
)
def test_a_verb_followed_by_its_own_preposition_continues_the_subject(text, cue, speaker, content):
    c = one(text, cue)
    assert (c.speaker, c.speaker_text, c.content_text) == (speaker, "", content)


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        # e14-05 (Iraq 2024): an apology says what it is for
        ("اعتذر البيت الأبيض، الثلاثاء، عن تصريحه بإخطار الحكومة العراقية قبل القصف الأمريكي فجر الجمعة.", "اعتذر",
         "البيت الأبيض", "تصريحه بإخطار الحكومة العراقية قبل القصف الأمريكي فجر الجمعة"),
        # e28-02 (the Azerbaijani airliner, 2024): to whom, then what for
        ('اعتذر الرئيس الروسي فلاديمير بوتين، يومه السبت، لنظيره الأذربيجاني عن"الحادث المأساوي" بشأن تحطم الطائرة.',
         "اعتذر", "فلاديمير بوتين", '"الحادث المأساوي" بشأن تحطم الطائرة'),
    ],
)
def test_an_apology(text, cue, speaker, content):
    c = one(text, cue)
    assert c.speaker == speaker and c.content_text.endswith(content)  # after whom it was made to, if named


def test_the_counterpart_spoken_to_is_not_the_speaker():
    # e28-03 (2024): "لنظيره" names whom the president spoke to
    c = one("اعتذر الرئيس الروسي فلاديمير بوتين لنظيره الأذربيجاني إلهام علييف على خلفية حادث سقوط الطائرة "
            "الأذربيجانية في كازاخستان.", "اعتذر")
    assert (c.speaker, c.side) == ("فلاديمير بوتين", "Russia")


def test_what_was_not_said_without_it_is_no_claim():
    # e9-03 (Kenya 2020) and e28-03 (2024): "بدون أن يوضح", "دون أن يقر" say what the speaker left unsaid
    said = claims_of('وأضاف أن الهجوم وقع قبل فجر الأحد، مشيرا إلى أن "عملية أمنية تجري حاليا" بدون أن يوضح ما إذا '
                     'كان الهجوم أسفر عن سقوط ضحايا.')
    assert "يوضح" not in [c.cue_text for c in said]
    said = claims_of("اعتذر الرئيس الروسي فلاديمير بوتين لنظيره الأذربيجاني إلهام علييف على خلفية حادث سقوط الطائرة "
                     "الأذربيجانية في كازاخستان، دون أن يقر بمسؤولية بلاده في الحادث.")
    assert [c.cue_text for c in said] == ["اعتذر"]


@pytest.mark.parametrize(
    "text, cue, content",
    [
        # e30-04 (the Global Hawk, 2019): the quotation after the speaker's apposition, with no إن/أن
        ('وقال قائد سلاح الجو في الشرق الأوسط، اللفتنانت جنرال جوزيف جواستيلا، "هذا الهجوم الخطير والتصعيدي غير '
         'مسؤول ووقع في محيط ممرات جوية معترف بها قانونا".', "وقال",
         "هذا الهجوم الخطير والتصعيدي غير مسؤول ووقع في محيط ممرات جوية معترف بها قانونا"),
        # e15-03 (the Red Sea, 2024): after an aside about the issuer
        ("وأكد بيان صادر عن مكتب الصحة بمحافظة الحديدة، الخاضعة لجماعة الحوثي، “استشهاد 16 مدنيا وإصابة 35، جراء "
         "الغارات الأمريكية والبريطانية على محافظة الحديدة ليل الخميس/ الجمعة”، دون ذكر مزيد من التفاصيل.", "وأكد",
         "استشهاد 16 مدنيا وإصابة 35، جراء الغارات الأمريكية والبريطانية على محافظة الحديدة ليل الخميس/ الجمعة"),
    ],
)
def test_a_quotation_after_an_apposition(text, cue, content):
    assert one(text, cue).content_text == content


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # e30-03 (the Global Hawk, 2019): after و, one noun phrase before the ب of اتهم is whom he accuses
        ('وجاء رد طهران سريعا، إذ اتهم وزير الخارجية الإيراني محمد جواد ظريف واشنطن بالكذب بشأن مكان وجود الطائرة '
         'الأمريكية عند إسقاطها، قائلا إنها دخلت في المجال الجوي الإيراني. واتهم الولايات المتحدة بشن "إرهاب '
         'اقتصادي ضد إيران".', "واتهم", "محمد جواد ظريف"),
        # e26-05 (the Koreas, 2024): what وصف describes
        ("اتهمت كوريا الشمالية، اليوم الإثنين، جارتها بإرسال طائرات من دون طيار إلى أراضيها، ووصفت الأمر بأنه "
         "انتهاك لسيادة البلاد.", "ووصفت", "كوريا الشمالية"),
    ],
)
def test_the_one_noun_phrase_before_the_b_of_an_accusation_is_its_object(text, cue, speaker):
    c = one(text, cue)
    assert (c.speaker, c.speaker_text) == (speaker, "")


def test_a_subject_and_an_object_before_the_b_keep_the_subject():
    # e7-01 (Iran and Pakistan, 2024): two names, the accuser and the accused
    c = one("واتهمت باكستان إيران بتنفيذ عمليات قصف جوي، في ساعات متأخرة من أمس الثلاثاء على مناطق حدودية داخل "
            "أراضيها.", "واتهمت")
    assert c.speaker == "باكستان"


@pytest.mark.parametrize(
    "text, cue, content",
    [
        # e5-01 (Russia–Ukraine, 2025): "معلنة" continues the state's report
        ("اتهمت روسيا كييف بإطلاق مسيرات على مقر إقامة الرئيس الروسي فلاديمير بوتين في نوفغورود، معلنة أنها تعتزم "
         '"مراجعة" موقفها في المفاوضات.', "معلنة", 'تعتزم "مراجعة" موقفها في المفاوضات'),
        # e35-01 (Russia–Ukraine, 2025): "معلنة" with a verbal noun for its content
        ("وتعد هذه الضربة الأطول مدى منذ بدء الهجمات الأوكرانية داخل الأراضي الروسية، حيث أكدت موسكو وقوع الهجوم "
         "بالمسيّرات قرب قواعدها العسكرية، معلنة اندلاع النيران في عدد من الطائرات العسكرية.", "معلنة",
         "اندلاع النيران في عدد من الطائرات العسكرية"),
        # e31-03 (Essequibo, 2025) and e18-05 (the Houthis and Israel, 2024): "واصفا" and what it calls it
        ('وقال وزير الدفاع الفنزويلي إنهم "يحاولون فتح جبهة حرب"، واصفا الاتهام بأنه "ادعاء زائف".', "واصفا",
         'الاتهام بأنه "ادعاء زائف"'),
        ('وأضاف هاغاري في مؤتمر صحفي أن الجيش هاجم ميناء الحديدة، واصفًا العملية أنها "كانت من أكثر العمليات '
         'العسكرية تعقيدا".', "واصفًا", 'العملية أنها "كانت من أكثر العمليات العسكرية تعقيدا"'),
    ],
)
def test_announcing_and_describing_participles(text, cue, content):
    found = {c.cue_text: c for c in claims_of(text)}
    assert found[cue].content_text == content


@pytest.mark.parametrize(
    "text, cue, speaker, relayed",
    [
        # e27-02 (China–Philippines, 2024): "according to agencies", then the spokesman's own report
        ("وبحسب وكالات، أكد المتحدث باسم خفر السواحل الفلبيني جاي تاريلا إن سفينة لخفر السواحل الصينية صدمت سفينة "
         "فلبينية.", "أكد", "جاي تاريلا", "وكالات"),
        # e32-02 (Kursk, 2024): a Telegram channel passes the governor's words on
        ("ووفقا لقناة أسترا تيليجرام ، قال حاكم كورسك في الاجتماع إن 12 مدنيا قتلوا وأصيب 121 آخرون.", "قال",
         "حاكم كورسك في الاجتماع", None),
        # d2-09 (Lebanon, 2022): after فقد a medium still only passes the words on
        ("وبحسب “رويترز” فقد صرح وفيق صفا بإن ما أدى لمقتل الجندي الأيرلندي هو “حادث غير مقصود”.", "صرح", "وفيق صفا",
         "رويترز"),
    ],
)
def test_a_source_marker_before_a_report_with_its_own_speaker_is_its_relay(text, cue, speaker, relayed):
    found = claims_of(text)
    assert [c.cue_text for c in found] == [cue]
    assert found[0].speaker == speaker and found[0].relayed_by is not None
    assert relayed is None or found[0].relayed_by == relayed


def test_a_person_as_the_source_before_فقد_heard_the_report_himself():
    # seeds 000 (Israel–US, 2024): the nested report keeps both lines
    found = claims_of('وحسب رئيس الوزراء الإسرائيلي فقد أكد له بلينكن، خلال اللقاء، أن الإدارة الأميركية "تعمل '
                      'لإزالة هذه القيود".')
    assert [c.cue_text for c in found] == ["وحسب", "أكد"]


@pytest.mark.parametrize(
    "text",
    [
        # e31-01 and e31-02 (Essequibo, 2025): a name that looks like a verbal noun ("إيفان") after the role, and
        # the counterpart the accusation is aimed at
        'وفي بيان صدر يوم الثلاثاء، اتهم وزير الخارجية الفنزويلي إيفان جيل نظيره الغوياني هيو هيلتون تود بنشر "رواية '
        'كاذبة".',
        'وفي بيان اليوم الثلاثاء، اتهم وزير الخارجية الفنزويلي إيفان جيل نظيره الجوياني هيو هيلتون تود بنشر "رواية '
        'كاذبة".',
    ],
)
def test_the_holders_name_before_the_counterpart_accused(text):
    claim = one(text, "اتهم")
    assert claim.speaker == "إيفان جيل"
    assert claim.content_text.startswith("نظيره")


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        # e38-02 (Amhara, 2023): after the body's state adjective, a noun in construct is the object
        ("أعلنت الحكومة الإثيوبية حالة الطوارئ لمدة ستة أشهر في أمهرة، ثاني أكبر منطقة في البلاد.",
         "الحكومة الإثيوبية", "حالة الطوارئ لمدة ستة أشهر في أمهرة"),
        # newsofworld.info (Amhara, 2023): the same after a two-adjective body
        ("أعلنت الحكومة الفيدرالية الإثيوبية حالة الطوارئ بسبب تفاقم العنف في ولاية أمهرة الشمالية.",
         "الحكومة الفيدرالية الإثيوبية", "حالة الطوارئ بسبب تفاقم العنف في ولاية أمهرة الشمالية"),
    ],
)
def test_an_object_in_construct_after_a_bodys_state_adjective(text, speaker, content):
    claim = one(text, "أعلنت")
    assert claim.speaker_text == speaker
    assert claim.content_text.startswith(content)


def test_a_bodys_own_genitive_after_its_state_adjective_stays_in_its_name():
    # e38-05 (Amhara, 2024): "لحقوق الإنسان" belongs to the commission's name
    claim = one("وقالت اللجنة الإثيوبية لحقوق الإنسان إن 45 مدنيا على الأقل قتلوا في ميراوي.", "وقالت")
    assert claim.speaker_text == "اللجنة الإثيوبية لحقوق الإنسان"

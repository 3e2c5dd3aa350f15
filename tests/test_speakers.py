"""Speaker resolution: from the mention as written to the speaker on record, with its side.

Each rule has witnesses from two different articles of the development gold (fixtures/gold/dev)
or the seeds, at least one outside Libya."""

from __future__ import annotations

import pytest

from claimcheck.ingest.reader import build_article
from claimcheck.pipeline import analyze_article


def speakers(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.cue_text, c.speaker, c.side) for c in analyze_article(build_article(text, "t"))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # d3-04: "الحركة" is the movement named before
        ("أعلنت حركة الشباب مسؤوليتها عن الهجوم. وقالت الحركة، المرتبطة بتنظيم القاعدة، إنها قتلت أكثر من 50 جندياً.",
         ("وقالت", "حركة الشباب", "al-Shabaab")),
        # d2-01: "الحزب اللبناني" is Hezbollah
        ("تبادل حزب الله وإسرائيل القصف. وقال الحزب اللبناني في بيان له إنه دمّر آلية عسكرية إسرائيلية.",
         ("وقال", "حزب الله", "Hezbollah")),
        # d1-07: "الوزارة" is the ministry that spoke before
        ("قالت وزارة الخارجية السورية إنها لم تتثبت من الأنباء. وأعربت الوزارة عن إدانتها الشديدة للقصف الإسرائيلي.",
         ("وأعربت", "وزارة الخارجية السورية", "Syria")),
    ],
)
def test_a_definite_head_noun_refers_to_the_body_named_before(text, expected):
    assert expected in speakers(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # d1-01 and d1-04: "الأخيرة" is the last body named
        ("أفادت وزارة الدفاع السورية بتعرّض حاجز لهجوم بطائرة مسيّرة من قبل قوات سوريا الديمقراطية، لكن الأخيرة نفت صلتها بالحادث.",
         ("نفت", "قوات سوريا الديمقراطية", "SDF")),
        ("وزارة الدفاع السورية تتهم قوات سوريا الديمقراطية بقتل جنديين والأخيرة تنفي",
         ("تنفي", "قوات سوريا الديمقراطية", "SDF")),
    ],
)
def test_the_latter_is_the_last_body_named(text, expected):
    assert expected in speakers(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # d2-06 and d3-03: a role phrase, then the name, no title between them
        ("لكن المتحدث باسم الجيش الإسرائيلي أفيخاي أدرعي نفى للجزيرة رواية المقاومة الفلسطينية.",
         ("نفى", "أفيخاي أدرعي", "Israel")),
        ("نفى رئيس هيئة الطيران المدني الإيرانية “علي عابد زاده” اليوم الجمعة، أن تكون الطائرة قد سقطت بصاروخ.",
         ("نفى", "علي عابد زاده", "Iran")),
        # d2-07 and d3-08: the name, then the role
        ("وكان أبو عبيدة المتحدث باسم كتائب القسام قد صرح في خطاب متلفز أن القسام تمكنت من أسر الجندي.",
         ("صرح", "أبو عبيدة", "Hamas")),
        ("غير أنّ “دبرصيون جبرمكئيل” زعيمَ الجبهةِ الشعبيةِ لتحريرِ “تيغراي”، قال في رسالةٍ نصيةٍ لوكالةِ “رويترز” أنّ قواتِه لم تستسلم.",
         ("قال", "دبرصيون جبرمكئيل", "TPLF")),
    ],
)
def test_name_and_role_apart(text, expected):
    assert expected in speakers(text)


def test_a_role_alone_is_its_holder_named_elsewhere_in_the_article():
    # d3-07: the prime minister named once; d3-03: the aviation chief named once
    found = speakers("أعلن رئيس الوزراء الإثيوبي آبي أحمد أن العملية انتهت. وأوضح رئيس الوزراء الإثيوبي، أن الجيش دخل مدينة ميكيلي.")
    assert ("وأوضح", "آبي أحمد", "Ethiopia") in found
    found = speakers("نفى رئيس هيئة الطيران المدني الإيرانية “علي عابد زاده” أن تكون الطائرة قد سقطت بصاروخ. "
                     "وقال رئيس هيئة الطيران المدني الإيرانية، في مؤتمر صحفي، إن هذه الطائرة لم تصب بصاروخ.")
    assert ("وقال", "علي عابد زاده", "Iran") in found


def test_a_surname_alias_inside_a_body_name_is_no_person():
    # d3-03: "هيئة الطيران المدني" is not the Libyan spokesman "المدني" (seed 002: "وقال المدني إن…" still is)
    assert speakers("وقال رئيس هيئة الطيران المدني الإيرانية إن الطائرة لم تصب بصاروخ.")[0][1] != "عبد المالك المدني"
    assert speakers("وقال المدني إن قوات الوفاق صدت الهجوم.")[0][1:] == ("عبد المالك المدني", "GNA")


def test_an_official_with_his_role_in_commas_and_a_source_inside_an_institution():
    # d3-06 and d2-09: "مسؤول" heads a role; d1-05 and d2-05: "في" + an institution belongs to the source
    assert ("وقال", "محمد عبدي", "Somalia") in speakers("وقال محمد عبدي، المسؤول في الجيش الصومالي، في حديث لوسائل إعلام محلية إن قوات بلاده قتلت 13 مسلحا.")
    cue, speaker, side = speakers("وأكد مسؤول رفيع المستوى في قوى الأمن اللبنانية أن صواريخ حزب الله أصابت بارجة إسرائيلية.")[0]
    assert speaker.startswith("مسؤول رفيع المستوى") and side == "Lebanon"
    cue, speaker, side = speakers("فيما أكد مصدر في وزارة الداخلية العراقية مقتل شخص ووقوع 8 إصابات.")[0]
    assert speaker.startswith("مصدر") and side == "Iraq"


def test_a_channel_is_not_a_name_in_apposition():
    # d2-01: "الناطق باسم جيش الاحتلال في بيان،" — "في بيان" is where he spoke, not his name
    cue, speaker, side = speakers('من جانبه، أعلن الناطق باسم جيش الاحتلال في بيان، أن "حزب الله تمكن من تنفيذ العملية".')[0]
    assert "بيان" not in speaker and speaker.startswith("الناطق باسم")


def test_a_statement_source_and_what_it_said():
    # d2-07: "ورد في بيان للجيش" is a source phrase whose issuer speaks; d1-01: "ما ورد في بيان الوزارة"
    # is what a denial denies, not a source
    found = speakers('ورد في بيان للجيش الإسرائيلي أنه ”في الساعات الأولى من صباح يوم الأحد تعرضت عربة مدرعة لهجوم”.')
    assert found and found[0][0] == "ورد في" and found[0][2] == "Israel"
    cues = [c for c, _, _ in speakers('في المقابل، نفت قوات سوريا الديمقراطية (قسد) نفياً قاطعاً ما ورد في بيان وزارة الدفاع، '
                                     'معتبرة أن "الاتهامات مفبركة ومشبوهة بالكامل".')]
    assert "ورد في" not in cues and "نفت" in cues


def test_a_generic_media_noun_is_the_outlet_named_before():
    # d2-02: "القناة" after "قناة المنار"; seeds 002: "بحسب الصحيفة" after "صحيفة نيويورك تايمز"
    found = speakers("وفي السياق، ذكرت قناة المنار اللبنانية أن مروحيات إسرائيلية تنقل إصابات إلى مستشفى زئيف في صفد. "
                     "وأوضحت القناة أن ما تم استهدافه هي ناقلة جند والاستهداف كان مباشراً.")
    assert ("وأوضحت", "المنار", None) in found


def test_the_statement_is_the_one_named_last():
    # d2-05: "وقال البيان" after Hezbollah's statement and Israel's reply; e1-04: after "ونعى بيان لقيادة العمليات المشتركة"
    found = speakers("أكد بيان لحزب الله اللبناني أن مقاتليه أصابوا سفينة حربية إسرائيلية. ونفى الجيش الإسرائيلي إصابة أي من قطعه. "
                     "وقال البيان، الذي أذاعته فضائية المنار، إن عددا من القطع الحربية هرعت إلى موقع السفينة.")
    assert ("وقال", "حزب الله", "Hezbollah") in found
    found = speakers('ونعى بيان لقيادة العمليات المشتركة العراقية "استشهاد ضابط وعدد من الجنود في العظيم." '
                     'وذكر البيان أن "القصاص العادل من الإرهابيين المنفذين لهذا الحادث سيكون قريبا."')
    assert found[-1][0] == "وذكر" and found[-1][1].startswith("قيادة العمليات المشتركة") and found[-1][2] == "Iraq"


@pytest.mark.parametrize(
    "text, expected",
    [
        # e1-03: a role, the place it is held in, then the holder's name
        ("نفى نائب رئيس حركة المقاومة الإسلامية الفلسطينية (حماس) في غزة خليل الحية استشهاد محمد الضيف.",
         ("نفى", "خليل الحية", "Hamas")),
        # d3-07: the same shape with a country
        ("قال زعيم الجبهة الشعبية لتحرير تيغراي في إثيوبيا دبرصيون جبر ميكائيل، إن قواته ستواصل قتال الحكومة الإثيوبية.",
         ("قال", "دبرصيون جبر ميكائيل", "TPLF")),
        # d2-06: a correspondent named after the place he reports from
        ("من جهة أخرى قال مراسل الجزيرة في غزة تامر المسحال إن كتائب القسام أعلنت إسقاط طائرة حربية.",
         ("قال", "تامر المسحال", None)),
    ],
)
def test_a_role_held_in_a_place_then_the_name(text, expected):
    assert expected in speakers(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # e23-02 (Doha 2025): the body, after its head noun, closes a member's role; the name follows
        ("وقال عضو المكتب السياسي لحركة حماس سهيل الهندي، الثلاثاء، إن القصف الإسرائيلي وقع أثناء اجتماع لفريق الحركة التفاوضي.",
         ("وقال", "سهيل الهندي", "Hamas")),
        # e12-02 (Gaza 2023): the body named by its definite head alone ("للحركة") after it was named
        ('ورفضت حماس المزاعم الاسرائيلية، ورد عضو المكتب السياسي للحركة عزت الرشق قائلا إن "المقاومة نقلت العديد من أسرى الاحتلال للمستشفيات".',
         ("قائلا", "عزت الرشق")),
    ],
)
def test_a_member_of_a_body_then_the_name(text, expected):
    assert expected in [found[:len(expected)] for found in speakers(text)]


def test_a_place_alone_after_a_source_is_not_a_name():
    assert ("وقال", "مسؤول", None) in speakers("وقال مسؤول في غزة إن الطائرة سقطت.")


def test_a_party_named_inside_a_role_gives_its_side():
    # e1-03 (Hamas under its full name and short name) and e1-01 ("حركة حماس" inside a longer mention)
    found = speakers("قال نائب رئيس حركة المقاومة الإسلامية الفلسطينية (حماس) إن الضيف بخير.")
    assert found and found[0][2] == "Hamas"
    found = speakers("قال القيادي في حركة حماس سامي أبو زهري إن التقرير كلام فارغ.")
    assert found == [("قال", "سامي أبو زهري", "Hamas")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # e1-01: "القيادي في الحركة" after the movement was named
        ('أعلنت حركة حماس أن غارة استهدفت خان يونس. وفي السياق، قال القيادي في الحركة سامي أبو زهري، إن التقرير "كلام فارغ".',
         ("قال", "سامي أبو زهري", "Hamas")),
        # d2-07: "المتحدث باسم الكتائب" after the brigades were named
        ("وأعلنت كتائب القسام أسر جندي. وكان أبو عبيدة المتحدث باسم الكتائب قد صرح في خطاب متلفز أن القسام تمكنت من أسر الجندي.",
         ("صرح", "أبو عبيدة", "Hamas")),
    ],
)
def test_a_bare_definite_affiliation_is_the_body_named_before(text, expected):
    assert expected in speakers(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # e2-06: the government the headline's country names
        ("إثيوبيا: قوات تيغراي تعلن سيطرتها على مدينة ديسي والحكومة تنفي", ("تنفي", "الحكومة الإثيوبية", "Ethiopia")),
        # d3-03: the state named before in the sentence
        ('ونقلت وكالة الأنباء الإيرانية الرسمية عن متحدث باسم وزارة الخارجية "عباس موسوي" قوله إن إيران دعت أوكرانيا للمشاركة في التحقيقات.',
         ("ونقلت", "عباس موسوي", "Iran")),
    ],
)
def test_a_state_institution_without_its_state_takes_the_state_of_the_story(text, expected):
    assert expected in speakers(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # e15-01 (UK and US strikes on the Houthis): the US is named more, the British army spoke just before
        ("وشنت مقاتلات أمريكية وبريطانية غارات ليلية على غرب اليمن، بحسب ما أعلن الحوثيون. وأفاد الجيش البريطاني "
         "بأنّه نفّذ عملية مشتركة مع القوات الأمريكية. وقالت وزارة الدفاع إنّ القوات البريطانية شاركت في عملية "
         "مشتركة مع القوات الأمريكية.", ("وقالت", "وزارة الدفاع البريطانية", "UK")),
        # e26-01 (the Koreas): the ministry KCNA quoted speaks again by its short name
        ("ونقلت وكالة الأنباء المركزية الكورية الشمالية الرسمية عن وزارة الخارجية قولها \"إن الجنوب أرسل طائرات "
         "مسيّرة\". ووجّهت بيونغ يانغ \"إنذارا نهائيا\" إلى كوريا الجنوبية. وحذرت الخارجية من أن إطلاق مسيّرات "
         "\"يمكن اعتباره هجوما عسكريا\".", ("وحذرت", "وزارة الخارجية الكورية الشمالية", "North Korea")),
    ],
)
def test_a_state_institution_after_another_body_of_one_state(text, expected):
    assert expected in speakers(text)


def test_the_state_the_story_names_most():
    # d1-06: the armed forces' spokesman in a story about Iraq
    text = ("قتل عناصر من الحشد الشعبي في العراق. وقالت السلطات العراقية إن الهجوم وقع قرب سامراء. "
            "وكان الناطق باسم القائد العام للقوات المسلحة، اللواء يحيى رسول، قال إن القيادي قتل مع عناصره.")
    assert ("قال", "يحيى رسول", "Iraq") in speakers(text)
    # with two states named as often, none is chosen
    two = "قصفت أرمينيا مواقع أذربيجانية. وردت أذربيجان على أرمينيا. وقال الجيش إن الهجوم فشل."
    assert ("وقال", "الجيش", None) in speakers(two)


@pytest.mark.parametrize(
    "text, expected",
    [
        # e2-05: "عبد الفتاح عبد الله حجي" is one name of five words after a role
        ("وأكد نائب حاكم المنطقة عبد الفتاح عبد الله حجي أن الهجوم فشل.", ("وأكد", "عبد الفتاح عبد الله حجي")),
        # seed 003: "عبد المالك المدني" after a long role
        ("وقال المتحدث باسم الإعلام الحربي لعملية بركان الغضب عبد المالك المدني إن قواته تقدمت.",
         ("وقال", "عبد المالك المدني")),
    ],
)
def test_compound_names_after_a_role(text, expected):
    assert expected in [found[:2] for found in speakers(text)]


def test_a_spokeswoman_is_a_role_like_a_spokesman():
    # role_heads has the feminine forms; the titles that split a role from a name have them too
    # (d2-09's "الناطقة بلسان" shape; the same rule as "المتحدث باسم الجيش الإسرائيلي أفيخاي أدرعي", d2-06)
    text = "أعلنت وزارة الدفاع الأذربيجانية تدمير مواقع. وقالت المتحدثة باسم الوزارة شوشان ستيبانيان إن المعلومات كاذبة."
    assert ("وقالت", "شوشان ستيبانيان", "Azerbaijan") in speakers(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # d3-09: a state under its own name, then the time and the object
        ("رفضت إريتريا الجمعة، اتهامات أميركية بأن قواتها متورطة في النزاع.", ("رفضت", "إريتريا", "Eritrea")),
        # d2-04: the same with the object right after the name
        ("من جانبها، رفضت إسرائيل الرواية الفلسطينية حول وجود قصف لسلاح الجو.", ("رفضت", "إسرائيل", "Israel")),
    ],
)
def test_a_state_named_alone_before_the_object(text, expected):
    assert expected in speakers(text)


def test_a_role_of_a_known_body_then_the_name():
    # d2-06 ("المتحدث باسم الجيش الإسرائيلي أفيخاي أدرعي") and e1-01 ("القيادي في حركة حماس …"): the body
    # after باسم/في closes the role even when it has no ال
    text = "وقال المتحدث باسم حركة حماس حازم قاسم إن الاحتلال يكذب."
    assert ("وقال", "حازم قاسم", "Hamas") in speakers(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # d1-02: the SDF's statement ("في بيان،") came after the ministry's ("بيان صادر عن …")
        ("نفت قوات سوريا الديمقراطية صحة الأنباء التي وردت في بيان صادر عن إدارة الإعلام والاتصال في وزارة الدفاع. "
         "وذكر المركز الإعلامي لقوات سوريا الديمقراطية في بيان، أن قواته لم تنفذ أي عمليات. "
         "وأضاف البيان أن هذه المزاعم تهدف إلى خلق ذرائع.",
         ("وأضاف", "المركز الإعلامي لقوات سوريا الديمقراطية")),
        # e1-05: "؛ في بيان، أن" then the statement goes on
        ("نعى بيان لقيادة العمليات المشتركة العراقية ضحايا الهجوم. وقالت خلية الإعلام الأمني؛ في بيان، أن الهجوم وقع فجرا. "
         "وأضاف البيان أن القوات تلاحق المهاجمين.",
         ("وأضاف", "خلية الإعلام الأمني")),
    ],
)
def test_the_statement_is_the_one_the_last_speaker_spoke_in(text, expected):
    assert expected in [found[:2] for found in speakers(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # e1-05: the full name was written after a role that spoke, not as a speaker of its own
        ("نعى وزير الدفاع العراقي؛ “جمعة عناد”، اليوم الجمعة، ضحايا الهجوم. وقال “عناد”؛ في بيان: “تلقينا خبر استشهاد ضابط”.",
         ("وقال", "جمعة عناد")),
        # e2-04: "الشباب" after "حركة «الشباب»" in the story
        ("وقال شهود إن حركة «الشباب» استولت على القاعدة. وتحدث شهود عن وجود 20 جثة فيما قالت «الشباب» إن عدد القتلى 50.",
         ("قالت", "حركة الشباب")),
    ],
)
def test_one_word_that_ends_a_name_written_before(text, expected):
    assert expected in [found[:2] for found in speakers(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # darelhilal.com/News/1900750 (Somalia): another state's army, not Haftar's "الجيش الوطني"
        ('أعلن الجيش الوطني الصومالي وشركاؤه الدوليين، اليوم السبت، عن مقتل أكثر من 20 إرهابيًا من حركة "الشباب"، '
         'بما في ذلك زعماء التنظيم، في عمليات عسكرية مخطط لها.', ("أعلن", "Somalia")),
        # alsahwa-yemen.net/p-39881 (Yemen): no Libyan place in the story, so no Libyan side
        ("أكد الناطق الرسمي باسم الجيش الوطني العميد الركن عبده مجلي، أن دماء الشهداء الذين قضوا في الاستهداف "
         "الإجرامي الغادر الذي قامت به مليشيا الحوثي الانقلابية لن تذهب هدراً.", ("أكد", None)),
    ],
)
def test_a_phrase_that_names_a_libyan_party_only_in_a_libyan_story(text, expected):
    assert [(cue, side) for cue, _speaker, side in speakers(text)] == [expected]


def test_the_same_phrase_in_a_libyan_story_keeps_its_party():
    # seeds (Libya): "الجيش الوطني" with Haftar named in the story
    text = "شنت قوات حفتر هجوما على طرابلس. وقال الجيش الوطني إن قواته تقدمت نحو وسط المدينة."
    assert ("وقال", "الجيش الوطني الليبي", "LNA") in speakers(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # alsahwa-yemen.net/p-39881 (Yemen)
        ("أكد الناطق الرسمي باسم الجيش الوطني العميد الركن عبده مجلي، أن دماء الشهداء لن تذهب هدراً.",
         ("عبده مجلي", "الناطق الرسمي باسم الجيش الوطني")),
        # alahdaathnews.com/?p=57124 (Sudan)
        ("نفى الناطق باسم الجيش العميد ركن نبيل عبد الله، وجود أي قواعد عسكرية في قرية ود النورة التي شنت مليشيا "
         "الدعم السريع هجوماً عليها الأربعاء.", ("نبيل عبد الله", "الناطق باسم الجيش")),
    ],
)
def test_a_two_word_military_title_is_neither_role_nor_name(text, expected):
    claim = analyze_article(build_article(text, "t"))[0]
    assert (claim.speaker, claim.role) == expected


def test_a_long_name_between_commas_after_the_role():
    # e2-01 (Iran–US): a four-word name in apposition
    text = ('بدوره، قال مستشار قائد الحرس الثوري الإيراني، حميد رضا مقدم فر، في تصريح صحفي، إن "جميع الصواريخ '
            'الإيرانية أصابت أهدافها بدقة".')
    claim = analyze_article(build_article(text, "t"))[0]
    assert (claim.speaker, claim.side) == ("حميد رضا مقدم فر", "Iran")


@pytest.mark.parametrize(
    "text, expected",
    [
        # e4-05 (Yemen)
        ('وذكرت قناة "المسيرة" التابعة للحوثيين أن 38 شخصا قتلوا وأصيب 102 آخرون.', ("وذكرت", "المسيرة", None)),
        # e5-03 (Russia–Ukraine)
        ('وقالت مدونة "ديب ستيت" العسكرية الأوكرانية إن القوات الروسية لم تسيطر على المدينة.',
         ("وقالت", "ديب ستيت", None)),
    ],
)
def test_a_medium_goes_by_its_quoted_name(text, expected):
    assert speakers(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # e4-02 (Yemen)
        "وقالت القيادة المركزية الأمريكية (سنتكوم) إن ادعاءات الحوثيين كاذبة تماما.",
        # e4-05 (Yemen, another outlet)
        'وقالت القيادة المركزية الأمريكية "سنتكوم" إن قواتها نفذت ضربات على ميناء رأس عيسى.',
    ],
)
def test_a_short_name_after_a_body_is_not_part_of_its_name(text):
    assert speakers(text)[0][1:] == ("القيادة المركزية الأمريكية", "US")


def test_a_name_with_a_family_name_in_al_before_the_role():
    # e4-04 (Yemen); the seeds' "أحمد المسماري الناطق باسم…" is the same shape for a known person
    text = "وقال أنيس الأصبحي المتحدث باسم وزارة الصحة إن الأرقام الأولية تشير إلى إصابة 171 شخصا."
    claim = analyze_article(build_article(text, "t"))[0]
    assert (claim.speaker, claim.role) == ("أنيس الأصبحي", "المتحدث باسم وزارة الصحة")


def test_a_peoples_broken_plural_names_its_state():
    # e3-01 (India–Pakistan)
    text = "كما ذكرت الوكالة في وقت سابق نقلا عن مسؤولين هنود أن مقاتلات هندية اعترضت مقاتلات باكستانية في كشمير."
    assert speakers(text)[0][2] == "India"


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # e5-05 (Thailand–Cambodia)
        ("فيما ذكر المتحدث باسم وزارة الدفاع التايلاندية، سوراسانت كونجسيري، أن ثلاثة مدنيين آخرين أصيبوا بجروح "
         "خطيرة. وأضاف سوراسانت أن الاشتباكات لا تزال مستمرة في ست مناطق على الأقل على طول الحدود.",
         "وأضاف", "سوراسانت كونجسيري"),
        # alresalah.ws, 2025-09-07 (Thailand): a possessed noun after the first name is the object
        ("تولّى رجل الأعمال والسياسي المخضرم أنوتين تشارنفيراكول منصب رئاسة الوزراء في تايلاند بعد أن صدرت "
         "مواقفة ملكية ممهّدة لتوليه السلطة. وبحسب ما نقلت صحيفة بانكوك بوست، وصف أنوتين انتخابه بأنه «نعمة "
         "وشرف لا حدود لهما» لعائلته.", "وصف", "أنوتين تشارنفيراكول"),
    ],
)
def test_a_first_name_alone_is_the_full_name_written_before(text, cue, speaker):
    assert any(found == (cue, speaker) for found in ((c, s) for c, s, _side in speakers(text)))


@pytest.mark.parametrize(
    "text, cue, speaker, side",
    [
        # e32-04 (Kursk, 2025): the full name with its role is an object, the surname speaks later
        ("أعلن المتحدث باسم الكرملين دميتري بيسكوف اليوم أن الجيش الروسي أكمل عملية لاستعادة السيطرة على منطقة "
         "كورسك، وأنه تم إبلاغ الرئيس الروسي فلاديمير بوتين بنتائج العملية. وأضاف بوتين أن الهزيمة ستهيئ الظروف "
         "لمزيد من العمليات العسكرية الناجحة.", "وأضاف", "فلاديمير بوتين", "Russia"),
        # e32-03 (Kursk, 2024): the role, a title, then the name; the surname after the title in a later sentence
        ("أعلن قائد الجيش الأوكراني، الجنرال أولكسندر سيرسكي، أن قواته تسيطر على أكثر من 1000 كيلومتر مربع. "
         "وفي تصريحات لوسائل الإعلام، قال زيلينسكي إن الحرب وصلت إلى أراضيها. من جانبه، أكد الجنرال سيرسكي أن "
         "الوضع تحت السيطرة.", "أكد", "أولكسندر سيرسكي", "Ukraine"),
    ],
)
def test_a_surname_takes_the_side_of_the_role_before_its_full_name(text, cue, speaker, side):
    assert (cue, speaker, side) in speakers(text)


@pytest.mark.parametrize(
    "text, speaker",
    [
        # d1-07 (Syria)
        ("وقالت الخارجية السورية إنها لم تتثبت بعد من صحة الأنباء عن القصف.", "وزارة الخارجية السورية"),
        # e3-02 (India–Pakistan)
        ("وقالت الخارجية الباكستانية إن الجيش شن ضربات جوية في كشمير الهندية.", "وزارة الخارجية الباكستانية"),
    ],
)
def test_a_portfolio_and_its_state_name_the_ministry(text, speaker):
    assert speakers(text)[0][1] == speaker


@pytest.mark.parametrize(
    "text, cue, expected",
    [
        # d3-08 (Ethiopia): the same name again takes the side its role gave it
        ("وأعلن رئيسُ الوزراءِ الإثيوبي “أبي أحمد” في تغريدةٍ على “تويتر”، انتهاءَ العملياتِ العسكريةِ في الإقليمِ "
         "المضطرب. كما أكد “أبي أحمد” أنّ القواتِ الاتحاديةَ سيطرت على المطارِ والمؤسساتِ العامةِ في الإقليم.",
         "أكد", ("أبي أحمد", "Ethiopia")),
        # e5-05 (Thailand–Cambodia)
        ("فيما ذكر المتحدث باسم وزارة الدفاع التايلاندية، سوراسانت كونجسيري، أن ثلاثة مدنيين آخرين أصيبوا بجروح "
         "خطيرة. وأضاف سوراسانت أن الاشتباكات لا تزال مستمرة في ست مناطق على الأقل على طول الحدود.",
         "وأضاف", ("سوراسانت كونجسيري", "Thailand")),
    ],
)
def test_a_name_met_again_keeps_the_side_of_its_role(text, cue, expected):
    assert (cue, *expected) in speakers(text)


def test_a_name_between_commas_ends_before_the_time():
    # e4-03 (Yemen)
    text = ('قال المتحدث العسكري باسم جماعة أنصار الله "الحوثي"، العميد يحيى سريع مساء اليوم، إن "القوات البحرية نفذت '
            'عملية عسكرية استهدفت سفينة في البحر العربي".')
    assert speakers(text)[0] == ("قال", "يحيى سريع", "Houthis")


@pytest.mark.parametrize(
    "text, cue, expected",
    [
        # alahdaathnews.com/?p=57124 (Sudan): a title and the first name
        ("نفى الناطق باسم الجيش العميد ركن نبيل عبد الله، وجود أي قواعد عسكرية في قرية ود النورة. وقال العميد نبيل "
         "في تصريح صحفي، إن “كل القرى التي استباحتها المليشيا لا توجد فيها أي قواعد عسكرية.”",
         "وقال", ("نبيل عبد الله", None)),
        # alsahwa-yemen.net/p-39881 (Yemen): a title and the family name
        ("أكد الناطق الرسمي باسم الجيش الوطني العميد الركن عبده مجلي، أن دماء الشهداء لن تذهب هدراً. وقال العميد مجلي "
         "إن هذه الدماء الزكية ستكون لأبطال قواتنا المسلحة دافعا وحافزا.", "وقال", ("عبده مجلي", None)),
    ],
)
def test_a_title_and_one_name_is_the_person_named_in_full_before(text, cue, expected):
    claim = next(c for c in analyze_article(build_article(text, "t")) if c.cue_text == cue)
    assert claim.speaker == expected[0]
    if expected[1]:
        assert claim.role == expected[1]


@pytest.mark.parametrize(
    "text, expected",
    [
        # d1-09 (Syria)
        ("كان المرصد السوري لحقوق الإنسان ومقره في بريطانيا، ذكر في تقرير أن 36 مدنيا لقوا حتفهم جراء غارات روسية.",
         ("ذكر", "المرصد السوري لحقوق الإنسان", None)),
        # e3-03 (India–Pakistan)
        ("وقال المسؤول، ومقره في المنطقة، إن الطائرات الباكستانية تسللت إلى قطاع بيمبر جالي-نوشيرا عند خط المراقبة.",
         ("وقال", "مسؤول", None)),
    ],
)
def test_where_a_speaker_is_based_is_not_its_name_nor_its_side(text, expected):
    assert speakers(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        # e4-04 (Yemen)
        "وقالت مصادر يمنية إن الضربات استهدفت خزانات الوقود في الميناء.",
        # d1-07 (Syria)
        "مصادر سورية أكدت أن الغارات استهدفت تل الشعار وتل المال في ريف درعا.",
    ],
)
def test_unattributed_sources_with_a_nationality_take_no_side(text):
    assert speakers(text)[0][2] is None


@pytest.mark.parametrize(
    "text, speaker",
    [
        # e4-03 (Yemen): a statement from a body
        ("وذكر بيان من الجيش الأميركي أن الحاملة لم تتعرض لأي هجوم.", "الجيش الأميركي"),
        # e1-04 (Iraq): a statement of a body
        ("وذكر بيان لقيادة العمليات المشتركة العراقية أن القوات قتلت عددا من عناصر التنظيم.",
         "قيادة العمليات المشتركة العراقية"),
    ],
)
def test_a_statement_speaks_for_the_body_it_is_from(text, speaker):
    assert speakers(text)[0][1] == speaker


@pytest.mark.parametrize(
    "text, cue, speaker, side",
    [
        # e5-03 (Russia–Ukraine): the ministry named by its seat
        ("قالت وزارة الدفاع في موسكو اليوم الثلاثاء إن القوات الروسية سيطرت على معظم مدينة كوبيانسك في منطقة "
         "خاركيف بشرق أوكرانيا.", "قالت", "وزارة الدفاع الروسية", "Russia"),
        # e2-06 (Ethiopia–Tigray): the government of the state the story is about
        ("إثيوبيا: قوات تيغراي تعلن سيطرتها على مدينة ديسي والحكومة تنفي", "تنفي", "الحكومة الإثيوبية", "Ethiopia"),
        # e5-04 (Thailand–Cambodia): the office named without its state, the adjective agreeing with its head
        ("أفاد مكتب رئيس الوزراء التايلاندي الخميس بمقتل مدني تايلاندي بقصف مدفعي كمبودي في محافظة سورين.\n"
         "وجاء في بيان صادر عن مكتب رئيس الوزراء أن “قذيفة مدفعية كمبودية أصابت منزل مدني تايلاندي”.",
         "وجاء في", "مكتب رئيس الوزراء التايلاندي", "Thailand"),
    ],
)
def test_an_institution_named_without_its_state_takes_its_adjective(text, cue, speaker, side):
    article = build_article(text, "t")
    claim = next(c for c in analyze_article(article) if c.cue_text == cue)
    assert (claim.speaker, claim.side) == (speaker, side)


def test_a_person_keeps_the_name_alone():
    # d2-08 (Gaza): a minister's name is not completed with his state's adjective
    text = "وقال وزير الخارجية الأمريكي أنتوني بلينكين إن الولايات المتحدة تدعم وقف إطلاق النار."
    claim = analyze_article(build_article(text, "t"))[0]
    assert claim.speaker == "أنتوني بلينكين"


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # e8-01 (India–China): a statement in construct with its issuer
        ("كما أشار بيان الجيش الهندي، إلى وقوع 43 ضحية بين قتيل ومصاب بين صفوف الجيش الصيني.", "أشار", "الجيش الهندي"),
        # e1-06 (Gaza)
        ("وقال بيان الناطق باسم جيش الاحتلال إن الصواريخ سقطت في مناطق مفتوحة.", "وقال", "الناطق باسم جيش الاحتلال"),
    ],
)
def test_a_statement_in_construct_speaks_for_its_issuer(text, cue, speaker):
    assert (cue, speaker) in [(c, s) for c, s, _side in speakers(text)]


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # e8-02 (India–China): a Chinese name goes by its first word
        ('قال المتحدث باسم القيادة الغربية لجيش التحرير الشعبى الصينى الكولونيل "تشانغ شو لي" إن الجيش الهندى أخل '
         'بالتزاماته. وأضاف تشانغ "إن السيادة على منطقة وادي جالفان تعود دائما للصين".', "وأضاف", "تشانغ شو لي"),
        # e5-05 (Thailand–Cambodia): a Thai name too
        ("وقال المتحدث باسم وزارة الدفاع التايلاندية، سوراسانت كونجسيري، إن القوات الكمبودية أطلقت النار أولا. "
         "وأضاف سوراسانت أن الجيش رد على مصادر النيران.", "وأضاف", "سوراسانت كونجسيري"),
    ],
)
def test_a_name_that_goes_by_its_first_word(text, cue, speaker):
    assert (cue, speaker) in [(c, s) for c, s, _side in speakers(text)]


def test_a_spelling_of_officials_with_hamza_on_ya():
    # e8-04 (Russia–Georgia): "مسئولون" is "مسؤولون"
    assert ("وقال", "مسئولون جورجيون", "Georgia") in speakers(
        "وقال مسئولون جورجيون في وقت سابق اليوم إن قوات بلادهم أحكمت سيطرتها الكاملة على تسخينفالي.")


@pytest.mark.parametrize(
    "text, cue, speaker, side",
    [
        # seed 003 (Libya): a state speaks through its envoy, who takes its side
        ("فيما دعت واشنطن على لسان مندوبتها الدائمة لدى الأمم المتحدة كيلي كرافت في نفس الجلسة لمجلس الأمن وقف "
         "النقل المستمر للمعدات العسكرية الأجنبية والأفراد إلى ليبيا.", "دعت", "كيلي كرافت", "US"),
        # the same shape with a spokeswoman the knowledge does not hold
        ("وقالت الخارجية الروسية على لسان المتحدثة ماريا زاخاروفا إن الغرب يكذب.", "وقالت", "المتحدثة ماريا زاخاروفا", "Russia"),
    ],
)
def test_who_speaks_for_a_party_takes_its_side(text, cue, speaker, side):
    assert (cue, speaker, side) in speakers(text)


def test_a_medium_that_carried_the_words_lends_no_side():
    assert ("ونقلت", "مصدر", None) in speakers("ونقلت قناة المنار التابعة لحزب الله عن مصدر أن الهجوم فشل.")


@pytest.mark.parametrize(
    "text, cue, speaker, side",
    [
        # e10-02 (Yemen): "تركي" after a title is a first name, not "Turkish"
        ("وقال المتحدث باسم التحالف العقيد «تركي المالكي» ان “القذيفة” الحوثية سقطت في قاعة الوصول بمطار أبها.",
         "وقال", "تركي المالكي", None),
        # e10-05 (Saudi Arabia): before the family particle آل; "المستشار بالديوان" is his role, not a title
        ("من جهته، قال تركي آل الشيخ المستشار بالديوان الملكي إن المنشآت بخير.", "قال", "تركي آل الشيخ", None),
        # the nationality adjective after an official still names the state
        ("وقال مسؤول تركي إن القوات دخلت المدينة.", "وقال", "مسؤول تركي", "Turkey"),
    ],
)
def test_a_first_name_that_looks_like_a_nationality(text, cue, speaker, side):
    assert (cue, speaker, side) in speakers(text)


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # e10-01 (Yemen): a channel owned by a party speaks under its bare name, on no side
        ("وقالت قناة المسيرة التلفزيونية التابعة لجماعة أنصار الله الحوثيين في اليمن إن الصاروخ أصاب الهدف.",
         "وقالت", "المسيرة"),
        # e6-04 (Mozambique): the site's description is not its name
        ("وقال موقع سايت المتخصص في رصد الجماعات المتطرفة إن التنظيم تبنى الهجوم.", "وقال", "سايت"),
        # a state's capital in a newspaper's name does not make it that state's voice
        ("وقالت صحيفة واشنطن بوست إن الهجوم فشل.", "وقالت", "واشنطن بوست"),
    ],
)
def test_a_medium_speaks_under_its_bare_name_on_no_side(text, cue, speaker):
    assert (cue, speaker, None) in speakers(text)


def test_the_adjective_that_is_also_a_states_name():
    # e10-04 (Saudi Arabia): "السعودية" after the ministry is its adjective, not the object of the verb
    text = ("أعلنت وزارة الداخلية السعودية، السبت، استهداف معملين تابعين لشركة أرامكو بمحافظة بقيق بطائرات مسيرة.")
    assert ("أعلنت", "وزارة الداخلية السعودية", "Saudi Arabia") in speakers(text)


@pytest.mark.parametrize(
    "text, name, side",
    [
        # e11-05 (Idlib 2020): a governor, then his name
        ("وقال حاكم محافظة هاتاي الحدودية التركية رحمي دوغان إن 30 شخصا أصيبوا.", "رحمي دوغان", "Turkey"),
        # e7-04 (Iran–Pakistan): a deputy governor, his name in apposition
        ("وفي حديثه للتلفزيون الرسمي الإيراني، أفاد نائب والي سيستان وبلوشستان، علي رضا مرحمتي، أن باكستان شنت "
         "هجوما صاروخيًا على قرية في المحافظة.", "علي رضا مرحمتي", None),
    ],
)
def test_governors_are_officials_with_a_name(text, name, side):
    claim = analyze_article(build_article(text, "t"))[0]
    assert (claim.speaker, claim.side) == (name, side)


@pytest.mark.parametrize(
    "text, cue, speaker, side",
    [
        # e6-05 (Nigeria): "باسم الجيش" is the army the story named
        ("الجيش النيجيري ينفي صحة تقارير عن هجوم لإسلاميين متشددين أودى بحياة جنود\n"
         "وبينما قالت مصادر أمنية إن ما يصل إلى 48 جنديا قتلوا، نقلت وسائل إعلام رسمية عن متحدث رسمي باسم الجيش قوله "
         "إن هذه التقارير لا صحة لها.", "نقلت", "متحدث رسمي", "Nigeria"),
        # e10-02 (Yemen): "المتحدث باسم التحالف" after the coalition was named
        ("وأقر التحالف السعودي – الإماراتي بسقوط القذيفة. وقال المتحدث باسم التحالف العقيد «تركي المالكي» ان "
         "القذيفة الحوثية سقطت في قاعة الوصول بمطار أبها الدولي.", "وقال", "تركي المالكي", "Saudi-led coalition"),
        # e9-01 (Kenya): "القيادة العسكرية" after the US command was named
        ("وقالت القيادة العسكرية الأمريكية في إفريقيا إن الوضع غير مستقر. ووصف المتحدث باسم القيادة العسكرية الكولونيل "
         "كريستوفر كارنز مزاعم حركة الشباب بأنها \"مبالغ فيها بشدة\".", "ووصف", "كريستوفر كارنز", "US"),
    ],
)
def test_a_bare_body_in_a_spokesmans_role_is_the_one_named_before(text, cue, speaker, side):
    assert (cue, speaker, side) in speakers(text)


def test_a_ministers_role_keeps_its_waw():
    # e11-02 (Kirkuk): "وزير" is not "و" + "زير": the role, then the name
    from claimcheck.speakers.resolve import _role_then_name

    assert _role_then_name("وزير البيشمركة كريم سنجاري") == ("كريم سنجاري", "وزير البيشمركة")


def test_states_joined_with_waw_speak_for_no_single_one():
    # e2-02 (Iran–US 2020): a group of states takes no side (gold-conventions §5, mixed groups)
    text = ("وبعد إطلاق إيران نحو 15 صاروخا باتجاه قاعدتين عسكريتين في العراق تضمان قوات أميركية، نفى مسؤولون أميركيون "
            "وقوع إصابات في صفوف القوات الأميركية، وقالت ألمانيا والدنمارك والنرويج وبولندا إن قواتها في العراق لم تتعرض "
            "لأي أذى، وكذلك أكدت الحكومة العراقية عدم إصابة جنود عراقيين في الهجمات.")
    said = {cue: (speaker, side) for cue, speaker, side in speakers(text)}
    assert said["وقالت"] == ("ألمانيا والدنمارك والنرويج وبولندا", None)
    assert said["نفى"][1] == "US"


def test_an_agency_described_by_its_nationality_is_not_named():
    # e13-05 (Israel–Iran 2025)
    assert ("وقالت", "وكالة إيرانية", None) in speakers("وقالت وكالة إيرانية إن الهدف كان مقرا عسكريا.")


@pytest.mark.parametrize(
    "text, cue, speaker, side",
    [
        # e12-04 (Gaza 2024): "المتحدث باسمه" is the spokesman of the body just named; his name follows
        ("أعلن الجيش الإسرائيلي مسؤوليته عن قصف المدرسة، إذ صرّح المتحدث باسمه، أفيخاي أدرعي، أن العملية نُفذت بناءً "
         "على توجيهات من هيئة الاستخبارات العسكرية.", "صرّح", "أفيخاي أدرعي", "Israel"),
        # d2-07 (Gaza 2014): "متحدث باسمها" with no name
        ("أعلنت حركة حماس أسر جندي. وقالت على لسان متحدث باسمها إن الجندي بخير.", "وقالت", "متحدث باسمها", "Hamas"),
    ],
)
def test_the_spokesman_of_the_body_just_named(text, cue, speaker, side):
    assert (cue, speaker, side) in speakers(text)


def test_an_implicit_cue_goes_on_with_the_subject_of_the_first_verb():
    # e12-02 (Gaza 2023): "عرض الجيش الإسرائيلي مقطعين مصورين قال إنهما…"
    text = ("عرض الجيش الإسرائيلي مقطعين مصورين قال إنهما يظهران رهينتين يتم اقتيادهما إلى مستشفى الشفاء في مدينة غزة، "
            "بينما تقول حماس إن الرهينتين نقلتا لتلقي العلاج في المستشفى جراء القصف الإسرائيلي.")
    said = speakers(text)
    assert ("قال", "الجيش الإسرائيلي", "Israel") in said and ("تقول", "حماس", "Hamas") in said


def test_a_body_inside_a_reported_clause_is_not_the_subject():
    # e12-03 (Gaza 2024): "وهو يدعي" inside the official's words is not the army speaking
    text = ("قال المدير العام للمكتب الإعلامي الحكومي إسماعيل الثوابتة إن الاحتلال ارتكب مجزرة. "
            "وقال إن جيش الاحتلال الإسرائيلي قصف أكثر من 300 مصل في المدرسة، وهو يدعي أنه قصف غرفا للسيطرة والتحكم.")
    assert all(speaker != "الجيش الإسرائيلي" for cue, speaker, _side in speakers(text) if cue == "يدعي")


@pytest.mark.parametrize(
    "text, cue, speaker, side",
    [
        # d3-09 (Tigray 2021): an embassy named with the city it sits in
        ("ودعت السفارة الأميركية في أسمرة الجمعة إريتريا لسحب قواتها من تيغراي على الفور.",
         "ودعت", "السفارة الأميركية في أسمرة", "US"),
        # e6-03 (Mozambique 2021): a ministry named with its country keeps it and takes its side
        ("وذكرت وزارة الدفاع في موزمبيق أن سبعة أشخاص على الأقل قتلوا خلال الهجوم.",
         "وذكرت", "وزارة الدفاع في موزمبيق", "Mozambique"),
        # e1-03 (Gaza 2024): the place under its gazetteer name ("قطاع غزة" → "غزة")
        ("وأعلنت وزارة الصحة في قطاع غزة، السبت، ارتفاع حصيلة الشهداء إلى 90 شهيدا.",
         "وأعلنت", "وزارة الصحة في غزة", None),
        # e12-05 (Gaza 2024): a hashtag in the place name is not part of it
        ("أعلن الدفاع المدني في قطاع #غزة، الأربعاء، استشهاد خمسة أشخاص على الأقل في غارة جوية.",
         "أعلن", "الدفاع المدني في غزة", None),
    ],
)
def test_a_body_keeps_the_place_it_sits_in(text, cue, speaker, side):
    assert (cue, speaker, side) in speakers(text)


def test_a_place_that_is_the_channel_or_a_name_follows_is_not_kept():
    said = speakers("وقال الجيش الإسرائيلي في بيان إنه قصف مواقع. وقال مراسل الجزيرة في غزة تامر المسحال إن القصف مستمر.")
    assert ("وقال", "الجيش الإسرائيلي", "Israel") in said and ("وقال", "تامر المسحال", None) in said


def test_a_name_with_a_family_name_between_commas_after_a_role_in_a_place():
    # e12-03 (Gaza 2024); the family name with ال after a given name as in "خليل الحية", "تامر المسحال"
    text = ("قال المدير العام للمكتب الإعلامي الحكومي في غزة، إسماعيل الثوابتة، السبت، إن الرواية الإسرائيلية "
            "التي تدعي وجود مسلحين داخل المدرسة كاذبة.")
    assert ("قال", "إسماعيل الثوابتة", None) in speakers(text)


def test_a_name_after_a_role_is_no_object_when_it_looks_like_a_verbal_noun():
    # e8-03 (India–China 2020): "أنوراغ" has the shape of a verbal noun; after a role, up to the comma,
    # it opens the holder's name (the role-then-name shape of test_a_role_held_in_a_place_then_the_name)
    text = ("ووصف المتحدث باسم وزارة الخارجية الهندية أنوراغ سريفاستافا، أمس، ادعاءات الصين بـ\"المبالغ فيها\". "
            "وقال سريفاستافا، إن هذه الادعاءات تعد انتهاكا لاتفاق التسوية.")
    said = speakers(text)
    assert ("ووصف", "أنوراغ سريفاستافا", "India") in said and ("وقال", "أنوراغ سريفاستافا", "India") in said



@pytest.mark.parametrize(
    "text, side, inferred",
    [
        ("وقالت جبهة الخلاص الوطني في بيان إن قواتها سيطرت على البلدة.", "جبهة الخلاص الوطني", True),
        ("وقالت جماعة مسلحة إنها هاجمت القاعدة.", None, False),  # no name: no party
        ("وقال الجيش الإثيوبي إنه استعاد المدينة.", "Ethiopia", False),  # a side from knowledge
    ],
)
def test_a_named_party_no_list_knows_is_a_side_of_its_own(text, side, inferred):
    claim = analyze_article(build_article(text, "t"))[0]
    assert (claim.side, claim.side_inferred) == (side, inferred)


@pytest.mark.parametrize(
    "text, cue, speaker, side",
    [
        # e16-01, e16-04 (Kosovo 2023): a role in construct with a state's name, then the holder
        ("وقال رئيس وزراء كوسوفو ألبين كورتي إن صربيا دعمت الهجوم.", "وقال", "ألبين كورتي", "Kosovo"),
        # e16-03 (Kosovo 2023): the same with a parliament
        ("وقال رئيس برلمان صربيا فلاديمير أورليش إن كورتي يبحث عن سبب للتصعيد.", "وقال", "فلاديمير أورليش", "Serbia"),
    ],
)
def test_a_role_of_a_named_state_then_the_holder(text, cue, speaker, side):
    assert (cue, speaker, side) in speakers(text)


@pytest.mark.parametrize(
    "text, cue, speaker, side",
    [
        # d1-05 (Iraq 2019): a capital speaks under its own name, on its state's side
        ("ونفت واشنطن صلتها بالهجوم على قاعدة الحشد الشعبي.", "ونفت", "واشنطن", "US"),
        # e14-01 (Jordan 2024): a seat of government likewise
        ("وقال البنتاغون إن الهجوم وقع في الأردن.", "وقال", "البنتاغون", "US"),
        # e16-01 (Kosovo 2023): "منذ البداية" is when, not who
        ("وقالت بلغراد منذ البداية إنها لا علاقة لها بالهجوم.", "وقالت", "بلغراد", "Serbia"),
    ],
)
def test_a_seat_of_government_speaks_under_its_own_name(text, cue, speaker, side):
    assert (cue, speaker, side) in speakers(text)


def test_a_ministry_named_again_without_its_state_is_the_one_named_before():
    # e11-04, e11-05 (Idlib 2020): "أعلنت وزارة الدفاع" after "وزارة الدفاع التركية" spoke
    said = speakers("أعلنت وزارة الدفاع التركية، مساء أمس الجمعة، تحييد 56 عنصرا من قوات الجيش السوري. "
                    "وقال وزير الدفاع الروسي إن القوات السورية قصفت مواقع قرب إدلب. "
                    "وأعلنت وزارة الدفاع أنه تم تدمير 8 دبابات.")
    assert ("أعلنت", "وزارة الدفاع التركية", "Turkey") in said
    assert ("وأعلنت", "وزارة الدفاع التركية", "Turkey") in said


@pytest.mark.parametrize(
    "text",
    [
        # e14-01 (Iraq 2024)
        'أعلنت جماعة ما تسمى "المقاومة الإسلامية في العراق"، استهدافها 4 قواعد أميركية في سوريا والأردن.',
        # e14-02 (Iraq 2024, another outlet)
        "أعلنت جماعة تطلق على نفسها اسم “المقاومة الإسلامية في العراق” استهدافها 4 قواعد أميركية في سوريا والأردن.",
    ],
)
def test_a_quoted_name_after_a_naming_word_is_the_speaker(text):
    assert ("أعلنت", "المقاومة الإسلامية في العراق", "Islamic Resistance in Iraq") in speakers(text)


@pytest.mark.parametrize(
    "text, speaker, side",
    [
        # the press's spellings of one command are one speaker (knowledge: parties.toml)
        ("وقالت القيادة الوسطى الأميركية إن ثلاثة جنود قتلوا.", "القيادة المركزية الأمريكية", "US"),
        ("وقالت القيادة المركزية للجيش الأمريكي في بيان إنها دمرت صواريخ.", "القيادة المركزية الأمريكية", "US"),
        # a state's national security council is not the UN Security Council
        ("وقال المتحدث باسم مجلس الأمن القومي الأمريكي جون كيربي إن بلاده أبلغت العراق.", "جون كيربي", "US"),
        ("ودعا مجلس الأمن إلى وقف إطلاق النار.", "الأمم المتحدة", "UN"),
    ],
)
def test_commands_and_councils(text, speaker, side):
    claim = analyze_article(build_article(text, "t"))[0]
    assert (claim.speaker, claim.side) == (speaker, side)


def test_an_addressee_with_its_adjective_is_not_part_of_the_speaker():
    # e16-01 (Kosovo 2023), the shape of "دعت المنسقة … الطرفين إلى" with an adjective after the addressee
    said = speakers("دعا رئيس وزراء كوسوفو ألبين كورتي الدول الغربية إلى فرض عقوبات على صربيا. "
                    "وقال كورتي أمام البرلمان \"يجب معاقبة صربيا على ذلك\".")
    assert ("دعا", "ألبين كورتي", "Kosovo") in said and ("وقال", "ألبين كورتي", "Kosovo") in said


def test_a_national_security_council_takes_the_state_of_the_story():
    # e14-04 (Iraq 2024): no adjective, the story is the United States'
    said = speakers("واشنطن: بغداد لم تتلق إخطارًا مسبقًا بالضربات الأمريكية\n"
                    "قالت الولايات المتحدة إنها لم تبلغ الحكومة العراقية قبل تنفيذ الضربات الجوية. "
                    "إلا أن المتحدث باسم مجلس الأمن القومي جون كيربي قال الجمعة: \"لقد أبلغنا الحكومة العراقية\".")
    assert ("قال", "جون كيربي", "US") in said


@pytest.mark.parametrize(
    "text, expected",
    [
        # e16-02 (Kosovo 2023): the state after the surname is the object
        ("وقال رئيس وزراء كوسوفو ألبين كورتي إن صربيا دعمت الهجوم. وطالب كورتي بلجراد أيضا بترحيل المتورطين.",
         ("وطالب", "ألبين كورتي", "Kosovo")),
        # e16-05 (Kosovo 2023): a noun after the surname is the object
        ("وقال الرئيس الصربي ألكسندر فوتشيتش إن بلاده لم تدعم الهجوم. وحمّل فوتشيتش مسؤولية ما حدث لرئيس الوزراء "
         "الكوسوفي، قائلا: \"كورتي هو المسؤول الوحيد عما حدث\".", ("قائلا", "ألكسندر فوتشيتش", "Serbia")),
        # e12-03 (Gaza 2024): the listener after a detached "لـ", for a speaker of no side
        ("قال المدير العام للمكتب الإعلامي الحكومي في غزة، إسماعيل الثوابتة، السبت، إن الرواية الإسرائيلية كاذبة. "
         "وأوضح الثوابتة لـ 'المملكة'، أن الاحتلال يكذب.", ("وأوضح", "إسماعيل الثوابتة", None)),
    ],
)
def test_a_surname_seen_in_full_then_the_object(text, expected):
    assert expected in speakers(text)


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # d3-04 (Kenya 2020): an unnamed source in the accusative after لكنّ
        ("لكن متحدثا باسم الجيش الكيني نفى سيطرة الحركة على القاعدة.", "نفى", "متحدث باسم الجيش الكيني"),
        # the same morphology after عن, with its adjective
        ("ونقلت الوكالة عن مسؤولا عسكريا قوله إن الهجوم فشل.", "ونقلت", "مسؤول عسكري"),
    ],
)
def test_an_unnamed_source_is_described_in_the_nominative(text, cue, speaker):
    assert any(c == cue and s == speaker for c, s, _side in speakers(text))


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # d3-01 (Iran 2020) and e13-02 (Iran 2025): "الرسمي" describes the medium, it does not name it
        ("وأعلن التلفزيون الإيراني الرسمي أن الدفاعات الجوية أسقطت طائرة.", "وأعلن", "التلفزيون الإيراني"),
        ("وذكر التلفزيون الرسمي الإيراني أن الهجوم فشل.", "وذكر", "التلفزيون الإيراني"),
        # d2-06 (Gaza 2014) and e13-05 (Israel–Iran 2025): a numbered channel by its number
        ("وذكرت القناة الثانية للتليفزيون الإسرائيلي أن طائرة فقدت.", "وذكرت", "القناة الثانية"),
        ("وقالت القناة 12 الإسرائيلية إن الجيش يستعد.", "وقالت", "القناة 12"),
    ],
)
def test_a_medium_named_by_its_kind_loses_its_description(text, cue, speaker):
    assert (cue, speaker, None) in speakers(text)


def test_a_nationality_that_ends_a_name_is_no_side():
    # e17-02 (India–Pakistan 2025): "مصري" is Vikram Misri's family name, not Egypt
    claim = analyze_article(build_article(
        "وصرح وزير الخارجية الهندي فيكرام مصري للصحفيين بأن باكستان انتهكت وقف إطلاق النار.", "t"))[0]
    assert (claim.speaker, claim.side, claim.affiliation) == ("فيكرام مصري", "India", None)


@pytest.mark.parametrize(
    "text, cue, speaker, side",
    [
        # e17-05 (India–Pakistan 2025): "للسلطات" is ل + "السلطات"
        ("وأسفرت الغارات عن مقتل 31 مدنياً، وفقاً للسلطات الباكستانية.", "وفقاً", "السلطات الباكستانية", "Pakistan"),
        # d1-04 (Syria 2025): "للوزارة" is the ministry named before
        ("قالت وزارة الدفاع السورية إن قسد استهدفت نقطة للجيش. وجاء في بيان للوزارة أن الهجوم أسفر عن مقتل جنديين.",
         "وجاء في", "وزارة الدفاع السورية", "Syria"),
    ],
)
def test_a_source_after_the_preposition_lam_with_its_article(text, cue, speaker, side):
    assert (cue, speaker, side) in speakers(text)


def test_a_two_word_military_title_before_a_name():
    claim = analyze_article(build_article(
        "وقال الناطق باسم الجيش الباكستاني اللفتنانت جنرال أحمد شريف شودري إن الضربة حصدت 13 مدنيا.", "t"))[0]
    assert (claim.speaker, claim.side) == ("أحمد شريف شودري", "Pakistan")


@pytest.mark.parametrize(
    "text, expected",
    [
        # e21-02 (Sweida 2025): a body close to a leader is not the leader, and speaks on no side
        ('وقالت "الهيئة" المقربة من الشيخ الدرزي البارز حكمت الهجري إن القوات الحكومية ارتكبت انتهاكات.',
         ("وقالت", "هيئة مقربة من حكمت الهجري", None)),
        # d2-06 (Gaza 2024): sources close to a movement are not the movement
        ('أكدت مصادر مقربة من حماس، أن "كتائب القسام تمكنت من أسر طيارين إسرائيليين".',
         ("أكدت", "مصادر مقربة من حماس", None)),
    ],
)
def test_a_source_close_to_a_party_is_not_the_party(text, expected):
    assert expected in speakers(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # e14-03 (Iraq 2024): "باسم" after a role that already said "باسم X" is the holder's given name
        ("قال المتحدث الرسمي باسم الحكومة العراقية باسم العوادي، السبت، إن الأراضي العراقية ليست المكان المناسب.",
         ("قال", "باسم العوادي", "Iraq")),
        # an Iraqi site (2023), and a Kurdish one (2024): the same shape, and the surname after it
        ("أكد المتحدث باسم الحكومة العراقية باسم العوادي، أنّ شرط العراق الوحيد هو امتناع السويد عن حرق المصحف. "
         "ونفى العوادي ارتباط تعيين القادة الجدد بتشكيل دولة عميقة.", ("ونفى", "باسم العوادي", "Iraq")),
        ("أكد الناطق باسم الحكومة الاتحادية باسم العوادي، الإثنين، أن العراق يواصل مساعيه لإيقاف العدوان.",
         ("أكد", "باسم العوادي", None)),  # "the federal government" names no state
    ],
)
def test_a_given_name_that_is_also_a_preposition(text, expected):
    assert expected in speakers(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # e22-04 (Erbil 2024): "the militia" is the other side's word for the group named before it
        ('أعلنت ميليشيا “الحرس الثوري الإيراني” الاثنين، قصف “مقار تجسّس” في إقليم كردستان العراق. وبحسب ما نقلت '
         'قناة “الميادين”، قالت الميليشيا إن قصفها “طال أحد المقار الرئيسة للموساد الإسرائيلي”.',
         ("قالت", "الحرس الثوري الإيراني")),
        # e14-02 (Tower 22, 2024): the same, after a group that calls itself by a name
        ('أعلنت جماعة تطلق على نفسها اسم “المقاومة الإسلامية في العراق” استهدافها 4 قواعد أميركية في سوريا '
         'والأردن. وأشارت الميليشيا في بيان لها على حسابها على تليغرام أن مسلحيها “هاجموا بواسطة الطائرات المسيّرة”.',
         ("وأشارت", "المقاومة الإسلامية في العراق")),
    ],
)
def test_the_militia_is_the_armed_group_named_before(text, expected):
    assert expected in [s[:2] for s in speakers(text)]


def test_a_surname_is_not_completed_with_a_complementizer_or_a_prepositions_noun():
    # e16-03 (Kosovo 2023): "أن كورتي" and "كورتي بالهجوم" are no full names of the prime minister
    text = ("لقى شرطي في كوسوفو حتفه خلال إطلاق نار، في واقعة وصفها رئيس وزراء كوسوفو البين كورتي بالهجوم "
            "الإرهابي المدعوم من جانب صربيا.\nوذكرت وكالة “بلومبرج” للأنباء أن كورتي قال في منشور عبر تطبيق فيسبوك "
            "” نحن ندين هذا الهجوم الإجرامي والإرهابي”. وكتب كورتي أن مسلحين مجهولين فتحوا النار على الشرطة.")
    found = [s[1] for s in speakers(text)]
    assert not any(name in ("أن كورتي", "كورتي بالهجوم") for name in found), found


@pytest.mark.parametrize(
    "text, expected",
    [
        # e19-04 (Sinai 2015): the only state the story has named, once
        ('تنظيم "ولاية سيناء" يتبنى قتل خمسة جنود بسيناء\nقالت مصادر أمنية إن خمسة من قوات الأمن المصرية قتلوا في '
         'هجوم نفذه من يشتبه بأنهم إسلاميون متشددون على نقاط تفتيش في شمال سيناء اليوم السبت. وفيما تبنى تنظيم '
         '"ولاية سيناء" العملية، قال الجيش إنه قتل نحو 20 من المتشددين.', ("قال", "الجيش المصري", "Egypt")),
        # e29-01 (Myanmar 2022): the junta's government, the country named once in the headline
        ("المجلس العسكري في ميانمار ينفي قصف مدرسة\nنفت الحكومة التي شكلها الجيش في ميانمار، اليوم الثلاثاء، تقارير "
         "تفيد بأنها قصفت مدرسة في منطقة شمال وسط البلاد المضطربة.", ("نفت", None, "Myanmar")),
    ],
)
def test_the_only_state_the_story_has_named(text, expected):
    cue, speaker, side = expected
    assert any(c == cue and (speaker is None or s == speaker) and d == side for c, s, d in speakers(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # e16-01 (Kosovo 2023): a list its author published
        ("وجاء في قائمة نشرها كورتي أن الترسانة كانت تضم آلية مصفحة وقنابل يدوية.", ("وجاء في", "كورتي")),
        # e29-02 (Myanmar 2022): reports two news sites published
        ("وذكرت تقارير نشرها موقعان إخباريان أن طائرات هليكوبتر عسكرية فتحت النار على المدرسة الموجودة في دير بوذي "
         "في القرية.", ("وذكرت", "موقعان إخباريان")),
    ],
)
def test_who_published_what_is_cited_speaks(text, expected):
    assert expected in [s[:2] for s in speakers(text)]


def test_a_role_held_in_a_place_without_a_name_keeps_the_role():
    # e31-01 (Essequibo 2025): "في غيانا" is where the commander serves, not his name
    said = speakers("وقال قائد الجيش في غيانا، رئيس الأركان، العميد عمر خان، إن جنديين في حالة حرجة عقب الهجوم.")
    assert [side for _, _, side in said] == ["Guyana"] and "في غيانا" not in [name for _, name, _ in said]


@pytest.mark.parametrize(
    "mention, name",
    [
        # e8-05 (Georgia 2008) and e16-03 (Kosovo 2023): a given name that begins with "Al", after the role
        ("امين سر مجلس الامن الوطني الجورجي الكسندر لومايا", "الكسندر لومايا"),
        ("رئيس وزراء كوسوفو البين كورتي", "البين كورتي"),
    ],
)
def test_a_foreign_given_name_beginning_with_al(mention, name):
    from claimcheck.speakers.resolve import _role_then_name

    assert _role_then_name(mention)[0] == name
    assert _role_then_name("وزير الخارجية الأمريكي بلينكن") is None  # an adjective, then a family name alone


def test_the_georgian_security_secretary_by_his_name():
    said = speakers('وحذر امين سر مجلس الامن الوطني الجورجي الكسندر لومايا في تصريح لفرانس برس ان جورجيا وروسيا '
                    'ستصبحان "في حالة حرب حقيقية".')
    assert ("وحذر", "الكسندر لومايا", "Georgia") in said


def test_an_unnamed_spokesman_with_an_adjective_keeps_his_whole_description():
    # a Cairo site on the Sudan war (2023): "الرسمي" between the head and باسم (gold-conventions §4)
    said = speakers("وقال الناطق الرسمي باسم الجيش السوداني: لا صحة لادعاءات المتمردين بحصار القيادة العامة بالخرطوم.")
    assert ("وقال", "الناطق الرسمي باسم الجيش السوداني", "SAF") in said


@pytest.mark.parametrize(
    "text, speaker, role",
    [
        # e32-01 (Kursk, 2024): an acting governor, and a foreign given name that begins with ال
        ("أعلن حاكم منطقة كورسك الروسية بالوكالة أليكسي سميرنوف اليوم الإثنين عن سيطرة القوات الأوكرانية على 28 "
         "بلدة في كورسك.", "أليكسي سميرنوف", "حاكم منطقة كورسك الروسية بالوكالة"),
        # seeds 003 (Libya, 2020): an acting envoy
        ("من جانبها، حذرت مبعوثة الأمم المتحدة إلى ليبيا بالإنابة ستيفاني وليامز أمام المجلس من أن تدفق الأسلحة "
         "إلى الأطراف المتحاربة سيزيد حدة الصراع.", "ستيفاني وليامز", "مبعوثة الأمم المتحدة إلى ليبيا بالإنابة"),
    ],
)
def test_an_acting_office_ends_the_role_before_the_name(text, speaker, role):
    claim = analyze_article(build_article(text, "t"))[0]
    assert (claim.speaker, claim.role) == (speaker, role)


def test_the_governor_is_the_governor_named_before():
    # e32-01 (Kursk, 2024): "الحاكم" after the governor's name and role
    text = ("أعلن حاكم منطقة كورسك الروسية بالوكالة أليكسي سميرنوف اليوم عن سيطرة القوات الأوكرانية على 28 بلدة. "
            "وكشف الحاكم أن نحو 121 ألف شخص تم إجلاؤهم من المنطقة الحدودية.")
    assert ("وكشف", "أليكسي سميرنوف", "Russia") in speakers(text)


@pytest.mark.parametrize(
    "text, speaker",
    [
        # e32-03 (Kursk, 2024): a rank that is also a role word ("الجنرال") opens the name between commas
        ("بعد أسبوع من الهجوم المفاجئ على الأراضي الروسية، أعلن قائد الجيش الأوكراني، الجنرال أولكسندر سيرسكي، أن "
         "قواته تسيطر الآن على أكثر من 1000 كيلومتر مربع من منطقة كورسك.", "أولكسندر سيرسكي"),
        # e30-04 (the Global Hawk, 2019): the same apposition after another role
        ('وقال قائد سلاح الجو في الشرق الأوسط، اللفتنانت جنرال جوزيف جواستيلا، إن الطائرة لم تنتهك المجال الجوي '
         'الإيراني.', "جوزيف جواستيلا"),
    ],
)
def test_a_titled_name_between_commas_after_a_role_is_the_speaker(text, speaker):
    assert speakers(text)[0][1] == speaker


@pytest.mark.parametrize(
    "text, cue",
    [
        # e33-03 (the Houthis and the US, 2025): "كبير المفاوضين" is a role, the party's plural its side
        ("ونقلت وكالة رويترز عن كبير المفاوضين الحوثيين محمد عبد السلام اليوم قوله “إن الاتفاق لا يشمل إسرائيل بأي "
         "شكل من الأشكال”.", "ونقلت"),
        # e33-05 (the same, another outlet): the role after the name
        ("وأكد محمد عبد السلام، كبير مفاوضي الحوثيين في اليمن، لـ«رويترز»، اليوم، أن اتفاق وقف إطلاق النار بين الحركة "
         "والولايات المتحدة لا يشمل إسرائيل.", "وأكد"),
    ],
)
def test_a_chief_negotiator_speaks_for_his_party(text, cue):
    assert (cue, "محمد عبد السلام", "Houthis") in speakers(text)


@pytest.mark.parametrize(
    "text, speaker",
    [
        # e33-05 (the Houthis and the US, 2025): a family name with ال after a compound given name
        ("بدوره، أعلن عضو المكتب السياسي للحوثيين عبد المالك العجري، أن السفن الإسرائيلية «ما زالت عرضة للاستهداف».",
         "عبد المالك العجري"),
        # seeds 003 (Libya, 2020): the same name shape after a long role
        ("وأكد المتحدث باسم الإعلام الحربي لعملية بركان الغضب التابعة لحكومة الوفاق الوطني عبد المالك المدني أن "
         "طائرة مسيرة استهدفت مواقع للعدو.", "عبد المالك المدني"),
    ],
)
def test_a_family_name_with_al_after_a_compound_given_name(text, speaker):
    assert speakers(text)[0][1] == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        # e17-03 (India–Pakistan, 2025): "في" + an administrative unit and its name stays with the body; the
        # direction after it does not
        ("وذكرت السلطات في إقليم البنجاب بوسط البلاد، الذي يبلغ عدد سكانه حوالي 130 مليون نسمة، أن الأطباء "
         "والمسعفين وضعوا في حالة تأهب قصوى.", "السلطات في إقليم البنجاب"),
        # e21-03 (Sweida, 2025): an unnamed office holder in a governorate
        ("أكد قائد الأمن الداخلي في محافظة درعا أن وحدات أمنية ستتوجه إلى السويداء بالتنسيق مع وزارتي الداخلية "
         "والدفاع.", "قائد الأمن الداخلي في محافظة درعا"),
    ],
)
def test_a_body_in_an_administrative_unit_keeps_it(text, speaker):
    assert speakers(text)[0][1] == speaker


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # e34-02 (the Jaffar Express, 2025): the authorities of the story's state, named alone
        ("أعلن جيش تحرير بلوشستان مسؤوليته عن الهجوم على القطار في إقليم بلوشستان الباكستاني. وعلى إثر الحادث، "
         "أعلنت السلطات تعليق حركة القطارات بين بلوشستان والمقاطعات المجاورة.", "أعلنت", "السلطات"),
        # e34-03 (the same, another outlet): local authorities
        ("تحاول القوات الباكستانية تحرير الرهائن في إقليم بلوشستان. وأفادت السلطات المحلية في حصيلة أولية أمس "
         "الثلاثاء، بمقتل شرطي وجندي وسائق القطار في الهجوم.", "وأفادت", "السلطات المحلية"),
    ],
)
def test_the_authorities_take_the_storys_state_and_keep_their_name(text, cue, speaker):
    assert (cue, speaker, "Pakistan") in speakers(text)


@pytest.mark.parametrize(
    "text, speaker",
    [
        # d2-08 (Gaza, 2021): a two-word name in straight quotes after the medium's kind
        ('وحسب صحيفة "يديعوت أحرونوت" العبرية، فإن المعلومات تشير إلى نشاط عسكري لحركة حماس.', "يديعوت أحرونوت"),
        # e13-05 (Israel–Iran, 2025): curly quotes
        ("وحسب صحيفة “معاريف” العبرية فإنه عقب الهجوم الصاروخي الإيراني تم الاشتباه في تسرب مواد خطرة.", "معاريف"),
    ],
)
def test_a_quoted_medium_name_after_a_source_marker(text, speaker):
    assert speakers(text)[0][1] == speaker


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # e32-02 (Kursk, 2024): a governor named by his town speaks for the town's state
        ("ووفقا لقناة أسترا تيليجرام ، قال حاكم كورسك في الاجتماع إن 12 مدنيا قتلوا وأصيب 121 آخرون.", "قال", None),
        # alwasat.ly (Belgorod, 2024): the region as an administrative unit, then the governor's name
        ("وقال حاكم منطقة بيلغورود فياتشيسلاف غلادكوف في مقطع فيديو على تلغرام إن الوضع مثير للقلق لدينا.", "وقال",
         "فياتشيسلاف غلادكوف"),
        # almada.org (Kursk, 2025): an acting governor; "بأعمال" belongs to the role, not to أفاد بـ
        ("أفاد القائم بأعمال حاكم مقاطعة كورسك ألكسندر خينشتاين بإصابة رئيس منطقة بيلوفسكي في مقاطعة كورسك في هجوم "
         "مسيرة أوكرانية.", "أفاد", "ألكسندر خينشتاين"),
    ],
)
def test_a_towns_governor_speaks_for_its_state(text, cue, speaker):
    found = [(c, s, side) for c, s, side in speakers(text) if c == cue]
    assert found and found[0][2] == "Russia"
    assert speaker is None or found[0][1] == speaker


def test_a_naval_rank_is_part_of_the_title():
    # e39-01 (China–Taiwan, 2025): "الكولونيل بحري", then the name and, later, the one-word surname
    text = ("وقال المتحدث باسم قيادة المسرح الشرقي الكولونيل بحري شي يي إن المناورات تحذير صارم. وأضاف شي أن "
            "القوات ستواصل مهامها.")
    assert [s for _c, s, _side in speakers(text)] == ["شي يي", "شي يي"]


@pytest.mark.parametrize(
    "text, cue",
    [
        # shorouknews.com and masrawy.com, 2025-12-09 (Cambodia–Thailand): the holder's name after "في" + the
        # state ends where the time begins
        ("تعهد رئيس مجلس الشيوخ في كمبوديا هون سين اليوم الثلاثاء بأن بلاده سترد على الهجمات.", "تعهد"),
        ("وقال رئيس مجلس الشيوخ في كمبوديا هون سين اليوم الثلاثاء إن بلاده سترد.", "وقال"),
    ],
)
def test_a_name_after_a_role_in_a_state_ends_at_the_time(text, cue):
    assert (cue, "هون سين", "Cambodia") in speakers(text)


def test_the_press_spelling_tailand():
    # arab48.com, 2025-12-09 (Cambodia–Thailand): "تايلند" and "التايلندية" are Thailand's
    assert [side for _c, _s, side in speakers("فيما أعلنت تايلند مقتل أحد جنودها. وقال المتحدث باسم الحكومة "
                                               "التايلندية إن كمبوديا بدأت الهجوم.")] == ["Thailand", "Thailand"]

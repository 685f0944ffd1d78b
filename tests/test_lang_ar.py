"""Arabic language pack (tidings/lang/ar): one hand-written sentence per PLOVER type, Arabic morphology
(clitics و ب ل ال لل, nisba demonyms, the future prefix سـ, no capitals) and the field-failure kinds
B15/B16/B19/B21/B22/B24/B29 of the shared case list.  Every expected value was worked out by hand from
the PLOVER manual (types, modes) and CAMEO 1.1b3 (codes); countries are ISO 3166-1 alpha-3."""
import pytest

import tidings

ALL = ["asserted", "claimed", "negated", "future", "hypothetical"]


def code(text, modalities=None):
    kw = {"modalities": modalities} if modalities else {}
    return tidings.code_text(text, lang="ar", published="2024-03-14", **kw)


def first(evs, etype):
    found = [e for e in evs if e.event_type == etype]
    assert found, f"no {etype} in {[(e.event_type, e.trigger.text) for e in evs]}"
    return found[0]


def party(a):
    return (a.country, a.sector)


# (sentence, type, actor (country, sector), recipient (country, sector) or None for no recipient)
CASES = [
    # AGREE: future meeting with سـ (CAMEO 036)
    ("قال الرئيس الأمريكي إنه سيبحث الأزمة مع نظيره الصيني الأسبوع المقبل.", "AGREE", ("USA", "GOV"), ("CHN", "GOV")),
    # CONSULT: visit (042)
    ("زار وزير الخارجية التركي العاصمة الليبية طرابلس والتقى رئيس الحكومة الليبية.", "CONSULT", ("TUR", "GOV"), ("LBY", None)),
    # SUPPORT: praise (051), recipient through the clitic بـ + demonym
    ("أشاد وزير الخارجية السعودي بالدور القطري في الوساطة.", "SUPPORT", ("SAU", "GOV"), ("QAT", None)),
    # CONCEDE: declared ceasefire (0871)
    ("أعلنت إسرائيل وقف إطلاق النار مع حزب الله.", "CONCEDE", ("ISR", None), ("LBN", "REB")),
    # COOPERATE: joint exercises (062), symmetric: both are actors
    ("أجرت القوات المصرية مناورات مشتركة مع الجيش السعودي.", "COOPERATE", ("EGY", "MIL"), None),
    # AID: humanitarian aid (073)
    ("أرسلت تركيا مساعدات إنسانية إلى سوريا.", "AID", ("TUR", None), ("SYR", None)),
    # RETREAT: release (0841)
    ("أفرجت حركة حماس عن ثلاثة رهائن إسرائيليين.", "RETREAT", ("PSE", "REB"), ("ISR", "CVL")),
    # REQUEST: the UN Secretary-General (للأمم: clitic لل drops the article)
    ("دعا الأمين العام للأمم المتحدة إسرائيل إلى حماية المدنيين.", "REQUEST", ("UNO", "IGO"), ("ISR", None)),
    # ACCUSE: accusation (112)
    ("اتهم خامنئي الولايات المتحدة بزعزعة استقرار المنطقة.", "ACCUSE", ("IRN", "GOV"), ("USA", None)),
    # REJECT (120)
    ("رفضت إيران اقتراح الاتحاد الأوروبي.", "REJECT", ("IRN", None), ("EUR", "IGO")),
    # THREATEN (130)
    ("هدد أردوغان السويد بعرقلة انضمامها إلى الحلف.", "THREATEN", ("TUR", "GOV"), ("SWE", None)),
    # PROTEST: demonstration (141) against the government
    ("تظاهر آلاف الطلاب الجزائريين ضد الحكومة.", "PROTEST", ("DZA", "EDU"), ("DZA", "GOV")),
    # SANCTION: sanctions (163)
    ("فرضت الولايات المتحدة عقوبات جديدة على إيران.", "SANCTION", ("USA", None), ("IRN", None)),
    # MOBILIZE: troops (154)
    ("حشد الجيش الروسي قوات كبيرة على الحدود مع أوكرانيا.", "MOBILIZE", ("RUS", "MIL"), ("UKR", None)),
    # COERCE: arrest (173)
    ("اعتقلت الشرطة المصرية عشرات المتظاهرين في القاهرة.", "COERCE", ("EGY", "COP"), ("EGY", "CVL")),
    # ASSAULT: shelling (195), demonyms in the feminine
    ("قصفت القوات الروسية مدينة خاركيف الأوكرانية.", "ASSAULT", ("RUS", "MIL"), ("UKR", None)),
]


@pytest.mark.parametrize("text,etype,actor,recip", CASES)
def test_type(text, etype, actor, recip):
    ev = first(code(text), etype)
    assert party(ev.actors[0]) == actor
    if recip is None:
        assert not ev.recipients
    else:
        assert ev.recipients and party(ev.recipients[0]) == recip


def test_cameo_codes_and_modes():
    assert first(code("قصفت القوات الروسية مدينة خاركيف الأوكرانية."), "ASSAULT").cameo_code == "195"
    assert first(code("اعتقلت الشرطة المصرية عشرات المتظاهرين في القاهرة."), "COERCE").mode == "arrest"
    ev = first(code("أفرجت حركة حماس عن ثلاثة رهائن إسرائيليين."), "RETREAT")
    assert (ev.mode, ev.cameo_code) == ("release", "0841")


def test_symmetric_consult_gives_both_parties():
    ev = first(code("التقى وزير الخارجية الروسي لافروف نظيره التركي في أنقرة."), "CONSULT")
    assert {party(a) for a in ev.actors} == {("RUS", "GOV"), ("TUR", "GOV")}
    assert not ev.recipients


# -- morphology ----------------------------------------------------------------------------------
def test_clitics_on_titles_and_countries():
    # وَ + الوزير, بِ + الرئيس: the clitic-stripped key finds the title; لروسيا finds the country
    ev = first(code("والتقى الوزير المصري بالرئيس الفرنسي في باريس."), "CONSULT")
    assert {party(a) for a in ev.actors} == {("EGY", "GOV"), ("FRA", "GOV")}


@pytest.mark.parametrize("form", ["الروسي", "الروسية", "الروس", "والروسية", "بالروسية"])
def test_demonym_forms(form):
    ev = first(code(f"هاجمت القوات {form} مدينة أوكرانية."), "ASSAULT")
    assert party(ev.actors[0]) == ("RUS", "MIL")


def test_idafa_title_takes_the_following_country():
    ev = first(code("انتقد وزير خارجية روسيا بريطانيا."), "ACCUSE")
    assert party(ev.actors[0]) == ("RUS", "GOV")
    assert party(ev.recipients[0]) == ("GBR", None)


def test_press_conference_is_not_journalists():
    ev = first(code("وخلال مؤتمر صحفي، انتقد الرئيس الأمريكي سياسات الصين."), "ACCUSE")
    assert party(ev.actors[0]) == ("USA", "GOV")
    assert party(ev.recipients[0]) == ("CHN", None)


def test_earlier_is_not_a_former_official():
    # "في وقت سابق" (earlier) must not make anyone ELI; "الرئيس السابق" must
    ev = first(code("وفي وقت سابق، انتقد الرئيس الفرنسي الحكومة الإيطالية."), "ACCUSE")
    assert party(ev.actors[0]) == ("FRA", "GOV")


def test_student_is_not_a_demand():
    # طالب = student (EDU) and "demanded": the plural طلاب must not hide the verb طالبت
    ev = first(code("طالبت مصر إسرائيل بالانسحاب من معبر رفح."), "REQUEST")
    assert party(ev.actors[0]) == ("EGY", None) and party(ev.recipients[0]) == ("ISR", None)


# -- field-failure kinds ---------------------------------------------------------------------------
def test_b16_former_official_is_elite():
    ev = first(code("انتقد الرئيس الأمريكي السابق باراك أوباما الحكومة الروسية."), "ACCUSE")
    assert party(ev.actors[0]) == ("USA", "ELI")
    assert party(ev.recipients[0]) == ("RUS", "GOV")


def test_b19_recipient_is_the_mu_phrase_not_the_object():
    # the object (الأزمة) is no party: the recipient comes from "مع نظيره الصيني"
    ev = first(code("أجرى وزير الخارجية الياباني محادثات حول الأزمة مع نظيره الصيني."), "CONSULT")
    assert {party(a) for a in ev.actors} == {("JPN", "GOV"), ("CHN", "GOV")}


def test_b21_quoted_accusation_is_not_a_confirmed_attack():
    evs = code("اتهمت أوكرانيا روسيا بقصف أحياء سكنية في خاركيف.")
    acc = first(evs, "ACCUSE")
    assert party(acc.actors[0]) == ("UKR", None) and party(acc.recipients[0]) == ("RUS", None)
    assert all(e.modality != "asserted" for e in evs if e.event_type == "ASSAULT")


def test_b21_attribution_makes_a_claim():
    ev = first(code("هاجمت القوات الإسرائيلية مخيم جنين، وفقا لمصادر فلسطينية."), "ASSAULT")
    assert ev.modality == "claimed"
    assert party(ev.actors[0]) == ("ISR", "MIL")


def test_b22_future_visit_is_agree():
    ev = first(code("سيزور الرئيس الفرنسي ماكرون الجزائر الشهر المقبل."), "AGREE")
    assert party(ev.actors[0]) == ("FRA", "GOV") and party(ev.recipients[0]) == ("DZA", None)
    assert not [e for e in code("سيزور الرئيس الفرنسي ماكرون الجزائر الشهر المقبل.") if e.event_type == "CONSULT"]


def test_b22_sawfa_future_attack_is_threat():
    ev = first(code("قال الجيش الإسرائيلي إنه سوف يهاجم مواقع حزب الله."), "THREATEN")
    assert party(ev.actors[0]) == ("ISR", "MIL")


def test_b24_negation_drops_the_event():
    text = "لم تهاجم القوات الروسية مدينة خاركيف."
    assert not [e for e in code(text) if e.event_type == "ASSAULT"]
    assert first(code(text, ALL), "ASSAULT").modality == "negated"


def test_b24_denial_verb_negates():
    text = "نفت وزارة الدفاع الروسية أنها قصفت مستشفى في خاركيف."
    assert not [e for e in code(text) if e.event_type == "ASSAULT"]
    assert first(code(text, ALL), "ASSAULT").modality == "negated"


def test_b29_euphemism_neutralize_is_assault():
    ev = first(code("وقال متحدث إن الجيش النيجيري حيد عشرات المسلحين في ولاية بورنو."), "ASSAULT")
    assert party(ev.actors[0]) == ("NGA", "MIL")
    assert ev.recipients and ev.recipients[0].sector == "UAF"


def test_b15_clitic_coordination():
    ev = first(code("أجرت روسيا والصين مناورات مشتركة في بحر اليابان."), "COOPERATE")
    assert {a.country for a in ev.actors} == {"RUS", "CHN"}

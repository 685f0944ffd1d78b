"""Who is who (issue 13 item 4) and precision (item 5), as mechanisms of every language pack.

Each mechanism: at least three phrasings in at least three languages, our own sentences, with the
actor and recipient countries, PLOVER type and modality worked out by hand."""
import pytest

import tidings

PUB = "2024-03-14"
ALL = ["asserted", "claimed", "negated", "future", "hypothetical"]


def events(text, lang, modalities=None):
    return tidings.code_text(text, lang=lang, published=PUB, modalities=modalities)


def one(text, lang, etype, modalities=None):
    evs = [e for e in events(text, lang, modalities) if e.event_type == etype]
    assert evs, f"no {etype} in {[(e.event_type, e.trigger.text) for e in events(text, lang, ALL)]}"
    return evs[0]


def countries(parties):
    return sorted({a.country for a in parties})


# -- the destination of aid, strikes and deployments is the recipient ---------------------------
@pytest.mark.parametrize("text,lang,etype,actor,recipient", [
    ("The US military carried out airstrikes in northern Iraq.", "en", "ASSAULT", "USA", "IRQ"),
    ("Turkish jets launched air strikes in Syria overnight.", "en", "ASSAULT", "TUR", "SYR"),
    ("Japan sent humanitarian aid to Sudan on Monday.", "en", "AID", "JPN", "SDN"),
    ("Estados Unidos lanzó bombardeos en el norte de Irak.", "es", "ASSAULT", "USA", "IRQ"),
    ("Japón envió ayuda humanitaria a Sudán.", "es", "AID", "JPN", "SDN"),
    ("Le Japon a envoyé une aide humanitaire au Soudan.", "fr", "AID", "JPN", "SDN"),
    ("США нанесли авиаудары по Ираку.", "ru", "ASSAULT", "USA", "IRQ"),
    ("Япония направила гуманитарную помощь в Судан.", "ru", "AID", "JPN", "SDN"),
    ("أرسلت اليابان مساعدات إنسانية إلى السودان.", "ar", "AID", "JPN", "SDN"),
])
def test_destination_is_the_recipient(text, lang, etype, actor, recipient):
    ev = one(text, lang, etype)
    assert countries(ev.actors) == [actor]
    assert countries(ev.recipients) == [recipient]
    assert ev.modality == "asserted"


# -- the reporting source is neither actor nor recipient -----------------------------------------
@pytest.mark.parametrize("text,lang,actor,recipient", [
    ("According to Ukrainian officials, Russian forces shelled Kharkiv.", "en", ["RUS"], []),
    ("Russian troops attacked Ukraine, according to British intelligence.", "en", ["RUS"], ["UKR"]),
    ("Según fuentes ucranianas, las fuerzas rusas atacaron Ucrania.", "es", ["RUS"], ["UKR"]),
    ("Selon le ministère ukrainien, les forces russes ont bombardé l'Ukraine.", "fr", ["RUS"], ["UKR"]),
    ("По данным украинской полиции, российские военные обстреляли Украину.", "ru", ["RUS"], ["UKR"]),
    ("وفقا لوزارة الصحة السورية، قصفت إسرائيل سوريا.", "ar", ["ISR"], ["SYR"]),
    ("قصفت إسرائيل سوريا، حسب وزارة الصحة السورية.", "ar", ["ISR"], ["SYR"]),
    ("Laut Kreml schossen russische Truppen zwölf ukrainische Drohnen ab.", "de", ["RUS"], ["UKR"]),
])
def test_reporting_source_is_no_party(text, lang, actor, recipient):
    ev = one(text, lang, "ASSAULT")
    assert countries(ev.actors) == actor
    assert countries(ev.recipients) == recipient
    assert ev.modality == "claimed"


# -- background, history and habitual statements give no asserted event ------------------------
@pytest.mark.parametrize("text,lang", [
    ("Earlier, Russia attacked Ukraine.", "en"),
    ("In the past, Israel bombed Syria many times.", "en"),
    ("Last year, China sanctioned American companies.", "en"),
    ("Police usually detain protesters in Moscow.", "en"),
    ("Anteriormente, Rusia atacó Ucrania.", "es"),
    ("La policía suele detener a los manifestantes en Moscú.", "es"),
    ("Par le passé, la Russie a attaqué l'Ukraine.", "fr"),
    ("La police arrête souvent des manifestants à Moscou.", "fr"),
    ("Ранее Россия атаковала Украину.", "ru"),
    ("Полиция обычно задерживает протестующих в Москве.", "ru"),
    ("في وقت سابق هاجمت روسيا أوكرانيا.", "ar"),
    ("In der Vergangenheit hat Russland die Ukraine angegriffen.", "de"),
])
def test_background_and_habitual_give_no_event(text, lang):
    assert events(text, lang, ALL) == []


@pytest.mark.parametrize("text,lang", [
    ("Earlier today, Russia attacked Ukraine.", "en"),
    ("Ранее сегодня Россия атаковала Украину.", "ru"),
    ("Hoy, anteriormente, Rusia atacó Ucrania.", "es"),
])
def test_a_recent_time_keeps_the_event(text, lang):
    ev = one(text, lang, "ASSAULT")
    assert (countries(ev.actors), countries(ev.recipients), ev.modality) == (["RUS"], ["UKR"], "asserted")


# -- names of operations hold no trigger and no party ---------------------------------------------
@pytest.mark.parametrize("text,lang", [
    ("Israeli generals reviewed Operation Swift Attack in Gaza.", "en"),
    ("Israeli generals praised Operation Northern Strike against Hamas.", "en"),
    ("Los soldados recordaron la Operación Ataque Final.", "es"),
    ("Les généraux israéliens ont évoqué l'opération « Frappe du Nord » à Gaza.", "fr"),
    ("Израильские генералы вспомнили операцию «Ответный удар» в Газе.", "ru"),
])
def test_operation_names_give_no_event(text, lang):
    assert [e for e in events(text, lang, ALL) if e.event_type in {"ASSAULT", "MOBILIZE"}] == []


# -- polarity: withholding, suspending or blocking aid is not aid (CAMEO 16x) ----------------------
@pytest.mark.parametrize("text,lang,actor,recipient,root", [
    ("The United States suspended its aid to Ethiopia.", "en", "USA", "ETH", "16"),
    ("Israel blocked humanitarian aid to Gaza.", "en", "ISR", "PSE", "16"),
    ("Britain halted talks with Iran.", "en", "GBR", "IRN", "16"),
    ("Estados Unidos suspendió la ayuda a Etiopía.", "es", "USA", "ETH", "16"),
    ("La Unión Europea congeló su ayuda a Níger.", "es", "EUR", "NER", "16"),
    ("La France a suspendu son aide au Mali.", "fr", "FRA", "MLI", "16"),
    ("Le Mali a expulsé les casques bleus de l'ONU.", "fr", "MLI", "UNO", "16"),
    ("США приостановили помощь Эфиопии.", "ru", "USA", "ETH", "16"),
    ("Deutschland setzt die Hilfe für Niger aus.", "de", "DEU", "NER", "16"),
    ("علقت الولايات المتحدة المساعدات لإثيوبيا.", "ar", "USA", "ETH", "16"),
    ("أوقفت بريطانيا المساعدات إلى إثيوبيا.", "ar", "GBR", "ETH", "16"),
])
def test_stopping_aid_or_talks_is_sanction_not_aid(text, lang, actor, recipient, root):
    evs = events(text, lang)
    assert [e.event_type for e in evs] == ["SANCTION"]
    ev = evs[0]
    assert (countries(ev.actors), countries(ev.recipients), ev.cameo_root) == ([actor], [recipient], root)

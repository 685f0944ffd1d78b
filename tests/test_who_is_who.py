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
    ("According to Ukrainian officials, Russian forces shelled Kharkiv.", "en", ["RUS"], ["UKR"]),
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


# -- an event whose perpetrator is unnamed is still an event --------------------------------------
@pytest.mark.parametrize("text,lang,recipient,root", [
    ("Two bombs exploded near a checkpoint in Mogadishu.", "en", "SOM", "18"),
    ("Shops were looted overnight in Lagos.", "en", "NGA", "17"),
    ("A car bomb went off near the market in Kabul.", "en", "AFG", "18"),
    ("Un coche bomba explotó cerca de un puesto de control en Bagdad.", "es", "IRQ", "18"),
    ("Varias tiendas fueron saqueadas en Caracas.", "es", "VEN", "17"),
    ("Une voiture piégée a explosé près d'un marché à Kaboul.", "fr", "AFG", "18"),
    ("Des magasins ont été pillés à Port-au-Prince.", "fr", "HTI", "17"),
    ("В Багдаде взорвался заминированный автомобиль.", "ru", "IRQ", "18"),
    ("انفجرت سيارة مفخخة في بغداد.", "ar", "IRQ", "18"),
])
def test_unnamed_perpetrator_is_still_an_event(text, lang, recipient, root):
    ev = one(text, lang, "ASSAULT")
    assert ev.actors == [] and countries(ev.recipients) == [recipient]
    assert (ev.cameo_root, ev.modality) == (root, "asserted")


@pytest.mark.parametrize("text,lang,country", [
    ("Hubo protestas en Lima.", "es", "PER"),
    ("Des manifestations ont eu lieu à Dakar.", "fr", "SEN"),
    ("Protests broke out in Nairobi.", "en", "KEN"),
])
def test_unnamed_protesters_are_civilians_of_the_place(text, lang, country):
    ev = one(text, lang, "PROTEST")
    assert [(a.country, a.sector) for a in ev.actors] == [(country, "CVL")]


# -- negation, including impersonal and nominal negation ------------------------------------------
@pytest.mark.parametrize("text,lang", [
    ("No arrests were made in Paris.", "en"),
    ("Aucune arrestation n'a eu lieu à Paris.", "fr"),
    ("لم يتم اعتقال أي متظاهر في القاهرة.", "ar"),
    ("Keine Festnahme wurde in Berlin gemeldet.", "de"),
])
def test_nominal_and_impersonal_negation(text, lang):
    assert events(text, lang) == []
    assert {e.modality for e in events(text, lang, ALL)} == {"negated"}


# -- the place of a foreign actor's strike is its recipient -------------------------------------
@pytest.mark.parametrize("text,lang", [
    ("Russian forces shelled Kharkiv on Sunday.", "en"),
    ("Les forces russes ont bombardé Kharkiv.", "fr"),
    ("Российские войска обстреляли Харьков.", "ru"),
])
def test_struck_city_gives_the_recipient(text, lang):
    ev = one(text, lang, "ASSAULT")
    assert (countries(ev.actors), countries(ev.recipients)) == (["RUS"], ["UKR"])


def test_police_at_home_take_no_place_recipient():
    ev = one("Police arrested dozens of protesters in Madrid.", "en", "COERCE")
    assert [(a.country, a.sector) for a in ev.recipients] == [("ESP", "CVL")]


# -- history: an event its sentence dates long before publication is background -----------------
@pytest.mark.parametrize("text,lang", [
    ("In 2019, Israel bombed Gaza.", "en"),
    ("En 2019, Israel bombardeó Gaza.", "es"),
    ("En 2019, Israël a bombardé Gaza.", "fr"),
    ("В 2019 году Израиль бомбил Газу.", "ru"),
])
def test_dated_history_gives_no_event(text, lang):
    assert events(text, lang, ALL) == []


# -- deduplication keeps distinct acts and the complete mention ---------------------------------
@pytest.mark.parametrize("text,lang", [
    ("Ukraine was attacked at dawn. Russian troops attacked Ukraine with drones.", "en"),
    ("Ucrania fue atacada al amanecer. Las tropas rusas atacaron Ucrania con drones.", "es"),
    ("L'Ukraine a été attaquée à l'aube. Les troupes russes ont attaqué l'Ukraine avec des drones.", "fr"),
])
def test_complete_mention_wins_over_an_actorless_one(text, lang):
    evs = [e for e in events(text, lang) if e.event_type == "ASSAULT"]
    assert len(evs) == 1
    assert (countries(evs[0].actors), countries(evs[0].recipients)) == (["RUS"], ["UKR"])


# -- quotes and pronouns take their speaker -------------------------------------------------------
@pytest.mark.parametrize("text,lang,etype,actor", [
    ("The Russian defence minister visited Minsk. He also condemned Ukraine.", "en", "ACCUSE", ("RUS", "GOV")),
    ('"We condemn Ukraine," the Russian foreign minister said.', "en", "ACCUSE", ("RUS", "GOV")),
    ("The Russian foreign minister spoke in Minsk. Later he condemned Ukraine.", "en", "ACCUSE", ("RUS", "GOV")),
    ("El canciller ruso visitó Minsk. También condenó a Ucrania.", "es", "ACCUSE", ("RUS", "GOV")),
    ("«Condenamos a Ucrania», dijo el canciller ruso.", "es", "ACCUSE", ("RUS", "GOV")),
    ("El canciller ruso llegó a Minsk. Él condenó a Ucrania.", "es", "ACCUSE", ("RUS", "GOV")),
    ("Le ministre russe a visité Minsk. Il a condamné l'Ukraine.", "fr", "ACCUSE", ("RUS", "GOV")),
    ("« Nous condamnons l'Ukraine », a déclaré le ministre russe.", "fr", "ACCUSE", ("RUS", "GOV")),
    ("Министр обороны России посетил Минск. Он также осудил Украину.", "ru", "ACCUSE", ("RUS", "MIL")),
])
def test_quotes_and_pronouns_take_their_speaker(text, lang, etype, actor):
    ev = one(text, lang, etype)
    assert [(a.country, a.sector) for a in ev.actors] == [actor]
    assert countries(ev.recipients) == ["UKR"]


# -- a country's own institutions and places give unnamed parties their country ------------------
@pytest.mark.parametrize("text,lang,country", [
    ("The Knesset approved the bill. Police arrested 20 protesters.", "en", "ISR"),
    ("Police arrested 20 protesters on Monday. The rally took place outside parliament in Lagos.", "en", "NGA"),
    ("El Itamaraty aprobó la medida. La policía detuvo a 20 manifestantes.", "es", "BRA"),
    ("La policía detuvo a 20 manifestantes. La protesta tuvo lugar frente al Congreso en Bogotá.", "es", "COL"),
    ("Кнессет одобрил закон. Полиция задержала 20 протестующих.", "ru", "ISR"),
    ("La police a arrêté 20 manifestants. La manifestation a eu lieu devant le Parlement à Dakar.", "fr", "SEN"),
    ("أقر الكنيست القانون. واعتقلت الشرطة 20 متظاهرا.", "ar", "ISR"),
])
def test_own_institutions_and_places_give_the_country(text, lang, country):
    ev = one(text, lang, "COERCE")
    assert [(a.country, a.sector) for a in ev.actors] == [(country, "COP")]
    assert [(a.country, a.sector) for a in ev.recipients] == [(country, "CVL")]


# -- the dead and wounded of an act are its recipients, never its actor --------------------------
@pytest.mark.parametrize("text,lang,actor,recipient", [
    ("Ten civilians died in an airstrike in Syria.", "en", [], ("SYR", "CVL")),
    ("Eleven civilians were killed in air strikes in Syria.", "en", [], ("SYR", "CVL")),
    ("Five soldiers killed in attack in Nigeria", "en", [], ("NGA", "MIL")),
    ("Quinze soldats ont été tués dans une attaque dans le nord du Burkina Faso.", "fr", [], ("BFA", "MIL")),
    ("Cinq soldats tués dans une attaque au Niger", "fr", [], ("NER", "MIL")),
    ("Nueve militares murieron en un ataque en Colombia.", "es", [], ("COL", "MIL")),
    ("Diez civiles murieron en bombardeos rusos en Járkov.", "es", ["RUS"], ("UKR", "CVL")),
    ("Десять мирных жителей погибли в результате обстрела в Харькове.", "ru", [], ("UKR", "CVL")),
    ("Zehn Zivilisten starben bei einem Angriff in der Ukraine.", "de", [], ("UKR", "CVL")),
    ("Dieci civili sono morti in un attacco in Ucraina.", "it", [], ("UKR", "CVL")),
    ("Dez soldados morreram num ataque em Moçambique.", "pt", [], ("MOZ", "MIL")),
    ("قتل عشرة مدنيين في غارة جوية في سوريا.", "ar", [], ("SYR", "CVL")),
])
def test_victims_are_recipients(text, lang, actor, recipient):
    ev = one(text, lang, "ASSAULT")
    assert countries(ev.actors) == actor
    assert [(a.country, a.sector) for a in ev.recipients] == [recipient]


@pytest.mark.parametrize("text,lang,actor,recipient", [
    ("Nigerian troops killed 20 militants in Borno.", "en", ("NGA", "MIL"), ("NGA", "REB")),
    ("Police killed two gunmen in a raid in Lagos.", "en", ("NGA", "COP"), ("NGA", "UAF")),
    ("Israeli airstrikes killed ten people in Gaza.", "en", ("ISR", None), ("PSE", None)),
])
def test_killers_with_an_object_stay_actors(text, lang, actor, recipient):
    ev = one(text, lang, "ASSAULT")
    assert [(a.country, a.sector) for a in ev.actors] == [actor]
    assert [(a.country, a.sector) for a in ev.recipients] == [recipient]


# -- a source before a comma does not swallow the subject after it -----------------------------
@pytest.mark.parametrize("text,lang", [
    ("D'après le ministère ukrainien, la Russie a bombardé Odessa.", "fr"),
    ("Segundo autoridades ucranianas, a Rússia atacou Odessa.", "pt"),
    ("По данным Генштаба Украины, Россия атаковала Одессу.", "ru"),
    ("Según el ministerio ucraniano, Rusia atacó Odesa.", "es"),
])
def test_source_then_comma_then_subject(text, lang):
    ev = one(text, lang, "ASSAULT")
    assert (countries(ev.actors), countries(ev.recipients), ev.modality) == (["RUS"], ["UKR"], "claimed")


@pytest.mark.parametrize("text,lang,actors", [
    ("Los ministros de Rusia, Ucrania y Bielorrusia se reunieron en Minsk.", "es", ["BLR", "RUS", "UKR"]),
    ("Les ministres de la Russie, de l'Ukraine et de la Biélorussie se sont réunis à Minsk.", "fr", ["BLR", "RUS", "UKR"]),
    ("The ministers of Russia, Ukraine and Belarus met in Minsk.", "en", ["BLR", "RUS", "UKR"]),
])
def test_a_list_of_countries_still_joins(text, lang, actors):
    ev = one(text, lang, "CONSULT")
    assert countries(ev.actors) == actors


# -- polarity: a halt word before aid or talks reverses them (CAMEO 162x / 164) -------------------
@pytest.mark.parametrize("text,lang,actor,recipient,cameo", [
    ("The United States paused military aid to Ukraine.", "en", "USA", "UKR", "1622"),
    ("The Pentagon paused weapons deliveries to Ukraine.", "en", "USA", "UKR", "1622"),
    ("Britain froze talks with Iran.", "en", "GBR", "IRN", "164"),
    ("Gli Stati Uniti hanno fermato gli aiuti militari all'Ucraina.", "it", "USA", "UKR", "162"),
    ("La France a gelé les négociations avec le Mali.", "fr", "FRA", "MLI", "164"),
    ("España suspendió el diálogo con Marruecos.", "es", "ESP", "MAR", "164"),
    ("Россия приостановила переговоры с Украиной.", "ru", "RUS", "UKR", "164"),
    ("Deutschland stoppte die humanitäre Hilfe für Afghanistan.", "de", "DEU", "AFG", "162"),
])
def test_halted_aid_and_talks_are_sanctions(text, lang, actor, recipient, cameo):
    evs = events(text, lang)
    assert [e.event_type for e in evs] == ["SANCTION"]
    ev = evs[0]
    assert (countries(ev.actors), countries(ev.recipients), ev.cameo_code) == ([actor], [recipient], cameo)


@pytest.mark.parametrize("text,lang", [
    ("The United States sent military aid to Ukraine after a pause.", "en"),
    ("Japón envió ayuda humanitaria a Sudán.", "es"),
    ("Le Japon a envoyé une aide humanitaire au Soudan.", "fr"),
])
def test_aid_without_a_halt_word_stays_aid(text, lang):
    assert [e.event_type for e in events(text, lang)] == ["AID"]


# -- verb-second clauses: a subject pronoun is the subject; two countries are subject and object --
@pytest.mark.parametrize("text,lang,actor,recipient", [
    ("Der deutsche Außenminister reiste nach Kiew. Er verurteilte Russland.", "de", ("DEU", "GOV"), "RUS"),
    ("„Wir verurteilen Russland“, sagte der deutsche Außenminister.", "de", ("DEU", "GOV"), "RUS"),
    ("Der deutsche Außenminister reiste nach Kiew. Am Montag verurteilte er Russland.", "de", ("DEU", "GOV"), "RUS"),
    ("Am Dienstag verurteilte Russland die USA.", "de", ("RUS", None), "USA"),
])
def test_verb_second_pronoun_and_object(text, lang, actor, recipient):
    ev = one(text, lang, "ACCUSE")
    assert [(a.country, a.sector) for a in ev.actors] == [actor]
    assert countries(ev.recipients) == [recipient]


def test_verb_second_with_a_separable_verb():
    ev = one("Am Montag griff Russland die Ukraine an.", "de", "ASSAULT")
    assert (countries(ev.actors), countries(ev.recipients)) == (["RUS"], ["UKR"])


@pytest.mark.parametrize("text,lang,modality", [
    ("Civilians were killed in air strikes in Syria, the US military said.", "en", "asserted"),
    ("Des civils ont été tués dans des frappes en Syrie, selon l'armée américaine.", "fr", "claimed"),
    ("Varios civiles murieron en bombardeos en Siria, según el ejército estadounidense.", "es", "claimed"),
])
def test_victims_take_the_country_of_the_place(text, lang, modality):
    ev = one(text, lang, "ASSAULT")
    assert ev.actors == [] and ev.modality == modality
    assert [(a.country, a.sector) for a in ev.recipients] == [("SYR", "CVL")]

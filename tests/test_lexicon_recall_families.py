"""Trigger recall by family (issue 13 item 3): the common verbs and nominalizations of the kinds most
frequent in news code in every pack, written as lemmas or gap patterns so inflections match: massing
and deploying troops (MOBILIZE 154), freezing assets and blacklisting (163), cutting diplomatic ties
(161), boycotts and strikes (PROTEST 143, never 144 obstruct), arrests and detentions as nouns (173),
expelling migrants (COERCE 174, not the diplomatic 166), and verb-first Arabic with the actor between
the verb and its object. The same words in their ordinary senses (a market, a football strike, a verb
form spelled like a new noun) code nothing new."""
import pytest

from recall_support import coded as _coded
from recall_support import coder  # noqa: F401  (the module's fixture)


def _has(coded, event_type, cameo):
    return any(t == event_type and (c or "").startswith(cameo) for t, c, _, _ in coded)


MOBILIZE = [
    ("en", "Russia has massed troops on the border with Ukraine."),
    ("es", "Rusia concentró tropas en la frontera con Ucrania."),
    ("fr", "La Russie a massé des troupes à la frontière avec l'Ukraine."),
    ("pt", "A Rússia concentrou tropas na fronteira com a Ucrânia."),
    ("de", "Russland hat an der Grenze Truppen zusammengezogen."),
    ("it", "La Russia ha ammassato truppe al confine con l'Ucraina."),
    ("ru", "Россия стягивает войска к границе с Украиной."),
    ("ar", "نشرت روسيا قوات على الحدود مع أوكرانيا."),
    ("ar", "حشدت روسيا قواتها على الحدود مع أوكرانيا."),
]

SANCTION_ASSETS = [
    ("en", "Washington froze the assets of the Iranian central bank."),
    ("en", "The United States blacklisted two Iranian generals."),
    ("es", "Estados Unidos congeló los activos del banco central iraní."),
    ("fr", "Les États-Unis ont gelé les avoirs de la banque centrale iranienne."),
    ("pt", "Os Estados Unidos congelaram os bens do banco central iraniano."),
    ("de", "Die USA froren die Vermögenswerte der iranischen Zentralbank ein."),
    ("it", "Gli Stati Uniti hanno congelato i beni della banca centrale iraniana."),
    ("ru", "США заморозили активы центрального банка Ирана."),
    ("ar", "جمدت الولايات المتحدة أصول البنك المركزي الإيراني."),
]

CUT_TIES = [
    ("en", "Rwanda has cut diplomatic ties with Belgium.", "RWA", "BEL"),
    ("es", "Nicaragua rompió sus relaciones diplomáticas con Taiwán.", "NIC", "TWN"),
    ("pt", "A Nicarágua rompeu as relações diplomáticas com Taiwan.", "NIC", "TWN"),
    ("ar", "قطعت المغرب العلاقات مع إيران.", "MAR", "IRN"),
]

BOYCOTT_STRIKE = [
    ("es", "La oposición venezolana boicoteó las elecciones."),
    ("fr", "L'opposition togolaise a boycotté les élections."),
    ("it", "L'opposizione ha boicottato il voto in Venezuela."),
    ("pt", "A oposição venezuelana boicotou as eleições."),
    ("de", "Die Opposition in Venezuela boykottierte die Wahl."),
    ("es", "Los mineros bolivianos iniciaron una huelga contra el Gobierno."),
    ("de", "Die französischen Bahnarbeiter streikten gegen die Rentenreform."),
    ("ru", "Французские железнодорожники объявили забастовку."),
]

ARREST_NOUN = [
    ("es", "La policía turca anunció la detención de un periodista alemán."),
    ("pt", "A polícia turca anunciou a detenção de um jornalista alemão."),
    ("fr", "La police turque a annoncé l'arrestation d'un journaliste allemand."),
    ("de", "Die türkische Polizei meldete die Festnahme eines deutschen Journalisten."),
]

DEPORT = [
    ("en", "Germany expelled dozens of Afghan migrants."),
    ("es", "Alemania expulsó a decenas de migrantes afganos."),
    ("fr", "L'Allemagne a expulsé des dizaines de migrants afghans."),
    ("it", "La Germania ha espulso decine di migranti afghani."),
    ("pt", "A Alemanha expulsou dezenas de migrantes afegãos."),
    ("de", "Deutschland schob Dutzende afghanische Migranten ab."),
]

VERB_FIRST_ARABIC = [
    ("سحبت روسيا قواتها من خيرسون.", "RETREAT", "087"),
    ("وقعت اليابان والهند اتفاقية دفاعية.", "SUPPORT", "057"),
]

OTHER = [
    ("de", "Russland legte ein Veto gegen die Resolution ein.", "REJECT", "129"),
    ("es", "Rusia opuso su veto a la resolución sobre Siria.", "REJECT", "129"),
    ("ru", "Россия наложила вето на резолюцию по Сирии.", "REJECT", "129"),
    ("de", "Russland ließ zwei amerikanische Gefangene frei.", "RETREAT", "084"),
    ("fr", "Le président français s'est rendu en Chine.", "CONSULT", "042"),
    ("es", "La acusación de China contra Estados Unidos.", "ACCUSE", "112"),
]


@pytest.mark.parametrize("lang,text", MOBILIZE)
def test_massing_and_deploying_troops_is_mobilize(coder, lang, text):
    assert _has(_coded(coder, lang, text), "MOBILIZE", "154")


@pytest.mark.parametrize("lang,text", SANCTION_ASSETS)
def test_asset_freeze_and_blacklist_is_sanction_163(coder, lang, text):
    assert _has(_coded(coder, lang, text), "SANCTION", "163")


@pytest.mark.parametrize("lang,text,actor,recipient", CUT_TIES)
def test_cutting_diplomatic_ties_is_161(coder, lang, text, actor, recipient):
    coded = _coded(coder, lang, text)
    assert ("SANCTION", "161") in [(t, c) for t, c, _, _ in coded]
    assert any(a == [actor] and recipient in "".join(r) for t, c, a, r in coded if c == "161")


@pytest.mark.parametrize("lang,text", BOYCOTT_STRIKE)
def test_boycott_and_strike_are_143(coder, lang, text):
    coded = _coded(coder, lang, text)
    assert _has(coded, "PROTEST", "143") and not _has(coded, "PROTEST", "144")


@pytest.mark.parametrize("lang,text", ARREST_NOUN)
def test_arrest_nominalization_is_173(coder, lang, text):
    assert _has(_coded(coder, lang, text), "COERCE", "173")


@pytest.mark.parametrize("lang,text", DEPORT)
def test_expelling_migrants_is_deportation_174(coder, lang, text):
    coded = _coded(coder, lang, text)
    assert _has(coded, "COERCE", "174") and not _has(coded, "SANCTION", "166")


@pytest.mark.parametrize("text,event_type,cameo", VERB_FIRST_ARABIC)
def test_arabic_verb_first_with_actor_in_the_gap(coder, text, event_type, cameo):
    assert _has(_coded(coder, "ar", text), event_type, cameo)


@pytest.mark.parametrize("lang,text,event_type,cameo", OTHER)
def test_other_family_verbs_and_nouns(coder, lang, text, event_type, cameo):
    assert _has(_coded(coder, lang, text), event_type, cameo)


@pytest.mark.parametrize("lang,text,event_type,cameo", [
    # a new noun spelled like a verb form does not take the verb's place
    ("es", "Rusia rechazó la propuesta ucraniana.", "REJECT", "12"),
    ("es", "Francia critica a Rusia.", "ACCUSE", "111"),
    ("fr", "L'Iran menace Israël de représailles.", "THREATEN", "13"),
])
def test_verb_forms_keep_their_verb_trigger(coder, lang, text, event_type, cameo):
    assert _has(_coded(coder, lang, text), event_type, cameo)


@pytest.mark.parametrize("lang,text,event_type", [
    ("fr", "Les marchés financiers européens ont reculé à Paris.", "PROTEST"),
    ("en", "The striker scored twice as Chelsea beat Arsenal in London.", "ASSAULT"),
    ("en", "Heavy frost will freeze the roads in Germany tonight.", "SANCTION"),
    ("it", "La corte d'appello di Roma ha fissato l'udienza.", "REQUEST"),
    ("de", "Der Minister zog in Berlin eine positive Bilanz.", "MOBILIZE"),
    ("ar", "نشرت الصحيفة المصرية تقريرا عن الاقتصاد.", "MOBILIZE"),
])
def test_ordinary_senses_code_no_event_of_the_family(coder, lang, text, event_type):
    assert event_type not in [t for t, _, _, _ in _coded(coder, lang, text)]


SECOND_PHRASINGS = [
    # talks held by two parties are symmetric consultations (CAMEO 040), each party an actor
    ("en", "Japan and China held talks in Beijing.", "CONSULT", "040"),
    ("de", "Japan und China führten Gespräche in Peking.", "CONSULT", "040"),
    ("ru", "Япония и Китай провели переговоры в Пекине.", "CONSULT", "04"),
    ("ar", "أجرت اليابان والصين محادثات في بكين.", "CONSULT", "04"),
    # verbal attacks
    ("en", "Japan lashed out at China over the incursion.", "ACCUSE", "111"),
    ("es", "Japón arremetió contra China.", "ACCUSE", "111"),
    ("de", "Japan prangerte China an.", "ACCUSE", "111"),
    # taking to the streets
    ("de", "Tausende Georgier gingen gegen die Regierung auf die Straße.", "PROTEST", "141"),
    ("it", "Migliaia di georgiani sono scesi in piazza contro il governo.", "PROTEST", "141"),
    ("ru", "Тысячи грузин вышли на улицы против правительства.", "PROTEST", "141"),
    ("ar", "خرج آلاف الجورجيين في مظاهرات ضد الحكومة.", "PROTEST", "141"),
    # arrests by other verbs
    ("en", "Georgian police rounded up dozens of protesters.", "COERCE", "173"),
    ("it", "La polizia georgiana ha fermato decine di manifestanti.", "COERCE", "173"),
    ("fr", "La police géorgienne a interpellé des dizaines de manifestants.", "COERCE", "173"),
    # releases and withdrawals
    ("en", "China pulled its troops out of the disputed area.", "RETREAT", "087"),
    ("ar", "أطلقت الصين سراح صيادين يابانيين.", "RETREAT", "084"),
    ("es", "China excarceló a dos pescadores japoneses.", "RETREAT", "084"),
    ("it", "La Cina ha rilasciato due pescatori giapponesi.", "RETREAT", "084"),
    # agreement and rejection
    ("fr", "Le Japon et la Chine se sont accordés pour reprendre les vols.", "AGREE", "03"),
    ("es", "China desestimó la petición japonesa.", "REJECT", "12"),
]


@pytest.mark.parametrize("lang,text,event_type,cameo", SECOND_PHRASINGS)
def test_second_phrasings_of_each_family(coder, lang, text, event_type, cameo):
    assert _has(_coded(coder, lang, text), event_type, cameo)


def test_talks_held_by_two_states_make_both_actors(coder):
    coded = _coded(coder, "en", "Japan and China held talks in Beijing.")
    assert ("CONSULT", "040", ["JPN", "CHN"], []) in coded or ("CONSULT", "040", ["CHN", "JPN"], []) in coded


@pytest.mark.parametrize("lang,text,event_type", [
    ("it", "La Russia deve fermare la guerra in Ucraina.", "COERCE"),
    ("de", "Die Kinder spielten in Berlin auf der Straße.", "PROTEST"),
    ("en", "Analysts rounded up the figures for Germany.", "COERCE"),
])
def test_second_phrasings_ordinary_senses(coder, lang, text, event_type):
    assert event_type not in [t for t, _, _, _ in _coded(coder, lang, text)]


@pytest.mark.parametrize("lang,text,event_type,cameo", [
    # recalling one's own ambassador reduces relations (166); summoning another's is a complaint (114)
    ("en", "Serbia recalled its ambassador from Croatia.", "SANCTION", "166"),
    ("es", "Serbia llamó a consultas a su embajador en Croacia.", "SANCTION", "166"),
    ("de", "Serbien rief seinen Botschafter aus Kroatien zurück.", "SANCTION", "166"),
    ("it", "La Serbia ha richiamato il suo ambasciatore in Croazia.", "SANCTION", "166"),
    ("ar", "استدعت صربيا سفيرها لدى كرواتيا.", "SANCTION", "166"),
    ("en", "Turkey summoned the Swedish ambassador.", "ACCUSE", "114"),
    ("pt", "A Turquia convocou o embaixador sueco.", "ACCUSE", "114"),
    ("ar", "استدعت تركيا السفير السويدي.", "ACCUSE", "114"),
    # shooting down aircraft and drones
    ("es", "Ucrania derribó doce drones rusos.", "ASSAULT", "19"),
    ("pt", "A Ucrânia derrubou doze drones russos.", "ASSAULT", "19"),
    ("ar", "أسقطت أوكرانيا اثنتي عشرة طائرة مسيرة روسية.", "ASSAULT", "19"),
])
def test_ambassadors_and_shooting_down(coder, lang, text, event_type, cameo):
    assert _has(_coded(coder, lang, text), event_type, cameo)


@pytest.mark.parametrize("lang,text,event_type", [
    ("es", "La oposición quiere derribar al Gobierno de Perú.", "ASSAULT"),
    ("fr", "Le ministre a rappelé à Paris que l'ambassadeur était absent.", "SANCTION"),
])
def test_ambassador_and_shooting_down_ordinary_senses(coder, lang, text, event_type):
    assert event_type not in [t for t, _, _, _ in _coded(coder, lang, text)]

"""Precision (issue 13 item 5): negated, habitual and background statements give no asserted event,
as mechanisms of every language pack (frames.tsv cues read by tidings/events/modality.py).

Our own sentences; the values (no asserted event, modality negated, or the event kept with its
parties) are worked out by hand."""
import pytest

import tidings

PUB = "2024-03-14"
ALL = ["asserted", "claimed", "negated", "future", "hypothetical"]


def events(text, lang, modalities=None):
    return tidings.code_text(text, lang=lang, published=PUB, modalities=modalities)


def countries(parties):
    return sorted({a.country for a in parties})


# -- a no-one subject negates the act: "nobody was detained" -------------------------------------
@pytest.mark.parametrize("text,lang", [
    ("Nobody was detained during the rally in London.", "en"),
    ("No one was arrested during the protest in London.", "en"),
    ("Nadie fue detenido durante la marcha en Lima.", "es"),
    ("Niemand wurde bei der Demonstration in Berlin festgenommen.", "de"),
    ("Ninguém foi detido durante a manifestação em São Paulo.", "pt"),
    ("Nessuno è stato arrestato durante la protesta a Milano.", "it"),
    ("Никто не был задержан во время акции в Москве.", "ru"),
])
def test_no_one_subject_negates_the_arrest(text, lang):
    assert [e for e in events(text, lang) if e.event_type == "COERCE"] == []
    assert {e.modality for e in events(text, lang, ALL) if e.event_type == "COERCE"} == {"negated"}


# -- a postposed negation: "Нападения на посольство не было" --------------------------------------
@pytest.mark.parametrize("text", [
    "Нападения на посольство не было.",
    "Нападений на посольство не зафиксировано.",
    "Нападения на полицию не произошло, сообщили в МВД.",
])
def test_postposed_negation(text):
    assert events(text, "ru") == []
    assert {e.modality for e in events(text, "ru", ALL)} == {"negated"}


@pytest.mark.parametrize("text,lang", [
    ("Russia failed to attack Kyiv.", "en"),
    ("No se registraron detenciones durante la protesta en Madrid.", "es"),
    ("La police n'a arrêté aucun manifestant.", "fr"),
    ("Es gab keine Festnahmen in Berlin.", "de"),
    ("لا توجد اعتقالات في القاهرة.", "ar"),
])
def test_other_negations_give_no_asserted_act(text, lang):
    assert [e for e in events(text, lang) if e.event_type in {"ASSAULT", "COERCE"}] == []


# -- habitual: always, for years, again and again ------------------------------------------------
@pytest.mark.parametrize("text,lang", [
    ("Russia has long accused Ukraine of provocations.", "en"),
    ("Russia has always criticized Ukraine.", "en"),
    ("Las autoridades siempre han acusado a la oposición.", "es"),
    ("Las autoridades han acusado desde hace mucho tiempo a la oposición.", "es"),
    ("La Russie accuse depuis longtemps l'Ukraine de provocations.", "fr"),
    ("La Russia ha sempre accusato l'Ucraina.", "it"),
    ("A Rússia sempre acusou a Ucrânia de provocações.", "pt"),
    ("Russland wirft der Ukraine seit Jahren Provokationen vor.", "de"),
    ("Die Polizei nimmt in Moskau regelmäßig Demonstranten fest.", "de"),
    ("Россия давно обвиняет Украину в провокациях.", "ru"),
    ("Россия всегда критиковала Украину.", "ru"),
    ("طالما اتهمت روسيا أوكرانيا بالاستفزاز.", "ar"),
    ("اتهمت روسيا أوكرانيا مرارا بالاستفزاز.", "ar"),
])
def test_habitual_statements_give_no_event(text, lang):
    assert events(text, lang, ALL) == []


# -- background: spans of years, the Arabic pluperfect (kana ... qad) ------------------------------
@pytest.mark.parametrize("text,lang", [
    ("Over the past five years, Israel bombed Gaza.", "en"),
    ("Se ha detenido a 105 personas en los últimos ocho años.", "es"),
    ("Au cours des cinq dernières années, Israël a bombardé Gaza.", "fr"),
    ("Negli ultimi tre anni Israele ha bombardato Gaza.", "it"),
    ("Nos últimos cinco anos, Israel bombardeou Gaza.", "pt"),
    ("In den vergangenen fünf Jahren hat Israel Gaza bombardiert.", "de"),
    ("За последние пять лет Израиль бомбил Газу.", "ru"),
    ("وكانت إسرائيل قد قصفت غزة.", "ar"),
    ("وكانت وزارة الخارجية الروسية قد انتقدت فرنسا.", "ar"),
])
def test_spans_of_years_and_pluperfect_are_background(text, lang):
    assert events(text, lang, ALL) == []


# -- the same acts, reported as news, are kept ----------------------------------------------------
@pytest.mark.parametrize("text,lang,etype,actor,recipient", [
    ("Russian forces attacked Ukraine on Monday.", "en", "ASSAULT", "RUS", "UKR"),
    ("Las fuerzas rusas atacaron Ucrania el lunes.", "es", "ASSAULT", "RUS", "UKR"),
    ("Российские войска атаковали Украину в понедельник.", "ru", "ASSAULT", "RUS", "UKR"),
    ("هاجمت روسيا أوكرانيا يوم الاثنين.", "ar", "ASSAULT", "RUS", "UKR"),
    ("The minister always speaks first. Russia accused Ukraine of provocations on Monday.", "en",
     "ACCUSE", "RUS", "UKR"),
])
def test_news_of_the_day_is_kept(text, lang, etype, actor, recipient):
    evs = [e for e in events(text, lang) if e.event_type == etype]
    assert len(evs) == 1
    assert (countries(evs[0].actors), countries(evs[0].recipients), evs[0].modality) == ([actor], [recipient], "asserted")


def test_negation_after_must_be_a_known_value(tmp_path):
    from tidings.lexicon import LexiconError, load_pack

    (tmp_path / "ru").mkdir()
    (tmp_path / "ru" / "frames.tsv").write_text("kind\tpattern\tvalue\nnegation\tне было\tbefore\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="value 'before' of negation"):
        load_pack("ru", [tmp_path])

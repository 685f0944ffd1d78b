"""Event dates: a date after the trigger across a clause marker dates that later clause, and a
weekday introduced by "starting/dès/a partir de/ab" opens a future period (never an event date)."""
import pytest

from tidings.when import resolve_event_date

PUB = "2012-10-25"  # a Thursday: the Friday before is 2012-10-19


def _date(sentence: str, lang: str, published: str = PUB) -> tuple[str | None, str | None]:
    trig = sentence.index("*")
    r = resolve_event_date(sentence.replace("*", ""), lang, published=published, trigger_offset=trig)
    return r.date, r.source


@pytest.mark.parametrize("lang,sentence", [
    ("en", "The ministry *summoned the ambassadors in response to the rally held on 23 October."),
    ("en", "The government *expelled two diplomats over a protest they joined on Friday."),
    ("es", "El ministerio *convocó a los embajadores a raíz de la protesta del pasado 23 de octubre."),
    ("fr", "Le ministère *a convoqué l'ambassadeur suite à la manifestation du 23 octobre."),
    ("pt", "O ministério *convocou o embaixador na sequência de um protesto em 23 de outubro."),
    ("it", "Il ministero *ha convocato l'ambasciatore in seguito alla protesta del 23 ottobre."),
    ("de", "Das Ministerium *bestellte den Botschafter ein, infolge einer Kundgebung am 23. Oktober."),
    ("ru", "МИД *вызвал посла в связи с акцией протеста 23 октября."),
    ("ar", "*استدعت الوزارة السفير على خلفية احتجاج يوم 23 أكتوبر."),
])
def test_a_date_in_a_later_clause_is_not_the_event_date(lang, sentence):
    assert _date(sentence, lang) == (PUB, "published")


@pytest.mark.parametrize("lang,sentence", [
    ("en", "The ministry *summoned the ambassador on 23 October."),
    ("es", "El ministerio *convocó al embajador el 23 de octubre."),
    ("fr", "Le ministère *a convoqué l'ambassadeur le 23 octobre."),
    ("ru", "МИД 23 октября *вызвал посла."),
])
def test_the_date_of_the_trigger_clause_still_counts(lang, sentence):
    assert _date(sentence, lang) == ("2012-10-23", "explicit")


@pytest.mark.parametrize("lang,sentence", [
    ("fr", "L'armée *annonce une trêve dès vendredi matin."),
    ("fr", "Le gouvernement *a décrété un couvre-feu à partir de lundi."),
    ("en", "The army *announced a truce starting Friday."),
    ("en", "The ministry *imposed a curfew effective Monday."),
    ("es", "El ejército *anunció una tregua a partir del viernes."),
    ("pt", "O governo *anunciou um cessar-fogo a partir de sexta-feira."),
    ("it", "Il governo *ha annunciato una tregua a partire da venerdì."),
    ("de", "Die Armee *verkündet eine Waffenruhe ab Freitag."),
    ("ru", "Армия *объявила перемирие начиная с пятницы."),
])
def test_a_period_starting_on_a_weekday_is_future(lang, sentence):
    assert _date(sentence, lang) == (PUB, "published")


@pytest.mark.parametrize("lang,sentence", [
    ("en", "The minister *met his counterpart on Friday."),
    ("fr", "Le ministre *a rencontré vendredi son homologue."),
    ("es", "El canciller *se reunió el viernes con su homólogo."),
    ("de", "Der Minister *traf am Freitag seinen Amtskollegen."),
])
def test_a_plain_weekday_is_still_the_last_one(lang, sentence):
    assert _date(sentence, lang) == ("2012-10-19", "relative")

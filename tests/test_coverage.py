"""Coverage by design (issue 13): the code x language table of `tidings lexicon coverage`, the shipped
packs without holes, lemma entries that reach inflected forms, and the entries for the CAMEO codes
the packs used to miss, coded end to end in several languages."""
import subprocess
import sys
from pathlib import Path

import pytest

import tidings
from tidings.lexicon import load_pack
from tidings.lexicon_tools import coverage, coverage_table, plover_codes
from tidings.text import fold
from tidings.text.matcher import Matcher, token_keys

ROOT = Path(__file__).resolve().parent.parent
HEADER = "pattern\ttype\tmode\tcameo\tflags\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def tiny(tmp_path):
    """Two languages: en with a hand-written file and an imported one (an extra source column),
    fr with one entry for a four-digit code."""
    _write(tmp_path / "en" / "events.tsv", HEADER + "\n".join([
        "condemn\tACCUSE\tdisapprove\t111\t",
        "denounce\tACCUSE\tdisapprove\t111\t",
        "meet\tCONSULT\t\t\tsymmetric",     # no code: CONSULT's default, 040
        "visit\tCONSULT\tvisit\t\t",        # no code: the default of CONSULT visit, 042
        "urge\tREQUEST\t\t020\t",           # 020 appeal: not a PLOVER code, counted apart
        "bombard\t-\t\t\t",                 # a removal line is no entry
    ]) + "\n")
    _write(tmp_path / "en" / "events.petrarch.tsv",
           "pattern\ttype\tmode\tcameo\tflags\tsource\nshell\tASSAULT\theavy-weapons\t194\t\tSHELL (verbs:12)\n")
    _write(tmp_path / "fr" / "events.tsv", HEADER + "libérer\tRETREAT\trelease\t0841\t\n")
    return tmp_path


def test_counts_by_three_digit_code(tiny):
    cov = coverage([tiny], packaged=False)
    assert cov.langs == ["en", "fr"]
    assert len(cov.codes) == 128 and cov.codes[0] == "030" and cov.codes[-1] == "204"
    counted = {k: v for k, v in cov.counts.items() if v}
    assert counted == {("111", "en"): 2, ("040", "en"): 1, ("042", "en"): 1, ("194", "en"): 1, ("084", "fr"): 1}
    assert cov.other == {"en": 1}
    assert (cov.total("en"), cov.total("fr")) == (5, 1)
    assert len(cov.holes()) == 2 * 128 - 5
    assert ("111", "fr") in cov.holes() and ("111", "en") not in cov.holes()


def test_table_text_and_markdown(tiny):
    cov = coverage([tiny], packaged=False)
    lines = coverage_table(cov).splitlines()
    row = next(line for line in lines if line.startswith("111"))
    assert row.split()[-2:] == ["2", "-"]
    assert next(line for line in lines if line.startswith("all")).split()[-2:] == ["5", "1"]
    assert "251 hole(s) (code with no entry):" in lines
    fr_holes = next(line for line in lines if line.startswith("- fr: "))
    assert "084" not in fr_holes and fr_holes.startswith("- fr: 030, 031")
    md = coverage_table(cov, markdown=True).splitlines()
    assert md[0] == "| code | CAMEO event | en | fr |"
    assert "| 084 | Return, release | - | 1 |" in md


def test_command_on_a_lexicon_folder(tiny):
    r = subprocess.run([sys.executable, "-m", "tidings", "lexicon", "coverage", "--only", "--lexicon", str(tiny)],
                       capture_output=True, cwd=ROOT, timeout=120)
    out = r.stdout.decode()
    assert r.returncode == 1, r.stderr.decode()  # holes
    assert "251 hole(s)" in out and next(line for line in out.splitlines() if line.startswith("042")).split()[-2:] == ["1", "-"]


def test_shipped_packs_have_no_holes():
    cov = coverage()
    assert set(cov.langs) >= {"en", "es", "fr", "pt", "de", "it", "ru", "ar"}
    assert cov.holes() == []
    assert set(plover_codes()) == set(cov.codes)


def test_docs_show_the_current_table():
    """docs/languages.md carries the table; regenerate it with `tidings lexicon coverage --update docs/languages.md`."""
    doc = (ROOT / "docs" / "languages.md").read_text(encoding="utf-8")
    assert coverage_table(coverage(), markdown=True) in doc


# -- lemma entries reach inflected forms ---------------------------------------------------------
@pytest.mark.parametrize("lang,pattern,forms", [
    ("en", "condemn", "condemn condemns condemned condemning"),
    ("es", "condenar", "condenar condenó condenaron condenan"),
    ("ru", "осудить", "осудить осудил осудила осудили"),
    ("ar", "أدان*", "أدان أدانت يدين تدين"),
    ("fr", "condamner", "condamner condamné condamnée condamnent"),
    ("it", "condannare", "condannare condannato condannati condannano"),
    ("pt", "ameaçar", "ameaçar ameaçou ameaçaram ameaçados"),
    ("de", "drohen", "drohen drohte drohten droht"),
])
def test_lemma_entry_matches_inflections(lang, pattern, forms):
    """One dictionary-form entry matches every inflection: simplemma's table, plus the forms the
    pack adds where simplemma fails (inflections.tsv participles, lemmas.added.tsv)."""
    pack = load_pack(lang)
    entry = next(e for e in pack.events if e.text == pattern)
    m = Matcher()
    m.add(entry.words, entry)
    clitics, suffixes = pack.clitic_prefixes(), pack.case_suffixes()
    for form in forms.split():
        tok = tidings.text.tokenize(form, lang)[0]
        assert m.find([token_keys(tok, clitics, suffixes)]), f"{lang}: {pattern!r} does not match {form!r}"


# -- the newly covered codes, coded in several languages ------------------------------------------
def _one(text, lang, etype):
    evs = [e for e in tidings.code_text(text, lang=lang, published="2024-03-14") if e.event_type == etype]
    assert evs, (text, [(e.event_type, e.trigger.text) for e in tidings.code_text(text, lang=lang)])
    return evs[0]


def _codes(actors):
    return sorted(a.code for a in actors)


@pytest.mark.parametrize("lang,text,actor,recipient", [
    ("en", "Russia threatened Moldova with sanctions on Monday.", "RUS", "MDA"),
    ("es", "Rusia amenazó a Moldavia con sanciones el lunes.", "RUS", "MDA"),
    ("fr", "La Russie a menacé la Moldavie de sanctions lundi.", "RUS", "MDA"),
    ("de", "Polen drohte Belarus mit Sanktionen.", "POL", "BLR"),
    ("it", "La Russia ha minacciato la Moldavia di sanzioni.", "RUS", "MDA"),
    ("ru", "Россия пригрозила Молдавии санкциями.", "RUS", "MDA"),
    ("ar", "هددت تركيا السويد بفرض عقوبات.", "TUR", "SWE"),
])
def test_party_in_the_gap_is_the_recipient(lang, text, actor, recipient):
    """A gap pattern (`threaten .. sanctions`) codes the specific CAMEO code, and the party the gap
    skips is the verb's object; in verb-first Arabic the first party in the gap is the subject."""
    ev = _one(text, lang, "THREATEN")
    assert (ev.cameo_code, _codes(ev.actors), _codes(ev.recipients)) == ("1312", [actor], [recipient])


@pytest.mark.parametrize("lang,text,etype,code,actors,recipients", [
    # 116 find guilty (was coded as "condemn", 111)
    ("en", "A court in Cairo convicted three journalists on Sunday.", "SANCTION", "116", ["EGYJUD"], ["EGYJRN"]),
    ("es", "Un tribunal de Egipto condenó a tres periodistas a cinco años de prisión.", "SANCTION", "116", ["EGYJUD"], ["EGYJRN"]),
    ("ru", "Суд в Египте приговорил трех журналистов к пяти годам.", "SANCTION", "116", ["EGYJUD"], ["EGYJRN"]),
    # 164 halt negotiations
    ("en", "Iran suspended talks with the United States.", "SANCTION", "164", ["IRN"], ["USA"]),
    ("fr", "L'Iran a suspendu les négociations avec les États-Unis.", "SANCTION", "164", ["IRN"], ["USA"]),
    ("ar", "علقت إيران المفاوضات مع الولايات المتحدة.", "SANCTION", "164", ["IRN"], ["USA"]),
    # 196 violate ceasefire (the country named with a locative is where the force lands: the recipient)
    ("en", "Russian troops violated the ceasefire in eastern Ukraine.", "ASSAULT", "196", ["RUSMIL"], ["UKR"]),
    ("de", "Russische Truppen verletzten die Waffenruhe in der Ukraine.", "ASSAULT", "196", ["RUSMIL"], ["UKR"]),
    ("ar", "خرقت القوات الروسية وقف إطلاق النار في أوكرانيا.", "ASSAULT", "196", ["RUSMIL"], ["UKR"]),
    # 142 hunger strike, 139 ultimatum: verbs beside the nouns
    ("en", "Kurdish lawmakers went on a hunger strike on Monday.", "PROTEST", "142", ["---LEG"], []),
    ("es", "Los presos políticos de Venezuela iniciaron una huelga de hambre el lunes.", "PROTEST", "142", ["VENCVL"], []),
    ("ru", "Арестованные журналисты в Белоруссии объявили голодовку в понедельник.", "PROTEST", "142", ["BLRJRN"], []),
    ("en", "Serbia issued an ultimatum to Kosovo on Monday.", "THREATEN", "139", ["SRB"], ["KOS"]),
    ("fr", "La Serbie a lancé un ultimatum au Kosovo lundi.", "THREATEN", "139", ["SRB"], ["KOS"]),
    ("ru", "Сербия предъявила Косово ультиматум в понедельник.", "THREATEN", "139", ["SRB"], ["KOS"]),
    # 0862 allow inspectors, 039 offer mediation
    ("en", "Syria allowed UN inspectors into the site.", "RETREAT", "0862", ["SYR"], ["UNOIGO"]),
    ("it", "La Turchia ha offerto la sua mediazione alla Russia.", "AGREE", "039", ["TUR"], ["RUS"]),
    ("pt", "A Turquia ofereceu mediação à Rússia.", "AGREE", "039", ["TUR"], ["RUS"]),
])
def test_new_codes_end_to_end(lang, text, etype, code, actors, recipients):
    ev = _one(text, lang, etype)
    assert (ev.cameo_code, _codes(ev.actors), _codes(ev.recipients)) == (code, actors, recipients)


@pytest.mark.parametrize("lang", ["en", "es", "fr", "pt", "de", "it", "ru"])
def test_no_surface_form_beside_its_lemma_entry(lang):
    """A trigger is written once, as its lemma: a line whose words are inflections of another line's
    words with the same type, mode, code and flags adds nothing (Arabic is left out: a clitic-stripped
    form gets no lemma, so its surface forms are needed)."""
    from tidings.text import lemma

    pack = load_pack(lang)
    coding = {(e.words, e.type, e.mode, e.cameo, e.flags) for e in pack.events}
    extra = []
    for e in pack.events:
        words = e.text.split()
        if len(words) != len(e.words) or any("*" in w or w == ".." for w in e.words):
            continue
        lem = tuple(lemma(w, lang) for w in words)
        if lem != e.words and (lem, e.type, e.mode, e.cameo, e.flags) in coding:
            extra.append(e.text)
    assert extra == []

"""TABARI/PETRARCH dictionaries -> pack files (tidings/dictionaries, `tidings lexicon import`).
The dictionary snippets are written here in the PETRARCH formats; expected rows worked out by hand."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from tidings.dictionaries import import_dictionaries, kind_of
from tidings.dictionaries.convert import code_parts
from tidings.dictionaries.petrarch import parse_restriction, read_actors, read_agents, read_verbs
from tidings.pipeline import Coder

VERBS = """# our own test dictionary
&FOODSTUFF
+RICE
+FLOUR

---  SEND   [---]  ---
SEND {SENDS SENDING SENT}
SHIP
- * {RELIEF SUPPLIES}  [073]   # SEND
- * &FOODSTUFF (TO +)  [073]
- * (TO)  [042]
- WILL NOT * TROOPS  [150]
- * GRIEVANCES (FROM $)  [110]
- * &UNKNOWN  [073]

---  RECEIVE   [---]  ---
RECEIVE
- * {DEATH THREATS}  [:138]
- * {BLOOD FEUD}  [:138]
"""

ACTORS = """ILHAM_ALIYEV_  # CountryInfo.txt
+PRESIDENT_ALIYEV_
\t[AZEELI 780101-030804]
\t[AZEGOV >031031]
\t[AZEELI]
OLD_RULER_  # CountryInfo.txt
\t[AZEGOV 700101-751231]
AZERBAIJAN_ [AZE]
+BAKU_
AZERBAIJANI_COAST_GUARD_ [AZEMIL]
WORLD_FOOD_PROGRAMME_ [IGOUNOAGR]
ACME_CORP_ [MNCUSA]
"""

AGENTS = """!PERSON! = MAN, WOMAN
FISHER!PERSON! [~AGR]
RIOT_POLICE [~COP]
POLICE_OF_FRANCE [~COP]
OFFICIAL [~GOV]
OFFICIAL [~BUS]
"""


def write(tmp: Path, name: str, text: str) -> Path:
    d = tmp / "dicts"
    d.mkdir(exist_ok=True)
    (d / "LICENSE").write_text("MIT test licence\n", encoding="utf-8")
    p = d / name
    p.write_text(text, encoding="utf-8")
    return p


def test_readers(tmp_path):
    vd = read_verbs(write(tmp_path, "test.verbs", VERBS))
    assert vd.synsets["&FOODSTUFF"] == ["RICE", "FLOUR"]
    send = vd.blocks[0]
    assert [v for v, _, _ in send.verbs] == ["SEND", "SHIP"] and send.code == "---"
    assert send.patterns[0].elements == ("*", "{RELIEF SUPPLIES}") and send.patterns[0].code == "073"
    recs, rep = read_actors(write(tmp_path, "test.actors", ACTORS))
    aliyev = recs[0]
    assert [p for p, _ in aliyev.phrases] == ["ILHAM ALIYEV", "PRESIDENT ALIYEV"]
    assert aliyev.default == "AZEELI"
    assert aliyev.restrictions[1].start == dt.date(2003, 10, 31) and aliyev.restrictions[1].end is None
    assert parse_restriction("USAGOV 18970101-450703").end == dt.date(1945, 7, 3)
    assert parse_restriction("USAGOV <450703").start is None
    agents, _ = read_agents(write(tmp_path, "test.agents", AGENTS))
    assert [a.phrase for a in agents[:2]] == ["FISHERMAN", "FISHERWOMAN"]


def test_codes():
    assert code_parts("AZEGOV") == ("AZE", "GOV")
    assert code_parts("IGOUNOAGR") == ("UNO", "IGO")
    assert code_parts("ELI") == (None, "ELI")
    assert code_parts("MNCUSA") is None and code_parts("---") is None
    assert kind_of(Path("CAMEO.2.0.txt")) == "verbs" and kind_of(Path("x.agents.txt")) == "agents"
    with pytest.raises(ValueError, match="notes.txt"):
        kind_of(Path("notes.txt"))


def rows(path: Path) -> list[list[str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return [ln.split("\t") for ln in lines[1:]]


def test_import_writes_pack_files(tmp_path):
    files = [write(tmp_path, n, t) for n, t in (("test.verbs", VERBS), ("test.actors", ACTORS), ("test.agents", AGENTS))]
    out = tmp_path / "lex"
    summary = import_dictionaries(files, "en", out, "t")
    events = {r[0]: r for r in rows(out / "en" / "events.t.tsv")}
    # verb + object, gap between them; CAMEO 073 -> PLOVER AID; every imported pattern is weak
    assert events["send .. relief supply"][1:5] == ["AID", "", "073", "weak"]
    assert events["send .. rice .. to"][1] == "AID" and "ship .. flour .. to" in events
    assert events["send .. relief supply"][5] == "dicts/test.verbs:9"
    # "* GRIEVANCES (FROM $)" and "[:138]": the party after the verb is the actor
    assert events["send .. grievance .. from"][4] == "weak,inverse"
    assert events["receive .. blood feud"][1:5] == ["THREATEN", "violence", "138", "weak,inverse"]
    assert "receive .. death threat" not in events  # "threat" is the hand-written pack's trigger
    assert not any(p.startswith("send .. troop") for p in events)  # WILL NOT: modality is the linker's
    assert "send .. to" not in events and "send" not in events  # no content word / verb alone
    drop = summary.dropped[str(files[0])]
    assert drop["undefined synonym set"] == 2 and drop["verb without an object (needs a parse)"] == 3
    people = rows(out / "_all" / "actors.t.tsv")
    assert ["Ilham Aliyev", "person", "AZE", "GOV", "", "2003-10-31", "", "dicts/test.actors:1"] in people
    assert ["President Aliyev", "person", "AZE", "ELI", "", "", "", "dicts/test.actors:1"] in people
    assert not any(r[0] == "Old Ruler" for r in people)  # out of office long before the news we code
    named = {r[0]: r for r in rows(out / "en" / "actors.t.tsv")}
    assert named["Azerbaijani Coast Guard"][1:4] == ["org", "AZE", "MIL"]
    assert named["World Food Programme"][1:4] == ["igo", "UNO", "IGO"]
    assert "Baku" not in named and "Acme Corp" not in named  # cities under a country code, companies
    assert named["fisherman"][1:4] == ["group", "", "AGR"] and named["riot police"][3] == "COP"
    assert "official" not in named and "police of france" not in named  # two sectors; names a country
    assert (out / "en" / "LICENSE.t").read_text(encoding="utf-8").startswith("== dicts/test.actors ==\nMIT test licence")


@pytest.mark.parametrize("lang,pattern,text", [
    ("en", "receive .. death threat", "Iran received death threats from Israel."),
    ("es", "recibir .. amenaza", "Irán recibió amenazas de Israel."),
    ("fr", "recevoir .. menace", "L'Iran a reçu des menaces d'Israël."),
])
def test_inverse_pattern_swaps_the_parties(tmp_path, lang, pattern, text):
    d = tmp_path / "lex" / lang
    d.mkdir(parents=True)
    (d / "events.t.tsv").write_text("pattern\ttype\tmode\tcameo\tflags\tsource\n"
                                    f"{pattern}\tTHREATEN\t\t138\tinverse\ttest:1\n", encoding="utf-8")
    events = Coder(lexicon_dirs=[str(tmp_path / "lex")]).code_text(text, lang=lang, published="2024-05-02")
    ev = next(e for e in events if e.event_type == "THREATEN")
    assert [a.country for a in ev.actors] == ["ISR"] and [a.country for a in ev.recipients] == ["IRN"]
    assert ev.cameo_code == "138"


def test_cli_import(tmp_path):
    f = write(tmp_path, "test.verbs", VERBS)
    r = subprocess.run([sys.executable, "-m", "tidings", "lexicon", "import", "--lang", "en", "--name", "t",
                        "--out", str(tmp_path / "lex"), str(f)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "rows kept" in r.stdout and (tmp_path / "lex" / "en" / "events.t.tsv").is_file()
    r = subprocess.run([sys.executable, "-m", "tidings", "lexicon", "import", "--lang", "en", "--name", "t",
                        "--out", str(tmp_path / "lex"), str(tmp_path / "missing.verbs")], capture_output=True, text=True)
    assert r.returncode != 0 and "missing.verbs: not a file" in r.stderr

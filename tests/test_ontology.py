"""Tests for tidings.ontology: values checked by hand against the CAMEO codebook 1.1b3,
CAMEO.SCALE and the PLOVER manual (Draft 0.8)."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from tidings.ontology import (DATA_DIR, CameoCode, Ontology, OntologyError, PloverType,
                              load_ontology)

PLOVER_16 = ("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT "
             "THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT").split()


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    """A writable copy of the packaged ontology files."""
    for f in DATA_DIR.glob("*.tsv"):
        shutil.copy(f, tmp_path / f.name)
    return tmp_path


def replace_line(path: Path, startswith: str, new: str) -> int:
    """Replace the first line starting with ``startswith``; return its 1-based line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        if line.startswith(startswith):
            lines[i] = new
            path.write_text("\n".join(lines), encoding="utf-8")
            return i + 1
    raise AssertionError(f"no line starting with {startswith!r} in {path.name}")


# --------------------------------------------------------------------------------- CAMEO codes

def test_cameo_goldstein_values(onto):
    assert onto.cameo("042").goldstein == 1.9        # Make a visit
    assert onto.cameo("043").goldstein == 2.8        # Host a visit
    assert onto.cameo("046").goldstein == 7.0        # Engage in negotiation
    assert onto.cameo("057").goldstein == 8.0        # Sign formal agreement
    assert onto.cameo("0874").goldstein == 10.0      # Retreat or surrender militarily
    assert onto.cameo("171").goldstein == -9.2
    assert onto.cameo("1823").goldstein == -10.0
    assert onto.cameo("163").goldstein == -8.0       # embargo, re-keyed from CAMEO.SCALE's 166
    assert onto.cameo("164").goldstein == -6.5       # halt negotiations, CAMEO.SCALE's 163


def test_cameo_code_fields(onto):
    c = onto.cameo("190")
    assert isinstance(c, CameoCode)
    assert (c.code, c.root, c.quad_class, c.goldstein) == ("190", "19", 4, -10.0)
    assert c.name == "Use conventional military force, not specified below"
    assert onto.cameo(" 042 ").code == "042"


@pytest.mark.parametrize("code,quad", [("010", 1), ("042", 1), ("057", 1), ("061", 2), ("0874", 2),
                                       ("090", 3), ("1385", 3), ("141", 4), ("163", 4),
                                       ("173", 4), ("2042", 4)])
def test_quad_class_by_root(onto, code, quad):
    assert onto.cameo(code).quad_class == quad


def test_cameo_codebook_complete(onto):
    codes = onto.cameo_codes
    assert [c for c in codes if len(c) == 2] == [f"{i:02d}" for i in range(1, 21)]
    assert len(codes) == 313
    for c in ("019", "0214", "0256", "0314", "1056", "116", "1246", "129", "1663", "175", "196",
              "2042"):
        assert c in codes
    assert all(-10 <= c.goldstein <= 10 for c in codes.values())


def test_unknown_cameo_code(onto):
    with pytest.raises(KeyError, match="'999'"):
        onto.cameo("999")
    with pytest.raises(KeyError, match="'21'"):
        onto.plover_of_cameo("21")


# ------------------------------------------------------------------------------------- PLOVER

def test_plover_types(onto):
    assert list(onto.plover_types) == PLOVER_16
    consult = onto.plover_types["CONSULT"]
    assert isinstance(consult, PloverType)
    assert (consult.quad_class, consult.score, consult.requires_recipient) == (1, 2.5, False)
    assert consult.modes == {"visit": 4.0, "third-party": 1.0, "multilateral": 4.0, "phone": 1.5}
    assert onto.plover_types["AID"].requires_recipient is True
    assert onto.plover_types["AID"].score == 10.0
    assert onto.plover_types["SANCTION"].quad_class == 4     # our choice, see plover_types.tsv
    assert onto.plover_types["SANCTION"].requires_recipient is True
    assert onto.plover_types["ACCUSE"].score == -3.0         # manual's "3" read as a sign error
    assert onto.plover_types["AGREE"].modes == {}
    assert onto.plover_types["RETREAT"].modes["disarm"] == 10.0
    assert onto.plover_types["COERCE"].modes["arrest"] is None
    quads = {t: p.quad_class for t, p in onto.plover_types.items()}
    assert [t for t, q in quads.items() if q == 2] == ["COOPERATE", "AID", "RETREAT"]


def test_crosswalk_extra_modes_present(onto):
    assert "ease" in onto.plover_types["RETREAT"].modes
    assert "ban" in onto.plover_types["COERCE"].modes
    assert {"massacre", "cleansing"} <= set(onto.plover_types["ASSAULT"].modes)


def test_contexts_sectors_nonstate(onto):
    assert len(onto.contexts) == 37
    assert {"diplomatic", "economic", "cbrn", "pro_democracy", "trafficking"} <= onto.contexts
    assert len(onto.sectors) == 25
    assert onto.sectors["GOV"] == "Government"
    assert onto.sectors["MED"] == "Medical"                  # PLOVER: MED = health, JRN = media
    assert onto.sectors["JRN"] == "Journalists"
    assert set(onto.nonstate) == {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}


def test_is_valid(onto):
    assert onto.is_valid("CONSULT")
    assert onto.is_valid("CONSULT", "visit")
    assert not onto.is_valid("CONSULT", "riot")
    assert not onto.is_valid("DEMAND")                       # CAMEO name, not a PLOVER type
    assert not onto.is_valid("consult")


# ---------------------------------------------------------------------------------- crosswalk

@pytest.mark.parametrize("code,expected", [
    ("163", ("COERCE", "restrict", ("diplomatic", "economic"))),
    ("1712", ("ASSAULT", "destroy", ("legal",))),
    ("191", ("COERCE", "restrict", ("military",))),
    ("201", ("ASSAULT", "cleansing", ("legal",))),
    ("200", ("ASSAULT", "massacre", ("military",))),          # from root 20
    ("202", ("ASSAULT", "massacre", ("military",))),
    ("204", ("ASSAULT", "unconventional", ("cbrn",))),
    ("2041", ("ASSAULT", "unconventional", ("cbrn",))),       # from its parent 204
    ("162", ("SANCTION", "discontinue", ("diplomatic",))),
    ("0311", ("AGREE", None, ("economic",))),
    ("0312", ("AGREE", None, ("military",))),
    ("042", ("CONSULT", "visit", ())),
    ("040", ("CONSULT", None, ())),                           # from root 04
    ("093", ("ACCUSE", "investigate", ("military",))),
    ("111", ("ACCUSE", "disapprove", ())),
    ("0812", ("CONCEDE", None, ("pro_democracy",))),
    ("083", ("CONCEDE", None, ("political_institutions",))),
    ("0842", ("RETREAT", "release", ("legal",))),
    ("087", ("RETREAT", "disarm", ("military",))),
    ("1053", ("REQUEST", "yield", ("legal",))),               # from parent 105
    ("173", ("COERCE", "arrest", ("legal",))),
    ("010", (None, None, ())),                                # 01 dropped
    ("0234", (None, None, ())),                               # 02 dropped
])
def test_plover_of_cameo(onto, code, expected):
    assert onto.plover_of_cameo(code) == expected


def test_every_cameo_code_resolves(onto):
    for code in onto.cameo_codes:
        ptype, mode, ctxs = onto.plover_of_cameo(code)
        if code[:2] in ("01", "02"):
            assert ptype is None
        else:
            assert onto.is_valid(ptype, mode), code
            assert set(ctxs) <= onto.contexts


# ----------------------------------------------------------------------------------- defaults

@pytest.mark.parametrize("ptype,mode,code", [
    ("CONSULT", None, "040"), ("CONSULT", "visit", "042"), ("CONSULT", "phone", "041"),
    ("ASSAULT", "aerial", "195"), ("COERCE", "arrest", "173"), ("SANCTION", "expel", "166"),
    ("PROTEST", "demo", "141"), ("REQUEST", None, "100"), ("AGREE", None, "030"),
    ("ASSAULT", "massacre", "202"), ("RETREAT", "ceasefire", "0871"),
])
def test_cameo_for(onto, ptype, mode, code):
    assert onto.cameo_for(ptype, mode) == code


def test_cameo_for_errors(onto):
    with pytest.raises(KeyError, match="'DEMAND'"):
        onto.cameo_for("DEMAND")
    with pytest.raises(KeyError, match="'riot'.*CONSULT"):
        onto.cameo_for("CONSULT", "riot")


def test_defaults_round_trip_type(onto):
    """The default CAMEO code of every (type, mode) maps back to the same PLOVER type."""
    for ptype, p in onto.plover_types.items():
        for mode in [None, *p.modes]:
            code = onto.cameo_for(ptype, mode)
            assert onto.plover_of_cameo(code)[0] == ptype, (ptype, mode, code)


# ------------------------------------------------------------------------- loading, validation

def test_default_load_is_cached():
    assert load_ontology() is load_ontology()
    assert load_ontology(DATA_DIR) is load_ontology()


def test_bad_goldstein_names_file_and_line(copy):
    line = replace_line(copy / "cameo_codes.tsv", "042\t", "042\tMake a visit\t12.0\t1")
    with pytest.raises(OntologyError) as exc:
        load_ontology(copy)
    assert str(exc.value) == f"cameo_codes.tsv:{line}: goldstein 12.0 outside -10..10"


def test_crosswalk_unknown_mode(copy):
    line = replace_line(copy / "cameo_plover.tsv", "042\t", "042\tCONSULT\tteleport\t")
    with pytest.raises(OntologyError, match=rf"^cameo_plover.tsv:{line}: mode 'teleport'"):
        load_ontology(copy)


def test_crosswalk_unknown_type(copy):
    line = replace_line(copy / "cameo_plover.tsv", "042\t", "042\tDEMAND\t\t")
    with pytest.raises(OntologyError, match=rf"^cameo_plover.tsv:{line}: unknown PLOVER type 'DEMAND'"):
        load_ontology(copy)


def test_crosswalk_unknown_context(copy):
    line = replace_line(copy / "cameo_plover.tsv", "0311\t", "0311\tAGREE\t\teconomy")
    with pytest.raises(OntologyError, match=rf"^cameo_plover.tsv:{line}: unknown context 'economy'"):
        load_ontology(copy)


def test_default_code_must_exist(copy):
    line = replace_line(copy / "plover_cameo_default.tsv", "CONSULT\t\t", "CONSULT\t\t047")
    with pytest.raises(OntologyError, match=rf"^plover_cameo_default.tsv:{line}: CAMEO code '047'"):
        load_ontology(copy)


def test_every_type_needs_default(copy):
    replace_line(copy / "plover_cameo_default.tsv", "AID\t\t", "# removed")
    with pytest.raises(OntologyError, match=r"^plover_cameo_default.tsv: no default .* AID"):
        load_ontology(copy)


def test_malformed_code_and_header(copy, tmp_path):
    line = replace_line(copy / "cameo_codes.tsv", "0874\t", "08x4\tRetreat\t10.0\t2")
    with pytest.raises(OntologyError, match=rf"^cameo_codes.tsv:{line}: code '08x4' is not 2-4 digits"):
        load_ontology(copy)
    shutil.copy(DATA_DIR / "cameo_codes.tsv", copy / "cameo_codes.tsv")
    line = replace_line(copy / "plover_types.tsv", "name\t", "name\tquad\tscore\trequires_recipient\tdefinition")
    with pytest.raises(OntologyError, match=rf"^plover_types.tsv:{line}: header must be name \| quad_class"):
        load_ontology(copy)


def test_quad_class_must_match_root(copy):
    line = replace_line(copy / "cameo_codes.tsv", "163\t", "163\tImpose embargo, boycott, or sanctions\t-8.0\t3")
    with pytest.raises(OntologyError, match=rf"^cameo_codes.tsv:{line}: code 163: quad_class 3 differs"):
        load_ontology(copy)


def test_missing_file_and_folder(copy, tmp_path):
    (copy / "plover_modes.tsv").unlink()
    with pytest.raises(OntologyError, match=r"^plover_modes.tsv: file missing"):
        load_ontology(copy)
    with pytest.raises(OntologyError, match="ontology folder not found"):
        load_ontology(tmp_path / "nowhere")


def test_sector_groups_come_from_the_sectors_file(onto):
    assert onto.sectors_in("state") == {"GOV", "MIL", "COP", "LEG", "JUD", "SPY", "ELI"}
    assert {"COP", "CVL", "JRN", "MED"} <= onto.sectors_in("local") and "GOV" not in onto.sectors_in("local")
    assert onto.is_state("FRA") and not onto.is_state("UNO") and not onto.is_state(None)
    with pytest.raises(KeyError, match="unknown sector group 'foreign'"):
        onto.sectors_in("foreign")

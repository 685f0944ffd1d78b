"""The one TSV reader (tidings.packfile): rows with line numbers, and file:line errors."""
import pytest

from tidings.lexicon import LexiconError
from tidings.packfile import PackFileError, read_rows


def _write(tmp_path, text, name="x.tsv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_rows_with_line_numbers_comments_bom_and_padding(tmp_path):
    p = _write(tmp_path, "\ufeff# a comment\nkind\tpattern\tvalue\n\nmonth\tjanv\t1\n# again\nrelative_day\thier\n")
    assert read_rows(p, ("kind", "pattern", "value")) == [
        (4, {"kind": "month", "pattern": "janv", "value": "1"}),
        (6, {"kind": "relative_day", "pattern": "hier", "value": ""}),
    ]


def test_header_named_by_the_file(tmp_path):
    p = _write(tmp_path, "iso3\tfips\nFRA\tFR\nDEU\tGM\n")
    assert [r for _, r in read_rows(p, None)] == [{"iso3": "FRA", "fips": "FR"}, {"iso3": "DEU", "fips": "GM"}]


@pytest.mark.parametrize("text,message", [
    ("type\tpattern\nCONSULT\tmet\n", r"x.tsv:1: header must be kind \| pattern"),
    ("kind pattern\nline\tx\n", r"x.tsv:1: columns must be separated by tabs"),
    ("kind\tpattern\nline\tx\textra\n", r"x.tsv:2: 3 columns, expected at most 2"),
    ("kind\tpattern\n\nline\t\n", r"x.tsv:3: empty 'pattern'"),
])
def test_errors_name_file_and_line(tmp_path, text, message):
    p = _write(tmp_path, text)
    with pytest.raises(PackFileError, match=message):
        read_rows(p, ("kind", "pattern"), required=("kind", "pattern"))


def test_error_class_and_rest_of_line(tmp_path):
    p = _write(tmp_path, "kind\tpattern\nline\t  ^Share\tthis$\n")
    assert read_rows(p, ("kind", "pattern"), rest_in_last=True) == [(2, {"kind": "line", "pattern": "  ^Share\tthis$"})]
    bad = _write(tmp_path, b"kind\tpattern\n\xff\n".decode("latin-1"), "y.tsv")
    bad.write_bytes(b"kind\tpattern\n\xff\n")
    with pytest.raises(LexiconError, match="y.tsv:1: not UTF-8"):
        read_rows(bad, ("kind", "pattern"), error=LexiconError)


def test_optional_header(tmp_path):
    p = _write(tmp_path, "prep\tin\tin\n")
    assert read_rows(p, ("kind", "form", "value"), header_optional=True) == [(1, {"kind": "prep", "form": "in", "value": "in"})]

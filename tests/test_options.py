"""Per-run options (tidings.options.RunOptions): checked once, named in errors, applied where a
document gives no value of its own."""
import datetime as dt

import pytest

from tidings.options import OptionError, RunOptions
from tidings.read import Failure, iter_documents
from tidings.records import RawDocument


def test_parse_normalizes_and_keeps_the_given_date():
    opts = RunOptions.parse(" ES ", "2024-03-14T10:00:00Z", "https://example.org/a", "2024-03-15T08:00:00Z")
    assert opts == RunOptions("es", "2024-03-14T10:00:00Z", "https://example.org/a", "2024-03-15T08:00:00")


@pytest.mark.parametrize("kwargs,message", [
    ({"lang": "español"}, "--lang: lang 'español' is not an ISO 639-1 code"),
    ({"published": "14/03/2024"}, "--published: published '14/03/2024' is not a publication date"),
    ({"published": "2024-03-20"}, "--published: '2024-03-20': a publication date cannot be in the future"),
    ({"crawled": "yesterday"}, "--crawled: 'yesterday' is not an ISO 8601 timestamp"),
])
def test_bad_options_name_the_option(kwargs, message):
    with pytest.raises(OptionError, match=message):
        RunOptions.parse(**kwargs, today=dt.date(2024, 3, 14))


def test_apply_fills_only_missing_fields():
    opts = RunOptions.parse("fr", "2024-03-14", "https://example.org/a")
    own = RawDocument("d1", text="x", lang="es", published=None, url="https://other.example/b")
    assert opts.apply(own) == RawDocument("d1", text="x", lang="es", published="2024-03-14", url="https://other.example/b")


def test_reader_uses_checked_options(tmp_path):
    (tmp_path / "a.txt").write_text("Le président a reçu son homologue.", encoding="utf-8")
    doc, = iter_documents([str(tmp_path / "a.txt")], options=RunOptions.parse("fr", "2024-03-14"))
    assert (doc.lang, doc.published) == ("fr", "2024-03-14")
    failure, = iter_documents([str(tmp_path / "a.txt")], lang="xx-long")
    assert isinstance(failure, Failure) and failure.source == "--lang"

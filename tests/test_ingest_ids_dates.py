"""Document ids are stable; publication dates are normalized to ISO or left unknown."""

import re
import unicodedata

import pytest

import warlog.ingest
from warlog.errors import InputError
from warlog.ingest import document_id, make_document, parse_date
from warlog.settings import Settings

SETTINGS = Settings()
TEXT = "Government troops retook the town on Tuesday,\nafter a week of shelling, the army said."


def test_public_api_is_pinned():
    assert warlog.ingest.__all__ == [
        "count_documents",
        "document_id",
        "iter_documents",
        "make_document",
        "parse_date",
        "read_document",
    ]


def test_id_has_prefix_and_16_hex_chars():
    assert re.fullmatch(r"d_[0-9a-f]{16}", document_id(TEXT))


@pytest.mark.parametrize(
    "variant",
    [
        TEXT.replace("\n", " "),
        "  " + TEXT.replace(" ", "   ") + "\n\n",
        TEXT.replace(" ", "\t").replace("\n", "\r\n"),
        TEXT.replace(" the ", "\u00a0the\u2003"),
    ],
)
def test_same_text_with_other_whitespace_has_same_id(variant):
    assert document_id(variant) == document_id(TEXT)


def test_composed_and_decomposed_unicode_have_same_id():
    text = "Les forces de l’État ont frappé Alep."
    assert document_id(unicodedata.normalize("NFD", text)) == document_id(unicodedata.normalize("NFC", text))


def test_different_text_has_different_id():
    assert document_id(TEXT) != document_id(TEXT.replace("Tuesday", "Wednesday"))


def test_url_decides_the_id():
    url = "https://news.example.com/world/story?id=7"
    assert document_id("one text", url) == document_id("another text", url)
    assert document_id("one text", url) != document_id("one text")


@pytest.mark.parametrize(
    "variant",
    [
        "HTTPS://News.Example.COM/world/story?id=7",
        "https://news.example.com/world/story?id=7#comments",
        "https://news.example.com:443/world/story?id=7",
    ],
)
def test_url_id_ignores_case_of_scheme_and_host_fragment_and_default_port(variant):
    assert document_id("", variant) == document_id("", "https://news.example.com/world/story?id=7")


def test_url_id_keeps_case_of_path_and_query():
    assert document_id("", "https://example.com/World?q=A") != document_id("", "https://example.com/world?q=a")


def test_make_document_id_is_that_of_its_text_or_url():
    text = "Aid reached the city on Monday, the United Nations said."
    assert make_document(text, settings=SETTINGS).id == document_id(text)
    url = "http://example.com/aid"
    assert make_document(text, url=url, settings=SETTINGS).id == document_id(text, url)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-10-24", "2015-10-24"),
        ("2015-10-24T10:00:00Z", "2015-10-24"),
        ("2015-10-24T23:30:00-05:00", "2015-10-24"),
        ("2015-10-24 10:00", "2015-10-24"),
        ("2015/10/24", "2015-10-24"),
        ("20151024", "2015-10-24"),
        ("Sat, 24 Oct 2015 10:00:00 +0000", "2015-10-24"),
        ("Sat, 24 Oct 2015 23:30:00 -0500", "2015-10-24"),
        ("24 October 2015", "2015-10-24"),
        ("Saturday, 24 October 2015", "2015-10-24"),
        ("24th Oct. 2015", "2015-10-24"),
        ("October 24, 2015", "2015-10-24"),
        ("Oct 24 2015 10:22 AM", "2015-10-24"),
        ("Sept 3, 2015", "2015-09-03"),
        ("  2016-02-29 ", "2016-02-29"),
        ("2015-02-30", None),
        ("October 2015", None),
        ("2015", None),
        ("last Tuesday", None),
        ("24 Octember 2015", None),
        ("", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_published_is_normalized_and_never_invented():
    text = "Aid reached the city on Monday, the United Nations said."
    assert make_document(text, published="24 October 2015", settings=SETTINGS).published == "2015-10-24"
    assert make_document(text, settings=SETTINGS).published is None


def test_unreadable_published_is_refused():
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        make_document("Aid reached the city.", published="sometime", settings=SETTINGS)

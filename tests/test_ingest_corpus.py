"""iter_documents streams folders, globs and JSON Lines; bad documents become Failures in order."""

import json
import shutil
from pathlib import Path

import pytest

from warlog.errors import InputError
from warlog.ingest import iter_documents
from warlog.model import Document, Failure
from warlog.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SETTINGS = Settings(max_chars=20_000)
ENGLISH = (FIXTURES / "plain.txt").read_text(encoding="utf-8")


@pytest.fixture
def mixed(tmp_path):
    """A folder holding two good documents and one of each kind of bad one."""
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(FIXTURES / "byline.txt", folder / "01_good.txt")
    (folder / "02_empty.txt").write_bytes(b"  \n")
    (folder / "03_image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "04_latin1.txt").write_bytes("Déjà vu in the city.".encode("latin-1"))
    (folder / "05_huge.txt").write_bytes(ENGLISH.encode() * 2_000)
    shutil.copy(FIXTURES / "scripts.html", folder / "06_scripts.html")
    shutil.copy(FIXTURES / "french.txt", folder / "07_french.txt")
    shutil.copy(FIXTURES / "german.txt", folder / "sub" / "08_german.txt")
    shutil.copy(FIXTURES / "arabic.txt", folder / "sub" / "09_arabic.txt")
    shutil.copy(FIXTURES / "article.html", folder / "sub" / "10_good.html")
    (folder / ".hidden.txt").write_text(ENGLISH)
    return folder


def test_folder_yields_documents_and_failures_in_sorted_order(mixed):
    results = list(iter_documents(mixed, settings=SETTINGS))
    assert [type(r).__name__ for r in results] == ["Document"] + ["Failure"] * 8 + ["Document"]
    failures = [r for r in results if isinstance(r, Failure)]
    assert [(Path(f.source).name, f.reason) for f in failures] == [
        ("02_empty.txt", "EmptyDocumentError"),
        ("03_image.png", "BinaryDocumentError"),
        ("04_latin1.txt", "EncodingError"),
        ("05_huge.txt", "DocumentTooLargeError"),
        ("06_scripts.html", "EmptyDocumentError"),
        ("07_french.txt", "LanguageError"),
        ("08_german.txt", "LanguageError"),
        ("09_arabic.txt", "LanguageError"),
    ]
    assert all("\n" not in f.message for f in failures)
    good = [r for r in results if isinstance(r, Document)]
    assert [d.title for d in good] == [
        "Government forces retake hilltop town after week of shelling",
        "Ceasefire talks stall as shelling resumes",
    ]


def test_glob_reads_matching_files_in_sorted_order(mixed):
    results = list(iter_documents(str(mixed / "**" / "*good*"), settings=SETTINGS))
    assert [type(r) for r in results] == [Document, Document]


def test_glob_that_matches_nothing_is_an_error(tmp_path):
    with pytest.raises(InputError, match="matches no files"):
        list(iter_documents(str(tmp_path / "*.txt"), settings=SETTINGS))


def test_missing_spec_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(iter_documents(tmp_path / "nowhere", settings=SETTINGS))


def test_single_file_and_published_default(tmp_path):
    (document,) = iter_documents(FIXTURES / "plain.txt", published="2016-03-01", settings=SETTINGS)
    assert document.published == "2016-03-01"
    (page,) = iter_documents(FIXTURES / "article.html", published="2016-03-01", settings=SETTINGS)
    assert page.published == "2016-02-11"  # the page's own date wins


def test_jsonl_lines_become_documents_or_failures(tmp_path):
    french = (FIXTURES / "french.txt").read_text(encoding="utf-8")
    lines = [
        json.dumps({"text": ENGLISH, "title": "Aid arrives", "published": "Mon, 01 Feb 2016 09:00:00 +0000"}),
        "{not json",
        "",
        json.dumps({"title": "no text"}),
        json.dumps({"text": french}),
        json.dumps({"text": ENGLISH, "url": "https://example.com/aid", "author": "A. Lee", "source": "Wire"}),
        json.dumps({"text": ENGLISH, "title": 7}),
        json.dumps({"text": ENGLISH, "published": "whenever"}),
        json.dumps(["a", "list"]),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(iter_documents(path, published="2016-03-01", settings=SETTINGS))
    first, *failures_a, sixth, seventh, eighth, ninth = results
    assert isinstance(first, Document) and first.title == "Aid arrives" and first.published == "2016-02-01"
    assert [(f.source, f.reason) for f in failures_a] == [
        (f"{path}:2", "InputError"),
        (f"{path}:4", "InputError"),
        (f"{path}:5", "LanguageError"),
    ]
    assert sixth.url == "https://example.com/aid" and sixth.published == "2016-03-01"
    assert (sixth.author, sixth.source) == ("A. Lee", "Wire")
    assert [(f.source, f.reason) for f in (seventh, ninth)] == [
        (f"{path}:7", "InputError"),
        (f"{path}:9", "InputError"),
    ]
    # an unreadable date costs the line its date (here the default one stands in), not the line
    assert isinstance(eighth, Document) and eighth.published == "2016-03-01"
    assert "invalid JSON" in failures_a[0].message


def test_jsonl_line_over_the_limit_is_skipped_without_losing_the_next(tmp_path):
    path = tmp_path / "big.jsonl"
    huge = json.dumps({"text": "word " * 30_000})
    path.write_text(huge + "\n" + json.dumps({"text": ENGLISH}) + "\n", encoding="utf-8")
    settings = Settings(max_chars=5_000)
    too_large, document = iter_documents(path, settings=settings)
    assert (too_large.source, too_large.reason) == (f"{path}:1", "DocumentTooLargeError")
    assert document.text == ENGLISH.strip()


def test_jsonl_invalid_utf8_line(tmp_path):
    path = tmp_path / "bytes.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n')
    (failure,) = iter_documents(path, settings=SETTINGS)
    assert failure.reason == "EncodingError" and "offset 13" in failure.message


def test_iter_documents_reads_each_file_only_when_its_turn_comes(mixed):
    results = iter_documents(mixed, settings=SETTINGS)
    assert isinstance(next(results), Document)
    (mixed / "02_empty.txt").write_text(ENGLISH, encoding="utf-8")
    assert isinstance(next(results), Document)
    results.close()

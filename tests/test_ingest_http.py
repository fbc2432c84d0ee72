"""URLs and feeds, served by a local http.server started by the tests."""

import functools
import http.server
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from warlog.errors import FetchError
from warlog.ingest import document_id, iter_documents, read_document
from warlog.model import Document, Failure
from warlog.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SETTINGS = Settings(timeout=5.0, user_agent="warlog-test/1.0", allow_private_urls=True)  # the server is on loopback

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Frontline Wire</title><link>{base}/</link><description>Test feed</description>
<item>
  <title>Ceasefire talks stall</title>
  <link>{base}/article.html</link>
  <pubDate>Thu, 11 Feb 2016 08:30:00 +0000</pubDate>
  <description>Talks stalled on Wednesday.</description>
</item>
<item>
  <title>Convoys reach the north</title>
  <link>{base}/plain.txt</link>
  <pubDate>Mon, 01 Feb 2016 09:00:00 +0000</pubDate>
</item>
<item>
  <title>Bridge destroyed near the border</title>
  <link>{base}/gone.html</link>
  <pubDate>Tue, 02 Feb 2016 10:00:00 +0000</pubDate>
  <description>&lt;p&gt;Engineers said on Tuesday that the last bridge over the river near the border had been
  destroyed by shelling overnight, cutting the main supply route.&lt;/p&gt;
  &lt;script&gt;alert(1)&lt;/script&gt;</description>
</item>
<item>
  <title>Nothing to read</title>
  <link>{base}/also-gone.html</link>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Ledger Atom</title><id>urn:test:feed</id><updated>2016-02-12T00:00:00Z</updated>
<entry>
  <title>Hilltop town retaken</title><id>urn:test:1</id>
  <link href="{base}/byline.txt"/>
  <updated>2016-02-09T12:00:00Z</updated>
  <author><name>Samuel Okafor</name></author>
</entry>
<entry>
  <title>Market struck</title><id>urn:test:2</id>
  <link href="{base}/missing.html"/>
  <published>2016-02-10T18:00:00+02:00</published>
  <summary>Artillery struck a market on the edge of the city on Wednesday, killing at least seven
  people, according to local officials.</summary>
</entry>
<entry>
  <title>Relative link</title><id>urn:test:3</id>
  <link href="plain.txt"/>
</entry>
</feed>
"""


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        ".html": "text/html; charset=utf-8",
        ".txt": "text/plain; charset=utf-8",
        ".rss": "application/rss+xml",
        ".atom": "application/atom+xml",
        ".png": "image/png",
    }

    def __init__(self, *args, agents: list[str], **kwargs):
        self.agents = agents
        super().__init__(*args, **kwargs)

    def do_GET(self):
        self.agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/article.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(1.0)
            try:
                self.send_error(503)
            except OSError:
                pass  # the client gave up, as it should
        else:
            super().do_GET()

    def log_message(self, format, *args):
        pass


@dataclass
class Server:
    root: Path
    base: str
    agents: list[str] = field(default_factory=list)


@pytest.fixture
def server(tmp_path) -> Iterator[Server]:
    root = tmp_path / "www"
    root.mkdir()
    for name in ("article.html", "plain.txt", "byline.txt"):
        shutil.copy(FIXTURES / name, root / name)
    agents: list[str] = []
    handler = functools.partial(Handler, directory=str(root), agents=agents)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_port}"
    (root / "feed.rss").write_text(RSS.format(base=base), encoding="utf-8")
    (root / "feed.atom").write_text(ATOM.format(base=base), encoding="utf-8")
    try:
        yield Server(root, base, agents)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_html_page(server):
    url = f"{server.base}/article.html"
    document = read_document(url, published="2000-01-01", settings=SETTINGS)
    assert document.url == url
    assert document.id == document_id("", url)
    assert document.title == "Ceasefire talks stall as shelling resumes"
    assert (document.author, document.source, document.published) == (
        "Maria Lindqvist",
        "The Daily Ledger",
        "2016-02-11",
    )
    assert document.text.startswith("Talks on a ceasefire")
    assert server.agents == ["warlog-test/1.0"]


def test_text_page(server):
    document = read_document(f"{server.base}/plain.txt", published="1 March 2016", settings=SETTINGS)
    assert document.text == (FIXTURES / "plain.txt").read_text(encoding="utf-8").strip()
    assert document.published == "2016-03-01"


def test_redirect_gives_the_final_url(server):
    document = read_document(f"{server.base}/moved", settings=SETTINGS)
    assert document.url == f"{server.base}/article.html"


def test_404_is_a_fetch_error(server):
    with pytest.raises(FetchError, match="HTTP 404"):
        read_document(f"{server.base}/nowhere.html", settings=SETTINGS)


def test_connection_refused_is_a_fetch_error():
    with pytest.raises(FetchError, match="cannot fetch"):
        read_document("http://127.0.0.1:9/", settings=SETTINGS)


def test_timeout_is_a_fetch_error(server):
    with pytest.raises(FetchError, match="timed out"):
        read_document(f"{server.base}/slow", settings=SETTINGS.with_overrides(timeout=0.2))


def test_binary_url_is_refused(server):
    (server.root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (failure,) = iter_documents(f"{server.base}/image.png", settings=SETTINGS)
    assert failure.reason == "BinaryDocumentError"


def test_rss_feed(server):
    results = list(iter_documents(f"{server.base}/feed.rss", settings=SETTINGS))
    assert [type(r) for r in results] == [Document, Document, Document, Failure]
    page, text, fallback, failure = results
    assert (page.title, page.published, page.url) == (
        "Ceasefire talks stall",
        "2016-02-11",
        f"{server.base}/article.html",
    )
    assert page.author == "Maria Lindqvist"
    assert page.text.startswith("Talks on a ceasefire in the south")
    assert (text.title, text.published) == ("Convoys reach the north", "2016-02-01")
    assert text.source == "Frontline Wire"  # the feed's title, as the text page names no site
    assert text.text.startswith("Aid convoys reached the northern districts")
    assert fallback.url == f"{server.base}/gone.html"
    assert fallback.text.startswith("Engineers said on Tuesday that the last bridge")
    assert "alert" not in fallback.text
    assert (fallback.title, fallback.published) == ("Bridge destroyed near the border", "2016-02-02")
    assert (failure.source, failure.reason) == (f"{server.base}/also-gone.html", "FetchError")


def test_atom_feed(server):
    results = list(iter_documents(f"{server.base}/feed.atom", settings=SETTINGS))
    assert [type(r) for r in results] == [Document, Document, Document]
    byline, fallback, relative = results
    assert (byline.title, byline.author) == ("Hilltop town retaken", "Samuel Okafor")
    assert byline.published == "2016-02-09"
    assert byline.text.startswith("Government troops on Tuesday retook")
    assert fallback.text.startswith("Artillery struck a market")
    assert fallback.published == "2016-02-10"  # the date as written, not shifted to UTC
    assert relative.url == f"{server.base}/plain.txt"


def test_feed_file_links_to_the_server(server, tmp_path):
    path = tmp_path / "saved.rss"
    shutil.copy(server.root / "feed.rss", path)
    results = list(iter_documents(path, settings=SETTINGS))
    assert [type(r) for r in results] == [Document, Document, Document, Failure]


def test_url_spec_failure_is_reported_not_raised(server):
    (failure,) = iter_documents(f"{server.base}/nowhere.html", settings=SETTINGS)
    assert (failure.source, failure.reason) == (f"{server.base}/nowhere.html", "FetchError")

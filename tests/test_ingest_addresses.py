"""URLs on loopback or private addresses are refused before anything is sent (server-side request forgery).

Real servers on loopback only: 127.0.0.1, and 127.0.0.2 where a test allows one loopback address and
not the other. Private networks (10/8, 192.168/16, ...) are only classified, never connected to.
"""

from __future__ import annotations

import http.server
import ipaddress
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from warlog.errors import PrivateAddressError, SettingsError
from warlog.ingest import iter_documents, read_document
from warlog.ingest.addresses import GuardedTransport, is_public_address
from warlog.ingest.fetch import fetch
from warlog.model import Failure
from warlog.settings import Settings, load_settings

GUARDED = Settings(timeout=5.0)
ALLOWED = Settings(timeout=5.0, allow_private_urls=True)
ARTICLE = (
    "Government forces shelled the eastern districts of the city on Tuesday, killing at least nine "
    "civilians, according to local medics who treated the wounded."
)
REFUSED = "refused: private address; set allow_private_urls to fetch it"


@dataclass
class Recorder:
    """A server that records every request it gets: (path, Host header)."""

    base: str
    hits: list[tuple[str, str]] = field(default_factory=list)


def start(host: str) -> tuple[Recorder, Callable[[], None]]:
    hits: list[tuple[str, str]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append((self.path, self.headers.get("Host", "")))
            if self.path.startswith("/redirect?to="):
                self.send_response(302)
                self.send_header("Location", self.path.removeprefix("/redirect?to="))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            data = ARTICLE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer((host, 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()

    def stop() -> None:
        httpd.shutdown()
        httpd.server_close()
        thread.join()

    return Recorder(f"http://{host}:{httpd.server_port}", hits), stop


@pytest.fixture
def server() -> Iterator[Recorder]:
    recorder, stop = start("127.0.0.1")
    yield recorder
    stop()


@pytest.fixture
def other() -> Iterator[Recorder]:
    """A second server on another loopback address (Linux answers on all of 127.0.0.0/8)."""
    recorder, stop = start("127.0.0.2")
    yield recorder
    stop()


def only_127_0_0_1(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return address == ipaddress.IPv4Address("127.0.0.1")


def test_loopback_is_refused_without_connecting(server: Recorder) -> None:
    url = f"{server.base}/story"
    with pytest.raises(PrivateAddressError) as raised:
        read_document(url, settings=GUARDED)
    assert str(raised.value) == f"{url}: {REFUSED}"
    assert server.hits == []


@pytest.mark.parametrize(
    "host",
    ["localhost", "LocalHost.", "news.localhost", "[::1]", "[::ffff:127.0.0.1]", "127.1", "2130706433", "0.0.0.0"],
)
def test_names_and_spellings_of_this_machine_are_refused(server: Recorder, host: str) -> None:
    port = server.base.rsplit(":", 1)[1]
    (failure,) = iter_documents(f"http://{host}:{port}/story", settings=GUARDED)
    assert isinstance(failure, Failure)
    assert (failure.reason, failure.message.endswith(REFUSED)) == ("PrivateAddressError", True)
    assert server.hits == []


def test_an_open_port_and_a_closed_one_read_alike(server: Recorder) -> None:
    """The refusal comes before any connection, so its text cannot tell which ports answer."""
    messages = []
    for port in (server.base.rsplit(":", 1)[1], "9"):
        with pytest.raises(PrivateAddressError) as raised:
            read_document(f"http://127.0.0.1:{port}/", settings=GUARDED)
        messages.append(str(raised.value).replace(port, "PORT"))
    assert messages[0] == messages[1]
    assert "Connection refused" not in messages[0] and "Errno" not in messages[0]


def test_allow_private_urls_fetches_loopback(server: Recorder) -> None:
    document = read_document(f"{server.base}/story", settings=ALLOWED)
    assert document.text == ARTICLE and len(server.hits) == 1


def test_a_redirect_to_a_refused_address_is_refused_before_it_is_followed(server: Recorder, other: Recorder) -> None:
    with httpx.Client(transport=GuardedTransport(allow=only_127_0_0_1), follow_redirects=True) as client:
        response = fetch(f"{server.base}/redirect?to={server.base}/story", client=client, max_chars=10_000)
        assert (response.url, response.content) == (f"{server.base}/story", ARTICLE.encode())
        with pytest.raises(PrivateAddressError, match="refused: private address"):
            fetch(f"{server.base}/redirect?to={other.base}/story", client=client, max_chars=10_000)
    assert [path for path, _ in server.hits] == [
        f"/redirect?to={server.base}/story",
        "/story",
        f"/redirect?to={other.base}/story",
    ]
    assert other.hits == []


def test_the_checked_address_is_connected_to_with_the_url_s_host(server: Recorder) -> None:
    port = server.base.rsplit(":", 1)[1]
    url = f"http://localhost:{port}/story"
    allow = lambda address: address.is_loopback  # noqa: E731
    with httpx.Client(transport=GuardedTransport(allow=allow), follow_redirects=True) as client:
        response = fetch(url, client=client, max_chars=10_000)
    assert response.url == url  # not the address it connected to
    assert server.hits == [("/story", f"localhost:{port}")]


def test_a_feed_link_to_a_private_address_is_a_failure_not_its_summary(server: Recorder, tmp_path: Path) -> None:
    feed = tmp_path / "feed.rss"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
        f"<item><title>Shelling</title><link>{server.base}/admin</link>"
        f"<description>{ARTICLE}</description></item></channel></rss>",
        encoding="utf-8",
    )
    (failure,) = iter_documents(feed, settings=GUARDED)
    assert isinstance(failure, Failure)
    assert (failure.source, failure.reason) == (f"{server.base}/admin", "PrivateAddressError")
    assert "refused: private address" in failure.message
    assert server.hits == []


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2606:4700:4700::1111", True),
        ("::ffff:93.184.215.14", True),
        ("127.0.0.1", False),
        ("127.8.9.10", False),
        ("::1", False),
        ("0.0.0.0", False),
        ("::", False),
        ("10.1.2.3", False),
        ("172.16.5.4", False),
        ("192.168.1.1", False),
        ("100.64.0.1", False),  # carrier-grade NAT
        ("169.254.169.254", False),  # cloud metadata
        ("fe80::1", False),
        ("fc00::1", False),
        ("fec0::1", False),  # site-local
        ("224.0.0.1", False),
        ("239.255.255.250", False),
        ("ff02::1", False),
        ("255.255.255.255", False),
        ("240.0.0.1", False),
        ("192.0.2.1", False),  # documentation
        ("::ffff:127.0.0.1", False),
        ("::ffff:10.0.0.1", False),
        ("2002:c0a8:101::1", False),  # 6to4 of 192.168.1.1
        ("64:ff9b::a9fe:a9fe", False),  # NAT64 of 169.254.169.254
    ],
)
def test_which_addresses_are_public(address: str, public: bool) -> None:
    assert is_public_address(ipaddress.ip_address(address)) is public


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("1", True), ("off", False), ("False", False)])
def test_the_setting_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str, expected: bool
) -> None:
    monkeypatch.chdir(tmp_path)  # no warlog.toml
    monkeypatch.setenv("WARLOG_ALLOW_PRIVATE_URLS", value)
    assert load_settings().allow_private_urls is expected
    monkeypatch.delenv("WARLOG_ALLOW_PRIVATE_URLS")
    assert load_settings().allow_private_urls is False


def test_the_setting_refuses_what_is_not_a_boolean(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WARLOG_ALLOW_PRIVATE_URLS", "sometimes")
    with pytest.raises(SettingsError, match="allow_private_urls"):
        load_settings()

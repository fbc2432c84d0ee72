"""`warlog serve` for real: a subprocess on a free loopback port, read-only, so it never loads the model."""

from __future__ import annotations

import os
import re
import select
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from warlog.store import Store

SERVE = [sys.executable, "-c", "from warlog.cli import main; main()", "serve"]
TEXT = (
    "Russian aircraft struck rebel positions near Aleppo on 10 October 2015, killing 12 fighters, the Syrian "
    "Observatory for Human Rights said."
)


@pytest.fixture(scope="module")
def store_path(pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "corpus.duckdb"
    with Store.open(path) as store:
        store.save(pipeline.extract(TEXT, published="2015-10-11"))
    return path


def start(*args: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    """Start `warlog serve ARGS --port 0` and return it with the URL it prints."""
    proc = subprocess.Popen(
        [*SERVE, *args, "--port", "0"], stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})}
    )
    deadline = time.monotonic() + 30
    line = ""
    while time.monotonic() < deadline and proc.poll() is None:
        ready, _, _ = select.select([proc.stderr], [], [], 0.5)
        if ready:
            line = proc.stderr.readline()  # type: ignore[union-attr]
            break
    found = re.search(r"at (http://\S+)/ ", line)
    if not found:
        proc.kill()
        proc.wait()
        pytest.fail(f"warlog serve did not start: {line!r}")
    return proc, found.group(1)


def stop(proc: subprocess.Popen) -> str:
    proc.terminate()
    try:
        _, err = proc.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    return err


@pytest.fixture(scope="module")
def server(store_path: Path) -> Iterator[str]:
    proc, url = start("--db", str(store_path), "--read-only")
    yield url
    assert "Traceback" not in stop(proc)


def test_serves_the_api(server: str) -> None:
    with httpx.Client(base_url=server, timeout=10) as client:
        events = client.get("/api/events", params={"actor": "Russia"}).json()
        assert events["total"] == 1 and events["items"][0]["type"] == "ASSAULT"
        document = events["items"][0]["document"]
        assert client.get(f"/api/documents/{document}").json()["document"]["published"] == "2015-10-11"
        error = client.get("/api/nothing")
        assert error.status_code == 404 and error.json()["error"]["code"] == "not_found"
        refused = client.post("/api/documents", json={"text": TEXT})
        assert refused.status_code == 403 and "read-only" in refused.json()["error"]["message"]


def test_docs_are_served_locally(server: str) -> None:
    with httpx.Client(base_url=server, timeout=10) as client:
        page = client.get("/docs")
        assert page.status_code == 200 and "'self'" in page.headers["content-security-policy"]
        sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
        assert sources and all(s.startswith("/docs/") for s in sources)  # nothing from a CDN
        for source in sources:
            response = client.get(source)
            assert response.status_code == 200 and response.content, source
        assert "SwaggerUIBundle" in client.get("/docs/assets/swagger-ui-bundle.js").text
        assert client.get("/openapi.json").json()["info"]["title"] == "warlog"


def test_token_from_the_environment(store_path: Path) -> None:
    proc, url = start("--db", str(store_path), "--read-only", env={"WARLOG_TOKEN": "s3cret"})
    try:
        assert httpx.get(f"{url}/api/places", timeout=10).status_code == 401
        authorized = httpx.get(f"{url}/api/places", headers={"Authorization": "Bearer s3cret"}, timeout=10)
        assert authorized.json()["items"][0]["name"] == "Aleppo"
    finally:
        stop(proc)


def run_serve(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "WARLOG_TOKEN"}
    return subprocess.run([*SERVE, *args], capture_output=True, text=True, timeout=60, env=env)


def test_refuses_to_bind_beyond_loopback_without_a_token(store_path: Path) -> None:
    done = run_serve("--db", str(store_path), "--host", "0.0.0.0", "--read-only")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "--token" in done.stderr and "WARLOG_TOKEN" in done.stderr


def test_a_busy_port_is_one_line(store_path: Path) -> None:
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        done = run_serve("--db", str(store_path), "--read-only", "--port", str(port))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and f"127.0.0.1:{port}" in done.stderr


def test_connections_send_at_once() -> None:
    """Nagle's algorithm off (TCP_NODELAY, inherited by accepted connections): with it on, every request
    after the first on a kept-alive connection waited about 40 ms for a delayed ACK."""
    from warlog.api.server import bind

    with bind("127.0.0.1", 0) as sock:
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        with socket.create_connection(sock.getsockname()), sock.accept()[0] as accepted:
            assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)

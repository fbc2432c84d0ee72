"""What the browser tests and scripts/screenshots.py share: a small store (the reference document, two
invented reports and a hostile text), `warlog serve` on a free loopback port, and Debian's headless
Chromium driven by Selenium.

The invented texts were written for warlog's tests: no outlet published them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "examples" / "reference.txt"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# Headless, and no connection of Chromium's own: the page must be the only thing that asks for anything.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)
MISSING_BROWSER = "Debian's chromium and chromium-driver are not installed: run `make browser` (apt-get)"

XSS = '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1">'

TEXTS = (
    (
        "On February 10, 2016, Syrian government forces attacked rebel positions north of Aleppo, and Russian "
        "aircraft bombed the rebels in Tal Rifaat. At least 25 fighters were killed, according to the Syrian "
        "Observatory for Human Rights. Turkey condemned the offensive. Iran sent military advisers to support "
        "the Assad regime near Aleppo.",
        {"published": "2016-02-12", "title": "Regime offensive north of Aleppo", "source": "Invented Wire"},
    ),
    (
        "Kurdish fighters clashed with the Islamic State near Raqqa on March 2, 2016, local activists said. "
        "The United States provided air support to the Kurdish forces. Russia denied that its aircraft struck "
        "a hospital in Idlib.",
        {"published": "2016-03-04", "title": "Kurds and Islamic State clash near Raqqa", "source": "Invented Wire"},
    ),
    (
        f"Rebels shelled a government checkpoint in Homs on April 3, 2016, the rebels said. {XSS} "
        "The Syrian government denied that any soldiers were killed.",
        {"published": "2016-04-05", "title": f"Homs shelling {XSS}", "source": "Invented Wire"},
    ),
)


def browser_installed() -> bool:
    return CHROMIUM.exists() and CHROMEDRIVER.exists()


def build_store(pipeline: Any, path: Path) -> dict[str, str]:
    """A store at `path` with the reference document and TEXTS; returns {title: document id}."""
    from warlog.ingest import read_document
    from warlog.store import Store

    reports = [pipeline.extract(read_document(REFERENCE, settings=pipeline.settings))]
    reports += [pipeline.extract(text, **metadata) for text, metadata in TEXTS]
    with Store.open(path) as store:
        for report in reports:
            store.save(report)
    return {report.document.title: report.document.id for report in reports}


def _warlog_command() -> list[str]:
    script = Path(sys.executable).parent / "warlog"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from warlog.cli import main; main()"]


@contextmanager
def serve(db: Path, *, timeout: float = 60.0, token: str | None = None) -> Iterator[str]:
    """`warlog serve --db DB --port 0` in a subprocess (with `token`, one it requires); yields its URL,
    stops it on the way out."""
    command = [*_warlog_command(), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", "0"]
    command += ["--token", token] if token else []
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, cwd=ROOT)
    try:
        url = None
        deadline = time.monotonic() + timeout
        lines = []
        while url is None and time.monotonic() < deadline:
            line = process.stderr.readline() if process.stderr else ""
            if not line and process.poll() is not None:
                break
            lines.append(line)
            found = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
            url = found.group(1) if found else None
        if url is None:
            raise RuntimeError(f"`warlog serve` did not start: {''.join(lines)[-2000:]}")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()


@contextmanager
def chromium(*, width: int = 1440, height: int = 960) -> Iterator[Any]:
    """Debian's Chromium, headless, in a fresh profile, driven by its own chromedriver."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="warlog-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_ready(driver: Any, view: str, *, timeout: float = 20.0) -> None:
    """Wait until the page has rendered `view` (app.js sets <body data-view data-state>)."""
    from selenium.webdriver.support.ui import WebDriverWait

    def rendered(d: Any) -> bool:
        state = d.execute_script("return [document.body.dataset.view, document.body.dataset.state]")
        if state[1] == "error":
            message = d.execute_script("return document.getElementById('error').textContent")
            raise AssertionError(f"the {state[0]} view failed: {message}")
        return state == [view, "ready"]

    WebDriverWait(driver, timeout).until(rendered)


def go(driver: Any, hash: str, view: str) -> None:
    """Follow an in-page link (`#/view/...`) and wait until its view has rendered."""
    driver.execute_script("document.body.dataset.state = 'navigating'; window.location.hash = arguments[0]", hash)
    wait_ready(driver, view)


def click_and_wait(driver: Any, element: Any, view: str) -> None:
    """Click a link to another view and wait until that view has rendered."""
    driver.execute_script("document.body.dataset.state = 'navigating'")
    element.click()
    wait_ready(driver, view)


def topmost(driver: Any, css: str) -> Any:
    """The first element matching `css` that nothing covers at its centre (map points may overlap)."""
    element = driver.execute_script(
        """return [...document.querySelectorAll(arguments[0])].find((el) => {
            const box = el.getBoundingClientRect();
            return box.width > 0 && document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === el;
        }) || null""",
        css,
    )
    assert element is not None, f"every {css} is covered by something else"
    return element

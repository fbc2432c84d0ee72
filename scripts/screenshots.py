"""Take docs/screenshots/*.png: one picture of each view of the web page at 1280x800, in headless Chromium,
over a store of 165 documents: the reference document, the web tests' small corpus (tests/web_harness.py)
and the 161 sentences of the PLOVER gold standard's development half, one document each.

The PLOVER gold-standard records are CC BY-SA 4.0, (c) 2016 Open Event Data Alliance
(github.com/openeventdata/PLOVER); their own dates are a placeholder (2000-01-01), so each sentence gets an
invented publication date, two days apart through 2016, from which its events take their dates. The
sentences are read from --plover-gsr (not in this repository).

Usage: python scripts/screenshots.py [--out docs/screenshots] [--plover-gsr PATH]
Needs the built page (`make`) and Debian's chromium + chromium-driver (`make browser`).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from web_harness import build_store, chromium, go, serve, topmost, wait_ready  # noqa: E402

PLOVER_GSR = ROOT.parent / "shared" / "data" / "dev" / "plover-gsr" / "PLOVER_GSR_CAMEO.dev.json"
FIRST_DAY = date(2016, 1, 1)


def add_plover_sentences(pipeline, db: Path, path: Path) -> None:
    """Store each PLOVER gold-standard sentence of `path` as a document with an invented date."""
    from warlog.store import Store

    records = [record for record in json.loads(path.read_text(encoding="utf-8")) if record["event"] != "DOCUMENT"]
    reports = []
    for n, record in enumerate(records):
        published = (FIRST_DAY + timedelta(days=2 * n)).isoformat()
        title = f"PLOVER gold standard {record['id']}"
        source = "PLOVER GSR (CC BY-SA 4.0, Open Event Data Alliance)"
        reports.append(pipeline.extract(record["text"], published=published, title=title, source=source))
    with Store.open(db) as store:
        store.save_many(reports)


def click_first(driver, css: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 15).until(ec.element_to_be_clickable((By.CSS_SELECTOR, css))).click()


def wait_for(driver, css: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 15).until(ec.presence_of_element_located((By.CSS_SELECTOR, css)))


def take(driver, ids: dict[str, str], out: Path) -> list[Path]:
    reference = ids["Russia Teams Up With Islamic State Against Syria’s Rebels"]
    shots = []

    def save(name: str) -> None:
        path = out / f"{name}.png"
        driver.save_screenshot(str(path))
        shots.append(path)

    go(driver, f"#/documents/{reference}", "documents")
    click_first(driver, "#doc-text .seg[data-actor='rus']")
    wait_for(driver, "#details .actor-card")
    save("documents")

    go(driver, "#/actors/rus", "actors")
    save("actor")

    go(driver, "#/graph", "graph")
    driver.execute_script(
        "const cy = window.warlog.cy;"
        "const edge = cy.edges('[polarity = \"hostile\"]').max((e) => e.data('weight')).ele;"
        "edge.select(); edge.emit('tap');"
    )
    wait_for(driver, "#tie-events .tie-event")
    save("graph")

    go(driver, "#/map", "map")
    driver.execute_script("window.warlog.map.fitBounds([[29, 28], [41, 50]], {animate: false})")
    topmost(driver, "path.event-point").click()
    wait_for(driver, "#details .event-card")
    save("map")

    go(driver, "#/timeline", "timeline")
    topmost(driver, "#timeline circle.tl-event").click()
    wait_for(driver, "#details .event-card")
    save("timeline")

    go(driver, "#/trends?period=month&by=type&since=2015-09", "trends")
    save("trends")

    go(driver, "#/claims", "claims")
    click_first(driver, "#claims-board li.claim[data-claim]")
    wait_for(driver, "#details .claim-card")
    save("claims")

    go(driver, "#/corrections?kind=add_alias&target=isil", "corrections")
    form = driver.find_element("id", "correction-form")
    form.find_element("name", "after").send_keys("the Caliphate")
    form.find_element("name", "author").send_keys("analyst")
    form.find_element("name", "note").send_keys("as its fighters call it")
    driver.find_element("id", "correction-submit").click()
    wait_for(driver, "#correction-message.ok, #correction-message.bad")
    message = driver.find_element("id", "correction-message")
    if "bad" in message.get_attribute("class"):
        raise SystemExit(f"screenshots: the correction was refused: {message.text}")
    save("corrections")
    return shots


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--plover-gsr", type=Path, default=PLOVER_GSR, help="the PLOVER gold standard's JSON list")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    import warlog
    from warlog.store import Store

    pipeline = warlog.load(warlog.Settings())
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "screenshots.duckdb"
        ids = build_store(pipeline, db)
        if not args.plover_gsr.exists():
            raise SystemExit(f"screenshots: no {args.plover_gsr}; give --plover-gsr PATH")
        add_plover_sentences(pipeline, db, args.plover_gsr)
        with Store.open(db, read_only=True) as store:
            print(f"store: {store.count('documents')} documents")
        with serve(db) as url, chromium(width=1280, height=800) as driver:
            driver.get(f"{url}/")
            wait_ready(driver, "documents")
            for path in take(driver, ids, args.out):
                print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()

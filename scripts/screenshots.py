"""Take docs/screenshots/*.png: one picture of each view of the web page, in headless Chromium, over a
store built from the reference document and the web tests' small corpus (tests/web_harness.py).

Usage: python scripts/screenshots.py [--out docs/screenshots]
Needs the built page (`make`) and Debian's chromium + chromium-driver (`make browser`).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from web_harness import build_store, chromium, go, serve, topmost, wait_ready  # noqa: E402


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
    driver.execute_script("window.warlog.map.fitBounds([[31.5, 34.5], [38.5, 43]], {animate: false})")
    topmost(driver, "path.event-point").click()
    wait_for(driver, "#details .event-card")
    save("map")

    go(driver, "#/timeline", "timeline")
    click_first(driver, "#timeline .tl-event")
    wait_for(driver, "#details .event-card")
    save("timeline")

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
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    import warlog

    pipeline = warlog.load(warlog.Settings())
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "screenshots.duckdb"
        ids = build_store(pipeline, db)
        with serve(db) as url, chromium(width=1440, height=900) as driver:
            driver.get(f"{url}/")
            wait_ready(driver, "documents")
            for path in take(driver, ids, args.out):
                print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()

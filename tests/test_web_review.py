"""The review page (#/review) in Debian's headless Chromium, driven by the keyboard alone: `warlog serve` over
the hand-built review corpus (tests/review_corpus.py); every decision must reach the audit trail."""

from __future__ import annotations

import json
import os
import urllib.request

import pytest

import review_corpus as corpus
from web_harness import MISSING_BROWSER, browser_installed, chromium, serve, wait_ready

pytestmark = [pytest.mark.slow, pytest.mark.browser]
TIMEOUT = 15


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not browser_installed():
        if os.environ.get("CI"):
            pytest.fail(MISSING_BROWSER)  # CI installs it: never skip there
        pytest.skip(MISSING_BROWSER)
    db = tmp_path_factory.mktemp("review-web") / "review.duckdb"
    corpus.build(db).close()
    with serve(db) as url:
        yield url


@pytest.fixture(scope="module")
def driver(site):
    with chromium(width=1280, height=800) as browser:
        yield browser


def get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - the test's own loopback server
        return json.load(response)


def press(driver, *keys):
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(*keys).perform()


def wait(driver, condition, message):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, TIMEOUT).until(condition, message)


def card(driver) -> dict:
    return driver.execute_script(
        """const card = document.getElementById('review-card');
        return {id: card.dataset.id, document: card.dataset.document, mark: card.querySelector('mark')?.textContent,
                summary: card.querySelector('.review-summary')?.textContent,
                message: document.getElementById('review-message').textContent,
                focus: document.activeElement.id}"""
    )


def wait_card(driver, document: str, id: str, message: str = "") -> dict:
    def shown(d):
        now = card(d)
        return now if (now["document"], now["id"]) == (document, id) and message in now["message"] else False

    return wait(driver, shown, f"the card never showed {document} {id} with {message!r}: {card(driver)}")


def test_the_queue_is_decided_by_keyboard_alone_and_each_decision_is_in_the_trail(site, driver):
    from selenium.webdriver.common.keys import Keys

    driver.get(f"{site}/#/review")
    wait_ready(driver, "review")
    driver.get_log("browser")
    first = wait_card(driver, "doc-a", "ev1")
    assert first["mark"] == "shelled Kadugli" and "The Front ASSAULT (heavy-weapons)" in first["summary"]
    listed = driver.execute_script("return [...document.querySelectorAll('#review-list li')].map((x) => x.dataset.id)")
    assert listed == [id for _, _, id in corpus.EXPECTED_ORDER]
    assert driver.find_element("id", "review-count").text == "(8 waiting)"

    press(driver, "a")  # no name yet: the page asks for it and puts the focus in the field
    wait(driver, lambda d: card(d)["focus"] == "review-author", "the name field never got the focus")
    assert "Give your name first" in card(driver)["message"]
    press(driver, "ara", Keys.ENTER)  # keys typed in the field are text, not decisions
    assert get(f"{site}/api/corrections")["total"] == 0

    press(driver, "a")
    wait_card(driver, "doc-a", "ev2", "Accepted event ev1")
    press(driver, "j")
    wait_card(driver, "doc-b", "e1")
    press(driver, "k")
    wait_card(driver, "doc-a", "ev2")
    press(driver, Keys.ARROW_DOWN)
    wait_card(driver, "doc-b", "e1")
    press(driver, "r")
    fixing = wait_card(driver, "doc-c", "e1", "Rejected event e1")
    assert fixing["mark"] == "set fire to the Dorvale market"

    press(driver, "f")
    wait(driver, lambda d: card(d)["focus"] == "fix-type", "the fix form never took the focus")
    press(driver, Keys.TAB, Keys.TAB)  # type → mode → status
    assert card(driver)["focus"] == "fix-status"
    press(driver, "n", Keys.ENTER)  # "n" picks "negated" in the list; Enter saves
    fixed = wait_card(driver, "doc-c", "e1", "Fixed e1")
    assert "negated" in fixed["summary"]
    press(driver, "s")  # skip: the fixed item stays, the next one is shown
    wait_card(driver, "doc-d", "raid")
    press(driver, "k", "a")
    wait_card(driver, "doc-d", "raid", "Accepted event e1")

    trail = get(f"{site}/api/corrections")["items"]
    assert [(c["kind"], c["document"], c["target"], c["after"], c["author"]) for c in trail] == [
        ("accept", "doc-a", "ev1", None, "ara"),
        ("reject", "doc-b", "e1", None, "ara"),
        ("set_event_status", "doc-c", "e1", "negated", "ara"),
        ("accept", "doc-c", "e1", None, "ara"),
    ]
    assert get(f"{site}/api/review")["total"] == 5
    reviewed = get(f"{site}/api/events?reviewed=true&sort=document")["items"]
    assert [(e["document"], e["id"], e["status"]) for e in reviewed] == [
        ("doc-a", "ev1", "asserted"),
        ("doc-c", "e1", "negated"),
    ]
    errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []

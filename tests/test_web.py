"""The web page end to end: `warlog serve` over a real store, driven in Debian's headless Chromium.

The store holds the reference document, two invented reports and a text carrying script and onerror
payloads (tests/web_harness.py). Nothing is mocked: the page calls the real API, which reads DuckDB.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import pytest

from web_harness import (
    MISSING_BROWSER,
    XSS,
    browser_installed,
    build_store,
    chromium,
    go,
    serve,
    topmost,
    wait_ready,
)

pytestmark = [pytest.mark.slow, pytest.mark.browser]

REFERENCE_TITLE = "Russia Teams Up With Islamic State Against Syria’s Rebels"
TIMEOUT = 15


@pytest.fixture(scope="module")
def site(pipeline, tmp_path_factory):
    """(url, {title: document id}) of `warlog serve` over the test store."""
    if not browser_installed():
        if os.environ.get("CI"):
            pytest.fail(MISSING_BROWSER)  # CI runs `make test`, which installs it: never skip there
        pytest.skip(MISSING_BROWSER)
    db = tmp_path_factory.mktemp("web") / "web.duckdb"
    ids = build_store(pipeline, db)
    with serve(db) as url:
        yield url, ids


@pytest.fixture(scope="module")
def driver(site):
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(site, driver):
    """The page freshly loaded at the reference document; after the test, no script error was logged."""
    url, ids = site
    driver.get(f"{url}/#/documents/{ids[REFERENCE_TITLE]}")
    wait_ready(driver, "documents")
    driver.get_log("browser")  # start the test with an empty console
    yield driver
    errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []


def wait(driver, condition, message):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, TIMEOUT).until(condition, message)


def find(driver, css):
    """The first element matching `css`, once it is there and visible."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec

    return wait(driver, ec.visibility_of_element_located((By.CSS_SELECTOR, css)), f"no visible {css}")


def find_all(driver, css):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, css)


def click_and_wait(driver, element, view):
    driver.execute_script("document.body.dataset.state = 'navigating'")
    element.click()
    wait_ready(driver, view)


def click_edge(driver, predicate_js):
    """Click, with the mouse, the middle of the first graph edge for which `predicate_js(edge)` holds and
    whose middle no node covers; returns (source, target)."""
    from selenium.webdriver.common.action_chains import ActionChains

    spot = driver.execute_script(
        """const cy = window.warlog.cy, keep = new Function('edge', 'return ' + arguments[0]);
        const free = (p) => cy.nodes().every((n) => { const b = n.renderedBoundingBox({includeLabels: false});
            return p.x < b.x1 - 2 || p.x > b.x2 + 2 || p.y < b.y1 - 2 || p.y > b.y2 + 2; });
        const edge = cy.edges().filter((e) => keep(e) && free(e.renderedMidpoint()))[0];
        if (!edge) return null;
        const p = edge.renderedMidpoint(), box = cy.container().getBoundingClientRect();
        return {x: p.x - box.width / 2, y: p.y - box.height / 2,
            source: edge.source().id(), target: edge.target().id()};""",
        predicate_js,
    )
    assert spot is not None, f"no clickable edge where {predicate_js}"
    canvas = driver.find_element("id", "graph")
    ActionChains(driver).move_to_element_with_offset(canvas, int(spot["x"]), int(spot["y"])).click().perform()
    return spot["source"], spot["target"]


def test_document_actor_graph_edge_evidence(page, site):
    url, ids = site
    assert find(page, "#doc-title").text == REFERENCE_TITLE
    assert len(find_all(page, "#doc-text .seg.f-actor")) > 50
    assert find_all(page, "#doc-text .seg.f-event") and find_all(page, "#doc-text .seg.f-claim")

    # a fact: the evidence of an event
    find(page, "#doc-text .seg.f-event:not(.f-actor):not(.f-place)").click()
    assert find(page, "#details .event-card blockquote.evidence mark").text

    # an actor, then everything about it
    find(page, "#doc-text .seg[data-actor='rus']").click()
    assert "Russia" in find(page, "#details .actor-card h3").text
    click_and_wait(page, find(page, "#actor-everything"), "actors")
    assert "Russia" in find(page, "#actor-page h2").text
    assert len(find_all(page, "#actor-events tbody tr")) >= 5
    assert find_all(page, "#actor-ties tbody tr")

    # its ties in the graph, and the events behind one of them
    click_and_wait(page, find(page, "#actor-graph"), "graph")
    wait(page, lambda d: d.execute_script("return window.warlog.cy.edges().length") > 0, "the graph has no edges")
    source, target = click_edge(page, "edge.data('polarity') === 'hostile' && edge.source().id() === 'rus'")
    card = find(page, "#details .tie-card")
    assert "hostile" in card.text and "Russia" in card.text
    mark = find(page, "#tie-events .tie-event blockquote.evidence mark")
    evidence = mark.get_attribute("textContent")
    assert evidence

    # the evidence in its document's text
    click_and_wait(page, find(page, "#tie-events .tie-event .evidence-meta a"), "documents")
    flashed = page.execute_script(
        "return [...document.querySelectorAll('#doc-text .seg.flash')].map((span) => span.textContent).join('')"
    )
    assert flashed == evidence


def tab_to(driver, css, *, limit=400):
    """Press Tab until the focused element matches `css`; returns it (driver.switch_to.active_element)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    for _ in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        if driver.execute_script("return document.activeElement.matches(arguments[0])", css):
            return driver.switch_to.active_element
    raise AssertionError(f"{limit} presses of Tab never reached {css}")


def arrow_to(driver, css, *, limit=600):
    """Press the right arrow until the focused fact of the text matches `css`; returns it."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    for _ in range(limit):
        if driver.execute_script("return document.activeElement.matches(arguments[0])", css):
            return driver.switch_to.active_element
        ActionChains(driver).send_keys(Keys.ARROW_RIGHT).perform()
    raise AssertionError(f"{limit} presses of the right arrow never reached {css}")


def press(driver, key):
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(key).perform()


def details_card(driver, css):
    """The details panel's text once it shows a card matching `css`."""
    return find(driver, f"#details {css}").text


def test_reader_facts_open_from_the_keyboard(page):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    # the text is one Tab stop; the arrow keys go from fact to fact in reading order
    first = tab_to(page, "#doc-text .seg[role='button']", limit=40)
    assert page.execute_script("return document.querySelectorAll('#doc-text .seg[tabindex=\"0\"]').length") == 1
    assert first == find(page, "#doc-text .seg[role='button']")  # the first fact
    press(page, Keys.TAB)
    assert not page.execute_script("return document.activeElement.closest('#doc-text')")  # Tab leaves the text
    ActionChains(page).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    assert page.switch_to.active_element == first  # and Shift+Tab comes back to it
    press(page, Keys.END)
    facts = page.find_elements("css selector", "#doc-text .seg[role='button']")
    assert page.switch_to.active_element == facts[-1]
    press(page, Keys.HOME)
    press(page, Keys.ARROW_RIGHT)
    assert page.switch_to.active_element == facts[1]

    # on to an event's words; Enter shows the event, as a click does
    event_only = "#doc-text .seg.f-event:not(.f-actor):not(.f-place):not(.f-claim)"
    span = arrow_to(page, event_only)
    assert span == page.switch_to.active_element
    assert span.get_attribute("role") == "button"
    label = span.get_attribute("aria-label")
    assert label.startswith("event ") and span.text.strip()[:20] in label
    event = span.get_attribute("data-event")
    press(page, Keys.ENTER)
    by_key = details_card(page, f".event-card[data-event='{event}']")
    assert page.switch_to.active_element == find(page, "#details .event-card h3")  # announced: focus on its heading
    press(page, Keys.ESCAPE)
    assert page.switch_to.active_element == span
    span.click()
    assert details_card(page, f".event-card[data-event='{event}']") == by_key

    # on, to a claim's words: Space shows the claim (the click took the focus to the panel: Shift+Tab back
    # into the text, at the fact clicked)
    ActionChains(page).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    assert page.switch_to.active_element == span
    span = arrow_to(page, "#doc-text .seg.f-claim:not(.f-actor):not(.f-place):not(.f-event)")
    assert "claim" in span.get_attribute("aria-label").split(": ")[0]
    press(page, Keys.SPACE)
    assert details_card(page, f".claim-card[data-claim='{span.get_attribute('data-claim')}']")

    # an actor's name says who it is; with the actors switched off, it is plain text again
    actor = find(page, "#doc-text .seg.f-actor[data-actor='rus']:not(.f-event):not(.f-claim):not(.f-place)")
    assert actor.get_attribute("aria-label").startswith("actor Russia: ")
    find(page, ".legend .layer-actor input").click()
    assert actor.get_attribute("tabindex") is None and actor.get_attribute("role") is None
    find(page, ".legend .layer-actor input").click()
    assert actor.get_attribute("tabindex") == "-1" and actor.get_attribute("role") == "button"


def test_lists_open_details_from_the_keyboard(page):
    from selenium.webdriver.common.keys import Keys

    go(page, "#/claims", "claims")
    button = find(page, "#claims-board li.claim button")
    claim = page.execute_script("return arguments[0].closest('li').dataset.claim", button)
    button.send_keys(Keys.ENTER)
    assert details_card(page, f".claim-card[data-claim='{claim}']")
    press(page, Keys.ESCAPE)
    assert page.switch_to.active_element == button
    find(page, "#contradictions .account button").send_keys(Keys.SPACE)
    assert find(page, "#details .card blockquote.evidence")

    go(page, "#/timeline", "timeline")
    mark = find(page, "#timeline svg .tl-event[role='button'][tabindex='0']")
    page.execute_script("arguments[0].focus()", mark)
    press(page, Keys.ENTER)
    assert details_card(page, f".event-card[data-event='{mark.get_attribute('data-event')}']")


def test_graph_filters_by_period_and_type(page):
    go(page, "#/graph?type=ASSAULT&since=2016-01-01", "graph")
    edges = page.execute_script(
        "return window.warlog.cy.edges().map((e) => [e.data('polarity'), e.source().id(), e.target().id()])"
    )
    fights = [edge for edge in edges if edge[0] != "affiliation"]
    assert fights and all(polarity == "hostile" for polarity, _, _ in fights)
    assert ["hostile", "rus", "syr.reb"] in fights  # Tal Rifaat, February 2016 (invented report)
    assert len(find_all(page, "#ties tbody tr")) == len(edges)


def test_map_and_timeline_render(page):
    go(page, "#/map", "map")
    outlines = find_all(page, ".leaflet-overlay-pane path:not(.event-point)")
    assert len(outlines) > 100  # Natural Earth countries, drawn from world-atlas
    points = find_all(page, ".leaflet-overlay-pane path.event-point")
    assert len(points) >= 10
    assert find_all(page, "path.event-point.status-denied")
    page.execute_script("window.warlog.map.fitBounds([[31.5, 34.5], [38.5, 43]], {animate: false})")
    topmost(page, ".leaflet-overlay-pane path.event-point").click()
    card = find(page, "#details .event-card")
    assert card.find_element("css selector", "blockquote.evidence mark").text
    assert "Source:" in card.text

    go(page, "#/timeline", "timeline")
    marks = find_all(page, "#timeline svg .tl-event")
    assert len(marks) >= 10
    assert find_all(page, "#timeline svg .row-label")
    marks[0].click()
    assert find(page, "#details .event-card")
    go(page, "#/timeline?group=actor", "timeline")
    labels = [label.text for label in find_all(page, "#timeline svg .row-label")]
    assert any(label.startswith("Russia") for label in labels)


def test_claims_board_shows_who_says_what_and_contradictions(page, site):
    url, ids = site
    go(page, "#/claims", "claims")
    russia = find(page, "#claims-board .speaker[data-speaker='rus']")
    assert "sixty terrorist targets" in russia.text
    iran = find(page, "#claims-board .speaker[data-speaker='irn']")
    assert "Daesh terrorists" in iran.text
    assert "author doubts" in iran.text
    assert find_all(page, "#claims-board .badge.hedge")

    reference = ids[REFERENCE_TITLE]
    cards = find_all(page, f"#contradictions .contradiction[data-document='{reference}']")
    assert len(cards) == 3
    kinds = sorted(card.find_element("css selector", ".badge.kind").text for card in cards)
    assert kinds == ["perpetrator", "place", "recipient"]
    for card in cards:
        assert len(card.find_elements("css selector", ".account")) >= 2  # the accounts side by side
    cards[0].find_element("css selector", ".account").click()
    assert find(page, "#details .card blockquote.evidence")


def test_correction_via_the_page_shows_in_the_trail(page, site):
    go(page, "#/corrections?kind=add_alias&target=isil", "corrections")
    form = find(page, "#correction-form")
    form.find_element("name", "after").send_keys("ISIS-web-test")
    form.find_element("name", "author").clear()
    form.find_element("name", "author").send_keys("web tester")
    form.find_element("name", "note").send_keys("seen in the browser test")
    find(page, "#correction-submit").click()
    wait(page, lambda d: "saved" in d.find_element("id", "correction-message").text, "the correction was not saved")
    row = find(page, "#trail-table tbody tr")
    assert "web tester" in row.text and "add_alias" in row.text and "ISIS-web-test" in row.text

    go(page, "#/actors/isil", "actors")
    assert "ISIS-web-test" in find(page, "#actor-page").text

    # an event's status, from the event itself: the link in its details prefills the form
    url, ids = site
    go(page, f"#/documents/{ids['Kurds and Islamic State clash near Raqqa']}", "documents")
    find(page, "#doc-text .seg.f-event:not(.f-actor):not(.f-place)").click()
    status_link = find(page, "#details .event-card .correct a[href*='set_event_status']")
    click_and_wait(page, status_link, "corrections")
    event_id = find(page, "#correction-form input[name='target']").get_attribute("value")
    assert event_id.startswith("ev_")
    from selenium.webdriver.support.ui import Select

    Select(page.find_element("css selector", "#correction-form select[name='after']")).select_by_value("hypothetical")
    find(page, "#correction-submit").click()
    wait(page, lambda d: "saved" in d.find_element("id", "correction-message").text, "the correction was not saved")
    rows = [row.text for row in find_all(page, "#trail-table tbody tr")]
    assert any(event_id in row and "hypothetical" in row for row in rows)


def api_json(url, path, body=None):
    """GET (or, with a body, POST as JSON) an API path of the test server; the JSON answer."""
    import json
    import urllib.request

    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"{url}{path}", data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        return json.load(response)


def test_an_event_card_reads_as_names(page, site):
    url, ids = site
    events = api_json(url, "/api/events?actor=rus&limit=200")["items"]
    event = next(e for e in events if e["place"] and e["place"].startswith("gn.") and e["type"] == "ASSAULT")
    go(page, "#/actors/rus", "actors")
    find(page, f"#actor-events tr[data-event='{event['id']}'] button").click()
    card = find(page, f"#details .event-card[data-event='{event['id']}']").text
    assert event["place"] not in card and "acled_event_type" not in card
    assert "ACLED " in card and "confidence 0." in card and "rule event v" in card and "@" not in card

    # a claim's events by their type and words, not their ids
    claims = api_json(url, f"/api/claims?document={ids[REFERENCE_TITLE]}&limit=200")["items"]
    claim = next(c for c in claims if c["events"])
    go(page, f"#/documents/{ids[REFERENCE_TITLE]}", "documents")
    page.execute_script("document.querySelector(arguments[0]).click()", f"#doc-text .seg[data-claim='{claim['id']}']")
    card = find(page, f"#details .claim-card[data-claim='{claim['id']}']").text
    assert claim["events"][0] not in card


def test_a_negated_event_leaves_the_other_actors_page(page, site):
    """Russia's AID to Assad in the reference document ("to prop up the dictatorship"), negated: no
    cooperative tie with Russia is left on Assad's page, as none is left in the graph."""
    url, ids = site
    aid = api_json(url, "/api/events?type=AID")["items"]
    event = next(e for e in aid if "rus" in e["actors"] and "person.bashar-al-assad" in e["recipients"])
    go(page, "#/actors/person.bashar-al-assad", "actors")
    assert "Russia" in find(page, "#actor-ties").text
    body = {"kind": "set_event_status", "document": event["document"], "target": event["id"], "after": "negated"}
    api_json(url, "/api/corrections", body)
    go(page, "#/graph", "graph")  # leave the page, then come back to it
    go(page, "#/actors/person.bashar-al-assad", "actors")
    ties = [row.text for row in find_all(page, "#actor-ties tbody tr")]
    assert not [row for row in ties if "Russia" in row and "cooperative" in row]
    edges = api_json(url, "/api/graph?actor=person.bashar-al-assad&affiliations=false")["edges"]
    assert not [e for e in edges if "rus" in (e["source"], e["target"])]


def test_hostile_text_is_shown_as_text(page, site):
    url, ids = site
    title = next(title for title in ids if XSS in title)
    go(page, f"#/documents/{ids[title]}", "documents")
    assert find(page, "#doc-title").text == title
    assert XSS in find(page, "#doc-text").text
    find(page, "#doc-list")
    for hash, view in (("#/claims", "claims"), ("#/graph", "graph"), ("#/timeline", "timeline"), ("#/map", "map")):
        go(page, hash, view)
    assert page.execute_script("return typeof window.__pwned") == "undefined"
    assert page.execute_script("return document.querySelectorAll('img[src=\"x\"], script:not([src])').length") == 0


HOSTILE_PLACE = 'Qaryat <img src=x onerror="window.__pwned=1">'


@pytest.fixture(scope="module")
def hostile_place_site(site, pipeline, tmp_path_factory):
    """`warlog serve` over a store of one event at a place whose name, from a user's gazetteer pack, is markup."""
    import yaml

    import warlog
    from warlog.store import Store

    folder = tmp_path_factory.mktemp("hostile-place")
    place = {"id": "user.qaryat-zahra", "name": HOSTILE_PLACE, "country": "SYR", "lat": 35.5, "lon": 39.0,
             "feature": "town", "precision": 1, "aliases": ["Qaryat Zahra"]}  # fmt: skip
    (folder / "packs" / "places").mkdir(parents=True)
    pack = {"pack": "hostile-test", "version": "1", "places": [place]}
    (folder / "packs" / "places" / "hostile.yaml").write_text(yaml.safe_dump(pack), encoding="utf-8")
    loaded = warlog.load(pipeline.settings.with_overrides(packs_dir=folder / "packs"))
    text = "Rebels shelled a government checkpoint in Qaryat Zahra on April 3, 2016, the rebels said."
    report = loaded.extract(text, published="2016-04-05", title="Shelling of Qaryat Zahra")
    assert [p.name for p in report.places] == [HOSTILE_PLACE] and report.events
    del loaded
    db = folder / "store.duckdb"
    with Store.open(db) as store:
        store.save(report)
    with serve(db) as url:
        yield url


def test_a_hostile_place_name_is_text_in_the_map_tooltip(driver, hostile_place_site):
    from selenium.webdriver.common.action_chains import ActionChains

    driver.get(f"{hostile_place_site}/#/map")
    wait_ready(driver, "map")
    driver.get_log("browser")
    point = topmost(driver, ".leaflet-overlay-pane path.event-point")
    ActionChains(driver).move_to_element(point).perform()
    tooltip = find(driver, ".leaflet-tooltip:not(.place-label)")  # the point's, not the place's name
    assert tooltip.text.endswith(f" · {HOSTILE_PLACE}")
    assert find(driver, ".leaflet-tooltip.place-label").text == HOSTILE_PLACE  # the label is text too
    point.click()
    assert HOSTILE_PLACE in find(driver, "#details .event-card").text
    assert driver.execute_script("return document.querySelectorAll('#map img, img[src=\"x\"]').length") == 0
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"] == []


def test_every_view_loads_only_from_the_server(site, driver):
    """Every resource and request of the page goes to the server itself: no CDN, no tiles, nothing else."""
    url, ids = site
    driver.get(f"{url}/")
    driver.execute_script("performance.setResourceTimingBufferSize(100000)")
    wait_ready(driver, "documents")
    views = ("graph", "map", "timeline", "claims", "corrections")
    for view in views:
        go(driver, f"#/{view}", view)
    go(driver, "#/actors/rus", "actors")
    go(driver, f"#/documents/{ids[REFERENCE_TITLE]}", "documents")
    entries = driver.execute_script(
        "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
        ".map((entry) => entry.name)"
    )
    origin = urlsplit(url)
    foreign = [name for name in entries if urlsplit(name)[:2] != origin[:2]]
    assert foreign == []
    paths = {urlsplit(name).path for name in entries}
    for needed in (
        "/static/vendor/cytoscape/cytoscape.min.js",
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/topojson-client/topojson-client.min.js",
        "/static/vendor/world-atlas/countries-50m.json",
        "/api/graph",
        "/api/events",
        "/api/claims",
        "/api/corrections",
    ):
        assert needed in paths


def test_a_server_with_a_token_asks_for_it_once(site, pipeline, tmp_path):
    """`warlog serve --token`: the page asks for the token, keeps it for the tab and sends it."""
    from selenium.webdriver.support import expected_conditions as ec

    from warlog.store import Store

    db = tmp_path / "guarded.duckdb"
    text = "Syrian rebels attacked an army base near Homs on Tuesday."
    with Store.open(db) as store:
        store.save(pipeline.extract(text, published="2016-07-01", title="Guarded report"))
    with serve(db, token="s3cret") as guarded, chromium() as browser:
        browser.get(f"{guarded}/")
        alert = wait(browser, ec.alert_is_present(), "the page did not ask for the token")
        alert.send_keys("s3cret")
        alert.accept()
        wait_ready(browser, "documents")
        assert "Guarded report" in browser.find_element("css selector", "body").text
        assert browser.execute_script("return sessionStorage.getItem('warlog-token')") == "s3cret"
        # an export is fetched with the token too: the server answers it, no error shows
        browser.execute_script("document.querySelector('details.exports').open = true")
        browser.find_element("css selector", ".export-menu a[href$='format=jsonl']").click()
        statuses = (
            "return performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/export'))"
            ".map((e) => e.responseStatus)"
        )
        wait(browser, lambda d: d.execute_script(statuses), "no export request")
        assert browser.execute_script(statuses) == [200]
        assert browser.find_element("id", "error").get_attribute("hidden") is not None

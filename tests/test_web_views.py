"""The views that must scale, in Debian's headless Chromium over a synthetic store of 60 documents and 200
actors (tests/views_store.py): trends, the graph's search, the map's period slider and the exports that
follow the view's filters. Nothing is mocked: `warlog serve` reads DuckDB."""

from __future__ import annotations

import os

import pytest

from views_store import ACTORS, HUBS, TYPES, actor_id, actor_name, build_synthetic_store
from web_harness import MISSING_BROWSER, browser_installed, chromium, go, serve, wait_ready

pytestmark = [pytest.mark.slow, pytest.mark.browser]
TIMEOUT = 15

# Records what the page downloads: every fetch's URL, and each saved file's name and text.
RECORD_DOWNLOADS = """
window.__fetched = [];
window.__saved = [];
const fetchBefore = window.fetch;
window.fetch = (url, init) => { window.__fetched.push(String(url)); return fetchBefore(url, init); };
const blobs = new Map();
const objectUrlBefore = URL.createObjectURL;
URL.createObjectURL = (blob) => { const url = objectUrlBefore(blob); blobs.set(url, blob); return url; };
HTMLAnchorElement.prototype.click = function () {
  const name = this.download;
  blobs.get(this.href).text().then((text) => window.__saved.push({ name, text }));
};
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not browser_installed():
        if os.environ.get("CI"):
            pytest.fail(MISSING_BROWSER)
        pytest.skip(MISSING_BROWSER)
    db = tmp_path_factory.mktemp("views") / "views.duckdb"
    build_synthetic_store(db)
    with serve(db) as url:
        yield url


@pytest.fixture(scope="module")
def driver(site):
    with chromium(width=1280, height=800) as browser:
        yield browser


@pytest.fixture
def page(site, driver):
    driver.get(f"{site}/#/documents")
    wait_ready(driver, "documents")
    driver.get_log("browser")
    yield driver
    errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []


def texts(driver, css, attribute="textContent"):
    return driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map((el) => el[arguments[1]] ?? el.dataset[arguments[1]])",
        css,
        attribute,
    )


def press_enter_on(driver, element):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    driver.execute_script("arguments[0].focus()", element)
    ActionChains(driver).send_keys(Keys.ENTER).perform()


def until(driver, script, message):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, TIMEOUT).until(lambda d: d.execute_script(script), message)


def submit(driver, form_css, **values):
    """Set the form's fields and submit it; wait for the view it routes to."""
    view = driver.execute_script("return document.body.dataset.view")
    driver.execute_script(
        """const form = document.querySelector(arguments[0]);
        for (const [name, value] of Object.entries(arguments[1])) form.elements[name].value = value;
        document.body.dataset.state = 'navigating';
        form.requestSubmit();""",
        form_css,
        values,
    )
    wait_ready(driver, view)


def test_trends_chart_by_actor_per_month_lives_in_the_url(page):
    go(page, "#/trends?period=month&by=actor", "trends")
    hub = page.find_element("css selector", f"#trends-chart g.series[data-series='{actor_id(0)}'] circle.point")
    value = float(hub.find_element("css selector", "title").get_attribute("textContent").split(": ")[1].split()[0])
    press_enter_on(page, hub)  # points can overlap: the keyboard reaches each one
    card = until(page, "return document.querySelector('#details #trend-events')", "the point opened no events")
    assert len(card.find_elements("css selector", "li[data-event]")) == value  # what the point counts, listed
    series = texts(page, "#trends-chart g.series", "series")
    assert sorted(series[:HUBS]) == [actor_id(n) for n in range(HUBS)]  # the six hubs take part most often
    assert series[-1] == "other"  # 200 actors: the top 8 and the rest summed
    legend = page.find_element("id", "trends-legend").text
    assert f"{actor_name(0)} (40)" in legend
    labels = texts(page, "#trends-chart .period-label")
    assert labels[0] == "2016-01" and "1900" not in " ".join(labels)  # the "1900" event is coarser than a month
    assert "1 dated more coarsely" in page.find_element("id", "trends-note").text

    submit(page, "#trends-filters", period="week", by="type", metric="fatalities", country="IRQ")
    assert page.execute_script("return location.hash") == "#/trends?period=week&by=type&metric=fatalities&country=IRQ"
    series = texts(page, "#trends-chart g.series", "series")
    assert series == ["ASSAULT"]  # only assaults have a toll
    point = page.execute_script("return document.querySelector('#trends-chart circle.point title').textContent")
    assert point.startswith("ASSAULT · wk 2016-") and point.endswith("fatalities")

    # a point opens the events behind it
    point = page.find_element("css selector", "#trends-chart g.series[data-series='ASSAULT'] circle.point")
    press_enter_on(page, point)
    card = until(
        page,
        "const card = document.querySelector('#details #trend-events');"
        "return card && card.textContent.startsWith('ASSAULT') && card",
        "the point opened no events",
    )
    listed = len(card.find_elements("css selector", "li[data-event]"))
    assert listed >= 1 and card.text.startswith(f"ASSAULT · wk {point.get_attribute('data-period')}: {listed} event")

    page.execute_script(RECORD_DOWNLOADS)
    page.find_element("id", "trends-csv").click()
    saved = until(page, "return window.__saved[0]", "the CSV was not saved")
    assert saved["name"] == "warlog-trends-fatalities-by-type-per-week.csv"
    rows = saved["text"].splitlines()
    assert rows[0] == "period,key,label,fatalities" and all(",ASSAULT,ASSAULT," in row for row in rows[1:])
    assert sum(float(row.split(",")[3]) for row in rows[1:]) > 0


def test_graph_of_200_actors_labels_the_hubs_and_finds_an_actor(page):
    go(page, "#/graph", "graph")
    nodes = page.execute_script(
        """const cy = window.warlog.cy;
        return cy.nodes().map((n) => ({id: n.id(), degree: n.data('degree'), size: n.width(),
            labelled: n.hasClass('labelled'), font: parseFloat(n.renderedStyle('font-size'))}))"""
    )
    assert len(nodes) == ACTORS
    hubs = [node for node in nodes if node["id"] in {actor_id(n) for n in range(HUBS)}]
    others = [node for node in nodes if node not in hubs]
    assert all(hub["labelled"] for hub in hubs)  # the most connected are labelled at the default zoom
    assert sum(node["labelled"] for node in nodes) <= 25  # not 200 labels on top of each other
    assert min(hub["size"] for hub in hubs) > max(node["size"] for node in others)  # size by degree
    assert all(node["font"] >= 11 for node in nodes)  # a label is drawn at a readable size, whatever the zoom

    target = actor_id(150)
    page.find_element("id", "graph-find").send_keys("unit 150\n")
    card = until(page, "return document.querySelector('#details .node-card')", "no card for the found actor")
    assert card.get_attribute("data-actor") == target and actor_name(150) in card.text
    state = page.execute_script(
        """const cy = window.warlog.cy, node = cy.getElementById(arguments[0]);
        const p = node.renderedPosition(), box = cy.container().getBoundingClientRect();
        return {selected: node.selected(), labelled: node.visible() && node.style('label') !== '',
            dx: Math.abs(p.x - box.width / 2), dy: Math.abs(p.y - box.height / 2),
            faded: cy.nodes('.faded').length, near: cy.nodes('.near').length}""",
        target,
    )
    assert state["selected"] and state["labelled"]
    assert state["dx"] < 2 and state["dy"] < 2  # centred
    assert state["near"] == 2 and state["faded"] == ACTORS - 2  # the actor and its one neighbour stand out

    page.find_element("id", "graph-find").clear()
    page.find_element("id", "graph-find").send_keys("no such actor\n")
    assert "No actor matching" in page.find_element("id", "graph-find-status").text


def test_expanding_an_actor_adds_its_ties_from_the_whole_store(page):
    go(page, f"#/graph?actor={actor_id(150)}", "graph")
    assert page.execute_script("return window.warlog.cy.nodes().length") == 2
    hub = page.execute_script(
        "const cy = window.warlog.cy; const hub = cy.nodes().max((n) => n.data('size')).ele;"
        "hub.emit('tap'); return hub.id()"
    )
    assert hub in {actor_id(n) for n in range(HUBS)}
    page.find_element("id", "graph-expand").click()
    until(page, "return window.warlog.cy.nodes().length > 30", "expanding the hub added no actors")
    assert page.execute_script(f"return window.warlog.cy.getElementById('{hub}').selected()")


def api_total(url, query):
    import json
    from urllib.request import urlopen

    with urlopen(f"{url}/api/events?limit=0&{query}") as response:
        return json.load(response)["total"]


def test_map_period_slider_clusters_and_country_level_areas(page, site):
    go(page, "#/map", "map")
    drawn = page.execute_script("return document.querySelector('#map-note').textContent")
    assert drawn.startswith("240 of 240 events shown")
    assert "48 known only to a province or a country are dashed areas" in drawn  # not points on a centroid
    assert len(page.find_elements("css selector", "path.event-area")) == 1
    assert page.find_elements("css selector", ".event-cluster")  # 192 points gathered where they crowd
    assert "Syria (country)" in page.execute_script(
        "return [...document.querySelectorAll('.place-label')].map((label) => label.textContent).join('|')"
    )

    months = page.execute_script(
        """const [from, to] = document.querySelectorAll('#map-period input[type=range]');
        return [Number(from.max), from.value, to.value]"""
    )
    assert months[1:] == ["0", str(months[0])]  # open at both ends: all dates
    page.execute_script(
        """const [from, to] = document.querySelectorAll('#map-period input[type=range]');
        from.value = 2; from.dispatchEvent(new Event('input'));
        to.value = 3; to.dispatchEvent(new Event('input'));"""
    )
    label = page.find_element("id", "map-period-label").text
    assert label == "2016-03 – 2016-04"
    assert page.execute_script("return location.hash") == "#/map?since=2016-03&until=2016-04"
    expected = api_total(site, "since=2016-03&until=2016-04")
    note = page.find_element("id", "map-note").text
    assert note.startswith(f"{expected} of 240 events shown") and 0 < expected < 240
    # the period goes with the next view
    link = page.find_element("css selector", "#nav a[data-view='timeline']")
    assert link.get_attribute("href").endswith("#/timeline?since=2016-03&until=2016-04")


def test_exports_take_the_views_filters_and_the_filters_follow_to_the_next_view(page, site):
    go(page, "#/trends?period=month&type=ASSAULT&country=IRQ", "trends")
    page.execute_script(RECORD_DOWNLOADS)
    page.find_element("css selector", ".exports summary").click()
    assert page.find_element("id", "export-note").text == "with this view's filters: type ASSAULT, country IRQ"
    page.find_element("css selector", ".export-menu a[data-format='plover-json']").click()
    saved = until(page, "return window.__saved[0]", "the PLOVER export was not saved")
    assert page.execute_script("return window.__fetched.at(-1)").endswith(
        "/api/export?format=plover-json&type=ASSAULT&country=IRQ"
    )
    expected = api_total(site, "type=ASSAULT&country=IRQ")
    assert 0 < expected < 60 and len(saved["text"].splitlines()) == expected  # not the 240 events of the store
    reports = page.find_element("css selector", ".export-menu a[data-format='jsonl']")
    assert reports.get_attribute("href").endswith("/api/export?format=jsonl")  # it takes neither filter...
    assert reports.get_attribute("title") == "without the filters type, country, which this format does not take"

    go(page, page.find_element("css selector", "#nav a[data-view='map']").get_attribute("href").split("/", 3)[3], "map")
    assert page.execute_script("return location.hash") == "#/map?type=ASSAULT&country=IRQ"
    form = page.find_element("id", "map-filters")
    assert form.find_element("name", "country").get_attribute("value") == "IRQ"
    assert form.find_element("name", "type").get_attribute("value") == "ASSAULT"
    assert page.find_element("id", "map-note").text.startswith(f"{expected} of {expected} events shown")
    go(page, "#/timeline?type=ASSAULT&country=IRQ", "timeline")
    assert len(page.find_elements("css selector", "#timeline .tl-event")) == expected

    go(page, "#/map?status=reported", "map")  # a view's own event status goes with its event exports too
    href = page.find_element("css selector", ".export-menu a[data-format='acled-csv']").get_attribute("href")
    assert href.endswith("/api/export?format=acled-csv&status=reported")


def test_timeline_axis_spans_the_dense_range_and_marks_the_outlier(page):
    go(page, "#/timeline", "timeline")
    ticks = texts(page, "#timeline .axis text")
    assert ticks and all(tick.startswith(("2015", "2016", "2017")) for tick in ticks)  # not 1900 to 2016 for one event
    outliers = page.find_elements("css selector", "#timeline .tl-outlier")
    assert len(outliers) == 1 and "1900 (before the axis)" in outliers[0].find_element(
        "css selector", "title"
    ).get_attribute("textContent")
    assert "1 earlier and 0 later events are drawn as arrows" in page.find_element("id", "timeline-note").text
    outliers[0].click()
    assert until(page, "return document.querySelector('#details .event-card')", "the outlier opens no card")


def group_sizes(driver):
    return driver.execute_script(
        """return [...document.querySelectorAll('#claims-board .speaker')].map((s) => [s.dataset.speaker,
            s.querySelectorAll('li.claim').length,
            Number(/\\((\\d+)\\)$/.exec(s.querySelector('h3').textContent)[1])])"""
    )


def test_claims_board_is_paged_and_grouped_by_speaker_or_incident(page):
    go(page, "#/claims", "claims")
    groups = group_sizes(page)
    assert len(groups) == 12  # a dozen speakers at a time, of 63
    assert groups[0][0] in {actor_id(n) for n in range(HUBS)} and groups[0][1:] == [5, 20]  # five of twenty claims
    page.find_element("css selector", "#claims-board .speaker .more-claims").click()
    assert group_sizes(page)[0][1] == 20
    more = page.find_element("css selector", "#claims-board > button.more")
    assert more.text == "Show 12 more speakers (51 left)"
    more.click()
    assert len(group_sizes(page)) == 24

    go(page, "#/claims?group=incident", "claims")
    labels = texts(page, "#claims-board .speaker h3")
    assert labels and all(label.split(":")[0].split(" · ")[0] in TYPES for label in labels)
    chosen = page.find_element("css selector", "#claims-filters select[name='group']")
    assert chosen.get_attribute("value") == "incident"


def test_dark_mode_follows_the_system_setting(page):
    def background(selector):
        rgb = page.execute_script(f"return getComputedStyle(document.querySelector('{selector}')).backgroundColor")
        return sum(int(part) for part in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]) / 3

    go(page, "#/trends", "trends")
    assert background("main") > 200
    dark = {"features": [{"name": "prefers-color-scheme", "value": "dark"}]}
    page.execute_cdp_cmd("Emulation.setEmulatedMedia", dark)
    try:
        assert background("main") < 60 and background("body") < 60
        go(page, "#/graph", "graph")
        label = page.execute_script("return window.warlog.cy.nodes('.labelled')[0].style('color')")
        assert sum(int(part) for part in label[label.index("(") + 1 : -1].split(",")) / 3 > 180  # light text
    finally:
        page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_the_side_panel_is_cleared_when_the_view_changes(page):
    go(page, "#/graph", "graph")
    page.find_element("id", "graph-find").send_keys(f"{actor_id(3)}\n")
    until(page, "return document.querySelector('#details .node-card')", "no card for the found actor")
    go(page, "#/map", "map")
    assert page.find_elements("css selector", "#details .card") == []
    assert page.find_element("id", "details").text.startswith("Click a highlighted fact")

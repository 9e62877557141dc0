"""The map page in a real browser, with every request outside loopback blocked and asserted absent:
the markers match the API for a filter, the slider changes them, a click shows the evidence."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}
TIMEOUT_MS = 30_000


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[tuple[Any, list[str]]]:
    """A page of the map whose requests outside loopback are blocked and recorded."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    outside: list[str] = []

    def guard(route: Any) -> None:
        url = route.request.url
        host = urlsplit(url).hostname or ""
        if url.startswith(("data:", "blob:")) or host in LOOPBACK:
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + "/")
    page.wait_for_function("document.body.dataset.loaded !== undefined", timeout=TIMEOUT_MS)
    yield page, outside
    assert errors == [], errors
    context.close()


def shown_ids(page: Any) -> list[str]:
    ids: list[str] = page.evaluate("window.thucydides.events.map((f) => f.properties.event_id)")
    return ids


def api_ids(server: str, **params: str) -> list[str]:
    response = httpx.get(server + "/events", params={**params, "format": "geojson", "limit": "5000"})
    return [feature["properties"]["event_id"] for feature in response.json()["features"]]


def wait_loaded(page: Any, first: str, last: str) -> None:
    page.wait_for_function(
        f"(document.body.dataset.loaded || '').startsWith('{first}/{last}/')", timeout=TIMEOUT_MS
    )


def set_day(page: Any, index: int) -> None:
    page.eval_on_selector("#day", f"(el) => {{ el.value = {index}; el.dispatchEvent(new Event('input')); }}")


def test_markers_follow_the_api_the_slider_and_a_click_shows_the_evidence(
    page: tuple[Any, list[str]], server: str, artifacts: Path
) -> None:
    tab, outside = page
    # Opens on the latest day.
    wait_loaded(tab, "2016-12-10", "2016-12-10")
    assert shown_ids(tab) == api_ids(server, date_from="2016-12-10", date_to="2016-12-10") == ["sohr-2"]

    # A filter: every day, battles only; the page shows what the API gives for it.
    tab.select_option("#window", "all")
    wait_loaded(tab, "2016-12-08", "2016-12-10")
    tab.wait_for_function("window.thucydides.map && window.thucydides.map.loaded()", timeout=TIMEOUT_MS)
    tab.screenshot(path=str(artifacts / "map-all.png"))
    tab.select_option("select[name=type]", "Battles")
    tab.wait_for_function("window.thucydides.query.type === 'Battles'", timeout=TIMEOUT_MS)
    wanted = api_ids(server, date_from="2016-12-08", date_to="2016-12-10", type="Battles")
    assert shown_ids(tab) == wanted == ["fars-1", "sohr-1", "sohr-2"]

    # The slider: one day at a time; moving it changes the markers.
    tab.select_option("select[name=type]", "")
    tab.select_option("#window", "1")
    set_day(tab, 0)
    wait_loaded(tab, "2016-12-08", "2016-12-08")
    assert shown_ids(tab) == ["fars-1", "sohr-1"]
    set_day(tab, 1)
    wait_loaded(tab, "2016-12-09", "2016-12-09")
    assert shown_ids(tab) == ["reuters-1"]

    # The map draws the marker; a click on it opens the incident with the evidence highlighted.
    tab.wait_for_function("window.thucydides.map && window.thucydides.map.loaded()", timeout=TIMEOUT_MS)
    tab.evaluate("window.thucydides.map.jumpTo({center: [38.27, 34.56], zoom: 6})")  # the user pans there
    tab.wait_for_function(
        "window.thucydides.map.queryRenderedFeatures({layers: ['events']}).length === 1", timeout=TIMEOUT_MS
    )
    x, y = tab.evaluate(
        "(() => { const p = window.thucydides.map.project([38.27, 34.56]);"
        " const r = window.thucydides.map.getCanvas().getBoundingClientRect();"
        " return [r.left + p.x, r.top + p.y]; })()"
    )
    tab.mouse.click(x, y)
    tab.wait_for_selector("#panel:not([hidden]) mark.evidence", timeout=TIMEOUT_MS)
    assert tab.inner_text("#panel mark.evidence") == (
        "Russian jets struck positions near the ancient city of Palmyra"
    )
    assert "Reuters" in tab.inner_text("#panel")
    assert "Ministry of Defence of Russia" in tab.inner_text("#panel")  # the claimant

    # The feed beside the map follows the slider.
    assert tab.locator("#feed li").count() == 1
    assert "Palmyra" in tab.inner_text("#feed")
    tab.screenshot(path=str(artifacts / "map.png"))
    assert outside == [], f"requests left loopback: {outside}"


def test_a_feed_click_reads_every_source_of_an_incident(page: tuple[Any, list[str]], artifacts: Path) -> None:
    tab, outside = page
    wait_loaded(tab, "2016-12-10", "2016-12-10")
    set_day(tab, 0)
    wait_loaded(tab, "2016-12-08", "2016-12-08")
    tab.click("#feed li")
    tab.wait_for_selector("#panel:not([hidden]) .telling mark.evidence", timeout=TIMEOUT_MS)
    text = tab.inner_text("#panel")
    assert "Fars News Agency" in text and "Syrian Observatory for Human Rights" in text
    assert "Sources disagree: fatalities" in text
    assert tab.locator("#panel mark.evidence").count() == 2  # each source's own sentence
    tab.screenshot(path=str(artifacts / "map-incident.png"))
    assert outside == [], f"requests left loopback: {outside}"

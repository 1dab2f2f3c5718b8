"""End to end: samples/ through the real pipeline into a store, ``communique serve`` over it, and
headless Chromium clicking through it (selenium + Debian's chromium-driver).

Skipped with the reason when Chromium is absent. Screenshots go to a tmp folder, and to
$COMMUNIQUE_SCREENSHOTS as well when set (docs/screenshots/ for the README).
"""
from __future__ import annotations

from urllib.parse import urlparse

import httpx
import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

WAIT = 30


def wait_for(driver, css: str, *, count: int = 1):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, WAIT).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, css)) >= count)
    return driver.find_elements(By.CSS_SELECTOR, css)


def shoot(driver, screenshots, name: str) -> None:
    for folder in screenshots:
        assert driver.save_screenshot(str(folder / f"{name}.png"))


def open_page(driver, base: str, path: str) -> None:
    driver.get_log("browser")  # forget what earlier pages logged
    driver.get(base + path)
    wait_for(driver, "footer")


def no_script_ran(driver) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    assert driver.execute_script("return typeof window.__xss") == "undefined"
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018


def only_local_requests(driver, base: str) -> None:
    origin = urlparse(base).netloc
    urls = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert all(urlparse(u).netloc == origin for u in urls), urls


def severe_console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_search_finds_an_article_and_opens_it(browser, live_server, screenshots):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(browser, live_server, "/")
    box = browser.find_element(By.CSS_SELECTOR, "header form.search input[name=q]")
    box.send_keys("Colombo", Keys.ENTER)
    links = wait_for(browser, "#found-articles li a")
    assert browser.current_url.startswith(live_server + "/search?q=Colombo")
    assert "Colombo" in browser.find_element(By.CSS_SELECTOR, "#found-articles").text
    assert browser.find_elements(By.CSS_SELECTOR, "#found-events tbody tr")
    shoot(browser, screenshots, "search")
    links[0].click()
    wait_for(browser, "#text")
    assert "/articles/" in browser.current_url
    assert not severe_console_errors(browser)


def test_events_can_be_filtered_in_the_form(browser, live_server, screenshots):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    open_page(browser, live_server, "/events")
    everything = len(browser.find_elements(By.CSS_SELECTOR, "table.events tbody tr"))
    Select(browser.find_element(By.CSS_SELECTOR, "form.filters select[name=quad]")).select_by_value("1")
    browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
    wait_for(browser, "table.events tbody tr")
    # Empty fields are left out of the URL; the filter is applied.
    assert browser.current_url.endswith("/events?quad=1")
    quads = [q.text for q in browser.find_elements(By.CSS_SELECTOR, "table.events tbody td .quad")]
    assert quads and set(quads) == {"1"} and len(quads) < everything
    shoot(browser, screenshots, "events")


def test_timeline_draws_bars_that_open_their_events(browser, live_server, screenshots):
    from selenium.webdriver.common.by import By

    open_page(browser, live_server, "/timeline")
    bars = wait_for(browser, "#timeline svg rect.bar")
    expected = httpx.get(live_server + "/timeline.json").json()
    assert len(bars) == sum(1 for counts in expected["counts"].values() for n in counts if n)
    shoot(browser, screenshots, "timeline")
    assert not severe_console_errors(browser)
    series = bars[0].get_attribute("data-series")
    bars[0].click()
    wait_for(browser, "table.events tbody tr")
    assert "/events?" in browser.current_url and "since=" in browser.current_url
    types = {a.text for a in browser.find_elements(By.CSS_SELECTOR, "table.events tbody td:nth-child(2) a")}
    assert types == {series}


def test_network_edge_lists_its_events(browser, live_server, screenshots):
    from selenium.webdriver.common.by import By

    open_page(browser, live_server, "/network")
    edges = wait_for(browser, "#network svg path.edge")
    assert wait_for(browser, "#network svg g.node")
    tones = {e.get_attribute("class") for e in edges}
    assert tones <= {"edge tone-cooperation", "edge tone-conflict", "edge tone-mixed"}
    edge = edges[0]
    source, target, count = (edge.get_attribute(a) for a in ("data-source", "data-target", "data-count"))
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", edge)
    items = wait_for(browser, "#edge-events li")
    assert len(items) == int(count)
    assert "selected" in edge.get_attribute("class")
    assert browser.find_element(By.CSS_SELECTOR, "#edge-events h3").text.endswith(target.lstrip("~"))
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#edge-events li a")]
    assert any("/events/" in h for h in links) and any("/articles/" in h for h in links)
    assert source
    shoot(browser, screenshots, "network")
    only_local_requests(browser, live_server)
    assert not severe_console_errors(browser)


def test_map_draws_the_world_offline_and_places_open_their_events(browser, live_server, screenshots):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    open_page(browser, live_server, "/map")
    WebDriverWait(browser, WAIT).until(
        lambda d: d.find_element(By.ID, "map").get_attribute("data-loaded") == "true")
    countries = browser.find_elements(By.CSS_SELECTOR, "#map svg path.country")
    assert len(countries) > 150
    assert browser.find_elements(By.CSS_SELECTOR, "#map svg path.country.has-events")
    dots = wait_for(browser, "#map svg circle.place")
    expected = httpx.get(live_server + "/map.json").json()
    assert len(dots) == len(expected["points"])
    dot = dots[0]
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", dot)
    items = wait_for(browser, "#place-events li")
    assert len(items) == int(dot.get_attribute("data-n"))
    shoot(browser, screenshots, "map")
    only_local_requests(browser, live_server)
    assert not severe_console_errors(browser)


def test_article_shows_highlights_and_an_events_evidence(browser, live_server, screenshots):
    from selenium.webdriver.common.by import By

    listed = httpx.get(live_server + "/articles.json?sort=events").json()["rows"]
    article = next(a for a in listed if a["n_events"] > 0)
    record = httpx.get(f"{live_server}/articles/{article['article_id']}.json").json()
    open_page(browser, live_server, f"/articles/{article['article_id']}")
    text = browser.find_element(By.ID, "text")
    assert text.text.strip() == record["text"].strip()
    for kind in ("actor", "trigger"):
        assert browser.find_elements(By.CSS_SELECTOR, f"#text .hl-{kind}"), kind
    event = next(e for e in record["events"] if e["trigger"] and e["sentence_start"] is not None)
    triggers = [s for s in browser.find_elements(By.CSS_SELECTOR, "#text .hl-trigger")
                if event["local_id"] in (s.get_attribute("data-trigger") or "").split()]
    assert triggers and "".join(t.text for t in triggers) == event["trigger"]["text"]
    triggers[0].click()
    details = browser.find_element(By.ID, "ev-" + event["local_id"])
    assert details.get_attribute("open") is not None
    body = details.find_element(By.CSS_SELECTOR, ".evidence-body")
    assert body.is_displayed()
    assert body.find_element(By.CSS_SELECTOR, "mark.trigger").text == event["trigger"]["text"]
    sentence = record["text"][event["sentence_start"]:event["sentence_end"]]
    assert " ".join(body.find_element(By.CSS_SELECTOR, ".evidence-sentence").text.split()) == " ".join(sentence.split())
    assert body.find_element(By.CSS_SELECTOR, ".reason").text == (event["reason"] or "no reason recorded")
    marked = browser.execute_script(
        "return Array.from(document.querySelectorAll('#text .sel-sentence')).map(s => s.textContent).join('')")
    assert marked == sentence
    assert browser.find_elements(By.CSS_SELECTOR, "#text .sel-trigger")
    shoot(browser, screenshots, "article")
    # The legend switches a kind of highlight off.
    browser.find_element(By.CSS_SELECTOR, "#legend input[value=actor]").click()
    assert "off-actor" in text.get_attribute("class")
    assert not severe_console_errors(browser)


def test_an_event_link_opens_the_article_at_its_evidence(browser, live_server):
    from selenium.webdriver.common.by import By

    event = httpx.get(live_server + "/events.json?size=1&sort=mentions").json()["rows"][0]
    open_page(browser, live_server, f"/events/{event['event_id']}")
    browser.find_element(By.CSS_SELECTOR, "article.mention h3 a").click()
    wait_for(browser, "#text .sel-trigger")
    assert browser.find_element(By.ID, "ev-" + event["local_id"]).get_attribute("open") is not None


def test_hostile_markup_is_shown_and_never_run(browser, hostile_server, screenshots):
    live_server = hostile_server
    from selenium.webdriver.common.by import By

    hostile = httpx.get(live_server + "/articles.json", params={"q": "Hostile title"}).json()["rows"][0]
    response = httpx.get(f"{live_server}/articles/{hostile['article_id']}")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    open_page(browser, live_server, f"/articles/{hostile['article_id']}")
    assert "<script>window.__xss = 6</script> Hostile title" in browser.find_element(By.TAG_NAME, "h1").text
    text = browser.find_element(By.ID, "text")
    assert "<script>window.__xss = 1</script>" in text.text
    assert '<img src=x onerror="window.__xss = 2">' in text.text
    assert not text.find_elements(By.CSS_SELECTOR, "img, svg, script")
    browser.find_element(By.CSS_SELECTOR, "#text .hl-trigger").click()
    details = browser.find_element(By.CSS_SELECTOR, "details.evidence[open]")
    assert 'onerror="window.__xss = 5"' in details.find_element(By.CSS_SELECTOR, ".reason").text
    shoot(browser, screenshots, "hostile-article")
    no_script_ran(browser)
    for path in ("/search?q=script", "/network?actor=Evil", "/quotes?q=script", "/actors?q=Evil"):
        open_page(browser, live_server, path)
        no_script_ran(browser)
    # A link to javascript: is not made from the stored URL.
    open_page(browser, live_server, f"/articles/{hostile['article_id']}")
    hrefs = [a.get_attribute("href") or "" for a in browser.find_elements(By.TAG_NAME, "a")]
    assert not any(h.lower().startswith("javascript:") for h in hrefs)

"""Reading on a phone in the workshop, in headless Chromium at 360 px: a short header, one line of
breadcrumbs, narrow figures, glossary definitions on tap and focus, and tables that fit."""
import pytest

from tests.conftest import BROWSER_TESTS

pytestmark = BROWSER_TESTS


@pytest.fixture
def phone(browser):
    return browser.new_page(viewport={"width": 360, "height": 740})


def test_header_and_breadcrumbs_leave_the_screen_to_the_text(server, phone):
    phone.goto(server + "/curriculum/M01/L2/?lang=lt")
    assert phone.evaluate("document.querySelector('.site-header').getBoundingClientRect().height") <= 100
    crumbs = phone.locator(".breadcrumbs")
    assert crumbs.evaluate("el => el.getBoundingClientRect().height") < 30  # one line
    assert crumbs.get_by_role("link").filter(visible=True).count() == 1  # the way up to the module
    phone.get_by_role("search").get_by_role("button").click()
    assert "/search" in phone.url and phone.locator("#q").is_visible()


def test_phone_gets_the_narrow_figure_and_a_desktop_the_wide_one(server, phone, browser):
    phone.goto(server + "/curriculum/M01/L2/")
    image = phone.locator("figure img")
    image.scroll_into_view_if_needed()
    phone.wait_for_function("document.querySelector('figure img').complete")
    assert image.evaluate("img => img.currentSrc").endswith("/barrel-zones.narrow.svg")
    desktop = browser.new_page(viewport={"width": 1280, "height": 900})
    desktop.goto(server + "/curriculum/M01/L2/")
    desktop.locator("figure img").scroll_into_view_if_needed()
    desktop.wait_for_function("document.querySelector('figure img').complete")
    assert desktop.locator("figure img").evaluate("img => img.currentSrc").endswith("/barrel-zones.svg")


def test_tapping_a_term_shows_its_definition_and_a_second_tap_opens_the_glossary(server, phone):
    phone.goto(server + "/curriculum/M01/L1/")
    term = phone.locator(".prose a.term", has_text="hopper").first
    term.click()
    popover = phone.locator(".term-popover").first
    assert popover.is_visible()
    assert "The funnel that feeds pellets into the barrel." in popover.inner_text()
    assert phone.url.endswith("/curriculum/M01/L1/")
    assert term.get_attribute("aria-expanded") == "true"
    term.click()
    assert phone.url.endswith("/glossary/#hopper")


def test_keyboard_focus_on_a_term_shows_its_definition_and_escape_hides_it(server, browser):
    page = browser.new_page()
    page.goto(server + "/curriculum/M01/L1/")
    term = page.locator(".prose a.term", has_text="barrel").first
    term.focus()
    popover = page.locator(".term-popover:visible")
    assert popover.count() == 1 and "heated steel tube" in popover.inner_text()
    page.keyboard.press("Escape")
    assert page.locator(".term-popover:visible").count() == 0
    assert page.evaluate("document.activeElement.classList.contains('term')")


def test_the_hours_table_fits_the_phone_without_sideways_scrolling(server, phone):
    phone.goto(server + "/curriculum/")
    table = phone.locator(".hours-table")
    assert table.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth")
    label = table.locator("tbody td").first.evaluate("td => getComputedStyle(td, '::before').content")
    assert label == '"Theory"'  # each number is labelled in place of the hidden column headers


def test_the_book_switch_shows_its_whole_focus_ring(server, browser):
    page = browser.new_page()
    page.goto(server + "/curriculum/M01/L1/")
    page.locator(".view-switch a").first.focus()
    style = page.locator(".view-switch").evaluate("el => getComputedStyle(el).overflow")
    assert style == "visible"  # nothing clips the outline drawn inside the pill


def test_a_book_not_built_yet_says_when_it_is_ready_without_reloading(server, phone, synced_app, tmp_path):
    synced_app.config["BOOKS_DIR"] = str(tmp_path / "books")
    phone.goto(server + "/downloads/upskill-programme-en-r0.9.pdf")
    status = phone.locator("#build-status")
    assert "being made now" in status.inner_text()
    assert status.get_attribute("aria-live") == "polite"
    assert not phone.locator("#build-download").is_visible()
    phone.locator("#build-download").wait_for(state="visible", timeout=120_000)
    assert status.inner_text() == "Your book is ready."
    assert phone.evaluate("performance.getEntriesByType('navigation').length") == 1  # the page was never reloaded

"""End to end in headless Chromium: phones, the language switcher, the quiz, and axe checks."""
from pathlib import Path

import pytest

from tests.conftest import BROWSER_TESTS

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
PAGES = ["/", "/curriculum/", "/curriculum/M01/", "/teacher/M01/", "/curriculum/M01/L1/", "/teacher/M01/L1/",
         "/curriculum/M01/T1/", "/teacher/M01/T1/", "/curriculum/M01/Q/", "/teacher/M01/Q/", "/glossary/",
         "/search?q=hopper", "/search?q=cilindr%C5%B3+lydalo&lang=lt", "/curriculum/M09/", "/curriculum/M01/W1/",
         "/teacher/M01/W1/",
         "/curriculum/M01/L1/figures/hopper/", "/curriculum/M01/L2/?lang=lt", "/downloads/", "/downloads/?lang=fr"]

pytestmark = BROWSER_TESTS


def test_pages_fit_a_360_px_phone(server, browser):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    for path in PAGES:
        page.goto(server + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than the phone"


def test_phone_reader_taps_a_figure_to_see_it_full_size(server, browser):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(server + "/curriculum/M01/L1/")
    assert page.get_by_text("(tap the figure to enlarge it)").is_visible()
    page.get_by_role("link", name="Hopper above the barrel").click()
    page.wait_for_load_state()  # the click returns once the new page has begun, not once its style has come
    assert page.url.endswith("/curriculum/M01/L1/figures/hopper/")
    # the figure is shown larger than the phone, to pan, and the way back returns to it
    assert page.evaluate("document.querySelector('.figure-canvas img').getBoundingClientRect().width") > 700
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    page.get_by_role("link", name="Back to the text").first.click()
    assert page.url.endswith("/curriculum/M01/L1/#fig-hopper")
    wide = browser.new_page(viewport={"width": 1280, "height": 900})
    wide.goto(server + "/curriculum/M01/L1/")
    assert not wide.get_by_text("(tap the figure to enlarge it)").is_visible()


def test_axe_finds_no_accessibility_violations(server, browser):
    page = browser.new_page(bypass_csp=True)  # axe is injected as an inline script, which the site's CSP refuses
    for path in PAGES:
        page.goto(server + path)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}))"
            ".violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(' | '))"
        )
        assert violations == [], f"{path}: {violations}"


def test_language_switcher_changes_and_remembers_the_language(server, browser):
    page = browser.new_page()
    page.goto(server + "/curriculum/M01/L1/")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Lietuvių").click()
    assert page.locator("h1").inner_text() == "Bunkeris"
    page.goto(server + "/curriculum/M01/")
    assert page.locator("html").get_attribute("lang") == "lt"
    assert page.locator("h1").inner_text() == "Pirmieji žingsniai prie mašinos"


def test_student_takes_the_quiz_and_reads_the_feedback(server, browser):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(server + "/curriculum/M01/Q/")
    page.get_by_label("It cools the mould.").check()
    page.get_by_label("The nozzle").check()
    page.get_by_label("The barrel", exact=True).check()
    page.get_by_role("button", name="Check my answers").click()
    assert "You answered 1 of 2 questions correctly." in page.locator("#score").inner_text()
    assert page.get_by_text("No. Cooling water does that.").is_visible()
    assert page.locator("fieldset#q2.right").count() == 1


def test_search_from_the_header(server, browser):
    page = browser.new_page()
    page.goto(server + "/")
    page.get_by_role("searchbox", name="Search the curriculum").fill("feed throat")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    assert page.locator("mark").first.inner_text().lower() in ("feed", "feeds")  # inflected forms are found too


def test_pages_work_under_the_content_security_policy(server, browser):
    page = browser.new_page()
    refused = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
    for path in PAGES:
        response = page.goto(server + path)
        assert "script-src 'self'" in response.headers["content-security-policy"]
    page.goto(server + "/curriculum/M01/L1/")
    page.locator("a.term").first.focus()  # the glossary popover is drawn by site.js
    assert page.locator(".term-popover").first.is_visible()
    assert refused == []

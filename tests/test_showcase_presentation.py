"""The showcase's presentation view in a browser: the keyboard moves the slides and the live region says which."""
import pytest

from tests.showcase import consent, home_school_id, join_pilot, second_item, show, showcase_school

PRESENT = "/pilot/showcase/tasks/M01.T1/present"


@pytest.fixture
def two_public_works(synced_app):
    """Two works on M01.T1 in the showcase that anonymous visitors may see."""
    school, attempt = showcase_school(synced_app)
    join_pilot(synced_app, home_school_id(synced_app))
    consent(school.student, attempt, public=True)
    show(school.teacher, attempt, public=True)
    second_item(synced_app)


def test_the_keyboard_moves_the_slides_and_escape_returns_to_the_gallery(two_public_works, server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(server + PRESENT)
    status = page.locator("#slide-status")
    assert status.inner_text() == "Slide 1 of 2" and page.locator("#slide-previous").is_hidden()
    page.keyboard.press("ArrowRight")
    assert status.inner_text() == "Slide 2 of 2" and page.url.endswith("?slide=2")
    assert page.locator("#slide-1").is_hidden() and page.locator("#slide-2").is_visible()
    page.keyboard.press("Home")
    assert status.inner_text() == "Slide 1 of 2"
    page.keyboard.press("End")
    page.keyboard.press("PageDown")  # past the last slide: stays on it
    assert status.inner_text() == "Slide 2 of 2" and page.locator("#slide-next").is_hidden()
    page.locator("#slide-previous").click()
    assert status.inner_text() == "Slide 1 of 2"
    page.keyboard.press("Escape")
    page.wait_for_url(lambda url: "/present" not in url)
    assert page.url.endswith("/pilot/showcase/#task-M01.T1")


def test_without_javascript_the_links_open_the_next_slide(two_public_works, server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + PRESENT)
    page.locator("#slide-next").click()
    assert page.url.endswith("slide=2") and page.locator("#slide-status").inner_text() == "Slide 2 of 2"
    assert page.locator("#slide-fullscreen").is_hidden()
    context.close()

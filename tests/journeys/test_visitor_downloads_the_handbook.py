"""A factory visitor, without an account, picks Lithuanian and downloads the Student's Handbook."""
import io

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.journeys.browsing import DESKTOP, new_page
from tests.journeys.keyboard import follow, press, skip_to_content

BUILD_SECONDS = 150  # the first request makes the book: two modules in a fresh process


def keep_and_pass_on(route, fetched):
    """Fetch the file the browser asked for, keep it with its answer, and hand it to the browser.

    Chromium opens a PDF in its own viewer, whose page is all the browser's answer shows.
    """
    response = route.fetch()
    fetched.append((response, response.body()))
    route.fulfill(response=response)


def test_a_visitor_picks_lithuanian_and_downloads_the_students_handbook(live_server, browser, shots):
    page = new_page(browser, DESKTOP)
    page.goto(live_server.url + "/")
    shots(page, "home-in-english")
    follow(page, page.get_by_role("navigation", name="Language").get_by_role("link", name="Lietuvių"))
    expect(page.locator("html")).to_have_attribute("lang", "lt")
    follow(page, page.get_by_role("navigation", name="Pagrindinis meniu").get_by_role("link", name="Atsisiuntimai"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Atsisiųskite knygas")
    shots(page, "downloads-in-lithuanian")

    skip_to_content(page)
    follow(page, page.get_by_role("link", name="Mokinio knyga", exact=True))
    status = page.locator("#build-status")
    expect(status).to_be_visible()
    shots(page, "book-being-made")
    download_link = page.locator("#build-download")
    expect(download_link).to_be_visible(timeout=BUILD_SECONDS * 1000)  # downloads.js shows it once the book is made
    expect(status).to_have_text("Jūsų knyga paruošta.")
    shots(page, "book-ready")
    fetched = []
    page.route("**/downloads/*.pdf", lambda route: keep_and_pass_on(route, fetched))
    skip_to_content(page)
    with page.expect_response(lambda response: response.url.endswith(".pdf")):
        press(page, download_link)
    response, data = fetched[0]
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    assert response.url.endswith("/downloads/upskill-student-handbook-lt-r0.9.pdf")
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page_.extract_text() for page_ in reader.pages)
    assert "Mokinio knyga" in text and "Pirmieji žingsniai prie mašinos" in text
    assert reader.metadata.title and "Mokinio knyga" in reader.metadata.title
    page.context.close()

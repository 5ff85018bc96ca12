"""A teacher enrols a class from a CSV file with mistakes, fixes them from the preview and prints the invitations."""
import pytest
from playwright.sync_api import expect
from sqlalchemy import func, select

from tests.journeys.browsing import DESKTOP, main_menu, new_page, sign_in
from tests.journeys.keyboard import attach, follow, press, skip_to_content
from tests.work import set_up_school
from upskill.extensions import db
from upskill.models import Enrolment

WITH_MISTAKES = """name;email;student_number
Ona Onaitė;ona.onaite@example.org;VIS-101
;petras@example.org;VIS-102
Rūta Rutkauskė;ruta.rutkauske(at)example.org;VIS-103
Tomas Tomaitis;ona.onaite@example.org;VIS-104
Ieva Teacher;teacher@example.org;VIS-105
"""
CORRECTED = """name;email;student_number
Ona Onaitė;ona.onaite@example.org;VIS-101
Petras Petraitis;petras@example.org;VIS-102
Rūta Rutkauskė;ruta.rutkauske@example.org;VIS-103
Tomas Tomaitis;tomas.tomaitis@example.org;VIS-104
"""
PROBLEMS = [
    ("3", "The name is missing."),
    ("4", "“ruta.rutkauske(at)example.org” is not an e-mail address."),
    ("5", "ona.onaite@example.org is also on row 2."),
    ("6", "teacher@example.org belongs to an account that is not a student's."),
]


@pytest.fixture(scope="module")
def school(journey_app):
    return set_up_school(journey_app)


def enrolled(app, class_id):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Enrolment).where(Enrolment.class_id == class_id))


def test_a_teacher_enrols_a_class_from_a_csv_with_mistakes_and_prints_the_invitations(
        school, journey_app, live_server, browser, shots, tmp_path):
    (tmp_path / "mistakes").mkdir()
    (tmp_path / "mistakes" / "class-list.csv").write_text(WITH_MISTAKES, encoding="utf-8")
    (tmp_path / "class-list.csv").write_text(CORRECTED, encoding="utf-8")
    page = new_page(browser, DESKTOP)
    sign_in(page, live_server.url, "teacher@example.org")
    follow(page, main_menu(page, "Classes"))
    skip_to_content(page)
    follow(page, page.get_by_role("link", name="Operators 2026 A"))
    attach(page, page.get_by_label("Class list (CSV)"), tmp_path / "mistakes" / "class-list.csv", backwards=True)
    follow(page, page.get_by_role("button", name="Check the list"))
    expect(page.get_by_role("alert")).to_contain_text("The file has 4 problems. Nothing has been added.")
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(len(PROBLEMS))
    assert [tuple(cell.strip() for cell in row.inner_text().split("\t")) for row in rows.all()] == PROBLEMS
    shots(page, "preview-with-mistakes")
    assert enrolled(journey_app, school.class_id) == 1  # only Ieva, from before

    follow(page, page.get_by_role("link", name="Upload the corrected file"), backwards=True)
    expect(page.get_by_role("heading", name="Add a class list")).to_be_visible()
    attach(page, page.get_by_label("Class list (CSV)"), tmp_path / "class-list.csv")  # #class-list: Tab starts there
    follow(page, page.get_by_role("button", name="Check the list"))
    expect(page.get_by_text("The list is right: 4 students will be added and get an invitation.")).to_be_visible()
    expect(page.locator("tbody tr")).to_have_count(4)
    shots(page, "preview-clean")
    follow(page, page.get_by_role("button", name="Add these students and print their invitations"), backwards=True)

    cards = page.locator(".invitation-card")
    expect(cards).to_have_count(4)
    expect(cards.first).to_contain_text("Ona Onaitė")
    for name in ("Ona Onaitė", "Petras Petraitis", "Rūta Rutkauskė", "Tomas Tomaitis"):
        expect(page.get_by_role("img", name=f"Invitation code for {name}")).to_be_visible()
    assert all("/account/link/" in link for link in page.locator(".card-link").all_inner_texts())
    shots(page, "invitations")
    page.evaluate("window.print = () => { document.body.dataset.printed = 'yes'; }")  # headless has no print dialog
    skip_to_content(page)
    press(page, page.get_by_role("button", name="Print"))
    expect(page.locator("body")).to_have_attribute("data-printed", "yes")
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Print")).to_be_hidden()  # the sheet prints only the cards
    shots(page, "invitations-as-printed")
    assert page.pdf(format="A4").startswith(b"%PDF-")
    assert enrolled(journey_app, school.class_id) == 5
    page.context.close()

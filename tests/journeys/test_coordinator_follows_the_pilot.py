"""A coordinator reads a pilot report, triages a suggestion, sees the dashboard change, and follows a suggestion
to the revision that applied it: on the real curriculum with the demo's finished autumn 2020 pilot."""
import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from tests.conftest import REAL_CURRICULUM
from tests.journeys.browsing import DESKTOP, main_menu, new_page, sign_in
from tests.journeys.keyboard import follow, pick, skip_to_content, type_into
from upskill.demo import DEMO_PASSWORD, load_demo
from upskill.extensions import db
from upskill.models import School, Suggestion, SuggestionStatus

REPORTING_SCHOOL = "Tredu"


@pytest.fixture(scope="module")
def journey_curriculum():
    return REAL_CURRICULUM


@pytest.fixture(scope="module")
def demo(journey_app):
    """The demo loaded; the codes of a new and of an applied suggestion made in Tredu's report."""
    with journey_app.app_context():
        load_demo()
        db.session.commit()
        school = db.session.scalar(select(School).where(School.name == REPORTING_SCHOOL))
        made = db.session.scalars(select(Suggestion).where(Suggestion.school_id == school.id,
                                                           Suggestion.report_id.is_not(None))
                                  .order_by(Suggestion.code)).all()
        new = next(s.code for s in made if s.status is SuggestionStatus.new)
        applied = next(s for s in made if s.status is SuggestionStatus.applied)
        return new, applied.code, applied.applied_in


def suggestions_by_status(page):
    """The dashboard's table of suggestions by status: {status: count}."""
    table = page.locator("table").filter(has=page.locator("caption", has_text="Suggestions by status"))
    expect(table).to_be_visible()
    return {row.locator("th").inner_text(): int(row.locator("td").inner_text())
            for row in table.locator("tbody tr").all()}


def open_the_dashboard(page):
    """From any page, the pilot dashboard: the main menu's Pilot, then its Dashboard button."""
    follow(page, main_menu(page, "Pilot"))
    skip_to_content(page)
    follow(page, page.get_by_role("link", name="Dashboard"))


def open_the_report(page):
    """From any page, the reporting school's first report, through the menu's Pilot and the autumn 2020 pilot."""
    follow(page, main_menu(page, "Pilot"))
    skip_to_content(page)
    follow(page, page.get_by_role("link", name="UPSKILL pilot, autumn 2020"))
    skip_to_content(page)
    follow(page, page.get_by_role("row").filter(has_text=REPORTING_SCHOOL).get_by_role("link", name="Version 1"))


def test_a_coordinator_reads_a_report_triages_a_suggestion_and_follows_one_to_its_revision(
        demo, journey_app, live_server, browser, shots):
    new_code, applied_code, revision = demo
    page = new_page(browser, DESKTOP)
    sign_in(page, live_server.url, "coordinator@example.org", DEMO_PASSWORD)
    open_the_dashboard(page)
    before = suggestions_by_status(page)
    shots(page, "dashboard-before")

    open_the_report(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text(REPORTING_SCHOOL)
    expect(page.get_by_role("heading", name="Suggestions made in this report")).to_be_visible()
    shots(page, "report")

    follow(page, page.get_by_role("link", name=new_code, exact=True), backwards=True)  # the list ends the report
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Suggestion {new_code}")
    skip_to_content(page)
    pick(page, page.get_by_label("New status"), "Rejected")
    follow(page, page.get_by_role("button", name="Save the decision"))
    expect(page.locator(".field-error").first).to_be_visible()  # a rejection needs its reason
    shots(page, "rejection-needs-a-reason")
    skip_to_content(page)
    type_into(page, page.get_by_label("Reason or note"), "The lesson already says this in its second paragraph.")
    follow(page, page.get_by_role("button", name="Save the decision"))
    expect(page.get_by_role("status")).to_have_text(f"{new_code} is now Rejected.")
    shots(page, "triaged")
    with journey_app.app_context():
        assert db.session.scalar(select(Suggestion.status).where(Suggestion.code == new_code)) is SuggestionStatus.rejected

    open_the_dashboard(page)
    after = suggestions_by_status(page)
    assert after == {**before, "New": before["New"] - 1, "Rejected": before["Rejected"] + 1}
    shots(page, "dashboard-after")

    open_the_report(page)
    follow(page, page.get_by_role("link", name=applied_code, exact=True), backwards=True)
    expect(page.get_by_text(f"in revision {revision}")).to_be_visible()
    skip_to_content(page)
    follow(page, page.get_by_role("link", name=f"What revision {revision} changed"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Revision {revision}")
    expect(page.locator(".change-suggestions code", has_text=applied_code).first).to_be_visible()
    shots(page, "revision", full_page=False)  # the revision lists every change: tens of screens
    page.context.close()

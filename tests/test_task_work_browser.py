"""In a real browser on a phone-sized window: what a student types survives a lost connection."""
from sqlalchemy import select

from tests.conftest import BROWSER_TESTS
from tests.work import set_up_school
from upskill.extensions import db
from upskill.models import TaskWork

pytestmark = BROWSER_TESTS


def sign_in(page, server, email):
    page.goto(server + "/login")
    page.fill("#email", email)
    page.fill("#password", "a long enough secret")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()


def saved(app):
    with app.app_context():
        db.session.expire_all()
        work = db.session.scalar(select(TaskWork))
        return (work.checklist, work.measurements) if work else None


def student_on_the_task(app, server, browser):
    """Ieva signed in on a phone-sized window, on the page of task M01.T1: (context, page)."""
    set_up_school(app)
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    sign_in(page, server, "ieva@example.org")
    page.goto(server + "/learn/M01/T1/")
    return context, page


def test_the_draft_saves_itself_and_survives_the_network_dropping(synced_app, server, browser):
    context, page = student_on_the_task(synced_app, server, browser)
    page.check("#step-0")
    page.fill("#m-1", "12.5 kg")
    page.wait_for_selector(".save-status[data-state=saved]")
    assert saved(synced_app) == ([0], {"1": "12.5 kg"})

    context.set_offline(True)  # the phone loses the network in the workshop
    page.check("#step-1")
    page.fill("#m-1", "12.7 kg")
    page.wait_for_selector(".save-status[data-state=offline]")
    assert saved(synced_app) == ([0], {"1": "12.5 kg"})
    context.set_offline(False)  # and comes back: the draft goes out by itself
    page.wait_for_selector(".save-status[data-state=saved]", timeout=20000)
    assert saved(synced_app) == ([0, 1], {"1": "12.7 kg"})
    context.close()


def test_typed_offline_and_the_page_closed_comes_back_on_the_next_visit(synced_app, server, browser):
    context, page = student_on_the_task(synced_app, server, browser)
    context.set_offline(True)
    page.fill("#m-1", "11.9 kg")
    page.wait_for_selector(".save-status[data-state=offline]")
    page.close()  # the student gives up and closes the tab
    context.set_offline(False)
    again = context.new_page()
    again.goto(server + "/learn/M01/T1/")
    assert again.input_value("#m-1") == "11.9 kg"  # restored from the phone
    again.wait_for_selector(".save-status[data-state=saved]")
    assert saved(synced_app)[1] == {"1": "11.9 kg"}
    context.close()

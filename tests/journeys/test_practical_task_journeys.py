"""A practical task from the invitation to the feedback: the student, the company trainer and the teacher."""
import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from tests.journeys.browsing import DESKTOP, PHONE, main_menu, new_page, sign_in
from tests.journeys.keyboard import attach, choose, follow, skip_to_content, tab_to, tick, type_into
from tests.journeys.school import (
    TASK, add_student, confirmed_by_the_trainer, hand_in_for, invitation_link, open_school, work_state,
)
from tests.work import photo_with_location
from upskill.extensions import db
from upskill.models import Attempt, LessonRead, QuizAttempt, TaskWork, User

NEW_PASSWORD = "seven green hoppers"


@pytest.fixture(scope="module")
def school(journey_app):
    return open_school(journey_app)


def students_record(app, email):
    """What the database holds of a student's work: lessons read, the task's draft and attempts, quiz scores."""
    with app.app_context():
        student = db.session.scalar(select(User).where(User.email == email))
        work = db.session.scalar(select(TaskWork).where(TaskWork.student_id == student.id))
        return {
            "read": db.session.scalars(select(LessonRead.item_code).where(LessonRead.student_id == student.id)).all(),
            "draft": (work.checklist, work.measurements) if work else None,
            "attempts": [(a.number, a.measurements, len(a.files)) for a in work.attempts] if work else [],
            "quiz": db.session.execute(select(QuizAttempt.score, QuizAttempt.total)
                                       .where(QuizAttempt.student_id == student.id)).all(),
        }


def test_an_invited_student_on_a_phone_reads_works_the_task_offline_hands_in_and_takes_the_quiz(
        school, journey_app, live_server, browser, shots):
    student_id = add_student(school, "lina@example.org", "Lina Petraitytė")
    page = new_page(browser, PHONE)
    context = page.context
    page.goto(live_server.url + invitation_link(school, student_id))
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Lina Petraitytė")
    skip_to_content(page)
    type_into(page, page.get_by_label("New password", exact=True), NEW_PASSWORD)
    type_into(page, page.get_by_label("The new password again"), NEW_PASSWORD)
    shots(page, "invitation")
    follow(page, page.get_by_role("button", name="Set my password and sign in"))
    page.wait_for_url("**/account/#main")  # the form has no action: it went to its address, the skip link's #main too
    follow(page, main_menu(page, "My work"), backwards=True)  # so the account page opens at its content
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    shots(page, "my-work")

    skip_to_content(page)
    follow(page, page.get_by_role("link", name="M01.L1 · The hopper").first)
    expect(page.get_by_text("Marked as read in your progress.")).to_be_visible()
    shots(page, "lesson")
    follow(page, main_menu(page, "My work"))
    skip_to_content(page)
    follow(page, page.locator(".task-links").get_by_role("link", name="M01.T1 · Fill the hopper safely"))
    page.wait_for_url("**" + TASK)

    # step by step; the network drops halfway through typing the mass
    saved = page.locator(".save-status[data-state=saved]")
    skip_to_content(page)
    tick(page, page.get_by_label("Check the material label against the set-up sheet."))
    mass = page.get_by_label("Mass of material loaded, in kg")
    type_into(page, mass, "12.")
    expect(saved).to_be_attached()
    context.set_offline(True)
    page.keyboard.type("5 kg")  # the focus is still in the field
    tick(page, page.get_by_label("Open the hopper lid and look for foreign bodies."), backwards=True)
    expect(page.locator(".save-status[data-state=offline]")).to_be_attached()
    shots(page, "offline-while-typing")
    assert students_record(journey_app, "lina@example.org")["draft"][1] == {"1": "12."}
    context.set_offline(False)  # back in the workshop's network: what was kept on the phone goes out by itself
    expect(saved).to_be_attached(timeout=20000)
    page.reload()
    expect(mass).to_have_value("12.5 kg")
    expect(page.get_by_label("Open the hopper lid and look for foreign bodies.")).to_be_checked()
    assert students_record(journey_app, "lina@example.org")["draft"] == ([0, 1], {"1": "12.5 kg"})
    shots(page, "back-online")

    # the hand-in: the last step, the photo, the button
    skip_to_content(page)
    tick(page, page.locator("#step-2"))
    photo = {"name": "hopper.jpg", "mimeType": "image/jpeg", "buffer": photo_with_location()}
    attach(page, page.locator("#f-0"), photo)
    tab_to(page, page.get_by_role("button", name="Hand in", exact=True))
    shots(page, "ready-to-hand-in")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="Handed in (attempt 1)")).to_be_visible()
    expect(page.get_by_role("img", name="Photo: hopper.jpg")).to_be_visible()
    shots(page, "handed-in")

    follow(page, main_menu(page, "My work"))
    skip_to_content(page)
    follow(page, page.get_by_role("link", name="M01.Q").first)
    skip_to_content(page)
    choose(page, page.get_by_label("It feeds pellets into the barrel."))
    tick(page, page.get_by_label("The nozzle"))
    tick(page, page.get_by_label("The barrel", exact=True))
    follow(page, page.get_by_role("button", name="Check my answers"))
    expect(page.locator("#score")).to_contain_text("You answered 2 of 2 questions correctly.")
    shots(page, "quiz")
    follow(page, main_menu(page, "My work"), backwards=True)  # the page opens at the score
    expect(page.get_by_text("Best quiz score: 2 of 2")).to_be_visible()
    shots(page, "my-work-after")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    record = students_record(journey_app, "lina@example.org")
    assert record["read"] == ["M01.L1"] and record["attempts"] == [(1, {"1": "12.5 kg"}, 1)]
    assert record["quiz"] == [(2, 2)]
    context.close()


def test_the_company_trainer_confirms_the_company_part_of_the_task(school, journey_app, live_server, browser, shots):
    add_student(school, "jonas@example.org", "Jonas Jonaitis")
    attempt_id = hand_in_for(school, "jonas@example.org", "13.0 kg")
    page = new_page(browser, DESKTOP)
    sign_in(page, live_server.url, "trainer@example.org")
    follow(page, main_menu(page, "Placed students"))
    row = page.get_by_role("row").filter(has_text="Jonas Jonaitis")
    expect(row).to_contain_text("Handed in")
    shots(page, "placed-students")
    skip_to_content(page)
    follow(page, row.get_by_role("link", name="Check and confirm"))
    expect(page.get_by_text("13.0 kg")).to_be_visible()
    expect(page.get_by_role("img", name="Photo: hopper.jpg")).to_be_visible()
    type_into(page, page.get_by_label("Note for the teacher (optional)"), "Filled the hopper on line 3 with me.",
              backwards=True)
    shots(page, "confirm")
    follow(page, page.get_by_role("button", name="I confirm the company part of this work"))
    expect(page.get_by_role("status")).to_have_text("Confirmed: the teacher can now assess Jonas Jonaitis's work.")
    expect(page.get_by_role("row").filter(has_text="Jonas Jonaitis")).to_contain_text("confirmed")
    shots(page, "confirmed")
    with journey_app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.confirmed_by_id == school.trainer_id
        assert attempt.confirmation_note == "Filled the hopper on line 3 with me."
    page.context.close()


def test_the_teacher_grades_with_the_rubric_by_keyboard_returns_another_and_the_student_sees_why(
        school, journey_app, live_server, browser, shots):
    for email, name, mass in (("aiste@example.org", "Aistė Kairytė", "12.0 kg"),
                              ("marius@example.org", "Marius Mažeika", "2 kg")):
        add_student(school, email, name)
        confirmed_by_the_trainer(school, hand_in_for(school, email, mass))
    page = new_page(browser, DESKTOP)
    sign_in(page, live_server.url, "teacher@example.org")
    follow(page, main_menu(page, "To assess"))
    expect(page.get_by_role("row").filter(has_text="Aistė Kairytė")).to_contain_text("confirmed")
    shots(page, "queue")

    # Aistė's work: the arrows move through a criterion's levels
    skip_to_content(page)
    follow(page, page.get_by_role("link", name="Aistė Kairytė", exact=True))
    expect(page.get_by_role("heading", level=2, name="Assessment with the rubric")).to_be_visible()
    skip_to_content(page)
    for criterion, level in ((0, 2), (1, 1), (2, 1)):
        choose(page, page.locator(f"#level-{criterion}-{level}"))
        if criterion == 0:
            type_into(page, page.locator("#comment-0"), "Read the batch number too.")
    type_into(page, page.locator("#overall"), "Careful and clean work.")
    choose(page, page.get_by_label("Accept", exact=True))
    shots(page, "rubric-filled")
    follow(page, page.get_by_role("button", name="Save the assessment"))
    expect(page.get_by_role("status")).to_have_text("Saved: Aistė Kairytė's work is accepted.")

    # Marius's work goes back: a return needs a reason, which the form asks for
    skip_to_content(page)
    follow(page, page.get_by_role("link", name="Marius Mažeika"))
    skip_to_content(page)
    for criterion in range(3):
        choose(page, page.locator(f"#level-{criterion}-0"))
    choose(page, page.get_by_label("Return for revision"))
    follow(page, page.get_by_role("button", name="Save the assessment"))
    expect(page.locator("#overall-error")).to_have_text("Say what to improve when you return the work.")
    shots(page, "return-needs-a-reason")
    skip_to_content(page)
    type_into(page, page.get_by_label("Overall comment for the student"),
              "Weigh the material again: 2 kg cannot fill the hopper.")
    follow(page, page.get_by_role("button", name="Save the assessment"))
    expect(page.get_by_role("status")).to_have_text("Saved: Marius Mažeika's work is returned for revision.")
    for name in ("Aistė Kairytė", "Marius Mažeika"):  # other students' hand-ins may still wait
        expect(page.get_by_role("row").filter(has_text=name)).to_have_count(0)
    shots(page, "queue-after")
    assert work_state(journey_app, "aiste@example.org") == ("accepted", [1])
    assert work_state(journey_app, "marius@example.org") == ("returned", [1])

    student = new_page(browser, PHONE)
    sign_in(student, live_server.url, "marius@example.org")
    follow(student, main_menu(student, "My work"))
    expect(student.get_by_text("returned for revision: see the feedback")).to_be_visible()
    skip_to_content(student)
    follow(student, student.get_by_role("link", name="M01.T1 · Fill the hopper safely").first)
    expect(student.get_by_text("Weigh the material again: 2 kg cannot fill the hopper.")).to_be_visible()
    expect(student.get_by_text("Returned for revision").first).to_be_visible()
    expect(student.get_by_label("Mass of material loaded, in kg")).to_have_value("2 kg")  # to correct, not retype
    shots(student, "student-sees-the-feedback")
    student.context.close()
    page.context.close()

"""Suggestions of corrections, each tied to an exact item of the curriculum and given its own code."""
import secrets
import threading

import pytest
from sqlalchemy import select

from tests.accounts import log_in, make_user, post_form
from tests.work import set_up_school
from upskill.extensions import db
from upskill.models import AuditEvent, Suggestion, SuggestionKind, SuggestionStatus, User, utcnow
from upskill.pilot.suggestions import create_suggestion


@pytest.fixture
def people(synced_app):
    school = set_up_school(synced_app)
    trainer = synced_app.test_client()
    log_in(trainer, "trainer@example.org")
    school.trainer = trainer
    return school


def suggest(client, item_code, key=None, form_page="/pilot/suggestions/new", **fields):
    data = {"item_code": item_code, "kind": "unclear", "text": "Step 3 does not say which valve.",
            "proposed_change": "Name the valve.", "language": "en",
            "submission_key": key or secrets.token_urlsafe(24), **fields}
    return post_form(client, "/pilot/suggestions/new", data, form_page=form_page)


def codes(app):
    with app.app_context():
        return db.session.scalars(select(Suggestion.code).order_by(Suggestion.number)).all()


@pytest.mark.parametrize("item_code", ["M01", "M01.L1", "M01.T1", "M01.Q.q2", "M01.L1.figure:hopper", "glossary:hopper"])
def test_a_suggestion_about_any_kind_of_item_gets_a_code_and_is_new(people, item_code):
    response = suggest(people.teacher, item_code)
    assert response.status_code == 303
    page = people.teacher.get(response.headers["Location"]).get_data(as_text=True)
    year = utcnow().year
    assert f"S-{year}-001" in page and item_code in page and "Name the valve." in page
    with people.app.app_context():
        assert db.session.scalar(select(Suggestion.status)) is SuggestionStatus.new


@pytest.mark.parametrize("item_code", ["M09.L1", "M01.L9", "M01.Q.q9", "M01.L1.figure:nothing", "glossary:nope", "x" * 121])
def test_an_unknown_item_code_is_refused_next_to_the_field(people, item_code):
    response = suggest(people.teacher, item_code)
    assert response.status_code == 400
    assert "No item of the curriculum has the code" in response.get_data(as_text=True) or \
        "At most 120 characters." in response.get_data(as_text=True)
    assert codes(people.app) == []


def test_an_unknown_item_code_is_shown_back_as_text_never_as_markup(people):
    response = suggest(people.teacher, "<svg onload=alert(1)>")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "the code &lt;svg onload=alert(1)&gt;." in html and "<svg onload" not in html


@pytest.mark.parametrize("fields, message", [
    ({"kind": "rant"}, "Choose one of the options offered."),
    ({"language": "de"}, "Choose one of the options offered."),
    ({"text": ""}, "Say what the suggestion is about."),
    ({"text": "x" * 2001}, "At most 2000 characters."),
])
def test_bad_input_is_refused_and_saves_nothing(people, fields, message):
    response = suggest(people.teacher, "M01.L1", **fields)
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert codes(people.app) == []


def test_the_same_form_sent_twice_makes_one_suggestion(people):
    first, second = suggest(people.teacher, "M01.L1", key="k" * 32), suggest(people.teacher, "M01.L1", key="k" * 32)
    assert first.headers["Location"] == second.headers["Location"]
    assert len(codes(people.app)) == 1


def test_codes_follow_each_other_and_making_one_is_an_audit_event(people):
    suggest(people.teacher, "M01.L1")
    suggest(people.trainer, "M01.T1", kind="too_difficult")
    year = utcnow().year
    assert codes(people.app) == [f"S-{year}-001", f"S-{year}-002"]
    with people.app.app_context():
        events = db.session.scalars(select(AuditEvent.subject).where(AuditEvent.action == "suggestion-created")).all()
    assert events == [f"suggestion:S-{year}-001", f"suggestion:S-{year}-002"]


def test_suggestions_made_at_the_same_moment_get_different_codes(people):
    app = people.app
    with app.app_context():
        author_ids = [db.session.scalar(select(User.id).where(User.email == "teacher@example.org"))] * 6
    barrier, failures = threading.Barrier(len(author_ids)), []

    def make(index, author_id):
        with app.app_context():
            try:
                barrier.wait()
                create_suggestion(db.session.get(User, author_id), "M01.L1", SuggestionKind.error, f"Text {index}",
                                  "", "en", f"key-{index}-{'x' * 20}")
                db.session.commit()
            except Exception as error:  # noqa: BLE001  (reported by the assertion below)
                failures.append(error)
                db.session.rollback()

    threads = [threading.Thread(target=make, args=pair) for pair in enumerate(author_ids)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    made = codes(app)
    assert len(made) == len(set(made)) == len(author_ids)


def test_the_curriculum_pages_offer_the_link_to_teachers_and_trainers_only(people):
    link = "/pilot/suggestions/new?item=M01.L1"
    assert link in people.teacher.get("/curriculum/M01/L1/").get_data(as_text=True)
    assert link in people.trainer.get("/teacher/M01/L1/").get_data(as_text=True)
    assert "/pilot/suggestions/new?item=M01" in people.teacher.get("/curriculum/M01/").get_data(as_text=True)
    assert link not in people.student.get("/curriculum/M01/L1/").get_data(as_text=True)
    assert link not in people.app.test_client().get("/curriculum/M01/L1/").get_data(as_text=True)


def test_students_cannot_suggest_and_others_cannot_read_a_teachers_suggestion(people):
    assert suggest(people.student, "M01.L1", form_page="/account/").status_code == 403
    location = suggest(people.teacher, "M01.L1").headers["Location"]
    assert people.trainer.get(location).status_code == 404
    make_user(people.app, "coord@example.org", "coordinator")
    coordinator = people.app.test_client()
    log_in(coordinator, "coord@example.org")
    assert coordinator.get(location).status_code == 200

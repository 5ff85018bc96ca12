"""The coordinators' suggestion board: filters, counts, pages, triage, every suggestion about one item.

Teachers see their own suggestions, company trainers theirs and those about the tasks their
placed students did; coordinators see every one and decide what becomes of it.
"""
import re
import secrets
from datetime import date

import pytest
from sqlalchemy import select

from tests.accounts import csrf_token, log_in, make_user
from tests.classes import make_school
from tests.conftest import statements_of
from tests.pilot import make_period
from tests.work import set_up_school
from upskill.extensions import db
from upskill.models import (
    AuditEvent, PilotPeriod, PilotReport, Suggestion, SuggestionKind, SuggestionStatus, TaskWork, User,
)
from upskill.pilot.reports import open_report
from upskill.pilot.stamps import pilot_version
from upskill.pilot.suggestions import create_suggestion

CODE = re.compile(r">(S-\d{4}-\d{3})</a>")


@pytest.fixture
def people(synced_app):
    school = set_up_school(synced_app)
    for name, email, role in (("trainer", "trainer@example.org", None), ("coordinator", "coord@example.org", "coordinator"),
                              ("other_coordinator", "coord2@example.org", "coordinator")):
        if role:
            make_user(synced_app, email, role, name=name.replace("_", " ").title())
        client = synced_app.test_client()
        log_in(client, email)
        setattr(school, name, client)
    return school


def suggest(app, email, item_code, kind=SuggestionKind.unclear, language="en", report_id=None):
    """Make a suggestion as the user with that email address, without the form; return its code."""
    with app.app_context():
        author = db.session.scalar(select(User).where(User.email == email))
        report = db.session.get(PilotReport, report_id) if report_id else None
        made, _new = create_suggestion(author, item_code, kind, "Step 3 does not say which valve.", "", language,
                                       secrets.token_urlsafe(24), report=report)
        db.session.commit()
        return made.code


def row(app, code):
    with app.app_context():
        found = db.session.scalar(select(Suggestion).where(Suggestion.code == code))
        db.session.expunge(found)
        return found


def decide(client, code, status, seen="new", **fields):
    data = {"csrf_token": csrf_token(client, f"/pilot/suggestions/{code}"), "status": status, "seen_status": seen,
            "reason": "", "duplicate_of": "", "revision": "", **fields}
    return client.post(f"/pilot/suggestions/{code}/triage", data=data)


def board_codes(client, query=""):
    response = client.get("/pilot/suggestions/" + query)
    assert response.status_code == 200, response.status_code
    return CODE.findall(response.get_data(as_text=True))


# Triage

@pytest.mark.parametrize("status, fields, shown", [
    ("accepted", {"reason": "Yes, name the valve."}, "Yes, name the valve."),
    ("rejected", {"reason": "The valve is named in step 2."}, "The valve is named in step 2."),
    ("applied", {"revision": "1.1"}, "in revision 1.1"),
    ("new", {}, "New"),
])
def test_a_coordinator_sets_each_status_and_it_is_recorded(people, status, fields, shown):
    code = suggest(people.app, "teacher@example.org", "M01.L1")
    if status == "new":
        decide(people.coordinator, code, "accepted")
    response = decide(people.coordinator, code, status, seen="accepted" if status == "new" else "new", **fields)
    assert response.status_code == 303
    page = people.coordinator.get(response.headers["Location"]).get_data(as_text=True)
    assert shown in page and "Suggestion decided" in page
    stored = row(people.app, code)
    assert stored.status is SuggestionStatus(status) and stored.triaged_at is not None
    assert stored.applied_in == fields.get("revision")
    with people.app.app_context():
        coordinator_id = db.session.scalar(select(User.id).where(User.email == "coord@example.org"))
        events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "suggestion-triaged")).all()
        assert stored.triaged_by_id == coordinator_id
        assert events[-1].subject == f"suggestion:{code}" and events[-1].detail["status"] == status


def test_the_author_sees_the_status_and_reason_on_the_board_and_the_page(people):
    code = suggest(people.app, "teacher@example.org", "M01.L1")
    decide(people.coordinator, code, "rejected", reason="Already in step 2.")
    board = people.teacher.get("/pilot/suggestions/").get_data(as_text=True)
    assert "Rejected" in board and "Already in step 2." in board
    page = people.teacher.get(f"/pilot/suggestions/{code}").get_data(as_text=True)
    assert "Already in step 2." in page and "Save the decision" not in page


@pytest.mark.parametrize("status, fields, message", [
    ("rejected", {"reason": "   "}, "Say why the suggestion is rejected."),
    ("duplicate", {}, "Give the code of the suggestion this one repeats"),
    ("duplicate", {"duplicate_of": "S-1999-999"}, "There is no suggestion S-1999-999."),
    ("applied", {}, "Give the revision that applied it"),
    ("applied", {"revision": "1.1; drop"}, "A revision is named with letters, digits and dots"),
    ("applied", {"revision": "1" * 21}, "At most 20 characters."),
    ("rejected", {"reason": "x" * 2001}, "At most 2000 characters."),
    ("maybe", {}, "Choose one of the options offered."),
])
def test_a_decision_missing_what_it_needs_is_refused_and_changes_nothing(people, status, fields, message):
    code = suggest(people.app, "teacher@example.org", "M01.L1")
    response = decide(people.coordinator, code, status, **fields)
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    stored = row(people.app, code)
    assert stored.status is SuggestionStatus.new and stored.triaged_at is None


def test_a_bad_seen_status_is_refused(people):
    code = suggest(people.app, "teacher@example.org", "M01.L1")
    assert decide(people.coordinator, code, "accepted", seen="whatever").status_code == 400
    assert row(people.app, code).status is SuggestionStatus.new


def test_a_suggestion_cannot_duplicate_itself(people):
    code = suggest(people.app, "teacher@example.org", "M01.L1")
    response = decide(people.coordinator, code, "duplicate", duplicate_of=code.lower())
    assert response.status_code == 400 and "cannot be a duplicate of itself" in response.get_data(as_text=True)


def test_a_duplicate_of_a_duplicate_points_at_the_original(people):
    first, second, third, fourth = (suggest(people.app, "teacher@example.org", "M01.L1") for _ in range(4))
    assert decide(people.coordinator, second, "duplicate", duplicate_of=first).status_code == 303
    assert decide(people.coordinator, third, "duplicate", duplicate_of=second).status_code == 303
    with people.app.app_context():
        first_id = db.session.scalar(select(Suggestion.id).where(Suggestion.code == first))
    assert row(people.app, third).duplicate_of_id == first_id
    # the original named a duplicate of itself: refused, it would point at itself
    response = decide(people.coordinator, first, "duplicate", duplicate_of=third)
    assert response.status_code == 400 and "cannot be a duplicate of itself" in response.get_data(as_text=True)
    # the original turns out to repeat another: its duplicates follow it there
    assert decide(people.coordinator, first, "duplicate", duplicate_of=fourth).status_code == 303
    with people.app.app_context():
        fourth_id = db.session.scalar(select(Suggestion.id).where(Suggestion.code == fourth))
    assert {row(people.app, code).duplicate_of_id for code in (first, second, third)} == {fourth_id}
    page = people.coordinator.get(f"/pilot/suggestions/{second}").get_data(as_text=True)
    assert f'href="/pilot/suggestions/{fourth}"' in page


def test_a_decision_on_a_state_changed_meanwhile_is_refused_with_the_current_state(people):
    code = suggest(people.app, "teacher@example.org", "M01.L1")
    stale_token = csrf_token(people.other_coordinator, f"/pilot/suggestions/{code}")  # saw it while new
    assert decide(people.coordinator, code, "accepted").status_code == 303
    response = people.other_coordinator.post(f"/pilot/suggestions/{code}/triage", data={
        "csrf_token": stale_token, "status": "rejected", "seen_status": "new", "reason": "No."})
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "Another coordinator changed this suggestion" in page and "it is now Accepted" in page
    assert 'name="seen_status" type="hidden" value="accepted"' in page
    assert row(people.app, code).status is SuggestionStatus.accepted


def test_only_coordinators_and_administrators_may_decide(people):
    code = suggest(people.app, "teacher@example.org", "M01.L1")
    for client in (people.teacher, people.trainer, people.student):
        token = csrf_token(client, "/account/")
        response = client.post(f"/pilot/suggestions/{code}/triage",
                               data={"csrf_token": token, "status": "accepted", "seen_status": "new"})
        assert response.status_code == 403
    anonymous = people.app.test_client()
    assert anonymous.post(f"/pilot/suggestions/{code}/triage",
                          data={"csrf_token": csrf_token(anonymous, "/login")}).status_code == 401
    token = csrf_token(people.coordinator, "/account/")
    assert people.coordinator.post("/pilot/suggestions/S-1999-999/triage", data={
        "csrf_token": token, "status": "accepted", "seen_status": "new"}).status_code == 404
    assert row(people.app, code).status is SuggestionStatus.new


# The board

@pytest.fixture
def varied(people):
    """Suggestions of two schools, in two languages, of two kinds, one of them inside a pilot report."""
    app = people.app
    other_school = make_school(app, code="FI-TRE", name="Tredu", country="FI")
    make_user(app, "other-teacher@example.org", "teacher", school=None)
    with app.app_context():
        other = db.session.scalar(select(User).where(User.email == "other-teacher@example.org"))
        other.school_id = other_school
        teacher = db.session.scalar(select(User).where(User.email == "teacher@example.org"))
        db.session.commit()
        period_id = make_period(app, [teacher.school_id])
        report_id = open_report(db.session.get(PilotPeriod, period_id), teacher.school_id, teacher).id
        db.session.commit()
    codes = {
        "lesson": suggest(app, "teacher@example.org", "M01.L1", SuggestionKind.error, "lt", report_id),
        "task": suggest(app, "teacher@example.org", "M01.T1"),
        "other": suggest(app, "other-teacher@example.org", "M02.L1", SuggestionKind.translation, "fi"),
        "term": suggest(app, "other-teacher@example.org", "glossary:hopper"),
    }
    people.other_teacher = app.test_client()
    log_in(people.other_teacher, "other-teacher@example.org")
    people.codes, people.period_id, people.other_school = codes, period_id, other_school
    return people


def test_the_board_filters_by_status_kind_module_school_language_period_and_code(varied):
    c, codes = varied.coordinator, varied.codes
    decide(c, codes["task"], "accepted")
    decide(c, codes["term"], "applied", revision="1.1")
    with varied.app.app_context():
        school_id = db.session.scalar(select(User.school_id).where(User.email == "teacher@example.org"))
    assert set(board_codes(c)) == set(codes.values())
    assert board_codes(c, "?status=accepted") == [codes["task"]]
    assert board_codes(c, "?status=waiting") == [codes["task"]]
    assert board_codes(c, "?status=applied") == [codes["term"]]
    assert board_codes(c, "?kind=translation") == [codes["other"]]
    assert board_codes(c, "?module=M01") == [codes["task"], codes["lesson"]]
    assert board_codes(c, f"?school={varied.other_school}") == [codes["term"], codes["other"]]
    assert board_codes(c, f"?school={school_id}&language=lt") == [codes["lesson"]]
    assert board_codes(c, f"?period={varied.period_id}") == [codes["lesson"]]
    assert board_codes(c, "?q=glossary") == [codes["term"]]
    assert board_codes(c, "?q=" + codes["other"][-3:]) == [codes["other"]]
    assert board_codes(c, "?q=%25") == []  # a wildcard is searched for as itself
    page = c.get("/pilot/suggestions/").get_data(as_text=True)
    assert "New</a>: 2" in page and "Accepted, not yet applied</a>: 1" in page and "Applied</a>: 1" in page


def test_the_waiting_filter_leaves_out_accepted_suggestions_already_applied(varied):
    with varied.app.app_context():  # as curriculum sync marks one applied in a revision
        found = db.session.scalar(select(Suggestion).where(Suggestion.code == varied.codes["task"]))
        found.status, found.applied_in = SuggestionStatus.accepted, "1.2"
        db.session.commit()
    decide(varied.coordinator, varied.codes["lesson"], "accepted")
    assert board_codes(varied.coordinator, "?status=waiting") == [varied.codes["lesson"]]


@pytest.mark.parametrize("query", ["?status=open", "?kind=rant", "?module=M99", "?school=x", "?period=987654",
                                   "?language=de", "?q=" + "x" * 61])
def test_a_filter_not_offered_is_a_clear_400(varied, query):
    response = varied.coordinator.get("/pilot/suggestions/" + query)
    assert response.status_code == 400
    assert "Choose one of the options offered." in response.get_data(as_text=True) or \
        "At most 60 characters." in response.get_data(as_text=True)


def test_teachers_are_not_offered_the_school_and_period_filters(varied):
    page = varied.teacher.get("/pilot/suggestions/").get_data(as_text=True)
    assert 'name="school"' not in page and 'name="period"' not in page and "Tredu" not in page
    assert varied.teacher.get(f"/pilot/suggestions/?school={varied.other_school}").status_code == 400


def test_a_row_shows_the_item_linked_its_kind_status_school_and_date(varied):
    page = varied.coordinator.get("/pilot/suggestions/").get_data(as_text=True)
    assert 'href="/curriculum/M01/L1/?lang=lt">M01.L1</a>' in page
    assert 'href="/glossary/#hopper">glossary:hopper</a>' in page
    assert "Translation" in page and "Tredu" in page and date.today().strftime("%Y") in page


@pytest.mark.parametrize("page_asked, page_shown", [("x", 1), ("0", 1), ("-1", 1), (str(10 ** 9), 2), ("9" * 40, 2),
                                                    ("2", 2)])
def test_pages_hold_fifty_and_any_page_number_is_bounded(people, page_asked, page_shown):
    with people.app.app_context():
        author = db.session.scalar(select(User).where(User.email == "teacher@example.org"))
        for number in range(51):
            create_suggestion(author, "M01.L1", SuggestionKind.other, "Text", "", "en", f"bulk-key-{number:04d}-pad")
        db.session.commit()
    response = people.coordinator.get(f"/pilot/suggestions/?page={page_asked}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert f"Page {page_shown} of 2" in page
    assert len(CODE.findall(page)) == (50 if page_shown == 1 else 1)


def _make_many(app, number):
    with app.app_context():
        teacher = db.session.scalar(select(User).where(User.email == "teacher@example.org"))
        trainer = db.session.scalar(select(User).where(User.email == "trainer@example.org"))
        start = len(db.session.scalars(select(Suggestion.id)).all())
        for index in range(start, start + number):
            author = trainer if index % 2 else teacher
            create_suggestion(author, ("M01.T1", "M01.L1", "glossary:hopper")[index % 3], SuggestionKind.error,
                              "Text", "", ("en", "lt")[index % 2], f"many-key-{index:04d}-padding")
        db.session.commit()


@pytest.mark.parametrize("who", ["coordinator", "teacher", "trainer"])
def test_the_board_asks_the_same_number_of_queries_for_3_and_for_30_suggestions(people, who):
    client = getattr(people, who)
    _make_many(people.app, 3)
    few, few_statements = statements_of(people.app, client, "/pilot/suggestions/?module=M01")
    _make_many(people.app, 27)
    many, many_statements = statements_of(people.app, client, "/pilot/suggestions/?module=M01")
    assert few.status_code == many.status_code == 200
    assert len(CODE.findall(many.get_data(as_text=True))) > len(CODE.findall(few.get_data(as_text=True)))
    assert len(many_statements) == len(few_statements)


# Who sees what

def test_a_teacher_sees_only_their_own_suggestions(varied):
    assert set(board_codes(varied.teacher)) == {varied.codes["lesson"], varied.codes["task"]}
    assert varied.teacher.get(f"/pilot/suggestions/{varied.codes['other']}").status_code == 404
    assert varied.teacher.get("/pilot/suggestions/S-1999-999").status_code == 404


def test_a_trainer_sees_their_own_and_those_about_tasks_their_students_did(varied):
    app = varied.app
    figure = suggest(app, "teacher@example.org", "M01.T1.figure:hopper")
    own = suggest(app, "trainer@example.org", "M02.L1")
    codes = varied.codes
    assert set(board_codes(varied.trainer)) == {own}  # the placed student has not started M01.T1
    with app.app_context():
        db.session.add(TaskWork(student_id=varied.student_id, item_code="M01.T1"))
        db.session.commit()
    assert set(board_codes(varied.trainer)) == {own, codes["task"], figure}
    assert varied.trainer.get(f"/pilot/suggestions/{codes['task']}").status_code == 200
    assert varied.trainer.get(f"/pilot/suggestions/{codes['lesson']}").status_code == 404
    assert "Save the decision" not in varied.trainer.get(f"/pilot/suggestions/{codes['task']}").get_data(as_text=True)


# Every suggestion about one item

def test_the_item_list_gathers_the_item_its_figures_and_questions(people):
    app = people.app
    lesson, figure, other_lesson = (suggest(app, "teacher@example.org", code)
                                    for code in ("M01.L1", "M01.L1.figure:hopper", "M01.L2"))
    quiz, question = suggest(app, "teacher@example.org", "M01.Q"), suggest(app, "teacher@example.org", "M01.Q.q2")
    decide(people.coordinator, figure, "rejected", reason="Fine as it is.")
    page = people.coordinator.get("/pilot/suggestions/item/M01.L1").get_data(as_text=True)
    assert set(CODE.findall(page)) == {lesson, figure}
    assert "Rejected" in page and 'href="/curriculum/M01/L1/"' in page
    assert set(CODE.findall(people.coordinator.get("/pilot/suggestions/item/M01.Q").get_data(as_text=True))) == \
        {quiz, question}
    assert CODE.findall(people.coordinator.get("/pilot/suggestions/item/M01.Q.q2").get_data(as_text=True)) == \
        [question]
    assert other_lesson not in page


def test_the_item_list_shows_others_only_what_they_may_see(varied):
    assert CODE.findall(varied.other_teacher.get("/pilot/suggestions/item/M01.L1").get_data(as_text=True)) == []
    assert CODE.findall(varied.teacher.get("/pilot/suggestions/item/M01.L1").get_data(as_text=True)) == \
        [varied.codes["lesson"]]


@pytest.mark.parametrize("code", ["nonsense", "M1.L1", "M01.L1.figure:", "x" * 200])
def test_an_item_list_for_a_code_that_cannot_be_is_404(people, code):
    assert people.coordinator.get(f"/pilot/suggestions/item/{code}").status_code == 404


@pytest.mark.parametrize("item_code, language, link", [
    ("M01.L1", "lt", 'href="/curriculum/M01/L1/?lang=lt"'),
    ("M01.T1", "lt", 'href="/curriculum/M01/T1/"'),  # not written in Lithuanian: the reader's own language
    ("M01.Q.q2", "en", 'href="/curriculum/M01/Q/?lang=en#q2"'),
    ("M01.L1.figure:hopper", "en", 'href="/curriculum/M01/L1/?lang=en#fig-hopper"'),
    ("glossary:hopper", "lt", 'href="/glossary/#hopper"'),
    ("M01", "en", 'href="/curriculum/M01/?lang=en"'),
])
def test_the_suggestion_opens_its_item_in_its_language(people, item_code, language, link):
    code = suggest(people.app, "teacher@example.org", item_code, language=language)
    page = people.coordinator.get(f"/pilot/suggestions/{code}").get_data(as_text=True)
    assert f'{link}>Open the item</a>' in page


# The Teacher's Book page

def test_the_teachers_book_shows_coordinators_the_open_suggestions_and_nobody_else(people):
    open_one, figure, done = (suggest(people.app, "teacher@example.org", code)
                              for code in ("M01.L1", "M01.L1.figure:hopper", "M01.L1"))
    decide(people.coordinator, done, "rejected", reason="No.")
    page = people.coordinator.get("/teacher/M01/L1/").get_data(as_text=True)
    assert 'href="/pilot/suggestions/item/M01.L1">Suggestions about this item (2 open)</a>' in page
    anonymous = people.app.test_client()
    for _twice in range(2):  # the second answer comes from the page cache
        shown = anonymous.get("/teacher/M01/L1/").get_data(as_text=True)
        assert "Suggestions about this item" not in shown and "/pilot/suggestions/" not in shown
    assert "Suggestions about this item" not in people.coordinator.get("/curriculum/M01/L1/").get_data(as_text=True)


def test_the_teachers_book_shows_teachers_and_trainers_their_own_suggestions(people):
    mine = suggest(people.app, "teacher@example.org", "M01.T1")
    page = people.teacher.get("/teacher/M01/T1/").get_data(as_text=True)
    assert "Your suggestions about this item" in page and f'href="/pilot/suggestions/{mine}"' in page
    trainer_page = people.trainer.get("/teacher/M01/T1/").get_data(as_text=True)
    assert "Your suggestions about this item" not in trainer_page and mine not in trainer_page
    theirs = suggest(people.app, "trainer@example.org", "M01.T1")
    assert f'href="/pilot/suggestions/{theirs}"' in people.trainer.get("/teacher/M01/T1/").get_data(as_text=True)
    assert theirs not in people.app.test_client().get("/teacher/M01/T1/").get_data(as_text=True)


@pytest.mark.parametrize("revision, linked", [("0.9", True), ("1.2", False)])
def test_an_applied_suggestion_leads_to_its_revision_once_the_change_log_has_it(people, revision, linked):
    code = suggest(people.app, "teacher@example.org", "M01.L1")
    decide(people.coordinator, code, "applied", revision=revision)
    page = people.coordinator.get(f"/pilot/suggestions/{code}").get_data(as_text=True)
    assert f"in revision {revision}" in page
    assert (f'<a href="/changes/{revision}/">What revision {revision} changed</a>' in page) is linked
    if linked:
        assert people.coordinator.get(f"/changes/{revision}/").status_code == 200


def test_a_decision_moves_the_pilot_version_on_so_that_the_dashboard_is_made_again(people):
    code = suggest(people.app, "teacher@example.org", "M01.L1")
    with people.app.app_context():
        before = pilot_version()
    assert decide(people.coordinator, code, "rejected", reason="Said already.").status_code == 303
    with people.app.app_context():
        assert pilot_version() > before  # the decision is an UPDATE statement, which flush never sees

"""Every route that is not public, for every kind of visitor: the expected status, and never a leak.

A record that is not yours answers the same 404 as a record that does not exist.
"""
import pytest
from sqlalchemy import select

from tests.accounts import csrf_token, log_in, make_user
from tests.classes import make_class, make_school
from tests.conftest import empty_database, make_app
from tests.pilot import make_period
from tests.test_task_work import hand_in
from tests.work import make_company_task, photo_with_location, set_up_school
from upskill import jobs
from upskill.access import PUBLIC, rule_of
from upskill.curriculum.sync import sync_curriculum
from tests.conftest import FIXTURE_CURRICULUM
from upskill.extensions import db
from upskill.models import (
    Attempt, EvidenceFile, PilotPeriod, ShowcaseComment, ShowcaseConsent, ShowcaseItem, SuggestionKind, User,
)
from upskill.pilot.reports import open_report
from upskill.pilot.suggestions import create_suggestion

ROLES = ("anonymous", "student", "other_student", "teacher", "other_teacher", "trainer", "coordinator", "admin")
STAFF = {"teacher", "other_teacher", "coordinator", "admin"}
STUDENTS = {"student", "other_student"}
SIGNED_IN = set(ROLES) - {"anonymous"}
SUGGESTERS = STAFF | {"trainer"}

# endpoint -> (roles let in, roles that get a 404 because the record is not theirs)
RULES = {
    "admin.audit_log": ({"admin"}, set()),
    "admin.deactivate_user": ({"admin"}, set()),
    "admin.reset_link": ({"admin"}, set()),
    "admin.user": ({"admin"}, set()),
    "admin.users": ({"admin"}, set()),
    "auth.account": (SIGNED_IN, set()),
    "auth.change_password": (SIGNED_IN, set()),
    "auth.logout": (SIGNED_IN, set()),
    "company.confirm": ({"trainer"}, set()),
    "company.home": ({"trainer"}, set()),
    "downloads.counts": ({"coordinator", "admin"}, set()),
    "downloads.handout": (STAFF, set()),
    "downloads.handout_file": (STAFF, set()),
    "downloads.handout_status": (STAFF, set()),
    "learning.erase": (STUDENTS, set()),
    "pilot.dashboard": ({"coordinator", "admin"}, set()),
    "pilot.new_period": ({"coordinator", "admin"}, set()),
    "pilot.new_suggestion": (SUGGESTERS, set()),
    "pilot.periods": (STAFF, set()),
    "pilot.suggestion": ({"teacher", "coordinator", "admin"}, {"other_teacher", "trainer"}),
    "pilot.suggestions": (SUGGESTERS, set()),
    "pilot.my_surveys": (STUDENTS, set()),
    "pilot.survey": ({"student"}, {"other_student"}),  # the other student is in no pilot class
    "pilot.survey_results": ({"teacher", "trainer", "coordinator", "admin"}, {"other_teacher"}),
    "pilot.item_suggestions": (SUGGESTERS, set()),  # each sees the suggestions about the item they may see
    "pilot.triage_suggestion": ({"coordinator", "admin"}, set()),
    "pilot.summary_pdf": ({"coordinator", "admin"}, set()),
    "learning.evidence_file": ({"student", "teacher", "trainer"}, {"other_student", "other_teacher", "coordinator", "admin"}),
    "learning.home": (STUDENTS, set()),
    "learning.my_data": (STUDENTS, set()),
    "learning.my_data_zip": (STUDENTS, set()),
    "learning.save": (STUDENTS, set()),
    "learning.submit": (STUDENTS, set()),
    "learning.task": (STUDENTS, set()),
    "showcase.comment": ({"student"}, {"other_student"}),  # the item's own school: 409; outside the pilot: 404
    "showcase.consent": ({"student"}, {"other_student"}),
    # the item's school may hide a comment, the author's school decides on it
    "showcase.moderate_comment": ({"teacher", "other_teacher"}, set()),
    "showcase.moderation": ({"teacher", "other_teacher"}, set()),
    "showcase.remove_item": ({"teacher"}, {"other_teacher"}),
    "showcase.show_item": ({"teacher"}, {"other_teacher"}),
    "teaching.assess_attempt": ({"teacher"}, {"other_teacher"}),
    "teaching.classes": (STAFF, set()),
    "teaching.new_class": ({"teacher", "other_teacher", "admin"}, set()),
    "teaching.review_queue": ({"teacher", "other_teacher"}, set()),
}
CLASS_READ = ({"teacher", "coordinator", "admin"}, {"other_teacher"})
CLASS_CHANGE = ({"teacher", "admin"}, {"other_teacher"})
for name in ("class_page", "matrix", "outcomes", "progress_csv"):
    RULES[f"teaching.{name}"] = CLASS_READ
for name in ("add_student", "add_teacher", "import_confirm", "import_preview", "invitations", "placement"):
    RULES[f"teaching.{name}"] = CLASS_CHANGE
RULES["pilot.report_list"] = (STAFF, set())  # a teacher's list holds their own school's reports
RULES["pilot.suggestions_csv"] = (SUGGESTERS, set())  # their own suggestions; every one for coordinators
for name in ("period", "report", "module_side_by_side", "period_csv"):  # the school's own, or every school's
    RULES[f"pilot.{name}"] = ({"teacher", "coordinator", "admin"}, {"other_teacher"})
for name in ("open_school_report", "edit_report", "submit", "correct"):  # written by the school's teachers
    RULES[f"pilot.{name}"] = ({"teacher"}, {"other_teacher"})


@pytest.fixture(scope="module")
def world(database_url, tmp_path_factory):
    """One school with the class, its student's hand-in on a company task, and someone of every role."""
    patch = pytest.MonkeyPatch()
    patch.setattr(jobs, "request_build", lambda key, spec: True)  # a handout asked for is not really built
    app = make_app(database_url, LOGIN_LIMITS_PER_ADDRESS="1000 per minute",
                   BOOKS_DIR=str(tmp_path_factory.mktemp("books")))
    with app.app_context():
        sync_curriculum(FIXTURE_CURRICULUM)
        db.session.commit()
    school = set_up_school(app)
    make_company_task(app)
    hand_in(school.student, photo_with_location())
    other_school = make_school(app, code="FI-TRE", name="Tredu", country="FI")
    for email, role in (("other-student@example.org", "student"), ("other-teacher@example.org", "teacher"),
                        ("coord@example.org", "coordinator"), ("root@example.org", "admin")):
        make_user(app, email, role)
    with app.app_context():
        other = db.session.scalar(select(User).where(User.email == "other-teacher@example.org"))
        other.school_id = other_school
        db.session.commit()
        other_id = other.id
        attempt = db.session.scalar(select(Attempt))
        evidence = db.session.scalar(select(EvidenceFile))
        values = {"class_id": school.class_id, "student_id": school.student_id, "attempt_id": attempt.id,
                  "file_id": evidence.id, "name": evidence.original_name, "user_id": school.student_id,
                  "module": "M01", "item": "T1"}
    make_class(app, other_school, [other_id], name="Other class")
    values.update(_pilot_records(app))
    values.update(_showcase_records(app, other_school))
    clients = {"anonymous": app.test_client(), "student": school.student, "teacher": school.teacher}
    for role, email in (("other_student", "other-student@example.org"), ("other_teacher", "other-teacher@example.org"),
                        ("trainer", "trainer@example.org"), ("coordinator", "coord@example.org"), ("admin", "root@example.org")):
        clients[role] = app.test_client()
        log_in(clients[role], email)
    yield app, clients, values
    patch.undo()
    empty_database(app)


def _pilot_records(app):
    """A pilot period with the school in it, the school's draft report, and a suggestion by its teacher."""
    with app.app_context():
        teacher = db.session.scalar(select(User).where(User.email == "teacher@example.org"))
        period_id = make_period(app, [teacher.school_id])
        report = open_report(db.session.get(PilotPeriod, period_id), teacher.school_id, teacher)
        suggestion, _made = create_suggestion(teacher, "M01.L1", SuggestionKind.unclear, "Unclear", "", "en", "k" * 32)
        db.session.commit()
        return {"period_id": period_id, "report_id": report.id, "code": suggestion.code, "module_code": "M01",
                "what": "reports", "item_code": "M01.L1"}


def _showcase_records(app, other_school):
    """A showcase item of the student's and a comment (on a second attempt: removing the walk's one leaves it)."""
    with app.app_context():
        student = db.session.scalar(select(User).where(User.email == "ieva@example.org"))
        other = db.session.scalar(select(User).where(User.email == "other-student@example.org"))
        first = db.session.scalar(select(Attempt))
        second = Attempt(work_id=first.work_id, number=2, submission_key="s" * 32, checklist=[], measurements={},
                         text={})
        db.session.add(second)
        db.session.flush()
        for attempt in (first, second):
            db.session.add(ShowcaseConsent(attempt_id=attempt.id, student_id=student.id))
        school_id = db.session.scalar(select(User.school_id).where(User.email == "teacher@example.org"))
        db.session.add(ShowcaseItem(attempt_id=first.id, task_code="M01.T1", school_id=school_id))
        item = ShowcaseItem(attempt_id=second.id, task_code="M01.T1", school_id=school_id)
        db.session.add(item)
        db.session.flush()
        comment = ShowcaseComment(item_id=item.id, author_id=other.id, school_id=other_school, text="Nice work",
                                  language="en", submission_key="c" * 32)
        db.session.add(comment)
        db.session.commit()
        return {"item_id": item.id, "comment_id": comment.id, "task_code": "M01.T1"}


def guarded_routes(app, values):
    for rule in app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        if rule.endpoint == "static" or rule_of(view) == PUBLIC:
            continue
        args = {arg: values.get(arg, "upskill-handout-m01-en-r1.pdf") for arg in rule.arguments}
        if rule.endpoint.startswith("downloads.handout_"):
            args["name"] = "upskill-handout-m01-en-r0.9.pdf"
        path = rule.build(args)[1] + ("?for=2B" if rule.endpoint.startswith("downloads.handout_") else "")
        for method in sorted(rule.methods & {"GET", "POST"}):
            if (rule.endpoint, method) in (("auth.logout", "POST"), ("learning.erase", "POST"),
                                          ("admin.deactivate_user", "POST")):
                continue  # they end the session or the account the walk needs; tested on their own
            yield rule.endpoint, method, path


def test_every_guarded_route_is_in_the_table(world):
    app, _clients, values = world
    assert {endpoint for endpoint, _m, _p in guarded_routes(app, values)} - set(RULES) == set()


@pytest.mark.parametrize("role", ROLES)
def test_every_guarded_route_for_every_role(world, role):
    app, clients, values = world
    client = clients[role]
    token = csrf_token(client, "/login" if role == "anonymous" else "/account/")
    wrong = []
    for endpoint, method, path in guarded_routes(app, values):
        allowed, not_theirs = RULES[endpoint]
        with client.open(path, method=method, data={"csrf_token": token} if method == "POST" else None) as response:
            status = response.status_code
        if role == "anonymous":
            expected = {401}
        elif role in allowed:
            expected = None  # anything but a refusal or a fault: 200, 202, 303, or 400/409/422 for an empty form
        elif role in not_theirs:
            expected = {404}
        else:
            expected = {403}
        if expected is None:
            if status in (401, 403, 404) or status >= 500:
                wrong.append((method, path, status, "should be let in"))
        elif status not in expected:
            wrong.append((method, path, status, f"expected {expected}"))
    assert wrong == []


def test_guessing_ids_gives_the_same_404_as_nothing_there(world):
    _app, clients, values = world
    other = clients["other_teacher"]
    for path in (f"/teach/classes/{values['class_id']}/", f"/teach/attempts/{values['attempt_id']}/"):
        missing = path.replace(str(values["class_id"] if "classes" in path else values["attempt_id"]), "987654")
        mine, none = other.get(path), other.get(missing)
        assert mine.status_code == none.status_code == 404

"""Pilot reports: a period opened by a coordinator, a school's teachers writing one report together."""
import pytest
from sqlalchemy import func, select

from tests.accounts import log_in, make_user, post_form
from tests.classes import make_school
from tests.pilot import make_period, report_form, report_row, revision_on
from tests.test_task_work import hand_in
from tests.work import set_up_school
from upskill.extensions import db
from upskill.models import AuditEvent, PilotPeriod, PilotReport, School, TaskWork, User


@pytest.fixture
def pilot(synced_app):
    """The test school in a pilot period on M01, with two of its teachers signed in and a coordinator."""
    school = set_up_school(synced_app)
    with synced_app.app_context():
        school_id = db.session.scalar(select(User.school_id).where(User.email == "teacher@example.org"))
    make_user(synced_app, "colleague@example.org", "teacher")
    make_user(synced_app, "coord@example.org", "coordinator")
    with synced_app.app_context():
        db.session.scalar(select(User).where(User.email == "colleague@example.org")).school_id = school_id
        db.session.commit()
    colleague, coordinator = synced_app.test_client(), synced_app.test_client()
    log_in(colleague, "colleague@example.org")
    log_in(coordinator, "coord@example.org")
    period_id = make_period(synced_app, [school_id])
    school.colleague, school.coordinator, school.period_id, school.school_id = colleague, coordinator, period_id, school_id
    return school


def start_report(client, period_id):
    response = post_form(client, f"/pilot/periods/{period_id}/report", {}, form_page=f"/pilot/periods/{period_id}/")
    assert response.status_code == 303
    return int(response.headers["Location"].split("/reports/")[1].split("/")[0])


def save(client, report_id, revision, **answers):
    return post_form(client, f"/pilot/reports/{report_id}/edit", report_form(["M01"], revision, **answers))


def test_coordinator_opens_a_pilot_period_with_schools_modules_and_languages(pilot):
    data = {"name": "Autumn pilot", "starts_on": "2020-09-01", "ends_on": "2020-12-18",
            "schools": str(pilot.school_id), "modules": ["M01", "M02"], "languages": ["lt", "fi"]}
    response = post_form(pilot.coordinator, "/pilot/periods/new", data)
    assert response.status_code == 303
    page = pilot.coordinator.get(response.headers["Location"]).get_data(as_text=True)
    assert "Autumn pilot" in page and "Visaginas Vocational School" in page and "Suomi" in page


def test_a_period_with_the_last_day_first_is_refused_next_to_the_field(pilot):
    data = {"name": "x" * 121, "starts_on": "2020-12-18", "ends_on": "2020-09-01", "schools": "0",
            "modules": ["M77"], "languages": ["xx"]}
    response = post_form(pilot.coordinator, "/pilot/periods/new", data)
    assert response.status_code == 400
    assert "The last day comes before the first day." in response.get_data(as_text=True)
    with pilot.app.app_context():
        assert db.session.scalar(select(func.count()).select_from(PilotPeriod)) == 1


def test_the_report_starts_from_the_class_records(pilot):
    hand_in(pilot.student)
    with pilot.app.app_context():
        db.session.scalar(select(TaskWork)).state = "accepted"
        db.session.commit()
    report = report_row(pilot.app, start_report(pilot.teacher, pilot.period_id))
    entry = report.entries["M01"]
    assert (entry["started"], entry["completed"]) == (1, 1)
    assert (entry["theory_planned"], entry["school_practice_planned"], entry["company_planned"]) == (10, 12, 20)


def test_two_teachers_of_the_school_start_the_same_report(pilot):
    assert start_report(pilot.teacher, pilot.period_id) == start_report(pilot.colleague, pilot.period_id)


def test_a_save_from_an_older_version_is_refused_and_keeps_the_other_teachers_changes(pilot):
    report_id = start_report(pilot.teacher, pilot.period_id)
    revision = revision_on(pilot.teacher.get(f"/pilot/reports/{report_id}/edit").get_data(as_text=True))
    assert save(pilot.colleague, report_id, revision, worked="The start-up checklist").status_code == 303
    stale = save(pilot.teacher, report_id, revision, worked="Group work")
    assert stale.status_code == 409
    page = stale.get_data(as_text=True)
    assert "Another teacher saved this report" in page and "Group work" in page and "The start-up checklist" in page
    assert report_row(pilot.app, report_id).entries["M01"]["worked"] == "The start-up checklist"


def test_the_same_draft_sent_twice_is_saved_once(pilot):
    report_id = start_report(pilot.teacher, pilot.period_id)
    revision = report_row(pilot.app, report_id).revision
    assert save(pilot.teacher, report_id, revision, relevance=4).status_code == 303
    assert save(pilot.teacher, report_id, revision, relevance=4).status_code == 303
    report = report_row(pilot.app, report_id)
    assert (report.revision, report.entries["M01"]["relevance"]) == (revision + 1, 4)
    with pilot.app.app_context():
        assert db.session.scalar(select(func.count()).select_from(PilotReport)) == 1


@pytest.mark.parametrize("answers, message", [
    ({"relevance": 7}, "Choose one of the options offered."),
    ({"theory_used": -3}, "Give the hours as a number from 0 to 2000."),
    ({"started": 2, "completed": 5}, "More students completed than started."),
    ({"worked": "x" * 4001}, "At most 4000 characters."),
])
def test_bad_answers_are_refused_next_to_the_field_and_nothing_is_saved(pilot, answers, message):
    report_id = start_report(pilot.teacher, pilot.period_id)
    before = report_row(pilot.app, report_id)
    response = save(pilot.teacher, report_id, before.revision, **answers)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    after = report_row(pilot.app, report_id)
    assert (after.revision, after.entries) == (before.revision, before.entries)


def test_an_entry_for_a_module_the_report_does_not_cover_is_refused(pilot):
    report_id = start_report(pilot.teacher, pilot.period_id)
    data = report_form(["M99"], report_row(pilot.app, report_id).revision, relevance=3)
    response = post_form(pilot.teacher, f"/pilot/reports/{report_id}/edit", data)
    assert response.status_code == 400
    assert "This report does not cover module M99." in response.get_data(as_text=True)


def submit(client, report_id):
    revision = report_row(client.application, report_id).revision
    return post_form(client, f"/pilot/reports/{report_id}/submit", {"revision": revision},
                     form_page=f"/pilot/reports/{report_id}/")


def test_a_submitted_report_cannot_be_edited(pilot):
    report_id = start_report(pilot.teacher, pilot.period_id)
    assert submit(pilot.teacher, report_id).status_code == 303
    data = report_form(["M01"], report_row(pilot.app, report_id).revision, worked="Later")
    response = post_form(pilot.colleague, f"/pilot/reports/{report_id}/edit", data, form_page=f"/pilot/reports/{report_id}/")
    assert response.status_code == 409
    assert "cannot be changed" in response.get_data(as_text=True)
    assert pilot.colleague.get(f"/pilot/reports/{report_id}/edit").status_code == 303
    assert report_row(pilot.app, report_id).entries["M01"]["worked"] == ""


def test_submitting_is_an_audit_event_and_a_second_submit_changes_nothing(pilot):
    report_id = start_report(pilot.teacher, pilot.period_id)
    submit(pilot.teacher, report_id)
    submit(pilot.colleague, report_id)
    with pilot.app.app_context():
        events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "pilot-report-submitted")).all()
        assert [e.subject for e in events] == [f"pilot-report:{report_id}"]


def test_a_correction_keeps_the_submitted_version_and_shows_what_changed(pilot):
    first = start_report(pilot.teacher, pilot.period_id)
    save(pilot.teacher, first, report_row(pilot.app, first).revision, worked="Checklists")
    submit(pilot.teacher, first)
    response = post_form(pilot.teacher, f"/pilot/reports/{first}/correct", {}, form_page=f"/pilot/reports/{first}/")
    second = int(response.headers["Location"].split("/reports/")[1].split("/")[0])
    assert second != first
    save(pilot.teacher, second, report_row(pilot.app, second).revision, worked="Checklists and videos")
    submit(pilot.teacher, second)
    page = pilot.coordinator.get(f"/pilot/reports/{second}/").get_data(as_text=True)
    assert "What changed from version 1" in page and "Checklists and videos" in page
    assert report_row(pilot.app, first).entries["M01"]["worked"] == "Checklists"
    assert "Version 2" in pilot.teacher.get(f"/pilot/reports/{first}/").get_data(as_text=True)


def teacher_at_tredu(pilot, in_the_period=False):
    """A teacher of another school (Tredu), signed in; Tredu takes part in the period when asked."""
    other_school = make_school(pilot.app, code="FI-TRE", name="Tredu", country="FI")
    make_user(pilot.app, "mikko@example.org", "teacher")
    with pilot.app.app_context():
        db.session.scalar(select(User).where(User.email == "mikko@example.org")).school_id = other_school
        if in_the_period:
            period = db.session.get(PilotPeriod, pilot.period_id)
            period.schools.append(db.session.get(School, other_school))
        db.session.commit()
    other = pilot.app.test_client()
    log_in(other, "mikko@example.org")
    return other


def test_another_schools_teacher_gets_404_and_the_coordinator_reads_it(pilot):
    report_id = start_report(pilot.teacher, pilot.period_id)
    other = teacher_at_tredu(pilot)
    assert other.get(f"/pilot/reports/{report_id}/").status_code == 404
    assert other.get(f"/pilot/reports/{report_id}/edit").status_code == 404
    assert other.get(f"/pilot/periods/{pilot.period_id}/").status_code == 404
    assert pilot.coordinator.get(f"/pilot/reports/{report_id}/").status_code == 200


def test_students_are_refused_and_visitors_asked_to_sign_in(pilot):
    report_id = start_report(pilot.teacher, pilot.period_id)
    assert pilot.student.get(f"/pilot/reports/{report_id}/").status_code == 403
    assert pilot.app.test_client().get("/pilot/").status_code == 401


def test_a_period_page_tells_a_teacher_nothing_of_another_schools_report(pilot):
    report_id = start_report(pilot.teacher, pilot.period_id)
    other = teacher_at_tredu(pilot, in_the_period=True)
    with pilot.app.app_context():
        first_school = db.session.get(School, pilot.school_id).name
    html = other.get(f"/pilot/periods/{pilot.period_id}/").get_data(as_text=True)
    rows = {name: row for row in html.split("<tr")[1:] for name in (first_school, "Tredu") if name in row}
    assert f"/pilot/reports/{report_id}/" not in html
    assert "Draft" not in rows[first_school] and "Not started" not in rows[first_school]  # neither the truth nor a lie
    assert "Write the report" in rows["Tredu"]  # their own school's row offers theirs

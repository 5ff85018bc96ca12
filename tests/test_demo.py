"""`demo load`: the pilot schools, two companies, staff, classes and students at varied stages, once."""
from sqlalchemy import func, select

from tests.conftest import REAL_CURRICULUM
from tests.demo_pilot import inside, pilot_row_counts, revision, suggestion_items
from upskill.curriculum.sync import sync_curriculum
from upskill.extensions import db
from upskill.models import (
    Assessment, CommentState, Enrolment, PilotReport, Placement, ReportState, Role, School, SchoolClass,
    ShowcaseComment, ShowcaseConsent, ShowcaseItem, ShownName, Suggestion, SuggestionKind, SuggestionStatus,
    SurveyAnswer, SurveyTaken, TaskWork, User, UserRole,
)
from upskill.models.survey import SMALLEST_GROUP
from upskill.pilot.item_codes import item_code_exists
from upskill.pilot.reports import latest_reports


def count(model, *where):
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_demo_load_adds_schools_people_and_classes_once(app, runner):
    first = runner.invoke(args=["demo", "load"])
    assert first.exit_code == 0 and "Demo data loaded: 255 new record(s)." in first.output
    second = runner.invoke(args=["demo", "load"])
    assert "Demo data loaded: 0 new record(s)." in second.output
    with app.app_context():
        assert count(School, School.kind == "school") == 4 and count(School, School.kind == "company") == 2
        assert count(SchoolClass) == 4
        sizes = db.session.execute(select(func.count()).select_from(Enrolment).group_by(Enrolment.class_id)).scalars().all()
        assert all(10 <= size <= 15 for size in sizes) and len(sizes) == 4
        assert count(Placement) == 12 and count(UserRole, UserRole.role == Role.company_trainer) == 2
        teacher = db.session.scalar(select(User).where(User.email == "teacher@example.org"))
        assert teacher.school.name == "Visaginas Vocational School"
        assert teacher.check_password("upskill-demo") and not teacher.check_password("wrong")
        assert "upskill-demo" not in teacher.password_hash


def test_demo_students_are_at_varied_stages_of_their_work(synced_app, runner):
    runner.invoke(args=["demo", "load"])
    with synced_app.app_context():
        states = dict(db.session.execute(select(TaskWork.state, func.count()).group_by(TaskWork.state)).all())
        assert {"draft", "submitted", "returned", "accepted"} <= set(states)
        assert count(Assessment, Assessment.decision == "returned") >= 1
        assert count(Assessment, Assessment.decision == "accepted") >= 1


def test_demo_pilot_has_a_submitted_report_from_every_school(synced_app, runner):
    runner.invoke(args=["demo", "load"])
    with synced_app.app_context():
        reports = db.session.scalars(select(PilotReport)).all()
        latest = latest_reports(reports[0].period)
        assert len(latest) == 4 and all(r.state is ReportState.submitted for r in latest.values())
        corrected = [r for r in latest.values() if r.number == 2]
        assert len(corrected) == 1 and corrected[0].school.code == "LT-ALY" and len(reports) == 5
        vis = next(r for r in latest.values() if r.school.code == "LT-VIS")
        assert set(vis.entries) == {"M01", "M03", "M04"}  # the pilot modules its class followed
        assert all(entry["started"] == 12 and entry["worked"] and entry["did_not_work"] for entry in vis.entries.values())
        placements = {r.school.code: r.entries["M04"]["placement"] for r in latest.values()}
        assert placements["FR-ISPA"] < placements["LT-ALY"]  # no partner company, a weaker placement
        assert all(r.submitted_at.year == 2020 for r in latest.values() if r.number == 1)


def test_demo_suggestions_cover_every_kind_and_status(synced_app, runner):
    runner.invoke(args=["demo", "load"])
    with synced_app.app_context():
        suggestions = db.session.scalars(select(Suggestion)).all()
        assert len(suggestions) >= 40
        assert {s.kind for s in suggestions} == set(SuggestionKind)
        assert {s.status for s in suggestions} == set(SuggestionStatus)
        assert {s.language for s in suggestions} == {"en", "lt", "fi", "fr"}
        coordinator = db.session.scalar(select(User).where(User.email == "coordinator@example.org"))
        for suggestion in suggestions:
            triaged = suggestion.status is not SuggestionStatus.new
            assert (suggestion.triaged_by_id == coordinator.id) is triaged and (suggestion.triaged_at is not None) is triaged
            assert bool(suggestion.status_reason) is (suggestion.status is SuggestionStatus.rejected)
            assert (suggestion.duplicate_of is not None) is (suggestion.status is SuggestionStatus.duplicate)
            assert (suggestion.applied_in == "1.1") is (suggestion.status is SuggestionStatus.applied)
        assert all(s.duplicate_of.status is SuggestionStatus.applied for s in suggestions if s.duplicate_of)


def test_demo_tells_the_story_of_revision_1_1(app, runner):
    with app.app_context():
        sync_curriculum(REAL_CURRICULUM)
        db.session.commit()
    runner.invoke(args=["demo", "load"])
    named = suggestion_items(revision("1.1"))
    with app.app_context():
        suggestions = db.session.scalars(select(Suggestion)).all()
        assert [s.code for s in suggestions if not item_code_exists(s.item_code)] == []
        applied = {s.code: s for s in suggestions if s.status is SuggestionStatus.applied}
        assert len(applied) >= 20 and set(applied) == set(named) == set(revision("1.1")["suggestions"])
        for code, items in named.items():
            assert all(inside(applied[code].item_code, item) for item in items), code


def test_demo_surveys_show_groups_and_one_too_small(synced_app, runner):
    runner.invoke(args=["demo", "load"])
    with synced_app.app_context():
        groups = db.session.execute(select(SurveyAnswer.school_id, SurveyAnswer.module_code, func.count())
                                    .group_by(SurveyAnswer.school_id, SurveyAnswer.module_code)).all()
        sizes = sorted(size for *_group, size in groups)
        assert len(groups) == 15 and sizes[0] < SMALLEST_GROUP <= sizes[1]
        assert count(SurveyTaken) == count(SurveyAnswer)
        days = db.session.execute(select(func.min(SurveyAnswer.answered_on), func.max(SurveyAnswer.answered_on))).one()
        assert days[0].year == days[1].year == 2020
        languages = set(db.session.scalars(select(SurveyAnswer.language).distinct()))
        assert languages == {"lt", "fi", "fr"}


def test_demo_showcase_has_consented_work_and_comments(synced_app, runner):
    runner.invoke(args=["demo", "load"])
    with synced_app.app_context():
        items = db.session.scalars(select(ShowcaseItem)).all()
        assert 4 <= len(items) <= 8
        consents = {c.attempt_id: c for c in db.session.scalars(select(ShowcaseConsent))}
        assert all(consents[item.attempt_id].is_given for item in items)
        assert all(item.attempt.assessment.decision == "accepted" and item.attempt.files for item in items)
        assert {consents[item.attempt_id].shown_name for item in items} == set(ShownName)
        assert [consents[item.attempt_id].public for item in items if item.public] == [True]
        comments = db.session.scalars(select(ShowcaseComment)).all()
        assert all(c.school_id != c.item.school_id for c in comments)
        assert [c.state for c in comments].count(CommentState.waiting) == 1
        assert CommentState.approved in {c.state for c in comments}


def test_demo_pilot_loaded_twice_adds_nothing(synced_app, runner):
    runner.invoke(args=["demo", "load"])
    with synced_app.app_context():
        before = pilot_row_counts()
    assert "0 new record(s)" in runner.invoke(args=["demo", "load"]).output
    with synced_app.app_context():
        assert pilot_row_counts() == before and before["showcase_item"] >= 4

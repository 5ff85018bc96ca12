"""`demo load`: the pilot schools, two companies, staff, classes and students at varied stages, once."""
from sqlalchemy import func, select

from upskill.extensions import db
from upskill.models import Assessment, Enrolment, Placement, Role, School, SchoolClass, TaskWork, User, UserRole


def count(model, *where):
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_demo_load_adds_schools_people_and_classes_once(app, runner):
    first = runner.invoke(args=["demo", "load"])
    assert first.exit_code == 0 and "Demo data loaded: 78 new record(s)." in first.output
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

"""`demo load`: the pilot schools and one account per role, loaded once."""
from sqlalchemy import func, select

from upskill.extensions import db
from upskill.models import Role, School, User, UserRole


def test_demo_load_adds_schools_and_accounts_once(app, runner):
    first = runner.invoke(args=["demo", "load"])
    assert first.exit_code == 0 and "Demo data loaded: 8 new record(s)." in first.output
    second = runner.invoke(args=["demo", "load"])
    assert "Demo data loaded: 0 new record(s)." in second.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(School)) == 4
        teacher = db.session.scalar(select(User).join(UserRole).where(UserRole.role == Role.teacher))
        assert teacher.school.name == "Visaginas Vocational School"
        assert teacher.check_password("upskill-demo") and not teacher.check_password("wrong")
        assert "upskill-demo" not in teacher.password_hash

"""Teachers' classes: creating one, enrolling students one by one, invitations, who sees what."""
import re

from sqlalchemy import func, select

from tests.accounts import log_in, make_user, post_form
from tests.classes import make_class, make_school
from upskill.extensions import db
from upskill.models import Enrolment, Placement, User


def teacher_with_class(app):
    school = make_school(app)
    teacher = make_user(app, "teacher@example.org", "teacher", school=None)
    with app.app_context():
        db.session.get(User, teacher).school_id = school
        db.session.commit()
    class_id = make_class(app, school, [teacher])
    client = app.test_client()
    log_in(client, "teacher@example.org")
    return client, class_id, school


def enrolments(app, class_id):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Enrolment).where(Enrolment.class_id == class_id))


def error_text(response):
    return response.get_data(as_text=True).split('<section class="error-page">')[1].split("</section>")[0]


def test_teacher_creates_a_class_at_their_school(synced_app):
    client, _class_id, school = teacher_with_class(synced_app)
    response = post_form(client, "/teach/classes/new", {"name": "Operators B", "school": str(school),
                                                         "starts_on": "2026-09-01", "ends_on": "2027-06-30",
                                                         "modules": ["M01", "M02"]})
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Operators B" in page and "M02" in page
    assert "Operators B" in client.get("/teach/").get_data(as_text=True)


def test_class_form_refuses_bad_input_next_to_the_fields(synced_app):
    client, _class_id, school = teacher_with_class(synced_app)
    response = post_form(client, "/teach/classes/new", {"name": "", "school": "999", "starts_on": "2027-09-01",
                                                         "ends_on": "2026-06-30", "modules": ["M99"]})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Give the class a name." in html and "The last day comes before the first day." in html
    assert "Choose one of the options offered." in html and "Choose only among the options offered." in html


def test_enrolling_a_new_student_prints_their_invitation(synced_app):
    client, class_id, _school = teacher_with_class(synced_app)
    response = post_form(client, f"/teach/classes/{class_id}/students",
                         {"name": "Ieva Kazlauskaitė", "email": "ieva@example.org", "student_number": "A-17"},
                         form_page=f"/teach/classes/{class_id}/")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Ieva Kazlauskaitė" in html
    link = re.search(r'class="card-link">http://localhost(/account/link/[^<]+)<', html).group(1)
    assert '<svg role="img"' in html  # the QR code of the link
    assert "Welcome, Ieva Kazlauskaitė" in synced_app.test_client().get(link).get_data(as_text=True)
    assert enrolments(synced_app, class_id) == 1


def test_enrolling_the_same_student_twice_makes_one_enrolment(synced_app):
    client, class_id, _school = teacher_with_class(synced_app)
    data = {"name": "Ieva", "email": "ieva@example.org"}
    post_form(client, f"/teach/classes/{class_id}/students", data, form_page=f"/teach/classes/{class_id}/")
    again = post_form(client, f"/teach/classes/{class_id}/students", data, form_page=f"/teach/classes/{class_id}/")
    assert again.status_code == 303
    assert enrolments(synced_app, class_id) == 1
    with synced_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User).where(User.email == "ieva@example.org")) == 1


def test_a_teachers_account_cannot_be_enrolled_as_a_student(synced_app):
    client, class_id, _school = teacher_with_class(synced_app)
    response = post_form(client, f"/teach/classes/{class_id}/students", {"name": "T", "email": "teacher@example.org"},
                         form_page=f"/teach/classes/{class_id}/")
    assert response.status_code == 400
    assert "belongs to an account that is not a student&#39;s" in response.get_data(as_text=True)
    assert enrolments(synced_app, class_id) == 0


def test_bad_student_form_says_what_is_wrong(synced_app):
    client, class_id, _school = teacher_with_class(synced_app)
    response = post_form(client, f"/teach/classes/{class_id}/students", {"name": "", "email": "nope"},
                         form_page=f"/teach/classes/{class_id}/")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Enter the student's name." in html and "This is not an e-mail address." in html


def test_new_invitations_only_for_students_without_a_password(synced_app):
    client, class_id, _school = teacher_with_class(synced_app)
    for name, email in (("Ieva", "ieva@example.org"), ("Jonas", "jonas@example.org")):
        post_form(client, f"/teach/classes/{class_id}/students", {"name": name, "email": email},
                  form_page=f"/teach/classes/{class_id}/")
    with synced_app.app_context():
        db.session.scalar(select(User).where(User.email == "jonas@example.org")).set_password("a good password here")
        db.session.commit()
    html = post_form(client, f"/teach/classes/{class_id}/invitations", {}, form_page=f"/teach/classes/{class_id}/").get_data(as_text=True)
    assert html.count('class="invitation-card"') == 1 and "Ieva" in html and "Jonas" not in html


def test_teacher_of_another_school_sees_the_same_404_as_for_no_class(synced_app):
    _client, class_id, _school = teacher_with_class(synced_app)
    other_school = make_school(synced_app, code="FI-TRE", name="Tredu", country="FI")
    make_user(synced_app, "other@example.org", "teacher")
    make_class(synced_app, other_school, [], name="Other class")
    other = synced_app.test_client()
    log_in(other, "other@example.org")
    mine, missing = other.get(f"/teach/classes/{class_id}/"), other.get("/teach/classes/99999/")
    assert mine.status_code == missing.status_code == 404
    assert error_text(mine) == error_text(missing)
    mine, missing = other.get(f"/teach/classes/{class_id}/matrix"), other.get("/teach/classes/99999/matrix")
    assert mine.status_code == missing.status_code == 404 and error_text(mine) == error_text(missing)
    assert "Operators 2026 A" not in other.get("/teach/").get_data(as_text=True)
    refused = post_form(other, f"/teach/classes/{class_id}/students", {"name": "X", "email": "x@example.org"},
                        form_page="/account/")
    assert refused.status_code == 404 and enrolments(synced_app, class_id) == 0


def test_coordinator_reads_every_class_but_changes_none(synced_app):
    _client, class_id, _school = teacher_with_class(synced_app)
    make_user(synced_app, "coord@example.org", "coordinator")
    coordinator = synced_app.test_client()
    log_in(coordinator, "coord@example.org")
    assert coordinator.get(f"/teach/classes/{class_id}/").status_code == 200
    refused = post_form(coordinator, f"/teach/classes/{class_id}/students", {"name": "X", "email": "x@example.org"},
                        form_page="/account/")
    assert refused.status_code == 403


def test_students_and_visitors_have_no_teaching_pages(synced_app):
    _client, class_id, _school = teacher_with_class(synced_app)
    make_user(synced_app, "student@example.org", "student")
    student = synced_app.test_client()
    assert student.get("/teach/").status_code == 401
    log_in(student, "student@example.org")
    assert student.get("/teach/").status_code == 403
    assert student.get(f"/teach/classes/{class_id}/").status_code == 403


def student_to_place(app, trainer_works_at_the_company=True):
    """A teacher's class with Ieva in it, a partner company and a trainer (there or at another company).

    Return the teacher's client, the class, the company, the trainer and Ieva's placement page.
    """
    client, class_id, _school = teacher_with_class(app)
    company = make_school(app, code="CO-1", name="Baltic Moulding UAB", kind="company")
    other = company if trainer_works_at_the_company else make_school(app, code="CO-2", name="Nordic Plast Oy",
                                                                     kind="company")
    trainer = make_user(app, "trainer@example.org", "company_trainer")
    with app.app_context():
        db.session.get(User, trainer).school_id = other
        db.session.commit()
    post_form(client, f"/teach/classes/{class_id}/students", {"name": "Ieva", "email": "ieva@example.org"},
              form_page=f"/teach/classes/{class_id}/")
    with app.app_context():
        student = db.session.scalar(select(User.id).where(User.email == "ieva@example.org"))
    return client, class_id, company, trainer, f"/teach/classes/{class_id}/students/{student}/placement"


def test_student_is_placed_with_a_company_and_its_trainer(synced_app):
    client, class_id, company, trainer, page = student_to_place(synced_app)
    assert "Baltic Moulding UAB" not in client.get(f"/teach/classes/{class_id}/").get_data(as_text=True)
    assert post_form(client, page, {"company": str(company), "trainer": str(trainer)}).status_code == 303
    assert "Baltic Moulding UAB (Trainer)" in client.get(f"/teach/classes/{class_id}/").get_data(as_text=True)
    assert post_form(client, page, {"company": str(company), "trainer": str(trainer)}).status_code == 303
    with synced_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Placement)) == 1


def test_a_trainer_of_another_company_or_an_unknown_company_is_refused(synced_app):
    client, class_id, company, trainer, page = student_to_place(synced_app, trainer_works_at_the_company=False)
    wrong = post_form(client, page, {"company": str(company), "trainer": str(trainer)})
    assert wrong.status_code == 400 and "This trainer works at another company." in wrong.get_data(as_text=True)
    assert post_form(client, page, {"company": "99999", "trainer": ""}).status_code == 400
    assert client.get(f"/teach/classes/{class_id}/students/99999/placement").status_code == 404
    with synced_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Placement)) == 0


def test_only_a_teacher_of_the_same_school_can_be_added_to_a_class(synced_app):
    client, class_id, _school = teacher_with_class(synced_app)
    make_user(synced_app, "student@example.org", "student")
    make_user(synced_app, "elsewhere@example.org", "teacher")  # no school: not this school's teacher
    for email in ("student@example.org", "elsewhere@example.org", "nobody@example.org", "not-an-address"):
        response = post_form(client, f"/teach/classes/{class_id}/teachers", {"email": email},
                             form_page=f"/teach/classes/{class_id}/")
        assert response.status_code == 400, email
    with synced_app.app_context():
        from upskill.models import SchoolClass
        assert [t.email for t in db.session.get(SchoolClass, class_id).teachers] == ["teacher@example.org"]


def test_the_class_list_follows_a_students_account_as_soon_as_it_changes(synced_app):
    from upskill.auth.services import deactivate

    client, class_id, _school = teacher_with_class(synced_app)
    post_form(client, f"/teach/classes/{class_id}/students", {"name": "Ieva", "email": "ieva@example.org"},
              form_page=f"/teach/classes/{class_id}/")

    def account_cell():
        html = client.get(f"/teach/classes/{class_id}/").get_data(as_text=True)
        return re.search(r'data-label="Account">([^<]*)<', html).group(1), html

    assert account_cell()[0] == "Invited"
    with synced_app.app_context():
        student = db.session.scalar(select(User).where(User.email == "ieva@example.org"))
        student.set_password("a long enough password")
        db.session.commit()
    assert account_cell()[0] == "Active"
    with synced_app.app_context():
        student = db.session.scalar(select(User).where(User.email == "ieva@example.org"))
        student.name = "Ieva Kazlauskaitė"
        deactivate(student)
        db.session.commit()
    state, html = account_cell()
    assert state == "Deactivated" and "Ieva Kazlauskaitė" in html

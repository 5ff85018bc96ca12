"""Signed-in pages kept rendered (dashboard, class page, matrix) show every change at once,
and a kept page never carries another session's form tokens."""
import re

from sqlalchemy import select

from tests.accounts import log_in, make_user, post_form
from tests.classes import make_class, make_school
from upskill.extensions import db
from upskill.models import Enrolment, User


def class_with_student(app):
    school = make_school(app)
    teacher = make_user(app, "teacher@example.org", "teacher", name="Rasa Petrauskienė")
    student = make_user(app, "ieva@example.org", "student", name="Ieva")
    class_id = make_class(app, school, [teacher])
    with app.app_context():
        db.session.add(Enrolment(class_id=class_id, student_id=student))
        db.session.commit()
    return class_id, teacher, student


def rename(app, user_id, name):
    with app.app_context():
        db.session.get(User, user_id).name = name
        db.session.commit()


def test_a_teachers_new_name_shows_at_once_on_the_kept_pages_that_name_them(synced_app):
    class_id, teacher, student = class_with_student(synced_app)
    teacher_client, student_client = synced_app.test_client(), synced_app.test_client()
    log_in(teacher_client, "teacher@example.org")
    log_in(student_client, "ieva@example.org")
    pages = [(teacher_client, f"/teach/classes/{class_id}/"), (student_client, "/learn/")]
    for client, path in pages:
        assert "Rasa Petrauskienė" in client.get(path).get_data(as_text=True)
    rename(synced_app, teacher, "Rasa Jonaitienė")
    for client, path in pages:
        html = client.get(path).get_data(as_text=True)
        assert "Rasa Jonaitienė" in html and "Rasa Petrauskienė" not in html, path


def test_a_students_new_name_shows_at_once_in_the_matrix(synced_app):
    class_id, _teacher, student = class_with_student(synced_app)
    client = synced_app.test_client()
    log_in(client, "teacher@example.org")
    assert "Ieva" in client.get(f"/teach/classes/{class_id}/matrix").get_data(as_text=True)
    rename(synced_app, student, "Ieva Kazlauskaitė")
    assert "Ieva Kazlauskaitė" in client.get(f"/teach/classes/{class_id}/matrix").get_data(as_text=True)


def test_a_kept_class_page_carries_the_form_tokens_of_the_session_that_reads_it(synced_app):
    class_id, _teacher, _student = class_with_student(synced_app)
    first, second = synced_app.test_client(), synced_app.test_client()
    log_in(first, "teacher@example.org")
    log_in(second, "teacher@example.org")  # the same teacher on a second computer
    path = f"/teach/classes/{class_id}/"
    tokens = [set(re.findall(r'name="csrf_token"[^>]*value="([^"]+)"', c.get(path).get_data(as_text=True)))
              for c in (first, second)]
    assert len(tokens[0]) == len(tokens[1]) == 1 and tokens[0] != tokens[1]
    # and the second computer's token from the kept page works for its own form
    response = post_form(second, f"/teach/classes/{class_id}/students", {"name": "Jonas", "email": "jonas@example.org"},
                         form_page=path)
    assert response.status_code in (200, 303)
    with synced_app.app_context():
        assert db.session.scalar(select(User.id).where(User.email == "jonas@example.org")) is not None


def test_a_notice_after_a_change_shows_on_the_next_page_once(synced_app):
    class_id, _teacher, _student = class_with_student(synced_app)
    client = synced_app.test_client()
    log_in(client, "teacher@example.org")
    path = f"/teach/classes/{class_id}/"
    client.get(path)
    post_form(client, f"/teach/classes/{class_id}/students", {"name": "Ieva", "email": "ieva@example.org"},
              form_page=path)  # already in the class: the page says so
    assert "Ieva is in the class." in client.get(path).get_data(as_text=True)
    assert "Ieva is in the class." not in client.get(path).get_data(as_text=True)

"""With SMTP settings the invitation and password links are also e-mailed (to a local SMTP sink here)."""
import re
from email import message_from_string, policy

import pytest
from aiosmtpd.controller import Controller

from tests.accounts import log_in, make_user, post_form
from tests.conftest import FIXTURE_CURRICULUM
from tests.test_classes import teacher_with_class
from tests.test_production_server import free_port
from upskill.curriculum.sync import sync_curriculum
from upskill.extensions import db


class Sink:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
        return "250 OK"


@pytest.fixture
def smtp():
    sink = Sink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    yield sink, port
    controller.stop()


@pytest.fixture
def mailing_app(app_factory, smtp):
    _sink, port = smtp
    app = app_factory(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_FROM="upskill@school.example")
    with app.app_context():
        sync_curriculum(FIXTURE_CURRICULUM)
        db.session.commit()
    return app


def test_invitation_is_mailed_with_its_link(mailing_app, smtp):
    sink, _port = smtp
    make_user(mailing_app, "root@example.org", "admin")
    admin = mailing_app.test_client()
    log_in(admin, "root@example.org")
    page = post_form(admin, "/admin/users/", {"name": "Rūta", "email": "ruta@example.org", "roles": ["teacher"], "school": ""})
    html = page.get_data(as_text=True)
    assert "The link has also been e-mailed to ruta@example.org." in html
    [(recipients, content)] = sink.messages
    link = re.search(r'value="(http://localhost/account/link/[^"]+)"', html).group(1)
    assert recipients == ["ruta@example.org"] and link in content and "Your UPSKILL account" in content


def test_an_invitation_sent_from_a_lithuanian_page_is_written_in_lithuanian(mailing_app, smtp):
    sink, _port = smtp
    client, class_id, _school = teacher_with_class(mailing_app)
    post_form(client, f"/teach/classes/{class_id}/students?lang=lt", {"name": "Ieva", "email": "ieva@example.org"},
              form_page=f"/teach/classes/{class_id}/")
    [(_recipients, content)] = sink.messages
    mail = message_from_string(content, policy=policy.default)
    assert mail["Subject"] == "Jūsų UPSKILL paskyra"
    assert "Sveiki, Ieva" in mail.get_content() and "Hello" not in mail.get_content()


def test_class_invitations_are_mailed_to_each_student(mailing_app, smtp):
    sink, _port = smtp
    client, class_id, _school = teacher_with_class(mailing_app)
    html = post_form(client, f"/teach/classes/{class_id}/students", {"name": "Ieva", "email": "ieva@example.org"},
                     form_page=f"/teach/classes/{class_id}/").get_data(as_text=True)
    assert "1 invitation has also been e-mailed." in html
    assert [r for r, _c in sink.messages] == [["ieva@example.org"]]


def test_a_mail_server_that_does_not_answer_changes_nothing_but_the_mail(app_factory):
    app = app_factory(MAIL_SERVER="127.0.0.1", MAIL_PORT=1)
    with app.app_context():
        sync_curriculum(FIXTURE_CURRICULUM)
        db.session.commit()
    make_user(app, "root@example.org", "admin")
    admin = app.test_client()
    log_in(admin, "root@example.org")
    page = post_form(admin, "/admin/users/", {"name": "Rūta", "email": "ruta@example.org", "roles": ["teacher"], "school": ""})
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "/account/link/" in html and "e-mailed" not in html

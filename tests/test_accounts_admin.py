"""Administrators create accounts with invitation links, set roles, deactivate; the links work once."""
import re
from datetime import timedelta

from sqlalchemy import select

from tests.accounts import PASSWORD, csrf_token, log_in, make_user, post_form
from upskill.auth.services import INVITE, issue_link
from upskill.extensions import db
from upskill.models import AccessLink, AuditEvent, Role, User, utcnow

NEW_PASSWORD = "my own new password"


def admin_client(app):
    make_user(app, "root@example.org", "admin")
    client = app.test_client()
    log_in(client, "root@example.org")
    return client


def invite(client, **fields):
    data = {"name": "Rūta Petraitė", "email": "ruta@example.org", "roles": ["student"], "school": "", **fields}
    return post_form(client, "/admin/users/", data)


def link_in(html):
    return re.search(r'value="(http://localhost/account/link/[^"]+)"', html).group(1).removeprefix("http://localhost")


def test_admin_creates_an_account_and_gets_its_invitation_link(synced_app):
    client = admin_client(synced_app)
    response = invite(client, roles=["teacher", "company_trainer"])
    assert response.status_code == 200
    link = link_in(response.get_data(as_text=True))
    with synced_app.app_context():
        user = db.session.scalar(select(User).where(User.email == "ruta@example.org"))
        assert user.roles == {Role.teacher, Role.company_trainer} and user.password_hash is None
        stored = db.session.scalar(select(AccessLink.token_hash))
        assert link.rsplit("/", 1)[1] not in stored  # only a hash of the token is kept
        assert {e.action for e in db.session.scalars(select(AuditEvent))} >= {"account-created", "invitation"}


def test_invited_person_sets_a_password_once_and_is_signed_in(synced_app):
    link = link_in(invite(admin_client(synced_app)).get_data(as_text=True))
    person = synced_app.test_client()
    page = person.get(link)
    assert page.status_code == 200 and "Welcome, Rūta Petraitė" in page.get_data(as_text=True)
    weak = post_form(person, link, {"password": "short", "confirm": "short"})
    assert weak.status_code == 400 and "Use at least 10 characters." in weak.get_data(as_text=True)
    done = post_form(person, link, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert done.status_code == 303 and person.get("/account/").status_code == 200
    assert synced_app.test_client().get(link).status_code == 404  # single use
    assert log_in(synced_app.test_client(), "ruta@example.org", NEW_PASSWORD).status_code == 303


def test_expired_or_made_up_links_are_the_same_404(synced_app):
    user_id = make_user(synced_app, "ana@example.org", password=None)
    with synced_app.app_context():
        token = issue_link(db.session.get(User, user_id), INVITE)
        db.session.scalar(select(AccessLink)).expires_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
    client = synced_app.test_client()
    expired, made_up = client.get(f"/account/link/{token}"), client.get("/account/link/" + "x" * 43)
    assert expired.status_code == made_up.status_code == 404
    assert "This link has expired or has been used already." in expired.get_data(as_text=True)


def test_a_new_link_replaces_the_old_one(synced_app):
    user_id = make_user(synced_app, "ana@example.org", password=None)
    with synced_app.app_context():
        user = db.session.get(User, user_id)
        old, new = issue_link(user, INVITE), issue_link(user, INVITE)
        db.session.commit()
    client = synced_app.test_client()
    assert client.get(f"/account/link/{old}").status_code == 404
    assert client.get(f"/account/link/{new}").status_code == 200


def test_duplicate_or_bad_account_is_refused_next_to_the_field(synced_app):
    client = admin_client(synced_app)
    invite(client)
    again = invite(client, email="RUTA@example.org")
    assert again.status_code == 400
    assert "An account with this e-mail address exists already." in again.get_data(as_text=True)
    bad = invite(client, email="not-an-address", roles=[])
    html = bad.get_data(as_text=True)
    assert bad.status_code == 400 and "This is not an e-mail address." in html and "Choose at least one role." in html
    forged = invite(client, email="x@example.org", roles=["emperor"])
    assert forged.status_code == 400
    with synced_app.app_context():
        assert db.session.scalar(select(User).where(User.email == "x@example.org")) is None


def test_admin_sets_roles_and_deactivates(synced_app):
    client = admin_client(synced_app)
    user_id = make_user(synced_app, "ana@example.org", "student")
    person = synced_app.test_client()
    log_in(person, "ana@example.org")
    page = f"/admin/users/{user_id}/"
    assert post_form(client, page, {"roles": ["student", "teacher"]}).status_code == 303
    with synced_app.app_context():
        assert db.session.get(User, user_id).roles == {Role.student, Role.teacher}
    assert post_form(client, page + "deactivate", {}, form_page=page).status_code == 303
    assert person.get("/account/").status_code == 401
    with synced_app.app_context():
        actions = [e.action for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]
    assert "roles-changed" in actions and "account-deactivated" in actions


def test_admin_cannot_lock_themselves_out(synced_app):
    client = admin_client(synced_app)
    with synced_app.app_context():
        own = db.session.scalar(select(User.id).where(User.email == "root@example.org"))
    page = f"/admin/users/{own}/"
    refused = post_form(client, page, {"roles": ["teacher"]})
    assert refused.status_code == 400 and "You cannot take the administrator role from yourself." in refused.get_data(as_text=True)
    assert post_form(client, page + "deactivate", {}, form_page=page).status_code == 400


def test_only_administrators_manage_accounts_and_read_the_audit_log(synced_app):
    make_user(synced_app, "teacher@example.org", "teacher", "coordinator")
    client = synced_app.test_client()
    assert client.get("/admin/users/").status_code == 401
    log_in(client, "teacher@example.org")
    for path in ("/admin/users/", "/admin/audit/", "/admin/users/1/"):
        assert client.get(path).status_code == 403, path


def test_audit_log_shows_who_did_what_from_where(synced_app):
    client = admin_client(synced_app)
    log_in(synced_app.test_client(), "root@example.org", "wrong password")
    html = client.get("/admin/audit/").get_data(as_text=True)
    assert "Sign-in failed" in html and "email:root@example.org" in html and "127.0.0.1" in html
    only = client.get("/admin/audit/?action=sign-in").get_data(as_text=True)
    assert "Signed in" in only and "Sign-in failed" not in only.split("<tbody>")[1]


def test_password_reset_link_from_the_account_page(synced_app):
    client = admin_client(synced_app)
    user_id = make_user(synced_app, "ana@example.org")
    page = f"/admin/users/{user_id}/"
    response = post_form(client, page + "reset-link", {}, form_page=page)
    link = link_in(response.get_data(as_text=True))
    person = synced_app.test_client()
    assert "A new password" in person.get(link).get_data(as_text=True)
    post_form(person, link, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert log_in(synced_app.test_client(), "ana@example.org", PASSWORD).status_code == 401
    assert log_in(synced_app.test_client(), "ana@example.org", NEW_PASSWORD).status_code == 303
    assert csrf_token(person, "/account/")

"""Signing in and out: a fresh session, safe redirects, clear refusals, throttling, the audit log."""
import pytest
from sqlalchemy import select

from tests.accounts import PASSWORD, csrf_token, log_in, make_user, post_form
from upskill.extensions import db
from upskill.models import AuditEvent, User


def events(app, action):
    with app.app_context():
        return db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)).all()


def test_sign_in_opens_the_account_and_records_it(client, synced_app):
    make_user(synced_app, "ana@example.org", "teacher")
    response = log_in(client, "Ana@Example.org ", next_=None)
    assert response.status_code == 303 and response.headers["Location"] == "/account/"
    html = client.get("/account/").get_data(as_text=True)
    assert "ana@example.org" in html and "Teacher" in html
    [event] = events(synced_app, "sign-in")
    assert event.address == "127.0.0.1" and event.actor_id is not None


def test_sign_in_starts_a_new_session(client, synced_app):
    make_user(synced_app, "ana@example.org")
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    log_in(client, "ana@example.org")
    with client.session_transaction() as session:
        assert "planted" not in session and session["_user_id"]


@pytest.mark.parametrize("email, password", [("ana@example.org", "wrong password"), ("nobody@example.org", PASSWORD)])
def test_wrong_password_or_unknown_account_get_the_same_refusal(client, synced_app, email, password):
    make_user(synced_app, "ana@example.org")
    response = log_in(client, email, password)
    assert response.status_code == 401
    assert "The e-mail address or the password is not right." in response.get_data(as_text=True)
    assert client.get("/account/").status_code == 401
    assert [e.subject for e in events(synced_app, "sign-in-failed")] == [f"email:{email}"]


def test_empty_form_says_what_is_missing(client):
    response = client.post("/login", data={"csrf_token": csrf_token(client, "/login")})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Enter your e-mail address." in html and "Enter your password." in html


def test_sign_in_without_csrf_token_is_refused(client, synced_app):
    make_user(synced_app, "ana@example.org")
    response = client.post("/login", data={"email": "ana@example.org", "password": PASSWORD})
    assert response.status_code == 400 and client.get("/account/").status_code == 401


@pytest.mark.parametrize("target, lands", [
    ("/curriculum/M01/L1/?lang=lt", "/curriculum/M01/L1/?lang=lt"),
    ("//evil.example/", "/account/"),
    ("/\\evil.example/", "/account/"),
    ("https://evil.example/", "/account/"),
    ("/%09/evil.example", "/%09/evil.example"),  # stays a path of this site
    ("javascript:alert(1)", "/account/"),
])
def test_next_only_leads_within_the_site(client, synced_app, target, lands):
    make_user(synced_app, "ana@example.org")
    assert log_in(client, "ana@example.org", next_=target).headers["Location"] == lands


def test_deactivated_account_cannot_sign_in_and_its_session_ends(client, synced_app):
    user_id = make_user(synced_app, "ana@example.org")
    log_in(client, "ana@example.org")
    with synced_app.app_context():
        db.session.get(User, user_id).active = False
        db.session.commit()
    assert client.get("/account/").status_code == 401
    assert log_in(client, "ana@example.org").status_code == 401


def test_sign_out_ends_the_session(client, synced_app):
    make_user(synced_app, "ana@example.org")
    log_in(client, "ana@example.org")
    response = post_form(client, "/logout", {}, form_page="/account/")
    assert response.status_code == 303
    assert client.get("/account/").status_code == 401


def test_sign_out_needs_a_post_with_the_token(client, synced_app):
    make_user(synced_app, "ana@example.org")
    log_in(client, "ana@example.org")
    assert client.get("/logout").status_code == 405
    assert client.post("/logout").status_code == 400
    assert client.get("/account/").status_code == 200


def test_change_password(client, synced_app):
    make_user(synced_app, "ana@example.org")
    log_in(client, "ana@example.org")
    wrong = post_form(client, "/account/password", {"current": "not it", "password": "new secret words", "confirm": "new secret words"})
    assert wrong.status_code == 400 and "This is not your current password." in wrong.get_data(as_text=True)
    short = post_form(client, "/account/password", {"current": PASSWORD, "password": "short", "confirm": "short"})
    assert short.status_code == 400 and "Use at least 10 characters." in short.get_data(as_text=True)
    differ = post_form(client, "/account/password", {"current": PASSWORD, "password": "new secret words", "confirm": "other words here"})
    assert differ.status_code == 400 and "The two passwords are not the same." in differ.get_data(as_text=True)
    done = post_form(client, "/account/password", {"current": PASSWORD, "password": "new secret words", "confirm": "new secret words"})
    assert done.status_code == 303
    fresh = synced_app.test_client()
    assert log_in(fresh, "ana@example.org").status_code == 401
    assert log_in(fresh, "ana@example.org", "new secret words").status_code == 303


def test_passwords_are_stored_as_scrypt_hashes(synced_app):
    user_id = make_user(synced_app, "ana@example.org")
    with synced_app.app_context():
        stored = db.session.get(User, user_id).password_hash
    assert stored.startswith("scrypt:") and PASSWORD not in stored


def test_failed_sign_ins_lock_the_account_for_a_while(app_factory):
    app = app_factory(LOGIN_LIMITS_PER_ACCOUNT="3 per 15 minutes")
    make_user(app, "ana@example.org")
    client = app.test_client()
    for _ in range(3):
        assert log_in(client, "ana@example.org", "wrong password").status_code == 401
    refused = log_in(client, "ana@example.org")  # even the right password, for now
    assert refused.status_code == 429
    assert "Too many attempts." in refused.get_data(as_text=True)
    assert log_in(app.test_client(), "other@example.org").status_code == 401  # other accounts are not locked
    assert events(app, "sign-in-throttled")


def test_one_address_cannot_try_many_accounts(app_factory):
    app = app_factory(LOGIN_LIMITS_PER_ADDRESS="4 per 10 minutes")
    client = app.test_client()
    statuses = [log_in(client, f"guess{n}@example.org", "x").status_code for n in range(6)]
    assert statuses == [401, 401, 401, 401, 429, 429]

"""Helpers for tests with accounts: make people, sign them in through the real form."""
import re

from upskill.auth.services import create_user
from upskill.extensions import db

PASSWORD = "a long enough secret"


def csrf_token(client, path):
    html = client.get(path).get_data(as_text=True)
    found = re.search(r'name="csrf_token"[^>]*? value="([^"]+)"', html)
    if found is None and not client.application.config.get("WTF_CSRF_ENABLED", True):
        return ""  # an app made without CSRF, for tests about something else
    return found.group(1)


def make_user(app, email, *roles, password=PASSWORD, name=None, school=None):
    """Create an account (committed) and return its id."""
    with app.app_context():
        user = create_user(email, name or email.split("@")[0].title(), roles or ("student",),
                           school=school, password=password)
        db.session.commit()
        return user.id


def log_in(client, email, password=PASSWORD, next_=None):
    data = {"csrf_token": csrf_token(client, "/login"), "email": email, "password": password}
    if next_ is not None:
        data["next"] = next_
    return client.post("/login", data=data)


def post_form(client, path, data, form_page=None):
    """POST data to path with the CSRF token of the page the form is on."""
    return client.post(path, data={"csrf_token": csrf_token(client, form_page or path), **data})

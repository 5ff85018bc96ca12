"""The site as hostile input meets it: every route, its real address, who reaches it, and its forms.

Built on test_access_by_role's `world` (one school with a hand-in, someone of every role), with an
account to spare for the admin routes, whose forms may deactivate the account they are about.
"""
import logging
import re
from dataclasses import dataclass, field

import pytest

from tests.accounts import csrf_token, log_in, make_user
from tests.page_forms import forms_of
from tests.test_access import SAMPLE_VALUES
from tests.test_access_by_role import RULES, world  # noqa: F401 (world is a fixture this module builds on)
from upskill.access import PUBLIC, rule_of
from upskill.extensions import db
from upskill.models import Enrolment
from upskill.security import UPLOAD_ENDPOINTS

ROLES = ("anonymous", "student", "teacher", "trainer", "coordinator", "admin")
EMAILS = {"student": "ieva@example.org", "teacher": "teacher@example.org", "trainer": "trainer@example.org",
          "coordinator": "coord@example.org", "admin": "root@example.org"}
SPARE_EMAIL = "spare@example.org"
# Names some routes need to find a record, where the world's value is for another route.
PUBLIC_NAMES = {"api.item": {"code": "M01.L1"}, "public.change_log_item": {"code": "M01.L1"},
                "public.figure_view": {"name": "hopper"},
                "downloads.book_file": {"name": "upskill-programme-en-r0.9.pdf"},
                "downloads.book_status": {"name": "upskill-programme-en-r0.9.pdf"},
                "downloads.archive_file": {"name": "upskill-all-en-r0.9"},
                "downloads.archive_status": {"name": "upskill-all-en-r0.9"},
                "downloads.handout_file": {"name": "upskill-handout-m01-en-r0.9.pdf"},
                "downloads.handout_status": {"name": "upskill-handout-m01-en-r0.9.pdf"},
                "static": {"filename": "site.css"}}


NOT_PAGES = (".pdf", ".zip", ".csv", ".json", "/status")  # addresses that answer files, not forms


@dataclass
class Site:
    """The app, a signed-in client and CSRF token per role, and what each route is."""
    app: object
    clients: dict
    tokens: dict
    class_id: int
    paths: dict = field(default_factory=dict)  # endpoint -> address with the world's records in it
    forms: dict = field(default_factory=dict)  # address -> names of the fields of the forms posting there
    filled: dict = field(default_factory=dict)  # (role, address) -> the fields of a form as the role's page fills it

    def rule(self, endpoint):
        """The url_map rule of endpoint."""
        return next(rule for rule in self.app.url_map.iter_rules() if rule.endpoint == endpoint)

    def roles(self, endpoint):
        """The roles that reach the route: everyone on a public one, those let in on the others."""
        if endpoint == "static" or rule_of(self.app.view_functions[endpoint]) == PUBLIC:
            return ROLES
        return tuple(role for role in ROLES if role in RULES[endpoint][0])

    def field_names(self, endpoint):
        """The names of the fields of every form, on any role's pages, that posts to the route's address."""
        return self.forms.get(self.paths[endpoint].split("?")[0], set())

    def add_student(self, email):
        """Enrol a new student in the world's class, signed in, with every task still open; return the role."""
        student_id = make_user(self.app, email, "student")
        with self.app.app_context():
            db.session.add(Enrolment(class_id=self.class_id, student_id=student_id))
            db.session.commit()
        self.clients[email] = self.app.test_client()
        log_in(self.clients[email], email)
        self.tokens[email] = csrf_token(self.clients[email], "/account/")
        return email

    def sign_in_again(self, role):
        """Sign the role in once more (after a hostile form that signed it out)."""
        log_in(self.clients[role], EMAILS[role])
        self.tokens[role] = csrf_token(self.clients[role], "/account/")


def endpoints(app):
    """Every endpoint of the app, sorted."""
    return sorted(rule.endpoint for rule in app.url_map.iter_rules())


OWN_RECORDS = ("pilot", "showcase", "teaching", "learning", "company", "admin")  # blueprints of the world's records


def address(rule, values):
    """The route's address with the world's records (or the public sample values) in its arguments."""
    own = rule.endpoint.split(".")[0] in OWN_RECORDS
    args = {arg: (values if own and arg in values else SAMPLE_VALUES).get(arg) for arg in rule.arguments}
    args.update(PUBLIC_NAMES.get(rule.endpoint, {}))
    path = rule.build(args)[1]
    return path + ("?for=2B" if rule.endpoint.startswith("downloads.handout_") else "")


@pytest.fixture(scope="module")
def site(world):
    """Every route's address, and the forms every role's pages offer, read from the pages themselves."""
    app, clients, values = world
    values = {**values, "user_id": make_user(app, SPARE_EMAIL, "student")}
    tokens = {role: csrf_token(clients[role], "/login" if role == "anonymous" else "/account/") for role in ROLES}
    found = Site(app, clients, tokens, values["class_id"])
    for rule in app.url_map.iter_rules():
        found.paths[rule.endpoint] = address(rule, values)
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static" or rule.rule.endswith(NOT_PAGES):
            continue
        for role in found.roles(rule.endpoint):
            with clients[role].get(found.paths[rule.endpoint]) as response:
                if response.mimetype == "text/html":
                    for action, form in forms_of(response.get_data(as_text=True), request_path(found, rule)).items():
                        found.forms.setdefault(action, set()).update(field.name for field in form)
                        found.filled.setdefault((role, action), form)
    return found


def request_path(site, rule):
    """The route's address without its query: where a form with no action posts."""
    return site.paths[rule.endpoint].split("?")[0]


def unescaped_markup(mark):
    """A pattern for markup sent that comes back able to run: a tag, handler or link with mark in it, unescaped."""
    return re.compile(rf"<(?:script|img|svg|iframe)\b[^>]*{mark}|[\"']\s*on\w+=[\"']?{mark}"
                      rf"|(?:href|src|action)\s*=\s*[\"']?\s*javascript:{mark}", re.IGNORECASE)


def faults_in_log(records):
    """The log records that tell of a fault: errors, and anything carrying a traceback."""
    return [record for record in records if record.levelno >= logging.ERROR or record.exc_info]


UPLOAD_ROUTES = UPLOAD_ENDPOINTS | {"teaching.import_preview"}

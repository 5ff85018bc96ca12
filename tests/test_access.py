"""Every route declares who may open it; a visitor without an account can walk the whole site."""
import pytest
from flask import Blueprint
from sqlalchemy import select

from upskill import access, jobs
from upskill.access import rule_of
from upskill.demo import load_demo
from upskill.extensions import db
from upskill.models import User

SAMPLE_VALUES = {"module": "M01", "item": "L1", "code": "M01", "name": "hopper.svg", "token": "no-such-link", "user_id": 1,
                 "class_id": 1, "student_id": 1, "file_id": 1, "attempt_id": 1, "period_id": 1, "report_id": 1,
                 "module_code": "M01", "what": "reports", "revision": "0.9", "item_code": "M01.L1",
                 "task_code": "M01.T1"}


def test_every_route_has_an_access_rule(synced_app):
    for endpoint, view in synced_app.view_functions.items():
        if endpoint != "static":
            assert rule_of(view) is not None, endpoint


def test_app_refuses_to_start_with_a_route_without_a_rule(synced_app):
    bp = Blueprint("careless", __name__)
    bp.add_url_rule("/careless", "careless", lambda: "open to all?")
    synced_app.register_blueprint(bp)
    with pytest.raises(RuntimeError, match="careless.careless"):
        access.require_rules(synced_app)


def _get_routes(app):
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods and rule.endpoint != "static":
            values = {arg: SAMPLE_VALUES[arg] for arg in rule.arguments}
            if rule.endpoint == "api.item":
                values["code"] = "M01.L1"
            if rule.endpoint == "public.figure_view":
                values["name"] = "hopper"
            if rule.endpoint.startswith("downloads.book_"):
                values["name"] = "upskill-programme-en-r0.9.pdf"
            if rule.endpoint.startswith("downloads.archive_"):
                values["name"] = "upskill-all-en-r0.9"
            yield rule.endpoint, rule.build(values)[1]


# A book not built yet answers 202 with the page that follows its build.
# The showcase is empty: no task to present, no photo to show.
EXPECTED = {"downloads.book_file": 202, "downloads.archive_file": 202, "auth.take_link": 404,
            "showcase.presentation": 404, "showcase.photo": 404}


def test_visitor_can_open_every_public_page(client, synced_app, monkeypatch, tmp_path):
    synced_app.config["BOOKS_DIR"] = str(tmp_path / "books")
    monkeypatch.setattr(jobs, "request_build", lambda key, spec: True)
    for endpoint, path in _get_routes(synced_app):
        if rule_of(synced_app.view_functions[endpoint]) == access.PUBLIC:
            response = client.get(path)
            assert response.status_code == EXPECTED.get(endpoint, 200), (path, response.status_code)
            response.close()


def test_pages_for_roles_refuse_visitors_and_wrong_roles(synced_app):
    bp = Blueprint("staff", __name__)

    @bp.get("/staff-only")
    @access.roles_required("coordinator")
    def staff_only():
        return "secret"

    synced_app.register_blueprint(bp)
    assert synced_app.test_client().get("/staff-only").status_code == 401
    with synced_app.app_context():
        load_demo()
        db.session.commit()
        ids = {user.email.split("@")[0]: user.id for user in db.session.scalars(select(User))}
    for role, status in (("student", 403), ("teacher", 403), ("coordinator", 200)):
        client = synced_app.test_client()
        with client.session_transaction() as session:
            session["_user_id"] = str(ids[role])
        assert client.get("/staff-only").status_code == status, role

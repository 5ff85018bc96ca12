"""Hostile input on every route, as every role that reaches it: never a 500, a fault in the log, or a script.

The routes are read from the app's own url_map, so a new route is covered the day it is added.
Example counts come from the hypothesis profile (tests/hostile.py; UPSKILL_HYPOTHESIS_PROFILE=long).
"""
import re
import secrets
from collections import namedtuple

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from tests.conftest import UPLOADS
from tests.hostile import (
    FILE_NAMES, MARKUP, SCRIPT_MARK, examples, fields, file_contents, file_names, form_body, multipart_body,
    path_values, query_strings, raw_bodies,
)
from tests.hostile_world import NOT_PAGES, UPLOAD_ROUTES, endpoints, faults_in_log, unescaped_markup
from tests.hostile_world import site, world  # noqa: F401 (fixtures)
from tests.page_forms import TEXT_KINDS, Field, forms_of
from tests.uploads_on_disk import probes_outside
from tests.work import photo_with_location
from upskill import create_app
from upskill.extensions import db
from upskill.models import Attempt, EvidenceFile, TaskWork, User

ROUTES = create_app({"SECRET_KEY": "routes", "SQLALCHEMY_DATABASE_URI": "sqlite://", "TESTING": True}).url_map
GET_ROUTES = sorted(rule.endpoint for rule in ROUTES.iter_rules() if "GET" in rule.methods)
POST_ROUTES = sorted(rule.endpoint for rule in ROUTES.iter_rules() if "POST" in rule.methods)
ARGUMENT_ROUTES = sorted(rule.endpoint for rule in ROUTES.iter_rules() if rule.arguments)
EXCUSED = {}  # endpoint -> why it is not sent hostile input (none is, today)
UNESCAPED = unescaped_markup(SCRIPT_MARK)
PHOTO = photo_with_location()
# Hypothesis names the failing example in full; a megabyte value makes a long name, not a fault.
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")


Reply = namedtuple("Reply", "status html location")


def send(site, caplog, role, method, path, body=None, content_type=None, **extra):
    """Send one request as role; check it is answered without a fault and without live markup; the status."""
    return answer(site, caplog, role, method, path, body, content_type, **extra).status


def answer(site, caplog, role, method, path, body=None, content_type=None, **extra):
    """Send one request as role; check it is answered without a fault and without live markup; the Reply."""
    caplog.clear()
    with site.clients[role].open(path, method=method, data=body, content_type=content_type, **extra) as response:
        status, location = response.status_code, response.headers.get("Location")
        html = response.get_data(as_text=True) if response.mimetype == "text/html" else ""
    assert status < 500, (role, method, path[:300], status)
    found = UNESCAPED.search(html)
    assert found is None, (role, method, path[:300], html[max(0, found.start() - 200):found.end() + 50])
    assert faults_in_log(caplog.records) == [], (role, method, path[:300])
    return Reply(status, html, location)


def body_limit(site, endpoint):
    """The largest body the route accepts."""
    if endpoint in UPLOAD_ROUTES - {"teaching.import_preview"}:
        return site.app.config["UPLOAD_MAX_BYTES"] + 512 * 1024
    return site.app.config["MAX_CONTENT_LENGTH"]


def with_query(path, query):
    """path with query added to the query it may already have."""
    return path + ("&" if "?" in path else "?") + query


def test_every_route_is_sent_hostile_input_or_excused(site):
    exercised = set(GET_ROUTES) | set(POST_ROUTES)
    assert set(endpoints(site.app)) - exercised - set(EXCUSED) == set()
    assert [endpoint for endpoint in exercised if not site.roles(endpoint)] == []
    assert all(reason for reason in EXCUSED.values())


@pytest.mark.parametrize("endpoint", GET_ROUTES)
def test_hostile_query_strings_are_answered_without_a_fault(site, caplog, endpoint):
    @examples(6)
    @given(role=st.sampled_from(site.roles(endpoint)), query=query_strings(site.field_names(endpoint)))
    def attempt(role, query):
        send(site, caplog, role, "GET", with_query(site.paths[endpoint], query))

    attempt()


@pytest.mark.parametrize("endpoint", ARGUMENT_ROUTES)
def test_hostile_path_values_are_answered_without_a_fault(site, caplog, endpoint):
    rule = site.rule(endpoint)
    method = "GET" if "GET" in rule.methods else "POST"

    @examples(6)
    @given(role=st.sampled_from(site.roles(endpoint)),
           parts=st.fixed_dictionaries({argument: path_values() for argument in rule.arguments}))
    def attempt(role, parts):
        path = re.sub(r"<(?:[^>:]+:)?([^>]+)>", lambda found: parts[found.group(1)], rule.rule)
        body = form_body([("csrf_token", site.tokens[role])]) if method == "POST" else None
        send(site, caplog, role, method, path, body, "application/x-www-form-urlencoded" if body else None)

    attempt()


@pytest.mark.parametrize("endpoint", POST_ROUTES)
def test_hostile_forms_are_answered_without_a_fault(site, caplog, endpoint):
    names = site.field_names(endpoint) - {"csrf_token"}

    @examples(10)
    @given(role=st.sampled_from(site.roles(endpoint)), pairs=fields(names), with_token=st.booleans(),
           shape=st.sampled_from(("form", "form", "multipart", "raw")), raw=raw_bodies())
    def attempt(role, pairs, with_token, shape, raw):
        if with_token:
            pairs = [("csrf_token", site.tokens[role])] + pairs
        body, content_type = {"form": lambda: (form_body(pairs), "application/x-www-form-urlencoded"),
                              "multipart": lambda: multipart_body(pairs), "raw": lambda: raw}[shape]()
        status = send(site, caplog, role, "POST", site.paths[endpoint], body, content_type)
        if len(body) > body_limit(site, endpoint):
            assert status == 413
        if endpoint == "auth.logout" and role != "anonymous":
            site.sign_in_again(role)  # a hostile form may still sign out: the next example needs the account

    attempt()


@pytest.mark.parametrize("endpoint", sorted(UPLOAD_ROUTES))
def test_hostile_uploads_are_answered_without_a_fault_and_stay_in_their_folder(site, caplog, endpoint):
    roles = site.roles(endpoint)
    if endpoint == "learning.submit":  # a student whose task is open, so the page offers its upload form
        roles = (site.add_student("uploader@example.org"),)
    page = site.paths["learning.task" if endpoint == "learning.submit" else "teaching.class_page"]
    names = {field.name for role in roles for field in forms_offered(site, role, page).get(site.paths[endpoint], [])}
    names -= {"csrf_token"}
    file_fields = sorted(name for name in names if name.startswith("f-") or name == "roster")
    assert file_fields, f"the page offers no file field for {endpoint}"

    @examples(20)
    @given(role=st.sampled_from(roles), pairs=fields(names),
           files=st.lists(st.tuples(st.sampled_from(file_fields), file_names(), file_contents(PHOTO)), max_size=4),
           declared_size=st.sampled_from((None, 0, -1, 10 ** 12)))
    def attempt(role, pairs, files, declared_size):
        pairs = [("csrf_token", site.tokens[role]), ("submission_key", secrets.token_hex(16))] + pairs
        body, content_type = multipart_body(pairs, files, declared_size)
        send(site, caplog, role, "POST", site.paths[endpoint], body, content_type)

    attempt()
    assert probes_outside(UPLOADS) == []


def forms_offered(site, role, page):
    """The forms of page as role sees it: {address posted to: [Field]}."""
    with site.clients[role].get(page) as response:
        return forms_of(response.get_data(as_text=True), page)


@pytest.mark.parametrize("endpoint", POST_ROUTES)
def test_bodies_over_the_limit_are_refused_with_413(site, caplog, endpoint):
    role, path, limit = site.roles(endpoint)[-1], site.paths[endpoint], body_limit(site, endpoint)
    token = ("csrf_token", site.tokens[role])
    over = form_body([token, ("text", "x" * limit)])
    assert send(site, caplog, role, "POST", path, over, "application/x-www-form-urlencoded") == 413
    said = {"CONTENT_LENGTH": str(10 ** 12)}  # a length declared, whatever follows
    assert send(site, caplog, role, "POST", path, b"a=1", "application/x-www-form-urlencoded",
                environ_overrides=said) == 413
    one_big_field = multipart_body([token, ("text", "x" * (site.app.config["MAX_FORM_MEMORY_SIZE"] + 1))])
    assert send(site, caplog, role, "POST", path, *one_big_field) == 413


def test_markup_sent_to_every_form_is_never_served_unescaped(site, caplog):
    """Fill every field of every form with script, then read every page as every role."""
    shown_escaped = 0
    for endpoint in POST_ROUTES:
        for role in site.roles(endpoint):
            if endpoint == "auth.logout":
                continue  # signing out stores nothing
            form = site.filled.get((role, site.paths[endpoint])) or [Field("text", "text", "")]
            pairs = [("csrf_token", site.tokens[role])]
            pairs += [(field.name, markup_or_valid(field, index)) for index, field in enumerate(form)
                      if field.name != "csrf_token"]
            reply = answer(site, caplog, role, "POST", site.paths[endpoint], form_body(pairs),
                           "application/x-www-form-urlencoded")
            if reply.status == 303:  # the page of what was made or changed
                shown_escaped += SCRIPT_MARK in answer(site, caplog, role, "GET", reply.location).html
    for endpoint in GET_ROUTES:
        if site.rule(endpoint).rule.endswith(NOT_PAGES):
            continue
        for role in site.roles(endpoint):
            shown_escaped += SCRIPT_MARK in answer(site, caplog, role, "GET", site.paths[endpoint]).html
    assert shown_escaped > 0, "some of the script sent was kept, and is shown as text (none of it live)"


def markup_or_valid(field, index):
    """Script in a field of free text; a value the form accepts in the others, so that the form is kept."""
    if "code" in field.name:
        return field.value or "M01.L1"  # an item of the curriculum, the one field suggestions check
    if field.kind in TEXT_KINDS and not any(word in field.name for word in ("email", "date", "_on")):
        return MARKUP[index % len(MARKUP)]
    return field.value


def test_traversal_in_file_names_stores_nothing_outside_the_uploads_folder(site, caplog):
    """A hand-in whose photos are named to climb out of the folder is kept, inside it, under safe names."""
    student = site.add_student("climber@example.org")
    photos = [photo_with_location(size=(40 + index, 30)) for index in range(10)]
    files = [("f-0", name, photo) for name, photo in zip(FILE_NAMES, photos)]
    pairs = [("csrf_token", site.tokens[student]), ("submission_key", secrets.token_hex(16)),
             ("step", "0"), ("step", "1"), ("step", "2"), ("m-1", "12.5 kg")]  # the task's work, all done
    status = send(site, caplog, student, "POST", site.paths["learning.submit"], *multipart_body(pairs, files))
    assert status == 303, "the hand-in is kept: its files are photos, whatever they are called"
    with site.app.app_context():
        kept = db.session.scalars(select(EvidenceFile).join(Attempt).join(TaskWork)
                                  .join(User, User.id == TaskWork.student_id).where(User.email == student)).all()
        assert len(kept) == len(files)
        for evidence in kept:
            assert "/" not in evidence.original_name and "\\" not in evidence.original_name
            assert "\x00" not in evidence.original_name and ".." not in evidence.original_name
    assert probes_outside(UPLOADS) == []

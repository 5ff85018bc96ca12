"""Teachers make a class handout: chosen modules, a language, their class on the cover."""
import re
import time

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from upskill.demo import load_demo
from upskill.extensions import db
from upskill.models import User


@pytest.fixture
def signed_in(synced_app, tmp_path):
    """Return a function giving a test client signed in with a demo role."""
    synced_app.config["BOOKS_DIR"] = str(tmp_path / "books")
    with synced_app.app_context():
        load_demo()
        db.session.commit()
        ids = {user.email.split("@")[0]: user.id for user in db.session.scalars(select(User))}

    def client_for(role):
        client = synced_app.test_client()
        with client.session_transaction() as session:
            session["_user_id"] = str(ids[role])
        return client

    return client_for


def form_token(client):
    html = client.get("/downloads/handout").get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def test_only_staff_open_the_handout_form(synced_app, signed_in):
    assert synced_app.test_client().get("/downloads/handout").status_code == 401
    assert signed_in("student").get("/downloads/handout").status_code == 403
    html = signed_in("teacher").get("/downloads/handout").get_data(as_text=True)
    assert 'value="M01"' in html and 'value="M02"' in html and "Class or school, for the cover" in html


def test_a_teacher_gets_a_handout_with_the_class_on_its_cover(signed_in):
    teacher = signed_in("teacher")
    response = teacher.post("/downloads/handout", data={
        "csrf_token": form_token(teacher), "modules": ["M02", "M01"], "lang": "lt", "for_whom": "Class 2B, Alytus VTC"})
    assert response.status_code == 303
    address = response.headers["Location"]
    assert "/downloads/handouts/upskill-handout-m01-m02-lt-r0.9.pdf?for=Class+2B" in address
    assert teacher.get(address).status_code == 202
    status = address.replace(".pdf?", ".pdf/status?")
    deadline = time.monotonic() + 120
    while (answer := teacher.get(status).get_json())["state"] != "ready":
        assert answer["state"] != "failed" and time.monotonic() < deadline, answer
        time.sleep(0.5)
    with teacher.get(address) as pdf:
        assert pdf.status_code == 200 and pdf.headers["Cache-Control"] == "private, no-store"
        path = pdf.data
    from io import BytesIO

    cover = PdfReader(BytesIO(path)).pages[0].extract_text()
    assert "Class 2B, Alytus VTC" in cover and "M01, M02" in cover
    assert signed_in("student").get(address).status_code == 403


@pytest.mark.parametrize(("data", "message"), [
    ({"lang": "en", "for_whom": "Class 2B"}, "Choose at least one module."),
    ({"modules": ["M01"], "lang": "en", "for_whom": ""}, "Say who the handout is for"),
    ({"modules": ["M01"], "lang": "en", "for_whom": "x" * 121}, "At most 120 characters."),
    ({"modules": ["M01"], "lang": "en", "for_whom": "Class\u00072B"}, "Use letters, digits and punctuation only."),
    ({"modules": ["M77"], "lang": "en", "for_whom": "Class 2B"}, "Choose only among the options offered."),
    ({"modules": ["M01"], "lang": "de", "for_whom": "Class 2B"}, "Choose one of the options offered."),
])
def test_a_bad_handout_request_is_refused_next_to_the_field(signed_in, data, message):
    teacher = signed_in("teacher")
    response = teacher.post("/downloads/handout", data={"csrf_token": form_token(teacher), **data})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_the_handout_form_needs_its_csrf_token(signed_in):
    response = signed_in("teacher").post("/downloads/handout", data={"modules": ["M01"], "lang": "en", "for_whom": "2B"})
    assert response.status_code == 400


@pytest.mark.parametrize("address", [
    "/downloads/handouts/upskill-handout-m01-en-r0.9.pdf",            # no class for the cover
    "/downloads/handouts/upskill-handout-m77-en-r0.9.pdf?for=2B",     # no such module
    "/downloads/handouts/upskill-handout-m01-en-r0.1.pdf?for=2B",     # not the current revision
    "/downloads/handouts/upskill-handout-en-r0.9.pdf?for=2B",
])
def test_a_made_up_handout_address_is_a_404(signed_in, address):
    assert signed_in("teacher").get(address).status_code == 404

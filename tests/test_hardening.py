"""Faults a probe of the public site found, each mended, and the protections every response carries."""
import os
import stat
from urllib.parse import urlsplit

import pytest
from flask import url_for as flask_url_for
from markupsafe import escape

from tests.accounts import log_in, make_user
from tests.conftest import FIXTURE_CURRICULUM, make_app
from tests.test_quiz import csrf_client, submit  # noqa: F401  (csrf_client is a fixture)
from upskill import create_app
from upskill.curriculum.svg_check import check_svg


def test_every_page_carries_the_security_headers(client):
    headers = client.get("/curriculum/M01/L1/").headers
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "geolocation=()" in headers["Permissions-Policy"]
    assert "Strict-Transport-Security" not in headers  # plain HTTP: HSTS would mean nothing


def test_hsts_over_https(client):
    assert "max-age=" in client.get("/", base_url="https://localhost").headers["Strict-Transport-Security"]


def test_signed_in_pages_are_private_and_never_cached(client, synced_app):
    assert "private" not in client.get("/curriculum/M01/L1/").headers.get("Cache-Control", "")
    make_user(synced_app, "ana@example.org")
    log_in(client, "ana@example.org")
    for path in ("/curriculum/M01/L1/", "/account/"):
        assert client.get(path).headers["Cache-Control"] == "private, no-store"


def test_session_cookie_is_httponly_and_lax(client, synced_app):
    make_user(synced_app, "ana@example.org")
    cookie = log_in(client, "ana@example.org").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_production_needs_a_secret_key_and_secure_cookies(tmp_path):
    url = "sqlite:///" + str(tmp_path / "p.sqlite3")
    with pytest.raises(RuntimeError, match="UPSKILL_SECRET_KEY is not set"):
        create_app({"ENV": "production", "SQLALCHEMY_DATABASE_URI": url})
    app = create_app({"ENV": "production", "SECRET_KEY": "s" * 32, "SQLALCHEMY_DATABASE_URI": url})
    assert app.config["SESSION_COOKIE_SECURE"] is True and app.config["REMEMBER_COOKIE_SECURE"] is True


def test_oversized_body_is_refused_with_413(csrf_client):
    response = submit(csrf_client, **{"q-q1": "0", "padding": "x" * (2 * 1024 * 1024)})
    assert response.status_code == 413
    assert "What was sent is too large" in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/%5cevil.example/", "/%09/evil.example/", "/%2f/evil.example/"])
def test_language_links_of_a_404_stay_on_the_site(client, path):
    response = client.get(path)
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    links = []
    for chunk in html.split('href="')[1:]:
        href = chunk.split('"', 1)[0]
        if "lang=" in href:
            links.append(href)
    assert links, "the 404 page offers its other languages"
    for href in links:
        parts = urlsplit(href)
        assert parts.netloc in ("", "localhost") and parts.path.startswith("/"), href
        assert not parts.path.startswith("//") and "\\" not in href and "\t" not in href, href


@pytest.mark.parametrize("query", ["endpoint=x", "_method=POST", "_external=1", "_anchor=x", "_scheme=javascript"])
def test_case_fixing_redirect_carries_odd_queries_as_text(client, query):
    response = client.get(f"/curriculum/m01/?{query}", headers={"Host": "evil.example"})
    assert response.status_code == 301
    assert response.headers["Location"] == f"/curriculum/M01/?{query}"


@pytest.mark.parametrize("answer", ["²", "①", "٣", "9" * 5000])
def test_quiz_answers_that_only_look_like_numbers_are_a_400(csrf_client, answer):
    response = submit(csrf_client, **{"q-q1": answer})
    assert response.status_code == 400
    assert escape(f"'{answer[:20]}' is not one of the answers") in response.get_data(as_text=True)


@pytest.mark.parametrize("element", [
    '<set attributeName="href" to="javascript:alert(1)"/>',
    '<animate attributeName="href" values="javascript:alert(1)"/>',
])
def test_svg_check_refuses_animation_that_can_set_links(tmp_path, element):
    path = tmp_path / "bad.svg"
    path.write_text(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>t</title>'
                    f'<a href="#x"><text>x</text>{element}</a></svg>', encoding="utf-8")
    assert any("is not allowed in a figure" in message for _, message in check_svg(path))


def test_sqlite_file_and_instance_folder_are_owner_only(tmp_path):
    instance = tmp_path / "instance"
    app = make_app("sqlite:///" + str(instance / "upskill.sqlite3"), CURRICULUM_DIR=str(FIXTURE_CURRICULUM))
    app.test_client().get("/healthz")
    assert stat.S_IMODE(os.stat(instance / "upskill.sqlite3").st_mode) == 0o600
    assert stat.S_IMODE(os.stat(instance).st_mode) == 0o700


@pytest.mark.parametrize("number", ["99999999999999999999999", "2147483648", "١٢", "𝟏"])
def test_an_id_no_record_can_have_is_a_404(client, synced_app, number):
    make_user(synced_app, "admin@example.org", "admin")
    log_in(client, "admin@example.org")
    assert client.get(f"/admin/users/{number}/").status_code == 404


def test_the_largest_id_a_record_can_have_is_looked_up(client, synced_app):
    make_user(synced_app, "admin@example.org", "admin")
    log_in(client, "admin@example.org")
    assert client.get(f"/admin/users/{2 ** 31 - 1}/").status_code == 404
    assert url_for_user(synced_app, 2 ** 31 - 1) == f"/admin/users/{2 ** 31 - 1}/"


def url_for_user(app, user_id):
    with app.test_request_context():
        return flask_url_for("admin.user", user_id=user_id)


@pytest.mark.parametrize("name", ["\\", "\r\n", "a\\b"])
def test_a_form_part_whose_name_cannot_be_read_is_no_field(csrf_client, name):
    body = (b'--b\r\nContent-Disposition: form-data; name="' + name.encode() + b'"\r\n\r\nv\r\n--b--\r\n')
    response = csrf_client.post("/login", data=body, content_type="multipart/form-data; boundary=b")
    assert response.status_code == 400
    assert "The form has expired" in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/changes/items/%00/", "/changes/items/M01.L1%00/", "/api/v1/items/%00"])
def test_a_nul_in_an_address_is_a_404_on_every_database(client, path):
    assert client.get(path).status_code == 404


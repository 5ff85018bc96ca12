"""Free downloads: the list of books, the files with their caching headers, and one build per book."""
import time
from concurrent.futures import Future

import pytest

from tests.conftest import get_at_once
from upskill import jobs

NAME = "upskill-student-handbook-m01-en-r0.9.pdf"


@pytest.fixture
def library_client(synced_app, tmp_path):
    synced_app.config["BOOKS_DIR"] = str(tmp_path / "books")
    return synced_app.test_client()


def wait_until_ready(client, name, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        answer = client.get(f"/downloads/{name}/status").get_json()
        if answer["state"] in ("ready", "failed"):
            return answer
        time.sleep(0.5)
    pytest.fail(f"{name} was not built in {seconds} s")


def test_downloads_page_offers_every_book_without_an_account(library_client):
    html = library_client.get("/downloads/").get_data(as_text=True)
    for name in ("upskill-programme-en-r0.9.pdf", "upskill-student-handbook-en-r0.9.pdf",
                 "upskill-teachers-book-en-r0.9.pdf", NAME, "upskill-teachers-book-m02-en-r0.9.pdf"):
        assert f'href="/downloads/{name}"' in html, name
    assert "PDF/UA-1" in html and "CC BY-SA 4.0" in html and "0.9" in html
    assert "upskill-programme-m01" not in html


def test_downloads_page_is_in_the_readers_language(library_client):
    html = library_client.get("/downloads/?lang=lt").get_data(as_text=True)
    assert 'href="/downloads/upskill-teachers-book-lt-r0.9.pdf"' in html
    assert "Pirmieji žingsniai prie mašinos" in html


def test_first_request_builds_the_book_and_then_serves_it_with_caching_headers(library_client):
    first = library_client.get(f"/downloads/{NAME}")
    assert first.status_code == 202 and first.headers["Retry-After"]
    assert f"/downloads/{NAME}/status" in first.get_data(as_text=True)
    answer = wait_until_ready(library_client, NAME)
    assert answer["state"] == "ready" and answer["pages"] > 3
    with library_client.get(f"/downloads/{NAME}") as response:
        assert response.status_code == 200 and response.mimetype == "application/pdf"
        assert response.data.startswith(b"%PDF-")
        assert NAME in response.headers["Content-Disposition"]
        assert response.headers["Cache-Control"] == "public, max-age=86400"
        etag, size = response.headers["ETag"], len(response.data)
        assert response.headers["Last-Modified"]
    with library_client.get(f"/downloads/{NAME}", headers={"If-None-Match": etag}) as again:
        assert again.status_code == 304
    with library_client.get(f"/downloads/{NAME}", headers={"Range": "bytes=0-99"}) as part:
        assert part.status_code == 206 and len(part.data) == 100
        assert part.headers["Content-Range"] == f"bytes 0-99/{size}"


@pytest.mark.parametrize("name", [
    "upskill-student-handbook-m01-en-r0.8.pdf",   # not the current revision
    "upskill-student-handbook-m77-en-r0.9.pdf",   # no such module
    "upskill-programme-m01-en-r0.9.pdf",          # the programme is one book
    "upskill-cookbook-en-r0.9.pdf",
    "upskill-student-handbook-de-r0.9.pdf",
    "..%2f..%2fsetup.cfg",
    "upskill-student-handbook-en-r0.9.pdf.exe",
])
def test_unknown_books_are_a_404_and_start_nothing(library_client, name, monkeypatch):
    monkeypatch.setattr(jobs, "request_build", lambda *args: pytest.fail("started a build"))
    assert library_client.get(f"/downloads/{name}").status_code == 404
    assert library_client.get(f"/downloads/{name}/status").status_code == 404


def test_twenty_simultaneous_requests_start_one_build(synced_app, tmp_path, monkeypatch):
    synced_app.config["BOOKS_DIR"] = str(tmp_path / "books")
    started = []
    monkeypatch.setattr(jobs, "_local", jobs.LocalBuilds())
    monkeypatch.setattr(jobs.LocalBuilds, "_start", lambda self, spec, config: started.append(spec) or Future())
    assert get_at_once(synced_app, f"/downloads/{NAME}", 20) == [202] * 20
    assert len(started) == 1


def test_a_failed_build_says_why_and_leaves_no_file(synced_app, tmp_path):
    synced_app.config["BOOKS_DIR"] = str(tmp_path / "books")
    synced_app.config["CURRICULUM_DIR"] = str(tmp_path / "no-figures-here")  # the fetcher finds no figure
    client = synced_app.test_client()
    assert client.get(f"/downloads/{NAME}").status_code == 202
    answer = wait_until_ready(client, NAME)
    assert answer["state"] == "failed" and "RefusedResource" in answer["message"]
    assert [p for p in (tmp_path / "books").rglob("*") if p.is_file()] == []


def test_downloads_are_counted_anonymously_and_coordinators_see_the_counts(library_client, synced_app):
    from sqlalchemy import inspect, select

    from upskill.demo import load_demo
    from upskill.extensions import db
    from upskill.models import User

    library_client.get(f"/downloads/{NAME}")
    wait_until_ready(library_client, NAME)
    with library_client.get(f"/downloads/{NAME}") as first:
        etag = first.headers["ETag"]
    library_client.get(f"/downloads/{NAME}").close()
    library_client.get(f"/downloads/{NAME}", headers={"If-None-Match": etag}).close()  # a revalidation
    library_client.get(f"/downloads/{NAME}", headers={"Range": "bytes=100-199"}).close()  # the rest of a download
    with synced_app.app_context():
        columns = {c["name"] for c in inspect(db.engine).get_columns("book_download")}
        load_demo()
        db.session.commit()
        ids = {user.email.split("@")[0]: user.id for user in db.session.scalars(select(User))}
    assert columns == {"id", "file_name", "day", "count"}  # no address, no account, no time of day
    assert library_client.get("/downloads/counts").status_code == 401
    for role, status in (("student", 403), ("teacher", 403), ("coordinator", 200)):
        client = synced_app.test_client()
        with client.session_transaction() as session:
            session["_user_id"] = str(ids[role])
        response = client.get("/downloads/counts")
        assert response.status_code == status, role
    html = response.get_data(as_text=True)
    assert f'<th scope="row">{NAME}</th><td class="num">2</td>' in html


def test_everything_in_one_language_comes_as_one_archive_once_the_books_are_built(library_client, monkeypatch):
    import io
    import zipfile

    archive = "upskill-all-en-r0.9.zip"
    assert f'href="/downloads/{archive[:-4]}.zip"' in library_client.get("/downloads/").get_data(as_text=True)
    first = library_client.get(f"/downloads/{archive}")
    assert first.status_code == 202
    deadline = time.monotonic() + 180
    while library_client.get(f"/downloads/{archive}/status").get_json()["state"] != "ready":
        assert time.monotonic() < deadline, "the three books were not built"
        time.sleep(1)
    with library_client.get(f"/downloads/{archive}") as response:
        assert response.status_code == 200 and response.mimetype == "application/zip"
        names = sorted(zipfile.ZipFile(io.BytesIO(response.data)).namelist())
    assert names == ["upskill-programme-en-r0.9.pdf", "upskill-student-handbook-en-r0.9.pdf",
                     "upskill-teachers-book-en-r0.9.pdf"]
    assert library_client.get("/downloads/upskill-all-en-r0.8.zip").status_code == 404
    assert library_client.get("/downloads/upskill-all-xx-r0.9.zip").status_code == 404
    assert library_client.get("/downloads/upskill-all-en-r0.8.zip/status").status_code == 404


def test_the_build_page_marks_an_untranslated_module_title_as_english(library_client, monkeypatch):
    monkeypatch.setattr(jobs, "request_build", lambda key, spec: True)
    html = library_client.get("/downloads/upskill-student-handbook-m01-fr-r0.9.pdf?lang=fr").get_data(as_text=True)
    assert '· M01 <span lang="en">First steps at the machine</span>' in html
    html = library_client.get("/downloads/upskill-student-handbook-m01-lt-r0.9.pdf?lang=lt").get_data(as_text=True)
    assert "· M01 <span>Pirmieji žingsniai prie mašinos</span>" in html

"""With UPSKILL_STORAGE=s3, evidence and books live in the bucket and nowhere else, and users notice no difference."""
import io
import zipfile

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.accounts import csrf_token
from tests.conftest import FIXTURE_CURRICULUM
from tests.work import hand_in, photo_with_location, set_up_school
from upskill import jobs, storage
from upskill.curriculum.sync import sync_curriculum
from upskill.export.books import BookSpec
from upskill.export.library import find_or_build
from upskill.extensions import db
from upskill.models import EvidenceFile

BOOK = "upskill-student-handbook-m01-en-r0.9.pdf"


@pytest.fixture
def s3_app(app_factory, s3_bucket, tmp_path):
    """The synced app with its storage in the test bucket; its local folders point where nothing may appear."""
    app = app_factory(**s3_bucket.settings, UPLOADS_DIR=str(tmp_path / "uploads"), BOOKS_DIR=str(tmp_path / "books"))
    with app.app_context():
        sync_curriculum(FIXTURE_CURRICULUM)
        db.session.commit()
    app.bucket = s3_bucket
    return app


def test_a_hand_in_photo_is_kept_in_the_bucket_seen_by_the_teacher_and_erased_with_the_student(s3_app, tmp_path):
    school = set_up_school(s3_app)
    response, _values = hand_in(school.student, photo_with_location())
    assert response.status_code == 303
    with s3_app.app_context():
        evidence = db.session.scalar(select(EvidenceFile))
        kept = storage.evidence().read(f"{evidence.sha256[:2]}/{evidence.sha256}")
    assert s3_app.bucket.keys() == [f"site/uploads/{evidence.sha256[:2]}/{evidence.sha256}"]
    assert not (tmp_path / "uploads").exists()
    assert b"Canon" not in kept and kept.startswith(b"\xff\xd8")

    seen = school.teacher.get(f"/learn/files/{evidence.id}/hopper.jpg")
    assert seen.status_code == 200 and seen.data == kept and seen.mimetype == "image/jpeg"
    assert seen.headers["Cache-Control"] == "private, no-store" and "sandbox" in seen.headers["Content-Security-Policy"]
    assert s3_app.test_client().get(f"/learn/files/{evidence.id}/hopper.jpg").status_code in (302, 401, 404)

    archive = school.student.get("/learn/my-data.zip")
    with zipfile.ZipFile(io.BytesIO(archive.data)) as packed:
        photo = next(name for name in packed.namelist() if name.endswith("hopper.jpg"))
        assert packed.read(photo) == kept

    erased = school.student.post("/learn/my-data/erase", data={
        "csrf_token": csrf_token(school.student, "/learn/my-data"), "confirm": "yes", "password": "a long enough secret"})
    assert erased.status_code == 303 and s3_app.bucket.keys() == []
    assert school.teacher.get(f"/learn/files/{evidence.id}/hopper.jpg").status_code == 404


def test_a_stored_file_gone_from_the_bucket_is_a_404_not_an_error(s3_app):
    school = set_up_school(s3_app)
    hand_in(school.student, photo_with_location())
    with s3_app.app_context():
        evidence = db.session.scalar(select(EvidenceFile))
    for key in s3_app.bucket.keys():
        s3_app.bucket.client.delete_object(Bucket=s3_app.bucket.name, Key=key)
    assert school.teacher.get(f"/learn/files/{evidence.id}/hopper.jpg").status_code == 404


def test_a_book_is_built_into_the_bucket_and_served_from_it(s3_app, tmp_path):
    client = s3_app.test_client()
    with s3_app.app_context():
        book = find_or_build(BookSpec("student-handbook", "en", "M01"))
    keys = s3_app.bucket.keys()
    assert f"site/books/{book.name}" in keys and f"site/books/{book.content_hash[:32]}/book.json" in keys
    assert not (tmp_path / "books").exists()

    listed = client.get("/downloads/").get_data(as_text=True)
    assert f'href="/downloads/{BOOK}"' in listed
    with client.get(f"/downloads/{BOOK}") as whole:
        assert whole.status_code == 200 and whole.mimetype == "application/pdf"
        assert whole.headers["ETag"] == f'"{book.content_hash[:32]}"' and whole.headers["Accept-Ranges"] == "bytes"
        pdf = whole.data
    assert len(pdf) == book.size and "Fill the hopper safely" in "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    with client.get(f"/downloads/{BOOK}", headers={"Range": "bytes=100-199"}) as part:
        assert part.status_code == 206 and part.data == pdf[100:200]
    with client.get(f"/downloads/{BOOK}", headers={"If-None-Match": whole.headers["ETag"]}) as again:
        assert again.status_code == 304


def test_a_build_process_of_its_own_writes_into_the_same_bucket(s3_app):
    """What a background build (a spawned process, or an RQ worker) is given reaches the bucket too."""
    config = {name: s3_app.config.get(name) for name in jobs.WORKER_SETTINGS}
    name = jobs.run_in_fresh_process(jobs.build_book, "programme", "en", None, config)
    assert name == "upskill-programme-en-r0.9.pdf"
    assert any(key.endswith("/" + name) for key in s3_app.bucket.keys())
    with s3_app.test_client().get(f"/downloads/{name}") as served:
        assert served.status_code == 200 and served.data.startswith(b"%PDF-")


def test_s3_storage_without_a_bucket_stops_the_app_at_start(app_factory):
    with pytest.raises(RuntimeError, match="UPSKILL_S3_BUCKET"):
        app_factory(STORAGE="s3")
    with pytest.raises(RuntimeError, match="'local' or 's3'"):
        app_factory(STORAGE="ftp")

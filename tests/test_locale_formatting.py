"""Dates, times, numbers, sizes and percentages are written the reader's way: 2026-09-01 and 1 410 in Lithuanian."""
import re
from datetime import date

import pytest
from babel.dates import format_date, format_datetime
from flask_babel import force_locale
from pypdf import PdfReader
from sqlalchemy import select

from tests.accounts import log_in, make_user
from tests.test_task_work import hand_in
from tests.work import photo_with_location, set_up_school
from upskill import display
from upskill.export.books import BookSpec
from upskill.export.library import find_or_build
from upskill.curriculum.sync import sync_curriculum
from upskill.extensions import db
from upskill.models import Attempt, BookDownload, LessonRead

NBSP, NARROW_NBSP = "\u00a0", "\u202f"


@pytest.fixture
def school(synced_app):
    return set_up_school(synced_app)


def text_of(response):
    assert response.status_code == 200
    return response.get_data(as_text=True)


@pytest.mark.parametrize("lang, period", [
    ("en", "Sep 1, 2026 – Jun 30, 2027"),
    ("lt", "2026-09-01 – 2027-06-30"),
    ("fr", "1 sept. 2026 – 30 juin 2027"),
])
def test_class_periods_are_dated_the_reader_way(school, lang, period):
    assert period in text_of(school.teacher.get(f"/teach/?lang={lang}"))
    assert period in text_of(school.teacher.get(f"/teach/classes/{school.class_id}/?lang={lang}"))


@pytest.mark.parametrize("lang", ["lt", "fr"])
def test_hand_in_times_are_written_the_reader_way(school, lang):
    hand_in(school.student, photo_with_location())
    with school.app.app_context():
        attempt = db.session.scalar(select(Attempt))
        shown = format_datetime(attempt.submitted_at, "medium", locale=lang)
    assert shown != format_datetime(attempt.submitted_at, "medium", locale="en")
    assert shown in text_of(school.teacher.get(f"/teach/review?lang={lang}"))
    assert shown in text_of(school.teacher.get(f"/teach/attempts/{attempt.id}/?lang={lang}"))
    assert shown in text_of(school.student.get(f"/learn/M01/T1/?lang={lang}"))


def test_audit_log_times_are_written_the_reader_way(synced_app):
    make_user(synced_app, "root@example.org", "admin")
    client = synced_app.test_client()
    log_in(client, "root@example.org")
    html = text_of(client.get("/admin/audit/?lang=lt"))
    assert re.search(r'data-label="Kada">\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}</td>', html)


@pytest.mark.parametrize("lang, shown", [("en", ">50%<"), ("lt", f">50{NBSP}%<"), ("fr", f">50{NBSP}%<")])
def test_progress_percentages_are_written_the_reader_way(school, lang, shown):
    with school.app.app_context():
        for code in ("M01.L1", "M01.L2"):
            db.session.add(LessonRead(student_id=school.student_id, item_code=code))
        db.session.commit()
    html = text_of(school.student.get(f"/learn/?lang={lang}"))
    assert shown in html.replace("</span>", "<").replace('<span class="progress-value">', ">")


@pytest.mark.parametrize("lang, shown", [("en", "1,410"), ("lt", f"1{NBSP}410"), ("fr", f"1{NARROW_NBSP}410")])
def test_download_counts_are_grouped_the_reader_way(synced_app, lang, shown):
    make_user(synced_app, "coord@example.org", "coordinator")
    with synced_app.app_context():
        db.session.add(BookDownload(file_name="upskill-programme-lt-r0.9.pdf", day=date(2026, 11, 2), count=1410))
        db.session.commit()
    client = synced_app.test_client()
    log_in(client, "coord@example.org")
    assert f'<td class="num">{shown}</td>' in text_of(client.get(f"/downloads/counts?lang={lang}"))


@pytest.mark.parametrize("lang, shown", [("en", "2.3 MB"), ("lt", "2,3 MB"), ("fi", "2,3 Mt"), ("fr", "2,3 Mo")])
def test_file_sizes_are_written_the_reader_way(synced_app, lang, shown):
    with synced_app.test_request_context(), force_locale(lang):
        assert display.megabytes(2_345_678) == shown


@pytest.mark.parametrize("lang", ["lt", "fr"])
def test_a_built_book_is_listed_and_dated_the_reader_way(synced_app, tmp_path, lang):
    synced_app.config["BOOKS_DIR"] = str(tmp_path / "books")
    with synced_app.app_context():
        book = find_or_build(BookSpec("programme", lang))
    cover = PdfReader(tmp_path / "books" / book.name).pages[0].extract_text()
    assert " ".join(format_date(date.today(), "long", locale=lang).split()) in " ".join(cover.split())
    html = text_of(synced_app.test_client().get(f"/downloads/?lang={lang}"))
    size = re.search(r'data-label="[^"]+">(\d+,\d) (MB|Mo)</td>', html)
    assert size, "the size of the built book is written with a decimal comma"
    assert format_date(date.today(), "medium", locale=lang) in html


@pytest.mark.parametrize("lang, shown", [
    ("en", "1,410 hours"), ("lt", f"1{NBSP}410 val."), ("fr", f"1{NARROW_NBSP}410 h"),
])
def test_hours_of_a_module_are_grouped_the_reader_way(app, curriculum_copy, lang, shown):
    module = curriculum_copy / "modules" / "01-first-steps" / "module.yaml"
    hours = "{theory: 10, school_practice: 400, work_based: 1000}"  # 1 410 in all
    module.write_text(module.read_text().replace("{theory: 10, school_practice: 12, work_based: 20}", hours))
    with app.app_context():
        sync_curriculum(curriculum_copy)
        db.session.commit()
    assert shown in text_of(app.test_client().get(f"/?lang={lang}"))

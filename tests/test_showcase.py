"""The pilot showcase: consent, the teacher's choice, who sees what, photos, comments and their moderation, slides."""
import io
import json
import re
import zipfile

import pytest
from sqlalchemy import func, select

from tests.accounts import PASSWORD, csrf_token
from tests.showcase import (
    GALLERY, comment, consent, home_school_id, item_ids, join_pilot, moderate, other_school, photo_links, show,
    second_item, showcase_school, status_of,
)
from tests.test_task_work import TASK
from upskill.extensions import db
from upskill.models import AuditEvent, CommentState, ShowcaseComment, ShowcaseConsent, ShowcaseItem


@pytest.fixture
def pilot(synced_app):
    """The test school and Tredu in a pilot, ISPA not; the test school's student's task accepted."""
    school, attempt = showcase_school(synced_app)
    tredu = other_school(synced_app, "FI-TRE", "Tredu")
    ispa = other_school(synced_app, "FR-ISPA", "ISPA", country="FR")
    join_pilot(synced_app, home_school_id(synced_app), tredu.school_id)
    return school, attempt, tredu, ispa


def shown(pilot, public=False):
    """The student consents and the teacher shows the work; return the item's id."""
    school, attempt, _tredu, _ispa = pilot
    assert consent(school.student, attempt, public=public).status_code == 303
    assert show(school.teacher, attempt, public=public).status_code == 303
    with school.app.app_context():
        return db.session.scalar(select(ShowcaseItem.id))


def rows(app, model):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def test_the_teacher_cannot_show_work_without_the_students_consent(pilot):
    school, attempt, _tredu, _ispa = pilot
    page = school.teacher.get(f"/teach/attempts/{attempt}/").get_data(as_text=True)
    assert "has not agreed to show this work" in page and "Put in the pilot showcase" not in page
    refused = show(school.teacher, attempt)
    assert refused.status_code == 409 and rows(school.app, ShowcaseItem) == 0
    consent(school.student, attempt)
    page = school.teacher.get(f"/teach/attempts/{attempt}/").get_data(as_text=True)
    assert "Put in the pilot showcase" in page
    assert show(school.teacher, attempt).status_code == 303 and rows(school.app, ShowcaseItem) == 1
    with school.app.app_context():
        actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"showcase-consent-given", "showcase-item-added"} <= actions


def test_the_student_sees_the_consent_form_on_accepted_work_only(pilot):
    school, _attempt, _tredu, _ispa = pilot
    html = school.student.get(TASK).get_data(as_text=True)
    assert "Show this work in the pilot showcase?" in html and 'maxlength="40"' in html


def test_a_student_of_another_pilot_school_sees_the_item_and_its_photos(pilot):
    _school, _attempt, tredu, _ispa = pilot
    item = shown(pilot)
    html = tredu.student.get(GALLERY).get_data(as_text=True)
    assert item_ids(html) == [item]
    assert "Ieva" in html and "Kazlauskaitė" not in html and "ieva@example.org" not in html
    assert "Visaginas Vocational School" in html
    photos = photo_links(html)
    assert photos and status_of(tredu.student, photos[0]) == 200
    assert tredu.teacher.get(GALLERY).get_data(as_text=True).count('id="item-') == 1


def test_a_pseudonym_is_shown_instead_of_the_first_name(pilot):
    school, attempt, tredu, _ispa = pilot
    shown(pilot)
    consent(school.student, attempt, shown_name="pseudonym", pseudonym="  Mould Master ")
    html = tredu.student.get(GALLERY).get_data(as_text=True)
    assert "Mould Master" in html and "Ieva" not in html


def test_a_student_of_a_school_outside_the_pilot_does_not_see_the_item(pilot):
    _school, _attempt, _tredu, ispa = pilot
    shown(pilot)
    html = ispa.student.get(GALLERY).get_data(as_text=True)
    assert item_ids(html) == [] and "Nothing is shown in the showcase yet." in html


def test_withdrawing_consent_hides_the_item_and_its_photos_at_once(pilot):
    school, attempt, tredu, _ispa = pilot
    item = shown(pilot)
    photos = photo_links(tredu.student.get(GALLERY).get_data(as_text=True))
    assert consent(school.student, attempt, show="no").status_code == 303
    assert item_ids(tredu.student.get(GALLERY).get_data(as_text=True)) == []
    assert status_of(tredu.student, photos[0]) == 404
    assert tredu.student.get("/pilot/showcase/tasks/M01.T1/present").status_code == 404
    with school.app.app_context():
        assert db.session.scalar(select(ShowcaseConsent.withdrawn_at)) is not None
        assert db.session.get(ShowcaseItem, item).removed_at is None  # consent given again shows it again


def test_the_teacher_removes_an_item_from_the_showcase(pilot):
    school, attempt, tredu, _ispa = pilot
    shown(pilot)
    photos = photo_links(tredu.student.get(GALLERY).get_data(as_text=True))
    token = csrf_token(school.teacher, "/account/")
    removed = school.teacher.post(f"/pilot/showcase/attempts/{attempt}/remove", data={"csrf_token": token})
    assert removed.status_code == 303
    # the work's page it returns to says so (it once said nothing, and a later page did)
    assert "The work is no longer in the pilot showcase." in school.teacher.get(removed.location).get_data(as_text=True)
    assert item_ids(tredu.student.get(GALLERY).get_data(as_text=True)) == []
    assert status_of(tredu.student, photos[0]) == 404


def test_a_teacher_of_another_school_cannot_show_the_work(pilot):
    school, attempt, tredu, _ispa = pilot
    consent(school.student, attempt)
    assert show(tredu.teacher, attempt).status_code == 404
    assert rows(school.app, ShowcaseItem) == 0


def test_a_school_outside_the_pilot_cannot_show_work(synced_app):
    school, attempt = showcase_school(synced_app)
    consent(school.student, attempt)
    refused = show(school.teacher, attempt)
    assert refused.status_code == 409 and "taking part in a pilot period" in refused.get_data(as_text=True)
    assert rows(synced_app, ShowcaseItem) == 0


def test_anonymous_visitors_see_only_work_both_made_public(pilot):
    school, attempt, _tredu, _ispa = pilot
    anonymous = school.app.test_client()
    shown(pilot, public=False)
    teacher_only = show(school.teacher, attempt, public=True)
    assert teacher_only.status_code == 303
    assert item_ids(anonymous.get(GALLERY).get_data(as_text=True)) == []
    with school.app.app_context():
        photo = db.session.scalar(select(ShowcaseItem)).attempt.files[0]
        path = f"/pilot/showcase/photos/{photo.id}/{photo.original_name}"
    assert status_of(anonymous, path) == 404
    consent(school.student, attempt, public=True)
    html = anonymous.get(GALLERY).get_data(as_text=True)
    assert len(item_ids(html)) == 1 and status_of(anonymous, path) == 200


def test_anonymous_visitors_do_not_see_who_wrote_a_comment(pilot):
    school, _attempt, tredu, _ispa = pilot
    item = shown(pilot, public=True)
    comment(tredu.student, item, "Very clean mould change!")
    with school.app.app_context():
        comment_id = db.session.scalar(select(ShowcaseComment.id))
    moderate(tredu.teacher, comment_id, "approve")
    signed_in = tredu.student.get(GALLERY).get_data(as_text=True)
    anonymous = school.app.test_client().get(GALLERY).get_data(as_text=True)
    assert "Very clean mould change!" in anonymous and "Aino" in signed_in and "Aino" not in anonymous


def test_a_student_cannot_comment_on_work_of_their_own_school(pilot):
    school, _attempt, _tredu, _ispa = pilot
    item = shown(pilot)
    refused = comment(school.student, item, "Well done, classmate")
    assert refused.status_code == 409 and rows(school.app, ShowcaseComment) == 0


def test_a_comment_waits_until_the_authors_teacher_approves_it(pilot):
    school, _attempt, tredu, _ispa = pilot
    item = shown(pilot)
    assert comment(tredu.student, item, "How long did the purge take?").status_code == 303
    assert "How long did the purge take?" not in tredu.student.get(GALLERY).get_data(as_text=True)
    waiting = tredu.teacher.get("/pilot/showcase/moderation").get_data(as_text=True)
    assert "How long did the purge take?" in waiting
    assert "How long did the purge take?" not in school.teacher.get("/pilot/showcase/moderation").get_data(as_text=True)
    with school.app.app_context():
        comment_id = db.session.scalar(select(ShowcaseComment.id))
    assert moderate(school.teacher, comment_id, "approve").status_code == 404  # the item's teacher may only hide
    assert moderate(tredu.teacher, comment_id, "approve").status_code == 303
    assert "How long did the purge take?" in school.student.get(GALLERY).get_data(as_text=True)
    assert moderate(school.teacher, comment_id, "reject").status_code == 303  # hidden by the item's school
    assert "How long did the purge take?" not in school.student.get(GALLERY).get_data(as_text=True)


def test_a_teacher_of_a_third_school_cannot_moderate(pilot):
    _school, _attempt, tredu, ispa = pilot
    item = shown(pilot)
    comment(tredu.student, item, "Nice")
    with tredu.teacher.application.app_context():
        comment_id = db.session.scalar(select(ShowcaseComment.id))
    assert moderate(ispa.teacher, comment_id, "reject").status_code == 404
    with tredu.teacher.application.app_context():
        assert db.session.get(ShowcaseComment, comment_id).state == CommentState.waiting


def test_a_comment_sent_twice_is_stored_once(pilot):
    _school, _attempt, tredu, _ispa = pilot
    item = shown(pilot)
    assert comment(tredu.student, item, "Great", key="same-key-" + "x" * 20).status_code == 303
    assert comment(tredu.student, item, "Great", key="same-key-" + "x" * 20).status_code == 303
    assert rows(tredu.student.application, ShowcaseComment) == 1


@pytest.mark.parametrize("text", ["", "   ", "x" * 1001, "bad\x00text", "bell\x07"])
def test_a_bad_comment_is_refused_and_changes_nothing(pilot, text):
    _school, _attempt, tredu, _ispa = pilot
    item = shown(pilot)
    assert comment(tredu.student, item, text).status_code == 400
    assert rows(tredu.student.application, ShowcaseComment) == 0


@pytest.mark.parametrize("pseudonym", ["", "   ", "p" * 41, "Mo\x1bld", "zero\u200bwidth"])
def test_a_bad_pseudonym_is_refused_and_changes_nothing(pilot, pseudonym):
    school, attempt, _tredu, _ispa = pilot
    assert consent(school.student, attempt, shown_name="pseudonym", pseudonym=pseudonym).status_code == 400
    assert rows(school.app, ShowcaseConsent) == 0


def test_consent_on_another_students_work_is_not_found(pilot):
    school, attempt, tredu, _ispa = pilot
    assert consent(tredu.student, attempt, token=csrf_token(tredu.student, "/account/")).status_code == 404
    assert rows(school.app, ShowcaseConsent) == 0


def test_the_presentation_shows_one_slide_at_a_time_and_bounds_the_slide_number(pilot):
    _school, _attempt, tredu, _ispa = pilot
    shown(pilot)
    html = tredu.student.get("/pilot/showcase/tasks/M01.T1/present").get_data(as_text=True)
    assert "Slide 1 of 1" in html and 'aria-live="polite"' in html and "presentation.js" in html
    assert len(re.findall(r'<section class="slide" id="slide-\d+"[^>]*>', html)) == 1
    for given in ("0", "99999", "x", "-1", "1" * 50):
        response = tredu.student.get(f"/pilot/showcase/tasks/M01.T1/present?slide={given}")
        assert response.status_code == 200 and "Slide 1 of 1" in response.get_data(as_text=True)
    assert tredu.student.get("/pilot/showcase/tasks/M99.T9/present").status_code == 404


def test_the_presentation_links_the_previous_and_next_slides(pilot):
    school, _attempt, tredu, _ispa = pilot
    shown(pilot)
    second_item(school.app)
    html = tredu.student.get("/pilot/showcase/tasks/M01.T1/present?slide=2").get_data(as_text=True)
    assert "Slide 2 of 2" in html and "slide=1" in html and 'id="slide-1"' in html


def test_my_data_lists_consents_and_comments_and_erasure_removes_them(pilot):
    school, _attempt, tredu, _ispa = pilot
    item = shown(pilot)
    comment(tredu.student, item, "Neat")
    archive = zipfile.ZipFile(io.BytesIO(school.student.get("/learn/my-data.zip").data))
    data = json.loads(archive.read("my-data.json"))
    assert data["showcase"]["consents"][0]["task"] == "M01.T1"
    commented = zipfile.ZipFile(io.BytesIO(tredu.student.get("/learn/my-data.zip").data))
    commented = json.loads(commented.read("my-data.json"))
    assert commented["showcase"]["comments"][0]["text"] == "Neat"
    erased = school.student.post("/learn/my-data/erase", data={
        "csrf_token": csrf_token(school.student, "/learn/my-data"), "confirm": "yes", "password": PASSWORD})
    assert erased.status_code == 303
    app = school.app
    assert rows(app, ShowcaseItem) == rows(app, ShowcaseConsent) == rows(app, ShowcaseComment) == 0

"""A small school for tests of students' work: a class on M01 with a teacher, a student and a trainer."""
import io
import re
from dataclasses import dataclass

from PIL import Image
from sqlalchemy import select

from tests.accounts import log_in, make_user
from tests.classes import make_class, make_school
from tests.conftest import FIXTURE_CURRICULUM
from upskill.curriculum.sync import sync_curriculum
from upskill.extensions import db
from upskill.models import CurriculumItem, Enrolment, Placement, User

TASK = "/learn/M01/T1/"  # the fixture curriculum's practical task


@dataclass
class School:
    app: object
    class_id: int
    teacher: object
    student: object
    student_id: int
    trainer_id: int
    company_id: int


def photo_with_location(size=(64, 48)):
    """A JPEG that says where and with which camera it was taken."""
    image = Image.new("RGB", size, (200, 10, 10))
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Canon", "EOS 80D"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (54.0, 41.0, 12.0), "E", (25.0, 17.0, 3.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def set_up_school(app):
    school = make_school(app)
    company = make_school(app, code="CO-1", name="Baltic Moulding UAB", kind="company")
    teacher_id = make_user(app, "teacher@example.org", "teacher")
    student_id = make_user(app, "ieva@example.org", "student", name="Ieva Kazlauskaitė")
    trainer_id = make_user(app, "trainer@example.org", "company_trainer", name="Rimas Trainer")
    class_id = make_class(app, school, [teacher_id])
    with app.app_context():
        db.session.get(User, teacher_id).school_id = school
        db.session.get(User, trainer_id).school_id = company
        db.session.add(Enrolment(class_id=class_id, student_id=student_id))
        db.session.add(Placement(student_id=student_id, company_id=company, trainer_id=trainer_id))
        db.session.commit()
    teacher, student = app.test_client(), app.test_client()
    log_in(teacher, "teacher@example.org")
    log_in(student, "ieva@example.org")
    return School(app, class_id, teacher, student, student_id, trainer_id, company)


def make_company_task(app, code="M01.T1"):
    with app.app_context():
        item = db.session.scalar(select(CurriculumItem).where(CurriculumItem.code == code))
        item.facts = {**item.facts, "setting": "company"}
        db.session.commit()


def app_with_own_uploads(app_factory, folder):
    """An app on the fixture curriculum whose evidence files go to a folder of this test only."""
    app = app_factory(UPLOADS_DIR=str(folder))
    with app.app_context():
        sync_curriculum(FIXTURE_CURRICULUM)
        db.session.commit()
    return app


def hand_in_with_photo(school):
    """Hand in the fixture task with a photo through the site, as the student; return its submission key."""
    response, values = hand_in(school.student, photo=photo_with_location())
    assert response.status_code == 303
    return values["submission_key"]


def form_values(html):
    """The hidden fields of the task page's hand-in form."""
    return {"csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', html).group(1),
            "submission_key": re.search(r'name="submission_key" value="([^"]+)"', html).group(1),
            "revision": re.search(r'name="revision" value="(\d+)"', html).group(1)}


def hand_in(client, photo=None, **fields):
    """Hand in the task with its steps ticked, a measurement and (if given) a photo; return (response, form values)."""
    values = form_values(client.get(TASK).get_data(as_text=True))
    data = {**values, "step": ["0", "1", "2"], "m-1": "12.5 kg", **fields}
    if photo is not None:
        data["f-0"] = (io.BytesIO(photo), "hopper.jpg")
    return client.post(TASK + "hand-in", data=data, content_type="multipart/form-data"), values

"""What a signed-in reader sees of their own work on a curriculum page, around the shared fragment.

A student opening a lesson marks it read; on a task they see its state and the way to their
work. A teacher on the Teacher's Book page of an item sees how their classes stand on it.
Teachers and company trainers get the way to suggest a correction of the item; on the Teacher's
Book page, coordinators see how many suggestions about it are open, the others their own ones.
None of this is in the shared, cached part of the page.
"""
from flask import url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from upskill.extensions import db
from upskill.learning import stamps
from upskill.models import Enrolment, LessonRead, SchoolClass, TaskWork, class_teacher
from upskill.pilot.item_summary import suggestions_panel


def personal_panel(view, code):
    """What the signed-in reader sees around the page of item code, or None."""
    panel = _own_work(view, code) or {}
    if current_user.has_role("teacher", "company_trainer"):
        panel["suggest"] = url_for("pilot.new_suggestion", item=code)
    if view == "teacher" and current_user.has_role("teacher", "company_trainer", "coordinator", "admin"):
        panel["suggestions"] = suggestions_panel(current_user, code)
    return {key: value for key, value in panel.items() if value is not None} or None


def _own_work(view, code):
    kind = code.rsplit(".", 1)[-1][:1]
    if view == "student" and current_user.has_role("student"):
        if kind == "L":
            note_read(current_user.id, code)
            return {"kind": "read"}
        if kind == "T":
            work = db.session.scalar(select(TaskWork.state).where(TaskWork.student_id == current_user.id,
                                                                  TaskWork.item_code == code))
            module, item = code.split(".")
            return {"kind": "task", "state": work or "not-started",
                    "url": url_for("learning.task", module=module, item=item)}
    if view == "teacher" and current_user.has_role("teacher") and kind in ("L", "T"):
        return _class_summary(code, kind)
    return None


def note_read(student_id, code):
    """Record that the student read the lesson (once)."""
    if db.session.scalar(select(LessonRead.id).where(LessonRead.student_id == student_id, LessonRead.item_code == code)):
        return
    try:
        with db.session.begin_nested():
            db.session.add(LessonRead(student_id=student_id, item_code=code))
        stamps.touch(student_id)
        db.session.commit()
    except IntegrityError:  # read in two tabs at once
        db.session.rollback()


def _class_summary(code, kind):
    """Per class of the teacher that follows the module: how many students read the lesson or have the task accepted."""
    module = code.split(".")[0]
    classes = [c for c in db.session.scalars(
        select(SchoolClass).join(class_teacher).where(class_teacher.c.user_id == current_user.id)) if module in c.modules]
    if not classes:
        return None
    ids = [c.id for c in classes]
    sizes = dict(db.session.execute(select(Enrolment.class_id, func.count()).where(Enrolment.class_id.in_(ids))
                                    .group_by(Enrolment.class_id)).all())
    if kind == "L":
        done = select(Enrolment.class_id, func.count()).join(
            LessonRead, (LessonRead.student_id == Enrolment.student_id) & (LessonRead.item_code == code))
    else:
        done = select(Enrolment.class_id, func.count()).join(
            TaskWork, (TaskWork.student_id == Enrolment.student_id) & (TaskWork.item_code == code)
            & (TaskWork.state == "accepted"))
    counts = dict(db.session.execute(done.where(Enrolment.class_id.in_(ids)).group_by(Enrolment.class_id)).all())
    rows = []
    for c in classes:
        total, count = sizes.get(c.id, 0), counts.get(c.id, 0)
        summary = (_("%(done)d of %(all)d students have read it", done=count, all=total) if kind == "L"
                   else _("%(done)d of %(all)d students have it accepted", done=count, all=total))
        rows.append({"name": c.name, "summary": summary, "url": url_for("teaching.class_page", class_id=c.id)})
    return {"kind": "class", "rows": rows}

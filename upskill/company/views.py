"""A company trainer sees only the students placed with them and only their company tasks."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from upskill.access import roles_required
from upskill.company import bp
from upskill.extensions import db
from upskill.learning.reach import trains
from upskill.learning.tasks import is_company_code, task_page
from upskill.learning.work import WorkRefused, confirm_company_part
from upskill.models import Attempt, CurriculumItem, ItemKind, Placement, TaskWork
from upskill.pilot.survey_scope import trained_periods

NOTE_MAX = 2000


def _company_task_codes():
    rows = db.session.execute(select(CurriculumItem.code, CurriculumItem.facts)
                              .where(CurriculumItem.kind == ItemKind.task, CurriculumItem.retired_at.is_(None))).all()
    return [code for code, facts in rows if (facts or {}).get("setting") == "company"]


@bp.get("/")
@roles_required("company_trainer")
def home():
    placements = db.session.scalars(select(Placement).where(Placement.trainer_id == current_user.id)
                                    .options(selectinload(Placement.student), selectinload(Placement.company))).all()
    student_ids = [p.student_id for p in placements]
    codes = _company_task_codes()
    works = db.session.scalars(
        select(TaskWork).where(TaskWork.student_id.in_(student_ids), TaskWork.item_code.in_(codes))
        .options(selectinload(TaskWork.attempts), selectinload(TaskWork.student))).all() if student_ids and codes else []
    return render_template("company/home.html", placements=placements, works=works,
                           survey_periods=trained_periods(current_user.id))


@bp.route("/attempts/<int:attempt_id>/", methods=["GET", "POST"])
@roles_required("company_trainer")
def confirm(attempt_id):
    attempt = db.session.get(Attempt, attempt_id)
    if attempt is None or not is_company_code(attempt.work.item_code) or not trains(current_user.id, attempt.work.student_id):
        abort(404)
    module, item = attempt.work.item_code.split(".")
    page = task_page(module, item)
    if request.method == "POST":
        note = request.form.get("note", "").replace("\x00", "")
        if len(note) > NOTE_MAX:
            return _page(attempt, page, _("The note is longer than %(count)d characters.", count=NOTE_MAX), 400)
        try:
            confirm_company_part(attempt, current_user, note)
        except WorkRefused as refused:
            db.session.rollback()
            return _page(attempt, page, str(refused), 409)
        db.session.commit()
        flash(_("Confirmed: the teacher can now assess %(name)s's work.", name=attempt.work.student.name))
        return redirect(url_for("company.home"), code=303)
    return _page(attempt, page)


def _page(attempt, page, problem=None, status=200):
    return render_template("company/confirm.html", attempt=attempt, work=attempt.work, page=page,
                           task=page.student.content, problem=problem), status

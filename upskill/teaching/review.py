"""Assessing students' work: the review queue and the rubric form."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from upskill.access import roles_required
from upskill.extensions import db
from upskill.learning.reach import teaches
from upskill.learning.tasks import is_company_task, rubric_of, task_page
from upskill.learning.work import AlreadyAssessed, WorkRefused, assess
from upskill.models import Attempt, Enrolment, SchoolClass, TaskWork, class_teacher
from upskill.teaching import bp

COMMENT_MAX = 2000


def _queue_query(teacher_id, class_id=None, task_code=None):
    """Latest attempts waiting for assessment from students of the teacher's classes, oldest first."""
    classes = select(class_teacher.c.class_id).where(class_teacher.c.user_id == teacher_id)
    if class_id is not None:
        classes = classes.where(class_teacher.c.class_id == class_id)
    students = select(Enrolment.student_id).where(Enrolment.class_id.in_(classes))
    query = (select(Attempt).join(TaskWork, Attempt.work_id == TaskWork.id)
             .where(TaskWork.state == "submitted", TaskWork.student_id.in_(students),
                    Attempt.assessment == None)  # noqa: E711
             .options(selectinload(Attempt.work).selectinload(TaskWork.student),
                      selectinload(Attempt.work).selectinload(TaskWork.attempts))
             .order_by(Attempt.submitted_at, Attempt.id))
    if task_code:
        query = query.where(TaskWork.item_code == task_code)
    return query


@bp.get("/review")
@roles_required("teacher")
def review_queue():
    classes = db.session.scalars(select(SchoolClass).join(class_teacher)
                                 .where(class_teacher.c.user_id == current_user.id).order_by(SchoolClass.name)).all()
    chosen_class = request.args.get("class", "")
    class_id = int(chosen_class) if chosen_class.isascii() and chosen_class.isdigit() and len(chosen_class) < 10 else None
    task_code = request.args.get("task", "")[:20] or None
    attempts = [a for a in db.session.scalars(_queue_query(current_user.id, class_id, task_code))
                if a.number == len(a.work.attempts)]
    tasks = sorted({a.work.item_code for a in attempts})
    return render_template("teaching/review.html", attempts=attempts, classes=classes, class_id=class_id,
                           task_code=task_code, tasks=tasks)


@bp.route("/attempts/<int:attempt_id>/", methods=["GET", "POST"])
@roles_required("teacher")
def assess_attempt(attempt_id):
    attempt = db.session.get(Attempt, attempt_id)
    if attempt is None or not teaches(current_user.id, attempt.work.student_id):
        abort(404)
    latest = attempt.work.attempts[-1]
    if latest.id != attempt.id and request.method == "GET":
        return redirect(url_for("teaching.assess_attempt", attempt_id=latest.id), code=303)  # always the newest hand-in
    module, item = attempt.work.item_code.split(".")
    page = task_page(module, item)
    rubric = rubric_of(page)
    company = is_company_task(page)
    if request.method == "GET":
        return _assess_page(attempt, page, rubric, company)
    levels, comments, errors = _read_rubric(rubric)
    overall = request.form.get("overall", "").replace("\x00", "").strip()
    decision = request.form.get("decision")
    if decision not in ("accept", "return"):
        errors["decision"] = _("Choose whether to accept the work or return it for revision.")
    if len(overall) > COMMENT_MAX:
        errors["overall"] = _("The comment is longer than %(count)d characters.", count=COMMENT_MAX)
    if decision == "return" and not overall:
        errors["overall"] = _("Say what to improve when you return the work.")
    if errors:
        return _assess_page(attempt, page, rubric, company, errors=errors, status=400)
    try:
        assess(attempt, current_user, rubric, levels, comments, overall, decision == "accept", company)
    except (AlreadyAssessed, WorkRefused) as refused:
        db.session.rollback()
        attempt = db.session.get(Attempt, attempt_id)
        return _assess_page(attempt, page, rubric, company, problem=str(refused), status=409)
    db.session.commit()
    flash(_("Saved: %(name)s's work is %(state)s.", name=attempt.work.student.name,
            state=_("accepted") if decision == "accept" else _("returned for revision")))
    return redirect(url_for("teaching.review_queue"), code=303)


def _read_rubric(rubric):
    """Read a level and a comment per criterion from the form; return (levels, comments, errors)."""
    levels, comments, errors = [], [], {}
    for index, _criterion in enumerate(rubric["criteria"]):
        value = request.form.get(f"level-{index}", "")
        level = int(value) if value.isascii() and value.isdigit() and len(value) < 3 else None
        if level is None or level >= len(rubric["levels"]):
            errors[f"level-{index}"] = _("Choose a level for this criterion.")
        levels.append(level)
        comment = request.form.get(f"comment-{index}", "").replace("\x00", "").strip()
        if len(comment) > COMMENT_MAX:
            errors[f"comment-{index}"] = _("The comment is longer than %(count)d characters.", count=COMMENT_MAX)
        comments.append(comment)
    return levels, comments, errors


def _assess_page(attempt, page, rubric, company, errors=None, problem=None, status=200):
    return render_template("teaching/assess.html", attempt=attempt, work=attempt.work, page=page,
                           task=page.student.content, rubric=rubric, company=company, errors=errors or {},
                           problem=problem, form=request.form if request.method == "POST" else {}), status

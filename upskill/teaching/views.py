"""Teachers' classes: list, create, enrol students (one, or a CSV after a clean preview), invitations."""
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from itsdangerous import BadSignature, URLSafeTimedSerializer
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from upskill.access import roles_required
from upskill.collation import sort_key
from upskill.extensions import db
from upskill.mail import mail_configured, send_link
from upskill.i18n import current_language
from upskill.models import Enrolment, Placement, Role, School, SchoolClass, User
from upskill.public import services as content
from upskill.learning import stamps
from upskill.learning.progress import modules_of
from upskill.public.page_cache import cached_personal_page, cached_value
from upskill.teaching import bp
from upskill.teaching.forms import ClassForm, PlacementForm, RosterUploadForm, StudentForm, TeacherForm
from upskill.teaching.roster import read_roster
from upskill.teaching.services import (
    EnrolmentRefused, class_for, class_summary, enrol, pending_invitations, visible_classes,
)

STAFF = ("teacher", "coordinator", "admin")
ROSTER_MAX_AGE = 3600  # seconds a checked class list may wait for its import


@bp.get("/")
@roles_required(*STAFF)
def classes():
    return render_template("teaching/classes.html", classes=visible_classes(current_user))


@bp.route("/classes/new", methods=["GET", "POST"])
@roles_required("teacher", "admin")
def new_class():
    form = ClassForm()
    title_langs = _class_choices(form)
    if not form.is_submitted():
        if current_user.school_id:
            form.school.data = str(current_user.school_id)
        return render_template("teaching/class_form.html", form=form, title_langs=title_langs)
    if not form.validate():
        return render_template("teaching/class_form.html", form=form, title_langs=title_langs), 400
    school_class = SchoolClass(
        school_id=int(form.school.data), name=form.name.data.strip(), starts_on=form.starts_on.data,
        ends_on=form.ends_on.data, modules=[code for code, _label in form.modules.choices if code in form.modules.data],
    )
    if current_user.has_role("teacher"):
        school_class.teachers.append(current_user)
    db.session.add(school_class)
    db.session.commit()
    return redirect(url_for("teaching.class_page", class_id=school_class.id), code=303)


def _class_choices(form):
    """Offer the schools and modules the user may choose; return the language of each module's title."""
    if current_user.has_role("admin"):
        schools = db.session.scalars(select(School).where(School.kind == "school").order_by(School.name)).all()
    else:
        schools = [current_user.school] if current_user.school and current_user.school.kind == "school" else []
    form.school.choices = [(str(s.id), s.name) for s in schools]
    modules = content.modules(current_language())
    form.modules.choices = [(m.code, f"{m.code} · {m.title}") for m in modules]
    return {m.code: m.lang for m in modules}


@bp.get("/classes/<int:class_id>/")
@roles_required(*STAFF)
def class_page(class_id):
    details, stamp = class_summary(current_user, class_id)
    # Kept rendered until a student joins, their account or placement changes, or a teacher joins (stamps.py).
    return cached_personal_page(
        ("class", stamp, details),
        lambda: _class_page(db.session.get(SchoolClass, class_id), StudentForm(formdata=None),
                            RosterUploadForm(formdata=None))[0])


def _class_page(school_class, student_form, upload_form, status=200, **extra):
    can_change = _may_change(school_class)
    stamp = stamps.class_stamp(school_class.id)
    roster = cached_value(("class-roster", school_class.id, can_change, stamp),
                          lambda: _roster(school_class, can_change))
    modules = modules_of(list(school_class.modules), current_language())
    return render_template("teaching/class.html", school_class=school_class, student_count=stamp[0], roster=roster,
                           modules=modules, student_form=student_form, upload_form=upload_form,
                           teacher_form=TeacherForm(formdata=None), can_change=can_change, **extra), status


def _roster(school_class, can_change):
    """The class's students as a table: name, e-mail, number, account and placement."""
    enrolments = db.session.scalars(select(Enrolment).where(Enrolment.class_id == school_class.id)
                                    .options(selectinload(Enrolment.student))).all()
    enrolments = sorted(enrolments, key=lambda e: sort_key(e.student.name, current_language()))
    placements = {p.student_id: p for p in db.session.scalars(
        select(Placement).where(Placement.student_id.in_([e.student_id for e in enrolments]))
        .options(selectinload(Placement.company), selectinload(Placement.trainer)))}
    return Markup(render_template("teaching/_roster.html", school_class=school_class, enrolments=enrolments,
                                  placements=placements, can_change=can_change))


def _may_change(school_class):
    return school_class.taught_by(current_user) or current_user.has_role("admin")


@bp.post("/classes/<int:class_id>/students")
@roles_required("teacher", "admin")
def add_student(class_id):
    school_class = class_for(current_user, class_id, change=True)
    form = StudentForm()
    if not form.validate():
        return _class_page(school_class, form, RosterUploadForm(formdata=None), 400)
    try:
        enrolment, token = enrol(school_class, form.name.data.strip(), form.email.data,
                                 (form.student_number.data or "").strip(), by=current_user)
    except EnrolmentRefused as refused:
        db.session.rollback()
        form.email.errors.append(str(refused))
        return _class_page(school_class, form, RosterUploadForm(formdata=None), 400)
    db.session.commit()
    if token is None:
        flash(_("%(name)s is in the class.", name=form.name.data.strip()))
        return redirect(url_for("teaching.class_page", class_id=class_id), code=303)
    return _invitation_sheet(school_class, [(enrolment.student, token)])


@bp.post("/classes/<int:class_id>/import")
@roles_required("teacher", "admin")
def import_preview(class_id):
    """Check an uploaded class list and show every problem by row, or the students it will enrol."""
    school_class = class_for(current_user, class_id, change=True)
    form = RosterUploadForm()
    if not form.validate():
        return _class_page(school_class, StudentForm(formdata=None), form, 400)
    roster = read_roster(form.roster.data.read(), school_class)
    signed = _serializer().dumps([[r.name, r.email, r.student_number] for r in roster.rows]) if roster.clean else None
    return render_template("teaching/roster_preview.html", school_class=school_class, roster=roster,
                           signed=signed, file_name=(form.roster.data.filename or "")[:80]), (200 if roster.clean else 422)


@bp.post("/classes/<int:class_id>/import/confirm")
@roles_required("teacher", "admin")
def import_confirm(class_id):
    """Enrol the students of a checked class list, all or none; print their invitations."""
    school_class = class_for(current_user, class_id, change=True)
    try:
        rows = _serializer().loads(request.form.get("rows", ""), max_age=ROSTER_MAX_AGE)
    except BadSignature:
        abort(400, description=_("The checked class list has expired or was changed. Upload the file again."))
    invited = []
    try:
        for name, email, number in rows:
            enrolment, token = enrol(school_class, name, email, number, by=current_user)
            if token:
                invited.append((enrolment.student, token))
    except EnrolmentRefused as refused:
        db.session.rollback()
        abort(409, description=str(refused))
    db.session.commit()
    if not invited:
        flash(_("Everybody on the list is in the class already."))
        return redirect(url_for("teaching.class_page", class_id=class_id), code=303)
    return _invitation_sheet(school_class, invited)


@bp.post("/classes/<int:class_id>/invitations")
@roles_required("teacher", "admin")
def invitations(class_id):
    """New invitation links for every student who has not set a password yet (the old ones stop working)."""
    school_class = class_for(current_user, class_id, change=True)
    invited = pending_invitations(school_class, by=current_user)
    db.session.commit()
    if not invited:
        flash(_("Every student of the class has set a password."))
        return redirect(url_for("teaching.class_page", class_id=class_id), code=303)
    return _invitation_sheet(school_class, invited)


def _invitation_sheet(school_class, invited):
    cards = [(student, url_for("auth.take_link", token=token, _external=True)) for student, token in invited]
    mailed = sum(send_link(student, link, "invite") for student, link in cards) if mail_configured() else 0
    days = current_app.config["INVITATION_DAYS"]
    return render_template("teaching/invitations.html", school_class=school_class, cards=cards, days=days,
                           mailed=mailed)


@bp.post("/classes/<int:class_id>/teachers")
@roles_required("teacher", "admin")
def add_teacher(class_id):
    school_class = class_for(current_user, class_id, change=True)
    form = TeacherForm()
    teacher = None
    if form.validate():
        teacher = db.session.scalar(select(User).where(User.email == form.email.data.strip().lower()))
        if teacher is None or not teacher.has_role(Role.teacher) or teacher.school_id != school_class.school_id:
            form.email.errors.append(_("No teacher of this school has that e-mail address."))
    if form.errors or teacher is None:
        return _class_page(school_class, StudentForm(formdata=None), RosterUploadForm(formdata=None), 400,
                           teacher_form_errors=form)
    if not school_class.taught_by(teacher):
        school_class.teachers.append(teacher)
        stamps.touch_class(school_class.id)  # the students' dashboards name their teachers
        db.session.commit()
    return redirect(url_for("teaching.class_page", class_id=class_id), code=303)


@bp.route("/classes/<int:class_id>/students/<int:student_id>/placement", methods=["GET", "POST"])
@roles_required("teacher", "admin")
def placement(class_id, student_id):
    """Place a student of the class with a partner company and its trainer."""
    school_class = class_for(current_user, class_id, change=True)
    enrolment = next((e for e in school_class.enrolments if e.student_id == student_id), None)
    if enrolment is None:
        abort(404)
    form = PlacementForm()
    companies = db.session.scalars(select(School).where(School.kind == "company").order_by(School.name)).all()
    trainers = [u for c in companies for u in c.users if u.has_role(Role.company_trainer) and u.active]
    form.company.choices = [(str(c.id), c.name) for c in companies]
    form.trainer.choices = [("", _("Not yet known"))] + [(str(t.id), f"{t.name} ({t.school.name})") for t in trainers]
    if form.is_submitted() and form.validate():
        company = next(c for c in companies if str(c.id) == form.company.data)
        trainer = next((t for t in trainers if str(t.id) == form.trainer.data), None)
        if trainer is not None and trainer.school_id != company.id:
            form.trainer.errors.append(_("This trainer works at another company."))
        else:
            found = db.session.scalar(select(Placement).where(Placement.student_id == student_id,
                                                              Placement.company_id == company.id))
            found = found or Placement(student_id=student_id, company_id=company.id)
            found.trainer_id = trainer.id if trainer else None
            found.starts_on, found.ends_on = form.starts_on.data, form.ends_on.data
            db.session.add(found)
            db.session.commit()
            flash(_("%(name)s is placed with %(company)s.", name=enrolment.student.name, company=company.name))
            return redirect(url_for("teaching.class_page", class_id=class_id), code=303)
    status = 400 if form.is_submitted() else 200
    return render_template("teaching/placement.html", school_class=school_class, student=enrolment.student,
                           form=form), status


def _serializer():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="upskill-roster")

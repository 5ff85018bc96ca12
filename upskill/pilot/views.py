"""Pilot periods: the list, a new one (coordinators), one period with its schools' reports."""
from flask import abort, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from upskill.access import roles_required
from upskill.extensions import db
from upskill.i18n import LANGUAGE_NAMES, current_language
from upskill.models import PilotPeriod, School
from upskill.pilot import bp
from upskill.pilot.forms import PeriodForm
from upskill.pilot.reports import latest_reports, open_report, period_for, visible_periods
from upskill.public import services as content

READERS = ("teacher", "coordinator", "admin")
ORGANISERS = ("coordinator", "admin")


@bp.get("/")
@roles_required(*READERS)
def periods():
    return render_template("pilot/periods.html", periods=visible_periods(current_user))


@bp.route("/periods/new", methods=["GET", "POST"])
@roles_required(*ORGANISERS)
def new_period():
    form = PeriodForm()
    title_langs = _period_choices(form)
    if not form.is_submitted():
        return render_template("pilot/period_form.html", form=form, title_langs=title_langs)
    if not form.validate():
        return render_template("pilot/period_form.html", form=form, title_langs=title_langs), 400
    schools = db.session.scalars(select(School).where(School.id.in_([int(i) for i in form.schools.data]))).all()
    period = PilotPeriod(
        name=form.name.data.strip(), starts_on=form.starts_on.data, ends_on=form.ends_on.data, schools=schools,
        modules=[code for code, _label in form.modules.choices if code in form.modules.data],
        languages=[code for code in LANGUAGE_NAMES if code in form.languages.data], created_by_id=current_user.id)
    db.session.add(period)
    db.session.commit()
    return redirect(url_for("pilot.period", period_id=period.id), code=303)


def _period_choices(form):
    """Offer the schools, companies, modules and languages; return the language of each module's title."""
    places = db.session.scalars(select(School).order_by(School.kind.desc(), School.name)).all()
    form.schools.choices = [(str(s.id), f"{s.name} ({s.city}, {s.country})") for s in places]
    modules = content.modules(current_language())
    form.modules.choices = [(m.code, f"{m.code} · {m.title}") for m in modules]
    form.languages.choices = list(LANGUAGE_NAMES.items())
    return {m.code: m.lang for m in modules}


@bp.get("/periods/<int:period_id>/")
@roles_required(*READERS)
def period(period_id):
    period = period_for(current_user, period_id)
    modules = content.modules(current_language(), period.modules)
    return render_template("pilot/period.html", period=period, reports=latest_reports(period), modules=modules,
                           language_names=LANGUAGE_NAMES)


@bp.post("/periods/<int:period_id>/report")
@roles_required("teacher")
def open_school_report(period_id):
    """Go to the school's report on the period, starting it from the class records the first time."""
    period = period_for(current_user, period_id)
    if not period.takes_part(current_user.school_id):
        abort(404)
    report = open_report(period, current_user.school_id, current_user)
    db.session.commit()
    return redirect(url_for("pilot.edit_report" if report.is_draft else "pilot.report", report_id=report.id), code=303)

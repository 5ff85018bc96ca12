"""Reading reports across schools: the filtered list, and one module of a period side by side across schools."""
from flask import abort, render_template, request
from flask_login import current_user

from upskill.access import roles_required
from upskill.i18n import current_language
from upskill.pilot import bp
from upskill.pilot.module_reports import module_entries
from upskill.pilot.report_fields import HOURS, RATINGS, STUDENTS, TEXTS
from upskill.pilot.report_filters import ReportFilterForm
from upskill.pilot.report_list import reports_for, schools_for
from upskill.pilot.reports import period_for, sees_every_school, visible_periods
from upskill.public import services as content

READERS = ("teacher", "coordinator", "admin")
MAX_MODULE_CODE = 20


@bp.get("/reports/")
@roles_required(*READERS)
def report_list():
    lang = current_language()
    form = ReportFilterForm(formdata=request.args)
    form.offer(visible_periods(current_user), schools_for(current_user), content.modules(lang), lang)
    valid = form.validate()
    reports = reports_for(current_user, form.filters()) if valid else []
    return render_template("pilot/report_list.html", form=form, reports=reports, filtered=bool(request.args),
                           every_school=sees_every_school(current_user)), 200 if valid else 400


@bp.get("/periods/<int:period_id>/modules/<module_code>/")
@roles_required(*READERS)
def module_side_by_side(period_id, module_code):
    period = period_for(current_user, period_id)
    if len(module_code) > MAX_MODULE_CODE or module_code not in period.modules:
        abort(404)
    module = next(iter(content.modules(current_language(), [module_code])), None)
    entries, missing = module_entries(current_user, period, module_code)
    return render_template("pilot/module_side_by_side.html", period=period, module_code=module_code, module=module,
                           entries=entries, missing=missing, every_school=sees_every_school(current_user),
                           groups=((HOURS, False), (STUDENTS, False), (RATINGS, False), (TEXTS, True)))

"""The survey: a student's list and form (answered once, anonymously), and a period's results for its readers."""
from flask import abort, redirect, render_template, request, url_for
from flask_login import current_user

from upskill.access import roles_required
from upskill.extensions import db
from upskill.i18n import current_language
from upskill.models import SMALLEST_GROUP, SURVEY_QUESTIONS
from upskill.pilot import bp
from upskill.pilot.survey_forms import MAX_COMMENT, QUESTIONS, SurveyForm
from upskill.pilot.survey_results import comments_by_group, module_totals
from upskill.pilot.survey_results import survey_results as results_per_school
from upskill.pilot.survey_scope import result_scope
from upskill.pilot.surveys import answer_survey, student_survey, student_surveys
from upskill.public import services as content

RESULT_READERS = ("teacher", "company_trainer", "coordinator", "admin")


@bp.get("/surveys/")
@roles_required("student")
def my_surveys():
    surveys = student_surveys(current_user)
    modules = {m.code: m for m in content.modules(current_language(), {s.module_code for s in surveys})}
    return render_template("pilot/surveys.html", surveys=surveys, modules=modules)


@bp.route("/surveys/<int:period_id>/<module>/", methods=["GET", "POST"])
@roles_required("student")
def survey(period_id, module):
    found = student_survey(current_user, period_id, module[:20])
    form = SurveyForm()
    if found.answered or not form.is_submitted():
        return _survey_page(found, form, status=409 if found.answered and form.is_submitted() else 200)
    if not form.validate():
        return _survey_page(found, form, status=400)
    stored = answer_survey(current_user, found.period, found.module_code, form.ratings(),
                           (form.comment.data or "").replace("\x00", "").strip(), current_language())
    db.session.commit()
    if not stored:  # the same form sent twice at the same moment: the other request stored it
        return _survey_page(student_survey(current_user, period_id, found.module_code), form, status=409)
    return redirect(url_for("pilot.survey", period_id=period_id, module=found.module_code), code=303)


def _survey_page(found, form, status=200):
    module = next(iter(content.modules(current_language(), [found.module_code])), None)
    return render_template("pilot/survey.html", survey=found, module=module, form=form, questions=SURVEY_QUESTIONS,
                           max_comment=MAX_COMMENT, sent_again=status == 409), status


@bp.get("/periods/<int:period_id>/survey-results")
@roles_required(*RESULT_READERS)
def survey_results(period_id):
    period, scope = result_scope(current_user, period_id)
    school_ids = scope.school_ids
    chosen = request.args.get("school", "")[:12]
    if scope.school_ids is None and chosen:
        if not chosen.isdigit() or not period.takes_part(int(chosen)):
            abort(404)
        school_ids = (int(chosen),)
    results = results_per_school(period.id, school_ids, scope.module_codes)
    totals = module_totals(period.id, school_ids, scope.module_codes) if len({r.school_id for r in results}) > 1 else []
    modules = {m.code: m for m in content.modules(current_language(), period.modules)}
    return render_template(
        "pilot/survey_results.html", period=period, results=results, totals=totals, modules=modules,
        comments=comments_by_group(period.id, school_ids, scope.module_codes), questions=QUESTIONS,
        schools={school.id: school for school in period.schools}, chosen=chosen,
        may_filter=scope.school_ids is None, smallest=SMALLEST_GROUP)

"""Suggestions of corrections: the form (from a curriculum page or a report), one suggestion, the board."""
import secrets

from flask import redirect, render_template, request, url_for
from flask_login import current_user

from upskill.access import roles_required
from upskill.display import suggestion_kind_name
from upskill.extensions import db
from upskill.i18n import LANGUAGE_NAMES, current_language
from upskill.models import SuggestionKind
from upskill.pilot import bp
from upskill.pilot.board import board_page
from upskill.pilot.board_choices import filters_of, page_number, set_filter_choices
from upskill.pilot.board_forms import BoardFilterForm
from upskill.pilot.forms import SuggestionForm
from upskill.pilot.reports import report_for
from upskill.pilot.suggestion_scope import may_triage
from upskill.pilot.suggestions import create_suggestion

SUGGESTERS = ("teacher", "company_trainer", "coordinator", "admin")


@bp.get("/suggestions/")
@roles_required(*SUGGESTERS)
def suggestions():
    form = BoardFilterForm(request.args)
    set_filter_choices(form, may_triage(current_user))
    if not form.validate():
        return render_template("pilot/suggestions.html", form=form, board=None, args={}), 400
    filters, args = filters_of(form)
    board = board_page(current_user, filters, page_number(request.args.get("page")))
    return render_template("pilot/suggestions.html", form=form, board=board, args=args)


@bp.route("/suggestions/new", methods=["GET", "POST"])
@roles_required(*SUGGESTERS)
def new_suggestion():
    form = SuggestionForm()
    form.kind.choices = [(kind.value, suggestion_kind_name(kind)) for kind in SuggestionKind]
    form.language.choices = list(LANGUAGE_NAMES.items())
    if not form.is_submitted():
        form.item_code.data = request.args.get("item", "")[:120]
        form.report.data = request.args.get("report", "")[:12]
        form.language.data = current_language()
        form.submission_key.data = secrets.token_urlsafe(24)
    report = _report_of(form.report.data)
    if not form.is_submitted():
        return render_template("pilot/suggestion_form.html", form=form, report=report)
    if not form.validate():
        return render_template("pilot/suggestion_form.html", form=form, report=report), 400
    suggestion, _made = create_suggestion(
        current_user, form.item_code.data, SuggestionKind(form.kind.data), form.text.data.strip(),
        (form.proposed_change.data or "").strip(), form.language.data, form.submission_key.data, report=report)
    db.session.commit()
    return redirect(url_for("pilot.suggestion", code=suggestion.code), code=303)


def _report_of(report_id):
    """The report a suggestion is made inside: one the user may write, else none (404 for another school's)."""
    if not report_id or not report_id.isdigit():
        return None
    return report_for(current_user, int(report_id), write=True)

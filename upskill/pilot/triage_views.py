"""One suggestion's page (with the way to its item and its history), its triage, and every suggestion about an item."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from upskill.access import roles_required
from upskill.display import suggestion_status_name
from upskill.extensions import db
from upskill.models import SuggestionStatus
from upskill.pilot import bp
from upskill.pilot.board import item_board
from upskill.pilot.board_choices import status_choices
from upskill.pilot.board_forms import TriageForm
from upskill.pilot.item_links import is_item_code, item_url, links_of, page_code
from upskill.pilot.suggestion_scope import may_triage
from upskill.pilot.suggestion_views import SUGGESTERS
from upskill.pilot.suggestions import suggestion_for
from upskill.pilot.triage import StaleTriage, TriageRefused, history, triage
from upskill.public.change_log import revision_history


@bp.get("/suggestions/<code>")
@roles_required(*SUGGESTERS)
def suggestion(code):
    found = suggestion_for(current_user, code)
    return _suggestion_page(found, _triage_form(found) if may_triage(current_user) else None)


@bp.post("/suggestions/<code>/triage")
@roles_required("coordinator", "admin")
def triage_suggestion(code):
    found = suggestion_for(current_user, code)
    form = TriageForm()
    form.status.choices = status_choices()
    if not form.validate():
        return _suggestion_page(found, form), 400
    try:
        triage(found, current_user, SuggestionStatus(form.status.data), SuggestionStatus(form.seen_status.data),
               reason=form.reason.data, duplicate_code=form.duplicate_of.data, revision=form.revision.data)
    except TriageRefused as refused:
        db.session.rollback()
        form[refused.field].errors = [str(refused)]
        return _suggestion_page(suggestion_for(current_user, code), form), 400
    except StaleTriage:
        db.session.rollback()
        current = suggestion_for(current_user, code)
        problem = _("Another coordinator changed this suggestion while you were deciding: it is now %(status)s. "
                    "Look at its state below and decide again.", status=suggestion_status_name(current.status))
        return _suggestion_page(current, _triage_form(current), problem), 409
    db.session.commit()
    flash(_("%(code)s is now %(status)s.", code=found.code, status=suggestion_status_name(found.status)))
    return redirect(url_for("pilot.suggestion", code=found.code), code=303)


@bp.get("/suggestions/item/<item_code>")
@roles_required(*SUGGESTERS)
def item_suggestions(item_code):
    if not is_item_code(item_code):
        abort(404)
    return render_template("pilot/item_suggestions.html", item_code=item_code,
                           board=item_board(current_user, item_code), page_url=item_url(page_code(item_code)))


def _triage_form(suggestion):
    form = TriageForm(formdata=None, status=suggestion.status.value, seen_status=suggestion.status.value,
                      reason=suggestion.status_reason, revision=suggestion.applied_in or "",
                      duplicate_of=suggestion.duplicate_of.code if suggestion.duplicate_of else "")
    form.status.choices = status_choices()
    return form


def _suggestion_page(suggestion, form, problem=None):
    return render_template("pilot/suggestion.html", suggestion=suggestion, form=form, problem=problem,
                           history=history(suggestion), item_url=links_of([suggestion])[suggestion.code],
                           revision_url=_revision_url(suggestion))


def _revision_url(suggestion):
    """The change log's page of the revision that applied the suggestion, once revisions.yaml has it; else None."""
    if suggestion.applied_in and any(r.name == suggestion.applied_in for r in revision_history()):
        return url_for("public.change_log_revision", revision=suggestion.applied_in)
    return None

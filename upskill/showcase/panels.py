"""The showcase's part of the student's task page and of the teacher's assessment page (template helpers)."""
from upskill.showcase import bp
from upskill.showcase.consent import consent_of, is_accepted
from upskill.showcase.forms import ConsentForm, ItemForm
from upskill.showcase.items import item_of, why_not_shown


@bp.app_template_global()
def showcase_consent_panel(attempt):
    """The student's consent form for an accepted attempt, filled with the choice recorded; None otherwise."""
    if not is_accepted(attempt):
        return None
    consent = consent_of(attempt)
    form = ConsentForm(formdata=None)
    if consent is not None:
        form.show.data = "yes" if consent.is_given else "no"
        form.shown_name.data, form.pseudonym.data, form.public.data = (
            consent.shown_name.value, consent.pseudonym, consent.public)
    return {"attempt": attempt, "consent": consent, "form": form}


@bp.app_template_global()
def showcase_teacher_panel(teacher, attempt):
    """What the teacher may do with an accepted attempt in the showcase; None for work not accepted."""
    if not is_accepted(attempt):
        return None
    item = item_of(attempt)
    shown = item is not None and item.removed_at is None
    form = ItemForm(formdata=None, public=item.public if item else False)
    return {"attempt": attempt, "consent": consent_of(attempt), "item": item if shown else None,
            "reason": why_not_shown(teacher, attempt), "form": form}

"""The choices of the board's filters, and the filters and page number the board's address asks for."""
from flask_babel import gettext as _
from sqlalchemy import select

from upskill.display import suggestion_kind_name, suggestion_status_name
from upskill.extensions import db
from upskill.i18n import LANGUAGE_NAMES
from upskill.models import CurriculumItem, ItemKind, PilotPeriod, School, SuggestionKind, SuggestionStatus
from upskill.pilot.board import WAITING, BoardFilters

MAX_PAGE_DIGITS = 9


def status_choices():
    """Every status, in the reader's language."""
    return [(status.value, suggestion_status_name(status)) for status in SuggestionStatus]


def set_filter_choices(form, coordinating):
    """Offer the statuses, kinds, modules and languages; schools and pilot periods to coordinators only."""
    everything = [("", _("All"))]
    form.status.choices = everything + status_choices()[:2] + [(WAITING, _("Accepted, not yet applied"))] \
        + status_choices()[2:]
    form.kind.choices = everything + [(kind.value, suggestion_kind_name(kind)) for kind in SuggestionKind]
    form.module.choices = everything + [(code, code) for code in db.session.scalars(
        select(CurriculumItem.code).where(CurriculumItem.kind == ItemKind.module).order_by(CurriculumItem.code))]
    form.language.choices = everything + list(LANGUAGE_NAMES.items())
    form.school.choices = everything + ([(str(school.id), school.name) for school in db.session.scalars(
        select(School).order_by(School.name))] if coordinating else [])
    form.period.choices = everything + ([(str(period.id), period.name) for period in db.session.scalars(
        select(PilotPeriod).order_by(PilotPeriod.starts_on.desc(), PilotPeriod.id.desc()))] if coordinating else [])
    form.coordinating = coordinating


def filters_of(form):
    """The board's filters from a valid filter form, and the address arguments that repeat them."""
    filters = BoardFilters(
        status=form.status.data or "", kind=form.kind.data or "", module=form.module.data or "",
        school=int(form.school.data) if form.school.data else None, language=form.language.data or "",
        period=int(form.period.data) if form.period.data else None, search=(form.q.data or "").strip())
    args = {name: form[name].data for name in ("status", "kind", "module", "school", "language", "period", "q")
            if form[name].data}
    return filters, args


def page_number(text):
    """The page number the address asks for: 1 unless it is a whole number (the board bounds it to its pages)."""
    text = text or ""
    if not (text.isascii() and text.isdigit()):
        return 1
    return int(text) if len(text) <= MAX_PAGE_DIGITS else 10 ** MAX_PAGE_DIGITS

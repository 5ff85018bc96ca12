"""The suggestion board: the suggestions a user may see, filtered, counted per status and cut into pages.

Whatever the number of suggestions, a page costs the same few queries: the total, the counts per
status, the page's rows with what a row shows loaded alongside, and the languages of their items.
"""
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import joinedload

from upskill.extensions import db
from upskill.models import PilotReport, Suggestion, SuggestionKind, SuggestionStatus
from upskill.pilot.item_links import about_item, links_of
from upskill.pilot.suggestion_scope import visible_to

PAGE_SIZE = 50
WAITING = "waiting"  # accepted, not yet applied in a revision


@dataclass
class BoardFilters:
    """What the board is narrowed to; empty values narrow nothing."""

    status: str = ""
    kind: str = ""
    module: str = ""
    school: int | None = None
    language: str = ""
    period: int | None = None
    search: str = ""
    item: str = ""


@dataclass
class BoardPage:
    """One page of the board: its rows, the addresses of their items, and the counts per status."""

    rows: list
    total: int
    page: int
    pages: int
    counts: dict = field(default_factory=dict)
    links: dict = field(default_factory=dict)  # suggestion code -> its item's address


def board_page(user, filters, page=1):
    """The page-th page (bounded to the pages there are) of the suggestions user may see, narrowed by filters."""
    narrowed = _conditions(user, filters)
    counts = status_counts(narrowed)
    shown = narrowed + _status_condition(filters.status)
    total = db.session.scalar(select(func.count(Suggestion.id)).where(*shown))
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(page, 1), pages)
    rows = db.session.scalars(_listed(shown).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)).all()
    return BoardPage(rows, total, page, pages, counts, links_of(rows))


def status_counts(conditions):
    """How many suggestions meeting the conditions have each status, and how many accepted wait to be applied."""
    counted = db.session.execute(
        select(Suggestion.status, func.count(Suggestion.id),
               func.count(Suggestion.id).filter(Suggestion.applied_in.is_(None)))
        .where(*conditions).group_by(Suggestion.status)).all()
    counts = {status.value: 0 for status in SuggestionStatus} | {WAITING: 0}
    for status, number, unapplied in counted:
        counts[status.value] = number
        if status is SuggestionStatus.accepted:
            counts[WAITING] = unapplied
    return counts


def item_board(user, item_code):
    """Every suggestion user may see about the item (its figures and questions included), on one page."""
    conditions = _conditions(user, BoardFilters(item=item_code))
    rows = db.session.scalars(_listed(conditions)).all()
    return BoardPage(rows, len(rows), 1, 1, status_counts(conditions), links_of(rows))


def _listed(conditions):
    """The suggestions meeting the conditions, the newest first, with what a row shows loaded alongside."""
    return (select(Suggestion).where(*conditions)
            .options(joinedload(Suggestion.author), joinedload(Suggestion.school))
            .order_by(Suggestion.year.desc(), Suggestion.number.desc()))


def _conditions(user, filters):
    conditions = [condition for condition in (visible_to(user),) if condition is not None]
    if filters.kind:
        conditions.append(Suggestion.kind == SuggestionKind(filters.kind))
    if filters.module:
        conditions.append(or_(Suggestion.item_code == filters.module,
                              Suggestion.item_code.startswith(filters.module + ".", autoescape=True)))
    if filters.school:
        conditions.append(Suggestion.school_id == filters.school)
    if filters.language:
        conditions.append(Suggestion.language == filters.language)
    if filters.period:
        conditions.append(Suggestion.report_id.in_(select(PilotReport.id).where(PilotReport.period_id == filters.period)))
    if filters.search:
        needle = filters.search.lower()
        conditions.append(or_(func.lower(Suggestion.code).contains(needle, autoescape=True),
                              func.lower(Suggestion.item_code).contains(needle, autoescape=True)))
    if filters.item:
        conditions.append(about_item(filters.item))
    return conditions


def _status_condition(status):
    if status == WAITING:
        return [Suggestion.status == SuggestionStatus.accepted, Suggestion.applied_in.is_(None)]
    return [Suggestion.status == SuggestionStatus(status)] if status else []

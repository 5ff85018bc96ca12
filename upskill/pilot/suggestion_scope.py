"""Which suggestions a user may see: coordinators and administrators all; teachers their own; company
trainers their own and those about the tasks (and their figures) done by the students placed with them."""
from sqlalchemy import exists, or_, select

from upskill.models import Placement, Suggestion, TaskWork


def visible_to(user):
    """The SQL condition for the suggestions user may see (None: every one)."""
    if user.has_role("coordinator", "admin"):
        return None
    mine = Suggestion.author_id == user.id
    if not user.has_role("company_trainer"):
        return mine
    supervised = (select(TaskWork.item_code).join(Placement, Placement.student_id == TaskWork.student_id)
                  .where(Placement.trainer_id == user.id))
    about_a_figure = exists(supervised.where(Suggestion.item_code.like(TaskWork.item_code.concat(".figure:%"))))
    return or_(mine, Suggestion.item_code.in_(supervised), about_a_figure)


def may_triage(user):
    """Whether user decides what becomes of suggestions."""
    return user.has_role("coordinator", "admin")

"""What a Teacher's Book page says about the suggestions on its item, for the signed-in reader only.

Coordinators see how many are still open (new or accepted, not yet applied) with the way to all of
them; teachers and company trainers see their own suggestions about it.
"""
from flask import url_for
from sqlalchemy import func, select

from upskill.extensions import db
from upskill.models import Suggestion, SuggestionStatus
from upskill.pilot.item_links import about_item
from upskill.pilot.suggestion_scope import may_triage

OWN_SHOWN = 20
OPEN = (SuggestionStatus.new, SuggestionStatus.accepted)


def suggestions_panel(user, item_code):
    """The panel's part about suggestions on the item: an open count for coordinators, own ones for others."""
    about = about_item(item_code)
    if may_triage(user):
        open_count = db.session.scalar(select(func.count(Suggestion.id)).where(about, Suggestion.status.in_(OPEN)))
        return {"open": open_count, "url": url_for("pilot.item_suggestions", item_code=item_code)}
    own = db.session.scalars(select(Suggestion).where(about, Suggestion.author_id == user.id)
                             .order_by(Suggestion.year.desc(), Suggestion.number.desc()).limit(OWN_SHOWN)).all()
    return {"own": own, "url": url_for("pilot.item_suggestions", item_code=item_code)} if own else None

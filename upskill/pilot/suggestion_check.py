"""`curriculum check --against-db`: the suggestion codes revisions.yaml names exist in the database."""
from sqlalchemy import select

from upskill.curriculum.suggestion_rules import named_codes, unknown_code_problems
from upskill.extensions import db
from upskill.models import Suggestion


def known_suggestion_problems(curriculum):
    """Return a problem for each suggestion code of revisions.yaml that no Suggestion has."""
    doc = curriculum.revisions
    if doc is None:
        return []
    codes = {code for code, _line in named_codes(doc)}
    known = set(db.session.scalars(select(Suggestion.code).where(Suggestion.code.in_(codes)))) if codes else set()
    return unknown_code_problems(doc, known)

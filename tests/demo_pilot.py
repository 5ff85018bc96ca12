"""Helpers for the demo pilot's tests: what revisions.yaml says revision 1.1 applied, and row counts."""
from sqlalchemy import func, select

from tests.conftest import REAL_CURRICULUM
from upskill.curriculum.yamlfile import parse_yaml
from upskill.extensions import db
from upskill.models import (
    PilotReport, ShowcaseComment, ShowcaseConsent, ShowcaseItem, Suggestion, SurveyAnswer, SurveyTaken,
)

PILOT_TABLES = (PilotReport, Suggestion, SurveyAnswer, SurveyTaken, ShowcaseConsent, ShowcaseItem, ShowcaseComment)


def revision(name):
    """The entry of curriculum/revisions.yaml for one revision."""
    revisions = parse_yaml((REAL_CURRICULUM / "revisions.yaml").read_text(encoding="utf-8"))
    return next(entry for entry in revisions if str(entry["revision"]) == name)


def suggestion_items(entry):
    """suggestion code -> the items of the changes of a revision that name it."""
    named = {}
    for change in entry["changes"]:
        for code in change.get("suggestions") or []:
            named.setdefault(code, []).append(change["item"])
    return named


def inside(item_code, item):
    """Whether an item code is the item itself or a finer code within it (M04.Q.q7 is inside M04.Q)."""
    return item_code == item or item_code.startswith(item + ".")


def pilot_row_counts():
    """table name -> how many rows the pilot's tables hold."""
    return {model.__tablename__: db.session.scalar(select(func.count()).select_from(model)) for model in PILOT_TABLES}

"""The pilot's CSV downloads: a period's reports, ratings and survey results; the suggestions."""
from flask import abort
from flask_login import current_user

from upskill import audit
from upskill.access import roles_required
from upskill.extensions import db
from upskill.pilot import bp, exports
from upskill.pilot.reports import period_for
from upskill.spreadsheet import csv_response

READERS = ("teacher", "coordinator", "admin")
SUGGESTERS = ("teacher", "company_trainer", "coordinator", "admin")
PERIOD_EXPORTS = {
    "reports": (exports.REPORT_COLUMNS, exports.report_rows),
    "ratings": (exports.RATING_COLUMNS, exports.rating_rows),
    "survey": (exports.SURVEY_COLUMNS, exports.survey_rows),
}


@bp.get("/periods/<int:period_id>/<any(reports, ratings, survey):what>.csv")
@roles_required(*READERS)
def period_csv(period_id, what):
    """A period's reports, ratings or survey results, as far as the reader may see them."""
    period = period_for(current_user, period_id)
    if what not in PERIOD_EXPORTS:
        abort(404)
    columns, rows = PERIOD_EXPORTS[what]
    return _download(f"upskill-pilot-{period.id}-{what}.csv", columns, list(rows(current_user, period)),
                     f"pilot-period:{period.id}", what)


@bp.get("/suggestions.csv")
@roles_required(*SUGGESTERS)
def suggestions_csv():
    """Every suggestion for coordinators; a teacher's or trainer's own for them."""
    return _download("upskill-suggestions.csv", exports.SUGGESTION_COLUMNS, list(exports.suggestion_rows(current_user)),
                     "suggestions", "suggestions")


def _download(filename, columns, rows, subject, what):
    audit.record("export", subject, what=f"{what}.csv", rows=len(rows))
    db.session.commit()
    return csv_response(filename, columns, rows)

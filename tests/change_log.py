"""Helpers for change-log tests: an earlier archived revision of the fixture curriculum, and suggestions."""
import shutil

from sqlalchemy import select

from upskill.extensions import db
from upskill.models import Suggestion, SuggestionKind, User
from upskill.pilot.suggestions import create_suggestion

LESSON = "modules/01-first-steps/L1-the-hopper.en.md"
NEW_LINE = "**Hot surfaces.** The feed throat can reach 60 °C."
OLD_LINE = "**Hot surfaces.** The feed throat gets hot."
DROPPED_LINE = "Keep the pellets in a dry room."
EARLIER_REVISION = """- revision: "0.8"
  date: 2026-10-01
  summary: Draft edition.
  changes:
    - {item: M01.L1, change: The hopper lesson drafted.}
"""


def replace_in(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_earlier_revision(runner, root, scratch):
    """Archive a 0.8 of the curriculum at root (an older hopper lesson) into root/history, and list 0.8 first."""
    older = scratch / "older"
    shutil.copytree(root, older)
    replace_in(older / LESSON, NEW_LINE, f"{OLD_LINE}\n\n{DROPPED_LINE}")
    replace_in(older / "programme.yaml", 'revision: "0.9"', 'revision: "0.8"')
    result = runner.invoke(args=["curriculum", "archive", "--path", str(older),
                                 "--output", str(root / "history" / "0.8.json.gz")])
    assert result.exit_code == 0, result.output
    revisions = root / "revisions.yaml"
    revisions.write_text(EARLIER_REVISION + revisions.read_text(encoding="utf-8"), encoding="utf-8")


def name_suggestions(root, per_change, listed):
    """Make the 0.9 revision of root name suggestion codes: per_change on its M01.W1 change, listed on the revision."""
    revisions = root / "revisions.yaml"
    change = "{item: M01.W1, change: A worksheet for the hopper lesson.}"
    replace_in(revisions, change, change[:-1] + f", suggestions: [{', '.join(per_change)}]}}")
    replace_in(revisions, "  summary: Test edition.\n", f"  summary: Test edition.\n  suggestions: [{', '.join(listed)}]\n")


def make_suggestions(app, author_id, statuses):
    """Create one suggestion of 2020 per status given (S-2020-001 ...); return their codes."""
    with app.app_context():
        author = db.session.get(User, author_id)
        codes = []
        for index, status in enumerate(statuses):
            suggestion, _made = create_suggestion(author, "M01.W1", SuggestionKind.error, f"Text {index}", "", "en",
                                                  f"change-log-key-{index:020d}", year=2020)
            suggestion.status = status
            codes.append(suggestion.code)
        db.session.commit()
        return codes


def suggestion_state(app, code):
    """Return (status, applied_in) of a suggestion."""
    with app.app_context():
        suggestion = db.session.scalars(select(Suggestion).where(Suggestion.code == code)).one()
        return suggestion.status, suggestion.applied_in


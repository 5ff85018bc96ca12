"""Mark the suggestions a curriculum revision applied, as revisions.yaml names them."""
from sqlalchemy import select

from upskill import audit
from upskill.extensions import db
from upskill.models import Suggestion, SuggestionStatus

NOT_APPLICABLE = (SuggestionStatus.rejected, SuggestionStatus.duplicate)


def codes_by_revision(revisions):
    """Return {suggestion code: the first revision naming it} from revisions.yaml's entries."""
    named = {}
    for entry in revisions if isinstance(revisions, list) else []:
        if not isinstance(entry, dict) or entry.get("revision") is None:
            continue
        codes = list(entry.get("suggestions") or [])
        for change in entry.get("changes") or []:
            codes += change.get("suggestions") or [] if isinstance(change, dict) else []
        for code in codes:
            if isinstance(code, str):
                named.setdefault(code, str(entry["revision"]))
    return named


def apply_revision_suggestions(revisions, warn=None):
    """Mark every suggestion the revisions name as applied in that revision; return (applied, unknown) codes.

    revisions are the entries of revisions.yaml (read_curriculum(root).revisions.meta). Running it
    again changes nothing. A rejected or duplicate suggestion is left as it is and passed to warn.
    """
    named = codes_by_revision(revisions)
    found = {s.code: s for s in db.session.scalars(select(Suggestion).where(Suggestion.code.in_(named)))} \
        if named else {}
    applied = []
    for code, revision in named.items():
        suggestion = found.get(code)
        if suggestion is None or suggestion.status == SuggestionStatus.applied:
            continue
        if suggestion.status in NOT_APPLICABLE:
            if warn:
                warn(f"{code} is {suggestion.status.value}: revision {revision} names it, left as it is")
            continue
        suggestion.status, suggestion.applied_in = SuggestionStatus.applied, revision
        audit.record("suggestion-applied", f"suggestion:{code}", revision=revision)
        applied.append(code)
    db.session.flush()
    return applied, sorted(set(named) - set(found))

"""The change log's data: revisions.yaml as read from the curriculum folder, and each revision's English texts."""
import datetime
from dataclasses import dataclass
from pathlib import Path

from flask import abort, current_app
from sqlalchemy import select

from upskill.curriculum.yamlfile import YamlError, parse_yaml
from upskill.extensions import db
from upskill.models import ItemRevisionText
from upskill.public.page_cache import cached_value

MAX_CODE_LENGTH = 120
MAX_REVISION_LENGTH = 20


@dataclass(frozen=True)
class Change:
    """One change note of a revision: the item, what changed, and the suggestions it applied."""

    item: str
    note: str
    suggestions: tuple


@dataclass(frozen=True)
class Revision:
    """A revision of the curriculum as revisions.yaml describes it."""

    name: str
    date: datetime.date | None
    summary: str
    changes: tuple
    suggestions: tuple


def module_of(code):
    """The group an item code belongs to in the change log: its module, 'glossary' or the programme code."""
    if code.startswith("glossary:"):
        return "glossary"
    return code.split(".", 1)[0]


def revision_history():
    """Return the revisions of revisions.yaml, oldest first (read again when the file or the content changes)."""
    path = Path(current_app.config["CURRICULUM_DIR"]) / "revisions.yaml"
    try:
        stat = path.stat()
    except OSError:
        return []
    return cached_value(("revisions", stat.st_mtime_ns, stat.st_size), lambda: _read_revisions(path))


def find_revision(name):
    """Return the revision called name, or abort with 404."""
    found = next((r for r in revision_history() if r.name == name[:MAX_REVISION_LENGTH]), None)
    if found is None:
        abort(404)
    return found


def stored_hashes():
    """Return {item code: {revision: hash of its English text}} over every stored revision."""
    def load():
        hashes = {}
        for code, revision, digest in db.session.execute(
                select(ItemRevisionText.item_code, ItemRevisionText.revision, ItemRevisionText.content_hash)):
            hashes.setdefault(code, {})[revision] = digest
        return hashes

    return cached_value(("revision-hashes",), load)


def revisions_with_texts():
    """Return the names of the revisions whose texts are stored, oldest first."""
    stored = {revision for by_revision in stored_hashes().values() for revision in by_revision}
    return [r.name for r in revision_history() if r.name in stored]


def changed_codes(since, to):
    """Return the item codes whose English text differs between two stored revisions, in code order."""
    return sorted(code for code, by_revision in stored_hashes().items()
                  if by_revision.get(since) != by_revision.get(to))


def changed_since_previous(name):
    """Return how many items' text changed from the stored revision before name to name, or None if unknown."""
    stored = revisions_with_texts()
    if name not in stored or stored.index(name) == 0:
        return None
    return len(changed_codes(stored[stored.index(name) - 1], name))


def item_texts(code):
    """Return {revision: English text} of one item in every stored revision (one query)."""
    rows = db.session.execute(select(ItemRevisionText.revision, ItemRevisionText.text)
                              .where(ItemRevisionText.item_code == code[:MAX_CODE_LENGTH]))
    return dict(rows.all())


def notes_about(code):
    """Return [(revision, [changes])] of the revisions whose notes name the item code."""
    found = []
    for revision in revision_history():
        changes = [change for change in revision.changes if change.item == code]
        if changes:
            found.append((revision, changes))
    return found


def grouped_by_module(codes):
    """Return [(module code, [item codes])] in the order the codes first come, each code once."""
    groups = {}
    for code in dict.fromkeys(codes):
        groups.setdefault(module_of(code), []).append(code)
    return list(groups.items())


def _read_revisions(path):
    try:
        entries = parse_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YamlError):
        return []
    return [_revision(entry) for entry in entries if isinstance(entry, dict)] if isinstance(entries, list) else []


def _revision(entry):
    changes = tuple(
        Change(item=str(change.get("item", "")), note=str(change.get("change", "")),
               suggestions=tuple(str(code) for code in change.get("suggestions") or []))
        for change in entry.get("changes") or [] if isinstance(change, dict))
    return Revision(name=str(entry.get("revision", "")), date=_date(entry.get("date")),
                    summary=str(entry.get("summary", "")), changes=changes,
                    suggestions=tuple(str(code) for code in entry.get("suggestions") or []))


def _date(value):
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None

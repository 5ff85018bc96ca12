"""Which English text a translation was made from, and whether that text has changed since.

Every translated file records, as `source: {revision: "1.1", sha256: "..."}`, the revision of the
English master and a hash of the master's text. The hash is of the normalised text (its words in
order, whitespace collapsed), so a change of line breaks or spaces is not a change; every other
change is, and makes the translation **outdated** until a translator brings it up to date or
marks it current again (`curriculum translations --mark-current`).
"""
import hashlib
import re
from dataclasses import dataclass

from upskill.curriculum.text import iter_strings

# Values that belong to the master and are not language: they do not make a translation outdated.
NOT_LANGUAGE = {"duration", "setting", "group_size", "evidences", "minutes", "multiple", "correct", "kind", "id",
                "used_by", "code", "order", "hours", "prerequisites", "lessons", "tasks", "worksheets", "quiz",
                "revision", "languages", "modules", "eqf_level", "isco", "licence", "partners"}
SOURCE_LINE = re.compile(r"^source:.*$", re.MULTILINE)


@dataclass(frozen=True)
class Pin:
    revision: str
    sha256: str


def english_text(doc):
    """The language of an English master as one normalised string: its translatable values, then its body."""
    parts = list(_translatable_strings(doc.meta)) + [doc.body or ""]
    return " ".join(" ".join(parts).split())


def _translatable_strings(value, key=None):
    if key in NOT_LANGUAGE:
        return
    if isinstance(value, dict):
        for child_key, child in value.items():
            yield from _translatable_strings(child, child_key)
    elif isinstance(value, list):
        for child in value:
            yield from _translatable_strings(child, key)
    elif isinstance(value, str):
        yield value


def english_hash(doc):
    return hashlib.sha256(english_text(doc).encode("utf-8")).hexdigest()


def pin_of(doc):
    """The pin a translated document carries, or None."""
    source = doc.pin if isinstance(getattr(doc, "pin", None), dict) else None
    if not source or not isinstance(source.get("sha256"), str):
        return None
    return Pin(str(source.get("revision", "")), source["sha256"])


def state_of(master, translation):
    """'current', 'outdated' or 'unpinned'."""
    pin = pin_of(translation)
    if pin is None:
        return "unpinned"
    return "current" if pin.sha256 == english_hash(master) else "outdated"


def pinned_text(text, revision, sha256, markdown):
    """Return the file text with its source pin set to this revision and hash, and nothing else changed."""
    line = f'source: {{revision: "{revision}", sha256: {sha256}}}'
    if markdown:
        if text.startswith("---\n"):
            front_end = text.index("\n---", 3)
            front = text[4:front_end]
            if SOURCE_LINE.search(front):
                front = SOURCE_LINE.sub(line, front, count=1)
            else:
                front = line + "\n" + front
            return "---\n" + front + text[front_end:]
        return f"---\n{line}\n---\n" + text
    if SOURCE_LINE.search(text):
        return SOURCE_LINE.sub(line, text, count=1)
    return line + "\n" + text

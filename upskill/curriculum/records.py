"""The records a curriculum is built into before it is stored, and the hash that keys them."""
import hashlib
from dataclasses import dataclass, field

from upskill.curriculum.render import RENDER_VERSION


@dataclass
class TextRecord:
    """An item's rendered text in one language."""

    title: str
    summary: str = ""
    body_html: str = ""
    teacher_html: str | None = None
    content: dict = field(default_factory=dict)
    plain_text: str = ""
    search_text: str = ""
    words: int = 0
    search_stems: str = ""  # the search tokens of the whole text (upskill.curriculum.stems)
    title_stems: str = ""  # and of the title alone, which ranks higher


@dataclass
class ItemRecord:
    """A curriculum item as it will be stored."""

    code: str
    kind: str
    module_code: str | None
    position: int
    slug: str
    facts: dict
    content_hash: str
    texts: dict  # lang -> TextRecord


@dataclass
class TermRecord:
    """A glossary term as it will be stored."""

    key: str
    terms: dict
    definitions: dict
    see: list
    content_hash: str


def hash_parts(*parts):
    """Return the SHA-256 of the render version and the parts, so a new renderer re-renders everything."""
    digest = hashlib.sha256(RENDER_VERSION.encode())
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode())
    return digest.hexdigest()

"""The forms a page offers: where each one posts, and its fields with the values the page fills in."""
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

FIELD_TAGS = {"input", "select", "textarea", "button"}
TEXT_KINDS = {"text", "textarea", "search", "url", "tel"}  # fields a person types free text into


@dataclass
class Field:
    name: str
    kind: str  # the input's type, or "select" / "textarea" / "button"
    value: str  # what the page fills in (a select's first option)


class _FormReader(HTMLParser):
    """Collect {action path: [Field]} from the forms of one page."""

    def __init__(self, page_path):
        super().__init__()
        self.page_path = page_path
        self.forms = {}
        self._current = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            action = urlsplit(attrs.get("action") or self.page_path).path or self.page_path
            self._current = self.forms.setdefault(action, [])
        elif tag in FIELD_TAGS and self._current is not None and attrs.get("name"):
            kind = attrs.get("type", "text") if tag == "input" else tag
            field = Field(attrs["name"], kind, attrs.get("value") or "")
            self._current.append(field)
            self._select = field if tag == "select" else None
        elif tag == "option" and self._select is not None:
            self._select.value = attrs.get("value") or ""
            self._select = None  # the first option is the one kept

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def forms_of(html, page_path):
    """Return {path the form posts to: [Field]} for every form in html."""
    reader = _FormReader(page_path)
    reader.feed(html)
    return reader.forms

"""What a reader gets of a page: its text and the text its attributes show, each with its language."""
from dataclasses import dataclass
from html.parser import HTMLParser

# Attributes a browser shows or reads out, and the data-*-text/-label ones our scripts show.
SHOWN_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder"}
BUTTON_INPUTS = {"submit", "button", "reset"}
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
UNSHOWN_ELEMENTS = {"script", "style"}


@dataclass(frozen=True)
class Piece:
    """One run of text as the reader gets it; where says which element or attribute holds it."""

    text: str
    lang: str
    where: str


def shown_attribute(tag, name, attrs):
    """True if a reader sees or hears this attribute's value."""
    if name in SHOWN_ATTRIBUTES:
        return True
    if name == "value":
        return tag == "button" or (tag == "input" and attrs.get("type") in BUTTON_INPUTS)
    if name == "content":
        return tag == "meta" and attrs.get("name") == "description"
    return name.startswith("data-") and name.endswith(("-text", "-label"))


class PageReader(HTMLParser):
    """Collect the pieces of a page, and its <html lang>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open = []  # (tag, lang) of the elements we are inside
        self.pieces = []
        self.html_lang = None

    def language_here(self):
        return self.open[-1][1] if self.open else ""

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.html_lang = attrs.get("lang")
        lang = attrs.get("lang") or self.language_here()
        for name, value in attrs.items():
            if shown_attribute(tag, name, attrs) and value.strip():
                self.pieces.append(Piece(" ".join(value.split()), lang, f"{tag}[{name}]"))
        if tag not in VOID_ELEMENTS:
            self.open.append((tag, lang))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.open.pop()

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                return

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not (self.open and self.open[-1][0] in UNSHOWN_ELEMENTS):
            tag = self.open[-1][0] if self.open else "#document"
            self.pieces.append(Piece(text, self.language_here(), tag))


def read_page(html):
    """Return (the <html lang> of a page, its pieces of text)."""
    reader = PageReader()
    reader.feed(html)
    reader.close()
    return reader.html_lang, reader.pieces

"""The course books: which there are, what each is called, and what goes into one."""
from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext

BOOK_KINDS = ("programme", "student-handbook", "teachers-book")
BOOK_TITLES = {
    "programme": lazy_gettext("Programme"),
    "student-handbook": lazy_gettext("Student's Handbook"),
    "teachers-book": lazy_gettext("Teacher's Book"),
}


class UnknownBook(ValueError):
    """A book, module or language that the curriculum does not have."""


@dataclass(frozen=True)
class BookSpec:
    """One book to build: its kind, language, and a module or the whole programme."""

    kind: str
    lang: str
    module: str | None = None

    def __post_init__(self):
        if self.kind not in BOOK_KINDS:
            raise UnknownBook(f"unknown book '{self.kind}' (books: {', '.join(BOOK_KINDS)})")
        if self.kind == "programme" and self.module:
            raise UnknownBook("the programme is one book for all modules")

    def file_name(self, revision):
        """Return the download name: upskill-teachers-book-m04-lt-r1.1.pdf."""
        part = f"-{self.module.lower()}" if self.module else ""
        return f"upskill-{self.kind}{part}-{self.lang}-r{revision}.pdf"

    @property
    def title(self):
        """The book's title in the current language."""
        return str(BOOK_TITLES[self.kind])


def kind_labels():
    """Return the names of the kinds of item, in the current language."""
    return {"lesson": _("Lesson"), "task": _("Practical task"), "quiz": _("Self-check quiz"),
            "worksheet": _("Worksheet")}

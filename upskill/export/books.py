"""The course books: which there are, what each is called, and what goes into one."""
import re
from dataclasses import dataclass

from flask_babel import gettext as _

BOOK_KINDS = ("programme", "student-handbook", "teachers-book")
# A handout is the Student's Handbook of the modules a teacher picks, with the class on its cover.
HANDOUT = "handout"
FOR_WHOM_LIMIT = 120
MODULE_CODE = re.compile(r"M\d{2}")


class UnknownBook(ValueError):
    """A book, module or language that the curriculum does not have."""


@dataclass(frozen=True)
class BookSpec:
    """One book to build: its kind, language, and a module or the whole programme."""

    kind: str
    lang: str
    module: str | None = None
    modules: tuple = ()  # a handout's modules, in the order the teacher gave them
    for_whom: str | None = None  # a handout's class or school, printed on its cover

    def __post_init__(self):
        if self.kind not in (*BOOK_KINDS, HANDOUT):
            raise UnknownBook(f"unknown book '{self.kind}' (books: {', '.join(BOOK_KINDS)}, {HANDOUT})")
        if self.kind == "programme" and self.module:
            raise UnknownBook("the programme is one book for all modules")
        if self.kind == HANDOUT:
            self._check_handout()
        elif self.modules or self.for_whom:
            raise UnknownBook("only a handout names several modules and a class")

    def _check_handout(self):
        if self.module or not self.modules or len(self.modules) > 20:
            raise UnknownBook("a handout needs one or more modules (--module M04 --module M05)")
        if any(not isinstance(code, str) or not MODULE_CODE.fullmatch(code) for code in self.modules):
            raise UnknownBook("module codes look like M04")
        name = self.for_whom or ""
        if not name.strip() or len(name) > FOR_WHOM_LIMIT or any(not ch.isprintable() for ch in name):
            raise UnknownBook(f"a handout needs the class or school for its cover, at most {FOR_WHOM_LIMIT} printable characters")

    @property
    def module_codes(self):
        """Return the modules the book holds, or None for all of them."""
        return list(self.modules) if self.kind == HANDOUT else ([self.module] if self.module else None)

    @property
    def layout(self):
        """Return the kind of book whose pages this one has (a handout is laid out as the handbook)."""
        return "student-handbook" if self.kind == HANDOUT else self.kind

    def file_name(self, revision):
        """Return the download name: upskill-teachers-book-m04-lt-r1.1.pdf."""
        codes = self.modules if self.kind == HANDOUT else ([self.module] if self.module else [])
        part = "".join(f"-{code.lower()}" for code in codes)
        return f"upskill-{self.kind}{part}-{self.lang}-r{revision}.pdf"

    @property
    def title(self):
        """The book's title in the current language."""
        return {"programme": _("Programme"), "student-handbook": _("Student's Handbook"),
                "teachers-book": _("Teacher's Book"), HANDOUT: _("Handout")}[self.kind]


def kind_labels():
    """Return the names of the kinds of item, in the current language."""
    return {"lesson": _("Lesson"), "task": _("Practical task"), "quiz": _("Self-check quiz"),
            "worksheet": _("Worksheet")}

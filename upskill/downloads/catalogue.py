"""What the downloads page offers: every book, whole and per module, in a language, and which are built."""
import re
from dataclasses import dataclass

from upskill.export.books import BOOK_KINDS, BookSpec, UnknownBook
from upskill.export.content import book_index
from upskill.export.library import cached_book, key_of
from upskill.public.page_cache import cached_value

FILE_NAME = re.compile(
    r"upskill-(?P<kind>programme|student-handbook|teachers-book)(?:-(?P<module>m\d{2}))?"
    r"-(?P<lang>[a-z]{2})-r(?P<revision>\d+(?:\.\d+)*)\.pdf"
)


@dataclass
class Offer:
    """One book as the downloads page lists it."""

    spec: BookSpec
    file_name: str
    key: str
    module_title: str | None
    title_lang: str | None
    built: object  # a BuiltBook, or None when it will be built on first request


def catalogue(lang):
    """Return the revision and the Offers of every book in lang, or (None, []) with no curriculum.

    The books and their keys are worked out once per content version; whether each is built is
    looked up each time.
    """
    revision, named = cached_value(("book-catalogue", lang), lambda: _named_books(lang)) or (None, [])
    return revision, [Offer(spec, spec.file_name(revision), key, title, title_lang, cached_book(key))
                      for spec, key, title, title_lang in named]


def _named_books(lang):
    index = book_index(lang)
    if index is None:
        return None
    named = []
    for module in [None, *index.modules]:
        for kind in BOOK_KINDS:
            if kind == "programme" and module:
                continue
            spec = BookSpec(kind, lang, module.code if module else None)
            key, _revision = key_of(spec, index)
            named.append((spec, key, module and module.title, module and module.lang))
    return index.revision, named


def offer_of(file_name, languages):
    """Return the Offer a download name asks for at the current revision, or None.

    What the name stands for depends only on the content, so it is worked out once per content
    version; whether the book is built is looked up each time.
    """
    named = cached_value(("book-offer", file_name), lambda: _named_book(file_name, languages))
    if named is None:
        return None
    spec, key, title, title_lang = named
    return Offer(spec, file_name, key, title, title_lang, cached_book(key))


def _named_book(file_name, languages):
    found = FILE_NAME.fullmatch(file_name)
    if not found or found["lang"] not in languages:
        return None
    module = found["module"].upper() if found["module"] else None
    if found["kind"] == "programme" and module:
        return None
    index = book_index(found["lang"])
    if index is None or index.revision != found["revision"]:
        return None
    spec = BookSpec(found["kind"], found["lang"], module)
    try:
        key, _revision = key_of(spec, index)
    except UnknownBook:
        return None
    entry = next((m for m in index.modules if m.code == module), None)
    return spec, key, entry and entry.title, entry and entry.lang

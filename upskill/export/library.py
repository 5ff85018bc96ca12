"""The library of built books (the books storage): build a book once per content and design, keep it.

A book's file is named after a hash of everything that goes into it (the content hashes of its
items and the glossary, the templates, styles and fonts, the language and the revision), so an
unchanged book is never rebuilt and a changed one always is. The storage writes each file whole
or not at all, so a failed or killed build leaves no partial book behind. Names in the storage:
`<key[:32]>/<file name>.pdf` with its facts in `<key[:32]>/book.json` (written last: it marks the
book done), and the per-module parts of whole books in `parts/`.
"""
import hashlib
import json
import time
from dataclasses import asdict, dataclass

from upskill import storage
from upskill.export.assembly import assembled_book, facts_of, part_from_files
from upskill.export.books import UnknownBook
from upskill.export.content import book_index, load_book_content
from upskill.export.pdf import book_html, design_fingerprint, render_pdf


@dataclass
class BuiltBook:
    """A book file in the library, with what a downloads page says about it."""

    name: str  # in the books storage
    file_name: str
    pages: int
    size: int
    built_at: float
    seconds: float
    revision: str
    content_hash: str
    cached: bool = False


def book_key(spec, revision, hashes):
    """Return the hash of everything that goes into the book: its items, design, language, revision."""
    digest = hashlib.sha256(json.dumps([spec.kind, spec.lang, spec.module, list(spec.modules), spec.for_whom,
                                        revision]).encode())
    digest.update(design_fingerprint().encode())
    for content_hash in hashes:
        digest.update(content_hash.encode())
    return digest.hexdigest()


def key_of(spec, index=None):
    """Return (key, revision) of the book as the synced content stands, from the light index."""
    index = index or book_index(spec.lang)
    if index is None:
        raise UnknownBook("no curriculum has been loaded yet")
    hashes, found = index.hashes(spec.module_codes)
    if not found:
        raise UnknownBook(f"there is no module {', '.join(spec.module_codes)}")
    return book_key(spec, index.revision, hashes), index.revision


def find_or_build(spec):
    """Return the BuiltBook for spec, building it only when no file exists for its content."""
    codes = spec.module_codes
    content = load_book_content(spec.lang, codes)
    if content is None:
        raise UnknownBook("no curriculum has been loaded yet")
    missing = sorted(set(codes or []) - {module.entry.code for module in content.modules})
    if missing:
        raise UnknownBook(f"there is no module {', '.join(missing)}")
    revision = content.revision
    key = book_key(spec, revision, content.hashes)
    found = cached_book(key)
    if found:
        return found
    return _build(spec, content, key, revision)


def cached_book(key):
    """Return the built book for this key, or None."""
    books = storage.books()
    if books.remote and (repr(books), key) in _found:
        return _found[repr(books), key]
    try:
        facts = json.loads(books.read(f"{key[:32]}/book.json"))
    except storage.NotStored:
        return None
    book = BuiltBook(name=f"{key[:32]}/{facts['file_name']}", cached=True,
                     **{k: v for k, v in facts.items() if k not in ("name", "path", "cached")})
    if books.remote:  # a built book never changes under its key: ask the store once per process
        if len(_found) >= FOUND_LIMIT:
            _found.clear()
        _found[repr(books), key] = book
    return book


def open_book(book):
    """Return a binary stream of a built book's PDF."""
    return storage.books().open(book.name)


_found = {}  # (storage, key) -> BuiltBook, for remote storages
FOUND_LIMIT = 4096
# Whole handbooks and teacher's books are assembled from per-module parts kept in the library.
ASSEMBLED = ("student-handbook", "teachers-book")


def _build(spec, content, key, revision):
    books = storage.books()
    books.clear_abandoned()
    started = time.perf_counter()
    if spec.kind in ASSEMBLED and spec.module is None:
        pdf, pages = assembled_book(spec, content, key, revision, store_part)
    else:
        pdf, pages = render_pdf(book_html(spec, content, key, revision, for_whom=spec.for_whom))
    file_name = spec.file_name(revision)
    book = BuiltBook(name=f"{key[:32]}/{file_name}", file_name=file_name, pages=pages, size=len(pdf),
                     built_at=time.time(), seconds=round(time.perf_counter() - started, 2), revision=revision,
                     content_hash=key)
    books.put(book.name, pdf)
    facts = {k: v for k, v in asdict(book).items() if k not in ("name", "cached")}
    books.put(f"{key[:32]}/book.json", json.dumps(facts).encode())  # last: it marks the book done
    return book


def store_part(name, build):
    """Return the stored part of a book called name, building and storing it when it is missing."""
    books = storage.books()
    pdf_name, facts_name = f"parts/{name}.pdf", f"parts/{name}.json"
    try:
        return part_from_files(books.read(pdf_name), json.loads(books.read(facts_name)))
    except storage.NotStored:
        pass
    part = build()
    books.put(pdf_name, part.pdf)
    books.put(facts_name, json.dumps(facts_of(part)).encode())  # last: it marks the part done
    return part

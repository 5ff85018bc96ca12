"""The library of built books in instance/books/: build a book once per content and design, keep it.

A book's file is named after a hash of everything that goes into it (the content hashes of its
items and the glossary, the templates, styles and fonts, the language and the revision), so an
unchanged book is never rebuilt and a changed one always is. A build writes to a temporary file
and renames it into place, so a failed or killed build leaves no partial book behind.
"""
import hashlib
import json
import os
import socket
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from flask import current_app

from upskill.export.assembly import assembled_book, facts_of, part_from_files
from upskill.export.books import UnknownBook
from upskill.export.content import book_index, load_book_content
from upskill.export.pdf import book_html, design_fingerprint, render_pdf


@dataclass
class BuiltBook:
    """A book file in the library, with what a downloads page says about it."""

    path: Path
    file_name: str
    pages: int
    size: int
    built_at: float
    seconds: float
    revision: str
    content_hash: str
    cached: bool = False


def library_folder():
    """Return the folder that holds the built books (made owner-only on first use)."""
    folder = Path(current_app.config.get("BOOKS_DIR") or Path(current_app.instance_path) / "books")
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


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
    sidecar = library_folder() / key[:32] / "book.json"
    if not sidecar.exists():
        return None
    facts = json.loads(sidecar.read_text())
    return BuiltBook(path=sidecar.parent / facts["file_name"], cached=True,
                     **{k: v for k, v in facts.items() if k not in ("path", "cached")})


PARTIAL = ".partial-"
# Whole handbooks and teacher's books are assembled from per-module parts kept in the library.
ASSEMBLED = ("student-handbook", "teachers-book")


def remove_abandoned_files(folder):
    """Delete the temporary files of builds on this host whose process has died; return how many."""
    removed = 0
    host = socket.gethostname()
    for path in folder.rglob(PARTIAL + "*"):
        owner_host, _, rest = path.name.removeprefix(PARTIAL).rpartition("-")[0].rpartition("-")
        pid = rest
        if owner_host == host and pid.isdigit() and not _alive(int(pid)):
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _build(spec, content, key, revision):
    remove_abandoned_files(library_folder())
    started = time.perf_counter()
    if spec.kind in ASSEMBLED and spec.module is None:
        pdf, pages = assembled_book(spec, content, key, revision, store_part)
    else:
        pdf, pages = render_pdf(book_html(spec, content, key, revision, for_whom=spec.for_whom))
    folder = library_folder() / key[:32]
    folder.mkdir(exist_ok=True, mode=0o700)
    book = BuiltBook(path=folder / spec.file_name(revision), file_name=spec.file_name(revision), pages=pages,
                     size=len(pdf), built_at=time.time(), seconds=round(time.perf_counter() - started, 2),
                     revision=revision, content_hash=key)
    write_atomically(book.path, pdf)
    facts = {k: v for k, v in asdict(book).items() if k not in ("path", "cached")}
    write_atomically(folder / "book.json", json.dumps(facts).encode())  # last: it marks the book done
    return book


def store_part(name, build):
    """Return the stored part of a book called name, building and storing it when it is missing."""
    folder = library_folder() / "parts"
    folder.mkdir(exist_ok=True, mode=0o700)
    pdf_path, facts_path = folder / f"{name}.pdf", folder / f"{name}.json"
    if facts_path.exists() and pdf_path.exists():
        return part_from_files(pdf_path.read_bytes(), json.loads(facts_path.read_text()))
    part = build()
    write_atomically(pdf_path, part.pdf)
    write_atomically(facts_path, json.dumps(facts_of(part)).encode())  # last: it marks the part done
    return part


def write_atomically(path, data):
    """Write data to path through a temporary file in the same folder, so no reader sees half of it.

    The temporary file's name carries this host and process, so that one a killed build left
    behind can be told from one still being written (see remove_abandoned_files).
    """
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f"{PARTIAL}{socket.gethostname()}-{os.getpid()}-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

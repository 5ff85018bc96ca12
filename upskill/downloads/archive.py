"""One file with everything in a language: the three whole books, zipped once they are built."""
import hashlib
import re
import shutil
import tempfile
import zipfile

from upskill import storage
from upskill.downloads.catalogue import catalogue
from upskill.export.library import open_book

ARCHIVE_NAME = re.compile(r"upskill-all-(?P<lang>[a-z]{2})-r(?P<revision>\d+(?:\.\d+)*)\.zip")


def archive_name(lang, revision):
    """Return the name of a language's archive: upskill-all-lt-r1.1.zip."""
    return f"upskill-all-{lang}-r{revision}.zip"


def archive_parts(name, languages):
    """Return the whole-book Offers an archive name stands for at the current revision, or None."""
    found = ARCHIVE_NAME.fullmatch(name)
    if not found or found["lang"] not in languages:
        return None
    revision, offers = catalogue(found["lang"])
    if revision != found["revision"]:
        return None
    return [offer for offer in offers if offer.spec.module is None]


def archive_stored_name(name, parts):
    """Return the storage name of the archive of these books, zipping them first if they are all built; else None."""
    if any(part.built is None for part in parts):
        return None
    key = hashlib.sha256("".join(part.key for part in parts).encode()).hexdigest()
    stored = f"archive-{key[:32]}/{name}"
    books = storage.books()
    if not books.exists(stored):
        with tempfile.TemporaryFile() as zipped:
            _zip_into(zipped, parts)
            zipped.seek(0)
            books.put(stored, zipped)
    return stored


def _zip_into(out, parts):
    # PDFs are compressed already: storing them keeps the archive quick to make and to open.
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as archive:
        for part in parts:
            with open_book(part.built) as book, archive.open(part.file_name, "w", force_zip64=True) as packed:
                shutil.copyfileobj(book, packed, 1024 * 1024)

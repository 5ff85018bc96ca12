"""One file with everything in a language: the three whole books, zipped once they are built."""
import hashlib
import re
import zipfile
from io import BytesIO
from pathlib import Path

from upskill.downloads.catalogue import catalogue
from upskill.export.library import library_folder, write_atomically

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


def archive_path(name, parts):
    """Return the archive file for these books, zipping them first if they are all built; else None."""
    if any(part.built is None for part in parts):
        return None
    key = hashlib.sha256("".join(part.key for part in parts).encode()).hexdigest()
    path = library_folder() / ("archive-" + key[:32]) / name
    if not path.exists():
        path.parent.mkdir(exist_ok=True, mode=0o700)
        write_atomically(path, _zipped(parts))
    return path


def _zipped(parts):
    buffer = BytesIO()
    # PDFs are compressed already: storing them keeps the archive quick to make and to open.
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for part in parts:
            archive.write(Path(part.built.path), arcname=part.file_name)
    return buffer.getvalue()

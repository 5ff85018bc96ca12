"""What every storage of files offers, and the names it accepts.

A stored file is known by a name: slash-separated parts of letters, digits, dots, dashes and
underscores, none starting with a dot. That rules out absolute paths, `..`, hidden files and
the temporary files of writes in progress, so a name can never reach outside its storage.
"""
import re
from dataclasses import dataclass

NAME_PART = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]{0,199}")
MAX_NAME = 1024


class InvalidName(ValueError):
    """A name that could point outside the storage or at a temporary file; refused."""


class NotStored(LookupError):
    """No file is stored under this name."""


@dataclass(frozen=True)
class StoredObject:
    """What a storage knows about one file."""

    name: str
    size: int
    modified_at: float  # seconds since the epoch
    etag: str


def check_name(name):
    """Return name if it is a safe storage name; raise InvalidName otherwise."""
    if not isinstance(name, str) or not 0 < len(name) <= MAX_NAME:
        raise InvalidName(f"not a storage name: {name!r:.80}")
    if not all(NAME_PART.fullmatch(part) for part in name.split("/")):
        raise InvalidName(f"not a storage name: {name!r:.80}")
    return name


def check_prefix(prefix):
    """Return a listing prefix ('' or a name, optionally ending in '/'); raise InvalidName otherwise."""
    if prefix:
        check_name(prefix.removesuffix("/"))
    return prefix


class Storage:
    """A place for files: written whole or not at all, read as streams, served by the app.

    Subclasses implement put, open, stat, delete, list and send; read and exists follow.
    """

    remote = False  # True where each look-up is a network round trip (worth caching what never changes)

    def put(self, name, data):
        """Store data (bytes or a binary file) under name; readers see the old file or the new one, never half."""
        raise NotImplementedError

    def open(self, name):
        """Return a binary, seekable stream of the file; raise NotStored if there is none."""
        raise NotImplementedError

    def stat(self, name):
        """Return the StoredObject of name, or None when nothing is stored under it."""
        raise NotImplementedError

    def delete(self, name):
        """Remove the file if there is one."""
        raise NotImplementedError

    def list(self, prefix=""):
        """Yield the names of every stored file that starts with prefix, in sorted order."""
        raise NotImplementedError

    def send(self, name, *, mimetype, download_name, as_attachment=False, etag=None, last_modified=None,
             max_age=None, conditional=True):
        """Return a Flask response with the file (conditional, with byte ranges); raise NotStored."""
        raise NotImplementedError

    def clear_abandoned(self):
        """Remove what writes killed midway left behind; return how many were removed."""
        return 0

    def read(self, name):
        """Return the whole file as bytes; raise NotStored if there is none."""
        with self.open(name) as stream:
            return stream.read()

    def exists(self, name):
        """True if a file is stored under name."""
        return self.stat(name) is not None

"""One storage interface for uploaded evidence and built books: a local folder, or an S3 bucket.

`UPSKILL_STORAGE=local` (the default) keeps evidence in `UPLOADS_DIR` (instance/uploads/) and
books in `BOOKS_DIR` (instance/books/); `UPSKILL_STORAGE=s3` keeps both in `UPSKILL_S3_BUCKET`,
under `<UPSKILL_S3_PREFIX>/uploads/` and `<UPSKILL_S3_PREFIX>/books/`, at `UPSKILL_S3_ENDPOINT_URL`
(any S3-compatible store; unset: AWS). The choice is checked when the app is made; each kind's
storage is made on first use and made again if its settings change.
"""
from pathlib import Path

from flask import current_app

from upskill.storage.base import InvalidName, NotStored, Storage, StoredObject, check_name
from upskill.storage.local import LocalStorage
from upskill.storage.s3 import S3Storage

__all__ = ["InvalidName", "NotStored", "Storage", "StoredObject", "check_name", "LocalStorage", "S3Storage",
           "books", "evidence", "storage_for", "init_app", "SETTINGS"]

# kind -> (the setting naming its local folder, the folder's name in instance/ and in the bucket's keys)
KINDS = {"evidence": ("UPLOADS_DIR", "uploads"), "books": ("BOOKS_DIR", "books")}
# What a process (a book build, an RQ worker) needs to reach the same files.
SETTINGS = ("STORAGE", "UPLOADS_DIR", "BOOKS_DIR", "S3_BUCKET", "S3_PREFIX", "S3_ENDPOINT_URL", "S3_REGION")
EXTENSION = "upskill.storage"


def init_app(app):
    """Check the storage settings now, so that a wrong one stops the app at start, not at a hand-in."""
    choice = app.config.get("STORAGE") or "local"
    if choice not in ("local", "s3"):
        raise RuntimeError(f"UPSKILL_STORAGE must be 'local' or 's3', not {choice!r}")
    if choice == "s3" and not app.config.get("S3_BUCKET"):
        raise RuntimeError("UPSKILL_STORAGE=s3 needs UPSKILL_S3_BUCKET (and UPSKILL_S3_ENDPOINT_URL for a store "
                           "other than AWS); see the README, Configuration.")
    app.extensions[EXTENSION] = {}


def _settings(app, kind):
    config = app.config
    setting, folder = KINDS[kind]
    if (config.get("STORAGE") or "local") == "s3":
        prefix = (config.get("S3_PREFIX") or "").strip("/")
        return ("s3", str(config["S3_BUCKET"]), f"{prefix}/{folder}/" if prefix else f"{folder}/",
                config.get("S3_ENDPOINT_URL") or None, config.get("S3_REGION") or None)
    return ("local", str(config.get(setting) or Path(app.instance_path) / folder))


def storage_for(kind, app=None):
    """Return the Storage that holds files of this kind ('evidence' or 'books') for the app."""
    app = app or current_app._get_current_object()
    settings = _settings(app, kind)
    made = app.extensions.setdefault(EXTENSION, {})
    known = made.get(kind)
    if known is None or known[0] != settings:
        storage = S3Storage(*settings[1:]) if settings[0] == "s3" else LocalStorage(settings[1])
        known = made[kind] = (settings, storage)
    return known[1]


def evidence():
    """The storage of students' evidence files."""
    return storage_for("evidence")


def books():
    """The storage of built books, their parts and archives."""
    return storage_for("books")

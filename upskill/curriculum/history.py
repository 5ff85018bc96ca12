"""Archives of earlier revisions' English texts: curriculum/history/<revision>.json.gz.

An archive is gzip-compressed JSON, {"format": 1, "revision": "1.0", "texts": {code: text}},
written with sorted keys and no timestamp so that the same folder always gives the same bytes.
"""
import gzip
import json
from pathlib import Path

from upskill.curriculum.revision_texts import english_texts

FORMAT = 1
FOLDER = "history"
SUFFIX = ".json.gz"


class ArchiveError(Exception):
    """An archive file that cannot be read as one."""


def programme_revision(curriculum):
    """Return the revision the programme.yaml of a parsed curriculum names, or None."""
    programme = curriculum.programme.get("en")
    revision = programme.meta.get("revision") if programme is not None else None
    return str(revision) if revision is not None else None


def write_archive(curriculum, path, revision=None):
    """Write the English texts of a parsed curriculum to path; return (revision, number of texts)."""
    revision = revision or programme_revision(curriculum)
    if not revision:
        raise ArchiveError("the programme names no revision: give one")
    texts = english_texts(curriculum)
    data = json.dumps({"format": FORMAT, "revision": revision, "texts": texts},
                      ensure_ascii=False, sort_keys=True, indent=0).encode("utf-8")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as packed:
        packed.write(data)
    return revision, len(texts)


def read_archive(path):
    """Return (revision, {code: text}) from an archive file; raise ArchiveError if it is not one."""
    try:
        with gzip.open(path, "rb") as packed:
            data = json.loads(packed.read().decode("utf-8"))
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ArchiveError(f"{path}: not a readable archive ({error})") from error
    if (not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("revision"), str)
            or not isinstance(data.get("texts"), dict)
            or not all(isinstance(k, str) and isinstance(v, str) for k, v in data["texts"].items())):
        raise ArchiveError(f"{path}: not an archive of format {FORMAT}")
    return data["revision"], data["texts"]


def archive_files(root):
    """Return the archive files of the curriculum folder at root, in name order."""
    return sorted((Path(root) / FOLDER).glob("*" + SUFFIX))

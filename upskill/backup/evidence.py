"""The evidence files as a backup sees them: list them, read one, write one.

The only module of the backup that touches the evidence files, through the platform's storage
interface (upskill.storage), so a backup works the same on the local folder and on S3.
"""
import re

from upskill import storage
from upskill.learning.uploads import name_of

NAME = re.compile(r"[0-9a-f]{2}/([0-9a-f]{64})")  # uploads.store() keeps a file at <hash[:2]>/<hash>
CHUNK = 1 << 20


def is_evidence_name(name):
    """Tell whether name is the storage name of an evidence file (its content's hash, no other folder)."""
    match = NAME.fullmatch(name)
    return bool(match) and name_of(match.group(1)) == name


def evidence_names():
    """Return the names of every stored evidence file, sorted."""
    return sorted(name for name in storage.evidence().list() if is_evidence_name(name))


def read_chunks(name):
    """Yield the bytes of one evidence file in chunks."""
    with storage.evidence().open(name) as source:
        while chunk := source.read(CHUNK):
            yield chunk


def has_evidence(name):
    """Tell whether the evidence file is stored."""
    return storage.evidence().exists(name)


def write_evidence(name, chunks):
    """Store one evidence file from chunks of bytes, whole or not at all."""
    if not is_evidence_name(name):
        raise ValueError(f"not the name of an evidence file: {name!r}")
    storage.evidence().put(name, b"".join(chunks))


def remove_evidence(name):
    """Delete one evidence file (a restore that failed takes back what it wrote)."""
    storage.evidence().delete(name)

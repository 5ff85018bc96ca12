"""The evidence files as a backup sees them: list them, read one, write one.

The only module of the backup that touches the upload folder, so that it can move onto the
platform's storage interface in one place.
"""
import os
import re
import tempfile

from upskill.learning.uploads import evidence_folder
from upskill.security import private_folder

NAME = re.compile(r"[0-9a-f]{2}/([0-9a-f]{64})")  # uploads.store() keeps a file at <hash[:2]>/<hash>
CHUNK = 1 << 20


def is_evidence_name(name):
    """Tell whether name is the path of an evidence file (its content's hash, no other folder)."""
    match = NAME.fullmatch(name)
    return bool(match) and match.group(1).startswith(name[:2])


def evidence_names():
    """Return the paths of every stored evidence file, sorted (temporary files left out)."""
    root = evidence_folder()
    names = (path.relative_to(root).as_posix() for path in root.glob("*/*") if path.is_file())
    return sorted(name for name in names if is_evidence_name(name))


def read_chunks(name):
    """Yield the bytes of one evidence file in chunks."""
    with open(evidence_folder() / name, "rb") as source:
        while chunk := source.read(CHUNK):
            yield chunk


def has_evidence(name):
    """Tell whether the evidence file is stored."""
    return (evidence_folder() / name).is_file()


def write_evidence(name, chunks):
    """Store one evidence file from chunks of bytes, atomically and owner-only."""
    if not is_evidence_name(name):
        raise ValueError(f"not the name of an evidence file: {name!r}")
    target = evidence_folder() / name
    private_folder(target.parent)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".part-")
    try:
        with os.fdopen(handle, "wb") as out:
            for chunk in chunks:
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


def remove_evidence(name):
    """Delete one evidence file (a restore that failed takes back what it wrote)."""
    (evidence_folder() / name).unlink(missing_ok=True)

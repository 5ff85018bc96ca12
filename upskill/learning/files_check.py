"""The evidence folder against the database: orphan files, missing files and files whose content changed.

A hand-in writes its files (under a temporary name, then renamed) before its row is committed, so
a crash, a refused commit or an erasure cut short can leave a file that no row names. Such an
orphan is harmless and found here; a row whose file is missing or altered is damage. A file
younger than the grace period may belong to a hand-in still being committed, so it is not
counted as an orphan yet.
"""
import hashlib
import time
from dataclasses import dataclass, field

from sqlalchemy import select

from upskill.extensions import db
from upskill.learning import uploads
from upskill.models import EvidenceFile

CHUNK = 1024 * 1024


@dataclass
class FilesReport:
    """What the check found: paths relative to the evidence folder, and the rows concerned."""

    checked: int = 0
    orphans: list = field(default_factory=list)  # (relative path, size in bytes)
    missing: list = field(default_factory=list)  # (sha256, [evidence file ids])
    damaged: list = field(default_factory=list)  # (sha256, [evidence file ids], what differs)
    recent: int = 0  # unnamed files younger than the grace period, left alone

    @property
    def problems(self):
        return len(self.orphans) + len(self.missing) + len(self.damaged)


def check_files(grace_seconds=600):
    """Compare every stored evidence file with the rows that name it; return a FilesReport."""
    folder = uploads.evidence_folder()
    rows = {}
    for row_id, sha256, size in db.session.execute(select(EvidenceFile.id, EvidenceFile.sha256, EvidenceFile.size)):
        rows.setdefault(sha256, []).append((row_id, size))
    report = FilesReport()
    named = set()
    for sha256, files in sorted(rows.items()):
        path = uploads.path_of(sha256)
        ids = [row_id for row_id, _size in files]
        named.add(path)
        report.checked += 1
        if not path.is_file():
            report.missing.append((sha256, ids))
        elif (problem := _difference(path, sha256, {size for _id, size in files})) is not None:
            report.damaged.append((sha256, ids, problem))
    cutoff = time.time() - grace_seconds
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p not in named):
        stat = path.stat()
        if stat.st_mtime > cutoff:
            report.recent += 1
        else:
            report.orphans.append((str(path.relative_to(folder)), stat.st_size))
    return report


def _difference(path, sha256, sizes):
    """Say how the file differs from what its rows recorded, or None when it matches."""
    digest = hashlib.sha256()
    with open(path, "rb") as stored:
        while chunk := stored.read(CHUNK):
            digest.update(chunk)
    if digest.hexdigest() != sha256:
        return "its content no longer matches its hash"
    if path.stat().st_size not in sizes:
        return "its size differs from the recorded one"
    return None


def remove_orphans(report):
    """Delete the orphans the report lists, unless a row has named one since; return how many went."""
    folder = uploads.evidence_folder()
    named_now = set(db.session.scalars(select(EvidenceFile.sha256).distinct()))
    removed = 0
    for relative, _size in report.orphans:
        path = folder / relative
        if path.name not in named_now:  # the same content handed in again meanwhile keeps its file
            path.unlink(missing_ok=True)
            removed += 1
    return removed

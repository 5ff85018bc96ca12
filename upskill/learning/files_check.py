"""The stored evidence files against the database: orphan files, missing files and files whose content changed.

Read through the storage interface (upskill.storage), so the check is the same on the local
folder and on S3. A hand-in writes its files (whole or not at all) before its row is committed, so
a crash, a refused commit or an erasure cut short can leave a file that no row names. Such an
orphan is harmless and found here; a row whose file is missing or altered is damage. A file
younger than the grace period may belong to a hand-in still being committed, so it is not
counted as an orphan yet.
"""
import hashlib
import time
from dataclasses import dataclass, field

from sqlalchemy import select

from upskill import storage
from upskill.extensions import db
from upskill.learning.uploads import name_of
from upskill.models import EvidenceFile

CHUNK = 1024 * 1024


@dataclass
class FilesReport:
    """What the check found: storage names, and the rows concerned."""

    checked: int = 0
    orphans: list = field(default_factory=list)  # (storage name, size in bytes)
    missing: list = field(default_factory=list)  # (sha256, [evidence file ids])
    damaged: list = field(default_factory=list)  # (sha256, [evidence file ids], what differs)
    recent: int = 0  # unnamed files younger than the grace period, left alone

    @property
    def problems(self):
        return len(self.orphans) + len(self.missing) + len(self.damaged)


def check_files(grace_seconds=600):
    """Compare every stored evidence file with the rows that name it; return a FilesReport."""
    evidence = storage.evidence()
    evidence.clear_abandoned()  # what writes killed midway left behind is not an evidence file at all
    rows = {}
    for row_id, sha256, size in db.session.execute(select(EvidenceFile.id, EvidenceFile.sha256, EvidenceFile.size)):
        rows.setdefault(sha256, []).append((row_id, size))
    report = FilesReport()
    named = set()
    for sha256, files in sorted(rows.items()):
        name = name_of(sha256)
        ids = [row_id for row_id, _size in files]
        named.add(name)
        report.checked += 1
        stored = evidence.stat(name)
        if stored is None:
            report.missing.append((sha256, ids))
        elif (problem := _difference(evidence, stored, sha256, {size for _id, size in files})) is not None:
            report.damaged.append((sha256, ids, problem))
    cutoff = time.time() - grace_seconds
    for name in evidence.list():
        if name in named:
            continue
        stored = evidence.stat(name)
        if stored is None:
            continue  # removed meanwhile
        if stored.modified_at > cutoff:
            report.recent += 1
        else:
            report.orphans.append((name, stored.size))
    return report


def _difference(evidence, stored, sha256, sizes):
    """Say how the file differs from what its rows recorded, or None when it matches."""
    digest = hashlib.sha256()
    with evidence.open(stored.name) as content:
        while chunk := content.read(CHUNK):
            digest.update(chunk)
    if digest.hexdigest() != sha256:
        return "its content no longer matches its hash"
    if stored.size not in sizes:
        return "its size differs from the recorded one"
    return None


def remove_orphans(report):
    """Delete the orphans the report lists, unless a row has named one since; return how many went."""
    evidence = storage.evidence()
    named_now = {name_of(sha256) for sha256 in db.session.scalars(select(EvidenceFile.sha256).distinct())}
    removed = 0
    for name, _size in report.orphans:
        if name not in named_now:  # the same content handed in again meanwhile keeps its file
            evidence.delete(name)
            removed += 1
    return removed

"""After the load: everything the server acknowledged is in the database exactly once, with its files,
nothing half-written is visible, and the database's own checks pass."""
import hashlib
from collections import Counter

from sqlalchemy import func, select, text

from upskill import storage
from upskill.extensions import db
from upskill.learning import uploads
from upskill.learning.files_check import check_files
from upskill.models import Assessment, Attempt, TaskWork, User


def lost_or_wrong(app, recorder):
    """Problems with what was acknowledged: hand-ins and grades missing, twice, or not as sent."""
    problems = []
    with app.app_context():
        for (email, code, key, files), times in Counter(recorder.hand_ins).items():
            found = db.session.execute(select(Attempt, User.email, TaskWork.item_code)
                                       .join(TaskWork, Attempt.work_id == TaskWork.id)
                                       .join(User, TaskWork.student_id == User.id)
                                       .where(Attempt.submission_key == key)).all()
            if len(found) != 1 or times != 1:
                problems.append(f"hand-in {key[:8]} of {email}: acknowledged {times}×, stored {len(found)}×")
                continue
            attempt, owner, item_code = found[0]
            if (owner, item_code) != (email, code):
                problems.append(f"hand-in {key[:8]}: stored for {owner} {item_code}, sent by {email} {code}")
            problems += _file_problems(attempt, files)
        for (email, attempt_id, decision), times in Counter(recorder.grades).items():
            found = db.session.execute(select(Assessment.decision, User.email)
                                       .join(User, Assessment.assessor_id == User.id)
                                       .where(Assessment.attempt_id == attempt_id)).all()
            if times != 1 or found != [(decision, email)]:
                problems.append(f"grade of attempt {attempt_id} by {email} ({decision}): acknowledged {times}×, "
                                f"stored {found}")
    return problems


def _file_problems(attempt, files_sent):
    problems = []
    if len(attempt.files) != files_sent:
        problems.append(f"hand-in {attempt.submission_key[:8]}: {files_sent} file(s) sent, {len(attempt.files)} stored")
    for evidence in attempt.files:
        name = uploads.name_of(evidence.sha256)
        try:
            content = storage.evidence().read(name)
        except storage.NotStored:
            problems.append(f"evidence file {evidence.id}: {name} is missing")
            continue
        if hashlib.sha256(content).hexdigest() != evidence.sha256 or len(content) != evidence.size:
            problems.append(f"evidence file {evidence.id}: {name} differs from its hash or size")
    return problems


def half_written(app):
    """Problems a reader of the site could see after a crash: work whose state its attempts do not bear out."""
    problems = []
    with app.app_context():
        for work in db.session.scalars(select(TaskWork)):
            numbers = [a.number for a in work.attempts]
            if numbers != list(range(1, len(numbers) + 1)):
                problems.append(f"work {work.id}: attempts numbered {numbers}")
            latest = work.attempts[-1] if work.attempts else None
            expected = {"draft": latest is None, "submitted": latest is not None and latest.assessment is None,
                        "returned": latest is not None and getattr(latest.assessment, "decision", None) == "returned",
                        "accepted": latest is not None and getattr(latest.assessment, "decision", None) == "accepted"}
            if not expected.get(work.state, False):
                problems.append(f"work {work.id} is {work.state} but its latest attempt says otherwise")
            if len(work.changes) != len(work.attempts) + sum(a.assessment is not None for a in work.attempts):
                problems.append(f"work {work.id}: {len(work.changes)} state changes for its hand-ins and grades")
        report = check_files(grace_seconds=0)
        problems += [f"evidence {sha[:12]} is missing" for sha, _ids in report.missing]
        problems += [f"evidence {sha[:12]}: {problem}" for sha, _ids, problem in report.damaged]
    return problems


def integrity_problems(app):
    """The database's own checks (SQLite's integrity and foreign key checks), and every foreign key resolving."""
    problems = []
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            verdict = db.session.execute(text("PRAGMA integrity_check")).scalars().all()
            if verdict != ["ok"]:
                problems.append(f"PRAGMA integrity_check: {verdict[:5]}")
            problems += [f"PRAGMA foreign_key_check: {row}" for row in db.session.execute(text("PRAGMA foreign_key_check"))]
        for table in db.metadata.sorted_tables:
            for key in table.foreign_keys:
                parents = key.column.table.alias()  # an alias: a table may refer to itself
                child, parent = key.parent, parents.c[key.column.name]
                dangling = db.session.scalar(select(func.count()).select_from(table.outerjoin(parents, child == parent))
                                             .where(child.is_not(None), parent.is_(None)))
                if dangling:
                    problems.append(f"{table.name}.{child.name}: {dangling} row(s) name no {key.column.table.name}")
    return problems

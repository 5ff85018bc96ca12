"""A class at a glance: students by lessons, tasks and quizzes; outcome coverage; progress as CSV."""
from flask import render_template
from markupsafe import Markup
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from upskill import audit
from upskill.access import roles_required
from upskill.extensions import db
from upskill.spreadsheet import csv_response
from upskill.collation import sort_key
from upskill.i18n import current_language
from upskill.learning.progress import items_of, modules_of, records_of
from upskill.public.page_cache import cached_personal_page, cached_value
from upskill.models import CurriculumItem, Enrolment, ItemKind, ItemText, SchoolClass
from upskill.teaching import bp
from upskill.teaching.services import class_for, class_summary

# Cells that a spreadsheet would run as a formula start with one of these.
PROGRESS_COLUMNS = ("class", "student", "email", "student_number", "item", "kind", "status", "score")


def class_records(school_class):
    """Students, items and their records for a class: a fixed number of queries."""
    lang = current_language()
    enrolments = db.session.scalars(select(Enrolment).where(Enrolment.class_id == school_class.id)
                                    .options(selectinload(Enrolment.student))).all()
    students = sorted((e.student for e in enrolments), key=lambda s: sort_key(s.name, lang))
    items = items_of(list(school_class.modules), lang)
    records = records_of([s.id for s in students], [e.code for e in items])
    return students, items, records


@bp.get("/classes/<int:class_id>/matrix")
@roles_required("teacher", "coordinator", "admin")
def matrix(class_id):
    details, stamp = class_summary(current_user, class_id)

    def page():
        school_class = db.session.get(SchoolClass, class_id)

        def table():
            students, items, records = class_records(school_class)
            rows, totals = matrix_rows(students, items, records)
            return Markup(render_template("teaching/_matrix_table.html", rows=rows, items=items, totals=totals))

        return render_template("teaching/matrix.html", school_class=school_class,
                               table=cached_value(("class-matrix", class_id, stamp), table))

    # Kept rendered until the content or the class's work changes (stamps.py): known with the class.
    return cached_personal_page(("matrix", stamp, details), page)


def matrix_rows(students, items, records):
    """[(student, [(css class, shown, said)], done)] and the per-item totals, worked out once in Python.

    A state is said in words (its mark comes from the style sheet); a quiz score is shown as it is.
    """
    said = {"read": _("read"), "unread": _("not yet"), "not-started": _("Not started"), "draft": _("Draft"),
            "submitted": _("Handed in"), "returned": _("Returned for revision"), "accepted": _("Accepted"),
            "not-taken": _("not yet")}
    totals = dict.fromkeys((e.code for e in items), 0)
    rows = []
    for student in students:
        cells, done = [], 0
        for entry in items:
            key = (student.id, entry.code)
            score = records.quizzes.get(key)
            if score:
                cells.append(("status-quiz", f"{score[0]}/{score[1]}", ""))
            else:
                status = records.cell(student.id, entry)
                cells.append((f"status-{status}", "", said[status]))
            if records.counts_as_done(student.id, entry):
                done += 1
                totals[entry.code] += 1
        rows.append((student, cells, done))
    return rows, totals


@bp.get("/classes/<int:class_id>/outcomes")
@roles_required("teacher", "coordinator", "admin")
def outcomes(class_id):
    """Which module outcomes the class's accepted work evidences, which are in progress, which not started."""
    school_class = class_for(current_user, class_id)
    students, items, records = class_records(school_class)
    coverage = outcome_coverage(school_class.modules, students, items, records)
    return render_template("teaching/outcomes.html", school_class=school_class, coverage=coverage,
                           students=students)


def outcome_coverage(module_codes, students, items, records):
    """[(module entry, [(code, text, [(student, status)])])]: status evidenced / in-progress / not-started."""
    lang = current_language()
    modules = {m.code: m for m in modules_of(list(module_codes), lang)}
    outcome_texts = _outcome_texts(list(modules), lang)
    tasks = [e for e in items if e.kind == ItemKind.task]
    result = []
    for code in module_codes:
        if code not in modules:
            continue
        rows = []
        for outcome_code, text in outcome_texts.get(code, []):
            evidencing = [t for t in tasks if t.code.startswith(code + ".") and outcome_code in t.facts.get("evidences", [])]
            cells = []
            for student in students:
                states = [records.tasks.get((student.id, t.code)) for t in evidencing]
                if "accepted" in states:
                    status = "evidenced"
                elif any(states):
                    status = "in-progress"
                else:
                    status = "not-started"
                cells.append((student, status))
            rows.append((outcome_code, text, [t.code for t in evidencing], cells))
        result.append((modules[code], rows))
    return result


def _outcome_texts(module_codes, lang):
    """{module code: [(K1, text), ...]} from the synced module texts: one query."""
    rows = db.session.execute(
        select(CurriculumItem.code, ItemText.lang, ItemText.content)
        .join(ItemText, ItemText.item_id == CurriculumItem.id)
        .where(CurriculumItem.code.in_(module_codes), ItemText.lang.in_({lang, "en"}))).all()
    texts = {}
    for code, text_lang, body in rows:
        if code in texts and text_lang != lang:
            continue
        outcomes = (body or {}).get("outcomes") or {}
        texts[code] = [(f"{letter}{i + 1}", line) for letter, kind in (("K", "knowledge"), ("S", "skills"), ("A", "autonomy"))
                       for i, line in enumerate(outcomes.get(kind, []))]
    return texts


@bp.get("/classes/<int:class_id>/progress.csv")
@roles_required("teacher", "coordinator", "admin")
def progress_csv(class_id):
    """One row per student and item, with stable columns."""
    school_class = class_for(current_user, class_id)
    students, items, records = class_records(school_class)
    numbers = {e.student_id: e.student_number for e in school_class.enrolments}
    rows = []
    for student in students:
        for entry in items:
            score = records.quizzes.get((student.id, entry.code))
            rows.append((school_class.name, student.name, student.email, numbers.get(student.id), entry.code,
                         entry.kind.value, records.cell(student.id, entry), f"{score[0]}/{score[1]}" if score else ""))
    audit.record("export", f"class:{school_class.id}", what="progress.csv")
    db.session.commit()
    return csv_response(f"upskill-progress-class-{school_class.id}.csv", PROGRESS_COLUMNS, rows)

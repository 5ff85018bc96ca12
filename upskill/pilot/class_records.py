"""What the class records say about a school's pilot: modules taught, students who started and completed."""
from sqlalchemy import func, select

from upskill.extensions import db
from upskill.models import CurriculumItem, Enrolment, SchoolClass, TaskWork
from upskill.pilot.report_fields import empty_entry


def prefilled_entries(period, school_id):
    """An entry per module the school taught in the period, with hours planned and student counts filled in."""
    classes = db.session.scalars(select(SchoolClass).where(
        SchoolClass.school_id == school_id, SchoolClass.starts_on <= period.ends_on,
        SchoolClass.ends_on >= period.starts_on)).all()
    taught = [code for code in period.modules if any(code in c.modules for c in classes)] or list(period.modules)
    facts = dict(db.session.execute(select(CurriculumItem.code, CurriculumItem.facts)
                                    .where(CurriculumItem.code.in_(taught))).all())
    entries = {}
    for code in taught:
        class_ids = [c.id for c in classes if code in c.modules]
        module_facts = facts.get(code) or {}
        hours = module_facts.get("hours") or {}
        entries[code] = {
            **empty_entry(),
            "theory_planned": hours.get("theory"),
            "school_practice_planned": hours.get("school_practice"),
            "company_planned": hours.get("work_based"),
            "started": _students_started(class_ids),
            "completed": _students_completed(class_ids, module_facts.get("tasks") or []),
        }
    return entries


def _students_started(class_ids):
    return db.session.scalar(select(func.count(func.distinct(Enrolment.student_id)))
                             .where(Enrolment.class_id.in_(class_ids))) or 0


def _students_completed(class_ids, tasks):
    """The students of the classes whose work on every task of the module was accepted (None without tasks)."""
    if not tasks:
        return None
    accepted = (select(TaskWork.student_id)
                .where(TaskWork.item_code.in_(tasks), TaskWork.state == "accepted",
                       TaskWork.student_id.in_(select(Enrolment.student_id).where(Enrolment.class_id.in_(class_ids))))
                .group_by(TaskWork.student_id).having(func.count(func.distinct(TaskWork.item_code)) == len(tasks)))
    return db.session.scalar(select(func.count()).select_from(accepted.subquery())) or 0

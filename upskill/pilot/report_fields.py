"""What a pilot report says about each module it covers: the fields, their labels and their bounds."""
from flask_babel import lazy_gettext as _l

MAX_HOURS = 2000
MAX_STUDENTS = 1000
MAX_TEXT = 4000

HOURS = {
    "theory_planned": _l("Theory: hours planned"),
    "theory_used": _l("Theory: hours used"),
    "school_practice_planned": _l("Practice at school: hours planned"),
    "school_practice_used": _l("Practice at school: hours used"),
    "company_planned": _l("Practice in the company: hours planned"),
    "company_used": _l("Practice in the company: hours used"),
}
STUDENTS = {
    "started": _l("Students who started"),
    "completed": _l("Students who completed"),
}
RATINGS = {
    "relevance": _l("Relevance to industry"),
    "student_text": _l("Clarity of the student text"),
    "teacher_notes": _l("Usefulness of the teacher's notes"),
    "difficulty": _l("Difficulty (1 too easy, 3 right, 5 too hard)"),
    "time": _l("Whether the time was sufficient"),
    "placement": _l("Quality of the company placement"),
}
TEXTS = {
    "worked": _l("What worked"),
    "did_not_work": _l("What did not work"),
    "company_practice": _l("Comments on practice in partner companies"),
}
LABELS = {**HOURS, **STUDENTS, **RATINGS, **TEXTS}
NUMBERS = (*HOURS, *STUDENTS, *RATINGS)


def empty_entry():
    """A module's entry before anybody wrote anything: every number and text unset."""
    return {**{name: None for name in NUMBERS}, **{name: "" for name in TEXTS}}


def entry_changes(before, after):
    """[(module code, field name, label, value before, value after)] for every field that differs."""
    changes = []
    for module in sorted(set(before) | set(after)):
        old, new = before.get(module) or empty_entry(), after.get(module) or empty_entry()
        for name, label in LABELS.items():
            if old.get(name) != new.get(name):
                changes.append((module, name, label, old.get(name), new.get(name)))
    return changes

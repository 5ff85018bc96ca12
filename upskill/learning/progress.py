"""Progress of students through their modules, in a fixed number of queries however many there are.

The same figures serve a student's dashboard and a teacher's class matrix: lessons read, tasks by
state, the best score of each quiz.
"""
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from upskill.extensions import db
from upskill.i18n import current_language
from upskill.models import CurriculumItem, Enrolment, ItemKind, LessonRead, QuizAttempt, SchoolClass, TaskWork
from upskill.public import services
from upskill.public.page_cache import cached_value

KINDS = (ItemKind.lesson, ItemKind.task, ItemKind.quiz)


@dataclass
class Records:
    """What a group of students has done: {(student id, item code): state or score}."""

    read: set = field(default_factory=set)
    tasks: dict = field(default_factory=dict)  # -> state name
    quizzes: dict = field(default_factory=dict)  # -> (best score, total)

    def cell(self, student_id, entry):
        """The status of one student on one item: (kind of status, text value)."""
        key = (student_id, entry.code)
        if entry.kind == ItemKind.lesson:
            return "read" if key in self.read else "unread"
        if entry.kind == ItemKind.task:
            return self.tasks.get(key, "not-started")
        best = self.quizzes.get(key)
        return "quiz" if best else "not-taken"

    def counts_as_done(self, student_id, entry):
        """Whether the item is done for a count: read, accepted, or (a quiz) tried."""
        if entry.kind == ItemKind.quiz:
            return (student_id, entry.code) in self.quizzes
        return self.item_done(student_id, entry) >= 1.0

    def item_done(self, student_id, entry):
        """How much of an item counts as done, from 0 to 1."""
        key = (student_id, entry.code)
        if entry.kind == ItemKind.lesson:
            return 1.0 if key in self.read else 0.0
        if entry.kind == ItemKind.task:
            return 1.0 if self.tasks.get(key) == "accepted" else 0.0
        score, total = self.quizzes.get(key, (0, 1))
        return score / total if total else 0.0


def records_of(student_ids, codes):
    """Load the records of these students on these item codes: three queries."""
    records = Records()
    if not student_ids or not codes:
        return records
    records.read = set(db.session.execute(
        select(LessonRead.student_id, LessonRead.item_code)
        .where(LessonRead.student_id.in_(student_ids), LessonRead.item_code.in_(codes))).all())
    records.tasks = {(s, c): state for s, c, state in db.session.execute(
        select(TaskWork.student_id, TaskWork.item_code, TaskWork.state)
        .where(TaskWork.student_id.in_(student_ids), TaskWork.item_code.in_(codes)))}
    best = (select(QuizAttempt.student_id, QuizAttempt.item_code, func.max(QuizAttempt.score), func.max(QuizAttempt.total))
            .where(QuizAttempt.student_id.in_(student_ids), QuizAttempt.item_code.in_(codes))
            .group_by(QuizAttempt.student_id, QuizAttempt.item_code))
    records.quizzes = {(s, c): (score, total) for s, c, score, total in db.session.execute(best)}
    return records


def items_of(module_codes, lang):
    """The lessons, tasks and quizzes of the modules, in programme order, titled in lang.

    Content only, so kept with the page caches until the next curriculum sync: no query at all
    on the second request.
    """
    if not module_codes:
        return []

    def load():
        condition = CurriculumItem.module_code.in_(module_codes) & CurriculumItem.kind.in_(KINDS)
        entries = services.titled_items(condition, lang)
        order = {code: i for i, code in enumerate(module_codes)}
        return sorted(entries, key=lambda e: (order.get(e.code.split(".")[0], 99), e.position))

    return cached_value(("progress-items", lang, tuple(module_codes)), load)


def modules_of(module_codes, lang):
    """The modules among codes, titled in lang, from the content cache."""
    return cached_value(("progress-modules", lang, tuple(module_codes)), lambda: services.modules(lang, list(module_codes)))


@dataclass
class ModuleProgress:
    module: object  # OutlineEntry
    items: list
    share: float
    lessons: tuple
    tasks: tuple
    quiz: object  # (score, total) or None


def module_progress(student_id, module, items, records):
    mine = [e for e in items if e.code.startswith(module.code + ".")]
    lessons = [e for e in mine if e.kind == ItemKind.lesson]
    tasks = [e for e in mine if e.kind == ItemKind.task]
    quiz = next((e for e in mine if e.kind == ItemKind.quiz), None)
    share = sum(records.item_done(student_id, e) for e in mine) / len(mine) if mine else 0.0
    return ModuleProgress(
        module=module, items=mine, share=share,
        lessons=(sum(1 for e in lessons if (student_id, e.code) in records.read), len(lessons)),
        tasks=(sum(1 for e in tasks if records.tasks.get((student_id, e.code)) == "accepted"), len(tasks)),
        quiz=records.quizzes.get((student_id, quiz.code)) if quiz else None,
    )


@dataclass(frozen=True)
class ClassSummary:
    name: str
    school: str
    teachers: list


@dataclass
class Dashboard:
    classes: list
    modules: list  # ModuleProgress
    share: float
    next_steps: list  # (reason, entry)


def dashboard(student):
    """The student's classes, progress per module and for the programme, and what to do next."""
    lang = current_language()
    classes = db.session.scalars(
        select(SchoolClass).join(Enrolment).where(Enrolment.student_id == student.id)
        .options(selectinload(SchoolClass.school), selectinload(SchoolClass.teachers))).all()
    codes = list(dict.fromkeys(code for c in classes for code in c.modules))
    modules = modules_of(codes, lang) if codes else []
    items = items_of([m.code for m in modules], lang)
    records = records_of([student.id], [e.code for e in items])
    progress = [module_progress(student.id, m, items, records) for m in modules]
    share = sum(records.item_done(student.id, e) for e in items) / len(items) if items else 0.0
    # Plain values, not ORM objects: the dashboard is kept between requests (learning/views.py).
    summaries = [ClassSummary(c.name, c.school.name, [t.name for t in c.teachers]) for c in classes]
    return Dashboard(classes=summaries, modules=progress, share=share, next_steps=next_steps(student.id, items, records))


def next_steps(student_id, items, records, limit=3):
    """Returned work first, then work to finish, then the next lesson, task and quiz in order."""
    steps = []
    for state, reason in (("returned", "returned"), ("draft", "draft")):
        steps += [(reason, e) for e in items if e.kind == ItemKind.task and records.tasks.get((student_id, e.code)) == state]
    for entry in items:
        status = records.cell(student_id, entry)
        if status in ("unread", "not-started", "not-taken"):
            steps.append((status, entry))
    return steps[:limit]

"""The demo pilot's showcase: accepted work with a photo, shown with the student's consent, and comments on it.

Up to two pieces per school, the first accepted attempts with a photo. Some students are named by
their first name, some by a pseudonym; one piece is public to everyone (the student and the teacher
both agreed). Students of other schools commented: approved by their teacher, one still waiting.
"""
from datetime import datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from upskill.extensions import db
from upskill.models import (
    Assessment, Attempt, CommentState, Enrolment, EvidenceFile, SchoolClass, ShowcaseComment, ShowcaseConsent, ShowcaseItem,
    ShownName, TaskWork, User,
)
from upskill.demo.people import CLASSES

PER_SCHOOL = 2
PSEUDONYMS = {"lt": ("Granulė", "Formuotojas"), "fi": ("Muovimestari", "Ruuvi"), "fr": ("Plasturgiste72", "Moule")}
ADDED = datetime(2020, 12, 10, 13, 0, tzinfo=timezone.utc)
COMMENTS = {
    "lt": ("Labai tvarkingai išmatuota! Kiek laiko užtruko?", "Gražus liejinys, mes tokios formos dar neturime."),
    "fi": ("Hieno työ! Meillä sama tehtävä kesti kaksi tuntia.", "Hyvät kuvat, mittaukset näkyvät selvästi."),
    "fr": ("Très beau travail, vos mesures sont plus propres que les nôtres !", "Quelle matière avez-vous utilisée ?"),
}


def add_showcase(places, users):
    """Add showcase items with consents and comments; return how many items were added."""
    items, tasks = [], set()
    for code, school in places.items():
        if school.kind != "school":
            continue
        teacher = users[CLASSES[code][1]]
        for attempt in _accepted_with_photo(school, tasks):
            tasks.add(attempt.work.item_code)
            consent = _consent(attempt, len(items))
            db.session.add(consent)
            item = ShowcaseItem(attempt_id=attempt.id, task_code=attempt.work.item_code, school_id=school.id,
                                added_by_id=teacher.id, added_at=ADDED + timedelta(days=len(items)),
                                public=consent.public)
            db.session.add(item)
            items.append(item)
    db.session.flush()
    _comment(items, places, users)
    return len(items)


def _accepted_with_photo(school, tasks_shown):
    """The school's first accepted attempts that carry a photo, one per student, tasks not yet shown first."""
    rows = db.session.scalars(
        select(Attempt).join(Attempt.work).options(contains_eager(Attempt.work))
        .join(Assessment, Assessment.attempt_id == Attempt.id)
        .join(Enrolment, Enrolment.student_id == TaskWork.student_id)
        .join(SchoolClass, SchoolClass.id == Enrolment.class_id)
        .where(SchoolClass.school_id == school.id, Assessment.decision == "accepted",
               Attempt.id.in_(select(EvidenceFile.attempt_id).where(EvidenceFile.media_type.like("image/%"))))
        .order_by(Attempt.id)).all()
    rows.sort(key=lambda attempt: attempt.work.item_code in tasks_shown)
    chosen, students = [], set()
    for attempt in rows:
        if attempt.work.student_id not in students:
            chosen.append(attempt)
            students.add(attempt.work.student_id)
    return chosen[:PER_SCHOOL]


def _consent(attempt, position):
    """Every other student is shown by a pseudonym; the very first piece is public to everyone."""
    student = db.session.get(User, attempt.work.student_id)
    pseudonym = position % 2 == 1
    pseudonyms = PSEUDONYMS.get(student.language, ("Pellet", "Granule"))
    return ShowcaseConsent(attempt_id=attempt.id, student_id=student.id,
                           shown_name=ShownName.pseudonym if pseudonym else ShownName.first_name,
                           pseudonym=pseudonyms[position // 2 % 2] if pseudonym else "",
                           public=position == 0, given_at=ADDED - timedelta(days=2))


def _comment(items, places, users):
    """Two students of other schools comment on each item; their teacher approved all but the very last."""
    schools = [code for code, school in places.items() if school.kind == "school"]
    comments = []
    for item in items:
        for offset in (1, 2):
            code = schools[(schools.index(_code_of(item, places)) + offset) % len(schools)]
            author = _a_student_of(places[code], len(comments))
            texts = COMMENTS.get(author.language, COMMENTS["fr"])
            written = item.added_at + timedelta(days=offset, hours=len(comments))
            comments.append(ShowcaseComment(
                item_id=item.id, author_id=author.id, school_id=author.school_id, language=author.language,
                text=texts[len(comments) % len(texts)], state=CommentState.approved, created_at=written,
                submission_key=f"demo-showcase-comment-{len(comments) + 1}",
                moderated_by_id=users[CLASSES[code][1]].id, moderated_at=written + timedelta(hours=3)))
    if comments:
        comments[-1].state, comments[-1].moderated_by_id, comments[-1].moderated_at = CommentState.waiting, None, None
    db.session.add_all(comments)


def _code_of(item, places):
    return next(code for code, school in places.items() if school.id == item.school_id)


def _a_student_of(school, number):
    """One of the school's students, a different one for each comment."""
    students = db.session.scalars(select(User).join(Enrolment, Enrolment.student_id == User.id)
                                  .join(SchoolClass, SchoolClass.id == Enrolment.class_id)
                                  .where(SchoolClass.school_id == school.id).order_by(User.id)).all()
    return students[number % len(students)]

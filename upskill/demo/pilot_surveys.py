"""The demo pilot's module survey: most students of every pilot class answered for each module they followed.

Answers are drawn from a fixed seed, so every load gives the same ones. One group stays under the
smallest group shown (ISPA's M10, surveyed on the last day with four apprentices present), so that
the suppression of small groups can be seen.
"""
import random
from datetime import timedelta

from sqlalchemy import select

from upskill.extensions import db
from upskill.models import Enrolment, SchoolClass, SurveyAnswer, SurveyTaken, User
from upskill.models.survey import SMALLEST_GROUP

SEED = 2020
SMALL_GROUP = ("FR-ISPA", "M10", SMALLEST_GROUP - 1)
# school -> module -> the mean of interest, clarity, practice and time (1 to 5)
MEANS = {
    "LT-VIS": {"M01": (3.6, 4.0, 3.2, 3.9), "M03": (4.1, 3.8, 4.2, 3.5), "M04": (4.6, 3.4, 4.5, 2.8)},
    "LT-ALY": {"M01": (3.4, 3.7, 3.6, 3.8), "M03": (4.2, 4.0, 4.5, 3.4), "M04": (4.7, 3.8, 4.8, 3.0),
               "M06": (3.5, 3.6, 3.9, 3.6)},
    "FI-TRE": {"M01": (3.8, 4.2, 4.1, 4.0), "M04": (4.5, 3.9, 4.7, 3.5), "M05": (4.3, 3.8, 4.6, 3.4),
               "M08": (4.0, 3.3, 3.8, 3.2)},
    "FR-ISPA": {"M01": (3.7, 4.1, 3.0, 4.0), "M04": (4.4, 3.9, 3.8, 3.6), "M06": (3.9, 3.7, 3.5, 3.5),
                "M10": (4.1, 3.2, 3.0, 2.6)},
}
COMMENTS = {
    "lt": ("Daugiausia išmokau prie staklių.", "Per mažai laiko praktikai.", "Testas buvo lengvas.",
           "Norėčiau daugiau laiko įmonėje.", "Skaičiavimai buvo sunkūs, bet naudingi."),
    "fi": ("Työpaikalla oppi eniten.", "Teksti oli pitkä puhelimella.", "Hyvät tarkistuslistat.",
           "Laskut olivat vaikeita.", "Haluaisin lisää aikaa koneella."),
    "fr": ("Les travaux pratiques étaient les meilleurs moments.", "Pas assez de temps pour les calculs.",
           "Le quiz était trop facile.", "J'aurais aimé aller en entreprise.", "Les fiches étaient claires."),
}


def add_surveys(period, places):
    """Add the survey answers and the record of who answered; return how many answers were added."""
    rng = random.Random(SEED)
    answers = 0
    for code, modules in MEANS.items():
        school = places[code]
        school_class = db.session.scalar(select(SchoolClass).where(SchoolClass.school_id == school.id)
                                         .order_by(SchoolClass.id))
        students = db.session.scalars(select(User).join(Enrolment, Enrolment.student_id == User.id)
                                      .where(Enrolment.class_id == school_class.id).order_by(User.id)).all()
        followed = [m for m in period.modules if m in school_class.modules]
        for position, module in enumerate(followed):
            answered = _who_answered(code, module, students, rng)
            closes = period.starts_on + (period.ends_on - period.starts_on) * (position + 1) / len(followed)
            for student in answered:
                db.session.add(_answer(period, school, module, student.language, modules[module], closes, rng))
                db.session.add(SurveyTaken(student_id=student.id, period_id=period.id, module_code=module))
            answers += len(answered)
    return answers


def _who_answered(code, module, students, rng):
    if (code, module) == SMALL_GROUP[:2]:
        count = SMALL_GROUP[2]
    else:
        count = max(SMALLEST_GROUP, round(len(students) * rng.uniform(0.7, 0.95)))
    return sorted(rng.sample(students, min(count, len(students))), key=lambda student: student.id)


def _answer(period, school, module, language, means, closes, rng):
    """One anonymous answer: a random key, the day only, ratings spread around the group's means."""
    ratings = [min(5, max(1, round(rng.gauss(mean, 0.8)))) for mean in means]
    comment = rng.choice(COMMENTS.get(language, COMMENTS["fr"])) if rng.random() < 0.3 else ""
    return SurveyAnswer(id=f"{rng.getrandbits(128):032x}", period_id=period.id, school_id=school.id,
                        module_code=module, language=language, answered_on=closes - timedelta(days=rng.randint(0, 6)),
                        interest=ratings[0], clarity=ratings[1], practice=ratings[2], time=ratings[3],
                        comment=comment)

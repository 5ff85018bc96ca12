"""Students' work for the demo: lessons read, drafts, hand-ins waiting, returned and accepted work.

Every student gets a steady pace of their own (the same on every load), so that a class shows
the spread a teacher meets: some far ahead, most in the middle, a few who have barely started.
"""
import io
import random
from datetime import timedelta

from PIL import Image, ImageDraw

from upskill.learning import uploads
from upskill.learning.progress import items_of
from upskill.learning.tasks import rubric_of
from upskill.models import (
    Assessment, Attempt, EvidenceFile, ItemKind, LessonRead, QuizAttempt, StateChange, TaskWork, utcnow,
)
from upskill.public import services

REFLECTIONS = {
    "lt": ("Pirmą kartą dirbome patys, be mokytojo pagalbos. Sunkiausia buvo palaukti, kol temperatūra nusistovės.",
           "Patikrinome viską pagal kontrolinį sąrašą. Kitą kartą iš anksto paruošime svarstykles ir matuoklį.",
           "Supratau, kodėl reikia užrašyti faktines vertes: kitaip nesimato, kad procesas keičiasi."),
    "fi": ("Teimme työn ensimmäistä kertaa itse. Vaikeinta oli odottaa, että lämpötilat tasaantuvat.",
           "Tarkistimme kaiken tarkistuslistan mukaan. Ensi kerralla valmistelemme vaa'an ja mittarin etukäteen.",
           "Ymmärsin, miksi todelliset arvot kirjataan: muuten prosessin muutosta ei huomaa."),
    "fr": ("C'était la première fois que nous travaillions seuls. Le plus dur a été d'attendre que les températures se stabilisent.",
           "Nous avons tout vérifié avec la liste de contrôle. La prochaine fois, nous préparerons la balance et le pied à coulisse avant.",
           "J'ai compris pourquoi on note les valeurs réelles : sinon on ne voit pas que le procédé dérive."),
}
FEEDBACK = {
    "lt": ("Tvarkingai ir saugiai. Matavimai aiškūs.", "Gerai. Kitą kartą paaiškinkite skirtumus tarp nustatytų ir faktinių verčių.",
           "Trūksta matavimo vienetų ir vienos nuotraukos. Papildykite ir pateikite dar kartą."),
    "fi": ("Siististi ja turvallisesti. Mittaukset selkeitä.", "Hyvä. Selitä ensi kerralla asetus- ja todellisten arvojen erot.",
           "Mittayksiköt ja yksi kuva puuttuvat. Täydennä ja palauta uudelleen."),
    "fr": ("Travail propre et sûr. Mesures claires.", "Bien. La prochaine fois, expliquez les écarts entre consigne et valeur réelle.",
           "Il manque les unités et une photo. Complétez et rendez à nouveau."),
}


def measurement_for(label, rng):
    """A real-looking reading for a measurement evidence, from the unit its label names."""
    text = label.lower()
    for unit, low, high, digits in (("°c", 180, 240, 0), ("(g)", 18, 60, 1), ("(mm)", 1.5, 6, 2), ("(s)", 18, 42, 1),
                                    ("kg", 8, 25, 1), ("%", 0.5, 6, 1), ("bar", 350, 900, 0), ("kwh", 0.3, 1.2, 2)):
        if unit in text:
            value = round(rng.uniform(low, high), digits)
            return f"{value:g} {unit.strip('()').replace('°c', '°C')}"
    return f"{round(rng.uniform(10, 99), 1):g}"


def demo_photo(seed):
    """A plain photo-like picture of a moulded part next to a scale, made here (no real person in it)."""
    rng = random.Random(seed)
    image = Image.new("RGB", (640, 480), (rng.randint(150, 190),) * 3)
    draw = ImageDraw.Draw(image)
    colour = rng.choice([(29, 78, 216), (185, 28, 28), (21, 128, 61), (234, 179, 8)])
    draw.rounded_rectangle((140, 140, 420, 330), radius=30, fill=colour, outline=(30, 30, 30), width=4)
    draw.rectangle((80, 380, 560, 410), fill=(240, 240, 230), outline=(40, 40, 40))
    for x in range(80, 561, 24):
        draw.line((x, 380, x, 395 if (x - 80) % 120 else 405), fill=(40, 40, 40), width=2)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return uploads.check_file(out.getvalue(), f"photo-{seed}.jpg")


MINIMAL_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
               b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def add_work(session, student, teacher, trainer, school_class, language, placed):
    """Give one student their lessons read, quiz tries and task work at their own pace."""
    rng = random.Random(student.email)
    pace = rng.uniform(0.05, 0.95)
    items = items_of(list(school_class.modules), "en")
    now = utcnow()
    started = now - timedelta(days=70)
    photos = [demo_photo(n) for n in range(3)]
    for position, entry in enumerate(items):
        progress_needed = position / max(len(items), 1)
        when = started + timedelta(days=60 * progress_needed, hours=rng.randint(0, 8))
        if entry.kind == ItemKind.lesson and pace > progress_needed * 0.9:
            session.add(LessonRead(student_id=student.id, item_code=entry.code, read_at=when))
        elif entry.kind == ItemKind.quiz and pace > progress_needed:
            total = entry.facts.get("questions", 10)
            for _ in range(rng.randint(1, 2)):
                session.add(QuizAttempt(student_id=student.id, item_code=entry.code, total=total, answers={},
                                        score=max(0, min(total, round(total * rng.uniform(pace - 0.15, pace + 0.1)))),
                                        taken_on=when.date(), at=when))
        elif entry.kind == ItemKind.task:
            gap = pace - progress_needed
            state = ("accepted" if gap > 0.25 else "submitted" if gap > 0.12 else "returned" if gap > 0.05
                     else "draft" if gap > -0.05 else None)
            if state:
                _task_work(session, student, teacher, trainer, entry, state, when, rng, language, placed, photos)


def _task_work(session, student, teacher, trainer, entry, state, when, rng, language, placed, photos):
    page = services.item_page(entry.code, language)
    task = page.student.content
    company = entry.facts.get("setting") == "company"
    if company and not placed:
        return
    measurements = {str(i): measurement_for(e["label"], rng) for i, e in enumerate(task["evidence"]) if e["kind"] == "measurement"}
    texts = {str(i): rng.choice(REFLECTIONS.get(language, REFLECTIONS["lt"])) for i, e in enumerate(task["evidence"]) if e["kind"] == "text"}
    steps = list(range(len(task["steps"])))
    work = TaskWork(student_id=student.id, item_code=entry.code, state="draft", updated_at=when, draft_revision=3,
                    checklist=steps if state != "draft" else steps[: len(steps) // 2],
                    measurements=measurements if state != "draft" else dict(list(measurements.items())[:1]),
                    text=texts if state != "draft" else {})
    session.add(work)
    session.flush()
    if state == "draft":
        return
    rubric = rubric_of(page)
    first_state = "returned" if state == "returned" or rng.random() < 0.3 else state
    attempts = 2 if (state in ("accepted", "submitted") and first_state == "returned") else 1
    for number in range(1, attempts + 1):
        final = number == attempts
        handed = when + timedelta(days=2 * number)
        attempt = Attempt(work_id=work.id, number=number, submitted_at=handed, submission_key=f"demo-{work.id}-{number}",
                          checklist=work.checklist, measurements=work.measurements, text=work.text)
        for index, evidence in enumerate(task["evidence"]):
            if evidence["kind"] == "photo":
                checked = photos[(work.id + index) % len(photos)]
            elif evidence["kind"] == "file":
                checked = uploads.check_file(MINIMAL_PDF, "measurements.pdf")
            else:
                continue
            uploads.store(checked)
            attempt.files.append(EvidenceFile(evidence_index=index, sha256=checked.sha256, size=len(checked.data),
                                              media_type=checked.media_type, original_name=checked.original_name))
        session.add(attempt)
        _change(session, work, "submitted", student, handed)
        outcome = state if final else "returned"
        if outcome == "submitted":
            if company and rng.random() < 0.6:
                attempt.confirmed_by_id, attempt.confirmed_at = trainer.id, handed + timedelta(hours=20)
            continue
        if company:
            attempt.confirmed_by_id, attempt.confirmed_at = trainer.id, handed + timedelta(hours=20)
            attempt.confirmation_note = {"lt": "Dirbo atidžiai, laikėsi saugos taisyklių.",
                                         "fi": "Työskenteli huolellisesti ja turvallisesti."}.get(language, "")
        accepted = outcome == "accepted"
        levels = [rng.choice([1, 1, 2]) if accepted else rng.choice([0, 1]) for _ in rubric["criteria"]]
        if not accepted:
            levels[0] = 0
        feedback = FEEDBACK.get(language, FEEDBACK["lt"])
        session.add(Assessment(attempt=attempt, assessor_id=teacher.id, decision="accepted" if accepted else "returned",
                               levels=levels, comments=["" for _ in rubric["criteria"]], rubric=rubric,
                               overall_comment=feedback[rng.randint(0, 1)] if accepted else feedback[2],
                               assessed_at=handed + timedelta(days=1)))
        _change(session, work, outcome, teacher, handed + timedelta(days=1))
    session.flush()


def _change(session, work, state, by, at):
    session.add(StateChange(work_id=work.id, from_state=work.state, to_state=state, by_id=by.id, at=at))
    work.state = state

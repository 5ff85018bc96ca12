"""The demo's autumn 2020 pilot: the period, the schools' reports (two submitted, one draft), suggestions."""
from sqlalchemy import select

from upskill.extensions import db
from upskill.models import PilotPeriod, PilotReport, SuggestionKind
from upskill.demo.people import PILOT
from upskill.pilot.class_records import prefilled_entries
from upskill.pilot.reports import open_report, submit_report
from upskill.pilot.suggestions import create_suggestion

PERIOD_NAME = "UPSKILL pilot, autumn 2020"
PILOT_MODULES = ["M01", "M03", "M04", "M05", "M06", "M08", "M10"]
# school code -> (teacher e-mail, submitted?, answers given to every module of its report)
REPORTS = {
    "LT-ALY": ("teacher.alytus@example.org", True, {
        "relevance": 5, "student_text": 4, "teacher_notes": 4, "difficulty": 3, "time": 2, "placement": 4,
        "worked": "Mokiniams labiausiai patiko praktinės užduotys prie staklių.",
        "did_not_work": "Teorijai skirto laiko neužteko, ypač medžiagų skyriui.",
        "company_practice": "Įmonėje mokiniai dirbo su patyrusiais operatoriais."}),
    "FI-TRE": ("teacher.tredu@example.org", True, {
        "relevance": 4, "student_text": 3, "teacher_notes": 5, "difficulty": 3, "time": 3, "placement": 5,
        "worked": "Tehtävien tarkistuslistat toimivat hyvin työpaikalla.",
        "did_not_work": "Osa opiskelijan tekstistä oli liian pitkää puhelimella luettavaksi.",
        "company_practice": "Työpaikkaohjaajat kuittasivat tehtävät nopeasti."}),
    "LT-VIS": ("teacher@example.org", False, {
        "relevance": 4, "student_text": 4, "worked": "Mokiniai noriai pildė paleidimo kontrolinį sąrašą."}),
}
# item code, kind, language, text, proposed change, author e-mail
SUGGESTIONS = (
    ("M04.L1", SuggestionKind.unclear, "en", "The difference between the nozzle and the sprue bush is not clear.",
     "Add a labelled close-up of the nozzle against the sprue bush.", "teacher.tredu@example.org"),
    ("M04.T1", SuggestionKind.too_difficult, "lt", "Pirmųjų liejinių užduotis per ilga vienai pamokai.",
     "Padalyti užduotį į dvi dalis.", "teacher.alytus@example.org"),
    ("M04.Q.q2", SuggestionKind.error, "en", "The feedback of the second option names the wrong pressure.",
     "Say holding pressure instead of injection pressure.", "teacher@example.org"),
    ("M04.L1.figure:machine-units", SuggestionKind.translation, "lt", "Paveiksle likęs angliškas užrašas „clamp“.",
     "Išversti į „uždarymo mazgas“.", "teacher@example.org"),
    ("glossary:hopper", SuggestionKind.missing, "fi", "Sanastosta puuttuu kuivaavan suppilon selitys.",
     "Lisätään kuivaimella varustettu suppilo.", "teacher.tredu@example.org"),
    ("M01.L1", SuggestionKind.too_easy, "fr", "Les chiffres du secteur sont trop généraux pour nos apprentis.",
     "Ajouter des chiffres de la plasturgie française.", "teacher.ispa@example.org"),
    ("M04.T2", SuggestionKind.other, "en", "Our company changes moulds with a crane, not a forklift.",
     "Mention both ways of lifting the mould.", "trainer@example.org"),
    ("M06", SuggestionKind.missing, "en", "The module has no task on measuring parts with a calliper.",
     "Add a short measuring task.", "teacher.alytus@example.org"),
    ("M05.L1", SuggestionKind.error, "fi", "Ekstruusion lämpötila-alue on esimerkissä liian korkea PE-HD:lle.",
     "Korjataan alue 180–230 °C:een.", "trainer.fi@example.org"),
    ("M04.L3", SuggestionKind.unclear, "fr", "Le profil de pression du maintien manque d'unités.",
     "Indiquer les pressions en bar.", "teacher.ispa@example.org"),
)


def add_pilot(places, users):
    """Add the autumn 2020 pilot unless it is there; return how many records were added."""
    if db.session.scalar(select(PilotPeriod.id).where(PilotPeriod.name == PERIOD_NAME)):
        return 0
    coordinator = users["coordinator@example.org"]
    period = PilotPeriod(name=PERIOD_NAME, starts_on=PILOT[0], ends_on=PILOT[1], modules=PILOT_MODULES,
                         languages=["en", "lt", "fi", "fr"], created_by_id=coordinator.id,
                         schools=sorted(places.values(), key=lambda place: place.name))
    db.session.add(period)
    db.session.flush()
    created = 1
    for code, (teacher_email, submitted, answers) in REPORTS.items():
        teacher, school = users[teacher_email], places[code]
        report = open_report(period, school.id, teacher)
        report.entries = {module: {**entry, **answers} for module, entry in prefilled_entries(period, school.id).items()}
        db.session.flush()
        if submitted:
            submit_report(report, report.revision, teacher)
        created += 1
    reports = {r.school_id: r for r in db.session.scalars(select(PilotReport).where(PilotReport.period_id == period.id))}
    for number, (item_code, kind, language, text, change, email) in enumerate(SUGGESTIONS, start=1):
        author = users[email]
        report = reports.get(author.school_id) if author.has_role("teacher") else None
        create_suggestion(author, item_code, kind, text, change, language, f"demo-suggestion-{number:03d}",
                          report=report, year=PILOT[0].year)
        created += 1
    return created

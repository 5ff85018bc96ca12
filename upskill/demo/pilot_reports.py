"""The demo pilot's school reports, as data: each school's hours, ratings and teacher's words per module.

Students started come from the demo classes (upskill.pilot.class_records), the hours planned from
the curriculum. The teachers raised the prefilled "completed" to their final count: much of the
pilot's work was assessed on paper in the workshop, not handed in on the platform. Alytus corrected
its report after submitting it, so it has two versions.
"""
from datetime import datetime, timezone

from upskill.pilot.class_records import prefilled_entries
from upskill.pilot.reports import correct_report, open_report, submit_report

RATING_NAMES = ("relevance", "student_text", "teacher_notes", "difficulty", "time", "placement")
# hours used as a share of hours planned: theory, practice at school, practice in the company
HOURS_USED = {"LT-VIS": (1.1, 0.9, 0.6), "LT-ALY": (1.0, 1.0, 0.95), "FI-TRE": (0.9, 1.0, 1.1), "FR-ISPA": (1.15, 1.1, 0.25)}
# when the school had no curriculum facts to start from (the demo loaded without `curriculum sync`)
DEFAULT_PLANNED = (12, 16, 8)
SUBMITTED = {"LT-VIS": datetime(2020, 12, 17, 14, 5), "LT-ALY": datetime(2020, 12, 15, 9, 40),
             "FI-TRE": datetime(2020, 12, 11, 12, 20), "FR-ISPA": datetime(2020, 12, 18, 16, 45)}
CORRECTED = ("LT-ALY", datetime(2021, 1, 12, 10, 15))
# the share of the students who started a module that the school finally counted as having completed it
COMPLETED_SHARE = {"LT-VIS": 0.8, "LT-ALY": 0.9, "FI-TRE": 0.85, "FR-ISPA": 0.7}

# school -> (teacher, module -> (ratings in RATING_NAMES order, what worked, what did not, company practice))
REPORTS = {
    "LT-VIS": ("teacher@example.org", {
        "M01": ((4, 4, 3, 2, 4, 3),
                "The cap order calculation got everybody talking; students liked seeing real numbers from a real order.",
                "The card sort in the teacher's notes had no cards, so I made my own the night before.",
                "Only four students could go to Baltijos Formos; it is a long trip from Visaginas, so the others "
                "did the line walk on our own machine."),
        "M03": ((5, 4, 3, 3, 3, 3),
                "Lock-out practice on the school machine with real padlocks worked very well.",
                "The risk assessment lesson refers to picture cards we do not have.",
                "The company let our students watch a real lock-out, but they could not do it themselves."),
        "M04": ((5, 3, 4, 4, 2, 3),
                "Students were proud of their first parts and kept them.",
                "The clamping force calculations took twice the planned time, and the tonnes and kilonewtons in "
                "the lesson do not agree.",
                "Mould changes are only done at night at the company, so nobody saw one."),
    }),
    "LT-ALY": ("teacher.alytus@example.org", {
        "M01": ((4, 3, 3, 2, 4, 4),
                "The value chain lesson was a good start; students recognised the company down the road.",
                "The shift rota exercise had no blank grid, and the rest rules in the list are not right.",
                "The company tour on the second day made the lesson real."),
        "M03": ((5, 4, 4, 3, 3, 5),
                "The trainer showed the lock-out of the granulator step by step, with the students' own locks.",
                "Nothing says how to handle a purge lump, and two students nearly picked one up.",
                "Baltijos Formos gave every student a safety induction of their own, which they took seriously."),
        "M04": ((5, 4, 4, 4, 2, 5),
                "Setting up and starting the machine with the trainer was the highlight of the term.",
                "The melt temperature check has no safety steps, and the lesson on clamping force is too long for "
                "one session.",
                "Students ran the machine with an operator beside them for three full shifts."),
        "M06": ((4, 4, 3, 3, 3, 4),
                "Measuring real parts from the company's moulds made the statistics make sense.",
                "The sink-mark example left the students unsure whether the setter broke the rule.",
                "The quality lab let students measure the first-off parts of a real order."),
    }),
    "FI-TRE": ("teacher.tredu@example.org", {
        "M01": ((4, 4, 4, 2, 4, 5),
                "The checklists worked well at the workplace, and students filled them in on their phones.",
                "The Working Time Directive list is wrong about weekly rest, and the quiz was too easy to guess.",
                "Workplace instructors signed off the tasks quickly and gave good feedback."),
        "M04": ((5, 3, 5, 3, 3, 5),
                "The teacher's notes were detailed enough for a colleague to take over the group for two weeks.",
                "Some of the student text is too long to read on a phone, and quiz question 7 picks a machine "
                "that is only just big enough.",
                "Students did a supervised mould change at Pirkanmaan Muovi, which they talk about still."),
        "M05": ((5, 4, 4, 4, 3, 5),
                "The pipe line at the company matched the lesson almost exactly.",
                "There is no output calculation, and the bottle in the stretch-ratio example is too big for its "
                "volume.",
                "The trainer took students through a screen change and a start-up; very good practice."),
        "M08": ((4, 3, 4, 4, 3, 4),
                "The sensor hunt on the machine was the best lesson of the module.",
                "The cooling water example does not add up, and the answer about the 21 °C reading is wrong.",
                "Students could only look at the HMI, not change anything, which is right but a little slow."),
    }),
    "FR-ISPA": ("teacher.ispa@example.org", {
        "M01": ((4, 4, 3, 2, 4, 2),
                "The apprentices liked comparing the value chain with their own employers.",
                "They spotted at once that the figure shows six boxes for five links, and that the longest quiz "
                "answer is always right.",
                "We had no partner company for this class, so the company part was a visit of half a day."),
        "M04": ((5, 4, 3, 3, 3, 2),
                "The walk round our own injection machine worked well with small groups.",
                "The photo sheet for the walk round does not exist, and the pressures in L3 have no units.",
                "Without a partner company we could not do the mould change task in a real setting."),
        "M06": ((5, 4, 4, 3, 3, 2),
                "The control chart exercise was a success, once we took parts from one cavity only.",
                "The example takes parts from a box of mixed cavities, which no quality technician would do.",
                "Only two apprentices could measure parts at an employer."),
        "M10": ((4, 3, 3, 4, 2, 2),
                "The SMED exercise on our machine cut the change from 48 to 31 minutes.",
                "The OEE story and the shift plan disagree, and the lock-out is not repeated where students work "
                "between the platens.",
                "No company practice was possible; the T2 task was done as a case study at school."),
    }),
}
# the Alytus correction: the company hours of M04 had been counted twice
CORRECTION = ("M04", {"company_used_share": 0.5,
                      "company_practice": "Students ran the machine with an operator beside them for three shifts. "
                                          "Corrected: the company hours had been counted twice in the first version."})


def add_reports(period, places, users):
    """Add and submit a report of every school (Alytus with a correction); return how many were made."""
    made = 0
    for code, (teacher_email, modules) in REPORTS.items():
        teacher, school = users[teacher_email], places[code]
        report = open_report(period, school.id, teacher)
        report.entries = _entries(period, school.id, code, modules)
        _submit(report, teacher, SUBMITTED[code])
        made += 1
        if code == CORRECTED[0]:
            _submit(_corrected(report, teacher), teacher, CORRECTED[1])
            made += 1
    return made


def _entries(period, school_id, code, modules):
    """The school's entries: the class records, the hours used and the teacher's ratings and words."""
    entries = prefilled_entries(period, school_id)
    theory, practice, company = HOURS_USED[code]
    for module, entry in entries.items():
        ratings, worked, did_not_work, company_text = modules[module]
        for name, default in zip(("theory_planned", "school_practice_planned", "company_planned"), DEFAULT_PLANNED):
            entry[name] = entry[name] if entry[name] is not None else default
        entry["theory_used"] = round(entry["theory_planned"] * theory)
        entry["school_practice_used"] = round(entry["school_practice_planned"] * practice)
        entry["company_used"] = round(entry["company_planned"] * company)
        entry["completed"] = max(entry["completed"] or 0, round(entry["started"] * COMPLETED_SHARE[code]))
        entry.update(zip(RATING_NAMES, ratings))
        entry.update(worked=worked, did_not_work=did_not_work, company_practice=company_text)
    return entries


def _corrected(report, teacher):
    module, change = CORRECTION
    correction = correct_report(report, teacher)
    entries = {code: dict(entry) for code, entry in correction.entries.items()}
    entries[module]["company_used"] = round(entries[module]["company_planned"] * change["company_used_share"])
    entries[module]["company_practice"] = change["company_practice"]
    correction.entries = entries
    return correction


def _submit(report, teacher, at):
    report.updated_by_id = teacher.id
    submit_report(report, report.revision, teacher)
    report.created_at = report.updated_at = report.submitted_at = at.replace(tzinfo=timezone.utc)

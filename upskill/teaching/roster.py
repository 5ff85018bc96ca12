"""Reading a class list from a CSV file: every problem named by row, nothing imported until it is clean.

The file has a header row with the columns name, email and (optionally) student_number, in
English or in the language of the school; columns are separated by commas or semicolons (the
way spreadsheets in Lithuania, Finland and France save CSV); the text is UTF-8.
"""
import csv
import io
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import select

from upskill.auth.emails import is_email
from upskill.auth.services import normalise_email
from upskill.extensions import db
from upskill.models import Enrolment, User

MAX_BYTES = 256 * 1024
MAX_ROWS = 500
COLUMNS = {
    "name": {"name", "full name", "student", "vardas", "vardas pavardė", "vardas ir pavardė", "nimi", "nom",
             "nom complet", "nom et prénom"},
    "email": {"email", "e-mail", "e-mail address", "el. paštas", "el. pašto adresas", "sähköposti", "courriel",
              "adresse e-mail", "adresse électronique", "mail"},
    "student_number": {"student number", "student_number", "number", "mokinio numeris", "numeris",
                       "opiskelijanumero", "numéro", "numéro d'élève", "numéro étudiant"},
}


@dataclass
class RosterRow:
    line: int
    name: str
    email: str
    student_number: str


@dataclass
class Roster:
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # (line or None, message)

    @property
    def clean(self):
        return not self.problems and bool(self.rows)


def read_roster(data, school_class):
    """Parse the uploaded bytes into a Roster for school_class, with every problem found."""
    roster = Roster()
    if len(data) > MAX_BYTES:
        roster.problems.append((None, _("The file is larger than %(kb)d KB. A class list is much smaller: "
                                         "is this the right file?", kb=MAX_BYTES // 1024)))
        return roster
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        roster.problems.append((None, _("The file is not in UTF-8. In your spreadsheet choose "
                                         "“Save as” and the type “CSV UTF-8”, then upload it again.")))
        return roster
    if "\x00" in text:
        roster.problems.append((None, _("This is not a text file. Save the class list as CSV and upload that.")))
        return roster
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        roster.problems.append((None, _("The file is empty. The first row names the columns: name, email, student_number.")))
        return roster
    delimiter = _delimiter(lines[0])
    if delimiter is None:
        roster.problems.append((1, _("The columns must be separated by commas or semicolons; the first row "
                                      "should read name,email,student_number.")))
        return roster
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [_heading(cell) for cell in next(reader)]
    positions = {key: header.index(key) for key in COLUMNS if key in header}
    missing = [key for key in ("name", "email") if key not in positions]
    if missing:
        roster.problems.append((1, _("The first row must name the columns %(columns)s; it has: %(found)s.",
                                     columns="name, email", found=", ".join(h for h in header if h) or "–")))
        return roster
    seen = {}
    enrolled = _enrolled_emails(school_class)
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(roster.rows) + len([p for p in roster.problems if p[0]]) >= MAX_ROWS:
            roster.problems.append((line, _("A file can hold at most %(count)d students.", count=MAX_ROWS)))
            break
        name, email = _cell(row, positions, "name"), normalise_email(_cell(row, positions, "email"))
        number = _cell(row, positions, "student_number")
        problems = []
        if not name:
            problems.append(_("The name is missing."))
        elif len(name) > 120:
            problems.append(_("The name is longer than 120 characters."))
        if not email:
            problems.append(_("The e-mail address is missing."))
        elif not is_email(email):
            problems.append(_("“%(email)s” is not an e-mail address.", email=email[:60]))
        elif email in seen:
            problems.append(_("%(email)s is also on row %(line)d.", email=email, line=seen[email]))
        elif email in enrolled:
            problems.append(_("%(email)s is already in this class.", email=email))
        if len(number) > 40:
            problems.append(_("The student number is longer than 40 characters."))
        if email and email not in seen:
            seen[email] = line
        if problems:
            roster.problems.append((line, " ".join(problems)))
        else:
            roster.rows.append(RosterRow(line, name, email, number))
    _refuse_staff_accounts(roster)
    if not roster.rows and not roster.problems:
        roster.problems.append((None, _("The file has a header row but no students.")))
    return roster


def _cell(row, positions, key):
    position = positions.get(key)
    return row[position].strip() if position is not None and position < len(row) else ""


def _refuse_staff_accounts(roster):
    """A row naming a teacher's or trainer's account is a problem: only students are enrolled."""
    emails = [row.email for row in roster.rows]
    staff = {user.email for user in db.session.scalars(select(User).where(User.email.in_(emails)))
             if not user.has_role("student")} if emails else set()
    for row in [r for r in roster.rows if r.email in staff]:
        roster.rows.remove(row)
        roster.problems.append((row.line, _("%(email)s belongs to an account that is not a student's.", email=row.email)))
    roster.problems.sort(key=lambda problem: problem[0] or 0)


def _delimiter(first_line):
    counts = {d: first_line.count(d) for d in (",", ";")}
    best = max(counts, key=counts.get)
    return best if counts[best] else None


def _heading(cell):
    cell = cell.strip().strip('"').lower()
    return next((key for key, names in COLUMNS.items() if cell in names), cell)


def _enrolled_emails(school_class):
    return set(db.session.scalars(
        select(User.email).join(Enrolment, Enrolment.student_id == User.id).where(Enrolment.class_id == school_class.id)
    ))

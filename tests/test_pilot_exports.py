"""The pilot's CSV files: stable columns, a row per record, every language's letters, no formulas, the reader's scope."""
import csv
import io
import uuid
from datetime import date

import pytest
from sqlalchemy import select

from tests.classes import make_school
from tests.conftest import statements_of
from tests.pilot import make_period
from tests.pilot_records import LITHUANIAN, entry, make_report, school_name, two_schools
from upskill.extensions import db
from upskill.models import AuditEvent, Suggestion, SuggestionKind, SurveyAnswer, User
from upskill.models.survey import SMALLEST_GROUP
from upskill.pilot.suggestions import create_suggestion

FORMULA = "=HYPERLINK(\"http://evil.example\")"
HOURS = ["theory_planned", "theory_used", "school_practice_planned", "school_practice_used", "company_planned",
         "company_used"]
RATINGS = ["relevance", "student_text", "teacher_notes", "difficulty", "time", "placement"]


@pytest.fixture
def schools(synced_app):
    """Two schools; the first has a corrected report on M01 and M02, the second one report on M01."""
    world = two_schools(synced_app)
    make_report(synced_app, world.period_id, world.school_id, {"M01": entry(worked="First")})
    make_report(synced_app, world.period_id, world.school_id,
                {"M01": entry(theory_planned=10, relevance=5, worked=LITHUANIAN, did_not_work=FORMULA),
                 "M02": entry(started=12, completed=11)}, number=2)
    make_report(synced_app, world.period_id, world.other_school_id, {"M01": entry(relevance=3, worked="Hyvä")})
    return world


def download(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response.mimetype == "text/csv"
    raw = response.get_data()
    assert raw.startswith("\ufeff".encode())  # spreadsheets then read UTF-8
    text = raw.decode("utf-8")[1:]
    assert "\r\n" in text  # RFC 4180 line ends
    return list(csv.reader(io.StringIO(text)))


def test_the_reports_file_has_a_row_per_version_and_module_in_the_documented_columns(schools):
    rows = download(schools.coordinator, f"/pilot/periods/{schools.period_id}/reports.csv")
    assert rows[0] == ["period", "school", "country", "version", "status", "submitted_at", "module", *HOURS,
                       "started", "completed", *RATINGS, "worked", "did_not_work", "company_practice"]
    assert len(rows) == 1 + 4  # version 1 (M01), version 2 (M01, M02), the other school (M01)
    mine = [dict(zip(rows[0], row)) for row in rows[1:] if row[1] == school_name(schools.app, schools.school_id)]
    corrected = next(row for row in mine if row["version"] == "2" and row["module"] == "M01")
    assert corrected["worked"] == LITHUANIAN
    assert corrected["theory_planned"] == "10" and corrected["country"] == "LT" and corrected["status"] == "submitted"
    assert corrected["submitted_at"] == "2020-12-20T09:30:00+00:00"


def test_a_formula_like_text_comes_out_as_text(schools):
    rows = download(schools.coordinator, f"/pilot/periods/{schools.period_id}/reports.csv")
    assert "'" + FORMULA in [row[rows[0].index("did_not_work")] for row in rows]


def test_the_ratings_file_has_a_row_per_latest_report_module_and_rating(schools):
    rows = download(schools.coordinator, f"/pilot/periods/{schools.period_id}/ratings.csv")
    assert rows[0] == ["period", "school", "country", "version", "status", "submitted_at", "module", "rating", "value"]
    assert len(rows) == 1 + 3 * len(RATINGS)  # version 2's M01 and M02, the other school's M01
    values = {(row[1], row[6], row[7]): row[8] for row in rows[1:]}
    assert values[(school_name(schools.app, schools.school_id), "M01", "relevance")] == "5"
    assert values[("Tredu", "M01", "relevance")] == "3"
    assert values[("Tredu", "M01", "placement")] == ""


def test_a_teacher_exports_only_their_own_schools_reports(schools):
    for what in ("reports", "ratings"):
        rows = download(schools.other_teacher, f"/pilot/periods/{schools.period_id}/{what}.csv")
        assert {row[1] for row in rows[1:]} == {"Tredu"}


def add_answers(app, period_id, school_id, module, count, value=4, comment=""):
    with app.app_context():
        for _n in range(count):
            db.session.add(SurveyAnswer(id=uuid.uuid4().hex, period_id=period_id, school_id=school_id,
                                        module_code=module, language="lt", answered_on=date(2020, 12, 1),
                                        interest=value, clarity=5, practice=3, time=value, comment=comment))
        db.session.commit()


def test_the_survey_file_has_a_row_per_school_module_and_question_and_hides_small_groups(schools):
    add_answers(schools.app, schools.period_id, schools.school_id, "M01", SMALLEST_GROUP, value=4)
    add_answers(schools.app, schools.period_id, schools.school_id, "M01", 1, value=1)
    add_answers(schools.app, schools.period_id, schools.other_school_id, "M01", SMALLEST_GROUP - 1)
    rows = download(schools.coordinator, f"/pilot/periods/{schools.period_id}/survey.csv")
    assert rows[0] == ["period", "school", "country", "module", "question", "answers", "mean",
                       "count_1", "count_2", "count_3", "count_4", "count_5"]
    assert len(rows) == 1 + 2 * 2 * 4  # every school and module of the period, answered or not
    by_key = {(row[1], row[4]): row[5:] for row in rows[1:] if row[3] == "M01"}
    assert {tuple(row[5:]) for row in rows[1:] if row[3] == "M02"} == {("0", "", "", "", "", "", "")}
    lithuanian = school_name(schools.app, schools.school_id)
    assert by_key[(lithuanian, "interest")] == ["6", "3.5", "1", "0", "0", "5", "0"]
    assert by_key[(lithuanian, "clarity")] == ["6", "5.0", "0", "0", "0", "0", "6"]
    assert by_key[("Tredu", "interest")] == [str(SMALLEST_GROUP - 1), "", "", "", "", "", ""]


def test_a_teacher_exports_only_their_own_schools_survey_results(schools):
    add_answers(schools.app, schools.period_id, schools.school_id, "M01", SMALLEST_GROUP)
    add_answers(schools.app, schools.period_id, schools.other_school_id, "M01", SMALLEST_GROUP)
    rows = download(schools.other_teacher, f"/pilot/periods/{schools.period_id}/survey.csv")
    assert {row[1] for row in rows[1:]} == {"Tredu"}


def suggest(app, email, text, proposed="", key=None):
    with app.app_context():
        author = db.session.scalar(select(User).where(User.email == email))
        suggestion, _made = create_suggestion(author, "M01.L1", SuggestionKind.translation, text, proposed, "lt",
                                              key or uuid.uuid4().hex)
        db.session.commit()
        return suggestion.code


SUGGESTION_HEADER = ["code", "item", "module", "kind", "status", "reason", "duplicate_of", "applied_in", "language",
                     "school", "created_at", "text", "proposed_change"]


def test_the_suggestions_file_lists_every_suggestion_for_the_coordinator(schools):
    first = suggest(schools.app, "mokytoja@example.org", LITHUANIAN, proposed="+370 žodis")
    second = suggest(schools.app, "opettaja@example.org", "Käännös puuttuu")
    with schools.app.app_context():
        duplicate = db.session.scalar(select(Suggestion).where(Suggestion.code == second))
        duplicate.status_reason, duplicate.duplicate_of_id = "Same as the other", \
            db.session.scalar(select(Suggestion.id).where(Suggestion.code == first))
        db.session.commit()
    rows = download(schools.coordinator, "/pilot/suggestions.csv")
    assert rows[0] == SUGGESTION_HEADER
    found = {row[0]: dict(zip(SUGGESTION_HEADER, row)) for row in rows[1:]}
    assert set(found) == {first, second}
    assert found[first]["text"] == LITHUANIAN and found[first]["proposed_change"] == "'+370 žodis"
    assert found[first]["module"] == "M01" and found[first]["kind"] == "translation"
    assert found[first]["school"] == school_name(schools.app, schools.school_id)
    assert found[second]["duplicate_of"] == first and found[second]["reason"] == "Same as the other"


def test_a_teacher_exports_only_their_own_suggestions(schools):
    mine = suggest(schools.app, "mokytoja@example.org", "Mine")
    suggest(schools.app, "opettaja@example.org", "Theirs")
    rows = download(schools.teacher, "/pilot/suggestions.csv")
    assert [row[0] for row in rows[1:]] == [mine]


def test_an_export_is_recorded_in_the_audit_log(schools):
    download(schools.coordinator, f"/pilot/periods/{schools.period_id}/ratings.csv")
    with schools.app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "export"))
        assert event.subject == f"pilot-period:{schools.period_id}" and event.detail["what"] == "ratings.csv"


@pytest.mark.parametrize("path", ["/pilot/periods/987654/reports.csv", "/pilot/periods/{period}/grades.csv",
                                  "/pilot/periods/abc/survey.csv"])
def test_an_unknown_period_or_export_is_not_found(schools, path):
    assert schools.coordinator.get(path.format(period=schools.period_id)).status_code == 404


def test_another_schools_teacher_gets_no_file_of_a_period_their_school_is_not_in(schools, synced_app):
    elsewhere = make_period(synced_app, [schools.school_id], name="Lithuanian pilot")
    for what in ("reports", "ratings", "survey"):
        assert schools.other_teacher.get(f"/pilot/periods/{elsewhere}/{what}.csv").status_code == 404


@pytest.mark.parametrize("what", ["reports", "ratings", "survey"])
def test_an_export_takes_as_many_queries_for_many_schools_as_for_few(schools, synced_app, what):
    path = f"/pilot/periods/{schools.period_id}/{what}.csv"
    add_answers(synced_app, schools.period_id, schools.school_id, "M01", SMALLEST_GROUP)
    _response, few = statements_of(synced_app, schools.coordinator, path)
    for index in range(3):
        school_id = make_school(synced_app, code=f"FR-{index}", name=f"Lycée {index}", country="FR")
        make_report(synced_app, schools.period_id, school_id, {"M01": entry(), "M02": entry()})
        add_answers(synced_app, schools.period_id, school_id, "M02", SMALLEST_GROUP)
    _response, many = statements_of(synced_app, schools.coordinator, path)
    assert len(many) == len(few)


def test_the_suggestions_export_takes_as_many_queries_for_many_as_for_few(schools, synced_app):
    suggest(synced_app, "mokytoja@example.org", "One")
    _response, few = statements_of(synced_app, schools.coordinator, "/pilot/suggestions.csv")
    for n in range(5):
        suggest(synced_app, "opettaja@example.org", f"More {n}")
    _response, many = statements_of(synced_app, schools.coordinator, "/pilot/suggestions.csv")
    assert len(many) == len(few)


def test_the_exports_are_linked_for_those_allowed(schools):
    period_page = schools.teacher.get(f"/pilot/periods/{schools.period_id}/").get_data(as_text=True)
    for what in ("reports", "ratings", "survey"):
        assert f'href="/pilot/periods/{schools.period_id}/{what}.csv"' in period_page
    suggest(schools.app, "mokytoja@example.org", "Mine")
    assert 'href="/pilot/suggestions.csv"' in schools.teacher.get("/pilot/suggestions/").get_data(as_text=True)

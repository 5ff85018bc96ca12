"""The coordinators' pilot dashboard: figures across schools and modules, accessible charts, the summary PDF."""
import re
from io import BytesIO
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.accounts import log_in, make_user
from tests.conftest import statements_of
from tests.dashboard import HOSTILE_NAME, coordinator, known_pilot, more_schools, suggestion
from upskill.extensions import db
from upskill.models import (
    PilotPeriod, School, Suggestion, SuggestionKind, SuggestionStatus, SurveyAnswer, User, utcnow,
)
from upskill.pilot.charts import bar_chart
from upskill.pilot.dashboard import period_figures
from upskill.pilot.stamps import pilot_version


@pytest.fixture
def pilot(synced_app):
    period_id = known_pilot(synced_app)
    return synced_app, period_id, coordinator(synced_app)


def figures_of(app, period_id):
    with app.app_context(), app.test_request_context():
        figures = period_figures(db.session.get(PilotPeriod, period_id))
        names = {school_id: name for school_id, name in figures.schools.items()}
        return figures, {name: school_id for school_id, name in names.items()}


def test_completion_counts_each_schools_latest_submitted_report(pilot):
    app, period_id, _client = pilot
    figures, ids = figures_of(app, period_id)
    assert sorted(figures.schools.values()) == sorted(["Alpha school", HOSTILE_NAME])
    assert (figures.companies, figures.reports) == (1, 2)
    assert (figures.completion["M01"].started, figures.completion["M01"].completed) == (16, 11)
    assert (figures.completion["M02"].started, figures.completion["M02"].completed) == (5, 1)
    assert figures.completion_by_school[(ids["Alpha school"], "M01")].completed == 8  # the correction, not the draft


def test_ratings_are_averaged_per_module_and_per_school(pilot):
    app, period_id, _client = pilot
    figures, ids = figures_of(app, period_id)
    assert figures.ratings_by_module["M01"]["relevance"] == 3.0
    assert figures.ratings_by_module["M01"]["difficulty"] == 4.0
    assert figures.ratings_by_module["M02"]["relevance"] == 5.0
    assert figures.ratings_by_school[ids["Alpha school"]]["relevance"] == 4.5
    assert figures.ratings_by_school[ids[HOSTILE_NAME]]["difficulty"] == 5.0


def test_survey_groups_under_five_answers_are_kept_back(pilot):
    app, period_id, _client = pilot
    figures, ids = figures_of(app, period_id)
    total, unanswered = figures.survey_by_module
    assert (total.module_code, total.answers, total.averages["interest"]) == ("M01", 9, 2.7)
    assert (unanswered.module_code, unanswered.answers, unanswered.averages) == ("M02", 0, None)
    by_school = {r.school_id: r for r in figures.survey_by_school if r.module_code == "M01"}
    assert by_school[ids["Alpha school"]].averages["clarity"] == 4.0
    assert by_school[ids[HOSTILE_NAME]].answers == 4 and by_school[ids[HOSTILE_NAME]].averages is None


def test_suggestions_of_the_period_are_counted_by_module_kind_and_status(pilot):
    app, period_id, _client = pilot
    figures, _ids = figures_of(app, period_id)
    assert dict(figures.suggestions_by_module) == {"M01": 2, "glossary": 1}
    assert dict(figures.suggestions_by_kind) == {"unclear": 1, "error": 1, "translation": 1}
    assert dict(figures.suggestions_by_status) == {"new": 2, "accepted": 1}


def test_the_dashboard_shows_the_latest_period_with_its_charts_and_tables(pilot):
    _app, _period_id, client = pilot
    response = client.get("/pilot/dashboard/")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Pilot autumn 2026" in page
    charts = re.findall(r"<svg [^>]*class=\"chart\"[^>]*>", page)
    assert charts and all('role="img"' in svg and "aria-labelledby=" in svg for svg in charts)
    assert page.count("<title id=") == len(charts) and page.count("<desc id=") == len(charts)
    assert "<style" not in page.split("<main", 1)[1] and " style=" not in page
    assert "fewer than 5 answers" in page
    completion = _table_after(page, "Participation and completion per module")
    assert re.search(r"M01</th>\s*<td[^>]*>16</td><td[^>]*>11</td><td[^>]*>69%</td>", completion)
    chart = page.split('id="chart-completion"', 1)[1].split("</svg>", 1)[0]
    assert ">11</text>" in chart and ">5</text>" in chart  # M01's completed and not completed, as in the table


def test_a_hostile_school_name_comes_out_escaped(pilot):
    _app, _period_id, client = pilot
    page = client.get("/pilot/dashboard/").get_data(as_text=True)
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; school" in page


def test_a_chart_carries_no_script_even_from_its_labels():
    chart = bar_chart("chart-test", "Title <b>", "Described", ["<script>x()</script>"], [("<img onerror=x>", [3])])
    assert "<script" not in chart.svg and "onerror=x>" not in chart.svg and "<img" not in chart.svg
    assert '<title id="chart-test-title">Title &lt;b&gt;</title>' in chart.svg
    assert 'viewBox="0 0 ' in chart.svg and "http://" not in chart.svg.replace('xmlns="http://www.w3.org/2000/svg"', "") \
        .replace('xmlns:xlink="http://www.w3.org/1999/xlink"', "")


def test_the_query_count_does_not_grow_with_the_data(pilot):
    app, period_id, client = pilot
    _response, few = statements_of(app, client, f"/pilot/dashboard/?period={period_id}")
    more_schools(app, period_id, 25)
    response, many = statements_of(app, client, f"/pilot/dashboard/?period={period_id}")
    assert response.status_code == 200 and "School 124" in response.get_data(as_text=True)
    assert len(many) == len(few)


def test_a_kept_dashboard_is_shown_in_one_query_more_than_the_stamp(pilot):
    app, period_id, client = pilot
    _response, first = statements_of(app, client, "/pilot/dashboard/")
    _response, again = statements_of(app, client, "/pilot/dashboard/")
    assert len(again) < len(first)


def test_a_new_suggestion_shows_on_the_next_load(pilot):
    app, period_id, client = pilot
    assert "Too easy" not in client.get("/pilot/dashboard/").get_data(as_text=True)
    with app.app_context():
        alpha = db.session.scalar(select(School.id).where(School.name == "Alpha school"))
        db.session.add(suggestion(50, "M02", SuggestionKind.too_easy, SuggestionStatus.new, alpha))
        db.session.commit()
    page = client.get("/pilot/dashboard/").get_data(as_text=True)
    assert "Too easy" in page


def test_a_triaged_suggestion_moves_to_its_new_status_on_the_next_load(pilot):
    app, _period_id, client = pilot
    assert "Rejected" not in _table_after(client.get("/pilot/dashboard/").get_data(as_text=True), "Suggestions by status")
    with app.app_context():
        found = db.session.scalar(select(Suggestion).where(Suggestion.code == "S-2026-001"))
        found.status, found.triaged_at = SuggestionStatus.rejected, utcnow()
        db.session.commit()
    status = _table_after(client.get("/pilot/dashboard/").get_data(as_text=True), "Suggestions by status")
    assert "Rejected" in status


def test_a_renamed_school_shows_by_its_new_name_on_the_next_load(pilot):
    app, _period_id, client = pilot
    assert "Alpha school" in client.get("/pilot/dashboard/").get_data(as_text=True)
    with app.app_context():
        db.session.scalar(select(School).where(School.name == "Alpha school")).name = "Alfa mokykla"
        db.session.commit()
    page = client.get("/pilot/dashboard/").get_data(as_text=True)
    assert "Alfa mokykla" in page and "Alpha school" not in page


def test_the_pilot_version_moves_on_with_a_survey_answer_and_not_with_other_records(pilot):
    app, period_id, _client = pilot
    with app.app_context():
        before = pilot_version()
        db.session.scalar(select(User).limit(1)).name = "Someone else"  # not pilot data
        db.session.commit()
        assert pilot_version() == before
        school_id = db.session.get(PilotPeriod, period_id).schools[0].id
        db.session.add(SurveyAnswer(id="f" * 32, period_id=period_id, school_id=school_id, module_code="M01",
                                    language="en", answered_on=date(2020, 10, 1), interest=3, clarity=3, practice=3,
                                    time=3))
        db.session.commit()
        assert pilot_version() == before + 1


def test_the_series_of_a_chart_differ_in_lightness_for_a_greyscale_print():
    chart = bar_chart("chart-grey", "Title", "Described", ["M01"], [("Completed", [3]), ("Not completed", [2])],
                      stacked=True, counts=True)
    fills = sorted(set(re.findall(r'<rect [^>]*fill="(#[0-9a-f]{6})" stroke=', chart.svg)))
    lightness = sorted(sum(int(f[i:i + 2], 16) for i in (1, 3, 5)) / 3 for f in fills)
    assert len(lightness) == 2 and lightness[1] - lightness[0] > 80


def test_an_unknown_or_malformed_period_is_not_found(pilot):
    _app, period_id, client = pilot
    assert client.get("/pilot/dashboard/?period=987654").status_code == 404
    assert client.get("/pilot/dashboard/?period=x' or 1=1").status_code == 404
    assert client.get("/pilot/dashboard/?period=" + "9" * 5000).status_code == 404
    assert client.get("/pilot/periods/987654/summary.pdf").status_code == 404


@pytest.mark.parametrize("email, role", [("t@example.org", "teacher"), ("s@example.org", "student"),
                                         ("c@example.org", "company_trainer")])
def test_only_coordinators_and_administrators_see_the_dashboard(pilot, email, role):
    app, period_id, _client = pilot
    make_user(app, email, role)
    client = app.test_client()
    log_in(client, email)
    assert client.get("/pilot/dashboard/").status_code == 403
    assert client.get(f"/pilot/periods/{period_id}/summary.pdf").status_code == 403


def test_the_summary_is_a_pdf_with_the_period_its_schools_and_tables(pilot):
    _app, period_id, client = pilot
    response = client.get(f"/pilot/periods/{period_id}/summary.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == \
        f'attachment; filename="upskill-pilot-summary-{period_id}-2026-09-01.pdf"'
    text = "\n".join(page.extract_text() for page in PdfReader(BytesIO(response.data)).pages)
    assert "Pilot autumn 2026" in text and "Alpha school" in text
    assert "Participation and completion per module" in text and "69%" in text


def _table_after(page, caption):
    return page.split(f"<caption>{caption}</caption>", 1)[1].split("</table>", 1)[0]

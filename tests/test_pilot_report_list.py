"""Reading pilot reports across schools: the filtered list, and one module of a period side by side."""
import pytest

from tests.classes import make_school
from tests.conftest import statements_of
from tests.pilot import make_period
from tests.pilot_records import LITHUANIAN, entry, make_report, school_name, two_schools


@pytest.fixture
def schools(synced_app):
    """Two schools in a period; the first has corrected its report once, the second has a draft."""
    world = two_schools(synced_app)
    world.first_id = make_report(synced_app, world.period_id, world.school_id, {"M01": entry(worked="First")})
    world.correction_id = make_report(synced_app, world.period_id, world.school_id,
                                      {"M01": entry(worked=LITHUANIAN), "M02": entry(relevance=4)}, number=2)
    world.draft_id = make_report(synced_app, world.period_id, world.other_school_id,
                                 {"M02": entry(worked="Luonnos")}, submitted=False)
    return world


def listed(client, query=""):
    response = client.get(f"/pilot/reports/{query}")
    return response.status_code, response.get_data(as_text=True)


def report_links(page):
    return {int(part.split("/")[0]) for part in page.split('href="/pilot/reports/')[1:] if part[0].isdigit()}


def test_a_coordinator_lists_every_schools_latest_report(schools):
    status, page = listed(schools.coordinator)
    assert status == 200
    assert report_links(page) == {schools.correction_id, schools.draft_id}
    assert "Tredu" in page and "Version 2" in page and "M01, M02" in page


def test_earlier_versions_are_listed_when_asked_for(schools):
    _status, page = listed(schools.coordinator, "?every_version=y")
    assert report_links(page) == {schools.first_id, schools.correction_id, schools.draft_id}


def test_a_teacher_lists_only_their_own_schools_reports_and_is_told_where_the_others_are(schools):
    status, page = listed(schools.other_teacher, "?every_version=y")
    assert status == 200
    assert report_links(page) == {schools.draft_id}
    assert "visible to the programme coordinators" in page
    assert school_name(schools.app, schools.school_id) not in page


@pytest.mark.parametrize("query, expected", [
    ("?state=draft", "draft"), ("?state=submitted", "correction"), ("?module=M01", "correction"),
    ("?module=M02", "both"), ("?school={other}", "draft"), ("?period={period}&module=M02&state=draft", "draft"),
])
def test_the_filters_narrow_the_list(schools, query, expected):
    ids = {"draft": {schools.draft_id}, "correction": {schools.correction_id},
           "both": {schools.draft_id, schools.correction_id}}[expected]
    status, page = listed(schools.coordinator, query.format(other=schools.other_school_id, period=schools.period_id))
    assert status == 200
    assert report_links(page) == ids


def test_a_period_without_reports_lists_none(schools, synced_app):
    empty = make_period(synced_app, [schools.school_id], name="Spring pilot")
    status, page = listed(schools.coordinator, f"?period={empty}")
    assert status == 200 and report_links(page) == set() and "No report matches these filters." in page


@pytest.mark.parametrize("query", ["?period=abc", "?period=987654", "?school=-1", "?module=" + "M" * 5000,
                                   "?state=lost", "?module=M99", "?period=1e9&school=%00"])
def test_filters_not_offered_are_refused_with_a_message_and_list_nothing(schools, query):
    status, page = listed(schools.coordinator, query)
    assert status == 400
    assert "choose among the options offered" in page and report_links(page) == set()


def test_a_teacher_cannot_filter_on_another_school(schools):
    status, page = listed(schools.teacher, f"?school={schools.other_school_id}")
    assert status == 400 and report_links(page) == set()


def test_the_list_takes_as_many_queries_for_many_reports_as_for_few(schools, synced_app):
    _response, few = statements_of(synced_app, schools.coordinator, "/pilot/reports/?every_version=y")
    for index in range(4):
        school_id = make_school(synced_app, code=f"FR-{index}", name=f"Lycée {index}", country="FR")
        for number in (1, 2):
            make_report(synced_app, schools.period_id, school_id, {"M01": entry()}, number=number)
    response, many = statements_of(synced_app, schools.coordinator, "/pilot/reports/?every_version=y")
    assert len(report_links(response.get_data(as_text=True))) == 11
    assert len(many) == len(few)


def side_by_side(client, world, module="M01"):
    response = client.get(f"/pilot/periods/{world.period_id}/modules/{module}/")
    return response.status_code, response.get_data(as_text=True)


def test_a_coordinator_sees_the_module_from_each_schools_latest_submitted_report(schools):
    make_report(schools.app, schools.period_id, schools.school_id, {"M02": entry(relevance=1)}, number=3,
                submitted=False)  # a correction being written does not count yet
    make_report(schools.app, schools.period_id, schools.other_school_id,
                {"M02": entry(relevance=2, did_not_work="Liian pitkä")}, number=2)
    status, page = side_by_side(schools.coordinator, schools, "M02")
    assert status == 200
    assert school_name(schools.app, schools.school_id) in page and "Tredu" in page
    assert "Liian pitkä" in page and "Relevance to industry" in page
    assert f'href="/pilot/reports/{schools.correction_id}/"' in page  # version 2, not the draft version 3


def test_the_module_shows_texts_as_written_and_names_the_schools_without_a_report(schools):
    _status, page = side_by_side(schools.coordinator, schools)
    assert LITHUANIAN in page
    assert "No submitted report on this module yet:" in page and "Tredu" in page


def test_a_teacher_sees_only_their_own_schools_column(schools):
    make_report(schools.app, schools.period_id, schools.other_school_id, {"M01": entry(worked="Toimi hyvin")},
                number=2)
    status, page = side_by_side(schools.teacher, schools)
    assert status == 200
    assert LITHUANIAN in page and "Toimi hyvin" not in page and "Tredu" not in page
    assert "Other schools' reports are visible to the programme coordinators." in page


@pytest.mark.parametrize("module", ["M09", "M" * 300, "M01.L1"])
def test_a_module_not_in_the_period_is_not_found(schools, module):
    assert side_by_side(schools.coordinator, schools, module)[0] == 404


def test_a_period_the_school_is_not_in_is_not_found(schools, synced_app):
    elsewhere = make_period(synced_app, [schools.other_school_id], name="Finnish pilot")
    assert schools.teacher.get(f"/pilot/periods/{elsewhere}/modules/M01/").status_code == 404
    assert schools.teacher.get("/pilot/periods/987654/modules/M01/").status_code == 404


def test_the_period_page_and_the_report_link_to_the_side_by_side_view(schools):
    link = f'href="/pilot/periods/{schools.period_id}/modules/M01/"'
    assert link in schools.coordinator.get(f"/pilot/periods/{schools.period_id}/").get_data(as_text=True)
    assert link in schools.teacher.get(f"/pilot/reports/{schools.correction_id}/").get_data(as_text=True)

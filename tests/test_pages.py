"""The public curriculum pages, in the student and teacher views and in every language."""
import pytest


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response.get_data(as_text=True)


def test_home_lists_the_modules(client):
    html = page(client, "/")
    assert "Test programme for operators" in html
    assert 'href="/curriculum/M01/"' in html and "First steps at the machine" in html
    assert "42 hours" in html  # M01: 10 + 12 + 20


def test_programme_page_has_aims_outcomes_and_hours_table(client):
    html = page(client, "/curriculum/")
    assert "EQF level" in html and ">4<" in html
    assert "Explains the barrel." in html
    assert '<td class="num" data-label="Total">66</td>' in html  # 42 + 24 hours in all
    assert "revision 0.9" in html and "CC BY-SA 4.0" in html


def test_module_page_lists_lessons_tasks_and_quiz(client):
    html = page(client, "/curriculum/M01/")
    assert "The hopper" in html and "45 min" in html
    assert "Fill the hopper safely" in html and "School workshop" in html
    assert 'href="/curriculum/M01/Q/"' in html and "2 questions" in html
    assert "Fills a hopper safely." in html


def test_module_prerequisites_link_to_the_module(client):
    html = page(client, "/curriculum/M02/")
    assert '<a href="/curriculum/M01/">M01</a>' in html


def test_lesson_student_view(client):
    html = page(client, "/curriculum/M01/L1/")
    assert "<h1>The hopper</h1>" in html
    assert "What you will be able to do" in html and "Name the parts of the hopper." in html
    assert '<a href="/glossary/#hopper" class="term"' in html
    # a figure opens a full-size view when tapped, and phones are told so under the caption
    assert ('<figure class="figure" id="fig-hopper"><a class="figure-zoom" href="/curriculum/M01/L1/figures/hopper/" '
            'rel="noopener"><img src="/curriculum/M01/figures/hopper.svg"') in html
    assert '<figcaption>The hopper feeds the barrel <span class="zoom-hint">(tap the figure to enlarge it)</span>' in html
    assert 'class="box box-safety"' in html
    assert 'rel="next" href="/curriculum/M01/L2/"' in html
    assert "Starter with a bag of pellets" not in html  # teacher's plan stays in the teacher view


def test_lesson_teacher_view_has_timed_plan_and_answers(client):
    html = page(client, "/teacher/M01/L1/")
    assert "Lesson plan" in html
    assert '<span class="range">0–10</span>' in html and '<span class="range">10–45</span>' in html
    assert "Starter with a bag of pellets." in html
    assert "A bag of PP pellets" in html
    assert "Into the barrel, through the feed throat." in html
    assert 'rel="next" href="/teacher/M01/L2/"' in html


def test_task_page_shows_steps_evidence_and_rubric(client):
    html = page(client, "/curriculum/M01/T1/")
    assert "Group size: 2-3" in html and "1 h" in html
    assert "<li>Open the hopper lid and look for foreign bodies.</li>" in html
    assert "A photo of the filled hopper" in html
    assert "<th scope=\"col\">Competent</th>" in html and "Checks the label and the batch number." in html


def test_teacher_quiz_view_is_an_answer_key(client):
    html = page(client, "/teacher/M01/Q/")
    assert "Answer key: 2 questions." in html
    assert html.count("Correct:") == 3  # q1 has one right option, q2 has two


def test_language_choice_is_remembered(client):
    assert "Bunkeris" in page(client, "/curriculum/M01/L1/?lang=lt")
    html = page(client, "/curriculum/M01/L1/")
    assert "Bunkeris" in html and '<html lang="lt">' in html


def test_browser_language_is_used_when_nothing_was_chosen(client):
    response = client.get("/curriculum/M01/L1/", headers={"Accept-Language": "lt-LT,lt;q=0.9"})
    assert "Bunkeris" in response.get_data(as_text=True)


def test_untranslated_item_falls_back_to_english_with_a_note(client):
    html = page(client, "/curriculum/M01/L2/?lang=fi")
    assert "The barrel and its heaters" in html
    assert 'class="fallback-note"' in html


def test_translated_item_has_no_fallback_note(client):
    assert 'class="fallback-note"' not in page(client, "/curriculum/M01/L1/?lang=lt")


def test_teacher_view_falls_back_when_only_the_student_text_is_translated(client):
    html = page(client, "/teacher/M01/L1/?lang=lt")
    assert 'class="fallback-note"' in html
    assert "Starter with a bag of pellets." in html


@pytest.mark.parametrize("lang", ["en", "lt", "fi", "fr"])
@pytest.mark.parametrize("path", ["/", "/curriculum/", "/curriculum/M01/", "/teacher/M01/", "/curriculum/M01/L1/",
                                  "/teacher/M01/L1/", "/curriculum/M01/T1/", "/teacher/M01/T1/",
                                  "/curriculum/M01/Q/", "/teacher/M01/Q/", "/glossary/", "/search?q=hopper"])
def test_every_page_type_renders_in_every_language(client, path, lang):
    separator = "&" if "?" in path else "?"
    html = page(client, f"{path}{separator}lang={lang}")
    assert f'<html lang="{lang}">' in html
    assert 'aria-current="true"' in html  # the language switcher marks the choice


@pytest.mark.parametrize("path", ["/curriculum/M09/", "/curriculum/M01/L9/", "/teacher/M01/T7/", "/curriculum/X1/",
                                  "/curriculum/M01/Z1/", "/nowhere", "/curriculum/M02/Q/", "/teacher/M09/"])
def test_unknown_codes_get_a_404_page(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


def test_unknown_language_is_a_404(client):
    response = client.get("/curriculum/?lang=de")
    assert response.status_code == 404
    assert "There is no language de here." in response.get_data(as_text=True)


def test_lower_case_codes_redirect_to_the_canonical_address(client):
    response = client.get("/curriculum/m01/l1/?lang=lt")
    assert response.status_code == 301
    assert response.headers["Location"].endswith("/curriculum/M01/L1/?lang=lt")


def test_site_without_curriculum_says_so(app):
    response = app.test_client().get("/")
    assert response.status_code == 404
    assert "No curriculum has been loaded yet." in response.get_data(as_text=True)


def test_figure_is_served_as_svg_with_a_strict_policy(client):
    with client.get("/curriculum/M01/figures/hopper.svg") as response:
        assert response.status_code == 200
        assert response.mimetype == "image/svg+xml"
        assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")
        assert b"<title>Hopper above a barrel</title>" in response.data


@pytest.mark.parametrize("path", ["/curriculum/M01/figures/missing.svg", "/curriculum/M01/figures/..%2Fmodule.yaml",
                                  "/curriculum/M07/figures/hopper.svg", "/curriculum/M01/figures/hopper.png"])
def test_figure_paths_outside_the_figures_are_404(client, path):
    assert client.get(path).status_code == 404


def test_glossary_shows_every_language_and_definition(client):
    html = page(client, "/glossary/?lang=lt")
    assert '<div class="term-entry" id="barrel">' in html
    assert "cilindras" in html and "fourreau" in html and "sylinteri" in html
    assert "Šildomas plieninis vamzdis" in html  # the Lithuanian definition
    assert '<p lang="en">The funnel that feeds pellets into the barrel.</p>' in html  # English fallback
    assert html.index("bunkeris") < html.index("cilindras")  # sorted by the term in the chosen language


def test_glossary_is_grouped_by_letter_and_names_related_terms_in_the_reader_language(client):
    html = page(client, "/glossary/?lang=lt")
    assert '<h2 id="letter-1" class="letter-heading">B</h2>' in html
    assert '<a href="#letter-3">L</a>' in html  # B (bunkeris), C (cilindras), L (lydalas)
    assert '<a href="#hopper">bunkeris</a>' in html  # the 'see also' link of barrel, in Lithuanian


def test_glossary_letters_ignore_accents(synced_app):
    from upskill.extensions import db
    from upskill.models import GlossaryTerm

    with synced_app.app_context():
        db.session.add(GlossaryTerm(key="label", terms={"en": "label", "fr": "étiquette"}, definitions={"en": "A tag."},
                                    see=[], content_hash="x"))
        db.session.commit()
    html = synced_app.test_client().get("/glossary/?lang=fr").get_data(as_text=True)
    assert ">É</a>" not in html
    assert html.index('id="label"') < html.index('id="barrel"')  # étiquette files under E, before fourreau


def test_glossary_downloads_as_a_four_language_terminology_list(client):
    html = page(client, "/glossary/?lang=lt")
    assert 'href="/glossary/terms.csv?lang=lt" download' in html
    response = client.get("/glossary/terms.csv?lang=lt")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert 'filename="upskill-glossary-lt.csv"' in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")  # spreadsheets then read the diacritics right
    import csv

    rows = list(csv.reader(text.lstrip("\ufeff").splitlines()))
    assert rows[0] == ["English", "Lietuvių", "Suomi", "Français", "Apibrėžimas"]
    # in the order of the Lithuanian names: bunkeris before cilindras
    assert rows[1][:4] == ["hopper", "bunkeris", "suppilo", "trémie"]
    assert rows[1][4] == "The funnel that feeds pellets into the barrel."  # no Lithuanian definition yet
    assert rows[2] == ["barrel", "cilindras", "sylinteri", "fourreau", "Šildomas plieninis vamzdis, kuriame sraigtas lydo plastiką."]
    assert len(rows) == 1 + 3
    assert client.get("/glossary/terms.csv?lang=xx").status_code == 404  # no such language


def test_terminology_list_cells_never_run_as_spreadsheet_formulas(synced_app):
    from upskill.extensions import db
    from upskill.models import GlossaryTerm

    with synced_app.app_context():
        db.session.add(GlossaryTerm(key="formula", terms={"en": "=HYPERLINK(\"x\")", "lt": "-1+2"},
                                    definitions={"en": "@SUM(A1)"}, see=[], content_hash="x"))
        db.session.commit()
    text = synced_app.test_client().get("/glossary/terms.csv?lang=en").get_data(as_text=True)
    assert "'=HYPERLINK" in text and "'-1+2" in text and "'@SUM(A1)" in text
    assert "\n=" not in text and ",=" not in text and ",-" not in text

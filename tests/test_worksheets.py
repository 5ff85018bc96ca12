"""Worksheets are items of their own: printable, listed by their module, linked from their lessons."""
from tests.test_pages import page


def test_worksheet_page_shows_the_sheet_and_the_lesson_it_belongs_to(client):
    html = page(client, "/curriculum/M01/W1/")
    assert "<h1>Hopper worksheet</h1>" in html
    assert "Fill in the table" in html and 'class="prose worksheet"' in html
    assert 'href="/curriculum/M01/L1/"' in html and "The hopper" in html
    assert "Print this worksheet" in html
    assert "Moisture turns to steam" not in html  # the answers are for teachers


def test_teachers_book_worksheet_gives_the_answers(client):
    html = page(client, "/teacher/M01/W1/")
    assert "Answers and notes" in html and "Moisture turns to steam" in html
    assert "Fill in the table" in html


def test_lesson_and_module_lead_to_the_worksheet(client):
    lesson = page(client, "/curriculum/M01/L1/")
    assert 'href="/curriculum/M01/W1/"' in lesson and "Worksheets" in lesson
    module = page(client, "/teacher/M01/")
    assert 'href="/teacher/M01/W1/"' in module


def test_lowercase_worksheet_code_redirects_to_the_canonical_address(client):
    response = client.get("/curriculum/m01/w1/")
    assert response.status_code == 301 and response.headers["Location"].endswith("/curriculum/M01/W1/")


def test_item_links_may_point_at_a_heading(client):
    assert 'href="/curriculum/M01/L2/#heating-zones"' in page(client, "/curriculum/M01/L1/")
    assert 'id="heating-zones"' in page(client, "/curriculum/M01/L2/")

"""English shown on a page in another language says so to screen readers with lang="en"."""
from tests.test_pages import page


def test_untranslated_lesson_on_a_lithuanian_page_is_marked_english(client):
    html = page(client, "/curriculum/M01/L2/?lang=lt")
    assert '<html lang="lt">' in html
    assert '<h1 lang="en">The barrel and its heaters</h1>' in html
    assert '<div class="prose" lang="en">' in html


def test_translated_lesson_carries_no_english_mark(client):
    html = page(client, "/curriculum/M01/L1/?lang=lt")
    assert "<h1>Bunkeris</h1>" in html
    assert '<div class="prose">' in html and 'class="prose" lang="en"' not in html


def test_untranslated_titles_in_lists_are_marked_english(client):
    html = page(client, "/curriculum/M01/?lang=lt")
    assert '<span class="item-title" lang="en">The barrel and its heaters</span>' in html
    assert '<span class="item-title">Bunkeris</span>' in html


def test_marked_word_is_plain_text_on_the_page(client):
    html = page(client, "/curriculum/M01/L2/")
    assert "Do not confuse it with an oil barrel." in html
    assert "glossary:-" not in html and 'href="/glossary/#-"' not in html

"""A link to a section works in every language: translated headings take the English anchors."""
from tests.test_curriculum_check import M01, edit, problems_of
from tests.test_pages import page


def test_translated_headings_carry_the_english_anchors(client):
    html = page(client, "/curriculum/M01/L1/?lang=lt")
    assert '<h2 id="where-the-pellets-go">Kur keliauja granulės</h2>' in html
    assert '<h3 id="check-yourself">Pasitikrinkite</h3>' in html


def test_translation_with_other_headings_is_reported(curriculum_copy):
    edit(curriculum_copy, f"{M01}/L1-the-hopper.lt.md", "### Pasitikrinkite", "Pasitikrinkite")
    found = problems_of(curriculum_copy)
    assert any("L1-the-hopper.lt.md:8: has 1 section headings, the English master has 2" in p for p in found), found

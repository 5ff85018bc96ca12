"""Full-text search with highlighted snippets, in the reader's language."""
import re

import pytest

from tests.conftest import statements_of
from upskill.curriculum.text import fold
from upskill.public.search_query import parse
from upskill.public.search_snippets import highlight, highlight_words

NO_RESULTS = "No results for «{}»"


def search(client, query, lang="en"):
    response = client.get("/search", query_string={"q": query, "lang": lang})
    assert response.status_code == 200
    return response.get_data(as_text=True)


def found(html):
    """Return the addresses of the results listed on a search page, in order."""
    results = html.split('<ol class="search-results">', 1)[1].split("</ol>", 1)[0] if "search-results" in html else ""
    return re.findall(r'<h2><a href="([^"]+)"', results)


def test_search_finds_and_highlights_the_words(client):
    html = search(client, "feed throat")
    assert "1 result for “feed throat”" in html
    assert "<mark>feed</mark> <mark>throat</mark>" in html
    assert 'href="/curriculum/M01/L1/"' in html


def test_all_words_must_match(client):
    assert NO_RESULTS.format("hopper zebra") in search(client, "hopper zebra")


def test_the_page_own_hints_are_not_searched(client):
    assert NO_RESULTS.format("enlarge") in search(client, "enlarge")  # 'tap the figure to enlarge it' under each figure
    assert 'href="/curriculum/M01/L1/"' in search(client, "feeds the barrel")  # but the caption itself is


def test_lithuanian_search_finds_the_inflected_forms(client):
    html = search(client, "džiovinimas", lang="lt")
    assert sorted(found(html)) == ["/curriculum/", "/curriculum/M01/L1/"]
    assert "<mark>džiovinti</mark>" in html  # the lesson M01.L1
    assert "<mark>džiovinimo</mark>" in html  # the programme's aims


def test_lithuanian_phrase_finds_the_text_with_every_word(client):
    html = search(client, "granulių džiovinimo temperatūra", lang="lt")
    assert found(html) == ["/curriculum/"]
    assert "<mark>granulių</mark> <mark>džiovinimo</mark> <mark>temperatūrą</mark>" in html


def test_english_search_finds_the_inflected_forms(client):
    html = search(client, "drying")
    assert sorted(found(html)) == ["/curriculum/M01/L1/", "/curriculum/M01/W1/"]  # "stay dry"
    assert "<mark>dry</mark>" in html
    assert "<mark>heaters</mark>" in search(client, "heating")


def test_search_ignores_case_and_accents(client):
    html = search(client, "PLIENINIS", lang="lt")
    assert "<mark>plieninis</mark>" in html  # found in the Lithuanian definition of 'barrel'
    assert "<mark>Bunkeris</mark>" in search(client, "bunkeri", lang="lt")
    assert "<mark>džiovinti</mark>" in search(client, "DZIOVINTI", lang="lt")


def test_untranslated_items_are_found_in_english(client):
    html = search(client, "heating zones", lang="fi")
    assert "The barrel and its <mark>heaters</mark>" in html
    assert '<span lang="en">English</span>' in html


def test_english_is_not_searched_where_a_translation_exists(client):
    # M01.L1 says "Polypropylene" in English only; its Lithuanian text is what a Lithuanian reader searches.
    assert found(search(client, "polypropylene")) == ["/curriculum/M01/L1/"]
    html = search(client, "polypropylene", lang="lt")
    assert found(html) == []
    assert "Pagal užklausą „polypropylene“ nieko nerasta lietuviškuose tekstuose" in html


def test_title_matches_rank_first(client):
    html = search(client, "barrel")
    assert html.index("The <mark>barrel</mark> and its heaters") < html.index(">The hopper<")


def test_glossary_terms_are_found_in_any_language(client):
    html = search(client, "fourreau")
    assert '<a href="/glossary/#barrel"><mark>' not in html  # the English name is shown, not the French one
    assert '<a href="/glossary/#barrel">barrel</a>' in html


def test_no_results_say_what_was_searched_and_suggest_glossary_terms(client):
    html = search(client, "cilindrų lydalo", lang="lt")
    assert "Pagal užklausą „cilindrų lydalo“ nieko nerasta lietuviškuose tekstuose" in html
    assert "Panašaus pavadinimo terminai žodyne" in html
    assert '<a href="/glossary/#barrel">cilindras</a>' in html
    assert '<a href="/glossary/#melt">lydalas</a>' in html
    assert "/glossary/#hopper" not in html


def test_a_misspelt_word_suggests_the_term_it_resembles(client):
    html = search(client, "hoppre")
    assert NO_RESULTS.format("hoppre") + " in English texts." in html
    assert '<a href="/glossary/#hopper">hopper</a>' in html
    assert "/glossary/#melt" not in html


def test_like_wildcards_are_taken_literally(client):
    assert NO_RESULTS.format("%%") not in search(client, "%%")  # nothing to search: asked for letters
    assert NO_RESULTS.format("h_pper") in search(client, "h_pper")


@pytest.mark.parametrize("query", [
    '"', '"barrel', 'barrel"', "barrel*", "*", "NEAR(barrel hopper)", "barrel AND", "AND OR NOT",
    "-barrel", "barrel:*", "title:barrel", "a & b | !c", "barrel\x00hopper", "\x00", "x" * 5000,
    "barrel' OR 1=1 --", "\\", ")(", "(barrel", "^barrel", "{barrel}", "barrel NOT hopper", "é" * 300,
])
def test_hostile_queries_get_a_page_that_says_what_happened(client, query):
    html = search(client, query)
    explained = ("No results for", "Type at least two letters", "Search every lesson")
    assert found(html) or any(explanation in html for explanation in explained)


def test_a_query_with_syntax_finds_the_words_it_holds(client):
    assert found(search(client, '"feed" AND throat*')) == ["/curriculum/M01/L1/"]


def test_too_short_query_asks_for_more(client):
    assert "Type at least two letters" in search(client, "a")


def test_search_escapes_what_it_echoes(client):
    html = search(client, "<script>alert(1)</script>")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_empty_search_explains_itself(client):
    assert "Search every lesson" in search(client, "")


def test_a_search_page_costs_the_same_statements_however_many_hits(synced_app):
    client = synced_app.test_client()
    _, first = statements_of(synced_app, client, "/search?q=hopper")
    one_hit, few = statements_of(synced_app, client, "/search?q=polypropylene")
    many_hits, many = statements_of(synced_app, client, "/search?q=the")
    assert len(found(one_hit.get_data(as_text=True))) == 1 < len(found(many_hits.get_data(as_text=True)))
    # The version, the texts found, those shown; the first search of a content version also
    # reads the glossary and the module titles.
    assert len(few) == len(many) == 3
    assert len(first) == 5


def test_a_repeated_search_is_answered_from_the_page_cache(synced_app):
    client = synced_app.test_client()
    first, _ = statements_of(synced_app, client, "/search?q=hopper&lang=lt")
    again, statements = statements_of(synced_app, client, "/search?q=hopper&lang=lt")
    assert again.get_data() == first.get_data()
    assert len(statements) == 1  # the content version only


def test_highlight_escapes_and_marks_the_spans():
    assert str(highlight("Café <b> cafe", [(0, 4), (9, 13)])) == "<mark>Café</mark> &lt;b&gt; <mark>cafe</mark>"


def test_highlight_marks_the_inflected_words_only():
    text = "Džiovinimo laikas: džiovinti, o ne džiovykla."
    marked = str(highlight_words(text, fold(text), parse("džiovinimas", "lt")))
    assert marked == "<mark>Džiovinimo</mark> laikas: <mark>džiovinti</mark>, o ne džiovykla."

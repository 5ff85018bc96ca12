"""Full-text search with highlighted snippets, in the reader's language."""
from upskill.public.search_service import highlight, query_terms


def search(client, query, lang="en"):
    response = client.get("/search", query_string={"q": query, "lang": lang})
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_search_finds_and_highlights_the_words(client):
    html = search(client, "feed throat")
    assert "1 result for “feed throat”" in html
    assert "<mark>feed</mark> <mark>throat</mark>" in html
    assert 'href="/curriculum/M01/L1/"' in html


def test_all_words_must_match(client):
    assert "0 results" in search(client, "hopper zebra")


def test_the_page_own_hints_are_not_searched(client):
    assert "0 results" in search(client, "enlarge")  # 'tap the figure to enlarge it' under each figure
    assert 'href="/curriculum/M01/L1/"' in search(client, "feeds the barrel")  # but the caption itself is


def test_search_ignores_case_and_accents(client):
    html = search(client, "PLIENINIS", lang="lt")
    assert "<mark>plieninis</mark>" in html  # found in the Lithuanian definition of 'barrel'
    html = search(client, "bunkeri", lang="lt")
    assert "<mark>Bunkeri</mark>" in html


def test_untranslated_items_are_found_in_english(client):
    html = search(client, "heating zones", lang="fi")
    assert "The barrel and its heaters" in html
    assert '<span lang="en">English</span>' in html


def test_title_matches_rank_first(client):
    html = search(client, "barrel")
    assert html.index("The <mark>barrel</mark> and its heaters") < html.index(">The hopper<")


def test_glossary_terms_are_found_in_any_language(client):
    html = search(client, "fourreau")
    assert '<a href="/glossary/#barrel"><mark>' not in html  # the English name is shown, not the French one
    assert '<a href="/glossary/#barrel">barrel</a>' in html


def test_like_wildcards_are_taken_literally(client):
    assert "0 results" in search(client, "%%")
    assert "0 results" in search(client, "h_pper")


def test_too_short_query_asks_for_more(client):
    assert "Type at least two letters" in search(client, "a")


def test_search_escapes_what_it_echoes(client):
    html = search(client, "<script>alert(1)</script>")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_empty_search_explains_itself(client):
    assert "Search every lesson" in search(client, "")


def test_highlight_escapes_and_marks_without_accents():
    assert str(highlight("Café <b> cafe", ["cafe"])) == "<mark>Café</mark> &lt;b&gt; <mark>cafe</mark>"


def test_query_terms_fold_and_deduplicate():
    assert query_terms("Hopper, hopper ÄÖ x") == ["hopper", "ao"]

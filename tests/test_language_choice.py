"""Which language a page comes in: ?lang=, then the choice remembered, then the browser's, then English.

Every page also names its versions in the other languages (hreflang), at absolute addresses of this site.
"""
import re
from html import unescape
from urllib.parse import urlsplit

import pytest

from tests.accounts import log_in, make_user

LESSON = "/curriculum/M01/L1/"


def language_of(response):
    assert response.status_code < 500
    return re.search(r'<html lang="([^"]*)"', response.get_data(as_text=True)).group(1)


def alternates(response):
    """{hreflang: href} of the page's <link rel="alternate"> elements."""
    html = response.get_data(as_text=True)
    found = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
    return {lang: unescape(href) for lang, href in found}


def test_the_address_language_wins_over_the_remembered_and_the_browser_one(client):
    client.get(LESSON + "?lang=fi")
    response = client.get(LESSON + "?lang=fr", headers={"Accept-Language": "lt"})
    assert language_of(response) == "fr"


def test_the_remembered_choice_wins_over_the_browser_language(client):
    client.get(LESSON + "?lang=fi")
    assert language_of(client.get(LESSON, headers={"Accept-Language": "lt, fr;q=0.8"})) == "fi"


def test_the_remembered_choice_survives_signing_in(synced_app):
    make_user(synced_app, "ieva@example.org")
    client = synced_app.test_client()
    client.get("/login?lang=lt")
    log_in(client, "ieva@example.org")
    assert language_of(client.get("/account/", headers={"Accept-Language": "fr"})) == "lt"


@pytest.mark.parametrize("header, expected", [
    ("lt", "lt"),
    ("lt-LT", "lt"),
    ("fr-CA,fr;q=0.9,en;q=0.8", "fr"),
    ("de;q=1, fr;q=0.5, lt;q=0.9", "lt"),
    ("en;q=0.1, fi", "fi"),
    ("de-DE, es;q=0.8", "en"),
])
def test_without_a_choice_the_browser_languages_are_taken_by_their_weight(client, header, expected):
    assert language_of(client.get(LESSON, headers={"Accept-Language": header})) == expected


def test_without_any_hint_the_page_is_english(client):
    assert language_of(client.get(LESSON)) == "en"


@pytest.mark.parametrize("header", [
    "lt;q=abc", "lt;q=", ";;;,,,", "*", "q=0.5", "fi;q=1.5, lt;q=-1", "lt-", "-lt", "x" * 4000,
    "lt;q=0.9;q=0.8", "l\u00e4t", "lt\tfi", "\u00ff\u00fe",
])
def test_a_malformed_browser_language_never_breaks_the_page(client, header):
    response = client.get(LESSON, headers={"Accept-Language": header})
    assert response.status_code == 200 and language_of(response) in ("en", "lt", "fi", "fr")


def test_an_unknown_language_is_a_404_in_the_language_the_visitor_would_get(client):
    response = client.get(LESSON + "?lang=xx", headers={"Accept-Language": "lt"})
    assert response.status_code == 404 and language_of(response) == "lt"
    assert "Kalbos xx čia nėra." in response.get_data(as_text=True)


def test_an_unknown_language_leaves_the_remembered_choice_as_it_was(client):
    client.get(LESSON + "?lang=fi")
    assert language_of(client.get(LESSON + "?lang=xx")) == "fi"
    assert language_of(client.get(LESSON, headers={"Accept-Language": "lt"})) == "fi"


def test_every_language_version_and_the_default_are_named_at_absolute_addresses(client):
    response = client.get(LESSON + "?lang=lt", base_url="https://upskill.example.org")
    assert alternates(response) == {
        "en": "https://upskill.example.org/curriculum/M01/L1/?lang=en",
        "lt": "https://upskill.example.org/curriculum/M01/L1/?lang=lt",
        "fi": "https://upskill.example.org/curriculum/M01/L1/?lang=fi",
        "fr": "https://upskill.example.org/curriculum/M01/L1/?lang=fr",
        "x-default": "https://upskill.example.org/curriculum/M01/L1/?lang=en",
    }


def test_language_versions_keep_the_other_query_arguments(client):
    links = alternates(client.get("/search?q=hopper&lang=fi"))
    assert links["fr"] == "http://localhost/search?q=hopper&lang=fr"


def test_signed_in_pages_and_error_pages_name_their_language_versions_too(synced_app):
    make_user(synced_app, "ieva@example.org")
    client = synced_app.test_client()
    log_in(client, "ieva@example.org")
    assert set(alternates(client.get("/account/"))) == {"en", "lt", "fi", "fr", "x-default"}
    assert alternates(client.get("/no-such-page/?lang=fr"))["lt"] == "http://localhost/no-such-page/?lang=lt"


@pytest.mark.parametrize("path", [
    "/%5cevil.example/", "/%5c%5cevil.example/", "/%09/evil.example/", "/%2f/evil.example/",
])
def test_language_versions_of_a_404_stay_on_this_site(client, path):
    response = client.get(path)
    assert response.status_code == 404
    links = alternates(response)
    assert set(links) == {"en", "lt", "fi", "fr", "x-default"}
    for href in links.values():
        parts = urlsplit(href)
        assert (parts.scheme, parts.netloc) == ("http", "localhost"), href
        assert parts.path.startswith("/") and not parts.path.startswith("//"), href
        assert "\\" not in href and "\t" not in href and "evil.example/?" in href, href


def test_a_page_asked_for_under_another_host_name_is_not_served_to_this_one(client):
    client.get("/?lang=fi", headers={"Host": "evil.example"})
    links = alternates(client.get("/?lang=fi"))
    assert all(href.startswith("http://localhost/") for href in links.values()), links

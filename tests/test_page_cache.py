"""Rendered pages are reused until the content changes, and never shown stale after a sync."""
from upskill.curriculum.sync import sync_curriculum
from upskill.extensions import db
from upskill.public.page_cache import EXTENSION_KEY

LESSON = "/curriculum/M01/L2/"


def test_repeated_visit_is_served_from_the_cache_with_at_most_one_query(count_queries):
    first, first_statements = count_queries(LESSON)
    second, second_statements = count_queries(LESSON)
    assert first.data == second.data
    assert len(first_statements) == 3
    assert len(second_statements) == 1  # only the content version


def test_version_is_trusted_for_the_configured_time(synced_app, count_queries):
    synced_app.extensions[EXTENSION_KEY].version_ttl = 60
    count_queries(LESSON)
    _, statements = count_queries(LESSON)
    assert statements == []


def test_sync_that_changes_content_shows_at_once(synced_app, curriculum_copy):
    client = synced_app.test_client()
    assert "three to five heating zones" in client.get(LESSON).get_data(as_text=True)
    lesson = curriculum_copy / "modules/01-first-steps/L2-the-barrel.en.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("three to five", "four to six"), encoding="utf-8")
    with synced_app.app_context():
        sync_curriculum(curriculum_copy)
        db.session.commit()
    html = client.get(LESSON).get_data(as_text=True)
    assert "four to six heating zones" in html and "three to five" not in html


def test_each_language_has_its_own_page(client):
    assert "Bunkeris" in client.get("/curriculum/M01/L1/?lang=lt").get_data(as_text=True)
    assert "Bunkeris" not in client.get("/curriculum/M01/L1/?lang=en").get_data(as_text=True)


def test_made_up_query_arguments_are_not_cached(synced_app):
    client = synced_app.test_client()
    cache = synced_app.extensions[EXTENSION_KEY]
    client.get(LESSON)
    size = len(cache)
    for n in range(5):
        assert client.get(f"{LESSON}?junk={n}").status_code == 200
    assert len(cache) == size


def test_cache_keeps_at_most_its_limit(synced_app):
    cache = synced_app.extensions[EXTENSION_KEY]
    cache.max_entries = 3
    client = synced_app.test_client()
    for path in ("/", "/curriculum/", "/curriculum/M01/", "/curriculum/M01/L1/", "/glossary/"):
        client.get(path)
    assert len(cache) == 3


def test_kept_pages_are_bounded_in_size_as_well_as_in_number():
    from upskill.public.page_cache import PageCache

    cache = PageCache(max_entries=100, version_ttl=5, max_chars=1000)
    for n in range(5):
        cache.put(("matrix", n), "x" * 400)  # a big class's page each
    assert len(cache) == 2 and cache.chars == 800
    assert cache.get(("matrix", 4)) is not None and cache.get(("matrix", 0)) is None
    cache.put(("matrix", 4), "y" * 10)  # kept again, smaller
    assert cache.chars == 410

"""The public change log: revisions, their notes, each item's English text per revision and its diff."""
import pytest
from sqlalchemy import func, select

from tests.accounts import make_user
from tests.change_log import (
    DROPPED_LINE, LESSON, NEW_LINE, OLD_LINE, add_earlier_revision, make_suggestions, name_suggestions, replace_in,
    suggestion_state,
)
from upskill.curriculum.revision_sync import store_revision_texts
from upskill.curriculum.revision_texts import english_texts
from upskill.curriculum.source import read_curriculum
from upskill.curriculum.sync import sync_curriculum
from upskill.extensions import db
from upskill.models import AuditEvent, ItemRevisionText, SuggestionStatus
from upskill.pilot.applied_suggestions import apply_revision_suggestions


@pytest.fixture
def two_revisions(app_factory, curriculum_copy, tmp_path):
    """An app whose curriculum (revision 0.9) has the archive of an earlier 0.8, synced."""
    app = app_factory(CURRICULUM_DIR=str(curriculum_copy))
    add_earlier_revision(app.test_cli_runner(), curriculum_copy, tmp_path)
    sync(app, curriculum_copy)
    return app


def sync(app, root):
    with app.app_context():
        report = sync_curriculum(root)
        db.session.commit()
        return report


def stored_texts(app):
    with app.app_context():
        return {(row.item_code, row.revision): row.text for row in db.session.scalars(select(ItemRevisionText))}


def page(client, path):
    response = client.get(path)
    return response.status_code, response.get_data(as_text=True)


def test_english_texts_hold_student_text_teacher_notes_and_glossary_terms(curriculum_copy):
    texts = english_texts(read_curriculum(curriculum_copy))
    assert NEW_LINE in texts["M01.L1"] and "==> L1-the-hopper.teacher.en.md <==" in texts["M01.L1"]
    assert texts["glossary:hopper"] == "term: hopper\n\ndefinition: The funnel that feeds pellets into the barrel.\n"
    assert {"UPSKILL", "M01", "M01.Q", "M01.W1", "M02.L1"} <= set(texts)


def test_sync_stores_every_revisions_texts_once(two_revisions, curriculum_copy):
    texts = stored_texts(two_revisions)
    assert NEW_LINE in texts[("M01.L1", "0.9")]
    assert OLD_LINE in texts[("M01.L1", "0.8")] and DROPPED_LINE in texts[("M01.L1", "0.8")]
    again = sync(two_revisions, curriculum_copy)
    assert again.revision_texts == 0
    assert stored_texts(two_revisions) == texts


def test_sync_rewrites_only_the_text_that_changed(two_revisions, curriculum_copy):
    replace_in(curriculum_copy / LESSON, NEW_LINE, "**Hot surfaces.** The feed throat can reach 65 °C.")
    report = sync(two_revisions, curriculum_copy)
    assert report.revision_texts == 1
    assert "65 °C" in stored_texts(two_revisions)[("M01.L1", "0.9")]


def test_the_change_log_lists_the_revisions_with_their_counts(two_revisions):
    status, html = page(two_revisions.test_client(), "/changes/")
    assert status == 200
    assert "Draft edition." in html and "Test edition." in html
    assert 'href="/changes/0.8/"' in html and 'href="/changes/0.9/"' in html
    assert '<td class="num">1</td>' in html  # 0.9 changed the English text of one item: the hopper lesson


def test_a_revision_page_shows_its_notes_by_module_and_the_codes_it_applied(app_factory, curriculum_copy):
    name_suggestions(curriculum_copy, ["S-2020-001"], ["S-2020-001", "S-2020-002"])
    app = app_factory(CURRICULUM_DIR=str(curriculum_copy))
    make_suggestions(app, make_user(app, "t@example.org", "teacher"), [SuggestionStatus.accepted] * 2)
    sync(app, curriculum_copy)
    status, html = page(app.test_client(), "/changes/0.9/")
    assert status == 200
    assert "A worksheet for the hopper lesson." in html and "The hopper defined." in html
    assert "Module M01" in html and "Glossary" in html
    assert "<code>S-2020-001</code>" in html and "<code>S-2020-002</code>" in html
    assert "Text 0" not in html  # the suggestions' texts are not public


def test_an_items_page_shows_its_notes_and_the_lines_added_and_removed(two_revisions):
    status, html = page(two_revisions.test_client(), "/changes/items/M01.L1/?since=0.8&to=0.9")
    assert status == 200
    assert "What changed in M01.L1 since 0.8" in html
    assert "The hopper lesson drafted." in html
    assert f"<del>{OLD_LINE}</del>" in html and f"<del>{DROPPED_LINE}</del>" in html
    assert f"<ins>{NEW_LINE}</ins>" in html
    assert '<span class="visually-hidden">added line</span>' in html
    assert '<span class="visually-hidden">removed line</span>' in html
    assert "3 lines removed" in html and "1 line added"  # with the blank line between in html


def test_an_unchanged_item_says_so(two_revisions):
    status, html = page(two_revisions.test_client(), "/changes/items/M02.L1/?since=0.8&to=0.9")
    assert status == 200 and "The English text is the same in 0.8 and 0.9." in html


def test_the_reprint_page_lists_the_items_whose_text_changed(two_revisions):
    status, html = page(two_revisions.test_client(), "/changes/reprint/?since=0.8")
    assert status == 200
    assert 'href="/changes/items/M01.L1/?since=0.8&amp;to=0.9"' in html
    assert "M02.L1" not in html


def test_item_pages_link_to_their_changes(two_revisions):
    status, html = page(two_revisions.test_client(), "/curriculum/M01/L1/")
    assert status == 200 and 'href="/changes/items/M01.L1/"' in html and 'href="/changes/"' in html


@pytest.mark.parametrize("path", [
    "/changes/7.7/", "/changes/items/M09.L9/", "/changes/items/M01.L1/?since=0.1",
    "/changes/items/M01.L1/?to=" + "9" * 500, "/changes/reprint/?since=nope", "/changes/items/" + "M" * 400 + "/",
])
def test_unknown_revisions_and_items_are_not_found(two_revisions, path):
    assert two_revisions.test_client().get(path).status_code == 404


def test_archived_text_is_escaped_in_the_diff(two_revisions):
    with two_revisions.app_context():
        store_revision_texts("0.8", {"M01.L1": "<script>alert(1)</script>\n"})
        db.session.commit()
    _status, html = page(two_revisions.test_client(), "/changes/items/M01.L1/?since=0.8&to=0.9")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_item_page_asks_the_same_number_of_queries_however_many_revisions(
        app_factory, curriculum_copy, tmp_path):
    app = app_factory(CURRICULUM_DIR=str(curriculum_copy))
    sync(app, curriculum_copy)
    from tests.conftest import statements_of

    _response, one = statements_of(app, app.test_client(), "/changes/items/M01.L1/")
    add_earlier_revision(app.test_cli_runner(), curriculum_copy, tmp_path)
    sync(app, curriculum_copy)
    response, two = statements_of(app, app.test_client(), "/changes/items/M01.L1/")
    assert response.status_code == 200 and "0.8" in response.get_data(as_text=True)
    assert len(two) == len(one)


# --- suggestions marked applied --------------------------------------------------------------------------

def test_sync_marks_the_suggestions_a_revision_names_as_applied_once(app_factory, curriculum_copy):
    name_suggestions(curriculum_copy, ["S-2020-001"], ["S-2020-001", "S-2020-002", "S-2020-003", "S-2020-009"])
    app = app_factory(CURRICULUM_DIR=str(curriculum_copy))
    author = make_user(app, "t@example.org", "teacher")
    make_suggestions(app, author, [SuggestionStatus.accepted, SuggestionStatus.new, SuggestionStatus.rejected])
    report = sync(app, curriculum_copy)
    assert sorted(report.applied) == ["S-2020-001", "S-2020-002"]
    assert report.unknown_suggestions == ["S-2020-009"]
    assert any("S-2020-003 is rejected" in warning for warning in report.suggestion_warnings)
    assert suggestion_state(app, "S-2020-001") == (SuggestionStatus.applied, "0.9")
    assert suggestion_state(app, "S-2020-003") == (SuggestionStatus.rejected, None)
    again = sync(app, curriculum_copy)
    assert again.applied == []
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(AuditEvent)
                                 .where(AuditEvent.action == "suggestion-applied")) == 2


def test_the_demo_loader_can_apply_a_revisions_suggestions_itself(app):
    author = make_user(app, "t@example.org", "teacher")
    make_suggestions(app, author, [SuggestionStatus.accepted])
    revisions = [{"revision": "1.1", "changes": [{"item": "M01.L1", "change": "x", "suggestions": ["S-2020-001"]}],
                  "suggestions": ["S-2020-001", "S-2020-404"]}]
    with app.app_context():
        assert apply_revision_suggestions(revisions) == (["S-2020-001"], ["S-2020-404"])
        assert apply_revision_suggestions(revisions) == ([], ["S-2020-404"])


def test_cli_sync_says_how_many_were_marked_and_warns_about_unknown_codes(app_factory, curriculum_copy):
    name_suggestions(curriculum_copy, ["S-2020-001"], ["S-2020-001", "S-2020-007"])
    app = app_factory(CURRICULUM_DIR=str(curriculum_copy))
    make_suggestions(app, make_user(app, "t@example.org", "teacher"), [SuggestionStatus.accepted])
    result = app.test_cli_runner().invoke(args=["curriculum", "sync"])
    assert result.exit_code == 0, result.output
    assert "Suggestions marked applied: 1." in result.output
    assert "revisions.yaml names 1 suggestion(s) this database has no record of (S-2020-007)" in result.output

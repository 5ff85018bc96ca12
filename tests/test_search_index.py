"""The search index: stems in every language, kept in step with each sync, made by the migration."""
import shutil

import flask_migrate
from sqlalchemy import text

from tests.conftest import make_app
from tests.test_search import found, search
from upskill.curriculum.stems import STEMS_VERSION
from upskill.curriculum.sync import sync_curriculum
from upskill.extensions import db
from upskill.public.search_query import parse

MELTING = "modules/02-melt/L1-melting"
TRANSLATIONS = {
    "fi": "---\ntitle: Sulaminen ja viskositeetti\noutcomes:\n  - Selittää, miten lämpö ja leikkaus sulattavat rakeet.\n"
          "---\n## Lämpö ja leikkaus\n\nRakeet kuivataan ennen käyttöä. Kuivauksen jälkeen ne siirretään suppiloon. Sulan lämpötila riippuu muovista.\n",
    "fr": "---\ntitle: Fusion et viscosité\noutcomes:\n  - Expliquer comment la chaleur et le cisaillement fondent les granulés.\n"
          "---\n## Chaleur et cisaillement\n\nLes granulés sont séchés avant emploi. La température de la matière "
          "fondue dépend du plastique.\n",
}


def synced(app, folder):
    with app.app_context():
        report = sync_curriculum(folder)
        db.session.commit()
    return report


def test_a_query_word_matches_its_stem_as_prefix_and_the_shorter_stems_of_its_root():
    query = parse("džiovinimas", "lt")
    assert query.fts5() == '("dziovini"* OR "dzio" OR "dziov" OR "dziovi" OR "dziovin")'
    assert query.tsquery() == "(dziovini:* | dzio | dziov | dziovi | dziovin)"
    assert parse('granulių "džiovinimo" AND', "lt").fts5().count(" AND ") == 2  # three words, the last one 'and'


def test_finnish_and_french_searches_find_the_inflected_forms(app, curriculum_copy):
    for lang, body in TRANSLATIONS.items():
        (curriculum_copy / f"{MELTING}.{lang}.md").write_text(body, encoding="utf-8")
    synced(app, curriculum_copy)
    client = app.test_client()
    for lang, query, word in (("fi", "kuivaus", "kuivataan"), ("fi", "kuivaus", "Kuivauksen"),
                              ("fi", "lämpötilan", "lämpötila"),
                              ("fr", "séchage", "séchés"), ("fr", "plastiques", "plastique")):
        html = search(client, query, lang=lang)
        assert found(html) == ["/curriculum/M02/L1/"], (lang, query)
        assert f"<mark>{word}</mark>" in html
        assert '<span lang="en">English</span>' not in html


def test_a_changed_text_is_found_by_its_new_words_not_its_old_ones(app, curriculum_copy):
    synced(app, curriculum_copy)
    client = app.test_client()
    assert found(search(client, "friction")) == ["/curriculum/M02/L1/"]
    lesson = curriculum_copy / f"{MELTING}.en.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("friction", "rubbing"), encoding="utf-8")
    synced(app, curriculum_copy)
    assert found(search(client, "friction")) == []
    assert found(search(client, "rubbing")) == ["/curriculum/M02/L1/"]


def test_a_retired_item_is_not_found(app, curriculum_copy):
    synced(app, curriculum_copy)
    client = app.test_client()
    assert "/curriculum/M02/L1/" in found(search(client, "viscosity"))
    programme = curriculum_copy / "programme.yaml"
    programme.write_text(programme.read_text(encoding="utf-8").replace("modules: [M01, M02]", "modules: [M01]"),
                         encoding="utf-8")
    shutil.rmtree(curriculum_copy / "modules/02-melt")
    assert "M02.L1" in synced(app, curriculum_copy).retired
    assert found(search(client, "viscosity")) == []


def test_sync_fills_stems_that_are_missing_or_made_by_an_older_stemmer(app, curriculum_copy):
    synced(app, curriculum_copy)
    client = app.test_client()
    with app.app_context():
        texts = db.session.execute(text("SELECT count(*) FROM item_text")).scalar()
        db.session.execute(text("UPDATE item_text SET search_stems = '', title_stems = '', stems_version = 0"))
        db.session.execute(text("UPDATE item_text SET search_stems = 'zebra', stems_version = :old WHERE lang = 'en'"),
                           {"old": STEMS_VERSION - 1})
        db.session.commit()
    assert found(search(client, "polypropylene")) == []  # as a database just migrated: nothing indexed yet
    report = synced(app, curriculum_copy)
    assert (report.restemmed, report.changed) == (texts, False)
    assert found(search(client, "polypropylene")) == ["/curriculum/M01/L1/"]
    assert found(search(client, "zebra")) == []
    assert synced(app, curriculum_copy).restemmed == 0


def test_migration_upgrades_a_database_with_content_and_downgrades_it(tmp_path, curriculum_copy):
    app = make_app("sqlite:///" + str(tmp_path / "existing.sqlite3"))
    with app.app_context():
        flask_migrate.upgrade()
        sync_curriculum(curriculum_copy)
        db.session.commit()
        flask_migrate.downgrade(revision="2b9d4f6e8a31")
        columns = {row[1] for row in db.session.execute(text("PRAGMA table_info(item_text)"))}
        assert "search_stems" not in columns
        texts = db.session.execute(text("SELECT count(*) FROM item_text")).scalar()
        assert texts > 0
        flask_migrate.upgrade()
        db.session.remove()
    client = app.test_client()
    assert found(search(client, "polypropylene")) == []
    assert synced(app, curriculum_copy).restemmed == texts
    assert found(search(client, "polypropylene")) == ["/curriculum/M01/L1/"]
    with app.app_context():
        db.engine.dispose()

"""`curriculum sync`: upsert by code, retire what went away, refuse broken content."""
from sqlalchemy import func, select

from upskill.curriculum.sync import CurriculumInvalid, sync_curriculum
from upskill.extensions import db
from upskill.models import CurriculumItem, GlossaryTerm, ItemText

M01 = "modules/01-first-steps"


def sync(runner, root):
    return runner.invoke(args=["curriculum", "sync", "--path", str(root)])


def live_codes(app):
    with app.app_context():
        return set(db.session.scalars(select(CurriculumItem.code).where(CurriculumItem.retired_at.is_(None))))


def test_first_sync_adds_every_item_and_term(app, runner, curriculum_copy):
    result = sync(runner, curriculum_copy)
    assert result.exit_code == 0, result.output
    assert "added     M01.L1" in result.output
    assert "added     glossary:barrel" in result.output
    assert live_codes(app) == {"UPSKILL", "M01", "M01.L1", "M01.L2", "M01.T1", "M01.Q", "M01.W1", "M02", "M02.L1"}


def test_second_sync_changes_nothing(app, runner, curriculum_copy):
    sync(runner, curriculum_copy)
    with app.app_context():
        before = db.session.scalars(select(CurriculumItem.updated_at).order_by(CurriculumItem.code)).all()
    result = sync(runner, curriculum_copy)
    assert result.exit_code == 0
    assert result.output.startswith("No changes: 12 items and terms are up to date.")
    with app.app_context():
        after = db.session.scalars(select(CurriculumItem.updated_at).order_by(CurriculumItem.code)).all()
    assert before == after


def test_edited_item_is_updated_in_place(app, runner, curriculum_copy):
    sync(runner, curriculum_copy)
    with app.app_context():
        old_id = db.session.scalar(select(CurriculumItem.id).where(CurriculumItem.code == "M01.L2"))
    lesson = curriculum_copy / M01 / "L2-the-barrel.en.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("three to five", "four to six"), encoding="utf-8")
    result = sync(runner, curriculum_copy)
    assert "updated   M01.L2" in result.output
    assert "Synced: 0 added, 1 updated" in result.output
    with app.app_context():
        item = db.session.scalar(select(CurriculumItem).where(CurriculumItem.code == "M01.L2"))
        assert item.id == old_id
        assert "four to six" in next(t.body_html for t in item.texts if t.lang == "en")


def test_removed_item_is_retired_not_deleted_and_comes_back(app, runner, curriculum_copy):
    sync(runner, curriculum_copy)
    (curriculum_copy / M01 / "T1-fill-the-hopper.en.md").unlink()
    module = curriculum_copy / M01 / "module.yaml"
    module.write_text(module.read_text(encoding="utf-8").replace("tasks: [T1]", "tasks: []"), encoding="utf-8")
    result = sync(runner, curriculum_copy)
    assert "retired   M01.T1" in result.output
    assert "M01.T1" not in live_codes(app)
    with app.app_context():
        assert db.session.scalar(select(func.count()).where(CurriculumItem.code == "M01.T1")) == 1
    assert app.test_client().get("/curriculum/M01/T1/").status_code == 404


def test_retired_item_is_restored_when_it_returns(app, runner, curriculum_copy):
    sync(runner, curriculum_copy)
    task = curriculum_copy / M01 / "T1-fill-the-hopper.en.md"
    saved = task.read_bytes()
    module = curriculum_copy / M01 / "module.yaml"
    task.unlink()
    module.write_text(module.read_text(encoding="utf-8").replace("tasks: [T1]", "tasks: []"), encoding="utf-8")
    sync(runner, curriculum_copy)
    task.write_bytes(saved)
    module.write_text(module.read_text(encoding="utf-8").replace("tasks: []", "tasks: [T1]"), encoding="utf-8")
    result = sync(runner, curriculum_copy)
    assert "restored  M01.T1" in result.output
    assert "M01.T1" in live_codes(app)


def test_removed_glossary_term_is_retired(app, runner, curriculum_copy):
    sync(runner, curriculum_copy)
    glossary = curriculum_copy / "glossary" / "basics.yaml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text[: text.index("- key: melt")], encoding="utf-8")
    for lesson in ("modules/02-melt/L1-melting.en.md", "modules/01-first-steps/L2-the-barrel.en.md"):
        path = curriculum_copy / lesson
        path.write_text(path.read_text(encoding="utf-8").replace("[melt](glossary:melt)", "melt"), encoding="utf-8")
    result = sync(runner, curriculum_copy)
    assert "retired   glossary:melt" in result.output
    with app.app_context():
        term = db.session.scalar(select(GlossaryTerm).where(GlossaryTerm.key == "melt"))
        assert term.retired_at is not None


def test_sync_refuses_broken_curriculum_and_leaves_database_as_it_was(app, runner, curriculum_copy):
    sync(runner, curriculum_copy)
    with app.app_context():
        texts_before = db.session.scalar(select(func.count()).select_from(ItemText))
    lesson = curriculum_copy / M01 / "L2-the-barrel.en.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("duration: 90", "duration: ninety"), encoding="utf-8")
    (curriculum_copy / M01 / "L1-the-hopper.en.md").unlink()
    result = sync(runner, curriculum_copy)
    assert result.exit_code == 1
    assert "L2-the-barrel.en.md:3: duration: must be a whole number" in result.output
    assert "Nothing was synced" in result.output
    assert "M01.L1" in live_codes(app)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ItemText)) == texts_before


def test_sync_service_raises_with_the_problems(app, curriculum_copy):
    (curriculum_copy / "programme.yaml").write_text("code: [", encoding="utf-8")
    with app.app_context():
        try:
            sync_curriculum(curriculum_copy)
        except CurriculumInvalid as invalid:
            assert any("programme.yaml:1: invalid YAML" in p.format(curriculum_copy) for p in invalid.problems)
        else:
            raise AssertionError("sync accepted a broken programme.yaml")
        assert db.session.scalar(select(func.count()).select_from(CurriculumItem)) == 0


def test_translations_are_stored_per_language(synced_app):
    with synced_app.app_context():
        item = db.session.scalar(select(CurriculumItem).where(CurriculumItem.code == "M01.L1"))
        texts = {t.lang: t for t in item.texts}
    assert set(texts) == {"en", "lt"}
    assert texts["lt"].title == "Bunkeris"
    assert texts["lt"].content["has_teacher"] is False
    assert texts["en"].content["plan"][0]["minutes"] == 10

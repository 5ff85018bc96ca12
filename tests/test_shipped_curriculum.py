"""The curriculum in curriculum/ is complete, valid and syncs: the programme as published."""
import json
import re

import pytest

from tests.conftest import REAL_CURRICULUM
from upskill.curriculum.source import read_curriculum
from upskill.curriculum.text import count_words
from upskill.curriculum.validate import check_folder
from upskill.curriculum.yamlfile import parse_yaml


@pytest.fixture(scope="module")
def curriculum():
    return read_curriculum(REAL_CURRICULUM)


def test_shipped_curriculum_passes_check(runner):
    result = runner.invoke(args=["curriculum", "check", "--path", str(REAL_CURRICULUM)])
    assert result.exit_code == 0, result.output[-3000:]


def test_shipped_curriculum_leaves_no_warning_undecided():
    curriculum, problems = check_folder(REAL_CURRICULUM)
    assert [p.format(curriculum.root) for p in problems if p.warning] == []


def test_quizzes_cannot_be_passed_by_length_or_position(runner):
    result = runner.invoke(args=["curriculum", "stats", "--json", "--path", str(REAL_CURRICULUM)])
    bias = json.loads(result.output)["quiz_bias"]
    assert bias["single_answer_questions"] >= 100
    assert bias["correct_is_longest_share"] <= 0.30
    assert bias["correct_is_shortest_share"] <= 0.35  # no give-away the other way either
    assert max(bias["position_share"].values()) <= 0.35


def test_stats_meet_the_programme_scope(runner):
    result = runner.invoke(args=["curriculum", "stats", "--json", "--path", str(REAL_CURRICULUM)])
    stats = json.loads(result.output)
    assert stats["modules"] >= 12
    assert stats["lessons"] >= 36 and stats["tasks"] >= 24
    assert stats["quiz_questions"] >= 96
    assert stats["glossary_terms"] >= 150
    assert stats["figures"] >= 20


def test_every_module_has_lessons_tasks_in_school_and_company_and_a_quiz(curriculum):
    for module in curriculum.modules:
        lessons, tasks = module.ordered("lesson"), module.ordered("task")
        assert len(lessons) >= 3, module.code
        settings = {task.student["en"].meta["setting"] for task in tasks}
        assert {"school", "company"} <= settings, module.code
        quiz = module.items["Q"].student["en"].meta
        assert len(quiz["questions"]) >= 8, module.code
        hours = module.docs["en"].meta["hours"]
        assert all(hours[k] > 0 for k in ("theory", "school_practice", "work_based")), module.code


def test_every_lesson_text_has_at_least_700_words_and_teacher_notes(curriculum):
    for module in curriculum.modules:
        for lesson in module.ordered("lesson"):
            body = re.sub(r"\]\([^)]*\)", "]", lesson.student["en"].body)
            assert count_words(body) >= 700, lesson.code
            notes = lesson.teacher["en"].body
            for heading in ("Common misconceptions", "Differentiation"):
                assert heading in notes, (lesson.code, heading)


STUDENT_SECTIONS = ("The situation", "Check yourself", "Summary")
TEACHER_SECTIONS = ("Methods", "Common misconceptions", 'Answers to "Check yourself"', "Differentiation",
                    "Link to the practical task")


def section(body, heading):
    """The text under a '## heading', up to the next '## ' heading."""
    found = re.search(r"^## " + re.escape(heading) + r"\s*\n(.*?)(?=^## |\Z)", body, re.M | re.S)
    return found.group(1) if found else None


def numbered(text):
    return [int(number) for number in re.findall(r"^(\d+)\.\s", text, re.M)]


def test_every_lesson_has_its_sections_and_an_answer_for_each_question(curriculum):
    for module in curriculum.modules:
        for lesson in module.ordered("lesson"):
            student, notes = lesson.student["en"].body, lesson.teacher["en"].body
            missing = [h for h in STUDENT_SECTIONS if section(student, h) is None]
            missing += [h for h in TEACHER_SECTIONS if section(notes, h) is None]
            assert missing == [], lesson.code
            questions = numbered(section(student, "Check yourself"))
            assert len(questions) >= 3, lesson.code
            assert numbered(section(notes, 'Answers to "Check yourself"')) == questions, lesson.code


def test_glossary_names_every_term_in_four_languages(curriculum):
    for doc in curriculum.glossary:
        for entry in doc.meta:
            assert all(entry["term"].get(lang) for lang in ("en", "lt", "fi", "fr")), entry["key"]


def test_every_glossary_term_is_linked_from_a_lesson(curriculum):
    linked = set()
    for module in curriculum.modules:
        for item in module.items.values():
            for doc in list(item.student.values()) + list(item.teacher.values()):
                linked.update(re.findall(r"\(glossary:([a-z0-9-]+)\)", doc.body))
    keys = {entry["key"] for doc in curriculum.glossary for entry in doc.meta}
    assert keys - linked == set()


def test_revisions_are_recorded_and_the_programme_is_at_the_latest():
    revisions = parse_yaml((REAL_CURRICULUM / "revisions.yaml").read_text(encoding="utf-8"))
    assert [r["revision"] for r in revisions][:2] == ["1.0", "1.1"]
    programme = parse_yaml((REAL_CURRICULUM / "programme.yaml").read_text(encoding="utf-8"))
    assert programme["revision"] == revisions[-1]["revision"]
    changed = {change["item"] for change in revisions[1]["changes"]}
    # the outside reader's corrections are each recorded against the item they touched
    assert {"M02.L4", "M04.Q", "M04.L3", "M03.L2", "M06.L2", "M06.T2", "M07.L3", "M08.L1", "M09.Q",
            "M10.T2", "M11.L3"} <= changed


def test_worksheets_referred_to_by_the_teachers_book_exist(curriculum):
    for module in curriculum.modules:
        for item in module.items.values():
            if item.kind == "worksheet":
                continue  # a sheet may call itself a worksheet
            for doc in list(item.teacher.values()):
                if re.search(r"\bworksheet\b", doc.body + json.dumps(doc.meta), re.I):
                    links = re.findall(r"\(item:(M\d{2}\.W\d+)\)", doc.body + json.dumps(doc.meta))
                    assert links, f"{item.code}: the teacher's notes mention a worksheet but link none"


def test_shipped_curriculum_syncs_and_every_page_opens(app):
    from upskill.curriculum.sync import sync_curriculum
    from upskill.extensions import db

    app.config["CURRICULUM_DIR"] = str(REAL_CURRICULUM)
    with app.app_context():
        sync_curriculum(REAL_CURRICULUM)
        db.session.commit()
    client = app.test_client()
    curriculum, _ = check_folder(REAL_CURRICULUM)
    for module in curriculum.modules:
        for path in (f"/curriculum/{module.code}/", f"/teacher/{module.code}/"):
            assert client.get(path).status_code == 200, path
        for item in module.items.values():
            for view in ("curriculum", "teacher"):
                path = f"/{view}/{module.code}/{item.short_code}/"
                assert client.get(path).status_code == 200, path
        for name in module.figures:
            with client.get(f"/curriculum/{module.code}/figures/{name}") as response:
                assert response.status_code == 200, name

"""`curriculum stats`: counts and translation coverage, as text or JSON."""
import json


def test_stats_json_counts_the_fixture(runner, curriculum_copy):
    result = runner.invoke(args=["curriculum", "stats", "--json", "--path", str(curriculum_copy)])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.output)
    assert set(stats) == {"revision", "modules", "lessons", "tasks", "quiz_questions", "glossary_terms", "figures",
                          "words", "coverage", "outdated", "quiz_bias"}
    assert (stats["modules"], stats["lessons"], stats["tasks"]) == (2, 3, 1)
    assert (stats["quiz_questions"], stats["glossary_terms"], stats["figures"]) == (2, 3, 2)
    assert stats["revision"] == "0.9"
    assert stats["coverage"]["en"] == 1.0
    # lt has the programme, module M01, lesson M01.L1 (student text), the M01 quiz and one definition.
    assert stats["coverage"]["lt"] == round(5 / 16, 3)
    assert stats["coverage"]["fi"] == 0.0
    assert stats["words"]["en"] > stats["words"]["lt"] > 0 == stats["words"]["fr"]


def test_stats_text_output_names_each_count(runner, curriculum_copy):
    result = runner.invoke(args=["curriculum", "stats", "--path", str(curriculum_copy)])
    assert result.exit_code == 0
    assert "modules          2" in result.output
    assert "lt:" in result.output and "% translated" in result.output


def test_new_translation_raises_coverage(runner, curriculum_copy):
    source = curriculum_copy / "modules/02-melt/module.yaml"
    (curriculum_copy / "modules/02-melt/module.fi.yaml").write_text(
        "title: Sula\nsummary: Mitä muoville tapahtuu sylinterissä.\n", encoding="utf-8"
    )
    assert source.exists()
    result = runner.invoke(args=["curriculum", "stats", "--json", "--path", str(curriculum_copy)])
    assert json.loads(result.output)["coverage"]["fi"] == round(1 / 16, 3)

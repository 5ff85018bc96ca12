"""Translations know what they were made from: a changed English text makes exactly them outdated."""
import json
import subprocess

from tests.test_curriculum_check import M01, edit, problems_of

LESSON = f"{M01}/L1-the-hopper.en.md"


def outdated(found):
    return [p for p in found if "outdated:" in p]


def test_a_pinned_curriculum_has_nothing_outdated(curriculum_copy):
    assert outdated(problems_of(curriculum_copy)) == []


def test_changing_an_english_sentence_makes_exactly_its_translation_outdated(curriculum_copy):
    edit(curriculum_copy, LESSON, "Polypropylene granules flow", "PP granules flow")
    found = outdated(problems_of(curriculum_copy))
    assert len(found) == 1 and "L1-the-hopper.lt.md:1: warning: outdated: made from the English of revision" in found[0]
    assert "--diff M01.L1 --lang lt" in found[0]


def test_a_whitespace_change_is_not_a_change(curriculum_copy):
    edit(curriculum_copy, LESSON, "Polypropylene granules flow\ndown", "Polypropylene  granules\nflow down")
    assert outdated(problems_of(curriculum_copy)) == []


def test_a_change_of_a_fact_that_is_not_language_is_not_a_change(curriculum_copy):
    edit(curriculum_copy, LESSON, "duration: 45", "duration: 50")
    assert outdated(problems_of(curriculum_copy)) == []


def test_mark_current_rewrites_the_pin_and_nothing_else(runner, curriculum_copy):
    edit(curriculum_copy, LESSON, "Polypropylene granules flow", "PP granules flow")
    translation = curriculum_copy / M01 / "L1-the-hopper.lt.md"
    before = translation.read_text(encoding="utf-8").splitlines()
    result = runner.invoke(args=["curriculum", "translations", "--path", str(curriculum_copy), "--lang", "lt",
                                 "--mark-current", "M01.L1"])
    assert result.exit_code == 0 and "marked current: modules/01-first-steps/L1-the-hopper.lt.md" in result.output
    after = translation.read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(before) == len(after) and len(changed) == 1 and changed[0][1].startswith("source: {revision:")
    assert outdated(problems_of(curriculum_copy)) == []


def test_diff_shows_the_english_changes_since_the_translation(runner, curriculum_copy):
    git = ["git", "-C", str(curriculum_copy)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "-c", "user.email=t@example.org", "-c", "user.name=T", "add", "."], check=True)
    subprocess.run([*git, "-c", "user.email=t@example.org", "-c", "user.name=T", "commit", "-qm", "1.0"], check=True)
    edit(curriculum_copy, LESSON, "Polypropylene granules flow", "PP granules flow")
    result = runner.invoke(args=["curriculum", "translations", "--path", str(curriculum_copy), "--lang", "lt",
                                 "--diff", "M01.L1"])
    assert "-down by gravity" not in result.output  # only the changed line, not the file
    assert "-The [hopper](glossary:hopper) feeds the [barrel](glossary:barrel). Polypropylene granules flow" in result.output
    assert "+The [hopper](glossary:hopper) feeds the [barrel](glossary:barrel). PP granules flow" in result.output
    assert "L1-the-hopper.teacher.en.md: no lt translation yet" in result.output


def test_translations_report_counts_per_language_and_module(runner, curriculum_copy):
    edit(curriculum_copy, LESSON, "Polypropylene granules flow", "PP granules flow")
    result = runner.invoke(args=["curriculum", "translations", "--path", str(curriculum_copy), "--lang", "lt", "--json"])
    report = json.loads(result.output)["lt"]
    assert report["M01"]["outdated"] == 1 and report["M01"]["translated"] == 2
    assert report["M01"]["missing"] >= 5 and report["M01"]["words_to_do"] > 0
    assert {"code": "M01.L1", "file": "L1-the-hopper.en.md", "state": "outdated"} in report["M01"]["files"]
    assert report[""]["translated"] == 1  # the programme


def test_an_english_master_cannot_carry_a_pin(curriculum_copy):
    edit(curriculum_copy, LESSON, "title: The hopper", 'source: {revision: "1.1", sha256: abc}\ntitle: The hopper')
    assert any("L1-the-hopper.en.md" in p and "source" in p for p in problems_of(curriculum_copy))


def test_stats_count_outdated_translations_by_language(runner, curriculum_copy):
    def stats():
        return json.loads(runner.invoke(args=["curriculum", "stats", "--path", str(curriculum_copy), "--json"]).output)

    assert stats()["outdated"] == {"lt": 0, "fi": 0, "fr": 0}
    edit(curriculum_copy, LESSON, "Polypropylene granules flow", "PP granules flow")
    assert stats()["outdated"] == {"lt": 1, "fi": 0, "fr": 0}


def test_the_status_page_shows_translated_outdated_and_missing(client):
    html = client.get("/curriculum/translations/").get_data(as_text=True)
    row = html.split('<th scope="row">')[1].split("</tr>")[0]
    cells = [c.split(">")[-1] for c in row.split("</td>")[:-1]]
    assert "M01" in row and cells[:3] == ["2", "0", "3"]  # Lithuanian: L1 and the quiz; L2, T1, W1 missing
    assert cells[3:6] == ["0", "0", "5"]  # Finnish


def test_an_outdated_translation_says_so_and_links_the_english(synced_app, curriculum_copy):
    from upskill.curriculum.sync import sync_curriculum
    from upskill.extensions import db

    edit(curriculum_copy, LESSON, "Polypropylene granules flow", "PP granules flow")
    with synced_app.app_context():
        sync_curriculum(curriculum_copy)
        db.session.commit()
    html = synced_app.test_client().get("/curriculum/M01/L1/?lang=lt").get_data(as_text=True)
    assert 'href="?lang=en" hreflang="en"' in html
    fresh = synced_app.test_client().get("/curriculum/M01/Q/?lang=lt").get_data(as_text=True)
    assert 'href="?lang=en" hreflang="en"' not in fresh

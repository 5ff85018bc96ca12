"""`curriculum check`: a clean curriculum passes; every kind of mistake is named by file and line."""
import pytest

from tests.change_log import make_suggestions, name_suggestions
from tests.conftest import make_app
from upskill.curriculum.validate import check_folder

M01 = "modules/01-first-steps"


def problems_of(root):
    curriculum, problems = check_folder(root)
    return [p.format(curriculum.root) for p in problems]


def edit(root, relative, old, new):
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_fixture_curriculum_passes(curriculum_copy):
    assert problems_of(curriculum_copy) == []


def test_cli_check_passes_and_says_so(runner, curriculum_copy):
    result = runner.invoke(args=["curriculum", "check", "--path", str(curriculum_copy)])
    assert result.exit_code == 0
    assert "Curriculum OK: 2 modules" in result.output


def test_cli_check_uses_configured_folder_by_default(runner):
    result = runner.invoke(args=["curriculum", "check"])
    assert result.exit_code == 0, result.output


def test_cli_check_fails_with_path_and_line(runner, curriculum_copy):
    edit(curriculum_copy, f"{M01}/module.yaml", "quiz: true", "quiz: true\nquizz: false")
    result = runner.invoke(args=["curriculum", "check", "--path", str(curriculum_copy)])
    assert result.exit_code == 1
    assert f"curriculum/{M01}/module.yaml:14: unknown key 'quizz'" in result.output
    assert "1 problem(s) and 0 warning(s) found." in result.output


def test_missing_folder_is_a_problem_not_a_crash(runner, tmp_path):
    result = runner.invoke(args=["curriculum", "check", "--path", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert "curriculum folder not found" in result.output


@pytest.mark.parametrize(
    ("relative", "old", "new", "expected"),
    [
        (f"{M01}/module.yaml", "hours: {theory: 10,", "hours: {theory: [10,",
         f"{M01}/module.yaml:4: invalid YAML"),
        (f"{M01}/module.yaml", "title: First steps at the machine\n", "",
         f"{M01}/module.yaml:1: missing required key 'title'"),
        (f"{M01}/module.yaml", "theory: 10", "theory: ten",
         f"{M01}/module.yaml:4: hours: theory: must be a whole number"),
        (f"{M01}/module.yaml", "prerequisites: []", "prerequisites: [M07]",
         f"{M01}/module.yaml:5: prerequisites: unknown module M07"),
        (f"{M01}/module.yaml", "lessons: [L1, L2]", "lessons: [L1, L2, L3]",
         f"{M01}/module.yaml:10: lessons: L3 has no file"),
        (f"{M01}/module.yaml", "lessons: [L1, L2]", "lessons: [L1]",
         f"{M01}/L2-the-barrel.en.md:1: L2 is not listed under 'lessons'"),
        (f"{M01}/L1-the-hopper.en.md", "duration: 45", "duration: 50",
         f"{M01}/L1-the-hopper.teacher.en.md:2: plan: the minutes add up to 45 but the lesson lasts 50"),
        (f"{M01}/L1-the-hopper.en.md", "(glossary:hopper)", "(glossary:hoper)",
         f"{M01}/L1-the-hopper.en.md:10: link to unknown glossary key 'hoper'"),
        (f"{M01}/L2-the-barrel.en.md", "[barrel](glossary:barrel)", "barrel",
         f"{M01}/L2-the-barrel.en.md:9: 'barrel' is a glossary term: link one use in this lesson"),
        (f"{M01}/L2-the-barrel.en.md", "the [melt](glossary:melt) is", "the Melts are",
         f"{M01}/L2-the-barrel.en.md:9: 'melt' is a glossary term: link one use in this lesson"),
        (f"{M01}/L1-the-hopper.en.md", "(item:M01.L2)", "(item:M01.L7)",
         f"{M01}/L1-the-hopper.en.md:23: link to unknown item 'M01.L7'"),
        (f"{M01}/L1-the-hopper.en.md", "(item:M01.L2)", "(../other.md)",
         f"{M01}/L1-the-hopper.en.md:23: broken link '../other.md'"),
        (f"{M01}/L1-the-hopper.en.md", "figures/hopper.svg", "figures/missing.svg",
         f"{M01}/L1-the-hopper.en.md:13: image 'figures/missing.svg' not found"),
        (f"{M01}/L1-the-hopper.en.md", "![Hopper above the barrel, pellets falling into the screw]", "![]",
         f"{M01}/L1-the-hopper.en.md:13: image 'figures/hopper.svg' needs alt text"),
        (f"{M01}/L1-the-hopper.en.md", ' "The hopper feeds the barrel")', ")",
         f"{M01}/L1-the-hopper.en.md:13: image 'figures/hopper.svg' needs a caption"),
        (f"{M01}/L1-the-hopper.en.md", "## Where the pellets go", "# Where the pellets go",
         f"{M01}/L1-the-hopper.en.md:8: use '##' for headings"),
        (f"{M01}/L1-the-hopper.en.md", "### Check yourself", "#### Check yourself",
         f"{M01}/L1-the-hopper.en.md:19: heading jumps from h2 to h4"),
        (f"{M01}/L1-the-hopper.en.md", "See also", "<b>See</b> also",
         f"{M01}/L1-the-hopper.en.md:23: raw HTML is not allowed"),
        (f"{M01}/L1-the-hopper.en.md", "::: safety", "::: danger",
         f"{M01}/L1-the-hopper.en.md:15: unknown box 'danger'"),
        (f"{M01}/L1-the-hopper.en.md", "---\ntitle: The hopper", "title: The hopper",
         f"{M01}/L1-the-hopper.en.md:1: missing front matter"),
        (f"{M01}/quiz.en.yaml", "        correct: true\n        feedback: Right.", "        feedback: Right.",
         f"{M01}/quiz.en.yaml:3: question 'q1' needs exactly one correct option, has 0"),
        (f"{M01}/quiz.en.yaml", "        feedback: No. Cooling water does that.\n", "",
         f"{M01}/quiz.en.yaml:9: questions: options: missing required key 'feedback'"),
        (f"{M01}/quiz.en.yaml", "id: q2", "id: q1",
         f"{M01}/quiz.en.yaml:11: question id 'q1' is used twice"),
        (f"{M01}/quiz.lt.yaml", "      - text: Bunkerio dangtis\n        feedback: Ne.\n", "",
         f"{M01}/quiz.lt.yaml:13: questions[2].options: has 2 entries, the English master has 3"),
        (f"{M01}/L1-the-hopper.lt.md", "  - Įvardija bunkerio dalis.\n", "",
         f"{M01}/L1-the-hopper.lt.md:4: outcomes: has 1 entries, the English master has 2"),
        (f"{M01}/T1-fill-the-hopper.en.md", "setting: school", "setting: factory",
         f"{M01}/T1-fill-the-hopper.en.md:3: setting: 'factory' is not one of: school, company"),
        (f"{M01}/T1-fill-the-hopper.en.md", "descriptors: [Forgets glasses., Wears glasses., Wears glasses and reminds others.]",
         "descriptors: [Forgets glasses., Wears glasses.]",
         f"{M01}/T1-fill-the-hopper.en.md:26: rubric: criteria: descriptors: needs 3 to 4 entries, has 2"),
        ("glossary/basics.yaml", "see: [hopper]", "see: [screw]",
         "glossary/basics.yaml:6: see: unknown glossary key 'screw'"),
        ("glossary/basics.yaml", "- key: melt", "- key: hopper",
         "glossary/basics.yaml:10: glossary key 'hopper' is already defined"),
        ("glossary/basics.yaml", "fr: trémie}", "}",
         "glossary/basics.yaml:8: term: missing required key 'fr'"),
        ("programme.yaml", "modules: [M01, M02]", "modules: [M01]",
         "programme.yaml:15: modules: M02 has a folder but is not listed"),
        ("programme.yaml", 'revision: "0.9"', "revision: 0.9",
         "programme.yaml:2: revision: must be text, not float"),
        (f"{M01}/figures/hopper.svg", "<title>", '<script>alert(1)</script><title>',
         f"{M01}/figures/hopper.svg:2: <script> is not allowed in a figure"),
        (f"{M01}/figures/hopper.svg", '<rect x="150"', '<rect onclick="x()" x="150"',
         f"{M01}/figures/hopper.svg:3: event attribute 'onclick' is not allowed"),
        (f"{M01}/figures/hopper.svg", ' viewBox="0 0 400 200"', "",
         f"{M01}/figures/hopper.svg:1: the <svg> element needs a viewBox"),
        (f"{M01}/figures/hopper.svg", "</svg>", "",
         f"{M01}/figures/hopper.svg:7: invalid SVG"),
    ],
)
def test_each_mistake_is_reported_at_its_line(curriculum_copy, relative, old, new, expected):
    edit(curriculum_copy, relative, old, new)
    found = problems_of(curriculum_copy)
    assert any(p.startswith("curriculum/" + expected) for p in found), found


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("L1-the-hopper.de.md", "unknown language 'de'"),
        ("lesson-one.en.md", "file name must look like"),
        ("notes.txt", "unexpected file in a module folder"),
        
    ],
)
def test_badly_named_files_are_reported(curriculum_copy, name, expected):
    source = curriculum_copy / M01 / "L1-the-hopper.lt.md"
    (curriculum_copy / M01 / name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    found = problems_of(curriculum_copy)
    assert any(f"{M01}/{name}:1: {expected}" in p for p in found), found


def test_files_of_one_item_with_two_slugs_are_reported(curriculum_copy):
    source = curriculum_copy / M01 / "L1-the-hopper.lt.md"
    (curriculum_copy / M01 / "L1-other-slug.fi.md").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    found = problems_of(curriculum_copy)
    assert any("already has the slug" in p for p in found), found


def test_two_folders_with_one_code_are_reported(curriculum_copy):
    (curriculum_copy / "modules" / "01-copy").mkdir()
    found = problems_of(curriculum_copy)
    assert any("module code M01 is also used by" in p for p in found), found


def test_translation_without_master_is_reported(curriculum_copy):
    (curriculum_copy / M01 / "L1-the-hopper.en.md").rename(curriculum_copy / "moved.md")
    found = problems_of(curriculum_copy)
    assert any("L1-the-hopper.lt.md:1: translation without an English master" in p for p in found), found


def test_unused_figure_is_reported(curriculum_copy):
    (curriculum_copy / M01 / "figures" / "spare.svg").write_text(
        (curriculum_copy / M01 / "figures" / "hopper.svg").read_text(encoding="utf-8"), encoding="utf-8"
    )
    found = problems_of(curriculum_copy)
    assert any("figures/spare.svg:1: figure is not used" in p for p in found), found


def test_file_that_is_not_utf8_is_reported(curriculum_copy):
    (curriculum_copy / M01 / "module.yaml").write_bytes("title: caf\xe9\n".encode("latin-1"))
    found = problems_of(curriculum_copy)
    assert any("module.yaml:1: the file is not UTF-8 text" in p for p in found), found


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("A [barrel](glossary:barrel) has", "## A barrel\\n\\nIt has"),
        ("A [barrel](glossary:barrel) has", "A `barrel` has"),
        ("A [barrel](glossary:barrel) has", "A [barrel zone](item:M01.L1) has"),
        ("A [barrel](glossary:barrel) has", "A barrelling drum has"),
    ],
)
def test_terms_in_headings_code_links_or_other_words_need_no_glossary_link(curriculum_copy, old, new):
    edit(curriculum_copy, f"{M01}/L2-the-barrel.en.md", old, new.replace("\\n", "\n"))
    assert problems_of(curriculum_copy) == []


def test_longer_term_hides_the_shorter_one_inside_it(curriculum_copy):
    edit(curriculum_copy, "glossary/basics.yaml", "- key: melt\n", (
        "- key: barrel-zone\n  term: {en: barrel zone, lt: zona, fi: vyöhyke, fr: zone}\n"
        "  definition: {en: One heated section of the barrel.}\n- key: melt\n"))
    edit(curriculum_copy, f"{M01}/L2-the-barrel.en.md", "A [barrel](glossary:barrel) has", (
        "A [barrel zone](glossary:barrel-zone) is one of three to five. A [barrel](glossary:barrel) has"))
    assert problems_of(curriculum_copy) == []
    edit(curriculum_copy, f"{M01}/L2-the-barrel.en.md", "[barrel](glossary:barrel) has", "barrel has")
    assert problems_of(curriculum_copy) == [
        f"curriculum/{M01}/L2-the-barrel.en.md:9: 'barrel' is a glossary term: link one use in this lesson, [barrel](glossary:barrel), "
        "or mark it [barrel](glossary:-) where it means something else"
    ]


def test_a_translation_that_calls_a_linked_term_by_another_name_is_warned_about(curriculum_copy):
    lesson = f"{M01}/L1-the-hopper.lt.md"
    assert problems_of(curriculum_copy) == []  # "cilindrą" is the glossary's "cilindras", inflected
    edit(curriculum_copy, lesson, "[cilindrą](glossary:barrel)", "[vamzdį](glossary:barrel)")
    found = problems_of(curriculum_copy)
    assert len(found) == 1 and "warning: 'vamzdį' links glossary:barrel, whose name here is 'cilindras'" in found[0]
    assert f"{lesson}:10:" in found[0]


def test_a_form_the_glossary_lists_is_accepted_where_the_stems_do_not_reach(curriculum_copy):
    edit(curriculum_copy, f"{M01}/L1-the-hopper.lt.md", "[cilindrą](glossary:barrel)", "[vamzdį](glossary:barrel)")
    edit(curriculum_copy, "glossary/basics.yaml", "  term: {en: barrel, lt: cilindras, fi: sylinteri, fr: fourreau}\n",
         "  term: {en: barrel, lt: cilindras, fi: sylinteri, fr: fourreau}\n  forms: {lt: [vamzdį]}\n")
    assert problems_of(curriculum_copy) == []


# --- suggestion codes in revisions.yaml -----------------------------------------------------------------

def test_a_changes_suggestion_must_be_in_its_revisions_list(curriculum_copy):

    name_suggestions(curriculum_copy, ["S-2020-001", "S-2020-002"], ["S-2020-001"])
    assert problems_of(curriculum_copy) == [
        "curriculum/revisions.yaml:7: suggestions: S-2020-002 is not in the suggestions list of revision 0.9"]


def test_a_suggestion_listed_twice_is_an_error(curriculum_copy):

    name_suggestions(curriculum_copy, ["S-2020-001", "S-2020-001"], ["S-2020-001", "S-2020-001"])
    assert problems_of(curriculum_copy) == [
        "curriculum/revisions.yaml:4: suggestions: S-2020-001 is listed twice (also in this revision)",
        "curriculum/revisions.yaml:7: suggestions: S-2020-001 is listed twice in this change",
    ]


def test_check_against_the_database_fails_on_an_unknown_suggestion_only_when_asked(app_factory, curriculum_copy):
    from tests.accounts import make_user
    from upskill.models import SuggestionStatus

    name_suggestions(curriculum_copy, ["S-2020-001"], ["S-2020-001", "S-2020-002"])
    app = app_factory(CURRICULUM_DIR=str(curriculum_copy))
    make_suggestions(app, make_user(app, "t@example.org", "teacher"), [SuggestionStatus.accepted])
    runner = app.test_cli_runner()
    assert runner.invoke(args=["curriculum", "check"]).exit_code == 0
    result = runner.invoke(args=["curriculum", "check", "--against-db"])
    assert result.exit_code == 1
    assert "curriculum/revisions.yaml:4: suggestions: no suggestion S-2020-002 in the database" in result.output
    assert "S-2020-001 in the database" not in result.output


def test_check_against_the_database_passes_when_every_code_is_known(app_factory, curriculum_copy):
    from tests.accounts import make_user
    from upskill.models import SuggestionStatus

    name_suggestions(curriculum_copy, ["S-2020-001"], ["S-2020-001"])
    app = app_factory(CURRICULUM_DIR=str(curriculum_copy))
    make_suggestions(app, make_user(app, "t@example.org", "teacher"), [SuggestionStatus.accepted])
    result = app.test_cli_runner().invoke(args=["curriculum", "check", "--against-db"])
    assert result.exit_code == 0, result.output


def test_check_without_against_db_never_opens_the_database(curriculum_copy, tmp_path):

    name_suggestions(curriculum_copy, ["S-2020-001"], ["S-2020-001"])
    unreachable = f"sqlite:///{tmp_path}/no-such-folder/none.sqlite3"  # any statement on it fails
    app = make_app(unreachable, CURRICULUM_DIR=str(curriculum_copy))
    assert app.test_cli_runner().invoke(args=["curriculum", "check"]).exit_code == 0
    refused = app.test_cli_runner().invoke(args=["curriculum", "check", "--against-db"])
    assert refused.exit_code == 1
    assert "the database does not answer" in refused.output
    assert refused.exc_info[0] is SystemExit  # a message, not a traceback

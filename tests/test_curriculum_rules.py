"""`curriculum check` rules across items: one rubric scale, fair quizzes, worksheets, word senses,
figures a phone can show, and revisions that name real items."""
from tests.test_curriculum_check import M01, edit
from tests.test_curriculum_check import problems_of as all_problems_of


def problems_of(root):
    """The problems these rules are about: editing a master here also makes its translation outdated."""
    return [p for p in all_problems_of(root) if "warning: outdated:" not in p]
from upskill.curriculum.validate import check_folder

L1 = f"{M01}/L1-the-hopper.en.md"


def warnings_of(root):
    curriculum, problems = check_folder(root)
    return [p.format(curriculum.root) for p in problems if p.warning and "warning: outdated:" not in p.format(curriculum.root)]


def add_single_answer_question(root, right, wrong):
    """Add a second single-answer question to the M01 quiz (dropping its translation, which would lack it)."""
    (root / M01 / "quiz.lt.yaml").unlink()
    edit(root, f"{M01}/quiz.en.yaml", "  - id: q2\n", (
        "  - id: q3\n    question: What is PP?\n    options:\n"
        f"      - text: {right}\n        correct: true\n        feedback: Right.\n"
        f"      - text: {wrong}\n        feedback: No.\n"
        "  - id: q2\n"))


def test_a_rubric_off_the_programme_scale_is_reported(curriculum_copy):
    edit(curriculum_copy, f"{M01}/T1-fill-the-hopper.en.md", "levels: [Not yet, Competent, Excellent]",
         "levels: [Not yet, Competent, Proficient]")
    assert problems_of(curriculum_copy) == [
        f"curriculum/{M01}/T1-fill-the-hopper.en.md:21: rubric: levels must be the programme's scale: "
        "Not yet, Competent, Excellent"
    ]


def test_a_criterion_needs_a_descriptor_for_every_level_of_the_scale(curriculum_copy):
    edit(curriculum_copy, "programme.yaml", "  - {level: Excellent,", "  - {level: Outstanding, meaning: More.}\n  - {level: Excellent,")
    found = problems_of(curriculum_copy)
    assert f"curriculum/{M01}/T1-fill-the-hopper.en.md:24: rubric: 'Checks the material' needs one descriptor per level (4)" in found


def test_a_quiz_won_by_picking_the_longest_option_gets_a_warning_not_a_failure(runner, curriculum_copy):
    add_single_answer_question(curriculum_copy, right="A polyolefin made from propylene.", wrong="A resin.")
    assert warnings_of(curriculum_copy) == [
        f"curriculum/{M01}/quiz.en.yaml:1: warning: in 2 of 2 single-answer questions the right option is "
        "the longest: reword the options so that length gives nothing away"
    ]
    result = runner.invoke(args=["curriculum", "check", "--path", str(curriculum_copy)])
    assert result.exit_code == 0
    assert "0 problem(s) and 1 warning(s) found." in result.output


def test_a_quiz_won_by_picking_the_shortest_option_gets_a_warning_too(curriculum_copy):
    edit(curriculum_copy, f"{M01}/quiz.en.yaml", "It feeds pellets into the barrel.", "Feeds.")
    assert warnings_of(curriculum_copy) == []  # one question is too few to judge
    add_single_answer_question(curriculum_copy, right="A polyolefin.", wrong="A thermoset resin cured with heat.")
    assert warnings_of(curriculum_copy) == [
        f"curriculum/{M01}/quiz.en.yaml:1: warning: in 2 of 2 single-answer questions the right option is "
        "the shortest: reword the options so that length gives nothing away"
    ]


def test_stats_report_how_often_the_right_option_is_the_longest(curriculum_copy):
    from upskill.curriculum.quiz_bias import quiz_bias
    from upskill.curriculum.source import read_curriculum

    bias = quiz_bias(read_curriculum(curriculum_copy))
    # q1 is the only single-answer question, and its right option is the longer one.
    assert (bias["single_answer_questions"], bias["correct_is_longest"], bias["correct_is_shortest"]) == (1, 1, 0)
    assert bias["by_module"]["M01"]["correct_is_longest_share"] == 1.0
    assert sum(bias["position_share"].values()) == 1.0


def test_a_worksheet_must_be_listed_and_linked_by_the_items_that_use_it(curriculum_copy):
    edit(curriculum_copy, f"{M01}/module.yaml", "worksheets: [W1]\n", "")
    assert f"curriculum/{M01}/W1-hopper-worksheet.en.md:1: W1 is not listed under 'worksheets' in module.yaml" in problems_of(curriculum_copy)
    edit(curriculum_copy, f"{M01}/module.yaml", "quiz: true", "worksheets: [W1]\nquiz: true")
    edit(curriculum_copy, L1, "Work through the [hopper worksheet](item:M01.W1), then", "Then")
    assert problems_of(curriculum_copy) == [
        f"curriculum/{M01}/W1-hopper-worksheet.en.md:3: used_by: M01.L1 does not link to this worksheet ([...](item:M01.W1))"
    ]


def test_a_worksheet_names_lessons_or_tasks_of_its_module(curriculum_copy):
    edit(curriculum_copy, f"{M01}/W1-hopper-worksheet.en.md", "used_by: [L1]", "used_by: [L1, L9, Q]")
    found = problems_of(curriculum_copy)
    assert f"curriculum/{M01}/W1-hopper-worksheet.en.md:3: used_by: M01 has no lesson or task L9" in found
    assert f"curriculum/{M01}/W1-hopper-worksheet.en.md:3: used_by: 'Q' is not of the form L1 or T1" in found


def test_an_item_link_may_name_a_heading_that_exists(curriculum_copy):
    edit(curriculum_copy, L1, "(item:M01.L2#heating-zones)", "(item:M01.L2#cooling-zones)")
    assert problems_of(curriculum_copy) == [f"curriculum/{L1}:25: M01.L2 has no heading with the anchor '#cooling-zones'"]


def test_a_word_marked_as_not_the_term_needs_no_glossary_link(curriculum_copy):
    edit(curriculum_copy, f"{M01}/L2-the-barrel.en.md", "A [barrel](glossary:barrel) has",
         "A [barrel](glossary:-) of oil is not a barrel of a machine. It has")
    assert problems_of(curriculum_copy) == [
        f"curriculum/{M01}/L2-the-barrel.en.md:9: 'barrel' is a glossary term: link one use in this lesson, "
        "[barrel](glossary:barrel), or mark it [barrel](glossary:-) where it means something else"
    ]
    edit(curriculum_copy, f"{M01}/L2-the-barrel.en.md", "is not a barrel of a machine", "is not what we heat")
    assert problems_of(curriculum_copy) == []


def test_a_term_with_other_senses_used_undecided_is_a_warning(curriculum_copy):
    edit(curriculum_copy, "glossary/basics.yaml", "  definition: {en: Molten plastic ready to be shaped.}",
         "  definition: {en: Molten plastic ready to be shaped.}\n  other_senses: To melt is also what ice does.")
    edit(curriculum_copy, f"{M01}/L2-the-barrel.en.md", "the [melt](glossary:melt) is", "the melt is")
    assert problems_of(curriculum_copy) == [
        f"curriculum/{M01}/L2-the-barrel.en.md:9: warning: 'melt' has other senses than the glossary's: decide, "
        "link it [melt](glossary:melt) or mark it [melt](glossary:-)"
    ]
    edit(curriculum_copy, f"{M01}/L2-the-barrel.en.md", "the melt is", "the [melt](glossary:-) is")
    assert problems_of(curriculum_copy) == []


def test_a_figure_too_small_to_read_on_a_phone_needs_a_narrow_variant(curriculum_copy):
    edit(curriculum_copy, f"{M01}/figures/hopper.svg", 'viewBox="0 0 400 200"', 'viewBox="0 0 800 400"')
    assert problems_of(curriculum_copy) == [
        f"curriculum/{M01}/figures/hopper.svg:5: text of font-size 16 shows at 6.0 px on a phone: draw a narrow "
        "variant hopper.narrow.svg (for example 360 wide with text of at least 13.1)"
    ]


def test_a_narrow_variant_must_itself_be_legible_and_belong_to_a_figure(curriculum_copy):
    edit(curriculum_copy, f"{M01}/figures/barrel-zones.narrow.svg", '<text x="200" y="150">',
         '<text x="200" y="150" style="font-size: 10px">')
    (curriculum_copy / M01 / "figures" / "spare.narrow.svg").write_text(
        (curriculum_copy / M01 / "figures" / "hopper.svg").read_text(encoding="utf-8"), encoding="utf-8")
    found = problems_of(curriculum_copy)
    assert found == sorted([
        f"curriculum/{M01}/figures/barrel-zones.narrow.svg:5: text of font-size 10 shows at 8.4 px on a phone; "
        "the narrow variant needs at least 13.1 in its 360-wide viewBox",
        f"curriculum/{M01}/figures/spare.narrow.svg:1: narrow variant of a figure that does not exist: spare.svg",
    ])


def test_a_revision_names_only_items_that_exist(curriculum_copy):
    edit(curriculum_copy, "revisions.yaml", "{item: M01.W1,", "{item: M01.W7,")
    assert problems_of(curriculum_copy) == ["curriculum/revisions.yaml:6: changes: unknown item code 'M01.W7'"]


def test_task_names_outcomes_of_its_own_module(curriculum_copy):
    edit(curriculum_copy, f"{M01}/T1-fill-the-hopper.en.md", "evidences: [S1, A1]", "evidences: [S1, S7, X1]")
    found = problems_of(curriculum_copy)
    assert f"curriculum/{M01}/T1-fill-the-hopper.en.md:6: evidences: S7 is not an outcome of M01 (it has A1, K1, S1)" in found
    assert any("T1-fill-the-hopper.en.md:6: evidences" in p and "X1" in p for p in found), found


def test_task_without_outcomes_is_reported(curriculum_copy):
    edit(curriculum_copy, f"{M01}/T1-fill-the-hopper.en.md", "evidences: [S1, A1]\n", "")
    assert any("T1-fill-the-hopper.en.md" in p and "evidences" in p for p in problems_of(curriculum_copy))

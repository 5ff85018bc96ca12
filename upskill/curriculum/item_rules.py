"""Rules across an item's fields and across items: rubric scale, quiz bias, worksheets, revisions."""
from upskill.curriculum.quiz_bias import LONGEST_SHARE_WARNING, QuizBias
from upskill.curriculum.source import Problem


def quiz_bias_warnings(item):
    """Warn on a quiz whose right options are mostly the longest, or mostly the shortest."""
    doc = item.student.get("en")
    bias = QuizBias()
    for question in (doc.meta.get("questions") if doc else None) or []:
        if isinstance(question, dict):
            bias.add(item.code, question)
    warnings = []
    for count, share, which in ((bias.correct_is_longest, bias.longest_share, "longest"),
                                (bias.correct_is_shortest, bias.shortest_share, "shortest")):
        if bias.questions >= 2 and share > LONGEST_SHARE_WARNING:
            warnings.append(Problem(
                doc.path, 1, f"in {count} of {bias.questions} single-answer questions the right option is "
                f"the {which}: reword the options so that length gives nothing away", warning=True,
            ))
    return warnings


OUTCOME_KINDS = {"K": "knowledge", "S": "skills", "A": "autonomy"}


def outcome_code(kind, index):
    """The code of a module outcome: ('skills', 0) -> 'S1'."""
    return {v: k for k, v in OUTCOME_KINDS.items()}[kind] + str(index + 1)


def module_outcome_codes(module):
    """Every outcome code of a module: K1..Kn, S1..Sn, A1..An."""
    outcomes = (module.docs.get("en").meta.get("outcomes") if "en" in module.docs else None) or {}
    return {outcome_code(kind, i) for kind in OUTCOME_KINDS.values()
            for i, _line in enumerate(outcomes.get(kind) or [])}


def evidence_problems(module, item):
    """A task names outcomes of its own module that exist."""
    doc = item.student.get("en")
    codes = doc.meta.get("evidences") if doc else None
    if not isinstance(codes, list):
        return []
    known = module_outcome_codes(module)
    return [Problem(doc.path, doc.meta.line_of("evidences"),
                    f"evidences: {code} is not an outcome of {module.code} (it has {', '.join(sorted(known))})")
            for code in codes if isinstance(code, str) and code not in known]


def rubric_scale_problems(item, levels):
    """Every task's rubric uses the programme's one scale of levels, a descriptor for each."""
    doc = item.student.get("en")
    rubric = doc.meta.get("rubric") if doc else None
    if not levels or not isinstance(rubric, dict) or not isinstance(rubric.get("levels"), list):
        return []
    problems = []
    if list(rubric["levels"]) != levels:
        problems.append(Problem(doc.path, rubric.line_of("levels"),
                                f"rubric: levels must be the programme's scale: {', '.join(levels)}"))
    for criterion in rubric.get("criteria") or []:
        descriptors = criterion.get("descriptors") if isinstance(criterion, dict) else None
        if isinstance(descriptors, list) and len(descriptors) != len(levels):
            problems.append(Problem(
                doc.path, criterion.line_of("descriptors"),
                f"rubric: '{criterion.get('name')}' needs one descriptor per level ({len(levels)})",
            ))
    return problems


def _used_by(item):
    doc = item.student.get("en")
    used_by = doc.meta.get("used_by") if doc else None
    return doc, (used_by if isinstance(used_by, list) else [])


def used_by_problems(module, item):
    """A worksheet names lessons and tasks of its own module."""
    doc, used_by = _used_by(item)
    return [
        Problem(doc.path, used_by.line_of(index), f"used_by: {module.code} has no lesson or task {short}")
        for index, short in enumerate(used_by)
        if getattr(module.items.get(short), "kind", None) not in ("lesson", "task")
    ]


def worksheet_link_problems(curriculum, item_codes, item_links):
    """Every lesson or task a worksheet names links to it, so that a reader finds the sheet."""
    problems = []
    for module in curriculum.modules:
        for item in module.ordered("worksheet"):
            doc, used_by = _used_by(item)
            for index, short in enumerate(used_by):
                user = f"{module.code}.{short}"
                if user in item_codes and item.code not in item_links.get(user, ()):
                    problems.append(Problem(
                        doc.path, used_by.line_of(index),
                        f"used_by: {user} does not link to this worksheet ([...](item:{item.code}))",
                    ))
    return problems


def revision_problems(doc, known_codes):
    """Every change a revision lists names an item code that exists."""
    problems = []
    for revision in doc.meta if isinstance(doc.meta, list) else []:
        changes = revision.get("changes") if isinstance(revision, dict) else None
        for index, change in enumerate(changes if isinstance(changes, list) else []):
            code = change.get("item") if isinstance(change, dict) else None
            if isinstance(code, str) and code not in known_codes:
                problems.append(Problem(doc.path, changes.line_of(index), f"changes: unknown item code '{code}'"))
    return problems

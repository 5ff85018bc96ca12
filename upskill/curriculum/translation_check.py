"""Check that a translation has the same structure as its English master."""
from upskill.curriculum.render import heading_ids

# Values that belong to the master: a translation may leave them out, but may not change them.
MASTER_FACTS = ("duration", "setting", "group_size", "evidences", "minutes", "multiple", "correct", "kind", "id")
# Lists whose length a translation must keep, by item kind.
PARALLEL_LISTS = {
    "lesson": ("outcomes", "plan", "equipment"),
    "task": ("equipment", "safety", "steps", "evidence"),
    "quiz": ("questions",),
}


def check_translation(kind, master_doc, translation_doc):
    """Return (line, message) for every way a translated document departs from its master's structure."""
    master, translation = master_doc.meta, translation_doc.meta
    problems = []
    _compare(master, translation, PARALLEL_LISTS.get(kind, ()), problems, "")
    if kind == "task":
        _compare_rubric(master.get("rubric"), translation.get("rubric"), problems)
    theirs, ours = len(heading_ids(master_doc.body)), len(heading_ids(translation_doc.body))
    if theirs != ours:
        # Headings take the English anchors by position, so links to a section work in every language.
        problems.append((translation_doc.body_line, f"has {ours} section headings, the English master has {theirs}"))
    return problems


def _compare(master, translation, list_keys, problems, where):
    if not isinstance(master, dict) or not isinstance(translation, dict):
        return
    for key in MASTER_FACTS:
        if key in translation and key in master and translation[key] != master[key]:
            problems.append((translation.line_of(key), f"{where}{key}: is {translation[key]!r} in the English master"))
    for key in list_keys + ("options",):
        theirs, ours = master.get(key), translation.get(key)
        if not isinstance(theirs, list) or not isinstance(ours, list):
            continue
        if len(theirs) != len(ours):
            problems.append((translation.line_of(key), f"{where}{key}: has {len(ours)} entries, the English master has {len(theirs)}"))
            continue
        for index, (their_entry, our_entry) in enumerate(zip(theirs, ours)):
            _compare(their_entry, our_entry, (), problems, f"{where}{key}[{index + 1}].")


def _compare_rubric(master, translation, problems):
    if not isinstance(master, dict) or not isinstance(translation, dict):
        return
    for key in ("levels", "criteria"):
        theirs, ours = master.get(key), translation.get(key)
        if isinstance(theirs, list) and isinstance(ours, list) and len(theirs) != len(ours):
            problems.append((translation.line_of(key), f"rubric: {key}: has {len(ours)} entries, the English master has {len(theirs)}"))
    for index, (theirs, ours) in enumerate(zip(master.get("criteria") or [], translation.get("criteria") or [])):
        if isinstance(theirs, dict) and isinstance(ours, dict):
            a, b = theirs.get("descriptors"), ours.get("descriptors")
            if isinstance(a, list) and isinstance(b, list) and len(a) != len(b):
                problems.append((ours.line_of("descriptors"), f"rubric: criteria[{index + 1}]: has {len(b)} descriptors, the English master has {len(a)}"))

"""Counts of a curriculum's content and how much of it is translated."""
from upskill.config import LANGUAGES
from upskill.curriculum.quiz_bias import quiz_bias
from upskill.curriculum.text import count_words, iter_strings
from upskill.curriculum.translation_state import pairs


def curriculum_stats(curriculum):
    """Return the counts as a JSON-ready dict (see `flask curriculum stats --help`)."""
    items = [item for module in curriculum.modules for item in module.items.values()]
    quiz_questions = sum(
        len(item.student["en"].meta.get("questions") or [])
        for item in items
        if item.kind == "quiz" and "en" in item.student
    )
    glossary = [entry for doc in curriculum.glossary for entry in doc.meta if isinstance(entry, dict)]
    units = _translation_units(curriculum, items, glossary)
    total = len(units["en"]) or 1
    return {
        "revision": str((curriculum.programme.get("en").meta if "en" in curriculum.programme else {}).get("revision", "")),
        "modules": len(curriculum.modules),
        "lessons": sum(1 for item in items if item.kind == "lesson"),
        "tasks": sum(1 for item in items if item.kind == "task"),
        "quiz_questions": quiz_questions,
        "glossary_terms": len(glossary),
        "figures": sum(len(module.figures) for module in curriculum.modules),
        "words": {lang: _words(curriculum, items, glossary, lang) for lang in LANGUAGES},
        "coverage": {lang: round(len(units[lang]) / total, 3) for lang in LANGUAGES},
        # Translated files whose English has changed since they were made (or that do not say).
        "outdated": _outdated(curriculum),
        "quiz_bias": quiz_bias(curriculum),
    }


def _outdated(curriculum):
    others = [lang for lang in LANGUAGES if lang != "en"]
    counts = dict.fromkeys(others, 0)
    for pair in pairs(curriculum, others):
        if pair.state == "outdated":
            counts[pair.lang] += 1
    return counts


def _translation_units(curriculum, items, glossary):
    """Return, per language, the set of translatable units that exist in it."""
    units = {lang: set() for lang in LANGUAGES}
    for lang in curriculum.programme:
        units[lang].add("programme")
    for module in curriculum.modules:
        for lang in module.docs:
            units[lang].add(module.code)
    for item in items:
        for lang in item.student:
            units[lang].add(item.code)
        for lang in item.teacher:
            units[lang].add(item.code + ":teacher")
    for entry in glossary:
        for lang, text in (entry.get("definition") or {}).items():
            if lang in units and text:
                units[lang].add("glossary:" + str(entry.get("key")))
    # A translation only counts where its English master exists.
    return {lang: found & units["en"] for lang, found in units.items()}


def _words(curriculum, items, glossary, lang):
    docs = [curriculum.programme.get(lang)] + [m.docs.get(lang) for m in curriculum.modules]
    for item in items:
        docs += [item.student.get(lang), item.teacher.get(lang)]
    total = sum(count_words(doc.body) + count_words(" ".join(iter_strings(doc.meta))) for doc in docs if doc)
    for entry in glossary:
        total += count_words(str((entry.get("definition") or {}).get(lang, "")))
    return total

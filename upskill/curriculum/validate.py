"""Check a curriculum read from files: schema, references, translations, Markdown, figures."""
from upskill.config import LANGUAGES
from upskill.curriculum import item_rules, schema, suggestion_rules
from upskill.curriculum.anchors import heading_anchors
from upskill.curriculum.figure_check import figure_problems
from upskill.curriculum.markdown_check import check_markdown
from upskill.curriculum.source import Problem, read_curriculum
from upskill.curriculum.svg_check import check_svg
from upskill.curriculum.term_links import TermFinder, unlinked_terms
from upskill.curriculum.term_names import TermNames, misnamed_terms
from upskill.curriculum.translation_check import check_translation
from upskill.curriculum.translation_state import pin_warnings

ITEM_FIELDS = {
    "lesson": (schema.LESSON, schema.TEACHER_NOTES),
    "task": (schema.TASK, schema.TASK_TEACHER_NOTES),
    "quiz": (schema.QUIZ, None),
    "worksheet": (schema.WORKSHEET, schema.TASK_TEACHER_NOTES),
}


def check_folder(root):
    """Read and validate the curriculum at root; return (curriculum, sorted problems)."""
    curriculum = read_curriculum(root)
    return curriculum, validate(curriculum)


def validate(curriculum):
    """Return every problem of the curriculum, sorted by file and line."""
    checker = _Checker(curriculum)
    checker.run()
    return sorted(checker.problems, key=lambda p: (str(p.path), p.line, p.message))


class _Checker:
    def __init__(self, curriculum):
        self.curriculum = curriculum
        self.problems = list(curriculum.problems)
        self.glossary_keys = set()
        self.item_codes = {}  # code -> the anchors of its headings
        self.used_figures = set()
        self.item_links = {}  # item code -> codes its texts link to
        self.term_finder = TermFinder([])
        self.term_names = {}  # language -> TermNames
        self.rubric_levels = None

    def report_for(self, path, prefix="", warning=False):
        def report(line, message):
            self.problems.append(Problem(path, line, prefix + message, warning))

        return report

    def check_doc(self, doc, field, translation_field=None):
        """Check a document against its schema; translations use the translation schema."""
        (translation_field or field).check(
            doc.meta, self.report_for(doc.path), doc.meta.line, translation=doc.lang != "en"
        )

    def run(self):
        self.collect_codes()
        self.check_programme()
        self.check_revisions()
        self.check_glossary()
        for module in self.curriculum.modules:
            self.check_module(module)
        self.check_module_codes()
        self.problems += item_rules.worksheet_link_problems(self.curriculum, self.item_codes, self.item_links)
        self.problems += pin_warnings(self.curriculum, [lang for lang in LANGUAGES if lang != "en"])

    def collect_codes(self):
        for module in self.curriculum.modules:
            self.item_codes[module.code] = set()
            for item in module.items.values():
                master = item.student.get("en")
                self.item_codes[item.code] = heading_anchors(master.body) if master else set()
        entries = [
            entry
            for doc in self.curriculum.glossary
            for entry in (doc.meta if isinstance(doc.meta, list) else [])
            if isinstance(entry, dict) and isinstance(entry.get("key"), str)
        ]
        self.glossary_keys.update(entry["key"] for entry in entries)
        self.term_finder = TermFinder(entries)
        self.term_names = {lang: TermNames(entries, lang) for lang in LANGUAGES if lang != "en"}

    def check_programme(self):
        programme = self.curriculum.programme
        for lang, doc in programme.items():
            self.check_doc(doc, schema.PROGRAMME, None if lang == "en" else schema.PROGRAMME_TRANSLATION)
            self.markdown(doc, doc.meta.get("aims"), doc.meta.line_of("aims"), block=True)
        master = programme.get("en")
        if master is None or not isinstance(master.meta.get("modules"), list):
            return
        scale = master.meta.get("rubric_scale")
        if isinstance(scale, list):
            self.rubric_levels = [row.get("level") for row in scale if isinstance(row, dict)]
        listed = master.meta["modules"]
        report = self.report_for(master.path)
        present = {m.code for m in self.curriculum.modules}
        for index, code in enumerate(listed):
            if code not in present:
                report(listed.line_of(index), f"modules: {code} has no folder in modules/")
            elif listed.index(code) != index:
                report(listed.line_of(index), f"modules: {code} is listed twice")
        for code in sorted(present - set(listed)):
            report(master.meta.line_of("modules"), f"modules: {code} has a folder but is not listed")
        for lang in master.meta.get("languages") or []:
            if lang not in LANGUAGES:
                report(master.meta.line_of("languages"), f"languages: unknown language '{lang}'")

    def check_revisions(self):
        doc = self.curriculum.revisions
        if doc is None:
            return
        schema.REVISIONS.check(doc.meta, self.report_for(doc.path), 1)
        programme = self.curriculum.programme.get("en")
        known = set(self.item_codes) | {f"glossary:{key}" for key in self.glossary_keys}
        if programme is not None:
            known.add(programme.meta.get("code"))
        self.problems += item_rules.revision_problems(doc, known)
        self.problems += suggestion_rules.suggestion_list_problems(doc)

    def check_glossary(self):
        seen = {}
        for doc in self.curriculum.glossary:
            report = self.report_for(doc.path)
            schema.GLOSSARY.check(doc.meta, report, 1)
            if not isinstance(doc.meta, list):
                continue
            for index, entry in enumerate(doc.meta):
                if not isinstance(entry, dict) or not isinstance(entry.get("key"), str):
                    continue
                key, line = entry["key"], doc.meta.line_of(index)
                if key in seen:
                    report(line, f"glossary key '{key}' is already defined in {seen[key]}")
                else:
                    seen[key] = f"{doc.path.name}:{line}"
                for ref in entry.get("see") or []:
                    if ref not in self.glossary_keys:
                        report(entry.line_of("see"), f"see: unknown glossary key '{ref}'")
                    elif ref == key:
                        report(entry.line_of("see"), "see: a term cannot refer to itself")

    def check_module_codes(self):
        seen = {}
        for module in self.curriculum.modules:
            if module.code in seen:
                self.report_for(module.folder)(1, f"module code {module.code} is also used by {seen[module.code].name}")
            else:
                seen[module.code] = module.folder

    def check_module(self, module):
        for lang, doc in module.docs.items():
            self.check_doc(doc, schema.MODULE, None if lang == "en" else schema.MODULE_TRANSLATION)
        master = module.docs.get("en")
        if master is None:
            return
        meta, report = master.meta, self.report_for(master.path)
        if meta.get("code") not in (None, module.code):
            report(meta.line_of("code"), f"code is {meta.get('code')} but the folder says {module.code}")
        for index, code in enumerate(meta.get("prerequisites") or []):
            if code == module.code:
                report(meta["prerequisites"].line_of(index), "prerequisites: a module cannot require itself")
            elif code not in self.item_codes:
                report(meta["prerequisites"].line_of(index), f"prerequisites: unknown module {code}")
        self.check_listed_items(module, meta, report, "lessons", "lesson")
        self.check_listed_items(module, meta, report, "tasks", "task")
        self.check_listed_items(module, meta, report, "worksheets", "worksheet")
        has_quiz = "Q" in module.items and "en" in module.items["Q"].student
        if meta.get("quiz") is True and not has_quiz:
            report(meta.line_of("quiz"), "quiz is true but quiz.en.yaml is missing")
        if meta.get("quiz") is False and "Q" in module.items:
            report(meta.line_of("quiz"), "quiz is false but the folder has quiz files")
        for item in module.items.values():
            self.check_item(module, item)
        for name, path in module.figures.items():
            for line, message in check_svg(path):
                self.problems.append(Problem(path, line, message))
            if name not in self.used_figures_of(module):
                self.problems.append(Problem(path, 1, "figure is not used by any text of the module"))
        for path in [*module.narrow_figures.values(), *module.translated_figures.values()]:
            for line, message in check_svg(path):
                self.problems.append(Problem(path, line, message))
        for path, line, message in figure_problems(module):
            self.problems.append(Problem(path, line, message))

    def used_figures_of(self, module):
        return {name for mod, name in self.used_figures if mod == module.code}

    def check_listed_items(self, module, meta, report, key, kind):
        listed = meta.get(key) or []
        if not isinstance(listed, list):
            return
        for index, short in enumerate(listed):
            item = module.items.get(short)
            if item is None or "en" not in item.student:
                report(listed.line_of(index), f"{key}: {short} has no file {short}-<slug>.en.md")
            elif listed.index(short) != index:
                report(listed.line_of(index), f"{key}: {short} is listed twice")
        for item in module.ordered(kind):
            if item.short_code not in listed:
                path = next(iter(item.student.values() or item.teacher.values())).path
                self.report_for(path)(1, f"{item.short_code} is not listed under '{key}' in module.yaml")

    def check_item(self, module, item):
        field, teacher_field = ITEM_FIELDS[item.kind]
        for docs, doc_field in ((item.student, field), (item.teacher, teacher_field)):
            for lang, doc in docs.items():
                if "en" not in docs:
                    self.report_for(doc.path)(1, "translation without an English master file")
                    continue
                self.check_doc(doc, doc_field)
                if lang != "en":
                    for line, message in check_translation(item.kind, docs["en"], doc):
                        self.report_for(doc.path)(line, message)
                self.check_texts(module, doc, item)
        if item.kind == "lesson" and "en" in item.student and "en" not in item.teacher:
            self.report_for(item.student["en"].path)(1, f"teacher's notes {item.short_code}-{item.slug}.teacher.en.md are missing")
        if item.kind == "lesson":
            self.check_plan_minutes(item)
            self.check_term_links(item)
        if item.kind == "quiz":
            for doc in item.student.values():
                self.check_quiz_answers(doc)
            self.problems += item_rules.quiz_bias_warnings(item)
        if item.kind == "task":
            self.problems += item_rules.rubric_scale_problems(item, self.rubric_levels)
            self.problems += item_rules.evidence_problems(module, item)
        if item.kind == "worksheet":
            self.problems += item_rules.used_by_problems(module, item)

    def check_plan_minutes(self, item):
        student, teacher = item.student.get("en"), item.teacher.get("en")
        if not student or not teacher or not isinstance(teacher.meta.get("plan"), list):
            return
        duration = student.meta.get("duration")
        minutes = [row.get("minutes") for row in teacher.meta["plan"] if isinstance(row, dict)]
        if isinstance(duration, int) and all(isinstance(m, int) for m in minutes) and sum(minutes) != duration:
            self.report_for(teacher.path)(
                teacher.meta.line_of("plan"),
                f"plan: the minutes add up to {sum(minutes)} but the lesson lasts {duration}",
            )

    def check_term_links(self, item):
        """Every glossary term the English lesson text uses is linked at least once."""
        doc = item.student.get("en")
        if doc is None:
            return
        for found in unlinked_terms(doc.body, doc.body_line, self.term_finder):
            if found.undecided:
                self.report_for(doc.path, warning=True)(
                    found.line, f"'{found.form}' has other senses than the glossary's: decide, link it "
                    f"[{found.form}](glossary:{found.key}) or mark it [{found.form}](glossary:-)",
                )
            else:
                self.report_for(doc.path)(
                    found.line, f"'{found.form}' is a glossary term: link one use in this lesson, "
                    f"[{found.form}](glossary:{found.key}), or mark it [{found.form}](glossary:-) where it means something else",
                )

    def check_term_names(self, doc, text, line):
        """A translation calls each glossary term it links by its name in the glossary (inflected or not)."""
        for found in misnamed_terms(text, line, self.term_names[doc.lang]):
            self.report_for(doc.path, warning=True)(
                found.line, f"'{found.text}' links glossary:{found.key}, whose name here is '{found.name}': "
                f"use that name (any inflected form), or list '{found.text}' under forms: {doc.lang}: in the glossary",
            )

    def check_quiz_answers(self, doc):
        report = self.report_for(doc.path)
        seen = set()
        for question in doc.meta.get("questions") or []:
            if not isinstance(question, dict):
                continue
            qid = question.get("id")
            if qid in seen:
                report(question.line_of("id"), f"question id '{qid}' is used twice")
            seen.add(qid)
            options = [o for o in question.get("options") or [] if isinstance(o, dict)]
            correct = sum(1 for o in options if o.get("correct") is True)
            if doc.lang != "en" or not options:
                continue
            if question.get("multiple") is True and correct < 1:
                report(question.line, f"question '{qid}' has no correct option")
            elif question.get("multiple") is not True and correct != 1:
                report(question.line, f"question '{qid}' needs exactly one correct option, has {correct}")

    def check_texts(self, module, doc, item):
        """Check every Markdown text of a document: the body and the inline fields."""
        if doc.path.suffix == ".md":
            if not doc.body.strip():
                self.report_for(doc.path)(doc.body_line, "the text after the front matter is empty")
            self.markdown(doc, doc.body, doc.body_line, block=True, module=module, item=item)
        for value, line in _inline_texts(doc.meta):
            self.markdown(doc, value, line, block=False, module=module, item=item)

    def markdown(self, doc, text, line, block, module=None, item=None):
        if not isinstance(text, str):
            return
        if doc.lang in self.term_names:
            self.check_term_names(doc, text, line)
        figures = module.figures if module else {}
        found = check_markdown(text, line, block, self.glossary_keys, self.item_codes, figures)
        for problem_line, message in found.problems:
            self.problems.append(Problem(doc.path, problem_line, message))
        if module:
            self.used_figures.update((module.code, name) for name in found.figures)
        if item is not None and doc.lang == "en":
            self.item_links.setdefault(item.code, set()).update(found.item_links)


INLINE_KEYS = {"steps", "question", "text", "feedback", "activity", "outcomes", "safety", "equipment", "label"}


def _inline_texts(value, key=None, line=1):
    """Yield (text, line) for every short Markdown field of a document."""
    if isinstance(value, dict):
        for child_key, child in value.items():
            yield from _inline_texts(child, child_key, value.line_of(child_key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _inline_texts(child, key, value.line_of(index))
    elif isinstance(value, str) and key in INLINE_KEYS:
        yield value, line

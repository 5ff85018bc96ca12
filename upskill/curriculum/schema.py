"""A small schema language for curriculum YAML: each field checks a value and reports by line."""
import re

from upskill.config import LANGUAGES
from upskill.curriculum.yamlfile import LineDict, LineList


class Field:
    """A value of some shape; `required` says whether an English master must give it."""

    def __init__(self, required=True):
        self.required = required

    def check(self, value, report, line, translation=False):
        """Call report(line, message) for every problem in value."""
        raise NotImplementedError


class Text(Field):
    """A non-empty string."""

    def __init__(self, required=True, max_length=5000):
        super().__init__(required)
        self.max_length = max_length

    def check(self, value, report, line, translation=False):
        if not isinstance(value, str):
            report(line, f"must be text, not {_describe(value)} (put it in quotes)")
        elif not value.strip():
            report(line, "must not be empty")
        elif len(value) > self.max_length:
            report(line, f"is longer than {self.max_length} characters")


class Pattern(Text):
    """A string matching a regular expression."""

    def __init__(self, regex, example, required=True):
        super().__init__(required)
        self.regex = re.compile(regex)
        self.example = example

    def check(self, value, report, line, translation=False):
        if not isinstance(value, str) or not self.regex.fullmatch(value):
            report(line, f"'{value}' is not of the form {self.example}")


class Integer(Field):
    """A whole number within bounds."""

    def __init__(self, minimum, maximum, required=True):
        super().__init__(required)
        self.minimum, self.maximum = minimum, maximum

    def check(self, value, report, line, translation=False):
        if isinstance(value, bool) or not isinstance(value, int):
            report(line, f"must be a whole number, not {_describe(value)}")
        elif not self.minimum <= value <= self.maximum:
            report(line, f"must be between {self.minimum} and {self.maximum}, not {value}")


class Boolean(Field):
    """true or false."""

    def check(self, value, report, line, translation=False):
        if not isinstance(value, bool):
            report(line, f"must be true or false, not {_describe(value)}")


class OneOf(Field):
    """One of a fixed set of words."""

    def __init__(self, choices, required=True):
        super().__init__(required)
        self.choices = tuple(choices)

    def check(self, value, report, line, translation=False):
        if value not in self.choices:
            report(line, f"'{value}' is not one of: {', '.join(self.choices)}")


class GroupSize(Field):
    """A number of students, or a range written as text such as '2-3'."""

    def check(self, value, report, line, translation=False):
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 40:
            return
        if isinstance(value, str) and re.fullmatch(r"\d{1,2}\s*-\s*\d{1,2}", value):
            return
        report(line, f"group_size must be a number or a range like \"2-3\", not {value!r}")


class ListOf(Field):
    """A list whose entries all have one shape."""

    def __init__(self, entry, minimum=0, maximum=1000, required=True):
        super().__init__(required)
        self.entry, self.minimum, self.maximum = entry, minimum, maximum

    def check(self, value, report, line, translation=False):
        if not isinstance(value, LineList):
            report(line, f"must be a list, not {_describe(value)}")
            return
        if not translation and not self.minimum <= len(value) <= self.maximum:
            bounds = f"at least {self.minimum}" if self.maximum >= 1000 else f"{self.minimum} to {self.maximum}"
            report(line, f"needs {bounds} entries, has {len(value)}")
        for index, entry in enumerate(value):
            self.entry.check(entry, report, value.line_of(index), translation)


class Mapping(Field):
    """A mapping with known keys; unknown keys are reported, as they are usually typos."""

    def __init__(self, fields, required=True):
        super().__init__(required)
        self.fields = fields

    def check(self, value, report, line, translation=False):
        if not isinstance(value, LineDict):
            report(line, f"must be a mapping of keys to values, not {_describe(value)}")
            return
        for key in value:
            if key not in self.fields:
                known = ", ".join(self.fields)
                report(value.line_of(key), f"unknown key '{key}' (known keys: {known})")
        for key, field in self.fields.items():
            if key in value:
                field.check(value[key], _prefixed(report, key), value.line_of(key), translation)
            elif field.required and not translation:
                report(value.line, f"missing required key '{key}'")


def _prefixed(report, key):
    return lambda line, message: report(line, f"{key}: {message}")


def _describe(value):
    if value is None:
        return "nothing"
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false"}.get(
        type(value).__bases__[0] if isinstance(value, (LineDict, LineList)) else type(value),
        type(value).__name__,
    )


MODULE_CODE = Pattern(r"M\d{2}", "M04")
LESSON_CODE = Pattern(r"L\d{1,2}", "L1")
TASK_CODE = Pattern(r"T\d{1,2}", "T1")
WORKSHEET_CODE = Pattern(r"W\d{1,2}", "W1")
LESSON_OR_TASK_CODE = Pattern(r"[LT]\d{1,2}", "L1 or T1")
GLOSSARY_KEY = Pattern(r"[a-z0-9]+(-[a-z0-9]+)*", "holding-pressure")
LINES_OF_TEXT = ListOf(Text(), minimum=1)
OUTCOMES = Mapping({"knowledge": LINES_OF_TEXT, "skills": LINES_OF_TEXT, "autonomy": LINES_OF_TEXT})
EVIDENCE_KINDS = ("text", "measurement", "photo", "checklist", "file")

# The one scale of levels every task's rubric uses, lowest first, each with what it means.
RUBRIC_SCALE = ListOf(Mapping({"level": Text(max_length=60), "meaning": Text(max_length=1000)}), minimum=3, maximum=4)

PROGRAMME = Mapping({
    "code": Text(),
    "revision": Text(),
    "languages": ListOf(OneOf(LANGUAGES), minimum=1),
    "title": Text(),
    "subtitle": Text(),
    "occupation": Mapping({"isco": Text(), "name": Text()}),
    "eqf_level": Integer(1, 8),
    "licence": Mapping({"name": Text(), "url": Pattern(r"https://\S+", "https://...")}),
    "aims": Text(max_length=20000),
    "outcomes": OUTCOMES,
    "modules": ListOf(MODULE_CODE, minimum=1),
    "rubric_scale": RUBRIC_SCALE,
    "partners": ListOf(Text(max_length=200), required=False),
})

MODULE = Mapping({
    "code": MODULE_CODE,
    "title": Text(max_length=200),
    "summary": Text(max_length=1000),
    "hours": Mapping({
        "theory": Integer(0, 1000),
        "school_practice": Integer(0, 1000),
        "work_based": Integer(0, 1000),
    }),
    "prerequisites": ListOf(MODULE_CODE, required=False),
    "outcomes": OUTCOMES,
    "lessons": ListOf(LESSON_CODE, minimum=1),
    "tasks": ListOf(TASK_CODE, required=False),
    "worksheets": ListOf(WORKSHEET_CODE, required=False),
    "quiz": Boolean(),
})

LESSON = Mapping({
    "title": Text(max_length=200),
    "duration": Integer(5, 1000),
    "outcomes": ListOf(Text(), minimum=1, maximum=6),
})

TEACHER_NOTES = Mapping({
    "title": Text(required=False, max_length=200),
    "plan": ListOf(
        Mapping({"minutes": Integer(1, 600), "activity": Text(), "method": Text(required=False)}),
        minimum=1,
    ),
    "equipment": ListOf(Text(), required=False),
})

TASK_TEACHER_NOTES = Mapping({"title": Text(required=False, max_length=200)})

RUBRIC = Mapping({
    "levels": ListOf(Text(max_length=60), minimum=3, maximum=4),
    "criteria": ListOf(
        Mapping({"name": Text(max_length=200), "descriptors": ListOf(Text(), minimum=3, maximum=4)}),
        minimum=3,
        maximum=4,
    ),
})

TASK = Mapping({
    "title": Text(max_length=200),
    "setting": OneOf(("school", "company")),
    "duration": Integer(10, 10000),
    "group_size": GroupSize(),
    # The module outcomes the task evidences: K1 (first knowledge outcome), S2 (second skill), A1 ...
    "evidences": ListOf(Pattern(r"[KSA]\d{1,2}", "S1"), minimum=1, maximum=12),
    "equipment": ListOf(Text(), minimum=1),
    "safety": ListOf(Text(), minimum=1),
    "steps": ListOf(Text(), minimum=3),
    "evidence": ListOf(Mapping({"kind": OneOf(EVIDENCE_KINDS), "label": Text()}), minimum=1),
    "rubric": RUBRIC,
})

WORKSHEET = Mapping({
    "title": Text(max_length=200),
    "used_by": ListOf(LESSON_OR_TASK_CODE, minimum=1),
    "duration": Integer(5, 600, required=False),
})

QUIZ = Mapping({
    "title": Text(max_length=200),
    "questions": ListOf(
        Mapping({
            "id": Pattern(r"[a-z][a-z0-9-]{0,30}", "q1"),
            "question": Text(),
            "multiple": Boolean(required=False),
            "options": ListOf(
                Mapping({"text": Text(), "correct": Boolean(required=False), "feedback": Text()}),
                minimum=2,
                maximum=6,
            ),
        }),
        minimum=1,
    ),
})

GLOSSARY = ListOf(
    Mapping({
        "key": GLOSSARY_KEY,
        "term": Mapping({lang: Text(max_length=200) for lang in LANGUAGES}),
        "definition": Mapping({lang: Text(required=lang == "en") for lang in LANGUAGES}),
        "see": ListOf(GLOSSARY_KEY, required=False),
        # What else the English word means, outside this entry's sense ("risk of short shots").
        "other_senses": Text(required=False, max_length=500),
        # Inflected forms of a translated name that its stems do not reach (an irregular plural).
        "forms": Mapping({lang: ListOf(Text(max_length=200), required=False) for lang in LANGUAGES}, required=False),
    }),
    minimum=1,
)

SUGGESTION_CODE = Pattern(r"S-\d{4}-\d{3,}", "S-2020-017")
REVISIONS = ListOf(
    Mapping({
        "revision": Text(),
        "date": Pattern(r"\d{4}-\d{2}-\d{2}", "2026-11-21"),
        "summary": Text(),
        "changes": ListOf(Mapping({
            "item": Text(max_length=120), "change": Text(max_length=2000),
            "suggestions": ListOf(SUGGESTION_CODE, required=False),  # the suggestions this change applied
        }), minimum=1),
        "suggestions": ListOf(SUGGESTION_CODE, required=False),  # every suggestion the revision applied
    }),
    minimum=1,
)

# Translatable module text: module.<lang>.yaml carries only these keys.
MODULE_TRANSLATION = Mapping({"title": Text(), "summary": Text(), "outcomes": OUTCOMES})
PROGRAMME_TRANSLATION = Mapping({
    "title": Text(), "subtitle": Text(), "aims": Text(max_length=20000), "outcomes": OUTCOMES,
    "occupation": Mapping({"name": Text()}), "rubric_scale": RUBRIC_SCALE,
})

"""Read the curriculum folder into documents, items and modules, noting unreadable files."""
import re
from dataclasses import dataclass, field
from pathlib import Path

from upskill.config import LANGUAGES
from upskill.curriculum.yamlfile import LineDict, YamlError, parse_yaml, split_front_matter

MODULE_FOLDER = re.compile(r"^(?P<number>\d{2})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)$")
ITEM_FILE = re.compile(
    r"^(?P<short>[LTW]\d{1,2})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)"
    r"(?P<teacher>\.teacher)?\.(?P<lang>[a-z]{2})\.md$"
)
LANG_YAML = re.compile(r"^(?P<stem>module|programme|quiz)(?:\.(?P<lang>[a-z]{2}))?\.yaml$")
KIND_OF_PREFIX = {"L": "lesson", "T": "task", "W": "worksheet"}
NARROW_SUFFIX = ".narrow.svg"
# machine-units.svg, machine-units.narrow.svg, and their translations machine-units.lt.svg, machine-units.narrow.lt.svg
FIGURE_FILE = re.compile(r"^(?P<stem>[a-z0-9]+(?:-[a-z0-9]+)*)(?P<narrow>\.narrow)?(?:\.(?P<lang>[a-z]{2}))?\.svg$")


def figure_file(name, lang="en", narrow=False):
    """Return the file of figure name (machine-units.svg) in a language: machine-units.narrow.lt.svg."""
    stem = name.removesuffix(".svg")
    return stem + (".narrow" if narrow else "") + ("" if lang == "en" else f".{lang}") + ".svg"


@dataclass
class Problem:
    """Something wrong in a curriculum file, at a line."""

    path: Path
    line: int
    message: str
    warning: bool = False  # a warning asks a person to look; it does not stop a sync

    def format(self, root):
        """Return 'path:line: message' with the path relative to the curriculum's parent."""
        try:
            shown = self.path.relative_to(root.parent)
        except ValueError:
            shown = self.path
        return f"{shown}:{self.line}: {'warning: ' if self.warning else ''}{self.message}"


def errors_of(problems):
    """Return the problems that are errors, not warnings."""
    return [problem for problem in problems if not problem.warning]


@dataclass
class Document:
    """One file in one language: its YAML (or front matter) and its Markdown body."""

    path: Path
    lang: str
    meta: LineDict
    body: str = ""
    body_line: int = 1
    raw: bytes = b""
    pin: dict | None = None  # a translation's `source:` (pins.py), taken out of its meta


@dataclass
class Item:
    """A lesson, task or quiz of a module, with its documents per language."""

    kind: str
    short_code: str
    slug: str
    module: "Module"
    student: dict = field(default_factory=dict)  # lang -> Document
    teacher: dict = field(default_factory=dict)  # lang -> Document

    @property
    def code(self):
        return f"{self.module.code}.{self.short_code}"

    @property
    def number(self):
        return int(self.short_code[1:]) if self.short_code[1:].isdigit() else 0


@dataclass
class Module:
    """A module folder: module.yaml and its translations, items and figures."""

    folder: Path
    number: int
    slug: str
    docs: dict = field(default_factory=dict)  # lang -> Document
    items: dict = field(default_factory=dict)  # short code -> Item
    figures: dict = field(default_factory=dict)  # file name -> Path
    narrow_figures: dict = field(default_factory=dict)  # wide figure's file name -> Path of its phone variant
    # A figure's text in another language: file name (machine-units.lt.svg, machine-units.narrow.lt.svg) -> Path
    translated_figures: dict = field(default_factory=dict)

    @property
    def code(self):
        return f"M{self.number:02d}"

    def ordered(self, kind):
        """Return this module's items of one kind, in code order."""
        return sorted((i for i in self.items.values() if i.kind == kind), key=lambda i: i.number)


@dataclass
class Curriculum:
    """Everything read from a curriculum folder."""

    root: Path
    programme: dict = field(default_factory=dict)  # lang -> Document
    revisions: Document | None = None
    glossary: list = field(default_factory=list)  # Documents, one per glossary file
    modules: list = field(default_factory=list)
    problems: list = field(default_factory=list)

    def module(self, code):
        """Return the module with this code, or None."""
        return next((m for m in self.modules if m.code == code), None)


def parse_document(path, raw, lang, markdown, front_matter_optional=False):
    """Return (Document, None), or (None, (line, message)) when the bytes cannot be read as one."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, (1, "the file is not UTF-8 text")
    try:
        if markdown:
            front, body, body_line = split_front_matter(text, optional=front_matter_optional)
            meta = parse_yaml(front, first_line=2) if front.strip() else LineDict(line=1)
        else:
            meta, body, body_line = parse_yaml(text), "", 1
    except YamlError as error:
        return None, (error.line, str(error))
    if meta is None:
        meta = LineDict()
    if not isinstance(meta, LineDict) and markdown:
        return None, (2, "front matter must be a mapping of keys to values")
    pin = meta.pop("source", None) if lang != "en" and isinstance(meta, dict) else None
    return Document(path=path, lang=lang, meta=meta, body=body, body_line=body_line, raw=raw, pin=pin), None


def read_curriculum(root):
    """Read the folder at root; unreadable files become problems, not exceptions."""
    root = Path(root)
    curriculum = Curriculum(root=root)
    if not root.is_dir():
        curriculum.problems.append(Problem(root, 1, "curriculum folder not found"))
        return curriculum
    reader = _Reader(curriculum)
    reader.read_top_level()
    for folder in sorted((root / "modules").glob("*")):
        reader.read_module(folder)
    for path in sorted((root / "glossary").glob("*")):
        reader.read_glossary(path)
    return curriculum


class _Reader:
    def __init__(self, curriculum):
        self.curriculum = curriculum

    def problem(self, path, line, message):
        self.curriculum.problems.append(Problem(path, line, message))

    def load(self, path, lang, markdown, front_matter_optional=False):
        """Load one file as a Document, or record why it cannot be read and return None."""
        document, problem = parse_document(path, path.read_bytes(), lang, markdown, front_matter_optional)
        if problem:
            self.problem(path, *problem)
        return document

    def check_language(self, path, lang):
        if lang not in LANGUAGES:
            self.problem(path, 1, f"unknown language '{lang}' (known: {', '.join(LANGUAGES)})")
            return False
        return True

    def read_top_level(self):
        root = self.curriculum.root
        for path in sorted(root.glob("programme*.yaml")):
            match = LANG_YAML.match(path.name)
            if not match or match["stem"] != "programme":
                self.problem(path, 1, "unexpected file name; use programme.yaml or programme.<lang>.yaml")
                continue
            lang = match["lang"] or "en"
            if lang == "en" and match["lang"]:
                self.problem(path, 1, "the English master is programme.yaml, without a language code")
                continue
            if self.check_language(path, lang) and (doc := self.load(path, lang, False)):
                self.curriculum.programme[lang] = doc
        if "en" not in self.curriculum.programme and not (root / "programme.yaml").exists():
            self.problem(root / "programme.yaml", 1, "programme.yaml is missing")
        revisions = root / "revisions.yaml"
        if revisions.exists():
            self.curriculum.revisions = self.load(revisions, "en", False)
        else:
            self.problem(revisions, 1, "revisions.yaml is missing")

    def read_module(self, folder):
        if not folder.is_dir():
            self.problem(folder, 1, "only module folders belong in modules/")
            return
        match = MODULE_FOLDER.match(folder.name)
        if not match:
            self.problem(folder, 1, "module folder name must be two digits, a dash and a slug, e.g. 04-injection-moulding")
            return
        module = Module(folder=folder, number=int(match["number"]), slug=match["slug"])
        self.curriculum.modules.append(module)
        for path in sorted(folder.iterdir()):
            if path.is_dir():
                self.read_figures(module, path)
            elif path.suffix == ".yaml":
                self.read_module_yaml(module, path)
            elif path.suffix == ".md":
                self.read_item_file(module, path)
            else:
                self.problem(path, 1, "unexpected file in a module folder")
        if "en" not in module.docs and not (folder / "module.yaml").exists():
            self.problem(folder / "module.yaml", 1, "module.yaml is missing")

    def read_figures(self, module, folder):
        if folder.name != "figures":
            self.problem(folder, 1, "the only sub-folder of a module is figures/")
            return
        for path in sorted(folder.iterdir()):
            match = FIGURE_FILE.match(path.name)
            if path.suffix != ".svg" or not path.is_file():
                self.problem(path, 1, "figures must be SVG files")
            elif not match:
                self.problem(path, 1, "unexpected figure file name; use name.svg, name.narrow.svg, name.<lang>.svg or name.narrow.<lang>.svg")
            elif match["lang"] == "en":
                self.problem(path, 1, "the English figure is the master, without a language code")
            elif match["lang"]:
                if self.check_language(path, match["lang"]):
                    module.translated_figures[path.name] = path
            elif match["narrow"]:
                module.narrow_figures[match["stem"] + ".svg"] = path
            else:
                module.figures[path.name] = path

    def read_module_yaml(self, module, path):
        match = LANG_YAML.match(path.name)
        if not match or match["stem"] == "programme":
            self.problem(path, 1, "unexpected YAML file; a module has module[.<lang>].yaml and quiz.<lang>.yaml")
            return
        if match["stem"] == "module":
            lang = match["lang"] or "en"
            if match["lang"] == "en":
                self.problem(path, 1, "the English master is module.yaml, without a language code")
            elif self.check_language(path, lang) and (doc := self.load(path, lang, False)):
                module.docs[lang] = doc
            return
        if not match["lang"]:
            self.problem(path, 1, "a quiz file names its language: quiz.en.yaml")
            return
        if self.check_language(path, match["lang"]):
            item = module.items.setdefault("Q", Item("quiz", "Q", "quiz", module))
            if doc := self.load(path, match["lang"], False):
                item.student[match["lang"]] = doc

    def read_item_file(self, module, path):
        match = ITEM_FILE.match(path.name)
        if not match:
            self.problem(path, 1, "file name must look like L1-some-slug.en.md, L1-some-slug.teacher.en.md, T1-some-slug.en.md or W1-some-slug.en.md")
            return
        if not self.check_language(path, match["lang"]):
            return
        short = match["short"]
        item = module.items.get(short)
        if item is None:
            item = module.items[short] = Item(KIND_OF_PREFIX[short[0]], short, match["slug"], module)
        elif item.slug != match["slug"]:
            self.problem(path, 1, f"{short} already has the slug '{item.slug}'; all files of an item share one slug")
            return
        # Teacher's notes may be plain Markdown; a lesson's still need the plan in front matter.
        if doc := self.load(path, match["lang"], True, front_matter_optional=bool(match["teacher"])):
            (item.teacher if match["teacher"] else item.student)[match["lang"]] = doc

    def read_glossary(self, path):
        if path.suffix != ".yaml" or not path.is_file():
            self.problem(path, 1, "glossary/ holds only .yaml files")
            return
        if doc := self.load(path, "en", False):
            self.curriculum.glossary.append(doc)

"""Every translated file beside its English master: translated, outdated or missing, per language."""
from dataclasses import dataclass

from upskill.curriculum import pins
from upskill.curriculum.source import Problem
from upskill.curriculum.text import count_words


@dataclass(frozen=True)
class Pair:
    """One English master file and, in one language, its translation (or None)."""

    code: str  # the item or module code, or the programme's
    module: str  # the module code ("" for the programme)
    master: object  # Document
    translation: object  # Document or None
    lang: str

    @property
    def state(self):
        if self.translation is None:
            return "missing"
        return "outdated" if pins.state_of(self.master, self.translation) != "current" else "translated"

    @property
    def words(self):
        return count_words(pins.english_text(self.master))


def pairs(curriculum, langs):
    """Yield a Pair for every English master file and every language in langs."""
    for lang in langs:
        if "en" in curriculum.programme:
            yield Pair("programme", "", curriculum.programme["en"], curriculum.programme.get(lang), lang)
        for module in curriculum.modules:
            if "en" in module.docs:
                yield Pair(module.code, module.code, module.docs["en"], module.docs.get(lang), lang)
            for item in sorted(module.items.values(), key=lambda i: i.code):
                for docs in (item.student, item.teacher):
                    if "en" in docs:
                        yield Pair(item.code, module.code, docs["en"], docs.get(lang), lang)


def pin_warnings(curriculum, langs):
    """A warning for every translation made from an English text that has changed since (or unpinned)."""
    problems = []
    for pair in pairs(curriculum, langs):
        if pair.translation is None:
            continue
        state = pins.state_of(pair.master, pair.translation)
        if state == "outdated":
            pin = pins.pin_of(pair.translation)
            problems.append(Problem(pair.translation.path, 1, (
                f"outdated: made from the English of revision {pin.revision}, and {pair.master.path.name} has "
                f"changed since; see `curriculum translations --diff {pair.code} --lang {pair.lang}`"), warning=True))
        elif state == "unpinned":
            problems.append(Problem(pair.translation.path, 1, (
                "does not say which English text it was made from (source: revision and sha256); "
                f"`curriculum translations --mark-current {pair.code} --lang {pair.lang}` records it"), warning=True))
    return problems

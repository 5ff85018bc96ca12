"""A line diff of two texts, in hunks with a few lines of context, for the change log."""
import difflib
from dataclasses import dataclass

CONTEXT_LINES = 3


@dataclass(frozen=True)
class DiffLine:
    """One line of a diff: kind is 'same', 'added' or 'removed'; line numbers in the old and the new text."""

    kind: str
    old_number: int | None
    new_number: int | None
    text: str


@dataclass(frozen=True)
class TextDiff:
    """The hunks of a diff and how many lines were added and removed."""

    hunks: list
    added: int
    removed: int

    @property
    def changed(self):
        return bool(self.added or self.removed)


def line_diff(old, new, context=CONTEXT_LINES):
    """Return the TextDiff that turns the old text into the new one, line by line."""
    old_lines, new_lines = (old or "").splitlines(), (new or "").splitlines()
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    hunks, added, removed = [], 0, 0
    for group in matcher.get_grouped_opcodes(context):
        hunk = []
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                hunk += [DiffLine("same", i + 1, j1 + (i - i1) + 1, old_lines[i]) for i in range(i1, i2)]
                continue
            hunk += [DiffLine("removed", i + 1, None, old_lines[i]) for i in range(i1, i2)]
            hunk += [DiffLine("added", None, j + 1, new_lines[j]) for j in range(j1, j2)]
            removed += i2 - i1
            added += j2 - j1
        hunks.append(hunk)
    return TextDiff(hunks=hunks if added or removed else [], added=added, removed=removed)

"""Text helpers for search: folding that keeps positions, and word counts."""
import unicodedata


def fold(text):
    """Lower-case text and strip accents, one character for one, so positions still match."""
    return "".join(_fold_char(c) for c in text)


def _fold_char(char):
    if char.isascii():
        return char.lower()
    base = unicodedata.normalize("NFKD", char)[:1] or char
    return base.lower()[:1] or char


def count_words(text):
    """Count the words of a plain text."""
    return len(text.split())


def iter_strings(value):
    """Yield every string inside nested dicts and lists."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for child in value.values():
            yield from iter_strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from iter_strings(child)

"""Alphabetical order in each language, for the glossary index, term lists, class lists and CSV.

Each language orders words by its own alphabet. In Lithuanian Č, Š and Ž are letters of their
own that follow C, S and Z, while Ą, Ę, Ė, Į, Ų, Ū sort with A, E, I, U and Y with I; in Finnish
Å, Ä and Ö are the last three letters, after Z; in French and English accents only break ties.
A word's key is its letters' places in the alphabet first, then its accents, then its case, so
that "Šaltis" follows every "S" word in Lithuanian and "éclat" sorts with "eclat" in French.
"""
import unicodedata
from functools import lru_cache

# Letters that come after another letter as letters of their own, in alphabet order.
OWN_LETTERS = {
    "lt": {"č": "c", "š": "s", "ž": "z"},
    "fi": {"å": "z", "ä": "z", "ö": "z"},
}
# Letters that sort as another letter in the first comparison.
SAME_AS = {
    "lt": {"y": "i"},
}


def sort_key(text, lang):
    """Return a key that orders text alphabetically in lang."""
    return (_letters(text, lang), _accents(text), text)


def initial(text, lang):
    """Return the letter a word is listed under in lang's index: Š in Lithuanian, S for Šaltis in French."""
    first = text[:1].lower()
    if first in OWN_LETTERS.get(lang, {}):
        return first.upper()
    base = _base(first)
    return base.upper() if base.isalpha() else "#"


def _letters(text, lang):
    return tuple(_place(char, lang) for char in text.lower() if char.isalnum())


@lru_cache(maxsize=4096)
def _place(char, lang):
    """Where a letter stands in lang's alphabet: (base letter, rank among the letters that follow it)."""
    own = OWN_LETTERS.get(lang, {})
    if char in own:
        after = own[char]
        return (after, 1 + list(own).index(char))
    base = _base(char)
    return (SAME_AS.get(lang, {}).get(char, base), 0)


def _accents(text):
    return tuple(char != _base(char) for char in text.lower() if char.isalnum())


@lru_cache(maxsize=4096)
def _base(char):
    return unicodedata.normalize("NFKD", char)[:1] or char

"""Words reduced to their stems in each language (Snowball), folded, for search and term checks.

Lithuanian and Finnish are inflected languages: "džiovinimo", "džiovinimas" and "džiovinti" are
one word to a reader. Snowball's stemmers cut endings, but not always to the same stem
(džiovinimas becomes "džiovinim", džiovinti "džiov"), so two stems are taken as one word when
they are equal or one begins the other and the shorter has at least ROOT_LENGTH letters.
"""
import re
import threading
from functools import lru_cache

import snowballstemmer

from upskill.curriculum.text import fold

ALGORITHMS = {"en": "english", "lt": "lithuanian", "fi": "finnish", "fr": "french"}
ROOT_LENGTH = 4
TOKEN = re.compile(r"[0-9a-z]+")
WORD = re.compile(r"\w+")
_local = threading.local()  # a Snowball stemmer keeps state while it works: one per thread


def stems(text, lang):
    """Return the folded stems of the words of text, in order, as lang's stemmer makes them."""
    return [stem for word in WORD.findall(text.lower()) for stem in _stem_tokens(word, lang)]


def same_word(stem, other):
    """Tell whether two stems are taken as forms of one word."""
    if stem == other:
        return True
    shorter, longer = sorted((stem, other), key=len)
    return len(shorter) >= ROOT_LENGTH and longer.startswith(shorter)


@lru_cache(maxsize=65536)
def _stem_tokens(word, lang):
    return tuple(TOKEN.findall(fold(_stemmer(lang).stemWord(word))))


def _stemmer(lang):
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if lang not in stemmers:
        stemmers[lang] = snowballstemmer.stemmer(ALGORITHMS.get(lang, "english"))
    return stemmers[lang]

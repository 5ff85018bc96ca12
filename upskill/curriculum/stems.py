"""Search tokens: every word stemmed in its text's language, folded, cut to [0-9a-z] runs.

The tokens of a text are stored at sync (`ItemText.search_stems`) and indexed by the database;
a query is cut into tokens the same way, so a Lithuanian reader's *džiovinimas* and the text's
*džiovinimo* meet at the token `dziovinim`. Change STEMS_VERSION whenever the tokens a text
gets would change: the next sync then stores the new tokens of every text.
"""
import re
import threading
from functools import lru_cache

import snowballstemmer

from upskill.curriculum.text import fold

STEMS_VERSION = 1
# Snowball does not always cut the forms of one word to one stem (džiovinimas gives "dziovinim",
# džiovinti "dziov"): a stem that begins another and has at least this many letters is its root.
MIN_SHORTER_STEM = 4
STEMMERS = {"en": "english", "lt": "lithuanian", "fi": "finnish", "fr": "french"}
WORD = re.compile(r"\w+")
TOKEN = re.compile(r"[0-9a-z]+")

_local = threading.local()  # a Snowball stemmer keeps state while it works: one per thread


def _stemmer(lang):
    stemmers = _local.__dict__.setdefault("stemmers", {})
    if lang not in stemmers:
        stemmers[lang] = snowballstemmer.stemmer(STEMMERS.get(lang, "english"))
    return stemmers[lang]


@lru_cache(maxsize=65536)
def word_tokens(word, lang):
    """Return the tokens of one word (the run of letters and digits a text is split into)."""
    return tuple(TOKEN.findall(fold(_stemmer(lang).stemWord(word.lower()))))


def tokens(text, lang):
    """Return the tokens of a text in lang, in order."""
    return [token for word in WORD.findall(text) for token in word_tokens(word, lang)]


def stems_of(text, lang):
    """Return the tokens of a text as the space-separated string that is stored and indexed."""
    return " ".join(tokens(text, lang))


def same_word(stem, other):
    """Tell whether two tokens are taken as forms of one word: equal, or one the other's root."""
    if stem == other:
        return True
    shorter, longer = sorted((stem, other), key=len)
    return len(shorter) >= MIN_SHORTER_STEM and longer.startswith(shorter)

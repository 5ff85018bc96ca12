"""A search query as search tokens: what each word matches, in the syntax of each database.

A query word with the stem s matches a text's token t when t starts with s (dziovinim matches
dziovinimo's dziovinim and dziovinimui's dziovinimu...) or when t is a shorter stem of the same
root, a prefix of s of at least MIN_SHORTER_STEM characters (dziovinti's dziov). A long stem
gives up its last letter first, which may still belong to an ending: Finnish kuivaus (stem
kuivaus) then finds kuivauksen (kuivauks). Tokens hold
only [0-9a-z], so nothing a reader types reaches the query syntax of the database as syntax.
"""
from dataclasses import dataclass
from functools import cached_property

from upskill.curriculum.stems import MIN_SHORTER_STEM, tokens

MAX_WORDS = 8
MIN_WORD = 2
LONG_STEM = 6


@dataclass(frozen=True)
class WordMatch:
    """One word of a query: its stem, matched as a prefix, and the shorter stems of its root."""

    stem: str

    @cached_property
    def prefix(self):
        """What every token this word matches as a prefix begins with."""
        return self.stem[:-1] if len(self.stem) >= LONG_STEM else self.stem

    @cached_property
    def shorter(self):
        return tuple(self.stem[:length] for length in range(MIN_SHORTER_STEM, len(self.prefix)))

    @property
    def root(self):
        """The first characters of every word whose tokens this word can match.

        A stemmer may change the last letter it keeps (English dry -> dri), so a short stem
        leaves its last letter out of the root.
        """
        return self.stem[:max(1, min(MIN_SHORTER_STEM, len(self.stem) - 1))]

    def matches(self, token):
        return token.startswith(self.prefix) or token in self.shorter

    def count_in(self, padded_stems):
        """Count the tokens this word matches in a stems string padded with a space at each end."""
        return padded_stems.count(" " + self.prefix) + sum(padded_stems.count(f" {s} ") for s in self.shorter)

    def fts5(self):
        return "(" + " OR ".join([f'"{self.prefix}"*', *(f'"{s}"' for s in self.shorter)]) + ")"

    def tsquery(self):
        return "(" + " | ".join([f"{self.prefix}:*", *self.shorter]) + ")"


@dataclass(frozen=True)
class SearchQuery:
    """The words of a query, stemmed in the language of the texts they are to find."""

    lang: str
    words: tuple

    def fts5(self):
        """The query as an SQLite FTS5 MATCH expression: every word must match."""
        return " AND ".join(word.fts5() for word in self.words)

    def tsquery(self):
        """The query for PostgreSQL's to_tsquery('simple', ...): every word must match."""
        return " & ".join(word.tsquery() for word in self.words)

    def counts(self, stems):
        """Return how many tokens of stems each word matches."""
        padded = f" {stems} "
        return [word.count_in(padded) for word in self.words]

    def matches(self, token):
        return any(word.matches(token) for word in self.words)

    @property
    def roots(self):
        return tuple(dict.fromkeys(word.root for word in self.words))


def parse(query, lang):
    """Return the query's distinct words of at least MIN_WORD characters, stemmed in lang."""
    stems = [stem for stem in dict.fromkeys(tokens(query, lang)) if len(stem) >= MIN_WORD]
    return SearchQuery(lang, tuple(WordMatch(stem) for stem in stems[:MAX_WORDS]))

"""The interface's English strings, read from the catalogues, and the ones a page shows that it should not.

The oracle is the message catalogues: our own (upskill/translations) and WTForms' (its default
form errors). A message is untranslated in a language if its msgstr there is empty or the msgid.
"""
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po
from wtforms.i18n import messages_path

OUR_CATALOGUES = (Path(__file__).resolve().parent.parent / "upskill" / "translations", "messages")
WTFORMS_CATALOGUES = (Path(messages_path()), "wtforms")
# Placeholders and markup split a message into the runs of words a page shows as they are.
SPLITTERS = re.compile(r"%\(\w+\)[sdfr]|%[sd]|<[^>]*>")
WORD = re.compile(r"[^\W\d_]{2,}")
MIN_WORDS = 2  # "OK", "PDF" or a single word can be the same in every language


@dataclass(frozen=True)
class Message:
    """One run of English words of a catalogue message, and that message's translation in a language."""

    english: str
    msgid: str
    translation: str

    def why(self):
        if not self.translation or self.translation == self.msgid:
            return "untranslated in the catalogue"
        return f"the catalogue has “{self.translation}”, the page does not use it"


def runs_of_words(msgid):
    """The parts of msgid between placeholders and markup, long enough to be telling."""
    parts = (part.strip(" \t\n.,:;!?()[]“”‘’\"'·–-") for part in SPLITTERS.split(msgid))
    return [part for part in parts if len(WORD.findall(part)) >= MIN_WORDS]


def _read(path):
    with open(path, "rb") as handle:
        return read_po(handle)


def _messages(folder, domain, lang):
    template = _read(folder / f"{domain}.pot")
    translated = folder / lang / "LC_MESSAGES" / f"{domain}.po"
    catalogue = _read(translated) if translated.exists() else None
    for message in template:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        found = catalogue.get(message.id) if catalogue else None
        strings = (found.string if isinstance(found.string, tuple) else (found.string,)) if found else ("",)
        untranslated = not strings[0] or strings[0] == ids[0]
        for msgid in ids:
            for run in runs_of_words(msgid):
                # A run kept as it is in a real translation is a name or a code, not English left over.
                if untranslated or not any(run in string for string in strings):
                    yield Message(run, ids[0], strings[0])


@cache
def english_messages(lang):
    """Map each telling run of English words of the interface to its message, for lang."""
    found = {}
    for folder, domain in (OUR_CATALOGUES, WTFORMS_CATALOGUES):
        for message in _messages(folder, domain, lang):
            found.setdefault(message.english, message)
    return found


@cache
def _english_pattern(lang):
    runs = sorted(english_messages(lang), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, runs)) + r")(?!\w)")


def english_in(text, lang):
    """The interface messages whose English appears in text."""
    messages = english_messages(lang)
    return [messages[found] for found in _english_pattern(lang).findall(text)]

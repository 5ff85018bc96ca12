"""The base of every form here: WTForms' own messages (a date it cannot read, a choice not offered) in our words.

WTForms ships no Lithuanian catalogue, so its built-in messages reached Lithuanian pages in English.
The ones our forms can show are said here, through our catalogues; any other goes to WTForms' own.
"""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.i18n import translations as wtforms_translations

# WTForms' message (the singular of a plural one) -> ours. WTForms fills in %(max)d and the like itself.
OUR_WORDS = {
    "Not a valid choice.": _l("Choose one of the options offered."),
    "'%(value)s' is not a valid choice for this field.": _l("Choose only among the options offered."),
    "Not a valid date value.": _l("Give the date as year-month-day, for example 2026-09-01."),
    "Field cannot be longer than %(max)d character.": _l("At most %(max)d characters."),
    "Not a valid integer value.": _l("Give a whole number, for example 12."),
}


class OurMessages:
    """WTForms' translations object, answering with our words where we have them."""

    def gettext(self, string):
        return str(OUR_WORDS[string]) if string in OUR_WORDS else wtforms_translations.gettext(string)

    def ngettext(self, singular, plural, n):
        if singular in OUR_WORDS:
            return str(OUR_WORDS[singular])
        return wtforms_translations.ngettext(singular, plural, n)


class Form(FlaskForm):
    """A Flask-WTF form whose built-in messages are in the reader's language."""

    class Meta:
        def get_translations(self, form):
            return OurMessages()

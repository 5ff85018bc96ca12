"""The request every view reads: a part of a form sent without a name is no field of it.

Werkzeug keeps a multipart part whose name it cannot read (`name="\\"`, a line break in the name)
under the key None; Flask-WTF's CSRF check, and any view looping over the form, then fail on a key
that is not text. Such a part is dropped where the body is parsed, before anything reads it.
"""
from flask import Request
from werkzeug.formparser import FormDataParser


def _named_only(fields):
    """The same kind of MultiDict without the entries whose name is None."""
    return type(fields)((name, value) for name, value in fields.items(multi=True) if name is not None)


class NamedFieldsParser(FormDataParser):
    """Parse a form body as Werkzeug does, then drop the nameless parts."""

    def parse(self, *args, **kwargs):
        stream, form, files = super().parse(*args, **kwargs)
        for storage in files.getlist(None):
            storage.close()  # a file part dropped here is closed here: the request closes only those it keeps
        return stream, _named_only(form), _named_only(files)


class UpskillRequest(Request):
    """Flask's request, with a form parser that keeps named fields only."""

    form_data_parser_class = NamedFieldsParser

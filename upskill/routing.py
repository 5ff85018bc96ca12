"""Address converters: a part of an address is something a database column can hold, or it is not found.

Werkzeug's own int converter takes any run of digits, of any script and any length: `/teach/attempts/
99999999999999999999999/` reached the database as a number no column holds and failed there (500).
Here the digits are ASCII and the number fits the id columns (PostgreSQL's integer), else 404.
Its text converter lets NUL through (`/changes/items/%00/`), which PostgreSQL refuses in any text:
here such a part is not found either.
"""
from werkzeug.routing import IntegerConverter, UnicodeConverter, ValidationError

LARGEST_ID = 2 ** 31 - 1


class RecordId(IntegerConverter):
    """A record's id in an address: ASCII digits, at most LARGEST_ID."""

    regex = r"[0-9]+"

    def __init__(self, map, fixed_digits=0, min=None, max=LARGEST_ID, signed=False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


class Text(UnicodeConverter):
    """A part of an address that is text: anything but a slash and NUL."""

    def to_python(self, value):
        if "\x00" in value:
            raise ValidationError()
        return value


def init_app(app):
    """Make `<int:...>` a RecordId and `<name>` Text in every route the app registers from now on."""
    app.url_map.converters.update({"int": RecordId, "default": Text, "string": Text})

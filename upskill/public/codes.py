"""URL codes of modules and items: canonical forms, redirects for other spellings, 404s."""
import re

from urllib.parse import urlencode

from flask import abort, redirect, request, url_for
from flask_babel import gettext as _

MODULE_CODE = re.compile(r"M\d{2}")
ITEM_CODE = re.compile(r"[LTW]\d{1,2}|Q")


def canonical_or_abort(endpoint, module, item=None, **values):
    """Return None when the codes are canonical, a redirect when only their case is off; else 404."""
    upper_module, upper_item = module.upper(), item.upper() if item else None
    if not MODULE_CODE.fullmatch(upper_module) or (item is not None and not ITEM_CODE.fullmatch(upper_item)):
        abort(404, description=_("That is not a module or item code (they look like M04 and M04/L2)."))
    if (upper_module, upper_item) == (module, item):
        return None
    values = {"module": upper_module, **({"item": upper_item} if item else {}), **values}
    # The query is carried over as text: handed to url_for, names such as _external, _method or
    # endpoint would be taken as its own arguments.
    query = urlencode(request.args.to_dict(flat=False), doseq=True)
    return redirect(url_for(endpoint, **values) + (f"?{query}" if query else ""), code=301)

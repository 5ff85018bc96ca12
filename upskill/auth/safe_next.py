"""Where to go after signing in: only a path on this site."""
import re

# A path such as /curriculum/M04/L2/?lang=lt; not //host, /\host, a scheme, or control characters.
SAFE_PATH = re.compile(r"/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*")


def safe_next(target, default="/"):
    """Return target when it is a path on this site, else default."""
    if target and len(target) <= 500 and SAFE_PATH.fullmatch(target) and "\\" not in target:
        return target
    return default

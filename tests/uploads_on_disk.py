"""Where uploaded files ended up: any file named like a hostile probe outside the uploads folder."""
import os
import tempfile
from pathlib import Path

from tests.hostile import PROBE

ROOT = Path(__file__).resolve().parent.parent


def _named_like_the_probe(folder, depth):
    """Files and folders under folder (depth levels down) whose name has the probe in it."""
    found = []
    folder = Path(folder)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found
    for entry in entries:
        if PROBE in entry.name:
            found.append(Path(entry.path))
        if depth > 0 and entry.is_dir(follow_symlinks=False):
            found.extend(_named_like_the_probe(entry.path, depth - 1))
    return found


def probes_outside(uploads):
    """Every probe-named file in the places a climbing file name reaches, or in uploads itself.

    Uploads are stored under the hash of their content, so not even the uploads folder may hold
    a file under the name it was sent with.
    """
    places = {Path("/"): 0, Path(tempfile.gettempdir()): 1, Path(uploads).parent: 1, Path(uploads): 4,
              ROOT: 1, ROOT / "instance": 3, Path.home(): 0, Path.cwd(): 1}
    found = set()
    for place, depth in places.items():
        found.update(_named_like_the_probe(place, depth))
    return sorted(found)

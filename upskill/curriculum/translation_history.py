"""The English text a translation was made from, found again in git by its hash."""
import subprocess

from upskill.curriculum import pins
from upskill.curriculum.source import parse_document

MAX_VERSIONS = 200


def _git(folder, *args):
    return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, timeout=30, check=False)


def commit_of_pin(master, sha256):
    """Return the newest commit whose version of master's file has this English hash, or None."""
    folder = master.path.parent
    listed = _git(folder, "log", f"--max-count={MAX_VERSIONS}", "--format=%H", "--", master.path.name)
    if listed.returncode != 0:
        return None
    markdown = master.path.suffix == ".md"
    optional = ".teacher." in master.path.name
    for commit in listed.stdout.decode().split():
        shown = _git(folder, "show", f"{commit}:./{master.path.name}")
        if shown.returncode != 0:
            continue
        document, problem = parse_document(master.path, shown.stdout, "en", markdown, optional)
        if document is not None and pins.english_hash(document) == sha256:
            return commit
    return None


def english_changes(master, pin):
    """The diff of the English file since the version the translation was made from, as text."""
    commit = commit_of_pin(master, pin.sha256)
    if commit is None:
        return None
    shown = _git(master.path.parent, "diff", commit, "--", master.path.name)
    return shown.stdout.decode("utf-8", "replace") if shown.returncode == 0 else None

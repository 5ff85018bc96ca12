"""Files in a folder of this machine (instance/uploads/, instance/books/): owner-only, written atomically."""
import os
import shutil
import socket
import tempfile
from pathlib import Path

from flask import send_file

from upskill.security import private_folder
from upskill.storage.base import NotStored, Storage, StoredObject, check_name, check_prefix

PARTIAL = ".partial-"  # temporary files of writes in progress: .partial-<host>-<pid>-<random>


class LocalStorage(Storage):
    """A folder on this machine, with files at root/<name> (the layout installations already have)."""

    def __init__(self, root):
        self.root = Path(root)

    def __repr__(self):
        return f"LocalStorage({str(self.root)!r})"

    def path(self, name):
        """Return where the file called name lives (whether it exists or not)."""
        return self.root / check_name(name)

    def put(self, name, data):
        target = self.path(name)
        private_folder(target.parent)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f"{PARTIAL}{socket.gethostname()}-{os.getpid()}-")
        try:
            with os.fdopen(handle, "wb") as out:
                if isinstance(data, (bytes, bytearray, memoryview)):
                    out.write(data)
                else:
                    shutil.copyfileobj(data, out, 1024 * 1024)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temporary, 0o600)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def open(self, name):
        try:
            return open(self.path(name), "rb")
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise NotStored(name) from None

    def stat(self, name):
        try:
            found = os.stat(self.path(name))
        except (FileNotFoundError, NotADirectoryError):
            return None
        if not os.path.isfile(self.path(name)):
            return None
        return StoredObject(name, found.st_size, found.st_mtime, f"{found.st_mtime_ns:x}-{found.st_size:x}")

    def delete(self, name):
        self.path(name).unlink(missing_ok=True)

    def list(self, prefix=""):
        check_prefix(prefix)
        if not self.root.is_dir():
            return
        names = []
        for folder, subfolders, files in os.walk(self.root):
            subfolders[:] = [sub for sub in subfolders if not sub.startswith(".")]
            relative = Path(folder).relative_to(self.root).as_posix()
            for file in files:
                name = file if relative == "." else f"{relative}/{file}"
                if not file.startswith(".") and name.startswith(prefix):
                    names.append(name)
        yield from sorted(names)

    def send(self, name, *, mimetype, download_name, as_attachment=False, etag=None, last_modified=None,
             max_age=None, conditional=True):
        path = self.path(name)
        if not path.is_file():
            raise NotStored(name)
        return send_file(path, mimetype=mimetype, as_attachment=as_attachment, download_name=download_name,
                         conditional=conditional, etag=etag if etag is not None else True,
                         last_modified=last_modified, max_age=max_age)

    def clear_abandoned(self):
        """Delete the temporary files of writes on this host whose process has died."""
        removed = 0
        host = socket.gethostname()
        for path in self.root.rglob(PARTIAL + "*") if self.root.is_dir() else ():
            owner_host, _, pid = path.name.removeprefix(PARTIAL).rpartition("-")[0].rpartition("-")
            if owner_host == host and pid.isdigit() and not _alive(int(pid)):
                path.unlink(missing_ok=True)
                removed += 1
        return removed


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

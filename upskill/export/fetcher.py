"""The only way a book reaches a file: our own static files and curriculum figures, nothing else.

Book HTML names its files by site path (`/static/fonts/x.ttf`, `/curriculum/M04/figures/x.svg`),
which arrive here as they are, or joined to the base URL `upskill://book/`. Any other scheme
(file:, http:, data:) and any path outside the two folders is refused, and a refused resource fails the build: a book with
a missing figure or font is broken, not shipped.
"""
import mimetypes
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

BASE_URL = "upskill://book/"
FIGURE_PATH = re.compile(r"^/curriculum/(M\d{2})/figures/([a-z0-9][a-z0-9._-]{0,100}\.svg)$")


class RefusedResource(FatalURLFetchingError):
    """A book asked for something outside the project's own static and curriculum files."""


class ProjectFileFetcher(URLFetcher):
    """Serves static/ and the curriculum's figures to WeasyPrint; refuses everything else."""

    def __init__(self, static_dir, curriculum_dir):
        super().__init__(allowed_protocols=set())
        self.static_dir = Path(static_dir).resolve()
        self.modules_dir = Path(curriculum_dir).resolve() / "modules"

    def fetch(self, url, headers=None):
        path = self.resolve(url)
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": mime})

    def resolve(self, url):
        """Return the file a book URL names, or raise RefusedResource."""
        parts = urlsplit(url)
        own = (parts.scheme, parts.netloc) in (("upskill", "book"), ("", "")) and url.startswith(("/", BASE_URL))
        if not own or parts.query:
            raise RefusedResource(f"books may use only their own files, not {url[:200]}")
        path = unquote(parts.path)
        if path.startswith("/static/"):
            return self._inside(self.static_dir, path.removeprefix("/static/"), url)
        if found := FIGURE_PATH.match(path):
            folders = sorted(self.modules_dir.glob(f"{found[1][1:]}-*/figures"))
            if folders:
                return self._inside(folders[0], found[2], url)
        raise RefusedResource(f"no such book resource: {url[:200]}")

    @staticmethod
    def _inside(folder, relative, url):
        candidate = (folder / relative).resolve()
        if not candidate.is_relative_to(folder) or not candidate.is_file():
            raise RefusedResource(f"no such book resource: {url[:200]}")
        return candidate

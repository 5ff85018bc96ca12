"""One simulated person: a signed-in session of its own, every request timed and recorded."""
import re
import threading
import time
from dataclasses import dataclass

import requests

USER_AGENT = "upskill-journey-load/1"  # a browser keeps one user agent, and the session is tied to it
TIMEOUT = 30
CSRF = re.compile(r'name="csrf_token"[^>]*? value="([^"]+)"')


@dataclass(frozen=True)
class Sample:
    """One request: its kind, when it started (monotonic), how long it took, its status or error."""

    kind: str
    started: float
    seconds: float
    status: int | None
    error: str | None  # None when the status was the expected one


class Recorder:
    """Collects every sample and every acknowledgement from all clients (thread-safe)."""

    def __init__(self):
        self.samples, self.hand_ins, self.grades = [], [], []
        self._lock = threading.Lock()

    def sample(self, sample):
        with self._lock:
            self.samples.append(sample)

    def handed_in(self, email, code, submission_key, files):
        with self._lock:
            self.hand_ins.append((email, code, submission_key, files))

    def graded(self, email, attempt_id, decision):
        with self._lock:
            self.grades.append((email, attempt_id, decision))


class Client:
    """A person using the site from one base URL (loopback only), as a browser would."""

    def __init__(self, bases, email, password, recorder):
        for base in bases:
            if not base.startswith(("http://127.0.0.1:", "http://localhost:", "http://[::1]:")):
                raise ValueError(f"the load runs on loopback only, not {base}")
        self.bases, self.email, self.password, self.recorder = list(bases), email, password, recorder
        self.session = requests.Session()
        # A new connection per request: a kept-alive one that the server closes as the next request
        # goes out would be an error of the client, not of the site.
        self.session.headers.update({"User-Agent": USER_AGENT, "Connection": "close"})
        self.turn = 0
        self.failures = 0  # requests of this client that did not get the expected answer
        self.signed_in = False
        self.between_steps = lambda: True  # the pause between two steps of one action, set by the run: go on?

    def request(self, kind, method, path, expect=200, **options):
        """Send one request (to the next node, when there are several); record it; return the response or None."""
        base = self.bases[self.turn % len(self.bases)]
        self.turn += 1
        started = time.monotonic()
        try:
            response = self.session.request(method, base + path, timeout=TIMEOUT, allow_redirects=False, **options)
        except requests.RequestException as failure:
            self.record_failure(kind, type(failure).__name__, started)
            return None
        seconds = time.monotonic() - started
        error = None if response.status_code == expect else f"HTTP {response.status_code}"
        self.recorder.sample(Sample(kind, started, seconds, response.status_code, error))
        self.failures += error is not None
        return response if error is None else None

    def record_failure(self, kind, error, started=None):
        """Record a request that got no answer (or one the client could not read)."""
        started = time.monotonic() if started is None else started
        self.recorder.sample(Sample(kind, started, time.monotonic() - started, None, error))
        self.failures += 1

    def sign_in(self):
        """Sign in through the form; return whether it worked."""
        page = self.request("sign in", "GET", "/login")
        token = page and CSRF.search(page.text)
        if not token:
            return False
        done = self.request("sign in", "POST", "/login", expect=303,
                            data={"csrf_token": token.group(1), "email": self.email, "password": self.password})
        self.signed_in = done is not None and "/login" not in done.headers.get("Location", "/login")
        return self.signed_in

"""Run the students and teachers together for a bounded time: everyone signs in, then all start at once."""
import functools
import random
import threading
import time

from bench.journey.baseline import Probe
from bench.journey.client import Recorder
from bench.journey.student import Student, think
from bench.journey.teacher import Teacher

SIGN_IN_SECONDS = 300  # the longest everybody may take to sign in before the load starts
PAUSE_AFTER_FAILURE = 0.5  # a client whose request failed (a node restarting) waits before the next one


class LoadRun:
    """The load in background threads: start(), then wait(); recorder holds samples and acknowledgements."""

    def __init__(self, bases, cast, seconds, think_seconds=0.5, seed=1):
        self.recorder = Recorder()
        self.seconds, self.think_seconds = seconds, think_seconds
        rng = random.Random(seed)
        self.people = [Student(bases, email, cast.password, self.recorder, cast, random.Random(rng.random()))
                       for email in cast.students]
        self.people += [Teacher(bases, email, cast.password, self.recorder, random.Random(rng.random()))
                        for email in cast.teachers]
        self.clients = [*self.people, Probe(bases, self.recorder)]
        for client in self.clients:
            client.between_steps = functools.partial(self._pause, client)
        self.started = self.deadline = None
        self._ready = threading.Barrier(len(self.clients) + 1, action=self._start_clock)
        self._threads = [threading.Thread(target=self._live, args=(client,), daemon=True) for client in self.clients]

    def start(self):
        """Sign everybody in (not timed as load), then release them all; return when the clock starts."""
        began = time.monotonic()
        for thread in self._threads:
            thread.start()
        self._ready.wait(timeout=SIGN_IN_SECONDS)
        self.sign_in_seconds = self.started - began
        return self

    def _start_clock(self):
        self.started = time.monotonic()
        self.deadline = self.started + self.seconds

    def stop(self):
        """End the load now (each client after its current request), before its time is up."""
        self.deadline = min(self.deadline, time.monotonic())

    def wait(self):
        """Wait until every client has stopped (at the deadline, plus its last request); return the recorder."""
        for thread in self._threads:
            thread.join()
        return self.recorder

    @property
    def signed_in(self):
        return sum(person.signed_in for person in self.people)

    def _live(self, client):
        try:
            client.sign_in()
        finally:
            self._ready.wait(timeout=SIGN_IN_SECONDS)
        if not client.signed_in:
            return
        self._pause(client)  # nobody clicks in the same millisecond as everybody else
        while time.monotonic() < self.deadline:
            failures = client.failures
            try:
                client.act()
            except Exception as unexpected:  # a page the client could not read: counted, and the run goes on
                client.record_failure("read the page", type(unexpected).__name__)
            self._pause(client, failed=client.failures > failures)

    def _pause(self, client, failed=False):
        """A person's pause before their next request (a short one after a failure), never past the deadline;
        return whether the run goes on after it."""
        think(client.rng, PAUSE_AFTER_FAILURE if failed else self.think_seconds, self.deadline)
        return time.monotonic() < self.deadline


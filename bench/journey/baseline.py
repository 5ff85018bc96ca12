"""The baseline of a load run: the cheapest request (/healthz, one query), asked throughout at one person's pace.

Its latency under the same load, on the same machine, in the same run, is what every other kind
of request is compared with: the ratio says what the page's own work costs, whatever else the
machine was doing.
"""
import random

from bench.journey.client import Client

BASELINE = "baseline"


class Probe(Client):
    """Not a person: needs no account, and asks only for /healthz."""

    def __init__(self, bases, recorder):
        super().__init__(bases, "", "", recorder)
        self.rng = random.Random(0)  # its pauses between two requests, like a person's

    def sign_in(self):
        self.signed_in = True
        return True

    def act(self):
        self.request(BASELINE, "GET", "/healthz")

"""Login throttling per address and per account, shared by every worker through Redis when configured.

Every sign-in attempt counts against the address it comes from; failed attempts count against
the account they name. Without UPSKILL_REDIS_URL the counts live in this process. If Redis stops
answering, the counts fall back to this process (the same limits, per worker) rather than letting
everybody through or locking everybody out; the app's Redis link says so once and tries Redis
again after a few seconds.
"""
from flask import current_app
from limits import parse
from limits.storage import MemoryStorage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

from upskill.redis_link import redis_link

EXTENSION_KEY = "upskill.login_throttle"


class LoginThrottle:
    """Moving-window counts of sign-in attempts, in Redis through link when it answers, else here."""

    def __init__(self, link, per_address, per_account):
        self.link = link
        self.fallback = MovingWindowRateLimiter(MemoryStorage())
        self.shared = None
        if link.configured:  # the link's client, with its timeouts, carries the limits too
            storage = storage_from_string(link.url, connection_pool=link.client.connection_pool)
            self.shared = MovingWindowRateLimiter(storage)
        self.per_address = parse(per_address)
        self.per_account = parse(per_account)

    def _run(self, method, *args):
        if self.shared is not None and self.link.worth_trying():
            try:
                result = getattr(self.shared, method)(*args)
            except Exception as error:  # noqa: BLE001  any storage failure: count in this process instead
                self.link.failed(error, "the login throttle counts in each worker")
            else:
                self.link.answered()
                return result
        return getattr(self.fallback, method)(*args)

    def attempt_allowed(self, address, email):
        """Count an attempt from address; tell whether both the address and the account may try now."""
        address_ok = self._run("hit", self.per_address, "address", address)
        account_ok = self._run("test", self.per_account, "account", email)
        return address_ok and account_ok

    def failed(self, email):
        self._run("hit", self.per_account, "account", email)

    def succeeded(self, email):
        self._run("clear", self.per_account, "account", email)


def init_app(app):
    """Give the app its login throttle (after its Redis link)."""
    app.extensions[EXTENSION_KEY] = LoginThrottle(
        redis_link(app), app.config["LOGIN_LIMITS_PER_ADDRESS"], app.config["LOGIN_LIMITS_PER_ACCOUNT"]
    )


def throttle():
    return current_app.extensions[EXTENSION_KEY]

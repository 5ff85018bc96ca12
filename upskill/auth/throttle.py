"""Login throttling per address and per account, shared by every worker through Redis when configured.

Every sign-in attempt counts against the address it comes from; failed attempts count against
the account they name. Without UPSKILL_REDIS_URL the counts live in this process. If Redis stops
answering, the counts fall back to this process rather than letting everybody through or
locking everybody out.
"""
import logging

from flask import current_app
from limits import parse
from limits.storage import MemoryStorage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

log = logging.getLogger(__name__)
EXTENSION_KEY = "upskill.login_throttle"


class LoginThrottle:
    def __init__(self, redis_url, per_address, per_account):
        self.fallback = MovingWindowRateLimiter(MemoryStorage())
        self.shared = MovingWindowRateLimiter(storage_from_string(redis_url)) if redis_url else None
        self.per_address = parse(per_address)
        self.per_account = parse(per_account)

    def _run(self, method, *args):
        if self.shared is not None:
            try:
                return getattr(self.shared, method)(*args)
            except Exception:  # noqa: BLE001  any storage failure: count in this process instead
                log.warning("login throttle: Redis did not answer; counting in this process", exc_info=False)
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
    app.extensions[EXTENSION_KEY] = LoginThrottle(
        app.config.get("REDIS_URL"), app.config["LOGIN_LIMITS_PER_ADDRESS"], app.config["LOGIN_LIMITS_PER_ACCOUNT"]
    )


def throttle():
    return current_app.extensions[EXTENSION_KEY]

"""The app's one link to Redis (UPSKILL_REDIS_URL): a client with timeouts, and what to do while it is down.

Redis carries the shared login throttle and the queue of book builds; neither may stop the site.
Every call has a connect and a read timeout, so a Redis that is gone or frozen costs a request at
most those seconds, and after a failure the link is left alone for REDIS_RETRY_SECONDS so that
the following requests do not pay them again. The outage is logged once as a WARNING when it
begins and once when Redis answers again, never as a traceback per request.
"""
import logging
import threading
import time

from flask import current_app

log = logging.getLogger(__name__)
EXTENSION_KEY = "upskill.redis_link"


class RedisLink:
    """One Redis client for this app (None without a URL) and whether it is worth asking now."""

    def __init__(self, url, connect_timeout, read_timeout, retry_seconds):
        self.url = url
        self.retry_seconds = retry_seconds
        self.client = None
        if url:
            from redis import Redis

            self.client = Redis.from_url(url, socket_connect_timeout=connect_timeout, socket_timeout=read_timeout)
        self._lock = threading.Lock()
        self._down_since = None
        self._retry_at = 0.0

    @property
    def configured(self):
        """Tell whether a Redis URL is set at all."""
        return self.client is not None

    def worth_trying(self):
        """Tell whether to ask Redis now: configured, and not failed within the retry interval."""
        return self.configured and time.monotonic() >= self._retry_at

    def failed(self, error, what):
        """Note that Redis did not answer; log a WARNING only when this begins an outage."""
        with self._lock:
            began = self._down_since is None
            if began:
                self._down_since = time.monotonic()
            self._retry_at = time.monotonic() + self.retry_seconds
        if began:
            log.warning("Redis at %s does not answer (%s: %s); %s until it does", _without_password(self.url),
                        type(error).__name__, error, what)

    def answered(self):
        """Note that Redis answered; log once that an outage has ended."""
        if self._down_since is None:
            return
        with self._lock:
            down_since, self._down_since, self._retry_at = self._down_since, None, 0.0
        if down_since is not None:
            log.warning("Redis at %s answers again after %.0f s; using it again", _without_password(self.url),
                        time.monotonic() - down_since)


def _without_password(url):
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.rpartition('@')[2]}"


def init_app(app):
    """Give the app its Redis link from REDIS_URL and the REDIS_* timeouts."""
    app.extensions[EXTENSION_KEY] = RedisLink(app.config.get("REDIS_URL"), app.config["REDIS_CONNECT_TIMEOUT"],
                                              app.config["REDIS_READ_TIMEOUT"], app.config["REDIS_RETRY_SECONDS"])


def redis_link(app=None):
    """Return the Redis link of app (the current app by default), renewed if REDIS_URL has been changed since."""
    app = app or current_app
    if app.extensions[EXTENSION_KEY].url != app.config.get("REDIS_URL"):
        init_app(app)
    return app.extensions[EXTENSION_KEY]

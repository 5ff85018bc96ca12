"""With UPSKILL_REDIS_URL the login throttle counts across every worker; without Redis it still holds."""
import uuid

import redis

from tests.accounts import log_in, make_user

REDIS_URL = "redis://127.0.0.1:6379/14"


def test_failed_sign_ins_count_across_two_workers(app_factory):
    email = f"ana-{uuid.uuid4().hex[:8]}@example.org"  # a fresh account: Redis outlives test runs
    first = app_factory(REDIS_URL=REDIS_URL, LOGIN_LIMITS_PER_ACCOUNT="4 per 15 minutes")
    second = app_factory(REDIS_URL=REDIS_URL, LOGIN_LIMITS_PER_ACCOUNT="4 per 15 minutes")
    make_user(first, email)
    for app in (first, second, first, second):
        assert log_in(app.test_client(), email, "wrong password").status_code == 401
    assert log_in(second.test_client(), email).status_code == 429
    assert log_in(first.test_client(), email).status_code == 429
    redis.Redis.from_url(REDIS_URL).flushdb()


def test_redis_down_falls_back_to_counting_in_the_worker(app_factory):
    app = app_factory(REDIS_URL="redis://127.0.0.1:1/0", LOGIN_LIMITS_PER_ACCOUNT="2 per 15 minutes")
    make_user(app, "ana@example.org")
    client = app.test_client()
    assert log_in(client, "ana@example.org").status_code == 303  # signing in still works
    assert log_in(client, "ana@example.org", "wrong password").status_code == 401
    assert log_in(client, "ana@example.org", "wrong password").status_code == 401
    assert log_in(client, "ana@example.org").status_code == 429  # and the limit still holds

"""Configuration: defaults here, then instance/config.py, then UPSKILL_* environment variables."""
import json
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "lt", "fi", "fr")

# Environment names that differ from the Flask setting they fill.
ENV_ALIASES = {
    "DATABASE_URL": "SQLALCHEMY_DATABASE_URI",
}


class Defaults:
    """Settings every deployment starts from."""

    # "development" makes a secret key in instance/ by itself; "production" requires one.
    ENV = "development"
    SECRET_KEY = None
    SQLALCHEMY_DATABASE_URI = None  # filled in from the instance folder when not set
    SQLALCHEMY_ENGINE_OPTIONS = None  # None: a database server's connections are tested before use
    CURRICULUM_DIR = str(PROJECT_ROOT / "curriculum")
    REDIS_URL = None
    # A dead or frozen Redis costs a request at most these seconds, and is left alone for the retry interval.
    REDIS_CONNECT_TIMEOUT = 1.0
    REDIS_READ_TIMEOUT = 2.0
    REDIS_RETRY_SECONDS = 10.0
    LANGUAGES = LANGUAGES
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_TRANSLATION_DIRECTORIES = str(Path(__file__).resolve().parent / "translations")
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = None  # None: secure in production
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = None
    PROXY_COUNT = 0  # reverse proxies in front whose X-Forwarded-* headers are trusted
    TRUSTED_HOSTS = None  # e.g. ["upskill.example.org"] in production
    MAX_CONTENT_LENGTH = 1024 * 1024  # request bodies; upload routes allow more
    MAX_FORM_MEMORY_SIZE = 512 * 1024
    UPLOAD_MAX_BYTES = 12 * 1024 * 1024  # one hand-in, all its files together
    STORAGE = "local"  # where evidence and books are kept: "local" folders or an "s3" bucket
    UPLOADS_DIR = None  # local evidence folder; None: instance/uploads/
    BOOKS_DIR = None  # local book library; None: instance/books/
    S3_BUCKET = None
    S3_PREFIX = ""  # keys begin <prefix>/uploads/ and <prefix>/books/
    S3_ENDPOINT_URL = None  # None: AWS itself
    S3_REGION = None  # None: boto3's own (AWS_DEFAULT_REGION)
    LOGIN_LIMITS_PER_ADDRESS = "30 per 10 minutes"
    LOGIN_LIMITS_PER_ACCOUNT = "8 per 15 minutes"  # failed sign-ins only
    BASE_URL = "http://localhost:5000"  # how links printed by the CLI begin
    INVITATION_DAYS = 14
    RESET_HOURS = 48
    MAIL_SERVER = None  # SMTP host; without it, links are handed over, not mailed
    MAIL_PORT = 25
    MAIL_USE_TLS = False
    MAIL_USERNAME = None
    MAIL_PASSWORD = None
    MAIL_FROM = "upskill@localhost"
    SEARCH_RESULTS_LIMIT = 30
    PAGE_CACHE_ENTRIES = 2048  # rendered pages and fragments kept per process
    PAGE_CACHE_CHARS = 64 * 1024 * 1024  # and the characters they may hold together, per process
    CONTENT_VERSION_TTL = 1.0  # seconds a process trusts the content version it read
    WTF_CSRF_TIME_LIMIT = None  # a quiz left open all lesson long must still submit


def _parse(value):
    """Read an environment value as JSON when it is JSON (numbers, booleans), else as text."""
    try:
        return json.loads(value)
    except ValueError:
        return value


def environment_overrides(environ=os.environ):
    """Return the settings named by UPSKILL_* environment variables."""
    overrides = {}
    for name, value in environ.items():
        if not name.startswith("UPSKILL_") or name.startswith("UPSKILL_TEST_"):
            continue
        key = name.removeprefix("UPSKILL_")
        overrides[ENV_ALIASES.get(key, key)] = _parse(value)
    return overrides

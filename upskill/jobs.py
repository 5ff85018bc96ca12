"""Background work: book builds, one worker process per book by default, RQ workers with Redis.

A build is asked for by its book key, so asking twice (or twenty times at once) starts it once.
Each build runs in a fresh process that ends after the book, because WeasyPrint's memory grows
across renders: locally one spawned process per book (one book at a time), and RQ's worker forks
a work horse per job. With `UPSKILL_REDIS_URL` set, builds go to the `upskill-books` queue of any
number of `rq worker` machines; if Redis does not answer (see upskill.redis_link), the build runs
locally instead, so a book asked for while Redis is down is still made, on the node that was asked.
"""
import enum
import logging
import multiprocessing
import threading
from concurrent.futures import ThreadPoolExecutor

from flask import current_app

from upskill.redis_link import redis_link
from upskill.storage import SETTINGS as STORAGE_SETTINGS

log = logging.getLogger(__name__)
QUEUE_NAME = "upskill-books"
# The settings a local build process needs to find the same database, curriculum and library.
WORKER_SETTINGS = ("SQLALCHEMY_DATABASE_URI", "CURRICULUM_DIR", "SECRET_KEY", "TESTING", *STORAGE_SETTINGS)


class BuildState(enum.Enum):
    """Where a requested book build stands."""

    building = "building"
    failed = "failed"
    unknown = "unknown"  # never asked for here, or forgotten


def build_book(kind, lang, module, config=None, modules=(), for_whom=None):
    """Build one book in this process (the job a worker runs); return its file name."""
    from upskill import create_app
    from upskill.export.books import BookSpec
    from upskill.export.library import find_or_build
    from upskill.extensions import db

    app = create_app(config)
    with app.app_context():
        try:
            return find_or_build(BookSpec(kind, lang, module, tuple(modules), for_whom)).file_name
        finally:
            db.session.remove()
            db.engine.dispose()  # a worker that stays up (RQ's SimpleWorker) keeps no connection open


class BuildProcessDied(RuntimeError):
    """A build process ended without a result (killed, out of memory, crashed)."""


def run_in_fresh_process(work, *args):
    """Run work(*args) in a new spawned process and return its result; raise if it failed or died.

    One process per call and no pool: a process that dies (killed, out of memory) fails only its
    own call, where a ProcessPoolExecutor would refuse every later build until a restart.
    """
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_answer_through, args=(sender, work, args), daemon=True)
    process.start()
    sender.close()  # the child holds the only writing end, so a dead child means end of file here
    try:
        succeeded, value = receiver.recv()
    except EOFError:
        process.join()
        raise BuildProcessDied(f"the build process ended without a result (exit code {process.exitcode})") from None
    finally:
        receiver.close()
    process.join()
    if not succeeded:
        raise RuntimeError(value)
    return value


def _answer_through(sender, work, args):
    try:
        outcome = (True, work(*args))
    except BaseException as error:  # noqa: BLE001 (WeasyPrint's fatal fetch error is a BaseException)
        log.exception("Book build failed")
        outcome = (False, _describe(error))
    sender.send(outcome)
    sender.close()


class LocalBuilds:
    """Builds one at a time, each in a fresh process that ends after its book."""

    def __init__(self, work=build_book):
        self._work = work
        self._lock = threading.Lock()
        self._futures = {}
        self._runner = None

    def submit(self, key, spec, config):
        """Start the build of key unless it is already running; return True if this call started it."""
        with self._lock:
            future = self._futures.get(key)
            if future is not None and not future.done():
                return False
            self._futures[key] = self._start(spec, config)
            return True

    def _start(self, spec, config):
        if self._runner is None:
            self._runner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="book-build")
        return self._runner.submit(run_in_fresh_process, self._work, spec.kind, spec.lang, spec.module, config,
                                   spec.modules, spec.for_whom)

    def state(self, key):
        """Return (BuildState, message) of a build asked for in this process."""
        with self._lock:
            future = self._futures.get(key)
        if future is None:
            return BuildState.unknown, ""
        if not future.done():
            return BuildState.building, ""
        error = future.exception()
        return (BuildState.failed, str(error)[:300]) if error else (BuildState.unknown, "")


class QueuedBuilds:
    """Builds on RQ workers; the job id is the book key, so a book is queued once across nodes."""

    def __init__(self, redis):
        self.redis = redis

    def _queue(self):
        from rq import Queue

        return Queue(QUEUE_NAME, connection=self.redis)

    def submit(self, key, spec, config):
        from rq.exceptions import DuplicateJobError
        from rq.job import Job, JobStatus

        job_id = "book-" + key[:32]
        try:
            self._queue().enqueue_call(build_book, args=(spec.kind, spec.lang, spec.module),
                                       kwargs={"modules": list(spec.modules), "for_whom": spec.for_whom}, job_id=job_id,
                                       unique=True, timeout=1800, result_ttl=600, failure_ttl=600)
            return True
        except DuplicateJobError:
            job = Job.fetch(job_id, connection=self.redis)
            if job.get_status() in (JobStatus.FAILED, JobStatus.STOPPED, JobStatus.CANCELED):
                job.delete()  # a build that failed may be asked for again
                return self.submit(key, spec, config)
            return False

    def state(self, key):
        from rq.exceptions import NoSuchJobError
        from rq.job import Job, JobStatus

        try:
            job = Job.fetch("book-" + key[:32], connection=self.redis)
        except NoSuchJobError:
            return BuildState.unknown, ""
        status = job.get_status()
        if status in (JobStatus.FAILED, JobStatus.STOPPED, JobStatus.CANCELED):
            result = job.latest_result()
            lines = (result.exc_string or "").strip().splitlines() if result else []
            return BuildState.failed, (lines[-1] if lines else status.value)[:300]
        if status == JobStatus.FINISHED:
            return BuildState.unknown, ""
        return BuildState.building, ""


_local = LocalBuilds()


def _on_queue_or_here(method, *args):
    """Call method of the RQ backend while Redis answers, else (or when it fails meanwhile) of the local one."""
    link = redis_link()
    if link.worth_trying():
        from redis.exceptions import RedisError

        try:
            result = getattr(QueuedBuilds(link.client), method)(*args)
        except RedisError as error:
            link.failed(error, "books are built in-process")
        else:
            link.answered()
            return result
    return getattr(_local, method)(*args)


def request_build(key, spec):
    """Ask for the book with this key to be built in the background; return True if this started it."""
    config = {name: current_app.config.get(name) for name in WORKER_SETTINGS}
    return _on_queue_or_here("submit", key, spec, config)


def build_state(key):
    """Return (BuildState, message) of the build of this key."""
    return _on_queue_or_here("state", key)


def ensure_build(key, spec):
    """Make sure the book is being built; return (BuildState, message) as the build stood before.

    A failed build is asked for again, and its message says what went wrong last time.
    """
    state, message = build_state(key)
    if state is not BuildState.building:
        request_build(key, spec)
    return state, message


def _describe(error):
    return f"{type(error).__name__}: {error}"[:300]

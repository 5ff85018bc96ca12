"""gunicorn as production runs it (deploy/gunicorn.conf.py) on a loopback port: start, kill -9, stop."""
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
START_SECONDS = 60


class Server:
    """A gunicorn master and its workers in a process group of their own, logging to a file."""

    def __init__(self, env, port, workers=4, log_path=None, preload=False):
        """Start gunicorn and wait until every worker is up; with preload the master imports the app once
        and forks the workers from it (quicker to start on a busy machine; production imports it per worker)."""
        started = time.monotonic()
        self.port, self.url = port, f"http://127.0.0.1:{port}"
        env = {**env, "UPSKILL_BIND": f"127.0.0.1:{port}", "UPSKILL_WORKERS": str(workers)}
        self.log = open(log_path or os.devnull, "ab")  # noqa: SIM115  (closed when the server stops)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"),
             "--access-logfile", os.devnull, *(["--preload"] if preload else []), "upskill:create_app()"],
            cwd=ROOT, env=env, stdout=self.log, stderr=self.log, start_new_session=True)
        self._wait_until_up(workers)
        self.start_seconds = time.monotonic() - started

    def _wait_until_up(self, workers):
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2):
                    if len(self.workers()) >= workers:
                        return
            except OSError:
                pass
            time.sleep(0.2)
        self.kill()
        raise RuntimeError(f"gunicorn did not answer on {self.url} within {START_SECONDS} s")

    def workers(self):
        """The worker processes' ids (the master's children)."""
        try:
            children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text()
        except OSError:
            return []
        return [int(pid) for pid in children.split()]

    def kill_worker(self):
        """kill -9 one worker (gunicorn starts another); return its id."""
        pid = self.workers()[0]
        os.kill(pid, signal.SIGKILL)
        return pid

    def kill(self):
        """kill -9 the master and every worker at once, as a power cut or the OOM killer would."""
        self._signal(signal.SIGKILL)

    def stop(self):
        """Stop gracefully (SIGTERM): workers finish their requests."""
        self._signal(signal.SIGTERM)

    def _signal(self, number):
        try:
            os.killpg(self.process.pid, number)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=30)
        if not self.log.closed:
            self.log.close()


def server_env(database_url, uploads_dir, curriculum_dir, secret_key="load-test secret"):
    """The environment of a server for the load: its database, folders and a sign-in limit that 55 people fit."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("UPSKILL_")}
    env.update({
        "UPSKILL_DATABASE_URL": database_url, "UPSKILL_UPLOADS_DIR": str(uploads_dir),
        "UPSKILL_CURRICULUM_DIR": str(curriculum_dir), "UPSKILL_SECRET_KEY": secret_key,
        "UPSKILL_LOGIN_LIMITS_PER_ADDRESS": "10000 per minute",  # every simulated person signs in from 127.0.0.1
    })
    return env

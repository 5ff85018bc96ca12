"""A real server for the journeys: gunicorn with two workers on a loopback port, on the test database."""
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PORTS = range(5341, 5350)  # this part's loopback ports; any free port when all are taken
START_SECONDS = 30


@dataclass
class LiveServer:
    """A running gunicorn: its address and the log that its workers write."""

    url: str
    log_path: Path
    process: subprocess.Popen

    def log(self):
        """Everything gunicorn and the app have logged so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def free_port():
    """The first free port of PORTS, else one the system chooses."""
    for port in [*PORTS, 0]:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return probe.getsockname()[1]
    raise RuntimeError("no free loopback port")


def server_environment(port, settings):
    """The process environment: UPSKILL_* settings only from `settings`, never from the caller's shell."""
    environ = {name: value for name, value in os.environ.items() if not name.startswith("UPSKILL_")}
    environ.update({"UPSKILL_BIND": f"127.0.0.1:{port}", "UPSKILL_WORKERS": "2", "UPSKILL_THREADS": "4"})
    environ.update({f"UPSKILL_{name}": str(value) for name, value in settings.items()})
    return environ


def start_gunicorn(settings, log_path):
    """Start gunicorn with deploy/gunicorn.conf.py and the given settings; return once /healthz answers."""
    port = free_port()
    log = open(log_path, "wb")  # noqa: SIM115  (gunicorn writes to it until it stops)
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "--graceful-timeout", "3",
         "upskill:create_app()"],
        cwd=ROOT, env=server_environment(port, settings), stdout=log, stderr=subprocess.STDOUT,
    )
    log.close()
    server = LiveServer(f"http://127.0.0.1:{port}", log_path, process)
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn ended at start:\n{server.log()}")
        try:
            with urllib.request.urlopen(server.url + "/healthz", timeout=2):
                return server
        except OSError:
            time.sleep(0.2)
    stop_gunicorn(server)
    raise RuntimeError(f"gunicorn did not answer within {START_SECONDS} s:\n{server.log()}")


def stop_gunicorn(server):
    """Stop gunicorn and its workers, and wait for them."""
    server.process.terminate()
    try:
        server.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()

"""Throughput of a lesson page against an empty route of the same app on the same server.

Starts gunicorn (2 sync workers) on a fresh SQLite database with the curriculum synced, then
alternates load on the empty route and on lesson pages, and prints requests per second and
the ratio lesson / empty. Load comes from wrk when installed, else from Python threads.

Usage: python bench/lesson_page.py [--seconds 5] [--rounds 3] [--path /curriculum/M04/L1/]
"""
import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import python_load  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PORT = 5811


def prepare(instance, curriculum):
    """Create and fill the benchmark database; return the environment for gunicorn."""
    env = dict(os.environ)
    env.update({
        "UPSKILL_DATABASE_URL": "sqlite:///" + str(instance / "bench.sqlite3"),
        "UPSKILL_SECRET_KEY": "benchmark",
        "UPSKILL_CURRICULUM_DIR": str(curriculum),
        "FLASK_APP": "upskill",
    })
    for command in (["db", "upgrade"], ["curriculum", "sync"]):
        subprocess.run([sys.executable, "-m", "flask", *command], env=env, cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return env


def start_server(env):
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{PORT}",
         "--log-level", "warning", "bench.app:create_bench_app()"],
        env=env, cwd=ROOT, start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/bench/empty", timeout=1).read()
            return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise SystemExit("gunicorn did not start")


def stop_server(server):
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=20)


def wrk_load(url, seconds):
    """Return requests per second measured by wrk."""
    output = subprocess.run(
        ["wrk", "-t", "2", "-c", "8", "-d", f"{seconds}s", url],
        capture_output=True, text=True, check=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"{url} answered {errors.group(1)} errors under load")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--path", default="/curriculum/M04/L1/")
    parser.add_argument("--curriculum", default=str(ROOT / "curriculum"))
    args = parser.parse_args()
    load = wrk_load if shutil.which("wrk") else python_load
    with tempfile.TemporaryDirectory() as folder:
        env = prepare(Path(folder), Path(args.curriculum))
        server = start_server(env)
        try:
            base = f"http://127.0.0.1:{PORT}"
            page = urllib.request.urlopen(base + args.path, timeout=5)
            if page.status != 200:
                raise SystemExit(f"{args.path} answered {page.status}")
            load(base + "/bench/empty", 1)
            load(base + args.path, 1)
            empty, lesson = [], []
            for _ in range(args.rounds):
                empty.append(load(base + "/bench/empty", args.seconds))
                lesson.append(load(base + args.path, args.seconds))
        finally:
            stop_server(server)
    empty_rate, lesson_rate = statistics.median(empty), statistics.median(lesson)
    print(f"load generator: {load.__name__}; gunicorn 2 workers; {args.rounds} rounds of {args.seconds} s")
    print(f"empty route   {empty_rate:10.1f} requests/s  (rounds: {', '.join(f'{r:.0f}' for r in empty)})")
    print(f"lesson page   {lesson_rate:10.1f} requests/s  (rounds: {', '.join(f'{r:.0f}' for r in lesson)})  {args.path}")
    print(f"ratio lesson/empty: {lesson_rate / empty_rate:.2f}  (target: at least 0.50)")


if __name__ == "__main__":
    main()

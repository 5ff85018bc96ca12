"""The full-length load: 50 students and 5 teachers working for 60 s against gunicorn with 4 workers.

Students read lessons, tick their task checklists (each tick saves the draft with its revision)
and hand in their work with a photo; teachers open the review queue, look at the oldest hand-in
and its photo and grade it with the rubric (most go back for revision, so students hand in
again). Prints requests per second, p50/p95/p99 latency and errors per kind of request, then
checks that every acknowledged hand-in and grade is in the database exactly once with its files.
Exits 1 on any error or anything lost. Loopback only; it stops itself.

Usage: python bench/journey_load.py [--students 50] [--teachers 5] [--seconds 60] [--workers 4]
       [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/EMPTY_DATABASE]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.journey.cast import make_cast  # noqa: E402
from bench.journey.cpu import ProcessorTime  # noqa: E402
from bench.journey.figures import error_count, figures, table  # noqa: E402
from bench.journey.run import LoadRun  # noqa: E402
from bench.journey.server import ROOT, Server, server_env  # noqa: E402
from bench.journey.verify import half_written, integrity_problems, lost_or_wrong  # noqa: E402

TARGETS = {"read lesson": 0.3, "hand in": 1.0}  # p95 in seconds, on a 2-core machine


def prepare(env):
    """Migrate the (empty) database and sync the curriculum into it, as an operator would."""
    for command in (["db", "upgrade"], ["curriculum", "sync"]):
        done = subprocess.run([sys.executable, "-m", "flask", "--app", "upskill", *command], env=env, cwd=ROOT,
                              capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"flask {' '.join(command)} failed:\n{done.stderr}")


def report_server_errors(log):
    """Keep the server's log where it can be read when it holds a traceback, and name its exceptions."""
    text = log.read_text(errors="replace")
    if "Traceback" in text:
        kept = Path(tempfile.gettempdir()) / "upskill-journey-load.log"
        kept.write_text(text)
        exceptions = Counter(line for line in text.splitlines() if re.match(r"^[a-zA-Z_.]+(Error|Exception)\b", line))
        print(f"the server logged tracebacks (its log: {kept}):")
        for line, count in exceptions.most_common(5):
            print(f"  {count}× {line[:160]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=50)
    parser.add_argument("--teachers", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--think", type=float, default=0.5, help="mean pause between two requests of one person (s)")
    parser.add_argument("--database-url", help="an empty database of its own (default: a new SQLite file)")
    parser.add_argument("--curriculum", default=str(ROOT / "curriculum"))
    parser.add_argument("--port", type=int, default=5333)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="upskill-load-") as folder:
        url = args.database_url or "sqlite:///" + str(Path(folder) / "load.sqlite3")
        env = server_env(url, Path(folder) / "uploads", args.curriculum)
        prepare(env)
        os.environ.update({k: v for k, v in env.items() if k.startswith("UPSKILL_")})
        from upskill import create_app

        app = create_app()
        cast = make_cast(app, args.students, args.teachers)
        server = Server(env, args.port, args.workers, Path(folder) / "gunicorn.log")
        try:
            load = LoadRun([server.url], cast, args.seconds, args.think).start()
            processor = ProcessorTime().start()
            recorder = load.wait()
            processor.stop()
        finally:
            server.stop()
        report_server_errors(Path(folder) / "gunicorn.log")
        rows = figures(recorder.samples, load.started, args.seconds)
        print(table(rows, f"{load.signed_in} signed in ({args.students} students, {args.teachers} teachers); "
                          f"gunicorn {args.workers} workers; {args.seconds} s on {url.split(':')[0]}; "
                          f"mean pause {args.think} s"))
        print(processor.describe())
        for row in rows:
            if row.kind in TARGETS:
                verdict = "met" if row.p95 <= TARGETS[row.kind] else "MISSED"
                print(f"target p95 {row.kind} under {TARGETS[row.kind] * 1000:.0f} ms: {verdict}")
        problems = lost_or_wrong(app, recorder) + half_written(app) + integrity_problems(app)
        print(f"acknowledged: {len(recorder.hand_ins)} hand-ins, {len(recorder.grades)} grades; "
              f"lost or wrong: {len(problems)}")
        for problem in problems[:20]:
            print("  " + problem)
        with app.app_context():
            from upskill.extensions import db

            db.engine.dispose()
    if problems or error_count(rows) or load.signed_in < args.students + args.teachers:
        sys.exit(1)


if __name__ == "__main__":
    main()

"""Throughput of the coordinators' pilot dashboard, signed in, against the empty route.

Starts gunicorn (2 sync workers) on a fresh SQLite database with the real curriculum synced and
a pilot of 50 schools with 5,000 students, 500 pilot reports (five periods, each school's report
and one correction per period), 5,000 suggestions and 20,000 survey answers, all bulk inserted;
signs in as a coordinator; then alternates load on the empty route and the dashboard of the
latest period. Prints requests per second and the ratio (target: at least 0.2).

The dashboard keeps its rendered charts and tables per process until the period's pilot stamp
moves on (upskill/pilot/dashboard_views.py), so under load each worker computes them once;
the first, uncached load of each worker is timed on its own and printed too.

Usage: python bench/pilot.py [--seconds 5] [--rounds 3] [--port 5811]
"""
import argparse
import random
import secrets
import statistics
import sys
import tempfile
import time
import urllib.request
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import lesson_page  # noqa: E402
from load import python_load  # noqa: E402
from people import PASSWORD, signed_in_headers  # noqa: E402

SCHOOLS, STUDENTS, PERIODS, SUGGESTIONS, ANSWERS = 50, 5000, 5, 5000, 20000
RATINGS = ("relevance", "student_text", "teacher_notes", "difficulty", "time", "placement")
KINDS = ("error", "unclear", "missing", "too_difficult", "too_easy", "translation", "other")
STATUSES = ("new", "accepted", "rejected", "duplicate", "applied")


def fill(env):
    """The pilot, inserted in bulk; return the number of modules in a period."""
    import os

    os.environ.update(env)
    from sqlalchemy import insert, select

    from upskill import create_app
    from upskill.extensions import db
    from upskill.models import (CurriculumItem, ItemKind, PilotPeriod, PilotReport, Role, School, Suggestion,
                                SurveyAnswer, User, UserRole, pilot_period_school)

    rng = random.Random(1)
    app = create_app()
    with app.app_context():
        modules = db.session.scalars(select(CurriculumItem.code).where(CurriculumItem.kind == ItemKind.module)
                                     .order_by(CurriculumItem.position)).all()[:8]
        coordinator = User(email="coordinator@bench.example", name="Coordinator")
        coordinator.grant(Role.coordinator)
        coordinator.set_password(PASSWORD)
        db.session.add(coordinator)
        db.session.execute(insert(School), [{"code": f"B-{n:02d}", "name": f"Bench school {n:02d}", "city": "Kaunas",
                                             "country": "LT", "kind": "school"} for n in range(SCHOOLS)])
        schools = db.session.scalars(select(School.id).order_by(School.id)).all()
        db.session.execute(insert(User), [{"email": f"s{n}@bench.example", "name": f"Student {n}",
                                           "school_id": schools[n % SCHOOLS]} for n in range(STUDENTS)])
        students = db.session.scalars(select(User.id).where(User.email.like("s%@bench.example"))).all()
        db.session.execute(insert(UserRole), [{"user_id": i, "role": "student"} for i in students])
        first = date(2024, 9, 1)
        db.session.execute(insert(PilotPeriod), [{"name": f"Bench pilot {p + 1}", "starts_on": first + timedelta(days=120 * p),
                                                  "ends_on": first + timedelta(days=120 * p + 100), "modules": modules,
                                                  "languages": ["en", "lt"]} for p in range(PERIODS)])
        periods = db.session.execute(select(PilotPeriod.id, PilotPeriod.starts_on).order_by(PilotPeriod.id)).all()
        db.session.execute(insert(pilot_period_school), [{"period_id": p.id, "school_id": s}
                                                         for p in periods for s in schools])
        db.session.execute(insert(PilotReport), [
            {"period_id": p.id, "school_id": s, "number": number, "state": "submitted", "entries": _entries(rng, modules)}
            for p in periods for s in schools for number in (1, 2)])
        reports = db.session.execute(select(PilotReport.id, PilotReport.period_id, PilotReport.school_id)).all()
        db.session.execute(insert(Suggestion), [_suggestion(rng, n, rng.choice(reports), periods, modules)
                                                for n in range(SUGGESTIONS)])
        db.session.execute(insert(SurveyAnswer), [_answer(rng, rng.choice(periods), rng.choice(schools), modules)
                                                  for _ in range(ANSWERS)])
        db.session.commit()
        return len(modules)


def _entries(rng, modules):
    return {code: {"started": rng.randint(5, 30), "completed": rng.randint(0, 5),
                   **{name: rng.randint(1, 5) for name in RATINGS}} for code in modules}


def _suggestion(rng, number, report, periods, modules):
    period_start = next(p.starts_on for p in periods if p.id == report.period_id)
    made = datetime.combine(period_start + timedelta(days=rng.randint(0, 100)), datetime.min.time(), timezone.utc)
    return {"code": f"S-2026-{number + 1:04d}", "year": 2026, "number": number + 1,
            "item_code": f"{rng.choice(modules)}.L{rng.randint(1, 3)}", "kind": rng.choice(KINDS),
            "status": rng.choice(STATUSES), "text": "Bench suggestion", "language": "en",
            "report_id": report.id if rng.random() < 0.3 else None, "school_id": report.school_id,
            "submission_key": secrets.token_hex(16), "created_at": made}


def _answer(rng, period, school, modules):
    return {"id": secrets.token_hex(16), "period_id": period.id, "school_id": school, "module_code": rng.choice(modules),
            "language": "lt", "answered_on": period.starts_on, "comment": "",
            **{q: rng.randint(1, 5) for q in ("interest", "clarity", "practice", "time")}}


def first_load_seconds(url, headers):
    """Seconds one request takes (the first one of a worker computes the figures)."""
    started = time.perf_counter()
    urllib.request.urlopen(urllib.request.Request(url, headers=headers)).read()
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--port", type=int, default=lesson_page.PORT)
    args = parser.parse_args()
    lesson_page.PORT = args.port
    with tempfile.TemporaryDirectory() as folder:
        env = lesson_page.prepare(Path(folder), lesson_page.ROOT / "curriculum")
        env["UPSKILL_LOGIN_LIMITS_PER_ADDRESS"] = "1000 per minute"
        module_count = fill(env)
        server = lesson_page.start_server(env)
        try:
            base = f"http://127.0.0.1:{args.port}"
            headers = signed_in_headers(base, "coordinator@bench.example")
            url = base + "/pilot/dashboard/"
            firsts = [first_load_seconds(url, headers) for _ in range(2)]  # one per worker, most likely
            # For comparison: a small signed-in page, and the empty route sent the coordinator's session cookie.
            pages = {"dashboard": url, "account page": base + "/account/", "empty, signed in": base + "/bench/empty"}
            results = {"empty": [], **{name: [] for name in pages}}
            for _ in range(args.rounds):
                results["empty"].append(python_load(base + "/bench/empty", args.seconds))
                for name, page in pages.items():
                    results[name].append(python_load(page, args.seconds, headers))
        finally:
            lesson_page.stop_server(server)
    empty = statistics.median(results["empty"])
    print(f"gunicorn 2 workers; {SCHOOLS} schools, {STUDENTS} students, {PERIODS * SCHOOLS * 2} reports, "
          f"{SUGGESTIONS} suggestions, {ANSWERS} survey answers, {module_count} modules a period; "
          f"{args.rounds} rounds of {args.seconds} s")
    print(f"first loads (figures computed): {', '.join(f'{s * 1000:.0f} ms' for s in firsts)}")
    print(f"{'empty route':<17} {empty:9.1f} requests/s")
    for name in pages:
        rate = statistics.median(results[name])
        target = "  (target: at least 0.20)" if name == "dashboard" else ""
        print(f"{name:<17} {rate:9.1f} requests/s  ratio {rate / empty:.2f}{target}")


if __name__ == "__main__":
    main()

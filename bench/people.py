"""Throughput of a teacher's class page and a student's dashboard, signed in, against the empty route.

Starts gunicorn (2 sync workers) on a fresh SQLite database with the real curriculum synced and a
class of 30 students following the whole programme, each with lessons read, quiz tries and task
work; signs in as the teacher and as one student; then alternates load on the empty route, the
class matrix and the dashboard. Prints requests per second and the ratios (target: at least 0.3).

Usage: python bench/people.py [--seconds 5] [--rounds 3] [--students 30]
"""
import argparse
import http.cookiejar
import random
import re
import statistics
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lesson_page import PORT, ROOT, prepare, start_server, stop_server  # noqa: E402
from load import python_load  # noqa: E402

PASSWORD = "benchmark password"
USER_AGENT = "upskill-bench/1"


def fill(env, students):
    """A school, a teacher and a class of students on every module, each at a pace of their own."""
    import os

    os.environ.update(env)
    from sqlalchemy import select

    from upskill import create_app
    from upskill.extensions import db
    from upskill.models import (Attempt, CurriculumItem, Enrolment, ItemKind, LessonRead, QuizAttempt, Role, School,
                                SchoolClass, TaskWork, User)
    from datetime import date

    app = create_app()
    with app.app_context():
        modules = db.session.scalars(select(CurriculumItem.code).where(CurriculumItem.kind == ItemKind.module)
                                     .order_by(CurriculumItem.position)).all()
        items = db.session.execute(select(CurriculumItem.code, CurriculumItem.kind)
                                   .where(CurriculumItem.kind.in_([ItemKind.lesson, ItemKind.task, ItemKind.quiz]))).all()
        school = School(code="B-1", name="Bench school", city="X", country="LT")
        teacher = User(email="teacher@bench.example", name="Teacher", school=school)
        teacher.grant(Role.teacher)
        teacher.set_password(PASSWORD)
        school_class = SchoolClass(school=school, name="Bench class", starts_on=date(2026, 9, 1),
                                   ends_on=date(2027, 6, 30), modules=modules)
        school_class.teachers.append(teacher)
        db.session.add_all([school, teacher, school_class])
        rng = random.Random(1)
        for n in range(students):
            student = User(email=f"s{n}@bench.example", name=f"Student {n:02d}", password_hash=teacher.password_hash)
            student.grant(Role.student)
            db.session.add(student)
            db.session.flush()
            db.session.add(Enrolment(class_id=school_class.id, student_id=student.id))
            pace = rng.random()
            for index, (code, kind) in enumerate(items):
                if index / len(items) > pace:
                    continue
                if kind == ItemKind.lesson:
                    db.session.add(LessonRead(student_id=student.id, item_code=code))
                elif kind == ItemKind.quiz:
                    db.session.add(QuizAttempt(student_id=student.id, item_code=code, score=5, total=10, answers={}))
                else:
                    work = TaskWork(student_id=student.id, item_code=code, state=rng.choice(["submitted", "accepted"]),
                                    checklist=[], measurements={}, text={})
                    db.session.add(work)
                    db.session.flush()
                    db.session.add(Attempt(work_id=work.id, number=1, submission_key=f"b{work.id}", checklist=[],
                                           measurements={}, text={}))
        db.session.commit()
        return school_class.id


def signed_in_headers(base, email):
    """Sign in through the form like a browser; return the headers a browser then sends (cookie, user agent).

    The user agent stays the same, as a browser's does: the session is tied to it, and a
    different one would make every request rewrite the session cookie.
    """
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.addheaders = [("User-Agent", USER_AGENT)]
    html = opener.open(base + "/login").read().decode()
    token = re.search(r'name="csrf_token"[^>]*? value="([^"]+)"', html).group(1)
    data = urllib.parse.urlencode({"csrf_token": token, "email": email, "password": PASSWORD}).encode()
    opener.open(base + "/login", data=data).read()
    opener.open(base + "/account/").read()  # a page with a form: the session gets its form token, as a browser's would
    return {"Cookie": "; ".join(f"{c.name}={c.value}" for c in jar), "User-Agent": USER_AGENT}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--students", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = prepare(Path(folder), ROOT / "curriculum")
        env["UPSKILL_LOGIN_LIMITS_PER_ADDRESS"] = "1000 per minute"
        class_id = fill(env, args.students)
        server = start_server(env)
        try:
            base = f"http://127.0.0.1:{PORT}"
            teacher = signed_in_headers(base, "teacher@bench.example")
            student = signed_in_headers(base, "s0@bench.example")
            pages = {"class matrix": (f"/teach/classes/{class_id}/matrix", teacher),
                     "class page": (f"/teach/classes/{class_id}/", teacher), "dashboard": ("/learn/", student)}
            results = {name: [] for name in ("empty", *pages)}
            for name, (path, headers) in pages.items():
                python_load(base + path, 1, headers)
            for _ in range(args.rounds):
                results["empty"].append(python_load(base + "/bench/empty", args.seconds))
                for name, (path, headers) in pages.items():
                    results[name].append(python_load(base + path, args.seconds, headers))
        finally:
            stop_server(server)
    empty = statistics.median(results["empty"])
    print(f"gunicorn 2 workers; {args.students} students on all modules; {args.rounds} rounds of {args.seconds} s")
    print(f"{'empty route':<14} {empty:9.1f} requests/s")
    for name in pages:
        rate = statistics.median(results[name])
        print(f"{name:<14} {rate:9.1f} requests/s  ratio {rate / empty:.2f}  (target: at least 0.30)")


if __name__ == "__main__":
    main()

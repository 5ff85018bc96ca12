"""Course books: build cost against bare WeasyPrint, memory, pages per second, a rebuild after one
changed lesson, and download throughput against a static file of the same size, in one run.

Builds the full Teacher's Book (English by default) from the real curriculum in a fresh process
per build, so that each build's peak memory is its own; then serves it with gunicorn (2 workers)
and loads /downloads/<book> and a static copy of the same file in turns.

Usage: python bench/books.py [--book teachers-book] [--lang en] [--module M04] [--seconds 5]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lesson_page import PORT, ROOT, prepare, start_server, stop_server, wrk_load  # noqa: E402
from load import python_load  # noqa: E402


def build(env, book, lang, module, bare=False):
    """Build the book in a fresh process; return what bench/book_build.py measured."""
    output = subprocess.run([sys.executable, "bench/book_build.py", book, lang, module or "", "bare" if bare else "-"],
                            env=env, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def change_one_lesson(curriculum, env):
    """Add a sentence to one English lesson and sync, as an author's small fix would."""
    lesson = sorted((curriculum / "modules").glob("04-*/L2-*.en.md"))[0]
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\nA sentence added for the benchmark.\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "flask", "curriculum", "sync"], env=env, cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def download_ratio(env, book_path, file_name, seconds, rounds):
    """Return (download rate, static rate) of the built book and a static copy of it."""
    load = wrk_load if shutil.which("wrk") else python_load
    static_dir = Path(env["UPSKILL_BENCH_STATIC_DIR"])
    shutil.copy(book_path, static_dir / "same-size.pdf")
    server = start_server(env)
    try:
        base = f"http://127.0.0.1:{PORT}"
        book_url, static_url = f"{base}/downloads/{file_name}", f"{base}/bench/static/same-size.pdf"
        for url in (book_url, static_url):
            if urllib.request.urlopen(url, timeout=10).status != 200:
                raise SystemExit(f"{url} is not served")
            load(url, 1)
        books, statics = [], []
        for _ in range(rounds):
            books.append(load(book_url, seconds))
            statics.append(load(static_url, seconds))
    finally:
        stop_server(server)
    return statistics.median(books), statistics.median(statics)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", default="teachers-book")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--module", default="")
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        curriculum = folder / "curriculum"
        shutil.copytree(ROOT / "curriculum", curriculum)
        env = prepare(folder, curriculum)
        (folder / "static").mkdir()
        env.update(UPSKILL_BOOKS_DIR=str(folder / "books"), UPSKILL_BENCH_STATIC_DIR=str(folder / "static"))
        full = build(env, args.book, args.lang, args.module, bare=True)
        report_build(args, full)
        change_one_lesson(curriculum, env)
        rebuilt = build(env, args.book, args.lang, args.module)
        print(f"rebuild after one changed lesson: {rebuilt['ours']:.1f} s = {rebuilt['ours'] / full['ours']:.0%} "
              f"of the full build (target: under 25 %); peak RSS {rebuilt['peak_rss_mb']:.0f} MiB", flush=True)
        download, static = download_ratio(env, rebuilt["path"], Path(rebuilt["path"]).name, args.seconds, args.rounds)
    print(f"download {download:8.1f} requests/s, static file {static:8.1f} requests/s: ratio {download / static:.2f} "
          f"(target: at least 0.80)")


def report_build(args, full):
    pages = full["pages"]
    print(f"book: {args.book} {args.module or 'whole'} {args.lang}: {pages} pages, {full['size'] / 1e6:.1f} MB")
    print(f"our build          {full['ours']:7.1f} s   {pages / full['ours']:5.1f} pages/s   peak RSS {full['peak_rss_mb']:.0f} MiB")
    print(f"bare WeasyPrint    {full['bare']:7.1f} s   the same book as one HTML document, plain PDF")
    print(f"bare, tagged       {full['bare_tagged']:7.1f} s   the same, with PDF/UA-1 tags as ours")
    print("peak RSS is the build's own (target: under 1 GiB); ours assembles the book from per-module parts")
    print(f"pipeline overhead: {full['ours'] / full['bare_tagged'] - 1:+.0%} against bare tagged "
          f"({full['ours'] / full['bare'] - 1:+.0%} against bare plain; target: at most +15 %)", flush=True)


if __name__ == "__main__":
    main()

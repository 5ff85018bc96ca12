"""Throughput of the search page against an empty route of the same app on the same server.

Syncs the real curriculum into a fresh SQLite database once, starts gunicorn (2 sync workers)
and, for each language, loads the search page with a one-word and a three-word query (served
from the page cache after the first request) and with a stream of distinct words, each asked
once, that no cache can help. Then times the uncached search in this process: the search
service alone and the whole page, per distinct word. Load comes from Python threads for every
figure, the empty route included, so the ratios compare like with like.

Usage: python bench/search.py [--seconds 3] [--rounds 2] [--words 40]
"""
import argparse
import os
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lesson_page import PORT, ROOT, prepare, start_server, stop_server  # noqa: E402
from load import python_load, python_load_stream  # noqa: E402

# Real words of each language's texts. The shipped curriculum has no Finnish or French lesson
# texts yet, so those searches read the English texts (stemmed in English) and the glossary.
QUERIES = {
    "en": ("drying", "pellet drying temperature"),
    "lt": ("džiovinimas", "granulių džiovinimo temperatūra"),
    "fi": ("kuivaus", "rakeiden kuivauksen lämpötila"),
    "fr": ("séchage", "température de séchage"),
}
WORD = re.compile(r"[^\W\d_]{5,}")


def search_url(base, query, lang):
    return f"{base}/search?" + urllib.parse.urlencode({"q": query, "lang": lang})


def distinct_words(database, lang, seed=7):
    """Return the distinct words of the texts a search in lang reads, shuffled (the same every run)."""
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT plain_text FROM item_text t WHERE lang = ? OR (lang = 'en' AND NOT EXISTS "
            "(SELECT 1 FROM item_text o WHERE o.item_id = t.item_id AND o.lang = ?))", (lang, lang),
        ).fetchall()
    words = sorted({word.lower() for (text,) in rows for word in WORD.findall(text)})
    random.Random(seed).shuffle(words)
    return words


def in_process_times(env, lang, words):
    """Return the milliseconds per word of the search service and of the whole page, uncached."""
    os.environ.update(env)
    from upskill import create_app
    from upskill.public.search_service import search

    app = create_app()
    limit = app.config["SEARCH_RESULTS_LIMIT"]
    with app.app_context():
        started = time.perf_counter()
        for word in words:
            search(word, lang, limit)
        service = (time.perf_counter() - started) / len(words) * 1000
    client = app.test_client()
    client.get(search_url("", "warm", lang))  # the glossary's matching data, once per content version
    started = time.perf_counter()
    for word in words:
        client.get(search_url("", word, lang))  # each word once: nothing cached
    page = (time.perf_counter() - started) / len(words) * 1000
    return service, page


def measure(base, args, streams):
    """Return the median requests/s of the empty route and of every query, and the streams' rates."""
    rates = {"empty": []}
    stream_rates = {}
    for _ in range(args.rounds):
        rates["empty"].append(python_load(base + "/bench/empty", args.seconds))
        for lang, queries in QUERIES.items():
            for query in queries:
                rates.setdefault((lang, query), []).append(python_load(search_url(base, query, lang), args.seconds))
    for lang, words in streams.items():
        stream_rates[lang] = python_load_stream([search_url(base, word, lang) for word in words], args.seconds)
    return {key: statistics.median(values) for key, values in rates.items()}, stream_rates


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--words", type=int, default=40, help="distinct words per language timed in process")
    parser.add_argument("--curriculum", default=str(ROOT / "curriculum"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        env = prepare(Path(folder), Path(args.curriculum))
        print(f"database made and real curriculum synced in {time.perf_counter() - started:.1f} s")
        database = Path(folder) / "bench.sqlite3"
        words = {lang: distinct_words(database, lang) for lang in QUERIES}
        server = start_server(env)
        try:
            base = f"http://127.0.0.1:{PORT}"
            for lang, queries in QUERIES.items():
                for query in queries:
                    python_load(search_url(base, query, lang), 1)  # warm: every worker renders it once
            rates, streams = measure(base, args, {lang: w[args.words:] for lang, w in words.items()})
        finally:
            stop_server(server)
        timings = {lang: in_process_times(env, lang, w[:args.words]) for lang, w in words.items()}
    report(args, rates, streams, timings)


def report(args, rates, streams, timings):
    empty = rates["empty"]
    print(f"load generator: python threads; gunicorn 2 workers; {args.rounds} rounds of {args.seconds} s")
    print(f"empty route                                   {empty:8.1f} requests/s")
    for lang, queries in QUERIES.items():
        for query in queries:
            rate = rates[(lang, query)]
            print(f"{lang} {query!r:42} {rate:8.1f} requests/s  ratio {rate / empty:.2f}  (target: at least 0.30)")
    for lang, (rate, sent) in streams.items():
        print(f"{lang} distinct words, each asked once ({sent:5d} sent) {rate:8.1f} requests/s  ratio {rate / empty:.2f}")
    for lang, (service, page) in timings.items():
        print(f"{lang} uncached, in process: search {service:6.2f} ms/query, whole page {page:6.2f} ms/query "
              f"({args.words} distinct words)")


if __name__ == "__main__":
    main()

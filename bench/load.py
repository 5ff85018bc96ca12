"""A small load generator in Python, for machines without wrk: threads with their own connections."""
import http.client
import threading
import time
from urllib.parse import urlsplit

THREADS = 8


def python_load(url, seconds, headers=None):
    """Send GET requests to url from several threads for some seconds; return requests per second."""
    return _run(lambda: url, seconds, headers)


def python_load_stream(urls, seconds):
    """Send each of urls once, from several threads, for some seconds or until they run out.

    Return requests per second and how many were sent.
    """
    remaining = iter(urls)
    lock = threading.Lock()

    def next_url():
        with lock:
            return next(remaining, None)

    sent = []
    rate = _run(next_url, seconds, None, sent)
    return rate, len(sent)


def _run(next_url, seconds, headers, sent=None):
    counts = [0] * THREADS
    failures = []
    deadline = time.monotonic() + seconds

    def worker(index):
        while time.monotonic() < deadline:
            url = next_url()
            if url is None:
                return
            parts = urlsplit(url)
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
            connection.request("GET", parts.path + ("?" + parts.query if parts.query else ""), headers=headers or {})
            response = connection.getresponse()
            response.read()
            connection.close()
            if response.status != 200:
                failures.append((url, response.status))
                return
            counts[index] += 1
            if sent is not None:
                sent.append(url)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(f"{failures[0][0]} answered {failures[0][1]} under load")
    return sum(counts) / (time.monotonic() - started)

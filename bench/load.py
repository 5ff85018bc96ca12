"""A small load generator in Python, for machines without wrk: threads with their own connections."""
import http.client
import threading
import time
from urllib.parse import urlsplit

THREADS = 8


def python_load(url, seconds, headers=None):
    """Send GET requests to url from several threads for some seconds; return requests per second."""
    parts = urlsplit(url)
    counts = [0] * THREADS
    failures = []
    deadline = time.monotonic() + seconds

    def worker(index):
        while time.monotonic() < deadline:
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
            connection.request("GET", parts.path + ("?" + parts.query if parts.query else ""), headers=headers or {})
            response = connection.getresponse()
            response.read()
            connection.close()
            if response.status != 200:
                failures.append(response.status)
                return
            counts[index] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(f"{url} answered {failures[0]} under load")
    return sum(counts) / (time.monotonic() - started)

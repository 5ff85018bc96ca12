"""A local S3-compatible object store for tests: moto's server on a loopback port, a bucket per test."""
import itertools
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass

S3_PORT = int(os.environ.get("UPSKILL_TEST_S3_PORT", "5301"))
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1"}
_buckets = itertools.count(1)


@dataclass
class Bucket:
    """A bucket of the test store, with the settings that point an app at it."""

    name: str
    endpoint_url: str
    client: object

    @property
    def settings(self):
        """The app settings that keep evidence and books in this bucket."""
        return {"STORAGE": "s3", "S3_BUCKET": self.name, "S3_ENDPOINT_URL": self.endpoint_url,
                "S3_PREFIX": "site", "S3_REGION": "us-east-1"}

    @property
    def environment(self):
        """The same settings as UPSKILL_* variables, with the store's credentials, for a server or worker process."""
        return {**CREDENTIALS, **{f"UPSKILL_{name}": value for name, value in self.settings.items()}}

    def keys(self):
        """Every object key in the bucket."""
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.name)
        return sorted(entry["Key"] for page in pages for entry in page.get("Contents", ()))

    def empty_and_remove(self):
        for key in self.keys():
            self.client.delete_object(Bucket=self.name, Key=key)
        self.client.delete_bucket(Bucket=self.name)


def start_moto(port=S3_PORT, timeout=30):
    """Start moto's S3 server on 127.0.0.1:port as a process of its own; return (process, endpoint URL)."""
    process = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, **CREDENTIALS})
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, f"http://127.0.0.1:{port}"
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(f"moto's S3 server did not start on port {port}") from None
            time.sleep(0.1)


def new_bucket(endpoint_url):
    """Create a bucket of its own on the test store."""
    from upskill.storage.s3 import client_for

    client = client_for(endpoint_url, "us-east-1")  # the app's own client: made once per test run
    name = f"upskill-test-{os.getpid()}-{next(_buckets)}"
    client.create_bucket(Bucket=name)
    return Bucket(name, endpoint_url, client)

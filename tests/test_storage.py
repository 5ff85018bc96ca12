"""The storage of evidence and books keeps its promises the same way in a local folder and in S3.

Every test here runs twice: on LocalStorage in a temporary folder and on S3Storage in a bucket of
moto's S3 server (a separate process on a loopback port).
"""
import hashlib
import io
import os
import threading

import pytest
from flask import Flask

from upskill.storage import InvalidName, LocalStorage, NotStored, S3Storage


@pytest.fixture(params=["local", "s3"])
def store(request, tmp_path):
    """An empty storage of each kind."""
    if request.param == "local":
        return LocalStorage(tmp_path / "files")
    bucket = request.getfixturevalue("s3_bucket")
    return S3Storage(bucket.name, "site/books/", endpoint_url=bucket.endpoint_url, region="us-east-1")


@pytest.fixture
def web():
    """A bare Flask app, for the responses a storage sends."""
    return Flask("storage-test")


class FailingReader(io.RawIOBase):
    """A file that breaks after `good` bytes, as an upload cut off by a full disk or a dropped network."""

    def __init__(self, good):
        self.left = good

    def readable(self):
        return True

    def readinto(self, buffer):
        if self.left <= 0:
            raise OSError("the source broke off")
        size = min(len(buffer), self.left)
        buffer[:size] = b"x" * size
        self.left -= size
        return size


def test_a_file_put_is_read_back_whole_and_listed(store):
    store.put("ab/abc123", b"first photo")
    store.put("ab/abd", io.BytesIO(b"second, from a file"))
    store.put("cd/x.json", b"{}")
    assert store.read("ab/abc123") == b"first photo" and store.read("ab/abd") == b"second, from a file"
    assert store.exists("cd/x.json") and store.stat("ab/abc123").size == len(b"first photo")
    assert list(store.list()) == ["ab/abc123", "ab/abd", "cd/x.json"]
    assert list(store.list("ab/")) == ["ab/abc123", "ab/abd"]
    store.put("ab/abc123", b"replaced")
    assert store.read("ab/abc123") == b"replaced" and len(list(store.list())) == 3


def test_a_deleted_file_is_gone_and_a_missing_one_says_so(store):
    store.put("parts/m01.pdf", b"%PDF-1.7")
    store.delete("parts/m01.pdf")
    store.delete("parts/never-there.pdf")  # deleting twice is no error
    assert not store.exists("parts/m01.pdf") and store.stat("parts/m01.pdf") is None
    assert list(store.list()) == []
    with pytest.raises(NotStored):
        store.read("parts/m01.pdf")
    with pytest.raises(NotStored):
        store.open("nothing/here")


def test_a_put_that_breaks_off_leaves_the_old_file_and_no_trace(store):
    store.put("books/handbook.pdf", b"the old edition")
    with pytest.raises(OSError):
        store.put("books/handbook.pdf", FailingReader(10 * 1024 * 1024))  # S3: a multipart upload, abandoned
    with pytest.raises(OSError):
        store.put("books/new.pdf", FailingReader(100))
    assert store.read("books/handbook.pdf") == b"the old edition"
    assert list(store.list()) == ["books/handbook.pdf"]
    if isinstance(store, LocalStorage):
        assert [p.name for p in store.root.rglob("*") if p.is_file()] == ["handbook.pdf"]  # no temporary file left


def test_readers_see_the_old_file_or_the_new_one_never_a_mixture(store):
    old, new = b"A" * 300_000, b"B" * 300_000 + b"longer"
    store.put("x/book.pdf", old)
    seen, done = set(), threading.Event()

    def read_while_written():
        while not done.is_set():
            seen.add(hashlib.sha256(store.read("x/book.pdf")).hexdigest())

    reader = threading.Thread(target=read_while_written)
    reader.start()
    try:
        for round_ in range(12):
            store.put("x/book.pdf", new if round_ % 2 == 0 else old)
    finally:
        done.set()
        reader.join(timeout=60)
    assert seen and seen <= {hashlib.sha256(old).hexdigest(), hashlib.sha256(new).hexdigest()}


def test_a_large_book_is_streamed_in_pieces_and_from_any_point(store):
    data = os.urandom(1024 * 1024) * 12  # 12 MiB: S3 takes it as a multipart upload
    store.put("big/teachers-book.pdf", io.BytesIO(data))
    digest, pieces = hashlib.sha256(), 0
    with store.open("big/teachers-book.pdf") as stream:
        while piece := stream.read(256 * 1024):
            digest.update(piece)
            pieces += 1
        stream.seek(7 * 1024 * 1024 + 5)
        middle = stream.read(1000)
    assert digest.hexdigest() == hashlib.sha256(data).hexdigest() and pieces == 48
    assert middle == data[7 * 1024 * 1024 + 5:7 * 1024 * 1024 + 1005]


@pytest.mark.parametrize("name", [
    "../outside", "/etc/passwd", "a/../../outside", "a//b", "a/", "", ".partial-host-1-x", "a/.hidden", "a\\b",
    "a\x00b", "é/x", "a b", "..", "x" * 2000, None, 7,
])
def test_names_that_could_leave_the_storage_are_refused(store, tmp_path, name):
    for attempt in (lambda: store.put(name, b"evil"), lambda: store.read(name), lambda: store.exists(name),
                    lambda: store.delete(name), lambda: store.open(name), lambda: store.stat(name)):
        with pytest.raises(InvalidName):
            attempt()
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


@pytest.mark.parametrize("prefix", ["../", "/etc", "a/../", ".partial-", "a//", "a\\"])
def test_listings_that_could_leave_the_storage_are_refused(store, prefix):
    with pytest.raises(InvalidName):
        list(store.list(prefix))


def test_a_stored_file_is_sent_whole_in_ranges_and_revalidated(store, web):
    data = bytes(range(256)) * 4096  # 1 MiB
    store.put("ab/photo", data)
    options = {"mimetype": "image/jpeg", "download_name": "hopper.jpg", "max_age": 0}
    with web.test_request_context(), store.send("ab/photo", **options) as whole:
        whole.direct_passthrough = False
        body, etag = whole.get_data(), whole.headers["ETag"]
    assert whole.status_code == 200 and body == data and whole.content_length == len(data)
    assert whole.headers["Content-Disposition"] == "inline; filename=hopper.jpg" and whole.last_modified
    with web.test_request_context(headers={"Range": "bytes=1000-1999"}), \
            store.send("ab/photo", **options, etag="given-etag") as part:
        part.direct_passthrough = False
        assert part.status_code == 206 and part.get_data() == data[1000:2000]
        assert part.headers["Content-Range"] == f"bytes 1000-1999/{len(data)}" and part.headers["ETag"] == '"given-etag"'
    with web.test_request_context(headers={"If-None-Match": etag}), store.send("ab/photo", **options) as unchanged:
        assert unchanged.status_code == 304
    with web.test_request_context(), pytest.raises(NotStored):
        store.send("ab/gone", **options)


def test_local_storage_keeps_the_layout_and_is_owner_only(tmp_path):
    store = LocalStorage(tmp_path / "uploads")
    store.put("ab/ab12", b"photo")
    path = tmp_path / "uploads" / "ab" / "ab12"
    assert path.read_bytes() == b"photo" and store.path("ab/ab12") == path
    assert path.stat().st_mode & 0o777 == 0o600 and path.parent.stat().st_mode & 0o777 == 0o700
    (path.parent / ".partial-elsewhere-1-abc").write_bytes(b"half")  # a write in progress is not a file yet
    assert list(store.list()) == ["ab/ab12"]

"""Files in an S3-compatible object store (AWS S3, MinIO, Ceph, Garage ...), through boto3.

An object appears whole or not at all: a single PUT and a multipart upload are both made
visible only once complete, so no reader ever sees half a file. Files are streamed through the
app (never a presigned link), so the app still decides who may download each one.
Credentials come from boto3's usual sources (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, ...).
"""
import io
import os
import threading

from flask import request, send_file
from werkzeug.exceptions import RequestedRangeNotSatisfiable
from werkzeug.wsgi import FileWrapper

from upskill.storage.base import NotStored, Storage, StoredObject, check_name, check_prefix

READ_BUFFER = 1024 * 1024
MISSING = {"404", "NoSuchKey", "NotFound"}


_clients = {}
_clients_lock = threading.Lock()


def client_for(endpoint_url, region):
    """Return this process's boto3 client for the endpoint (thread-safe; made on first use, so after a fork)."""
    key = (os.getpid(), endpoint_url, region)
    with _clients_lock:
        if key not in _clients:
            import boto3
            from botocore.config import Config

            _clients[key] = boto3.session.Session().client(
                "s3", endpoint_url=endpoint_url, region_name=region or None,
                config=Config(retries={"max_attempts": 3, "mode": "standard"}, connect_timeout=5, read_timeout=30))
        return _clients[key]


class S3Storage(Storage):
    """The objects under bucket/prefix, through one boto3 client per endpoint and process."""

    remote = True

    def __init__(self, bucket, prefix="", endpoint_url=None, region=None):
        self.bucket = bucket
        self.prefix = prefix
        self.endpoint_url = endpoint_url
        self.region = region

    def __repr__(self):
        return f"S3Storage({self.bucket!r}, {self.prefix!r}, endpoint_url={self.endpoint_url!r})"

    @property
    def client(self):
        """The boto3 client of this storage's endpoint."""
        return client_for(self.endpoint_url, self.region)

    def key(self, name):
        """Return the object key that holds the file called name."""
        return self.prefix + check_name(name)

    def put(self, name, data):
        key = self.key(name)
        if isinstance(data, (bytes, bytearray, memoryview)):
            self.client.put_object(Bucket=self.bucket, Key=key, Body=bytes(data))
        else:
            self.client.upload_fileobj(data, self.bucket, key)

    def stat(self, name):
        from botocore.exceptions import ClientError

        key = self.key(name)
        try:
            head = self.client.head_object(Bucket=self.bucket, Key=key)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in MISSING:
                return None
            raise
        return StoredObject(name, head["ContentLength"], head["LastModified"].timestamp(), head["ETag"].strip('"'))

    def open(self, name):
        found = self.stat(name)
        if found is None:
            raise NotStored(name)
        return self._stream(found)

    def _stream(self, found):
        return io.BufferedReader(ObjectReader(self.client, self.bucket, self.prefix + found.name, found.size), READ_BUFFER)

    def delete(self, name):
        key = self.key(name)
        self.client.delete_object(Bucket=self.bucket, Key=key)

    def list(self, prefix=""):
        check_prefix(prefix)
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=self.prefix + prefix)
        for page in pages:
            for entry in page.get("Contents", ()):
                if not entry["Key"].endswith("/"):  # a "folder" marker some tools make is not a file
                    yield entry["Key"][len(self.prefix):]

    def send(self, name, *, mimetype, download_name, as_attachment=False, etag=None, last_modified=None,
             max_age=None, conditional=True):
        found = self.stat(name)
        if found is None:
            raise NotStored(name)
        stream = self._stream(found)  # nothing is fetched until the body is read: a 304 costs one HEAD
        response = send_file(stream, mimetype=mimetype, as_attachment=as_attachment, download_name=download_name,
                             conditional=False, etag=etag if etag is not None else found.etag,
                             last_modified=last_modified if last_modified is not None else found.modified_at,
                             max_age=max_age)
        response.response = FileWrapper(stream, 64 * 1024)  # seekable: a byte range is fetched, not skipped to
        response.content_length = found.size
        if conditional:
            try:
                response = response.make_conditional(request.environ, accept_ranges=True, complete_length=found.size)
            except RequestedRangeNotSatisfiable:
                stream.close()
                raise
        return response


class ObjectReader(io.RawIOBase):
    """A seekable stream of one object: each read continues one ranged GET, a seek starts another."""

    def __init__(self, client, bucket, key, size):
        super().__init__()
        self._client, self._bucket, self._key, self._size = client, bucket, key, size
        self._position = 0
        self._body = None

    def readable(self):
        return True

    def seekable(self):
        return True

    def tell(self):
        return self._position

    def seek(self, offset, whence=io.SEEK_SET):
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self._size}[whence]
        position = max(base + offset, 0)
        if position != self._position:
            self._drop_body()
            self._position = position
        return position

    def readinto(self, buffer):
        if self._position >= self._size or not len(buffer):
            return 0
        if self._body is None:
            answer = self._client.get_object(Bucket=self._bucket, Key=self._key, Range=f"bytes={self._position}-")
            self._body = answer["Body"]
        chunk = self._body.read(len(buffer))
        buffer[:len(chunk)] = chunk
        self._position += len(chunk)
        return len(chunk)

    def close(self):
        self._drop_body()
        super().close()

    def _drop_body(self):
        if self._body is not None:
            self._body.close()
            self._body = None

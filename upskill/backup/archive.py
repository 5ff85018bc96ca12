"""The archive file: written under a temporary name and renamed when complete; read and checked whole.

A ZIP file (random access, so a restore checks every member before it writes anything).
"""
import hashlib
import json
import os
import secrets
import zipfile
from contextlib import contextmanager
from pathlib import Path

FORMAT = "upskill-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHUNK = 1 << 20


class BackupInvalid(ValueError):
    """An archive that cannot be restored as it is; the message says what is wrong with it."""


def table_member(name):
    return f"tables/{name}.jsonl"


def file_member(name):
    return f"files/{name}"


@contextmanager
def writing(final_path):
    """Yield an open ZipFile that appears at final_path only once it is complete and closed."""
    final_path = Path(final_path)
    temporary = final_path.with_name(f".{final_path.name}.part-{secrets.token_hex(4)}")
    try:
        with open(temporary, "wb") as out:
            os.chmod(temporary, 0o600)  # it holds personal data
            with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
                yield archive
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, final_path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_lines(archive, member, lines):
    """Write one line per item of lines (bytes, without the newline); return (count, sha256)."""
    digest, count = hashlib.sha256(), 0
    with archive.open(member, "w", force_zip64=True) as out:
        for line in lines:
            line += b"\n"
            digest.update(line)
            out.write(line)
            count += 1
    return count, digest.hexdigest()


def write_chunks(archive, member, chunks):
    """Write a file from chunks of bytes; return (size, sha256)."""
    digest, size = hashlib.sha256(), 0
    with archive.open(member, "w", force_zip64=True) as out:
        for chunk in chunks:
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def write_manifest(archive, manifest):
    archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))


@contextmanager
def reading(path):
    """Yield the open archive and its manifest; refuse what is not an UPSKILL backup of a known format."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise BackupInvalid(f"{path} cannot be read as a backup archive ({error})") from None
    with archive:
        yield archive, _manifest_of(archive, path)


def _manifest_of(archive, path):
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError:
        raise BackupInvalid(f"{path} has no {MANIFEST}: it is not an UPSKILL backup") from None
    except (zipfile.BadZipFile, ValueError) as error:
        raise BackupInvalid(f"{path}: its {MANIFEST} cannot be read ({error})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupInvalid(f"{path} is not an UPSKILL backup")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupInvalid(f"{path} is a backup of format version {manifest.get('format_version')}; "
                            f"this version of UPSKILL reads version {FORMAT_VERSION}")
    return manifest


def read_chunks(archive, member):
    """Yield the bytes of one member in chunks."""
    with archive.open(member) as source:
        while chunk := source.read(CHUNK):
            yield chunk


def read_lines(archive, member):
    """Yield the lines of one member."""
    with archive.open(member) as source:
        yield from source


def check_member(archive, member, expected_sha256, expected_lines=None):
    """Refuse a member that is missing or whose bytes (or line count) are not the manifest's."""
    digest, lines = hashlib.sha256(), 0
    try:
        for chunk in read_chunks(archive, member):
            digest.update(chunk)
            lines += chunk.count(b"\n")
    except KeyError:
        raise BackupInvalid(f"{member} is missing from the archive") from None
    except zipfile.BadZipFile as error:
        raise BackupInvalid(f"{member} is damaged in the archive ({error})") from None
    if digest.hexdigest() != expected_sha256:
        raise BackupInvalid(f"{member} does not have the sha256 the manifest gives: the archive is damaged "
                            "or was changed")
    if expected_lines is not None and lines != expected_lines:
        raise BackupInvalid(f"{member} holds {lines} rows, the manifest says {expected_lines}")

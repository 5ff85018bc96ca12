"""Evidence files: checked by their content, photos re-encoded without location or camera data,
kept in the evidence storage (upskill.storage) under the hash of their content, written atomically.

Accepted: JPEG and PNG photos, PDF documents. A HEIC photo (an iPhone's default) is refused
with a message that says how to send it as JPEG; SVG, HTML, scripts and anything else are
refused whatever their name says.
"""
import hashlib
import io
from dataclasses import dataclass

from flask import abort
from flask_babel import gettext as _
from PIL import Image, ImageOps

from upskill import storage

MAX_PIXELS = 40_000_000  # a 40-megapixel photo; more is a decompression bomb, not a photo
LONG_SIDE = 2400  # photos are kept at most this many pixels on their long side
JPEG_QUALITY = 85
FILES_PER_HAND_IN = 10
INLINE = ("image/jpeg", "image/png")  # shown in the browser; other files are downloaded


class UploadRefused(ValueError):
    """A file that is not kept; the message says why, for the person who sent it."""


@dataclass(frozen=True)
class CheckedFile:
    data: bytes
    media_type: str
    original_name: str

    @property
    def sha256(self):
        return hashlib.sha256(self.data).hexdigest()


def kind_of(head):
    """Name a file's type from its first bytes, whatever its name says."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"):
        return "image/heic"
    return None


def check_file(data, name, allowed=("image/jpeg", "image/png", "application/pdf")):
    """Return the file ready to store (a photo re-encoded), or raise UploadRefused with the reason."""
    name = _safe_name(name)
    if not data:
        raise UploadRefused(_("%(name)s is empty (0 bytes).", name=name))
    kind = kind_of(data[:16])
    if kind == "image/heic":
        raise UploadRefused(_("%(name)s is a HEIC photo, which cannot be shown here. On an iPhone choose "
                              "Settings › Camera › Formats › Most Compatible, or send the photo as JPEG.", name=name))
    if kind is None or kind not in allowed:
        raise UploadRefused(_("%(name)s is not a JPEG or PNG photo or a PDF document.", name=name))
    if kind == "application/pdf":
        if b"%%EOF" not in data[-2048:]:
            raise UploadRefused(_("%(name)s is not a complete PDF document (it may have been cut off).", name=name))
        return CheckedFile(data, kind, name)
    return CheckedFile(_reencode(data, name), "image/jpeg" if kind == "image/jpeg" else "image/png", name)


def _reencode(data, name):
    """Decode and encode the photo again: only the pixels survive, no EXIF (location, camera), no trailing data."""
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_PIXELS:
                raise UploadRefused(_("%(name)s is too large a picture.", name=name))
            fmt = image.format
            image = ImageOps.exif_transpose(image)  # keep the photo upright once the orientation tag is gone
            image.thumbnail((LONG_SIDE, LONG_SIDE))
            out = io.BytesIO()
            if fmt == "JPEG":
                image.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
            else:
                image.save(out, "PNG", optimize=True)
            return out.getvalue()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise UploadRefused(_("%(name)s is too large a picture.", name=name)) from None
    except (OSError, SyntaxError, ValueError):
        raise UploadRefused(_("%(name)s could not be read as a picture; it may be damaged.", name=name)) from None


def _safe_name(name):
    """A file name fit to show and to offer for download: no folders, no control characters, bounded."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable() and ch not in '<>:"|?*')
    return (base.strip(" .") or "file")[:120]


def name_of(sha256):
    """Return the storage name of the evidence file with this content hash (ab/abcdef...)."""
    return f"{sha256[:2]}/{sha256}"


def store(checked):
    """Store the file under its hash (once: the same content is stored once), whole or not at all."""
    evidence = storage.evidence()
    name = name_of(checked.sha256)
    if not evidence.exists(name):
        evidence.put(name, checked.data)
    return name


def send_evidence(found):
    """Answer with the stored file of an EvidenceFile, sandboxed and never cached; 404 if it is gone.

    Photos open in the browser, anything else downloads; the caller has already decided who may see it.
    """
    try:
        response = storage.evidence().send(name_of(found.sha256), mimetype=found.media_type,
                                           as_attachment=found.media_type not in INLINE, download_name=found.original_name,
                                           max_age=0, conditional=True)
    except storage.NotStored:
        abort(404)
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Cache-Control"] = "private, no-store"
    return response

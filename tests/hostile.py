"""Hostile input for property-based tests: strings, numbers, field lists, bodies and file names.

Everything here is what a careless client or an attacker may send: very long and very large values,
control characters and NUL, lone surrogates (sent as the invalid UTF-8 they become), right-to-left
marks, markup and script, SQL and LIKE wildcards, path traversal, percent-encoding broken on purpose,
wrong types, repeated and missing fields, and raw bodies that are not what they claim to be.

The settings profile comes from UPSKILL_HYPOTHESIS_PROFILE: "ci" (the default: few examples,
derandomized so a run never flakes) or "long" (many random examples, for a hunt before a release).
"""
import os
from urllib.parse import quote_from_bytes

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

settings.register_profile(
    "ci", max_examples=10, derandomize=True, deadline=None, database=None, print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long", max_examples=300, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = os.environ.get("UPSKILL_HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)


def examples(count):
    """Settings for count examples in CI, twenty-five times as many in the long profile."""
    return settings(max_examples=count * (25 if PROFILE == "long" else 1))

# Every piece of markup carries this name, so a page that echoes it unescaped is found by it.
SCRIPT_MARK = "upskillXss"
MARKUP = (
    f"<script>{SCRIPT_MARK}()</script>",
    f'"><script>{SCRIPT_MARK}()</script>',
    f"<img src=x onerror={SCRIPT_MARK}()>",
    f"<svg onload={SCRIPT_MARK}()>",
    f"javascript:{SCRIPT_MARK}()",
    f"' onmouseover='{SCRIPT_MARK}()' x='",
    f'" onfocus="{SCRIPT_MARK}()" autofocus x="',
    "{{ 7*7 }}{% raw %}",
    "<!--",
    "]]>",
)
# Found by a probe of the public site: answers that only look like numbers.
NUMBER_LOOKALIKES = ("²", "①", "٣", "Ⅻ", "𝟗", "1_000", "0x1F", "1e999999", "NaN", "inf", "-0", "+1", " 1 ", "1.", ".5")
SQL = ("' OR '1'='1", "'; DROP TABLE users; --", "1 UNION SELECT NULL--", '"', "\\", "\\'", "%", "_", "%_%", "\\%",
       "[a-z]", "*", "%%%%", "' || pg_sleep(0) || '")
TRAVERSAL = ("../../../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "/etc/passwd", "C:\\boot.ini",
             "....//....//x", "%2e%2e%2f%2e%2e%2f", "..", ".", "~/.ssh/id_rsa", "\\\\server\\share\\x", "a/../../b")
CONTROLS = ("\x00", "a\x00b", "\r\n", "\r\nSet-Cookie: x=1", "\x1b[31m", "\x7f", "\x0b\x0c", "\u0085", "\u2028\u2029")
UNICODE = ("\u202e", "\u200f\u200e", "\ufeff", "\u200b", "\ud800", "\udfff", "a\ud83d", "\U0010ffff", "\ufffe",
           "e\u0301" * 50, "Ω" * 1000, "ß", "İ", "ǅ", "\U0001f600")
WRONG_TYPES = ("", " ", "null", "None", "true", "[]", "{}", '{"a": 1}', "[1, 2]", "-1", "0", "99999999999999999999999",
               "-9223372036854775809", "18446744073709551616", "1.5e308", "2026-02-30", "0000-00-00", "9999-99-99")
NAMES_LIKE_URL_FOR = ("_external", "_anchor", "_method", "_scheme", "endpoint", "values", "__class__", "__proto__",
                      "a[]", "a[b]", "", " ", "csrf_token")

HUGE_LENGTH = 300_000  # one of these fits under the form limit; a million digits is over the body limit


def _huge_values():
    return st.sampled_from((
        "9" * HUGE_LENGTH, "1" + "0" * HUGE_LENGTH, "9" * 1_000_000, "-" + "9" * 100_000, "0." + "1" * 100_000,
        "x" * HUGE_LENGTH, "<" * 100_000, "%" * 100_000, "\x00" * 10_000, "ä" * 100_000,
    ))


def hostile_texts():
    """One hostile value: a known-bad string, random text with odd characters, or a mixture."""
    known = st.sampled_from(MARKUP + NUMBER_LOOKALIKES + SQL + TRAVERSAL + CONTROLS + UNICODE + WRONG_TYPES)
    odd = st.text(st.characters(codec=None, categories=("Cc", "Cf", "Cs", "Co", "Zl", "Zp", "No", "Nd", "Sm", "Po")),
                  max_size=40)
    long_runs = st.builds(lambda piece, times: piece * times, known, st.integers(1, 400))
    mixed = st.lists(st.one_of(known, odd, st.text(max_size=10)), min_size=2, max_size=5).map("".join)
    return st.one_of(known, odd, long_runs, mixed, st.text(max_size=30))


def values(huge=True):
    """A value for a field or query argument; huge ones (hundreds of kilobytes) now and then."""
    choices = [hostile_texts()]
    if huge:
        choices.append(_huge_values())
    return st.one_of(*choices)


def fields(names):
    """A list of (name, value) pairs from the form's own names: some missing, some repeated, some invented."""
    known = st.sampled_from(sorted(names)) if names else st.nothing()
    name = st.one_of(known, known, known, st.sampled_from(NAMES_LIKE_URL_FOR), hostile_texts())
    pair = st.tuples(name, hostile_texts())
    pairs = st.lists(pair, max_size=12)
    with_huge = st.tuples(pairs, st.tuples(name, _huge_values())).map(lambda both: both[0] + [both[1]])
    return st.one_of(pairs, pairs, with_huge)


def encode(text):
    """The bytes a client sends for text; a lone surrogate becomes the invalid UTF-8 it encodes to."""
    return text.encode("utf-8", "surrogatepass")


BROKEN_PERCENT = ("%", "%%", "%G1", "%E2%82", "%ED%A0%80", "%FF%FE", "%C0%AF", "%00", "%0D%0A", "%u0041", "%2", "+%+")


def query_strings(names=()):
    """A raw query string: hostile names and values, some percent-encoding broken on purpose."""
    name = st.one_of(st.sampled_from(sorted(set(names) | set(NAMES_LIKE_URL_FOR) | {"q", "page", "lang", "next"})),
                     hostile_texts())
    pair = st.tuples(name, values(huge=False)).map(lambda p: f"{quote_from_bytes(encode(p[0]))}="
                                                              f"{quote_from_bytes(encode(p[1]))}")
    piece = st.one_of(pair, pair, st.sampled_from(BROKEN_PERCENT), st.sampled_from(("&", "&&", "=", "==", ";")))
    return st.lists(piece, min_size=1, max_size=8).map("&".join)


def form_body(pairs):
    """Encode (name, value) pairs as an application/x-www-form-urlencoded body, invalid UTF-8 and all."""
    return b"&".join(quote_from_bytes(encode(name)).encode() + b"=" + quote_from_bytes(encode(value)).encode()
                     for name, value in pairs)


def raw_bodies():
    """A body with a content type it does not match: invalid UTF-8, JSON, XML, or nothing at all."""
    return st.sampled_from((
        (b"\xff\xfe\x00\x00garbage\xc3\x28", "application/x-www-form-urlencoded"),
        (b'{"csrf_token": ["x"], "a": {"b": null}}', "application/json"),
        (b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>", "text/xml"),
        (b"--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated", "multipart/form-data; boundary=x"),
        (b"a=1", "multipart/form-data"),  # no boundary
        (b"a=1&a=2&a=3", "text/plain"),
        (b"", "application/octet-stream"),
        (b"%" * 1000, "application/x-www-form-urlencoded; charset=utf-7"),
    ))


# File names an upload may carry; PROBE is in each, so a file stored under one is found on disk.
PROBE = "hostile-probe"
FILE_NAMES = (f"../../../../../../../tmp/{PROBE}.jpg", f"/tmp/{PROBE}.jpg", f"..\\..\\..\\{PROBE}.jpg",
              f"{PROBE}\x00.jpg", f"{PROBE}.jpg\x00.php", f"....//....//{PROBE}.jpg", f"%2e%2e%2f{PROBE}.jpg",
              f"{PROBE}" + "a" * 5000 + ".jpg", f"{PROBE}\u202egpj.exe", f".{PROBE}", f"{PROBE}.jpg/",
              f"~/{PROBE}.jpg", f"{PROBE}<script>{SCRIPT_MARK}()</script>.jpg")


def file_names():
    """A hostile name for an uploaded file."""
    return st.one_of(st.sampled_from(FILE_NAMES), hostile_texts().map(lambda text: f"{PROBE}{text}.jpg"))


def file_contents(real_photo):
    """What is behind the name: a real photo, something else named .jpg, a truncated or empty file."""
    return st.sampled_from((
        real_photo, real_photo[: len(real_photo) // 2], b"", b"<?php system($_GET['c']); ?>",
        b"\xff\xd8\xff\xe0" + b"\x00" * 64, b"%PDF-1.4\n%%EOF", b"GIF89a" + b"\x00" * 20,
        b"<svg xmlns='http://www.w3.org/2000/svg' onload='upskillXss()'/>", b"email,name\n\xff\xfe,\x00\n",
    ))


def multipart_body(pairs, files=(), declared_size=None):
    """Encode fields and (field, file name, bytes) files as multipart/form-data, byte for byte as given.

    declared_size puts a Content-Length of its own on each file part, true or not.
    """
    boundary = b"hostile-boundary-7f3a"
    parts = []
    for name, value in pairs:
        parts.append(b'Content-Disposition: form-data; name="' + encode(name) + b'"\r\n\r\n' + encode(value))
    for field, file_name, data in files:
        head = (b'Content-Disposition: form-data; name="' + encode(field) + b'"; filename="' + encode(file_name)
                + b'"\r\nContent-Type: image/jpeg\r\n')
        if declared_size is not None:
            head += b"Content-Length: " + str(declared_size).encode() + b"\r\n"
        parts.append(head + b"\r\n" + data)
    body = b"".join(b"--" + boundary + b"\r\n" + part + b"\r\n" for part in parts) + b"--" + boundary + b"--\r\n"
    return body, "multipart/form-data; boundary=" + boundary.decode()


INT_LOOKALIKES = ("-1", "0", "00", "9" * 30, "١٢", "1.5", "1e3", "0x10", "+1", " 1")


def path_values():
    """A value for one part of an address, quoted as a client would (or not), slashes and all."""
    quoted = values(huge=False).map(lambda text: quote_from_bytes(encode(text)[:4000], safe=""))
    traversal = st.sampled_from(TRAVERSAL).map(lambda text: quote_from_bytes(encode(text), safe="/"))
    return st.one_of(quoted, traversal, st.sampled_from(INT_LOOKALIKES + BROKEN_PERCENT))

"""Backups: the whole database and the evidence files in one archive, restorable into either engine.

An archive is a ZIP file:

- ``manifest.json``: format name and version, the app's version, the migration head, the engine
  the backup came from, when it was made, and per table its columns (name and kind), row count
  and the sha256 of its rows file; per evidence file its path, size and sha256.
- ``tables/<table>.jsonl``: one JSON array per row, the values in the manifest's column order,
  rows in primary-key order (strings in code-point order). Values by kind: integers, numbers,
  texts and booleans as JSON; ``datetime`` as ISO 8601 in UTC with its offset; ``date`` as
  ISO 8601; ``json`` as the stored JSON itself; ``enum`` as the stored name; ``bytes`` as base64;
  SQL NULL as ``null``.
- ``files/<path>``: the evidence files, under the names they have in the upload folder.

Built books are left out: they are rebuilt from the curriculum on the first download.
"""

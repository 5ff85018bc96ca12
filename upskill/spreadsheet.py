"""CSV files for spreadsheets: UTF-8 with a byte order mark, RFC 4180 quoting, no cell run as a formula."""
import csv
import io

from flask import Response

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_text(columns, rows):
    """The CSV text of a header row and the rows, every cell made safe; lines end in CRLF as RFC 4180 says."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue()


def csv_response(filename, columns, rows):
    """A CSV download that spreadsheets open as UTF-8 (the byte order mark says so) and nobody caches."""
    return Response("\ufeff" + csv_text(columns, rows), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"',
                             "Cache-Control": "private, no-store"})

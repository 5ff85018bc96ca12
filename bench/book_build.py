"""Run in a fresh process by bench/books.py: build one book and time it against bare WeasyPrint.

Prints one JSON line: our pipeline's seconds (a whole book assembled from its parts, reusing the
parts the library has), its peak resident memory, and bare WeasyPrint's seconds for the same
book laid out as one HTML document (plain, and with the same tagging options).
"""
import json
import resource
import sys
import time

from weasyprint import HTML

from upskill import create_app, storage
from upskill.export import pdf as book_pdf
from upskill.export.books import BookSpec
from upskill.export.content import load_book_content
from upskill.export.fetcher import BASE_URL, ProjectFileFetcher
from upskill.export.library import find_or_build


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(kind, lang, module, bare):
    app = create_app()
    spec = BookSpec(kind, lang, module or None)
    result = {}
    with app.app_context():
        started = time.perf_counter()
        book = find_or_build(spec)
        result.update(ours=time.perf_counter() - started, peak_rss_mb=peak_rss_mb(), pages=book.pages,
                      size=book.size, cached=book.cached, path=str(storage.books().path(book.name)))  # the local library
        if bare == "bare":
            content = load_book_content(lang, spec.module_codes)
            html = book_pdf.book_html(spec, content, book.content_hash, book.revision)
            fetcher = ProjectFileFetcher(app.static_folder, app.config["CURRICULUM_DIR"])
            for label, options in (("bare", {}), ("bare_tagged", {"pdf_tags": True, "pdf_variant": book_pdf.PDF_VARIANT})):
                started = time.perf_counter()
                HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).write_pdf(**options)
                result[label] = time.perf_counter() - started
    print(json.dumps(result))


if __name__ == "__main__":
    main(*sys.argv[1:5])

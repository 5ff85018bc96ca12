"""Run in a fresh process by bench/books.py: build one book and time it against bare WeasyPrint.

Prints one JSON line: our pipeline's seconds, bare WeasyPrint's seconds for the same HTML (plain,
and with the same tagging options), pages and the peak resident memory of this process.
"""
import json
import resource
import sys
import time

from weasyprint import HTML

from upskill import create_app
from upskill.export import pdf as book_pdf
from upskill.export.books import BookSpec
from upskill.export.fetcher import BASE_URL, ProjectFileFetcher
from upskill.export.library import find_or_build


def main(kind, lang, module):
    app = create_app()
    spec = BookSpec(kind, lang, module or None)
    captured = {}
    render = book_pdf.render_pdf

    def keep_html(html):
        captured["html"] = html
        return render(html)

    with app.app_context():
        from upskill.export import library

        library.render_pdf = keep_html
        started = time.perf_counter()
        book = find_or_build(spec)
        ours = time.perf_counter() - started
        fetcher = ProjectFileFetcher(app.static_folder, app.config["CURRICULUM_DIR"])
        timings = {}
        for label, options in (("bare", {}), ("bare_tagged", {"pdf_tags": True, "pdf_variant": book_pdf.PDF_VARIANT})):
            started = time.perf_counter()
            HTML(string=captured["html"], base_url=BASE_URL, url_fetcher=fetcher).write_pdf(**options)
            timings[label] = time.perf_counter() - started
    print(json.dumps({
        "ours": ours, **timings, "pages": book.pages, "size": book.size, "cached": book.cached,
        "path": str(book.path), "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


if __name__ == "__main__":
    main(*sys.argv[1:4])

"""Books use only the vendored fonts and the project's own files; the fetcher refuses the rest."""
from io import BytesIO

import pytest
from pypdf import PdfReader

from upskill.export.fetcher import ProjectFileFetcher, RefusedResource
from upskill.export.pdf import render_pdf

CHARACTERS = "ą č ę ė į š ų ū ž Ą Č Ę Ė Į Š Ų Ū Ž ä ö å Ä Ö é è ê à ç œ Œ « » – €"
VENDORED = ("Book-Serif", "Book-Sans", "DejaVu-Sans")


def embedded_fonts(pdf):
    reader = PdfReader(BytesIO(pdf))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names, "".join(page.extract_text() for page in reader.pages)


def test_every_character_of_the_four_languages_prints_in_the_vendored_fonts(app):
    html = (f'<html lang="lt"><head><link rel="stylesheet" href="/static/css/book.css"></head>'
            f"<body><p>{CHARACTERS}</p><h2>{CHARACTERS}</h2><p><em>{CHARACTERS}</em></p></body></html>")
    with app.app_context():
        pdf, pages = render_pdf(html)
    fonts, text = embedded_fonts(pdf)
    assert pages == 1
    assert all(name.startswith(VENDORED) for name in fonts), fonts
    for character in CHARACTERS.split():
        assert character in text, character


@pytest.fixture
def fetcher(app):
    return ProjectFileFetcher(app.static_folder, app.config["CURRICULUM_DIR"])


@pytest.mark.parametrize("url", [
    "/static/css/book.css", "upskill://book/static/fonts/DejaVuSans.ttf", "/curriculum/M01/figures/hopper.svg",
])
def test_fetcher_serves_our_own_static_files_and_figures(fetcher, url):
    response = fetcher.fetch(url)
    assert response.read()


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    "https://example.org/logo.png",
    "http://127.0.0.1:5000/static/css/site.css",
    "data:image/svg+xml,<svg/>",
    "//example.org/x.css",
    "/static/../upskill/config.py",
    "/static/%2e%2e/setup.cfg",
    "/curriculum/M01/figures/../module.yaml",
    "/curriculum/M01/L1/",
    "/instance/secret_key",
    "upskill://elsewhere/static/css/book.css",
    "/static/css/book.css?x=1",
])
def test_fetcher_refuses_everything_else(fetcher, url):
    with pytest.raises(RefusedResource):
        fetcher.fetch(url)


def test_a_book_that_asks_for_an_outside_file_fails_instead_of_leaking_it(app):
    html = '<html><body><img src="file:///etc/hostname" alt="x"><p>text</p></body></html>'
    with app.app_context(), pytest.raises(RefusedResource):
        render_pdf(html)

"""Figures in the reader's language: name.<lang>.svg beside the master, checked like the master."""
from upskill.curriculum.render import render_block
from tests.test_curriculum_check import M01, problems_of
from tests.test_pages import page

FIGURES = M01 + "/figures"


def test_lithuanian_page_shows_the_lithuanian_drawing(client):
    assert '<img src="/curriculum/M01/figures/hopper.lt.svg"' in page(client, "/curriculum/M01/L1/?lang=lt")
    assert '<img src="/curriculum/M01/figures/hopper.svg"' in page(client, "/curriculum/M01/L1/?lang=en")


def test_full_size_view_in_lithuanian_shows_the_lithuanian_drawing(client):
    html = page(client, "/curriculum/M01/L1/figures/hopper/?lang=lt")
    assert '<img src="/curriculum/M01/figures/hopper.lt.svg"' in html


def test_translated_drawing_is_served_as_svg(client):
    with client.get("/curriculum/M01/figures/hopper.lt.svg") as response:
        assert response.status_code == 200 and response.mimetype == "image/svg+xml"
        assert "bunkeris" in response.get_data(as_text=True)


def test_phones_get_the_translated_narrow_drawing():
    env = {"lang": "lt", "module": "M01", "item": "L2", "narrow_figures": {"barrel-zones.svg"},
           "translated_figures": {"barrel-zones.lt.svg", "barrel-zones.narrow.lt.svg"}, "figures_found": []}
    html = render_block('![Cilindras](figures/barrel-zones.svg "Zonos")', env)
    assert 'srcset="/curriculum/M01/figures/barrel-zones.narrow.lt.svg"' in html
    assert '<img src="/curriculum/M01/figures/barrel-zones.lt.svg"' in html
    assert env["figures_found"][0]["name"] == "barrel-zones.svg"


def test_untranslated_figure_keeps_the_english_drawings_in_a_translation():
    env = {"lang": "lt", "module": "M01", "item": "L2", "narrow_figures": {"barrel-zones.svg"},
           "translated_figures": set(), "figures_found": []}
    html = render_block('![Cilindras](figures/barrel-zones.svg "Zonos")', env)
    assert 'srcset="/curriculum/M01/figures/barrel-zones.narrow.svg"' in html
    assert '<img src="/curriculum/M01/figures/barrel-zones.svg"' in html


def test_translated_wide_figure_needs_its_narrow_translation(curriculum_copy):
    folder = curriculum_copy / FIGURES
    (folder / "barrel-zones.lt.svg").write_bytes((folder / "barrel-zones.svg").read_bytes())
    found = problems_of(curriculum_copy)
    assert any("barrel-zones.lt.svg:1: the English figure has a narrow variant: translate it too, "
               "as barrel-zones.narrow.lt.svg" in p for p in found), found


def test_narrow_translation_needs_its_wide_one(curriculum_copy):
    folder = curriculum_copy / FIGURES
    (folder / "barrel-zones.narrow.lt.svg").write_bytes((folder / "barrel-zones.narrow.svg").read_bytes())
    found = problems_of(curriculum_copy)
    assert any("barrel-zones.narrow.lt.svg:1: narrow translation without its wide one" in p for p in found), found


def test_translation_of_a_missing_figure_is_reported(curriculum_copy):
    folder = curriculum_copy / FIGURES
    (folder / "spare.fi.svg").write_bytes((folder / "hopper.svg").read_bytes())
    (folder / "hopper.xx.svg").write_bytes((folder / "hopper.svg").read_bytes())
    found = problems_of(curriculum_copy)
    assert any("spare.fi.svg:1: translation of a figure that does not exist: spare.svg" in p for p in found), found
    assert any("hopper.xx.svg:1: unknown language 'xx'" in p for p in found), found


def test_translated_figure_is_checked_for_script(curriculum_copy):
    path = curriculum_copy / FIGURES / "hopper.lt.svg"
    path.write_text(path.read_text(encoding="utf-8").replace("</svg>", "<script>alert(1)</script></svg>"), encoding="utf-8")
    found = problems_of(curriculum_copy)
    assert any("hopper.lt.svg" in p and "script" in p for p in found), found


def test_translated_figure_text_must_be_legible_on_a_phone(curriculum_copy):
    path = curriculum_copy / FIGURES / "hopper.lt.svg"
    path.write_text(path.read_text(encoding="utf-8").replace('font-size="16"', 'font-size="9"'), encoding="utf-8")
    found = problems_of(curriculum_copy)
    assert any("hopper.lt.svg" in p and "shows at" in p for p in found), found

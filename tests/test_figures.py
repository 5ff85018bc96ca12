"""Figures on a phone: a narrow variant where one is drawn, and a full-size view to pan and zoom."""
from tests.test_pages import page


def test_figure_with_a_narrow_variant_gives_it_to_phones(client):
    html = page(client, "/curriculum/M01/L2/")
    assert ('<picture><source media="(max-width: 40rem)" srcset="/curriculum/M01/figures/barrel-zones.narrow.svg">'
            '<img src="/curriculum/M01/figures/barrel-zones.svg"') in html


def test_figure_without_a_narrow_variant_is_a_plain_image(client):
    html = page(client, "/curriculum/M01/L1/")
    assert "<picture>" not in html and '<img src="/curriculum/M01/figures/hopper.svg"' in html


def test_full_size_view_shows_the_figure_and_the_way_back_to_it(client):
    html = page(client, "/curriculum/M01/L1/figures/hopper/")
    assert "The hopper feeds the barrel" in html  # the caption
    assert '<img src="/curriculum/M01/figures/hopper.svg" alt="Hopper above the barrel, pellets falling into the screw"' in html
    assert 'href="/curriculum/M01/L1/#fig-hopper"' in html
    assert 'id="fig-hopper"' in page(client, "/curriculum/M01/L1/")


def test_full_size_view_speaks_the_readers_language(client):
    html = page(client, "/curriculum/M01/L1/figures/hopper/?lang=lt")
    assert "Bunkeris tiekia granules į cilindrą" in html


def test_unknown_figure_or_item_is_a_404(client):
    assert client.get("/curriculum/M01/L1/figures/barrel-zones/").status_code == 404  # L2's figure, not L1's
    assert client.get("/curriculum/M01/L9/figures/hopper/").status_code == 404


def test_narrow_variant_is_served_as_svg(client):
    with client.get("/curriculum/M01/figures/barrel-zones.narrow.svg") as response:
        assert response.status_code == 200 and response.mimetype == "image/svg+xml"
        assert b"<svg" in response.data

"""Alphabetical lists follow each language's alphabet: the glossary index, its CSV, class lists."""
import csv
import io

import pytest

from upskill.collation import initial, sort_key


def ordered(words, lang):
    return sorted(words, key=lambda word: sort_key(word, lang))


def test_lithuanian_c_s_z_with_caron_are_letters_of_their_own():
    words = ["žaliava", "zona", "šaltis", "sraigtas", "čiaupas", "cilindras", "dažai", "tūris", "ąsotis", "antgalis"]
    assert ordered(words, "lt") == ["antgalis", "ąsotis", "cilindras", "čiaupas", "dažai", "sraigtas", "šaltis",
                                    "tūris", "zona", "žaliava"]
    assert [initial(w, "lt") for w in ("šaltis", "ąsotis", "Žaliava")] == ["Š", "A", "Ž"]


def test_finnish_a_ring_a_and_o_umlaut_come_after_z():
    words = ["öljy", "ämpäri", "zeniitti", "åländsk", "aukko", "ovi"]
    assert ordered(words, "fi") == ["aukko", "ovi", "zeniitti", "åländsk", "ämpäri", "öljy"]
    assert initial("ämpäri", "fi") == "Ä"


def test_french_accents_only_break_ties():
    assert ordered(["étirage", "extrudeuse", "ebavurage", "élasticité"], "fr") == [
        "ebavurage", "élasticité", "étirage", "extrudeuse"]
    assert ordered(["éclat", "eclat"], "fr") == ["eclat", "éclat"]
    assert initial("étirage", "fr") == "E"
    assert initial("šaltis", "fr") == "S"  # a Lithuanian word in a French list goes under S


@pytest.mark.parametrize("lang", ["lt", "fi"])
def test_the_glossary_index_lists_letters_in_the_languages_order(synced_app, lang):
    from upskill.extensions import db
    from upskill.models import GlossaryTerm

    names = {"lt": ["šildytuvas", "sraigtas", "žaliava", "zona"], "fi": ["öljy", "zeniitti", "ämpäri", "aukko"]}[lang]
    with synced_app.app_context():
        for n, name in enumerate(names):
            db.session.add(GlossaryTerm(key=f"collation-{n}", terms={"en": f"term {n}", lang: name},
                                        definitions={"en": "A word to sort."}, content_hash="test"))
        db.session.commit()
    html = synced_app.test_client().get(f"/glossary/?lang={lang}").get_data(as_text=True)
    positions = [html.index(f">{name}<") for name in ordered(names, lang)]
    assert positions == sorted(positions)
    if lang == "lt":
        assert 'class="letter-heading">Š<' in html and 'class="letter-heading">Ž<' in html
    rows = list(csv.reader(io.StringIO(synced_app.test_client().get(f"/glossary/terms.csv?lang={lang}").get_data(as_text=True).lstrip("\ufeff"))))
    column = rows[0].index({"lt": "Lietuvių", "fi": "Suomi"}[lang])
    listed = [row[column] for row in rows[1:] if row[column] in names]
    assert listed == ordered(names, lang)

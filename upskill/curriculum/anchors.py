"""The anchors of a text's headings, as its page shows them, for links like item:M03.L2#the-law."""
from upskill.curriculum.render import make_parser


def heading_anchors(text):
    """Return the set of id anchors the rendered text gives its headings."""
    return {
        token.attrGet("id")
        for token in make_parser().parse(text or "")
        if token.type == "heading_open" and token.attrGet("id")
    }

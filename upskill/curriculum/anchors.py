"""The anchors of a text's headings, as its page shows them, for links like item:M03.L2#the-law."""
from upskill.curriculum.render import heading_ids


def heading_anchors(text):
    """Return the set of id anchors the rendered text gives its headings."""
    return set(heading_ids(text))

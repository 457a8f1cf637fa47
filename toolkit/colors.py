"""The one colour table for actor types: plots, the network, the HTML report and displaCy.

A type has the same colour everywhere, so a reader who learns "orange is a
person" in the displaCy view reads the bar charts and the network the same way.
The colours are the Okabe-Ito palette (distinguishable with the common forms of
colour blindness) and light enough for black text on them (displaCy draws the
mention's text on its type's colour). Types not in the table get a stable colour
from :data:`PALETTE`, chosen by a checksum of the name.

Example:
    >>> type_color("person") == TYPE_COLORS["PERSON"]
    True
"""

from __future__ import annotations

import zlib

# spaCy entity labels (see lesson 02 for what each means).
TYPE_COLORS = {
    "PERSON": "#E69F00",       # orange
    "ORG": "#56B4E9",          # sky blue
    "GPE": "#009E73",          # bluish green
    "NORP": "#CC79A7",         # reddish purple
    "LOC": "#F0E442",          # yellow
    "FAC": "#D55E00",          # vermilion
    "EVENT": "#A6CEE3",
    "PRODUCT": "#B2DF8A",
    "WORK_OF_ART": "#FDBF6F",
    "LAW": "#CAB2D6",
}
PALETTE = ("#8DD3C7", "#FFFFB3", "#BEBADA", "#FB8072", "#80B1D3", "#FDB462", "#B3DE69",
           "#FCCDE5", "#D9D9D9", "#BC80BD")
GREY = "#8C8C8C"


def type_color(kind: str | None) -> str:
    """The colour of an actor type (hex), the same everywhere for the same type.

    Example:
        >>> type_color("") == GREY
        True
    """
    key = (kind or "").strip().upper()
    if key in TYPE_COLORS:
        return TYPE_COLORS[key]
    if not key:
        return GREY
    return PALETTE[zlib.crc32(key.encode("utf-8")) % len(PALETTE)]

"""What the parser sees: small views for learning (lesson 02, "Concepts").

The toolkit's rules are written over spaCy's analysis of the text: tokens,
sentences, parts of speech, the dependency parse, named entities and lemmas.
These helpers show that analysis as tables and pictures, so a rule name such
as ``indirect-ccomp`` (a speech verb with a clausal complement) stops being
magic.

- :func:`token_table` -- one row per token: lemma, part of speech, dependency, head;
- :func:`show_parse` -- displaCy's dependency picture, with stable ids (reproducible);
- :func:`entity_glossary` -- every entity label, what it means, what the toolkit
  makes of it, and examples from a text;
- :data:`DEPENDENCY_GLOSSARY` -- the dependency labels the toolkit's rules use.

Example:
    >>> ENTITY_LABELS["NORP"][0]
    'Nationalities or religious or political groups'
"""

from __future__ import annotations

import re

import pandas as pd
from spacy.tokens import Doc, Span

# label: (meaning, what the toolkit does with it)
ENTITY_LABELS = {
    "PERSON": ("People, including fictional", "actor"),
    "NORP": ("Nationalities or religious or political groups", "actor"),
    "FAC": ("Buildings, airports, highways, bridges, etc.", "actor"),
    "ORG": ("Companies, agencies, institutions, etc.", "actor"),
    "GPE": ("Countries, cities, states (geopolitical entities)", "actor"),
    "LOC": ("Non-GPE locations, mountain ranges, bodies of water", "actor"),
    "PRODUCT": ("Objects, vehicles, foods, etc. (not services)", "not used"),
    "EVENT": ("Named hurricanes, battles, wars, sports events, etc.", "not used"),
    "WORK_OF_ART": ("Titles of books, songs, etc.", "not used"),
    "LAW": ("Named documents made into laws", "not used"),
    "LANGUAGE": ("Any named language", "not used"),
    "DATE": ("Absolute or relative dates or periods", "timeline"),
    "TIME": ("Times smaller than a day", "timeline"),
    "PERCENT": ("Percentage, including \"%\"", "figure"),
    "MONEY": ("Monetary values, including unit", "figure"),
    "QUANTITY": ("Measurements, as of weight or distance", "figure"),
    "ORDINAL": ("\"first\", \"second\", etc.", "not used"),
    "CARDINAL": ("Numerals that do not fall under another type", "figure"),
}

# The dependency labels the toolkit's rules look at (spaCy's English scheme).
DEPENDENCY_GLOSSARY = {
    "ROOT": "the main verb of the sentence: every other word hangs from it",
    "nsubj": "nominal subject: who does it (\"*the mayor* said\")",
    "nsubjpass": "subject of a passive verb (\"*homes* were flooded\")",
    "dobj": "direct object: what is done (\"closed *the libraries*\")",
    "ccomp": "clausal complement: a whole clause as object, what was said "
             "(\"said *that talks would resume*\"): the quote rules' `indirect-ccomp`",
    "appos": "apposition: a second name for the same thing (\"Hale, *the council leader*\")",
    "compound": "part of a compound name (\"*council* leader\", \"*Marcus* Hale\")",
    "prep": "preposition attached to a word (\"according *to*\", \"by the end *of*\")",
    "pobj": "object of a preposition (\"according to *the report*\")",
    "nummod": "number modifying a noun (\"*200* residents\")",
    "amod": "adjective modifying a noun (\"*heated* meeting\")",
    "poss": "possessor (\"*the council's* plan\")",
    "punct": "punctuation",
}


def token_table(span: Doc | Span) -> pd.DataFrame:
    """One row per token of ``span``: what the tokenizer, tagger, parser and NER say.

    Columns ``i, text, lemma, pos, pos_means, dep, head, is_stop, like_num, entity``
    (``entity`` is ``B-LABEL``/``I-LABEL`` inside an entity, else empty).

    Example:
        >>> doc = nlp("Farmers sold apples.")
        >>> token_table(doc)[["text", "lemma", "pos", "dep"]].head(2)
              text   lemma   pos    dep
        0  Farmers  farmer  NOUN  nsubj
        1     sold    sell  VERB   ROOT
    """
    from spacy import explain

    rows = []
    for tok in span:
        if tok.is_space:
            continue
        ent = f"{tok.ent_iob_}-{tok.ent_type_}" if tok.ent_type_ else ""
        rows.append({"i": tok.i, "text": tok.text, "lemma": tok.lemma_, "pos": tok.pos_,
                     "pos_means": explain(tok.pos_) or "", "dep": tok.dep_,
                     "head": tok.head.text, "is_stop": tok.is_stop, "like_num": tok.like_num,
                     "entity": ent})
    return pd.DataFrame(rows, columns=["i", "text", "lemma", "pos", "pos_means", "dep", "head",
                                       "is_stop", "like_num", "entity"])


_UUID = re.compile(r"\b[0-9a-f]{32}-(\d+)\b")


def show_parse(span: Doc | Span, *, jupyter: bool | None = None, compact: bool = True,
               distance: int = 95) -> str | None:
    """The dependency parse of ``span`` as displaCy draws it (arcs from head to child).

    displaCy names each picture with a random id; here it is replaced by a
    stable one, so the same sentence gives the same markup (a notebook's stored
    output then reproduces).

    Args:
        span: a sentence (``doc[...]`` or ``list(doc.sents)[k]``) or a short doc.
        jupyter: display inline in a notebook (``None``: detect).
        compact: displaCy's compact mode (square arcs, smaller).
        distance: pixels between words.

    Returns:
        The SVG markup when not displayed in a notebook, else ``None``.
    """
    from spacy import displacy

    svg = displacy.render(span, style="dep", jupyter=False,
                          options={"compact": compact, "distance": distance})
    svg = _UUID.sub(lambda m: f"parse-{m[1]}", svg)
    if jupyter is None:
        jupyter = _in_notebook()
    if jupyter:
        from IPython.display import HTML, display

        display(HTML(f'<span class="tex2jax_ignore">{svg}</span>'))
        return None
    return svg


def _in_notebook() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and shell.__class__.__name__ == "ZMQInteractiveShell"


def entity_glossary(doc: Doc | None = None, *, examples: int = 3) -> pd.DataFrame:
    """Every entity label: what it means, what the toolkit does with it, examples.

    Args:
        doc: a parsed text to take examples from (the first distinct ones, in text order).
        examples: at most this many examples per label.

    Returns:
        DataFrame ``label, means, toolkit, in_this_text, examples``.

    Example:
        >>> entity_glossary().set_index("label").loc["GPE", "toolkit"]
        'actor'
    """
    found: dict[str, list[str]] = {label: [] for label in ENTITY_LABELS}
    counts: dict[str, int] = dict.fromkeys(ENTITY_LABELS, 0)
    for ent in (doc.ents if doc is not None else ()):
        if ent.label_ not in found:
            continue
        counts[ent.label_] += 1
        text = " ".join(ent.text.split())
        if text not in found[ent.label_] and len(found[ent.label_]) < examples:
            found[ent.label_].append(text)
    rows = [{"label": label, "means": means, "toolkit": use, "in_this_text": counts[label],
             "examples": "; ".join(found[label])}
            for label, (means, use) in ENTITY_LABELS.items()]
    return pd.DataFrame(rows, columns=["label", "means", "toolkit", "in_this_text", "examples"])

"""The output contract is public API: this test pins it and the README documents it.

If this test fails, the contract changed. Change it deliberately: update this
test, the README's table and the notebooks together.
"""

from __future__ import annotations

from conftest import ROOT
from toolkit import contract

PINNED = {
    "articles": ("article_id source_path source_id title authors author_roles published "
                 "dateline paragraphs words removed_lines outlet section length_words "
                 "archive_id"),
    "removed": "article_id line text reason",
    "sentences": "article_id sentence paragraph kind start_char end_char text",
    "actors": "article_id actor type mentions aliases description source",
    "mentions": "article_id actor text start_char end_char sentence",
    "quotes": "article_id speaker speaker_actor cue quote kind sentence start_char end_char rule",
    "figures": ("article_id value text qualifier unit what source sentence start_char end_char "
                "rule"),
    "timeline": "article_id text date sentence start_char end_char event",
    "cooccurrence": "article_id actor_a actor_b weight",
    "terms": "article_id term count",
}


def test_contract_is_pinned():
    assert {k: " ".join(v) for k, v in contract.TABLES.items()} == PINNED


def test_readme_documents_every_table_and_column():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, columns in contract.TABLES.items():
        assert f"`{name}.csv`" in readme, name
        line = next(ln for ln in readme.splitlines() if ln.startswith(f"| `{name}.csv`"))
        for column in columns:
            assert f"`{column}`" in line, (name, column)


def test_empty_tables_have_contract_columns():
    for name, columns in contract.TABLES.items():
        df = contract.empty(name)
        assert tuple(df.columns) == columns and len(df) == 0


def test_frame_fills_article_id_and_keeps_integers():
    df = contract.frame("mentions", [{"actor": "A", "text": "A", "start_char": 3, "end_char": 4,
                                      "sentence": None}], article_id="x")
    assert df.article_id.tolist() == ["x"]
    assert str(df.start_char.dtype) == "Int64" and df.sentence.isna().all()


def test_articles_rows_carry_dateline_and_author_roles():
    from toolkit.analysis import article_rows
    from toolkit.clean import clean_lines

    art = clean_lines(["Rain stops play at the cup final", "",
                       "LEEDS (PA) - Rain stopped play at the final on Sunday, officials said.", "",
                       "By Ann Lee, Sports Reporter, and Bo Diaz"])
    row = article_rows([art])[0]
    assert (row["dateline"], row["authors"], row["author_roles"]) == (
        "LEEDS", "Ann Lee; Bo Diaz", "Ann Lee: Sports Reporter")

"""Corrections: a researcher's decisions about one corpus, applied after every run.

A corrections file (CSV, or YAML when PyYAML is installed) holds one
decision per row. Each is addressed by article and by *text* (an actor's
name, a fragment of a quote, a figure as written), optionally pinned by the
character offset ``start_char`` in ``cleaned/<article_id>.txt``, never by row
number: rows move when the toolkit changes, the text does not.

Columns: ``article_id``, ``action``, ``target``, ``start_char``, ``value``,
``detail``, ``note``. The actions (see :data:`ACTIONS`):

=================  ==========================  ======================================
action             target                      value / detail
=================  ==========================  ======================================
``merge_actors``   actor merged away           value: the actor it joins
``split_actor``    actor split                 value: the new actor's name; detail:
                                               its surface forms (``; ``-joined), or
                                               ``start_char`` for one mention
``retype_actor``   actor                       value: PERSON, ORG, GPE, NORP, LOC, FAC
``rename_actor``   actor                       value: the new name
``drop_actor``     actor                       -
``set_speaker``    (fragment of) a quote       value: the speaker
``drop_quote``     (fragment of) a quote       -
``add_quote``      the quote as in the text    value: the speaker; detail: kind
                                               (``direct`` by default)
``fix_figure``     a figure as written         detail: value, what, source, unit or
                                               qualifier; value: the new content
``drop_figure``    a figure as written         -
=================  ==========================  ======================================

:func:`apply_corrections` is a pure function over one article's table rows:
corrections run in file order, every changed row is counted, a correction
that matches nothing is reported as *stale*, and one that matches two places
raises :class:`CorrectionError` naming its row before anything is changed.
"""

from __future__ import annotations

import copy
import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from . import contract
from .actors import ACTOR_TYPES

COLUMNS = ("article_id", "action", "target", "start_char", "value", "detail", "note")
QUOTE_KINDS = ("direct", "indirect", "according_to")  # the quotes table's ``kind`` values
FIGURE_FIELDS = ("value", "what", "source", "unit", "qualifier")
CORRECTION_RULE = "correction"  # the ``rule`` of a quote added by a correction

# action -> (table it addresses, value required)
ACTIONS: dict[str, tuple[str, bool]] = {
    "merge_actors": ("actors", True),
    "split_actor": ("actors", True),
    "retype_actor": ("actors", True),
    "rename_actor": ("actors", True),
    "drop_actor": ("actors", False),
    "set_speaker": ("quotes", True),
    "drop_quote": ("quotes", False),
    "add_quote": ("quotes", True),
    "fix_figure": ("figures", False),
    "drop_figure": ("figures", False),
}


class CorrectionError(ValueError):
    """A corrections file or one of its rows cannot be used; the message names the row."""


@dataclass(frozen=True)
class Correction:
    """One decision of a corrections file.

    ``where`` names its row (``corrections.csv line 4``) in every message.
    """

    article_id: str
    action: str
    target: str
    start_char: int | None = None
    value: str = ""
    detail: str = ""
    note: str = ""
    where: str = ""

    @property
    def table(self) -> str:
        return ACTIONS[self.action][0]


@dataclass
class Outcome:
    """What one correction did in one article: rows changed, or why it is stale."""

    correction: Correction
    changed: int = 0
    reason: str = ""

    @property
    def stale(self) -> bool:
        return self.changed == 0


@dataclass
class Corrections:
    """A loaded corrections file: its decisions, path and SHA-256 (for the manifest)."""

    items: tuple[Correction, ...]
    path: str = ""
    sha256: str = ""
    by_article: dict[str, tuple[Correction, ...]] = field(init=False, repr=False)

    def __post_init__(self):
        grouped: dict[str, list[Correction]] = {}
        for c in self.items:
            grouped.setdefault(c.article_id, []).append(c)
        self.by_article = {k: tuple(v) for k, v in grouped.items()}

    def __len__(self) -> int:
        return len(self.items)

    def for_article(self, article_id: str) -> tuple[Correction, ...]:
        return self.by_article.get(article_id, ())


# --------------------------------------------------------------------------- reading


def read_corrections(path: str | Path) -> Corrections:
    """Read and check a corrections file (``.csv``, or ``.yaml``/``.yml``).

    Every row is checked before any is used: unknown actions, missing
    targets or values, a bad type, kind, figure field or offset raise
    :class:`CorrectionError` naming the row.

    Example:
        >>> import tempfile, os
        >>> p = os.path.join(tempfile.mkdtemp(), "c.csv")
        >>> _ = open(p, "w").write("article_id,action,target,value\\na1,drop_actor,Acme,\\n")
        >>> [c.action for c in read_corrections(p).items]
        ['drop_actor']
    """
    from .output import sha256_file

    path = Path(path)
    if not path.is_file():
        raise CorrectionError(f"{path}: corrections file not found")
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        records = _yaml_records(path)
    elif suffix == ".csv":
        records = _csv_records(path)
    else:
        raise CorrectionError(f"{path}: corrections must be a .csv or .yaml file")
    items = tuple(parse_correction(rec, where=f"{path.name} {loc}") for loc, rec in records)
    return Corrections(items, path=str(path), sha256=sha256_file(path))


def corrections_from_records(records: Iterable[dict], *, name: str = "corrections") -> Corrections:
    """Corrections from dicts (e.g. rows of a DataFrame), checked like a file's rows."""
    items = tuple(parse_correction(rec, where=f"{name} row {i}")
                  for i, rec in enumerate(records, start=1))
    return Corrections(items, path=name)


def _csv_records(path: Path) -> list[tuple[str, dict]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise CorrectionError(f"{path}: not UTF-8 text") from None
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in ("article_id", "action", "target") if c not in header]
    if missing:
        raise CorrectionError(f"{path}: missing column(s) {', '.join(missing)} "
                              f"(expected {', '.join(COLUMNS)})")
    records = []
    for row in reader:
        rec = {(k or "").strip(): v for k, v in row.items()}
        if all(not (v or "").strip() for k, v in rec.items() if k):
            continue  # a blank line
        records.append((f"line {reader.line_num}", rec))
    return records


def _yaml_records(path: Path) -> list[tuple[str, dict]]:
    try:
        import yaml
    except ModuleNotFoundError:
        raise CorrectionError(f"{path}: reading YAML needs PyYAML (pip install pyyaml); "
                              "or write the corrections as CSV") from None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CorrectionError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if isinstance(data, dict) and "corrections" in data:
        data = data["corrections"]
    if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
        raise CorrectionError(f"{path}: expected a list of corrections (mappings)")
    return [(f"item {i}", d) for i, d in enumerate(data, start=1)]


def _text(rec: dict, key: str) -> str:
    v = rec.get(key)
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return " ".join(str(v).split())


def parse_correction(rec: dict, *, where: str) -> Correction:
    """Check one record and build its :class:`Correction` (errors name ``where``)."""
    unknown = sorted(k for k in rec if k and k not in COLUMNS)
    if unknown:
        raise CorrectionError(f"{where}: unknown column(s) {', '.join(unknown)}")
    action = _text(rec, "action").lower()
    if action not in ACTIONS:
        raise CorrectionError(f"{where}: unknown action {action!r} "
                              f"(one of {', '.join(ACTIONS)})")
    c = Correction(article_id=_text(rec, "article_id"), action=action,
                   target=_text(rec, "target"), start_char=_offset(rec, where),
                   value=_text(rec, "value"), detail=_text(rec, "detail"),
                   note=_text(rec, "note"), where=where)
    if not c.article_id:
        raise CorrectionError(f"{where}: article_id is empty")
    if not c.target:
        raise CorrectionError(f"{where}: target is empty ({action} needs the text it corrects)")
    if ACTIONS[action][1] and not c.value:
        raise CorrectionError(f"{where}: {action} needs a value")
    _check_values(c)
    return c


def _offset(rec: dict, where: str) -> int | None:
    raw = _text(rec, "start_char")
    if not raw:
        return None
    try:
        number = float(raw.replace(",", ""))
    except ValueError:
        raise CorrectionError(f"{where}: start_char {raw!r} is not a number") from None
    if number < 0 or not number.is_integer():
        raise CorrectionError(f"{where}: start_char {raw!r} is not a character offset")
    return int(number)


def _check_values(c: Correction) -> None:
    if c.action == "retype_actor" and c.value.upper() not in ACTOR_TYPES:
        raise CorrectionError(f"{c.where}: type {c.value!r} is not one of "
                              f"{', '.join(ACTOR_TYPES)}")
    if c.action == "add_quote" and c.detail and c.detail not in QUOTE_KINDS:
        raise CorrectionError(f"{c.where}: quote kind {c.detail!r} is not one of "
                              f"{', '.join(QUOTE_KINDS)}")
    if c.action == "fix_figure":
        if c.detail not in FIGURE_FIELDS:
            raise CorrectionError(f"{c.where}: fix_figure needs detail = the field to fix "
                                  f"({', '.join(FIGURE_FIELDS)}), not {c.detail!r}")
        if c.detail == "value" and c.value:
            _number(c.value, c.where)
    if c.action in ("merge_actors", "rename_actor", "split_actor") and c.value == c.target:
        raise CorrectionError(f"{c.where}: {c.action} names the same actor twice")
    if c.action == "split_actor" and not c.detail and c.start_char is None:
        raise CorrectionError(f"{c.where}: split_actor needs detail (the forms that go to "
                              f"{c.value!r}) or start_char (one mention)")


def _number(raw: str, where: str) -> float:
    try:
        return float(raw.replace(",", ""))
    except ValueError:
        raise CorrectionError(f"{where}: value {raw!r} is not a number") from None


def write_corrections(corrections: Iterable[Correction]) -> bytes:
    """Corrections as CSV bytes (the columns of :data:`COLUMNS`), reproducibly."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for c in corrections:
        writer.writerow([c.article_id, c.action, c.target,
                         "" if c.start_char is None else c.start_char, c.value, c.detail,
                         c.note])
    return buf.getvalue().encode("utf-8")


# --------------------------------------------------------------------------- applying


def apply_corrections(rows: dict[str, list[dict]], corrections: Iterable[Correction], *,
                      article_id: str, text: str, doc=None, window: str | int = "sentence"
                      ) -> tuple[dict[str, list[dict]], list[Outcome]]:
    """Apply one article's corrections to its table rows; the input is not changed.

    Args:
        rows: the article's contract rows by table (as in ``Analysis.rows``).
        corrections: corrections; those of other articles are ignored.
        article_id: the article the rows belong to.
        text: its cleaned text (``add_quote`` finds the quote there).
        doc: its parsed Doc, to rebuild co-occurrence after actor changes
            under a paragraph or token window (sentence windows need none).
        window: the co-occurrence window of the run.

    Returns:
        The corrected rows and one :class:`Outcome` per correction of this
        article, in order.

    Raises:
        CorrectionError: a correction matches two places; nothing is applied.

    Example:
        >>> rows = {"actors": [{"actor": "Acme", "type": "ORG", "mentions": 1,
        ...                     "aliases": "Acme", "description": ""}],
        ...         "mentions": [{"actor": "Acme", "text": "Acme", "start_char": 0,
        ...                       "end_char": 4, "sentence": 0}],
        ...         "quotes": [], "figures": [], "cooccurrence": []}
        >>> fix = Correction("a1", "retype_actor", "Acme", value="PERSON")
        >>> new, outcomes = apply_corrections(rows, [fix], article_id="a1", text="Acme ran.")
        >>> new["actors"][0]["type"], outcomes[0].changed
        ('PERSON', 1)
    """
    mine = [c for c in corrections if c.article_id == article_id]
    if not mine:
        return rows, []
    new = {name: copy.deepcopy(rows.get(name, [])) for name in
           ("actors", "mentions", "quotes", "figures", "cooccurrence", "sentences")}
    outcomes = []
    actors_changed = False
    for c in mine:
        outcome = Outcome(c)
        HANDLERS[c.action](new, c, outcome, text)
        actors_changed |= c.table == "actors" and outcome.changed > 0
        outcomes.append(outcome)
    if actors_changed:
        new["cooccurrence"] = _cooccurrence(new["mentions"], doc, window)
    result = dict(rows)
    for name in ("actors", "mentions", "quotes", "figures", "cooccurrence"):
        if name in rows:
            for row in new[name]:
                row.setdefault("article_id", article_id)
            result[name] = new[name]
    return result, outcomes


def _cooccurrence(mentions: list[dict], doc, window) -> list[dict]:
    """Co-occurrence rebuilt from the corrected mentions, as the extractor builds it."""
    from .cooccurrence import cooccurrence_rows

    by_actor: dict[str, list] = {}
    for m in mentions:
        by_actor.setdefault(m["actor"], []).append(SimpleNamespace(**m))
    actors = [SimpleNamespace(name=k, mentions=v) for k, v in by_actor.items()]
    return cooccurrence_rows(doc, actors, window=window)


def _one(rows: list[dict], matches: list[int], c: Correction, what: str,
         show: str) -> int | None:
    """The single matching row index, None when none; two or more raise."""
    if not matches:
        return None
    if len(matches) > 1:
        offsets = ", ".join(str(rows[i].get("start_char")) for i in matches[:5])
        raise CorrectionError(f"{c.where}: {c.target!r} matches {len(matches)} {what} in "
                              f"{c.article_id} (start_char {offsets}); add start_char to "
                              f"say which {show}")
    return matches[0]


def _at(row: dict, offset: int | None) -> bool:
    """Whether ``row`` lies at ``offset`` (no offset: every row does)."""
    if offset is None:
        return True
    start, end = row.get("start_char"), row.get("end_char")
    if start is None or end is None:
        return False
    return int(start) <= offset < max(int(end), int(start) + 1)


def _at_phrase(c: Correction) -> str:
    """`` at 120`` when the correction names a start offset, else nothing."""
    return "" if c.start_char is None else f" at {c.start_char}"


def _drop_row(rows: list[dict], i: int | None, outcome: Outcome) -> None:
    """Delete row ``i`` (found by a ``_find_*`` helper) and count the change;
    nothing when it was not found (the finder has set the reason)."""
    if i is not None:
        del rows[i]
        outcome.changed = 1


def _norm(s) -> str:
    return " ".join(str(s or "").split())


# -- actors


def _actor_index(new: dict, name: str) -> int | None:
    for i, row in enumerate(new["actors"]):
        if row["actor"] == name:
            return i
    return None


def _find_actor(new: dict, c: Correction, outcome: Outcome) -> int | None:
    i = _actor_index(new, c.target)
    if i is None:
        outcome.reason = f"no actor {c.target!r} in {c.article_id}"
    return i


def _refresh_actor(new: dict, name: str) -> None:
    """Mentions count and aliases of ``name`` from its mention rows."""
    i = _actor_index(new, name)
    forms = [m["text"] for m in new["mentions"] if m["actor"] == name]
    new["actors"][i]["mentions"] = len(forms)
    new["actors"][i]["aliases"] = contract.LIST_SEP.join(dict.fromkeys(forms))


def _rename_everywhere(new: dict, old: str, name: str) -> int:
    changed = 0
    for m in new["mentions"]:
        if m["actor"] == old:
            m["actor"], changed = name, changed + 1
    for q in new["quotes"]:
        if q.get("speaker_actor") == old:
            q["speaker_actor"], changed = name, changed + 1
    return changed


def _refuse_existing(new: dict, c: Correction) -> None:
    """Raise when the new name ``c.value`` is already an actor of the article:
    splitting or renaming into it would make two rows of one actor."""
    if _actor_index(new, c.value) is not None:
        raise CorrectionError(f"{c.where}: actor {c.value!r} already exists in {c.article_id}; "
                              "use merge_actors")


def _merge_actors(new, c, outcome, text):
    i = _find_actor(new, c, outcome)
    if i is None:
        return
    j = _actor_index(new, c.value)
    if j is None:
        outcome.reason = f"no actor {c.value!r} to merge {c.target!r} into in {c.article_id}"
        return
    gone = new["actors"][i]
    if not new["actors"][j].get("description"):
        new["actors"][j]["description"] = gone.get("description")
    outcome.changed = 2 + _rename_everywhere(new, c.target, c.value)
    del new["actors"][i]
    _refresh_actor(new, c.value)


def _split_actor(new, c, outcome, text):
    i = _find_actor(new, c, outcome)
    if i is None:
        return
    _refuse_existing(new, c)
    forms = {f.strip() for f in c.detail.split(";") if f.strip()}
    moving = [m for m in new["mentions"] if m["actor"] == c.target
              and (not forms or m["text"] in forms) and _at(m, c.start_char)]
    if not moving:
        outcome.reason = f"no mention of {c.target!r} matches {c.detail or c.start_char!r}"
        return
    if len(moving) == sum(m["actor"] == c.target for m in new["mentions"]):
        raise CorrectionError(f"{c.where}: every mention of {c.target!r} would move; "
                              "use rename_actor")
    for m in moving:
        m["actor"] = c.value
    moved = {m["text"] for m in moving}
    for q in new["quotes"]:
        if q.get("speaker_actor") == c.target and _norm(q.get("speaker")) in moved:
            q["speaker_actor"] = c.value
    row = dict(new["actors"][i], actor=c.value, description="")
    new["actors"].insert(i + 1, row)
    _refresh_actor(new, c.target)
    _refresh_actor(new, c.value)
    outcome.changed = 2 + len(moving)


def _retype_actor(new, c, outcome, text):
    i = _find_actor(new, c, outcome)
    if i is not None:
        new["actors"][i]["type"] = c.value.upper()
        outcome.changed = 1


def _rename_actor(new, c, outcome, text):
    i = _find_actor(new, c, outcome)
    if i is None:
        return
    _refuse_existing(new, c)
    new["actors"][i]["actor"] = c.value
    outcome.changed = 1 + _rename_everywhere(new, c.target, c.value)


def _drop_actor(new, c, outcome, text):
    i = _find_actor(new, c, outcome)
    if i is None:
        return
    del new["actors"][i]
    before = len(new["mentions"])
    new["mentions"] = [m for m in new["mentions"] if m["actor"] != c.target]
    outcome.changed = 1 + before - len(new["mentions"])
    for q in new["quotes"]:
        if q.get("speaker_actor") == c.target:
            q["speaker_actor"], outcome.changed = "", outcome.changed + 1


# -- quotes


def _find_quote(new, c, outcome) -> int | None:
    rows = new["quotes"]
    target = _norm(c.target)
    hits = [i for i, q in enumerate(rows) if target in _norm(q.get("quote"))
            and _at(q, c.start_char)]
    i = _one(rows, hits, c, "quotes", "quote")
    if i is None:
        outcome.reason = f"no quote containing {c.target!r}{_at_phrase(c)} in {c.article_id}"
    return i


def _speaker_actor(new, speaker: str) -> str:
    return speaker if _actor_index(new, speaker) is not None else ""


def _set_speaker(new, c, outcome, text):
    i = _find_quote(new, c, outcome)
    if i is not None:
        new["quotes"][i]["speaker"] = c.value
        new["quotes"][i]["speaker_actor"] = _speaker_actor(new, c.value)
        outcome.changed = 1


def _drop_quote(new, c, outcome, text):
    _drop_row(new["quotes"], _find_quote(new, c, outcome), outcome)


def _add_quote(new, c, outcome, text):
    starts = _occurrences(text, c.target)
    if c.start_char is not None:
        starts = [s for s in starts if s == c.start_char]
    if not starts:
        outcome.reason = f"{c.target!r} not found{_at_phrase(c)} in the text of {c.article_id}"
        return
    if len(starts) > 1:
        raise CorrectionError(f"{c.where}: {c.target!r} occurs {len(starts)} times in "
                              f"{c.article_id} (start_char {', '.join(map(str, starts[:5]))}); "
                              "add start_char to say which")
    start, end = starts[0], starts[0] + len(c.target)
    if any(q.get("start_char") == start and q.get("end_char") == end for q in new["quotes"]):
        outcome.reason = f"the quote at {start} is already extracted"
        return
    row = {"article_id": None, "speaker": c.value, "speaker_actor": _speaker_actor(new, c.value),
           "cue": "", "quote": c.target, "kind": c.detail or "direct",
           "sentence": _sentence_at(new["sentences"], start), "start_char": start,
           "end_char": end, "rule": CORRECTION_RULE}
    pos = sum(1 for q in new["quotes"] if (q.get("start_char") or 0) <= start)
    new["quotes"].insert(pos, row)
    outcome.changed = 1


def _occurrences(text: str, needle: str) -> list[int]:
    found, i = [], text.find(needle)
    while i >= 0:
        found.append(i)
        i = text.find(needle, i + 1)
    return found


def _sentence_at(sentence_rows: list[dict], offset: int) -> int | None:
    for s in sentence_rows:
        if s["start_char"] <= offset < s["end_char"]:
            return s["sentence"]
    return None


# -- figures


def _find_figure(new, c, outcome) -> int | None:
    rows = new["figures"]
    hits = [i for i, f in enumerate(rows) if _norm(f.get("text")) == _norm(c.target)
            and _at(f, c.start_char)]
    i = _one(rows, hits, c, "figures", "figure")
    if i is None:
        outcome.reason = f"no figure {c.target!r}{_at_phrase(c)} in {c.article_id}"
    return i


def _fix_figure(new, c, outcome, text):
    i = _find_figure(new, c, outcome)
    if i is None:
        return
    value = (_number(c.value, c.where) if c.value else None) if c.detail == "value" \
        else (c.value or None)
    new["figures"][i][c.detail] = value
    outcome.changed = 1


def _drop_figure(new, c, outcome, text):
    _drop_row(new["figures"], _find_figure(new, c, outcome), outcome)


HANDLERS = {
    "merge_actors": _merge_actors, "split_actor": _split_actor, "retype_actor": _retype_actor,
    "rename_actor": _rename_actor, "drop_actor": _drop_actor, "set_speaker": _set_speaker,
    "drop_quote": _drop_quote, "add_quote": _add_quote, "fix_figure": _fix_figure,
    "drop_figure": _drop_figure,
}


# --------------------------------------------------------------------------- reporting


def summarize(corrections: Corrections, outcomes: Iterable[Outcome],
              seen_articles: Iterable[str] | None = None) -> dict:
    """Counts for the manifest: applied, rows changed, by action, and every stale one.

    A correction is stale when it changed nothing in any article of the run:
    its article was not analysed, or its target is not found (the text or
    the toolkit changed).
    """
    best: dict[str, Outcome] = {}
    for o in outcomes:
        key = o.correction.where
        if key not in best or o.changed > best[key].changed:
            best[key] = o
    seen = None if seen_articles is None else set(seen_articles)
    by_action: dict[str, int] = {}
    stale = []
    for c in corrections.items:
        o = best.get(c.where)
        if o is not None and o.changed:
            by_action[c.action] = by_action.get(c.action, 0) + 1
            continue
        reason = o.reason if o is not None else (
            f"article {c.article_id!r} is not in this run"
            if seen is not None and c.article_id not in seen
            else "not applied: its article failed (see errors.csv)")
        stale.append({"where": c.where, "article_id": c.article_id, "action": c.action,
                      "target": c.target, "reason": reason})
    return {"file": corrections.path, "sha256": corrections.sha256,
            "corrections": len(corrections), "applied": sum(by_action.values()),
            "rows_changed": sum(o.changed for o in best.values()),
            "by_action": dict(sorted(by_action.items())), "stale": stale}


def stale_messages(summary: dict) -> list[str]:
    """One line per stale correction, for the command line."""
    return [f"{s['where']}: stale correction ({s['action']} {s['target']!r}): {s['reason']}"
            for s in summary.get("stale", [])]


__all__ = ["ACTIONS", "COLUMNS", "Correction", "CorrectionError", "Corrections", "Outcome",
           "apply_corrections", "corrections_from_records", "parse_correction",
           "read_corrections", "stale_messages", "summarize", "write_corrections"]

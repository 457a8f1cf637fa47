"""Coding sheets: write a sample as a workbook and CSV files, read coded sheets back.

A coding folder holds ``sample.json`` (the sample's record), ``coding.xlsx``
and the same sheets as CSV under ``csv/``; a coder fills either. Sheets:

* one per table (``quotes``, ``figures``, ``actors``): a row per sampled item
  with the sentence around it (the item between ``⟦ ⟧`` in CSV, in red in the
  workbook) and the columns to fill: ``correct`` (``yes``, ``no`` or
  ``partly``), ``fix``, ``note`` and ``coder``;
* ``articles``: the articles to read whole, each marked ``checked`` = ``yes``
  once read;
* ``missed``: one row per item the toolkit missed in those articles
  (``article_id``, ``table``, ``text``; for a quote, ``detail`` = the speaker).

Reading is forgiving of what a spreadsheet program does to a sheet (columns
added or moved, rows sorted, numbers re-typed, ``Yes`` for ``yes``) and
strict about what would change a result: a row of another sample, an item
edited, deleted or listed twice, a code that is not one of the three, a coded
row without a coder. Every message names the sheet and row.

The ``fix`` column becomes corrections (:func:`sheet_corrections`), one
instruction per line: ``drop``; for quotes ``speaker: NAME``; for figures
``what: ...``, ``source: ...``, ``value: ...``, ``unit: ...``,
``qualifier: ...``; for actors ``type: ORG``, ``rename: NAME``,
``merge: NAME`` (into that actor), ``split: NEW NAME = form; form``.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from .coding import CODES, SHOW, TABLES, Sample, ValidationError
from .corrections import Correction, CorrectionError, parse_correction
from .output import atomic_write_bytes, csv_bytes, write_json

CODE_COLUMNS = ("correct", "fix", "note", "coder")
ARTICLE_COLUMNS = ("checked", "coder")
MISSED_COLUMNS = ("article_id", "table", "text", "detail", "note", "coder")
WORKBOOK, SAMPLE_JSON, CSV_DIR = "coding.xlsx", "sample.json", "csv"
META_SHEET = "_sample"
MISSED_ROWS = 200  # rows of the missed sheet offered with drop-downs
# The workbook's created/modified date and its zip entries' date: fixed, so that
# the same sample gives a byte-identical workbook (see workbook_bytes).
FIXED_TIME = datetime(1980, 1, 1)
WIDTHS = {"item": 7, "article_id": 16, "context": 80, "quote": 40, "aliases": 24,
          "description": 24, "speaker": 18, "speaker_actor": 18, "what": 24, "source": 20,
          "actor": 20, "correct": 9, "fix": 28, "note": 24, "coder": 12, "sample": 16,
          "title": 40, "text": 40, "detail": 20}
SYNONYMS = {"y": "yes", "n": "no", "p": "partly", "partially": "partly", "partial": "partly"}

INSTRUCTIONS = """\
Coding sheet for article-toolkit output.

For every row of the sheets {tables}:
  correct: yes (the row is right), no (wrong: not a {kinds}, or the wrong one), partly
           (the right item, but a field is wrong: speaker, what, source, type, span...).
  fix:     what would be right, one instruction per line:
           drop | speaker: NAME (quotes) | what: / source: / value: / unit: / qualifier: (figures)
           | type: ORG, rename: NAME, merge: NAME, split: NEW NAME = form; form (actors).
  note:    anything else.
  coder:   your name or initials, on every row you code.
The sentence around the item is in the context column; the item is shown {mark}.

Then read each article on the sheet 'articles' whole (cleaned/<article_id>.txt in the
analysis folder), mark checked = yes, and add one row to the sheet 'missed' for every
quote, figure or actor the toolkit did not find (text: the item as written; for a
quote, detail: the speaker).

Do not edit the columns item, article_id and sample; you may sort rows and add columns.
Score with:  article-toolkit validate score CODING_DIR [CODING_DIR ...]

sample {sample_id}: seed {seed}, {n} items, toolkit {toolkit}, output {output}
output sha256 {output_sha256}
"""


def instructions(sample: Sample, *, mark: str = "between \u27e6 and \u27e7") -> str:
    """The coding instructions, with the sample's record."""
    m = sample.meta
    return INSTRUCTIONS.format(tables=", ".join(m["tables"]), kinds="quote/figure/actor",
                               mark=mark, **{k: m[k] for k in ("sample_id", "seed", "n",
                                                                 "toolkit", "output",
                                                                 "output_sha256")})


# --------------------------------------------------------------------------- frames


def coding_frame(sample: Sample, table: str) -> pd.DataFrame:
    """The sheet of ``table``: item, article, shown columns, context, columns to fill."""
    items = sample.items[sample.items["table"] == table]
    df = items[["item", "article_id", *SHOW[table], "context"]].copy()
    for c in CODE_COLUMNS:
        df[c] = ""
    df["sample"] = sample.meta["sample_id"]
    return df.reset_index(drop=True)


def articles_frame(sample: Sample) -> pd.DataFrame:
    """The articles to read whole for missed items, with the toolkit's counts."""
    df = sample.articles.copy()
    for c in ARTICLE_COLUMNS:
        df[c] = ""
    df["sample"] = sample.meta["sample_id"]
    return df


def missed_frame() -> pd.DataFrame:
    """The empty ``missed`` sheet."""
    return pd.DataFrame(columns=list(MISSED_COLUMNS))


# --------------------------------------------------------------------------- writing


def write_sheet(sample: Sample, coding_dir: str | Path, *, overwrite: bool = False) -> Path:
    """Write ``sample.json``, ``coding.xlsx`` and ``csv/`` into a new coding folder.

    Raises:
        ValidationError: the folder exists and is not empty (unless
            ``overwrite``, which replaces only these files).
    """
    out = Path(coding_dir)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not overwrite)):
        raise ValidationError(f"{out}: coding folder exists and is not empty "
                              "(choose a new --out; coded sheets are never overwritten)")
    out.mkdir(parents=True, exist_ok=True)
    write_json(out / SAMPLE_JSON, sample.to_json())
    frames = {t: coding_frame(sample, t) for t in sample.meta["tables"]}
    frames["articles"], frames["missed"] = articles_frame(sample), missed_frame()
    for name, df in frames.items():
        atomic_write_bytes(out / CSV_DIR / f"{name}.csv", csv_bytes(df))
    atomic_write_bytes(out / CSV_DIR / "README.txt", instructions(sample).encode("utf-8"))
    _write_workbook(sample, frames, out / WORKBOOK)
    return out


def _write_workbook(sample: Sample, frames: dict[str, pd.DataFrame], path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "instructions"
    for i, line in enumerate(instructions(sample, mark="in red").splitlines(), start=1):
        ws.cell(row=i, column=1, value=line)
    ws.column_dimensions["A"].width = 110
    items = sample.items.set_index("item")
    for table in sample.meta["tables"]:
        _table_sheet(wb.create_sheet(table), frames[table], items)
    _articles_sheet(wb.create_sheet("articles"), frames["articles"])
    _missed_sheet(wb.create_sheet("missed"), len(frames["articles"]), sample.meta["tables"])
    meta = wb.create_sheet(META_SHEET)
    text = json.dumps(sample.to_json(), sort_keys=True, ensure_ascii=False)
    for i in range(0, len(text), 30000):  # a cell holds at most 32,767 characters
        meta.cell(row=i // 30000 + 1, column=1, value=text[i:i + 30000])
    meta.sheet_state = "hidden"
    wb.properties.title = f"Coding sheet, sample {sample.meta['sample_id']}"
    wb.properties.identifier = sample.meta["sample_id"]
    atomic_write_bytes(path, workbook_bytes(wb))


def workbook_bytes(wb) -> bytes:
    """A workbook as ``.xlsx`` bytes that depend on its content only.

    ``Workbook.save`` stamps the file with the time of saving twice: the
    document's ``modified`` property, and every zip entry's date. Here both
    are :data:`FIXED_TIME` (the earliest date a zip entry can hold; a sheet has
    no true date of its own: the analysed output records none), so the same
    sample gives the same bytes on every run.

    Example:
        >>> from openpyxl import Workbook
        >>> workbook_bytes(Workbook()) == workbook_bytes(Workbook())
        True
    """
    from openpyxl.writer.excel import ExcelWriter

    wb.properties.created = wb.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED)).save()  # closes the zip
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type, entry.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            dst.writestr(entry, src.read(info))
    return out.getvalue()


def _header(ws, columns) -> None:
    from openpyxl.styles import Font, PatternFill

    for j, name in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=j, value=name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        ws.column_dimensions[cell.column_letter].width = WIDTHS.get(name, 12)
    ws.freeze_panes = "C2"


def _choice(ws, column: str, options: str, rows: int) -> None:
    """A drop-down list on ``column`` for data rows 2..rows+1."""
    from openpyxl.worksheet.datavalidation import DataValidation

    dv = DataValidation(type="list", formula1=options, allow_blank=True, showDropDown=False,
                        showErrorMessage=True, errorTitle="Not a code",
                        error="Choose one of the listed values.")
    ws.add_data_validation(dv)
    dv.add(f"{column}2:{column}{max(rows, 1) + 1}")


def _table_sheet(ws, df: pd.DataFrame, items: pd.DataFrame) -> None:
    from openpyxl.styles import Alignment

    columns = list(df.columns)
    _header(ws, columns)
    wrap = Alignment(wrap_text=True, vertical="top")
    for i, rec in enumerate(df.to_dict("records"), start=2):
        for j, name in enumerate(columns, start=1):
            value = _rich(items.loc[rec["item"]]) if name == "context" else _cell_value(rec[name])
            ws.cell(row=i, column=j, value=value).alignment = wrap
    letter = {name: ws.cell(row=1, column=j).column_letter for j, name in enumerate(columns, 1)}
    _choice(ws, letter["correct"], '"' + ",".join(CODES) + '"', len(df))


def _rich(item) -> object:
    """The context with the item in bold red (openpyxl rich text)."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    parts = [item["before"], TextBlock(InlineFont(b=True, color="C00000"), item["span"]),
             item["after"]]
    return CellRichText([p for p in parts if not isinstance(p, str) or p])


def _cell_value(v):
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return None
    return v.item() if hasattr(v, "item") else v


def _articles_sheet(ws, df: pd.DataFrame) -> None:
    columns = list(df.columns)
    _header(ws, columns)
    for i, rec in enumerate(df.to_dict("records"), start=2):
        for j, name in enumerate(columns, start=1):
            ws.cell(row=i, column=j, value=_cell_value(rec[name]))
    col = ws.cell(row=1, column=columns.index("checked") + 1).column_letter
    _choice(ws, col, '"yes,no"', len(df))


def _missed_sheet(ws, n_articles: int, tables: list[str]) -> None:
    _header(ws, MISSED_COLUMNS)
    ws.freeze_panes = "A2"
    _choice(ws, "A", f"=articles!$A$2:$A${n_articles + 1}", MISSED_ROWS)
    _choice(ws, "B", '"' + ",".join(tables) + '"', MISSED_ROWS)


# --------------------------------------------------------------------------- reading


@dataclass
class Coding:
    """One coder's (or one file's) filled sheet, checked against its sample.

    ``codes``: ``item``, ``table``, ``correct``, ``fix``, ``note``, ``coder``,
    ``where``; ``checked``: ``article_id``, ``checked``, ``coder``, ``where``;
    ``missed``: the ``missed`` sheet's columns and ``where``.
    """

    source: str
    sample: Sample
    codes: pd.DataFrame
    checked: pd.DataFrame
    missed: pd.DataFrame

    def uncoded(self) -> tuple[list[str], list[str]]:
        """Items without a code, and articles not marked checked."""
        coded = set(self.codes.loc[self.codes["correct"] != "", "item"])
        items = [i for i in self.sample.items["item"] if i not in coded]
        done = set(self.checked.loc[self.checked["checked"] == "yes", "article_id"])
        return items, [a for a in self.sample.articles["article_id"] if a not in done]

    def require_complete(self) -> None:
        """Refuse a half-filled sheet, saying how much is left."""
        items, articles = self.uncoded()
        if items or articles:
            parts = []
            if items:
                parts.append(f"{len(items)} of {len(self.sample.items)} rows uncoded "
                             f"({_few(items)})")
            if articles:
                parts.append(f"{len(articles)} of {len(self.sample.articles)} articles not "
                             f"checked for missed items ({_few(articles)})")
            raise ValidationError(f"{self.source}: {' and '.join(parts)}; finish coding "
                                  "before scoring")


def _few(values: list[str], k: int = 5) -> str:
    return ", ".join(values[:k]) + (", ..." if len(values) > k else "")


def read_coding(path: str | Path) -> Coding:
    """Read a coded sheet: a coding folder, its ``coding.xlsx``, or its ``csv/`` folder.

    A folder is read from whichever of its workbook and CSV files holds
    codes (both filled: an error).
    """
    path = Path(path)
    if path.is_file() and path.suffix.lower() == ".xlsx":
        return _read_workbook(path, _sample_near(path.parent, required=False))
    if not path.is_dir():
        raise ValidationError(f"{path}: not a coding folder or .xlsx sheet")
    if (path / SAMPLE_JSON).is_file() or path.name != CSV_DIR:
        candidates = []
        if (path / WORKBOOK).is_file():
            candidates.append(_read_workbook(path / WORKBOOK, _sample_near(path)))
        if (path / CSV_DIR).is_dir():
            candidates.append(_read_csv(path / CSV_DIR, _sample_near(path)))
    else:
        candidates = [_read_csv(path, _sample_near(path.parent))]
    if not candidates:
        raise ValidationError(f"{path}: no {WORKBOOK} or {CSV_DIR}/ in this folder")
    filled = [c for c in candidates if _filled(c)]
    if len(filled) > 1:
        raise ValidationError(f"{path}: both {WORKBOOK} and {CSV_DIR}/ hold codes; keep one "
                              "(move the other away)")
    return (filled or candidates)[0]


def _filled(c: Coding) -> bool:
    return bool((c.codes["correct"] != "").any() or (c.checked["checked"] != "").any()
                or len(c.missed))


def _sample_near(folder: Path, *, required: bool = True) -> Sample | None:
    path = folder / SAMPLE_JSON
    if not path.is_file():
        if required:
            raise ValidationError(f"{folder}: no {SAMPLE_JSON}: not a coding folder made by "
                                  "`article-toolkit validate sample`")
        return None
    return _load_sample(path.read_text(encoding="utf-8"), path)


def _load_sample(text: str, where) -> Sample:
    """A sample record from its JSON text; a damaged one is named, not a traceback."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or not {"meta", "items", "articles"} <= data.keys() \
                or not {"sample_id", "tables"} <= data["meta"].keys():
            raise ValueError("keys missing")
        return Sample.from_json(data)
    except (ValueError, AttributeError) as exc:
        raise ValidationError(f"{where}: damaged sample record ({type(exc).__name__}: {exc}); "
                              "draw the sample again") from None


def _read_workbook(path: Path, near: Sample | None) -> Coding:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook gets one line
        raise ValidationError(f"{path}: not a readable .xlsx workbook ({exc})") from None
    embedded = None
    if META_SHEET in wb.sheetnames:
        text = "".join(str(r[0]) for r in wb[META_SHEET].iter_rows(values_only=True) if r[0])
        embedded = _load_sample(text, f"{path} sheet {META_SHEET}")
    sample = _agree(near, embedded, path)
    sheets = {name: _ws_records(wb[name], path) for name in wb.sheetnames
              if name not in (META_SHEET, "instructions")}
    return _coding(str(path), sample, sheets)


def _ws_records(ws, path: Path) -> list[tuple[str, dict]]:
    rows = ws.iter_rows(values_only=True)
    header = [_norm_header(h) for h in next(rows, ())]
    return [(f"{path.name} sheet {ws.title} row {i}", dict(zip(header, r, strict=False)))
            for i, r in enumerate(rows, start=2)]


def _read_csv(folder: Path, sample: Sample) -> Coding:
    sheets = {}
    for file in sorted(folder.glob("*.csv")):
        df = _read_csv_file(file)
        df.columns = [_norm_header(c) for c in df.columns]
        sheets[file.stem] = [(f"{file.name} line {i}", rec)
                             for i, rec in enumerate(df.to_dict("records"), start=2)]
    return _coding(str(folder), sample, sheets)


def _read_csv_file(file: Path) -> pd.DataFrame:
    """A CSV sheet as text, also as a spreadsheet program saves it (BOM, cp1252, ``;``)."""
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    sep = ";" if first.count(";") > first.count(",") else ","
    try:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, sep=sep)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ValidationError(f"{file}: not a readable CSV sheet ({exc})") from None


def _norm_header(h) -> str:
    return str(h or "").strip().lower()


def _agree(near: Sample | None, embedded: Sample | None, path: Path) -> Sample:
    if near is None and embedded is None:
        raise ValidationError(f"{path}: no sample record (hidden sheet {META_SHEET} or "
                              f"{SAMPLE_JSON}): not a sheet made by `validate sample`")
    if near is not None and embedded is not None and \
            near.meta["sample_id"] != embedded.meta["sample_id"]:
        raise ValidationError(f"{path}: this sheet belongs to sample "
                              f"{embedded.meta['sample_id']}, the folder to "
                              f"{near.meta['sample_id']}")
    return near if near is not None else embedded


def text(v) -> str:
    """A cell as clean text: numbers re-typed by a spreadsheet come back as written."""
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if hasattr(v, "isoformat"):  # a date the spreadsheet made of an id such as 2024-10-22
        midnight = hasattr(v, "hour") and (v.hour, v.minute, v.second) == (0, 0, 0)
        return (v.date() if midnight else v).isoformat()
    return str(v).strip()


def _coding(source: str, sample: Sample, sheets: dict[str, list]) -> Coding:
    sid = sample.meta["sample_id"]
    items = sample.items.set_index("item")
    codes, seen = [], {}
    for table in sample.meta["tables"]:
        for where, rec in sheets.get(table, []):
            row = _code_row(where, rec, table, items, sid, seen)
            if row:
                codes.append(row)
    checked = [r for where, rec in sheets.get("articles", [])
               if (r := _article_row(where, rec, sample, sid))]
    missed = [r for where, rec in sheets.get("missed", [])
              if (r := _missed_row(where, rec, sample))]
    return Coding(source, sample,
                  pd.DataFrame(codes, columns=["item", "table", *CODE_COLUMNS, "where"]),
                  pd.DataFrame(checked, columns=["article_id", *ARTICLE_COLUMNS, "where"]),
                  pd.DataFrame(missed, columns=[*MISSED_COLUMNS, "where"]))


def _code_row(where, rec, table, items, sid, seen) -> dict | None:
    vals = {k: text(rec.get(k)) for k in ("item", "article_id", "sample", *CODE_COLUMNS)}
    if not any(vals.values()):
        return None
    item = vals["item"].upper()
    if not item:
        raise ValidationError(f"{where}: no item id (do not edit the item column)")
    if vals["sample"] and vals["sample"] != sid:
        raise ValidationError(f"{where}: row of sample {vals['sample']}, not {sid}")
    if item not in items.index or items.loc[item, "table"] != table:
        raise ValidationError(f"{where}: item {item!r} is not a {table} item of this sample")
    expected = str(items.loc[item, "article_id"])
    if "article_id" in rec and not _same(expected, vals["article_id"]):
        raise ValidationError(f"{where}: item {item} is from article {expected!r}, the row "
                              f"says {vals['article_id']!r} (was the row edited?)")
    if item in seen:
        raise ValidationError(f"{where}: item {item} appears twice (also {seen[item]})")
    seen[item] = where
    code = _code(vals["correct"], where)
    if code and not vals["coder"]:
        raise ValidationError(f"{where}: item {item} is coded but has no coder name")
    return {"item": item, "table": table, "correct": code, "fix": vals["fix"],
            "note": vals["note"], "coder": vals["coder"], "where": where}


def _same(expected: str, got: str) -> bool:
    """Equal, or the same number once a spreadsheet dropped leading zeros (``001`` → 1)."""
    if expected == got:
        return True
    try:
        return float(expected) == float(got)
    except ValueError:
        return False


def _code(value: str, where: str, allowed: tuple[str, ...] = CODES) -> str:
    v = SYNONYMS.get(value.strip().lower(), value.strip().lower())
    if v and v not in allowed:
        raise ValidationError(f"{where}: {value!r} is not a code (use {', '.join(allowed)})")
    return v


def _article_row(where, rec, sample: Sample, sid: str) -> dict | None:
    vals = {k: text(rec.get(k)) for k in ("article_id", "sample", *ARTICLE_COLUMNS)}
    if not any(vals.values()):
        return None
    aid = _article_id(vals["article_id"], sample, where)
    if vals["sample"] and vals["sample"] != sid:
        raise ValidationError(f"{where}: row of sample {vals['sample']}, not {sid}")
    checked = _code(vals["checked"], where, ("yes", "no"))
    if checked and not vals["coder"]:
        raise ValidationError(f"{where}: article {aid} is marked but has no coder name")
    return {"article_id": aid, "checked": checked, "coder": vals["coder"], "where": where}


def _article_id(value: str, sample: Sample, where: str) -> str:
    for aid in sample.articles["article_id"].astype(str):
        if _same(aid, value):
            return aid
    raise ValidationError(f"{where}: article {value!r} is not one of the sample's articles "
                          f"to read ({_few(sample.articles['article_id'].astype(str).tolist())})")


def _missed_row(where, rec, sample: Sample) -> dict | None:
    vals = {k: text(rec.get(k)) for k in MISSED_COLUMNS}
    if not any(vals.values()):
        return None
    vals["article_id"] = _article_id(vals["article_id"], sample, where)
    vals["table"] = vals["table"].lower()
    if vals["table"] not in sample.meta["tables"]:
        raise ValidationError(f"{where}: table {vals['table']!r} is not one of "
                              f"{', '.join(sample.meta['tables'])}")
    if not vals["text"]:
        raise ValidationError(f"{where}: a missed item needs its text")
    if not vals["coder"]:
        raise ValidationError(f"{where}: missed item has no coder name")
    return {**vals, "where": where}


# --------------------------------------------------------------------------- fixes


def sheet_corrections(coding: Coding) -> list[Correction]:
    """The ``fix`` column as corrections, in sheet order.

    Missed items are not turned into ``add_quote`` corrections: the quote's
    exact span and speaker are the researcher's call (write them by hand).

    Raises:
        ValidationError: a fix that is not an instruction, naming its row.
    """
    items = coding.sample.items.set_index("item")
    out = []
    for rec in coding.codes.to_dict("records"):
        for line in (x.strip() for x in rec["fix"].splitlines()):
            if line:
                out.append(_fix(line, rec, items.loc[rec["item"]]))
    return out


FIX_KEYS = {
    "quotes": {"speaker": "set_speaker"},
    "figures": {k: "fix_figure" for k in ("what", "source", "value", "unit", "qualifier")},
    "actors": {"type": "retype_actor", "rename": "rename_actor", "merge": "merge_actors",
               "split": "split_actor"},
}
DROP = {"quotes": "drop_quote", "figures": "drop_figure", "actors": "drop_actor"}


def _fix(line: str, rec: dict, item) -> Correction:
    table = rec["table"]
    base = {"article_id": str(item["article_id"]), "target": item["item_text"],
            "note": f"{rec['item']} {rec['note']}".strip()}
    if table != "actors" and not pd.isna(item["start_char"]):
        base["start_char"] = int(item["start_char"])
    key, _, value = line.partition(":")
    key, value = key.strip().lower(), value.strip()
    if line.strip().lower() == "drop":
        return _correction({**base, "action": DROP[table]}, rec["where"])
    action = FIX_KEYS[table].get(key)
    if action is None or not value:
        keys = ", ".join(f"{k}: ..." for k in FIX_KEYS[table])
        raise ValidationError(f"{rec['where']}: fix {line!r} is not an instruction for "
                              f"{table} (drop, {keys})")
    if action == "fix_figure":
        return _correction({**base, "action": action, "detail": key, "value": value},
                           rec["where"])
    if action == "split_actor":
        name, _, forms = value.partition("=")
        return _correction({**base, "action": action, "value": name.strip(),
                            "detail": forms.strip()}, rec["where"])
    return _correction({**base, "action": action, "value": value}, rec["where"])


def _correction(rec: dict, where: str) -> Correction:
    try:
        return parse_correction(rec, where=where)
    except CorrectionError as exc:
        raise ValidationError(str(exc)) from None


__all__ = ["Coding", "TABLES", "articles_frame", "coding_frame", "instructions",
           "missed_frame", "read_coding", "sheet_corrections", "workbook_bytes", "write_sheet"]

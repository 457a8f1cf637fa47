"""Validate the toolkit on your own corpus: draw a sample, code it by hand, score it.

Three steps, each a function the command line, the notebooks and your own
code share:

1. :func:`sample` draws a stratified random sample of rows from an analysis
   output folder (by table, and within a table by ``rule``, ``qualifier`` or
   ``type``, in proportion, so the sample weighs every kind of row as the
   output does) and picks a few of its articles to read whole for what the
   toolkit *missed*. :func:`write_sheet` writes it as a coding workbook
   (``coding.xlsx``) and as CSV files (``csv/``), with ``sample.json``.
2. A person codes every sampled row: ``correct`` is ``yes``, ``no`` or
   ``partly``; ``fix`` says what would be right (see :mod:`toolkit.sheets`, which
   writes and reads the sheets);
   one row per missed item goes on the ``missed`` sheet.
3. :func:`score` reads one or more coded sheets (one per coder) and reports
   precision per table and per stratum with 95% Wilson intervals, recall
   estimated from the missed items, and, when two or more coders coded the
   same items, Krippendorff's alpha (nominal) and percent agreement.

A sample records its seed, the toolkit version and a SHA-256 of the analysed
tables; scoring refuses a sheet of another sample, an output folder that has
changed since, and a sheet that is not fully coded.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import contract
from .coding import CODES, SHOW, TABLES, Sample, ValidationError, _records
from .output import sha256_file

STRATUM = {"quotes": "rule", "figures": "qualifier", "actors": "type"}
ITEM_TEXT = {"quotes": "quote", "figures": "text", "actors": "actor"}
PREFIX = {"quotes": "Q", "figures": "F", "actors": "A"}
MARK = ("\u27e6", "\u27e7")  # ⟦ ⟧ around the item in the CSV context
Z95 = 1.959963984540054


# --------------------------------------------------------------------------- hashing


def output_hashes(out_dir: str | Path, fmt: str = "csv") -> dict[str, str]:
    """SHA-256 of each contract table in an output folder (Parquet: over its parts)."""
    out = Path(out_dir)
    hashes = {}
    for name in sorted(contract.TABLES):
        path = out / (f"{name}.parquet" if fmt == "parquet" else f"{name}.csv")
        if path.is_dir():
            h = hashlib.sha256()
            for part in sorted(path.glob("*.parquet")):
                h.update(f"{part.name}\0{sha256_file(part)}\n".encode())
            hashes[name] = h.hexdigest()
        elif path.is_file():
            hashes[name] = sha256_file(path)
    return hashes


def combined_hash(hashes: dict[str, str]) -> str:
    """One SHA-256 over the per-table hashes (sorted by table)."""
    text = "".join(f"{k}\0{v}\n" for k, v in sorted(hashes.items()))
    return hashlib.sha256(text.encode()).hexdigest()


def read_manifest(out_dir: str | Path) -> dict:
    """The ``manifest.json`` of an output folder; a clear error if it is not one."""
    path = Path(out_dir) / "manifest.json"
    if not path.is_file():
        raise ValidationError(f"{out_dir}: not an analysis output folder (no manifest.json); "
                              "run `article-toolkit analyze` first")
    return json.loads(path.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- sampling


def allocate(sizes: dict[str, int], n: int) -> dict[str, int]:
    """Split ``n`` over groups in proportion to their sizes (largest remainder).

    Ties go to the larger group, then to the name first in order; no group
    gets more than it has.

    Example:
        >>> allocate({"a": 50, "b": 30, "c": 20}, 10)
        {'a': 5, 'b': 3, 'c': 2}
        >>> allocate({"a": 1, "b": 2}, 10)
        {'a': 1, 'b': 2}
    """
    total = sum(sizes.values())
    n = min(n, total)
    if total == 0:
        return dict.fromkeys(sizes, 0)
    quota = {k: n * v / total for k, v in sizes.items()}
    alloc = {k: int(math.floor(q)) for k, q in quota.items()}
    order = sorted(sizes, key=lambda k: (-(quota[k] - alloc[k]), -sizes[k], k))
    for k in order[: n - sum(alloc.values())]:
        alloc[k] += 1
    return alloc


def split_even(sizes: dict[str, int], n: int) -> dict[str, int]:
    """Split ``n`` evenly over groups, capped at their sizes, the rest to the others.

    Example:
        >>> split_even({"quotes": 40, "figures": 5, "actors": 60}, 30)
        {'quotes': 13, 'figures': 5, 'actors': 12}
    """
    alloc = dict.fromkeys(sizes, 0)
    left = min(n, sum(sizes.values()))
    while left > 0:
        open_ = [k for k in sizes if alloc[k] < sizes[k]]
        share, extra = divmod(left, len(open_))
        for i, k in enumerate(open_):
            give = min(share + (1 if i < extra else 0), sizes[k] - alloc[k])
            alloc[k] += give
            left -= give
    return alloc


def sample(out_dir: str | Path, *, n: int = 100, seed: int = 7,
           tables: tuple[str, ...] | list[str] = TABLES, articles: int = 5) -> Sample:
    """Draw a stratified random sample of rows from an analysis output folder.

    ``n`` items are split evenly over ``tables`` (a small table gives its
    spare to the others), and within a table over its strata (``rule`` of
    quotes, ``qualifier`` of figures, ``type`` of actors) in proportion to
    their sizes, so each table's sample weighs its strata as the output does
    and its precision is a plain proportion. ``articles`` of the sampled
    articles are picked to be read whole for missed items. The same folder,
    ``n``, ``seed`` and ``tables`` give the same sample.

    Raises:
        ValidationError: not an output folder, an unknown table, or no rows.
    """
    out = Path(out_dir)
    manifest = read_manifest(out)
    tables = _check_tables(tables)
    if n < 1:
        raise ValidationError(f"n must be at least 1, not {n}")
    fmt = manifest.get("options", {}).get("format", "csv")
    frames = {t: _read(out, t, fmt) for t in tables}
    if not any(len(df) for df in frames.values()):
        raise ValidationError(f"{out}: no rows in {', '.join(tables)} to sample")
    rng = np.random.default_rng(seed)
    quota = split_even({t: len(frames[t]) for t in tables}, n)
    drawn = [_draw(frames[t], t, quota[t], rng) for t in tables]
    items = pd.concat([d for d in drawn if len(d)], ignore_index=True)
    order = {aid: i for i, aid in enumerate(_read(out, "articles", fmt)["article_id"])}
    items = _place(items, out, fmt, order)
    hashes = output_hashes(out, fmt)
    meta = {"seed": seed, "n": int(len(items)), "tables": list(tables),
            "toolkit": manifest.get("toolkit"), "output": str(out),
            "output_sha256": combined_hash(hashes), "table_sha256": hashes}
    picked = _pick_articles(items, frames, out, fmt, order, articles, rng)
    # The id names what was drawn, not where the folder lies: a moved folder keeps it.
    content = {k: v for k, v in meta.items() if k != "output"}
    meta["sample_id"] = "s-" + hashlib.sha256(json.dumps(
        [content, items[["item", "article_id", "start_char"]].astype(str).values.tolist(),
         picked["article_id"].tolist()], sort_keys=True).encode()).hexdigest()[:12]
    return Sample(items, picked, meta)


def _check_tables(tables) -> tuple[str, ...]:
    tables = tuple(t.strip() for t in (tables.split(",") if isinstance(tables, str) else tables))
    unknown = [t for t in tables if t not in TABLES]
    if unknown or not tables:
        raise ValidationError(f"tables must be among {', '.join(TABLES)}, not "
                              f"{', '.join(unknown) or 'none'}")
    return tables


def _read(out: Path, name: str, fmt: str) -> pd.DataFrame:
    from .corpus import read_table

    try:
        df = read_table(out, name, fmt)
    except FileNotFoundError:
        raise ValidationError(f"{out}: no {name} table") from None
    df["article_id"] = df["article_id"].astype(str)
    return df


def _draw(df: pd.DataFrame, table: str, k: int, rng) -> pd.DataFrame:
    """``k`` rows of ``df`` drawn at random within strata, in proportion."""
    if k == 0:
        return df.iloc[0:0].assign(table=table, stratum="")
    strata = df[STRATUM[table]].fillna("").astype(str)
    alloc = allocate(strata.value_counts().to_dict(), k)
    picked = []
    for name in sorted(alloc):
        rows = np.flatnonzero((strata == name).to_numpy())
        picked.extend(rows[np.sort(rng.choice(len(rows), size=alloc[name], replace=False))])
    chosen = df.iloc[sorted(picked)].copy()
    chosen["table"], chosen["stratum"] = table, strata.iloc[sorted(picked)].to_numpy()
    return chosen.reset_index(drop=True)


def _place(items: pd.DataFrame, out: Path, fmt: str, order: dict) -> pd.DataFrame:
    """Offsets (an actor's: its first mention), context, item ids, coder order."""
    mentions = _read(out, "mentions", fmt) if (items["table"] == "actors").any() else None
    sents = _read(out, "sentences", fmt)
    texts: dict[str, str] = {}
    rows = []
    for rec in items.to_dict("records"):
        table, aid = rec["table"], rec["article_id"]
        if table == "actors":
            first = mentions[(mentions["article_id"] == aid) & (mentions["actor"] == rec["actor"])]
            rec["start_char"], rec["end_char"] = (int(first["start_char"].iloc[0]),
                                                  int(first["end_char"].iloc[0])) \
                if len(first) else (None, None)
        if aid not in texts:
            texts[aid] = _cleaned(out, aid)
        rec["item_text"] = _shown(rec.get(ITEM_TEXT[table]))
        rec["before"], rec["span"], rec["after"] = _context(texts[aid], sents, rec)
        rec["context"] = f"{rec['before']}{MARK[0]}{rec['span']}{MARK[1]}{rec['after']}"
        rows.append(rec)
    df = pd.DataFrame(rows)
    for col in ("start_char", "end_char"):
        df[col] = pd.array([None if pd.isna(v) else int(v) for v in df[col]], dtype="Int64")
    df["_order"] = [order.get(a, len(order)) for a in df["article_id"]]
    df["_start"] = pd.to_numeric(df["start_char"], errors="coerce").fillna(-1)
    df = df.sort_values(["table", "_order", "_start", "item_text"], kind="stable",
                        key=lambda s: s.map(TABLES.index) if s.name == "table" else s)
    df["item"] = [f"{PREFIX[t]}{i:03d}" for t, i in
                  zip(df["table"], df.groupby("table").cumcount() + 1, strict=True)]
    keep = ["item", "table", "stratum", "article_id", "start_char", "end_char", "item_text",
            *dict.fromkeys(c for t in TABLES for c in SHOW[t] if c in df), "context", "before",
            "span", "after"]
    return df[keep].reset_index(drop=True)


def _cleaned(out: Path, aid: str) -> str:
    path = out / "cleaned" / f"{aid}.txt"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _context(text: str, sents: pd.DataFrame, rec: dict) -> tuple[str, str, str]:
    """The item's sentence(s) with one sentence either side: (before, item, after)."""
    start, end = rec.get("start_char"), rec.get("end_char")
    if start is None or end is None or not text or pd.isna(start):
        return "", _shown(rec.get(ITEM_TEXT[rec["table"]])), ""
    start, end = int(start), int(end)
    own = sents[sents["article_id"] == rec["article_id"]]
    starts, ends = own["start_char"].astype(int).tolist(), own["end_char"].astype(int).tolist()
    first = max([i for i, s in enumerate(starts) if s <= start], default=0)
    last = max([i for i, s in enumerate(starts) if s < end], default=first)
    lo = starts[max(first - 1, 0)] if starts else start
    hi = ends[min(last + 1, len(ends) - 1)] if ends else end
    lo, hi = min(lo, start), max(hi, end)
    return text[lo:start], text[start:end], text[end:hi]


def _shown(v) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _pick_articles(items, frames, out, fmt, order, k, rng) -> pd.DataFrame:
    """``k`` of the sampled articles, at random, to read whole for missed items."""
    ids = sorted(set(items["article_id"]), key=lambda a: (order.get(a, len(order)), a))
    chosen = sorted(rng.choice(len(ids), size=min(k, len(ids)), replace=False)) if ids else []
    meta = _read(out, "articles", fmt).set_index("article_id")
    rows = []
    for aid in (ids[i] for i in chosen):
        row = {"article_id": aid, "title": _shown(meta["title"].get(aid)) if aid in meta.index
               else "", "words": int(meta["words"].get(aid, 0) or 0) if aid in meta.index else 0}
        for t, df in frames.items():
            row[t] = int((df["article_id"] == aid).sum())
        rows.append(row)
    return pd.DataFrame(rows, columns=["article_id", "title", "words", *frames])




# --------------------------------------------------------------------------- scoring


def wilson(k: float, n: float, *, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval for ``k`` successes in ``n`` trials (95% by default).

    Example:
        >>> [round(x, 4) for x in wilson(8, 10)]
        [0.4902, 0.9433]
    """
    if n <= 0:
        return (math.nan, math.nan)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


@dataclass
class Scores:
    """What :func:`score` found: precision, recall and agreement tables, and the record.

    ``precision``: one row per sheet (``coder``: its coders' names), table and
    stratum (``all`` first) with
    ``n``, ``yes``, ``partly``, ``no``, ``precision`` (share ``yes``) and its
    95% Wilson interval (``low``, ``high``), and ``lenient`` (``yes`` or
    ``partly``) with its interval. ``recall``: per table, for the first
    coder (see :func:`_recall`). ``agreement``: per table and overall, over items coded by two
    or more coders.
    """

    precision: pd.DataFrame
    recall: pd.DataFrame
    agreement: pd.DataFrame
    meta: dict

    def to_dict(self) -> dict:
        return {"meta": self.meta, "precision": _records(self.precision),
                "recall": _records(self.recall), "agreement": _records(self.agreement)}


def score(paths, *, output: str | Path | None = None, check_output: bool = True) -> Scores:
    """Score one or more coded sheets of the same sample (one per coder).

    Args:
        paths: coding folders or ``.xlsx`` sheets (a single one is fine);
            the first coder gives the headline precision and recall.
        output: the analysis output folder the sample was drawn from, where it
            lies now (default: the folder recorded in the sample, if it exists).
        check_output: refuse when the analysed output folder the sample was
            drawn from still exists but has changed (other tables or toolkit).

    Raises:
        ValidationError: sheets of different samples, a half-filled sheet,
            a coder in two sheets, or an output that no longer matches.
    """
    from .sheets import read_coding

    paths = [paths] if isinstance(paths, str | Path) else list(paths)
    if not paths:
        raise ValidationError("no coded sheet to score")
    codings = [read_coding(p) for p in paths]
    sample_ = codings[0].sample
    for c in codings[1:]:
        if c.sample.meta["sample_id"] != sample_.meta["sample_id"]:
            raise ValidationError(f"{c.source} codes sample {c.sample.meta['sample_id']}, "
                                  f"{codings[0].source} sample {sample_.meta['sample_id']}")
    for c in codings:
        c.require_complete()
    checked = check_output and _check_output(sample_.meta, output)
    codes = _all_codes(codings)
    first = codes["sheet"].iloc[0]
    precision = _precision(codes, sample_)
    recall = _recall(precision[precision["coder"] == first], codings[0], sample_)
    meta = {**{k: sample_.meta[k] for k in ("sample_id", "seed", "n", "tables", "toolkit",
                                             "output", "output_sha256")},
            "coders": list(dict.fromkeys(codes["coder"])), "sheets": [c.source for c in codings],
            "sheet_coders": list(dict.fromkeys(codes["sheet"])),
            "output_checked": bool(checked)}
    return Scores(precision, recall, _agreement(codes, sample_), meta)


def _check_output(meta: dict, output: str | Path | None = None) -> bool:
    """Whether the output folder still matches the sample (False: it is gone)."""
    out = Path(output if output is not None else meta["output"])
    if output is None and not (out / "manifest.json").is_file():
        return False
    manifest = read_manifest(out)
    if manifest.get("toolkit") != meta["toolkit"]:
        raise ValidationError(f"{out} was analysed again with toolkit {manifest.get('toolkit')}; "
                              f"the sample was drawn from toolkit {meta['toolkit']}'s output: "
                              "draw a new sample")
    hashes = output_hashes(out, manifest.get("options", {}).get("format", "csv"))
    if combined_hash(hashes) != meta["output_sha256"]:
        changed = sorted(k for k in set(hashes) | set(meta["table_sha256"])
                         if hashes.get(k) != meta["table_sha256"].get(k))
        raise ValidationError(f"{out} has changed since the sample was drawn ({', '.join(changed)}"
                              " differ): the sheet does not match the analysed output; draw a "
                              "new sample")
    return True


def _all_codes(codings) -> pd.DataFrame:
    """Every code of every sheet, one row per item and coder; a coder in one sheet only.

    ``sheet`` names the sheet by its coders (``ann+bo`` when two shared one).
    """
    owner: dict[str, str] = {}
    frames = []
    for c in codings:
        names = list(dict.fromkeys(c.codes["coder"]))
        for name in names:
            if name in owner:
                raise ValidationError(f"coder {name!r} appears in {owner[name]} and {c.source}; "
                                      "score each coder's sheet once")
            owner[name] = c.source
        frames.append(c.codes.assign(sheet="+".join(names)))
    return pd.concat(frames, ignore_index=True)


def _proportions(sub: pd.DataFrame) -> dict:
    n = len(sub)
    counts = {k: int((sub["correct"] == k).sum()) for k in CODES}
    strict, lenient = counts["yes"], counts["yes"] + counts["partly"]
    lo, hi = wilson(strict, n)
    llo, lhi = wilson(lenient, n)
    return {"n": n, **counts, "precision": strict / n, "low": lo, "high": hi,
            "lenient": lenient / n, "lenient_low": llo, "lenient_high": lhi}


def _precision(codes: pd.DataFrame, sample_: Sample) -> pd.DataFrame:
    strata = sample_.items.set_index("item")["stratum"]
    rows = []
    for coder in dict.fromkeys(codes["sheet"]):  # per sheet: each codes every item once
        mine = codes[codes["sheet"] == coder].assign(
            stratum=lambda d: d["item"].map(strata).fillna(""))
        for table in sample_.meta["tables"]:
            sub = mine[mine["table"] == table]
            if not len(sub):
                continue
            rows.append({"coder": coder, "table": table, "stratum": "all",
                         **_proportions(sub)})
            for name in sorted(set(sub["stratum"])):
                rows.append({"coder": coder, "table": table, "stratum": name,
                             **_proportions(sub[sub["stratum"] == name])})
    return pd.DataFrame(rows)


def _recall(precision: pd.DataFrame, coding, sample_: Sample) -> pd.DataFrame:
    """Recall in the articles read whole: found / (found + missed).

    The items the toolkit found there are estimated as the table's lenient
    precision (``yes`` or ``partly``: the right item, maybe with a wrong
    field) times its rows in those articles, as only a sample of them was
    coded; so the interval (Wilson, on that estimate) is approximate.
    """
    totals = precision[precision["stratum"] == "all"].set_index("table")["lenient"]
    rows = []
    for table in sample_.meta["tables"]:
        found = int(pd.to_numeric(sample_.articles.get(table, pd.Series(dtype=float))).sum())
        missed = int((coding.missed["table"] == table).sum())
        right = float(totals.get(table, math.nan)) * found
        n = right + missed
        lo, hi = wilson(right, n) if n > 0 else (math.nan, math.nan)
        rows.append({"table": table, "articles": len(sample_.articles), "found": found,
                     "found_right": right, "missed": missed,
                     "recall": right / n if n > 0 else math.nan, "low": lo, "high": hi})
    return pd.DataFrame(rows)


def _agreement(codes: pd.DataFrame, sample_: Sample) -> pd.DataFrame:
    """Krippendorff's alpha (nominal) and percent agreement over items coded twice or more.

    Percent agreement is the share of those items on which every coder gave
    the same code. Alpha is empty where it is undefined (one code only).
    """
    import krippendorff

    coders = list(dict.fromkeys(codes["coder"]))
    if len(coders) < 2:
        return pd.DataFrame(columns=["table", "items", "coders", "alpha", "percent"])
    wide = codes.pivot(index="item", columns="coder", values="correct").reindex(columns=coders)
    wide = wide[wide.notna().sum(axis=1) >= 2]
    tables = sample_.items.set_index("item")["table"]
    rows = []
    for table in [*sample_.meta["tables"], "all"]:
        sub = wide if table == "all" else wide[wide.index.map(tables) == table]
        if not len(sub):
            continue
        data = sub.apply(lambda col: col.map(lambda v: CODES.index(v) if isinstance(v, str)
                                             else np.nan)).to_numpy(dtype=float).T
        values = set(data[~np.isnan(data)].tolist())
        alpha = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal") \
            if len(values) > 1 else math.nan
        same = sub.apply(lambda r: r.dropna().nunique() == 1, axis=1)
        rows.append({"table": table, "items": len(sub), "coders": len(coders),
                     "alpha": float(alpha), "percent": float(same.mean())})
    return pd.DataFrame(rows)


def write_scores(scores: Scores, folder: str | Path) -> tuple[Path, Path]:
    """Write ``validation.json`` and ``validation.png`` (precision with intervals)."""
    from .output import write_json

    folder = Path(folder)
    json_path, png_path = folder / "validation.json", folder / "validation.png"
    write_json(json_path, _finite(scores.to_dict()))
    from matplotlib.figure import Figure

    fig = Figure(figsize=(5, 2.6))
    plot_precision(scores, ax=fig.subplots())
    tmp = png_path.with_name(f".{png_path.name}.tmp.png")
    fig.savefig(tmp, dpi=100, metadata={"Software": None})
    tmp.replace(png_path)
    return json_path, png_path


def _finite(obj):
    """NaN as null, so validation.json is valid JSON."""
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_finite(v) for v in obj]
    if isinstance(obj, float) and obj != obj:
        return None
    return obj


def plot_precision(scores: Scores, *, ax=None):
    """Precision per table (first coder) with its 95% Wilson interval; returns the Axes."""
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(5, 2.6))
    first = scores.meta["sheet_coders"][0]
    p = scores.precision[(scores.precision["coder"] == first)
                         & (scores.precision["stratum"] == "all")]
    y = np.arange(len(p))
    err = np.array([p["precision"] - p["low"], p["high"] - p["precision"]])
    ax.errorbar(p["precision"], y, xerr=err, fmt="o", color="#1f4e79", capsize=4)
    ax.set_yticks(y, [f"{t} (n={n})" for t, n in zip(p["table"], p["n"], strict=True)])
    ax.set_xlim(0, 1.02)
    ax.set_xlabel("precision (share coded yes), 95% Wilson interval")
    ax.invert_yaxis()
    ax.figure.tight_layout()
    return ax


__all__ = ["CODES", "Sample", "Scores", "TABLES", "ValidationError", "allocate",
           "combined_hash", "output_hashes", "plot_precision", "read_manifest", "sample",
           "score", "split_even", "wilson", "write_scores"]

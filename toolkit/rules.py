"""Named rules: list them, read what each does, switch one off.

The cleaner (:mod:`toolkit.clean`, and the web-page rules of
:mod:`toolkit.read`) and every extractor (actors, quotes, figures, dates) are
ordered tuples of small rule functions, each marked with :func:`rule`. A rule's name is the one the
tables use in their ``rule`` column where there is one (a cleaning rule's
name starts with ``clean-``; the ``reason`` it gives in ``removed.csv`` is in
:data:`toolkit.clean.REASONS`), and its description is
the first paragraph of its docstring, so ``article-toolkit rules`` and
:func:`list_rules` document the extractors from the code itself.

A researcher can switch a rule off by name (``--disable-rule NAME`` on the
command line, ``disable_rules=`` in :func:`toolkit.analyze`) to see what it
contributes: only the rows that rule produced change (with a cleaning rule
off, the lines it removed stay in the body, or go to the next rule that
removes them). The names switched off are recorded in ``manifest.json``.

Example:
    >>> from toolkit.rules import rule, active
    >>> @rule("demo-upper", stage="demo")
    ... def upper(text):
    ...     '''Upper-case the text.'''
    ...     return text.upper()
    >>> upper.rule_name, describe(upper)
    ('demo-upper', 'Upper-case the text.')
    >>> [f.rule_name for f in active((upper,), disable={"demo-upper"})]
    []
"""

from __future__ import annotations

import functools
import importlib
import inspect
from collections.abc import Callable, Collection, Iterable
from typing import TypeVar

import pandas as pd

F = TypeVar("F", bound=Callable)

#: The modules whose rule tuples make up the registry, in pipeline order. Each
#: module lists its rule groups in a ``RULE_GROUPS`` dict (group name -> ordered
#: tuple of rule functions); its stage is its name, or its ``RULE_STAGE``.
RULE_MODULES: tuple[str, ...] = (
    "toolkit.clean",
    "toolkit.read",
    "toolkit.actors",
    "toolkit.quotes",
    "toolkit.figures",
    "toolkit.dates",
)

RULE_COLUMNS = ("stage", "group", "order", "rule", "description")


def rule(name: str, *, stage: str) -> Callable[[F], F]:
    """Mark a function as the extraction rule ``name`` of ``stage``.

    Args:
        name: The rule's name, as written in the tables' ``rule`` column
            (lowercase words joined by hyphens).
        stage: The extractor the rule belongs to (``actors``, ``quotes``, ...).

    Returns:
        A decorator that sets ``rule_name`` and ``rule_stage`` on the function
        and returns it unchanged.
    """
    def mark(func: F) -> F:
        func.rule_name = name  # type: ignore[attr-defined]
        func.rule_stage = stage  # type: ignore[attr-defined]
        return func
    return mark


def describe(func: Callable) -> str:
    """The first paragraph of a rule's docstring, on one line.

    Example:
        >>> def f():
        ...     '''First line
        ...     goes on.
        ...
        ...     Details.'''
        >>> describe(f)
        'First line goes on.'
    """
    doc = inspect.getdoc(func) or ""
    return " ".join(doc.split("\n\n", 1)[0].split())


def active(rules: Iterable[F], *, disable: Collection[str] = ()) -> tuple[F, ...]:
    """The rules of ``rules`` whose names are not in ``disable``, in order.

    Asked per sentence and per actor, so with nothing disabled a tuple of
    rules comes back as it is.
    """
    if not disable and isinstance(rules, tuple):
        return rules
    return tuple(r for r in rules if getattr(r, "rule_name", None) not in disable)


def _groups() -> Iterable[tuple[str, str, tuple[Callable, ...]]]:
    # Imported here, not at the top: the extractors import this module for @rule.
    for module_name in RULE_MODULES:
        module = importlib.import_module(module_name)  # a missing module must not hide its rules
        stage = getattr(module, "RULE_STAGE", module_name.rsplit(".", 1)[-1])
        for group, funcs in getattr(module, "RULE_GROUPS", {}).items():
            yield stage, group, tuple(funcs)


def list_rules() -> pd.DataFrame:
    """Every cleaning and extraction rule, in the order the pipeline applies them.

    Returns:
        A DataFrame with ``stage``, ``group``, ``order`` (within the group),
        ``rule`` (its name) and ``description``.
    """
    rows = []
    for stage, group, funcs in _groups():
        for order, func in enumerate(funcs, 1):
            rows.append({"stage": stage, "group": group, "order": order,
                         "rule": func.rule_name, "description": describe(func)})
    return pd.DataFrame(rows, columns=list(RULE_COLUMNS))


@functools.cache
def rule_names() -> frozenset[str]:
    """The names of every registered rule (read once: the rule tuples are constants)."""
    return frozenset(list_rules()["rule"])


def check_disable(names: Iterable[str]) -> tuple[str, ...]:
    """Validate rule names to switch off; return them sorted and de-duplicated.

    Raises:
        ValueError: naming every unknown rule (so a typo never passes silently).
    """
    wanted = sorted(set(names))
    if not wanted:
        return ()
    unknown = [n for n in wanted if n not in rule_names()]
    if unknown:
        raise ValueError(f"unknown rule name(s): {', '.join(unknown)} "
                         "(see `article-toolkit rules` for the list)")
    return tuple(wanted)


def _table_of(obj, table: str) -> pd.DataFrame:
    frame = obj if isinstance(obj, pd.DataFrame) else obj.table(table)
    return frame.drop(columns="article_id", errors="ignore").reset_index(drop=True)


def compare(a, b, table: str, *, labels: tuple[str, str] = ("a", "b")) -> pd.DataFrame:
    """The rows of one table that differ between two analyses of the same article.

    Run an article with every rule and again with one switched off
    (``toolkit.analyze(path, disable_rules=[...])``), then compare: the rows
    both runs share are left out, so what remains is what that rule changes.
    A row counts as shared only when every column is equal (empty cells equal
    each other); a row written twice in one run and once in the other shows once.

    Args:
        a: An :class:`~toolkit.analysis.Analysis`, or the table as a DataFrame.
        b: The same for the other run.
        table: A contract table name (``"actors"``, ``"quotes"``, ...).
        labels: How the ``only_in`` column names the two runs.

    Returns:
        The differing rows without ``article_id``, with a first column
        ``only_in`` (a label of ``labels``), in text order (by ``start_char``
        where the table has it, else by its first column), the row of ``a``
        before the row of ``b``.

    Example:
        >>> one = pd.DataFrame({"actor": ["Ann Lee", "Bo"], "mentions": [3, 1]})
        >>> two = pd.DataFrame({"actor": ["Ann Lee", "Lee", "Bo"], "mentions": [2, 1, 1]})
        >>> compare(one, two, "actors", labels=("all rules", "without")).to_dict("list")
        {'only_in': ['all rules', 'without', 'without'], 'actor': ['Ann Lee', 'Ann Lee', 'Lee'], 'mentions': [3, 2, 1]}
    """
    frames = [_table_of(obj, table) for obj in (a, b)]
    columns = list(frames[0].columns)
    if list(frames[1].columns) != columns:
        raise ValueError(f"the two {table} tables have different columns")
    marked = []
    for label, frame in zip(labels, frames, strict=True):
        frame = frame.copy()
        frame["_n"] = frame.astype(str).groupby(columns, dropna=False).cumcount()
        marked.append(frame.assign(only_in=label))
    both = marked[0].merge(marked[1], on=[*columns, "_n"], how="outer", indicator=True,
                           suffixes=("", "_b"), sort=False)
    differ = both[both["_merge"] != "both"].copy()
    differ["only_in"] = differ["_merge"].map({"left_only": labels[0], "right_only": labels[1]})
    differ["_side"] = (differ["_merge"] == "right_only").astype(int)
    key = "start_char" if "start_char" in columns else columns[0]
    differ = differ.sort_values([key, "_side"], kind="mergesort")
    return differ[["only_in", *columns]].reset_index(drop=True)

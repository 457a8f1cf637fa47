"""Named extraction rules: list them, read what each does, switch one off.

Every extractor (actors, quotes, figures, dates) is an ordered tuple of small
rule functions, each marked with :func:`rule`. A rule's name is the one the
tables use in their ``rule`` column where there is one, and its description is
the first paragraph of its docstring, so ``article-toolkit rules`` and
:func:`list_rules` document the extractors from the code itself.

A researcher can switch a rule off by name (``--disable-rule NAME`` on the
command line, ``disable_rules=`` in :func:`toolkit.analyze`) to see what it
contributes: only the rows that rule produced change. The names switched off
are recorded in ``manifest.json``.

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

import importlib
import inspect
from collections.abc import Callable, Collection, Iterable
from typing import TypeVar

import pandas as pd

F = TypeVar("F", bound=Callable)

#: The modules whose rule tuples make up the registry, in pipeline order. Each
#: module lists its rule groups in a ``RULE_GROUPS`` dict (group name -> ordered
#: tuple of rule functions).
RULE_MODULES: tuple[str, ...] = (
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
    """The rules of ``rules`` whose names are not in ``disable``, in order."""
    return tuple(r for r in rules if getattr(r, "rule_name", None) not in disable)


def _groups() -> Iterable[tuple[str, str, tuple[Callable, ...]]]:
    # Imported here, not at the top: the extractors import this module for @rule.
    for module_name in RULE_MODULES:
        module = importlib.import_module(module_name)  # a missing module must not hide its rules
        for group, funcs in getattr(module, "RULE_GROUPS", {}).items():
            yield module_name.rsplit(".", 1)[-1], group, tuple(funcs)


def list_rules() -> pd.DataFrame:
    """Every extraction rule, in the order the extractors apply them.

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


def rule_names() -> frozenset[str]:
    """The names of every registered rule."""
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

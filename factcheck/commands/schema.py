"""``factcheck schema``: print the JSON Schema of the worksheet format or of factcheck.yaml."""

from __future__ import annotations

import sys


def run(which: str = "worksheet", *, out=None) -> int:
    from .. import schema as schema_mod

    (out or sys.stdout).write(schema_mod.schema_text(which))
    return 0

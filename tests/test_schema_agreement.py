"""The shipped JSON Schema agrees with check-jsonschema, a widely used independent validator.

Dev-only: skipped when check-jsonschema is not installed. Fixtures whose problem is
schema-level must get the same verdict from both; the others are problems only
factcheck's validator can see (anchors refused, the desk's verdict scale, duplicate
ids, the article on disk), which check-jsonschema must accept.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("check_jsonschema", reason="check-jsonschema is a dev extra")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SCHEMA = ROOT / "factcheck" / "worksheet.schema.json"

SCHEMA_LEVEL = {
    "valid/minimal.yaml": 0, "valid/worked.yaml": 0,
    "invalid/acceptance.yaml": 1, "invalid/bad-dates.yaml": 1, "invalid/bad-enum.yaml": 1,
    "invalid/duplicate-key.yaml": 1, "invalid/empty.yaml": 1, "invalid/missing-required.yaml": 1,
    "invalid/not-a-mapping.yaml": 1, "invalid/syntax-error.yaml": 1, "invalid/unknown-key.yaml": 1,
    "invalid/wrong-type.yaml": 1,
}
BEYOND_SCHEMA = ["invalid/alias.yaml", "invalid/bad-verdict.yaml", "invalid/duplicate-id.yaml",
                 "invalid/missing-article.yaml", "invalid/quote-missing.yaml", "invalid/span-mismatch.yaml"]


def _check_jsonschema(path: Path) -> int:
    proc = subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMA), str(path)],
                          capture_output=True, text=True)
    return proc.returncode


def test_every_fixture_is_classified():
    fixtures = {str(p.relative_to(DATA)) for p in DATA.glob("*/*.yaml") if p.parent.name in ("valid", "invalid")}
    assert fixtures == set(SCHEMA_LEVEL) | set(BEYOND_SCHEMA)


@pytest.mark.parametrize("name, code", sorted(SCHEMA_LEVEL.items()))
def test_schema_level_fixtures_get_the_same_verdict(run, name, code):
    assert (_check_jsonschema(DATA / name), run("validate", str(DATA / name)).code) == (code, code)


@pytest.mark.parametrize("name", BEYOND_SCHEMA)
def test_problems_beyond_the_schema_are_factchecks_own(run, name):
    assert (_check_jsonschema(DATA / name), run("validate", str(DATA / name)).code) == (0, 1)

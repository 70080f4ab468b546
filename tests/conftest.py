"""Shared fixtures: every test runs in its own folder with a fixed terminal width."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
EXAMPLE = ROOT / "claims" / "ots-summit-2025.txt"
EXAMPLE_SHEET = ROOT / "claims" / "ots-summit-2025.yaml"


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """Run in an empty folder (no factcheck.yaml above it) at 80 columns, no colour."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("FACTCHECK_SPACY_MODEL", raising=False)
    yield
    _yamllint_written_worksheets(tmp_path)


#: How a worksheet factcheck wrote begins (hand-written fixtures don't, and may be broken on purpose).
WRITTEN = "---\n# yaml-language-server: $schema="


def _yamllint_written_worksheets(folder: Path) -> None:
    """Every worksheet a test made factcheck write (extract, set, --update, add) passes yamllint's
    default configuration, as it would in a repository's pre-commit."""
    from yamllint import linter
    from yamllint.config import YamlLintConfig

    conf = YamlLintConfig("extends: default")
    for path in folder.rglob("*.yaml"):
        if not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if not text.startswith(WRITTEN):
            continue
        problems = [f"{path.name}:{p.line}:{p.column}: {p.desc} ({p.rule})" for p in linter.run(text, conf)]
        assert problems == [], f"yamllint: {problems[:5]}"


class Run:
    def __init__(self, result):
        self.code = result.exit_code
        self.out = result.stdout
        self.err = result.stderr
        self.exception = result.exception


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args, input=None, env=None):
        return Run(runner.invoke(app, [str(a) for a in args], input=input, env=env))

    return invoke


@pytest.fixture
def example(tmp_path) -> Path:
    """A copy of the worked example (article + worksheet) in the test folder."""
    d = tmp_path / "claims"
    d.mkdir()
    shutil.copy(EXAMPLE, d / EXAMPLE.name)
    shutil.copy(EXAMPLE_SHEET, d / EXAMPLE_SHEET.name)
    return d / EXAMPLE_SHEET.name


@pytest.fixture(scope="session")
def nlp():
    from factcheck.extract.model import load_model

    return load_model()


ARTICLE = "The town council approved a budget of $4.2 million on Monday.\n"


def sheet(claims_yaml: str, *, article: str = "article.txt", header: str = "") -> str:
    """A minimal worksheet with the given claims block (already indented)."""
    return (
        header
        + "factcheck: 1\n"
        + "article:\n"
        + f"  path: {article}\n"
        + "  published: 2024-03-05\n"
        + "claims:\n"
        + claims_yaml
    )


def claim(cid: str = "budget-1", status: str = "unchecked", extra: str = "", quote: str = "approved a budget of $4.2 million") -> str:
    return (
        f"  - id: {cid}\n"
        f"    text: The town council approved a budget of $4.2 million.\n"
        f"    quote: {quote}\n"
        f"    status: {status}\n" + extra
    )

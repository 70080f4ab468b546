"""The command line as a whole: help, version, exit codes, start-up cost."""

from __future__ import annotations

import subprocess
import sys

import pytest

from factcheck import __version__
from factcheck.cli import app

COMMANDS = ["add", "validate", "schema", "extract", "status", "show", "next", "set", "check", "index", "similar", "export"]


def test_every_command_has_help_with_an_example(run):
    import typer.main

    group = typer.main.get_command(app)
    assert sorted(group.commands) == sorted(COMMANDS)
    for name in COMMANDS:
        r = run(name, "--help")
        assert r.code == 0, name
        assert "Example:" in r.out or name == "schema", name
        assert "Usage: root " in r.out or "Usage: " in r.out


def test_root_help_documents_exit_codes(run):
    r = run("--help")
    assert r.code == 0
    flat = " ".join(r.out.split())
    assert "Exit codes: 0 success; 1 problems found (invalid worksheet, policy failures); 2 usage error or unreadable input; 3 internal error." in flat


def test_version(run):
    r = run("--version")
    assert (r.code, r.out) == (0, f"factcheck {__version__}\n")


def test_unknown_option_is_usage_error(run):
    r = run("status", "--bogus")
    assert r.code == 2
    assert "No such option: --bogus" in r.err


def test_bad_format_value_is_usage_error(run):
    r = run("status", "--format", "xml")
    assert r.code == 2
    assert r.err.splitlines()[-1] == (
        "Error: Invalid value for '--format' / '-f': Value error, 'xml' is not one of 'text', 'json', 'markdown', 'csv'.")


def test_schema_prints_the_shipped_json_schema(run):
    import json

    from factcheck.schema import load_schema

    r = run("schema")
    assert r.code == 0
    assert json.loads(r.out) == load_schema("worksheet")
    assert json.loads(r.out)["$schema"] == "http://json-schema.org/draft-07/schema#"
    r = run("schema", "config")
    assert json.loads(r.out)["title"] == "factcheck desk configuration (factcheck.yaml)"


def test_claims_folder_has_the_current_schema():
    from factcheck.schema import schema_text

    from conftest import ROOT

    assert (ROOT / "claims" / "worksheet-v1.schema.json").read_text(encoding="utf-8") == schema_text("worksheet")


@pytest.mark.parametrize("argv", [["--help"], ["validate", "{claims}"], ["status", "{claims}"], ["check", "{claims}"], ["show", "{sheet}"]])
def test_fast_commands_do_not_import_spacy(argv, example):
    argv = [a.format(claims=example.parent, sheet=example) for a in argv]
    code = (
        "import sys\n"
        "from factcheck.cli import app\n"
        f"try:\n    app({argv!r})\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('SPACY_LOADED=%s\\n' % ('spacy' in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=example.parent.parent)
    assert "SPACY_LOADED=False" in proc.stderr, proc.stderr


def test_internal_error_exit_3_without_traceback(run, monkeypatch):
    import factcheck.worksheet as ws

    def boom(*a, **k):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(ws, "load_all", boom)
    r = run("validate", ".")
    assert r.code == 3
    assert r.err.startswith("factcheck: error: internal error (RuntimeError); this is a bug in factcheck. Details are in ")
    assert "Traceback" not in r.err
    log = r.err.split("Details are in ")[1].split(";")[0]
    assert "simulated bug" in open(log).read()


def test_python_dash_m_works(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "factcheck", "--version"], capture_output=True, text=True)
    assert (proc.returncode, proc.stdout) == (0, f"factcheck {__version__}\n")

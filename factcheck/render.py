"""Making untrusted text safe for the terminal, and picking output formats.

Article and worksheet text may contain rich markup (``[bold red]``), ANSI escape
sequences or control characters. Everything from a file is passed through
``clean`` and shown as ``rich.text.Text`` (never parsed as markup).
"""

from __future__ import annotations

import os
import re

_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")


def clean(value, *, oneline: bool = True) -> str:
    """Text with escape sequences and control characters removed."""
    if value is None:
        return ""
    s = _ANSI.sub("", str(value))
    if oneline:
        s = s.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    else:
        s = s.replace("\t", "    ")
    return _CONTROL.sub("", s)


def json_text(data, **kwargs) -> str:
    """JSON for programs and terminals alike: readable UTF-8, but control, C1 and bidi
    characters written as \\u escapes so that printing the JSON cannot drive a terminal."""
    import json

    text = json.dumps(data, ensure_ascii=False, **kwargs)
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


_NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(value) -> str:
    """Text XML 1.0 can hold: characters it forbids and terminal controls removed (escape it after)."""
    return _NOT_XML.sub("", clean(value, oneline=False))


def auto_format(requested: str | None, *, github_ok: bool = False) -> str:
    """Resolve ``auto`` to ``github`` inside GitHub Actions, else ``text``."""
    if requested and requested != "auto":
        return requested
    if github_ok and os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "text"


def make_console(file=None, *, stderr: bool = False, width: int | None = None):
    """A rich Console that is plain when not on a terminal or when NO_COLOR is set."""
    from rich.console import Console

    no_color = bool(os.environ.get("NO_COLOR"))
    return Console(file=file, stderr=stderr, width=width, no_color=no_color, highlight=False,
                   emoji=False, markup=False)


#: Width that piped tables are laid out in: wide enough that no row wraps.
PIPE_WIDTH = 10_000


def table_width(console) -> int | None:
    """The width to lay a table out in: the terminal's, or None when piped (rows never wrap)."""
    return console.width if console.is_terminal else None


def print_table(console, table) -> None:
    """Print a table; when piped, each row is one line however long (for grep, cut, less -S)."""
    if console.is_terminal:
        console.print(table)
        return
    from rich.console import Console

    wide = Console(file=console.file, width=PIPE_WIDTH, no_color=console.no_color, highlight=False, emoji=False,
                   markup=False, color_system=None)
    for line in _lines(wide, table):
        console.file.write(line.rstrip() + "\n")


def _lines(console, table) -> list[str]:
    with console.capture() as cap:
        console.print(table, crop=False)
    return cap.get().splitlines()

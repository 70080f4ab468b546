"""Pieces every reporter shares: plurals, Markdown escaping, status and verdict colours."""

from __future__ import annotations

from ..render import clean

STATUS_STYLE = {"unchecked": "yellow", "in-progress": "cyan", "checked": "green", "skipped": "dim"}
VERDICT_STYLE = {
    "true": "green", "mostly-true": "green", "mixed": "yellow", "mostly-false": "red", "false": "bold red",
    "unverifiable": "magenta",
}


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def md(s: str) -> str:
    """Text safe inside a Markdown table cell."""
    s = clean(s).replace("<", "&lt;")  # no HTML tags in a cell (GitHub renders them)
    return s.replace("|", "\\|")


def shorten_left(s: str, width: int) -> str:
    """``s`` cut from the left with "…" to at most ``width`` characters: the end of a path
    (the file name) is the part people recognise."""
    if width <= 0:
        return ""
    return s if len(s) <= width else "…" + s[len(s) - width + 1:]


def cell_width(values) -> int:
    return max((len(str(v)) for v in values), default=0)

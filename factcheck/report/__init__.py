"""Every output format in one place: text and rich tables for people, JSON for
programs, Markdown for pull requests, GitHub annotations for Actions, JUnit XML
and CSV for CI dashboards and spreadsheets.

One module per thing reported (``validation``, ``claims``, ``status``,
``check``). Functions take a ``Console`` or return a string, so tests render at
a fixed width and compare exact text. Untrusted text is cleaned and shown as
``Text``, never parsed as markup.
"""

from __future__ import annotations

from .check import (
    check_github,
    check_json,
    check_junit,
    check_lines,
    check_markdown,
    check_summary_table,
    check_verdict_line,
    gh_escape_data,
    gh_escape_property,
)
from .claims import claim_detail, claim_dict, claims_table, context_text
from .common import STATUS_STYLE, VERDICT_STYLE
from .status import bar, status_csv, status_json, status_markdown, status_table
from .validation import print_validation

__all__ = [
    "STATUS_STYLE", "VERDICT_STYLE", "bar", "check_github", "check_json", "check_junit", "check_lines",
    "check_markdown", "check_summary_table", "check_verdict_line", "claim_detail", "claim_dict", "claims_table",
    "context_text", "gh_escape_data", "gh_escape_property", "print_validation", "status_csv", "status_json", "status_markdown",
    "status_table",
]

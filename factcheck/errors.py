"""The one family of exceptions the core raises.

The CLI maps them to exit codes; nothing in the core prints or exits. Every
message names the file (and line when there is one) and what to do about it.
"""

from __future__ import annotations

#: Exit codes, documented in ``factcheck --help`` and the README.
EXIT_OK = 0
EXIT_PROBLEMS = 1  # problems found: invalid worksheet, policy failures
EXIT_USAGE = 2  # usage error or unreadable input
EXIT_INTERNAL = 3  # a bug in factcheck


class FactcheckError(Exception):
    """Base of every expected error; ``exit_code`` tells the CLI how to exit."""

    exit_code = EXIT_USAGE


class InputError(FactcheckError):
    """An input file is missing, unreadable, empty or not what it should be."""

    def __init__(self, message: str, *, line: int = 0, reason: str | None = None):
        super().__init__(message)
        self.line = line
        self.reason = reason or message  # the message without the file name


class UsageError(FactcheckError):
    """The command was asked for something it cannot do as asked."""


class WorksheetError(FactcheckError):
    """A worksheet is invalid; ``problems`` lists every problem found."""

    exit_code = EXIT_PROBLEMS

    def __init__(self, message: str, problems: list | None = None):
        super().__init__(message)
        self.problems = problems or []


class LockTimeout(FactcheckError):
    """Another factcheck process holds the worksheet lock for too long."""


class ModelNotFound(FactcheckError):
    """No spaCy English pipeline is installed."""


class InternalError(FactcheckError):
    """factcheck caught its own bug before it could do harm (nothing was written)."""

    exit_code = EXIT_INTERNAL


class ConfigError(WorksheetError):
    """factcheck.yaml is invalid: a usage problem (exit 2), not a finding about the claims."""

    exit_code = EXIT_USAGE

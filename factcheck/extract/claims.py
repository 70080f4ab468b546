"""Old import path, kept for ``scripts/train_checkworthiness.py``; the word lists live in ``vocab``."""

from .vocab import PRONOUN_START, REPORTING  # noqa: F401

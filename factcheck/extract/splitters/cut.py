"""One occurrence of a construct in a sentence (its own module: every construct imports it when
loaded, where a function-level import would cost a lookup on every sentence)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Cut:
    """One occurrence of a construct: its head token and the tokens it takes."""

    name: str
    head: object  # spaCy token
    ids: set = field(default_factory=set)
    items: list = field(default_factory=list)  # construct-specific parts (e.g. the items of a list)
    rest_is_sentence: bool = False  # the construct checked that what stays is a sentence, whatever the parse
    main_reps: dict = field(default_factory=dict)  # replacements in what stays, made once the cut is made

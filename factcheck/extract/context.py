"""The sentence being worked on: what the steps share about it."""

from __future__ import annotations

from dataclasses import dataclass

from .render import render_tokens


@dataclass
class Context:
    """The article's memory of names, its publication date and the sentence's entities."""

    mem: object  # resolve.Memory
    published: object  # datetime.date or None
    ents: list  # the sentence's entity spans

    def render(self, tokens, resolve: bool = True, replacements: dict | None = None, notes: list | None = None,
               unresolved: list | None = None) -> str:
        return render_tokens(tokens, self, resolve=resolve, replacements=replacements, notes=notes,
                             unresolved=unresolved)

    def subject_text(self, verb, notes: list | None = None) -> str:
        """The verb's subject as text, names resolved ("" when it has none)."""
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj:
            return ""
        return self.render(list(subj[0].subtree), resolve=True, notes=notes).rstrip(".")

    def speaker_name(self, subj) -> str | None:
        from .attribute import speaker_name

        return speaker_name(subj, self)

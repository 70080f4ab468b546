"""``factcheck add``: add a claim the extractor missed, from the article's exact words."""

from __future__ import annotations

from rich.text import Text

from .. import api
from ..render import clean


def run(file, *, quote: str, text=None, speaker=None, config=None, console) -> int:
    cid = api.add_claim(file, quote, text=text, speaker=speaker, config=api.load_config(config))
    console.print(Text(f"{clean(str(file))}: {cid}: added (origin: human; extract --update keeps it)"),
                  soft_wrap=True)
    return 0

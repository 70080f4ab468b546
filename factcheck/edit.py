"""Recording work on a claim by splicing text into the worksheet.

Edits never re-dump the file. Each change is located with the node marks of
``yaml.compose`` on the original text and only the bytes of the touched value
are replaced; a new key or list item is inserted with the indentation found
around it. Comments, quoting, key order, blank lines and every other claim stay
byte-identical. The result is re-validated before the atomic write, and the
whole read-modify-write runs under the folder lock so concurrent edits are
never lost.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path

from . import yamlio
from .config import Config
from .errors import FactcheckError, UsageError, WorksheetError
from .worksheet import child, claim_nodes, load
from .yamlio import MappingNode, ScalarNode, SequenceNode


@dataclass
class Change:
    """What to record on one claim; None means leave as is."""

    status: str | None = None
    verdict: str | None = None
    sources: list[dict] = field(default_factory=list)
    note: str | None = None
    assignee: str | None = None
    fields: dict = field(default_factory=dict)  # other top-level claim keys to set (used by update)
    appends: dict = field(default_factory=dict)  # list key -> mappings to append, e.g. {"corrections": [{date, note}]}


def last_scalar(node):
    while isinstance(node, (MappingNode, SequenceNode)) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, MappingNode) else last
    return node


def line_end_after(text: str, node) -> int:
    """Offset of the end of the line on which ``node``'s text ends."""
    pos = node.end_mark.index
    while pos > 0 and text[pos - 1] in "\r\n":
        pos -= 1
    nl = text.find("\n", pos)
    if nl == -1:
        return len(text)
    return nl - 1 if nl > 0 and text[nl - 1] == "\r" else nl


def replace_value(text: str, node, rendered: str) -> tuple[int, int, str]:
    """An edit replacing ``node``'s value, keeping the whitespace it ended with."""
    start, end = node.start_mark.index, node.end_mark.index
    old = text[start:end]
    trailing = old[len(old.rstrip(" \t\r\n")):]
    if isinstance(node, ScalarNode) and node.style in ("|", ">") and not trailing.endswith("\n"):
        trailing += yamlio.newline_of(text)
    if rendered.startswith(("\n", "\r\n")):
        while start > 0 and text[start - 1] in " \t":
            start -= 1  # "key: []" -> "key:" + block, without a trailing space
    elif start == end and start > 0 and text[start - 1] == ":":
        rendered = " " + rendered  # an empty value ("notes:") gets its space
    return start, end, rendered + trailing


SOURCE_FIELDS = ("url", "title", "accessed", "archived", "note")


def append_items(text: str, cnode: MappingNode, key: str, items: list[dict], order: tuple,
                 inserts: list[str]) -> list[tuple[int, int, str]]:
    """Edits appending mappings ``items`` to the list ``key`` of mapping ``cnode``.

    The list keeps its style (block or flow); a missing key is added to
    ``inserts`` (a ``key: value`` line for the caller to place), a null or empty
    value becomes a block list.
    """
    nl = yamlio.newline_of(text)
    indent = cnode.value[0][0].start_mark.column if cnode.value else 4
    _, snode = child(cnode, key)

    def ordered(item: dict) -> dict:
        return {k: item[k] for k in [*(k for k in order if k in item), *(k for k in item if k not in order)]}

    def flow_append(seq) -> tuple[int, int, str]:
        close = seq.end_mark.index - 1  # the ']'
        while close > seq.start_mark.index and text[close] != "]":
            close -= 1
        return (close, close, ", " + ", ".join(yamlio.flow_mapping(ordered(i)) for i in items))

    if cnode.flow_style:
        flow_items = ", ".join(yamlio.flow_mapping(ordered(i)) for i in items)
        if isinstance(snode, SequenceNode) and snode.value:
            return [flow_append(snode)]
        if snode is not None:
            return [replace_value(text, snode, "[" + flow_items + "]")]
        inserts.append(f"{key}: [{flow_items}]")
        return []
    block = nl + nl.join(yamlio.block_item(i, indent + 2, nl, order) for i in items)
    if snode is None:
        inserts.append(f"{key}:" + block)
        return []
    if (isinstance(snode, ScalarNode) and snode.tag == yamlio.NULL) or (isinstance(snode, SequenceNode) and not snode.value):
        return [replace_value(text, snode, block)]
    if isinstance(snode, SequenceNode) and snode.flow_style:
        return [flow_append(snode)]
    if isinstance(snode, SequenceNode):
        first = snode.value[0]
        item_indent = first.start_mark.column - 2 if isinstance(first, MappingNode) else snode.start_mark.column
        pos = line_end_after(text, last_scalar(snode))
        return [(pos, pos, nl + nl.join(yamlio.block_item(i, item_indent, nl, order) for i in items))]
    raise WorksheetError(f"{key} of this claim is not a list; fix it by hand first (line {snode.start_mark.line + 1})")


#: Key order of list items appended by ``plan_edits`` (besides sources).
APPEND_FIELDS = {"corrections": ("date", "note")}


def plan_edits(text: str, cnode: MappingNode, values: dict, new_sources: list[dict],
               appends: dict[str, list[dict]] | None = None) -> list[tuple[int, int, str]]:
    """Edits that set ``values`` on the claim mapping ``cnode``, append sources and other list items."""
    nl = yamlio.newline_of(text)
    indent = cnode.value[0][0].start_mark.column if cnode.value else 4
    flow = bool(cnode.flow_style)
    edits = []
    inserts = []
    for key, value in values.items():
        knode, vnode = child(cnode, key)
        rendered = yamlio.scalar(value, True) if flow else yamlio.value_text(value, indent, nl)
        if vnode is not None:
            edits.append(replace_value(text, vnode, rendered))
        else:
            inserts.append(f"{key}: {rendered}")
    if new_sources:
        edits.extend(append_items(text, cnode, "sources", new_sources, SOURCE_FIELDS, inserts))
    for key, items in (appends or {}).items():
        if items:
            edits.extend(append_items(text, cnode, key, items, APPEND_FIELDS.get(key, ()), inserts))
    if inserts and cnode.flow_style:
        close = cnode.end_mark.index - 1  # the '}' of a {flow: mapping}
        while close > cnode.start_mark.index and text[close] != "}":
            close -= 1
        edits.append((close, close, "".join(", " + line for line in inserts)))
    elif inserts:
        pos = line_end_after(text, last_scalar(cnode))
        pad = " " * indent
        edits.append((pos, pos, "".join(nl + pad + line for line in inserts)))
    return edits


def apply_change(path: Path, claim_id: str, change: Change, config: Config, *, today: _dt.date | None = None,
                 lock_timeout: float = 10.0) -> list[str]:
    """Record ``change`` on claim ``claim_id`` of worksheet ``path``; returns what changed."""
    today = today or _dt.date.today()
    if change.status is not None and change.status not in config.all_statuses:
        raise UsageError(f"status {change.status!r} is not allowed; use one of: {', '.join(config.all_statuses)}")
    if change.verdict is not None and change.verdict not in config.verdicts:
        raise UsageError(f"verdict {change.verdict!r} is not on the scale; use one of: {', '.join(config.verdicts)}")
    with yamlio.locked(path, timeout=lock_timeout):
        result = load(path, config, check_article=False, exact=True)
        result.raise_if_invalid("edited")
        ws = result.worksheet
        claim = ws.require_claim(claim_id)
        index = ws.claims.index(claim)
        cnode = claim_nodes(ws.node)[index]
        values: dict = {}
        said: list[str] = []
        if change.verdict is not None and change.verdict != claim.verdict:
            values["verdict"] = change.verdict
            said.append(f"verdict: {claim.verdict or 'null'} -> {change.verdict}")
            if change.status is None and config.base_status(claim.status) in ("unchecked", "in-progress"):
                change.status = "checked"
        if change.status is not None and change.status != claim.status:
            values["status"] = change.status
            said.append(f"status: {claim.status} -> {change.status}")
        if change.assignee is not None and change.assignee != (claim.assignee or ""):
            values["assignee"] = change.assignee or None
            said.append(f"assignee: {claim.assignee or 'null'} -> {change.assignee or 'null'}")
        if change.note:
            old = claim.notes or ""
            values["notes"] = (old.rstrip("\n") + "\n" + change.note) if old.strip() else change.note
            said.append(f"note added: {change.note}")
        for key, value in change.fields.items():
            values[key] = value
            said.append(f"{key}: {value}")
        sources = []
        edits = []
        for s in change.sources:
            src = {"url": s.get("url"), "title": s.get("title"), "accessed": s.get("accessed") or today}
            for extra in ("archived", "note"):
                if s.get(extra):
                    src[extra] = s[extra]
            if src["url"] in claim.urls:
                known = next(x for x in claim.sources if x.url == src["url"])
                if src.get("archived") and src["archived"] != known.archived:
                    # an archive copy for a source recorded earlier: set it on that source only
                    _, snode = child(cnode, "sources")
                    item = snode.value[claim.sources.index(known)]
                    edits.extend(plan_edits(ws.text, item, {"archived": src["archived"]}, []))
                    said.append(f"archived copy of {src['url']}: {src['archived']}")
                else:
                    said.append(f"source already recorded: {src['url']}")
                continue
            sources.append(src)
            said.append(f"source added: {src['url']}" + (f" (archived: {src['archived']})" if src.get("archived") else ""))
        for key, items in change.appends.items():
            for item in items:
                said.append(f"{key.rstrip('s')} added: " + ", ".join(str(v) for v in item.values()))
        if not values and not sources and not edits and not any(change.appends.values()):
            return said or ["nothing to change"]
        # the edits inside a source come first: an insert at the same offset lands before the claim's
        edits = edits + plan_edits(ws.text, cnode, values, sources, change.appends)
        new_text = yamlio.splice(ws.text, edits)
        check = load(path, config, check_article=False, text=new_text)
        if check.problems or check.worksheet is None:  # pragma: no cover - would be a bug in the splicer
            raise FactcheckError(f"{path}: internal error: the edit would make the worksheet invalid "
                                 f"({check.problems[0] if check.problems else 'unreadable'}); nothing was written")
        yamlio.atomic_write(path, new_text)
        return said

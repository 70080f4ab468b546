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
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import yamlio
from .config import Config
from .errors import InternalError, UsageError, WorksheetError
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
    # list field -> items to append: scalars (same_as) are skipped when already there; mappings
    # (corrections: {date, note}) are always appended, in order
    appends: dict = field(default_factory=dict)
    clear: tuple = ()  # fields to empty: verdict, assignee, notes, sources
    remove_sources: tuple = ()  # URLs of sources to remove
    warnings: list = field(default_factory=list)  # filled in by apply_change: work left incomplete


ALL = -1  # remove every source

#: Fields ``--clear`` can empty, and the value each becomes.
CLEARABLE = {"verdict": None, "assignee": None, "notes": None, "sources": []}


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


_COMMENT_AFTER = re.compile(r"[ \t]+(#[^\r\n]*)")
_BLOCK_HEADER_COMMENT = re.compile(r"[|>][0-9+-]*[ \t]+(#[^\r\n]*)")


def replace_value(text: str, node, rendered: str) -> tuple[int, int, str]:
    """An edit replacing ``node``'s value, keeping the whitespace it ended with.

    A comment on the value's line stays a comment: after a new single-line
    value, or on the header line of a new block (``notes: |- # ask Ana``),
    never inside the new value's text.
    """
    start, end = node.start_mark.index, node.end_mark.index
    old = text[start:end]
    trailing = old[len(old.rstrip(" \t\r\n")):]
    comment = None
    multiline = rendered.startswith(("|", ">", "\n", "\r"))
    if isinstance(node, ScalarNode) and node.style in ("|", ">"):
        m = _BLOCK_HEADER_COMMENT.match(old)
        if m:
            comment = m.group(1)
    elif multiline:  # a comment after a one-line value moves up to the block's header line
        m = _COMMENT_AFTER.match(text, end)
        if m:
            comment = m.group(1)
            end = m.end()
    if isinstance(node, ScalarNode) and node.style in ("|", ">") and not trailing.endswith(("\n", "\r")):
        trailing += yamlio.newline_of(text)
    if rendered.startswith(("\n", "\r")):
        while start > 0 and text[start - 1] in " \t":
            start -= 1  # "key: []" -> "key:" + block, without a trailing space
        if comment:
            rendered = " " + comment + rendered
    elif comment and rendered.startswith(("|", ">")):
        cut = re.search(r"[\r\n]", rendered)
        at = cut.start() if cut else len(rendered)
        rendered = rendered[:at] + " " + comment + rendered[at:]
    elif comment:
        rendered = rendered + " " + comment
    if node.start_mark.index == node.end_mark.index and start > 0 and text[start - 1] == ":" \
            and not rendered.startswith(("\n", "\r", " ")):
        rendered = " " + rendered  # an empty value ("notes:") gets its space
    return start, end, rendered + trailing


def _flow_append(text: str, node, closer: str, items: str) -> tuple[int, int, str]:
    """An edit adding ``items`` before the closing bracket of a non-empty flow collection.

    A trailing comma the user left (``[a, ]``) is reused rather than doubled.
    """
    close = node.end_mark.index - 1
    while close > node.start_mark.index and text[close] != closer:
        close -= 1
    before = close - 1
    while before > node.start_mark.index and text[before] in " \t\r\n":
        before -= 1
    return close, close, (" " if text[before] == "," else ", ") + items


SOURCE_FIELDS = ("url", "title", "accessed", "archived", "note")


def _render_source(src: dict, indent: int, nl: str) -> str:
    return yamlio.block_item(src, indent, nl, SOURCE_FIELDS)


def append_scalars(text: str, cnode: MappingNode, key: str, items: list) -> tuple[list, list[str]]:
    """Edits appending scalar ``items`` to the list ``key`` of the claim mapping ``cnode``.

    Returns (edits, lines to insert as new keys). A missing or null key becomes
    a flow list (``key: [a, b]``); a flow list gets ``, item`` before its ``]``;
    a block list gets ``- item`` lines at its items' indentation.
    """
    nl = yamlio.newline_of(text)
    _, node = child(cnode, key)
    flow_items = ", ".join(yamlio.scalar(v, True) for v in items)
    if node is None:
        return [], [f"{key}: [{flow_items}]"]
    if isinstance(node, ScalarNode) and node.tag == yamlio.NULL:
        return [replace_value(text, node, f"[{flow_items}]")], []
    if not isinstance(node, SequenceNode):
        raise WorksheetError(f"{key} of this claim is not a list; fix it by hand first (line {node.start_mark.line + 1})")
    if node.flow_style or not node.value:
        if not node.value:
            return [replace_value(text, node, f"[{flow_items}]")], []
        close = node.end_mark.index - 1
        while close > node.start_mark.index and text[close] != "]":
            close -= 1
        return [(close, close, ", " + flow_items)], []
    col = node.value[0].start_mark.column - 2
    pos = line_end_after(text, last_scalar(node))
    return [(pos, pos, "".join(f"{nl}{' ' * col}- {yamlio.scalar(v)}" for v in items))], []


#: Key order of the mappings ``append_mappings`` writes, per list field.
MAPPING_FIELDS = {"corrections": ("date", "note"), "sources": SOURCE_FIELDS}


def append_mappings(text: str, cnode: MappingNode, key: str, items: list[dict]) -> tuple[list, list[str]]:
    """Edits appending mapping ``items`` to the list ``key`` of the claim mapping ``cnode``.

    Returns (edits, lines to insert as new keys), like ``append_scalars``. The
    list keeps its style: block items at the indentation of the existing ones
    (a missing, null or empty list becomes a block list under the key, or a
    flow list in a flow-style claim); a flow list gets ``, {k: v}`` before its ``]``.
    """
    nl = yamlio.newline_of(text)
    order = MAPPING_FIELDS.get(key, ())
    items = [{k: i[k] for k in [*(k for k in order if k in i), *(k for k in i if k not in order)]} for i in items]
    indent = cnode.value[0][0].start_mark.column if cnode.value else 4
    _, node = child(cnode, key)
    flow_items = ", ".join(yamlio.flow_mapping(i) for i in items)

    def flow_append(seq) -> tuple[int, int, str]:
        close = seq.end_mark.index - 1  # the ']'
        while close > seq.start_mark.index and text[close] != "]":
            close -= 1
        return (close, close, ", " + flow_items)

    if cnode.flow_style:
        if node is None:
            return [], [f"{key}: [{flow_items}]"]
        if isinstance(node, SequenceNode) and node.value:
            return [flow_append(node)], []
        return [replace_value(text, node, f"[{flow_items}]")], []
    block = nl + nl.join(yamlio.block_item(i, indent + 2, nl, order) for i in items)
    if node is None:
        return [], [f"{key}:" + block]
    if (isinstance(node, ScalarNode) and node.tag == yamlio.NULL) or (isinstance(node, SequenceNode) and not node.value):
        return [replace_value(text, node, block)], []
    if not isinstance(node, SequenceNode):
        raise WorksheetError(f"{key} of this claim is not a list; fix it by hand first (line {node.start_mark.line + 1})")
    if node.flow_style:
        return [flow_append(node)], []
    first = node.value[0]
    col = first.start_mark.column - 2 if isinstance(first, MappingNode) else node.start_mark.column
    pos = line_end_after(text, last_scalar(node))
    return [(pos, pos, nl + nl.join(yamlio.block_item(i, col, nl, order) for i in items))], []


def plan_edits(text: str, cnode: MappingNode, values: dict, new_sources: list[dict]) -> list[tuple[int, int, str]]:
    """Edits that set ``values`` on the claim mapping ``cnode`` and append sources."""
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
    if new_sources and flow:
        knode, snode = child(cnode, "sources")
        items = ", ".join(yamlio.flow_mapping(s) for s in new_sources)
        if isinstance(snode, SequenceNode) and snode.value:
            edits.append(_flow_append(text, snode, "]", items))
        elif snode is not None:
            edits.append(replace_value(text, snode, "[" + items + "]"))
        else:
            inserts.append(f"sources: [{items}]")
        new_sources = []
    if new_sources:
        knode, snode = child(cnode, "sources")
        if snode is None or (isinstance(snode, ScalarNode) and snode.tag == yamlio.NULL):
            block = nl + nl.join(_render_source(s, indent + 2, nl) for s in new_sources)
            if snode is None:
                inserts.append("sources:" + block)
            else:
                edits.append(replace_value(text, snode, block))
        elif isinstance(snode, SequenceNode) and (snode.flow_style or not snode.value):
            if not snode.value:
                block = nl + nl.join(_render_source(s, indent + 2, nl) for s in new_sources)
                edits.append(replace_value(text, snode, block))
            else:
                items = ", ".join(yamlio.flow_mapping(s) for s in new_sources)
                edits.append(_flow_append(text, snode, "]", items))
        elif isinstance(snode, SequenceNode):
            item_indent = snode.value[0].start_mark.column - 2 if isinstance(snode.value[0], MappingNode) else snode.start_mark.column
            pos = line_end_after(text, last_scalar(snode))
            block = nl + nl.join(_render_source(s, item_indent, nl) for s in new_sources)
            edits.append((pos, pos, block))
        else:
            raise WorksheetError(f"sources of this claim is not a list; fix it by hand first (line {snode.start_mark.line + 1})")
    if inserts and cnode.flow_style:
        edits.append(_flow_append(text, cnode, "}", ", ".join(inserts)))
    elif inserts:
        pos = line_end_after(text, last_scalar(cnode))
        pad = " " * indent
        added = "".join(nl + pad + line for line in inserts)
        for i, (start, end, new) in enumerate(edits):
            if start < pos <= end:  # the last value is being replaced (a block scalar): add after its new text
                body = new.rstrip("\r\n")
                edits[i] = (start, end, body + added + new[len(body):])
                break
        else:
            edits.append((pos, pos, added))
    return edits


def _start_of_line(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _next_line(text: str, pos: int) -> int:
    """Offset just past the line break ending the line that holds ``pos``."""
    nl = text.find("\n", pos)
    return len(text) if nl == -1 else nl + 1


def empty_list(text: str, cnode: MappingNode, key: str) -> tuple[int, int, str]:
    """An edit making the list under ``key`` empty: ``key: []`` on the key's own line."""
    knode, seq = child(cnode, key)
    if not isinstance(seq, SequenceNode) or seq.flow_style or not seq.value:
        return replace_value(text, seq, "[]")
    start = knode.end_mark.index
    while text[start] != ":":
        start += 1
    return start + 1, line_end_after(text, last_scalar(seq)), " []"


def remove_item(text: str, cnode: MappingNode, key: str, index: int) -> tuple[int, int, str]:
    """An edit deleting item ``index`` of the block list under ``key``, whole lines only
    (``key: []`` when it was the only item)."""
    knode, seq = child(cnode, key)
    if len(seq.value) == 1:
        return empty_list(text, cnode, key)
    if seq.flow_style:
        raise WorksheetError(f"{key} is written as [a, flow, list] (line {seq.start_mark.line + 1}); "
                             f"remove the item by hand")
    item = seq.value[index]
    start = _start_of_line(text, item.start_mark.index)
    end = _next_line(text, line_end_after(text, last_scalar(item)))
    return start, end, ""


def plan_undo(path, claim, change: Change, config: Config, values: dict, said: list[str]) -> list[int]:
    """Add ``--clear`` and re-check clearing to ``values``; return indexes of sources to remove.

    Refuses (UsageError) a claim moved back to unchecked while it keeps a
    verdict, and a source URL the claim does not have.
    """
    where = f"{path}: {claim.id}"
    removals: list = []
    for name in change.clear:
        if name not in CLEARABLE:
            raise UsageError(f"--clear {name!r}: use one of {', '.join(CLEARABLE)}")
        old = getattr(claim, name)
        if name == "sources" and (change.sources or change.remove_sources):
            raise UsageError("--clear sources empties the list; give --source or --remove-source in another command")
        if old in (None, "", []):
            continue
        if name == "sources":
            removals.append(ALL)
        else:
            values[name] = CLEARABLE[name]
        said.append(f"{name} cleared" if name in ("notes", "sources") else f"{name}: {old} -> null")
    for url in change.remove_sources:
        if change.sources:
            raise UsageError("--remove-source with --source: remove first, then add in another command")
        found = [i for i, s in enumerate(claim.sources) if s.url == url]
        if not found:
            have = ", ".join(claim.urls) or "none"
            raise UsageError(f"{where}: no source with URL {url!r} (its sources: {have})")
        removals.extend(i for i in found if i not in removals)
        said.append(f"source removed: {url}")
    if removals and len(set(removals)) >= len(claim.sources):
        removals = [ALL]
    final_verdict = values["verdict"] if "verdict" in values else claim.verdict
    final_status = values.get("status", claim.status)
    if final_verdict is not None and config.base_status(final_status) == "unchecked":
        raise UsageError(f"{where}: has verdict {final_verdict!r}; to move it back to unchecked "
                         f"add --clear verdict")
    if claim.recheck and (change.verdict is not None or change.status is not None):
        values["recheck"] = None  # the verdict or status just recorded is the re-check
        said.append("recheck cleared (this verdict is the re-check)")
    return removals if removals == [ALL] else sorted(removals)


def _remove_sources(path, text: str, index: int, removals: list[int]) -> str:
    node, problem = yamlio.compose(text, str(path), exact=True)
    if problem:  # pragma: no cover - the first pass is re-validated below anyway
        raise InternalError(f"{path}: internal error: {problem}; nothing was written")
    cnode = claim_nodes(node)[index]
    if removals == [ALL]:
        return yamlio.splice(text, [empty_list(text, cnode, "sources")])
    return yamlio.splice(text, [remove_item(text, cnode, "sources", i) for i in removals])


def check_change(change: Change, config: Config) -> None:
    """Refuse values the worksheet schema would reject, before the worksheet is read or locked."""
    from .schema import is_uri

    if change.status is not None and change.status not in config.all_statuses:
        raise UsageError(f"status {change.status!r} is not allowed; use one of: {', '.join(config.all_statuses)}")
    if change.verdict is not None and change.verdict not in config.verdicts:
        raise UsageError(f"verdict {change.verdict!r} is not on the scale; use one of: {', '.join(config.verdicts)}")
    for s in change.sources:
        url = s.get("url")
        if not isinstance(url, str) or not is_uri(url):
            raise UsageError(f"--source {url!r} is not a URL; write it in full, e.g. https://example.org/page")


def apply_change(path: Path, claim_id: str, change: Change, config: Config, *, today: _dt.date | None = None,
                 lock_timeout: float = 10.0) -> list[str]:
    """Record ``change`` on claim ``claim_id`` of worksheet ``path``; returns what changed.

    Costs one validating load of the worksheet: the edited claim alone is
    parsed again and compared with what was meant (``verify_claim_edit``).
    """
    today = today or _dt.date.today()
    check_change(change, config)
    with yamlio.locked(path, timeout=lock_timeout):
        result = load(path, config, check_article=False)
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
        removals = plan_undo(path, claim, change, config, values, said)
        sources = []
        source_edits: list = []  # inside sources recorded earlier (an archive copy added)
        archived_later: dict[int, str] = {}
        for s in change.sources:
            src = {"url": s.get("url"), "title": s.get("title"), "accessed": s.get("accessed") or today}
            for key in ("archived", "note"):
                if s.get(key):
                    src[key] = s[key]
            if src["url"] in claim.urls:
                i = next(i for i, x in enumerate(claim.sources) if x.url == src["url"])
                if src.get("archived") and src["archived"] != claim.sources[i].archived:
                    _, snode = child(cnode, "sources")
                    source_edits += plan_edits(ws.text, snode.value[i], {"archived": src["archived"]}, [])
                    archived_later[i] = src["archived"]
                    said.append(f"archived copy of {src['url']}: {src['archived']}")
                else:
                    said.append(f"source already recorded: {src['url']}")
                continue
            sources.append(src)
            said.append(f"source added: {src['url']}" + (f" (archived: {src['archived']})" if src.get("archived") else ""))
        appended = {}
        for key, items in change.appends.items():
            if items and all(isinstance(v, dict) for v in items):  # mappings: a record, always appended
                appended[key] = list(items)
                said += [f"{key.rstrip('s')} added: " + ", ".join(str(x) for x in v.values()) for v in items]
                continue
            have = getattr(claim, key, None) or []
            fresh = [v for v in dict.fromkeys(items) if v not in have]
            said += [f"{key}: already recorded: {v}" for v in items if v in have]
            if fresh:
                appended[key] = fresh
                said += [f"{key} added: {v}" for v in fresh]
        touched = "verdict" in values or sources or removals
        verdict_after = values["verdict"] if "verdict" in values else claim.verdict
        urls_after = [] if removals == [ALL] else [x.url for i, x in enumerate(claim.sources)
                                                   if x.url and i not in removals]
        if touched and verdict_after is not None and not urls_after and not any(x.get("url") for x in sources):
            change.warnings.append(f"{claim.id}: verdict {verdict_after!r} has no source; factcheck check fails "
                                   f"until you add one with --source URL")
        if not values and not sources and not appended and not source_edits and not removals:
            return said or ["nothing to change"]
        # edits inside a source come first: an insert at the same offset then lands before the claim's
        edits = source_edits + plan_edits(ws.text, cnode, values, sources)
        extra = []
        for key, items in appended.items():
            add = append_mappings if isinstance(items[0], dict) else append_scalars
            more, lines = add(ws.text, cnode, key, items)
            edits += more
            extra += lines
        if extra:
            if cnode.flow_style:
                close = cnode.end_mark.index - 1
                while close > cnode.start_mark.index and ws.text[close] != "}":
                    close -= 1
                edits.append((close, close, "".join(", " + line for line in extra)))
            else:
                nl = yamlio.newline_of(ws.text)
                pad = " " * (cnode.value[0][0].start_mark.column if cnode.value else 4)
                pos = line_end_after(ws.text, last_scalar(cnode))
                edits.append((pos, pos, "".join(nl + pad + line for line in extra)))
        new_text = yamlio.splice(ws.text, edits)
        meant = Meant(values, sources, appended, archived_later)
        if removals:  # a second pass on the edited text (removals never overlap the edits above), then a full check
            new_text = _remove_sources(path, new_text, index, removals)
            check = load(path, config, check_article=False, text=new_text)
            if check.problems or check.worksheet is None:  # pragma: no cover - would be a bug in the splicer
                raise InternalError(f"{path}: internal error: the edit would make the worksheet invalid "
                                    f"({check.problems[0] if check.problems else 'unreadable'}); nothing was written")
        elif not verify_claim_edit(ws, index, edits, new_text, meant, config):
            check = load(path, config, check_article=False, text=new_text)
            if check.problems or check.worksheet is None:  # pragma: no cover - would be a bug in the splicer
                raise InternalError(f"{path}: internal error: the edit would make the worksheet invalid "
                                    f"({check.problems[0] if check.problems else 'unreadable'}); nothing was written")
            _compare(path, ws.data["claims"][index], check.worksheet.data["claims"][index], meant)
        yamlio.atomic_write(path, ws.bom + new_text)
        return said


def _line_start(text: str, pos: int) -> int:
    return max(text.rfind("\n", 0, pos), text.rfind("\r", 0, pos)) + 1


@dataclass
class Meant:
    """What an edit of one claim is meant to do, to compare the result with."""

    values: dict
    sources: list  # appended sources
    appended: dict = field(default_factory=dict)  # list field -> items appended
    archived: dict = field(default_factory=dict)  # index of a source recorded earlier -> its new archive link


def verify_claim_edit(ws, index: int, edits: list, new_text: str, meant: Meant, config: Config) -> bool:
    """Check an edit of one claim by parsing only that claim's lines of the new text.

    True when the claim's lines, parsed alone, are one valid claim holding
    exactly the old values plus the change, and every edit lies inside those
    lines (so the rest of the file is byte-identical and still parses the
    same). False when the shortcut does not apply (a flow-style list, edits
    elsewhere, an unusual layout): the caller then validates the whole text.
    Raises InternalError when the claim would not say what was meant.
    """
    from . import schema

    _, seq = child(ws.node, "claims")
    if not isinstance(seq, SequenceNode) or seq.flow_style:
        return False
    cnodes = seq.value
    cnode = cnodes[index]
    text = ws.text
    start = _line_start(text, cnode.start_mark.index)
    end = _line_start(text, cnodes[index + 1].start_mark.index) if index + 1 < len(cnodes) else seq.end_mark.index
    if not text[start:cnode.start_mark.index].lstrip(" ").startswith("-") or end <= start:
        return False
    if any(e[0] < cnode.start_mark.index or e[1] > end or e[0] >= end for e in edits):
        return False
    delta = sum(len(e[2]) - (e[1] - e[0]) for e in edits)
    region = new_text[start:end + delta]
    if new_text[:start] != text[:start] or new_text[end + delta:] != text[end:]:
        return False
    node, problem = yamlio.compose(region, str(ws.path))
    if problem or not isinstance(node, SequenceNode) or len(node.value) != 1 or not isinstance(node.value[0], MappingNode):
        return False
    rule = schema.compiled("worksheet", tuple(config.statuses)).props["claims"].items
    v = schema.Validator(str(ws.path), region)
    new = v.walk(node.value[0], rule, ((None, "claims"), index))
    if v.problems or not isinstance(new, dict):
        return False
    _compare(ws.path, ws.data["claims"][index], new, meant)
    return True


def _compare(path, old: dict, new: dict, meant: Meant) -> None:
    """Raise InternalError unless ``new`` is ``old`` with the values set and the items appended that were meant."""
    sources = meant.sources or meant.archived
    expected = dict(old)
    expected.update(meant.values)
    for key, items in meant.appended.items():
        expected[key] = list(old.get(key) or []) + [dict(v) if isinstance(v, dict) else v for v in items]
    if sources:
        expected["sources"] = [dict(s) if isinstance(s, dict) else s for s in old.get("sources") or []]
        for i, url in meant.archived.items():
            expected["sources"][i]["archived"] = url
        expected["sources"] += [dict(s) for s in meant.sources]
    got = dict(new)
    if sources:
        got["sources"] = [{k: v for k, v in s.items() if v is not None or k in ("url", "title", "accessed")}
                          if isinstance(s, dict) else s for s in (got.get("sources") or [])]
        expected["sources"] = [{k: v for k, v in s.items() if v is not None or k in ("url", "title", "accessed")}
                               if isinstance(s, dict) else s for s in expected["sources"]]
    if got != expected:
        diff = sorted(k for k in set(got) | set(expected) if got.get(k) != expected.get(k))
        raise InternalError(f"{path}: internal error: the edit would change {', '.join(diff)} other than asked; "
                            f"nothing was written")


def add_claim(path: Path, quote: str, config: Config, *, text: str | None = None, speaker: str | None = None,
              lock_timeout: float = 10.0) -> str:
    """Append a claim a checker found (``origin: human``) to the worksheet; returns its id.

    The quote must occur in the article; its span is the first occurrence.
    """
    from .ids import claim_id
    from .update import _append_claims
    from .worksheet import read_article_text

    quote = quote.strip()
    text = (text or quote).strip()
    if not quote:
        raise UsageError("--quote is empty; give the article's exact words")
    with yamlio.locked(path, timeout=lock_timeout):
        result = load(path, config, check_article=False)
        result.raise_if_invalid("edited")
        ws = result.worksheet
        article = read_article_text(ws)
        at = article.find(quote)
        if at < 0:
            near = " ".join(quote.split()) in " ".join(article.split())
            why = ("differs from the article only in spacing or line breaks" if near
                   else "does not occur in the article")
            raise UsageError(f"{path}: the quote {why} ({ws.article.get('path')}); copy the article's words exactly")
        for c in ws.claims:
            if c.quote == quote:
                raise UsageError(f"{path}: claim {c.id} already has this quote")
        cid = claim_id(text, {c.id for c in ws.claims}, speaker)
        claim = {"id": cid, "text": text, "quote": quote, "span": [at, at + len(quote)], "speaker": speaker,
                 "reasons": [], "status": "unchecked", "verdict": None, "sources": [], "notes": None,
                 "assignee": None, "origin": "human"}
        new_text = yamlio.splice(ws.text, [_append_claims(ws.text, ws.node, [claim])])
        check = load(path, config, check_article=False, text=new_text)
        if check.problems or check.worksheet is None:  # pragma: no cover - would be a bug in the splicer
            raise InternalError(f"{path}: internal error: adding the claim would make the worksheet invalid "
                                 f"({check.problems[0] if check.problems else 'unreadable'}); nothing was written")
        yamlio.atomic_write(path, ws.bom + new_text)
        return cid

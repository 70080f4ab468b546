"""Strict validation of YAML node trees against the shipped JSON Schemas.

The schema is declared once, as JSON Schema draft-07 files inside the package
(``worksheet.schema.json``, ``config.schema.json``), so editors can use the
same files. This module implements the subset of draft-07 those files use and
validates the *composed* YAML nodes rather than loaded values, so every problem
carries a line and column, duplicate keys are seen (``safe_load`` silently
keeps the last one) and unknown keys get a did-you-mean. Validation builds the
plain Python value as it goes, so a file is walked once.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import json
import math
import re
from functools import cache
from pathlib import Path

from . import yamlio
from .yamlio import MappingNode, Problem, ScalarNode, SequenceNode

SCHEMA_DIR = Path(__file__).parent

#: A worksheet walk visits at most this many nodes; more means alias abuse.
NODE_BUDGET = 5_000_000

_TAG_TYPE = {
    yamlio.STR: "string",
    yamlio.INT: "integer",
    yamlio.FLOAT: "number",
    yamlio.BOOL: "boolean",
    yamlio.NULL: "null",
    yamlio.TIMESTAMP: "string",
}

# \Z, not $: "$" also matches before a final newline, and "a-1\n" is not the id "a-1"
_ISO_DATE = re.compile(r"\A\d{4}-\d{2}-\d{2}\Z")
_URI = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]*:\S+\Z")
_DATE_LIKE = re.compile(r"\A(\d{4})-(\d{2})(?:-(\d{2}))?\Z")


def is_uri(value: str) -> bool:
    """Whether ``value`` is an absolute URL as the schema's ``format: uri`` means it."""
    return bool(_URI.match(value))


def _anchored(pattern: str) -> re.Pattern:
    """A JSON Schema pattern as a Python regex: an unescaped final ``$`` means end of text (``\\Z``)."""
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


def load_schema(name: str = "worksheet") -> dict:
    """The JSON Schema ``name`` (``worksheet`` or ``config``) as a dict."""
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def schema_text(name: str = "worksheet") -> str:
    return (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")


class _Rule:
    """One compiled schema node."""

    __slots__ = (
        "types", "enum", "const", "has_const", "props", "required", "additional",
        "items", "min_items", "max_items", "minimum", "maximum", "min_length",
        "pattern", "format", "ref", "root", "additional_rule",
    )

    def __init__(self, spec: dict, root: dict, cache: dict):
        self.root = root
        t = spec.get("type")
        self.types = frozenset([t] if isinstance(t, str) else t) if t else None
        self.enum = tuple(spec["enum"]) if "enum" in spec else None
        self.has_const = "const" in spec
        self.const = spec.get("const")
        self.required = tuple(spec.get("required", ()))
        extra = spec.get("additionalProperties", True)
        self.additional = extra is not False
        self.additional_rule = None
        self.min_items = spec.get("minItems")
        self.max_items = spec.get("maxItems")
        self.minimum = spec.get("minimum")
        self.maximum = spec.get("maximum")
        self.min_length = spec.get("minLength")
        self.pattern = _anchored(spec["pattern"]) if "pattern" in spec else None
        self.format = spec.get("format")
        self.ref = spec.get("$ref")
        self.props = None
        self.items = None
        if "properties" in spec:
            self.props = {k: _compile(v, root, cache) for k, v in spec["properties"].items()}
        if "items" in spec:
            self.items = _compile(spec["items"], root, cache)
        if isinstance(extra, dict):
            self.additional_rule = _compile(extra, root, cache)


def _compile(spec: dict, root: dict, cache: dict) -> _Rule:
    ref = spec.get("$ref")
    if ref:
        if ref in cache:
            return cache[ref]
        target = root
        for part in ref.lstrip("#/").split("/"):
            target = target[part]
        rule = _Rule.__new__(_Rule)
        cache[ref] = rule  # before compiling, so recursive refs terminate
        rule.__init__(target, root, cache)
        return rule
    return _Rule(spec, root, cache)


@cache
def compiled(name: str = "worksheet", extra_statuses: tuple = ()) -> _Rule:
    """The compiled schema; ``extra_statuses`` extends the status enum (a desk's own statuses)."""
    root = load_schema(name)
    if extra_statuses:
        status = root["definitions"]["claim"]["properties"]["status"]
        status["enum"] = list(status["enum"]) + [s for s in extra_statuses if s not in status["enum"]]
    return _compile(root, root, {})


def _path_str(path) -> str:
    parts = []
    while path:
        path, key = path
        parts.append(key)
    out = ""
    for key in reversed(parts):
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else key)
    return out


def _describe(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, (dict, MappingNode)):
        return "a mapping"
    if isinstance(value, (list, SequenceNode)):
        return "a list"
    return "a string"


_TYPE_WORDS = {
    "string": "a string", "integer": "an integer", "number": "a number", "boolean": "true or false",
    "null": "null", "object": "a mapping", "array": "a list",
}


class Validator:
    """Walks one node tree; collects problems; returns the loaded value."""

    def __init__(self, path: str, text: str):
        self.path = path
        self.problems: list[Problem] = []
        self.budget = NODE_BUDGET
        # Anchors make one node appear in several places; a worksheet has no use
        # for them, and refusing them stops alias bombs before they expand.
        self.seen: set[int] | None = set() if "&" in text else None

    def problem(self, node, path, message: str) -> None:
        self.problems.append(
            Problem(self.path, node.start_mark.line + 1, node.start_mark.column + 1, _path_str(path), message)
        )

    def walk(self, node, rule: _Rule, path):
        self.budget -= 1
        if self.budget < 0:
            if self.budget == -1:
                self.problem(node, path, "file is too large to validate (too many values)")
            return None
        if self.seen is not None:
            if id(node) in self.seen:
                self.problem(node, path, "anchors and aliases (&name, *name) are not allowed in a worksheet; write the value out")
                return None
            self.seen.add(id(node))
        cls = node.__class__
        if cls is ScalarNode:
            return self._scalar(node, rule, path)
        if rule.enum is not None or rule.has_const:
            kind = "a mapping" if cls is MappingNode else "a list"
            self.problem(node, path, f"must be {self._expected(rule) if rule.enum is not None else repr(rule.const)}, not {kind}")
            return None
        if cls is MappingNode:
            if rule.types is not None and "object" not in rule.types:
                self.problem(node, path, f"must be {self._expected(rule)}, not a mapping")
                return None
            return self._mapping(node, rule, path)
        if rule.types is not None and "array" not in rule.types:
            self.problem(node, path, f"must be {self._expected(rule)}, not a list")
            return None
        return self._sequence(node, rule, path)

    def _expected(self, rule: _Rule) -> str:
        if rule.enum is not None:
            return "one of " + ", ".join(str(e) for e in rule.enum)
        return " or ".join(_TYPE_WORDS[t] for t in sorted(rule.types or ()))

    def _scalar(self, node: ScalarNode, rule: _Rule, path):
        tag = node.tag
        if tag == yamlio.STR:
            value = node.value
            kind = "string"
        else:
            kind = _TAG_TYPE.get(tag)
            if kind is None:
                self.problem(node, path, f"unsupported YAML tag {tag}; remove it")
                return None
            value = yamlio.scalar_value(node)
            if kind in ("integer", "number") and (not isinstance(value, (int, float)) or isinstance(value, bool)):
                self.problem(node, path, f"{_short(node.value)} is too large a number; write a smaller one")
                return None
            if kind == "number" and not math.isfinite(value):
                self.problem(node, path, f"must be a finite number, not {node.value}")
                return None
        if rule.has_const and value != rule.const:
            self.problem(node, path, f"must be {rule.const!r}, not {value!r}")
            return value
        if rule.enum is not None:
            if value not in rule.enum:
                hint = difflib.get_close_matches(str(value), [str(e) for e in rule.enum], n=1)
                extra = f" (did you mean {hint[0]!r}?)" if hint else ""
                self.problem(node, path, f"{value!r} is not one of: {', '.join(map(str, rule.enum))}{extra}")
            return value
        types = rule.types
        if types is not None and kind not in types and not (kind == "integer" and "number" in types):
            self.problem(node, path, f"must be {self._expected(rule)}, not {_describe(value)}")
            return value
        if kind == "string":
            if isinstance(value, str):
                if rule.min_length is not None and len(value.strip()) < rule.min_length:
                    self.problem(node, path, "must not be empty")
                if rule.pattern is not None and not rule.pattern.search(value):
                    self.problem(node, path, f"{_short(value)!r} does not match the expected form {spec_pattern(rule)}")
                elif rule.pattern is not None and rule.pattern.pattern.startswith("^\\d{4}") and not _real_date(value):
                    self.problem(node, path, f"{value!r} is not a real date; write YYYY, YYYY-MM or YYYY-MM-DD")
            if rule.format is not None:
                self._format(node, rule.format, value, path)
        elif kind in ("integer", "number"):
            if rule.minimum is not None and value < rule.minimum:
                self.problem(node, path, f"must be at least {rule.minimum}, not {value}")
            if rule.maximum is not None and value > rule.maximum:
                self.problem(node, path, f"must be at most {rule.maximum}, not {value}")
        return value

    def _format(self, node, fmt: str, value, path) -> None:
        if fmt == "date":
            if isinstance(value, _dt.datetime):
                self.problem(node, path, "must be a date YYYY-MM-DD, not a date and time")
            elif isinstance(value, _dt.date):
                return
            elif not _ISO_DATE.match(value) or not _valid_date(value):
                self.problem(node, path, f"{value!r} is not a date; write YYYY-MM-DD")
        elif fmt == "date-time":
            if isinstance(value, _dt.date):
                return
            try:
                _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                self.problem(node, path, f"{value!r} is not a date and time; write YYYY-MM-DDTHH:MM:SSZ")
        elif fmt == "uri" and isinstance(value, str) and not _URI.match(value):
            self.problem(node, path, f"{value!r} is not a URL; write it in full, e.g. https://example.org/page")

    def _mapping(self, node: MappingNode, rule: _Rule, path) -> dict:
        out: dict = {}
        first_line: dict = {}
        suggested: set = set()
        props = rule.props
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode:
                self.problem(key_node, path, "keys must be plain words, not lists or mappings")
                continue
            key = key_node.value if key_node.tag == yamlio.STR else yamlio.scalar_value(key_node)
            if not isinstance(key, str):
                self.problem(key_node, (path, key), f"key {key!r} must be a word; quote it if it is meant as text")
                key = str(key)
            if key in first_line:
                self.problem(
                    key_node, (path, key),
                    f"duplicate key (first at line {first_line[key]}); YAML would keep only the last one, so delete one",
                )
            else:
                first_line[key] = key_node.start_mark.line + 1
            sub = props.get(key) if props is not None else None
            if sub is None:
                if not rule.additional:
                    hint = difflib.get_close_matches(key, list(props or ()), n=1, cutoff=0.6)
                    extra = f"; did you mean {hint[0]!r}?" if hint else f"; allowed: {', '.join(props or ())}"
                    suggested.update(hint)
                    self.problem(key_node, (path, key), f"unknown key{extra}")
                    continue
                if rule.additional_rule is not None:
                    out[key] = self.walk(value_node, rule.additional_rule, (path, key))
                else:
                    out[key] = _plain(value_node, self)
                continue
            out[key] = self.walk(value_node, sub, (path, key))
        for req in rule.required:
            if req not in first_line and req not in suggested:  # a misspelling was already reported
                self.problem(node, path, f"missing required key {req!r}")
        return out

    def _sequence(self, node: SequenceNode, rule: _Rule, path) -> list:
        items = node.value
        if rule.min_items is not None and len(items) < rule.min_items:
            self.problem(node, path, f"must have at least {rule.min_items} items, not {len(items)}")
        if rule.max_items is not None and len(items) > rule.max_items:
            self.problem(node, path, f"must have at most {rule.max_items} items, not {len(items)}")
        sub = rule.items
        if sub is None:
            return [_plain(n, self) for n in items]
        return [self.walk(n, sub, (path, i)) for i, n in enumerate(items)]


def _plain(node, validator: Validator):
    """Load a node the schema says nothing about (bounded by the node budget)."""
    validator.budget -= 1
    if validator.budget < 0:
        return None
    if isinstance(node, ScalarNode):
        return yamlio.scalar_value(node)
    if isinstance(node, SequenceNode):
        return [_plain(n, validator) for n in node.value]
    return {str(yamlio.scalar_value(k)) if isinstance(k, ScalarNode) else "?": _plain(v, validator) for k, v in node.value}


def _short(s: str) -> str:
    return s if len(s) <= 60 else s[:40] + "..." + s[-10:]


def spec_pattern(rule: _Rule) -> str:
    p = rule.pattern.pattern
    return p[:-2] + "$" if p.endswith("\\Z") else p


def _real_date(s: str) -> bool:
    m = _DATE_LIKE.match(s)
    if not m:
        return True
    year, month, day = m.groups()
    if day is None:
        return 1 <= int(month) <= 12
    return _valid_date(s)


def _valid_date(s: str) -> bool:
    try:
        _dt.date.fromisoformat(s)
    except ValueError:
        return False
    return True


def validate_node(node, path: str, text: str, name: str = "worksheet",
                  extra_statuses: tuple = ()) -> tuple[object, list[Problem]]:
    """Validate a composed document against schema ``name``; return (value, problems)."""
    v = Validator(path, text)
    if node is None:
        return None, [Problem(path, 1, 1, "", "file is empty; expected a mapping")]
    value = v.walk(node, compiled(name, tuple(extra_statuses)), None)
    return value, sorted(v.problems, key=lambda p: (p.line, p.col))

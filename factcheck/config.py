"""The desk's configuration, ``factcheck.yaml``: verdict scale and check policy.

Found in the current folder or the nearest folder above it; every key is
optional, and the file is validated as strictly as a worksheet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import schema, yamlio
from .errors import ConfigError

CONFIG_NAME = "factcheck.yaml"

DEFAULT_VERDICTS = ("true", "mostly-true", "mixed", "mostly-false", "false", "unverifiable")
DEFAULT_BLOCKING = ("false", "mostly-false")
DEFAULT_UNRATED = ("unverifiable",)
STATUSES = ("unchecked", "in-progress", "checked", "skipped")
RULES = ("unchecked", "in-progress", "no-verdict", "no-source", "blocking-verdict", "quote-missing", "stale", "recheck",
         "same-as-blocking", "same-as-missing")


def verdict_name(v) -> str | None:
    """Verdicts are words; YAML reads bare ``true``/``false`` as booleans, so map them back."""
    if v is None:
        return None
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


@dataclass
class Config:
    verdicts: tuple[str, ...] = DEFAULT_VERDICTS
    blocking: tuple[str, ...] = DEFAULT_BLOCKING
    allow: frozenset[str] = frozenset()
    warn: frozenset[str] = frozenset()
    min_sources: int = 1
    strict: bool = False
    min_worth: float | None = None  # extract leaves out claims less check-worthy than this
    statuses: dict = field(default_factory=dict)  # the desk's own status -> built-in status it behaves like
    organisation: dict | None = None  # {name, url}: who publishes the fact-checks
    publish_url: str | None = None  # template with {worksheet}
    unrated: tuple[str, ...] = DEFAULT_UNRATED  # verdicts without a rating value
    path: Path | None = None

    @property
    def all_statuses(self) -> tuple[str, ...]:
        return STATUSES + tuple(s for s in self.statuses if s not in STATUSES)

    def base_status(self, status: str) -> str:
        """The built-in status a (possibly custom) status behaves like."""
        return self.statuses.get(status, status)

    @property
    def ratings(self) -> dict[str, int]:
        """Rating value of each rated verdict: its place on the scale, best highest, worst 1."""
        rated = [v for v in self.verdicts if v not in self.unrated]
        return {v: len(rated) - i for i, v in enumerate(rated)}


def find_config(start: Path | None = None) -> Path | None:
    """The nearest factcheck.yaml in ``start`` (default: the current folder) or above."""
    import os

    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            rel = os.path.relpath(candidate)
            return Path(rel) if not rel.startswith("..") else candidate
    return None


def load_config(path: Path | None = None, *, search: bool = True) -> Config:
    """Load ``path`` (or the nearest ``factcheck.yaml``); defaults when there is none."""
    if path is None and search:
        path = find_config()
    if path is None:
        return Config()
    text = yamlio.read_text(Path(path), what="config file")
    node, problem = yamlio.compose(text, str(path))
    if problem:
        raise ConfigError(str(problem), [problem])
    if node is None:
        return Config(path=Path(path))
    value, problems = schema.validate_node(node, str(path), text, "config")
    cfg = Config(path=Path(path))
    if not problems and isinstance(value, dict):
        if "verdicts" in value:
            cfg.verdicts = tuple(verdict_name(v) for v in value["verdicts"])
        def on_scale(key: str) -> tuple:
            """The verdicts listed under ``key``, each of which must be on the desk's scale."""
            listed = tuple(verdict_name(v) for v in value[key])
            unknown = [v for v in listed if v not in cfg.verdicts]
            if unknown:
                problems.append(yamlio.Problem(str(path), 1, 1, key,
                                               f"{unknown[0]!r} is not on the verdict scale: {', '.join(cfg.verdicts)}"))
            return listed

        if "blocking" in value:
            cfg.blocking = on_scale("blocking")
        elif "verdicts" in value:
            cfg.blocking = tuple(b for b in DEFAULT_BLOCKING if b in cfg.verdicts)
        cfg.allow = frozenset(value.get("allow", ()))
        cfg.warn = frozenset(value.get("warn", ()))
        cfg.min_sources = value.get("min_sources", 1)
        for name, base in (value.get("statuses") or {}).items():
            if name in STATUSES or not re.fullmatch(r"[a-z][a-z0-9-]*", name):
                problems.append(yamlio.Problem(str(path), 1, 1, f"statuses.{name}",
                                               "custom statuses are lower-case words with hyphens, other than the four built-in ones"))
            else:
                cfg.statuses[name] = base
        cfg.strict = bool(value.get("strict", False))
        cfg.min_worth = value.get("min_worth")
        cfg.organisation = value.get("organisation")
        cfg.publish_url = value.get("publish_url")
        if cfg.publish_url is not None:
            import string

            try:
                names = [f for _, f, _, _ in string.Formatter().parse(cfg.publish_url) if f is not None]
            except ValueError:  # an unmatched brace
                names = ["?"]
            if any(f != "worksheet" for f in names):
                problems.append(yamlio.Problem(str(path), 1, 1, "publish_url",
                                               "the only placeholder is {worksheet} (the worksheet's name without .yaml)"))
        if "unrated" in value:
            cfg.unrated = on_scale("unrated")
        else:
            cfg.unrated = tuple(u for u in DEFAULT_UNRATED if u in cfg.verdicts)
    if problems:
        raise ConfigError(f"{path}: invalid configuration", problems)
    return cfg

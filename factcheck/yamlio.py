"""Every YAML read and write in factcheck goes through this module.

Reading is safe only (no Python objects), capped in size and alias use, and
keeps the node tree from ``yaml.compose`` so that every value has a line and
column. Writing a file a person may have edited never re-dumps it: edits are
*spliced* into the original text at node marks, so comments, quoting, key order
and blank lines stay exactly as written (the approach pre-commit takes for its
users' config). Every write is atomic.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import re
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import InputError, LockTimeout

try:  # libyaml is much faster; its marks count characters like the Python parser's
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


class _Loader(_BaseLoader):
    """The safe loader with a memo on implicit tag resolution.

    The parser asks the (pure-Python) resolver for the tag of every scalar;
    worksheets repeat the same values (statuses, null, true) thousands of times.
    Resolution depends only on the node kind, the value and whether the tag is
    implicit (there are no path resolvers), so the answer can be remembered.
    """

    _memo: dict = {}

    def resolve(self, kind, value, implicit):
        if kind is not yaml.ScalarNode:
            return super().resolve(kind, value, implicit)
        key = (value, implicit)
        tag = self._memo.get(key)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(self._memo) < 100_000:
                self._memo[key] = tag
        return tag

#: Worksheets and config files larger than this are refused. A worksheet of
#: 10,000 claims is about 5 MB; one extracted from a 20 MB article about 40 MB.
MAX_YAML_BYTES = 256 * 1024 * 1024

Node = yaml.Node
MappingNode = yaml.MappingNode
SequenceNode = yaml.SequenceNode
ScalarNode = yaml.ScalarNode

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
TIMESTAMP = "tag:yaml.org,2002:timestamp"

_constructor = yaml.constructor.SafeConstructor()


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, pointing at where it is."""

    path: str
    line: int
    col: int
    field: str
    message: str

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}:{self.col}" if self.col else f":{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


def read_text(path: Path, *, what: str = "file", max_bytes: int = MAX_YAML_BYTES) -> str:
    """Read a UTF-8 text file, refusing what is not one with a one-line error.

    The text is returned exactly as stored (a BOM and CRLF line ends are kept)
    so that offsets into it are offsets into the file's characters.
    """
    data = read_bytes(path, what=what, max_bytes=max_bytes)
    if b"\x00" in data:
        reason = f"is binary data, not a text {what}; give a UTF-8 text file"
        raise InputError(f"{path}: {reason}", reason=reason)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        reason = f"is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-save the {what} as UTF-8"
        raise InputError(f"{path}:{line}: {reason}", line=line, reason=reason) from None


def special_kind(mode: int) -> str:
    """What a file that is not a regular file is, for messages (\"a named pipe\", \"a device\")."""
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def read_bytes(path: Path, *, what: str = "file", max_bytes: int | None = MAX_YAML_BYTES) -> bytes:
    """Read a regular file's bytes, at most ``max_bytes``, with a clear error for every way it can fail.

    The one reader of articles, worksheets and factcheck.yaml. Only regular files
    are opened (a pipe would block, a device never ends), the size is checked
    before reading and the read itself is bounded, so a file that grows or lies
    about its size cannot exhaust memory.
    """
    path = Path(path)

    def fail(reason: str):
        return InputError(f"{path}: {reason}", reason=reason)

    try:
        st = path.stat()
    except FileNotFoundError:
        raise fail(f"no such {what}; check the path") from None
    except ValueError:
        raise fail(f"is not a usable path (it contains a NUL character); give the {what}'s path") from None
    except OSError as exc:
        raise fail(f"cannot read: {exc.strerror}") from None
    if stat.S_ISDIR(st.st_mode):
        raise fail(f"is a folder, not a {what}; give a file path")
    if not stat.S_ISREG(st.st_mode):
        raise fail(f"is not a regular file ({special_kind(st.st_mode)}); give the path of a regular file")
    limit = f"over the {max_bytes / 2**20:.0f} MiB limit for a {what}" if max_bytes is not None else ""
    if max_bytes is not None and st.st_size > max_bytes:
        raise fail(f"is {st.st_size / 2**20:.1f} MiB, {limit}")
    try:
        # O_NONBLOCK: if the path was swapped for a pipe since the stat, opening it must not hang
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise fail(f"cannot read: {exc.strerror}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise fail(f"is not a regular file ({special_kind(st.st_mode)}); give the path of a regular file")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(max_bytes + 1) if max_bytes is not None else fh.read()
    except OSError as exc:
        raise fail(f"cannot read: {exc.strerror}") from None
    finally:
        os.close(fd)
    if max_bytes is not None and len(data) > max_bytes:
        raise fail(f"is larger than it said when opened, {limit}")
    return data


def compose(text: str, path: str, *, exact: bool = False) -> tuple[Node | None, Problem | None]:
    """Parse YAML text into a node tree, or return the syntax problem.

    One parser (libyaml's, when PyYAML has it) decides what is valid YAML for
    every command, reads and edits alike. Its marks are character offsets into
    ``text`` except after a leading byte-order mark, which it drops: callers
    that splice at marks pass text without the BOM (``strip_bom``). ``exact`` is
    kept for callers written when edits used the pure-Python parser.
    """
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        msg = exc.problem or exc.context or "invalid YAML"
        if "nesting depth" in str(exc):
            msg = "nested too deeply"
        advice = syntax_advice(text, exc)
        if advice is not None:
            line, col, msg = advice
        return None, Problem(path, line, col, "", f"YAML syntax error: {msg}")
    except yaml.YAMLError as exc:
        return None, Problem(path, 0, 0, "", f"YAML error: {str(exc).splitlines()[0]}")
    except RecursionError:  # the pure-Python composer recurses per level
        return None, Problem(path, 1, 1, "", "YAML syntax error: nested too deeply")
    return node, None


def syntax_advice(text: str, exc) -> tuple[int, int, str] | None:
    """(line, col, message) for the syntax errors people make by hand, pointing where the
    construct *started* with one line of advice; None for the rest (the parser's words stand).

    Unclosed quote, a tab in the indentation, an unquoted ": " or " #" in a value, and a
    deleted "- " before a list item.
    """
    problem, context = exc.problem or "", exc.context or ""
    pm, cm = exc.problem_mark, exc.context_mark
    lines = text.split("\n")

    def at(mark):
        return mark.line + 1, mark.column + 1

    opened = _unclosed_quote(lines, pm.line if pm is not None else len(lines))
    if opened is not None and not ("quoted scalar" in context and cm is not None):
        line, col, quote = opened
        return line, col, _quote_advice(quote)
    if "quoted scalar" in context and cm is not None:
        quote = text[cm.index] if cm.index < len(text) and text[cm.index] in "'\"" else '"'
        return (*at(cm), _quote_advice(quote))
    if pm is not None and "tab" in problem or (pm is not None and "cannot start any token" in problem
                                                and pm.index < len(text) and text[pm.index] == "\t"):
        for n in range(min(pm.line, len(lines) - 1), -1, -1):  # the tab is on this line or just above it
            indent = lines[n][:len(lines[n]) - len(lines[n].lstrip(" \t"))]
            if "\t" in indent:
                return n + 1, indent.index("\t") + 1, ("a tab in the indentation; YAML indents with spaces only: "
                                                        "replace the tab with spaces")
    if pm is not None and problem.startswith("mapping values are not allowed"):
        return (pm.line + 1, 1, "a value containing \": \" (or \" #\") must be quoted: put the whole value in "
                                "double quotes")
    if cm is not None and pm is not None and "block collection" in context and (
            "'-' indicator" in problem or "found '?'" in problem or "block mapping start" in problem):
        indent = cm.column
        items = sum(1 for ln in lines[cm.line:pm.line]
                    if ln[:indent].strip() == "" and ln[indent:indent + 2] == "- ")
        above = lines[cm.line - 1].strip() if cm.line > 0 else ""
        what = f"claim {items + 1}" if above == "claims:" else f"item {items + 1} of the list at line {cm.line + 1}"
        return (*at(pm), f"this line is not a list item; did you delete the \"- \" that starts {what}? "
                         f"Put \"- \" back before the first key")
    return None


def _quote_advice(quote: str) -> str:
    inner = '\\"' if quote == '"' else "''"
    return (f"the {quote}quoted{quote} value starting here is never closed; add the closing {quote} at its end "
            f"(a {quote} inside it is written {inner})")


_QUOTED_VALUE = re.compile(r"""^\s*(?:- )?[A-Za-z_][\w-]*:[ \t]+(["'])""")


def _unclosed_quote(lines: list[str], upto: int) -> tuple[int, int, str] | None:
    """(line, col, quote) of the first "key: 'value" line before ``upto`` whose quote is not closed
    on that line (worksheet values are one line, or a | block)."""
    for n, ln in enumerate(lines[:upto + 1]):
        m = _QUOTED_VALUE.match(ln)
        if not m:
            continue
        quote, rest = m.group(1), ln[m.end():]
        if quote == '"':
            closed = re.search(r'(?<!\\)(?:\\\\)*"', rest) is not None
        else:
            closed = re.search(r"'(?!')", rest.replace("''", "")) is not None
        if not closed:
            return n + 1, m.start(1) + 1, quote
    return None


def strip_bom(text: str) -> tuple[str, str]:
    """(byte-order mark or "", the text after it): marks index the second part."""
    if text.startswith("\ufeff"):
        return "\ufeff", text[1:]
    return "", text


def peek_article_path(path: Path) -> str | None:
    """The worksheet's ``article.path`` read from the start of the file, without loading it all.

    None when the file cannot be read or has no such string near the top; the
    full load that follows reports why.
    """
    try:
        text = read_text(Path(path), what="worksheet")
    except InputError:
        return None
    stack: list[list] = []  # per open collection: [is mapping, expecting a key, current key]
    try:
        for ev in yaml.parse(text, Loader=_Loader):
            starts = isinstance(ev, (yaml.MappingStartEvent, yaml.SequenceStartEvent))
            if stack and stack[-1][0] and isinstance(ev, (yaml.ScalarEvent, yaml.AliasEvent)) or starts and stack and stack[-1][0]:
                frame = stack[-1]
                if frame[1]:
                    frame[1], frame[2] = False, (ev.value if isinstance(ev, yaml.ScalarEvent) else None)
                    if len(stack) == 1 and frame[2] == "claims":
                        return None  # article comes first in every worksheet factcheck writes
                else:
                    frame[1] = True
                    if isinstance(ev, yaml.ScalarEvent) and [f[2] for f in stack] == ["article", "path"]:
                        return ev.value
            if starts:
                stack.append([isinstance(ev, yaml.MappingStartEvent), True, None])
            elif isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                if not stack:
                    return None
    except yaml.YAMLError:
        return None
    return None


def load_mapping(text: str) -> dict | None:
    """Safely load a small YAML mapping (Markdown front matter); None if it is not one.

    Aliases are refused (front matter has no use for them) and errors are not
    raised: front matter is optional metadata, never a reason to stop.
    """
    if len(text) > 64 * 1024 or "*" in text and "&" in text:
        return None
    try:
        value = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError:
        return None
    return value if isinstance(value, dict) else None


def scalar_value(node: ScalarNode):
    """Construct the Python value of a scalar node the way ``safe_load`` would."""
    tag = node.tag
    if tag == STR:
        return node.value
    if tag == NULL:
        return None
    try:
        return _constructor.construct_object(node)
    except (yaml.constructor.ConstructorError, ValueError, OverflowError):
        return node.value


def line_of(node: Node) -> int:
    return node.start_mark.line + 1


def col_of(node: Node) -> int:
    return node.start_mark.column + 1


# --------------------------------------------------------------------------- writing


def _printable(ch: str) -> bool:
    """YAML 1.1's printable set (what the reader accepts unescaped)."""
    c = ord(ch)
    return (c in (0x9, 0xA, 0xD) or 0x20 <= c <= 0x7E or c == 0x85 or 0xA0 <= c <= 0xD7FF
            or 0xE000 <= c <= 0xFFFD or 0x10000 <= c <= 0x10FFFF)


_resolver = yaml.resolver.Resolver()
# what YAML cannot hold unescaped in a plain scalar (outside its printable set, or line-breaking)
_UNPRINTABLE = re.compile("[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\x85\u2028\u2029\ufeff]")
_INDICATORS = tuple("-?:,[]{}#&*!|>'\"%@`")


def _needs_quotes(s: str) -> bool:
    """Whether ``s`` cannot be written as a plain scalar that reads back as the same string.

    Decided from YAML's own implicit-type rules (no parse per value): writing a
    worksheet of 80,000 claims renders about a million scalars.
    """
    if s == "" or s != s.strip() or "\n" in s:
        return True
    if _UNPRINTABLE.search(s):
        return True
    if s.startswith(_INDICATORS) or ": " in s or " #" in s or s.endswith(":"):
        return True
    return _resolver.resolve(ScalarNode, s, (True, False)) != STR


def scalar(value, _flow: bool = False) -> str:
    """Render one value as a single-line YAML flow scalar (or flow collection)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, _dt.datetime):
        return value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(scalar(v, True) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(str(k), True)}: {scalar(v, True)}" for k, v in value.items()) + "}"
    s = str(value)
    if _flow and (any(ch in s for ch in ",[]{}#") or s[:1] in tuple("?:-!&*|>'\"%@`")):
        return _double_quoted(s)
    if not _needs_quotes(s):
        return s
    return _double_quoted(s)


_BLOCK_SAFE = re.compile("[^\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\ufeff\u2028\u2029]")


def value_text(value, indent: int, nl: str = "\n") -> str:
    """A value for ``key: <here>`` in block context; multi-line text as a literal block.

    The block reads back as exactly ``value``: a final line break is kept
    (``|`` rather than ``|-``), a first line that starts with a space gets an
    explicit indentation indicator, and text a literal block cannot hold
    (control characters, other line breaks, several final line breaks) is
    written double-quoted instead.
    """
    if not (isinstance(value, str) and "\n" in value) or _BLOCK_SAFE.search(value) or value.endswith("\n\n"):
        return scalar(value)
    body = value[:-1] if value.endswith("\n") else value
    chomp = "" if value.endswith("\n") else "-"
    lines = body.split("\n")
    if not body.strip(" "):
        return scalar(value)
    first = next(line for line in lines if line.strip(" ")) if any(line.strip(" ") for line in lines) else ""
    lead_blank = lines[0] == "" or lines[0].startswith(" ") or first.startswith(" ") or \
        any(line and not line.strip(" ") for line in lines)
    header = "|" + ("2" if lead_blank else "") + chomp
    pad = " " * (indent + 2)
    return header + "".join(nl + (pad + line if line else "") for line in lines)


def block_item(mapping: dict, indent: int, nl: str = "\n", order: tuple = ()) -> str:
    """A mapping as one block-sequence item ("- k: v" then "  k: v" lines), keys in ``order`` first."""
    keys = [k for k in order if k in mapping] + [k for k in mapping if k not in order]
    pad = " " * indent
    return nl.join(f"{pad}- {k}: {scalar(mapping[k])}" if i == 0 else f"{pad}  {k}: {scalar(mapping[k])}"
                   for i, k in enumerate(keys))


def flow_mapping(mapping: dict) -> str:
    """A mapping in flow style, for appending to a [flow, list]."""
    return "{" + ", ".join(f"{k}: {scalar(v, True)}" for k, v in mapping.items()) + "}"


def _double_quoted(s: str) -> str:
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif not _printable(ch) or ch in "\x85\u2028\u2029\ufeff":
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else (f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def splice(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Replace ``text[start:end]`` by each replacement; the rest stays as it was."""
    edits = sorted(edits, key=lambda e: (e[0], e[1]))
    out, pos = [], 0
    for start, end, new in edits:
        if start < pos:
            raise ValueError("overlapping edits")
        out.append(text[pos:start])
        out.append(new)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def newline_of(text: str) -> str:
    """The file's line ending: CRLF, a lone CR (old Mac files) or LF."""
    if "\r\n" in text:
        return "\r\n"
    if "\r" in text and "\n" not in text:
        return "\r"
    return "\n"


def check_writable(path: Path) -> None:
    """Refuse to replace a file its owner marked read-only (even as root)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot write: {getattr(exc, 'strerror', None) or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{path}: is not a regular file ({special_kind(st.st_mode)}); factcheck only replaces files")
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise InputError(f"{path}: is read-only; make it writable (chmod u+w) to record changes")


def write_target(path: Path) -> Path:
    """The file a write to ``path`` must replace: a symlink's final target, so the link stays a link."""
    path = Path(path)
    if not path.is_symlink():
        return path
    try:
        return Path(os.path.realpath(path, strict=True))
    except (OSError, RuntimeError):
        raise InputError(f"{path}: is a broken or looping symlink; point it at the file or remove it") from None


#: Temporary files of atomic_write: ".<name>.<8 random characters>.tmp".
_TMP_NAME = re.compile(r"\A\..+\.[A-Za-z0-9_]{8}\.tmp\Z")


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old or the new file, never half.

    The text goes to a temporary file in the same folder, is flushed and
    fsynced, then renamed over the target; the target's permissions are kept.
    A symlink is written through: its target is replaced and the link kept.
    Only regular files are ever replaced (never a device or a pipe).
    """
    path = write_target(Path(path))
    check_writable(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"{path}: cannot write in {folder}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise InputError(f"{path}: cannot write: {exc.strerror}; the file was not changed") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


LOCK_NAME = ".factcheck.lock"


def remove_stale_temp_files(folder: Path, older_than: float) -> list[Path]:
    """Delete atomic_write's temporary files left by a killed process (older than ``older_than`` s).

    Called with the folder lock held, so no live writer of ours is using them.
    """
    removed = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _TMP_NAME.match(entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(st.st_mode) and now - st.st_mtime > older_than:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


@contextlib.contextmanager
def locked(path: Path, timeout: float = 10.0):
    """Hold a lock on the folder of ``path`` (a symlink's target folder) while editing it.

    The folder is locked rather than the file because atomic writes replace the
    file's inode; the lock is the file ``.factcheck.lock`` there, held with the
    ``filelock`` package (fcntl on POSIX, msvcrt on Windows). Another factcheck
    process waits up to ``timeout`` seconds, then gives up with a message
    instead of waiting forever. Temporary files a killed writer left behind are
    removed once the lock is held.
    """
    import filelock

    target = write_target(Path(path))
    folder = target.parent if str(target.parent) else Path(".")
    lock = filelock.FileLock(str(folder / LOCK_NAME), timeout=timeout)
    try:
        lock.acquire(poll_interval=0.05)
    except filelock.Timeout:
        raise LockTimeout(
            f"{path}: another factcheck command is editing this folder; "
            f"gave up after {timeout:g}s, try again when it has finished"
        ) from None
    except OSError as exc:
        raise InputError(f"{folder}: cannot lock the folder for editing: {exc.strerror}") from None
    try:
        remove_stale_temp_files(folder, older_than=max(timeout, 60.0))
        yield
    finally:
        lock.release()

"""The claim index: every claim of every worksheet, in one SQLite file.

``.factcheck/index.sqlite`` (beside ``claims/``, in the folder factcheck runs
from) is a cache. Deleting it loses nothing: the next command that needs it
rebuilds it from the worksheets. It is refreshed incrementally: a worksheet
whose size and modification time are unchanged is not opened; one whose bytes
hash the same is not parsed; a worksheet that is gone leaves the index.

A file that is not a factcheck index (corrupt, truncated, another program's
database, an older layout) is set aside and rebuilt, and ``notices`` says so in
one line. The index never raises for its own state, only for the worksheets it
is asked to read (a missing path is a UsageError).

Tables:

* ``worksheets``: path (relative to the index root, ``/``-separated), size,
  mtime_ns, sha256, number of claims and of validation problems;
* ``claims``: one row per claim with what ``similar`` shows (text, status,
  verdict, first source URL) and what matching needs (normalised words,
  figures, human links);
* ``claims_fts``: an FTS5 table over each claim's search terms (normalised
  words and figure tokens); its rowid is the ``claims`` row id.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config
from ..errors import InputError, UsageError
from . import text as mtext

#: Bump when the tables change: an index of another layout is rebuilt.
FORMAT = "factcheck-claim-index 1"
INDEX_DIR = ".factcheck"
INDEX_NAME = "index.sqlite"
DEFAULT_ROOTS = ("claims",)

#: An FTS5 look-up reads at most about this many postings (see ClaimIndex.query_terms) ...
POSTINGS_BUDGET = 8_000
#: ... but always asks for the rarest few terms of the claim.
MIN_TERMS = 2

#: Below this many worksheets to parse, worker processes cost more than they save.
PARALLEL_MIN_FILES = 200

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE worksheets (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    claims INTEGER NOT NULL,
    problems INTEGER NOT NULL
);
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    worksheet INTEGER NOT NULL REFERENCES worksheets(id),
    claim_id TEXT NOT NULL,
    text TEXT NOT NULL,
    words TEXT NOT NULL,
    figures TEXT NOT NULL,
    status TEXT,
    verdict TEXT,
    source TEXT,
    speaker TEXT,
    same_as TEXT NOT NULL,
    not_same_as TEXT NOT NULL
);
CREATE INDEX claims_by_worksheet ON claims(worksheet);
CREATE VIRTUAL TABLE claims_fts USING fts5(terms, tokenize = 'unicode61 remove_diacritics 2');
"""


@dataclass
class RefreshStats:
    """What a refresh did; ``index`` prints it."""

    worksheets: int = 0
    claims: int = 0
    read: int = 0  # worksheets parsed (new or changed)
    removed: int = 0  # worksheets gone from disk, dropped from the index
    invalid: list[str] = field(default_factory=list)  # indexed paths with validation problems

    def summary(self) -> str:
        def n(k, word):
            return f"{k} {word}{'' if k == 1 else 's'}"

        parts = [f"{n(self.claims, 'claim')} in {n(self.worksheets, 'worksheet')}",
                 f"{self.read} read", f"{self.removed} removed"]
        if self.invalid:
            parts.append(f"{len(self.invalid)} with problems (run factcheck validate)")
        return ", ".join(parts)


@dataclass
class Row:
    """One indexed claim, as ``similar`` needs it."""

    rowid: int
    path: str
    claim_id: str
    text: str
    words: str
    figures: list
    status: str | None
    verdict: str | None
    source: str | None
    speaker: str | None
    same_as: list[str]
    not_same_as: list[str]

    @property
    def ref(self) -> str:
        return f"{self.path}#{self.claim_id}"


def rel(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` with ``/`` separators (absolute when outside ``root``)."""
    absolute = os.path.abspath(path)
    try:
        r = os.path.relpath(absolute, os.path.abspath(root))
    except ValueError:  # another drive on Windows
        return Path(absolute).as_posix()
    if r == ".." or r.startswith(".." + os.sep):
        return Path(absolute).as_posix()
    return Path(r).as_posix()


def claim_record(c) -> tuple:
    """The stored fields of one claim (computed in worker processes for large builds)."""
    figs, words, terms = mtext.analyse(c.text)
    src = next((s.url for s in c.sources if s.url), None)
    return (c.id, c.text, " ".join(words), json.dumps([[f.key, f.shown, f.is_date] for f in figs]),
            " ".join(terms), c.status, c.verdict, src, c.speaker,
            json.dumps(c.same_as), json.dumps(c.not_same_as))


def _records(load_result) -> tuple[list[tuple], int]:
    ws = load_result.worksheet
    records = [claim_record(c) for c in ws.claims] if ws is not None else []
    return records, len(load_result.problems)


class ClaimIndex:
    """The index file of one project folder (``root``), opened and kept valid.

    Use as a context manager; ``notices`` collects one-line messages about the
    index itself (rebuilt because it was corrupt) for the command to print.
    """

    def __init__(self, root: Path | str = ".", path: Path | None = None, config: Config | None = None):
        self.root = Path(root)
        self.path = Path(path) if path is not None else self.root / INDEX_DIR / INDEX_NAME
        self.config = config or Config()
        self.notices: list[str] = []
        self.db: sqlite3.Connection | None = None
        self._df: dict[str, int] | None = None  # term -> claims containing it, for the current index state

    # ------------------------------------------------------------------ opening

    def __enter__(self) -> ClaimIndex:
        self.open()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def open(self) -> None:
        problem = self._problem_with_file()
        if problem is not None:
            self.notices.append(f"{self._shown_path()}: {problem}; rebuilding it from the worksheets")
            self._discard()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        ignore = self.path.parent / ".gitignore"
        if self.path.parent.name == INDEX_DIR and not ignore.exists():
            ignore.write_text("# factcheck's cache; safe to delete\n*\n", encoding="utf-8")
        fresh = not self.path.exists()
        self.db = self._connect()
        if fresh:
            self._create()

    def open_in_memory(self, reason: str) -> None:
        """An empty index in memory, for a folder where the index file cannot be written (read-only checkout)."""
        self.close()
        self.notices.append(f"{self._shown_path()}: cannot be written ({reason}); using a temporary index in memory")
        self.db = sqlite3.connect(":memory:", isolation_level=None)
        self._create()

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
        self._df = None

    def _shown_path(self) -> str:
        return rel(self.path, Path("."))

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(str(self.path), timeout=10.0, isolation_level=None)
        db.execute("PRAGMA synchronous = NORMAL")
        return db

    def _create(self) -> None:
        self.db.executescript("BEGIN;" + _SCHEMA + "COMMIT;")
        self.db.execute("INSERT INTO meta VALUES ('format', ?), ('roots', '[]')", (FORMAT,))

    def _problem_with_file(self) -> str | None:
        """Why the file at ``path`` is not a usable index, or None (also None when there is no file)."""
        if not self.path.exists():
            return None
        if self.path.is_dir():
            return "is a folder, not an index file"
        try:
            size = self.path.stat().st_size
            with open(self.path, "rb") as fh:
                head = fh.read(16)
            if head != b"SQLite format 3\x00":
                return "is not a factcheck index (not an SQLite file)"
            from urllib.parse import quote

            db = sqlite3.connect(f"file:{quote(self.path.resolve().as_posix())}?mode=ro", uri=True, timeout=10.0)
            try:
                page_size = db.execute("PRAGMA page_size").fetchone()[0]
                pages = db.execute("PRAGMA page_count").fetchone()[0]
                if size < page_size * pages:
                    return "is truncated"
                row = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
                if row is None or row[0] != FORMAT:
                    return f"is an index of another layout ({row[0] if row else 'unknown'})"
                db.execute("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'x'").fetchone()
            finally:
                db.close()
        except sqlite3.DatabaseError as exc:
            return f"is unreadable ({exc})"
        except OSError as exc:
            raise InputError(f"{self._shown_path()}: cannot read the claim index: {exc.strerror}; "
                             f"delete {INDEX_DIR}/ and run again") from None
        return None

    def _discard(self) -> None:
        for suffix in ("", "-journal", "-wal", "-shm"):
            p = Path(str(self.path) + suffix)
            try:
                p.unlink()
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise InputError(f"{self._shown_path()}: cannot replace the damaged claim index: {exc.strerror}; "
                                 f"delete {INDEX_DIR}/ by hand") from None

    def rebuild_after(self, exc: sqlite3.DatabaseError) -> None:
        """Start over with an empty index after ``exc`` showed the file is damaged."""
        self.notices.append(f"{self._shown_path()}: is unreadable ({exc}); rebuilding it from the worksheets")
        self.close()
        self._discard()
        self.open()

    # ------------------------------------------------------------------ roots

    def roots(self) -> list[str]:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'roots'").fetchone()
        return json.loads(row[0]) if row else []

    def _set_roots(self, roots: list[str]) -> None:
        self.db.execute("UPDATE meta SET value = ? WHERE key = 'roots'", (json.dumps(sorted(set(roots))),))

    # ------------------------------------------------------------------ refresh

    def refresh(self, paths: list[Path] | None = None, *, jobs: int | None = None) -> RefreshStats:
        """Bring the index up to date with the worksheets under its roots (and ``paths``, which become roots).

        Roots are remembered, so ``factcheck index archive/`` keeps ``archive/``
        in the index for later commands; ``claims/`` is always a root.
        """
        for p in paths or ():
            if not Path(p).exists():
                raise UsageError(f"{p}: no such file or folder; check the path")
        roots = set(self.roots()) | {rel(Path(p), self.root) for p in paths or ()} | set(DEFAULT_ROOTS)
        live_roots = sorted(r for r in roots if (self.root / r).exists())
        on_disk = self._scan(live_roots)

        known = {path: (wid, size, mtime, sha) for wid, path, size, mtime, sha
                 in self.db.execute("SELECT id, path, size, mtime_ns, sha256 FROM worksheets")}
        stats = RefreshStats()
        stat_only: list[tuple] = []
        to_parse: list[tuple[str, Path, int, int, str]] = []
        for key, (f, size, mtime) in on_disk.items():
            old = known.get(key)
            if old is not None and old[1] == size and old[2] == mtime:
                continue
            try:
                st = f.stat()
            except OSError:
                continue  # vanished since the scan
            try:
                sha = hashlib.sha256(f.read_bytes()).hexdigest()
            except OSError:
                continue
            if old is not None and old[3] == sha:
                stat_only.append((st.st_size, st.st_mtime_ns, old[0]))
            else:
                to_parse.append((key, f, st.st_size, st.st_mtime_ns, sha))
        gone = [(path, v[0]) for path, v in known.items() if path not in on_disk]
        parsed = self._parse([f for _, f, *_ in to_parse], jobs)

        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.executemany("UPDATE worksheets SET size = ?, mtime_ns = ? WHERE id = ?", stat_only)
            for _, wid in gone:
                self._drop(wid)
            for (key, _f, size, mtime, sha), (records, problems) in zip(to_parse, parsed, strict=True):
                old = known.get(key)
                if old is not None:
                    self._drop(old[0])
                cur = db.execute("INSERT INTO worksheets (path, size, mtime_ns, sha256, claims, problems) "
                                 "VALUES (?, ?, ?, ?, ?, ?)", (key, size, mtime, sha, len(records), problems))
                wid = cur.lastrowid
                for rec in records:
                    cur = db.execute("INSERT INTO claims (worksheet, claim_id, text, words, figures, status, verdict, "
                                     "source, speaker, same_as, not_same_as) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                     (wid, rec[0], rec[1], rec[2], rec[3], rec[5], rec[6], rec[7], rec[8], rec[9],
                                      rec[10]))
                    db.execute("INSERT INTO claims_fts (rowid, terms) VALUES (?, ?)", (cur.lastrowid, rec[4]))
            self._set_roots(live_roots)
            db.execute("COMMIT")
            self._df = None if (to_parse or gone) else self._df
        except BaseException:
            db.execute("ROLLBACK")
            raise
        stats.read = len(to_parse)
        stats.removed = len(gone)
        stats.worksheets, stats.claims = db.execute("SELECT count(*), coalesce(sum(claims), 0) FROM worksheets").fetchone()
        stats.invalid = [p for (p,) in db.execute("SELECT path FROM worksheets WHERE problems > 0 ORDER BY path")]
        return stats

    def _scan(self, roots: list[str]) -> dict[str, tuple[Path, int, int]]:
        """Worksheet files under ``roots``: index key -> (path, size, mtime_ns).

        The same files as ``worksheet.find_worksheets`` (``.yaml``/``.yml``,
        nothing under a hidden folder), read with ``os.scandir`` so that
        refreshing 5,000 unchanged worksheets costs one stat each and no more.
        """
        found: dict[str, tuple[Path, int, int]] = {}
        for r in roots:
            top = self.root / r
            if top.is_file():
                st = top.stat()
                found.setdefault(r, (top, st.st_size, st.st_mtime_ns))
                continue
            stack = [(str(top), r)]
            while stack:
                folder, key = stack.pop()
                try:
                    entries = list(os.scandir(folder))
                except OSError:
                    continue
                for e in entries:
                    if e.name.startswith("."):
                        continue
                    sub = f"{key}/{e.name}"
                    try:
                        if e.is_dir(follow_symlinks=False):
                            stack.append((e.path, sub))
                        elif e.name.endswith((".yaml", ".yml")) and e.is_file():
                            st = e.stat()
                            found.setdefault(sub, (Path(e.path), st.st_size, st.st_mtime_ns))
                    except OSError:
                        continue
        return dict(sorted(found.items()))

    def _drop(self, wid: int) -> None:
        self.db.execute("DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE worksheet = ?)", (wid,))
        self.db.execute("DELETE FROM claims WHERE worksheet = ?", (wid,))
        self.db.execute("DELETE FROM worksheets WHERE id = ?", (wid,))

    def _parse(self, files: list[Path], jobs: int | None) -> list[tuple[list[tuple], int]]:
        from ..worksheet import map_worksheets

        if len(files) < PARALLEL_MIN_FILES:
            jobs = 1
        return map_worksheets(files, _records, self.config, check_article=False, jobs=jobs)

    # ------------------------------------------------------------------ queries

    def frequencies(self, terms: list[str]) -> dict[str, int]:
        """How many indexed claims contain each term (FTS5's own vocabulary table), cached per connection."""
        if self._df is None:
            self.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.claims_vocab USING fts5vocab(main, claims_fts, row)")
            self._df = {}
        missing = [t for t in terms if t not in self._df]
        if missing:
            marks = ",".join("?" * len(missing))
            self._df.update(dict.fromkeys(missing, 0))
            self._df.update(self.db.execute(f"SELECT term, doc FROM temp.claims_vocab WHERE term IN ({marks})", missing))
        return {t: self._df[t] for t in terms}

    def query_terms(self, terms: list[str]) -> list[str]:
        """The terms worth asking FTS5 for: the rarest first, within a budget of postings.

        An OR query costs as much as the postings of its terms, and a word in
        every other claim ("said", "percent") ranks nothing; the rare terms
        (names, places, figures) find the candidates, rapidfuzz ranks them.
        At least MIN_TERMS terms are always kept.
        """
        unique = list(dict.fromkeys(t for t in terms if t))
        if not unique:
            return []
        df = self.frequencies(unique)
        present = sorted((df[t], i, t) for i, t in enumerate(unique) if df.get(t))
        chosen, total = [], 0
        for n, _, t in present:
            if len(chosen) >= MIN_TERMS and total + n > POSTINGS_BUDGET:
                break
            chosen.append(t)
            total += n
        return chosen

    def search(self, terms: list[str], limit: int, exclude_path: str | None = None) -> list[Row]:
        """The ``limit`` best claims for ``terms`` by BM25 (FTS5), outside ``exclude_path``."""
        unique = self.query_terms(terms)
        if not unique:
            return []
        query = " OR ".join(f'"{t}"' for t in unique)
        exclude = self.db.execute("SELECT id FROM worksheets WHERE path = ?", (exclude_path,)).fetchone() \
            if exclude_path else None
        if exclude is not None:
            sql = ("SELECT f.rowid FROM claims_fts f JOIN claims c ON c.id = f.rowid "
                   "WHERE claims_fts MATCH ? AND c.worksheet != ? ORDER BY f.rank, f.rowid LIMIT ?")
            ids = [r for (r,) in self.db.execute(sql, (query, exclude[0], limit))]
        else:
            sql = "SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rank, rowid LIMIT ?"
            ids = [r for (r,) in self.db.execute(sql, (query, limit))]
        return self.rows(ids)

    def rows(self, ids: list[int]) -> list[Row]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        sql = ("SELECT c.id, w.path, c.claim_id, c.text, c.words, c.figures, c.status, c.verdict, c.source, "
               f"c.speaker, c.same_as, c.not_same_as FROM claims c JOIN worksheets w ON w.id = c.worksheet "
               f"WHERE c.id IN ({marks})")
        found = {}
        for r in self.db.execute(sql, ids):
            found[r[0]] = Row(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6], r[7], r[8], r[9],
                              json.loads(r[10]), json.loads(r[11]))
        return [found[i] for i in ids if i in found]

    def lookup(self, path: str, claim_id: str) -> Row | None:
        row = self.db.execute("SELECT c.id FROM claims c JOIN worksheets w ON w.id = c.worksheet "
                              "WHERE w.path = ? AND c.claim_id = ?", (path, claim_id)).fetchone()
        return self.rows([row[0]])[0] if row else None


def using_index(fn, *, paths: list[Path] | None = None, config=None, root: Path | str = "."):
    """Open and refresh the index, then return ``(fn(index, stats), notices)``.

    A damaged index found on the way (at opening, or by an SQLite error while
    refreshing or querying) is rebuilt once from the worksheets and ``fn`` runs
    again; where the index cannot be written (a read-only checkout) a temporary
    one is built in memory. ``notices`` are the one-line messages saying so.
    """
    idx = ClaimIndex(root, config=config)
    in_memory = False
    try:
        try:
            idx.open()
        except (OSError, sqlite3.OperationalError) as exc:
            idx.open_in_memory(getattr(exc, "strerror", None) or str(exc))
            in_memory = True
        for attempt in (1, 2, 3):
            try:
                stats = idx.refresh(paths)
                return fn(idx, stats), idx.notices
            except sqlite3.OperationalError as exc:
                if not in_memory and ("readonly" in str(exc) or "unable to open" in str(exc)):
                    idx.open_in_memory(str(exc))
                    in_memory = True
                    continue
                # locked, busy, disk full: the file is fine, the situation is not
                raise InputError(f"{idx.path}: cannot use the claim index: {exc}; try again, or delete "
                                 f"{idx.path.parent}/ (it is a cache)") from None
            except sqlite3.DatabaseError as exc:
                if attempt == 3 or in_memory:
                    raise InputError(f"{idx.path}: the claim index is damaged and could not be rebuilt ({exc}); "
                                     f"delete {idx.path.parent}/ and run again") from None
                idx.rebuild_after(exc)
    finally:
        idx.close()

"""Choosing and checking where extract writes, before anything is written.

Every refusal here happens before the first byte goes to disk, so a batch with
one bad output writes nothing: an output that is the article itself, a device
or a pipe, a folder, a file where a folder is needed, two inputs that would be
written to the same worksheet, and an unrelated text file that the article read
from standard input would replace.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import InputError, UsageError
from .yamlio import special_kind as _kind


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except (FileNotFoundError, NotADirectoryError):  # NotADirectory: a file in the path, reported by _check_folder
        return None
    except (OSError, ValueError) as exc:  # a symlink loop, a NUL in the name, no permission
        reason = getattr(exc, "strerror", None) or str(exc)
        raise InputError(f"{path}: cannot use as output: {reason}") from None


def default_output(src: str | Path, output: Path | None, many: bool) -> Path:
    """Where the worksheet for ``src`` goes: claims/<stem>.yaml, -o FILE, or -o FOLDER/<stem>.yaml."""
    if src == "-":
        if output is None or output.is_dir():
            raise UsageError("reading from standard input needs -o WORKSHEET.yaml (the article text is saved beside it)")
        return output
    stem = Path(src).stem
    if output is None:
        return Path("claims") / f"{stem}.yaml"
    if many or output.is_dir() or str(output).endswith("/"):
        return output / f"{stem}.yaml"
    return output


def stdin_text_path(out: Path) -> Path:
    """Where the article text read from standard input is saved: beside its worksheet."""
    return out.with_suffix(".txt")


def check_output(src: str | Path, out: Path, *, force: bool, update: bool) -> None:
    """Refuse an output path that would lose data or cannot be written; nothing is written here."""
    st = _stat(out)
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise UsageError(f"{out}: is a folder; give a worksheet file path with -o")
        if src != "-":
            src_st = _stat(Path(src))
            if src_st is not None and (src_st.st_dev, src_st.st_ino) == (st.st_dev, st.st_ino):
                raise UsageError(f"{out}: that is the article; give -o a worksheet path (e.g. {Path(src).stem}.yaml)")
        if not stat.S_ISREG(st.st_mode):
            raise UsageError(f"{out}: is not a regular file ({_kind(st.st_mode)}); give -o a worksheet path")
        if not (force or update):
            raise UsageError(f"{out}: worksheet exists; use --update to merge new claims keeping recorded work, "
                             f"or --force to replace it")
    elif update:
        raise UsageError(f"{out}: no worksheet to update; run without --update to create it")
    _check_folder(out.parent if str(out.parent) else Path("."))
    if src == "-" and not update:
        text_path = stdin_text_path(out)
        tst = _stat(text_path)
        if tst is not None:
            if not stat.S_ISREG(tst.st_mode):
                raise UsageError(f"{text_path}: is not a regular file ({_kind(tst.st_mode)}); "
                                 f"the article text from standard input is saved there, so choose another -o")
            if not force:
                raise UsageError(f"{text_path}: exists and the article text from standard input would replace it; "
                                 f"use --force to replace it, or choose another -o")


def _check_folder(folder: Path) -> None:
    """The output's folder must be a folder, or creatable."""
    for parent in [folder, *folder.parents]:
        st = _stat(parent)
        if st is None:
            continue
        if not stat.S_ISDIR(st.st_mode):
            raise UsageError(f"{parent}: is a file, not a folder; give -o a path inside a folder")
        return


def check_collisions(pairs: list[tuple[str | Path, Path]]) -> None:
    """Refuse when two inputs would be written to the same worksheet (or one's stdin text to another's)."""
    seen: dict[str, str | Path] = {}
    for src, out in pairs:
        key = os.path.normcase(os.path.abspath(out))
        if key in seen:
            first, second = sorted([str(seen[key]), str(src)])
            raise UsageError(f"{out}: {first} and {second} would both be written there; extract them separately with -o")
        seen[key] = src


def make_folder(out: Path) -> None:
    """Create the output's folder, with a one-line error when that is impossible."""
    folder = out.parent if str(out.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise InputError(f"{out}: cannot create its folder {folder}: a file is in the way") from None
    except OSError as exc:
        raise InputError(f"{out}: cannot create its folder {folder}: {exc.strerror}") from None


def check_update_article(src: str | Path, out: Path, *, repoint: bool) -> None:
    """``--update`` merges the *same* article's new version; another article needs ``--article``.

    Only the worksheet's ``article.path`` is read here (the worksheet itself is
    loaded and validated by the update), so a refusal comes before extraction.
    """
    from . import yamlio

    recorded = yamlio.peek_article_path(out)
    if recorded is None:
        return  # no readable article.path: the update's own validation reports it
    folder = out.parent if str(out.parent) else Path(".")
    current = folder / recorded
    given = stdin_text_path(out) if src == "-" else Path(src)
    if _same_file(current, given) or os.path.abspath(current) == os.path.abspath(given):
        return
    if not repoint:
        what = "the text from standard input" if src == "-" else str(src)
        raise UsageError(f"{out}: was extracted from {recorded}, not {what}; "
                         f"give --article to make it the worksheet's article, or choose the right -o")
    if src == "-" and _stat(given) is not None:
        raise UsageError(f"{given}: exists and the article text from standard input would replace it; choose another -o")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False

"""Reading articles: plain text, Markdown and HTML, into the text claims quote.

The *article text* is what ``quote`` and ``span`` refer to. For plain text it is
the file decoded as UTF-8 with a BOM dropped and line ends normalised to
``\\n``; for Markdown and HTML it is the readable text derived from the file by
the same deterministic rules every time, so ``factcheck validate`` can check
quotes against the file the worksheet points at.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import yamlio
from .errors import InputError

#: Articles larger than this are refused (extraction itself streams in chunks).
MAX_ARTICLE_BYTES = 256 * 1024 * 1024

ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm"}

_DATE_LINE = re.compile(r"\A\s*date:?[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*", re.I)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


@dataclass
class Article:
    """An article's text and what is known about it."""

    text: str
    body_start: int = 0
    title: str | None = None
    published: _dt.date | None = None
    url: str | None = None
    kind: str = "text"
    path: Path | None = None
    meta: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # said once, e.g. a URL that was dropped

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def normalise_newlines(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def read_article(path: Path | str, data: str | None = None) -> Article:
    """Read an article file (or ``data`` read from stdin, with ``path`` '-')."""
    path = Path(path)
    if data is None:
        raw = yamlio.read_text(path, what="article", max_bytes=MAX_ARTICLE_BYTES)
    else:
        raw = data
    if "\x00" in raw:
        raise InputError(f"{path}: is binary data, not a text article; give a UTF-8 text file",
                         reason="is binary data, not a text article; give a UTF-8 text file")
    text = normalise_newlines(raw)
    kind = detect_kind(path, text)
    if kind == "html":
        art = parse_html(text)
    elif kind == "markdown":
        art = parse_markdown(text)
    else:
        art = Article(text=text)
    art.path = path
    art.kind = kind
    if not art.text[art.body_start:].strip():
        reason = "has no article text (the file is empty or only whitespace); nothing to extract"
        raise InputError(f"{path}: {reason}", reason=reason)
    if _looks_binary(art.text[art.body_start : art.body_start + 4096]):
        reason = "looks like binary data, not article text; give a UTF-8 text file"
        raise InputError(f"{path}: {reason}", reason=reason)
    m = _DATE_LINE.match(art.text, art.body_start)
    if m:
        try:
            art.published = art.published or _dt.date.fromisoformat(m.group(1))
        except ValueError:
            raise InputError(f"{path}:1: date line {m.group(1)!r} is not a real date; write YYYY-MM-DD") from None
        art.body_start = m.end()
    if art.published is None:  # a "Posted at ..." / "Published: ..." line in the page text
        from .extract.pubdate import find_published

        art.published = find_published(art.text, art.body_start)
    return art


_BINARY_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\ufff0-\uffff]")


def _looks_binary(sample: str) -> bool:
    if not sample:
        return False
    return len(_BINARY_CHARS.findall(sample)) / len(sample) > 0.05


def detect_kind(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return "html"
    if suffix in (".md", ".markdown"):
        return "markdown"
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    return "text"


# --------------------------------------------------------------------------- Markdown

_MD_RULES = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links -> text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
]
_MD_LINE = [
    (re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$"), r"\1"),  # headings
    (re.compile(r"^\s{0,3}>\s?"), ""),  # block quotes
    (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+"), ""),  # list markers
    (re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$"), ""),  # link definitions
    (re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$"), ""),  # rules
]


def markdown_to_text(md: str) -> str:
    out = []
    in_code = False
    for line in md.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            out.append("")
            continue
        if in_code:
            out.append("")
            continue
        for rx, rep in _MD_LINE:
            line = rx.sub(rep, line)
        for rx, rep in _MD_RULES:
            line = rx.sub(rep, line)
        out.append(line)
    return "\n".join(out)


def parse_markdown(text: str) -> Article:
    meta: dict = {}
    body = text
    m = _FRONT_MATTER.match(text)
    if m:
        meta = yamlio.load_mapping(m.group(1)) or {}
        body = text[m.end() :]
    art = Article(text=markdown_to_text(body), meta=meta)
    art.title = _str_or_none(meta.get("title"))
    art.url = _url_or_none(meta.get("url") or meta.get("link"), art.warnings, "front matter url")
    art.published = _date_or_none(meta.get("date") or meta.get("published"))
    return art


def _str_or_none(v) -> str | None:
    return str(v).strip() if v not in (None, "") else None


def _url_or_none(v, warnings: list[str], where: str) -> str | None:
    """An absolute URL, or None with a warning: a worksheet records only URLs that lead somewhere."""
    from .schema import is_uri

    if v in (None, ""):
        return None
    if isinstance(v, str) and is_uri(v.strip()):
        return v.strip()
    shown = v if isinstance(v, str) else f"a {type(v).__name__}"
    warnings.append(f"{where} {str(shown)[:80]!r} is not an absolute URL (https://...); left out of the worksheet")
    return None


def _date_or_none(v) -> _dt.date | None:
    if isinstance(v, _dt.datetime):
        return v.date()
    if isinstance(v, _dt.date):
        return v
    if isinstance(v, str):
        try:
            return _dt.date.fromisoformat(v.strip()[:10])
        except ValueError:
            return None
    return None


# --------------------------------------------------------------------------- HTML

_SKIP_TAGS = {
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "svg",
    "iframe", "template", "select", "label", "menu", "dialog", "object", "canvas", "video", "audio",
}
_BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "section", "article",
    "main", "br", "tr", "td", "th", "dd", "dt", "pre", "figcaption", "ul", "ol", "table", "hr",
}
_BOILERPLATE = re.compile(
    r"(cookie|subscribe|sign up|newsletter|advertisement|share this|click to play|all rights reserved|"
    r"related articles?|read more|follow us|comments?)\b",
    re.I,
)
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}


_FURNITURE_CLASS = re.compile(
    r"\b(nav|menu|share|social|related|promo|cookie|ad|ads|advert|comment|footer|header|sidebar|newsletter)\b")
_NOT_TEXT = {"head", "title", "meta", "link", "base", "-comment", "-doctype"}


def _blocks(root) -> list[str]:
    """The text of ``root`` cut at block elements, furniture (nav, footer, .share ...) left out.

    An explicit stack rather than recursion: documents can nest thousands deep.
    """
    blocks: list[list[str]] = [[]]
    stack = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        tag = node.tag
        if leaving:
            if tag in _BLOCK_TAGS:
                blocks.append([])
            continue
        if tag == "-text":
            blocks[-1].append(node.text_content or "")
            continue
        if tag in _NOT_TEXT or not node.is_element_node and tag != "html":
            continue
        if tag in _VOID:
            if tag in _BLOCK_TAGS:
                blocks.append([])
            continue
        attrs = node.attributes
        classes = ((attrs.get("class") or "") + " " + (attrs.get("id") or "")).lower()
        if tag in _SKIP_TAGS or _FURNITURE_CLASS.search(classes):
            continue
        if tag in _BLOCK_TAGS:
            blocks.append([])
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))
    return ["".join(b) for b in blocks]


def _outermost_articles(tree) -> list:
    """<article> elements not inside another article or inside page furniture."""
    out = []
    for node in tree.css("article"):
        parent, keep = node.parent, True
        while parent is not None and keep:
            attrs = parent.attributes if parent.is_element_node else {}
            classes = ((attrs.get("class") or "") + " " + (attrs.get("id") or "")).lower()
            if parent.tag == "article" or parent.tag in _SKIP_TAGS or _FURNITURE_CLASS.search(classes):
                keep = False
            parent = parent.parent
        if keep:
            out.append(node)
    return out


def parse_html(text: str) -> Article:
    """The readable text of an HTML page, parsed as browsers parse HTML5 (selectolax/lexbor, pinned).

    Text inside <article> elements is preferred when there is any; navigation,
    headers, footers, forms and elements whose class or id names page furniture
    are left out, and short paragraphs that are sharing or subscription
    boilerplate are dropped.
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(text)
    meta: dict[str, str] = {}
    for m in tree.css("meta"):
        a = m.attributes
        key = a.get("property") or a.get("name") or ""
        if key and a.get("content"):
            meta.setdefault(key.lower(), a["content"])
    for link in tree.css("link"):
        a = link.attributes
        if (a.get("rel") or "").lower() == "canonical" and a.get("href"):
            meta.setdefault("canonical", a["href"])
            break
    for t in tree.css("time"):
        if t.attributes.get("datetime"):
            meta.setdefault("time", t.attributes["datetime"])
            break
    title_node = tree.css_first("title")
    title = title_node.text() if title_node is not None else None
    articles = _outermost_articles(tree)
    roots = articles or [tree.body or tree.root]
    paras = []
    for root in roots:
        if root is None:
            continue
        for b in _blocks(root):
            s = re.sub(r"\s+", " ", b).strip()
            if not s:
                continue
            if len(s) < 80 and _BOILERPLATE.search(s):
                continue
            paras.append(s)
    art = Article(text="\n\n".join(paras) + ("\n" if paras else ""))
    art.title = _str_or_none(meta.get("og:title") or (title and re.sub(r"\s+", " ", title)))
    art.url = _url_or_none(meta.get("og:url") or meta.get("canonical"), art.warnings, "the page's URL")
    from .extract.pubdate import from_meta

    art.published = from_meta(meta)
    return art


def article_files(folder: Path) -> list[Path]:
    """Article files directly in ``folder`` (sorted), by suffix."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)

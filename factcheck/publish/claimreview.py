"""schema.org ClaimReview (JSON-LD) for every checked claim that has a verdict.

The output is one JSON-LD document: a list of ``ClaimReview`` objects, each
with its own ``@context``. Field by field:

* ``url`` -- ``publish_url`` from factcheck.yaml with ``{worksheet}`` filled
  in, then ``#`` and the claim id;
* ``claimReviewed`` -- the claim's ``summary``, else its ``text`` (with a
  warning when that is longer than 75 characters, which aggregators cut);
* ``author`` -- the desk's ``organisation`` (an Organization);
* ``datePublished`` -- the day of publication (``--published``, default today);
* ``reviewRating`` -- ``alternateName`` is the verdict's label; ``ratingValue``,
  ``bestRating`` and ``worstRating`` come from the verdict's place on the
  desk's scale and are left out for unrated verdicts (``unverifiable``);
* ``reviewBody`` -- the claim's public ``explanation``, when there is one;
* ``itemReviewed`` -- a ``Claim`` whose ``author`` is the speaker (a Person,
  or an Organization when the name reads like one), ``datePublished`` is the
  article's publication date and ``appearance``/``firstAppearance`` is the
  article's URL.

Claims that cannot be exported are returned with the reason, never dropped
silently: not checked (or stale), checked without a verdict, no speaker (the
article itself makes the claim, and a ClaimReview needs the claim's author).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass, field
from urllib.parse import quote

from ..config import Config
from ..errors import UsageError
from .sheets import Sheet, iso_date, verdict_label

CONTEXT = "https://schema.org"
#: Aggregators show about this many characters of claimReviewed.
SUMMARY_MAX = 75

# Words that make a speaker an Organization rather than a Person.
_ORG_WORDS = frozenset("""
agency army assembly association authority bank board bureau centre center commission committee company congress
corporation council court department embassy federation foundation fund government group inc institute league llc
ltd ministry network office organisation organization parliament party plc police senate service trust union
university
""".split())


@dataclass
class Skipped:
    path: str
    claim_id: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.claim_id}: {self.reason}"


@dataclass
class ClaimReviews:
    """What ``build`` made: the reviews, the claims left out and why, and warnings."""

    reviews: list[dict] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def claims(self) -> int:
        return len(self.reviews) + len(self.skipped)


def require_config(config: Config) -> None:
    """UsageError (exit 2) naming the factcheck.yaml key ClaimReview needs and is missing."""
    where = str(config.path) if config.path else "factcheck.yaml (none found)"
    if not config.organisation:
        raise UsageError(f"{where}: organisation is not set; ClaimReview needs the publisher, e.g. "
                         "organisation: {name: Example Fact Desk, url: https://example.org}")
    if not config.publish_url:
        raise UsageError(f"{where}: publish_url is not set; ClaimReview needs where each fact-check is published, "
                         "e.g. publish_url: https://example.org/fact-checks/{worksheet}")


def speaker_type(name: str) -> str:
    """``Organization`` when the name reads like one (a ministry, an acronym), else ``Person``."""
    words = re.findall(r"[^\W\d_]+", name)
    if any(w.lower() in _ORG_WORDS for w in words):
        return "Organization"
    if len(words) == 1 and len(words[0]) >= 2 and words[0].isupper():
        return "Organization"  # OSCE, NATO
    return "Person"


def skip_reason(claim, config: Config) -> str | None:
    """Why a claim cannot be exported, or None."""
    status = config.base_status(claim.status)
    if claim.stale:
        return "stale: its quote was removed from the article"
    if status == "skipped":
        return f"skipped by the desk (status: {claim.status})"
    if status != "checked":
        return f"not checked (status: {claim.status})"
    if claim.verdict is None:
        return "checked without a verdict"
    if not (claim.speaker or "").strip():
        return "no speaker: the article itself makes the claim, and ClaimReview needs the claim's author"
    return None


def claim_url(config: Config, sheet: Sheet, claim_id: str) -> str:
    return config.publish_url.format(worksheet=quote(sheet.name)) + "#" + claim_id


def review(sheet: Sheet, claim, config: Config, published: _dt.date, warnings: list[str] | None = None) -> dict:
    """The ClaimReview of one exportable claim."""
    warnings = warnings if warnings is not None else []
    org = config.organisation or {}
    author = {"@type": "Organization", "name": org.get("name")}
    if org.get("url"):
        author["url"] = org["url"]
    wording = (claim.summary or "").strip() or claim.text
    if len(wording) > SUMMARY_MAX:
        what = "summary" if (claim.summary or "").strip() else "no summary, and the claim text"
        warnings.append(f"{sheet.path}: {claim.id}: {what} is {len(wording)} characters ({SUMMARY_MAX} or fewer "
                        f"read best); set one with factcheck set {sheet.path} {claim.id} --summary TEXT")
    rating = {"@type": "Rating", "alternateName": verdict_label(claim.verdict)}
    ratings = config.ratings
    if claim.verdict in ratings:
        rating.update(ratingValue=ratings[claim.verdict], bestRating=max(ratings.values()),
                      worstRating=min(ratings.values()))
    item = {"@type": "Claim", "author": {"@type": speaker_type(claim.speaker), "name": claim.speaker.strip()}}
    article = sheet.worksheet.article
    if article.get("published"):
        item["datePublished"] = iso_date(article["published"])
    if article.get("url"):
        work = {"@type": "CreativeWork", "url": article["url"]}
        if article.get("title"):
            work["headline"] = article["title"]
        if article.get("published"):
            work["datePublished"] = iso_date(article["published"])
        item["appearance"] = [work]
        item["firstAppearance"] = dict(work)
    out = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": claim_url(config, sheet, claim.id),
        "claimReviewed": wording,
        "datePublished": published.isoformat(),
        "author": author,
        "reviewRating": rating,
    }
    if (claim.explanation or "").strip():
        out["reviewBody"] = claim.explanation.strip()
    out["itemReviewed"] = item
    return out


def build(sheets: list[Sheet], config: Config, published: _dt.date) -> ClaimReviews:
    """ClaimReviews for every exportable claim of ``sheets``, and every other claim with the reason."""
    require_config(config)
    result = ClaimReviews()
    for sheet in sheets:
        if not sheet.worksheet.article.get("url") and any(skip_reason(c, config) is None for c in sheet.claims):
            result.warnings.append(f"{sheet.path}: article.url is not recorded, so the reviewed claims have no "
                                   "appearance (where they were published); add it to the worksheet's article")
        for c in sheet.claims:
            reason = skip_reason(c, config)
            if reason is not None:
                result.skipped.append(Skipped(str(sheet.path), c.id, reason))
            else:
                result.reviews.append(review(sheet, c, config, published, result.warnings))
    return result


def render(reviews: list[dict]) -> str:
    """The JSON-LD text; ``<``, ``>``, ``&`` and line separators are escaped (the same JSON values), so it
    can be pasted inside a ``<script type="application/ld+json">`` element safely."""
    text = json.dumps(reviews, indent=2, ensure_ascii=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text + "\n"

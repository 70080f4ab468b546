"""factcheck export --format claimreview: exact JSON-LD, the ClaimReview schema, skips, config errors, -o."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from factcheck.config import Config
from factcheck.publish import claimreview
from factcheck.publish.sheets import load_sheets

from conftest import EXAMPLE, EXAMPLE_SHEET, ROOT

EXPORT = Path(__file__).resolve().parent / "data" / "export"
SCHEMA = json.loads((EXPORT / "claimreview.schema.json").read_text(encoding="utf-8"))
ORG = 'organisation: {name: Example Fact Desk, url: "https://factdesk.example.org"}\n'
PUBLISH = 'publish_url: "https://factdesk.example.org/checks/{worksheet}"\n'


@pytest.fixture
def desk(tmp_path) -> Path:
    """The export worked example: story.txt, story.yaml and factcheck.yaml in the test folder."""
    for f in ("story.txt", "story.yaml", "factcheck.yaml"):
        shutil.copy(EXPORT / "desk" / f, tmp_path / f)
    return tmp_path / "story.yaml"


def valid_claimreview(doc) -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    jsonschema.Draft7Validator(SCHEMA).validate(doc)


def test_exact_jsonld_for_the_worked_example(run, desk):
    r = run("export", desk.name, "--format", "claimreview", "--published", "2024-03-10")
    assert r.code == 0
    assert r.out == (EXPORT / "desk" / "story.claimreview.json").read_text(encoding="utf-8")
    assert r.err == (
        "story.yaml: bridge-built-1931-e5f6: skipped: no speaker: the article itself makes the claim, "
        "and ClaimReview needs the claim's author\n"
        "story.yaml: budget-approved-42-0a1b: skipped: not checked (status: unchecked)\n"
        "exported 3 ClaimReviews from 5 claims in 1 worksheet; 2 skipped\n"
    )
    doc = json.loads(r.out)
    valid_claimreview(doc)
    # the parts the issue names, spelled out: label and numbers from the scale, none for an unrated verdict
    assert [d["reviewRating"] for d in doc] == [
        {"@type": "Rating", "alternateName": "False", "ratingValue": 1, "bestRating": 5, "worstRating": 1},
        {"@type": "Rating", "alternateName": "Unverifiable"},
        {"@type": "Rating", "alternateName": "Mostly true", "ratingValue": 4, "bestRating": 5, "worstRating": 1},
    ]
    assert [d["itemReviewed"]["author"] for d in doc] == [
        {"@type": "Person", "name": "Maria Lopez"},
        {"@type": "Organization", "name": "Ministry of Transport"},
        {"@type": "Person", "name": "Maria Lopez"},
    ]
    assert doc[0]["url"] == "https://factdesk.example.org/checks/story#unemployment-fell-31-a1b2"
    assert "notes" not in r.out and "internal only" not in r.out  # notes stay internal


def test_repository_worked_example_exports_valid_jsonld(run, tmp_path):
    """The acceptance run: claims/ with the repository's factcheck.yaml."""
    (tmp_path / "claims").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "claims")
    shutil.copy(EXAMPLE_SHEET, tmp_path / "claims")
    shutil.copy(ROOT / "factcheck.yaml", tmp_path)
    r = run("export", "--format", "claimreview", "--published", "2026-11-27")
    assert r.code == 0
    doc = json.loads(r.out)
    valid_claimreview(doc)
    sheet = load_sheets([Path("claims")], Config())[0]
    exportable = [c.id for c in sheet.claims if c.status == "checked" and c.verdict and c.speaker]
    assert [d["url"].split("#")[1] for d in doc] == exportable and exportable
    assert all(d["url"].startswith("https://example.org/fact-checks/ots-summit-2025#") for d in doc)
    skipped = [line for line in r.err.splitlines() if ": skipped: " in line]
    assert len(skipped) == len(sheet.claims) - len(exportable)
    assert r.err.splitlines()[-1] == (f"exported {len(doc)} ClaimReview{'s' if len(doc) != 1 else ''} from "
                                      f"{len(sheet.claims)} claims in 1 worksheet; {len(skipped)} skipped")


def test_missing_organisation_is_a_one_line_error_naming_the_key(run, desk):
    (desk.parent / "factcheck.yaml").write_text(PUBLISH)
    r = run("export", desk.name, "--format", "claimreview")
    assert (r.code, r.out) == (2, "")
    assert r.err == ("factcheck: error: factcheck.yaml: organisation is not set; ClaimReview needs the publisher, "
                     "e.g. organisation: {name: Example Fact Desk, url: https://example.org}\n")


def test_missing_publish_url_and_missing_config_name_the_key(run, desk):
    (desk.parent / "factcheck.yaml").write_text(ORG)
    r = run("export", desk.name, "--format", "claimreview")
    assert (r.code, r.err) == (2, "factcheck: error: factcheck.yaml: publish_url is not set; ClaimReview needs where "
                                  "each fact-check is published, e.g. publish_url: https://example.org/fact-checks/{worksheet}\n")
    (desk.parent / "factcheck.yaml").unlink()
    r = run("export", desk.name, "--format", "claimreview")
    assert r.code == 2
    assert r.err.startswith("factcheck: error: factcheck.yaml (none found): organisation is not set;")
    # the other formats do not need either key
    assert run("export", desk.name, "--format", "csv").code == 0


@pytest.mark.parametrize(("config", "message"), [
    ("organisation: {name: X, site: https://x.example}\n", "factcheck.yaml:1:25: organisation.site: unknown key; allowed: name, url"),
    ("organisation: {url: https://x.example}\n", "factcheck.yaml:1:15: organisation: missing required key 'name'"),
    ("publish_url: https://x.example/{story}\n", "factcheck.yaml:1:1: publish_url: the only placeholder is {worksheet} (the worksheet's name without .yaml)"),
    ("unrated: [unknowable]\n", "factcheck.yaml:1:1: unrated: 'unknowable' is not on the verdict scale: true, mostly-true, mixed, mostly-false, false, unverifiable"),
])
def test_new_config_keys_are_validated(run, desk, config, message):
    (desk.parent / "factcheck.yaml").write_text(config)
    r = run("export", desk.name, "--format", "csv")
    assert r.code == 2  # an invalid factcheck.yaml is a usage error (issue 10, case 15)
    assert r.err.splitlines()[0] == message


def test_unrated_and_a_custom_scale_set_the_numbers(desk):
    cfg = Config(verdicts=("correct", "misleading", "wrong", "no-evidence"), unrated=("no-evidence",))
    assert cfg.ratings == {"correct": 3, "misleading": 2, "wrong": 1}
    assert Config().ratings == {"true": 5, "mostly-true": 4, "mixed": 3, "mostly-false": 2, "false": 1}


@pytest.mark.parametrize(("name", "kind"), [
    ("Maria Lopez", "Person"), ("Ilham Aliyev", "Person"), ("Ministry of Transport", "Organization"),
    ("OSCE", "Organization"), ("the town council", "Organization"), ("Bank of Examples", "Organization"),
    ("Jo", "Person"),
])
def test_speaker_type(name, kind):
    assert claimreview.speaker_type(name) == kind


def test_long_claim_text_without_summary_warns(run, desk):
    text = desk.read_text(encoding="utf-8")
    desk.write_text(text.replace("    summary: Unemployment in the town fell to 3.1% in 2023\n", ""), encoding="utf-8")
    r = run("export", desk.name, "--format", "claimreview", "--published", "2024-03-10")
    assert r.code == 0
    assert json.loads(r.out)[0]["claimReviewed"] == ('Maria Lopez said unemployment in the town fell to 3.1% '
                                                     'last year (2023), "the lowest in a decade".')
    assert ("warning: story.yaml: unemployment-fell-31-a1b2: no summary, and the claim text is 98 characters "
            "(75 or fewer read best); set one with factcheck set story.yaml unemployment-fell-31-a1b2 --summary TEXT"
            ) in r.err.splitlines()


def test_missing_article_url_warns_and_leaves_out_appearance(run, desk):
    text = desk.read_text(encoding="utf-8")
    desk.write_text(text.replace("  url: https://news.example.com/2024/03/council-budget\n", ""), encoding="utf-8")
    r = run("export", desk.name, "--format", "claimreview", "--published", "2024-03-10")
    assert r.code == 0
    doc = json.loads(r.out)
    valid_claimreview(doc)
    assert doc[0]["itemReviewed"] == {"@type": "Claim", "author": {"@type": "Person", "name": "Maria Lopez"},
                                      "datePublished": "2024-03-05"}
    assert ("warning: story.yaml: article.url is not recorded, so the reviewed claims have no appearance (where they "
            "were published); add it to the worksheet's article") in r.err.splitlines()


def test_jsonld_is_safe_inside_a_script_element(desk):
    sheets = load_sheets([desk], Config())
    sheets[0].claims[0].summary = 'Rates </script><script>alert("x")</script> \u2028& more'
    cfg = Config(organisation={"name": "D"}, publish_url="https://d.example/{worksheet}")
    result = claimreview.build(sheets, cfg, dt.date(2024, 3, 10))
    text = claimreview.render(result.reviews)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert '"claimReviewed": "Rates \\u003c/script\\u003e\\u003cscript\\u003ealert(\\"x\\")' in text
    assert json.loads(text)[0]["claimReviewed"] == sheets[0].claims[0].summary


def test_output_file_is_written_atomically_and_never_truncated(run, desk):
    out = desk.parent / "reviews.json"
    r = run("export", desk.name, "-f", "claimreview", "--published", "2024-03-10", "-o", out.name)
    assert r.code == 0
    assert r.out == ""
    assert r.err.splitlines()[-1] == "exported 3 ClaimReviews to reviews.json from 5 claims in 1 worksheet; 2 skipped"
    assert out.read_text(encoding="utf-8") == (EXPORT / "desk" / "story.claimreview.json").read_text(encoding="utf-8")
    # an invalid worksheet: every problem reported, exit 1, the old output untouched
    desk.write_text(desk.read_text(encoding="utf-8").replace("    verdict: mostly-true\n", "    verdict: mostly-ture\n"),
                    encoding="utf-8")
    before = out.read_bytes()
    r = run("export", desk.name, "-f", "claimreview", "-o", out.name)
    assert r.code == 1
    assert r.err.splitlines() == [
        "story.yaml:75:14: claims[4].verdict: 'mostly-ture' is not on the verdict scale: true, mostly-true, mixed, "
        "mostly-false, false, unverifiable",
        "factcheck: error: 1 invalid worksheet, so nothing was exported; fix these problems first (factcheck validate)",
    ]
    assert out.read_bytes() == before
    assert sorted(p.name for p in desk.parent.iterdir()) == ["factcheck.yaml", "reviews.json", "story.txt", "story.yaml"]


def test_refuses_to_write_over_its_inputs_and_bad_options(run, desk):
    before = desk.read_bytes()
    r = run("export", desk.name, "-f", "csv", "-o", desk.name)
    assert (r.code, r.err) == (2, "factcheck: error: -o story.yaml: is one of the files being exported; choose another output file\n")
    assert desk.read_bytes() == before
    r = run("export", desk.name, "-f", "pdf")
    assert r.code == 2
    assert r.err.splitlines()[-1] == ("Error: Invalid value for '--format' / '-f': Value error, 'pdf' is not one of "
                                      "'claimreview', 'markdown', 'html', 'csv'.")
    r = run("export", desk.name, "-f", "csv", "-o", "story.txt")  # the article
    assert (r.code, r.err) == (2, "factcheck: error: -o story.txt: is one of the files being exported; choose another output file\n")
    (desk.parent / "empty").mkdir()
    r = run("export", "empty", "-f", "csv")
    assert (r.code, r.err) == (2, "factcheck: error: empty: no worksheets (*.yaml) found; run factcheck extract first\n")
    r = run("export", desk.name, "-f", "claimreview", "--published", "10/03/2024")
    assert (r.code, r.err) == (2, "factcheck: error: --published: '10/03/2024' is not a date; write YYYY-MM-DD\n")
    r = run("export", "nowhere/", "-f", "csv")
    assert (r.code, r.err) == (2, "factcheck: error: nowhere: no such file or folder; check the path\n")


def test_default_path_is_claims(run, desk):
    r = run("export", "-f", "csv")
    assert (r.code, r.err) == (2, "factcheck: error: claims: no such file or folder; check the path\n")
    (desk.parent / "claims").mkdir()
    for f in ("story.txt", "story.yaml"):
        shutil.move(str(desk.parent / f), desk.parent / "claims" / f)
    r = run("export", "-f", "claimreview", "--published", "2024-03-10")
    assert r.code == 0
    assert len(json.loads(r.out)) == 3


def test_export_has_help_with_an_example(run):
    r = run("export", "--help")
    assert r.code == 0
    assert "Example: factcheck export claims/ --format html -o report.html" in r.out


@pytest.mark.parametrize("fmt", ["html", "claimreview"])
def test_export_does_not_import_spacy(desk, fmt):
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from factcheck.cli import app\n"
        f"try:\n    app(['export', 'story.yaml', '-f', {fmt!r}, '-o', 'out'])\nexcept SystemExit as e:\n"
        "    sys.stderr.write('EXIT=%s\\n' % e.code)\n"
        "sys.stderr.write('SPACY_LOADED=%s\\n' % ('spacy' in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=desk.parent)
    assert "EXIT=0\nSPACY_LOADED=False" in proc.stderr, proc.stderr


def test_library_export_returns_the_document_and_the_skips(desk):
    import factcheck.api as fc

    doc = fc.export([desk], "claimreview", config=desk.parent / "factcheck.yaml", published=dt.date(2024, 3, 10))
    assert doc.text == (EXPORT / "desk" / "story.claimreview.json").read_text(encoding="utf-8")
    assert (doc.claims, doc.exported, doc.worksheets) == (5, 3, 1)
    assert [(s.claim_id, s.reason) for s in doc.skipped] == [
        ("bridge-built-1931-e5f6", "no speaker: the article itself makes the claim, and ClaimReview needs the claim's author"),
        ("budget-approved-42-0a1b", "not checked (status: unchecked)"),
    ]


def test_readme_excerpt_is_the_worked_example_output(run, tmp_path):
    (tmp_path / "claims").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "claims")
    shutil.copy(EXAMPLE_SHEET, tmp_path / "claims")
    shutil.copy(ROOT / "factcheck.yaml", tmp_path)
    r = run("export", "claims/", "--format", "claimreview", "--published", "2026-11-27")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### `factcheck export"):readme.index("### `factcheck schema")]
    excerpt = section.split("```json\n")[1].split("```")[0]
    assert json.loads(excerpt) == json.loads(r.out)
    assert r.err.splitlines()[-1] in section
    assert (ROOT / "docs" / "export-report.png").stat().st_size < 150_000

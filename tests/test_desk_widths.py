"""The desk at fixed terminal widths: ids never wrap, paths never wrap (shortened from the left)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from factcheck import api, report

ARTICLE = ("The harbour authority said the port handled 4.1 million containers in 2024, up from 3.6 million.\n\n"
           "Officials expect the new quay to open in March 2026 at a cost of $310 million.\n")
SHEET = """factcheck: 1
article:
  path: article.txt
claims:
  - id: harbour-authority-port-handled-containers-2024-9f3e
    text: The port handled 4.1 million containers in 2024, according to the harbour authority.
    quote: the port handled 4.1 million containers in 2024
    speaker: harbour authority
    type: quantity
    checkworthiness: 0.93
    status: checked
    verdict: mostly-true
    sources:
      - url: https://example.org/harbour-annual-report
        title: Annual report
  - id: quay-open-5c1d
    text: The new quay is expected to open in March 2026 at a cost of $310 million.
    quote: Officials expect the new quay to open in March 2026 at a cost of $310 million.
    type: prediction
    checkworthiness: 0.71
    status: unchecked
"""
FOLDER = Path("claims/regional-desk/a-rather-long-folder-name-for-the-harbour-story")
NAME = "harbour-container-traffic-2024-annual-figures.yaml"
IDS = ("harbour-authority-port-handled-containers-2024-9f3e", "quay-open-5c1d")

EXPECTED = {80: [['…r-name-for-the-harbour-story/harbour-container-traffic-2024-annual-figures.yaml',
       'id                                                  claim  status    verdict',
       '────────────────────────────────────────────────────────────────────────────────',
       'harbour-authority-port-handled-containers-2024-9f3e The p… checked   mostly-true',
       'quay-open-5c1d                                      The n… unchecked'],
      ['worksheet  claims unchecked in-progress checked skipped verdicts      done',
       '────────────────────────────────────────────────────────────────────────────────',
       '…ures.yaml      2         1           0       1       0 mostly-true 1 ██░░░  50%',
       '',
       'total           2         1           0       1       0 mostly-true 1 ██░░░  50%'],
      ['worksheet                                      result claims failing reasons',
       '────────────────────────────────────────────────────────────────────────────────',
       '…ur-container-traffic-2024-annual-figures.yaml fail        2       1 unchecked 1'],
      ['╭─ …nnual-figures.yaml:5  harbour-authority-port-handled-containers-2024-9f3e ─╮',
       '│ claim    The port handled 4.1 million containers in 2024, according to the   │',
       '│          harbour authority.                                                  │',
       '│ speaker  harbour authority                                                   │',
       '│ type     quantity                                                            │',
       '│ date     -                                                                   │',
       '│ worth    0.93                                                                │',
       '│ reasons  -                                                                   │',
       '│ status   checked                                                             │',
       '│ verdict  mostly-true                                                         │',
       '│ sources  https://example.org/harbour-annual-report  “Annual report”          │',
       '│ notes    -                                                                   │',
       '│ assignee -                                                                   │',
       '╰──────────────────────────────────────────────────────────────────────────────╯']],
 160: [['claims/regional-desk/a-rather-long-folder-name-for-the-harbour-story/harbour-container-traffic-2024-annual-figures.yaml',
        'id                                                  claim                                               speaker           type       worth status    '
        'verdict',
        '────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────',
        'harbour-authority-port-handled-containers-2024-9f3e The port handled 4.1 million containers in 2024, a… harbour authority quantity    0.93 checked   '
        'mostly-true',
        'quay-open-5c1d                                      The new quay is expected to open in March 2026 at …                   prediction  0.71 unchecked'],
       ['worksheet                                                                                  claims unchecked in-progress checked skipped verdicts      '
        'done',
        '────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────',
        '…long-folder-name-for-the-harbour-story/harbour-container-traffic-2024-annual-figures.yaml      2         1           0       1       0 mostly-true 1 '
        '██░░░  50%',
        '',
        'total                                                                                           2         1           0       1       0 mostly-true 1 '
        '██░░░  50%'],
       ['worksheet                                                                                                               result claims failing reasons',
        '──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────',
        'claims/regional-desk/a-rather-long-folder-name-for-the-harbour-story/harbour-container-traffic-2024-annual-figures.yaml fail        2       1 '
        'unchecked 1'],
       ['╭─ …a-rather-long-folder-name-for-the-harbour-story/harbour-container-traffic-2024-annual-figures.yaml:5  '
        'harbour-authority-port-handled-containers-2024-9f3e ─╮',
        '│ claim    The port handled 4.1 million containers in 2024, according to the harbour '
        'authority.                                                                │',
        '│ speaker  harbour '
        'authority                                                                                                                                   │',
        '│ type     '
        'quantity                                                                                                                                            │',
        '│ date     '
        '-                                                                                                                                                   │',
        '│ worth    '
        '0.93                                                                                                                                                │',
        '│ reasons  '
        '-                                                                                                                                                   │',
        '│ status   '
        'checked                                                                                                                                             │',
        '│ verdict  '
        'mostly-true                                                                                                                                         │',
        '│ sources  https://example.org/harbour-annual-report  “Annual '
        'report”                                                                                          │',
        '│ notes    '
        '-                                                                                                                                                   │',
        '│ assignee '
        '-                                                                                                                                                   │',
        '╰──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────╯']]}


@pytest.fixture
def desk(tmp_path):
    d = tmp_path / FOLDER
    d.mkdir(parents=True)
    (d / "article.txt").write_text(ARTICLE)
    (d / NAME).write_text(SHEET)
    return FOLDER / NAME


def _render(renderable, width: int) -> list[str]:
    console = Console(file=io.StringIO(), width=width, no_color=True, highlight=False, markup=False, emoji=False)
    console.print(renderable)
    return [line.rstrip() for line in console.file.getvalue().splitlines()]


@pytest.mark.parametrize("width", [80, 160])
def test_tables_at_fixed_widths_keep_ids_and_paths_whole(desk, width):
    ws = api.load_worksheet(desk)
    st = api.status()
    sheets, code = api.check()
    got = [
        _render(report.claims_table(ws, title=str(desk), width=width), width),
        _render(report.status_table(st.rows, st.total, width=width, verdict_order=("true", "mostly-true")), width),
        _render(report.check_summary_table(sheets, width=width), width),
        _render(report.claim_detail(ws, ws.claims[0], None, width=width), width),
    ]
    assert got == EXPECTED[width]
    lines = [line for part in got for line in part]
    assert all(len(line) <= width for line in lines)
    for cid in IDS:  # every id is on one line, whole, in the claims table
        assert any(line.startswith(cid + " ") for line in got[0])
    path = str(desk)
    for line in got[1][2:3] + got[2][2:3]:  # a path is whole or its end follows "…", never split over lines
        cell = line.split(" ")[0]
        assert cell == path or (cell.startswith("…") and path.endswith(cell[1:]))

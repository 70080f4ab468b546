"""Print the regression set's scores, with what went wrong when asked.

    .venv/bin/python tests/regression/report.py [-v]

Extracts every article in ``articles/`` in one batch with the installed
``factcheck`` (``factcheck.api.extract``, in-process), scores it against ``gold/`` and prints one line per
article and the overall line, as ``tests/test_regression.py`` does. With ``-v``
it also lists missed gold ids, found items that fail a check (with the claim),
claims that match no gold item, and claims that break the quote rules.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from regression.scoring import Score, quotation_problems, score_article  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    import factcheck.api as fc
    from factcheck.article import read_article

    total = Score()
    with tempfile.TemporaryDirectory() as tmp:
        fc.extract([HERE / "articles"], output=Path(tmp))
        for gpath in sorted((HERE / "gold").glob("*.yaml")):
            gold = yaml.safe_load(gpath.read_text(encoding="utf-8"))
            text = read_article(HERE / "articles" / gold["article"]).text
            claims = yaml.safe_load((Path(tmp) / f"{gpath.stem}.yaml").read_text(encoding="utf-8"))["claims"] or []
            s = score_article(claims, gold)
            total += s
            print(s.line(gpath.stem))
            if not args.verbose:
                continue
            if s.missed:
                print("    missed:", ", ".join(s.missed))
            for gid, bad, claim in s.failed:
                print(f"    not usable [{gid}: {', '.join(bad)}] speaker={claim.get('speaker')!r} "
                      f"date={claim.get('date')!r}: {claim.get('text')}")
            for t in s.unmatched:
                print("    unmatched:", t)
            for claim in claims:
                for p in quotation_problems(claim, text):
                    print("    QUOTE RULE:", p)
    print(total.overall())
    return 0


if __name__ == "__main__":
    sys.exit(main())

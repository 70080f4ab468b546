#!/usr/bin/env bash
# Rebuild the worked example in claims/ the way a fact-checker would: extract the
# example article, then record the desk's work with `factcheck set`. Run it after
# changing the extractor, from the repository root:  bash scripts/work_example.sh
set -euo pipefail
cd "$(dirname "$0")/.."
fc=${FACTCHECK:-.venv/bin/factcheck}
w=claims/ots-summit-2025.yaml
$fc extract claims/ots-summit-2025.txt -o "$w" --force
id() { grep -o "^  - id: $1[a-z0-9-]*" "$w" | head -n 1 | sed 's/^  - id: //'; }
$fc set "$w" "$(id first-turkological)" --verdict true --assignee ana \
  --source https://en.wikipedia.org/wiki/First_Turkological_Congress --title "First Turkological Congress - Wikipedia" \
  --note "Held in Baku, 26 February - 5 March 1926; matches the article."
$fc set "$w" "$(id azerbaijan-hosting)" --verdict true --assignee ana \
  --source https://www.turkicstates.org/en --title "Organization of Turkic States - official site" \
  --note "The OTS announced the Gabala summit and its theme, Regional Peace and Security."
$fc set "$w" "$(id osce-decision)" --verdict true --assignee ben \
  --source https://www.osce.org/mg --title "OSCE Minsk Group" \
  --note "The OSCE Ministerial Council decided on 1 September 2025 to close the Minsk process structures."
$fc set "$w" "$(id osce-decision)" \
  --summary "The OSCE decided on 1 Sept. 2025 to dissolve the Minsk Group remnants" \
  --explanation "The OSCE Ministerial Council decided on 1 September 2025 to close the Minsk process structures, as the speaker said."
$fc set "$w" "$(id given-current)" --status skipped --assignee ben --note "Opinion; nothing to verify."
$fc set "$w" "$(id azerbaijan-now)" --status in-progress --assignee ana \
  --note "Asked the energy ministry for the list of 14 countries; waiting for a reply."
$fc set "$w" "$(id renewables-account)" --assignee ben
$fc validate claims/

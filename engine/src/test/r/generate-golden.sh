#!/usr/bin/env bash
# Regenerates the Mann-Whitney golden vectors the canary judge's tests read. Needs R
# (apt-get install -y r-base-core); CI does not, since the vectors are committed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../resources/io/clusterdeploy/engine/canary/stats/wilcox-golden.json"
command -v Rscript >/dev/null || { echo "Rscript not found: apt-get install -y r-base-core" >&2; exit 1; }
Rscript "$here/wilcox-golden.R" "$out"

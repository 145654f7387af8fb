#!/usr/bin/env bash
# The canary judge benchmark for docs/performance.md: builds the engine and bench/jmh in the
# reactor (no install), then runs JMH on one thread: one analysis of 100 metrics x 1,440 points per
# side (JudgeBenchmark), and one metric's Mann-Whitney test against sorting all n*m differences
# (MannWhitneyBenchmark). Extra arguments go to JMH (e.g. -i 20).
# Usage: bench/judge.sh [JMH options]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -pl bench/jmh -am package -DskipTests
classpath="$root/bench/jmh/target/classes:$(cat "$root/bench/jmh/target/classpath.txt")"
out="$(mktemp)"
# The machine is shared: say how busy it was, so that a figure can be read against it.
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
trap 'rm -f "$out"' EXIT
java -cp "$classpath" org.openjdk.jmh.Main 'io.clusterdeploy.bench.(JudgeBenchmark|MannWhitneyBenchmark)' \
  -t 1 -rf json -rff "$out" "$@"
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
python3 - "$out" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1])):
    m = r["primaryMetric"]
    name = r["benchmark"].rsplit(".", 2)[-2] + "." + r["benchmark"].rsplit(".", 1)[-1]
    print(f"{name}: {m['score']:.3f} ± {m['scoreError']:.3f} {m['scoreUnit']} (99.9% CI, {r['forks']} fork, {r['threads']} thread)")
PY

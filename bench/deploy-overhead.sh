#!/usr/bin/env bash
# Deploy overhead of the local provider for docs/performance.md ("Deploy overhead", issue 14): builds the
# engine, the provider and bench/jmh in the reactor (no install), then runs DeployOverheadHost: per run, the
# sample app started directly with its health URL probed every 10 ms (time to the first healthy answer), and
# one red/black deploy of the same app through the engine (start to finished state); the order flips every
# run. Prints every run, the step durations, both medians and their ratio, and the load average before and after;
# per run also a timeline of the deploy (saves, provider calls, launch, health change) and where its time beside the
# instance's start-up goes, with the medians of that breakdown at the end.
# Usage: bench/deploy-overhead.sh [--runs N] [-- extra sample-app flags]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs=15
if [[ "${1:-}" == "--runs" ]]; then runs="$2"; shift 2; fi
if [[ "${1:-}" == "--" ]]; then shift; fi
mvn -B -q -pl bench/jmh -am package -DskipTests
classpath="$root/bench/jmh/target/classes:$(cat "$root/bench/jmh/target/classpath.txt")"
work="$(mktemp -d -t deploy-overhead-XXXXXX)"
trap 'rm -rf "$work"' EXIT
echo "command: bench/deploy-overhead.sh --runs $runs${*:+ -- $*}"
echo "machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo ' (with uncommitted changes)')"
java -XX:+UseParallelGC -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$classpath" io.clusterdeploy.bench.DeployOverheadHost "$work" "$runs" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

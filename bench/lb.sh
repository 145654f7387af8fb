#!/usr/bin/env bash
# The local load balancer against HAProxy 2.6 for docs/performance.md ("Local load balancer"): builds the
# provider and its benchmark host in the reactor (no install), installs haproxy and wrk if missing, then
# runs bench/lb/lb.py: both arms in front of the same two sample-app processes, wrk on loopback, arms
# alternating, each run printing throughput, CPU per request, p50 and p99, and the ratios at the end.
# Usage: bench/lb.sh [--runs N] [--seconds S] [--connections 32,256] [--routing-runs N]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if ! command -v haproxy >/dev/null || ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq haproxy wrk >/dev/null
fi
mvn -B -q -pl bench/jmh -am package -DskipTests
classpath="$root/bench/jmh/target/classes:$(cat "$root/bench/jmh/target/classpath.txt")"
exec python3 "$root/bench/lb/lb.py" --classpath "$classpath" --config "$root/bench/lb/haproxy.cfg" "$@"

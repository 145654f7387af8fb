#!/usr/bin/env bash
# The time from starting `serve` to its first authenticated answer (GET /api/accounts with the token), a fresh
# state directory and the default local account each time, with the launcher's heap limit: RUNS alternating pairs
# of a plain start and a start with a class-data sharing archive of the application's classes (made once first,
# by a start with -XX:ArchiveClassesAtExit). Prints each start, both medians and their ratio.
# With BASELINE_JAR (e.g. the jar of an earlier commit, copied aside), the pairs are instead that jar and this
# one, each with its own archive made the same way: the ratio of two versions' start-ups in one run.
#
# Usage: bench/startup.sh [RUNS=7] [BASELINE_JAR]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
baseline=${2:-}
jar=standalone/target/cluster-deploy.jar
[ -f "$jar" ] || ./cluster-deploy --version >/dev/null
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

start() { # name, jar, extra JVM options...
  local name=$1 jar=$2; shift 2
  local state="$work/state-$name-$RANDOM" port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  printf 'stateDir: %s\naccounts:\n  - name: local\n    type: local\n' "$state" > "$work/config.yaml"
  local began=$(date +%s%N)
  java -Xmx256m "$@" -jar "$jar" serve --config "$work/config.yaml" --port "$port" > "$work/serve.log" 2>&1 &
  local pid=$!
  until [ -f "$state/token" ] && curl -sf -o /dev/null -H "Authorization: Bearer $(cat "$state/token")" \
      "http://127.0.0.1:$port/api/accounts"; do sleep 0.01; done
  echo $(( ($(date +%s%N) - began) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD)"
if [ -n "$baseline" ]; then
  [ -f "$baseline" ] || { echo "no baseline jar at $baseline"; exit 1; }
  start archive "$baseline" -XX:ArchiveClassesAtExit="$work/baseline.jsa" >/dev/null
  start archive "$jar" -XX:ArchiveClassesAtExit="$work/app.jsa" >/dev/null
  [ -f "$work/baseline.jsa" ] && [ -f "$work/app.jsa" ] || { echo "no archive was written"; cat "$work/serve.log"; exit 1; }
  first=(baseline "$baseline" -XX:SharedArchiveFile="$work/baseline.jsa"); labels=("the baseline jar" "this jar")
else
  start archive "$jar" -XX:ArchiveClassesAtExit="$work/app.jsa" >/dev/null
  [ -f "$work/app.jsa" ] || { echo "no archive was written"; cat "$work/serve.log"; exit 1; }
  echo "archive: $(stat -c %s "$work/app.jsa") bytes"
  first=(plain "$jar"); labels=("plain" "with the archive")
fi
second=(shared "$jar" -XX:SharedArchiveFile="$work/app.jsa")
a=(); b=()
for i in $(seq 1 "$runs"); do
  if (( i % 2 )); then
    p=$(start "${first[@]}"); s=$(start "${second[@]}")
  else
    s=$(start "${second[@]}"); p=$(start "${first[@]}")
  fi
  a+=("$p"); b+=("$s")
  echo "run $i: ${labels[0]} $p ms, ${labels[1]} $s ms"
done
python3 - "${a[*]}" "${b[*]}" "${labels[0]}" "${labels[1]}" <<'PY'
import statistics, sys
p = [int(x) for x in sys.argv[1].split()]; s = [int(x) for x in sys.argv[2].split()]
print("median: %s %d ms, %s %d ms (%.2fx)" % (sys.argv[3], statistics.median(p), sys.argv[4], statistics.median(s),
      statistics.median(s) / statistics.median(p)))
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

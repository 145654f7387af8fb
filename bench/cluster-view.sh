#!/usr/bin/env bash
# The cluster view's API for a big application: 10,000 server groups of 10 instances (the synthetic account of
# bench/jmh, served by the real standalone server with its read cache and gzip) under the launcher's heap limit.
#
# Measures, for GET /api/applications/big/clusters with instances=summary and with the full instances:
#   - the first answer's time (the cache is empty: read, serialize),
#   - the body's size, raw and gzipped,
#   - wrk's latency percentiles over SECONDS with 1 and with 4 connections (Accept-Encoding: gzip),
#   - the same with If-None-Match (an unchanged view polled: 304).
# Needs wrk (apt-get install -y wrk) and curl.
#
# Usage: bench/cluster-view.sh [GROUPS=10000] [INSTANCES=10] [SECONDS=10]
set -euo pipefail
cd "$(dirname "$0")/.."
groups=${1:-10000}
instances=${2:-10}
seconds=${3:-10}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }
heap=${CLUSTER_DEPLOY_HEAP:-256m}
mvn -q -B -o -pl bench/jmh -am package -DskipTests >/dev/null
cp=bench/jmh/target/classes:$(cat bench/jmh/target/classpath.txt)
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

java -Xmx"$heap" -XX:+UseSerialGC -cp "$cp" io.clusterdeploy.bench.ClusterViewHost "$groups" "$instances" \
  > "$work/host.out" 2> "$work/host.err" &
for _ in $(seq 1 600); do grep -q '^READY ' "$work/host.out" 2>/dev/null && break; sleep 0.1; done
api=$(sed -n 's/^READY //p' "$work/host.out")
[ -n "$api" ] || { echo "the host did not start:"; cat "$work/host.err"; exit 1; }
echo "machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit: $(git rev-parse --short HEAD); $groups server groups x $instances instances; heap $heap"

for view in summary full; do
  url="$api/applications/big/clusters?instances=$view"
  first=$(curl -s -o "$work/body" -w '%{time_total}' "$url")
  raw=$(stat -c %s "$work/body")
  zipped=$(curl -s -H 'Accept-Encoding: gzip' -o "$work/body.gz" -w '%{size_download}' "$url")
  etag=$(curl -s -D - -o /dev/null "$url" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
  echo "instances=$view: first answer ${first}s; body ${raw} bytes, gzipped ${zipped} bytes; ETag $etag"
  for c in 1 4; do
    t=$(( c < 2 ? 1 : 2 ))
    wrk -t"$t" -c"$c" -d"${seconds}s" --latency -H 'Accept-Encoding: gzip' "$url" > "$work/wrk" 2>&1
    echo "  gzip, $c connection(s): $(grep -E '^Requests/sec' "$work/wrk" | awk '{print $2}') req/s;" \
      "latency p50 $(awk '$1=="50%"{print $2}' "$work/wrk"), p90 $(awk '$1=="90%"{print $2}' "$work/wrk")," \
      "p99 $(awk '$1=="99%"{print $2}' "$work/wrk"); $(grep -E 'Non-2xx|Socket errors' "$work/wrk" | tr '\n' ' ')"
  done
  wrk -t1 -c1 -d"${seconds}s" --latency -H "If-None-Match: $etag" "$url" > "$work/wrk" 2>&1
  echo "  unchanged (If-None-Match, 304), 1 connection: $(grep -E '^Requests/sec' "$work/wrk" | awk '{print $2}') req/s;" \
    "p50 $(awk '$1=="50%"{print $2}' "$work/wrk"), p99 $(awk '$1=="99%"{print $2}' "$work/wrk")"
done
pid=$(jobs -p | head -1)
jcmd "$pid" GC.run >/dev/null 2>&1 || true
echo "heap after a full GC:"; jcmd "$pid" GC.heap_info 2>/dev/null | grep -E "generation|Metaspace" | sed "s/^/  /"

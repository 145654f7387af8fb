#!/usr/bin/env bash
# Listing operations at 10 and at 10,000 stored operations, under the heap limit serve runs with.
#
# For each size N it writes N finished operations (a real red/black deploy's state, copied under new ids,
# spread over 50 applications) into a fresh state directory, starts `serve` with the launcher's heap limit,
# and measures:
#   - the time from starting the JVM to the first API answer,
#   - GET /api/operations?application=app7&limit=20 with wrk (1 connection, 1 thread) for 10 s,
#   - the heap in use after a full GC (jcmd GC.heap_info).
# Then it prints the ratio of the two listings' latencies. Needs wrk (apt-get install -y wrk).
#
# Usage: bench/operations-scale.sh [LARGE=10000] [SECONDS=10]
set -euo pipefail
cd "$(dirname "$0")/.."
large=${1:-10000}
seconds=${2:-10}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }
heap=${CLUSTER_DEPLOY_HEAP:-256m}
jar=standalone/target/cluster-deploy.jar
[ -f "$jar" ] || ./cluster-deploy --version >/dev/null
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

# One real stored operation to copy: a red/black deploy on the demo's local account.
template() {
  python3 - "$1" <<'PY'
import json, sys
t = "2026-12-01T10:00:00.000000000Z"
state = {
  "id": "ID", "type": "deploy",
  "target": {"account": "local", "location": "local", "application": "APP", "cluster": "APP-prod"},
  "failIfBusy": False,
  "request": {"type": "deploy", "account": "local", "application": "APP", "stack": "prod", "strategy": "redblack",
              "capacity": {"min": 3, "desired": 3, "max": 3}, "loadBalancers": ["APP-prod"],
              "spec": {"command": ["java", "-cp", "/opt/app/hello.jar", "io.example.Hello", "--port", "$PORT"],
                       "healthCheckPath": "/health", "env": {"MODE": "prod"}}},
  "status": "SUCCEEDED", "phase": "main", "nextStep": 3,
  "steps": [{"name": n, "phase": "main", "status": "SUCCEEDED", "startedAt": t, "endedAt": t, "message": m}
            for n, m in [("createServerGroup", "created APP-prod-v001 with capacity 3/3/3"),
                         ("waitForHealthy", "APP-prod-v001 has 3/3 instances up, 3 needed (100%)"),
                         ("disablePreviousServerGroups", "disabled APP-prod-v000")]],
  "context": {"newServerGroup": "APP-prod-v001", "capacity": {"min": 3, "desired": 3, "max": 3},
              "previousServerGroups": [{"name": "APP-prod-v000", "enabled": True,
                                        "capacity": {"min": 3, "desired": 3, "max": 3}}],
              "disabledServerGroups": ["APP-prod-v000"]},
  "error": None, "cancelRequested": False, "createdAt": t, "updatedAt": t}
json.dump(state, open(sys.argv[1], "w"), indent=2)
PY
}

populate() { # dir count
  mkdir -p "$1/operations"
  template "$work/template.json"
  python3 - "$1/operations" "$2" "$work/template.json" <<'PY'
import sys, uuid, datetime
out, n, template = sys.argv[1], int(sys.argv[2]), open(sys.argv[3]).read()
start = datetime.datetime(2026, 12, 1, tzinfo=datetime.timezone.utc)
for i in range(n):
    op = str(uuid.UUID(int=i + 1))
    app = "app%d" % (i % 50)
    t = (start + datetime.timedelta(seconds=i)).strftime("%Y-%m-%dT%H:%M:%S.000000000Z")
    text = template.replace('"ID"', '"%s"' % op).replace("APP", app).replace("2026-12-01T10:00:00.000000000Z", t)
    open("%s/%s.json" % (out, op), "w").write(text)
PY
  chmod -R go-rwx "$1"
}

measure() { # count
  local state="$work/state-$1" port config log
  populate "$state" "$1"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  config="$work/config-$1.yaml"
  printf 'stateDir: %s\naccounts:\n  - name: local\n    type: local\noperations:\n  keepFinished: 1000000\n  keepForDays: 36500\n' "$state" > "$config"
  log="$work/serve-$1.log"
  local began=$(date +%s%N)
  java -Xmx"$heap" -jar "$jar" serve --config "$config" --port "$port" > "$log" 2>&1 &
  local pid=$!
  # The first answer that carries data: the token file exists before the port listens.
  until [ -f "$state/token" ] && curl -sf -o /dev/null -H "Authorization: Bearer $(cat "$state/token")" \
      "http://127.0.0.1:$port/api/accounts"; do sleep 0.02; done
  local started=$(( ($(date +%s%N) - began) / 1000000 ))
  local url="http://127.0.0.1:$port/api/operations?application=app7&limit=20"
  local auth="Authorization: Bearer $(cat "$state/token")"
  curl -sf -H "$auth" "$url" > "$work/answer-$1.json" || { echo "the listing failed: $(curl -s -H "$auth" "$url")" >&2; exit 1; }
  wrk -t1 -c1 -d"${seconds}s" --latency -H "$auth" "$url" > "$work/wrk-$1.txt"
  if grep -q 'Non-2xx' "$work/wrk-$1.txt"; then echo "wrk saw non-2xx answers:" >&2; cat "$work/wrk-$1.txt" >&2; exit 1; fi
  jcmd "$pid" GC.run > /dev/null
  local used=$(jcmd "$pid" GC.heap_info | python3 -c 'import re,sys; t=sys.stdin.read(); m=re.search(r"used (\d+)K", t); print(int(m.group(1))//1024 if m else -1)')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  local p50 p99 rps
  p50=$(awk '/ 50%/{print $2}' "$work/wrk-$1.txt")
  p99=$(awk '/ 99%/{print $2}' "$work/wrk-$1.txt")
  rps=$(awk '/Requests\/sec/{print $2}' "$work/wrk-$1.txt")
  local listed=$(python3 -c "import json;a=json.load(open('$work/answer-$1.json'));assert isinstance(a,list),a;print(len(a))")
  echo "$1 operations: first answer after ${started} ms; listing ($listed returned) p50 $p50, p99 $p99, $rps requests/s; heap in use after GC ${used} MB of $heap"
  echo "$rps" > "$work/rps-$1"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
measure 10
measure "$large"
python3 - "$work/rps-10" "$work/rps-$large" "$large" <<'PY'
import sys
small, big = float(open(sys.argv[1]).read()), float(open(sys.argv[2]).read())
print("cost of a listing at %s operations / at 10: %.2f (time per request, from requests/s)" % (sys.argv[3], small / big))
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

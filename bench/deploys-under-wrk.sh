#!/usr/bin/env bash
# A load run for docs/reliability.md: wrk drives HTTP load through the local load balancer while
# the standalone server runs red/black, rolling red/black and rollbackCluster deploys. wrk counts
# every non-2xx answer and socket error. Needs wrk (apt-get install wrk) and python3.
# Usage: bench/deploys-under-wrk.sh [SECONDS_OF_LOAD] [CONNECTIONS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
duration="${1:-60}"
connections="${2:-16}"
work="$(mktemp -d)"
api_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
lb_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$work/config.yaml" <<YAML
stateDir: $work/state
accounts:
  - name: local
    type: local
    healthCheckIntervalMillis: 250
YAML
"$root/cluster-deploy" --version >/dev/null
java -jar "$root/standalone/target/cluster-deploy.jar" serve --config "$work/config.yaml" --port "$api_port" \
  > "$work/serve.out" 2> "$work/serve.err" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
api="http://127.0.0.1:$api_port/api"
for _ in $(seq 1 100); do [ -s "$work/state/token" ] && break; sleep 0.2; done
token=$(cat "$work/state/token")
jar="$root/standalone/target/cluster-deploy.jar"
java_bin="$(command -v java)"

post() { curl -sf -X POST "$api/operations" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$1"; }
wait_op() {
  local id=$1 status
  for _ in $(seq 1 600); do
    status=$(curl -sf "$api/operations/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    [ "$status" != RUNNING ] && { echo "$status"; return; }
    sleep 0.5
  done
  echo TIMEOUT
}
id_of() { python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }
spec() {
  printf '{"command": ["%s", "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", "%s", "io.clusterdeploy.sample.HelloApp", "--port", "$PORT", "--version", "%s", "--instance-id", "$INSTANCE_ID"]}' "$java_bin" "$jar" "$1"
}
deploy() { # strategy version extra-json
  printf '{"type": "deploy", "account": "local", "application": "hello", "stack": "prod", "strategy": "%s", "capacity": {"min": 3, "desired": 3, "max": 3}, "loadBalancers": ["hello-prod"], "spec": %s %s}' "$1" "$(spec "$2")" "${3:-}"
}

echo "load balancer: $(wait_op "$(post "{\"type\": \"upsertLoadBalancer\", \"account\": \"local\", \"name\": \"hello-prod\", \"spec\": {\"port\": $lb_port}}" | id_of)")"
echo "v1 (none): $(wait_op "$(post "$(deploy none v1)" | id_of)")"

wrk -t2 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$lb_port/" > "$work/wrk.out" &
wrk_pid=$!
sleep 3
start=$(date +%s.%N)
echo "v2 (redblack): $(wait_op "$(post "$(deploy redblack v2 ', "rollback": {"onFailure": true}')" | id_of)")"
echo "v3 (rollingredblack 25/50/75): $(wait_op "$(post "$(deploy rollingredblack v3 ', "targetPercentages": [25, 50, 75]')" | id_of)")"
echo "rollbackCluster to v2: $(wait_op "$(post '{"type": "rollbackCluster", "account": "local", "cluster": "hello-prod"}' | id_of)")"
echo "v4 never healthy (redblack, rollback): $(wait_op "$(post "$(deploy redblack v4 ', "deployTimeoutSec": 10, "rollback": {"onFailure": true, "destroyLatest": true}' | sed 's/"--instance-id"/"--never-healthy", "--instance-id"/')" | id_of)")"
end=$(date +%s.%N)
echo "deploys took $(python3 -c "print(round($end - $start, 1))") s while wrk ran"
wait $wrk_pid
echo "--- wrk ($connections connections, ${duration} s) ---"
cat "$work/wrk.out"
echo "--- answering now ---"
for _ in 1 2 3; do curl -s "http://127.0.0.1:$lb_port/"; echo; done

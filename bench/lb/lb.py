#!/usr/bin/env python3
"""The local load balancer against HAProxy, side by side (run by bench/lb.sh; see docs/performance.md).

One JVM (io.clusterdeploy.bench.LoadBalancerHost) runs a local provider whose load balancer fronts two
sample-app instances; HAProxy (bench/lb/haproxy.cfg) fronts the same two processes. wrk drives each arm
in turn on loopback, arms alternating (the order flips every run), for each connection count. The CPU
time of each arm's own process (utime + stime from /proc) over each wrk run gives its CPU per request.
A second part measures the load balancer alone with 1 and then 200 unrelated server groups, alternating.
Every process started here is stopped here.
"""
import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # utime and stime are fields 14 and 15 of stat(5); fields[0] here is field 3.
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def threads_of(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("Threads:"):
                return int(line.split()[1])
    return -1


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def parse_duration_ms(text):
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    value, unit = float(m.group(1)), m.group(2)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(url, connections, seconds, threads):
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url],
                         capture_output=True, text=True, timeout=seconds + 60).stdout
    if "Requests/sec:" not in out:
        raise SystemExit(f"wrk against {url} printed no result: {out}")
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
              "requests": int(re.search(r"(\d+) requests in", out).group(1)),
              "non2xx": 0, "socket_errors": 0, "raw": out}
    for pct in ("50", "99"):
        m = re.search(rf"^\s+{pct}(?:\.000)?%\s+(\S+)", out, re.M)
        result["p" + pct] = parse_duration_ms(m.group(1))
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if m:
        result["non2xx"] = int(m.group(1))
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if m:
        result["socket_errors"] = sum(int(x) for x in m.groups())
    return result


def measured(pid, url, connections, seconds, threads):
    before = cpu_seconds(pid)
    r = wrk(url, connections, seconds, threads)
    r["cpu_us_per_request"] = (cpu_seconds(pid) - before) * 1e6 / max(1, r["requests"])
    return r


class Host:
    """The load balancer's JVM; talks to it over stdin/stdout."""

    def __init__(self, classpath, state, port, unrelated):
        self.proc = subprocess.Popen(
            ["java", "-XX:+UseParallelGC", "-Xmx512m", "-cp", classpath, "io.clusterdeploy.bench.LoadBalancerHost",
             state, str(port), "2", str(unrelated)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=open(state + ".err", "w"),
            text=True)
        self.backends = []
        deadline = time.time() + 120
        for line in self.proc.stdout:
            if line.startswith("BACKEND "):
                self.backends.append(line.split()[1])
            elif line.startswith("READY"):
                break
            if time.time() > deadline:
                raise SystemExit("the load balancer host did not get ready")
        if len(self.backends) != 2:
            raise SystemExit("the load balancer host did not start (see host.err)")

    def ask(self, command, answer):
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        for line in self.proc.stdout:
            if line.startswith(answer):
                return line.split()[1]
        raise SystemExit("the load balancer host stopped")

    def counters(self):
        """Connections to instances the load balancer opened, and requests it retried, since it started."""
        opened, retries = self.ask("connections", "CONNECTIONS").split("/")
        return int(opened), int(retries)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def versions():
    ha = subprocess.run(["haproxy", "-v"], capture_output=True, text=True).stdout.splitlines()[0]
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    wrk_v = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
    wrk_line = (wrk_v.stdout + wrk_v.stderr).splitlines()[0]
    return f"{ha}; {java}; {wrk_line}"


def ratio_line(name, values, fmt="{:.2f}"):
    return f"{name}: " + ", ".join(fmt.format(v) for v in values) + f" (median {fmt.format(statistics.median(values))})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--classpath", required=True)
    ap.add_argument("--config", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=15, help="seconds of wrk per arm and connection count before measuring")
    ap.add_argument("--connections", default="32,256")
    ap.add_argument("--wrk-threads", type=int, default=2)
    ap.add_argument("--routing-runs", type=int, default=3, help="runs of 1 against 200 unrelated groups (0: skip)")
    args = ap.parse_args()
    connection_counts = [int(c) for c in args.connections.split(",")]

    work = tempfile.mkdtemp(prefix="lb-bench-")
    lb_port, ha_port = free_port(), free_port()
    host = haproxy = None
    try:
        host = Host(args.classpath, os.path.join(work, "state"), lb_port, 1)
        env = dict(os.environ, LISTEN_PORT=str(ha_port), BACKEND_1=host.backends[0], BACKEND_2=host.backends[1])
        haproxy = subprocess.Popen(["haproxy", "-db", "-f", args.config], env=env,
                                   stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "haproxy.err"), "w"))
        arms = {"local": (host.proc.pid, f"http://127.0.0.1:{lb_port}/"),
                "haproxy": (haproxy.pid, f"http://127.0.0.1:{ha_port}/")}
        time.sleep(1.5)  # HAProxy's first health checks
        if haproxy.poll() is not None:
            raise SystemExit("haproxy did not start: " + open(os.path.join(work, "haproxy.err")).read())
        print("command: bench/lb.sh " + " ".join(sys.argv[5:]))
        print(f"machine: {os.cpu_count()} cores; load average before: {load_average()}")
        print("versions: " + versions())
        print(f"backends: {' '.join(host.backends)}; wrk -t{args.wrk_threads} -d{args.seconds}s; runs: {args.runs}")
        print(f"threads of the load balancer at rest: {host.ask('threads', 'THREADS')}")
        for arm, (pid, url) in arms.items():  # warm-up: the JIT (the JVM compiles for a while), the pools
            for c in connection_counts:
                wrk(url, c, args.warmup, args.wrk_threads)
        ratios = {c: {"rps": [], "cpu": [], "p50": [], "p99": []} for c in connection_counts}
        for run in range(args.runs):
            order = ["local", "haproxy"] if run % 2 == 0 else ["haproxy", "local"]
            for c in connection_counts:
                results = {}
                for arm in order:
                    pid, url = arms[arm]
                    if arm == "local":
                        before = host.counters()
                    results[arm] = measured(pid, url, c, args.seconds, args.wrk_threads)
                    if arm == "local":
                        results[arm]["threads"] = host.ask("threads", "THREADS")
                        after = host.counters()
                        results[arm]["opened"] = after[0] - before[0]
                        results[arm]["retries"] = after[1] - before[1]
                lo, ha = results["local"], results["haproxy"]
                for key, name in (("rps", "rps"), ("cpu_us_per_request", "cpu"), ("p50", "p50"), ("p99", "p99")):
                    ratios[c][name].append(lo[key] / ha[key])
                print(f"run {run + 1}, {c} connections (load {load_average()}):")
                for arm in ("local", "haproxy"):
                    r = results[arm]
                    extra = (f", load balancer threads {r['threads']}, connections to instances opened {r['opened']}, "
                             f"retries {r['retries']}") if arm == "local" else ""
                    print(f"  {arm:8} {r['rps']:9.0f} req/s  CPU {r['cpu_us_per_request']:5.1f} us/req  "
                          f"p50 {r['p50']:6.2f} ms  p99 {r['p99']:6.2f} ms  non-2xx {r['non2xx']}  "
                          f"socket errors {r['socket_errors']}{extra}")
        print(f"load average after: {load_average()}")
        print("ratios, local / HAProxy, per run:")
        for c in connection_counts:
            print(f" {c} connections:")
            print("   " + ratio_line("throughput", ratios[c]["rps"]))
            print("   " + ratio_line("CPU per request", ratios[c]["cpu"]))
            print("   " + ratio_line("p50", ratios[c]["p50"]))
            print("   " + ratio_line("p99", ratios[c]["p99"]))
        haproxy.send_signal(signal.SIGTERM)
        haproxy.wait(timeout=30)
        haproxy = None

        if args.routing_runs > 0:
            pid, url = arms["local"]
            c = min(connection_counts)
            print(f"routing cost: the load balancer alone, {c} connections, 1 against 200 unrelated server groups:")
            per = {1: [], 200: []}
            for run in range(args.routing_runs):
                for groups in ([1, 200] if run % 2 == 0 else [200, 1]):
                    host.ask(f"unrelated {groups}", "UNRELATED")
                    r = measured(pid, url, c, args.seconds, args.wrk_threads)
                    per[groups].append(r)
                    print(f"  run {run + 1}, {groups:3} unrelated groups: {r['rps']:9.0f} req/s  "
                          f"CPU {r['cpu_us_per_request']:5.1f} us/req  p50 {r['p50']:6.2f} ms  p99 {r['p99']:6.2f} ms  "
                          f"non-2xx {r['non2xx']}  socket errors {r['socket_errors']}")
            print("   " + ratio_line("throughput 200 / 1", [b["rps"] / a["rps"] for a, b in zip(per[1], per[200])]))
            print("   " + ratio_line("CPU per request 200 / 1",
                                     [b["cpu_us_per_request"] / a["cpu_us_per_request"] for a, b in zip(per[1], per[200])]))
        idle_wait = 0
        while idle_wait < 90:  # the event loops end after 30 s without connections
            time.sleep(5)
            idle_wait += 5
            threads = int(host.ask("threads", "THREADS"))
            if threads <= 1:
                break
        print(f"threads of the load balancer {idle_wait} s after the last request: {threads}")
    finally:
        if haproxy is not None:
            haproxy.kill()
            haproxy.wait()
        if host is not None:
            host.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

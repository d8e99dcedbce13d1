#!/usr/bin/python3
"""The T5 load table for sopud (../shared/SERVICE-RELIABILITY.md, T5).

Starts one sopud on a free loopback port (plaintext local credentials, its
worker and queue flags at their defaults unless --sopud-arg says otherwise),
runs sopud_load for every cell concurrency x size (default c in {1, 2, 8},
sizes S and M, each cell `--duration 30 --calls 200`: whichever comes first),
and prints the table in Markdown: calls, RPS, latency p50/p90/p99/max, status
codes, error %, client CPU %, plus the server's view of the same calls from
its log (queue wait and solve time per call) and the server's CPU %. At the
end it reads the server's peak RSS (VmHWM) and stops it with SIGTERM.

Exit status: 0 when every call answered OK or RESOURCE_EXHAUSTED and the
server stopped cleanly; 1 otherwise; 2 usage error.

  /usr/bin/python3 benchmarks/sopud_load_table.py \
      --sopud build/bin/sopud --load build/bin/sopud_load [--quick]

See docs/load.md. Loopback only; every wait is bounded.
"""
import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ACCEPTED_CODES = {"OK", "RESOURCE_EXHAUSTED"}
CALL_LINE = re.compile(
    r" call=\d+ method=(\w+) participants=\d+ code=(\w+) "
    r"queue_ms=([\d.]+) ms=([\d.]+)")
METHODS = {"match": "Match", "score": "Score", "groups": "FormGroups"}


def percentile(values, q):
    """Nearest rank, as sopud_load computes it."""
    if not values:
        return float("nan")
    values = sorted(values)
    rank = max(1, min(len(values), int(-(-q * len(values) // 100))))
    return values[rank - 1]


class Sopud:
    """One sopud process on 127.0.0.1:0; its log goes to a file."""

    def __init__(self, path, extra_args, log_path):
        self.log_path = log_path
        self.log = open(log_path, "w")
        self.proc = subprocess.Popen(
            [path, "--listen", "127.0.0.1:0"] + extra_args,
            stdout=self.log, stderr=subprocess.STDOUT)
        self.port = None
        end = time.monotonic() + 10
        while time.monotonic() < end:
            m = re.search(r"listening on [^ ]*:(\d+) ", self.text())
            if m:
                self.port = int(m.group(1))
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.02)
        self.stop()
        raise RuntimeError("sopud did not start:\n" + self.text())

    def text(self):
        with open(self.log_path, errors="replace") as f:
            return f.read()

    def call_lines(self):
        return [l for l in self.text().splitlines() if " call=" in l]

    def status(self):
        out = {}
        with open("/proc/%d/status" % self.proc.pid) as f:
            for line in f:
                key, _, value = line.partition(":")
                out[key] = value.strip()
        return out

    def cpu_seconds(self):
        with open("/proc/%d/stat" % self.proc.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self, timeout=30):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None
        finally:
            self.log.close()


def machine():
    model = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    mem_kb = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    return "%d cores (%s), %.0f GiB" % (os.cpu_count(), model,
                                        mem_kb / 1024.0 / 1024.0)


def run_cell(args, server, size, c):
    """Runs one sopud_load cell; returns its row dict."""
    lines_before = len(server.call_lines())
    cpu_before = server.cpu_seconds()
    cmd = [args.load, "--target", "127.0.0.1:%d" % server.port,
           "--rpc", args.rpc, "--size", size, "--concurrency", str(c),
           "--channels", str(min(c, args.channels)),
           "--duration", str(args.duration), "--calls", str(args.calls),
           "--deadline", str(args.deadline), "--warmup", "1", "--json"]
    proc = subprocess.run(cmd, capture_output=True, text=True,
                          timeout=args.duration + args.deadline + 60)
    server_cpu = server.cpu_seconds() - cpu_before
    if proc.returncode != 0:
        raise RuntimeError("sopud_load failed (%d): %s" %
                           (proc.returncode, proc.stderr.strip()))
    result = json.loads(proc.stdout)
    # The server's lines for this cell, without the (first) warm-up call.
    time.sleep(0.05)  # the last call's log line follows its response
    queue, solve = [], []
    for line in server.call_lines()[lines_before + 1:]:
        m = CALL_LINE.search(line)
        if m and m.group(1) == METHODS[args.rpc] and m.group(2) == "OK":
            queue.append(float(m.group(3)))
            solve.append(float(m.group(4)) - float(m.group(3)))
    result["server"] = {
        "ok_calls": len(queue),
        "queue_ms_p50": percentile(queue, 50),
        "queue_ms_p99": percentile(queue, 99),
        "solve_ms_p50": percentile(solve, 50),
        "solve_ms_p99": percentile(solve, 99),
        # Over the timed run (the warm-up call's CPU is included).
        "cpu_percent": 100.0 * server_cpu / max(result["total_s"], 1e-9),
    }
    return result


def codes_text(codes):
    return ", ".join("%s %d" % (k, v) for k, v in
                     sorted(codes.items(), key=lambda kv: (kv[0] != "OK", kv[0])))


def table(rows):
    out = ["| size | c | calls | RPS | p50 | p90 | p99 | max (ms) | status codes "
           "| error % | client CPU % | server queue p50 / p99 (ms) "
           "| server solve p50 / p99 (ms) | server CPU % |",
           "|---|--:|--:|--:|--:|--:|--:|--:|---|--:|--:|--:|--:|--:|"]
    for r in rows:
        lat, srv = r["latency_ms"], r["server"]
        out.append(
            "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s | %.1f | %.0f "
            "| %.1f / %.1f | %.1f / %.1f | %.0f |" % (
                r["size"], r["concurrency"], r["count"], r["rps"], lat["p50"],
                lat["p90"], lat["p99"], lat["max"], codes_text(r["status_codes"]),
                r["error_percent"], r["client_cpu"]["percent"],
                srv["queue_ms_p50"], srv["queue_ms_p99"], srv["solve_ms_p50"],
                srv["solve_ms_p99"], srv["cpu_percent"]))
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sopud", required=True, help="path of sopud")
    parser.add_argument("--load", required=True, help="path of sopud_load")
    parser.add_argument("--rpc", default="match", choices=sorted(METHODS))
    parser.add_argument("--sizes", default="S,M")
    parser.add_argument("--concurrency", default="1,2,8",
                        help="comma-separated client thread counts")
    parser.add_argument("--channels", type=int, default=1,
                        help="channels per cell (at most c)")
    parser.add_argument("--duration", type=float, default=30.0,
                        help="seconds per cell (max 120)")
    parser.add_argument("--calls", type=int, default=200,
                        help="calls per cell (whichever comes first)")
    parser.add_argument("--deadline", type=float, default=60.0,
                        help="deadline of each call, seconds")
    parser.add_argument("--quick", action="store_true",
                        help="5 s per cell (a smoke run)")
    parser.add_argument("--sopud-arg", action="append", default=[],
                        help="extra sopud flag (repeat); default: none")
    parser.add_argument("--json", help="also write every cell's figures here")
    args = parser.parse_args()
    if args.quick:
        args.duration = min(args.duration, 5.0)
    if not 0 < args.duration <= 120:
        parser.error("--duration must be in (0, 120]")
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    if any(s not in ("S", "M") for s in sizes):
        parser.error("--sizes takes S and/or M")
    concurrency = [int(c) for c in args.concurrency.split(",") if c.strip()]

    log_dir = tempfile.mkdtemp(prefix="sopud-load-")
    server = Sopud(args.sopud, args.sopud_arg,
                   os.path.join(log_dir, "sopud.log"))
    rows, failure = [], None
    try:
        for size in sizes:
            for c in concurrency:
                row = run_cell(args, server, size, c)
                rows.append(row)
                print("# %s c=%d: %d calls, %.1f RPS, p50 %.1f ms, %s" % (
                    size, c, row["count"], row["rps"], row["latency_ms"]["p50"],
                    codes_text(row["status_codes"])), file=sys.stderr,
                    flush=True)
        status = server.status()
    except (RuntimeError, subprocess.TimeoutExpired, ValueError) as e:
        failure = str(e)
        status = {}
    finally:
        rc = server.stop()

    print("## sopud load (T5): rpc %s, %s" % (args.rpc, machine()))
    print()
    print("Client and server on the same machine over loopback; sopud flags: "
          "%s; each cell `--duration %g --calls %d` (whichever first), one "
          "warm-up call, deadline %g s, %d channel(s)." % (
              " ".join(args.sopud_arg) or "defaults", args.duration, args.calls,
              args.deadline, args.channels))
    if rows:
        print("Requests: %s." % "; ".join(sorted(
            {"%s = %s (%d bytes)" % (r["size"], r["request"], r["request_bytes"])
             for r in rows})))
        print()
        print(table(rows))
        print()
    if status:
        print("Server peak RSS (VmHWM) %s, RSS at the end %s, threads %s; "
              "exit code after SIGTERM %s." % (
                  status.get("VmHWM", "?"), status.get("VmRSS", "?"),
                  status.get("Threads", "?"), rc))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"rows": rows, "server_status": status, "exit_code": rc},
                      f, indent=1)
    bad = {code for r in rows for code in r["status_codes"]} - ACCEPTED_CODES
    if failure:
        print("FAILED: " + failure, file=sys.stderr)
    if bad:
        print("FAILED: status codes other than OK / RESOURCE_EXHAUSTED: " +
              ", ".join(sorted(bad)), file=sys.stderr)
    if rc != 0:
        print("FAILED: sopud exited with %s" % rc, file=sys.stderr)
    if failure or bad or rc != 0:
        print("sopud's log is kept in " + log_dir, file=sys.stderr)
        return 1
    shutil.rmtree(log_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""Latency figures of sopud's reliability behaviours (plan T2, T6, T7; see
../shared/SERVICE-RELIABILITY.md), measured here rather than asserted in the
tests (tests/server/ check only the outcomes):

  T2  cancel-to-stop: a client cancel (unary and stream) reaching a running
      search -> the handler returns (the timestamp of sopud's call log
      line, millisecond resolution, minus the cancel's) and the
      process's CPU time stops rising (/proc/PID/stat, sampled every 20 ms);
      a 300 ms deadline on an hour-long search; a queued call's 500 ms
      deadline; a 3 s deadline clamping an hour-long search (OK when?).
  T6  100 concurrent 0.9 MB FormGroups (1 s search limit) from 10 channels
      at 2 solver slots + a queue of 2: accepted and rejected counts, time to
      reject (client and server side), peak RSS, health and Validate probes
      during the burst, and the first call after it.
  T7  SIGTERM with 2 solving + 1 queued, grace 1 s: health NOT_SERVING after
      the signal, exit after the signal; a 0.8 s search in flight at SIGTERM
      (grace 5 s): drain and exit.
  Progress messages of FormGroupsStream per second (paced at 250 ms).

It starts its own sopud on 127.0.0.1 (free port) for each part, using the
tests' harness (tests/server/sopud_harness.py) and the Python stubs the
build generates:

  cmake --build build --target sopud sopu_server_py_stubs
  /usr/bin/python3 benchmarks/sopud_reliability.py \\
      --sopud build/bin/sopud --stubs build/tests/server/py [--json FILE]

Loopback only; every wait is bounded. Exit status 0 when every part ran and
sopud behaved as the tests require (so a figure is never printed for a
wrong outcome), 1 otherwise. Figures: docs/load.md.
"""
import argparse
import concurrent.futures as cf
import datetime
import json
import os
import re
import signal
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "tests", "server"))
import sopud_harness as h  # noqa: E402


def percentile(values, q):
    """Nearest rank, as sopud_load computes it."""
    values = sorted(values)
    if not values:
        return float("nan")
    k = min(len(values) - 1, max(0, int(round(q / 100.0 * (len(values) - 1)))))
    return values[k]


def call_ms(line, field="ms"):
    return float(re.search(r" %s=([0-9.]+)" % field, line).group(1))


def line_time(line):
    """The wall-clock time (s since the epoch) of a sopud log line, from its
    millisecond timestamp (local time)."""
    stamp = line.split(" ", 1)[0]
    return datetime.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%f").timestamp()


def check(condition, what):
    if not condition:
        raise RuntimeError("unexpected outcome: " + what)


def wait_cpu_idle(server, since, timeout=10.0):
    """Seconds from `since` (time.monotonic()) until sopud's CPU time stops
    rising: the last change before three 20 ms samples without one."""
    end = time.monotonic() + timeout
    last = server.cpu_seconds()
    last_change = time.monotonic()
    quiet = 0
    while time.monotonic() < end:
        time.sleep(0.02)
        now = server.cpu_seconds()
        if now != last:
            last, last_change, quiet = now, time.monotonic(), 0
        else:
            quiet += 1
            if quiet >= 3:
                return max(0.0, last_change - since)
    raise RuntimeError("sopud's CPU did not go idle")


class Test:
    """Stand-in for a unittest.TestCase: cleanups for h.start_server."""

    def __init__(self):
        self._cleanups = []

    def addCleanup(self, fn, *args):
        self._cleanups.append((fn, args))

    def cleanup(self):
        while self._cleanups:
            fn, args = self._cleanups.pop()
            fn(*args)


def t2(t, pb, pb_grpc, cancels):
    out = {}
    server = h.start_server(t, "--max-concurrent-solves", "1",
                            "--max-queue", "4")
    stub = pb_grpc.SopuStub(server.channel())
    forever = h.groups_request(60, time_limit=h.FOREVER)

    # A 300 ms deadline on an hour-long search.
    start = server.mark()
    sent = time.monotonic()
    code = h.code_of(lambda: stub.FormGroups(forever, timeout=0.3))
    check(code in ("OK", "DEADLINE_EXCEEDED"), "deadline: " + code)
    _, line = server.wait_call_line("FormGroups", start)
    out["deadline_300ms"] = {
        "client_code": code, "handler_ms": call_ms(line),
        "cpu_idle_after_deadline_ms": 1000 * wait_cpu_idle(server, sent + 0.3)}

    # A queued call's 500 ms deadline, the slot held.
    busy = h.hold_slot(stub, forever)
    start = server.mark()
    code = h.code_of(lambda: stub.FormGroups(forever, timeout=0.5))
    check(code == "DEADLINE_EXCEEDED", "queued deadline: " + code)
    _, line = server.wait_call_line("FormGroups", start)
    out["queued_deadline_500ms"] = {"server_ms": call_ms(line),
                                    "queue_ms": call_ms(line, "queue_ms")}
    busy.cancel()
    check(busy.wait_end() == "CANCELLED", "busy stream")

    # A 3 s deadline on an hour-long search: OK, after how long?
    sent = time.monotonic()
    r = stub.FormGroups(forever, timeout=3.0)
    out["deadline_3s_ok_after_s"] = time.monotonic() - sent
    check(r.summary.stop_reason == "time limit", r.summary.stop_reason)

    # Progress messages of a 1.5 s search.
    messages = list(stub.FormGroupsStream(h.groups_request(40, time_limit=1.5),
                                          timeout=h.HANG_GUARD))
    out["stream_progress_in_1_5_s"] = sum(m.HasField("progress")
                                          for m in messages)
    server.stop()

    # Cancels of running searches (unary: start_solving needs no queue).
    server = h.start_server(t, "--max-concurrent-solves", "1",
                            "--max-queue", "0")
    stub = pb_grpc.SopuStub(server.channel())
    tiny = pb.MatchRequest(cohort=h.mentoring_cohort(1, 1))
    log_latency, cpu_latency = [], []
    for i in range(cancels):
        method = "FormGroups" if i % 2 == 0 else "FormGroupsStream"
        start = server.mark()
        if method == "FormGroups":
            call = h.start_solving(
                stub, forever, lambda: stub.Match(tiny, timeout=h.HANG_GUARD))
        else:
            call = h.hold_slot(stub, forever)
        cancelled_wall = time.time()
        cancelled = time.monotonic()
        call.cancel()
        _, line = server.wait_call_line(method, start)
        check(" code=CANCELLED" in line, line)
        log_latency.append(line_time(line) - cancelled_wall)
        cpu_latency.append(wait_cpu_idle(server, cancelled))
    out["cancel_to_handler_exit_ms"] = {
        "count": cancels, "p50": 1000 * percentile(log_latency, 50),
        "max": 1000 * max(log_latency)}
    out["cancel_to_cpu_idle_ms"] = {
        "p50": 1000 * percentile(cpu_latency, 50),
        "max": 1000 * max(cpu_latency)}
    server.stop()
    return out


def t6(t, pb, pb_grpc, hpb, hgrpc):
    limit = 1 << 20
    server = h.start_server(t, "--max-concurrent-solves", "2",
                            "--max-queue", "2", "--max-message-bytes",
                            str(limit))
    stubs = [pb_grpc.SopuStub(server.channel()) for _ in range(10)]
    request = h.groups_request(40, time_limit=1.0, pad_bytes=900 * 1024)
    probe_channel = server.channel()
    health = hgrpc.HealthStub(probe_channel)
    probe_stub = pb_grpc.SopuStub(probe_channel)
    stop = threading.Event()
    probes = {"health_ok": 0, "health": 0, "validate_ok": 0, "validate": 0}

    def probe():
        small = pb.ValidateRequest(cohort=h.peer_cohort(5))
        while not stop.is_set():
            probes["health"] += 1
            code = h.code_of(lambda: health.Check(
                hpb.HealthCheckRequest(service=""), timeout=1))
            probes["health_ok"] += code == "OK"
            probes["validate"] += 1
            probes["validate_ok"] += h.code_of(
                lambda: probe_stub.Validate(small, timeout=1)) == "OK"
            stop.wait(0.2)

    prober = threading.Thread(target=probe, daemon=True)
    prober.start()

    def one(i):
        start = time.monotonic()
        code = h.code_of(lambda: stubs[i % 10].FormGroups(request, timeout=30))
        return code, time.monotonic() - start

    with cf.ThreadPoolExecutor(max_workers=100) as pool:
        results = list(pool.map(one, range(100)))
    stop.set()
    prober.join(h.HANG_GUARD)
    hwm_mb = int(server.proc_status()["VmHWM"].split()[0]) / 1024.0
    start = time.monotonic()
    stubs[0].FormGroups(h.groups_request(12, max_rounds=10), timeout=30)
    recovery = time.monotonic() - start
    rejected = [s for c, s in results if c == "RESOURCE_EXHAUSTED"]
    check(len(rejected) + sum(c == "OK" for c, _ in results) == 100,
          "burst codes %s" % sorted({c for c, _ in results}))
    server_reject = [call_ms(l) for l in server.call_lines()
                     if "code=RESOURCE_EXHAUSTED" in l]
    out = {
        "request_bytes": request.ByteSize(),
        "ok": 100 - len(rejected), "rejected": len(rejected),
        "reject_client_ms": {"p50": 1000 * percentile(rejected, 50),
                             "p99": 1000 * percentile(rejected, 99)},
        "reject_server_ms": {"count": len(server_reject),
                             "p50": percentile(server_reject, 50),
                             "p99": percentile(server_reject, 99)},
        "peak_rss_mb": hwm_mb, "probes": probes,
        "first_call_after_ms": 1000 * recovery}
    check(server.stop() == 0, "exit code")
    return out


def t7(t, pb, pb_grpc, hpb, hgrpc):
    out = {}
    server = h.start_server(t, "--max-concurrent-solves", "2",
                            "--max-queue", "1", "--grace-seconds", "1")
    channel = server.channel()
    stub = pb_grpc.SopuStub(channel)
    events = []
    watch = hgrpc.HealthStub(channel).Watch(
        hpb.HealthCheckRequest(service="sopu.v1.Sopu"))

    def read():
        try:
            for r in watch:
                events.append((time.monotonic(), r.status))
        except Exception:  # noqa: BLE001 - the stream ends with the server
            pass

    threading.Thread(target=read, daemon=True).start()
    forever = h.groups_request(60, time_limit=h.FOREVER)
    solving = [h.hold_slot(stub, forever) for _ in range(2)]
    queued = h.fill_queue(stub.FormGroups, forever)
    sent = time.monotonic()
    server.proc.send_signal(signal.SIGTERM)
    rc = server.wait_exit()
    exited = time.monotonic() - sent
    for call in solving:
        call.wait_end()
    for call in queued:
        call.wait()
    not_serving = [e for e, s in events
                   if s == hpb.HealthCheckResponse.NOT_SERVING]
    check(rc == 0 and not_serving, "exit %d, health %s" % (rc, events))
    out["grace_1s"] = {"not_serving_after_ms": 1000 * (not_serving[0] - sent),
                       "exit_after_ms": 1000 * exited}
    server.close()

    server = h.start_server(t, "--grace-seconds", "5")
    stub = pb_grpc.SopuStub(server.channel())
    stream = h.StreamCall(stub, h.groups_request(30, time_limit=0.8))
    stream.wait_progress(1)
    sent = time.monotonic()
    server.proc.send_signal(signal.SIGTERM)
    code = stream.wait_end()
    server.close_channels()
    rc = server.wait_exit()
    check(code == "OK" and rc == 0, "drain: %s, exit %d" % (code, rc))
    out["drain_0_8s_search_ms"] = 1000 * (time.monotonic() - sent)
    server.close()
    return out


def print_table(f):
    """One Markdown row per figure."""
    t2, t6, t7 = f["T2"], f["T6"], f["T7"]
    c, i = t2["cancel_to_handler_exit_ms"], t2["cancel_to_cpu_idle_ms"]
    d = t2["deadline_300ms"]
    rows = [
        ("T2", "cancel -> handler exit, p50 / max (%d cancels, unary + "
         "stream)" % c["count"], "%.0f / %.0f ms" % (c["p50"], c["max"])),
        ("T2", "cancel -> CPU idle, p50 / max (20 ms sampling)",
         "%.0f / %.0f ms" % (i["p50"], i["max"])),
        ("T2", "300 ms deadline on a 1 h search: handler returned after; "
         "CPU idle after the deadline",
         "%.0f ms (%s); %.0f ms" % (d["handler_ms"], d["client_code"],
                                    d["cpu_idle_after_deadline_ms"])),
        ("T2", "500 ms deadline while queued: left the queue after",
         "%.0f ms" % t2["queued_deadline_500ms"]["server_ms"]),
        ("T2", "3 s deadline on a 1 h search: OK after",
         "%.2f s" % t2["deadline_3s_ok_after_s"]),
        ("stream", "progress messages in a 1.5 s search",
         "%d" % t2["stream_progress_in_1_5_s"]),
        ("T6", "100 x %d-byte FormGroups, 2 slots + 2 queue: OK / rejected"
         % t6["request_bytes"], "%d / %d" % (t6["ok"], t6["rejected"])),
        ("T6", "time to reject, client p50 / p99",
         "%.0f / %.0f ms" % (t6["reject_client_ms"]["p50"],
                             t6["reject_client_ms"]["p99"])),
        ("T6", "time to reject, server p50 / p99 (call log, 0.1 ms)",
         "%.1f / %.1f ms" % (t6["reject_server_ms"]["p50"],
                             t6["reject_server_ms"]["p99"])),
        ("T6", "peak RSS (VmHWM)", "%.1f MB" % t6["peak_rss_mb"]),
        ("T6", "health / Validate probes OK during the burst",
         "%d/%d, %d/%d" % (t6["probes"]["health_ok"], t6["probes"]["health"],
                           t6["probes"]["validate_ok"],
                           t6["probes"]["validate"])),
        ("T6", "first call after the burst",
         "%.0f ms" % t6["first_call_after_ms"]),
        ("T7", "SIGTERM -> health NOT_SERVING",
         "%.0f ms" % t7["grace_1s"]["not_serving_after_ms"]),
        ("T7", "SIGTERM -> exit, 2 solving + 1 queued, grace 1 s",
         "%.0f ms" % t7["grace_1s"]["exit_after_ms"]),
        ("T7", "SIGTERM -> exit, a 0.8 s search in flight, grace 5 s",
         "%.0f ms" % t7["drain_0_8s_search_ms"]),
    ]
    print("| plan | figure | value |")
    print("|---|---|--:|")
    for row in rows:
        print("| %s | %s | %s |" % row)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sopud", required=True)
    parser.add_argument("--stubs", required=True)
    parser.add_argument("--cancels", type=int, default=10)
    parser.add_argument("--json", help="write every figure to this file")
    args = parser.parse_args()
    h.configure(args.sopud, args.stubs)
    pb, pb_grpc, hpb, hgrpc = h.stubs()
    t = Test()
    figures = {}
    try:
        figures["T2"] = t2(t, pb, pb_grpc, args.cancels)
        figures["T6"] = t6(t, pb, pb_grpc, hpb, hgrpc)
        figures["T7"] = t7(t, pb, pb_grpc, hpb, hgrpc)
    except (RuntimeError, AssertionError) as e:
        print("sopud_reliability: %s (logs in %s)" % (e, h.Server.log_dir()),
              file=sys.stderr)
        return 1
    finally:
        t.cleanup()
    print_table(figures)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(figures, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())

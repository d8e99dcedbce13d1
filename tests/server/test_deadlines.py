#!/usr/bin/python3
"""T2: deadlines and cancellation reach the solver. A call's deadline or a
client cancel stops the search promptly (the handler's log line and the
process's CPU time say when); a request time limit shorter than the deadline
returns OK with the best solution. Prints the cancel-to-stop figures."""
import re
import time
import unittest

import grpc

import sopud_harness as h

LONG = 30.0  # a search time limit no test waits for


class Deadlines(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = h.Server("--max-concurrent-solves", "1", "--max-queue", "4")
        cls.channel = grpc.insecure_channel(cls.server.address)
        cls.pb, pb_grpc, _, _ = h.stubs()
        cls.stub = pb_grpc.SopuStub(cls.channel)
        cls.request = h.groups_request(60, time_limit=LONG)

    @classmethod
    def tearDownClass(cls):
        cls.channel.close()
        assert cls.server.stop() == 0

    def wait_call_lines(self, count, timeout=10):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            lines = self.server.call_lines()
            if len(lines) >= count:
                return lines
            time.sleep(0.005)
        self.fail("no call line in the log")

    def wait_cpu_idle(self, since, timeout=5):
        """Seconds from `since` until the server's CPU time stops rising
        (two 20 ms samples in a row without a tick)."""
        end = time.monotonic() + timeout
        last = self.server.cpu_seconds()
        last_change = time.monotonic()
        quiet = 0
        while time.monotonic() < end:
            time.sleep(0.02)
            now = self.server.cpu_seconds()
            if now != last:
                last, last_change, quiet = now, time.monotonic(), 0
            else:
                quiet += 1
                if quiet >= 3:
                    return max(0.0, last_change - since)
        self.fail("CPU did not go idle")

    def cancel_once(self, method, after):
        """Starts a long search, cancels it after `after` s; returns the
        estimated cancel-to-stop latency (s) from the server's log line and
        the CPU-idle latency."""
        before = len(self.server.call_lines())
        start = time.monotonic()
        if method == "FormGroupsStream":
            call = self.stub.FormGroupsStream(self.request, timeout=60)
        else:
            call = self.stub.FormGroups.future(self.request, timeout=60)
        time.sleep(after)
        cancelled_at = time.monotonic()
        call.cancel()
        line = self.wait_call_lines(before + 1)[before]
        self.assertIn("method=" + method, line)
        self.assertIn("code=CANCELLED", line)
        server_ms = float(re.search(r" ms=([0-9.]+)", line).group(1))
        log_latency = server_ms / 1000.0 - (cancelled_at - start)
        cpu_latency = self.wait_cpu_idle(cancelled_at)
        return log_latency, cpu_latency

    def test_1_deadline_stops_the_search(self):
        before = len(self.server.call_lines())
        start = time.monotonic()
        # The server clamps the 30 s search to the deadline less a margin,
        # so it may answer OK just in time; else the client sees
        # DEADLINE_EXCEEDED. Either way the search must stop.
        try:
            self.stub.FormGroups(self.request, timeout=0.3)
            code = "OK"
        except grpc.RpcError as e:
            code = e.code().name
        self.assertIn(code, ("OK", "DEADLINE_EXCEEDED"))
        line = self.wait_call_lines(before + 1)[before]
        server_ms = float(re.search(r" ms=([0-9.]+)", line).group(1))
        cpu = self.wait_cpu_idle(start + 0.3)
        print("\nT2(i) 300 ms deadline on a 30 s search: client got %s; the "
              "handler returned after %.0f ms; CPU idle %.0f ms after the "
              "deadline" % (code, server_ms, 1000 * cpu))
        self.assertLess(server_ms, 300 + 500)

    def test_1b_deadline_passing_in_the_queue(self):
        # The single slot is busy; a queued call's deadline passes while it
        # waits: it leaves the queue and the slot's call is unaffected.
        busy = self.stub.FormGroups.future(h.groups_request(60, time_limit=1.5),
                                           timeout=30)
        time.sleep(0.2)
        before = len(self.server.call_lines())
        with self.assertRaises(grpc.RpcError) as e:
            self.stub.FormGroups(self.request, timeout=0.5)
        self.assertEqual(e.exception.code(), grpc.StatusCode.DEADLINE_EXCEEDED)
        line = self.wait_call_lines(before + 1)[before]
        self.assertIn("code=DEADLINE_EXCEEDED", line)
        queue_ms = float(re.search(r" queue_ms=([0-9.]+)", line).group(1))
        total_ms = float(re.search(r" ms=([0-9.]+)", line).group(1))
        self.assertEqual(queue_ms, 0.0)  # never admitted
        self.assertLess(total_ms, 500 + 500)
        self.assertEqual(busy.result(timeout=10).status,
                         self.pb.GROUPS_STATUS_FEASIBLE)

    def test_2_tiny_deadline_fails_fast(self):
        with self.assertRaises(grpc.RpcError) as e:
            self.stub.FormGroups(self.request, timeout=0.02)
        self.assertEqual(e.exception.code(), grpc.StatusCode.DEADLINE_EXCEEDED)

    def test_3_cancel_stops_the_search(self):
        log_lat, cpu_lat = [], []
        for i in range(10):
            method = "FormGroups" if i % 2 == 0 else "FormGroupsStream"
            a, b = self.cancel_once(method, after=0.3)
            log_lat.append(a)
            cpu_lat.append(b)
        print("\nT2(ii) cancel-to-stop over %d cancels (unary + stream): "
              "handler exit p50 %.1f ms, max %.1f ms; CPU idle p50 %.0f ms, "
              "max %.0f ms (20 ms sampling, 10 ms ticks)" %
              (len(log_lat), 1000 * h.percentile(log_lat, 50),
               1000 * max(log_lat), 1000 * h.percentile(cpu_lat, 50),
               1000 * max(cpu_lat)))
        # Target 100 ms; asserted generously (shared, noisy 2-core machine).
        self.assertLess(h.percentile(log_lat, 50), 0.5)

    def test_4_many_cancels_leave_no_residue(self):
        self.cancel_once("FormGroups", 0.1)  # warm up
        time.sleep(0.2)
        base = self.server.proc_status()
        for _ in range(20):
            call = self.stub.FormGroups.future(self.request, timeout=60)
            time.sleep(0.05)
            call.cancel()
        time.sleep(1.0)
        after = self.server.proc_status()
        rss = lambda s: int(s["VmRSS"].split()[0]) / 1024.0
        print("\nT2(iii) 20 cancels in a row: threads %s -> %s, RSS %.1f -> "
              "%.1f MB" % (base["Threads"], after["Threads"], rss(base), rss(after)))
        self.assertLessEqual(int(after["Threads"]), int(base["Threads"]) + 2)
        if not self.server.sanitized():
            self.assertLess(rss(after), rss(base) + 20)
        # The server still answers.
        ok = self.stub.FormGroups(h.groups_request(12, time_limit=0.1), timeout=10)
        self.assertEqual(ok.status, self.pb.GROUPS_STATUS_FEASIBLE)

    def test_5_request_time_limit_returns_ok(self):
        r = self.stub.FormGroups(h.groups_request(60, time_limit=0.4), timeout=10)
        self.assertEqual(r.status, self.pb.GROUPS_STATUS_FEASIBLE)
        self.assertEqual(r.summary.stop_reason, "time limit")
        self.assertEqual(sum(len(g.member_ids) for g in r.groups), 60)

    def test_6_deadline_shorter_than_limit_clamps_the_budget(self):
        # 3 s deadline, 30 s limit: the search gets ~2.7 s and answers OK.
        start = time.monotonic()
        r = self.stub.FormGroups(self.request, timeout=3.0)
        took = time.monotonic() - start
        self.assertIn(r.status, (self.pb.GROUPS_STATUS_FEASIBLE,
                                 self.pb.GROUPS_STATUS_RULES_NOT_MET))
        self.assertLess(took, 3.0)
        print("\nT2(iv) 3 s deadline on a 30 s search: OK after %.2f s "
              "(stop: %s)" % (took, r.summary.stop_reason))

    def test_zz_no_canary_in_logs(self):
        h.assert_no_canary_in_logs(self)


if __name__ == "__main__":
    h.main()

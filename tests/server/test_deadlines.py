#!/usr/bin/python3
"""T2: deadlines and cancellation reach the solver. A call's deadline or a
client cancel stops a search that would otherwise run for an hour (the
handler's log line says it returned, with the code); a deadline passing in
the queue takes the call out of it; a request time limit shorter than the
deadline returns OK. The searches run until stopped (time limit FOREVER), so
one that ignored its deadline or cancel would hang the test: nothing here
measures time (the latencies are in benchmarks/sopud_reliability.py)."""
import unittest

import grpc

import sopud_harness as h


class Deadlines(unittest.TestCase):
    """One solver slot and a queue of 4."""

    @classmethod
    def setUpClass(cls):
        cls.server = h.start_server(cls, "--max-concurrent-solves", "1",
                                    "--max-queue", "4")
        cls.pb, pb_grpc, _, _ = h.stubs()
        cls.stub = pb_grpc.SopuStub(cls.server.channel())
        cls.request = h.groups_request(60, time_limit=h.FOREVER)

    @classmethod
    def tearDownClass(cls):
        rc = cls.server.stop()
        assert rc == 0, rc

    def test_1_deadline_stops_the_search(self):
        start = self.server.mark()
        # The server clamps the hour-long search to the deadline less a
        # margin, so it may answer OK just in time; else the client sees
        # DEADLINE_EXCEEDED. Either way the search must stop.
        code = h.code_of(lambda: self.stub.FormGroups(self.request, timeout=0.3))
        self.assertIn(code, ("OK", "DEADLINE_EXCEEDED"))
        _, line = self.server.wait_call_line("FormGroups", start)
        self.assertRegex(line, " code=(OK|DEADLINE_EXCEEDED) ")

    def test_1b_deadline_passing_in_the_queue(self):
        # The single slot is busy; a queued call's deadline passes while it
        # waits: it leaves the queue and the running call goes on.
        busy = h.hold_slot(self.stub, h.groups_request(60))
        start = self.server.mark()
        code = h.code_of(lambda: self.stub.FormGroups(self.request, timeout=0.5))
        self.assertEqual(code, "DEADLINE_EXCEEDED")
        _, line = self.server.wait_call_line("FormGroups", start)
        self.assertIn(" code=DEADLINE_EXCEEDED ", line)
        self.assertIn(" queue_ms=0.0 ", line)  # never admitted
        # The running search is unaffected: it keeps sending progress.
        seen = len(busy.progress())
        busy.wait_progress(seen + 1)
        self.assertIsNone(busy.code)
        busy.cancel()
        self.assertEqual(busy.wait_end(), "CANCELLED")
        _, line = self.server.wait_call_line("FormGroupsStream", start)
        self.assertIn(" code=CANCELLED ", line)

    def test_2_tiny_deadline_fails_fast(self):
        code = h.code_of(lambda: self.stub.FormGroups(self.request,
                                                      timeout=0.02))
        self.assertEqual(code, "DEADLINE_EXCEEDED")

    def test_5_request_time_limit_returns_ok(self):
        # The time limit is what this checks: the search stops at it and
        # answers OK, whatever it found by then.
        r = self.stub.FormGroups(h.groups_request(60, time_limit=0.4),
                                 timeout=h.HANG_GUARD)
        self.assertEqual(r.status, self.pb.GROUPS_STATUS_FEASIBLE)
        self.assertEqual(r.summary.stop_reason, "time limit")
        self.assertEqual(sum(len(g.member_ids) for g in r.groups), 60)

    def test_6_deadline_shorter_than_limit_clamps_the_budget(self):
        # 3 s deadline, an hour's limit: the search gets the deadline less a
        # margin and answers OK (so, before the deadline), stopped by time.
        r = self.stub.FormGroups(self.request, timeout=3.0)
        self.assertIn(r.status, (self.pb.GROUPS_STATUS_FEASIBLE,
                                 self.pb.GROUPS_STATUS_RULES_NOT_MET))
        self.assertEqual(r.summary.stop_reason, "time limit")

    def test_zz_no_canary_in_logs(self):
        h.assert_no_canary_in_logs(self)


class Cancellation(unittest.TestCase):
    """One solver slot and no queue, so that a probe call refused
    SOLVER_QUEUE_FULL shows a unary search running (h.start_solving)."""

    @classmethod
    def setUpClass(cls):
        cls.server = h.start_server(cls, "--max-concurrent-solves", "1",
                                    "--max-queue", "0")
        cls.pb, pb_grpc, _, _ = h.stubs()
        cls.stub = pb_grpc.SopuStub(cls.server.channel())
        cls.request = h.groups_request(60, time_limit=h.FOREVER)
        cls.tiny = cls.pb.MatchRequest(cohort=h.mentoring_cohort(1, 1))

    @classmethod
    def tearDownClass(cls):
        rc = cls.server.stop()
        assert rc == 0, rc

    def probe(self):
        self.stub.Match(self.tiny, timeout=h.HANG_GUARD)

    def cancel_once(self, method):
        """Starts a search, cancels it while it runs, and waits for the
        handler's log line: it must say CANCELLED."""
        start = self.server.mark()
        if method == "FormGroupsStream":
            call = h.hold_slot(self.stub, self.request)
        else:
            call = h.start_solving(self.stub, self.request, self.probe)
        call.cancel()
        _, line = self.server.wait_call_line(method, start)
        self.assertIn(" code=CANCELLED", line)
        return call

    def test_3_cancel_stops_the_search(self):
        for i in range(10):
            method = "FormGroups" if i % 2 == 0 else "FormGroupsStream"
            with self.subTest(i=i, method=method):
                call = self.cancel_once(method)
                if method == "FormGroups":
                    self.assertEqual(call.wait(), "CANCELLED")
                else:
                    self.assertEqual(call.wait_end(), "CANCELLED")
        # The slot is free again: a search with a round limit answers.
        r = self.stub.FormGroups(h.groups_request(12, max_rounds=10),
                                 timeout=h.HANG_GUARD)
        self.assertEqual(r.status, self.pb.GROUPS_STATUS_FEASIBLE)
        self.assertEqual(r.summary.stop_reason, "round limit")

    def test_4_many_cancels_leave_no_residue(self):
        self.cancel_once("FormGroups")  # warm up
        threads = lambda: int(self.server.proc_status()["Threads"])
        rss = lambda: int(self.server.proc_status()["VmRSS"].split()[0]) / 1024.0
        base_threads, base_rss = threads(), rss()
        for _ in range(20):
            self.cancel_once("FormGroups")
        # Threads of ended calls may still be on their way out.
        h.wait_until(lambda: threads() <= base_threads + 2,
                     "threads back to %d + 2 (now %d)" % (base_threads,
                                                         threads()))
        if not self.server.sanitized():
            self.assertLess(rss(), base_rss + 20)
        # The server still answers.
        r = self.stub.FormGroups(h.groups_request(12, max_rounds=10),
                                 timeout=h.HANG_GUARD)
        self.assertEqual(r.status, self.pb.GROUPS_STATUS_FEASIBLE)

    def test_zz_no_canary_in_logs(self):
        h.assert_no_canary_in_logs(self)


if __name__ == "__main__":
    h.main()

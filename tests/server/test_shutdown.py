#!/usr/bin/python3
"""T7: graceful shutdown. On SIGTERM health turns NOT_SERVING, new calls get
UNAVAILABLE during the grace period, calls that finish within the grace period answer normally, the
rest are cancelled at its end, and sopud exits 0 (if it did not, the test
would hang: HANG_GUARD, TIMEOUT). (Runs are not persisted yet: no
DONE/INTERRUPTED records.) How long each step takes is measured by
benchmarks/sopud_reliability.py, not here."""
import signal
import threading
import unittest

import grpc

import sopud_harness as h


class HealthWatch:
    """The statuses of sopu.v1.Sopu seen on a health Watch stream (then the
    code that ended it), collected by a daemon thread."""

    def __init__(self, channel, hpb, hgrpc):
        self.events = []
        self._changed = threading.Condition()
        self._call = hgrpc.HealthStub(channel).Watch(
            hpb.HealthCheckRequest(service="sopu.v1.Sopu"))
        self._names = hpb.HealthCheckResponse.ServingStatus.Name
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        try:
            for r in self._call:
                self._add(self._names(r.status))
        except grpc.RpcError as e:
            self._add(e.code().name)

    def _add(self, event):
        with self._changed:
            self.events.append(event)
            self._changed.notify_all()

    def wait_for(self, status):
        with self._changed:
            if not self._changed.wait_for(lambda: status in self.events,
                                          h.HANG_GUARD):
                raise AssertionError("health never said %s: %s" %
                                     (status, self.events))

    def cancel(self):
        self._call.cancel()


class Shutdown(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.pb, cls.pb_grpc, cls.hpb, cls.hgrpc = h.stubs()

    def test_in_flight_calls_are_cancelled_after_grace(self):
        server = h.start_server(self, "--max-concurrent-solves", "2",
                                "--max-queue", "1", "--grace-seconds", "1")
        channel = server.channel()
        stub = self.pb_grpc.SopuStub(channel)
        watch = HealthWatch(channel, self.hpb, self.hgrpc)
        self.addCleanup(watch.cancel)
        watch.wait_for("SERVING")
        # 2 solving (each has sent progress) and 1 queued (a later call was
        # refused: the queue is full), none of them ever ending by itself.
        request = h.groups_request(60, time_limit=h.FOREVER)
        solving = [h.hold_slot(stub, request) for _ in range(2)]
        queued = h.fill_queue(stub.FormGroups, request)
        for call in solving + queued:
            self.addCleanup(call.cancel)

        server.proc.send_signal(signal.SIGTERM)
        watch.wait_for("NOT_SERVING")
        outcomes = [c.wait_end() for c in solving] + [c.wait() for c in queued]
        rc = server.wait_exit()
        context = "health %s, outcomes %s, log:\n%s" % (
            watch.events, outcomes, server.text())
        self.assertEqual(rc, 0, context)
        self.assertEqual(watch.events[0], "SERVING", context)
        # The grace period ran out with the searches still going: sopud
        # cancelled them (or gRPC did, at the same deadline).
        self.assertIn("grace period over: cancelling running solves",
                      server.text(), context)
        # The 2 searches and the 1 queued call end so; any other queue
        # filler came when the queue was full and was refused.
        ended = [c for c in outcomes if c in ("UNAVAILABLE", "CANCELLED")]
        self.assertEqual(len(ended), 2 + 1, context)
        self.assertEqual(outcomes[:2], ended[:2], context)
        self.assertLessEqual(set(outcomes) - set(ended),
                             {"RESOURCE_EXHAUSTED"}, context)

    def test_new_calls_are_refused_during_grace(self):
        # The grace period outlasts HANG_GUARD, and a search runs through
        # it until the client cancels it.
        server = h.start_server(self, "--grace-seconds", str(3 * h.HANG_GUARD))
        stub = self.pb_grpc.SopuStub(server.channel())
        running = h.hold_slot(stub, h.groups_request(60))
        self.addCleanup(running.cancel)
        watch = HealthWatch(server.channel(), self.hpb, self.hgrpc)
        self.addCleanup(watch.cancel)
        watch.wait_for("SERVING")
        server.proc.send_signal(signal.SIGTERM)
        watch.wait_for("NOT_SERVING")

        def late_call():
            # A new client connection each time (on the open one a call may
            # also end CANCELLED, depending on when the client reads the
            # server's GOAWAY).
            late = self.pb_grpc.SopuStub(server.channel(new_connection=True))
            return h.code_of(lambda: late.Validate(
                self.pb.ValidateRequest(cohort=h.peer_cohort(4)),
                timeout=h.HANG_GUARD))

        # sopud turns health NOT_SERVING a moment before its service
        # refuses calls, so one right after may still be served; and while
        # gRPC stops listening, a call on a connection it had just accepted
        # ends CANCELLED. Call until one is refused UNAVAILABLE: no call
        # after the first refusal may be served, and later ones must all be
        # UNAVAILABLE.
        late = []
        while len(late) < 1000 and (not late or late[-1] != "UNAVAILABLE"):
            late.append(late_call())
        late += [late_call() for _ in range(3)]
        context = "late calls %s, log:\n%s" % (late, server.text())
        first_refused = next((i for i, c in enumerate(late) if c != "OK"),
                             len(late))
        self.assertLessEqual(set(late[first_refused:]),
                             {"CANCELLED", "UNAVAILABLE"}, context)
        self.assertEqual(late[-4:], ["UNAVAILABLE"] * 4, context)
        # All the while within the grace period: the search still runs.
        self.assertIsNone(running.code, context)
        self.assertNotIn("grace period over", server.text(), context)
        # Once it ends, sopud has nothing left to wait for and exits.
        running.cancel()
        self.assertEqual(running.wait_end(), "CANCELLED")
        server.close_channels()
        self.assertEqual(server.wait_exit(), 0, context)

    def test_calls_finishing_within_grace_answer(self):
        # A round-limited search in flight at SIGTERM answers in full and
        # sopud then exits without waiting out the grace period, which is
        # longer than HANG_GUARD. The search must still run when the signal
        # lands (the log shows "shutting down" before its call line); on a
        # machine fast enough to finish first, try again with more rounds.
        rounds = 300
        for _ in range(5):
            with h.Server("--grace-seconds", str(3 * h.HANG_GUARD)) as server:
                stub = self.pb_grpc.SopuStub(server.channel())
                request = h.groups_request(30, max_rounds=rounds)
                stream = h.StreamCall(stub, request)
                stream.wait_progress(1)
                server.proc.send_signal(signal.SIGTERM)
                code = stream.wait_end()
                server.close_channels()  # else sopud waits for the client
                rc = server.wait_exit()
                context = "%s, log:\n%s" % (code, server.text())
                self.assertEqual(code, "OK", context)
                self.assertEqual(rc, 0, context)
                signalled, _ = server.wait_line(r"signal \d+: shutting down")
                answered, line = server.wait_call_line("FormGroupsStream")
                self.assertIn(" code=OK ", line)
                self.assertNotIn("grace period over", server.text())
                if signalled < answered:
                    break
            rounds *= 4
        else:
            self.fail("every search ended before the signal")
        result = stream.messages[-1].result
        self.assertEqual(result.status, self.pb.GROUPS_STATUS_FEASIBLE)
        self.assertEqual(result.summary.stop_reason, "round limit")
        self.assertEqual(result.summary.rounds, rounds)

    def test_zz_no_canary_in_logs(self):
        h.assert_no_canary_in_logs(self)


if __name__ == "__main__":
    h.main()

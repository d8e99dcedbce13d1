#!/usr/bin/python3
"""Overload and limits. T6: 100 concurrent large requests from 10 channels
at a server with 2 solver slots and a queue of 2 — the excess is rejected
quickly with RESOURCE_EXHAUSTED + ErrorInfo SOLVER_QUEUE_FULL + RetryInfo,
health and Validate keep answering, peak RSS stays bounded, the server
recovers. T3: request size at limit-1, limit, limit+1 bytes."""
import concurrent.futures as cf
import re
import threading
import time
import unittest

import grpc

import sopud_harness as h

LIMIT = 1 << 20  # --max-message-bytes for the overload server


def sized_validate_request(pb, size):
    """A ValidateRequest whose serialized size is exactly `size` bytes."""
    request = pb.ValidateRequest(cohort=h.peer_cohort(4))
    base = request.ByteSize()
    pad = max(0, size - base - 8)
    while True:
        request.cohort.program = "p" * pad
        n = request.ByteSize()
        if n == size:
            return request
        pad += size - n


class Overload(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.pb, cls.pb_grpc, cls.hpb, cls.hgrpc = h.stubs()

    def test_t6_burst_of_large_requests(self):
        server = h.Server("--max-concurrent-solves", "2", "--max-queue", "2",
                          "--max-message-bytes", str(LIMIT))
        channels = [grpc.insecure_channel(server.address) for _ in range(10)]
        stubs = [self.pb_grpc.SopuStub(c) for c in channels]
        request = h.groups_request(40, time_limit=1.0, pad_bytes=900 * 1024)
        size = request.ByteSize()
        self.assertLess(size, LIMIT)

        # Health and Validate probes every 200 ms during the burst.
        probe_channel = grpc.insecure_channel(server.address)
        health = self.hgrpc.HealthStub(probe_channel)
        probe_stub = self.pb_grpc.SopuStub(probe_channel)
        stop = threading.Event()
        probes = {"health_ok": 0, "health_total": 0, "validate_ok": 0,
                  "validate_total": 0}

        def probe():
            small = self.pb.ValidateRequest(cohort=h.peer_cohort(5))
            while not stop.is_set():
                probes["health_total"] += 1
                try:
                    r = health.Check(self.hpb.HealthCheckRequest(service=""),
                                     timeout=1)
                    probes["health_ok"] += r.status == self.hpb.HealthCheckResponse.SERVING
                except grpc.RpcError:
                    pass
                probes["validate_total"] += 1
                try:
                    probe_stub.Validate(small, timeout=1)
                    probes["validate_ok"] += 1
                except grpc.RpcError:
                    pass
                stop.wait(0.2)

        prober = threading.Thread(target=probe)
        prober.start()

        def one(i):
            start = time.monotonic()
            try:
                stubs[i % 10].FormGroups(request, timeout=30)
                return ("OK", time.monotonic() - start, None)
            except grpc.RpcError as e:
                _, details = h.error_details(e)
                reason = details["ErrorInfo"].reason if "ErrorInfo" in details else None
                retry = "RetryInfo" in details
                return (e.code().name, time.monotonic() - start, (reason, retry,
                                                                   e.details()))

        with cf.ThreadPoolExecutor(max_workers=100) as pool:
            results = list(pool.map(one, range(100)))
        stop.set()
        prober.join()
        ok = [r for r in results if r[0] == "OK"]
        ours = [r for r in results if r[0] == "RESOURCE_EXHAUSTED"
                and r[2][0] == "SOLVER_QUEUE_FULL" and r[2][1]]
        other = [r for r in results if r not in ok and r not in ours]
        reject_ms = [1000 * r[1] for r in ours]
        hwm_mb = int(server.proc_status()["VmHWM"].split()[0]) / 1024.0
        sanitized = server.sanitized()

        # Recovery: the first call after the burst.
        start = time.monotonic()
        stubs[0].FormGroups(h.groups_request(12, time_limit=0.1), timeout=10)
        recovery = time.monotonic() - start

        print("\nT6: 100 x %d-byte FormGroups (limit %d), 10 channels, 2 slots "
              "+ 2 queue: %d OK, %d RESOURCE_EXHAUSTED (SOLVER_QUEUE_FULL + "
              "RetryInfo), %d other %s; rejection p50 %.1f ms, p99 %.1f ms; "
              "peak RSS (VmHWM) %.1f MB; health %d/%d SERVING, Validate %d/%d "
              "OK during the burst; first call after it took %.0f ms" %
              (size, LIMIT, len(ok), len(ours), len(other),
               sorted({(r[0], r[2][2] if r[2] else "") for r in other}),
               h.percentile(reject_ms, 50), h.percentile(reject_ms, 99), hwm_mb,
               probes["health_ok"], probes["health_total"],
               probes["validate_ok"], probes["validate_total"],
               1000 * recovery))
        server_reject_ms = [float(re.search(r" ms=([0-9.]+)", l).group(1))
                            for l in server.call_lines()
                            if "code=RESOURCE_EXHAUSTED" in l]
        print("T6: server-side time to reject (from the call log): p50 %.2f ms, "
              "p99 %.2f ms over %d rejections" %
              (h.percentile(server_reject_ms, 50),
               h.percentile(server_reject_ms, 99), len(server_reject_ms)))
        for c in channels + [probe_channel]:
            c.close()
        self.assertEqual(server.stop(), 0)

        self.assertGreaterEqual(len(ok), 2)
        self.assertEqual(len(ok) + len(ours) + len(other), 100)
        # Every rejection is RESOURCE_EXHAUSTED (ours carry the details; the
        # gRPC thread-pool guard may answer a few without them).
        self.assertTrue(all(r[0] == "RESOURCE_EXHAUSTED" for r in other), other)
        # Under ASan the slower handlers leave more to gRPC's pool guard.
        self.assertGreater(len(ours), 20 if sanitized else 50)
        # Target p99 <= 50 ms at the server (asserted generously: the machine
        # is shared); the client-side figure also holds the Python client's
        # own serialization of 100 x 0.9 MB.
        self.assertLess(h.percentile(server_reject_ms, 99), 250)
        self.assertLess(h.percentile(reject_ms, 99), 2000)
        self.assertEqual(probes["health_ok"], probes["health_total"])
        self.assertGreaterEqual(probes["validate_ok"], probes["validate_total"] - 1)
        if not sanitized:
            # Ceiling: ~25 MB baseline + decode buffers of the in-flight
            # requests (the 1 MiB limit x the ~20 calls in gRPC's threads)
            # + 4 solves' working sets (a few MB each), rounded up.
            self.assertLess(hwm_mb, 150)
        self.assertLess(recovery, 1.0)

    def test_t3_message_size_limit(self):
        limit = 65536
        server = h.Server("--max-message-bytes", str(limit))
        channel = grpc.insecure_channel(server.address)
        stub = self.pb_grpc.SopuStub(channel)
        outcomes = []
        for size in (limit - 1, limit, limit + 1):
            request = sized_validate_request(self.pb, size)
            self.assertEqual(request.ByteSize(), size)
            try:
                stub.Validate(request, timeout=5)
                outcomes.append("OK")
            except grpc.RpcError as e:
                outcomes.append(e.code().name)
        print("\nT3: Validate at limit-1, limit, limit+1 bytes: %s" % outcomes)
        self.assertEqual(outcomes, ["OK", "OK", "RESOURCE_EXHAUSTED"])
        channel.close()
        self.assertEqual(server.stop(), 0)

    def test_zz_no_canary_in_logs(self):
        h.assert_no_canary_in_logs(self)


if __name__ == "__main__":
    h.main()

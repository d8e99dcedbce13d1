"""Shared helpers for the sopud integration tests (run by CTest).

Starts sopud on a free loopback port (port 0; the port is read back from the
server's "listening on" log line), gives typed stubs, decodes the rich error
details, builds synthetic cohorts, and reads /proc figures. Every call has a
deadline; every wait is bounded. Run with /usr/bin/python3 (Debian's grpcio).
"""
import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import unittest

ARGS = None  # set by main(): .sopud, .stubs

# CANARY appears as a participant's name and organisation in the requests;
# it must never appear in any server log (plan §2.3).
CANARY = "Zqxjv Canarysson"
CANARY_ORG = "Canaryssonin Kulttuuriosuuskunta"


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--sopud", required=True)
    parser.add_argument("--stubs", required=True)
    ARGS, rest = parser.parse_known_args()
    sys.path.insert(0, ARGS.stubs)
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


def stubs():
    """(sopu_pb2, sopu_pb2_grpc, health_pb2, health_pb2_grpc)."""
    from sopu.v1 import sopu_pb2, sopu_pb2_grpc  # noqa: E402
    import health_pb2
    import health_pb2_grpc
    return sopu_pb2, sopu_pb2_grpc, health_pb2, health_pb2_grpc


class Server:
    """A sopud process; logs go to a file kept for the canary check."""

    LOG_DIR = None  # one folder per test process, under the build tree

    @staticmethod
    def log_dir():
        if Server.LOG_DIR is None:
            root = os.path.join(os.path.dirname(os.path.abspath(ARGS.stubs)),
                                "logs")
            os.makedirs(root, exist_ok=True)
            Server.LOG_DIR = tempfile.mkdtemp(
                prefix=os.path.basename(sys.argv[0]) + "-", dir=root)
        return Server.LOG_DIR

    def __init__(self, *flags, listen="127.0.0.1:0", expect_start=True):
        self.log_path = os.path.join(
            Server.log_dir(), "sopud-%d.log" % time.monotonic_ns())
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(
            [ARGS.sopud, "--listen", listen] + list(flags),
            stdout=self.log, stderr=subprocess.STDOUT)
        self.port = None
        if expect_start:
            self._wait_port()

    def _wait_port(self):
        end = time.monotonic() + 10
        while time.monotonic() < end:
            m = re.search(r"listening on [^ ]*:(\d+) ", self.text())
            if m:
                self.port = int(m.group(1))
                return
            if self.proc.poll() is not None:
                raise RuntimeError("sopud exited: " + self.text())
            time.sleep(0.02)
        raise RuntimeError("sopud did not start: " + self.text())

    @property
    def address(self):
        return "127.0.0.1:%d" % self.port

    def text(self):
        with open(self.log_path) as f:
            return f.read()

    def call_lines(self):
        return [l for l in self.text().splitlines() if " call=" in l]

    def stop(self, sig=signal.SIGTERM, timeout=30):
        """Sends `sig` and returns the exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            rc = self.proc.wait(timeout=timeout)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            self.log.close()
        return rc

    def proc_status(self):
        """{field: value} of /proc/PID/status (VmRSS, VmHWM in kB, Threads)."""
        out = {}
        with open("/proc/%d/status" % self.proc.pid) as f:
            for line in f:
                k, _, v = line.partition(":")
                out[k] = v.strip()
        return out

    def sanitized(self):
        """Whether this sopud runs under AddressSanitizer (whose quarantine
        holds freed memory, so RSS figures mean little)."""
        with open("/proc/%d/maps" % self.proc.pid) as f:
            return any("asan" in line for line in f)

    def cpu_seconds(self):
        """utime + stime of the process, seconds."""
        with open("/proc/%d/stat" % self.proc.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def assert_no_canary_in_logs(test):
    hits = []
    for name in os.listdir(Server.log_dir()):
        with open(os.path.join(Server.log_dir(), name), errors="replace") as f:
            text = f.read()
        for word in (CANARY, "Canarysson", CANARY_ORG):
            if word in text:
                hits.append((name, word))
    test.assertEqual(hits, [], "canary found in server logs")


def error_details(rpc_error):
    """Decodes grpc-status-details-bin: (google.rpc.Status, {type: msg})."""
    from google.rpc import error_details_pb2, status_pb2
    raw = None
    for key, value in rpc_error.trailing_metadata() or ():
        if key == "grpc-status-details-bin":
            raw = value
    if raw is None:
        return None, {}
    status = status_pb2.Status.FromString(raw)
    kinds = {
        "type.googleapis.com/google.rpc.ErrorInfo": error_details_pb2.ErrorInfo,
        "type.googleapis.com/google.rpc.BadRequest": error_details_pb2.BadRequest,
        "type.googleapis.com/google.rpc.RetryInfo": error_details_pb2.RetryInfo,
    }
    details = {}
    for any_msg in status.details:
        cls = kinds.get(any_msg.type_url)
        assert cls is not None, "unexpected detail " + any_msg.type_url
        assert any_msg.type_url not in details, "duplicate " + any_msg.type_url
        details[any_msg.type_url.rsplit(".", 1)[1]] = cls.FromString(any_msg.value)
    return status, details


def peer_cohort(n, pad_bytes=0, canary=True):
    """A sopu.v1.Cohort of n peers (ids p000..), 5 themes, two towns, a
    language tag, organisations; participant 0 carries the canary name and
    organisation. pad_bytes of display names make the message larger."""
    from sopu.v1 import cohort_pb2
    cohort = cohort_pb2.Cohort(program="test")
    themes = ["competence", "environment", "self", "others", "operations"]
    for t in themes:
        cohort.taxonomy.themes.add(id=t)
    pad = "x" * (pad_bytes // max(n, 1))
    for i in range(n):
        p = cohort.participants.add(id="p%03d" % i, roles=[cohort_pb2.ROLE_PEER])
        p.display_name = (CANARY if (canary and i == 0) else "Henkilö %d" % i) + pad
        for k, t in enumerate(themes):
            p.competences[t] = float((i * 7 + k * 3) % 6)
            p.goals[t] = float((i * 5 + k * 2) % 6)
        p.attributes["organisation"] = CANARY_ORG if (canary and i == 0) else "org%d" % (i % 9)
        p.attributes["sector"] = ["music", "theatre", "visual", "dance"][i % 4]
        p.tags["languages"].values.append("fi")
        p.location.municipality = ["Seinäjoki", "Tampere"][i % 2]
    return cohort


def mentoring_cohort(mentors, mentees):
    """A sopu.v1.Cohort with mentors m00.. (capacity 2) and mentees a00..;
    mentee a00 carries the canary name."""
    from sopu.v1 import cohort_pb2
    cohort = cohort_pb2.Cohort(program="test")
    themes = ["competence", "environment", "self", "others", "operations"]
    for t in themes:
        cohort.taxonomy.themes.add(id=t)
    for i in range(mentors):
        p = cohort.participants.add(id="m%02d" % i, roles=[cohort_pb2.ROLE_MENTOR],
                                    capacity=2, display_name="Mentori %d" % i)
        for k, t in enumerate(themes):
            p.competences[t] = float((i + k) % 6)
        p.tags["languages"].values.append("fi")
    for i in range(mentees):
        p = cohort.participants.add(id="a%02d" % i, roles=[cohort_pb2.ROLE_MENTEE],
                                    display_name=CANARY if i == 0 else "Aktori %d" % i)
        for k, t in enumerate(themes):
            p.goals[t] = float((2 * i + k) % 6)
        p.tags["languages"].values.append("fi")
    return cohort


def groups_request(n=40, time_limit=None, pad_bytes=0):
    sopu_pb2 = stubs()[0]
    from sopu.v1 import cohort_pb2
    request = sopu_pb2.GroupsRequest(cohort=peer_cohort(n, pad_bytes),
                                     member_role=cohort_pb2.ROLE_PEER,
                                     min_size=4, max_size=6, seed=7)
    if time_limit is not None:
        request.time_limit_seconds = time_limit
    return request


def percentile(values, q):
    values = sorted(values)
    if not values:
        return float("nan")
    k = min(len(values) - 1, max(0, int(round(q / 100.0 * (len(values) - 1)))))
    return values[k]

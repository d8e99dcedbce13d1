"""Shared helpers for the sopud integration tests (run by CTest).

Starts sopud on a free loopback port (port 0; the port is read back from the
server's "listening on" log line), gives typed stubs, decodes the rich error
details, builds synthetic cohorts, and reads /proc figures. Run with
/usr/bin/python3 (Debian's grpcio).

No test here measures time. Tests synchronise on what sopud shows: a line
of its log (read as it is written), a message on a stream, a health status,
a call's outcome. Every wait is bounded by HANG_GUARD only so that a hang
fails with a message instead of at CTest's TIMEOUT; latency figures live in
benchmarks/sopud_reliability.py (docs/load.md).

No server outlives its test: tests register Server.close with addCleanup
(or use the server as a context manager), and sopud gets SIGKILL if the test
process dies first (PR_SET_PDEATHSIG). Helper threads are daemons.
"""
import argparse
import ctypes
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest

ARGS = None  # set by main(): .sopud, .stubs, .sopu (may be None)

# HANG_GUARD: seconds any wait may last before the test fails (a hang guard,
# far above what any wait takes, also under sanitizers; not a measurement).
HANG_GUARD = 120.0

# CANARY appears as a participant's name and organisation in the requests;
# it must never appear in any server log (plan §2.3).
CANARY = "Zqxjv Canarysson"
CANARY_ORG = "Canaryssonin Kulttuuriosuuskunta"

# A search time limit (the largest sopud accepts) that no test waits for: a
# call with it ends only when it is cancelled or its deadline passes, so a
# search that ignored either would hang the test (HANG_GUARD, TIMEOUT).
FOREVER = 3600.0


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--sopud", required=True)
    parser.add_argument("--stubs", required=True)
    parser.add_argument("--sopu", help="the sopu command-line client")
    ARGS, rest = parser.parse_known_args()
    sys.path.insert(0, ARGS.stubs)
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


def configure(sopud, stubs, sopu=None):
    """For programs other than the tests (benchmarks/sopud_reliability.py)."""
    global ARGS
    ARGS = argparse.Namespace(sopud=sopud, stubs=stubs, sopu=sopu)
    sys.path.insert(0, stubs)


def stubs():
    """(sopu_pb2, sopu_pb2_grpc, health_pb2, health_pb2_grpc)."""
    from sopu.v1 import sopu_pb2, sopu_pb2_grpc  # noqa: E402
    import health_pb2
    import health_pb2_grpc
    return sopu_pb2, sopu_pb2_grpc, health_pb2, health_pb2_grpc


def _die_with_parent():
    """In the child before exec: SIGKILL when the parent goes away."""
    libc = ctypes.CDLL(None, use_errno=True)
    PR_SET_PDEATHSIG = 1
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def wait_until(predicate, what, timeout=HANG_GUARD, poll=0.01):
    """Polls `predicate` (state read from /proc, say) until it is true;
    raises AssertionError naming `what` after `timeout` seconds."""
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise AssertionError("still waiting for " + what)
        time.sleep(poll)


class Server:
    """A sopud process. Its log (stdout and stderr) is read line by line as
    it is written, kept in memory for waits and in a file for the canary
    check. Use as a context manager, or register close() with addCleanup."""

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
        self._log = open(self.log_path, "w")
        self._lines = []
        self._eof = False
        self._changed = threading.Condition()
        self._channels = []
        self._mark_stub = None
        # Started from the test's main thread: PDEATHSIG follows the thread
        # that forks, and that one lives as long as the test process.
        self.proc = subprocess.Popen(
            [ARGS.sopud, "--listen", listen] + list(flags),
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.port = None
        if expect_start:
            try:
                _, m = self.wait_line(r"listening on [^ ]*:(\d+) ")
            except BaseException:
                self.close()
                raise
            self.port = int(m.group(1))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _read(self):
        for raw in self.proc.stdout:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            self._log.write(line + "\n")
            self._log.flush()
            with self._changed:
                self._lines.append(line)
                self._changed.notify_all()
        with self._changed:
            self._eof = True
            self._changed.notify_all()

    @property
    def address(self):
        return "127.0.0.1:%d" % self.port

    def channel(self, credentials=None, new_connection=False):
        """A grpc channel to this server, closed by stop() and close()
        (sopud's graceful stop waits seconds for open client connections).
        Channels share connections unless `new_connection`."""
        import grpc
        options = [("grpc.use_local_subchannel_pool", 1)] if new_connection else []
        ch = (grpc.secure_channel(self.address, credentials, options)
              if credentials else grpc.insecure_channel(self.address, options))
        self._channels.append(ch)
        return ch

    def close_channels(self):
        for ch in self._channels:
            ch.close()
        self._channels = []
        self._mark_stub = None

    def lines(self):
        with self._changed:
            return list(self._lines)

    def text(self):
        return "\n".join(self.lines())

    def call_lines(self):
        return [l for l in self.lines() if " call=" in l]

    def wait_line(self, pattern, start=0):
        """Waits for the first log line at index >= start matching the
        regex; returns (index, match). Fails if sopud exits first."""
        regex = re.compile(pattern)
        end = time.monotonic() + HANG_GUARD
        with self._changed:
            i = start
            while True:
                while i < len(self._lines):
                    m = regex.search(self._lines[i])
                    if m:
                        return i, m
                    i += 1
                if self._eof:
                    raise AssertionError("sopud ended without a line like %r:"
                                         "\n%s" % (pattern, "\n".join(self._lines)))
                left = end - time.monotonic()
                if left <= 0:
                    raise AssertionError("no log line like %r:\n%s" %
                                         (pattern, "\n".join(self._lines)))
                self._changed.wait(left)

    def wait_call_line(self, method, start=0, refused=False):
        """The log line of the first call of `method` ending at index >=
        start: (index, line). Unless `refused`, calls refused with
        RESOURCE_EXHAUSTED are passed over (start_solving and fill_queue
        make some)."""
        code = r"\w+" if refused else r"(?!RESOURCE_EXHAUSTED)\w+"
        i, m = self.wait_line(r" call=\d+ method=%s participants=\d+ code=%s "
                              % (method, code), start)
        return i, m.string

    def mark(self):
        """The index the log will have reached once every call answered so
        far has its line (lines are written before the answer, but read
        from the pipe a little later): a cheap Validate call is made and its
        line awaited; the log is in order. Pass it as `start` to
        wait_line or wait_call_line to skip earlier calls."""
        pb, pb_grpc, _, _ = stubs()
        if self._mark_stub is None:
            self._mark_stub = pb_grpc.SopuStub(self.channel())
        count = len(self.lines())
        code_of(lambda: self._mark_stub.Validate(pb.ValidateRequest(),
                                                 timeout=HANG_GUARD))
        # (Its empty cohort, participants=0, tells it from other calls.)
        i, _ = self.wait_line(r" call=\d+ method=Validate participants=0 ",
                              count)
        return i + 1

    def wait_exit(self):
        """Waits for the process to end (HANG_GUARD); returns its code."""
        try:
            rc = self.proc.wait(timeout=HANG_GUARD)
        except subprocess.TimeoutExpired:
            raise AssertionError("sopud did not exit:\n" + self.text())
        self._reader.join(timeout=HANG_GUARD)
        return rc

    def stop(self, sig=signal.SIGTERM):
        """Closes this server's channels, sends `sig` and returns the exit
        code."""
        try:
            self.close_channels()
            if self.proc.poll() is None:
                self.proc.send_signal(sig)
            return self.wait_exit()
        finally:
            self.close()

    def close(self):
        """Kills sopud if it still runs; idempotent (for addCleanup)."""
        self.close_channels()
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self._reader.join(timeout=HANG_GUARD)
        self.proc.stdout.close()
        self._log.close()

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


def start_server(test, *flags, **kwargs):
    """A Server closed when `test` (a TestCase, or its class from
    setUpClass) is done, whatever happens."""
    server = Server(*flags, **kwargs)
    if isinstance(test, type):
        test.addClassCleanup(server.close)
    else:
        test.addCleanup(server.close)
    return server


def code_of(call):
    """Runs call(); the status code's name ("OK" when it returns)."""
    import grpc
    try:
        call()
        return "OK"
    except grpc.RpcError as e:
        return e.code().name


class StreamCall:
    """A FormGroupsStream call whose messages a daemon thread collects;
    waits are on the messages themselves."""

    def __init__(self, stub, request, timeout=None):
        self.call = stub.FormGroupsStream(request, timeout=timeout)
        self.messages = []
        self.code = None  # status code name once the stream ended
        self.error = None  # the grpc.RpcError, if any
        self._changed = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        import grpc
        code, error = "OK", None
        try:
            for m in self.call:
                with self._changed:
                    self.messages.append(m)
                    self._changed.notify_all()
        except grpc.RpcError as e:
            code, error = e.code().name, e
        with self._changed:
            self.code, self.error = code, error
            self._changed.notify_all()

    def progress(self):
        with self._changed:
            return [m.progress for m in self.messages if m.HasField("progress")]

    def wait_progress(self, count=1, improved=0):
        """Waits for `count` progress messages, `improved` of them with an
        improving solution; returns the progress messages. Fails if the
        stream ends first."""
        def enough():
            p = [m.progress for m in self.messages if m.HasField("progress")]
            return (len(p) >= count and
                    sum(x.HasField("improved") for x in p) >= improved)
        with self._changed:
            if not self._changed.wait_for(
                    lambda: enough() or self.code is not None, HANG_GUARD):
                raise AssertionError("no progress on the stream")
            if not enough():
                raise AssertionError("the stream ended (%s) before %d progress "
                                     "messages" % (self.code, count))
        return self.progress()

    def cancel(self):
        self.call.cancel()

    def wait_end(self):
        """Waits for the end of the stream; returns the status code name."""
        with self._changed:
            if not self._changed.wait_for(lambda: self.code is not None,
                                          HANG_GUARD):
                raise AssertionError("the stream did not end")
            return self.code


def hold_slot(stub, request):
    """A FormGroupsStream of `request` (its time limit FOREVER, no round
    limit) that holds a solver slot: returned once its first progress
    message arrived, which the server sends only while the search runs.
    Cancel it to free the slot."""
    held = type(request)()
    held.CopyFrom(request)
    held.time_limit_seconds = FOREVER
    held.ClearField("max_rounds")
    call = StreamCall(stub, held)
    call.wait_progress(1)
    return call


class Call:
    """A unary call sent with rpc.future(); a callback records its outcome
    (grpc futures cannot be waited on together)."""

    def __init__(self, rpc, request, timeout=None):
        self.code = None  # status code name once it ended
        self.response = None
        self.error = None
        self.ended = threading.Event()
        self.future = rpc.future(request, timeout=timeout)
        self.future.add_done_callback(self._finish)

    def _finish(self, f):
        import grpc
        try:
            self.response = f.result()
            self.code = "OK"
        except grpc.RpcError as e:
            self.error, self.code = e, e.code().name
        except grpc.FutureCancelledError:
            self.code = "CANCELLED"
        self.ended.set()

    def cancel(self):
        self.future.cancel()

    def reason(self):
        """ErrorInfo.reason of the error, if any."""
        if self.error is None:
            return None
        _, details = error_details(self.error)
        return details["ErrorInfo"].reason if "ErrorInfo" in details else None

    def wait(self):
        """Waits for the outcome; returns the status code name."""
        if not self.ended.wait(HANG_GUARD):
            raise AssertionError("the call did not end")
        return self.code


def fill_queue(rpc, request, pace=0.05):
    """Sends `request` by `rpc` (a unary method of a stub, e.g.
    stub.FormGroups) one call after another until one is refused with
    RESOURCE_EXHAUSTED / SOLVER_QUEUE_FULL: then sopud's queue is full.
    Call it while every solver slot is held (hold_slot). Returns the other
    calls: as many of them as the queue holds are queued, and any other
    will be refused the same way when it arrives (the slots stay held).
    `pace` only spaces the calls (how long to look for a refusal before the
    next one); no outcome depends on it."""
    calls = []
    for _ in range(1000):
        call = Call(rpc, request)
        if call.ended.wait(pace):
            if call.code == "RESOURCE_EXHAUSTED" and \
                    call.reason() == "SOLVER_QUEUE_FULL":
                return calls
            raise AssertionError("a call meant to wait in the queue ended: "
                                 "%s %s" % (call.code, call.error))
        calls.append(call)
    raise AssertionError("the queue never filled")


def start_solving(stub, request, probe):
    """Sends FormGroups(request) (a search that runs until cancelled) to a
    sopud with one solver slot and no queue, and returns the Call once its
    search runs: when probe() (another admitted call, e.g. a tiny Match) is
    refused SOLVER_QUEUE_FULL while the call is still pending, the call
    holds the slot. A probe that got the slot first just ran (the call had
    not arrived: probe again) or made the call be refused (send it again)."""
    import grpc
    for _ in range(1000):
        call = Call(stub.FormGroups, request)
        while not call.ended.is_set():
            try:
                probe()
            except grpc.RpcError as e:
                _, details = error_details(e)
                info = details.get("ErrorInfo")
                if (e.code() != grpc.StatusCode.RESOURCE_EXHAUSTED or
                        info is None or info.reason != "SOLVER_QUEUE_FULL"):
                    raise
                if not call.ended.is_set():
                    return call
        if call.code != "RESOURCE_EXHAUSTED":
            raise AssertionError("the search ended: %s %s" %
                                 (call.code, call.error))
    raise AssertionError("the call never got the solver slot")


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


def groups_request(n=40, time_limit=None, pad_bytes=0, max_rounds=None):
    """A GroupsRequest over peer_cohort(n), groups of 4-6, seed 7. Give
    max_rounds (with time_limit FOREVER) where the result is checked, so
    that it does not depend on the machine's speed."""
    sopu_pb2 = stubs()[0]
    from sopu.v1 import cohort_pb2
    request = sopu_pb2.GroupsRequest(cohort=peer_cohort(n, pad_bytes),
                                     member_role=cohort_pb2.ROLE_PEER,
                                     min_size=4, max_size=6, seed=7)
    if max_rounds is not None:
        request.max_rounds = max_rounds
        if time_limit is None:
            time_limit = FOREVER
    if time_limit is not None:
        request.time_limit_seconds = time_limit
    return request


def openssl(*args, cwd):
    subprocess.run(["openssl"] + list(args), cwd=cwd, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def make_pki(d):
    """Two CAs; a server certificate (SAN localhost, 127.0.0.1) and a client
    certificate from `ca`, and a client certificate from `other`; each
    NAME.pem with NAME.key in folder d, valid 1 day."""
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    for ca in ("ca", "other"):
        openssl("req", "-x509", *ec, "-keyout", ca + ".key", "-out", ca + ".pem",
                "-days", "1", "-subj", "/CN=sopu test " + ca, cwd=d)
    with open(os.path.join(d, "san.ext"), "w") as f:
        f.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    for name, ca, ext in (("server", "ca", ["-extfile", "san.ext"]),
                          ("client", "ca", []), ("stranger", "other", [])):
        openssl("req", *ec, "-keyout", name + ".key", "-out", name + ".csr",
                "-subj", "/CN=" + name, cwd=d)
        openssl("x509", "-req", "-in", name + ".csr", "-CA", ca + ".pem",
                "-CAkey", ca + ".key", "-CAcreateserial", "-out", name + ".pem",
                "-days", "1", *ext, cwd=d)

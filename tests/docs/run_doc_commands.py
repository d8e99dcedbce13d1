#!/usr/bin/python3
"""run_doc_commands.py — run every shell block of README.md and docs/*.md.

Usage (CTest runs it as `doc_commands_test`):

  /usr/bin/python3 tests/docs/run_doc_commands.py --repo REPO --build BUILD
      [--list] [FILE ...]

What counts as a block
  Every fenced block opened with ```sh. Its lines are joined at a trailing
  backslash; each resulting line that is not empty and not a comment is one
  command, run with bash. Other fences (```text, ```python, ```json, plain
  ```) are not commands.

Markers (HTML comments, invisible on GitHub), on the lines right before a
fence (blank lines between are allowed, prose is not):
  <!-- doc-test: skip — REASON -->   do not run the block; REASON is required
                                     and printed in the summary.
  <!-- doc-test: exit N -->          the block's last command must exit N
                                     (every other command must exit 0).
  <!-- doc-test: server -->          start sopud for this block (see below).
  <!-- doc-test: file NAME -->       before a non-sh block (e.g. ```python):
                                     write its text to NAME in the work folder.
  A ```sh block without a marker must run, and every command in it must exit 0.

Expected output: ONE convention. A ```text block that follows a ```sh block
(only blank lines between them) is the output of the whole block: standard
output and standard error of its commands, in order, compared line by line
after the normalisations below. A line `...` alone in the text block stands
for any number of lines (zero or more). Comments inside a ```sh block are
never compared.

Normalisations, applied to the expected and the actual text alike:
  1. the work folder is written <work>, the repository <repo>;
  2. durations — a number followed by s, ms or µs (`0.12 s`, `35ms`) — and the
     values of JSON keys that hold times ("seconds...", "time_to_best") become
     <time>;
  3. hexadecimal runs of 16 or more digits become <hash>;
  4. trailing spaces are removed.

Where commands run
  Each doc file gets one fresh temporary work folder; its blocks run there in
  order, so a later block sees the files an earlier one wrote (`sopu gen -o
  cohort.csv`, then `sopu bench`). The work folder holds a copy of examples/
  (so a command may write into it), symbolic links to the other top-level
  entries of the repository, and `build` linked to BUILD. BUILD/bin comes
  first on PATH, so `sopu ...` and `build/bin/sopu ...` both run the build
  under test. Nothing is written into the repository; the folder is removed
  afterwards. Nothing needs the network or ../shared.

Server blocks
  A block with the `server` marker, or with a line `[build/bin/]sopud ... &`,
  runs with a fresh sopud listening on a free loopback port (port 0, read back
  from its "listening on" log line); the `sopud ... &` line itself is not run,
  but its other flags are passed on. In the block's commands and in the files
  written with `file`, 127.0.0.1:50051 and localhost:50051 become the real
  address, and SOPU_SERVER is set to it (sopu and scripts/sopud-client.py read
  it). The server is stopped (SIGTERM, then SIGKILL) when the block ends, and
  gets SIGKILL if this runner dies.

Exit status: 0 when every block that runs passes; 1 otherwise. The summary
lists blocks run, outputs compared and skipped blocks with their reasons.
"""
import argparse
import ctypes
import difflib
import glob
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

COMMAND_TIMEOUT = 600  # seconds; a hang guard, not a measurement
MARKER = re.compile(r"^<!--\s*doc-test:\s*(.*?)\s*-->\s*$")
FENCE = re.compile(r"^```(\S*)\s*$")
DEFAULT_ADDRESSES = ("127.0.0.1:50051", "localhost:50051")
SOPUD_LINE = re.compile(r"^(?:build/bin/)?sopud\b(.*)&\s*$")


class Block:
    def __init__(self, path, line, lang, text, markers):
        self.path, self.line, self.lang = path, line, lang
        self.text, self.markers = text, markers
        self.expected = None  # text of the following ```text block

    def where(self):
        return "%s:%d" % (self.path, self.line)


def parse_markdown(path, rel):
    """The fenced blocks of one file, with their markers."""
    lines = open(path, encoding="utf-8").read().split("\n")
    blocks, pending, i = [], [], 0
    while i < len(lines):
        line = lines[i]
        m = MARKER.match(line)
        if m:
            pending.append(m.group(1))
            i += 1
            continue
        f = FENCE.match(line)
        if f:
            start = i + 1
            j = start
            while j < len(lines) and lines[j].strip() != "```":
                j += 1
            if j == len(lines):
                raise SystemExit("%s:%d: fence never closed" % (rel, i + 1))
            blocks.append(Block(rel, i + 1, f.group(1),
                                "\n".join(lines[start:j]), pending))
            pending = []
            i = j + 1
            continue
        if line.strip():
            if pending:
                raise SystemExit("%s:%d: doc-test marker not followed by a "
                                 "fenced block" % (rel, i))
        i += 1
    # Attach each ```text block to the ```sh block right before it (only
    # blank lines between): found again by line numbers.
    for prev, cur in zip(blocks, blocks[1:]):
        if prev.lang == "sh" and cur.lang == "text" and not cur.markers:
            between = lines[prev.line + prev.text.count("\n") + 2:cur.line - 1]
            if all(not s.strip() for s in between):
                prev.expected = cur.text
    return blocks


def commands_of(text):
    out, current = [], ""
    for line in text.split("\n"):
        if line.rstrip().endswith("\\"):
            current += line.rstrip()[:-1] + " "
            continue
        current += line
        if current.strip() and not current.strip().startswith("#"):
            out.append(current.strip())
        current = ""
    return out


def parse_markers(block):
    opts = {"skip": None, "exit": 0, "server": False, "file": None}
    for m in block.markers:
        word, _, rest = m.partition(" ")
        rest = rest.strip()
        if word == "skip":
            reason = re.sub(r"^[—:-]+\s*", "", rest)
            if not reason:
                raise SystemExit("%s: skip marker without a reason"
                                 % block.where())
            opts["skip"] = reason
        elif word == "exit" and rest.isdigit():
            opts["exit"] = int(rest)
        elif word == "server" and not rest:
            opts["server"] = True
        elif word == "file" and rest:
            opts["file"] = rest
        else:
            raise SystemExit("%s: unknown doc-test marker %r"
                             % (block.where(), m))
    return opts


def normalise(text, work, repo):
    text = text.replace(work, "<work>").replace(repo, "<repo>")
    text = re.sub(r'("(?:[a-z_]*seconds[a-z_]*|time_to_best)": )'
                  r'-?[0-9][0-9.e+-]*', r"\1<time>", text)
    text = re.sub(r"\b\d+(?:\.\d+)? ?(?:ms|µs|s)\b", "<time>", text)
    text = re.sub(r"\b[0-9a-f]{16,}\b", "<hash>", text)
    return [line.rstrip() for line in text.rstrip("\n").split("\n")]


def matches(expected, actual):
    """Line by line; an expected line '...' takes any number of lines."""
    pattern = "".join("(?:[^\n]*\n)*?" if line.strip() == "..."
                      else re.escape(line) + "\n" for line in expected)
    return re.fullmatch(pattern, "\n".join(actual) + "\n") is not None


def die_with_parent():
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


class Server:
    """sopud on a free loopback port, for one block."""

    def __init__(self, sopud, flags, work):
        flags = re.sub(r"--listen[ =]\S+", "", flags).split()
        self.log = open(os.path.join(work, ".sopud.log"), "w+")
        self.proc = subprocess.Popen(
            [sopud, "--listen", "127.0.0.1:0"] + flags, cwd=work,
            stdout=self.log, stderr=subprocess.STDOUT,
            preexec_fn=die_with_parent)
        deadline = time.monotonic() + 120
        self.address = None
        while time.monotonic() < deadline and self.proc.poll() is None:
            self.log.seek(0)
            m = re.search(r"listening on [^ ]*:(\d+) ", self.log.read())
            if m:
                self.address = "127.0.0.1:" + m.group(1)
                return
            time.sleep(0.05)
        self.stop()
        self.log.seek(0)
        raise RuntimeError("sopud did not start:\n" + self.log.read())

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def make_work(repo, build):
    work = tempfile.mkdtemp(prefix="sopu-docs-")
    for name in os.listdir(repo):
        if name in ("build", "examples") or name.startswith("."):
            continue
        os.symlink(os.path.join(repo, name), os.path.join(work, name))
    shutil.copytree(os.path.join(repo, "examples"),
                    os.path.join(work, "examples"))
    os.symlink(build, os.path.join(work, "build"))
    return os.path.realpath(work)


def run_block(block, opts, work, repo, build, files):
    """Returns a list of failure messages (empty: the block passed)."""
    env = dict(os.environ)
    env["PATH"] = os.path.join(build, "bin") + os.pathsep + env["PATH"]
    env.pop("SOPU_SERVER", None)
    commands = commands_of(block.text)
    server, server_flags = None, None
    for c in list(commands):
        m = SOPUD_LINE.match(c)
        if m:
            server_flags = m.group(1)
            commands.remove(c)
    failures = []
    try:
        address = None
        if opts["server"] or server_flags is not None:
            server = Server(os.path.join(build, "bin", "sopud"),
                            server_flags or "", work)
            address = server.address
            env["SOPU_SERVER"] = address

        def rewrite(text):
            if address:
                for a in DEFAULT_ADDRESSES:
                    text = text.replace(a, address)
            return text

        for name, text in files.items():
            with open(os.path.join(work, name), "w", encoding="utf-8") as f:
                f.write(rewrite(text) + "\n")
        output = ""
        for k, command in enumerate(commands):
            want = opts["exit"] if k == len(commands) - 1 else 0
            try:
                r = subprocess.run(["bash", "-c", "{ " + rewrite(command) + "\n} 2>&1"],
                                   cwd=work, env=env, stdout=subprocess.PIPE,
                                   stdin=subprocess.DEVNULL,
                                   timeout=COMMAND_TIMEOUT)
                code, text = r.returncode, r.stdout.decode("utf-8", "replace")
            except subprocess.TimeoutExpired:
                code, text = "timeout", ""
            output += text
            if code != want:
                failures.append("`%s` exited %s, expected %d; output:\n%s"
                                % (command, code, want, text[-3000:]))
                break
        if not failures and block.expected is not None:
            expected = normalise(block.expected, work, repo)
            actual = normalise(output, work, repo)
            if not matches(expected, actual):
                diff = "\n".join(difflib.unified_diff(
                    expected, actual, "documented", "actual", lineterm=""))
                failures.append("output differs from the ```text block:\n"
                                + diff)
    finally:
        if server:
            server.stop()
    return failures


def main():
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repo", required=True, help="repository root")
    ap.add_argument("--build", required=True, help="build folder (has bin/)")
    ap.add_argument("--list", action="store_true",
                    help="list the blocks and markers without running them")
    ap.add_argument("files", nargs="*",
                    help="doc files relative to the repo (default: all)")
    args = ap.parse_args()
    repo, build = os.path.realpath(args.repo), os.path.realpath(args.build)
    files = args.files or ["README.md"] + sorted(
        os.path.relpath(p, repo) for p in glob.glob(os.path.join(repo, "docs",
                                                                  "*.md")))
    ran = compared = 0
    skipped, failed = [], []
    for rel in files:
        blocks = parse_markdown(os.path.join(repo, rel), rel)
        work = None
        written = {}
        try:
            for block in blocks:
                opts = parse_markers(block)
                if opts["file"]:
                    written[opts["file"]] = block.text
                    continue
                if block.lang != "sh":
                    if block.markers:
                        raise SystemExit("%s: marker on a ```%s block"
                                         % (block.where(), block.lang))
                    continue
                if opts["skip"]:
                    skipped.append((block.where(), opts["skip"]))
                    continue
                if args.list:
                    print("run     %s%s" % (block.where(), " (output compared)"
                                            if block.expected else ""))
                    continue
                if work is None:
                    work = make_work(repo, build)
                started = time.monotonic()
                failures = run_block(block, opts, work, repo, build, written)
                ran += 1
                compared += block.expected is not None
                status = "FAIL" if failures else "ok"
                print("%-4s %s (%.1f s)%s" % (
                    status, block.where(), time.monotonic() - started,
                    ", output compared" if block.expected is not None else ""),
                    flush=True)
                for f in failures:
                    print("     " + f.replace("\n", "\n     "), flush=True)
                    failed.append(block.where())
        finally:
            if work:
                shutil.rmtree(work, ignore_errors=True)
    for where, reason in skipped:
        print("skip %s: %s" % (where, reason))
    print("%d blocks run (%d with output compared), %d skipped, %d failed"
          % (ran, compared, len(skipped), len(set(failed))))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

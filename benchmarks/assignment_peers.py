#!/usr/bin/python3
"""Side-by-side comparison of `sopu solve assignment` with the peer solvers.

Generates the instances with the peers' gen.py (square 1000, 2000, 4000 with
capacity 1 and 3000 x 1000 with capacity 3; families uniform, profile,
geometric; seed 1), runs sopu, SciPy (lap_scipy.py) and LEMON network
simplex (lemon_mcf --algo ns) RUNS times each under GNU time, and prints per
instance: whether all runs agree on (objective, matched), matched, the median
seconds_solve of each solver, the ratio sopu / min(scipy, lemon-ns) and the
peak RSS (median, MB) of each. A comparison tool, not a test: timings on a
shared machine are noisy, so compare ratios from one run.

Usage: benchmarks/assignment_peers.py [--peers DIR] [--sopu BIN] [--data DIR]
         [--runs 3] [--sizes 1000,2000,4000] [--families uniform,profile,geometric]
         [--no-cap-instance] [--timeout 300]
Defaults: peers = $SOPU_PEERS or ../shared/peers (relative to the repo),
sopu = build/bin/sopu, data = build/peer-data. Needs python3-numpy,
python3-scipy, liblemon-dev and GNU time (/usr/bin/time); builds lemon_mcf
with the peers' Makefile when it is missing.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PY = "/usr/bin/python3"


def run_once(cmd, timeout):
    """Runs cmd under GNU time; returns (json dict, peak RSS in MB) or None."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        try:
            proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss.name] + cmd,
                                  capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return None
        if proc.returncode != 0:
            sys.stderr.write("failed: %s\n%s" % (" ".join(cmd), proc.stderr))
            return None
        line = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")][-1]
        return json.loads(line), int(rss.read().split()[-1]) / 1024.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--peers", default=os.environ.get(
        "SOPU_PEERS", os.path.join(REPO, "..", "shared", "peers")))
    ap.add_argument("--sopu", default=os.path.join(REPO, "build", "bin", "sopu"))
    ap.add_argument("--data", default=os.path.join(REPO, "build", "peer-data"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="1000,2000,4000")
    ap.add_argument("--families", default="uniform,profile,geometric")
    ap.add_argument("--no-cap-instance", action="store_true")
    ap.add_argument("--timeout", type=float, default=300)
    args = ap.parse_args()

    peers = os.path.abspath(args.peers)
    lemon = os.path.join(peers, "lemon_mcf")
    if not os.path.exists(lemon):
        subprocess.run(["make", "-C", peers, "lemon_mcf"], check=True)
    os.makedirs(args.data, exist_ok=True)

    shapes = [(n, n, 1) for n in map(int, args.sizes.split(","))]
    if not args.no_cap_instance:
        shapes.append((3000, 1000, 3))
    solvers = {
        "sopu": lambda f: [args.sopu, "solve", "assignment", "--matrix", f],
        "scipy": lambda f: [PY, os.path.join(peers, "lap_scipy.py"), f],
        "lemon-ns": lambda f: [lemon, "--algo", "ns", f],
    }
    header = ("| instance | agree | matched | objective | sopu s | scipy s | lemon-ns s "
              "| sopu / min(peers) | RSS MB sopu / scipy / lemon-ns |")
    print(header)
    print("|" + "---|" * 9)
    sys.stdout.flush()
    for family in args.families.split(","):
        for rows, cols, cap in shapes:
            name = "%s_%dx%d_cap%d" % (family, rows, cols, cap)
            path = os.path.join(args.data, name + ".txt")
            if not os.path.exists(path):
                subprocess.run([PY, os.path.join(peers, "gen.py"), "assign", "--family", family,
                                "--rows", str(rows), "--cols", str(cols), "--cap", str(cap),
                                "--seed", "1", "-o", path], check=True)
            results = {s: [] for s in solvers}
            for _ in range(args.runs):  # interleaved, so drift hits all alike
                for solver, cmd in solvers.items():
                    out = run_once(cmd(path), args.timeout)
                    if out is not None:
                        results[solver].append(out)
            answers = {(str(r[0]["objective"]), r[0]["matched"])
                       for runs in results.values() for r in runs}
            complete = all(len(r) == args.runs for r in results.values())
            agree = "yes" if complete and len(answers) == 1 else "NO"

            def med(solver, key):
                runs = results[solver]
                if not runs:
                    return None
                return statistics.median(r[0][key] if key != "rss" else r[1] for r in runs)

            solve = {s: med(s, "seconds_solve") for s in solvers}
            peers_best = min(v for s, v in solve.items() if s != "sopu" and v is not None)
            ratio = solve["sopu"] / peers_best if solve["sopu"] is not None else float("nan")
            objective, matched = sorted(answers)[0] if answers else ("-", "-")
            fmt = lambda v: "-" if v is None else "%.3f" % v
            print("| %s | %s | %s | %s | %s | %s | %s | %.3f | %s |" % (
                name, agree, matched, objective, fmt(solve["sopu"]), fmt(solve["scipy"]),
                fmt(solve["lemon-ns"]), ratio,
                " / ".join("%.0f" % (med(s, "rss") or 0) for s in solvers)))
            sys.stdout.flush()


if __name__ == "__main__":
    main()

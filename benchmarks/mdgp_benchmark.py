#!/usr/bin/python3
"""Run `sopu solve groups` over MDGPLIB instances and compare with published values.

For every instance listed in DATA/bkv.tsv (best-known values, with the
literature's time limit per instance) that matches --filter, run sopu once
with that time limit and report the gap to the best-known value:

    gap % = 100 * (bkv - objective) / bkv      (negative: above the BKV)

With --tiny, run the n = 10 / 12 instances of DATA/tiny_exact_optima.tsv
instead and check that sopu reaches each exact optimum
(tests/data/mdgp holds them).

An instance file is DATA/<family>/<name>.txt or DATA/<name>.txt. Exits 1
when no listed instance is found, and with --tiny when any is missing.

Prints one line per instance, then a summary per family x n x kind: mean
gap, worst gap, instances at or above the BKV. --json FILE writes the rows.

  mdgp_benchmark.py --sopu build/bin/sopu --data DIR [--filter n120]
                    [--time-scale 1.0] [--seed 1] [--threads 0] [--tiny]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
from collections import defaultdict


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        return [dict(zip(header, line.rstrip("\n").split("\t")))
                for line in f if line.strip()]


def instance_paths(data, name):
    """Where an instance may be: DATA/<family>/<name>.txt (MDGPLIB's
    layout) or DATA/<name>.txt (a flat folder such as tests/data/mdgp)."""
    family = name.split("_")[0]
    return [os.path.join(data, family, name + ".txt"),
            os.path.join(data, name + ".txt")]


def run_sopu(sopu, path, time_limit, seed, threads):
    cmd = [sopu, "solve", "groups", "--mdgp", path,
           "--time-limit", str(time_limit), "--seed", str(seed),
           "--threads", str(threads)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sopu", required=True, help="path to the sopu binary")
    ap.add_argument("--data", required=True,
                    help="folder with bkv.tsv, tiny_exact_optima.tsv and the "
                         "family folders")
    ap.add_argument("--filter", default="",
                    help="only instances whose name contains this")
    ap.add_argument("--time-scale", type=float, default=1.0,
                    help="multiply the literature's time limits")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--tiny", action="store_true",
                    help="check the exact optima of the n = 10/12 instances")
    ap.add_argument("--json", help="write the per-instance rows here")
    args = ap.parse_args()

    if args.tiny:
        rows = read_tsv(os.path.join(args.data, "tiny_exact_optima.tsv"))
        reference_key, default_limit = "optimal_value", 0.2
    else:
        rows = read_tsv(os.path.join(args.data, "bkv.tsv"))
        reference_key, default_limit = "best_known_value", None
    results, missing = [], []
    for row in rows:
        name = row["instance"]
        if args.filter and args.filter not in name:
            continue
        limit = float(row.get("time_limit_s") or default_limit)
        limit *= args.time_scale
        paths = instance_paths(args.data, name)
        path = next((p for p in paths if os.path.exists(p)), None)
        if path is None:
            # bkv.tsv may list instances whose files are not in DATA.
            print(f"{name:24s} skipped: neither {' nor '.join(paths)} exists",
                  flush=True)
            missing.append(name)
            continue
        out = run_sopu(args.sopu, path, limit, args.seed, args.threads)
        ref = float(row[reference_key])
        gap = 100.0 * (ref - out["objective"]) / abs(ref)
        family = name.split("_")[0]
        results.append({"instance": name, "family": family,
                        "n": int(row["n"]), "kind": row["size_kind"],
                        "reference": ref, "objective": out["objective"],
                        "gap_percent": gap, "time_limit": limit,
                        "time_to_best": out["time_to_best"]})
        print(f"{name:24s} ref {ref:14.3f} sopu {out['objective']:14.3f} "
              f"gap {gap:+8.4f} %  best at {out['time_to_best']:7.2f} s "
              f"of {limit:g} s", flush=True)

    listing = "tiny_exact_optima.tsv" if args.tiny else "bkv.tsv"
    if not results:
        print(f"no instance found: {len(missing)} instances of "
              f"{os.path.join(args.data, listing)} match the filter, and none "
              f"is at DATA/<family>/<name>.txt or DATA/<name>.txt "
              f"(DATA = {args.data})", file=sys.stderr)
        return 1
    if args.tiny and missing:
        print(f"{len(missing)} instances of {listing} not found: "
              f"{', '.join(missing)}", file=sys.stderr)
        return 1

    groups = defaultdict(list)
    for r in results:
        groups[(r["family"], r["n"], r["kind"])].append(r)
    print()
    print("| family | n | kind | instances | mean gap % | worst gap % | "
          "at or above reference |")
    print("|---|---|---|---|---|---|---|")
    for key in sorted(groups):
        rs = groups[key]
        gaps = [r["gap_percent"] for r in rs]
        # Within printing precision (3 decimals) counts as reaching it.
        at = sum(1 for r in rs if r["objective"] >= r["reference"] - 5e-4)
        print(f"| {key[0]} | {key[1]} | {key[2]} | {len(rs)} | "
              f"{statistics.mean(gaps):+.4f} | {max(gaps):+.4f} | "
              f"{at}/{len(rs)} |")
    pooled = defaultdict(list)
    for r in results:
        if r["family"] in ("RanReal", "RanInt"):
            pooled[r["n"]].append(r["gap_percent"])
    for n in sorted(pooled):
        print(f"RanReal+RanInt n={n}: mean gap {statistics.mean(pooled[n]):+.4f} %"
              f" over {len(pooled[n])} instances")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1)
    if args.tiny and any(r["gap_percent"] > 1e-6 for r in results):
        print("some exact optima were not reached", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

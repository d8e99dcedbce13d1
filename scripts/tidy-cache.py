#!/usr/bin/python3
"""A result cache for clang-tidy, in the spirit of ccache.

A file's key is the SHA-256 of its preprocessed source (every header it
includes, with the checkout's path replaced so clones share entries), its
compile command, .clang-tidy and the clang-tidy version. A key is stored only
after clang-tidy found the file clean, so a hit means "this exact input was
clean before"; any change to the file or to a header it includes is a miss.

  tidy-cache.py misses BUILD_DIR KEYS_FILE FILE...   print the files to lint;
                                                     write their keys
  tidy-cache.py store KEYS_FILE                      record those keys as clean

The cache lives in $SOPU_TIDY_CACHE (default ~/.cache/sopu-tidy).
"""
import hashlib
import json
import os
import shlex
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CACHE = os.environ.get("SOPU_TIDY_CACHE",
                       os.path.expanduser("~/.cache/sopu-tidy"))


def preprocess_command(entry):
    args = entry.get("arguments") or shlex.split(entry["command"])
    out = []
    skip = False
    for a in args:
        if skip:
            skip = False
            continue
        if a == "-o":
            skip = True
            continue
        if a == "-c":
            continue
        out.append(a)
    # Drop the compiler launcher (ccache) if there is one.
    if os.path.basename(out[0]) == "ccache":
        out = out[1:]
    return out + ["-E", "-P"]


def key_of(entry, common, build_dir):
    pre = subprocess.run(preprocess_command(entry), cwd=entry["directory"],
                         capture_output=True, check=False)
    if pre.returncode != 0:
        return None  # let clang-tidy report it
    text = pre.stdout.replace(os.path.abspath(build_dir).encode(), b"@BUILD@")
    text = text.replace(ROOT.encode(), b"@ROOT@")
    command = (entry.get("command") or " ".join(entry["arguments"]))
    command = command.replace(os.path.abspath(build_dir), "@BUILD@")
    command = command.replace(ROOT, "@ROOT@")
    h = hashlib.sha256(common)
    h.update(command.encode())
    h.update(text)
    return h.hexdigest()


def misses(build_dir, keys_file, files):
    with open(os.path.join(build_dir, "compile_commands.json")) as f:
        entries = {os.path.realpath(e["file"]): e for e in json.load(f)}
    version = subprocess.run(["clang-tidy", "--version"], capture_output=True,
                             check=False).stdout
    with open(os.path.join(ROOT, ".clang-tidy"), "rb") as f:
        common = version + f.read()

    def one(path):
        entry = entries.get(os.path.realpath(os.path.join(ROOT, path)))
        return path, key_of(entry, common, build_dir) if entry else None

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(one, files))
    with open(keys_file, "w") as keys:
        for path, key in results:
            if key and os.path.exists(os.path.join(CACHE, key[:2], key)):
                continue
            print(path)
            if key:
                keys.write(key + "\n")


def store(keys_file):
    with open(keys_file) as keys:
        for key in keys.read().split():
            folder = os.path.join(CACHE, key[:2])
            os.makedirs(folder, exist_ok=True)
            open(os.path.join(folder, key), "w").close()


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "misses":
        misses(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif len(sys.argv) == 3 and sys.argv[1] == "store":
        store(sys.argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()

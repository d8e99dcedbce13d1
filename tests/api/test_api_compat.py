#!/usr/bin/python3
"""test_api_compat.py — the sopu.v1 wire contract stays backward compatible
(SERVICE-RELIABILITY.md T10, AIP-180).

Builds the FileDescriptorSet of proto/sopu/v1/*.proto with protoc (into a
temporary file) and compares it with the checked-in api/v1.descriptor_set.
Breaking, and reported as `BREAKING <full name>: <what>`:
  - a message, enum, service or file of the checked-in set is gone;
  - an existing field's number, type, label, type_name, oneof or proto3
    `optional` changed, or its name changed (same number, new name);
  - a field is gone and its number is not `reserved`;
  - an enum value's number changed, or the value is gone;
  - an rpc is gone, or its request/response type or streaming changed.
New files, messages, fields, enums, enum values, services and rpcs pass.

After an intended change of the contract (additions), regenerate the
checked-in set with scripts/update-api-descriptor.sh.

  /usr/bin/python3 tests/api/test_api_compat.py            # the check
  /usr/bin/python3 tests/api/test_api_compat.py --self-test
The self-test mutates copies of the checked-in set (a field number changed,
a field removed, ...) and asserts that the comparator reports each one, and
that additions and reserved removals pass: the check is seen to fail.
Exit status 0 when compatible (self-test: every case as expected), else 1.
"""
import argparse
import copy
import glob
import os
import subprocess
import sys
import tempfile

from google.protobuf import descriptor_pb2

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
FDP = descriptor_pb2.FieldDescriptorProto


def build_descriptor_set(protoc, proto_dir, includes):
    """The FileDescriptorSet of proto_dir/sopu/v1/*.proto, imports included."""
    protos = sorted(glob.glob(os.path.join(proto_dir, "sopu", "v1", "*.proto")))
    if not protos:
        raise SystemExit("no .proto files under %s/sopu/v1" % proto_dir)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "current.descriptor_set")
        cmd = [protoc, "--descriptor_set_out=" + out, "--include_imports",
               "-I" + proto_dir] + ["-I" + i for i in includes] + protos
        subprocess.run(cmd, check=True)
        with open(out, "rb") as f:
            return descriptor_pb2.FileDescriptorSet.FromString(f.read())


def load_descriptor_set(path):
    with open(path, "rb") as f:
        return descriptor_pb2.FileDescriptorSet.FromString(f.read())


def _walk_messages(prefix, messages, out):
    for m in messages:
        name = prefix + "." + m.name
        out[name] = m
        _walk_messages(name, m.nested_type, out)


def _walk_enums(prefix, enums, messages, out):
    for e in enums:
        out[prefix + "." + e.name] = e
    for m in messages:
        _walk_enums(prefix + "." + m.name, m.enum_type, m.nested_type, out)


def index(fds):
    """Maps full names (without the leading dot) to their descriptors."""
    files, messages, enums, services = {}, {}, {}, {}
    for f in fds.file:
        files[f.name] = f
        prefix = f.package
        _walk_messages(prefix, f.message_type, messages)
        _walk_enums(prefix, f.enum_type, f.message_type, enums)
        for s in f.service:
            services[prefix + "." + s.name] = s
    strip = lambda d: {k.lstrip("."): v for k, v in d.items()}
    return files, strip(messages), strip(enums), strip(services)


def _type_name(field):
    return FDP.Type.Name(field.type)


def _label_name(field):
    return FDP.Label.Name(field.label)


def _oneof(message, field):
    if not field.HasField("oneof_index"):
        return "(none)"
    return message.oneof_decl[field.oneof_index].name


def _reserved(message, number):
    # DescriptorProto.ReservedRange.end is exclusive.
    return any(r.start <= number < r.end for r in message.reserved_range)


def compare_message(name, old, new, problems):
    new_by_name = {f.name: f for f in new.field}
    new_by_number = {f.number: f for f in new.field}
    for f in old.field:
        where = "%s.%s" % (name, f.name)
        g = new_by_name.get(f.name)
        if g is None:
            other = new_by_number.get(f.number)
            if other is not None:
                problems.append("BREAKING %s: field %d renamed to %s"
                                % (where, f.number, other.name))
            elif not _reserved(new, f.number):
                problems.append("BREAKING %s: field %d removed without "
                                "`reserved %d;`" % (where, f.number, f.number))
            continue
        checks = (
            ("number", f.number, g.number),
            ("type", _type_name(f), _type_name(g)),
            ("label", _label_name(f), _label_name(g)),
            ("type_name", f.type_name, g.type_name),
            ("oneof", _oneof(old, f), _oneof(new, g)),
            ("optional", f.proto3_optional, g.proto3_optional),
        )
        for what, before, after in checks:
            if before != after:
                problems.append("BREAKING %s: %s changed from %s to %s"
                                % (where, what, before or "(none)",
                                   after or "(none)"))


def compare_enum(name, old, new, problems):
    new_values = {v.name: v.number for v in new.value}
    for v in old.value:
        where = "%s.%s" % (name, v.name)
        if v.name not in new_values:
            problems.append("BREAKING %s: enum value %d removed"
                            % (where, v.number))
        elif new_values[v.name] != v.number:
            problems.append("BREAKING %s: enum value number changed from %d "
                            "to %d" % (where, v.number, new_values[v.name]))


def compare_service(name, old, new, problems):
    new_methods = {m.name: m for m in new.method}
    for m in old.method:
        where = "%s.%s" % (name, m.name)
        n = new_methods.get(m.name)
        if n is None:
            problems.append("BREAKING %s: rpc removed" % where)
            continue
        for what, before, after in (
                ("request type", m.input_type, n.input_type),
                ("response type", m.output_type, n.output_type),
                ("client streaming", m.client_streaming, n.client_streaming),
                ("server streaming", m.server_streaming, n.server_streaming)):
            if before != after:
                problems.append("BREAKING %s: %s changed from %s to %s"
                                % (where, what, str(before).lstrip("."),
                                   str(after).lstrip(".")))


def compare(old_fds, new_fds):
    """Every breaking change from old_fds to new_fds, as sentences."""
    problems = []
    old_files, old_msgs, old_enums, old_svcs = index(old_fds)
    new_files, new_msgs, new_enums, new_svcs = index(new_fds)
    for name in sorted(old_files):
        if name not in new_files:
            problems.append("BREAKING %s: file removed" % name)
    for kind, old, new, check in (
            ("message", old_msgs, new_msgs, compare_message),
            ("enum", old_enums, new_enums, compare_enum),
            ("service", old_svcs, new_svcs, compare_service)):
        for name in sorted(old):
            if name not in new:
                problems.append("BREAKING %s: %s removed" % (name, kind))
            else:
                check(name, old[name], new[name], problems)
    return problems


def counts(fds):
    _, msgs, enums, svcs = index(fds)
    rpcs = sum(len(s.method) for s in svcs.values())
    return len(msgs), len(enums), rpcs


# --- self-test -------------------------------------------------------------

def _find_message(fds, full_name):
    for f in fds.file:
        for m in f.message_type:
            if "%s.%s" % (f.package, m.name) == full_name:
                return f, m
    raise KeyError(full_name)


def _field(message, name):
    return next(f for f in message.field if f.name == name)


def _mutations():
    """(name, mutate(fds), substring the report must hold or None for none)."""
    def number(fds):
        _field(_find_message(fds, "sopu.v1.ScoreRequest")[1],
               "top_k").number = 1003

    def remove(fds):
        m = _find_message(fds, "sopu.v1.MatchRequest")[1]
        m.field.remove(_field(m, "use_wishes"))

    def remove_reserved(fds):
        m = _find_message(fds, "sopu.v1.MatchRequest")[1]
        f = _field(m, "use_wishes")
        m.reserved_range.add(start=f.number, end=f.number + 1)
        m.reserved_name.append(f.name)
        m.field.remove(f)

    def retype(fds):
        _field(_find_message(fds, "sopu.v1.ScoreRequest")[1],
               "top_k").type = FDP.TYPE_INT64

    def relabel(fds):
        _field(_find_message(fds, "sopu.v1.ScoreRequest")[1],
               "top_k").label = FDP.LABEL_REPEATED

    def retype_message(fds):
        _field(_find_message(fds, "sopu.v1.ScoreRequest")[1],
               "policy").type_name = ".sopu.v1.Cohort"

    def into_oneof(fds):
        m = _find_message(fds, "sopu.v1.ScoreRequest")[1]
        m.oneof_decl.add(name="choice")
        _field(m, "top_k").oneof_index = len(m.oneof_decl) - 1

    def rename(fds):
        _field(_find_message(fds, "sopu.v1.ScoreRequest")[1],
               "top_k").name = "top_count"

    def remove_message(fds):
        f, m = _find_message(fds, "sopu.v1.CohortSummary")
        f.message_type.remove(m)

    def enum_number(fds):
        for f in fds.file:
            for e in f.enum_type:
                if e.name == "Objective":
                    next(v for v in e.value
                         if v.name == "OBJECTIVE_FAIR").number = 7

    def enum_remove(fds):
        for f in fds.file:
            for e in f.enum_type:
                if e.name == "Objective":
                    e.value.remove(next(v for v in e.value
                                        if v.name == "OBJECTIVE_STABLE"))

    def _service(fds):
        return next(s for f in fds.file for s in f.service if s.name == "Sopu")

    def rpc_remove(fds):
        s = _service(fds)
        s.method.remove(next(m for m in s.method if m.name == "Score"))

    def rpc_retype(fds):
        next(m for m in _service(fds).method
             if m.name == "Match").output_type = ".sopu.v1.ScoreResponse"

    def additions(fds):
        f, m = _find_message(fds, "sopu.v1.ScoreRequest")
        m.field.add(name="new_field", number=99, type=FDP.TYPE_STRING,
                    label=FDP.LABEL_OPTIONAL, json_name="newField")
        f.message_type.add(name="BrandNewMessage")
        next(e for e in f.enum_type if e.name == "Objective").value.add(
            name="OBJECTIVE_NEW", number=50)
        _service(fds).method.add(name="BrandNew",
                                 input_type=".sopu.v1.ScoreRequest",
                                 output_type=".sopu.v1.ScoreResponse")

    return [
        ("field number changed", number, "sopu.v1.ScoreRequest.top_k: number"),
        ("field removed", remove, "sopu.v1.MatchRequest.use_wishes: field 9 "
                                  "removed"),
        ("field removed and reserved", remove_reserved, None),
        ("field type changed", retype, "sopu.v1.ScoreRequest.top_k: type"),
        ("field label changed", relabel, "sopu.v1.ScoreRequest.top_k: label"),
        ("field message type changed", retype_message,
         "sopu.v1.ScoreRequest.policy: type_name"),
        ("field moved into a oneof", into_oneof,
         "sopu.v1.ScoreRequest.top_k: oneof"),
        ("field renamed", rename, "sopu.v1.ScoreRequest.top_k: field 3 "
                                  "renamed"),
        ("message removed", remove_message,
         "sopu.v1.CohortSummary: message removed"),
        ("enum value number changed", enum_number,
         "sopu.v1.Objective.OBJECTIVE_FAIR: enum value number"),
        ("enum value removed", enum_remove,
         "sopu.v1.Objective.OBJECTIVE_STABLE: enum value 3 removed"),
        ("rpc removed", rpc_remove, "sopu.v1.Sopu.Score: rpc removed"),
        ("rpc response type changed", rpc_retype,
         "sopu.v1.Sopu.Match: response type"),
        ("additions only", additions, None),
    ]


def self_test(baseline):
    failures = 0
    identical = compare(baseline, baseline)
    if identical:
        print("FAIL identical sets reported: %s" % identical)
        failures += 1
    for name, mutate, expected in _mutations():
        changed = copy.deepcopy(baseline)
        mutate(changed)
        problems = compare(baseline, changed)
        if expected is None:
            ok = not problems
        else:
            ok = any(expected in p for p in problems)
        print("%s %s -> %s" % ("ok  " if ok else "FAIL", name,
                               "; ".join(problems) or "compatible"))
        failures += 0 if ok else 1
    cases = len(_mutations()) + 1
    print("api compat self-test: %d passed, %d failed"
          % (cases - failures, failures))
    return 1 if failures else 0


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--protoc", default="protoc")
    p.add_argument("--proto-dir", default=os.path.join(ROOT, "proto"))
    p.add_argument("--googleapis",
                   default="/usr/share/gocode/src/github.com/gogo/googleapis",
                   help="folder holding google/rpc/*.proto")
    p.add_argument("--protobuf-include", default="/usr/include",
                   help="folder holding google/protobuf/*.proto")
    p.add_argument("--descriptor",
                   default=os.path.join(ROOT, "api", "v1.descriptor_set"),
                   help="the checked-in FileDescriptorSet")
    p.add_argument("--self-test", action="store_true",
                   help="check that the comparator reports breaking changes")
    args = p.parse_args()

    baseline = load_descriptor_set(args.descriptor)
    if args.self_test:
        return self_test(baseline)
    current = build_descriptor_set(
        args.protoc, args.proto_dir, [args.googleapis, args.protobuf_include])
    problems = compare(baseline, current)
    for line in problems:
        print(line)
    msgs, enums, rpcs = counts(baseline)
    if problems:
        print("api compat: %d breaking changes against %s. Restore the old "
              "numbers/types/names, or `reserved` a removed field's number."
              % (len(problems), os.path.relpath(args.descriptor, ROOT)))
        return 1
    added = [a - b for a, b in zip(counts(current), counts(baseline))]
    print("api compat: %d messages, %d enums, %d rpcs checked; 0 breaking "
          "changes (%+d messages, %+d enums, %+d rpcs new)"
          % (msgs, enums, rpcs, added[0], added[1], added[2]))
    if any(added):
        print("api compat: the contract grew; after review, run "
              "scripts/update-api-descriptor.sh")
    return 0


if __name__ == "__main__":
    sys.exit(main())

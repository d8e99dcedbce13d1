#!/usr/bin/python3
"""make_corpus.py — write the handwritten seed corpus of the fuzz targets.

Writes fuzz/corpus/fuzz_requests/*.bin (byte 0 selects the request type as in
fuzz_requests.cc, modulo 7; the rest is the binary protobuf), fuzz/corpus/
fuzz_cohort_csv/*.csv|.json and fuzz/corpus/fuzz_pair_list/*.csv. Good and
bad inputs: a valid small request of each type, duplicates, empty messages,
NaN and out-of-range levels, huge strings, unknown enum numbers, broken
quoting. Files found by libFuzzer (named found-*) are not touched.

Run with Debian's Python (python3-protobuf) from the repository root:
  /usr/bin/python3 fuzz/make_corpus.py
It generates the Python modules of proto/sopu/v1 with protoc into a temporary
folder (never committed). Names, ids and values are synthetic.
"""
import math
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOOGLEAPIS = "/usr/share/gocode/src/github.com/gogo/googleapis"
CORPUS = os.path.join(ROOT, "fuzz", "corpus")

# Byte 0 of a fuzz_requests input (RequestKind in fuzz_requests.cc).
VALIDATE, SCORE, MATCH, PEER_PAIRS, GROUPS, EXPLAIN_PAIR, EXPLAIN_GROUP = \
    range(7)


def load_modules():
    out = tempfile.mkdtemp(prefix="sopu-corpus-")
    protos = [os.path.join(GOOGLEAPIS, "google/rpc", f)
              for f in ("code.proto", "status.proto", "error_details.proto")]
    protos += [os.path.join(ROOT, "proto/sopu/v1", f)
               for f in ("cohort.proto", "policy.proto", "sopu.proto")]
    subprocess.run(["protoc", "-I" + os.path.join(ROOT, "proto"),
                    "-I" + GOOGLEAPIS, "--python_out=" + out] + protos,
                   check=True)
    sys.path.insert(0, out)
    from sopu.v1 import cohort_pb2, policy_pb2, sopu_pb2  # noqa: E402
    return cohort_pb2, policy_pb2, sopu_pb2


cohort_pb2, policy_pb2, sopu_pb2 = load_modules()
THEMES = ["lead", "craft", "money"]


def person(cohort, pid, roles, comp=None, goals=None, org="o1",
           langs=("fi",), town="Vaasa", capacity=None):
    p = cohort.participants.add()
    p.id = pid
    p.display_name = "Person " + pid
    p.roles.extend(roles)
    for k, v in (comp or {}).items():
        p.competences[k] = v
    for k, v in (goals or {}).items():
        p.goals[k] = v
    p.attributes["organisation"] = org
    p.attributes["town"] = town
    p.tags["languages"].values.extend(langs)
    p.numbers["years_experience"] = 10.0
    p.location.municipality = town
    p.location.region = "R" + town
    if capacity is not None:
        p.capacity = capacity
    return p


def small_cohort():
    c = cohort_pb2.Cohort(program="fuzz seed")
    for t in THEMES:
        c.taxonomy.themes.add(id=t, label=t.title())
    r = cohort_pb2
    person(c, "m1", [r.ROLE_MENTOR, r.ROLE_FACILITATOR],
           comp={"lead": 5, "craft": 2}, org="o1", capacity=2)
    person(c, "m2", [r.ROLE_MENTOR], comp={"craft": 4, "money": 3},
           org="o2", langs=("fi", "sv"), capacity=1)
    person(c, "a1", [r.ROLE_MENTEE], goals={"lead": 4}, org="o2")
    person(c, "a2", [r.ROLE_MENTEE], goals={"craft": 3, "money": 1},
           org="o3", langs=("sv",))
    a3 = person(c, "a3", [r.ROLE_MENTEE], goals={"money": 5}, org="o1",
                town="Oulu")
    a3.avoid.append("m1")
    a3.wishes.extend(["m2", "m1"])
    a3.location.has_coordinates = True
    a3.location.lat = 65.0
    a3.location.lon = 25.5
    return c


def peer_cohort(n=8):
    c = cohort_pb2.Cohort(program="fuzz peers")
    for t in THEMES:
        c.taxonomy.themes.add(id=t)
    for i in range(n):
        t = THEMES[i % 3]
        u = THEMES[(i + 1) % 3]
        person(c, "p%d" % i, [cohort_pb2.ROLE_PEER],
               comp={t: 1 + i % 5}, goals={u: 1 + (i * 2) % 5},
               org="o%d" % (i % 3), town=("Vaasa", "Oulu")[i % 2])
    f = person(c, "f1", [cohort_pb2.ROLE_FACILITATOR], comp={"lead": 5},
               capacity=3)
    f.tags["languages"].values.append("sv")
    return c


def small_policy():
    p = policy_pb2.Policy(name="fuzz policy", forbid_same_organisation=True,
                          honour_avoid_lists=True)
    p.criteria.add(name="complement", weight=3).complement.SetInParent()
    lang = p.criteria.add(name="shared-language", weight=1, hard=True)
    lang.overlap.tags = "languages"
    lang.overlap.minimum = 1
    p.criteria.add(name="near", weight=1).distance.mode = \
        policy_pb2.Distance.MODE_SAME_REGION
    gap = p.criteria.add(name="experience", weight=0.5).gap
    gap.number = "years_experience"
    gap.min_gap = 2
    gap.max_gap = 20
    p.criteria.add(name="sector", weight=0.5).different.attribute = "town"
    return p


def write(target, name, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def request(name, kind, message):
    write("fuzz_requests", name + ".bin",
          bytes([kind]) + message.SerializeToString())


def requests():
    V, S, M = sopu_pb2.ValidateRequest, sopu_pb2.ScoreRequest, \
        sopu_pb2.MatchRequest
    P, G = sopu_pb2.PeerPairsRequest, sopu_pb2.GroupsRequest

    # Valid small requests of each type.
    request("validate_ok", VALIDATE, V(cohort=small_cohort(),
                                       policy=small_policy()))
    request("score_ok", SCORE, S(cohort=small_cohort(), policy=small_policy(),
                                 top_k=2))
    request("score_default_policy", SCORE, S(cohort=small_cohort()))
    for objective in range(4):
        m = M(cohort=small_cohort(), policy=small_policy(),
              objective=objective)
        m.locked.add(mentee_id="a1", mentor_id="m1")
        m.forbidden.add(mentee_id="a2", mentor_id="m1")
        m.previous.add(mentee_id="a3", mentor_id="m2")
        m.previous.add(mentee_id="gone", mentor_id="m1")
        m.continuity_bonus = 0.2
        if objective == 1:
            m.min_score = 0.1
        if objective == 3:
            m.use_wishes = True
        request("match_ok_objective%d" % objective, MATCH, m)
    request("peer_pairs_ok", PEER_PAIRS, P(cohort=peer_cohort(),
                                          policy=small_policy()))
    request("peer_pairs_max_score", PEER_PAIRS,
            P(cohort=peer_cohort(5), max_score_only=True, min_score=0.2))
    g = G(cohort=peer_cohort(), policy=small_policy(), min_size=2, max_size=3,
          key_attribute="town", max_per_organisation=2,
          facilitator_role=cohort_pb2.ROLE_FACILITATOR,
          time_limit_seconds=0.01, seed=7, max_rounds=1)
    b = g.balance.add(attribute="organisation", spread=True)
    b.no_isolated_values.append("o1")
    g.together.add(first_id="p0", second_id="p2")
    request("groups_ok", GROUPS, g)
    request("groups_count_ok", GROUPS,
            G(cohort=peer_cohort(6), group_count=2, max_rounds=1))

    # Empty and unparsable inputs.
    for kind, name in ((VALIDATE, "validate"), (SCORE, "score"),
                       (MATCH, "match"), (PEER_PAIRS, "peer_pairs"),
                       (GROUPS, "groups")):
        write("fuzz_requests", name + "_empty.bin", bytes([kind]))
    write("fuzz_requests", "truncated_varint.bin", bytes([SCORE, 0x0a, 0xff]))
    write("fuzz_requests", "unknown_fields.bin",
          bytes([VALIDATE, 0xf8, 0x07, 0x01, 0x0a, 0x00]))

    # Duplicates: ids, themes, criteria names, locked mentees.
    c = small_cohort()
    c.participants.add().CopyFrom(c.participants[0])
    c.taxonomy.themes.add(id="lead")
    p = small_policy()
    p.criteria.add().CopyFrom(p.criteria[0])
    request("validate_duplicates", VALIDATE, V(cohort=c, policy=p))
    m = M(cohort=small_cohort())
    m.locked.add(mentee_id="a1", mentor_id="m1")
    m.locked.add(mentee_id="a1", mentor_id="m2")
    m.forbidden.add(mentee_id="a1", mentor_id="m1")
    m.previous.add(mentee_id="a2", mentor_id="m2")
    m.previous.add(mentee_id="a2", mentor_id="m1")
    request("match_duplicate_pairs", MATCH, m)

    # NaN, infinite and out-of-range levels and numbers.
    c = small_cohort()
    c.participants[0].competences["lead"] = math.nan
    c.participants[0].competences["craft"] = 7
    c.participants[1].competences["money"] = -math.inf
    c.participants[2].goals["lead"] = -1
    c.participants[3].goals["craft"] = math.nan
    c.participants[3].numbers["years_experience"] = math.inf
    c.participants[4].location.lat = 1000
    c.participants[4].location.lon = math.nan
    c.participants[0].capacity = -3
    c.participants[1].capacity = 2**31 - 1
    request("validate_bad_levels", VALIDATE, V(cohort=c))
    request("score_bad_levels", SCORE, S(cohort=c, top_k=-1))
    p = small_policy()
    p.criteria[0].weight = math.nan
    p.criteria[1].weight = -2
    p.criteria[1].overlap.minimum = 0
    p.criteria[1].overlap.saturation = 100000
    p.criteria[2].distance.max_km = -1
    p.criteria[3].gap.tolerance = 0
    p.criteria[3].gap.max_gap = -50
    request("score_bad_policy", SCORE, S(cohort=small_cohort(), policy=p,
                                         top_k=100000))
    p = policy_pb2.Policy()
    p.criteria.add(weight=0)
    request("score_zero_weights", SCORE, S(cohort=small_cohort(), policy=p))
    request("match_bad_numbers", MATCH,
            M(cohort=small_cohort(), continuity_bonus=math.nan,
              min_score=2.0, objective=1))
    request("peer_pairs_nan_min", PEER_PAIRS,
            P(cohort=peer_cohort(4), min_score=math.nan))

    # Huge strings (8 KiB id, label, attribute and tag).
    c = small_cohort()
    c.participants[0].id = "x" * 8192
    c.participants[1].attributes["organisation"] = "y" * 8192
    c.participants[2].tags["languages"].values.append("z" * 300)
    c.taxonomy.themes[0].label = "w" * 4096
    c.participants[3].avoid.append("q" * 200)
    request("validate_huge_strings", VALIDATE, V(cohort=c))

    # Unknown enum numbers (open enums keep them).
    c = small_cohort()
    c.participants[0].roles.append(99)
    c.participants[2].roles[:] = [-5]
    p = small_policy()
    p.criteria[2].distance.mode = 77
    request("validate_unknown_enums", VALIDATE, V(cohort=c, policy=p))
    request("match_unknown_objective", MATCH,
            M(cohort=small_cohort(), objective=42))
    request("groups_unknown_roles", GROUPS,
            G(cohort=peer_cohort(4), member_role=12, facilitator_role=-1,
              min_size=2, max_size=2))

    # Structure: no mentor, no mentee, unknown ids, self references.
    c = small_cohort()
    del c.participants[0:2]
    request("score_no_mentor", SCORE, S(cohort=c))
    c = small_cohort()
    c.participants[2].avoid.extend(["a1", "nobody"])
    c.participants[3].wishes.extend(["a2", "m1", "m1"])
    c.participants[4].goals.clear()
    c.participants[0].competences["unknown-theme"] = 3
    request("validate_bad_references", VALIDATE, V(cohort=c))
    m = M(cohort=small_cohort())
    m.locked.add(mentee_id="m1", mentor_id="a1")
    m.locked.add(mentee_id="nobody", mentor_id="")
    m.locked.add(mentee_id="a3", mentor_id="m1")
    request("match_bad_locks", MATCH, m)

    # Groups: bad sizes, limits, together pairs; infeasible rules.
    for name, fields in (
            ("groups_min_gt_max", dict(min_size=4, max_size=2)),
            ("groups_no_sizes", dict()),
            ("groups_huge_max", dict(min_size=1, max_size=2**31 - 1)),
            ("groups_count_and_key",
             dict(group_count=2, key_attribute="town")),
            ("groups_bad_limits",
             dict(min_size=2, max_size=3, time_limit_seconds=math.nan,
                  max_rounds=0, max_per_organisation=-1)),
            ("groups_infeasible",
             dict(min_size=3, max_size=3, key_attribute="town")),
            ("groups_one_per_group", dict(min_size=1, max_size=1)),
            ("groups_count_many", dict(group_count=7)),
            ("groups_count_huge", dict(group_count=2**31 - 1)),
            ("groups_count_and_sizes",
             dict(group_count=3, min_size=1, max_size=2)),
    ):
        request(name, GROUPS, G(cohort=peer_cohort(), **fields))
    request("groups_count_over_limit", GROUPS,
            G(cohort=peer_cohort(4), group_count=10001))
    # Reproducer (minimised by hand): group_count near INT_MAX overflowed
    # `n + groups - 1` in group_partition.cc (UBSan); group_count is now
    # validated, <= 10000 (groups_handler.cc).
    c = cohort_pb2.Cohort()
    c.taxonomy.themes.add(id="t")
    for pid in ("p", "q"):
        p = c.participants.add(id=pid, roles=[cohort_pb2.ROLE_PEER])
        p.goals["t"] = 1
        p.competences["t"] = 1
        p.tags["languages"].values.append("fi")
    request("crash_groups_count_overflow", GROUPS,
            G(cohort=c, group_count=2**31 - 1))
    # Explain one pair or one group (ExplainPair, ExplainGroup).
    EP, EG = sopu_pb2.ExplainPairRequest, sopu_pb2.ExplainGroupRequest
    request("explain_pair_ok", EXPLAIN_PAIR,
            EP(cohort=small_cohort(), policy=small_policy(), mentor_id="m1",
               mentee_id="a1"))
    request("explain_pair_forbidden", EXPLAIN_PAIR,
            EP(cohort=small_cohort(), policy=small_policy(), mentor_id="m1",
               mentee_id="a3"))
    request("explain_pair_bad_ids", EXPLAIN_PAIR,
            EP(cohort=small_cohort(), mentor_id="a1", mentee_id="nobody"))
    request("explain_group_ok", EXPLAIN_GROUP,
            EG(cohort=peer_cohort(), policy=small_policy(),
               member_ids=["p0", "p1", "p2", "p3"]))
    request("explain_group_bad", EXPLAIN_GROUP,
            EG(cohort=peer_cohort(), member_role=9,
               member_ids=["p0", "p0", "f1", "nobody", ""]))
    for kind, name in ((EXPLAIN_PAIR, "explain_pair"),
                       (EXPLAIN_GROUP, "explain_group")):
        write("fuzz_requests", name + "_empty.bin", bytes([kind]))

    g = G(cohort=peer_cohort(), min_size=2, max_size=4)
    g.together.add(first_id="p1", second_id="p1")
    g.together.add(first_id="p1", second_id="nobody")
    g.together.add(first_id="f1", second_id="p2")
    g.balance.add(attribute="")
    request("groups_bad_together", GROUPS, g)


CSV_HEADER = ("id;name;role;capacity;competence.lead;goal.lead;"
              "competence.craft;goal.craft;organisation;languages;"
              "years_experience;municipality;region;lat;lon;availability;"
              "avoid;wishes\n")


def csv_files():
    def csv(name, text, bom=False):
        data = text.encode("utf-8")
        write("fuzz_cohort_csv", name, (b"\xef\xbb\xbf" if bom else b"") + data)

    ok_rows = ("m1;Mentor One;mentor|facilitator;2;4,5;;3;;o1;fi|en;20;"
               "Vaasa;Pohjanmaa;63,1;21,6;mon-am|tue-pm;;\n"
               "m2;Mentor Two;mentori;1;3;;5;;o2;sv;12;Oulu;PP;65,0;25,5;"
               "mon-am;;\n"
               "a1;Mentee One;mentee;;;4;;2;o2;fi;3;Vaasa;Pohjanmaa;;;"
               "mon-am;m1;m2|m1\n"
               "a2;\"Two, Mentee\";aktori;;;3,5;;;o3;fi|sv;1;;;;;;;m1\n")
    csv("ok_semicolon.csv", CSV_HEADER + ok_rows, bom=True)
    csv("ok_comma_crlf.csv",
        "id,role,goal.lead,competence.lead,languages\r\n"
        "m1,mentor,,5,fi\r\na1,mentee,4,,fi\r\n\r\n,,,,\r\n")
    csv("ok_tab.csv", "id\trole\tgoal.x\tcompetence.x\tattr.team\n"
        "p1\tpeer\t3\t2\tA\np2\tvertainen\t1\t5\tB\n")
    csv("empty.csv", "")
    csv("header_only.csv", CSV_HEADER)
    csv("duplicates.csv", CSV_HEADER + ok_rows + ok_rows.splitlines()[0]
        + "\n", bom=True)
    csv("bad_cells.csv",
        "id;role;capacity;goal.lead;competence.lead;lat;lon;years_experience\n"
        "m1;mentor;kaksi;;9;100;;NaN\n"
        "a1;pilot;2,5;-1;;;200;inf\n"
        "a2;mentee;;nan;;1e999;1,2,3;\n"
        ";mentee;;3;;;;\n"
        "m2;mentor;1;;5;;;;extra\n")
    csv("unclosed_quote.csv", "id;role;goal.a\nm1;\"mentor;3\na1;mentee;2\n")
    csv("quotes_newlines.csv",
        "\"id\";\"role\";\"goal.a\"\n\"m\"\"1\";\"mentor\n\";\"\"\n"
        "\"a1\" ;  mentee ; \" 3 \"\n")
    write("fuzz_cohort_csv", "utf16.csv",
          b"\xff\xfe" + "id;role\nm1;mentor\n".encode("utf-16-le"))
    write("fuzz_cohort_csv", "latin1_cell.csv",
          b"id;name;role\nm1;J\xe4rvi;mentor\na1;\xc3;mentee\n")
    csv("bad_header.csv",
        "id;role;goal.;competence.;;unknown;goal.a;goal.a;lat\n"
        "m1;mentor;1;2;3;4;5;6;7\n")
    csv("huge_cell.csv", "id;role;attr.note\nm1;mentor;" + "x" * 6000 + "\n")
    csv("many_columns.csv",
        ";".join(["id", "role"] + ["goal.t%d" % i for i in range(300)]) +
        "\nm1;mentee;" + ";".join(["1"] * 300) + "\n")
    csv("only_delimiters.csv", ";;;\n;;;\n\"\n")
    write("fuzz_cohort_csv", "ok_cohort.json", open(
        os.path.join(ROOT, "examples", "small-cohort.json"), "rb").read())
    csv("bad.json", '{"participants": [{"id": "a1", "capacity": "x"}]}')
    csv("unknown_field.json", '{"program": "p", "nope": 1}')


def pair_files():
    def pairs(name, text):
        write("fuzz_pair_list", name, text.encode("utf-8"))

    pairs("ok.csv", "mentee_id,mentor_id\na1,m1\na2,m2\n")
    pairs("ok_match_output.csv",
          "\ufeffmentee_id;mentee_name;mentor_id;mentor_name;score\n"
          "a1;A;m1;M;0,8\na2;B;;;\n")
    pairs("ok_short_names.csv", "mentor\tmentee\nm1\ta1\n")
    pairs("ok_together.csv", "first_id,second_id\np1,p2\np3,p4\n")
    pairs("together_missing_cell.csv", "first,second\np1,\n,p2\n\n")
    pairs("no_header_columns.csv", "a,b\n1,2\n")
    pairs("empty.csv", "")
    pairs("duplicates.csv", "mentee_id,mentor_id\na1,m1\na1,m1\na1,m2\n")
    pairs("unclosed_quote.csv", "mentee_id,mentor_id\n\"a1,m1\n")
    pairs("extra_cells.csv", "mentee_id,mentor_id\na1,m1,x,y\n\"a\"\"2\",m2\n")
    pairs("huge_cell.csv", "mentee_id,mentor_id\n" + "a" * 5000 + ",m1\n")


def main():
    requests()
    csv_files()
    pair_files()
    for target in sorted(os.listdir(CORPUS)):
        files = os.listdir(os.path.join(CORPUS, target))
        size = sum(os.path.getsize(os.path.join(CORPUS, target, f))
                   for f in files)
        print("%s: %d files, %d bytes" % (target, len(files), size))


if __name__ == "__main__":
    main()

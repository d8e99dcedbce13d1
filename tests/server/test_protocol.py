#!/usr/bin/python3
"""T1 (protocol conformance) and the malformed-input part of T4: health,
reflection, UNIMPLEMENTED, rich INVALID_ARGUMENT (ErrorInfo + BadRequest
paths, never values), the cohort cap, every rpc answering with input_hash,
and FormGroupsStream's progress and improving solutions. Ends with the canary check.
Searches whose result is checked stop at a round limit; nothing is timed."""
import math
import re
import unittest

import grpc

import sopud_harness as h


class Protocol(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = h.start_server(cls, "--max-participants", "200")
        cls.channel = cls.server.channel()
        (cls.pb, pb_grpc, cls.health_pb, health_grpc) = h.stubs()
        cls.stub = pb_grpc.SopuStub(cls.channel)
        cls.health = health_grpc.HealthStub(cls.channel)

    @classmethod
    def tearDownClass(cls):
        rc = cls.server.stop()
        assert rc == 0, rc

    def test_health(self):
        serving = self.health_pb.HealthCheckResponse.SERVING
        for service in ("", "sopu.v1.Sopu"):
            r = self.health.Check(self.health_pb.HealthCheckRequest(service=service),
                                  timeout=5)
            self.assertEqual(r.status, serving)
        with self.assertRaises(grpc.RpcError) as e:
            self.health.Check(self.health_pb.HealthCheckRequest(service="nope"),
                              timeout=5)
        self.assertEqual(e.exception.code(), grpc.StatusCode.NOT_FOUND)

    def test_reflection_lists_the_service(self):
        import reflection_pb2
        import reflection_pb2_grpc
        stub = reflection_pb2_grpc.ServerReflectionStub(self.channel)
        responses = stub.ServerReflectionInfo(
            iter([reflection_pb2.ServerReflectionRequest(list_services="")]),
            timeout=5)
        names = [s.name for r in responses
                 for s in r.list_services_response.service]
        self.assertIn("sopu.v1.Sopu", names)
        self.assertIn("grpc.health.v1.Health", names)

    def test_unimplemented_method(self):
        call = self.channel.unary_unary("/sopu.v1.Sopu/NoSuchMethod")
        with self.assertRaises(grpc.RpcError) as e:
            call(b"", timeout=5)
        self.assertEqual(e.exception.code(), grpc.StatusCode.UNIMPLEMENTED)

    def assert_invalid(self, rpc, request, fields, exact=True):
        """Asserts INVALID_ARGUMENT with exactly one ErrorInfo and these
        BadRequest paths; returns the details."""
        with self.assertRaises(grpc.RpcError) as e:
            rpc(request, timeout=10)
        self.assertEqual(e.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)
        status, details = h.error_details(e.exception)
        self.assertIsNotNone(status)
        self.assertEqual(status.code, grpc.StatusCode.INVALID_ARGUMENT.value[0])
        self.assertEqual(details["ErrorInfo"].reason, "INVALID_INPUT")
        self.assertEqual(details["ErrorInfo"].domain, "sopu.v1")
        got = [v.field for v in details["BadRequest"].field_violations]
        if exact:
            self.assertEqual(got, fields)
        else:
            self.assertEqual(got[:len(fields)], fields)
        return status, details

    def test_invalid_match_has_paths_and_no_values(self):
        cohort = h.mentoring_cohort(3, 5)
        cohort.participants[0].capacity = -7
        cohort.participants[4].goals["self"] = 77.25
        cohort.participants[5].id = ""
        request = self.pb.MatchRequest(cohort=cohort)
        status, details = self.assert_invalid(
            self.stub.Match, request,
            ["cohort.participants[0].capacity",
             "cohort.participants[4].goals.self",
             "cohort.participants[5].id"])
        text = status.message + " ".join(
            v.description for v in details["BadRequest"].field_violations)
        for value in ("-7", "77.25", h.CANARY, "Canarysson", "Aktori"):
            self.assertNotIn(value, text)

    def test_every_rpc_rejects_the_same_bad_cohort(self):
        cohort = h.peer_cohort(8)
        cohort.participants[3].competences["self"] = math.nan
        path = ["cohort.participants[3].competences.self"]
        # Score also needs mentors and mentees: more violations follow.
        self.assert_invalid(self.stub.Score, self.pb.ScoreRequest(cohort=cohort),
                            path, exact=False)
        self.assert_invalid(self.stub.PeerPairs,
                            self.pb.PeerPairsRequest(cohort=cohort), path)
        self.assert_invalid(self.stub.FormGroups,
                            self.pb.GroupsRequest(cohort=cohort, min_size=2,
                                                  max_size=4), path)
        stream = self.stub.FormGroupsStream(
            self.pb.GroupsRequest(cohort=cohort, min_size=2, max_size=4), timeout=10)
        with self.assertRaises(grpc.RpcError) as e:
            list(stream)
        self.assertEqual(e.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)

    def test_malformed_corpus_is_invalid_argument_never_internal(self):
        corpus = []
        corpus.append(self.pb.MatchRequest())  # empty cohort
        c = h.mentoring_cohort(2, 2)
        c.participants[1].id = c.participants[0].id  # duplicate id
        corpus.append(self.pb.MatchRequest(cohort=c))
        c = h.mentoring_cohort(2, 2)
        c.participants[2].goals["competence"] = math.inf
        corpus.append(self.pb.MatchRequest(cohort=c))
        c = h.mentoring_cohort(2, 2)
        c.participants[2].id = "x" * 100000  # huge string
        corpus.append(self.pb.MatchRequest(cohort=c))
        c = h.mentoring_cohort(2, 2)
        c.participants[2].roles.append(99)  # unknown enum number
        corpus.append(self.pb.MatchRequest(cohort=c))
        corpus.append(self.pb.MatchRequest(cohort=h.mentoring_cohort(2, 2),
                                           objective=42))
        for i, request in enumerate(corpus):
            with self.subTest(i=i):
                with self.assertRaises(grpc.RpcError) as e:
                    self.stub.Match(request, timeout=10)
                self.assertEqual(e.exception.code(),
                                 grpc.StatusCode.INVALID_ARGUMENT)
                _, details = h.error_details(e.exception)
                self.assertGreater(len(details["BadRequest"].field_violations), 0)

    def test_cohort_cap(self):
        request = self.pb.ValidateRequest(cohort=h.peer_cohort(201))
        self.assert_invalid(self.stub.Validate, request, ["cohort.participants"])

    def test_answers_carry_hash_and_version(self):
        hex64 = re.compile(r"^[0-9a-f]{64}$")
        v = self.stub.Validate(self.pb.ValidateRequest(cohort=h.peer_cohort(10)),
                               timeout=10)
        self.assertTrue(v.valid)
        self.assertRegex(v.input_hash, hex64)
        match_request = self.pb.MatchRequest(cohort=h.mentoring_cohort(3, 5))
        m1 = self.stub.Match(match_request, timeout=10)
        m2 = self.stub.Match(match_request, timeout=10)
        self.assertEqual(m1.status, self.pb.SOLVER_STATUS_OPTIMAL)
        self.assertEqual(m1.summary.matched, 5)
        self.assertRegex(m1.input_hash, hex64)
        self.assertEqual(m1.input_hash, m2.input_hash)
        self.assertNotEqual(m1.input_hash, v.input_hash)
        self.assertEqual(m1.engine_version, m2.engine_version)
        self.assertNotEqual(m1.engine_version, "")
        s = self.stub.Score(self.pb.ScoreRequest(cohort=h.mentoring_cohort(3, 5),
                                                 top_k=2), timeout=10)
        self.assertEqual(len(s.mentees), 5)
        self.assertRegex(s.input_hash, hex64)
        p = self.stub.PeerPairs(self.pb.PeerPairsRequest(cohort=h.peer_cohort(10)),
                                timeout=10)
        self.assertEqual(p.summary.paired, 10)
        self.assertRegex(p.input_hash, hex64)
        g = self.stub.FormGroups(h.groups_request(20, max_rounds=10),
                                 timeout=h.HANG_GUARD)
        self.assertEqual(g.status, self.pb.GROUPS_STATUS_FEASIBLE)
        self.assertEqual(g.summary.seed, 7)
        self.assertRegex(g.input_hash, hex64)

    def assert_improvements(self, improved, request, members):
        """Each improving solution is a partition of `members` into groups
        within the size bounds, better than the one before."""
        for i in improved:
            self.assertEqual(sorted(m for g in i.groups for m in g.member_ids),
                             members)
            for g in i.groups:
                self.assertGreaterEqual(len(g.member_ids), request.min_size)
                self.assertLessEqual(len(g.member_ids), request.max_size)
        objectives = [i.objective for i in improved]
        self.assertEqual(objectives, sorted(objectives))

    def test_stream_sends_paced_progress_and_improvements(self):
        # A search that runs until cancelled (no deadline, so its limit is
        # the request's): wait for three progress messages, one at least
        # with an improving solution.
        request = h.groups_request(40, time_limit=h.FOREVER)
        stream = h.StreamCall(self.stub, request)
        progress = stream.wait_progress(3, improved=1)
        stream.cancel()
        self.assertEqual(stream.wait_end(), "CANCELLED")
        self.assertEqual(stream.progress()[:len(progress)], progress)
        self.assertFalse(any(m.HasField("result") for m in stream.messages))
        # At most ~4 a second by the server's clock (elapsed_ms, whole ms):
        # one message per 250 ms tick.
        elapsed = [p.elapsed_ms for p in progress]
        gaps = [b - a for a, b in zip(elapsed, elapsed[1:])]
        self.assertTrue(all(g >= 250 for g in gaps), elapsed)
        self.assertGreaterEqual(elapsed[0], 250)
        self.assertTrue(all(p.limit_ms == 1000 * h.FOREVER for p in progress),
                        [p.limit_ms for p in progress])
        improved = [p.improved for p in progress if p.HasField("improved")]
        members = sorted(p.id for p in request.cohort.participants)
        self.assert_improvements(improved, request, members)

    def test_stream_sends_progress_then_the_result(self):
        request = h.groups_request(40, max_rounds=100)
        messages = list(self.stub.FormGroupsStream(request,
                                                   timeout=h.HANG_GUARD))
        kinds = [m.WhichOneof("update") for m in messages]
        self.assertEqual(kinds[-1], "result")
        self.assertEqual(kinds.count("result"), 1)
        result = messages[-1].result
        self.assertEqual(result.status, self.pb.GROUPS_STATUS_FEASIBLE)
        self.assertEqual(result.summary.stop_reason, "round limit")
        self.assertEqual(result.summary.rounds, 100)
        self.assertRegex(result.input_hash, r"^[0-9a-f]{64}$")
        self.assertEqual(sum(len(g.member_ids) for g in result.groups), 40)
        # However many progress messages the 100 rounds took (none on a
        # fast enough machine): in order, and every improving solution a
        # partition never better than the result.
        progress = [m.progress for m in messages if m.HasField("progress")]
        elapsed = [p.elapsed_ms for p in progress]
        self.assertEqual(elapsed, sorted(elapsed))
        improved = [p.improved for p in progress if p.HasField("improved")]
        members = sorted(m for g in result.groups for m in g.member_ids)
        self.assert_improvements(improved, request, members)
        # (The search sums affinities in its own order: allow rounding.)
        for i in improved:
            self.assertLessEqual(i.objective, result.summary.total * (1 + 1e-6))
        # The same request answers the same groups by the unary rpc.
        unary = self.stub.FormGroups(request, timeout=h.HANG_GUARD)
        self.assertEqual(unary.groups, result.groups)

    def test_explain_pair_and_group(self):
        hex64 = re.compile(r"^[0-9a-f]{64}$")
        cohort = h.mentoring_cohort(3, 5)
        # ExplainPair: the score Score reports for the same pair.
        pair = self.stub.ExplainPair(
            self.pb.ExplainPairRequest(cohort=cohort, mentor_id="m01",
                                       mentee_id="a00"), timeout=10)
        self.assertTrue(pair.allowed)
        self.assertEqual(list(pair.excluded_by), [])
        self.assertRegex(pair.input_hash, hex64)
        self.assertNotEqual(pair.engine_version, "")
        self.assertAlmostEqual(
            sum(c.contribution for c in pair.contributions), pair.score,
            places=12)
        score = self.stub.Score(self.pb.ScoreRequest(cohort=cohort, top_k=3),
                                timeout=10)
        listed = {r.mentor_id: r.score for r in score.mentees[0].mentors}
        self.assertEqual(pair.score, listed["m01"])
        self.assert_invalid(
            self.stub.ExplainPair,
            self.pb.ExplainPairRequest(cohort=cohort, mentor_id="a01",
                                       mentee_id=h.CANARY), ["mentor_id",
                                                             "mentee_id"])
        # ExplainGroup: the score FormGroups reports for a formed group.
        request = h.groups_request(20, max_rounds=10)
        groups = self.stub.FormGroups(request, timeout=h.HANG_GUARD)
        self.assertEqual(groups.status, self.pb.GROUPS_STATUS_FEASIBLE)
        formed = groups.groups[0]
        group = self.stub.ExplainGroup(
            self.pb.ExplainGroupRequest(cohort=request.cohort,
                                        member_role=request.member_role,
                                        member_ids=formed.member_ids),
            timeout=10)
        self.assertEqual(group.score, formed.score)
        self.assertEqual(group.mean_pair_score, formed.mean_pair_score)
        n = len(formed.member_ids)
        self.assertEqual(len(group.pairs), n * (n - 1) // 2)
        self.assertAlmostEqual(sum(p.score for p in group.pairs), group.score,
                               places=9)
        self.assertEqual(list(group.conflicts), [])
        self.assertRegex(group.input_hash, hex64)
        ids = list(formed.member_ids)
        _, details = self.assert_invalid(
            self.stub.ExplainGroup,
            self.pb.ExplainGroupRequest(cohort=request.cohort,
                                        member_ids=ids + [ids[0]]),
            ["member_ids[%d]" % n])
        text = " ".join(v.description
                        for v in details["BadRequest"].field_violations)
        self.assertNotIn(ids[0], text)

    def test_zz_no_canary_in_logs(self):
        self.assertGreater(len(self.server.call_lines()), 5)
        h.assert_no_canary_in_logs(self)


if __name__ == "__main__":
    h.main()

#!/usr/bin/python3
"""Excel workbooks and CSV styles of `sopu`, opened as staff would.

Usage: staff_xlsx_test.py SOPU REPO

Writes score, match, groups and explain workbooks from the bundled examples
and opens them with openpyxl: the sheet names, the header row (bold,
frozen, filtered), scores stored as numbers with a number format, and as
many rows as the JSON response of the same run has. When LibreOffice is
installed, one workbook is also converted to CSV by it (it must open the
file without a repair). Then the CSV styles and the usage errors.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import openpyxl

SOPU = ""
REPO = ""


def run(*args, expect=0, cwd=None):
    """Runs sopu; returns its result, after checking the exit code."""
    result = subprocess.run([SOPU, *args], capture_output=True, check=False,
                            cwd=cwd)
    if result.returncode != expect:
        raise AssertionError(
            f"sopu {' '.join(args)}: exit {result.returncode}, expected "
            f"{expect}: {result.stderr.decode()}")
    return result


def response(*args):
    return json.loads(run(*args, "--format", "json").stdout)


def data_rows(sheet):
    return list(sheet.iter_rows(min_row=2, values_only=True))


class Workbooks(unittest.TestCase):

    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.cohort = os.path.join(REPO, "examples", "cohort.csv")
        self.policy = os.path.join(REPO, "examples", "policy.json")
        self.groups_policy = os.path.join(REPO, "examples",
                                          "groups-policy.json")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def check_table(self, sheet, headers):
        self.assertEqual([c.value for c in sheet[1]], headers)
        self.assertTrue(all(c.font.b for c in sheet[1]), sheet.title)
        self.assertEqual(sheet.freeze_panes, "A2")
        last = openpyxl.utils.get_column_letter(len(headers))
        self.assertEqual(sheet.auto_filter.ref, f"A1:{last}{sheet.max_row}")
        self.assertGreater(sheet.column_dimensions["A"].width, 0)

    def check_scores(self, sheet, column):
        for row in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            # A number cell (openpyxl reads 0.0 as the int 0).
            self.assertEqual(row[0].data_type, "n", sheet.title)
            self.assertIsInstance(row[0].value, (int, float), sheet.title)
            self.assertEqual(row[0].number_format, "0.000")

    def test_match(self):
        args = ("match", self.cohort, "--policy", self.policy)
        expected = response(*args)
        run(*args, "-o", self.path("match.xlsx"))
        book = openpyxl.load_workbook(self.path("match.xlsx"))
        mentors = []
        for pair in expected["pairs"]:
            if pair["mentor_id"] not in mentors:
                mentors.append(pair["mentor_id"])
        self.assertEqual(book.sheetnames[:4],
                         ["Summary", "Pairs", "Unmatched", "Policy"])
        self.assertEqual(len(book.sheetnames), 4 + len(mentors))
        self.assertTrue(book.sheetnames[4].startswith("m01 "))
        pairs = book["Pairs"]
        self.check_table(pairs, [
            "Mentor ID", "Mentor", "Mentee ID", "Mentee", "Score",
            "Rank for mentee", "Locked", "Reason 1", "Contribution 1",
            "Reason 2", "Contribution 2", "Reason 3", "Contribution 3"
        ])
        self.assertEqual(len(data_rows(pairs)), len(expected["pairs"]))
        self.check_scores(pairs, 5)
        first = data_rows(pairs)[0]
        self.assertEqual(first[2], expected["pairs"][0]["mentee_id"])
        self.assertAlmostEqual(first[4], expected["pairs"][0]["score"])
        self.assertEqual(len(data_rows(book["Unmatched"])),
                         len(expected.get("unmatched", [])))
        policy = book["Policy"]
        self.check_table(policy, [
            "Criterion", "Kind", "Weight", "Share of score", "Must hold",
            "Details"
        ])
        names = [row[0] for row in data_rows(policy)]
        self.assertEqual(names[:-2],
                         [c["name"] for c in expected["policy"]["criteria"]])
        self.assertEqual(names[-2:], ["same organisation", "avoid lists"])
        summary = dict(data_rows(book["Summary"]))
        self.assertEqual(summary["Matched"], expected["summary"]["matched"])
        # A mentor's sheet lists exactly their mentees.
        mine = [p for p in expected["pairs"] if p["mentor_id"] == "m01"]
        sheet = book[book.sheetnames[4]]
        self.assertEqual([r[0] for r in data_rows(sheet)],
                         [p["mentee_id"] for p in mine])
        self.check_scores(sheet, 3)

    def test_many_mentors_are_capped_with_a_note(self):
        cohort = self.path("big.csv")
        run("gen", "--mentors", "70", "--mentees", "200", "--seed", "1", "-o",
            cohort)
        expected = response("match", cohort)
        mentors = {p["mentor_id"] for p in expected["pairs"]}
        self.assertGreater(len(mentors), 50)
        run("match", cohort, "-o", self.path("big.xlsx"))
        book = openpyxl.load_workbook(self.path("big.xlsx"))
        self.assertEqual(len(book.sheetnames), 4 + 50)
        for name in book.sheetnames:
            self.assertLessEqual(len(name), 31)
            self.assertFalse(set(name) & set("[]:*?/\\"))
        self.assertEqual(len({n.lower() for n in book.sheetnames}),
                         len(book.sheetnames))
        summary = dict(data_rows(book["Summary"]))
        self.assertEqual(
            summary["Note"],
            f"Sheets for the first 50 mentors only; the other "
            f"{len(mentors) - 50} are on the sheet \"Pairs\" (filter by its "
            f"first column)")

    def test_score(self):
        args = ("score", self.cohort, "--policy", self.policy, "--top", "3")
        expected = response(*args)
        run(*args, "--format", "xlsx", "-o", self.path("score.xlsx"))
        book = openpyxl.load_workbook(self.path("score.xlsx"))
        self.assertEqual(book.sheetnames,
                         ["Summary", "Top mentors", "Without mentor", "Policy"])
        top = book["Top mentors"]
        self.assertEqual([c.value for c in top[1]][:6], [
            "Mentee ID", "Mentee", "Rank", "Mentor ID", "Mentor", "Score"
        ])
        self.assertEqual(len(data_rows(top)),
                         sum(len(m.get("mentors", [])) for m in
                             expected["mentees"]))
        self.check_scores(top, 6)

    def test_groups(self):
        args = ("groups", self.cohort, "--policy", self.groups_policy,
                "--role", "mentee", "--size", "4-6", "--rounds", "2",
                "--facilitators", "mentor")
        expected = response(*args)
        run(*args, "-o", self.path("groups.xlsx"))
        book = openpyxl.load_workbook(self.path("groups.xlsx"))
        groups = expected["groups"]
        self.assertEqual(book.sheetnames, [
            "Summary", "Groups", "Unassigned", "Rules", "Policy"
        ] + [f"Group {g['number']}" for g in groups])
        sheet = book["Groups"]
        self.check_table(sheet, [
            "Group", "Shared value", "Member ID", "Member", "Group score",
            "Mean pair score", "Facilitator ID", "Facilitator", "Note"
        ])
        rows = data_rows(sheet)
        self.assertEqual(len(rows), sum(len(g["member_ids"]) for g in groups))
        self.assertEqual([r[0] for r in rows],
                         [g["number"] for g in groups for _ in g["member_ids"]])
        self.assertIsInstance(rows[0][0], int)
        self.check_scores(sheet, 5)
        first = book["Group 1"]
        self.assertEqual([r[1] for r in data_rows(first)],
                         [groups[0]["facilitator_id"]] + groups[0]["member_ids"])

    def test_explain(self):
        args = ("explain", self.cohort, "--policy", self.policy, "--pair",
                "m01,a02")
        expected = response(*args)
        run(*args, "-o", self.path("explain.xlsx"))
        book = openpyxl.load_workbook(self.path("explain.xlsx"))
        self.assertEqual(book.sheetnames, ["Summary", "Explanation", "Policy"])
        rows = data_rows(book["Explanation"])
        self.assertEqual([r[0] for r in rows],
                         [c["criterion"] for c in expected["contributions"]])
        self.check_scores(book["Explanation"], 3)

    @unittest.skipUnless(shutil.which("libreoffice"), "LibreOffice absent")
    def test_libreoffice_opens_the_workbook(self):
        run("match", self.cohort, "--policy", self.policy, "-o",
            self.path("lo.xlsx"))
        subprocess.run([
            "libreoffice", "--headless", "--convert-to", "csv", "--outdir",
            self.dir, self.path("lo.xlsx")
        ], capture_output=True, check=True, timeout=300,
            env={**os.environ, "HOME": self.dir})
        with open(self.path("lo.csv"), encoding="utf-8") as f:
            lines = f.read().splitlines()
        self.assertEqual(lines[0], "Item,Value")
        self.assertIn("Objective,optimal", lines)


class Options(unittest.TestCase):

    def setUp(self):
        self.cohort = os.path.join(REPO, "examples", "cohort.csv")
        self.dir = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_csv_styles(self):
        semicolon = run("match", self.cohort, "--format", "csv",
                        "--csv-style", "semicolon").stdout.decode()
        lines = semicolon.split("\r\n")
        self.assertTrue(lines[0].startswith("\ufeffmentee_id;mentee_name;"))
        score = lines[1].split(";")[4]
        self.assertRegex(score, r"^0,\d{4}$")
        # auto follows the cohort file, which is ';' with decimal commas.
        auto = run("match", self.cohort, "--format", "csv").stdout.decode()
        self.assertEqual(auto, semicolon)
        comma = run("match", self.cohort, "--format", "csv", "--csv-style",
                    "comma").stdout.decode()
        self.assertRegex(comma.split("\r\n")[1].split(",")[4], r"^0\.\d{4}$")
        tab = run("score", self.cohort, "--format", "csv", "--csv-style",
                  "tab").stdout.decode()
        self.assertTrue(tab.startswith("\ufeffmentee_id\tmentee_name\trank"))

    def test_usage_errors(self):
        bad = run("match", self.cohort, "--csv-style", "excel", expect=2)
        self.assertIn(b"auto", bad.stderr)
        self.assertIn(b"semicolon", bad.stderr)
        tty = run("match", self.cohort, "--format", "xlsx", expect=2)
        self.assertIn(b"give -o FILE.xlsx", tty.stderr)
        clash = run("score", self.cohort, "--format", "csv", "-o", "x.xlsx",
                    expect=2, cwd=self.dir)
        self.assertIn(b"--format csv does not fit the output file x.xlsx",
                      clash.stderr)
        self.assertEqual(os.listdir(self.dir), [])
        # score has no report: an .html file is not silently a table.
        no_html = run("score", self.cohort, "-o", "x.html", expect=2,
                      cwd=self.dir)
        self.assertIn(
            b"x.html: this command cannot write html; its formats are "
            b"table, csv, json, xlsx", no_html.stderr)
        self.assertEqual(os.listdir(self.dir), [])


if __name__ == "__main__":
    SOPU, REPO = sys.argv[1], sys.argv[2]
    unittest.main(argv=sys.argv[:1], verbosity=1)

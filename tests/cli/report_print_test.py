#!/usr/bin/python3
"""The printable report as a browser prints it.

Usage: report_print_test.py SOPU REPO

Renders the match and groups reports of the bundled examples (with two
names changed: one very long without spaces, one full of markup) with
headless Chromium to PDF and PNG. Checks that the PDF has exactly one page
for the summary, one per mentor or group and one for the unmatched, that
the screenshot is a PNG, and, through a copy of the page with a test-only
script, that no element's content is wider than its box. Exits 77 (skipped)
when Chromium is not installed.
"""
import csv
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest

SOPU = ""
REPO = ""
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# A4 at the CSS 96 px per inch.
A4_WIDTH, A4_HEIGHT = 794, 1123
LONG_NAME = "Wolfeschlegelsteinhausenbergerdorff" * 3
MARKUP_NAME = "<b>Aino</b> & \"Eino\" 'Virtanen'"

# Marks every HTML box whose content is wider than the box, and the page when
# it scrolls sideways; the count goes to <body data-overflow-count>. (SVG
# shapes are placed by the chart's own coordinates, not by CSS boxes.)
OVERFLOW_PROBE = """<script>
window.addEventListener('load', () => {
  let count = 0;
  for (const el of document.querySelectorAll('body *')) {
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') continue;
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
      el.setAttribute('data-overflow', el.scrollWidth + '>' + el.clientWidth);
      ++count;
    }
  }
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) ++count;
  document.body.setAttribute('data-overflow-count', String(count));
});
</script>"""


def chromium(*args, cwd):
    return subprocess.run([
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--no-default-browser-check",
        f"--user-data-dir={os.path.join(cwd, 'profile')}", *args
    ], capture_output=True, check=True, timeout=300, cwd=cwd)


def pdf_pages(path):
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", path], capture_output=True,
                              check=True, text=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    with open(path, "rb") as f:
        return len(re.findall(rb"/Type\s*/Page[^s]", f.read()))


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", head[16:24])


class PrintedReport(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp()
        cls.cohort = os.path.join(cls.dir, "cohort.csv")
        with open(os.path.join(REPO, "examples", "cohort.csv"),
                  encoding="utf-8-sig") as f:
            rows = list(csv.reader(f, delimiter=";"))
        # m01 leads mentees; a01 is a mentee in a group.
        name = rows[0].index("name")
        ids = [r[0] for r in rows]
        rows[ids.index("m01")][name] = LONG_NAME
        rows[ids.index("a01")][name] = MARKUP_NAME
        out = io.StringIO()
        csv.writer(out, delimiter=";", lineterminator="\n").writerows(rows)
        with open(cls.cohort, "w", encoding="utf-8-sig") as f:
            f.write(out.getvalue())

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def render(self, name, args):
        """Writes the report; returns (html, PDF pages, overflow count)."""
        html_path = os.path.join(self.dir, f"{name}.html")
        subprocess.run([SOPU, *args, "-o", html_path], check=True)
        with open(html_path, encoding="utf-8") as f:
            html = f.read()
        pdf = os.path.join(self.dir, f"{name}.pdf")
        chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                 f"file://{html_path}", cwd=self.dir)
        png = os.path.join(self.dir, f"{name}.png")
        chromium(f"--screenshot={png}",
                 f"--window-size={A4_WIDTH},{A4_HEIGHT}",
                 f"file://{html_path}", cwd=self.dir)
        self.assertEqual(png_size(png), (A4_WIDTH, A4_HEIGHT))
        probe_path = os.path.join(self.dir, f"{name}-probe.html")
        with open(probe_path, "w", encoding="utf-8") as f:
            f.write(html.replace("</body>", OVERFLOW_PROBE + "</body>"))
        dom = chromium("--dump-dom", "--virtual-time-budget=5000",
                       f"--window-size={A4_WIDTH},{A4_HEIGHT}",
                       f"file://{probe_path}", cwd=self.dir).stdout.decode()
        found = re.search(r'data-overflow-count="(\d+)"', dom)
        self.assertIsNotNone(found, "the probe did not run")
        overflowing = re.findall(r"<(\w+)[^>]*data-overflow=\"([^\"]*)\"",
                                 dom)
        self.assertEqual(int(found.group(1)), 0, overflowing)
        return html, pdf_pages(pdf)

    def test_match_report(self):
        args = ["match", self.cohort, "--policy",
                os.path.join(REPO, "examples", "policy.json")]
        response = json.loads(
            subprocess.run([SOPU, *args, "--format", "json"], check=True,
                           capture_output=True).stdout)
        mentors = {p["mentor_id"] for p in response["pairs"]}
        html, pages = self.render("match", args)
        self.assertEqual(pages, 1 + len(mentors) + 1)
        self.assertNotIn("<b>Aino", html)
        self.assertIn("&lt;b&gt;Aino&lt;/b&gt; &amp; &quot;Eino&quot;", html)

    def test_groups_report(self):
        args = ["groups", self.cohort, "--policy",
                os.path.join(REPO, "examples", "groups-policy.json"),
                "--role", "mentee", "--size", "4-6", "--rounds", "2",
                "--facilitators", "mentor"]
        response = json.loads(
            subprocess.run([SOPU, *args, "--format", "json"], check=True,
                           capture_output=True).stdout)
        _, pages = self.render("groups", args)
        self.assertEqual(pages, 1 + len(response["groups"]) + 1)


if __name__ == "__main__":
    SOPU, REPO = sys.argv[1], sys.argv[2]
    if CHROMIUM is None:
        print("chromium is not installed: skipped")
        sys.exit(77)
    result = unittest.main(argv=sys.argv[:1], verbosity=1, exit=False).result
    sys.exit(0 if result.wasSuccessful() else 1)

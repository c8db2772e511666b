"""The API against its own description: a bounded schemathesis run, every check, against demos.

`scripts/test.sh` runs this after the Swift tests. Each demo is started from the built binary in a
fresh data folder; schemathesis (from PyPI, in the test environment) reads the OpenAPI document the
demo serves and sends generated requests, valid and invalid, with the demo's DPO token: every
answer must be one the document gives (status, headers and body), no request the document allows
may be refused as malformed, none it forbids may be accepted, and nothing may fail with a 5xx.
The seed and the number of examples are fixed, so a run is repeatable and bounded.
"""

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CUSTOS = os.environ.get("CUSTOS_BINARY", os.path.join(ROOT, ".build", "debug", "custos"))
SCHEMATHESIS = os.path.join(os.path.dirname(sys.executable), "schemathesis")
CONFIG = os.path.join(ROOT, "Tests", "api", "schemathesis.toml")
# Examples with different shapes: an association (consent, lists), a school (pupils, the school
# calendar, the educational record) and an ed-tech vendor (fees, objections).
EXAMPLES = ["ashe", "hutton", "bep"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Demo:
    """`custos demo` in a folder of its own, with the DPO token it prints."""

    def __init__(self, example, folder):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = os.path.join(folder, f"{example}.log")
        with open(self.log, "w") as output:
            self.process = subprocess.Popen(
                [CUSTOS, "demo", "--example", example, "--port", str(self.port),
                 "--data", os.path.join(folder, example)],
                stdout=output, stderr=subprocess.STDOUT, cwd=folder)
        deadline = time.time() + 180
        self.token = None
        while self.token is None:
            with open(self.log) as output:
                match = re.search(r"Bearer (custos_[A-Za-z0-9_-]+)", output.read())
            if match:
                self.token = match.group(1)
            elif time.time() > deadline or self.process.poll() is not None:
                self.stop()
                raise RuntimeError(f"the {example} demo did not start; see {self.log}")
            else:
                time.sleep(0.2)
        urllib.request.urlopen(self.base + "/healthz", timeout=10)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


class ApiConformance(unittest.TestCase):
    def test_every_operation_answers_as_documented(self):
        for example in EXAMPLES:
            with self.subTest(example=example), tempfile.TemporaryDirectory(prefix="custos-api.") as folder:
                demo = Demo(example, folder)
                try:
                    run = subprocess.run(
                        [SCHEMATHESIS, "--no-color", "--config-file", CONFIG, "run", demo.base + "/api/v1/openapi.json",
                         "-H", f"Authorization: Bearer {demo.token}", "--checks", "all",
                         "--max-examples", "10", "--workers", "2", "--seed", "1"],
                        capture_output=True, text=True, timeout=900, cwd=folder)
                finally:
                    demo.stop()
                report = run.stdout + run.stderr
                summary = re.search(r"=+ (.*) in [0-9.]+s =+", report)
                print(f"{example}: {summary.group(1) if summary else 'no summary'}", file=sys.stderr)
                self.assertEqual(run.returncode, 0, report[-6000:])
                # The report names no failure, whatever the exit code says.
                self.assertNotRegex(report, r"[0-9]+ failures?\b")


if __name__ == "__main__":
    unittest.main()

"""The API against its own description: a bounded schemathesis run, every check, against demos.

`scripts/test.sh` runs this after the Swift tests. Each demo is started from the built binary in a
fresh data folder; schemathesis (from PyPI, in the test environment) reads the OpenAPI document the
demo serves and sends generated requests, valid and invalid, with the demo's DPO token: every
answer must be one the document gives (status, headers and body), no request the document allows
may be refused as malformed, none it forbids may be accepted, and nothing may fail with a 5xx.
The seed and the number of examples are fixed, so a run is repeatable and bounded.

Random ids reach nothing but 404s, so before the run each demo is given, through the API, what
the operations work on (a request of each kind about a person it holds, a legal hold, a school),
and schemathesis is told their ids and a purpose of the demo's policy: the generated bodies then
reach the services' own rules.
"""

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CUSTOS = os.environ.get("CUSTOS_BINARY", os.path.join(ROOT, ".build", "debug", "custos"))
SCHEMATHESIS = os.path.join(os.path.dirname(sys.executable), "schemathesis")
CONFIG = os.path.join(ROOT, "Tests", "api", "schemathesis.toml")
# Examples with different shapes, each with a purpose of its policy: an association (consent,
# lists), a school (pupils, the school calendar, the educational record) and an ed-tech vendor
# (fees, objections).
EXAMPLES = {"ashe": "booking_admin", "hutton": "education", "bep": "service_delivery"}


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

    def api(self, method, path, body=None, purpose=None):
        """One call to the demo's API: its status and its JSON."""
        headers = {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}
        if purpose:
            headers["Custos-Purpose"] = purpose
        request = urllib.request.Request(
            self.base + "/api/v1" + path, method=method, headers=headers,
            data=None if body is None else json.dumps(body).encode())
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return answer.status, json.loads(answer.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")


def fixtures(demo, purpose):
    """What the operations work on, made through the API: {operation name: {parameter: value}}."""
    status, listed = demo.api("GET", "/requests?all=true")
    assert status == 200, listed
    requests = listed["requests"]
    people = list(dict.fromkeys(request["subject"] for request in requests if request.get("subject")))
    assert people, "the demo holds requests about people"
    person, other = people[0], people[-1]
    by_kind = {}
    for request in requests:
        if request.get("subject") and not request["state"] in ("completed", "refused"):
            by_kind.setdefault(request["kind"], request["id"])
    for kind in ["access", "rectification", "erasure", "restriction", "objection", "portability"]:
        if kind not in by_kind:
            status, made = demo.api("POST", "/requests", {
                "kind": kind, "subject": other if kind == "erasure" else person, "channel": "email",
                "identityShown": True})
            if status == 201:
                by_kind[kind] = made["id"]
    status, read = demo.api("GET", f"/subjects/{person}", purpose=purpose)
    assert status == 200, read
    record = read["records"][0]["record"]
    status, hold = demo.api("POST", "/legal-holds", {"subject": person, "reason": "a claim, for the test"})
    assert status == 201, hold
    status, school = demo.api("POST", "/schools", {"name": "Schemathesis Primary", "urn": "123456"})
    assert status == 201, school

    operations = {
        ("GET /subjects/{subject}", "GET /subjects/{subject}/consents", "POST /subjects/{subject}/consents",
         "POST /subjects/{subject}/opt-out"): {"path.subject": person},
        ("GET /records/{record}", "PATCH /records/{record}"): {"path.record": record},
        ("GET /schools/{school}/subjects",): {"path.school": school["id"]},
        ("POST /legal-holds/{hold}/release",): {"path.hold": hold["id"]},
    }
    uses = {
        "access": ["GET /requests/{request}", "GET /requests/{request}/package",
                   "POST /requests/{request}/withholdings", "POST /requests/{request}/events",
                   "POST /requests/{request}/subject"],
        "erasure": ["GET /requests/{request}/erasure", "POST /requests/{request}/erasure",
                    "GET /requests/{request}/certificate"],
        "rectification": ["POST /requests/{request}/rectification"],
        "restriction": ["POST /requests/{request}/restriction"],
        "objection": ["POST /requests/{request}/objection"],
        "portability": ["GET /requests/{request}/portable"],
    }
    for kind, names in uses.items():
        if kind in by_kind:
            operations[tuple(names)] = {"path.request": by_kind[kind]}
    return operations


def configuration(folder, purpose, operations):
    """Tests/api/schemathesis.toml, with the demo's purpose and the ids each operation works on."""
    with open(CONFIG) as base:
        text = base.read()
    text += f'\n[parameters]\n"header.Custos-Purpose" = {json.dumps(purpose)}\n'
    for names, parameters in operations.items():
        values = ", ".join(f"{json.dumps(key)} = {json.dumps(value)}" for key, value in parameters.items())
        text += f"\n[[operations]]\ninclude-name = {json.dumps(list(names))}\nparameters = {{ {values} }}\n"
    path = os.path.join(folder, "schemathesis.toml")
    with open(path, "w") as output:
        output.write(text)
    return path


class ApiConformance(unittest.TestCase):
    def test_every_operation_answers_as_documented(self):
        for example, purpose in EXAMPLES.items():
            with self.subTest(example=example), tempfile.TemporaryDirectory(prefix="custos-api.") as folder:
                demo = Demo(example, folder)
                try:
                    config = configuration(folder, purpose, fixtures(demo, purpose))
                    run = subprocess.run(
                        [SCHEMATHESIS, "--no-color", "--config-file", config, "run", demo.base + "/api/v1/openapi.json",
                         "-H", f"Authorization: Bearer {demo.token}", "--checks", "all",
                         "--max-examples", "10", "--workers", "2", "--seed", "1"],
                        capture_output=True, text=True, timeout=900, cwd=folder)
                finally:
                    demo.stop()
                report = run.stdout + run.stderr
                summary = re.search(r"=+ (.*) in [0-9.]+s =+", report)
                cases = re.search(r"([0-9]+) generated", report)
                print(f"{example}: {cases.group(1) if cases else '?'} cases, "
                      f"{summary.group(1) if summary else 'no summary'}", file=sys.stderr)
                for warning in re.findall(r"^\s*⚠️ (.*)$", report, re.MULTILINE):
                    print(f"  {warning}", file=sys.stderr)
                self.assertEqual(run.returncode, 0, report[-20000:])
                # The report names no failure, whatever the exit code says.
                self.assertNotRegex(report, r"[0-9]+ failures?\b")


if __name__ == "__main__":
    unittest.main()

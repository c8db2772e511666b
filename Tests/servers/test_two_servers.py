"""Two real `custos serve` processes on one PostgreSQL database, tried as an organisation that
outgrew one machine would run them (docs/operations.md, "Several servers").

`scripts/test.sh` runs this after the Swift tests with CUSTOS_SERVERS_DATABASE_URL naming an empty
database on its private PostgreSQL. Each test sends a bounded load (tens to a few hundred requests)
to both servers and then checks what the database holds, and the audit chain is verified after
each. The same guarantees are tried store against store, on SQLite too, by the Swift suite
"Several servers on one database".
"""

import concurrent.futures
import datetime
import glob
import http.cookiejar
import json
import os
import re
import signal
import socket
import subprocess
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CUSTOS = os.environ.get("CUSTOS_BINARY", os.path.join(ROOT, ".build", "debug", "custos"))
DATABASE = os.environ.get("CUSTOS_SERVERS_DATABASE_URL")
PASSWORD = "two servers, one database"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Server:
    """One `custos serve` process on the shared database."""

    def __init__(self, suite, name):
        self.suite = suite
        self.name = name
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self):
        log = os.path.join(self.suite.folder, f"{self.name}.log")
        with open(log, "a") as output:
            self.process = subprocess.Popen(
                [CUSTOS, "serve", "--port", str(self.port), "--trusted-proxy", "127.0.0.1"] + self.suite.store,
                stdout=output, stderr=subprocess.STDOUT, env=self.suite.environment)
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=2)
                return
            except OSError:
                if time.time() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"server {self.name} did not start; see {log}")
                time.sleep(0.2)

    def stop(self, sig=signal.SIGTERM):
        if self.process and self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=30)


class TwoServers(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not DATABASE:
            raise unittest.SkipTest("CUSTOS_SERVERS_DATABASE_URL names no database")
        cls.folder = tempfile.mkdtemp(prefix="custos-servers-")
        cls.store = ["--database", DATABASE, "--key-file", os.path.join(cls.folder, "master.key")]
        cls.environment = dict(os.environ, LOG_LEVEL="warning", CUSTOS_MAIL_URL=os.path.join(cls.folder, "mail"))
        cls.environment.pop("CUSTOS_MASTER_KEY", None)
        cls.custos("init", "--policy", os.path.join(ROOT, "Examples", "asset.yaml"))
        cls.token = cls.custos("token", "add", "--name", "servers", "--role", "staff").strip()
        cls.custos("user", "add", "--email", "office@asset.example", "--name", "Office", "--role", "staff",
                   "--password-stdin", input=PASSWORD + "\n")
        cls.servers = [Server(cls, "a"), Server(cls, "b")]
        for server in cls.servers:
            server.start()

    @classmethod
    def tearDownClass(cls):
        for server in getattr(cls, "servers", []):
            server.stop()

    @classmethod
    def custos(cls, *arguments, input=None, check=True):
        done = subprocess.run([CUSTOS, *arguments, *cls.store], input=input, capture_output=True, text=True,
                              env=cls.environment, timeout=300)
        if check and done.returncode != 0:
            raise AssertionError(f"custos {' '.join(arguments)} failed: {done.stderr}")
        return done.stdout

    def tearDown(self):
        # The chain verifies after each test, whatever the load did.
        self.custos("audit", "verify")

    # Helpers -------------------------------------------------------------------------------------

    def api(self, server, method, path, body=None, purpose="account_management"):
        request = urllib.request.Request(
            server.base + "/api/v1" + path, method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json",
                     "Custos-Purpose": purpose})
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                return answer.status, json.loads(answer.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def write_contact(self, server, email, name="Ann Head"):
        return self.api(server, "POST", "/records", {
            "type": "contact", "values": {"name": name, "school_name": "Hill School", "email": email}})

    def people_with(self, email):
        status, found = self.api(self.servers[0], "POST", "/subjects/search", {"kind": "email", "value": email})
        self.assertEqual(status, 200, found)
        return found["subjects"] if isinstance(found, dict) else found

    def sign_in(self, server, password, email="office@asset.example", client="198.51.100.1", opener=None):
        opener = opener or urllib.request.build_opener(NoRedirect)
        body = urllib.parse.urlencode({"email": email, "password": password}).encode()
        request = urllib.request.Request(server.base + "/console/sign-in", data=body, method="POST",
                                         headers={"X-Forwarded-For": client})
        try:
            with opener.open(request, timeout=60) as answer:
                return answer.status
        except urllib.error.HTTPError as error:
            return error.code

    # Tests ---------------------------------------------------------------------------------------

    def test_1_concurrent_writes_about_one_person_make_one_person(self):
        emails = [f"pair{number}@school.example" for number in range(30)]
        with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
            answers = list(pool.map(lambda job: self.write_contact(*job),
                                    [(server, email) for email in emails for server in self.servers]))
        self.assertEqual([status for status, _ in answers if status not in (200, 201)], [], answers[:3])
        for email in emails:
            self.assertEqual(len(self.people_with(email)), 1, email)

    def test_2_parallel_wrong_passwords_on_both_servers_all_count(self):
        with concurrent.futures.ThreadPoolExecutor(max_workers=5) as pool:
            statuses = list(pool.map(lambda number: self.sign_in(self.servers[number % 2], "wrong password"),
                                     range(5)))
        self.assertEqual(statuses, [401] * 5)
        listed = self.custos("user", "list")
        self.assertRegex(listed, r"office@asset\.example\s+staff\s+locked until")
        # Locked: the right password is refused on both, exactly as a wrong one.
        self.assertEqual([self.sign_in(server, PASSWORD) for server in self.servers], [401, 401])
        self.custos("user", "enable", "office@asset.example")
        self.assertEqual(self.sign_in(self.servers[1], PASSWORD), 303)

    def test_3_the_sign_in_limit_per_address_holds_across_servers(self):
        client = "203.0.113.7"
        statuses = []
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
            statuses = list(pool.map(
                lambda number: self.sign_in(self.servers[number % 2], "guess", email=f"nobody{number}@x.example",
                                            client=client), range(100)))
        self.assertEqual(statuses, [401] * 100)
        # The 101st attempt from that address is refused by either server; another address is not.
        self.assertEqual([self.sign_in(server, "guess", email="n@x.example", client=client)
                          for server in self.servers], [429, 429])
        self.assertEqual(self.sign_in(self.servers[0], "guess", email="n@x.example", client="203.0.113.8"), 401)

    def test_4_an_import_started_on_one_server_is_seen_on_the_other(self):
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
        self.assertEqual(self.sign_in(self.servers[0], PASSWORD, opener=opener), 303)
        with opener.open(self.servers[0].base + "/console/imports", timeout=30) as page:
            form = page.read().decode()
        token = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
        purpose = re.search(r'name="purpose"[^>]*>\s*<option value="([^"]+)"', form).group(1)
        rows = "Name,School name,Email\n" + "".join(f"Imported {n},Hill School,imported{n}@school.example\n"
                                                    for n in range(200))
        boundary = uuid.uuid4().hex
        parts = [("csrf", token), ("type", "contact"), ("purpose", purpose)]
        body = "".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
                       for name, value in parts)
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="hill.csv"\r\n'
                 f'Content-Type: text/csv\r\n\r\n{rows}\r\n--{boundary}--\r\n')
        request = urllib.request.Request(
            self.servers[0].base + "/console/imports", data=body.encode(), method="POST",
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        try:
            opener.open(request, timeout=60)
            self.fail("the import did not redirect to its page")
        except urllib.error.HTTPError as error:
            self.assertEqual(error.code, 303)
            job = error.headers["Location"]
        deadline = time.time() + 60
        while True:
            with opener.open(self.servers[1].base + job, timeout=30) as page:
                self.assertEqual(page.status, 200)
                text = page.read().decode()
            self.assertIn("hill.csv", text)
            if 'http-equiv="refresh"' not in text:
                break
            self.assertLess(time.time(), deadline, "the import did not finish")
            time.sleep(0.5)
        self.assertRegex(text, r"\b200\b")
        self.assertEqual(len(self.people_with("imported199@school.example")), 1)

    def load(self, servers, stop, written, failures, prefix):
        """Writes people to each of `servers` until `stop` is set, noting ids and failures."""
        def writer(server, worker):
            number = 0
            while not stop.is_set():
                number += 1
                try:
                    status, answer = self.write_contact(server, f"{prefix}{server.name}{worker}-{number}@school.example")
                except OSError as error:
                    failures.append((server.name, str(error)))
                    continue
                if status in (200, 201):
                    written.append((server.name, answer["subjects"]))
                else:
                    failures.append((server.name, status))
        threads = [threading.Thread(target=writer, args=(server, worker)) for server in servers for worker in range(2)]
        for thread in threads:
            thread.start()
        return threads

    def readable_everywhere(self, written):
        for _, subjects in written:
            for subject in (subjects.values() if isinstance(subjects, dict) else subjects):
                for server in self.servers:
                    status, answer = self.api(server, "GET", f"/subjects/{subject}")
                    self.assertEqual(status, 200, (server.name, answer))

    def test_5_a_key_rotation_while_both_serve_leaves_everyone_readable(self):
        stop, written, failures = threading.Event(), [], []
        threads = self.load(self.servers, stop, written, failures, "rotation")
        rotated = self.custos("keys", "rotate", "--wait", "60")
        time.sleep(1)
        stop.set()
        for thread in threads:
            thread.join()
        self.assertIn("current on 2 running servers", rotated)
        self.assertEqual(failures, [])
        self.assertGreater(len(written), 20)
        status = self.custos("keys", "status")
        self.assertEqual(len(re.findall(r"Keys held in .*: (\S+) \(current first\)", status)), 1, status)
        self.readable_everywhere(written)
        for server in self.servers:
            server.stop()
            server.start()
        self.readable_everywhere(written)

    def test_6_one_server_killed_mid_load_loses_nothing_and_the_other_carries_on(self):
        stop, written, failures = threading.Event(), [], []
        survivor, victim = self.servers
        threads = self.load([survivor], stop, written, failures, "kill")
        victim_stop, victim_written, victim_failures = threading.Event(), [], []
        victim_threads = self.load([victim], victim_stop, victim_written, victim_failures, "killed")
        time.sleep(2)
        victim.stop(signal.SIGKILL)
        victim_stop.set()
        for thread in victim_threads:
            thread.join()
        before = len(written)
        time.sleep(2)
        stop.set()
        for thread in threads:
            thread.join()
        self.assertEqual(failures, [], "the surviving server failed requests")
        self.assertGreater(len(written), before, "the surviving server stopped writing")
        victim.start()
        # Every write either server answered is there, readable on both.
        self.readable_everywhere(written + victim_written)

    def test_7_reminders_due_are_sent_once_with_both_servers_passing(self):
        # Twenty open requests taken in 25 days ago: each is due within a week, so each earns the
        # DPO one reminder, which both servers' passes (every 30 seconds) would send.
        _, first = self.write_contact(self.servers[0], "reminded@school.example")
        subject = list(first["subjects"].values())[0] if isinstance(first["subjects"], dict) else first["subjects"][0]
        received = (datetime.date.today() - datetime.timedelta(days=25)).isoformat()
        for number in range(20):
            status, answer = self.api(self.servers[number % 2], "POST", "/requests", {
                "kind": "access", "channel": "email", "subject": subject, "received": received,
                "identityShown": True})
            self.assertEqual(status, 201, answer)

        def reminders():
            count = 0
            for name in glob.glob(os.path.join(self.folder, "mail", "**", "*.eml"), recursive=True):
                with open(name, errors="replace") as message:
                    if "Subject: Request due" in message.read():
                        count += 1
            return count

        deadline = time.time() + 90
        while reminders() < 20 and time.time() < deadline:
            time.sleep(1)
        # A pass of each server after the reminders went: none is sent twice.
        time.sleep(35)
        self.assertEqual(reminders(), 20)


if __name__ == "__main__":
    unittest.main()

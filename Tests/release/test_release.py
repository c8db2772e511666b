"""The release as an IT department gets it: scripts/release.sh's tarball, unpacked into a prefix.

`scripts/test.sh` runs this on a full run. It builds the release (a release build with the Swift
standard library and Foundation linked statically; CUSTOS_RELEASE_TARBALL names one already built
instead), checks the tarball against its SHA-256 file and its layout, unpacks it into a temporary
prefix as docs/install.md does into /usr/local, and runs the binary from there, in an empty folder,
with nothing of the source tree in reach: its version, the shipped configuration checked, and the
demo serving its notice, its request form, the console's stylesheet, the OpenAPI document and
/readyz.
"""

import hashlib
import os
import re
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
import unittest
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Release(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.TemporaryDirectory(prefix="custos-release.")
        tarball = os.environ.get("CUSTOS_RELEASE_TARBALL")
        if not tarball:
            out = os.path.join(cls.work.name, "out")
            log = os.path.join(cls.work.name, "release.log")
            started = time.time()
            with open(log, "w") as output:
                built = subprocess.run(
                    [os.path.join(ROOT, "scripts", "release.sh"), out], cwd=ROOT, stdout=subprocess.PIPE,
                    stderr=output, text=True, timeout=3600)
            if built.returncode != 0:
                with open(log) as output:
                    raise AssertionError("scripts/release.sh failed:\n" + output.read()[-4000:])
            print(f"scripts/release.sh took {time.time() - started:.0f} s", file=sys.stderr)
            tarball = built.stdout.strip().splitlines()[-1]
        cls.tarball = tarball
        cls.prefix = os.path.join(cls.work.name, "prefix")
        os.makedirs(cls.prefix)
        subprocess.run(["tar", "-C", cls.prefix, "--strip-components=1", "-xzf", tarball], check=True)
        cls.custos = os.path.join(cls.prefix, "bin", "custos")

    @classmethod
    def tearDownClass(cls):
        cls.work.cleanup()

    def run_custos(self, *arguments, **options):
        folder = tempfile.mkdtemp(dir=self.work.name)  # an empty folder, far from the sources
        return subprocess.run(
            [self.custos, *arguments], cwd=folder, capture_output=True, text=True, timeout=120,
            env={"PATH": "/usr/bin:/bin", "HOME": folder}, **options)

    def test_the_tarball_matches_its_sum_and_holds_what_install_md_names(self):
        with open(self.tarball + ".sha256") as sums:
            expected, name = sums.read().split()
        self.assertEqual(name, os.path.basename(self.tarball))
        with open(self.tarball, "rb") as data:
            self.assertEqual(hashlib.sha256(data.read()).hexdigest(), expected)
        self.assertRegex(name, r"^custos-[0-9][^/]*-linux-(x86_64|aarch64)\.tar\.gz$")
        with tarfile.open(self.tarball) as archive:
            members = {member.name.split("/", 1)[1]: member for member in archive.getmembers() if "/" in member.name}
        for path in ["bin/custos", "share/doc/custos/install.md", "share/doc/custos/configuration.md",
                     "share/doc/custos/operations.md", "share/doc/custos/README.md", "share/custos/custos.yaml",
                     "lib/systemd/system/custos.service"]:
            self.assertIn(path, members)
        examples = {path for path in members if path.startswith("share/custos/examples/")}
        for example in ["ashe", "west-herts", "bep", "asset", "hutton"]:
            self.assertIn(f"share/custos/examples/{example}.yaml", examples)
        self.assertEqual(members["bin/custos"].mode & 0o777, 0o755)
        self.assertTrue(all(member.uid == 0 and member.gid == 0 for member in members.values()))

    def test_the_binary_carries_swift_and_needs_only_what_a_debian_server_has(self):
        needs = subprocess.run(["ldd", self.custos], capture_output=True, text=True, check=True).stdout
        libraries = set(re.findall(r"^\s*(\S+\.so[.0-9]*)", needs, re.MULTILINE))
        self.assertFalse([lib for lib in libraries if "swift" in lib.lower() or "Foundation" in lib], needs)
        allowed = re.compile(r"^(linux-vdso|ld-linux-[-\w]+|libc|libm|libstdc\+\+|libgcc_s|libz|libsqlite3|libdl|libpthread|librt|libutil)\.so")
        self.assertEqual([lib for lib in libraries if not allowed.match(os.path.basename(lib))], [], needs)

    def test_it_runs_from_the_prefix_with_the_shipped_configuration(self):
        version = self.run_custos("--version")
        self.assertEqual(version.returncode, 0, version.stderr)
        self.assertIn(version.stdout.strip(), os.path.basename(self.tarball))
        checked = self.run_custos("config", "check", "--config", os.path.join(self.prefix, "share/custos/custos.yaml"))
        self.assertEqual(checked.returncode, 0, checked.stdout + checked.stderr)
        self.assertRegex(checked.stdout, r"server\.port\s+8080\s+file")
        self.assertIn("Every setting can be used.", checked.stdout)

    def test_the_demo_runs_from_the_prefix_in_an_empty_folder(self):
        folder = tempfile.mkdtemp(dir=self.work.name)
        port = free_port()
        log_path = os.path.join(self.work.name, "demo.log")
        with open(log_path, "w") as log:
            demo = subprocess.Popen(
                [self.custos, "demo", "--example", "hutton", "--port", str(port)], cwd=folder,
                stdout=log, stderr=subprocess.STDOUT, env={"PATH": "/usr/bin:/bin", "HOME": folder})
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.time() + 120
            while True:
                try:
                    urllib.request.urlopen(base + "/healthz", timeout=2)
                    break
                except OSError:
                    if time.time() > deadline or demo.poll() is not None:
                        with open(log_path) as log:
                            self.fail("the demo did not start from the prefix:\n" + log.read()[-3000:])
                    time.sleep(0.3)
            for path, needle in [("/privacy/hutton", "Hutton"), ("/privacy/hutton/request", "How to make a request"),
                                 ("/assets/console.css", "{"), ("/api/v1/openapi.json", '"openapi"'),
                                 ("/readyz", "")]:
                with urllib.request.urlopen(base + path, timeout=10) as answer:
                    self.assertEqual(answer.status, 200, path)
                    self.assertIn(needle, answer.read().decode(), path)
            # The example policy was written into the demo's folder, from inside the binary.
            self.assertTrue(os.path.isfile(os.path.join(folder, "custos-demo", "hutton.yaml")))
        finally:
            demo.terminate()
            demo.wait(timeout=30)


if __name__ == "__main__":
    unittest.main()

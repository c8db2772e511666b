"""The demo in a real browser, driven by Python selenium (PyPI) over Debian's chromedriver.

`scripts/test.sh` runs this after the Swift tests, against `custos demo --example bep`: a
member of staff signs in and opens the work due; a teacher registers in the privacy centre and
follows the link the demo's outbox holds; every page visited is checked with axe-core (no
serious or critical WCAG 2.2 A/AA violation). The Swift browser tests cover the rest.
"""

import email
import glob
import os
import re
import socket
import subprocess
import tempfile
import time
import unittest
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CUSTOS = os.environ.get("CUSTOS_BINARY", os.path.join(ROOT, ".build", "debug", "custos"))
AXE = os.environ.get("CUSTOS_AXE_JS")
PASSWORD = "custos demo password"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class DemoInTheBrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="custos-selenium-")
        cls.data = os.path.join(cls.folder, "demo")
        cls.port = free_port()
        cls.base = f"http://127.0.0.1:{cls.port}"
        cls.log = open(os.path.join(cls.folder, "demo.log"), "w")
        cls.demo = subprocess.Popen(
            [CUSTOS, "demo", "--example", "bep", "--port", str(cls.port), "--data", cls.data],
            stdout=cls.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(cls.base + "/console/sign-in", timeout=2)
                break
            except OSError:
                if time.time() > deadline or cls.demo.poll() is not None:
                    raise RuntimeError("the demo did not start; see " + cls.log.name)
                time.sleep(0.25)
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"):
            options.add_argument(argument)
        cls.browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        cls.demo.terminate()
        cls.demo.wait(timeout=30)
        cls.log.close()

    def wait(self, condition):
        """Waits for a page that a click or a submitted form loads. While the old page gives way to
        the new one, Chromium may answer about a node that has just left the document; such answers
        are asked again rather than taken as the page's."""
        return WebDriverWait(
            self.browser, 15, ignored_exceptions=(StaleElementReferenceException, WebDriverException)
        ).until(condition)

    def check_accessibility(self, page):
        """axe-core in the page: no serious or critical violation of WCAG 2.2 A or AA."""
        self.assertTrue(AXE, "CUSTOS_AXE_JS names axe.min.js")
        with open(AXE, encoding="utf-8") as source:
            self.browser.execute_script(source.read())
        result = self.browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
            ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact}))));")
        serious = [v for v in result if v["impact"] in ("serious", "critical")]
        self.assertEqual(serious, [], page)

    def test_staff_sign_in_and_see_the_work_due(self):
        b = self.browser
        b.get(self.base + "/console")
        self.assertIn("/console/sign-in", b.current_url)
        self.check_accessibility("sign-in")
        b.find_element(By.ID, "email").send_keys("staff@demo.example")
        b.find_element(By.ID, "password").send_keys(PASSWORD)
        b.find_element(By.CSS_SELECTOR, "form[action='/console/sign-in'] button[type=submit]").click()
        self.wait(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "What is due"))
        self.assertIn("open requests", b.find_element(By.TAG_NAME, "main").text)
        self.check_accessibility("dashboard")
        b.find_element(By.CSS_SELECTOR, "nav a[href='/console/requests']").click()
        self.wait(EC.url_to_be(self.base + "/console/requests"))
        b.find_element(By.CSS_SELECTOR, "main table a").click()
        self.wait(EC.url_contains("/console/requests/"))
        main = b.find_element(By.TAG_NAME, "main").text
        self.assertIn("What comes next", main)
        self.assertIn("Who asked, and what for", main)
        self.check_accessibility("request")
        b.find_element(By.CSS_SELECTOR, "form.sign-out button").click()
        self.wait(EC.url_contains("/console/sign-in?signed-out"))

    def test_a_teacher_registers_and_follows_the_emailed_link(self):
        b = self.browser
        b.get(self.base + "/privacy/bep/register")
        self.check_accessibility("register")
        for field, value in (("first_name", "Sam"), ("surname", "Teacher"), ("role", "Year 3 teacher"),
                             ("email", "sam.teacher@selenium.example")):
            b.find_element(By.ID, "f-" + field).send_keys(value)
        Select(b.find_element(By.ID, "f-school_urn")).select_by_visible_text("Basildon Academy")
        b.find_element(By.CSS_SELECTOR, "form[action='/privacy/bep/register'] button[type=submit]").click()
        self.wait(EC.url_to_be(self.base + "/privacy/bep/register/sent"))
        self.assertIn("Check your email", b.find_element(By.TAG_NAME, "h1").text)

        link = None
        deadline = time.time() + 10
        while link is None and time.time() < deadline:
            for path in glob.glob(os.path.join(self.data, "outbox", "*.eml")):
                with open(path, "rb") as file:
                    message = email.message_from_bytes(file.read())
                if message["To"] and "sam.teacher@selenium.example" in message["To"]:
                    body = message.get_payload(decode=True) if not message.is_multipart() else \
                        message.get_payload(0).get_payload(decode=True)
                    found = re.search(rb"(/privacy/bep/register/confirm\?token=[A-Za-z0-9._~-]+)", body)
                    link = found.group(1).decode() if found else None
            time.sleep(0.2)
        self.assertIsNotNone(link, "the confirmation email is in the demo's outbox")
        b.get(self.base + link)
        self.check_accessibility("register-confirm")
        b.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        self.wait(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "You are registered"))


if __name__ == "__main__":
    unittest.main(verbosity=2)

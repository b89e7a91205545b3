#!/usr/bin/env python3
"""A unit manager's visit to `hoshin serve`, driven in headless Chromium.

Opens the unit's reporting form, changes a status and a note with å ä ö, submits,
sees the new state; opens the same form in a second window before that, submits a
conflicting change there and sees the conflict. Keeps screenshots in docs/.

Usage: scripts/browser-test.py HOSHIN_BINARY
Needs Debian's chromium and chromium-driver and PyPI's selenium.
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "Tests", "Fixtures", "serve", "plans")
DOCS = os.path.join(ROOT, "docs")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def git(folder, *args):
    subprocess.run(["git", "-C", folder, *args], check=True, capture_output=True)


def wait_for(port, deadline=30):
    end = time.time() + deadline
    while time.time() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server did not answer on port {port}")


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "hoshin")
    work = tempfile.mkdtemp(prefix="hoshin-browser-")
    plans = os.path.join(work, "plans")
    shutil.copytree(FIXTURE, plans)
    git(plans, "init", "-q", "-b", "main")
    git(plans, "config", "user.name", "Anna Berg")
    git(plans, "config", "user.email", "anna.berg@region.se")
    git(plans, "add", "-A")
    git(plans, "commit", "-q", "-m", "Plans")
    port = free_port()
    server = subprocess.Popen([binary, "serve", plans, "--bind", f"127.0.0.1:{port}"],
                              stderr=subprocess.PIPE, text=True)
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,1400", "--lang=sv"]:
        options.add_argument(argument)
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    failures = []

    def submit():
        """Clicks save and waits until the answer page has replaced the form."""
        button = driver.find_element(By.ID, "save")
        button.click()
        WebDriverWait(driver, 60).until(expected_conditions.staleness_of(button))

    def check(condition, what):
        print(("ok   " if condition else "FAIL ") + what)
        if not condition:
            failures.append(what)

    try:
        wait_for(port)
        base = f"http://127.0.0.1:{port}"
        driver.get(base + "/units/kardiologi")
        check("Sjuksköterskeledd hjärtsviktsmottagning" in driver.page_source, "the unit page shows the activity")
        driver.save_screenshot(os.path.join(DOCS, "serve-unit.png"))

        # First window: the form.
        driver.get(base + "/units/kardiologi/report")
        first = driver.current_window_handle
        # Second window: the same form, opened before the first one saves.
        driver.switch_to.new_window("window")
        driver.get(base + "/units/kardiologi/report")
        second = driver.current_window_handle

        driver.switch_to.window(first)
        Select(driver.find_element(By.NAME, "a.sjukskoterskemottagning.status")).select_by_value("at-risk")
        note = driver.find_element(By.NAME, "a.sjukskoterskemottagning.note")
        note.clear()
        note.send_keys("Personalbrist på avdelning två; vi återkommer i höst")
        driver.save_screenshot(os.path.join(DOCS, "serve-form.png"))
        submit()
        page = driver.page_source
        check("Sparat." in page, "the first window sees 'Sparat.'")
        check("Personalbrist på avdelning två; vi återkommer i höst" in page, "the new note is shown")
        selected = Select(driver.find_element(By.NAME, "a.sjukskoterskemottagning.status")).first_selected_option
        check(selected.get_attribute("value") == "at-risk", "the new status is selected")
        with open(os.path.join(plans, "medicinsk-vard", "kardiologi.yaml"), encoding="utf-8") as handle:
            text = handle.read()
        check("note: Personalbrist på avdelning två; vi återkommer i höst" in text, "the plan file holds the note")
        driver.save_screenshot(os.path.join(DOCS, "serve-saved.png"))

        driver.switch_to.window(second)
        Select(driver.find_element(By.NAME, "a.sjukskoterskemottagning.status")).select_by_value("off-track")
        submit()
        page = driver.page_source
        check("ändrat av Anna Berg den" in page and "sedan du öppnade formuläret" in page, "the second window sees the conflict")
        check("deras «i riskzonen» / ditt «avviker från plan»" in page, "theirs and yours are shown")
        notice = driver.find_element(By.ID, "activity-sjukskoterskemottagning")
        driver.execute_script("arguments[0].scrollIntoView()", notice)
        driver.save_screenshot(os.path.join(DOCS, "serve-conflict.png"))
        with open(os.path.join(plans, "medicinsk-vard", "kardiologi.yaml"), encoding="utf-8") as handle:
            check("status: at-risk" in handle.read(), "the conflicting change was not written")
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        raise SystemExit(f"{len(failures)} check(s) failed")
    print("browser test passed; screenshots in docs/serve-*.png")


if __name__ == "__main__":
    main()

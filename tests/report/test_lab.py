"""`make lab` as a newcomer meets it: it starts as root (as in every container), opens at the
repository root with the notebooks first, and a notebook runs in it on the seeds."""

import os
import re
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

from conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """`make lab` started the way the README says, with flags passed through LAB_ARGS."""
    port, token = _free_port(), "t0ken-for-the-test"
    log = tmp_path_factory.mktemp("lab") / "lab.log"
    args = f"--no-browser --port={port} --ServerApp.ip=127.0.0.1 --IdentityProvider.token={token}"
    with log.open("w") as out:
        proc = subprocess.Popen(["make", "--no-print-directory", "lab", f"LAB_ARGS={args}"], cwd=ROOT,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            if proc.poll() is not None:
                pytest.fail(f"make lab exited with {proc.returncode}:\n{log.read_text()[-2000:]}")
            if re.search(rf"127\.0\.0\.1:{port}/lab", log.read_text()):
                break
            time.sleep(0.5)
        else:
            pytest.fail(f"JupyterLab did not start:\n{log.read_text()[-2000:]}")
        yield url, token, log
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def test_make_lab_starts_at_the_repository_root(lab):
    """Started at all means the root flag is right (as root Jupyter refuses without it)."""
    import json
    import urllib.request

    url, token, _ = lab
    with urllib.request.urlopen(f"{url}/api/contents?token={token}") as r:
        listing = {item["name"] for item in json.load(r)["content"]}
    assert {"notebooks", "seeds", "analysis", "reports"} <= listing


@pytest.mark.notebook
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium not installed (.ci/run installs Debian's chromium)")
def test_a_notebook_opens_and_runs_in_jupyterlab(lab):
    pytest.importorskip("playwright", reason="playwright not installed (part of the test extras)")
    from playwright.sync_api import sync_playwright

    url, token, _ = lab
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{url}/?token={token}")
        # The file browser opens at the notebooks' folder.
        page.wait_for_selector(".jp-DirListing-itemText:has-text('00_corpus_overview.ipynb')", timeout=90_000)
        assert page.url.endswith("/lab/tree/notebooks")
        page.goto(f"{url}/lab/tree/notebooks/04_article.ipynb?token={token}")
        page.wait_for_selector(".jp-Notebook", timeout=90_000)
        page.wait_for_timeout(3000)  # the kernel starting
        page.locator(".lm-MenuBar-itemLabel:has-text('Run')").first.click()
        page.locator(".lm-Menu-itemLabel:has-text('Run All Cells')").first.click()
        # The article's findings table appears: the notebook found seeds/ from the project folder.
        page.wait_for_selector("table.dn-table", timeout=180_000)
        text = page.inner_text(".jp-Notebook")
        browser.close()
    assert "Traceback" not in text and "Error" not in text

"""Fixtures for the explorer: a hand-made store with a TestClient (fast, no model), and a store
built from samples/ by the real pipeline, served by ``communique serve`` in a subprocess and
driven by headless Chromium (tests that need it skip with the reason when it is absent)."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pytest

from .handmade import corpus, hostile, write_store

ROOT = Path(__file__).resolve().parents[2]
HOSTS = ["testserver", "127.0.0.1", "localhost"]


@pytest.fixture(scope="session")
def handmade_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "handmade.duckdb"
    write_store(path, corpus() + [hostile()])
    return path


@pytest.fixture(scope="session")
def app(handmade_db):
    from communique.serve import create_app

    return create_app(handmade_db, allowed_hosts=HOSTS)


@pytest.fixture(scope="session")
def client(app):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from fastapi.testclient import TestClient
    with TestClient(app, raise_server_exceptions=True) as c:
        yield c


# -- the real pipeline, a real server, a real browser -----------------------------------------


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory, pipe) -> Path:
    """samples/ through the real pipeline into a store."""
    from communique.runner import RunOptions
    from communique.store import ingest

    path = tmp_path_factory.mktemp("samples") / "samples.duckdb"
    stats = ingest([str(ROOT / "samples")], db=path, workers=1, options=RunOptions(), pipeline=pipe)
    assert stats.stored >= 3, stats
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(db: Path):
    """``communique serve`` on a free port over ``db``; yields its base URL."""
    import httpx

    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "communique.cli", "serve", "--db", str(db),
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                pytest.fail(f"communique serve exited: {proc.stdout.read().decode(errors='replace')}")
            try:
                if httpx.get(base + "/index.json", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("communique serve did not answer within 120 s")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def live_server(sample_db):
    """The explorer over the samples' store (real pipeline)."""
    yield from _serve(sample_db)


@pytest.fixture(scope="session")
def hostile_server(handmade_db):
    """The explorer over the hand-made store, which holds the hostile article."""
    yield from _serve(handmade_db)


def _chromium() -> tuple[str, str] | None:
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = "/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else shutil.which("chromedriver")
    return (binary, driver) if binary and driver else None


@pytest.fixture(scope="session")
def browser():
    found = _chromium()
    if found is None:
        pytest.skip("headless Chromium is not installed (apt-get install -y chromium chromium-driver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("selenium is not installed (pip install 'selenium>=4.20')")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    binary, driver = found
    profile = tempfile.mkdtemp(prefix="communique-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync",
                f"--user-data-dir={profile}", "--window-size=1400,1000", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    chrome = webdriver.Chrome(service=Service(driver), options=options)
    chrome.set_page_load_timeout(60)
    try:
        yield chrome
    finally:
        chrome.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> list[Path]:
    """Where screenshots go: a tmp folder, and also $COMMUNIQUE_SCREENSHOTS when set
    (``COMMUNIQUE_SCREENSHOTS=docs/screenshots`` refreshes the README's set)."""
    folders = [tmp_path_factory.mktemp("screenshots")]
    extra = os.environ.get("COMMUNIQUE_SCREENSHOTS")
    if extra:
        folders.append(Path(extra))
        folders[-1].mkdir(parents=True, exist_ok=True)
    return folders

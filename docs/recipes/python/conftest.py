"""pytest fixtures for revokit-mock: one server for the run, one session per test.

The server is the one at $REVOKIT_MOCK_URL when set (a shared server, a CI service), else
`npx --no-install revokit-mock`, started here on a free port and stopped after the run
($REVOKIT_MOCK_COMMAND replaces that command). Each test gets a session of its own: a whole world
(keys, clock, faults, journal) that no other test or pytest-xdist worker sees, ended after the test.
"""
import json
import os
import re
import shlex
import signal
import subprocess
import time

import httpx
import pytest


def _wait_for_health(url, timeout_s=30.0):
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            if httpx.get(f"{url}/__mock/health", timeout=2.0).json() == {"ok": True}:
                return
        except (httpx.HTTPError, ValueError):
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"revokit-mock at {url} is not healthy after {timeout_s:.0f} s")
        time.sleep(0.1)


@pytest.fixture(scope="session")
def mock_url():
    shared = os.environ.get("REVOKIT_MOCK_URL")
    if shared:
        _wait_for_health(shared.rstrip("/"))
        yield shared.rstrip("/")
        return
    command = shlex.split(os.environ.get("REVOKIT_MOCK_COMMAND", "npx --no-install revokit-mock"))
    # --log json: the first line on stdout is the banner as JSON, with the URL of the free port.
    server = subprocess.Popen(
        [*command, "--port", "0", "--log", "json", "--require-session"],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,  # npx does not pass SIGTERM on: stop its whole process group
    )
    try:
        banner = json.loads(server.stdout.readline() or "{}")
        if "url" not in banner:
            raise RuntimeError(f"revokit-mock did not start (exit status {server.poll()})")
        _wait_for_health(banner["url"])
        yield banner["url"]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=15)


class Session:
    """One session of the mock: its base URL works for any client, and its control plane."""

    def __init__(self, url):
        self.url = url
        self.http = httpx.Client(base_url=url, timeout=10.0)
        self.credentials = self.http.get("/__mock/credentials").json()

    def clock(self, **change):
        """POST /__mock/clock, e.g. clock(frozen=True) or clock(advance_ms=60_000)."""
        reply = self.http.post("/__mock/clock", json=change)
        reply.raise_for_status()
        return reply.json()


@pytest.fixture
def mock(mock_url, request):
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    session_id = re.sub(r"[^A-Za-z0-9._-]", "-", f"{worker}-{request.node.name}")[:64]
    session = Session(f"{mock_url}/__session/{session_id}")
    yield session
    session.http.close()
    httpx.delete(f"{mock_url}/__mock/sessions/{session_id}", timeout=10.0)

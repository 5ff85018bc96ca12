"""The production recipe: nginx (deploy/nginx-proxy.conf) in front of gunicorn (deploy/gunicorn.conf.py)."""
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bench.journey.proxy import Proxy, free_port
from tests.conftest import FIXTURE_CURRICULUM

ROOT = Path(__file__).resolve().parent.parent


def wait_until_up(url, tries=100):
    """Wait until url answers /healthz (up to ten seconds)."""
    for _ in range(tries):
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1):
                return
        except OSError:
            time.sleep(0.1)


@pytest.fixture
def production_server(database_url, tmp_path):
    port = free_port()
    env = {**os.environ, "UPSKILL_BIND": f"127.0.0.1:{port}", "UPSKILL_WORKERS": "2", "UPSKILL_THREADS": "4",
           "UPSKILL_ENV": "production", "UPSKILL_SECRET_KEY": "x" * 32, "UPSKILL_DATABASE_URL": database_url,
           "UPSKILL_CURRICULUM_DIR": str(FIXTURE_CURRICULUM)}
    log = open(tmp_path / "gunicorn.log", "wb")  # noqa: SIM115  (closed after the server stops)
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"),
         *os.environ.get("UPSKILL_TEST_GUNICORN_ARGS", "").split(), "upskill:create_app()"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_up(url)
    yield url, port
    process.terminate()
    process.wait(timeout=20)
    log.close()


@pytest.fixture
def proxied_server(production_server, tmp_path):
    """nginx with the project's proxy settings in front of the gunicorn server."""
    _url, app_port = production_server
    proxy = Proxy([app_port], tmp_path / "nginx")
    yield proxy.url, proxy.port
    proxy.stop()


def test_half_open_connections_do_not_stall_the_site_behind_the_proxy(proxied_server):
    url, port = proxied_server
    stalled = []
    for _ in range(40):  # many more than gunicorn's threads: each would hold one if it reached gunicorn
        connection = socket.create_connection(("127.0.0.1", port))
        connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never the end of the headers
        stalled.append(connection)
    try:
        with urllib.request.urlopen(url + "/healthz", timeout=3) as response:
            assert response.status == 200
    finally:
        for connection in stalled:
            connection.close()


def test_proxy_refuses_an_oversized_body_before_the_app(proxied_server):
    url, _port = proxied_server
    request = urllib.request.Request(url + "/login", data=b"x" * (2 * 1024 * 1024), method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 413
    refused.value.close()


def test_production_server_sends_the_security_headers(proxied_server):
    url, _port = proxied_server
    with urllib.request.urlopen(url + "/healthz", timeout=5) as response:
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]

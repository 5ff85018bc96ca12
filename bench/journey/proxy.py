"""nginx in front of one or more gunicorn nodes on loopback, with the project's proxy settings.

The proxy's part is deploy/nginx-proxy.conf, the file production includes; around it this adds
an upstream of the given nodes and an access log that names the node which answered each request.
"""
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
START_SECONDS = 15

CONFIGURATION = """
daemon off;
user root;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    log_format nodes '$upstream_addr|$request_method|$uri|$status';
    access_log {folder}/nginx-access.log nodes;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    upstream upskill {{
{servers}
        keepalive 8;
    }}
    server {{
        listen 127.0.0.1:{port};
        include {include};
    }}
}}
"""


def free_port():
    """A loopback port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class Answer:
    """One line of the proxy's access log: the node(s) it tried, in order, and what the client got."""

    nodes: tuple
    method: str
    path: str
    status: int


class Proxy:
    """nginx started in a folder of its own, spreading requests over the nodes' ports in turn."""

    def __init__(self, node_ports, folder, port=None):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        servers = "\n".join(f"        server 127.0.0.1:{node} max_fails=1 fail_timeout=5s;" for node in node_ports)
        configuration = self.folder / "nginx.conf"
        configuration.write_text(CONFIGURATION.format(folder=self.folder, servers=servers, port=self.port,
                                                      include=ROOT / "deploy" / "nginx-proxy.conf"))
        self.process = subprocess.Popen(["nginx", "-c", str(configuration), "-p", str(self.folder)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._wait_until_up()

    def _wait_until_up(self):
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited with {self.process.returncode}: "
                                   + (self.folder / "nginx-error.log").read_text(errors="replace")[-500:])
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"nginx did not answer on {self.url} within {START_SECONDS} s")

    def answers(self):
        """Every request the proxy has logged so far."""
        log = self.folder / "nginx-access.log"
        lines = log.read_text().splitlines() if log.exists() else []
        return [Answer(tuple(node.strip() for node in nodes.replace(" : ", ",").split(",")), method, path, int(status))
                for nodes, method, path, status in (line.split("|") for line in lines)]

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)

"""A real oso-service on a temp data directory at a free loopback port, for the scripts that test
it over HTTP (fuzz-api.py, validate-openapi.py). Needs a debug build of oso-service
(cargo build -p oso-service)."""
import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
SERVICE = TARGET / "debug" / "oso-service"


class Api:
    """The service's HTTP API."""

    def __init__(self, base):
        self.base = base

    def answer(self, method, path, body=None, token=None):
        """(status, decoded JSON answer or None)."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                status, text = answer.status, answer.read()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read()
        return status, json.loads(text) if text else None

    def call(self, method, path, body=None, token=None, expect=200):
        status, answer = self.answer(method, path, body, token)
        if status != expect:
            raise RuntimeError(f"{method} {path} answered {status}, not {expect}: {answer}")
        return answer

    def wait_until_up(self):
        for _ in range(100):
            try:
                return self.answer("GET", "/api/v1/health")
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the service did not come up")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_service(data):
    """Serves from the data directory `data` (its log in data/service.log) until the block ends;
    gives the block an Api for it."""
    port = free_port()
    api = Api(f"http://127.0.0.1:{port}")
    with open(data / "service.log", "w") as log:
        service = subprocess.Popen(
            [SERVICE, "serve", "--listen", f"127.0.0.1:{port}", "--data-dir", data],
            stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "OSO_LOG": "warn"})
        try:
            api.wait_until_up()
            yield api
        finally:
            service.terminate()
            service.wait(timeout=10)

#!/usr/bin/env python3
"""Generated requests from the service's own OpenAPI description (schemathesis) against a real
oso-service on a temp data directory, signed in as an administrator of a protected account so
that the authenticated routes are reached too. Fails on any 5xx answer, any answer that shows a
stack trace, or a panic in the service's log.

Usage: scripts/fuzz-api.py [EXAMPLES]   (default 100 per operation; make test runs a small number)
Needs: schemathesis (scripts/setup-system.sh fuzz installs it into a venv), a debug build of
oso-service (cargo build -p oso-service).
"""
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
SERVICE = TARGET / "debug" / "oso-service"
SCHEMATHESIS = Path(os.environ.get("OSO_SCHEMATHESIS", TARGET / "fuzz-venv" / "bin" / "schemathesis"))
EMAIL = "fuzz@zebra.example"
PASSWORD = "tall giraffe eats blue kites"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(url, method="GET", body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=10) as answer:
        text = answer.read().decode()
        return json.loads(text) if text else None


def main():
    examples = sys.argv[1] if len(sys.argv) > 1 else "100"
    data = Path(tempfile.mkdtemp(prefix="oso-fuzz-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(data / "service.log", "w")
    service = subprocess.Popen(
        [SERVICE, "serve", "--listen", f"127.0.0.1:{port}", "--data-dir", data],
        stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "OSO_LOG": "warn"})
    try:
        for _ in range(100):
            try:
                call(f"{base}/api/v1/health")
                break
            except OSError:
                time.sleep(0.1)
        call(f"{base}/api/v1/registrations", "POST", {"company_name": "Zebra", "contact_name": "Fuzz",
             "email": EMAIL, "password": PASSWORD, "language": "en"})
        mail = max((data / "outbox").glob("*activation*"), key=os.path.getmtime).read_text()
        code = re.search(r"\b[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}\b", mail).group(0)
        call(f"{base}/api/v1/activations", "POST", {"email": EMAIL, "code": code})
        token = call(f"{base}/api/v1/sessions", "POST", {"email": EMAIL, "password": PASSWORD})["token"]
        subprocess.run([SERVICE, "customer-accounts", "--data-dir", data, "add", "951234567",
                        "--company", "Zebra", "--protected", "--admin", f"Fuzz <{EMAIL}>"],
                       check=True, capture_output=True)
        run = subprocess.run([SCHEMATHESIS, "run", f"{base}/api/v1/openapi.json",
                              "--checks", "not_a_server_error", "--max-examples", examples,
                              # Signing out, "forget me" and a password change end the session
                              # the rest of the run needs; their own tests cover them.
                              "--exclude-path-regex", "^/api/v1/(sessions/current|me/forget|me/password)$",
                              "-H", f"Authorization: Bearer {token}"],
                             # schemathesis keeps its state in the working directory: the temp one.
                             cwd=data)
    finally:
        service.terminate()
        service.wait(timeout=10)
        log.close()
    service_log = (data / "service.log").read_text()
    if "panicked" in service_log:
        print("the service panicked:\n" + service_log[-4000:])
        return 1
    print(f"schemathesis exit {run.returncode}; no panic in the service log ({data / 'service.log'})")
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())

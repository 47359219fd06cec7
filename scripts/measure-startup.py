#!/usr/bin/env python3
"""Measures how long OSO takes from launch to its first rendered screen, with an empty data
directory each time: from starting the WebDriver session (which launches the binary) until the
page has left its loading state (translations applied, session known, login card shown).

    NO_AT_BRIDGE=1 dbus-run-session -- xvfb-run -a scripts/with-keyring.sh \\
        python3 scripts/measure-startup.py [BINARY] [RUNS]

BINARY defaults to the release build ($CARGO_TARGET_DIR or target)/release/oso; RUNS to 5. It
prints every run and the median. The figure includes the WebDriver hand-shake (tauri-driver and
WebKitWebDriver), the same for any Tauri app, so compare runs with each other, not with a stopwatch.
Nothing is asserted."""
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def call(method, url, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.load(answer)["value"]


def wait_for(url):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            call("GET", f"{url}/status")
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"tauri-driver did not answer at {url}")


def wait_until_gone(binary, data):
    """Lets the app of one run finish quitting before the next starts."""
    marker = f"OSO_DATA_DIR={data}".encode()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        running = False
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                if (os.readlink(f"/proc/{pid}/exe") == binary
                        and marker in open(f"/proc/{pid}/environ", "rb").read().split(b"\0")):
                    running = True
            except OSError:
                pass
        if not running:
            return
        time.sleep(0.05)


def one_run(binary, driver):
    with tempfile.TemporaryDirectory(prefix="oso-startup-") as data:
        port = free_port()
        env = dict(os.environ, OSO_DATA_DIR=data, XDG_CONFIG_HOME=os.path.join(data, "config"),
                   LANGUAGE="en_GB", NO_AT_BRIDGE="1")
        server = subprocess.Popen([driver, "--port", str(port), "--native-port", str(free_port())],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_for(url)
            started = time.monotonic()
            session = call("POST", f"{url}/session", {"capabilities": {"alwaysMatch": {
                "tauri:options": {"application": binary}}}})["sessionId"]
            ready = "return !document.body.classList.contains('is-loading');"
            deadline = started + 60
            while True:
                try:
                    if call("POST", f"{url}/session/{session}/execute/sync",
                            {"script": ready, "args": []}):
                        break
                except OSError as error:  # the page may be between documents; try again
                    if time.monotonic() > deadline:
                        raise SystemExit(f"the first screen never came: {error}")
                time.sleep(0.01)
            elapsed = time.monotonic() - started
            try:
                call("DELETE", f"{url}/session/{session}")
            except OSError:
                pass  # the app may close the connection as it quits; the figure is taken already
            return elapsed
        finally:
            server.kill()
            server.wait()
            wait_until_gone(binary, data)


def main():
    target = os.environ.get("CARGO_TARGET_DIR", "target")
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else f"{target}/release/oso")
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    cargo_bin = os.path.join(os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo")), "bin")
    driver = os.environ.get("TAURI_DRIVER", os.path.join(cargo_bin, "tauri-driver"))
    times = []
    for run in range(1, runs + 1):
        try:
            elapsed = one_run(binary, driver)
        except OSError as error:  # a WebDriver hiccup spoils one run, not the measurement
            print(f"run {run}: failed ({error})")
            continue
        times.append(elapsed)
        print(f"run {run}: {elapsed * 1000:.0f} ms to the first screen")
    if not times:
        raise SystemExit("no run reached the first screen")
    print(f"median of {len(times)}: {statistics.median(times) * 1000:.0f} ms ({binary})")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""What the web process holds at the first screen, by kind: anonymous memory (the JavaScript heap,
the DOM, styles, malloc) against pages of files (libraries and fonts it has touched). Issue 23's
target 2 is the web process's peak; this splits that figure so a change can aim at one half.

    NO_AT_BRIDGE=1 dbus-run-session -- \\
        xvfb-run --auto-servernum --server-args="-screen 0 1366x900x24" \\
        scripts/with-keyring.sh python3 scripts/webprocess-memory.py [--runs N] \\
        PROGRAM [ARGS...]

PROGRAM runs N times (5 by default), each from an empty data directory of its own, with
OSO_EXIT_ON_FIRST_SCREEN=1: OSO quits once its first screen is drawn, and so do the references of
`scripts/measure-startup.py` (`<target>/release/empty-window`, `--login-card`, `--first-frame`).
While it runs, the web process's /proc/PID/smaps_rollup is read every 5 ms; the last reading
before the process ended is kept. It prints, per kind, every run's figure in MiB, sorted, and
their median.

For example, OSO against its static login card:

    ... webprocess-memory.py target/release/empty-window --login-card
    ... webprocess-memory.py target/release/oso
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import startup_states  # noqa: E402  (beside this script)

POLL_SECONDS = 0.005
KINDS = [
    ("VmHWM", "peak resident set (the figure of target 2)"),
    ("Rss", "resident set, last reading"),
    ("Anonymous", "anonymous: heaps, DOM, JIT"),
    ("RssFile", "pages of files: libraries, fonts"),
]


def processes_below(pid):
    found = [pid]
    for child in startup_states.children(pid):
        found += processes_below(child)
    return found


def reading(pid):
    """The web process's figures in KiB, or None for any other process (or one now gone)."""
    try:
        with open(f"/proc/{pid}/comm") as comm:
            if not comm.read().startswith("WebKitWebProc"):
                return None
        figures = {}
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                fields = line.split()
                if len(fields) == 3 and fields[2] == "kB":
                    figures[fields[0].rstrip(":")] = int(fields[1])
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    figures["VmHWM"] = int(line.split()[1])
        figures["RssFile"] = figures.get("Rss", 0) - figures.get("Anonymous", 0)
        return figures
    except OSError:
        return None


def one_run(command):
    home = tempfile.mkdtemp(prefix="oso-webprocess-memory-")
    env = startup_states.fresh_environment(home)
    last = None
    try:
        program = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        while program.poll() is None:
            for pid in processes_below(program.pid):
                figures = reading(pid)
                if figures:
                    last = figures
            time.sleep(POLL_SECONDS)
        # The web process outlives the program for a moment: let it go before the next run.
        time.sleep(0.5)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    if last is None:
        raise RuntimeError(f"{command[0]} ended before its web process could be read")
    return last


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    options = parser.parse_args()
    if not options.command:
        parser.error("name the program to start")
    runs = [one_run(options.command) for _ in range(options.runs)]
    print(f"{' '.join(options.command)}: the web process at the first screen, {len(runs)} runs")
    for kind, meaning in KINDS:
        values = sorted(run.get(kind, 0) / 1024 for run in runs)
        shown = " ".join(f"{value:.1f}" for value in values)
        print(f"  {kind:<9} median {statistics.median(values):6.1f} MiB  ({shown})  {meaning}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Start-up and peak memory of OSO against an empty Tauri 2 window (issue 8).

    NO_AT_BRIDGE=1 dbus-run-session -- \\
        xvfb-run --auto-servernum --server-args="-screen 0 1366x900x24" \\
        scripts/with-keyring.sh python3 scripts/measure-startup.py [--runs N] [--warmup K] \\
        [--oso BINARY] [--baseline BINARY]

The programs:

- OSO (default: the release build, <target>/release/oso) with OSO_EXIT_ON_FIRST_SCREEN=1: once
  the UI has drawn its first screen (translations applied, the session known, the login card
  shown, and the frame after that painted) it prints `first-screen` on stdout and quits.
- The baseline (default: <target>/release/empty-window), `benches/fixtures/empty-window`: an
  empty Tauri 2 window, built with the same release profile, whose page prints the same line on
  DOMContentLoaded and quits. The issue's target is against this one.
- The painted reference: the same binary with `--first-frame`. Its page has two lines of text in
  the default font and prints the line once its first frame is drawn, waited for as OSO waits for
  its own (the frame, then the task after it). It is not a target; it shows what any first frame
  costs in this web view on this machine (a font, a first layout, the compositor's first frame),
  which the baseline never pays because it quits before it paints.
- The login-card reference: the same binary with `--login-card`. Its page is OSO's first screen
  made static (the top bar and the login card of ui/index.html with their English texts, OSO's
  style sheet, Inter font files and logo, copied by the fixture's build.rs), drawn as OSO draws
  (no GPU compositing on Linux), reporting after its first frame in its typeface. It has none of
  OSO's code: OSO against it is what OSO's own start costs (its state, the embedded service, the
  session, its modules and translations); it against the baseline is what drawing that screen
  costs at all, a floor for OSO's ratio.

<target> is $CARGO_TARGET_DIR or target/. `scripts/bench.sh` builds both binaries.

Each run starts one program with a fresh, empty data directory: XDG_DATA_HOME, XDG_CONFIG_HOME,
XDG_CACHE_HOME and XDG_STATE_HOME all point into a new temp directory (OSO's databases, its
embedded service and logs, and WebKit's caches start from nothing, as on a first start). The
programs take turns (baseline, painted, login card, OSO, baseline, ...), so a slow moment of
the machine hurts all of them; the warm-up runs (one of each by default) are not counted and only
fill the page cache.

What is measured, per run:

- first screen: wall time from just before the process is spawned until its `first-screen` line
  is read from its stdout (a thread blocked on the pipe, so no polling delay);
- exit: wall time from spawn until the process has exited (wait4), i.e. including the quit;
- peak memory of the largest process: the program and everything it starts (WebKitWebProcess,
  WebKitNetworkProcess) are followed through /proc every 10 ms: the tree is walked from the
  program's pid through /proc/PID/task/*/children, and each process's VmHWM (the kernel's
  high-water mark of its resident set, so a peak between two looks is not lost) is read from
  /proc/PID/status. The figure is the largest VmHWM of any single process, as last read before
  that process ended (only growth in its last 10 ms could be missed). Sharing is counted in
  full in each process (VmHWM is RSS: shared libraries and shared memory included).
  This script makes itself a child subreaper (prctl PR_SET_CHILD_SUBREAPER), so WebKit's helper
  processes, orphaned when the program quits, come back to it: it reaps them and waits until
  every one is gone before the next run starts. As a cross-check it also prints the kernel's
  own figure for the program (ru_maxrss from wait4: the largest resident set of the program and
  of the helpers it reaped itself).

It prints every run, then medians, 90th percentiles (nearest rank) and the ratios OSO/baseline,
next to the issue's target (first screen ≤ 1.15 x the empty window), and OSO against the painted
reference. Nothing is asserted; the exit status is non-zero only when a program never reaches its
first screen.
"""
import argparse
import ctypes
import math
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

TIME_TARGET = 1.15
MARKER = b"first-screen"
POLL_SECONDS = 0.010
PR_SET_CHILD_SUBREAPER = 36


def become_subreaper():
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise SystemExit(f"prctl(PR_SET_CHILD_SUBREAPER): {os.strerror(ctypes.get_errno())}")


def children(pid):
    """The direct children of every thread of `pid`."""
    found = set()
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as listing:
                found.update(int(child) for child in listing.read().split())
        except OSError:
            pass
    return found


def status_of(pid):
    """(name, VmHWM in KiB) of a live process, or None once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            fields = dict(line.split(":", 1) for line in status if ":" in line)
    except OSError:
        return None
    hwm = fields.get("VmHWM")
    if hwm is None:  # a zombie: its memory is gone, its last reading stands
        return None
    return fields["Name"].strip(), int(hwm.split()[0])


class TreeWatch(threading.Thread):
    """Follows a process tree until told to stop, keeping each process's highest VmHWM."""

    def __init__(self, root):
        super().__init__(daemon=True)
        self.root = root
        self.peaks = {}  # pid -> (name, KiB)
        self.stopping = threading.Event()

    def run(self):
        known = {self.root}
        while not self.stopping.is_set():
            frontier = [self.root] + [pid for pid in known if pid != self.root]
            seen = set()
            while frontier:
                pid = frontier.pop()
                if pid in seen:
                    continue
                seen.add(pid)
                frontier.extend(children(pid))
            known |= seen
            for pid in seen:
                reading = status_of(pid)
                if reading is not None:
                    name, hwm = reading
                    if hwm >= self.peaks.get(pid, ("", 0))[1]:
                        self.peaks[pid] = (name, hwm)
            self.stopping.wait(POLL_SECONDS)

    def largest(self):
        if not self.peaks:
            return ("?", 0)
        return max(self.peaks.values(), key=lambda entry: entry[1])


def fresh_environment(home):
    env = dict(os.environ, NO_AT_BRIDGE="1", OSO_EXIT_ON_FIRST_SCREEN="1")
    for variable, folder in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                             ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
        env[variable] = os.path.join(home, folder)
        os.makedirs(env[variable])
    env.pop("OSO_DATA_DIR", None)
    env.pop("OSO_SERVICE_URL", None)
    return env


def reap_everything(deadline):
    """Reaps every orphaned helper that came back to this subreaper; kills stragglers."""
    while True:
        try:
            pid, _, _ = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            if time.monotonic() > deadline:
                for leftover in children(os.getpid()):
                    try:
                        os.kill(leftover, signal.SIGKILL)
                    except OSError:
                        pass
                deadline = math.inf
            time.sleep(0.02)


def one_run(command, timeout):
    """Starts `command` once; returns (first screen s, exit s, largest name, its KiB, kernel KiB)."""
    with tempfile.TemporaryDirectory(prefix="oso-startup-") as home:
        env = fresh_environment(home)
        log_path = os.path.join(home, "stderr.log")
        with open(log_path, "wb") as log:
            started = time.monotonic()
            app = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=log)
        watch = TreeWatch(app.pid)
        watch.start()
        screen = {}

        def read_marker():
            for line in app.stdout:
                if line.strip() == MARKER:
                    screen["at"] = time.monotonic()
                    break
            # Keep draining: helpers inherit the pipe, and a full pipe must never block them.
            for _ in app.stdout:
                pass

        reader = threading.Thread(target=read_marker, daemon=True)
        reader.start()
        killer = threading.Timer(timeout, os.kill, (app.pid, signal.SIGKILL))
        killer.start()
        _, status, usage = os.wait4(app.pid, 0)
        exited = time.monotonic()
        killer.cancel()
        app.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        reap_everything(time.monotonic() + 20)
        watch.stopping.set()
        watch.join()
        reader.join(5)
        if "at" not in screen:
            with open(log_path, "rb") as log:
                tail = log.read()[-2000:].decode(errors="replace")
            raise RuntimeError(
                f"{os.path.basename(command[0])} ended (status {app.returncode}) without drawing its "
                f"first screen; is another instance running on this D-Bus session? Its stderr:\n"
                f"{tail}")
        name, hwm = watch.largest()
        return screen["at"] - started, exited - started, name, hwm, usage.ru_maxrss


def p90(values):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def summary(label, values, unit, scale):
    return (f"{label:<13} median {statistics.median(values) * scale:8.1f} {unit}   "
            f"p90 {p90(values) * scale:8.1f} {unit}")


def main():
    target = os.environ.get("CARGO_TARGET_DIR", "target")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="counted runs of each (10)")
    parser.add_argument("--warmup", type=int, default=1, help="uncounted runs of each first (1)")
    parser.add_argument("--oso", default=f"{target}/release/oso")
    parser.add_argument("--baseline", default=f"{target}/release/empty-window")
    parser.add_argument("--timeout", type=float, default=60, help="seconds per run (60)")
    args = parser.parse_args()
    baseline = os.path.abspath(args.baseline)
    programs = {"baseline": [baseline], "painted": [baseline, "--first-frame"],
                "login": [baseline, "--login-card"], "oso": [os.path.abspath(args.oso)]}
    for path, *_ in programs.values():
        if not os.access(path, os.X_OK):
            raise SystemExit(f"{path}: not built (scripts/bench.sh builds it)")
    become_subreaper()

    results = {name: [] for name in programs}
    for run in range(-args.warmup + 1, args.runs + 1):
        for name, command in programs.items():
            try:
                screen, exited, largest, hwm, kernel = one_run(command, args.timeout)
            except RuntimeError as error:
                raise SystemExit(str(error))
            counted = run > 0
            tag = f"run {run:2}" if counted else "warm-up"
            print(f"{tag} {name:<8} first screen {screen * 1000:6.0f} ms   exit "
                  f"{exited * 1000:6.0f} ms   largest process {largest} {hwm / 1024:6.1f} MiB "
                  f"(kernel ru_maxrss {kernel / 1024:6.1f} MiB)", flush=True)
            if counted:
                results[name].append((screen, exited, hwm))

    print()
    for name, command in programs.items():
        print(f"{name}: {' '.join(command)} ({os.path.getsize(command[0]):,} bytes), "
              f"{len(results[name])} runs")
        rows = results[name]
        print("  " + summary("first screen", [row[0] for row in rows], "ms", 1000))
        print("  " + summary("exit", [row[1] for row in rows], "ms", 1000))
        print("  " + summary("peak memory", [row[2] for row in rows], "MiB", 1 / 1024))
    print()
    for reference, title in (("baseline", "empty window"), ("painted", "painted reference"),
                             ("login", "login card")):
        for label, column in (("first screen", 0), ("exit", 1), ("peak memory", 2)):
            oso = [row[column] for row in results["oso"]]
            base = [row[column] for row in results[reference]]
            ratio = statistics.median(oso) / statistics.median(base)
            target_note = ""
            if column == 0 and reference == "baseline":
                verdict = "met" if ratio <= TIME_TARGET else "MISSED"
                target_note = f"   target ≤ {TIME_TARGET:.2f}x: {verdict}"
            print(f"OSO / {title}, {label:<12}: median {ratio:5.2f}x   "
                  f"p90 {p90(oso) / p90(base):5.2f}x{target_note}")
    screen = {name: statistics.median(row[0] for row in rows) for name, rows in results.items()}
    login = [row[0] for row in results["login"]]
    floor = statistics.median(login) / statistics.median(row[0] for row in results["baseline"])
    print(f"login card / empty window, first screen: median {floor:5.2f}x (what drawing OSO's "
          f"first screen costs without any of OSO's code)")
    print(f"\nfirst screen, medians: the empty window's first frame costs "
          f"{(screen['painted'] - screen['baseline']) * 1000:.0f} ms after DOMContentLoaded; "
          f"OSO's login card, static, {(screen['login'] - screen['painted']) * 1000:.0f} ms more; "
          f"OSO takes {(screen['oso'] - screen['login']) * 1000:.0f} ms more than that card")


if __name__ == "__main__":
    sys.exit(main())

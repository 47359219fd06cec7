#!/usr/bin/env python3
"""Start-up and peak memory of OSO against an empty Tauri 2 window (issue 8), signed out and
signed in, on a fresh and on a used data directory.

    NO_AT_BRIDGE=1 dbus-run-session -- \\
        xvfb-run --auto-servernum --server-args="-screen 0 1366x900x24" \\
        scripts/with-keyring.sh python3 scripts/measure-startup.py [--runs N] [--warmup K] \\
        [--oso BINARY] [--baseline BINARY] [--states out-fresh,out-used,in-fresh,in-used] \\
        [--orders 10000] [--drafts 50] [--no-verify]

The programs:

- OSO (default: the release build, <target>/release/oso) with OSO_EXIT_ON_FIRST_SCREEN=1: once
  the UI has drawn its first screen (translations applied, the session known, the login card or
  the signed-in page shown, and the frame after that painted) it prints `first-screen` on stdout
  and quits. It runs once per round in each chosen state of its data directory (--states, all
  four by default; see scripts/startup_states.py for how each is made):
  - out-fresh: signed out, a fresh, empty data directory (a first start);
  - out-used: signed out, a used one: 10,000 orders of a login in the embedded service's
    database and 50 of its drafts in the desktop's local store (--orders, --drafts), the login
    signed out;
  - in-fresh: signed in (the session in the OS keyring, as "stay signed in" keeps it), nothing
    else in it;
  - in-used: signed in, with those orders and drafts.
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

Each run starts one program with a data directory of its own: XDG_DATA_HOME, XDG_CONFIG_HOME,
XDG_CACHE_HOME and XDG_STATE_HOME all point into a new temp directory. For the baselines and for
OSO out-fresh it stays empty (OSO's databases, its embedded service and logs, and WebKit's caches
start from nothing, as on a first start). For the other states, the state's template (made once
per benchmark run, before the first run: OSO's two databases and the service's outbox, never
WebKit's caches or logs) is copied into it, and for the signed-in ones the session is written to
the keyring under that directory's name (the keyring entry names the data directory, which is new
for every run), before the clock starts; the entry is removed after the run. So every run of a
state starts from the same state. Before every run's clock starts, dirty pages are written out
(sync), so no run pays for the writes of that copy or of the run before it. The programs take
turns (baseline, painted, login card, OSO in each state, baseline, ...), so a slow moment of the
machine hurts all of them; the warm-up runs (one of each by default) are not counted and only
fill the page cache.

Before the runs, OSO is started once in each state (not timed) under tauri-driver and its window
watched from inside the page (a MutationObserver, installed as soon as WebDriver can reach the
page, which so far has always been before the reveal; the script says when it was not): which
screen was revealed first (signed in: the sidebar and a page; signed out: the login card), in
which language (<html lang>), whether the mode, the language or the card changed after it was
revealed (a screen drawn and then replaced), and what else still changed on screen in the second
after (lists filled, banners added, texts changed). A state whose window does not come up in the
expected mode stops the script: its template is wrong, and its figures would mean nothing.
--no-verify skips this. The timed runs cannot be watched so (the app quits at its first screen);
from their own logs (logs/ in their data directory) the script reads the line `first screen
shown`, whose page milestones it prints as medians per state (and the screen and language, should
the page ever report them there), whether the events stream opened (OSO opens it only for a
signed-in session), and any warnings or errors. Every program's `first-screen` line also says
when its Rust side began its set-up and had built its window (OSO: also its logs and its state),
and when its page began to load (`page`), had its DOM and scripts (`loaded`: DOMContentLoaded in
the references, main.js running in OSO) and reported its first screen (`reported`), all in ms
from launch; the script prints their medians, so OSO and the login card compare step by step.

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

It prints every run, then medians, 90th percentiles (nearest rank) and, per state, the ratios of
OSO against each reference with issue 23's targets beside them (first screen ≤ 1.25 x the empty
window and ≤ 1.05 x the login card; largest process ≤ 1.05 x the empty window), and a table of
the states. Nothing is asserted; the exit status is non-zero only when a program never reaches
its first screen or a state is not what it should be.
"""
import argparse
import collections
import ctypes
import math
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import startup_states  # noqa: E402  (beside this script)

# Issue 23's targets, as (reference, column) → the largest ratio that meets it.
TARGETS = {
    ("baseline", 0): 1.25,  # first screen against the empty window
    ("login", 0): 1.05,  # first screen against the login card
    ("baseline", 2): 1.05,  # largest process against the empty window
}
MARKER = b"first-screen"
POLL_SECONDS = 0.010
PR_SET_CHILD_SUBREAPER = 36


def become_subreaper():
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise SystemExit(f"prctl(PR_SET_CHILD_SUBREAPER): {os.strerror(ctypes.get_errno())}")


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
                frontier.extend(startup_states.children(pid))
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


def reap_everything(deadline):
    """Reaps every orphaned helper that came back to this subreaper; kills stragglers."""
    while True:
        try:
            pid, _, _ = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            if time.monotonic() > deadline:
                for leftover in startup_states.children(os.getpid()):
                    try:
                        os.kill(leftover, signal.SIGKILL)
                    except OSError:
                        pass
                deadline = math.inf
            time.sleep(0.02)


def one_run(command, timeout, prepared=None):
    """Starts `command` once, in `prepared`'s state (an OSO state) or with an empty directory;
    returns (first screen s, exit s, largest name, its KiB, kernel KiB, first-screen log fields)."""
    with tempfile.TemporaryDirectory(prefix="oso-startup-") as home:
        env = startup_states.fresh_environment(home)
        undo = startup_states.install(prepared, home)
        # The template just copied (and the last run's logs and caches) on disk before the clock
        # starts, not written back while this run is measured; the same for every program.
        os.sync()
        try:
            return measured_run(command, timeout, home, env)
        finally:
            undo()


def measured_run(command, timeout, home, env):
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
            # `first-screen`, or with words after it should the app ever say more there.
            if line.strip().split(b" ", 1)[0] == MARKER:
                screen["at"] = time.monotonic()
                # The Rust side's steps, in ms from launch (`setup_ms=34 window_ms=151 …`),
                # which OSO and the empty window both print on this line.
                screen["steps"] = {key.decode(): int(value)
                                   for key, value in re.findall(rb"(\w+)_ms=(\d+)", line)}
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
    logged = startup_states.log_facts(home)
    logged["steps"] = screen.get("steps", {})
    return screen["at"] - started, exited - started, name, hwm, usage.ru_maxrss, logged


def p90(values):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def summary(label, values, unit, scale):
    return (f"{label:<13} median {statistics.median(values) * scale:8.1f} {unit}   "
            f"p90 {p90(values) * scale:8.1f} {unit}")


def settle():
    reap_everything(time.monotonic() + 20)


def parse_states(text):
    keys = [key.strip() for key in text.split(",") if key.strip()]
    unknown = [key for key in keys if key not in startup_states.BY_KEY]
    if unknown or not keys:
        raise argparse.ArgumentTypeError(
            f"unknown state(s) {', '.join(unknown) or '(none)'}; choose from "
            f"{', '.join(startup_states.BY_KEY)}")
    return [startup_states.BY_KEY[key] for key in dict.fromkeys(keys)]


def describe_look(look):
    if look is None:
        return "nothing"
    if look["session"] == "signed-in":
        what = f"signed in, page {look['page']}"
    elif look["auth"]:
        what = f"{look['session']}, card {look['card']}"
    else:
        what = f"{look['session']}"
    return f"{what}, lang={look['lang']} (at {look['t']} ms)"


def check_state(prepared, seen):
    """Prints what the verification launch saw; returns False when the state is not the one it
    should be (then its figures would mean nothing)."""
    key = prepared.state.key
    if "error" in seen:
        kept = f"; the logs are kept in {seen['kept']}" if seen.get("kept") else ""
        print(f"verify {key:<9}: could not watch the window: {seen['error']}{kept}")
        return True
    expected = "signed-in" if prepared.state.signed_in else "signed-out"
    first, final = seen["first"], seen["final"]
    note = ""
    if seen["missed_reveal"]:
        note = (f" (the observer came in only at {seen['installed']} ms, after the reveal: "
                f"the first look shown is the one seen then)")
    else:
        note = f" (watched from {seen['installed']} ms, before the reveal)"
    replaced = "; then replaced by: " + " -> ".join(describe_look(look) for look in seen["replaced"]) \
        if seen["replaced"] else "; never replaced"
    milestones = (seen.get("log") or {}).get("page_milestones_ms", {})
    print(f"verify {key:<9}: first screen revealed: {describe_look(first)}{replaced}{note}; "
          f"expected {expected}: {'yes' if first['session'] == expected == final['session'] else 'NO'}"
          f"; log: first screen shown ms={(seen.get('log') or {}).get('ms')}, "
          f"session_answered at {milestones.get('session_answered')} ms, events stream "
          f"{'opened' if seen.get('events_stream') else 'not opened'}")
    print("  its looks: " + " -> ".join(
        (describe_look(look) if look["shown"] else
         f"hidden while loading (mode {look['session']}, lang={look['lang']}, at {look['t']} ms)")
        for look in seen["looks"]))
    later = seen.get("later") or []
    if later:
        shown_at = first["t"]
        counted = collections.Counter(change["what"] for change in later)
        when = {}
        for change in later:
            when.setdefault(change["what"], change["t"] - shown_at)
        told = [f"{what}{f' ×{counted[what]}' if counted[what] > 1 else ''} (+{when[what]} ms)"
                for what in when]
        print(f"  then, in the second after the reveal, {len(later)} changes on the screen: "
              + "; ".join(told[:12]) + ("; ..." if len(told) > 12 else ""))
    else:
        print("  then nothing on the screen changed in the second after the reveal")
    return first["session"] == expected and final["session"] == expected


def language_note(prepared, env):
    """Which language OSO's first screen uses, from outside: the display language chosen in the
    local store (`ui_language`), else the OS language (sys-locale: LANGUAGE/LC_ALL/LC_MESSAGES/
    LANG; OSO speaks nl, en, fr and falls back to en)."""
    import sqlite3
    chosen = None
    if prepared.template:
        database = os.path.join(prepared.template, "oso-desktop.sqlite3")
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
            row = db.execute("SELECT value FROM settings WHERE key = 'ui_language'").fetchone()
            chosen = row[0] if row else None
    if chosen:
        return f"{chosen} (chosen, in the local store)"
    os_choice = next((env[name] for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
                      if env.get(name)), "unset")
    return f"the OS language (none chosen in the local store; OS locale {os_choice})"


def main():
    target = os.environ.get("CARGO_TARGET_DIR", "target")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="counted runs of each (10)")
    parser.add_argument("--warmup", type=int, default=1, help="uncounted runs of each first (1)")
    parser.add_argument("--oso", default=f"{target}/release/oso")
    parser.add_argument("--baseline", default=f"{target}/release/empty-window")
    parser.add_argument("--timeout", type=float, default=60, help="seconds per run (60)")
    parser.add_argument("--states", type=parse_states, default=list(startup_states.STATES),
                        help="OSO's states, comma-separated (out-fresh,out-used,in-fresh,in-used)")
    parser.add_argument("--orders", type=int, default=10_000,
                        help="orders of the login in the used states (10000)")
    parser.add_argument("--drafts", type=int, default=50,
                        help="drafts of the login in the used states (50)")
    parser.add_argument("--no-verify", action="store_true",
                        help="skip watching each state's first screen through tauri-driver")
    args = parser.parse_args()
    baseline = os.path.abspath(args.baseline)
    oso = os.path.abspath(args.oso)
    references = {"baseline": [baseline], "painted": [baseline, "--first-frame"],
                  "login": [baseline, "--login-card"]}
    for path in (baseline, oso):
        if not os.access(path, os.X_OK):
            raise SystemExit(f"{path}: not built (scripts/bench.sh builds it)")
    become_subreaper()

    with tempfile.TemporaryDirectory(prefix="oso-startup-states-") as root:
        try:
            prepared = startup_states.prepare(oso, args.states, root, settle,
                                              orders=args.orders, drafts=args.drafts,
                                              timeout=args.timeout)
        except RuntimeError as error:
            raise SystemExit(f"cannot prepare the states: {error}")
        env = startup_states.fresh_environment(os.path.join(root, "language-probe"))
        for state in prepared.values():
            print(f"state  {state.state.key:<9}: {state.contents}; language: "
                  f"{language_note(state, env)}", flush=True)
        if not args.no_verify:
            wrong = []
            for state in prepared.values():
                state.verified = startup_states.verify(oso, state, settle, args.timeout)
                if not check_state(state, state.verified):
                    wrong.append(state.state.key)
                sys.stdout.flush()
            if wrong:
                raise SystemExit(f"OSO did not start as expected in: {', '.join(wrong)}")
        programs = dict((name, (command, None)) for name, command in references.items())
        for state in prepared.values():
            programs[f"oso {state.state.key}"] = ([oso], state)
        results = {name: [] for name in programs}
        for run in range(-args.warmup + 1, args.runs + 1):
            for name, (command, state) in programs.items():
                try:
                    screen, exited, largest, hwm, kernel, logged = one_run(command, args.timeout,
                                                                           state)
                except RuntimeError as error:
                    raise SystemExit(str(error))
                counted = run > 0
                tag = f"run {run:2}" if counted else "warm-up"
                print(f"{tag} {name:<13} first screen {screen * 1000:6.0f} ms   exit "
                      f"{exited * 1000:6.0f} ms   largest process {largest} {hwm / 1024:6.1f} MiB "
                      f"(kernel ru_maxrss {kernel / 1024:6.1f} MiB)", flush=True)
                if counted:
                    results[name].append((screen, exited, hwm, largest, logged))
    report(programs, results)


def report(programs, results):
    print()
    for name, (command, state) in programs.items():
        what = f", {state.state.label}: {state.contents}" if state else ""
        print(f"{name}: {' '.join(command)} ({os.path.getsize(command[0]):,} bytes){what}, "
              f"{len(results[name])} runs")
        rows = results[name]
        largest = collections.Counter(row[3] for row in rows).most_common(1)[0][0]
        print("  " + summary("first screen", [row[0] for row in rows], "ms", 1000))
        print("  " + summary("exit", [row[1] for row in rows], "ms", 1000))
        print("  " + summary("peak memory", [row[2] for row in rows], "MiB", 1 / 1024)
              + f"   (largest process: {largest})")
        steps = collections.defaultdict(list)
        for row in rows:
            for step, at in row[4].get("steps", {}).items():
                steps[step].append(at)
        if steps:
            order = sorted(steps, key=lambda step: statistics.median(steps[step]))
            print("  steps, medians, ms after launch: "
                  + ", ".join(f"{step} {statistics.median(steps[step]):.0f}" for step in order))
        logged = [row[4]["first_screen"] for row in rows if row[4]["first_screen"]]
        if state is not None and logged:
            marks = collections.defaultdict(list)
            for fields in logged:
                for mark, at in (fields.get("page_milestones_ms") or {}).items():
                    marks[mark].append(at)
            began = [fields["page_began_ms"] for fields in logged
                     if isinstance(fields.get("page_began_ms"), int)]
            order = sorted(marks, key=lambda mark: statistics.median(marks[mark]))
            print(f"  page milestones, medians of {len(logged)} logs: the page began "
                  f"{statistics.median(began):.0f} ms after launch; then "
                  + ", ".join(f"{mark} {statistics.median(marks[mark]):.0f}" for mark in order)
                  + " ms")
        elif state is not None:
            print("  (no `first screen shown` line found in its logs)")
        told = collections.Counter((fields.get("screen"), fields.get("language")) for fields in logged
                                   if "screen" in fields or "language" in fields)
        if state is not None and told:
            print("  the page reported its first screen as: " + ", ".join(
                f"{screen} in {language} ({count} runs)" for (screen, language), count in told.items()))
        if state is not None:
            opened = sum(row[4]["events_stream"] for row in rows)
            problems = collections.Counter(line for row in rows for line in row[4]["problems"])
            print(f"  the events stream (signed in only) opened in {opened} of {len(rows)} runs"
                  + ("" if state.state.signed_in else " (signed out: expected in none)"))
            for line, count in problems.most_common(5):
                print(f"  logged in {count} runs: {line[:200]}")
    screen = {name: statistics.median(row[0] for row in rows) for name, rows in results.items()}
    memory = {name: statistics.median(row[2] for row in rows) for name, rows in results.items()}
    login = [row[0] for row in results["login"]]
    floor = statistics.median(login) / statistics.median(row[0] for row in results["baseline"])
    print(f"\nlogin card / empty window, first screen: median {floor:5.2f}x (what drawing OSO's "
          f"first screen costs without any of OSO's code)")
    for name, (command, state) in programs.items():
        if state is None:
            continue
        print(f"\nOSO {state.state.label} ({state.contents}):")
        for reference, title in (("baseline", "empty window"), ("painted", "painted reference"),
                                 ("login", "login card")):
            for label, column in (("first screen", 0), ("exit", 1), ("peak memory", 2)):
                oso = [row[column] for row in results[name]]
                base = [row[column] for row in results[reference]]
                ratio = statistics.median(oso) / statistics.median(base)
                target_note = ""
                target = TARGETS.get((reference, column))
                if target is not None:
                    verdict = "met" if ratio <= target else "MISSED"
                    target_note = f"   target ≤ {target:.2f}x: {verdict}"
                print(f"  OSO / {title}, {label:<12}: median {ratio:5.2f}x   "
                      f"p90 {p90(oso) / p90(base):5.2f}x{target_note}")
        print(f"  first screen, medians: the empty window's first frame costs "
              f"{(screen['painted'] - screen['baseline']) * 1000:.0f} ms after DOMContentLoaded; "
              f"OSO's login card, static, {(screen['login'] - screen['painted']) * 1000:.0f} ms "
              f"more; OSO {state.state.label} takes {(screen[name] - screen['login']) * 1000:.0f} "
              f"ms more than that card")
    print(f"\n{'per state (medians)':<24} {'first screen':>12} {'/ empty window':>15} "
          f"{'/ login card':>13}   largest process (peak)")
    for name, (command, state) in programs.items():
        if state is None:
            continue
        largest = collections.Counter(row[3] for row in results[name]).most_common(1)[0][0]
        seen = state.verified.get("first") if state.verified else None
        shown = ""
        if seen:
            shown = f"   shown: {seen['session']}, lang={seen['lang']}"
            if state.verified.get("replaced"):
                shown += ", then REPLACED"
        print(f"{'OSO ' + state.state.label:<24} {screen[name] * 1000:9.0f} ms "
              f"{screen[name] / screen['baseline']:14.2f}x {screen[name] / screen['login']:12.2f}x"
              f"   {largest} {memory[name] / 1024:.1f} MiB{shown}")


if __name__ == "__main__":
    sys.exit(main())

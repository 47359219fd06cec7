#!/usr/bin/env bash
# Runs a command with gnome-keyring's Secret Service started and unlocked on the current D-Bus
# session, so tests meet the real OS keyring. Its keyring files live in a fresh directory, never
# the user's: a non-empty password makes the daemon create the default "login" collection there.
set -euo pipefail
XDG_DATA_HOME=$(mktemp -d -t oso-keyring-XXXXXX)
export XDG_DATA_HOME
trap 'rm -rf "$XDG_DATA_HOME" 2>/dev/null || true' EXIT
eval "$(printf 'oso-test-keyring' | gnome-keyring-daemon --components=secrets --daemonize --unlock)"
export GNOME_KEYRING_CONTROL
export NO_AT_BRIDGE=1
"$@"

#!/usr/bin/env bash
# Runs a command with gnome-keyring's Secret Service started and unlocked (empty password) on the
# current D-Bus session, so tests meet the real OS keyring, never the user's.
set -euo pipefail
eval "$(printf '' | gnome-keyring-daemon --components=secrets --daemonize --unlock)"
export GNOME_KEYRING_CONTROL
export NO_AT_BRIDGE=1
exec "$@"

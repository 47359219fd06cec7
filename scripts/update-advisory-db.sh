#!/usr/bin/env bash
# Renews audit/advisory-db.tar.xz from a clone of the RustSec advisory database (a path or URL;
# default https://github.com/rustsec/advisory-db) and prints the commit to write in
# audit/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source=${1:-https://github.com/rustsec/advisory-db}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone --quiet --depth 1 "$source" "$work/db"
tar -C "$work/db" -cJf audit/advisory-db.tar.xz crates rust LICENSE.txt README.md support.toml
git -C "$work/db" log -1 --format='snapshot: commit %H (%cs)'

#!/usr/bin/env bash
# Copies the screenshots the end-to-end accessibility tests take of every page, light and dark
# (tests/e2e/accessibility.rs), to docs/screenshots/, where the README shows them. Run after
# `make test` (or the accessibility tests alone) and commit the result.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
shots="${CARGO_TARGET_DIR:-$root/target}/e2e-screenshots"
target="$root/docs/screenshots"
mkdir -p "$target"
for theme in light dark; do
  for page in login new-order order-history personal-data account-numbers address-book esecure; do
    found=$(ls "$shots"/a11y-"$theme"-[0-9][0-9]-"$page".png 2>/dev/null | tail -n1)
    if [[ -z "$found" ]]; then
      echo "no $theme screenshot of $page in $shots: run the accessibility tests first" >&2
      exit 1
    fi
    cp "$found" "$target/$theme-$page.png"
  done
done
echo "docs/screenshots: $(ls "$target" | wc -l) screenshots"

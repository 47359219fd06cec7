#!/usr/bin/env bash
# Checks Cargo.lock against the RustSec advisories (audit/advisory-db.tar.xz, see audit/README.md)
# with cargo-audit, which `scripts/setup-system.sh test` installs (pinned) next to schemathesis.
# Fails on any known vulnerability that is not ignored, with its reason, in .cargo/audit.toml;
# prints the warnings (unmaintained or unsound crates) without failing.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
cargo_audit=$target/fuzz-venv/bin/cargo-audit
db=$target/advisory-db
snapshot=audit/advisory-db.tar.xz
stamp=$(sha256sum "$snapshot" | cut -d' ' -f1)
if [ "$(cat "$db/.snapshot" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$db"
  mkdir -p "$db"
  tar -C "$db" -xJf "$snapshot"
  echo "$stamp" > "$db/.snapshot"
fi

# An ignored advisory stays acceptable only while its crate is built into nothing: each one in
# .cargo/audit.toml names its crate in a `# crate: NAME` comment, checked here.
for crate in $(sed -n 's/^ *# crate: \([a-z0-9_-]*\).*/\1/p' .cargo/audit.toml); do
  users=$(cargo tree --workspace --locked --target all -e normal,build,dev -i "$crate" 2>/dev/null || true)
  if [ -n "$users" ]; then
    echo "audit: $crate is ignored in .cargo/audit.toml as unused, but something depends on it now:" >&2
    echo "$users" >&2
    exit 1
  fi
done

"$cargo_audit" audit --db "$db" --no-fetch --stale

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

# An ignored advisory stays acceptable only while its crate is built into nothing, or used
# directly only by the crates its entry names: each one in .cargo/audit.toml names its crate in
# a `# crate: NAME [only-through: A,B]` comment, checked here.
while read -r crate through; do
  users=$(cargo tree --workspace --locked --target all -e normal,build,dev -i "$crate" --depth 1 --prefix none 2>/dev/null | tail -n +2 | cut -d' ' -f1 | sort -u || true)
  allowed=$(echo "$through" | tr ',' '\n' | sed '/^$/d' | sort -u)
  unexpected=$(comm -23 <(echo "$users" | sed '/^$/d') <(echo "$allowed"))
  if [ -n "$unexpected" ]; then
    echo "audit: $crate is ignored in .cargo/audit.toml, but these now use it directly: $unexpected" >&2
    cargo tree --workspace --locked --target all -e normal,build,dev -i "$crate" >&2 || true
    exit 1
  fi
done < <(sed -n 's/^ *# crate: \([a-z0-9_-]*\)\( only-through: \([a-z0-9_,-]*\)\)\{0,1\}.*/\1 \3/p' .cargo/audit.toml)

"$cargo_audit" audit --db "$db" --no-fetch --stale

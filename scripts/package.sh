#!/usr/bin/env bash
# Builds OSO's release bundles with the Tauri bundler (`cargo tauri build`, installed at a pinned
# version by `scripts/setup-system.sh package`). `make package` runs it.
#   scripts/package.sh                the .deb, in <target>/release/bundle/deb/
#   scripts/package.sh rpm            another bundle the bundler makes offline
#   scripts/package.sh appimage       needs linuxdeploy downloads: not on a machine without them
# Prints the path of each bundle it made.
set -euo pipefail
cd "$(dirname "$0")/.."

bundles=${1:-deb}
target_dir=${CARGO_TARGET_DIR:-$PWD/target}
# --ci: no prompts; --locked: the dependencies of Cargo.lock, as in every other build.
cargo tauri build --ci --bundles "$bundles" -- --locked >&2

IFS=, read -r -a kinds <<<"$bundles"
for kind in "${kinds[@]}"; do
  case $kind in
    appimage) extension=AppImage ;;
    *) extension=$kind ;;
  esac
  # The newest one: the bundle directory keeps those of earlier versions.
  ls -t "$target_dir/release/bundle/$kind/"*."$extension" | head -n 1
done

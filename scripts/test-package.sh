#!/usr/bin/env bash
# Tests the installable package: builds the release .deb (scripts/package.sh), reads its control
# data and file list, checks the desktop entry (the oso:// scheme among its MIME types), the
# icons, that every shared library the binary needs comes with its declared dependencies, that
# apt could install it here, then unpacks it into a temp root and runs the unpacked binary far
# enough to answer --version. `scripts/test.sh` runs it last; alone: scripts/test-package.sh.
# Nothing is installed on this machine: the package is only unpacked and simulated.
set -euo pipefail
cd "$(dirname "$0")/.."

failures=0
pass() { echo "  ok   $*"; }
fail() { echo "  FAIL $*"; failures=$((failures + 1)); }
check() { # check "what" command...: passes when the command succeeds
  local what=$1
  shift
  if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi
}

# tauri.conf.json has no version of its own: the bundle takes the workspace's, from Cargo.toml.
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)

echo "== building the release .deb"
deb=$(scripts/package.sh deb | tail -n 1)
echo "  $deb ($(du -h "$deb" | cut -f1))"

root=$(mktemp -d -t oso-package-XXXXXX)
trap 'rm -rf "$root"' EXIT

echo "== control data (dpkg-deb -I)"
field() { dpkg-deb -f "$deb" "$1"; }
check "Package is oso" test "$(field Package)" = oso
check "Version is $version" test "$(field Version)" = "$version"
check "Architecture is $(dpkg --print-architecture)" test "$(field Architecture)" = "$(dpkg --print-architecture)"
check "it has a Maintainer and a Description" test -n "$(field Maintainer)" -a -n "$(field Description)"
depends=$(field Depends)
echo "  Depends: $depends"
declared=$(tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/[ (].*//' | sed '/^$/d' | sort -u)
for package in libwebkit2gtk-4.1-0 libgtk-3-0 libayatana-appindicator3-1; do
  check "Depends names $package" grep -qx "$package" <<<"$declared"
done

echo "== files (dpkg-deb -c)"
contents=$(dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./||; s|^|./|')
check "the program is /usr/bin/oso" grep -qx './usr/bin/oso' <<<"$contents"
check "the desktop entry is /usr/share/applications/OSO.desktop" \
  grep -qx './usr/share/applications/OSO.desktop' <<<"$contents"
for size in 16 24 32 48 64 128 256 512; do
  check "the ${size}x${size} hicolor icon" \
    grep -qx "./usr/share/icons/hicolor/${size}x${size}/apps/oso.png" <<<"$contents"
done

dpkg-deb -x "$deb" "$root"

echo "== the unpacked files"
for size in 16 24 32 48 64 128 256 512; do
  icon="$root/usr/share/icons/hicolor/${size}x${size}/apps/oso.png"
  check "the ${size}x${size} icon is a ${size}x${size} PNG" \
    grep -q "PNG image data, $size x $size" <<<"$(file "$icon")"
done
entry="$root/usr/share/applications/OSO.desktop"
check "the entry starts the program with the URLs it is given" grep -qx 'Exec=oso %U' "$entry"
check "the entry handles the oso:// scheme" grep -qE '^MimeType=(.*;)?x-scheme-handler/oso(;|$)' "$entry"
check "the entry names the icon" grep -qx 'Icon=oso' "$entry"
if command -v desktop-file-validate >/dev/null 2>&1; then
  check "desktop-file-validate accepts the entry" desktop-file-validate "$entry"
fi

echo "== shared libraries come with the declared dependencies"
# Everything the declared packages pull in, recursively, plus what every system has.
closure=$( { echo "$declared"; apt-cache depends --recurse --no-recommends --no-suggests \
  --no-conflicts --no-breaks --no-replaces --no-enhances $declared 2>/dev/null |
  sed -n 's/^ *|\{0,1\}\(Pre\)\{0,1\}Depends: \([^ <>]*\).*/\2/p; s/^\([a-z0-9][^ <>]*\)$/\1/p'; } |
  sed 's/:.*//' | sort -u)
binary="$root/usr/bin/oso"
# The package that owns a library file, under either of its names on a merged-/usr system.
owner_of() {
  local resolved
  resolved=$(readlink -f "$1")
  for candidate in "$1" "$resolved" "${resolved#/usr}"; do
    if dpkg -S "$candidate" >/dev/null 2>&1; then
      dpkg -S "$candidate" 2>/dev/null | sed -n '1s/:.*//p'
      return
    fi
  done
}
for library in $(objdump -p "$binary" | awk '/NEEDED/ {print $2}'); do
  # (no early exit in awk: ldconfig would die of SIGPIPE, and pipefail would end the script)
  path=$(ldconfig -p | awk -v lib="$library" '$1 == lib && !seen++ {print $NF}')
  owner=$([ -n "$path" ] && owner_of "$path" || true)
  if [ -z "$owner" ]; then
    fail "$library: no installed package provides it"
  elif [ "$(dpkg-query -W -f='${Priority}' "$owner" 2>/dev/null)" = required ] ||
       grep -qx "$owner" <<<"$closure"; then
    pass "$library ($owner)"
  else
    fail "$library ($owner) is not among the declared dependencies"
  fi
done

echo "== apt could install it here (simulated)"
check "apt-get install --simulate ./$(basename "$deb")" \
  apt-get install --simulate --no-install-recommends "$deb"

echo "== the unpacked program answers --version"
answer=$("$binary" --version 2>&1 || true)
echo "  $answer"
check "it prints OSO $version" test "$answer" = "OSO $version"

echo "== package: $failures failed"
exit $((failures > 0))

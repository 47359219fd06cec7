#!/usr/bin/env bash
# Runs a command with a private PostgreSQL cluster: made in a temporary directory, listening on a
# free port of 127.0.0.1 (and a socket in that directory), stopped and deleted when the command
# ends, however it ends. The command finds it in OSO_TEST_DATABASE_URL.
#   scripts/with-postgres.sh cargo test -p oso-service --test api
# PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user that
# Debian's package creates. `make test` installs the package (scripts/setup-system.sh).
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL is not installed: run scripts/setup-system.sh test (Debian's postgresql)" >&2
  exit 1
fi

as_owner=()
dir=$(mktemp -d /tmp/oso-postgres.XXXXXX)
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$dir"
  as_owner=(runuser -u postgres --)
fi

stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U oso --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# Durability as in production (fsync, synchronous_commit on); enough connections for the tests
# and two service instances.
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
"${as_owner[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U oso oso

export OSO_TEST_DATABASE_URL="postgres://oso@127.0.0.1:$port/oso"
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $port (in $dir)" >&2
"$@"

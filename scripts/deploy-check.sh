#!/usr/bin/env bash
# Checks the deployment sample of deploy/ end to end, on this machine, as a user would meet it:
# two `oso-service serve` instances started as deploy/systemd/oso-service@.service starts them,
# with configurations made from deploy/oso/instance-{1,2}.toml, behind a private nginx running
# deploy/nginx/oso.conf with a self-signed certificate, on a private PostgreSQL database
# (scripts/with-postgres.sh), mail through a private SMTP server (aiosmtpd). Ports, directories,
# the certificate, the database and the SMTP server are rewritten to temporary ones; everything
# is stopped and deleted at the end, however it ends. Over HTTPS through nginx it checks: the
# redirect from http, health answered by both instances and still answered with one stopped,
# the Host check, registration, activation with the mailed code, sign-in, an order placed (and
# the same key answered with the same order), the order in the history and in the operator API
# with a token made by the CLI from an instance's configuration.
#   scripts/deploy-check.sh [PATH-TO-oso-service]   (default: ${CARGO_TARGET_DIR:-target}/debug/)
# It installs nothing: it needs nginx, openssl, curl, python3 with Debian's python3-aiosmtpd,
# and PostgreSQL (Debian's postgresql); `make test` installs them and runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

binary=${1:-${CARGO_TARGET_DIR:-target}/debug/oso-service}
binary=$(realpath -e "$binary" 2>/dev/null) || {
  echo "no oso-service binary at ${1:-${CARGO_TARGET_DIR:-target}/debug/oso-service}: cargo build -p oso-service" >&2
  exit 1
}

missing=()
command -v nginx >/dev/null || missing+=("nginx (apt-get install nginx)")
command -v openssl >/dev/null || missing+=("openssl")
command -v curl >/dev/null || missing+=("curl")
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=("python3-aiosmtpd (scripts/setup-system.sh test)")
if [ ${#missing[@]} -gt 0 ]; then
  printf 'deploy-check needs, and does not install: %s\n' "${missing[@]}" >&2
  exit 1
fi

if [ -z "${OSO_TEST_DATABASE_URL:-}" ]; then
  exec scripts/with-postgres.sh "$PWD/scripts/deploy-check.sh" "$binary"
fi

sample=deploy
unit=$sample/systemd/oso-service@.service
site=$sample/nginx/oso.conf
dir=$(mktemp -d /tmp/oso-deploy-check.XXXXXX)
pids=()
database=""
nginx_pid=""

# shellcheck disable=SC2317 # called by the trap
finish() {
  local status=$?
  set +e
  [ -n "$nginx_pid" ] && kill -TERM "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  if [ "$status" -ne 0 ]; then
    for log in "$dir"/instance-*.log "$dir"/nginx/error.log "$dir"/nginx/oso.error.log "$dir"/smtp.log; do
      [ -s "$log" ] && { echo "--- $log (last lines)"; tail -n 25 "$log"; }
    done >&2
  fi
  if [ -n "$database" ]; then
    psql "$OSO_TEST_DATABASE_URL" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1
  fi
  rm -rf "$dir"
  exit "$status"
}
trap finish EXIT
trap 'exit 130' INT TERM

step() { echo "== $*"; }
fail() {
  echo "deploy-check FAILED: $*" >&2
  exit 1
}
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
# The value of `key = "..."` in a TOML file of the sample.
toml_string() { sed -n "s/^$2 = \"\\(.*\\)\"\$/\\1/p" "$1"; }

# The sample's files agree with each other: what nginx forwards to is what the instances
# listen on, under the name public_url says, and the unit finds their files.
name=$(toml_string $sample/oso/instance-1.toml public_url | sed -n 's#^https://\([^/:]*\).*#\1#p')
[ -n "$name" ] || fail "instance-1.toml has no https public_url"
grep -q "server_name $name;" $site || fail "$site does not serve $name"
grep -q '^ExecStart=.* --config /etc/oso/instance-%i.toml$' $unit || fail "$unit reads another file"
sample_ports=()
for n in 1 2; do
  config=$sample/oso/instance-$n.toml
  [ "$(toml_string "$config" public_url)" = "https://$name" ] || fail "$config: another public_url"
  [ "$(toml_string "$config" data_dir)" = "/var/lib/oso/instance-$n" ] ||
    fail "$config: data_dir is not the unit's StateDirectory"
  listen=$(toml_string "$config" listen)
  grep -q "server $listen;" $site || fail "$site does not forward to $listen ($config)"
  sample_ports+=("${listen##*:}")
done
if command -v systemd-analyze >/dev/null; then
  step "the systemd unit passes systemd-analyze verify"
  mkdir -p "$dir/unit"
  sed "s#/usr/local/bin/oso-service#$binary#" $unit > "$dir/unit/oso-service@1.service"
  verified=$(systemd-analyze verify "$dir/unit/oso-service@1.service" 2>&1 | grep -v '^$' || true)
  [ -z "$verified" ] || fail "systemd-analyze verify: $verified"
fi

https_port=$(free_port)
http_port=$(free_port)
smtp_port=$(free_port)
ports=("$(free_port)" "$(free_port)")

step "an SMTP server on 127.0.0.1:$smtp_port, every mail into $dir/maildir"
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox \
  "$dir/maildir" > "$dir/smtp.log" 2>&1 &
pids+=($!)

database=oso_deploy_check_$$
step "a database $database on the private PostgreSQL"
psql "$OSO_TEST_DATABASE_URL" -v ON_ERROR_STOP=1 -qc "CREATE DATABASE $database" >/dev/null
database_line="database_url = \"${OSO_TEST_DATABASE_URL%/*}/$database\""

# An instance's configuration: the sample's, with this run's port, directory, database and SMTP
# server (no TLS and no login: it is on this machine).
for n in 1 2; do
  config=$dir/instance-$n.toml
  sed -e "s#^listen = .*#listen = \"127.0.0.1:${ports[n - 1]}\"#" \
      -e "s#^data_dir = .*#data_dir = \"$dir/instance-$n\"#" \
      -e "s#^host = .*#host = \"127.0.0.1\"#" \
      -e "s#^port = .*#port = $smtp_port#" \
      -e "s#^security = .*#security = \"none\"#" \
      -e "/^username = /d" -e "/^password = /d" \
      $sample/oso/instance-$n.toml > "$config"
  sed -i "s#^database_url = .*#$database_line#" "$config"
  grep -q '^\[smtp\]$' "$config" || fail "the sample instance-$n.toml sends no mail by SMTP"
  grep -q '^trusted_proxies = \["127.0.0.1"\]$' "$config" || fail "instance-$n.toml does not trust nginx"
done

# Started as the unit starts them: its ExecStart and Environment, with this run's file.
exec_start=$(sed -n 's/^ExecStart=//p' $unit)
read -r -a unit_environment <<<"$(sed -n 's/^Environment=//p' $unit)"
start_instance() { # n
  local n=$1 command
  read -r -a command <<<"${exec_start//%i/$n}"
  command[0]=$binary
  command=("${command[@]//\/etc\/oso\/instance-$n.toml/$dir/instance-$n.toml}")
  env "${unit_environment[@]}" "${command[@]}" >> "$dir/instance-$n.log" 2>&1 &
  instance_pids[n]=$!
  pids+=($!)
  for _ in $(seq 100); do
    curl -fs -o /dev/null "http://127.0.0.1:${ports[n - 1]}/api/v1/health" && return 0
    kill -0 "${instance_pids[n]}" 2>/dev/null || fail "instance $n did not start"
    sleep 0.2
  done
  fail "instance $n does not answer on 127.0.0.1:${ports[n - 1]}"
}
stop_instance() { # n
  kill -TERM "${instance_pids[$1]}"
  wait "${instance_pids[$1]}" || fail "instance $1 did not stop gracefully"
}
declare -a instance_pids
for n in 1 2; do
  step "instance $n on 127.0.0.1:${ports[n - 1]}"
  start_instance $n
done

step "a self-signed certificate for $name"
mkdir -p "$dir/tls" "$dir/nginx"
cert=$dir/tls/$name.pem
openssl req -x509 -newkey rsa:2048 -sha256 -days 1 -nodes -subj "/CN=$name" \
  -addext "subjectAltName=DNS:$name" -keyout "$dir/tls/$name.key" -out "$cert" 2>/dev/null

step "nginx with $site on 127.0.0.1:$https_port (https) and :$http_port (http)"
sed -e "s#listen 80;#listen 127.0.0.1:$http_port;#" -e '/listen \[::\]:80;/d' \
    -e "s#listen 443 ssl;#listen 127.0.0.1:$https_port ssl;#" -e '/listen \[::\]:443 ssl;/d' \
    -e "s#server 127.0.0.1:${sample_ports[0]};#server 127.0.0.1:${ports[0]} fail_timeout=1s;#" \
    -e "s#server 127.0.0.1:${sample_ports[1]};#server 127.0.0.1:${ports[1]} fail_timeout=1s;#" \
    -e "s#/etc/ssl/certs/$name.pem#$cert#" -e "s#/etc/ssl/private/$name.key#$dir/tls/$name.key#" \
    -e "s#/var/log/nginx/#$dir/nginx/#g" \
    $site > "$dir/nginx/oso.conf"
user=""
if [ "$(id -u)" -eq 0 ]; then
  # The workers run as nobody and must reach their temporary files under $dir.
  user="user nobody nogroup;"
  chmod 0711 "$dir" "$dir/nginx"
fi
cat > "$dir/nginx/nginx.conf" <<CONF
$user
daemon off;
worker_processes 1;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log;
events { worker_connections 128; }
http {
  client_body_temp_path $dir/nginx/body;
  proxy_temp_path $dir/nginx/proxy;
  fastcgi_temp_path $dir/nginx/fastcgi;
  uwsgi_temp_path $dir/nginx/uwsgi;
  scgi_temp_path $dir/nginx/scgi;
  access_log off;
  include $dir/nginx/oso.conf;
}
CONF
nginx -t -q -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -e "$dir/nginx/error.log" ||
  fail "nginx refuses the configuration: $(cat "$dir/nginx/error.log")"
nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -e "$dir/nginx/error.log" &
nginx_pid=$!

base=https://$name:$https_port
# One request through nginx, certificate checked against the self-signed one: the status in
# $status, the body in $dir/body.
api() { # METHOD PATH [JSON] [TOKEN] [curl options...]
  local method=$1 path=$2 body=${3:-} token=${4:-}
  local args=(-sS --cacert "$cert" --resolve "$name:$https_port:127.0.0.1" -X "$method"
              -o "$dir/body" -w '%{http_code}')
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data "$body")
  [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
  status=$(curl "${args[@]}" "${@:5}" "$base$path") || status=000
}
expect() { # STATUS what
  [ "$status" = "$1" ] || fail "$2: HTTP $status, expected $1: $(head -c 400 "$dir/body" 2>/dev/null)"
}
# A value of the JSON body: field names and list indexes, e.g. items 0 sku.
field() {
  python3 - "$dir/body" "$@" <<'PY'
import json, sys
value = json.load(open(sys.argv[1]))
for key in sys.argv[2:]:
    value = value[int(key)] if isinstance(value, list) else value[key]
print(value)
PY
}
upstreams_seen() { grep -c "upstream=127.0.0.1:$1 " "$dir/nginx/oso.access.log" || true; }

for _ in $(seq 50); do
  api GET /api/v1/health
  [ "$status" = 200 ] && break
  sleep 0.1
done
expect 200 "health through nginx"
[ "$(field status)" = ok ] || fail "health: $(cat "$dir/body")"

step "http redirects to https"
location=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -H "Host: $name" \
  "http://127.0.0.1:$http_port/api/v1/health")
[ "$location" = "301 https://$name/api/v1/health" ] || fail "http answers: $location"

step "health answered through nginx by both instances"
for _ in 1 2 3 4; do
  api GET /api/v1/health
  expect 200 "health through nginx"
done
for n in 1 2; do
  [ "$(upstreams_seen "${ports[n - 1]}")" -gt 0 ] || fail "nginx sent no request to instance $n"
done

step "a request for another host is refused by the instance's Host check (421)"
api GET /api/v1/health "" "" -H "Host: attacker.example"
expect 421 "health for attacker.example"

step "with instance 2 stopped, health is still answered"
stop_instance 2
for _ in 1 2 3 4; do
  api GET /api/v1/health
  expect 200 "health with one instance stopped"
done
start_instance 2
before_restart=$(upstreams_seen "${ports[1]}")
# nginx skips an instance for fail_timeout after a failed connection (10 s in the sample, 1 s
# here): after it, both instances take requests again, turn about.
sleep 1.2

email="ann.$$@zebra.example"
password="tall giraffe eats blue kites"
step "register $email, activate it with the code mailed by SMTP, sign in"
api POST /api/v1/registrations "{\"company_name\": \"Zebra Parcels BV\", \"contact_name\": \"Ann Peeters\",
  \"email\": \"$email\", \"password\": \"$password\", \"language\": \"en\"}"
expect 202 "registration"
code=""
for _ in $(seq 100); do
  code=$(python3 - "$dir/maildir" "$email" <<'PY'
import mailbox, os, re, sys
if not os.path.isdir(os.path.join(sys.argv[1], "new")):
    sys.exit(0)
for message in mailbox.Maildir(sys.argv[1], create=False).values():
    if sys.argv[2] not in message.get("To", ""):
        continue
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            text = part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
            found = re.search(r"\b[A-Z0-9]{4}-[A-Z0-9]{4}\b", text)
            if found:
                print(found.group(0))
                sys.exit(0)
PY
  )
  [ -n "$code" ] && break
  sleep 0.1
done
[ -n "$code" ] || fail "no activation code reached the SMTP server for $email"
api POST /api/v1/activations "{\"email\": \"$email\", \"code\": \"$code\"}"
expect 204 "activation with $code"
api POST /api/v1/sessions "{\"email\": \"$email\", \"password\": \"$password\"}"
expect 201 "sign-in"
token=$(field token)

step "place an order, and again with the same key"
api GET /api/v1/catalogue
expect 200 "catalogue"
sku=$(field items 0 sku)
key=deploy-check-$$-$RANDOM$RANDOM
order="{\"idempotency_key\": \"$key\", \"account_number\": \"951234567\",
  \"address\": {\"company\": \"Zebra Parcels BV\", \"contact_person\": \"Ann Peeters\",
    \"street\": \"Meir\", \"number\": \"12\", \"postal_code\": \"2000\", \"city\": \"Antwerpen\",
    \"country\": \"BE\", \"phone\": \"03 223 45 67\"},
  \"lines\": [{\"sku\": \"$sku\", \"packs\": 1}]}"
api POST /api/v1/orders "$order" "$token"
expect 201 "placing the order"
number=$(field order_number)
api POST /api/v1/orders "$order" "$token"
expect 200 "placing the order again with its key"
[ "$(field order_number)" = "$number" ] || fail "the same key placed $(field order_number) besides $number"

step "$number is in the history and in the operator API"
api GET /api/v1/orders "" "$token"
expect 200 "history"
grep -q "\"$number\"" "$dir/body" || fail "$number is not in the history: $(cat "$dir/body")"
operator_token=$("$binary" operators --config "$dir/instance-1.toml" create-token deploy-check)
api GET "/api/v1/operator/orders?status=received" "" "$operator_token"
expect 200 "operator orders"
grep -q "\"$number\"" "$dir/body" || fail "$number is not in the operator's list: $(cat "$dir/body")"

# The order's confirmation leaves after the answer.
for _ in $(seq 100); do
  mails=$(find "$dir/maildir/new" -type f | wc -l)
  [ "$mails" -ge 2 ] && break
  sleep 0.1
done
[ "$mails" -ge 2 ] || fail "$mails mails reached the SMTP server, expected the activation and the order's confirmation"

[ "$(upstreams_seen "${ports[1]}")" -gt "$before_restart" ] ||
  fail "nginx sent instance 2 nothing after its restart"
echo "deploy-check passed on PostgreSQL in $((SECONDS - started)) s"

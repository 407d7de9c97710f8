#!/usr/bin/env bash
# Request latency of GET /v2/zones with auth_strategy = keystone, cold (a token's first use: Keystone is
# asked) and warm (cached), beside noauth. Starts a throwaway Keystone (../shared/reference/keystone.md)
# and two zonal processes on free loopback ports; prints the median and p90 of N requests each.
# Usage: bench/keystone/latency.sh [N] [N_COLD]   (after `dotnet build src/Zonal -c Release`)
set -euo pipefail
N=${1:-200}
N_COLD=${2:-50}   # each cold token costs a Keystone login first
cd "$(dirname "$0")/../.."
ZONAL_DLL=$(ls src/Zonal/bin/Release/net10.0/zonal.dll)
WORK=$(mktemp -d /tmp/zonal-bench-keystone-XXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; sleep 1; rm -rf "$WORK"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

KS_PORT=$(free_port); KS="http://127.0.0.1:$KS_PORT/v3"
mkdir -p "$WORK/conf" "$WORK/keystone" "$WORK/logs"
cat > "$WORK/conf/keystone.conf" <<CONF
[DEFAULT]
log_dir = $WORK/logs
[database]
connection = sqlite:///$WORK/keystone/keystone.db
[token]
provider = fernet
[fernet_tokens]
key_repository = $WORK/keystone/fernet-keys/
[fernet_receipts]
key_repository = $WORK/keystone/fernet-keys/
[credential]
key_repository = $WORK/keystone/credential-keys/
[identity]
password_hash_rounds = 4
CONF
K="keystone-manage --config-file $WORK/conf/keystone.conf"
$K db_sync 2>/dev/null
python3 -c "import sqlite3; sqlite3.connect('$WORK/keystone/keystone.db').execute('PRAGMA journal_mode=WAL')"
$K fernet_setup --keystone-user root --keystone-group root 2>/dev/null
$K credential_setup --keystone-user root --keystone-group root 2>/dev/null
$K bootstrap --bootstrap-password admin-secret --bootstrap-username admin --bootstrap-project-name admin \
  --bootstrap-role-name admin --bootstrap-region-id RegionOne --bootstrap-public-url "$KS" 2>/dev/null
uwsgi --plugins http,python3 --http "127.0.0.1:$KS_PORT" --http-keepalive --wsgi-file /usr/bin/keystone-wsgi-public \
  --master --processes 1 --threads 8 --enable-threads --lazy-apps --die-on-term --buffer-size 65535 \
  --logto "$WORK/logs/uwsgi.log" --env "OS_KEYSTONE_CONFIG_DIR=$WORK/conf" --env OS_KEYSTONE_CONFIG_FILES=keystone.conf &
PIDS+=($!)
until curl -sf "$KS" >/dev/null; do sleep 0.5; done

token() { # user password project -> token
  curl -si -X POST "$KS/auth/tokens?nocatalog" -H 'Content-Type: application/json' -d '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"'$1'","domain":{"name":"Default"},"password":"'$2'"}}},"scope":{"project":{"name":"'$3'","domain":{"name":"Default"}}}}}' \
    | tr -d '\r' | awk '/^X-Subject-Token/{print $2}'
}

NOAUTH_PORT=$(free_port); KEYSTONE_PORT=$(free_port)
dotnet "$ZONAL_DLL" --listen "http://127.0.0.1:$NOAUTH_PORT" --data "$WORK/noauth" >/dev/null 2>&1 &
PIDS+=($!)
ZONAL_Zonal__Api__auth_strategy=keystone ZONAL_Zonal__keystone_authtoken__auth_url="$KS" \
ZONAL_Zonal__keystone_authtoken__username=admin ZONAL_Zonal__keystone_authtoken__password=admin-secret \
ZONAL_Zonal__keystone_authtoken__project_name=admin \
  dotnet "$ZONAL_DLL" --listen "http://127.0.0.1:$KEYSTONE_PORT" --data "$WORK/keystone-mode" >/dev/null 2>&1 &
PIDS+=($!)
until curl -sf "http://127.0.0.1:$NOAUTH_PORT/" >/dev/null && curl -sf "http://127.0.0.1:$KEYSTONE_PORT/" >/dev/null; do sleep 0.5; done

# One timed GET per line of tokens on stdin (empty line: no token), milliseconds out.
timed() {
  while IFS= read -r t; do
    curl -s -o /dev/null -w '%{time_total}\n' ${t:+-H "X-Auth-Token: $t"} "$1/v2/zones" | awk '{printf "%.3f\n", $1*1000}'
  done
}
lines() { for _ in $(seq "$1"); do printf '%s\n' "$2"; done; }
stats() { sort -n | awk '{a[NR]=$1} END {printf "median %.2f ms, p90 %.2f ms (n=%d)\n", a[int((NR+1)/2)], a[int(NR*0.9)], NR}'; }

warm=$(token admin admin-secret admin)
timed "http://127.0.0.1:$KEYSTONE_PORT" <<< "$warm" >/dev/null            # service token and cache warm-up
lines "$N" '' | timed "http://127.0.0.1:$NOAUTH_PORT" >/dev/null     # JIT warm-up
echo "noauth:         $(lines "$N" '' | timed "http://127.0.0.1:$NOAUTH_PORT" | stats)"
echo "keystone warm:  $(lines "$N" "$warm" | timed "http://127.0.0.1:$KEYSTONE_PORT" | stats)"
cold=$(for _ in $(seq "$N_COLD"); do token admin admin-secret admin; done)
echo "keystone cold:  $(timed "http://127.0.0.1:$KEYSTONE_PORT" <<< "$cold" | stats)"

#!/usr/bin/env bash
#
# API token benchmark: requests/s of a REST read (GET /api/missions/missions) with a Bearer token, with a session
# cookie, and of /health without authentication, on one node with the missions department. Prints figures; never
# fails because of them.
#
#   bench/api-tokens.sh [diwan-archive.tar.gz]
#
# Settings from the environment: BENCH_THREADS (8), BENCH_REQUESTS (per thread, 500).
#
set -uo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_ROOT=$(dirname "$BENCH_DIR")
ARCHIVE="${1:-$(ls "$REPO_ROOT"/karaf-distribution/target/diwan-*.tar.gz 2>/dev/null | head -1)}"
THREADS="${BENCH_THREADS:-8}"
REQUESTS="${BENCH_REQUESTS:-500}"
[[ -f "$ARCHIVE" ]] || { echo "api-tokens.sh: no archive; build first (./run.sh or mvn install)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/diwan-bench-tokens.XXXXXX)
# the node runs in its own process group, so that stopping it stops its JVM and nothing else
stop() {
    kill -TERM -- -"$PID" 2>/dev/null
    for _ in $(seq 60); do kill -0 -- -"$PID" 2>/dev/null || break; sleep 1; done
    rm -rf "$WORK"
}
trap stop EXIT
tar xzf "$ARCHIVE" -C "$WORK"
HOME_DIR=$(ls -d "$WORK"/diwan-*)
sed -i 's/^\(featuresBoot = \\\)$/\1\n    diwan-missions, \\/' "$HOME_DIR/etc/org.apache.karaf.features.cfg"
PASSWORD="bench password $(date +%s)"
printf '%s\n' "$PASSWORD" > "$WORK/admin-password"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
export DIWAN_HTTP_PORT=$(free_port) DIWAN_SSH_PORT=$(free_port) DIWAN_HTTPS_PORT=$(free_port) DIWAN_BROKER_PORT=$(free_port)
export DIWAN_DATA="$WORK/data" DIWAN_ADMIN_PASSWORD_FILE="$WORK/admin-password" DIWAN_ADMIN_USER=director
setsid "$HOME_DIR/bin/diwan" run > "$WORK/console.log" 2>&1 &
PID=$!

start=$(date +%s)
until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$DIWAN_HTTP_PORT/login")" == 200 ]]; do
    sleep 1
    if (( $(date +%s) - start > 300 )); then echo "the node did not answer" >&2; exit 1; fi
done
java "$BENCH_DIR/tokens/TokenBench.java" "http://127.0.0.1:$DIWAN_HTTP_PORT" director "$PASSWORD" "$THREADS" "$REQUESTS"
exit 0

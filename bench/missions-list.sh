#!/usr/bin/env bash
#
# Missions list benchmark: the correspondence list page (and a registry page) of one node holding the
# demonstration data (10,000 pieces of correspondence by default), under 20 concurrent users. Prints
# p50/p90/p99 per page kind and overall, and the throughput. Never fails because of a timing.
#
#   bench/missions-list.sh [diwan-archive.tar.gz]
#
# Settings from the environment: BENCH_RECORDS (10000), BENCH_USERS (20), BENCH_REQUESTS (per user, 100),
# BENCH_ALONE (requests per page kind by one user alone, for latency without queueing and CPU per page; 40).
# Needs the archive built (./run.sh or ./test.sh build it), bash, curl, Java 17.
#
set -uo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_ROOT=$(dirname "$BENCH_DIR")
ARCHIVE="${1:-$(ls "$REPO_ROOT"/karaf-distribution/target/diwan-*.tar.gz 2>/dev/null | head -1)}"
RECORDS="${BENCH_RECORDS:-10000}"
USERS="${BENCH_USERS:-20}"
REQUESTS="${BENCH_REQUESTS:-100}"
[[ -f "$ARCHIVE" ]] || { echo "missions-list.sh: no archive; build first (./run.sh or mvn install)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/diwan-bench-missions.XXXXXX)
# the node writes its data until its JVM is gone: remove the folder only then
trap 'kill $PID 2>/dev/null; pkill -f "karaf.base=$HOME_DIR" 2>/dev/null; wait $PID 2>/dev/null
      while pgrep -f "karaf.base=$HOME_DIR" > /dev/null; do sleep 1; done; rm -rf "$WORK"' EXIT
tar xzf "$ARCHIVE" -C "$WORK"
HOME_DIR=$(ls -d "$WORK"/diwan-*)
sed -i 's/^\(featuresBoot = \\\)$/\1\n    diwan-missions, \\/' "$HOME_DIR/etc/org.apache.karaf.features.cfg"
printf 'correspondence = %s\ndays = 730\nseed = 2026\n' "$RECORDS" > "$HOME_DIR/etc/org.diwan.missions.demo.cfg"
PASSWORD="bench password $(date +%s)"
printf '%s\n' "$PASSWORD" > "$WORK/admin-password"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
export DIWAN_HTTP_PORT=$(free_port) DIWAN_SSH_PORT=$(free_port) DIWAN_HTTPS_PORT=$(free_port) DIWAN_BROKER_PORT=$(free_port)
export DIWAN_DATA="$WORK/data" DIWAN_ADMIN_PASSWORD_FILE="$WORK/admin-password" DIWAN_ADMIN_USER=director
"$HOME_DIR/bin/diwan" run > "$WORK/console.log" 2>&1 &
PID=$!

echo "Loading $RECORDS pieces of correspondence (demonstration data) ..."
start=$(date +%s)
until grep -q "Demonstration data loaded\|Demonstration data not loaded" "$DIWAN_DATA/log/karaf.log" 2>/dev/null; do
    sleep 2
    if (( $(date +%s) - start > 1800 )); then echo "timed out loading" >&2; exit 1; fi
done
grep -o "Demonstration data [^|]*$" "$DIWAN_DATA/log/karaf.log" | tail -1
# the unattended administrator and the login page come with the boot; wait for both
until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$DIWAN_HTTP_PORT/login")" == 200 ]]; do sleep 1; done
echo "Load: $USERS concurrent users x $REQUESTS requests, node heap capped by bin/setenv"
JVM=$(pgrep -f "karaf.base=$HOME_DIR" | head -1)
java "$BENCH_DIR/missions/ListBench.java" "http://127.0.0.1:$DIWAN_HTTP_PORT" director "$PASSWORD" "$USERS" "$REQUESTS" $JVM ${BENCH_ALONE:-40}
[[ -n "$JVM" ]] && echo "node RSS after the load: $(( $(awk '/VmRSS/ {print $2}' /proc/$JVM/status) / 1024 )) MB"
exit 0

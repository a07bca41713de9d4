#!/usr/bin/env bash
#
# Starts two Diwan nodes on this machine, as an organisation runs them: headquarters (with the
# demonstration offices) and the Paris mission office, linked over TLS. Headquarters enrols the
# mission from its administration page, as an administrator would; the mission then syncs with it.
# Each node has its own ports and data folder under .run/pair/. See docs/sync-guide.md.
#
#   ./run-pair.sh              build, then start both in the background
#   ./run-pair.sh --no-build   use the archive already built
#   ./run-pair.sh stop         stop both
#
set -euo pipefail
cd "$(dirname "$0")"
root="$PWD/.run/pair"

if [[ "${1:-}" == "stop" ]]; then
    for node in mission hq; do
        home=$(ls -d "$root/$node"/diwan-* 2>/dev/null | head -1) || true
        [[ -n "$home" ]] && "$home/bin/diwan" stop || true
    done
    exit 0
fi
[[ "${1:-}" == "--no-build" ]] || mvn -B --no-transfer-progress -q install -DskipTests
archive=$(ls karaf-distribution/target/diwan-*.tar.gz)

rm -rf "$root"
mkdir -p "$root/hq" "$root/mission"
umask 077
head -c 18 /dev/urandom | base64 | tr -d '/+=\n' > "$root/admin-password"
password=$(cat "$root/admin-password")
umask 022

unpack() { # node -> home
    tar xzf "$archive" -C "$root/$1"
    local home
    home=$(ls -d "$root/$1"/diwan-*)
    sed -i 's/^\(featuresBoot = \\\)$/\1\n    diwan-missions, \\/' "$home/etc/org.apache.karaf.features.cfg"
    echo "$home"
}

await_http() { # port
    for _ in $(seq 1 120); do
        curl -fsS -o /dev/null "http://127.0.0.1:$1/login" 2>/dev/null && return 0
        sleep 1
    done
    echo "the node on port $1 did not start: see its data/log/karaf.log" >&2
    exit 1
}

csrf() { # page html -> token
    sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1
}

hq_home=$(unpack hq)
printf 'correspondence = 300\ndays = 120\nseed = 2026\n' > "$hq_home/etc/org.diwan.missions.demo.cfg"
DIWAN_DATA="$root/hq/data" DIWAN_HTTP_PORT=8181 DIWAN_SSH_PORT=8101 DIWAN_BROKER_PORT=61616 DIWAN_HTTPS=off \
DIWAN_NODE_ROLE=hq DIWAN_LINK_HOST=127.0.0.1 DIWAN_LINK_PORT=61617 DIWAN_LINK_PUBLIC_ADDRESS=127.0.0.1:61617 \
DIWAN_ADMIN_PASSWORD_FILE="$root/admin-password" DIWAN_ADMIN_USER=admin \
    "$hq_home/bin/diwan" start >/dev/null
await_http 8181

# log in, wait for the demonstration offices, enrol the Paris office
jar="$root/hq-cookies"
token=$(curl -fsS -c "$jar" -b "$jar" http://127.0.0.1:8181/login | csrf)
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=admin" --data-urlencode "password=$password" \
    --data-urlencode "_csrf=$token" http://127.0.0.1:8181/login
for _ in $(seq 1 120); do
    curl -fsS -c "$jar" -b "$jar" "http://127.0.0.1:8181/api/missions/missions?q=PAR" 2>/dev/null | grep -q '"code":"PAR"' && break
    sleep 1
done
token=$(curl -fsS -c "$jar" -b "$jar" http://127.0.0.1:8181/admin/sync | csrf)
enrolment=$(curl -fsS -c "$jar" -b "$jar" --data-urlencode "action=enrol" --data-urlencode "mission=PAR" \
    --data-urlencode "_csrf=$token" http://127.0.0.1:8181/admin/sync)
secret=$(printf '%s' "$enrolment" | sed -n 's/.*secret = \([A-Za-z0-9_-]*\).*/\1/p' | head -1)
[[ -n "$secret" ]] || { echo "the enrolment failed: see $root/hq/data/log/karaf.log" >&2; exit 1; }

mission_home=$(unpack mission)
printf '%s\n' "$enrolment" | sed -n '/id="enrolment-pem"/,/END CERTIFICATE/p' \
    | sed -e 's/.*id="enrolment-pem">//' > "$mission_home/etc/diwan-hq.pem"
DIWAN_DATA="$root/mission/data" DIWAN_HTTP_PORT=8182 DIWAN_SSH_PORT=8102 DIWAN_BROKER_PORT=61626 DIWAN_HTTPS=off \
DIWAN_NODE_ROLE=mission DIWAN_MISSION_CODE=PAR DIWAN_HQ_ADDRESS=127.0.0.1:61617 DIWAN_LINK_SECRET="$secret" \
DIWAN_ADMIN_PASSWORD_FILE="$root/admin-password" DIWAN_ADMIN_USER=admin \
    "$mission_home/bin/diwan" start >/dev/null
await_http 8182

echo "Diwan headquarters:      http://127.0.0.1:8181/  (data $root/hq/data)"
echo "Diwan mission PAR:       http://127.0.0.1:8182/  (data $root/mission/data)"
echo "Both: user admin, password in $root/admin-password"
echo "The link: Administration -> Mission <-> headquarters link on either node. Stop both: ./run-pair.sh stop"

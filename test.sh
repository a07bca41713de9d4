#!/usr/bin/env bash
#
# Runs every Diwan test: unit tests of each bundle, then, against the built archive, the in-container
# tests (Pax Exam), the process-level tests (the archive started as its own process) and the browser
# tests (real Chromium). Needs Java 17 and Maven; Chromium, chromedriver and OpenLDAP's slapd (for the
# LDAP tests) are installed here from Debian's packages when missing.
# Extra arguments go to Maven (e.g. ./test.sh -pl core-bundles/diwan-api).
#
set -euo pipefail
cd "$(dirname "$0")"

missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
[ -x /usr/bin/chromedriver ] || missing="$missing chromium-driver"
[ -x /usr/sbin/slapd ] || missing="$missing slapd"
if [ -n "$missing" ]; then
    echo "test.sh: installing Debian packages:$missing"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

status=0
mvn -B --no-transfer-progress install "$@" || status=$?
# Maven's reactor summary above gives the time per module; the distribution tests, most of the total, each:
reports=karaf-distribution/target/failsafe-reports
if ls "$reports"/*.txt >/dev/null 2>&1; then
    echo "test.sh: distribution tests by time (seconds):"
    sed -n 's/.*Time elapsed: \([0-9.]*\) s.* in org\.diwan\.distribution\.\(.*\)/\1 \2/p' "$reports"/*.txt | sort -rn | awk '{ printf "  %8.1f  %s\n", $1, $2; total += $1 } END { printf "  %8.1f  total\n", total }'
    boots=karaf-distribution/target/figures/boots.txt
    if [ -f "$boots" ]; then
        awk '{ n++; total += $2 } END { printf "test.sh: %d node boots (Pax Exam containers not counted), %.1f s in all\n", n, total }' "$boots"
    fi
fi
exit $status

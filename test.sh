#!/usr/bin/env bash
#
# Runs every Diwan test: unit tests of each bundle, then, against the built archive, the in-container
# tests (Pax Exam), the process-level tests (the archive started as its own process) and the browser
# tests (real Chromium). Needs Java 17 and Maven; Chromium and chromedriver are installed here from
# Debian's packages when missing.
# Extra arguments go to Maven (e.g. ./test.sh -pl core-bundles/diwan-api).
#
set -euo pipefail
cd "$(dirname "$0")"

if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
    echo "test.sh: installing Chromium and chromedriver (Debian packages chromium, chromium-driver)"
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
    else
        sudo apt-get update -qq
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
    fi
fi

exec mvn -B --no-transfer-progress install "$@"

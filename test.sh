#!/usr/bin/env bash
#
# Runs every Diwan test: unit tests of each bundle, then, against the built archive, the in-container
# tests (Pax Exam) and the process-level tests (the archive started as its own process).
# Needs Java 17 and Maven; anything else the tests need is installed here when missing.
# Extra arguments go to Maven (e.g. ./test.sh -pl core-bundles/diwan-api).
#
set -euo pipefail
cd "$(dirname "$0")"

exec mvn -B --no-transfer-progress install "$@"

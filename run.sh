#!/usr/bin/env bash
#
# Builds Diwan (tests skipped) and runs one node in the foreground on its embedded defaults.
# The node's data stays in .run/data between runs; Ctrl-C stops the node.
# Ports and the data folder follow the DIWAN_* variables (docs/admin-guide.md, "Ports").
#
set -euo pipefail
cd "$(dirname "$0")"

mvn -B --no-transfer-progress -q install -DskipTests
archive=$(ls karaf-distribution/target/diwan-*.tar.gz)
home=".run/$(basename "$archive" .tar.gz)"

rm -rf "$home"
mkdir -p .run
tar xzf "$archive" -C .run
export DIWAN_DATA="${DIWAN_DATA:-$PWD/.run/data}"
exec "$home/bin/diwan" run

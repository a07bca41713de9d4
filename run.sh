#!/usr/bin/env bash
#
# Builds Diwan (tests skipped) and runs one node in the foreground on its embedded defaults.
# The node's data stays in .run/data between runs; Ctrl-C stops the node.
# Ports and the data folder follow the DIWAN_* variables (docs/admin-guide.md, "Ports").
#
#   ./run.sh          the node as an administrator first meets it
#   ./run.sh --demo   with the missions and library plugins installed and demonstration data loaded
#                     into them (some forty offices and 3,000 pieces of Arabic correspondence; 10,000
#                     catalogue records with trilingual authorities; only into an empty registry and
#                     an empty catalogue)
#
set -euo pipefail
cd "$(dirname "$0")"

mvn -B --no-transfer-progress -q install -DskipTests
archive=$(ls karaf-distribution/target/diwan-*.tar.gz)
home=".run/$(basename "$archive" .tar.gz)"

rm -rf "$home"
mkdir -p .run
tar xzf "$archive" -C .run
if [[ "${1:-}" == "--demo" ]]; then
    sed -i 's/^\(featuresBoot = \\\)$/\1\n    diwan-missions, diwan-library, \\/' "$home/etc/org.apache.karaf.features.cfg"
    printf 'correspondence = 3000\ndays = 730\nseed = 2026\n' > "$home/etc/org.diwan.missions.demo.cfg"
    printf 'records = 10000\npersons = 300\nseed = 2026\n' > "$home/etc/org.diwan.library.demo.cfg"
fi
export DIWAN_DATA="${DIWAN_DATA:-$PWD/.run/data}"
exec "$home/bin/diwan" run

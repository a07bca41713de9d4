#!/usr/bin/env bash
#
# Sync benchmark: a headquarters and a mission node (two distributions, two databases, two brokers)
# linked over TLS through a TCP proxy. Prints:
#   - raw Artemis durable throughput (1 KiB, 100 in flight) on the same machine, in the same run;
#   - records/s from mission to headquarters (1 KiB records made over the API, 100 requests in flight);
#   - catch-up: time until headquarters holds 50,000 records made while the link was down;
#   - the fault loop (kill -9 of either node, link cut, link stalled) over 100 cycles: records, lost, duplicated.
# Never fails because of a timing. Takes 15-40 minutes on 2 cores.
#
#   bench/sync.sh
#
# Settings from the environment: BENCH_LIVE (5000), BENCH_OFFLINE (50000), BENCH_CYCLES (100), BENCH_RAW (20000).
# Needs the archive built (./run.sh or ./test.sh build it), Java 17, Maven.
#
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_ROOT=$(dirname "$BENCH_DIR")
cd "$REPO_ROOT"
ls karaf-distribution/target/diwan-*.tar.gz >/dev/null 2>&1 || { echo "sync.sh: no archive; build first (./run.sh or mvn install)" >&2; exit 2; }
rm -f karaf-distribution/target/figures/sync-bench.txt
# the JVMs' own defaults (C2 included), not the test suite's C1-only options: a benchmark measures steady state
mvn -B -q -o -pl karaf-distribution verify -Dit.test=SyncBench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -DfailIfNoTests=false -Dit.nodeJvmOptions=-XX:TieredStopAtLevel=4 \
    -Dit.testJvmOptions=-XX:TieredStopAtLevel=4 -Dbench.live="${BENCH_LIVE:-5000}" -Dbench.offline="${BENCH_OFFLINE:-50000}" \
    -Dbench.cycles="${BENCH_CYCLES:-100}" -Dbench.raw="${BENCH_RAW:-20000}" -Dbench.profile="${BENCH_PROFILE:-false}" || true
cat karaf-distribution/target/figures/sync-bench.txt 2>/dev/null || echo "sync.sh: no figures; see karaf-distribution/target/failsafe-reports/" >&2

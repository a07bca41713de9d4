#!/usr/bin/env bash
#
# Search benchmark: the library's demonstration records (the generator of ./run.sh --demo: League documents,
# books and the rest, Arabic titles and summaries from the seed documents with the spelling variants people
# type, English and French titles, trilingual authorities) indexed as the catalogue indexes them, through the
# search service, and into plain Lucene (one field, Lucene's Arabic analyzer, no facets) in the same run; then
# the same Arabic queries from 8 threads on both. Prints the indexing rate, index sizes and search
# p50/p99/max. Never fails because of a timing.
#
#   bench/search.sh
#
# Settings from the environment: BENCH_RECORDS (1000000), BENCH_SEARCHERS (8), BENCH_QUERIES (4000 per kind);
# MVN_ARGS, more arguments for Maven (-Dmaven.repo.local=... to build against a Maven repository of one's own).
# Needs Java 17 and Maven; builds what it needs offline first. Takes about 8 minutes at 1,000,000.
#
set -euo pipefail
REPO_ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO_ROOT"
mvn -B -q -o ${MVN_ARGS:-} install -DskipTests -pl core-bundles/diwan-api,core-bundles/diwan-search,plugins/library -am
rm -f plugins/library/target/figures/search-bench.txt
mvn -B -q -o ${MVN_ARGS:-} -pl plugins/library test -Dtest=LibrarySearchBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.records="${BENCH_RECORDS:-1000000}" -Dbench.searchers="${BENCH_SEARCHERS:-8}" \
    -Dbench.queries="${BENCH_QUERIES:-4000}" >/dev/null
echo
echo "== search bench =="
cat plugins/library/target/figures/search-bench.txt
echo "targets at 1,000,000 records, 8 searchers: service word search p99 within 1.2x plain Lucene's; public catalogue with"
echo "three facets p99 < 50 ms; indexing at least half plain Lucene's rate"

#!/usr/bin/env bash
#
# The department kit's figures in one run (issue #13): requests/s of a REST read with a Bearer token against the
# same servlet with no authentication (bench/api-tokens.sh on the kit), then the missions list pages' p50/p99 and
# the node's CPU per page before the kit and on it (bench/missions-list.sh on both archives, one after the other).
# Prints figures; never fails because of them. Run it on a quiet machine: latency under load follows whatever
# else runs (the CPU per page much less).
#
#   bench/kit.sh [before-archive.tar.gz [after-archive.tar.gz]]
#
# Without a "before" archive, the script builds one from c214c5f (the last commit before the kit's record pages)
# in a worktree of its own with a private copy of the Maven repository (a few minutes; the SNAPSHOTs of the
# checkout are never overwritten). "after" is the built archive of this checkout.
#
set -uo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_ROOT=$(dirname "$BENCH_DIR")
BEFORE_COMMIT=c214c5f
BEFORE="${1:-}"
AFTER="${2:-$(ls "$REPO_ROOT"/karaf-distribution/target/diwan-*.tar.gz 2>/dev/null | head -1)}"
[[ -f "$AFTER" ]] || { echo "kit.sh: no archive of this checkout; build first (./run.sh or mvn install)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/diwan-bench-kit.XXXXXX)
cleanup() {
    git -C "$REPO_ROOT" worktree remove --force "$WORK/before" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

if [[ -z "$BEFORE" ]]; then
    echo "Building the archive of $BEFORE_COMMIT (before the kit) ..."
    git -C "$REPO_ROOT" worktree add --detach "$WORK/before" "$BEFORE_COMMIT" > /dev/null || exit 2
    cp -a "${MAVEN_REPOSITORY:-$HOME/.m2/repository}" "$WORK/m2"
    (cd "$WORK/before" && mvn -B -q install -DskipTests -Dmaven.repo.local="$WORK/m2") > "$WORK/before-build.log" 2>&1 \
        || { echo "kit.sh: the archive of $BEFORE_COMMIT did not build; see its log:" >&2; tail -20 "$WORK/before-build.log" >&2; exit 2; }
    BEFORE=$(ls "$WORK"/before/karaf-distribution/target/diwan-*.tar.gz | head -1)
fi
[[ -f "$BEFORE" ]] || { echo "kit.sh: no archive before the kit: $BEFORE" >&2; exit 2; }

echo "== 1. REST read with a Bearer token against the same servlet with no authentication (on the kit)"
bash "$BENCH_DIR/api-tokens.sh" "$AFTER"
echo
echo "== 2. Missions list pages before the kit ($BEFORE_COMMIT)"
bash "$BENCH_DIR/missions-list.sh" "$BEFORE"
echo
echo "== 3. Missions list pages on the kit ($(git -C "$REPO_ROOT" rev-parse --short HEAD))"
bash "$BENCH_DIR/missions-list.sh" "$AFTER"
exit 0

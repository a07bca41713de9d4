#!/usr/bin/env bash
#
# Boot benchmark: Diwan against plain Apache Karaf 4.4.9 booting the http and http-whiteboard
# features, measured in the same run on the same machine.
#
#   bench/boot.sh [diwan-archive.tar.gz]
#
# For each of the two: cold boots (fresh unpack, empty data folder) and warm boots (the same install
# restarted, data kept), timed from process start to the first HTTP answer, and the RSS of the java
# process some seconds after that. It PRINTS figures and compares them with the targets; it never
# fails because of a timing. Exit status: 0 after printing, 2 when an archive is missing, 1 on a
# setup error. Needs bash, coreutils, tar, curl, python3 and Java 17 on the PATH. See bench/README.md.
#
set -uo pipefail

# ---- settings (each can be overridden from the environment) ---------------------------------------
# Path polled on Diwan: the login page. On a node without an administrator yet (every boot here) it
# answers 302 to the setup page, which is served by the same shell, so 200 and 302 both count.
DIWAN_PROBE_PATH="${DIWAN_PROBE_PATH:-/login}"
DIWAN_PROBE_STATUS="${DIWAN_PROBE_STATUS:-200|302}"   # regex over the 3-digit status
DIWAN_LOGIN_PATH="${DIWAN_LOGIN_PATH:-/login}"                # checked after each boot; reported
KARAF_PROBE_PATH=/                                            # plain Karaf: any status on /
KARAF_PROBE_STATUS='[1-5][0-9][0-9]'
RUNS="${BENCH_RUNS:-3}"                    # cold boots and warm boots, each
BOOT_TIMEOUT="${BENCH_BOOT_TIMEOUT:-120}"  # seconds allowed from process start to the HTTP answer
RSS_DELAY="${BENCH_RSS_DELAY:-10}"         # seconds after the HTTP answer when RSS is read
STOP_TIMEOUT=60                            # seconds after SIGTERM before SIGKILL
KARAF_VERSION=4.4.9
KARAF_TGZ_M2="${HOME}/.m2/repository/org/apache/karaf/apache-karaf/${KARAF_VERSION}/apache-karaf-${KARAF_VERSION}.tar.gz"
# Targets from the issue, printed beside the figures (never enforced).
TARGET_WARM_RATIO_X100=200   # warm boot Diwan <= 2x warm boot plain Karaf
TARGET_RSS_MB=400            # RSS <= 400 MB with the heap capped

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_ROOT=$(dirname "$BENCH_DIR")

die() { echo "boot.sh: $*" >&2; exit 1; }
for n in RUNS BOOT_TIMEOUT RSS_DELAY; do
    [[ ${!n} =~ ^[1-9][0-9]*$ ]] || die "$n must be a positive integer (got '${!n}')"
done
for tool in curl python3 tar java; do
    command -v "$tool" >/dev/null 2>&1 || die "needs $tool on the PATH"
done

# ---- the Diwan archive -----------------------------------------------------------------------------
if [[ $# -ge 1 ]]; then
    DIWAN_TGZ_SRC=$1
    if [[ ! -f $DIWAN_TGZ_SRC ]]; then
        echo "boot.sh: no archive at $DIWAN_TGZ_SRC" >&2
        exit 2
    fi
else
    DIWAN_TGZ_SRC=$(ls -t "$REPO_ROOT"/karaf-distribution/target/diwan-*.tar.gz 2>/dev/null | head -n 1)
    if [[ -z $DIWAN_TGZ_SRC ]]; then
        echo "boot.sh: no Diwan archive in $REPO_ROOT/karaf-distribution/target/." >&2
        echo "Build it first: ./test.sh (or mvn -DskipTests install), or pass an archive: bench/boot.sh <diwan-*.tar.gz>" >&2
        exit 2
    fi
fi

# ---- scratch space and cleanup ---------------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/diwan-bench.XXXXXX") || die "cannot create a temp dir"
LAUNCHER=""   # pid of the running bin/diwan or bin/karaf (our child), "" when none
JAVA_PID=""   # pid of its java process, "" when not known

cleanup() {
    trap - EXIT INT TERM
    if [[ -n $LAUNCHER ]]; then
        local j
        j=${JAVA_PID:-$(find_java "$LAUNCHER")}
        [[ -n $j ]] && kill -KILL "$j" 2>/dev/null
        kill -KILL "$LAUNCHER" 2>/dev/null
        wait "$LAUNCHER" 2>/dev/null
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'echo "boot.sh: interrupted" >&2; exit 130' INT TERM

# ---- helpers ---------------------------------------------------------------------------------------
now_ns() { date +%s%N; }

# N free loopback TCP ports, all held open at once so that they differ.
free_ports() {
    python3 -c '
import socket, sys
ss = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in ss: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in ss))' "$1"
}

# True while the process runs (a zombie counts as gone).
alive() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [[ ${stat:0:1} != Z ]]
}

# The java process among $1 and its descendants (from /proc), printed; nothing if none.
find_java() {
    local root=$1 d stat ppid p
    declare -A kids=()
    for d in /proc/[0-9]*; do
        stat=$(cat "$d/stat" 2>/dev/null) || continue
        stat=${stat##*) }
        read -r _ ppid _ <<<"$stat"
        kids[$ppid]+="${d#/proc/} "
    done
    local todo=("$root")
    while ((${#todo[@]})); do
        p=${todo[0]}
        todo=("${todo[@]:1}")
        if [[ $(cat "/proc/$p/comm" 2>/dev/null) == java ]]; then
            echo "$p"
            return 0
        fi
        # shellcheck disable=SC2206
        todo+=(${kids[$p]:-})
    done
    return 1
}

# ms (integer) as seconds with 2 decimals.
fmt_s() {
    local cs=$((($1 + 5) / 10))
    printf '%d.%02d' $((cs / 100)) $((cs % 100))
}
# kB (as in /proc) as MB (10^6 bytes), 1 decimal.
fmt_mb() {
    local d=$((($1 * 1024 + 50000) / 100000))
    printf '%d.%d' $((d / 10)) $((d % 10))
}
# bytes as MiB, 1 decimal.
fmt_mib() {
    local d=$((($1 * 10 + 524288) / 1048576))
    printf '%d.%d' $((d / 10)) $((d % 10))
}
# Median of integers given as arguments ("" when none).
median() {
    (($#)) || { echo ""; return; }
    local sorted
    mapfile -t sorted < <(printf '%s\n' "$@" | sort -n)
    local n=${#sorted[@]}
    if ((n % 2)); then
        echo "${sorted[n / 2]}"
    else
        echo $(((sorted[n / 2 - 1] + sorted[n / 2]) / 2))
    fi
}

# Set key = value in a Karaf .cfg file (replaces the line, or appends it).
set_cfg() {
    local file=$1 key=$2 value=$3
    if grep -q -E "^[[:space:]]*${key}[[:space:]]*=" "$file" 2>/dev/null; then
        sed -i -E "s|^[[:space:]]*${key}[[:space:]]*=.*|${key} = ${value}|" "$file"
    else
        echo "${key} = ${value}" >>"$file"
    fi
}

# Unpack archive $1 into a new folder $2 (its top folder stripped).
unpack() {
    mkdir -p "$2" && tar xzf "$1" -C "$2" --strip-components=1 || die "cannot unpack $1"
}

# Copy $1 to $2 and check that the copy is a whole gzip'd tar (the source may be being rebuilt).
copy_archive() {
    local try
    for try in 1 2 3; do
        if cp "$1" "$2" && tar tzf "$2" >/dev/null 2>&1; then
            return 0
        fi
        echo "  copy of $1 is not a complete archive (being rebuilt?); retrying in 10 s" >&2
        sleep 10
    done
    die "could not get a complete copy of $1"
}

# Plain Karaf: boot http + http-whiteboard as well.
karaf_prepare() {
    local home=$1 cfg=$1/etc/org.apache.karaf.features.cfg
    grep -q -E '^featuresBoot[[:space:]]*=[[:space:]]*\\$' "$cfg" || die "unexpected featuresBoot in $cfg"
    sed -i -E 's|^(featuresBoot[[:space:]]*=[[:space:]]*\\)$|\1\n    http, \\\n    http-whiteboard, \\|' "$cfg"
    grep -q -E '^[[:space:]]+http-whiteboard, \\$' "$cfg" || die "could not add http-whiteboard to $cfg"
}

# Plain Karaf: HTTP, SSH and RMI ports (loopback only), rewritten before every boot.
karaf_ports() {
    local home=$1 http=$2 ssh=$3 rreg=$4 rsrv=$5
    printf '%s\n' "# written by bench/boot.sh" \
        "org.osgi.service.http.port = ${http}" \
        "org.ops4j.pax.web.listening.addresses = 127.0.0.1" >"$home/etc/org.ops4j.pax.web.cfg"
    set_cfg "$home/etc/org.apache.karaf.shell.cfg" sshPort "$ssh"
    set_cfg "$home/etc/org.apache.karaf.shell.cfg" sshHost 127.0.0.1
    set_cfg "$home/etc/org.apache.karaf.management.cfg" rmiRegistryPort "$rreg"
    set_cfg "$home/etc/org.apache.karaf.management.cfg" rmiServerPort "$rsrv"
}

# Heap settings of a running java: its -Xms/-Xmx/GC flags and the max heap they give.
heap_of() {
    local pid=$1 exe args=() a flags max gc
    exe=$(readlink "/proc/$pid/exe" 2>/dev/null) && [[ -r /proc/$pid/cmdline ]] || return 1
    while IFS= read -r -d '' a; do
        case $a in
            -Xmx* | -Xms* | -XX:MaxRAM* | -XX:InitialRAM* | -XX:+Use*GC | -XX:MaxDirectMemorySize=*) args+=("$a") ;;
        esac
    done <"/proc/$pid/cmdline"
    flags=$("$exe" "${args[@]}" -XX:+PrintFlagsFinal -version 2>/dev/null)
    max=$(grep -E '^ *size_t MaxHeapSize ' <<<"$flags" | tr -s ' ' | cut -d' ' -f5)
    gc=$(grep -E '^ *bool Use(Serial|Parallel|G1|Z|Shenandoah)GC +=[ ]+true' <<<"$flags" | tr -s ' ' | cut -d' ' -f3)
    local xmx=""
    for a in "${args[@]}"; do [[ $a == -Xmx* ]] && xmx=$a; done
    if [[ -n $xmx ]]; then
        echo "capped: ${args[*]} (max heap $(fmt_mib "${max:-0}") MiB, ${gc:-?})"
    else
        echo "UNCAPPED: no -Xmx, JVM default max heap $(fmt_mib "${max:-0}") MiB (1/4 of RAM), ${gc:-?}${args:+; ${args[*]}}"
    fi
}

# Result of the last boot (globals).
R_MS="" R_RSS_KB="" R_STATUS="" R_STOP_MS="" R_HEAP="" R_LOGIN="" R_NOTE="" R_LOAD=""

# boot KIND HOME DATA LOG: start, wait for HTTP, read RSS, stop. Fills R_*; never fails.
boot() {
    local kind=$1 home=$2 data=$3 log=$4
    local http ssh rreg rsrv path accept url t0 t1 code deadline
    R_MS="" R_RSS_KB="" R_STATUS="" R_STOP_MS="" R_HEAP="" R_LOGIN="" R_NOTE=""
    R_LOAD=$(cut -d' ' -f1 /proc/loadavg)
    read -r http ssh rreg rsrv < <(free_ports 4)
    local clean_env=(env -u KARAF_HOME -u KARAF_BASE -u KARAF_DATA -u KARAF_ETC -u KARAF_LOG
        -u KARAF_EXEC -u DIWAN_SETENV_APPLIED)
    if [[ $kind == diwan ]]; then
        path=$DIWAN_PROBE_PATH accept=$DIWAN_PROBE_STATUS
        mkdir -p "$data"
        t0=$(now_ns)
        "${clean_env[@]}" DIWAN_HTTP_PORT="$http" DIWAN_SSH_PORT="$ssh" DIWAN_DATA="$data" \
            "$home/bin/diwan" run </dev/null >"$log" 2>&1 &
    else
        path=$KARAF_PROBE_PATH accept=$KARAF_PROBE_STATUS
        karaf_ports "$home" "$http" "$ssh" "$rreg" "$rsrv"
        t0=$(now_ns)
        "${clean_env[@]}" "$home/bin/karaf" run </dev/null >"$log" 2>&1 &
    fi
    LAUNCHER=$!
    JAVA_PID=""
    url="http://127.0.0.1:${http}${path}"
    deadline=$((t0 + BOOT_TIMEOUT * 1000000000))
    while :; do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" 2>/dev/null)
        if [[ $code =~ ^(${accept})$ ]]; then
            t1=$(now_ns)
            R_MS=$(((t1 - t0) / 1000000))
            R_STATUS=$code
            break
        fi
        if ! alive "$LAUNCHER"; then
            R_NOTE="process exited before HTTP answered (see log tail below)"
            break
        fi
        if (($(now_ns) > deadline)); then
            R_NOTE="no accepted HTTP answer on $url within ${BOOT_TIMEOUT} s (last: ${code:-none})"
            break
        fi
        sleep 0.1
    done
    JAVA_PID=$(find_java "$LAUNCHER")
    if [[ -n $R_MS ]]; then
        sleep "$RSS_DELAY"
        if [[ -n $JAVA_PID ]] && alive "$JAVA_PID"; then
            R_RSS_KB=$(grep -E '^VmRSS:' "/proc/$JAVA_PID/status" 2>/dev/null | tr -s ' \t' ' ' | cut -d' ' -f2)
        else
            R_NOTE="java process gone ${RSS_DELAY} s after HTTP answered"
        fi
        if [[ $kind == diwan ]]; then
            R_LOGIN=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:${http}${DIWAN_LOGIN_PATH}" 2>/dev/null)
        fi
    fi
    # Read after the RSS so that running java -XX:+PrintFlagsFinal does not disturb that figure.
    [[ -n $JAVA_PID ]] && R_HEAP=$(heap_of "$JAVA_PID")
    stop_node
    if [[ -n $R_NOTE ]]; then
        echo "    !! $R_NOTE; last lines of $(basename "$log"):"
        tail -n 15 "$log" | sed -e 's/\x1b\[[0-9;]*m//g' -e 's/^/       | /'
    fi
}

# SIGTERM to the java process, wait up to STOP_TIMEOUT s for it and its launcher, then SIGKILL.
stop_node() {
    [[ -n $LAUNCHER ]] || return 0
    local t0 deadline
    [[ -n $JAVA_PID ]] || JAVA_PID=$(find_java "$LAUNCHER")
    t0=$(now_ns)
    deadline=$((t0 + STOP_TIMEOUT * 1000000000))
    if [[ -n $JAVA_PID ]]; then
        kill -TERM "$JAVA_PID" 2>/dev/null
    else
        kill -TERM "$LAUNCHER" 2>/dev/null
    fi
    while { [[ -n $JAVA_PID ]] && alive "$JAVA_PID"; } || alive "$LAUNCHER"; do
        if (($(now_ns) > deadline)); then
            R_NOTE="${R_NOTE:+$R_NOTE; }did not stop within ${STOP_TIMEOUT} s of SIGTERM: killed"
            [[ -n $JAVA_PID ]] && kill -KILL "$JAVA_PID" 2>/dev/null
            kill -KILL "$LAUNCHER" 2>/dev/null
            break
        fi
        sleep 0.1
    done
    [[ $R_NOTE == *killed ]] || R_STOP_MS=$((($(now_ns) - t0) / 1000000))
    wait "$LAUNCHER" 2>/dev/null
    LAUNCHER="" JAVA_PID=""
}

# One line per boot.
report_run() {
    local label=$1 path=$2
    if [[ -n $R_MS ]]; then
        printf '    %-7s %6s s to HTTP %s on %s' "$label" "$(fmt_s "$R_MS")" "$R_STATUS" "$path"
        if [[ -n $R_RSS_KB ]]; then
            printf ', RSS %s MB' "$(fmt_mb "$R_RSS_KB")"
        else
            printf ', RSS n/a'
        fi
        [[ -n $R_STOP_MS ]] && printf ', stopped in %s s' "$(fmt_s "$R_STOP_MS")"
        [[ -n $R_LOGIN ]] && printf ', %s -> %s' "$DIWAN_LOGIN_PATH" "$R_LOGIN"
        printf ', load %s\n' "$R_LOAD"
    else
        printf '    %-7s FAILED: %s\n' "$label" "$R_NOTE"
    fi
}

# ---- setup -----------------------------------------------------------------------------------------
echo "== Diwan boot benchmark ($(date -u '+%Y-%m-%d %H:%M UTC'))"
echo "machine: $(nproc) cores, $(($(grep -E '^MemTotal:' /proc/meminfo | tr -s ' ' | cut -d' ' -f2) / 1024)) MiB RAM," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -n 1)"

echo "copying archives to $WORK"
copy_archive "$DIWAN_TGZ_SRC" "$WORK/diwan.tar.gz"
if [[ ! -f $KARAF_TGZ_M2 ]]; then
    echo "  $KARAF_TGZ_M2 is missing: fetching org.apache.karaf:apache-karaf:${KARAF_VERSION}:tar.gz with Maven"
    (cd "$WORK" && mvn -q dependency:get -Dtransitive=false \
        -Dartifact="org.apache.karaf:apache-karaf:${KARAF_VERSION}:tar.gz") ||
        { echo "boot.sh: could not fetch apache-karaf-${KARAF_VERSION}.tar.gz" >&2; exit 2; }
    [[ -f $KARAF_TGZ_M2 ]] || { echo "boot.sh: $KARAF_TGZ_M2 still missing" >&2; exit 2; }
fi
copy_archive "$KARAF_TGZ_M2" "$WORK/karaf.tar.gz"
DIWAN_BYTES=$(stat -c %s "$WORK/diwan.tar.gz")
KARAF_BYTES=$(stat -c %s "$WORK/karaf.tar.gz")
DIWAN_NAME=$(basename "$DIWAN_TGZ_SRC" .tar.gz)
DIWAN_VERSION=${DIWAN_NAME#diwan-}

echo
echo "archives:"
printf '  %-34s %10s bytes  %6s MiB  (%s)\n' "$DIWAN_NAME.tar.gz" "$DIWAN_BYTES" "$(fmt_mib "$DIWAN_BYTES")" "$DIWAN_TGZ_SRC"
printf '  %-34s %10s bytes  %6s MiB  (http bundles not inside: resolved through Maven at first boot)\n' \
    "apache-karaf-${KARAF_VERSION}.tar.gz" "$KARAF_BYTES" "$(fmt_mib "$KARAF_BYTES")"
echo
echo "what is timed: from process start to the first accepted HTTP answer; RSS = VmRSS of the java"
echo "process ${RSS_DELAY} s after that answer. Cold = fresh unpack + empty data folder, warm = same install"
echo "restarted with its data. Stop = SIGTERM to java. ${RUNS} cold and ${RUNS} warm boots each, interleaved."
echo "Each run line ends with the 1-minute load average when the boot started: other work on the machine"
echo "shows up there and in the spread of the runs."
if [[ $DIWAN_PROBE_PATH == / && $DIWAN_PROBE_STATUS == '[1-5][0-9][0-9]' ]]; then
    echo "Diwan probe: GET / , ANY HTTP status counts (Diwan's web shell is not built yet, so this times"
    echo "  Jetty answering, not a login page; once it exists run with DIWAN_PROBE_PATH=/login DIWAN_PROBE_STATUS=200)."
else
    echo "Diwan probe: GET ${DIWAN_PROBE_PATH}, accepted statuses ^(${DIWAN_PROBE_STATUS})\$."
fi
echo "plain Karaf probe: GET / , any HTTP status (Pax Web answers 404 with no web app)."
echo "plain Karaf ${KARAF_VERSION}: stock etc/ + featuresBoot += http, http-whiteboard; HTTP/SSH/RMI on free"
echo "  loopback ports; heap left as shipped (see heap lines below)."

# One untimed boot of each first: page cache for both, and plain Karaf fetches the http bundles into
# ~/.m2/repository if they are not there yet, so no timed boot includes a download.
echo
echo "priming (untimed): one boot of each"
unpack "$WORK/diwan.tar.gz" "$WORK/prime-diwan"
boot diwan "$WORK/prime-diwan" "$WORK/prime-diwan-data" "$WORK/prime-diwan.log"
report_run prime "$DIWAN_PROBE_PATH" | sed 's/^    /  Diwan /'
DIWAN_HEAP_NOTE=$R_HEAP
unpack "$WORK/karaf.tar.gz" "$WORK/prime-karaf"
karaf_prepare "$WORK/prime-karaf"
boot karaf "$WORK/prime-karaf" "$WORK/prime-karaf/data" "$WORK/prime-karaf.log"
report_run prime "$KARAF_PROBE_PATH" | sed 's/^    /  Karaf /'
KARAF_HEAP_NOTE=$R_HEAP
rm -rf "$WORK/prime-diwan" "$WORK/prime-diwan-data" "$WORK/prime-karaf"

# ---- timed boots -----------------------------------------------------------------------------------
D_COLD=() D_WARM=() D_RSS=() K_COLD=() K_WARM=() K_RSS=() D_LOGIN_SEEN=""
D_LINES=() K_LINES=()

record() { # record KIND PHASE LABEL
    local kind=$1 phase=$2 label=$3 line
    if [[ $kind == diwan ]]; then
        line=$(report_run "$label" "$DIWAN_PROBE_PATH")
        D_LINES+=("$line")
        [[ -n $R_MS ]] && { if [[ $phase == cold ]]; then D_COLD+=("$R_MS"); else D_WARM+=("$R_MS"); fi; }
        [[ -n $R_RSS_KB ]] && D_RSS+=("$R_RSS_KB")
        [[ -n $R_HEAP ]] && DIWAN_HEAP_NOTE=$R_HEAP
        [[ $R_LOGIN == 200 ]] && D_LOGIN_SEEN=1
    else
        line=$(report_run "$label" "$KARAF_PROBE_PATH")
        K_LINES+=("$line")
        [[ -n $R_MS ]] && { if [[ $phase == cold ]]; then K_COLD+=("$R_MS"); else K_WARM+=("$R_MS"); fi; }
        [[ -n $R_RSS_KB ]] && K_RSS+=("$R_RSS_KB")
        [[ -n $R_HEAP ]] && KARAF_HEAP_NOTE=$R_HEAP
    fi
    if [[ $kind == diwan ]]; then echo "  Diwan ${line#    }"; else echo "  Karaf ${line#    }"; fi
}

echo
echo "timed boots:"
for ((i = 1; i <= RUNS; i++)); do
    # Each cold install replaces the previous one; the last one stays for the warm boots.
    rm -rf "$WORK/diwan" "$WORK/diwan-data" "$WORK/karaf"
    unpack "$WORK/diwan.tar.gz" "$WORK/diwan"
    boot diwan "$WORK/diwan" "$WORK/diwan-data" "$WORK/diwan-cold-$i.log"
    record diwan cold "cold $i"
    unpack "$WORK/karaf.tar.gz" "$WORK/karaf"
    karaf_prepare "$WORK/karaf"
    boot karaf "$WORK/karaf" "$WORK/karaf/data" "$WORK/karaf-cold-$i.log"
    record karaf cold "cold $i"
done
for ((i = 1; i <= RUNS; i++)); do
    boot diwan "$WORK/diwan" "$WORK/diwan-data" "$WORK/diwan-warm-$i.log"
    record diwan warm "warm $i"
    boot karaf "$WORK/karaf" "$WORK/karaf/data" "$WORK/karaf-warm-$i.log"
    record karaf warm "warm $i"
done

# ---- results ---------------------------------------------------------------------------------------
med_s() { local m; m=$(median "$@"); [[ -n $m ]] && fmt_s "$m" || echo "n/a"; }
med_mb() { local m; m=$(median "$@"); [[ -n $m ]] && fmt_mb "$m" || echo "n/a"; }

echo
echo "== individual runs"
echo "Diwan ($DIWAN_NAME), heap ${DIWAN_HEAP_NOTE:-unknown}:"
printf '%s\n' "${D_LINES[@]}"
echo "plain Karaf ${KARAF_VERSION} + http + http-whiteboard, heap ${KARAF_HEAP_NOTE:-unknown}:"
printf '%s\n' "${K_LINES[@]}"

echo
echo "== summary (medians; boot = process start to first HTTP answer; RSS ${RSS_DELAY} s later, all boots)"
row() { printf '%-32s | %-30s | %-30s | %-27s | %s\n' "$@"; }
row "what" "cold boot s (${RUNS} runs, median)" "warm boot s (${RUNS} runs, median)" "RSS MB after boot (median)" "archive MiB"
row "--------------------------------" "------------------------------" "------------------------------" \
    "---------------------------" "-----------"
row "Diwan $DIWAN_VERSION" "$(med_s "${D_COLD[@]}") (${#D_COLD[@]} ok)" "$(med_s "${D_WARM[@]}") (${#D_WARM[@]} ok)" \
    "$(med_mb "${D_RSS[@]}") (${#D_RSS[@]} boots)" "$(fmt_mib "$DIWAN_BYTES")"
row "plain Karaf ${KARAF_VERSION} + http" "$(med_s "${K_COLD[@]}") (${#K_COLD[@]} ok)" "$(med_s "${K_WARM[@]}") (${#K_WARM[@]} ok)" \
    "$(med_mb "${K_RSS[@]}") (${#K_RSS[@]} boots)" "$(fmt_mib "$KARAF_BYTES")"
echo
echo "heap: Diwan ${DIWAN_HEAP_NOTE:-unknown}"
echo "      plain Karaf ${KARAF_HEAP_NOTE:-unknown}"

echo
echo "== against the targets (printed only, never enforced)"
dw=$(median "${D_WARM[@]}") kw=$(median "${K_WARM[@]}")
if [[ -n $dw && -n $kw && $kw -gt 0 ]]; then
    r=$(((dw * 100 + kw / 2) / kw))
    verdict=$(((dw * 100) <= (kw * TARGET_WARM_RATIO_X100) ? 1 : 0))
    printf 'warm boot Diwan / plain Karaf: %d.%02d   (target <= %d.%02d)  %s\n' $((r / 100)) $((r % 100)) \
        $((TARGET_WARM_RATIO_X100 / 100)) $((TARGET_WARM_RATIO_X100 % 100)) \
        "$([[ $verdict == 1 ]] && echo meets || echo MISSES)"
else
    echo "warm boot Diwan / plain Karaf: n/a (a side has no successful warm boot)"
fi
dr=$(median "${D_RSS[@]}")
if [[ -n $dr ]]; then
    if ((dr * 1024 <= TARGET_RSS_MB * 1000000)); then v=meets; else v=MISSES; fi
    capped=$([[ $DIWAN_HEAP_NOTE == capped* ]] && echo "heap capped" || echo "heap NOT capped")
    printf 'RSS Diwan: %s MB, %s   (target <= %d MB with the heap capped)  %s\n' "$(fmt_mb "$dr")" "$capped" \
        "$TARGET_RSS_MB" "$v"
else
    echo "RSS Diwan: n/a"
fi
if [[ $DIWAN_PROBE_PATH == / && $DIWAN_PROBE_STATUS == '[1-5][0-9][0-9]' ]]; then
    echo "note: Diwan was timed to ANY HTTP answer on / (no web shell yet), not to a login page."
fi
if [[ -n $D_LOGIN_SEEN && $DIWAN_PROBE_PATH != "$DIWAN_LOGIN_PATH" ]]; then
    echo "note: ${DIWAN_LOGIN_PATH} answered 200: time the login page with DIWAN_PROBE_PATH=${DIWAN_LOGIN_PATH} DIWAN_PROBE_STATUS=200."
fi
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
exit 0

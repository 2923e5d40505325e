#!/bin/sh
# Network benchmarks of issue 5, on an engine of their own (temporary root and socket):
#  1. `run --rm base /bin/true` on the bridge and with --network none, interleaved in one run so
#     both see the same machine state; median of N (default 20) after two warm-up runs each.
#  2. TCP throughput of 200 MB between two containers over the bridge with busybox nc: the
#     receiver counts the bytes, the sender's transfer is timed inside its container.
# Prints a Markdown section for bench/RESULTS.md.
#
#   bench/network.sh [N]
set -eu

runs=${1:-20}
here=$(cd "$(dirname "$0")/.." && pwd)
dist=${LAUNCHER_DIST:-$here/engine/target/dist}
work=$(mktemp -d /tmp/launcher-bench-net-XXXXXX)
sock=$work/launcher.sock
L="$dist/bin/launcher --root $work/root -H unix://$sock"
daemon_pid=

cleanup() {
    if [ -n "$daemon_pid" ]; then
        for id in $($L ps -aq --no-trunc 2>/dev/null); do $L rm -f "$id" >/dev/null 2>&1 || true; done
        kill "$daemon_pid" 2>/dev/null || true
        wait "$daemon_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

"$dist/bin/launcher" daemon --root "$work/root" -H "unix://$sock" >"$work/daemon.log" 2>&1 &
daemon_pid=$!
i=0
until [ -S "$sock" ] && $L version >/dev/null 2>&1; do
    i=$((i + 1)); [ $i -lt 200 ] || { cat "$work/daemon.log" >&2; exit 1; }
    sleep 0.1
done
"$dist/bin/make-base-image" "$work/base.tar"
$L import "$work/base.tar" base >/dev/null

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

time_run() {
    start=$(now_ms)
    $L run --rm "$@" base /bin/true
    echo $(( $(now_ms) - start ))
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for w in 1 2; do time_run >/dev/null; time_run --network none >/dev/null; done
: >"$work/bridge"; : >"$work/none"
n=0
while [ $n -lt "$runs" ]; do
    time_run >>"$work/bridge"
    time_run --network none >>"$work/none"
    n=$((n + 1))
done
bridge=$(median <"$work/bridge")
none=$(median <"$work/none")

# The receiver's stdin never ends (tail -f), so nc stays until the sender closes the connection.
$L run -d --name bench-rx base sh -c 'tail -f /dev/null | nc -l -p 5000 | wc -c' >/dev/null
rx=$($L inspect -f '{{.NetworkSettings.IPAddress}}' bench-rx)
sleep 0.5
start=$(now_ms)
inner=$($L run --rm base sh -c "time sh -c 'dd if=/dev/zero bs=1M count=200 2>/dev/null | nc $rx 5000'" 2>&1 | awk '/^real/ { print $2 $3 }')
outer=$(( $(now_ms) - start ))
i=0
until [ -n "$($L logs bench-rx 2>/dev/null)" ]; do i=$((i + 1)); [ $i -lt 100 ] || break; sleep 0.1; done
received=$($L logs bench-rx 2>/dev/null | tr -d '[:space:]')
inner_s=$(echo "$inner" | sed 's/^0m//; s/s$//')
rate=$(awk -v b="$received" -v s="$inner_s" 'BEGIN { if (s > 0) printf "%.0f", b / 1048576 / s; else print "?" }')

cat <<MD
## Network

Measured $(date -u +%Y-%m-%d) on $(uname -r), $(nproc) cores, by \`bench/network.sh $runs\`.

| \`run --rm base /bin/true\` (median of $runs, interleaved) | ms |
|---|---|
| \`--network bridge\` | $bridge |
| \`--network none\` | $none |
| bridge cost | $(awk -v a="$bridge" -v b="$none" 'BEGIN { print a - b }') |

| TCP, 200 MB between two containers over launcher0 (busybox nc) | |
|---|---|
| bytes received | $received |
| transfer, timed inside the sender | ${inner_s} s (${rate} MiB/s) |
| whole \`run --rm\` of the sender, from the host | $(awk -v m="$outer" 'BEGIN { printf "%.2f", m / 1000 }') s |
MD

#!/usr/bin/env bash
# Issue 3's throughput and idle-cost figures, on an engine of its own (state root and socket in a
# temp folder, removed at the end):
#   engine    50 runs of /bin/true, 10 at a time, each create + start + wait + delete through the
#             Engine API (curl on the socket), --network none
#   cli       the same 50 through `launcher run --rm --network none base /bin/true`, 10 at a time
#   idle      the daemon's RSS and threads when empty, then with IDLE (default 100) containers
#             running `sleep 1000` (the CLI's defaults, started through the API), and the RSS
#             of their monitors
# Run as root from the repository.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
dist=$repo/engine/target/dist
idle=${IDLE:-100}
[ -x "$dist/bin/launcher" ] || (cd "$repo" && mvn -B -q -DskipTests package)
work=$(mktemp -d /tmp/launcher-parallel-XXXXXX)
root=$work/root
sock=$root/launcher.sock
L="$dist/bin/launcher --root $root -H unix://$sock"
api() { curl -sf --unix-socket "$sock" -H 'Content-Type: application/json' "$@"; }
cleanup() {
    $L ps -aq 2>/dev/null | xargs -r $L rm -f >/dev/null 2>&1 || true
    [ -n "${daemon:-}" ] && { kill "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; }
    rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$root"
"$dist/bin/make-base-image" "$work/base.tar"
$dist/bin/launcher --root "$root" -H "unix://$sock" daemon >"$root/engine.log" 2>&1 &
daemon=$!
for _ in $(seq 100); do [ -S "$sock" ] && break; sleep 0.1; done
$L import -c 'CMD ["/bin/sh"]' "$work/base.tar" base >/dev/null

cat > "$work/engine-run" <<SCRIPT
#!/bin/sh
api() { curl -sf --unix-socket $sock -H 'Content-Type: application/json' "\$@"; }
id=\$(api -d '{"Image":"base","Cmd":["/bin/true"],"HostConfig":{"NetworkMode":"none"}}' http://d/containers/create | sed 's/.*"Id":"\([0-9a-f]*\)".*/\1/')
api -X POST http://d/containers/\$id/start >/dev/null
api -X POST http://d/containers/\$id/wait >/dev/null
api -X DELETE http://d/containers/\$id >/dev/null
SCRIPT
chmod +x "$work/engine-run"
seconds() { local start=$(date +%s.%N); "$@"; echo "$(date +%s.%N) - $start" | bc; }
# warm the engine's JIT first
seq 20 | xargs -P10 -I{} "$work/engine-run" >/dev/null
engine=$(seconds sh -c "seq 50 | xargs -P10 -I{} $work/engine-run")
cli=$(seconds sh -c "seq 50 | xargs -P10 -I{} $L run --rm --network none base /bin/true")
rss() { ps -o rss= -p "$1" | tr -d ' '; }
threads() { ps -o nlwp= -p "$1" | tr -d ' '; }
java_pid=$(pgrep -P "$daemon" java || echo "$daemon")
empty_rss=$(rss "$java_pid"); empty_threads=$(threads "$java_pid")
for _ in $(seq "$idle"); do
    id=$(api -d '{"Image":"base","Cmd":["sleep","1000"]}' http://d/containers/create | sed 's/.*"Id":"\([0-9a-f]*\)".*/\1/')
    api -X POST "http://d/containers/$id/start" >/dev/null
done
sleep 2
busy_rss=$(rss "$java_pid"); busy_threads=$(threads "$java_pid")
monitor_pids=$(pgrep -f "launcher-shim monitor $root")
monitors=$(echo "$monitor_pids" | xargs -r ps -o rss= -p | awk '{s+=$1; n++} END {printf "%d monitors, %.0f kB each", n, s/n}')
# RSS counts the shim's binary pages in every monitor; PSS shares them out among the processes
# that map them, so its sum is what the monitors cost the machine together.
monitor_pss=$(for pid in $monitor_pids; do awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null; done |
    awk '{s+=$1; n++} END {printf "%.0f kB each", s/n}')
echo "| measure | result |"
echo "|---|---:|"
echo "| 50 runs, 10 in parallel, engine side | ${engine} s |"
echo "| 50 runs, 10 in parallel, CLI | ${cli} s |"
echo "| daemon RSS / threads, empty | $((empty_rss / 1024)) MB / $empty_threads |"
echo "| daemon RSS / threads, $idle idle containers | $((busy_rss / 1024)) MB / $busy_threads |"
echo "| monitors (RSS) | $monitors |"
echo "| monitors (PSS) | $monitor_pss |"

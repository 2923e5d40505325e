#!/usr/bin/env bash
# Exec latency of /bin/true in a running container, side by side in one run:
#   floor       nsenter into the container's namespaces (all of them) and /bin/true: no engine
#   engine-L    exec create + start through the Engine API (curl on the UNIX socket), the start
#               returning when the process ended; after the table, the two requests timed by
#               curl itself (its start-up excluded)
#   cli-L       the whole `launcher exec box /bin/true` round trip
# for each distribution given as LABEL=DIST (default: engine=<repo>/engine/target/dist), each
# with its own daemon, state root and container: e.g. two builds before and after a change.
# Median of RUNS (default 20) with hyperfine; the load average is printed with the figures.
# Run as root from the repository; it removes its state roots and daemons at the end.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
runs=${RUNS:-20}
[ $# -gt 0 ] || set -- "engine=$repo/engine/target/dist"
for tool in hyperfine curl nsenter; do
    command -v $tool >/dev/null || { apt-get install -y -q $tool >/dev/null 2>&1 || true; }
done

work=$(mktemp -d /tmp/launcher-bench-exec-XXXXXX)
daemons=()
labels=()
cleanup() {
    for label in "${labels[@]}"; do
        "${cli[$label]}" rm -f box >/dev/null 2>&1 || true
    done
    for pid in "${daemons[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT
declare -A cli sock

first_dist=${1#*=}
"$first_dist/bin/make-base-image" "$work/base.tar"
for pair in "$@"; do
    label=${pair%%=*}
    dist=${pair#*=}
    root=$work/root-$label
    mkdir -p "$root"
    sock[$label]=$root/launcher.sock
    # a wrapper, so that hyperfine -N and the cleanup run it as one word
    printf '#!/bin/sh\nexec %s --root %s -H unix://%s "$@"\n' "$dist/bin/launcher" "$root" "${sock[$label]}" > "$work/cli-$label"
    chmod +x "$work/cli-$label"
    cli[$label]=$work/cli-$label
    "$dist/bin/launcher" --root "$root" -H "unix://${sock[$label]}" daemon >"$root/engine.log" 2>&1 &
    daemons+=($!)
    labels+=("$label")
    for _ in $(seq 100); do [ -S "${sock[$label]}" ] && break; sleep 0.1; done
    "${cli[$label]}" import -c 'CMD ["/bin/sh"]' "$work/base.tar" base >/dev/null
    "${cli[$label]}" run -d --name box --network none base sleep 3600 >/dev/null
done
pid=$("${cli[${labels[0]}]}" inspect -f '{{.State.Pid}}' box)

# exec create + start on the socket given as $1; the start's body is the output until the end
cat > "$work/engine-exec" <<'SCRIPT'
#!/bin/sh
id=$(curl -sf --unix-socket "$1" -H 'Content-Type: application/json' -d '{"Cmd":["/bin/true"],"AttachStdout":true,"AttachStderr":true}' http://d/v1.47/containers/box/exec | sed 's/.*"Id":"\([0-9a-f]*\)".*/\1/')
curl -sf --unix-socket "$1" -H 'Content-Type: application/json' -d '{"Detach":false,"Tty":false}' "http://d/v1.47/exec/$id/start" >/dev/null
SCRIPT
chmod +x "$work/engine-exec"

commands=(-n floor "nsenter -t $pid -a /bin/true")
for label in "${labels[@]}"; do
    commands+=(-n "engine-$label" "$work/engine-exec ${sock[$label]}")
    commands+=(-n "cli-$label" "${cli[$label]} exec box /bin/true")
done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/exec.json" "${commands[@]}" >&2
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# The engine's own time per request, as curl measures it (connect to last byte); the dists take
# turns cycle by cycle, so that a burst of load on the shared host hits them alike.
step() { curl -sf --unix-socket "$1" -o "$work/step.out" -w '%{time_total}' "${@:2}"; }
for _ in $(seq "$runs"); do
    for label in "${labels[@]}"; do
        create=$(step "${sock[$label]}" -H 'Content-Type: application/json' \
            -d '{"Cmd":["/bin/true"],"AttachStdout":true,"AttachStderr":true}' http://d/v1.47/containers/box/exec)
        id=$(sed 's/.*"Id":"\([0-9a-f]*\)".*/\1/' "$work/step.out")
        start=$(step "${sock[$label]}" -H 'Content-Type: application/json' -d '{"Detach":false,"Tty":false}' \
            "http://d/v1.47/exec/$id/start")
        echo "$label $create $start"
    done
done > "$work/steps.txt"

python3 - "$work/exec.json" "$work/steps.txt" <<'PY'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
floor = next(r["median"] for r in results if r["command"] == "floor") * 1000
print("| command | median ms | min ms | x floor |")
print("|---|---:|---:|---:|")
for r in results:
    print(f"| {r['command']} | {r['median']*1000:.1f} | {r['min']*1000:.1f} | {r['median']*1000/floor:.2f} |")
rows = {}
for line in open(sys.argv[2]):
    label, create, start = line.split()
    rows.setdefault(label, []).append((float(create) * 1000, float(start) * 1000))
print()
print("engine side, per request as curl times it (median ms):")
print("| dist | exec create | exec start | sum |")
print("|---|---:|---:|---:|")
for label, cycles in rows.items():
    create = statistics.median(c for c, _ in cycles)
    start = statistics.median(s for _, s in cycles)
    total = statistics.median(c + s for c, s in cycles)
    print(f"| {label} | {create:.2f} | {start:.2f} | {total:.2f} |")
PY

#!/usr/bin/env bash
# Log throughput (issue 6), side by side in one run:
#   logs        `launcher logs C > /dev/null` of a container that printed LINES lines (default
#               2,000,000, busybox `seq`)
#   docker-logs the docker CLI's `docker logs C > /dev/null` against Launcher's engine (DOCKER_HOST)
#   bare        `seq LINES > /dev/null` in the same rootfs (unshare + chroot, no engine)
#   run         `launcher run --rm base seq LINES > /dev/null`: the whole path, the process's
#               pipe -> monitor -> json-file -> engine -> socket -> CLI -> stdout
#   docker-run-true / cli-run-true  `run --rm base true` through the docker CLI and Launcher's CLI
# With DOCKERD_SOCK=/path/to/docker.sock (a running dockerd: the script does not start one), the
# same through the docker CLI against dockerd, on the same base rootfs imported there:
#   dockerd-logs, dockerd-run (default json-file options, unbounded), dockerd-run-true
# The container's log options are LOG_OPTS (default --log-opt max-size=100m --log-opt max-file=3,
# the defaults, which keep the whole 160 MB of 2M lines in two files). Median of RUNS (default 5)
# with hyperfine. Run as root from the repository; it uses its own state root and socket and
# removes them at the end.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
dist=$repo/engine/target/dist
runs=${RUNS:-5}
lines=${LINES:-2000000}
log_opts=${LOG_OPTS:---log-opt max-size=100m --log-opt max-file=3}
[ -x "$dist/bin/launcher" ] || (cd "$repo" && mvn -B -q -DskipTests package)
command -v hyperfine >/dev/null || apt-get install -y -q hyperfine >/dev/null

work=$(mktemp -d /tmp/launcher-bench-XXXXXX)
root=$work/root
sock=$root/launcher.sock
L="$dist/bin/launcher --root $root -H unix://$sock"
cleanup() {
    $L ps -aq 2>/dev/null | xargs -r $L rm -f >/dev/null 2>&1 || true
    if [ -n "${daemon:-}" ]; then
        kill "$daemon" 2>/dev/null || true
        wait "$daemon" 2>/dev/null || true
    fi
    [ -n "${DOCKERD_SOCK:-}" ] && DOCKER_HOST=unix://$DOCKERD_SOCK docker rm -f printer >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$root" "$work/rootfs"
"$dist/bin/make-base-image" "$work/base.tar"
tar -xf "$work/base.tar" -C "$work/rootfs"
$dist/bin/launcher --root "$root" -H "unix://$sock" daemon >"$root/engine.log" 2>&1 &
daemon=$!
for _ in $(seq 100); do [ -S "$sock" ] && break; sleep 0.1; done
$L import -c 'CMD ["/bin/sh"]' "$work/base.tar" base >/dev/null

# shellcheck disable=SC2086
$L run --name printer --network none $log_opts base seq "$lines" >/dev/null
printf 'log of %s lines: %s bytes in %s\n' "$lines" \
    "$(cat "$root"/containers/*/*-json.log* | wc -c)" \
    "$(cd "$root"/containers/*/ && echo *-json.log*)" >&2
got=$($L logs printer | wc -l)
[ "$got" = "$lines" ] || { echo "logs returned $got lines, not $lines" >&2; exit 1; }

export DOCKER_HOST=unix://$sock
commands=(
    -n logs "$L logs printer"
    -n docker-logs "docker logs printer"
    -n bare "unshare --mount --pid --fork chroot $work/rootfs seq $lines"
    -n run "$L run --rm --network none $log_opts base seq $lines"
    -n cli-run-true "$L run --rm --network none base true"
    -n docker-run-true "docker run --rm --network none base true"
)
if [ -n "${DOCKERD_SOCK:-}" ]; then
    D="env DOCKER_HOST=unix://$DOCKERD_SOCK docker"
    $D import -c 'CMD ["/bin/sh"]' "$work/base.tar" base >/dev/null
    $D rm -f printer >/dev/null 2>&1 || true
    $D run --name printer --network none base seq "$lines" >/dev/null
    commands+=(
        -n dockerd-logs "$D logs printer"
        -n dockerd-run "$D run --rm --network none base seq $lines"
        -n dockerd-run-true "$D run --rm --network none base true"
    )
fi
hyperfine -N --warmup 1 --runs "$runs" --output=null --export-json "$work/logs.json" "${commands[@]}" >&2
python3 - "$work/logs.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
by_name = {r["command"]: r["median"] * 1000 for r in results}
print("| command | median ms | min ms | ratio |")
print("|---|---:|---:|---|")
ratio = {"run": ("bare", "x bare"), "docker-logs": ("logs", "x launcher logs"),
         "docker-run-true": ("cli-run-true", "x launcher CLI"), "dockerd-logs": ("logs", "x launcher logs"),
         "dockerd-run": ("bare", "x bare"), "dockerd-run-true": ("docker-run-true", "x docker CLI on Launcher")}
for r in results:
    name = r["command"]
    text = ""
    if name in ratio and ratio[name][0] in by_name:
        text = f"{r['median']*1000/by_name[ratio[name][0]]:.2f} {ratio[name][1]}"
    print(f"| {name} | {r['median']*1000:.1f} | {r['min']*1000:.1f} | {text} |")
PY

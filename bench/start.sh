#!/usr/bin/env bash
# Start-to-exit latency of a container running /bin/true, side by side in one run (issue 3):
#   floor     unshare + chroot, no image, no engine
#   crun/runc an OCI bundle on the same rootfs. crun refuses this hybrid cgroup host ("cgroups
#             in hybrid mode not supported, drop all controllers from cgroupv2": the unified
#             hierarchy holds hugetlb), so it runs in a mount namespace without that mount and
#             with its cgroup manager disabled; the unshare costs about a millisecond.
#   crun-cgroups  the same with crun's cgroupfs manager: a cgroup in every v1 hierarchy (9 here)
#             and the spec's device rules, as the engine makes one in 5 with Docker's device
#             rules; the unified mount is covered by a throwaway tmpfs instead of unmounted
#             (crun would otherwise leave a folder on the tmpfs underneath it)
#   engine    create + start + wait through the Engine API (curl on the UNIX socket); after
#             the table, the same four requests timed by curl itself (its start-up excluded)
#   engine-unconfined  the same with HostConfig.SecurityOpt ["seccomp=unconfined"]: the row
#             against engine is the cost of building and installing the seccomp filter
#   cli       the whole `launcher run --rm --network none base /bin/true` round trip
#   docker-cli  the same through the real docker CLI (Go) against the engine: where the 60 ms
#             start target applies (a JVM client's own start-up floor is ~75 ms here)
#   lxc-execute  bare LXC (issue 7): lxc-execute on the bundle's rootfs, no engine, no network
#   engine-lxc, cli-lxc  as engine and cli, through a second daemon started with --backend lxc on
#             its own root and socket (issue 7); engine-lxc-unconfined as engine-unconfined there
# Median of RUNS (default 20) with hyperfine. Run as root from the repository; it uses its own
# state root and socket and removes them at the end.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
dist=$repo/engine/target/dist
runs=${RUNS:-20}
[ -x "$dist/bin/launcher" ] || (cd "$repo" && mvn -B -q -DskipTests package)
for tool in hyperfine crun runc curl; do
    command -v $tool >/dev/null || { apt-get install -y -q $tool >/dev/null 2>&1 || true; }
done

work=$(mktemp -d /tmp/launcher-bench-XXXXXX)
root=$work/root
sock=$root/launcher.sock
L="$dist/bin/launcher --root $root -H unix://$sock"
lxc_root=$work/root-lxc
lxc_sock=$lxc_root/launcher.sock
LL="$dist/bin/launcher --root $lxc_root -H unix://$lxc_sock"
have_lxc=$(command -v lxc-execute >/dev/null && echo yes || echo no)
cleanup() {
    $L ps -aq 2>/dev/null | xargs -r $L rm -f >/dev/null 2>&1 || true
    $LL ps -aq 2>/dev/null | xargs -r $LL rm -f >/dev/null 2>&1 || true
    for pid in ${daemon:-} ${lxc_daemon:-}; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
    # The lock folders LXC made for the lxc daemon's containers (their lock files went with rm).
    [ ! -d "/run/lxc/lock$work" ] || find "/run/lxc/lock$work" -depth -type d -empty -delete
}
trap cleanup EXIT

mkdir -p "$root" "$work/bundle/rootfs"
"$dist/bin/make-base-image" "$work/base.tar"
tar -xf "$work/base.tar" -C "$work/bundle/rootfs"
$dist/bin/launcher --root "$root" -H "unix://$sock" daemon >"$root/engine.log" 2>&1 &
daemon=$!
for _ in $(seq 100); do [ -S "$sock" ] && break; sleep 0.1; done
$L import -c 'CMD ["/bin/sh"]' "$work/base.tar" base >/dev/null
if [ "$have_lxc" = yes ]; then
    mkdir -p "$lxc_root" "$work/lxc"
    $dist/bin/launcher --root "$lxc_root" -H "unix://$lxc_sock" daemon --backend lxc >"$lxc_root/engine.log" 2>&1 &
    lxc_daemon=$!
    for _ in $(seq 100); do [ -S "$lxc_sock" ] && break; sleep 0.1; done
    $LL import -c 'CMD ["/bin/sh"]' "$work/base.tar" base >/dev/null
    # Bare LXC: the smallest configuration that runs, on the same rootfs; no network namespace
    # setup beyond an empty one, as --network none does.
    printf 'lxc.uts.name = bench-lxc\nlxc.rootfs.path = dir:%s\nlxc.net.0.type = empty\n' \
        "$work/bundle/rootfs" > "$work/lxc/config"
    lxc-execute -n bench-lxc -P "$work/lxc" -f "$work/lxc/config" -- /bin/true
fi

# An OCI bundle for crun and runc: the default spec, /bin/true, no terminal.
(cd "$work/bundle" && runc spec && sed -i 's/"terminal": true/"terminal": false/; s/"sh"/"\/bin\/true"/' config.json)

# create + start + wait + delete through the Engine API on the socket given as $1; with
# "unconfined" as $2, the container runs without the seccomp filter.
cat > "$work/engine-run" <<SCRIPT
#!/bin/sh
sock=\$1
security=
[ "\${2:-}" = unconfined ] && security=',"SecurityOpt":["seccomp=unconfined"]'
id=\$(curl -sf --unix-socket \$sock -H 'Content-Type: application/json' -d '{"Image":"base","Cmd":["/bin/true"],"HostConfig":{"NetworkMode":"none"'"\$security"'}}' http://d/v1.47/containers/create | sed 's/.*"Id":"\([0-9a-f]*\)".*/\1/')
curl -sf --unix-socket \$sock -X POST http://d/v1.47/containers/\$id/start >/dev/null
curl -sf --unix-socket \$sock -X POST http://d/v1.47/containers/\$id/wait >/dev/null
curl -sf --unix-socket \$sock -X DELETE http://d/v1.47/containers/\$id >/dev/null
SCRIPT
chmod +x "$work/engine-run"

commands=(
    -n floor "unshare --mount --uts --ipc --net --pid --fork --mount-proc chroot $work/bundle/rootfs /bin/true"
)
command -v crun >/dev/null && commands+=(-n crun "unshare -m sh -c 'umount /sys/fs/cgroup/unified 2>/dev/null; exec crun --cgroup-manager=disabled run -b $work/bundle bench-crun'")
command -v crun >/dev/null && commands+=(-n crun-cgroups "unshare -m sh -c 'mount -t tmpfs -o size=64k none /sys/fs/cgroup/unified && exec crun --cgroup-manager=cgroupfs run -b $work/bundle bench-crun-cg'")
command -v runc >/dev/null && commands+=(-n runc "runc run -b $work/bundle bench-runc")
[ "$have_lxc" = yes ] && commands+=(-n lxc-execute "lxc-execute -n bench-lxc -P $work/lxc -f $work/lxc/config -- /bin/true")
commands+=(-n engine "$work/engine-run $sock")
commands+=(-n engine-unconfined "$work/engine-run $sock unconfined")
[ "$have_lxc" = yes ] && commands+=(-n engine-lxc "$work/engine-run $lxc_sock")
[ "$have_lxc" = yes ] && commands+=(-n engine-lxc-unconfined "$work/engine-run $lxc_sock unconfined")
commands+=(-n cli "$L run --rm --network none base /bin/true")
docker=${DOCKER:-/usr/local/bin/docker}
[ -x "$docker" ] && commands+=(-n docker-cli "$docker -H unix://$sock run --rm --network none base /bin/true")
[ "$have_lxc" = yes ] && commands+=(-n cli-lxc "$LL run --rm --network none base /bin/true")

hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/start.json" "${commands[@]}" >&2

# The engine row counts four curl processes and a shell. The engine's own time per step is each
# request's time as curl measures it (connect to last byte, curl's start-up excluded).
step() { curl -sf --unix-socket "$sock" -o "$work/step.out" -w '%{time_total}' "$@"; }
for _ in $(seq "$runs"); do
    create=$(step -H 'Content-Type: application/json' -d '{"Image":"base","Cmd":["/bin/true"],"HostConfig":{"NetworkMode":"none"}}' http://d/v1.47/containers/create)
    id=$(sed 's/.*"Id":"\([0-9a-f]*\)".*/\1/' "$work/step.out")
    echo "$create $(step -X POST "http://d/v1.47/containers/$id/start") $(step -X POST "http://d/v1.47/containers/$id/wait") $(step -X DELETE "http://d/v1.47/containers/$id")"
done > "$work/steps.txt"
# Medians, and each as a ratio of crun's (the issue's yardstick), from the same run.
python3 - "$work/start.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
by_name = {r["command"]: r["median"] * 1000 for r in results}
base = by_name.get("crun") or by_name["floor"]
cgroups = by_name.get("crun-cgroups")
print("| command | median ms | min ms | x crun |" + (" x crun-cgroups |" if cgroups else ""))
print("|---|---:|---:|---:|" + ("---:|" if cgroups else ""))
for r in results:
    extra = f" {r['median']*1000/cgroups:.2f} |" if cgroups else ""
    print(f"| {r['command']} | {r['median']*1000:.1f} | {r['min']*1000:.1f} | {r['median']*1000/base:.2f} |" + extra)
PY
python3 - "$work/start.json" "$work/steps.txt" <<'PY'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
by_name = {r["command"]: r["median"] * 1000 for r in results}
base = by_name.get("crun") or by_name["floor"]
rows = [[float(x) * 1000 for x in line.split()] for line in open(sys.argv[2]) if line.strip()]
print()
print("engine side, per request as curl times it (median ms of %d cycles):" % len(rows))
cgroups = by_name.get("crun-cgroups")
print("| create | start | wait | delete | sum | x crun |" + (" x crun-cgroups |" if cgroups else ""))
print("|---:|---:|---:|---:|---:|---:|" + ("---:|" if cgroups else ""))
steps = [statistics.median(column) for column in zip(*rows)]
total = statistics.median(sum(row) for row in rows)
print("| " + " | ".join(f"{v:.1f}" for v in steps) + f" | {total:.1f} | {total / base:.2f} |"
      + (f" {total / cgroups:.2f} |" if cgroups else ""))
PY
# Timings on this shared machine swing with the load: say what it was.
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

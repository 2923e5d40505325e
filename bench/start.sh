#!/usr/bin/env bash
# Start-to-exit latency of a container running /bin/true, side by side in one run (issue 3):
#   floor     unshare + chroot, no image, no engine
#   crun/runc an OCI bundle on the same rootfs. crun refuses this hybrid cgroup host ("cgroups
#             in hybrid mode not supported, drop all controllers from cgroupv2": the unified
#             hierarchy holds hugetlb), so it runs in a mount namespace without that mount and
#             with its cgroup manager disabled; the unshare costs about a millisecond.
#   engine    create + start + wait through the Engine API (curl on the UNIX socket)
#   cli       the whole `launcher run --rm --network none base /bin/true` round trip
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
cleanup() {
    $L ps -aq 2>/dev/null | xargs -r $L rm -f >/dev/null 2>&1 || true
    [ -n "${daemon:-}" ] && kill "$daemon" 2>/dev/null && wait "$daemon" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$root" "$work/bundle/rootfs"
"$dist/bin/make-base-image" "$work/base.tar"
tar -xf "$work/base.tar" -C "$work/bundle/rootfs"
$dist/bin/launcher --root "$root" -H "unix://$sock" daemon >"$root/engine.log" 2>&1 &
daemon=$!
for _ in $(seq 100); do [ -S "$sock" ] && break; sleep 0.1; done
$L import -c 'CMD ["/bin/sh"]' "$work/base.tar" base >/dev/null

# An OCI bundle for crun and runc: the default spec, /bin/true, no terminal.
(cd "$work/bundle" && runc spec && sed -i 's/"terminal": true/"terminal": false/; s/"sh"/"\/bin\/true"/' config.json)

api() { curl -sf --unix-socket "$sock" -H 'Content-Type: application/json' "$@"; }
cat > "$work/engine-run" <<SCRIPT
#!/bin/sh
id=\$(curl -sf --unix-socket $sock -H 'Content-Type: application/json' -d '{"Image":"base","Cmd":["/bin/true"],"HostConfig":{"NetworkMode":"none"}}' http://d/v1.47/containers/create | sed 's/.*"Id":"\([0-9a-f]*\)".*/\1/')
curl -sf --unix-socket $sock -X POST http://d/v1.47/containers/\$id/start >/dev/null
curl -sf --unix-socket $sock -X POST http://d/v1.47/containers/\$id/wait >/dev/null
curl -sf --unix-socket $sock -X DELETE http://d/v1.47/containers/\$id >/dev/null
SCRIPT
chmod +x "$work/engine-run"

commands=(
    -n floor "unshare --mount --uts --ipc --net --pid --fork --mount-proc chroot $work/bundle/rootfs /bin/true"
)
command -v crun >/dev/null && commands+=(-n crun "unshare -m sh -c 'umount /sys/fs/cgroup/unified 2>/dev/null; exec crun --cgroup-manager=disabled run -b $work/bundle bench-crun'")
command -v runc >/dev/null && commands+=(-n runc "runc run -b $work/bundle bench-runc")
commands+=(-n engine "$work/engine-run")
commands+=(-n cli "$L run --rm --network none base /bin/true")

hyperfine -N --warmup 3 --runs "$runs" --export-markdown "$work/start.md" "${commands[@]}" >&2
cat "$work/start.md"

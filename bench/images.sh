#!/bin/sh
# Images and layers, side by side in one run (median of RUNS, default 5):
#   import of a ~100 MB rootfs tar   vs  tar -x + sync into a fresh folder (the floor)
#   commit of a 10 MB change
#   export of a 100 MB container filesystem   vs  tar -c of the same tree through a pipe to a file
#   save and load of the ~110 MB image (two layers), and the disk a created container adds
# Commit and export are timed three ways against the same engine in the same run: through the
# launcher CLI (its JVM start included), through the real docker CLI (a Go client) on the engine's
# socket, and engine side alone (curl's own time_total of the API call, its start-up excluded).
# Each commit is of a fresh 10 MB change, so every one writes and publishes a new layer.
# Runs the built distribution with its own daemon, state root and socket in a temporary folder;
# docker and podman are timed too where installed. Needs root (overlay mounts, containers).
#
#   bench/images.sh [RUNS]          (DIST=/path/to/dist bench/images.sh times another build)
set -eu

runs=${1:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
dist=${DIST:-$here/engine/target/dist}
work=$(mktemp -d /var/tmp/launcher-bench-images.XXXXXX)
root=$work/root
launcher="$dist/bin/launcher --root $root"
. "$here/bench/lib/large-rootfs.sh"

make_large_rootfs "$work/rootfs"
tar -cf "$work/rootfs.tar" -C "$work/rootfs" .
rm -rf "$work/rootfs"
size_mb=$(($(stat -c %s "$work/rootfs.tar") / 1000000))

start_daemon

# changed_container: a stopped container of big with a fresh 10 MB file in its layer
changed_container() {
    c=$($launcher create big /bin/sh -c 'head -c 10485760 /dev/urandom > /ten-mb')
    $launcher start -a "$c" >/dev/null
    echo "$c"
}

# curl_ms METHOD PATH OUT: the engine's time for one API call, as curl measures it (ms)
curl_ms() {
    curl -s -X "$1" -o "$3" -w '%{time_total}\n' --unix-socket "$sock" "http://engine/v1.43$2" \
        | awk '{printf "%d\n", $1 * 1000}'
}

floor() {
    rm -rf "$work/x" && mkdir "$work/x"
    tar -xf "$work/rootfs.tar" -C "$work/x" && sync
}

# export_floor: GNU tar writing the same tree (the rootfs and a 10 MB file, warm in the page cache as
# the engine's layers are) through a pipe to a file, as curl writes the engine's export to one
export_floor() {
    tar -cf - -C "$work/x" . | cat >"$work/floor-export.tar"
}

for f in floor export-floor import commit export save load docker-commit docker-export curl-commit curl-export; do : >"$work/$f"; done
r=0
while [ $r -lt "$runs" ]; do
    time_ms floor >>"$work/floor"
    head -c 10485760 /dev/urandom >"$work/x/ten-mb"
    time_ms export_floor >>"$work/export-floor"
    # Each run imports a distinct tarball content-wise? No: the same layer is found and reused,
    # so the image is removed first to make every import write the whole layer.
    $launcher rmi -f big >/dev/null 2>&1 || true
    time_ms $launcher import "$work/rootfs.tar" big >>"$work/import"
    c=$(changed_container)
    time_ms $launcher commit "$c" "snap:r$r" >>"$work/commit"
    time_ms $launcher export -o "$work/export.tar" "$c" >>"$work/export"
    curl_ms GET "/containers/$c/export" "$work/export.tar" >>"$work/curl-export"
    if [ -n "$docker_cli" ]; then
        time_ms docker export -o "$work/export.tar" "$c" >>"$work/docker-export"
        d=$(changed_container)
        time_ms docker commit "$d" "snap:docker$r" >>"$work/docker-commit"
        $launcher rm -f "$d" >/dev/null
        $launcher rmi "snap:docker$r" >/dev/null
    fi
    d=$(changed_container)
    curl_ms POST "/commit?container=$d&repo=snap&tag=curl$r" "$work/commit.json" >>"$work/curl-commit"
    $launcher rm -f "$c" "$d" >/dev/null
    $launcher rmi "snap:curl$r" >/dev/null
    if $launcher save --help 2>/dev/null | grep -q -- '--output'; then
        time_ms $launcher save -o "$work/save.tar" "snap:r$r" >>"$work/save"
        $launcher rmi "snap:r$r" >/dev/null
        time_ms $launcher load -i "$work/save.tar" >>"$work/load"
    fi
    $launcher rmi "snap:r$r" >/dev/null
    r=$((r + 1))
done
rm -rf "$work/x" "$work/save.tar" "$work/export.tar" "$work/floor-export.tar"

# Disk a created (never started) container adds: allocated blocks of the state root, 20 of them.
sync; before=$(du -sk "$root" | cut -f1)
k=0
while [ $k -lt 20 ]; do $launcher create big /bin/true >/dev/null; k=$((k + 1)); done
sync; after=$(du -sk "$root" | cut -f1)

printf '%-40s %8s\n' "operation (median of $runs, ms)" "launcher"
printf '%-40s %8s\n' "tar -x + sync of ${size_mb} MB (floor)" "$(median <"$work/floor")"
printf '%-40s %8s\n' "import of ${size_mb} MB rootfs tar" "$(median <"$work/import")"
printf '%-40s %8s\n' "commit of a 10 MB change" "$(median <"$work/commit")"
printf '%-40s %8s\n' "  docker CLI (docker commit)" "$(median <"$work/docker-commit")"
printf '%-40s %8s\n' "  engine side (curl time_total)" "$(median <"$work/curl-commit")"
printf '%-40s %8s\n' "export of $((size_mb + 10)) MB" "$(median <"$work/export")"
printf '%-40s %8s\n' "  docker CLI (docker export -o)" "$(median <"$work/docker-export")"
printf '%-40s %8s\n' "  engine side (curl time_total)" "$(median <"$work/curl-export")"
printf '%-40s %8s\n' "  floor (tar -c | cat > file)" "$(median <"$work/export-floor")"
printf '%-40s %8s\n' "save of the committed image" "$(median <"$work/save")"
printf '%-40s %8s\n' "load of that archive" "$(median <"$work/load")"
printf '%-40s %8s\n' "disk per created container (kB)" "$(((after - before) / 20))"
printf '%-40s %8s\n' "load average at the end" "$(cut -d' ' -f1-3 /proc/loadavg)"
for other in docker podman; do
    # Its own daemon, not this engine: DOCKER_HOST points at Launcher above.
    if command -v "$other" >/dev/null 2>&1 && env -u DOCKER_HOST "$other" info >/dev/null 2>&1; then
        echo "$other: installed; compare with: $other import $work/rootfs.tar (not timed by this script)"
    else
        echo "$other: not available here (not installed, or no daemon answering)"
    fi
done

#!/bin/sh
# Export of one stopped container (the ~107 MB rootfs of images.sh plus a 10 MB change, 117 MB of
# tar) through every client in the same run, median of RUNS (default 9), against the floor:
#   floor                  tar -c of the same tree through a pipe to a file (as images.sh)
#   engine side            curl's time_total of GET /containers/ID/export to a file
#   docker CLI -o / >      the real docker CLI on the engine's socket, to a file and to stdout
#   launcher CLI -o / >    this build's CLI (its JVM start included), to a file and to stdout
#   base CLI -o            with BASE_DIST=/path/to/dist, another build's CLI against the same engine
# Every row writes over the previous tar, synced to disk first (as images.sh leaves the file the
# launcher CLI replaces); the outputs of all clients are compared byte for byte.
#
#   bench/export.sh [RUNS]          (DIST=/path/to/dist times another build)
set -eu

runs=${1:-9}
here=$(cd "$(dirname "$0")/.." && pwd)
dist=${DIST:-$here/engine/target/dist}
work=$(mktemp -d /var/tmp/launcher-bench-export.XXXXXX)
root=$work/root
launcher="$dist/bin/launcher --root $root"
base=${BASE_DIST:+$BASE_DIST/bin/launcher --root $root}
. "$here/bench/lib/large-rootfs.sh"

make_large_rootfs "$work/rootfs"
tar -cf "$work/rootfs.tar" -C "$work/rootfs" .
mv "$work/rootfs" "$work/x"
head -c 10485760 /dev/urandom >"$work/x/ten-mb"

start_daemon

$launcher import "$work/rootfs.tar" big >/dev/null
c=$($launcher create big /bin/sh -c 'head -c 10485760 /dev/urandom > /ten-mb')
$launcher start -a "$c" >/dev/null

curl_ms() {
    curl -s -o "$2" -w '%{time_total}\n' --unix-socket "$sock" "http://engine/v1.43$1" \
        | awk '{printf "%d\n", $1 * 1000}'
}
floor() { tar -cf - -C "$work/x" . | cat >"$work/floor.tar"; }
docker_stdout() { docker export "$c" >"$work/docker-stdout.tar"; }
launcher_stdout() { $launcher export "$c" >"$work/launcher-stdout.tar"; }

# prep: before each timed row the file it writes holds the previous tar, written out to disk (as
# images.sh leaves it after the docker CLI's fsync), so every row pays the same for replacing it.
prep() {
    [ -s "$work/launcher.tar" ] || return 0
    cp "$work/launcher.tar" "$work/export.tar"
    cp "$work/launcher.tar" "$work/floor.tar"
    cp "$work/launcher.tar" "$work/docker-stdout.tar"
    cp "$work/launcher.tar" "$work/launcher-stdout.tar"
    sync
}

rows="floor curl docker docker-stdout launcher launcher-stdout"
[ -z "$base" ] || rows="$rows base"
for f in $rows; do : >"$work/$f"; done
$launcher export -o "$work/launcher.tar" "$c"
r=0
# launcher_o ROW CLI...: times CLI export -o in ROW and checks the tar
launcher_o() {
    row=$1; shift
    prep; time_ms "$@" export -o "$work/export.tar" "$c" >>"$work/$row"
    cmp "$work/export.tar" "$work/launcher.tar"
}
while [ $r -lt "$runs" ]; do
    prep; time_ms floor >>"$work/floor"
    prep; curl_ms "/containers/$c/export" "$work/export.tar" >>"$work/curl"
    cmp "$work/export.tar" "$work/launcher.tar"
    if [ -n "$docker_cli" ]; then
        prep; time_ms docker export -o "$work/export.tar" "$c" >>"$work/docker"
        cmp "$work/export.tar" "$work/launcher.tar"
        prep; time_ms docker_stdout >>"$work/docker-stdout"
        cmp "$work/docker-stdout.tar" "$work/launcher.tar"
    fi
    # the two builds' CLIs side by side, in turns first
    if [ -n "$base" ] && [ $((r % 2)) -eq 1 ]; then launcher_o base $base; fi
    launcher_o launcher $launcher
    if [ -n "$base" ] && [ $((r % 2)) -eq 0 ]; then launcher_o base $base; fi
    prep; time_ms launcher_stdout >>"$work/launcher-stdout"
    cmp "$work/launcher-stdout.tar" "$work/launcher.tar"
    r=$((r + 1))
done

fl=$(median <"$work/floor")
printf '%-44s %8s %8s\n' "export of $(($(stat -c %s "$work/launcher.tar") / 1000000)) MB (median of $runs, ms)" "median" "x floor"
for f in $rows; do
    [ -s "$work/$f" ] || continue
    case $f in
        floor) label="floor (tar -c | cat > file)" ;;
        curl) label="engine side (curl time_total)" ;;
        docker) label="docker CLI (docker export -o)" ;;
        docker-stdout) label="docker CLI (docker export > file)" ;;
        launcher) label="launcher CLI (launcher export -o)" ;;
        launcher-stdout) label="launcher CLI (launcher export > file)" ;;
        base) label="base CLI (BASE_DIST launcher export -o)" ;;
    esac
    m=$(median <"$work/$f")
    printf '%-44s %8s %8s   [%s]\n' "$label" "$m" "$(awk "BEGIN {printf \"%.2f\", $m / $fl}")" "$(tr '\n' ' ' <"$work/$f")"
done
printf '%-44s %8s\n' "load average at the end" "$(cut -d' ' -f1-3 /proc/loadavg)"
echo "all outputs identical to the launcher CLI's"

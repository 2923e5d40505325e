# Sourced by images.sh and export.sh (POSIX sh): their shared set-up. Expects $launcher (the CLI
# with --root), $work (a temporary folder) and $dist; sets daemon_pid when the caller starts one.

daemon_pid=

# Removes the containers, stops the daemon, deletes the temporary folder.
cleanup() {
    if [ -n "$daemon_pid" ]; then
        for c in $($launcher ps -a -q 2>/dev/null); do $launcher rm -f "$c" >/dev/null 2>&1 || true; done
        kill "$daemon_pid" 2>/dev/null || true
        wait "$daemon_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# median of the numbers on stdin
median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : int((v[NR/2] + v[NR/2+1]) / 2)}'; }

# time_ms COMMAND...: runs it once, prints its wall time in ms
time_ms() {
    start=$(now_ms)
    "$@" >/dev/null
    echo $(($(now_ms) - start))
}

# make_large_rootfs DIR: the busybox base image's tree plus 1600 files of 64 kB of random bytes
# (~107 MB), in DIR
make_large_rootfs() {
    echo "making a ~100 MB rootfs tar (busybox base + 1600 files of 64 kB of random bytes)" >&2
    "$dist/bin/make-base-image" "$work/base.tar"
    mkdir "$1"
    tar -xf "$work/base.tar" -C "$1"
    i=0
    while [ $i -lt 32 ]; do
        mkdir -p "$1/data/d$i"
        j=0
        while [ $j -lt 50 ]; do
            head -c 65536 /dev/urandom > "$1/data/d$i/f$j"
            j=$((j + 1))
        done
        i=$((i + 1))
    done
}

# start_daemon: the distribution's engine on $root, waited for; sets sock, exports DOCKER_HOST
# (the docker CLI talks to this engine only; the launcher CLI reads LAUNCHER_HOST, not
# DOCKER_HOST) and sets docker_cli=yes where a docker CLI answers on it
start_daemon() {
    "$dist/bin/launcher" daemon --root "$root" >"$work/daemon.log" 2>&1 &
    daemon_pid=$!
    n=0
    until [ -S "$root/launcher.sock" ] && $launcher version >/dev/null 2>&1; do
        n=$((n + 1)); [ $n -lt 300 ] || { echo "daemon did not start" >&2; exit 1; }
        sleep 0.1
    done
    sock=$root/launcher.sock
    DOCKER_HOST=unix://$sock
    export DOCKER_HOST
    docker_cli=
    if command -v docker >/dev/null 2>&1 && docker version >/dev/null 2>&1; then
        docker_cli=yes
    fi
}

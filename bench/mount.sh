#!/usr/bin/env bash
# Rootfs mount time per container (issue 4), side by side in one run: the overlay mount that
# storage-overlay-test hands the isolation backend for a container (lowerdir = the image's
# layers, upperdir and workdir = the container's writable snapshot), for an image of 1 layer
# (the busybox base) and of 50 layers (the base plus 49 one-file layers, the storage kit's longest
# chain); next to it a bind mount of the same tree, the cheapest mount there is. A small C loop
# times mount(2) + umount(2) pairs itself (no process start in the figures): median and minimum
# of RUNS pairs (default 200) after 10 warm-up pairs. Run as root; it works under its own
# temporary folder and removes it at the end.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
dist=$repo/engine/target/dist
runs=${RUNS:-200}
[ -x "$dist/bin/make-base-image" ] || (cd "$repo" && mvn -B -q -DskipTests package)

work=$(mktemp -d /tmp/launcher-mount-bench-XXXXXX)
cleanup() {
    umount "$work/merged" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/layers/0" "$work/upper" "$work/work" "$work/merged"
"$dist/bin/make-base-image" "$work/base.tar" >/dev/null
tar -xf "$work/base.tar" -C "$work/layers/0"
lower50=$work/layers/0
for i in $(seq 1 49); do
    mkdir -p "$work/layers/$i/etc"
    echo "$i" > "$work/layers/$i/etc/layer-$i"
    lower50=$work/layers/$i:$lower50
done

cat > "$work/timer.c" <<'C'
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <time.h>

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* timer RUNS SOURCE TYPE FLAGS DATA TARGET: median and minimum microseconds of mount + umount */
int main(int argc, char **argv)
{
    if (argc != 7)
        return 2;
    int runs = atoi(argv[1]);
    unsigned long flags = strtoul(argv[4], NULL, 0);
    const char *data = argv[5][0] ? argv[5] : NULL;
    double *us = calloc((size_t)runs, sizeof *us);
    for (int i = -10; i < runs; i++) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        if (mount(argv[2], argv[6], argv[3], flags, data) != 0 || umount(argv[6]) != 0) {
            perror("mount");
            return 1;
        }
        clock_gettime(CLOCK_MONOTONIC, &b);
        if (i >= 0)
            us[i] = (b.tv_sec - a.tv_sec) * 1e6 + (b.tv_nsec - a.tv_nsec) / 1e3;
    }
    qsort(us, (size_t)runs, sizeof *us, by_value);
    printf("%.0f %.0f\n", us[runs / 2], us[0]);
    return 0;
}
C
gcc -O2 -o "$work/timer" "$work/timer.c"

echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| mount + umount | median us | min us |"
echo "|---|---:|---:|"
row() {
    local name=$1
    shift
    read -r median minimum < <("$work/timer" "$runs" "$@" "$work/merged")
    echo "| $name | $median | $minimum |"
}
row bind "$work/layers/0" none 4096 ""
row overlay-1 overlay overlay 0 "lowerdir=$work/layers/0,upperdir=$work/upper,workdir=$work/work"
row overlay-50 overlay overlay 0 "lowerdir=$lower50,upperdir=$work/upper,workdir=$work/work"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

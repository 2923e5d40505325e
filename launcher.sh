#!/usr/bin/env bash
# The user's entry point in a source tree (CONTRACT.md's ./launcher). On first use, or when
# sources changed since the last build, it builds Launcher with Maven; when the image `base` is
# not in the store it makes it offline from the host's static busybox; then it runs the built CLI
# with the same arguments. A later call costs a stat of the build stamp, a pruned `find` that
# stops at the first newer source, and a grep of the store's tag file.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
# The Maven module that assembles the distribution.
module=launcher
dist=$repo/$module/target/dist
cli=$dist/bin/launcher
state=$repo/.launcher-build
stamp=$state/stamp

# Sources newer than the last successful build: the first one found is enough.
sources_changed() {
    [ -n "$(find "$repo" \( -name target -o -name .git -o -name .launcher-build \) -prune -o \
        \( -path '*/src/*' -o -name pom.xml \) -type f -newer "$stamp" -print -quit 2>/dev/null)" ]
}

build() {
    mkdir -p "$state"
    exec 9>"$state/lock"
    flock 9
    # Another call may have built while this one waited for the lock.
    if [ -x "$cli" ] && [ -f "$stamp" ] && ! sources_changed; then
        exec 9>&-
        return
    fi
    echo "$1" >&2
    local started=$SECONDS
    touch "$state/started"
    (cd "$repo" && mvn -B -q -Dstyle.color=never -DskipTests package) >&2
    # Stamped with the build's start: sources edited during the build trigger the next one.
    touch -r "$state/started" "$stamp"
    exec 9>&-
    echo "built Launcher in $((SECONDS - started))s" >&2
}

if [ ! -x "$cli" ] || [ ! -f "$stamp" ]; then
    build "building Launcher (first run)..."
elif sources_changed; then
    build "rebuilding Launcher (sources changed)..."
fi

# The global options decide which store and which engine the base image belongs to.
root=${LAUNCHER_ROOT:-}
globals=()
command=
args=("$@")
i=0
while [ $i -lt ${#args[@]} ]; do
    arg=${args[$i]}
    case $arg in
        --root|-H|--host)
            value=${args[$((i + 1))]:-}
            globals+=("$arg" "$value")
            if [ "$arg" = --root ]; then root=$value; fi
            i=$((i + 2))
            continue ;;
        --root=*) root=${arg#--root=}; globals+=("$arg") ;;
        --host=*|-H?*) globals+=("$arg") ;;
        -*) ;;
        *) command=$arg; break ;;
    esac
    i=$((i + 1))
done
root=${root:-/var/lib/launcher}

# Commands that never need an image (and `daemon`, which must not start a second engine first).
needs_base() {
    case $command in
        ''|daemon|version|rmi|help) return 1 ;;
    esac
    local arg
    for arg in "${args[@]}"; do
        if [ "$arg" = --help ]; then return 1; fi
    done
    ! grep -qs '"base:latest"' "$root/images/repositories.json"
}

if needs_base; then
    echo "making the image base from the host's busybox (first run)..." >&2
    tarball=$(mktemp --suffix=.tar)
    trap 'rm -f "$tarball"' EXIT
    if ! { "$dist/bin/make-base-image" "$tarball" \
        && "$cli" ${globals[@]+"${globals[@]}"} import \
            --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
            --change 'CMD ["/bin/sh"]' --message 'base: the host static busybox' "$tarball" base >/dev/null; }; then
        echo "launcher: could not make the image base; going on without it" >&2
    fi
    rm -f "$tarball"
    trap - EXIT
fi

exec "$cli" "$@"

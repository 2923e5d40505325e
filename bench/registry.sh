#!/usr/bin/env bash
# Pull and push of a ~100 MB four-layer image from/to Debian's docker-registry on 127.0.0.1
# (median of 3 runs each). Each pull runs against a fresh state root, each push against a fresh,
# empty registry, so every layer really moves. Needs root (the daemon's overlay storage), the
# docker-registry package, curl and a built distribution (engine/target/dist).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dist=engine/target/dist/bin/launcher
[ -x "$dist" ] || mvn -q -o package -DskipTests
runs=${RUNS:-3}
layer_mb=${LAYER_MB:-25}
work=$(mktemp -d /tmp/launcher-bench-registry.XXXXXX)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_registry DIR: prints host:port; the registry's pid goes into $work/registry.pid
start_registry() {
    local dir=$1 port
    port=$(free_port)
    mkdir -p "$dir/storage"
    cat > "$dir/config.yml" <<YML
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $dir/storage
http:
  addr: 127.0.0.1:$port
YML
    docker-registry serve "$dir/config.yml" > "$dir/log" 2>&1 &
    echo $! > "$dir/pid"
    for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/v2/" >/dev/null && break; sleep 0.05; done
    echo "127.0.0.1:$port"
}

stop_pid() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# upload HOST REPO FILE: uploads a blob monolithically, prints its digest
upload() {
    local host=$1 repo=$2 file=$3 digest location
    digest=sha256:$(sha256sum "$file" | cut -d' ' -f1)
    location=$(curl -sf -X POST -D - -o /dev/null "http://$host/v2/$repo/blobs/uploads/" | tr -d '\r' | awk -F': ' 'tolower($1)=="location"{print $2}')
    case $location in http*) ;; *) location="http://$host$location" ;; esac
    curl -sf -X PUT -H 'Content-Type: application/octet-stream' --data-binary @"$file" "$location&digest=$digest" >/dev/null
    echo "$digest"
}

# Build the image: four layers of incompressible data (25 MB each by default), straight into the source registry.
src_host=$(start_registry "$work/source"); pids+=("$(cat "$work/source/pid")")
layers=() diffs=()
for i in 1 2 3 4; do
    mkdir -p "$work/layer$i/data$i"
    head -c $((layer_mb << 20)) /dev/urandom > "$work/layer$i/data$i/blob"
    tar -C "$work/layer$i" -cf "$work/layer$i.tar" "data$i"
    diffs+=("sha256:$(sha256sum "$work/layer$i.tar" | cut -d' ' -f1)")
    gzip -1 -c "$work/layer$i.tar" > "$work/layer$i.tar.gz"
    layers+=("$(upload "$src_host" bench/big "$work/layer$i.tar.gz") $(stat -c %s "$work/layer$i.tar.gz")")
done
printf '{"architecture":"amd64","os":"linux","config":{"Cmd":["/bin/sh"]},"rootfs":{"type":"layers","diff_ids":["%s","%s","%s","%s"]},"history":[]}' \
    "${diffs[@]}" > "$work/config.json"
config_digest=$(upload "$src_host" bench/big "$work/config.json")
{
    printf '{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",'
    printf '"config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":%s,"digest":"%s"},"layers":[' \
        "$(stat -c %s "$work/config.json")" "$config_digest"
    sep=""
    for l in "${layers[@]}"; do
        set -- $l
        printf '%s{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":%s,"digest":"%s"}' "$sep" "$2" "$1"
        sep=","
    done
    printf ']}'
} > "$work/manifest.json"
curl -sf -X PUT -H 'Content-Type: application/vnd.docker.distribution.manifest.v2+json' \
    --data-binary @"$work/manifest.json" "http://$src_host/v2/bench/big/manifests/1" >/dev/null
total_mb=$(( $(du -cb "$work"/layer?.tar.gz | tail -1 | cut -f1) >> 20 ))
rm -rf "$work"/layer?

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# start_daemon ROOT: a daemon on ROOT with its own socket; pid into ROOT.pid
start_daemon() {
    local root=$1
    mkdir -p "$root"
    "$dist" daemon --root "$root" -H "unix://$root/launcher.sock" > "$root.log" 2>&1 &
    echo $! > "$root.pid"
    # curl, not a launcher client: a client that finds no engine starts one (on the default root).
    for _ in $(seq 200); do curl -sf --unix-socket "$root/launcher.sock" http://engine/_ping >/dev/null 2>&1 && return; sleep 0.05; done
    echo "daemon on $root did not start: $(tail -5 "$root.log")" >&2; exit 1
}

pulls=() pushes=()
for run in $(seq "$runs"); do
    root=$work/root$run
    start_daemon "$root"; pids+=("$(cat "$root.pid")")
    start=$(now)
    "$dist" --root "$root" -H "unix://$root/launcher.sock" pull "$src_host/bench/big:1" > /dev/null
    pulls+=("$(echo "$(now) - $start" | bc)")

    dst_host=$(start_registry "$work/target$run"); pids+=("$(cat "$work/target$run/pid")")
    # push needs the image under the target registry's name: pull's record of it is a tag in the same store.
    "$dist" --root "$root" -H "unix://$root/launcher.sock" pull "$src_host/bench/big:1" > /dev/null
    python3 - "$root/images/repositories.json" "$src_host/bench/big" "$dst_host/bench/big" <<'PY'
import json, sys
path, src, dst = sys.argv[1:]
doc = json.load(open(path))
image = doc["Repositories"][src][src + ":1"]
doc["Repositories"].setdefault(dst, {})[dst + ":1"] = image
json.dump(doc, open(path, "w"))
PY
    stop_pid "$(cat "$root.pid")"; start_daemon "$root"; pids+=("$(cat "$root.pid")")
    start=$(now)
    "$dist" --root "$root" -H "unix://$root/launcher.sock" push "$dst_host/bench/big:1" > /dev/null
    pushes+=("$(echo "$(now) - $start" | bc)")
    stop_pid "$(cat "$root.pid")"
    stop_pid "$(cat "$work/target$run/pid")"
    rm -rf "$root" "$work/target$run"
done

pull_median=$(printf '%s\n' "${pulls[@]}" | median)
push_median=$(printf '%s\n' "${pushes[@]}" | median)
echo "image: 4 layers, ${total_mb} MB compressed (incompressible data)"
echo "pull: runs ${pulls[*]} s; median ${pull_median} s ($(echo "$total_mb / $pull_median" | bc) MB/s)"
echo "push: runs ${pushes[*]} s; median ${push_median} s ($(echo "$total_mb / $push_median" | bc) MB/s)"

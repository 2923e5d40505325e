#!/usr/bin/env bash
# Start-up of the launcher CLI (a JVM client), side by side in one run with the reference a
# short-lived JVM cannot beat:
#   hello     a Java hello world with the CLI's JVM flags (same java, class-data sharing on)
#   version   `launcher version` (one request to the engine: /_ping then /info)
#   run       `launcher run --rm --network none base /bin/true` (ping, create, attach, start,
#             wait, delete)
# The three are interleaved (hello, version, run, hello, ...) so that a change in the machine's
# load hits all of them alike; each row gives the median wall time and the median CPU time
# (user + system, all threads) of RUNS calls (default 20) after two warm-up rounds, then the
# ratio to hello. Run as root from the repository; uses its own state root and socket under
# /tmp and removes them at the end. DIST picks another distribution (default engine/target/dist).
# BASELINE=DIR (another distribution, e.g. a copy of an earlier build: `cp -a engine/target/dist
# /tmp/before`) adds its own version and run rows, interleaved with the others against the same
# engine: an A/B of two builds in one run.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
dist=${DIST:-$repo/engine/target/dist}
runs=${RUNS:-20}
[ -x "$dist/bin/launcher" ] || (cd "$repo" && mvn -B -q -DskipTests package)

work=$(mktemp -d /tmp/launcher-cli-bench-XXXXXX)
root=$work/root
sock=$root/launcher.sock
L="$dist/bin/launcher --root $root -H unix://$sock"
cleanup() {
    $L ps -aq 2>/dev/null | xargs -r $L rm -f >/dev/null 2>&1 || true
    [ -z "${daemon:-}" ] || { kill "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; }
    rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$root" "$work/hello"
cat > "$work/hello/Hello.java" <<'JAVA'
public class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
JAVA
javac -d "$work/hello" "$work/hello/Hello.java"
(cd "$work/hello" && jar cf hello.jar Hello.class)
"$dist/bin/make-base-image" "$work/base.tar"
$L daemon >"$root/engine.log" 2>&1 &
daemon=$!
for _ in $(seq 100); do [ -S "$sock" ] && break; sleep 0.1; done
$L import -c 'CMD ["/bin/sh"]' "$work/base.tar" base >/dev/null
# The first call records the class-data archive; time the calls that use it.
$L version >/dev/null
baseline_calls=()
if [ -n "${BASELINE:-}" ]; then
    B="$BASELINE/bin/launcher --root $root -H unix://$sock"
    $B version >/dev/null
    baseline_calls=("baseline-version=$B version" "baseline-run=$B run --rm --network none base /bin/true")
fi

# hello runs with the JVM flags of a client call in bin/launcher (keep the two alike), on the
# JDK's own class-data archive.
hello_flags="-Xshare:auto -XX:+UseG1GC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -XX:+UnlockDiagnosticVMOptions
    -XX:ArchiveRelocationMode=0 -XX:-UseAESIntrinsics -XX:-UseAESCTRIntrinsics -XX:-UseGHASHIntrinsics
    -XX:-UseMD5Intrinsics -XX:-UseSHA1Intrinsics -XX:-UseSHA256Intrinsics -XX:-UseSHA512Intrinsics
    -XX:-UseBASE64Intrinsics -XX:-UseAdler32Intrinsics -XX:-UseCRC32Intrinsics -XX:-UseCRC32CIntrinsics
    -XX:-UseMultiplyToLenIntrinsic -XX:-UseSquareToLenIntrinsic -XX:-UseMulAddIntrinsic
    -XX:-UseMontgomeryMultiplyIntrinsic -XX:-UseMontgomerySquareIntrinsic -XX:-UseLibmIntrinsic
    -XX:-UseVectorizedMismatchIntrinsic"
hello_flags=$(echo $hello_flags)
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$runs" "$work/calls.out" \
    "hello=java $hello_flags -cp $work/hello/hello.jar Hello" \
    "version=$L version" \
    "run=$L run --rm --network none base /bin/true" "${baseline_calls[@]}" <<'PY'
import os, statistics, sys, time
runs, out = int(sys.argv[1]), sys.argv[2]
calls = [arg.split('=', 1) for arg in sys.argv[3:]]
wall = {label: [] for label, _ in calls}
cpu = {label: [] for label, _ in calls}
sink = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
for round_ in range(runs + 2):
    for label, command in calls:
        start = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            os.dup2(sink, 1)
            os.dup2(sink, 2)
            os.execvp('/bin/sh', ['/bin/sh', '-c', command])
        _, status, usage = os.wait4(pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit('%s failed (see %s)' % (label, out))
        if round_ >= 2:
            wall[label].append(elapsed * 1000)
            cpu[label].append((usage.ru_utime + usage.ru_stime) * 1000)
base = statistics.median(wall['hello'])
print('load average at the end: %s' % ' '.join(open('/proc/loadavg').read().split()[:3]))
print('| call | wall median | wall min | cpu median | x hello (wall) |')
print('|---|---:|---:|---:|---:|')
for label, _ in calls:
    median = statistics.median(wall[label])
    print('| %s | %.1f | %.1f | %.1f | %.2f |' % (label, median, min(wall[label]),
                                               statistics.median(cpu[label]), median / base))
PY

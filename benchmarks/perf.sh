#!/usr/bin/env bash
# Where one benchmark case's server time goes: runs the case under `perf record -g` (kernel and JIT frames; the JVM
# writes its perf map at exit and keeps frame pointers), then prints the top symbols of the server I/O threads, self
# time, and the top Java frames (wsk4j's own, the JDK's, the benchmark's) among them.
#   benchmarks/perf.sh pingpong wsk4j-raw            (after benchmarks/run.sh built the jar; needs perf and root or
#                                                      perf_event_paranoid <= 1)
#   JAR=/tmp/base/benchmarks/target/benchmarks.jar benchmarks/perf.sh pingpong wsk4j-raw     (another build's jar)
set -euo pipefail
workload=${1:?workload: churn-graceful, churn-abortive or pingpong}
impl=${2:?implementation: nio, wsk4j-raw, wsk4j-glue or netty}
threads=${3:-1}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar=${JAR:-$here/target/benchmarks.jar}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

perf record -q -g -F 499 -o "$out/perf.data" -- java -Xms1g -Xmx1g -XX:+AlwaysPreTouch \
    -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit -XX:+PreserveFramePointer \
    -Dio.netty.leakDetection.level=disabled -cp "$jar" io.wsk4j.benchmarks.CaseMain --workload="$workload" \
    --impl="$impl" --threads="$threads" --warmup=3 --measure=6 > "$out/case.log" 2> "$out/case.err"
grep -oE 'pass: [0-9]+[^	]*' "$out/case.log" | head -1 || { cat "$out/case.log" "$out/case.err"; exit 1; }
set +o pipefail # head closes the reports' pipes early
comms=$(perf report -i "$out/perf.data" --no-children --sort comm --stdio 2>/dev/null \
    | awk '$NF ~ /^(wsk4j-io|nio-echo|multiThreadIoEv|nioEventLoop)/ {print $NF}' | sort -u | paste -sd, -)
echo "$workload $impl ${threads}t ($jar), server threads: $comms"
echo "top symbols, self time, share of the server threads' samples:"
perf report -i "$out/perf.data" --comms "$comms" --percentage relative --no-children -g none --sort dso,symbol --stdio 2>/dev/null \
    | grep -E "^ +[0-9]" | sed "s/ *-* *-* *$//" | cut -c1-200 | head -25
echo "top Java frames (JIT-compiled or interpreted code), self time:"
perf report -i "$out/perf.data" --comms "$comms" --percentage relative --no-children -g none --sort symbol --stdio 2>/dev/null \
    | grep -E "^ +[0-9]" | grep -E "(io|java|jdk|sun)[./]" | sed "s/ *-* *-* *$//" | cut -c1-200 | head -20

#!/usr/bin/env bash
# System calls per op of one benchmark case, server threads only: runs the case under `strace -ff` (one file per
# thread), maps thread ids to thread names while it runs, and counts each server I/O thread's calls.
#   benchmarks/syscalls.sh churn-graceful wsk4j-raw        (after benchmarks/run.sh built the jar)
#   JAR=/tmp/base/benchmarks/target/benchmarks.jar benchmarks/syscalls.sh pingpong wsk4j-raw   (another build's jar)
# strace slows the JVM down a lot: the figures are counts, never times.
set -euo pipefail
workload=${1:?workload: churn-graceful, churn-abortive or pingpong}
impl=${2:?implementation: nio, wsk4j-raw, wsk4j-glue or netty}
threads=${3:-1}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar=${JAR:-$here/target/benchmarks.jar}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

strace -ff -qq -o "$out/trace" java -Xms1g -Xmx1g -Dio.netty.leakDetection.level=disabled \
    -cp "$jar" io.wsk4j.benchmarks.CaseMain --workload="$workload" --impl="$impl" \
    --threads="$threads" --warmup=1 --measure=4 > "$out/case.log" 2>&1 &
tracer=$!
for _ in $(seq 1 100); do # find the JVM (bounded: 10 s)
    jvm=$(pgrep -P "$tracer" java || true)
    [[ -n "$jvm" ]] && break
    sleep 0.1
done
: > "$out/names"
while kill -0 "$tracer" 2>/dev/null; do # thread names, while the threads live (bounded by the case's own limits)
    for task in /proc/"$jvm"/task/*; do
        echo "${task##*/} $(cat "$task/comm" 2>/dev/null)" >> "$out/names"
    done 2>/dev/null || true
    sleep 0.5
done
wait "$tracer" || true
ops=$(grep -oE 'pass: [0-9]+' "$out/case.log" | grep -oE '[0-9]+' | head -1)
[[ -n "$ops" ]] || { cat "$out/case.log"; exit 1; }
server=$(sort -u "$out/names" | awk '$2 ~ /^(wsk4j-io|nio-echo|multiThreadIoEv|nioEventLoop)/ {print $1}' | sort -u)
echo "$workload $impl ${threads}t ($jar): $ops ops; server threads: $(sort -u "$out/names" | awk '$2 ~ /^(wsk4j-io|nio-echo|multiThreadIoEv|nioEventLoop)/ {print $2}' | sort -u | tr '\n' ' ')"
for tid in $server; do cat "$out/trace.$tid"; done \
    | grep -oE '^[a-z_0-9]+\(' | tr -d '(' | sort | uniq -c | sort -rn \
    | awk -v ops="$ops" '{printf "  %-16s %8.2f per op\n", $2, $1 / ops; total += $1} END {printf "  %-16s %8.2f per op\n", "total", total / ops}'

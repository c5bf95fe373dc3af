#!/usr/bin/env bash
# Builds the benchmarks module (-Pbenchmarks) and runs every case, each in a fresh JVM; prints the Markdown table
# and writes it with a CSV to benchmarks/results/. Flags go to the runner (see benchmarks/README.md), e.g.
#   benchmarks/run.sh --warmup=1 --measure=2 --workloads=pingpong --impls=nio,netty
# Environment: WARMUP, MEASURE (seconds; flags win), SKIP_BUILD=1 (use the jar as built), MVN_ARGS (e.g. -o).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    # shellcheck disable=SC2086 # MVN_ARGS is a list of flags
    (cd "$root" && ./mvnw -q ${MVN_ARGS:-} -Pbenchmarks -DskipTests package -pl benchmarks -am)
fi

label="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo "unknown commit")"
if [[ -n "$(git -C "$root" status --porcelain 2>/dev/null)" ]]; then
    label="$label with uncommitted changes"
fi

args=("--results=$here/results" "--label=$label")
[[ -n "${WARMUP:-}" ]] && args+=("--warmup=$WARMUP")
[[ -n "${MEASURE:-}" ]] && args+=("--measure=$MEASURE")

# The runner itself only waits for its children: a small heap and a quick JIT keep it out of their way.
exec java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$here/target/benchmarks.jar" \
    io.wsk4j.benchmarks.Runner "${args[@]}" "$@"

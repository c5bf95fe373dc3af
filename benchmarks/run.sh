#!/usr/bin/env bash
# Builds the benchmarks module (-Pbenchmarks) and runs every case, each in a fresh JVM; prints the Markdown table
# and writes it with a CSV to benchmarks/results/. Flags go to the runner (see benchmarks/README.md), e.g.
#   benchmarks/run.sh --warmup=1 --measure=2 --workloads=pingpong --impls=nio,netty
# Environment: WARMUP, MEASURE (seconds; flags win), SKIP_BUILD=1 (use the jar as built), MVN_ARGS (e.g. -o),
# BASELINE_JAR (another build's benchmarks.jar: adds wsk4j-raw@base and wsk4j-glue@base, each case JVM on that jar;
# its commit is read from the git checkout it sits in, or given as BASELINE_LABEL).
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
if [[ -n "${BASELINE_JAR:-}" ]]; then
    base_dir="$(cd "$(dirname "$BASELINE_JAR")" && pwd)"
    base_label="${BASELINE_LABEL:-$(git -C "$base_dir" rev-parse --short HEAD 2>/dev/null || echo "")}"
    if [[ -z "${BASELINE_LABEL:-}" && -n "$base_label" && -n "$(git -C "$base_dir" status --porcelain 2>/dev/null)" ]]; then
        base_label="$base_label with uncommitted changes"
    fi
    args+=("--baseline-jar=$base_dir/$(basename "$BASELINE_JAR")" "--baseline-label=$base_label")
fi

# The runner itself only waits for its children: a small heap and a quick JIT keep it out of their way.
exec java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$here/target/benchmarks.jar" \
    io.wsk4j.benchmarks.Runner "${args[@]}" "$@"

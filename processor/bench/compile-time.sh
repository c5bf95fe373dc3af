#!/usr/bin/env bash
# Processor overhead per class, wsk4j beside AutoValue, measured as the codegen projects measure it:
#   overhead = (javac with the processor) - (javac -proc:none over the same sources plus the generated ones)
# so that compiling the generated code, which any hand-written equivalent would cost too, is not counted.
#
# Usage (after a build, e.g. ./mvnw -B -pl annotations,processor -am verify):
#   processor/bench/compile-time.sh [classes] [runs]      # defaults: 1000 classes, median of 5 runs
#
# wsk4j: N classes with four handlers each (connect, send, disconnect, close) and a context record of their own.
# AutoValue 1.11 (a processor path of this script only, never a dependency of the project): N value classes of three
# properties. Every javac runs in a fresh JVM; the figure is the median of the runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-1000}
runs=${2:-5}
version=0.1.0-SNAPSHOT
auto_value_version=1.11.0
repo=${MAVEN_REPO:-$HOME/.m2/repository}
runtime=runtime/target/classes
annotations=annotations/target/wsk4j-annotations-$version.jar
processor=${PROCESSOR_JAR:-processor/target/wsk4j-processor-$version.jar} # PROCESSOR_JAR: a variant to compare
javapoet=$repo/com/palantir/javapoet/javapoet/0.22.0/javapoet-0.22.0.jar
for jar in "$annotations" "$processor" "$javapoet"; do
    [ -f "$jar" ] || { echo "missing $jar: build first (./mvnw -B -pl annotations,processor -am verify)" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

auto_value=$work/lib/auto-value-$auto_value_version.jar
auto_value_annotations=$work/lib/auto-value-annotations-$auto_value_version.jar
for artifact in auto-value auto-value-annotations; do
    ./mvnw -q -B org.apache.maven.plugins:maven-dependency-plugin:3.9.0:copy \
        -Dartifact=com.google.auto.value:$artifact:$auto_value_version -DoutputDirectory="$work/lib" >/dev/null
done

generate_wsk4j() { # dir
    mkdir -p "$1/bench"
    for ((i = 0; i < count; i++)); do
        cat > "$1/bench/Handlers$i.java" <<JAVA
package bench;

import io.wsk4j.NtStatus;
import io.wsk4j.WskSocket;
import io.wsk4j.annotations.OnCloseComplete;
import io.wsk4j.annotations.OnConnectComplete;
import io.wsk4j.annotations.OnDisconnectComplete;
import io.wsk4j.annotations.OnSendComplete;

public final class Handlers$i {
    public record Session(int id) {}

    int events;

    @OnConnectComplete
    void connected(NtStatus status, WskSocket socket, Session session) { events++; }

    @OnSendComplete
    void sent(NtStatus status, long bytes, Session session) { events++; }

    @OnDisconnectComplete
    void disconnected(NtStatus status, Session session) { events++; }

    @OnCloseComplete
    void closed(NtStatus status, Session session) { events++; }
}
JAVA
    done
}

generate_auto_value() { # dir
    mkdir -p "$1/bench"
    for ((i = 0; i < count; i++)); do
        cat > "$1/bench/Value$i.java" <<JAVA
package bench;

import com.google.auto.value.AutoValue;

@AutoValue
public abstract class Value$i {
    public abstract String name();

    public abstract int port();

    public abstract long bytes();

    public static Value$i of(String name, int port, long bytes) {
        return new AutoValue_Value$i(name, port, bytes);
    }
}
JAVA
    done
}

# Milliseconds of one javac run; generated sources go to $work/gen.
javac_ms() {
    rm -rf "$work/out" "$work/gen" && mkdir -p "$work/out" "$work/gen"
    local start end
    start=$(date +%s%N)
    javac --release 17 -d "$work/out" -s "$work/gen" "$@" >/dev/null
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}

median() { # numbers...
    printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'
}

# Prints "with none overhead" in ms for one processor: label, class path, processor path, source dir.
measure() {
    local label=$1 classpath=$2 processorpath=$3 src=$4
    local sources
    sources=$(find "$src" -name '*.java' | sort)
    # shellcheck disable=SC2086
    javac_ms -cp "$classpath" -processorpath "$processorpath" $sources >/dev/null
    rm -rf "$work/plain" && cp -r "$work/gen" "$work/plain"
    local generated
    generated=$(find "$work/plain" -name '*.java' | sort)
    local with=() none=()
    for ((run = 0; run < runs; run++)); do
        # shellcheck disable=SC2086
        with+=("$(javac_ms -cp "$classpath" -processorpath "$processorpath" $sources)")
        # shellcheck disable=SC2086
        none+=("$(javac_ms -cp "$classpath" -proc:none $sources $generated)")
    done
    local w n
    w=$(median "${with[@]}")
    n=$(median "${none[@]}")
    printf '%-10s %6d ms with, %6d ms -proc:none (+%d generated files), overhead %6d ms = %5.2f ms/class\n' \
        "$label" "$w" "$n" "$(echo "$generated" | wc -l)" $((w - n)) "$(echo "($w - $n) / $count" | bc -l)"
    echo $((w - n)) > "$work/$label.overhead"
}

generate_wsk4j "$work/wsk4j"
generate_auto_value "$work/autovalue"
echo "N = $count classes, median of $runs runs, $(javac -version 2>&1)"
measure wsk4j "$runtime:$annotations" "$processor:$annotations:$javapoet" "$work/wsk4j"
measure autovalue "$auto_value_annotations" "$auto_value" "$work/autovalue"
printf 'wsk4j / AutoValue overhead per class: %.2f\n' \
    "$(echo "$(cat "$work/wsk4j.overhead") / $(cat "$work/autovalue.overhead")" | bc -l)"

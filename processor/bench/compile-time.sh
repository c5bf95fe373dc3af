#!/usr/bin/env bash
# Compile time of N synthetic handler classes, with the wsk4j processor and with -proc:none.
# Usage (after a build, e.g. ./mvnw -B -pl annotations,processor -am verify):
#   processor/bench/compile-time.sh 100 1000
# Each class has four handlers (connect, send, disconnect, close) and its own context record; javac runs once per
# configuration, best of three, in a fresh JVM each time. 'processor' also compiles the generated classes;
# '-proc:only' is the processor's own share (parse, validate, write; no class files).
set -euo pipefail
cd "$(dirname "$0")/../.."
version=0.1.0-SNAPSHOT
repo=${MAVEN_REPO:-$HOME/.m2/repository}
runtime=runtime/target/classes
annotations=annotations/target/wsk4j-annotations-$version.jar
processor=processor/target/wsk4j-processor-$version.jar
javapoet=$repo/com/palantir/javapoet/javapoet/0.22.0/javapoet-0.22.0.jar
for jar in "$annotations" "$processor" "$javapoet"; do
    [ -f "$jar" ] || { echo "missing $jar: build first (./mvnw -B -pl annotations,processor -am verify)" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

generate() { # count dir
    mkdir -p "$2/bench"
    for ((i = 0; i < $1; i++)); do
        cat > "$2/bench/Handlers$i.java" <<JAVA
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

best_of_three() { # label, javac args...
    local label=$1 best=
    shift
    for run in 1 2 3; do
        rm -rf "$work/out" "$work/gen" && mkdir -p "$work/out" "$work/gen"
        local start end
        start=$(date +%s%N)
        javac --release 17 -d "$work/out" -s "$work/gen" "$@" >/dev/null
        end=$(date +%s%N)
        local ms=$(((end - start) / 1000000))
        if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
    done
    printf '%s %d ms' "$label" "$best"
}

for count in "${@:-100 1000}"; do
    src="$work/src$count"
    generate "$count" "$src"
    files=$(find "$src" -name '*.java' | sort)
    cp="$runtime:$annotations"
    # shellcheck disable=SC2086
    without=$(best_of_three "-proc:none:" -cp "$cp" -proc:none $files)
    # shellcheck disable=SC2086
    with=$(best_of_three "processor:" -cp "$cp" -processorpath "$processor:$annotations:$javapoet" $files)
    # shellcheck disable=SC2086
    only=$(best_of_three "-proc:only:" -cp "$cp" -proc:only -processorpath "$processor:$annotations:$javapoet" $files)
    generated=$(find "$work/gen" -name '*Dispatch.java' | wc -l)
    echo "$count classes: $without, $with, $only ($generated dispatch classes generated and compiled)"
done

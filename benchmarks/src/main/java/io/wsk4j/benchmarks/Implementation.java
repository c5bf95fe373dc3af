package io.wsk4j.benchmarks;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The echo servers under test; every one has the same semantics (see {@link EchoServer}). */
enum Implementation {
    NIO("nio"),
    WSK4J_RAW("wsk4j-raw"),
    WSK4J_GLUE("wsk4j-glue"),
    NETTY("netty"),
    /** wsk4j-raw with the verifier on (SPEC V): what it costs; only when asked for with --impls. */
    WSK4J_RAW_VERIFIER("wsk4j-raw-verifier", false),
    /** wsk4j-raw accepting with WskAccept IRPs instead of the accept event (SPEC K5); only with --impls. */
    WSK4J_ACCEPT_IRP("wsk4j-accept-irp", false);

    final String label;
    /** Whether a run without --impls includes it. */
    final boolean byDefault;

    Implementation(String label) {
        this(label, true);
    }

    Implementation(String label, boolean byDefault) {
        this.label = label;
        this.byDefault = byDefault;
    }

    /** Starts this server on {@code ports} ephemeral loopback ports with {@code threads} I/O threads. */
    EchoServer start(int threads, int ports, ServerTally tally) throws Exception {
        return switch (this) {
            case NIO -> new NioEchoServer(threads, ports, tally);
            case WSK4J_RAW -> new WskRawEchoServer(threads, ports, tally, false, false);
            case WSK4J_RAW_VERIFIER -> new WskRawEchoServer(threads, ports, tally, true, false);
            case WSK4J_ACCEPT_IRP -> new WskRawEchoServer(threads, ports, tally, false, true);
            case WSK4J_GLUE -> new WskGlueEchoServer(threads, ports, tally);
            case NETTY -> new NettyEchoServer(threads, ports, tally);
        };
    }

    static Implementation of(String label) {
        for (Implementation implementation : values()) {
            if (implementation.label.equals(label)) {
                return implementation;
            }
        }
        throw new IllegalArgumentException("unknown implementation " + label + "; use one of " + labels());
    }

    static String labels() {
        return Arrays.stream(values()).map(i -> i.label).collect(Collectors.joining(", "));
    }
}

package io.wsk4j.transport.sim;

import io.wsk4j.WskOption;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The socket options of a simulated endpoint (SPEC K3, S1): kept, so that they read back as set, with Linux's
 * defaults before. They change nothing on the simulated wire: a connection's buffer sizes come from the seed
 * (SPEC S3), and the simulation has no idle timer for keep-alive to act on. The map is made at the first set, so
 * an endpoint whose options nobody touches costs one null field.
 */
final class SimOptions {
    /** What a simulated connection carries: every option a NIO {@code SocketChannel} has on Linux. */
    static final Set<WskOption<?>> STREAM = Set.of(WskOption.SO_KEEPALIVE, WskOption.TCP_KEEPIDLE,
            WskOption.TCP_KEEPINTVL, WskOption.TCP_KEEPCNT, WskOption.SO_RCVBUF, WskOption.SO_SNDBUF,
            WskOption.SO_REUSEADDR);
    /** What a simulated listening port carries: what a NIO {@code ServerSocketChannel} has. */
    static final Set<WskOption<?>> LISTEN = Set.of(WskOption.SO_RCVBUF, WskOption.SO_REUSEADDR);

    private final Set<WskOption<?>> supported;
    private final int bufferSize;
    private final boolean reuseAddress;
    private Map<WskOption<?>, Object> values;

    /**
     * @param bufferSize what SO_RCVBUF and SO_SNDBUF read before a set
     * @param reuseAddress what SO_REUSEADDR reads before a set (the JDK sets it on every listening channel on Linux)
     */
    SimOptions(Set<WskOption<?>> supported, int bufferSize, boolean reuseAddress) {
        this.supported = supported;
        this.bufferSize = bufferSize;
        this.reuseAddress = reuseAddress;
    }

    boolean supports(WskOption<?> option) {
        return supported.contains(option);
    }

    <T> void set(WskOption<T> option, T value, boolean open) throws IOException {
        check(option, open);
        if (values == null) {
            values = new IdentityHashMap<>();
        }
        values.put(option, value);
    }

    <T> T get(WskOption<T> option, boolean open) throws IOException {
        check(option, open);
        Object value = values == null ? null : values.get(option);
        return option.valueType().cast(value != null ? value : defaultOf(option));
    }

    private void check(WskOption<?> option, boolean open) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        if (!supports(option)) {
            throw new UnsupportedOperationException("A simulated endpoint has no " + option);
        }
    }

    /** Linux's defaults (net.ipv4.tcp_keepalive_time, _intvl, _probes). */
    private Object defaultOf(WskOption<?> option) {
        if (option == WskOption.SO_KEEPALIVE) {
            return false;
        }
        if (option == WskOption.TCP_KEEPIDLE) {
            return Duration.ofSeconds(7200);
        }
        if (option == WskOption.TCP_KEEPINTVL) {
            return Duration.ofSeconds(75);
        }
        if (option == WskOption.TCP_KEEPCNT) {
            return 9;
        }
        if (option == WskOption.SO_REUSEADDR) {
            return reuseAddress;
        }
        return bufferSize; // SO_RCVBUF, SO_SNDBUF
    }
}

package io.wsk4j.engine;

import io.wsk4j.NtStatus;
import io.wsk4j.WskOption;
import io.wsk4j.transport.OptionEndpoint;
import java.io.IOException;
import java.time.Duration;

/**
 * The rules of socket options (SPEC K3, K4) for every socket kind, in one table: which kinds have each option, which
 * must precede bind, which values are valid; and the one way a set or get reaches the transport.
 *
 * <p>A call goes through two checks. {@link #refusesSet}/{@link #refusesGet} run in the dispatch call, on any thread:
 * they need neither the socket's state nor its transport (an option of another kind, a null or out-of-range value, a
 * value the JDK cannot honour on any platform). {@link #set}/{@link #get} run on the socket's loop, inside its step,
 * and check what depends on the socket (bound or not, what its endpoint supports) before touching the endpoint.
 *
 * <p>A socket kind plugs in by answering {@link EngineSocket#optionKind()} with its bit, and by handling
 * {@link Operation#SET_OPTION} and {@link Operation#GET_OPTION} in its {@code run}: the options that only it knows
 * (SO_LINGER of a connection, SIO_WSK_SET_REMOTE_ADDRESS of a datagram socket, LISTEN_BACKLOG of a listening socket)
 * first, then {@link #set}/{@link #get}
 * with its endpoint and whether it is bound.
 */
final class SocketOptions {
    /** Kinds, as bits: what {@link EngineSocket#optionKind()} answers. */
    static final int CONNECTION = 1;
    static final int LISTEN = 2;
    static final int DATAGRAM = 4;

    private static final int EVERY_KIND = CONNECTION | LISTEN | DATAGRAM;
    /** TCP_KEEPIDLE and TCP_KEEPINTVL: whole seconds, 1 to 32,767 (Windows' and Linux's common range). */
    private static final long MAX_KEEPALIVE_SECONDS = 32_767;
    private static final int MAX_KEEPALIVE_PROBES = 127;
    /** LISTEN_BACKLOG: what Linux's listen() takes without truncating it to 16 bits (somaxconn caps it anyway). */
    private static final int MAX_LISTEN_BACKLOG = 65_535;

    private SocketOptions() {}

    /** {@return the kinds (bits) that have {@code option}; 0 for none} */
    static int kindsOf(WskOption<?> option) {
        if (option == WskOption.SO_KEEPALIVE || option == WskOption.TCP_KEEPIDLE || option == WskOption.TCP_KEEPINTVL
                || option == WskOption.TCP_KEEPCNT || option == WskOption.SO_LINGER) {
            return CONNECTION;
        }
        if (option == WskOption.SO_RCVBUF || option == WskOption.SO_REUSEADDR
                || option == WskOption.SO_EXCLUSIVEADDRUSE) {
            return EVERY_KIND;
        }
        if (option == WskOption.SO_SNDBUF) {
            return CONNECTION | DATAGRAM; // a JDK listening channel has no send buffer to set
        }
        if (option == WskOption.IPV6_V6ONLY) {
            return LISTEN | DATAGRAM;
        }
        if (option == WskOption.SIO_WSK_SET_REMOTE_ADDRESS) {
            return DATAGRAM;
        }
        if (option == WskOption.LISTEN_BACKLOG) {
            return LISTEN;
        }
        return 0;
    }

    /** {@return whether {@code option} must be set before bind (SPEC K4)} */
    static boolean beforeBindOnly(WskOption<?> option) {
        return option == WskOption.SO_REUSEADDR || option == WskOption.SO_EXCLUSIVEADDRUSE
                || option == WskOption.IPV6_V6ONLY || option == WskOption.LISTEN_BACKLOG;
    }

    /**
     * What a set can be refused for without the socket's state: any thread, in the dispatch call.
     *
     * @return the status to complete with, or null if the set goes on to the socket's loop
     */
    static NtStatus refusesSet(WskOption<?> option, Object value, int kind) {
        NtStatus refusal = refusesGet(option, kind);
        if (refusal != null) {
            return refusal;
        }
        if (value == null || !option.valueType().isInstance(value)) {
            return NtStatus.INVALID_PARAMETER;
        }
        if (option == WskOption.TCP_KEEPIDLE || option == WskOption.TCP_KEEPINTVL) {
            Duration time = (Duration) value;
            boolean wholeSeconds = time.getNano() == 0;
            return wholeSeconds && time.getSeconds() >= 1 && time.getSeconds() <= MAX_KEEPALIVE_SECONDS
                    ? null : NtStatus.INVALID_PARAMETER;
        }
        if (option == WskOption.TCP_KEEPCNT) {
            int probes = (Integer) value;
            return probes >= 1 && probes <= MAX_KEEPALIVE_PROBES ? null : NtStatus.INVALID_PARAMETER;
        }
        if (option == WskOption.SO_RCVBUF || option == WskOption.SO_SNDBUF) {
            return (Integer) value > 0 ? null : NtStatus.INVALID_PARAMETER;
        }
        if (option == WskOption.LISTEN_BACKLOG) {
            int backlog = (Integer) value;
            return backlog >= 1 && backlog <= MAX_LISTEN_BACKLOG ? null : NtStatus.INVALID_PARAMETER;
        }
        if (option == WskOption.IPV6_V6ONLY) {
            // the JDK opens every IPv6 channel dual-stack and has no way to change it: true cannot be honoured
            return (Boolean) value ? NtStatus.NOT_SUPPORTED : null;
        }
        if (option == WskOption.SO_LINGER) {
            Duration linger = (Duration) value;
            if (linger.isNegative()) {
                return NtStatus.INVALID_PARAMETER;
            }
            // a non-blocking channel cannot wait in close(): only "reset at close" can be honoured
            return linger.isZero() ? null : NtStatus.NOT_SUPPORTED;
        }
        return null;
    }

    /** {@return the status a get is refused with without the socket's state, or null} Any thread. */
    static NtStatus refusesGet(WskOption<?> option, int kind) {
        if (option == null) {
            return NtStatus.INVALID_PARAMETER;
        }
        return (kindsOf(option) & kind) == 0 ? NtStatus.NOT_SUPPORTED : null;
    }

    /**
     * Sets {@code op}'s option on {@code endpoint} and completes {@code op}; loop thread, inside the socket's step.
     * SO_EXCLUSIVEADDRUSE is the absence of SO_REUSEADDR on Linux and macOS, so true clears SO_REUSEADDR and false
     * changes nothing; IPV6_V6ONLY false is what every JDK channel is already.
     *
     * @param bound whether the socket is bound (by bind, connect or accept): a bind-time option is then refused
     */
    static void set(IrpCore op, OptionEndpoint endpoint, boolean bound, EngineProvider provider) {
        WskOption<?> option = op.option;
        if (beforeBindOnly(option) && bound) {
            op.complete(NtStatus.INVALID_DEVICE_STATE, 0);
            return;
        }
        if (option == WskOption.IPV6_V6ONLY) {
            op.complete(NtStatus.SUCCESS, 0); // false, the only value that gets here
            return;
        }
        try {
            if (option == WskOption.SO_EXCLUSIVEADDRUSE) {
                if (!endpoint.supportsOption(WskOption.SO_REUSEADDR)) {
                    op.complete(NtStatus.NOT_SUPPORTED, 0);
                    return;
                }
                if ((Boolean) op.optionArgument) {
                    endpoint.setOption(WskOption.SO_REUSEADDR, false);
                }
                op.complete(NtStatus.SUCCESS, 0);
                return;
            }
            if (!endpoint.supportsOption(option)) {
                op.complete(NtStatus.NOT_SUPPORTED, 0);
                return;
            }
            setOn(endpoint, option, op.optionArgument);
            op.complete(NtStatus.SUCCESS, 0);
        } catch (IOException | RuntimeException e) {
            op.complete(statusOf(e, provider), 0);
        }
    }

    /** Gets {@code op}'s option from {@code endpoint} into the IRP and completes it; loop thread, inside a step. */
    static void get(IrpCore op, OptionEndpoint endpoint, EngineProvider provider) {
        WskOption<?> option = op.option;
        try {
            if (option == WskOption.IPV6_V6ONLY) {
                op.setResultOption(WskOption.IPV6_V6ONLY, false); // the JDK opens dual-stack (SPEC K4)
            } else if (option == WskOption.SO_EXCLUSIVEADDRUSE) {
                if (!endpoint.supportsOption(WskOption.SO_REUSEADDR)) {
                    op.complete(NtStatus.NOT_SUPPORTED, 0);
                    return;
                }
                op.setResultOption(WskOption.SO_EXCLUSIVEADDRUSE, !endpoint.getOption(WskOption.SO_REUSEADDR));
            } else if (!endpoint.supportsOption(option)) {
                op.complete(NtStatus.NOT_SUPPORTED, 0);
                return;
            } else {
                getFrom(op, endpoint, option);
            }
            op.complete(NtStatus.SUCCESS, 0);
        } catch (IOException | RuntimeException e) {
            op.complete(statusOf(e, provider), 0);
        }
    }

    /** The value was checked against the option's type by {@link #refusesSet}. */
    @SuppressWarnings("unchecked")
    private static <T> void setOn(OptionEndpoint endpoint, WskOption<T> option, Object value) throws IOException {
        endpoint.setOption(option, (T) value);
    }

    private static <T> void getFrom(IrpCore op, OptionEndpoint endpoint, WskOption<T> option) throws IOException {
        op.setResultOption(option, endpoint.getOption(option));
    }

    /**
     * A transport that refuses a checked value: the JDK's own range (IllegalArgumentException), an option it lacks
     * after all (UnsupportedOperationException), a closed endpoint (the connection ended under the call).
     */
    private static NtStatus statusOf(Throwable e, EngineProvider provider) {
        if (e instanceof IllegalArgumentException) {
            return NtStatus.INVALID_PARAMETER;
        }
        if (e instanceof UnsupportedOperationException) {
            return NtStatus.NOT_SUPPORTED;
        }
        if (e instanceof IOException) {
            return NtStatus.INVALID_DEVICE_STATE;
        }
        provider.errors.report("A socket option failed unexpectedly; the IRP completes as UNSUCCESSFUL", e);
        return NtStatus.UNSUCCESSFUL;
    }
}

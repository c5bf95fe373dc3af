package io.wsk4j;

import java.net.SocketAddress;
import java.time.Duration;

/**
 * A socket option or ioctl that {@code controlSocket} sets or gets, typed by its value (SPEC K3, K4). The value of a
 * get is {@link Irp#optionValue(WskOption) irp.optionValue(option)}.
 *
 * <p>Each constant says on which socket kinds it is valid and when. An option the kind does not have, or that the JDK
 * cannot give on this platform, completes NOT_SUPPORTED; a null or out-of-range value INVALID_PARAMETER; an option
 * that must precede bind, set after it, INVALID_DEVICE_STATE.
 *
 * @param <T> the option's value type
 */
public final class WskOption<T> {
    /** SO_KEEPALIVE: TCP keep-alive probes on an idle connection. Connection sockets; any time. */
    public static final WskOption<Boolean> SO_KEEPALIVE = new WskOption<>("SO_KEEPALIVE", Boolean.class);
    /**
     * TCP_KEEPIDLE: idle time before the first keep-alive probe, whole seconds from 1 to 32,767. Connection sockets,
     * where {@code jdk.net.ExtendedSocketOptions} has it (else NOT_SUPPORTED); any time.
     */
    public static final WskOption<Duration> TCP_KEEPIDLE = new WskOption<>("TCP_KEEPIDLE", Duration.class);
    /**
     * TCP_KEEPINTVL: time between keep-alive probes, whole seconds from 1 to 32,767. Connection sockets, where
     * {@code jdk.net.ExtendedSocketOptions} has it (else NOT_SUPPORTED); any time.
     */
    public static final WskOption<Duration> TCP_KEEPINTVL = new WskOption<>("TCP_KEEPINTVL", Duration.class);
    /**
     * TCP_KEEPCNT: unanswered probes before the connection is dropped, 1 to 127. Connection sockets, where
     * {@code jdk.net.ExtendedSocketOptions} has it (else NOT_SUPPORTED); any time.
     */
    public static final WskOption<Integer> TCP_KEEPCNT = new WskOption<>("TCP_KEEPCNT", Integer.class);
    /**
     * SO_RCVBUF: the receive buffer's size in bytes, positive. Every kind; any time. Set on a listening socket, it is
     * the size its accepted connections start with. A get returns what the platform reports, which Linux doubles.
     */
    public static final WskOption<Integer> SO_RCVBUF = new WskOption<>("SO_RCVBUF", Integer.class);
    /**
     * SO_SNDBUF: the send buffer's size in bytes, positive. Connection and datagram sockets (a JDK listening channel
     * has no send buffer to set); any time.
     */
    public static final WskOption<Integer> SO_SNDBUF = new WskOption<>("SO_SNDBUF", Integer.class);
    /** SO_REUSEADDR: bind to an address still in use (TIME_WAIT). Every kind; before bind only. */
    public static final WskOption<Boolean> SO_REUSEADDR = new WskOption<>("SO_REUSEADDR", Boolean.class);
    /**
     * SO_EXCLUSIVEADDRUSE: no other socket may bind this address. Every kind; before bind only. It is the behaviour
     * of a socket without SO_REUSEADDR on Linux and macOS, so setting it true clears SO_REUSEADDR, setting it false
     * changes nothing, and a get answers whether SO_REUSEADDR is off.
     */
    public static final WskOption<Boolean> SO_EXCLUSIVEADDRUSE =
            new WskOption<>("SO_EXCLUSIVEADDRUSE", Boolean.class);
    /**
     * IPV6_V6ONLY: an IPv6 socket takes IPv6 only. Listening and datagram sockets; before bind only. The JDK opens
     * every IPv6 channel dual-stack and cannot change that, so false is the only value it can set: true completes
     * NOT_SUPPORTED.
     */
    public static final WskOption<Boolean> IPV6_V6ONLY = new WskOption<>("IPV6_V6ONLY", Boolean.class);
    /**
     * SO_LINGER: what a close does with unsent data. Connection sockets; any time. A non-blocking channel can honour
     * only {@link Duration#ZERO} (close resets at once, even where SPEC C3 would hand the sent bytes on); another
     * duration completes NOT_SUPPORTED, a negative one INVALID_PARAMETER. Once set it stays. Get returns {@code null}
     * when lingering is off.
     */
    public static final WskOption<Duration> SO_LINGER = new WskOption<>("SO_LINGER", Duration.class);
    /**
     * SIO_WSK_SET_REMOTE_ADDRESS: the fixed destination of a datagram socket, used by {@code sendTo} with a null
     * address; datagrams from other sources are then no longer received. Datagram sockets; after bind.
     */
    public static final WskOption<SocketAddress> SIO_WSK_SET_REMOTE_ADDRESS =
            new WskOption<>("SIO_WSK_SET_REMOTE_ADDRESS", SocketAddress.class);

    /**
     * The listen backlog: how many connections the kernel holds for a listening socket until an accept IRP or the
     * accept event takes them, 1 to 65,535 (the kernel may cap it at its {@code somaxconn}; Linux holds one more than
     * asked, the simulated network exactly as many). Listening sockets; before
     * bind, which starts listening with it; the provider's 1,024 until set. wsk4j's own: WSK fixes the backlog, as
     * Winsock's {@code listen(socket, backlog)} does not (SPEC K5, a choice).
     */
    public static final WskOption<Integer> LISTEN_BACKLOG = new WskOption<>("LISTEN_BACKLOG", Integer.class);

    private final String name;
    private final Class<T> valueType;

    private WskOption(String name, Class<T> valueType) {
        this.name = name;
        this.valueType = valueType;
    }

    /**
     * {@return the option's name in wsk.h and the socket headers, such as {@code SO_KEEPALIVE}; wsk4j's own for
     * {@link #LISTEN_BACKLOG}}
     */
    public String name() {
        return name;
    }

    /** {@return the type of the option's value} */
    public Class<T> valueType() {
        return valueType;
    }

    @Override
    public String toString() {
        return name;
    }
}

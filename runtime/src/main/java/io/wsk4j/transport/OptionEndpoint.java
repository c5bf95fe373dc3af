package io.wsk4j.transport;

import io.wsk4j.WskOption;
import java.io.IOException;

/**
 * The socket options of an endpoint (SPEC K3, K4), as the engine drives them on its loop's thread. The engine has
 * already checked the option's kind, its value and the socket's state; it passes on only the options that the
 * platform keeps ({@code SO_KEEPALIVE}, {@code TCP_KEEPIDLE}, {@code TCP_KEEPINTVL}, {@code TCP_KEEPCNT},
 * {@code SO_RCVBUF}, {@code SO_SNDBUF}, {@code SO_REUSEADDR}) and answers the others itself. Every endpoint kind
 * (stream, listening, datagram) has these three methods, so an option is one code path in the engine whatever the
 * kind.
 */
public interface OptionEndpoint {
    /**
     * {@return whether this endpoint can carry {@code option} on this platform} False, for example, for
     * {@code TCP_KEEPIDLE} where {@code jdk.net.ExtendedSocketOptions} lacks it; the engine then completes
     * NOT_SUPPORTED.
     */
    boolean supportsOption(WskOption<?> option);

    /**
     * Sets {@code option}; one system call, so a failure changes nothing.
     *
     * @throws IOException if the endpoint is closed or the platform refused the value
     */
    <T> void setOption(WskOption<T> option, T value) throws IOException;

    /** {@return the option's value now, as the platform reports it} @throws IOException if the endpoint is closed */
    <T> T getOption(WskOption<T> option) throws IOException;
}

package io.wsk4j.transport.nio;

import io.wsk4j.WskOption;
import java.io.IOException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.time.Duration;
import jdk.net.ExtendedSocketOptions;

/**
 * The WSK options that a NIO channel keeps, mapped to the JDK's (SPEC K3, K4): the standard ones, and TCP keep-alive
 * timing from {@code jdk.net.ExtendedSocketOptions} where the platform has it. A channel supports an option when its
 * {@code supportedOptions()} has the JDK's counterpart, so a platform without TCP_KEEPIDLE answers NOT_SUPPORTED.
 */
final class NioOptions {
    private NioOptions() {}

    /** {@return the JDK's option for {@code option}, or null if the JDK has none} */
    static SocketOption<?> of(WskOption<?> option) {
        if (option == WskOption.SO_KEEPALIVE) {
            return StandardSocketOptions.SO_KEEPALIVE;
        }
        if (option == WskOption.SO_RCVBUF) {
            return StandardSocketOptions.SO_RCVBUF;
        }
        if (option == WskOption.SO_SNDBUF) {
            return StandardSocketOptions.SO_SNDBUF;
        }
        if (option == WskOption.SO_REUSEADDR) {
            return StandardSocketOptions.SO_REUSEADDR;
        }
        if (option == WskOption.TCP_KEEPIDLE) {
            return ExtendedSocketOptions.TCP_KEEPIDLE;
        }
        if (option == WskOption.TCP_KEEPINTVL) {
            return ExtendedSocketOptions.TCP_KEEPINTERVAL;
        }
        if (option == WskOption.TCP_KEEPCNT) {
            return ExtendedSocketOptions.TCP_KEEPCOUNT;
        }
        return null;
    }

    static boolean supports(NetworkChannel channel, WskOption<?> option) {
        SocketOption<?> jdk = of(option);
        return jdk != null && channel.supportedOptions().contains(jdk);
    }

    @SuppressWarnings("unchecked")
    static <T> void set(NetworkChannel channel, WskOption<T> option, T value) throws IOException {
        SocketOption<Object> jdk = (SocketOption<Object>) of(option);
        if (jdk == null) {
            throw new UnsupportedOperationException(option + " has no JDK counterpart");
        }
        // the keep-alive times are whole seconds in the JDK, a Duration in WSK's terms (the engine checked the range)
        Object jdkValue = value instanceof Duration ? (Object) Math.toIntExact(((Duration) value).getSeconds()) : value;
        channel.setOption(jdk, jdkValue);
    }

    @SuppressWarnings("unchecked")
    static <T> T get(NetworkChannel channel, WskOption<T> option) throws IOException {
        SocketOption<?> jdk = of(option);
        if (jdk == null) {
            throw new UnsupportedOperationException(option + " has no JDK counterpart");
        }
        Object value = channel.getOption(jdk);
        if (option.valueType() == Duration.class) {
            return (T) Duration.ofSeconds((Integer) value);
        }
        return option.valueType().cast(value);
    }
}

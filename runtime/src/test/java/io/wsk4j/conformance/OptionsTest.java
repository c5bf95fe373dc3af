package io.wsk4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.DisconnectMode;
import io.wsk4j.NtStatus;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskOption;
import io.wsk4j.WskSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

/** SPEC K3, K4: options set and read through controlSocket, on connection and listening sockets. */
@Timeout(60)
class OptionsTest {
    @OnBothTransports
    @DisplayName("K3 a connection's options read back as set: keep-alive and its timing, buffers, SO_LINGER zero")
    void connectionOptionsRoundTrip(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            KindCalls calls = new KindCalls(net);
            Network.Connection c = net.connect();
            WskSocket s = c.socket();
            assertEquals(NtStatus.SUCCESS, calls.set(s, WskOption.SO_KEEPALIVE, true));
            assertEquals(true, calls.get(s, WskOption.SO_KEEPALIVE));
            assertEquals(NtStatus.SUCCESS, calls.set(s, WskOption.TCP_KEEPIDLE, Duration.ofSeconds(60)));
            assertEquals(Duration.ofSeconds(60), calls.get(s, WskOption.TCP_KEEPIDLE));
            assertEquals(NtStatus.SUCCESS, calls.set(s, WskOption.TCP_KEEPINTVL, Duration.ofSeconds(10)));
            assertEquals(Duration.ofSeconds(10), calls.get(s, WskOption.TCP_KEEPINTVL));
            assertEquals(NtStatus.SUCCESS, calls.set(s, WskOption.TCP_KEEPCNT, 5));
            assertEquals(5, calls.get(s, WskOption.TCP_KEEPCNT));
            assertEquals(NtStatus.SUCCESS, calls.set(s, WskOption.SO_KEEPALIVE, false));
            assertEquals(false, calls.get(s, WskOption.SO_KEEPALIVE));
            // a platform may round a buffer size up (Linux doubles it): never below what was asked
            assertEquals(NtStatus.SUCCESS, calls.set(s, WskOption.SO_RCVBUF, 65536));
            assertTrue(calls.get(s, WskOption.SO_RCVBUF) >= 65536);
            assertEquals(NtStatus.SUCCESS, calls.set(s, WskOption.SO_SNDBUF, 32768));
            assertTrue(calls.get(s, WskOption.SO_SNDBUF) >= 32768);
            assertNull(calls.get(s, WskOption.SO_LINGER), "SO_LINGER is off until set");
            assertEquals(NtStatus.SUCCESS, calls.set(s, WskOption.SO_LINGER, Duration.ZERO));
            assertEquals(Duration.ZERO, calls.get(s, WskOption.SO_LINGER));
            net.closeSocket(s);
        }
    }

    @OnBothTransports
    @DisplayName("K4 a null or out-of-range value completes INVALID_PARAMETER, and a failed set changes nothing")
    void badValuesChangeNothing(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            KindCalls calls = new KindCalls(net);
            WskSocket s = net.connect().socket();
            assertEquals(NtStatus.SUCCESS, calls.set(s, WskOption.TCP_KEEPIDLE, Duration.ofSeconds(30)));
            assertEquals(NtStatus.SUCCESS, calls.set(s, WskOption.TCP_KEEPCNT, 4));
            for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofSeconds(32_768), Duration.ofMillis(1500),
                    Duration.ofSeconds(-1), null}) {
                assertEquals(NtStatus.INVALID_PARAMETER, calls.set(s, WskOption.TCP_KEEPIDLE, bad), "idle " + bad);
                assertEquals(NtStatus.INVALID_PARAMETER, calls.set(s, WskOption.TCP_KEEPINTVL, bad), "intvl " + bad);
            }
            for (Integer bad : new Integer[] {0, 128, -1, null}) {
                assertEquals(NtStatus.INVALID_PARAMETER, calls.set(s, WskOption.TCP_KEEPCNT, bad), "count " + bad);
            }
            for (Integer bad : new Integer[] {0, -1, null}) {
                assertEquals(NtStatus.INVALID_PARAMETER, calls.set(s, WskOption.SO_RCVBUF, bad), "rcvbuf " + bad);
                assertEquals(NtStatus.INVALID_PARAMETER, calls.set(s, WskOption.SO_SNDBUF, bad), "sndbuf " + bad);
            }
            assertEquals(NtStatus.INVALID_PARAMETER, calls.set(s, WskOption.SO_KEEPALIVE, null));
            assertEquals(NtStatus.INVALID_PARAMETER, calls.set(s, WskOption.SO_LINGER, Duration.ofSeconds(-1)));
            assertEquals(NtStatus.INVALID_PARAMETER, calls.set(s, null, null));
            assertEquals(Duration.ofSeconds(30), calls.get(s, WskOption.TCP_KEEPIDLE));
            assertEquals(4, calls.get(s, WskOption.TCP_KEEPCNT));
            assertNull(calls.get(s, WskOption.SO_LINGER));
            net.closeSocket(s);
        }
    }

    @OnBothTransports
    @DisplayName("K4 an option the kind lacks, or a value the JDK cannot honour, completes NOT_SUPPORTED")
    void unsupportedOptions(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            KindCalls calls = new KindCalls(net);
            WskSocket s = net.connect().socket();
            assertEquals(NtStatus.NOT_SUPPORTED, calls.set(s, WskOption.IPV6_V6ONLY, false));
            assertEquals(NtStatus.NOT_SUPPORTED, calls.getStatus(s, WskOption.IPV6_V6ONLY));
            assertEquals(NtStatus.NOT_SUPPORTED, calls.set(s, WskOption.SIO_WSK_SET_REMOTE_ADDRESS,
                    new InetSocketAddress(9)));
            assertEquals(NtStatus.NOT_SUPPORTED, calls.set(s, WskOption.SO_LINGER, Duration.ofSeconds(5)));
            assertNull(calls.get(s, WskOption.SO_LINGER), "a refused linger leaves it off");
            WskListenSocket l = calls.listenSocket(null, null);
            assertEquals(NtStatus.NOT_SUPPORTED, calls.set(l, WskOption.SO_KEEPALIVE, true));
            assertEquals(NtStatus.NOT_SUPPORTED, calls.set(l, WskOption.TCP_KEEPIDLE, Duration.ofSeconds(60)));
            assertEquals(NtStatus.NOT_SUPPORTED, calls.set(l, WskOption.SO_SNDBUF, 4096));
            assertEquals(NtStatus.NOT_SUPPORTED, calls.set(l, WskOption.SO_LINGER, Duration.ZERO));
            assertEquals(NtStatus.NOT_SUPPORTED, calls.getStatus(l, WskOption.SO_KEEPALIVE));
            // the JDK opens every IPv6 channel dual-stack: false is honest, true cannot be honoured
            assertEquals(NtStatus.NOT_SUPPORTED, calls.set(l, WskOption.IPV6_V6ONLY, true));
            assertEquals(NtStatus.SUCCESS, calls.set(l, WskOption.IPV6_V6ONLY, false));
            assertEquals(false, calls.get(l, WskOption.IPV6_V6ONLY));
            net.closeSocket(l);
            net.closeSocket(s);
        }
    }

    @OnBothTransports
    @DisplayName("K5 LISTEN_BACKLOG: a listening socket's own, before bind, 1 to 65535, the provider's 1024 until set")
    void listenBacklog(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            KindCalls calls = new KindCalls(net);
            WskListenSocket l = calls.listenSocket(null, null);
            assertEquals(1024, calls.get(l, WskOption.LISTEN_BACKLOG), "the provider's backlog until set");
            assertEquals(NtStatus.INVALID_PARAMETER, calls.set(l, WskOption.LISTEN_BACKLOG, 0));
            assertEquals(NtStatus.INVALID_PARAMETER, calls.set(l, WskOption.LISTEN_BACKLOG, 65_536));
            assertEquals(1024, calls.get(l, WskOption.LISTEN_BACKLOG), "a failed set changes nothing");
            assertEquals(NtStatus.SUCCESS, calls.set(l, WskOption.LISTEN_BACKLOG, 8));
            assertEquals(8, calls.get(l, WskOption.LISTEN_BACKLOG));
            assertEquals(NtStatus.SUCCESS, calls.bind(l));
            assertEquals(NtStatus.INVALID_DEVICE_STATE, calls.set(l, WskOption.LISTEN_BACKLOG, 16),
                    "the backlog is given to listen at bind");
            assertEquals(8, calls.get(l, WskOption.LISTEN_BACKLOG));
            WskSocket s = net.socket(null, null);
            assertEquals(NtStatus.NOT_SUPPORTED, calls.set(s, WskOption.LISTEN_BACKLOG, 8), "not a connection's");
            net.closeSocket(s);
            net.closeSocket(l);
        }
    }

    @OnBothTransports
    @DisplayName("K4 K5 a bind-time option set after bind completes INVALID_DEVICE_STATE; before bind it applies")
    void bindTimeOptions(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            KindCalls calls = new KindCalls(net);
            WskSocket unbound = net.socket(null, null);
            assertEquals(NtStatus.SUCCESS, calls.set(unbound, WskOption.SO_REUSEADDR, true));
            assertEquals(true, calls.get(unbound, WskOption.SO_REUSEADDR));
            WskSocket connected = net.connect().socket();
            assertEquals(NtStatus.INVALID_DEVICE_STATE, calls.set(connected, WskOption.SO_REUSEADDR, true));
            assertEquals(NtStatus.INVALID_DEVICE_STATE, calls.set(connected, WskOption.SO_EXCLUSIVEADDRUSE, true));

            WskListenSocket l = calls.listenSocket(null, null);
            assertEquals(NtStatus.SUCCESS, calls.set(l, WskOption.SO_REUSEADDR, true));
            assertEquals(false, calls.get(l, WskOption.SO_EXCLUSIVEADDRUSE), "exclusive is the absence of reuse");
            assertEquals(NtStatus.SUCCESS, calls.set(l, WskOption.SO_EXCLUSIVEADDRUSE, true));
            assertEquals(false, calls.get(l, WskOption.SO_REUSEADDR), "exclusive use clears SO_REUSEADDR");
            assertEquals(true, calls.get(l, WskOption.SO_EXCLUSIVEADDRUSE));
            assertEquals(NtStatus.SUCCESS, calls.set(l, WskOption.SO_RCVBUF, 32768));
            assertEquals(NtStatus.SUCCESS, calls.bind(l));
            assertEquals(false, calls.get(l, WskOption.SO_REUSEADDR), "options set before bind apply to it");
            assertTrue(calls.get(l, WskOption.SO_RCVBUF) >= 32768);
            assertEquals(NtStatus.INVALID_DEVICE_STATE, calls.set(l, WskOption.SO_REUSEADDR, true));
            assertEquals(NtStatus.INVALID_DEVICE_STATE, calls.set(l, WskOption.SO_EXCLUSIVEADDRUSE, false));
            assertEquals(NtStatus.INVALID_DEVICE_STATE, calls.set(l, WskOption.IPV6_V6ONLY, false));
            assertEquals(NtStatus.SUCCESS, calls.set(l, WskOption.SO_RCVBUF, 65536), "not a bind-time option");
            net.closeSocket(l);
            net.closeSocket(connected);
            net.closeSocket(unbound);
        }
    }

    @OnBothTransports
    @DisplayName("K4 D7 options of a connection that was aborted complete CONNECTION_ABORTED")
    void optionsAfterAbort(Transport transport) throws Exception {
        try (Network net = transport.open()) {
            KindCalls calls = new KindCalls(net);
            Network.Connection c = net.connect();
            String name = "abort";
            c.dispatch().disconnect(c.socket(), null, DisconnectMode.ABORTIVE, calls.irp(name, null));
            assertEquals(NtStatus.SUCCESS, calls.await(name).status());
            assertEquals(NtStatus.CONNECTION_ABORTED, calls.set(c.socket(), WskOption.SO_KEEPALIVE, true));
            assertEquals(NtStatus.CONNECTION_ABORTED, calls.getStatus(c.socket(), WskOption.SO_KEEPALIVE));
            net.closeSocket(c.socket());
        }
    }
}

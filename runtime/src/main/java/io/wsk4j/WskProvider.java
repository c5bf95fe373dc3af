package io.wsk4j;

import io.wsk4j.spi.VerifierSettings;
import io.wsk4j.spi.WskImplementation;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * A WSK provider: what a client gets from WskRegister + WskCaptureProviderNPI (SPEC A6). It makes sockets; each
 * socket's operations then go through {@link WskSocket#dispatch()}.
 *
 * <p>{@link #open()} starts the NIO provider with one I/O thread per core; {@link #builder()} sets the threads and
 * limits. {@link #close()} (WskDeregister) waits, bounded, for the application to close its sockets, then closes the
 * rest itself and reports them (SPEC C6).
 */
public interface WskProvider extends AutoCloseable {
    /** {@return a started provider with the defaults of {@link Builder}} */
    static WskProvider open() {
        return builder().build();
    }

    /** {@return a builder for a provider with chosen I/O threads, close timeout and error handler} */
    static Builder builder() {
        return new Builder();
    }

    /**
     * WskSocket: creates an unconnected socket, found in {@link Irp#socket()}, to {@code bind} and {@code connect}
     * through its dispatch.
     *
     * @param <C> the socket context's type
     * @param context the socket context handed to {@code clientDispatch}'s events; may be null
     * @param clientDispatch the socket's event callbacks, or null if the application uses no events
     * @param irp a ready IRP with a completion routine; the new socket is in its {@link Irp#socket()}
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    <C> NtStatus socket(C context, WskClientConnectionDispatch<C> clientDispatch, Irp irp);

    /**
     * WskSocketConnect: creates a socket and connects it to {@code remoteAddress}. On success the connected socket is
     * in {@link Irp#socket()}; on failure the IRP has the SPEC X3 status and no socket.
     *
     * @param <C> the socket context's type
     * @param remoteAddress the address to connect to
     * @param context the socket context handed to {@code clientDispatch}'s events; may be null
     * @param clientDispatch the socket's event callbacks, or null if the application uses no events
     * @param irp a ready IRP with a completion routine; the new socket is in its {@link Irp#socket()}
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    <C> NtStatus socketConnect(
            SocketAddress remoteAddress, C context, WskClientConnectionDispatch<C> clientDispatch, Irp irp);

    /**
     * WskSocket with WSK_FLAG_LISTEN_SOCKET: an unbound listening socket, found in {@link Irp#listenSocket()}. Set its
     * options, then {@code bind} it: it listens from there (SPEC K2, K5). Connections arrive through
     * {@code listenDispatch}'s accept event (on from the start) or through accept IRPs.
     *
     * @param <L> the listening socket's context type
     * @param context the listening socket's context, handed to every accept event
     * @param listenDispatch the accept event, or null when the application accepts only with IRPs
     * @param irp a ready IRP with a completion routine; the listening socket is in its {@link Irp#listenSocket()}
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    <L> NtStatus listenSocket(L context, WskClientListenDispatch<L> listenDispatch, Irp irp);

    /**
     * WskSocket with WSK_FLAG_DATAGRAM_SOCKET: an unbound datagram socket, found in {@link Irp#datagramSocket()}
     * (SPEC K2, G1–G5).
     *
     * @param <C> the socket context's type
     * @param context the socket context handed to {@code datagramDispatch}'s event; may be null
     * @param datagramDispatch the receive-from event, or null if the application uses none
     * @param irp a ready IRP with a completion routine; the new socket is in its {@link Irp#datagramSocket()}
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    <C> NtStatus datagramSocket(C context, WskClientDatagramDispatch<C> datagramDispatch, Irp irp);

    /**
     * WskGetAddressInfo: resolves {@code node} (a host name or an address literal) and completes with the addresses
     * in {@link Irp#addresses()}, in the resolver's order, each with the service's port (SPEC N1). An unknown name
     * completes {@link NtStatus#NOT_FOUND}; a null or empty node, or a service that is not a port number,
     * {@link NtStatus#INVALID_PARAMETER}. Resolution never runs on an I/O thread: the NIO provider resolves names on
     * a daemon thread or two of its own, made at the first request and ended by {@link #close()}, then completes the
     * IRP on one of its I/O threads, as any pending operation; an address literal and bad parameters complete inside
     * this call. A pending request can be cancelled, and bounded with {@link Irp#cancelAfter}; closing the provider
     * completes it CANCELLED.
     *
     * @param node the name to resolve, or an address literal ({@code 192.0.2.1}, {@code ::1}, {@code [::1]})
     * @param service a decimal port number, 0 to 65535, or null for port 0
     * @param irp a ready IRP with a completion routine
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    NtStatus getAddressInfo(String node, String service, Irp irp);

    /**
     * WskSocket with WSK_FLAG_LISTEN_SOCKET, bound to {@code localAddress} (port 0 for an ephemeral port): the one-call
     * form of {@link #listenSocket} and {@code bind}. The listening socket is in {@link Irp#listenSocket()}; its
     * accepted sockets arrive through {@code listenDispatch}.
     *
     * @param <L> the listening socket's context type
     * @param localAddress the address to listen on
     * @param context the listening socket's context, handed to every accept event
     * @param listenDispatch the accept event
     * @param irp a ready IRP with a completion routine; the listening socket is in its {@link Irp#listenSocket()}
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    <L> NtStatus socketListen(SocketAddress localAddress, L context, WskClientListenDispatch<L> listenDispatch, Irp irp);

    /** {@return how many sockets of this provider are not closed yet} */
    int openSocketCount();

    /**
     * A snapshot of open sockets, pending IRPs by operation and completions by status; {@link WskStats} says how
     * fresh and how consistent it is. On an application thread it waits (bounded: about a second in all) for each I/O
     * thread to copy its counters. On any I/O thread of this provider (a completion routine, an event callback) it
     * waits for none: it reads every I/O thread's counters as they are, so the figures of the other I/O threads may be
     * slightly stale.
     *
     * @return the provider's counters now
     */
    WskStats stats();

    /**
     * WskDeregister: waits up to the close timeout for every socket to be closed, then closes the remaining ones as
     * {@code closeSocket} would (their pending IRPs complete), reports them to the error handler, waits up to the close
     * timeout again for closed sockets' connections still delivering data (SPEC C3), and stops the I/O threads.
     *
     * @throws WskVerifierException if the provider was built with {@link Builder#verifierFailsOnReport(boolean)} and
     *     its verifier reported anything (after the provider has closed all the same)
     */
    @Override
    void close();

    /** Settings of a provider. */
    final class Builder {
        private int ioThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private Duration closeTimeout = Duration.ofSeconds(5);
        private WskErrorHandler errorHandler = WskErrorHandler.systemLogger();
        // SPEC V: the system properties let a build turn the verifier on for every provider of a test run
        private boolean verifier = Boolean.getBoolean("wsk4j.verifier");
        private boolean verifierFailsOnReport = Boolean.getBoolean("wsk4j.verifier.failOnReport");
        private Duration verifierBlockingThreshold =
                Duration.ofMillis(Long.getLong("wsk4j.verifier.blockingThresholdMillis", 250));
        private WskVerifierListener verifierListener = WskVerifierListener.systemLogger();

        Builder() {}

        /**
         * The number of I/O threads (event loops); default one per core.
         *
         * @param count at least 1
         * @return this builder
         */
        public Builder ioThreads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("ioThreads must be at least 1, was " + count);
            }
            this.ioThreads = count;
            return this;
        }

        /**
         * How long {@link WskProvider#close()} waits for the application to close its sockets, and how long a socket
         * closed after its graceful disconnect but before the peer's FIN keeps its connection to deliver what the
         * transport still holds (SPEC C3, D4); default 5 s.
         *
         * @param timeout not negative
         * @return this builder
         */
        public Builder closeTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "closeTimeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("closeTimeout must not be negative, was " + timeout);
            }
            this.closeTimeout = timeout;
            return this;
        }

        /**
         * Where the provider reports what it cannot return to a caller: exceptions thrown by completion routines and
         * event callbacks, routines that did not return MORE_PROCESSING_REQUIRED, sockets closed by
         * {@link WskProvider#close()}. Default: {@link WskErrorHandler#systemLogger()}.
         *
         * @param handler called on the I/O thread that met the problem; must not block
         * @return this builder
         */
        public Builder errorHandler(WskErrorHandler handler) {
            this.errorHandler = Objects.requireNonNull(handler, "errorHandler");
            return this;
        }

        /**
         * Turns the verifier on or off (SPEC V); default: the system property {@code wsk4j.verifier}, off if unset.
         * On, every IRP and socket records where it was allocated, made and dispatched (a stack trace per call: slow,
         * for tests), and misuse is reported with those places to the {@link #verifierListener}. Off, it costs
         * nothing.
         *
         * <p>{@link Irp#allocate()} names no provider, so while any provider with the verifier on is open, every
         * {@code Irp.allocate()} in the JVM, for whichever provider, is watched for leaks (a stack trace and a phantom
         * reference each) on behalf of the verifying provider opened last, until a dispatch call ties the IRP to its
         * own provider (SPEC V1). Close every verifying provider: one left open keeps that cost on for the JVM's life.
         *
         * @param on whether the verifier runs
         * @return this builder
         */
        public Builder verifier(boolean on) {
            this.verifier = on;
            return this;
        }

        /**
         * Where verifier reports go; default {@link WskVerifierListener#systemLogger()}.
         *
         * @param listener receives every report
         * @return this builder
         */
        public Builder verifierListener(WskVerifierListener listener) {
            this.verifierListener = Objects.requireNonNull(listener, "verifierListener");
            return this;
        }

        /**
         * Makes {@link WskProvider#close()} throw {@link WskVerifierException} with every report the verifier made
         * while the provider was open, so that a test fails; default: the system property
         * {@code wsk4j.verifier.failOnReport}, off if unset.
         *
         * @param fail whether {@code close()} throws when there were reports
         * @return this builder
         */
        public Builder verifierFailsOnReport(boolean fail) {
            this.verifierFailsOnReport = fail;
            return this;
        }

        /**
         * How long a completion routine or event callback may hold an I/O thread before the verifier reports it
         * (SPEC V5); default: the system property {@code wsk4j.verifier.blockingThresholdMillis}, else 250 ms.
         *
         * @param threshold a positive duration
         * @return this builder
         */
        public Builder verifierBlockingThreshold(Duration threshold) {
            Objects.requireNonNull(threshold, "verifierBlockingThreshold");
            if (threshold.isNegative() || threshold.isZero()) {
                throw new IllegalArgumentException("verifierBlockingThreshold must be positive, was " + threshold);
            }
            this.verifierBlockingThreshold = threshold;
            return this;
        }

        /** {@return a provider with these settings, its I/O threads (and, if on, its verifier) started} */
        public WskProvider build() {
            VerifierSettings settings = verifier
                    ? new VerifierSettings(verifierListener, verifierFailsOnReport, verifierBlockingThreshold)
                    : null;
            return WskImplementation.instance().openProvider(ioThreads, closeTimeout, errorHandler, settings);
        }
    }
}

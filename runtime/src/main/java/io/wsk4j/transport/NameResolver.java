package io.wsk4j.transport;

import io.wsk4j.NtStatus;
import java.net.InetAddress;
import java.util.List;

/**
 * Where a provider's names are resolved (SPEC N1): never on a loop's thread. NIO asks the platform's resolver on a
 * small pool of its own threads; a simulation looks names up in its world's table after a seeded virtual delay.
 * Address literals never reach a resolver: the engine answers them itself.
 */
public interface NameResolver {
    /**
     * Starts resolving {@code node}, a host name; {@code answer} is told once, later, on a thread of the resolver's
     * (a simulation's driving thread), never inside this call.
     */
    void resolve(String node, Answer answer);

    /** The provider closes: the resolver's threads end (a resolution under way may still answer). */
    void close();

    /** The outcome of one {@link #resolve}. */
    interface Answer {
        /** The name resolved to {@code addresses}, in the resolver's order; never empty. */
        void resolved(List<InetAddress> addresses);

        /** The name did not resolve: {@link NtStatus#NOT_FOUND}, or another status for a resolver that failed. */
        void failed(NtStatus status);
    }
}

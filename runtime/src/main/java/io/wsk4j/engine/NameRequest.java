package io.wsk4j.engine;

import io.wsk4j.NtStatus;
import io.wsk4j.transport.NameResolver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * One pending WskGetAddressInfo (SPEC N1): resolved off the loops by the transport's {@link NameResolver}, completed on
 * its home loop, so that the completion routine runs on a provider thread as every other pending one does.
 *
 * <p>Exactly one of two ways enqueues this task: the resolver's answer, once it claimed the IRP (PENDING to ACTIVE, so
 * that a later cancel fails), or a cancel that won (PENDING to CANCELLING), whose answer the resolver then drops. A
 * deadline (SPEC N2) is armed on the home loop.
 */
final class NameRequest extends LoopTask implements NameResolver.Answer {
    final EngineProvider provider;
    private final EventLoop home;
    private final IrpCore op;
    private final String node;
    private final int port;
    /** Written by the answer before it enqueues this task; read on the loop. */
    private NtStatus status = NtStatus.CANCELLED;
    private List<InetSocketAddress> addresses = List.of();
    /** Loop-owned: the IRP has completed, so a deadline armed late must not be armed at all. */
    private boolean finished;
    /** The request completed or is completing; guarded by this object's lock. */
    private boolean over;

    NameRequest(EngineProvider provider, EventLoop home, IrpCore op, String node, int port) {
        this.provider = provider;
        this.home = home;
        this.op = op;
        this.node = node;
        this.port = port;
    }

    /** Dispatching thread, once the IRP is the provider's: its deadline is armed on the home loop. */
    void armDeadline() {
        op.stampDeadline(home);
        if (home.inLoop()) {
            home.armDeadline(op);
            return;
        }
        home.execute(new LoopTask() {
            @Override
            void runOnLoop() {
                if (!finished) {
                    home.armDeadline(op);
                }
            }
        });
    }

    @Override
    public void resolved(List<InetAddress> resolved) {
        List<InetSocketAddress> withPort = new ArrayList<>(resolved.size());
        for (InetAddress address : resolved) {
            withPort.add(new InetSocketAddress(address, port));
        }
        answer(NtStatus.SUCCESS, java.util.Collections.unmodifiableList(withPort));
    }

    @Override
    public void failed(NtStatus failure) {
        answer(failure, List.of());
    }

    /**
     * The resolver's answer takes the IRP unless a cancel did. The lock with {@link #runOnLoop} makes "over" and the
     * claim one step: an answer that comes after the request completed (cancelled, the IRP perhaps reused for another
     * operation since) must not touch the IRP at all.
     */
    private synchronized void answer(NtStatus outcome, List<InetSocketAddress> found) {
        if (over || !op.claim()) {
            return; // cancelled: the cancel completes it
        }
        status = outcome;
        addresses = found;
        home.execute(this);
    }

    /** Any thread: a cancel won the IRP (SPEC I6). */
    void cancelled() {
        home.execute(this);
    }

    @Override
    void runOnLoop() {
        synchronized (this) {
            over = true;
        }
        finished = true;
        provider.nameRequestEnded(this);
        if (status == NtStatus.SUCCESS && !op.isCancelling()) {
            op.setResultAddresses(addresses);
        }
        op.complete(status, 0); // a cancel that won makes it CANCELLED, information 0
    }

    /** The provider closes with this request pending: it completes CANCELLED, as a cancel would. */
    void cancelForClose() {
        op.cancel();
    }

    @Override
    public String toString() {
        return "WskGetAddressInfo(" + node + ")";
    }
}

package io.wsk4j.engine;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskClientConnectionDispatch;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskProviderListenDispatch;
import java.net.SocketAddress;

/** The listening socket's dispatch table (SPEC K1, K5): its own functions, and the basic ones. */
final class ListenDispatch extends BasicDispatch implements WskProviderListenDispatch {
    @Override
    public NtStatus bind(WskListenSocket socket, SocketAddress localAddress, Irp irp) {
        return start(socket, irp, Operation.BIND, localAddress, null, false);
    }

    @Override
    public <A> NtStatus accept(
            WskListenSocket socket, A acceptContext, WskClientConnectionDispatch<A> clientDispatch, Irp irp) {
        EngineSocket target = EngineSocket.of(socket);
        IrpCore op = IrpCore.of(irp);
        CloseGate.enter(target, Operation.ACCEPT);
        try {
            op.begin(Operation.ACCEPT, target);
            op.acceptContext = acceptContext;
            op.acceptDispatch = clientDispatch;
            return submit(target, op);
        } finally {
            CloseGate.exit(target);
        }
    }

    @Override
    public NtStatus getLocalAddress(WskListenSocket socket, Irp irp) {
        return start(socket, irp, Operation.LOCAL_ADDRESS, null, null, false);
    }
}

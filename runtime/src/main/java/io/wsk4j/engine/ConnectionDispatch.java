package io.wsk4j.engine;

import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.ReceiveFlags;
import io.wsk4j.SendFlags;
import io.wsk4j.WskBuf;
import io.wsk4j.WskProviderConnectionDispatch;
import io.wsk4j.WskSocket;
import java.net.SocketAddress;

/** The connection socket's dispatch table (SPEC A5): its own functions, and the basic ones of {@link BasicDispatch}. */
final class ConnectionDispatch extends BasicDispatch implements WskProviderConnectionDispatch {
    @Override
    public NtStatus bind(WskSocket socket, SocketAddress localAddress, Irp irp) {
        return start(socket, irp, Operation.BIND, localAddress, null, false);
    }

    @Override
    public NtStatus connect(WskSocket socket, SocketAddress remoteAddress, Irp irp) {
        return start(socket, irp, Operation.CONNECT, remoteAddress, null, false);
    }

    @Override
    public NtStatus send(WskSocket socket, WskBuf buffer, SendFlags flags, Irp irp) {
        EngineSocket target = EngineSocket.of(socket);
        IrpCore op = IrpCore.of(irp);
        CloseGate.enter(target, Operation.SEND);
        try {
            if (buffer == null || flags == null) {
                op.begin(Operation.SEND, target);
                return op.complete(NtStatus.INVALID_PARAMETER, 0); // SPEC X4
            }
            refuseEventData(buffer, target);
            BufferChain chain = startBuffer(buffer, op, Operation.SEND, target);
            op.sendFlags = flags;
            op.buffer = chain;
            return submit(target, op);
        } finally {
            CloseGate.exit(target);
        }
    }

    @Override
    public NtStatus receive(WskSocket socket, WskBuf buffer, ReceiveFlags flags, Irp irp) {
        EngineSocket target = EngineSocket.of(socket);
        IrpCore op = IrpCore.of(irp);
        CloseGate.enter(target, Operation.RECEIVE);
        try {
            refuseEventData(buffer, target);
            if (buffer == null || flags == null || buffer.length() == 0) {
                op.begin(Operation.RECEIVE, target);
                return op.complete(NtStatus.INVALID_PARAMETER, 0); // SPEC X4; an empty buffer could not tell data from FIN
            }
            if (hasReadOnlyBuffer(buffer)) {
                op.begin(Operation.RECEIVE, target);
                return op.complete(NtStatus.INVALID_PARAMETER, 0); // nothing can be received into it
            }
            if (flags == ReceiveFlags.DRAIN) {
                op.begin(Operation.RECEIVE, target);
                return op.complete(NtStatus.NOT_SUPPORTED, 0); // SPEC X4
            }
            BufferChain chain = startBuffer(buffer, op, Operation.RECEIVE, target);
            op.receiveFlags = flags;
            op.buffer = chain;
            return submit(target, op);
        } finally {
            CloseGate.exit(target);
        }
    }

    @Override
    public NtStatus disconnect(WskSocket socket, WskBuf buffer, DisconnectMode mode, Irp irp) {
        EngineSocket target = EngineSocket.of(socket);
        IrpCore op = IrpCore.of(irp);
        CloseGate.enter(target, Operation.DISCONNECT);
        try {
            refuseEventData(buffer, target);
            if (mode == null || (mode == DisconnectMode.ABORTIVE && buffer != null)) {
                op.begin(Operation.DISCONNECT, target);
                return op.complete(NtStatus.INVALID_PARAMETER, 0); // SPEC D2: nothing touches the wire
            }
            BufferChain chain = buffer == null ? null : startBuffer(buffer, op, Operation.DISCONNECT, target);
            if (chain == null) {
                op.begin(Operation.DISCONNECT, target);
            }
            op.mode = mode;
            op.buffer = chain;
            target.provider.observer.disconnectStarts(op, target);
            return submit(target, op);
        } finally {
            CloseGate.exit(target);
        }
    }

    @Override
    public NtStatus getLocalAddress(WskSocket socket, Irp irp) {
        return start(socket, irp, Operation.LOCAL_ADDRESS, null, null, false);
    }

    @Override
    public NtStatus getRemoteAddress(WskSocket socket, Irp irp) {
        return start(socket, irp, Operation.REMOTE_ADDRESS, null, null, false);
    }

    /** SPEC B4: a receive event's data is the loop's own buffer, reused as soon as the event returns. */
    static void refuseEventData(WskBuf buffer, EngineSocket target) {
        if (buffer == null) {
            return;
        }
        for (int i = 0; i < buffer.bufferCount(); i++) {
            EventLoop lender = target.provider.receiveEventLender(buffer.buffer(i));
            if (lender != null) {
                target.provider.observer.eventDataPassedOn(target, lender);
                throw new IllegalArgumentException("This buffer is the data of a receive event, valid only while the"
                        + " event runs (SPEC B4): copy the bytes you keep or send into a buffer of your own and pass a"
                        + " WskBuf over that");
            }
        }
    }

    static boolean hasReadOnlyBuffer(WskBuf buffer) {
        for (int i = 0; i < buffer.bufferCount(); i++) {
            if (buffer.buffer(i).isReadOnly()) {
                return true;
            }
        }
        return false;
    }

    /** Takes the buffer for the operation, then the IRP; if the IRP is refused the buffer is given back. */
    static BufferChain startBuffer(WskBuf buffer, IrpCore op, Operation operation, EngineSocket target) {
        BufferChain chain = BufferChain.of(buffer);
        op.checkStartable(operation);
        chain.start();
        try {
            op.begin(operation, target);
        } catch (RuntimeException e) {
            chain.abandon();
            throw e;
        }
        return chain;
    }
}

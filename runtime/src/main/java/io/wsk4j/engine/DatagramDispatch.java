package io.wsk4j.engine;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBasicSocket;
import io.wsk4j.WskBuf;
import io.wsk4j.WskDatagramSocket;
import io.wsk4j.WskOption;
import io.wsk4j.WskProviderDatagramDispatch;
import java.net.SocketAddress;

/** The datagram socket's dispatch table (SPEC K1, G1–G5): its own functions, and the basic ones. */
final class DatagramDispatch extends BasicDispatch implements WskProviderDatagramDispatch {
    @Override
    public NtStatus bind(WskDatagramSocket socket, SocketAddress localAddress, Irp irp) {
        return start(socket, irp, Operation.BIND, localAddress, null, false);
    }

    @Override
    public NtStatus sendTo(WskDatagramSocket socket, WskBuf buffer, SocketAddress remoteAddress, Irp irp) {
        EngineSocket target = EngineSocket.of(socket);
        IrpCore op = IrpCore.of(irp);
        CloseGate.enter(target, Operation.SEND_TO);
        try {
            if (buffer == null) {
                op.begin(Operation.SEND_TO, target);
                return op.complete(NtStatus.INVALID_PARAMETER, 0); // SPEC X4
            }
            ConnectionDispatch.refuseEventData(buffer, target); // SPEC B4
            BufferChain chain = ConnectionDispatch.startBuffer(buffer, op, Operation.SEND_TO, target);
            op.endpoint = remoteAddress; // null: the socket's fixed remote address, decided on its loop (SPEC G1)
            op.buffer = chain;
            return submit(target, op);
        } finally {
            CloseGate.exit(target);
        }
    }

    @Override
    public NtStatus receiveFrom(WskDatagramSocket socket, WskBuf buffer, Irp irp) {
        EngineSocket target = EngineSocket.of(socket);
        IrpCore op = IrpCore.of(irp);
        CloseGate.enter(target, Operation.RECEIVE_FROM);
        try {
            ConnectionDispatch.refuseEventData(buffer, target); // SPEC B4
            if (buffer == null || buffer.length() == 0 || ConnectionDispatch.hasReadOnlyBuffer(buffer)) {
                op.begin(Operation.RECEIVE_FROM, target);
                return op.complete(NtStatus.INVALID_PARAMETER, 0); // SPEC X4: nothing can be received into it
            }
            BufferChain chain = ConnectionDispatch.startBuffer(buffer, op, Operation.RECEIVE_FROM, target);
            op.buffer = chain;
            return submit(target, op);
        } finally {
            CloseGate.exit(target);
        }
    }

    @Override
    public NtStatus getLocalAddress(WskDatagramSocket socket, Irp irp) {
        return start(socket, irp, Operation.LOCAL_ADDRESS, null, null, false);
    }
}

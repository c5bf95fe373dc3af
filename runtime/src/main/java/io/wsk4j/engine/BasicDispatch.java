package io.wsk4j.engine;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBasicSocket;
import io.wsk4j.WskEvent;
import io.wsk4j.WskOption;
import io.wsk4j.WskProviderBasicDispatch;
import java.net.SocketAddress;

/**
 * The functions every socket kind has (SPEC K1), and the path every dispatch call takes. Each function checks what is
 * a programming error (SPEC B1) and throws before anything is queued; completes at once the bad values that have a
 * status (SPEC B2); and hands the rest to the socket's loop, on this thread when it is that loop.
 */
abstract class BasicDispatch implements WskProviderBasicDispatch {
    @Override
    public <T> NtStatus controlSocket(WskBasicSocket socket, WskOption<T> option, T value, Irp irp) {
        if (socket instanceof DatagramSocket) { // branch g-dgram: a datagram socket's options run on its loop
            return DatagramDispatch.startOption(socket, option, value, irp, Operation.SET_OPTION);
        }
        return notYetSupported(socket, irp, Operation.SET_OPTION);
    }

    @Override
    public <T> NtStatus controlSocket(WskBasicSocket socket, WskOption<T> option, Irp irp) {
        if (socket instanceof DatagramSocket) { // branch g-dgram: a datagram socket's options run on its loop
            return DatagramDispatch.startOption(socket, option, null, irp, Operation.GET_OPTION);
        }
        return notYetSupported(socket, irp, Operation.GET_OPTION);
    }

    /** Options are the next step of SPEC K3; until then every option completes NOT_SUPPORTED, as K4 allows. */
    private static NtStatus notYetSupported(WskBasicSocket socket, Irp irp, Operation operation) {
        EngineSocket target = EngineSocket.of(socket);
        IrpCore op = IrpCore.of(irp);
        target.gate.enter(operation);
        try {
            op.begin(operation, target);
            return op.complete(NtStatus.NOT_SUPPORTED, 0);
        } finally {
            target.gate.exit();
        }
    }

    @Override
    public NtStatus controlSocket(WskBasicSocket socket, WskEvent event, boolean enable, Irp irp) {
        return start(socket, irp, Operation.CONTROL, null, event, enable);
    }

    @Override
    public NtStatus closeSocket(WskBasicSocket socket, Irp irp) {
        EngineSocket target = EngineSocket.of(socket);
        IrpCore op = IrpCore.of(irp);
        op.begin(Operation.CLOSE, target); // SPEC B1: a bad IRP throws here, and the socket stays open
        FlightEvents.closeStarted(op, target);
        boolean now;
        try {
            now = target.gate.shut(op);
        } catch (RuntimeException e) {
            op.abandon(); // the socket was closed already: this IRP was never queued, it is the caller's again
            op.flightEvent = null;
            throw e;
        }
        if (now) {
            return target.loop.submit(op); // never refused for resources: a close always succeeds (SPEC C1)
        }
        op.markPendingReturned();
        return NtStatus.PENDING; // the last call still inside hands the close to the loop
    }

    static NtStatus start(
            WskBasicSocket socket, Irp irp, Operation operation, SocketAddress endpoint, WskEvent event, boolean enable) {
        EngineSocket target = EngineSocket.of(socket);
        IrpCore op = IrpCore.of(irp);
        target.gate.enter(operation);
        try {
            op.begin(operation, target);
            boolean needsAddress = operation == Operation.BIND || operation == Operation.CONNECT;
            if ((needsAddress && endpoint == null) || (operation == Operation.CONTROL && event == null)) {
                return op.complete(NtStatus.INVALID_PARAMETER, 0);
            }
            op.endpoint = endpoint;
            op.event = event;
            op.enable = enable;
            return submit(target, op);
        } finally {
            target.gate.exit();
        }
    }

    /**
     * Hands the operation to its socket's loop, unless the transport ran out of resources for it (a simulation's
     * fault plan, SPEC S3): it then completes INSUFFICIENT_RESOURCES and the socket never sees it.
     */
    static NtStatus submit(EngineSocket target, IrpCore op) {
        if (target.provider.injectsFaults && target.provider.transport.failsAllocation()) {
            return op.complete(NtStatus.INSUFFICIENT_RESOURCES, 0);
        }
        return target.loop.submit(op);
    }
}

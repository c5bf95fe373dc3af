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
    /**
     * WskSetOption (SPEC K3, K4): what needs no socket state is refused here, at once (B2); the rest runs on the
     * socket's loop, which asks {@link SocketOptions} with the socket's endpoint and state.
     */
    @Override
    public <T> NtStatus controlSocket(WskBasicSocket socket, WskOption<T> option, T value, Irp irp) {
        EngineSocket target = EngineSocket.of(socket);
        IrpCore op = IrpCore.of(irp);
        CloseGate.enter(target, Operation.SET_OPTION);
        try {
            op.begin(Operation.SET_OPTION, target);
            NtStatus refusal = SocketOptions.refusesSet(option, value, target.optionKind());
            if (refusal != null) {
                return op.complete(refusal, 0);
            }
            op.option = option;
            op.optionArgument = value;
            return submit(target, op);
        } finally {
            CloseGate.exit(target);
        }
    }

    /** WskGetOption (SPEC K3): the value is in {@code irp.optionValue(option)} on success. */
    @Override
    public <T> NtStatus controlSocket(WskBasicSocket socket, WskOption<T> option, Irp irp) {
        EngineSocket target = EngineSocket.of(socket);
        IrpCore op = IrpCore.of(irp);
        CloseGate.enter(target, Operation.GET_OPTION);
        try {
            op.begin(Operation.GET_OPTION, target);
            NtStatus refusal = SocketOptions.refusesGet(option, target.optionKind());
            if (refusal != null) {
                return op.complete(refusal, 0);
            }
            op.option = option;
            return submit(target, op);
        } finally {
            CloseGate.exit(target);
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
        target.provider.observer.closeStarts(op, target);
        boolean now;
        try {
            now = CloseGate.shut(target, op);
        } catch (RuntimeException e) {
            op.abandon(); // the socket was closed already: this IRP was never queued, it is the caller's again
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
        CloseGate.enter(target, operation);
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
            CloseGate.exit(target);
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

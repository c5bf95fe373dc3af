package io.wsk4j.engine;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.NtStatus;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Several observers as one (see {@link EngineObserver#of}), told in the order they were given. Built once at a
 * provider's start: for each method it keeps only the observers that override it, so a place nobody watches (the
 * close gate, dispatch and callbacks while the verifier is off) costs a walk over an empty final array, and none
 * allocates. The stats and the Flight Recorder are composed in every provider of a JDK with {@code jdk.jfr}, so this
 * is on the I/O path of the common case.
 */
final class ComposedObserver implements EngineObserver {
    private final EngineObserver[] callEntering;
    private final EngineObserver[] callRefused;
    private final EngineObserver[] callLeft;
    private final EngineObserver[] dispatched;
    private final EngineObserver[] disconnectStarts;
    private final EngineObserver[] closeStarts;
    private final EngineObserver[] gateShut;
    private final EngineObserver[] closeHandedOver;
    private final EngineObserver[] eventDataPassedOn;
    private final EngineObserver[] tookUp;
    private final EngineObserver[] tornDown;
    private final EngineObserver[] eventStarts;
    private final EngineObserver[] eventEnded;
    private final EngineObserver[] eventDataReturned;
    private final EngineObserver[] receiveDeclined;
    private final EngineObserver[] reportsLeftOpen;
    private final EngineObserver[] completed;
    private final EngineObserver[] routineReturned;

    ComposedObserver(EngineObserver[] all) {
        callEntering = overriding(all, "callEntering", EngineSocket.class, Operation.class);
        callRefused = overriding(all, "callRefused", EngineSocket.class, Operation.class);
        callLeft = overriding(all, "callLeft", EngineSocket.class);
        dispatched = overriding(all, "dispatched", IrpCore.class, EngineSocket.class);
        disconnectStarts = overriding(all, "disconnectStarts", IrpCore.class, EngineSocket.class);
        closeStarts = overriding(all, "closeStarts", IrpCore.class, EngineSocket.class);
        gateShut = overriding(all, "gateShut", EngineSocket.class, IrpCore.class);
        closeHandedOver = overriding(all, "closeHandedOver", EngineSocket.class, IrpCore.class);
        eventDataPassedOn = overriding(all, "eventDataPassedOn", EngineSocket.class, EventLoop.class);
        tookUp = overriding(all, "tookUp", IrpCore.class, EventLoop.class);
        tornDown = overriding(all, "tornDown", IrpCore.class, int.class, boolean.class);
        eventStarts = overriding(all, "eventStarts", EngineSocket.class, String.class);
        eventEnded = overriding(all, "eventEnded", EngineSocket.class, Object.class);
        eventDataReturned = overriding(all, "eventDataReturned", ByteBuffer.class);
        receiveDeclined = overriding(all, "receiveDeclined", ConnectionSocket.class);
        reportsLeftOpen = overriding(all, "reportsLeftOpen", EngineSocket.class);
        completed = overriding(all, "completed", IrpCore.class, EngineSocket.class, NtStatus.class, long.class,
                boolean.class);
        routineReturned = overriding(all, "routineReturned", Object.class, CompletionRoutine.class, NtStatus.class);
    }

    /** The observers whose class overrides the method: the others would only run its empty default. */
    private static EngineObserver[] overriding(EngineObserver[] all, String method, Class<?>... parameters) {
        List<EngineObserver> those = new ArrayList<>();
        for (EngineObserver observer : all) {
            try {
                if (observer.getClass().getMethod(method, parameters).getDeclaringClass() != EngineObserver.class) {
                    those.add(observer);
                }
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("internal error: EngineObserver has no method " + method, e);
            }
        }
        return those.toArray(new EngineObserver[0]);
    }

    @Override
    public void callEntering(EngineSocket socket, Operation operation) {
        for (EngineObserver observer : callEntering) {
            observer.callEntering(socket, operation);
        }
    }

    @Override
    public void callRefused(EngineSocket socket, Operation operation) {
        for (EngineObserver observer : callRefused) {
            observer.callRefused(socket, operation);
        }
    }

    @Override
    public void callLeft(EngineSocket socket) {
        for (EngineObserver observer : callLeft) {
            observer.callLeft(socket);
        }
    }

    @Override
    public void dispatched(IrpCore irp, EngineSocket socket) {
        for (EngineObserver observer : dispatched) {
            observer.dispatched(irp, socket);
        }
    }

    @Override
    public void disconnectStarts(IrpCore irp, EngineSocket socket) {
        for (EngineObserver observer : disconnectStarts) {
            observer.disconnectStarts(irp, socket);
        }
    }

    @Override
    public void closeStarts(IrpCore irp, EngineSocket socket) {
        for (EngineObserver observer : closeStarts) {
            observer.closeStarts(irp, socket);
        }
    }

    @Override
    public void gateShut(EngineSocket socket, IrpCore close) {
        for (EngineObserver observer : gateShut) {
            observer.gateShut(socket, close);
        }
    }

    @Override
    public void closeHandedOver(EngineSocket socket, IrpCore close) {
        for (EngineObserver observer : closeHandedOver) {
            observer.closeHandedOver(socket, close);
        }
    }

    @Override
    public void eventDataPassedOn(EngineSocket socket, EventLoop lender) {
        for (EngineObserver observer : eventDataPassedOn) {
            observer.eventDataPassedOn(socket, lender);
        }
    }

    @Override
    public void tookUp(IrpCore irp, EventLoop loop) {
        for (EngineObserver observer : tookUp) {
            observer.tookUp(irp, loop);
        }
    }

    @Override
    public void tornDown(IrpCore cause, int flushed, boolean abortive) {
        for (EngineObserver observer : tornDown) {
            observer.tornDown(cause, flushed, abortive);
        }
    }

    /** At most one observer returns a watch (the verifier); it gets it back from {@link #eventEnded}. */
    @Override
    public Object eventStarts(EngineSocket socket, String event) {
        Object watch = null;
        for (EngineObserver observer : eventStarts) {
            Object own = observer.eventStarts(socket, event);
            if (own != null) {
                watch = own;
            }
        }
        return watch;
    }

    @Override
    public void eventEnded(EngineSocket socket, Object watch) {
        for (EngineObserver observer : eventEnded) {
            observer.eventEnded(socket, watch);
        }
    }

    @Override
    public void eventDataReturned(ByteBuffer view) {
        for (EngineObserver observer : eventDataReturned) {
            observer.eventDataReturned(view);
        }
    }

    @Override
    public void receiveDeclined(ConnectionSocket socket) {
        for (EngineObserver observer : receiveDeclined) {
            observer.receiveDeclined(socket);
        }
    }

    @Override
    public boolean reportsLeftOpen(EngineSocket socket) {
        boolean reported = false;
        for (EngineObserver observer : reportsLeftOpen) {
            reported |= observer.reportsLeftOpen(socket);
        }
        return reported;
    }

    /** At most one observer returns a watch (the verifier); it gets it back from {@link #routineReturned}. */
    @Override
    public Object completed(IrpCore irp, EngineSocket socket, NtStatus status, long information, boolean routineRuns) {
        Object watch = null;
        for (EngineObserver observer : completed) {
            Object own = observer.completed(irp, socket, status, information, routineRuns);
            if (own != null) {
                watch = own;
            }
        }
        return watch;
    }

    @Override
    public boolean routineReturned(Object watch, CompletionRoutine<?> routine, NtStatus answer) {
        boolean reported = false;
        for (EngineObserver observer : routineReturned) {
            reported |= observer.routineReturned(watch, routine, answer);
        }
        return reported;
    }
}

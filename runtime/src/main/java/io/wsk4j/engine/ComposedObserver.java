package io.wsk4j.engine;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.NtStatus;
import java.nio.ByteBuffer;

/**
 * Several observers as one (see {@link EngineObserver#of}), told in the order they were given. Built once at a
 * provider's start, so a call costs a walk over a short final array and allocates nothing.
 */
final class ComposedObserver implements EngineObserver {
    private final EngineObserver[] all;

    ComposedObserver(EngineObserver[] all) {
        this.all = all;
    }

    @Override
    public void callEntering(EngineSocket socket, Operation operation) {
        for (EngineObserver observer : all) {
            observer.callEntering(socket, operation);
        }
    }

    @Override
    public void callRefused(EngineSocket socket, Operation operation) {
        for (EngineObserver observer : all) {
            observer.callRefused(socket, operation);
        }
    }

    @Override
    public void callLeft(EngineSocket socket) {
        for (EngineObserver observer : all) {
            observer.callLeft(socket);
        }
    }

    @Override
    public void dispatched(IrpCore irp, EngineSocket socket) {
        for (EngineObserver observer : all) {
            observer.dispatched(irp, socket);
        }
    }

    @Override
    public void disconnectStarts(IrpCore irp, EngineSocket socket) {
        for (EngineObserver observer : all) {
            observer.disconnectStarts(irp, socket);
        }
    }

    @Override
    public void closeStarts(IrpCore irp, EngineSocket socket) {
        for (EngineObserver observer : all) {
            observer.closeStarts(irp, socket);
        }
    }

    @Override
    public void gateShut(EngineSocket socket, IrpCore close) {
        for (EngineObserver observer : all) {
            observer.gateShut(socket, close);
        }
    }

    @Override
    public void closeHandedOver(EngineSocket socket, IrpCore close) {
        for (EngineObserver observer : all) {
            observer.closeHandedOver(socket, close);
        }
    }

    @Override
    public void eventDataPassedOn(EngineSocket socket, EventLoop lender) {
        for (EngineObserver observer : all) {
            observer.eventDataPassedOn(socket, lender);
        }
    }

    @Override
    public void tookUp(IrpCore irp, EventLoop loop) {
        for (EngineObserver observer : all) {
            observer.tookUp(irp, loop);
        }
    }

    @Override
    public void tornDown(IrpCore cause, int flushed, boolean abortive) {
        for (EngineObserver observer : all) {
            observer.tornDown(cause, flushed, abortive);
        }
    }

    @Override
    public Object eventStarts(EngineSocket socket, String event) {
        Object watch = null;
        for (EngineObserver observer : all) {
            Object own = observer.eventStarts(socket, event);
            if (own != null) {
                watch = own;
            }
        }
        return watch;
    }

    @Override
    public void eventEnded(EngineSocket socket, Object watch) {
        for (EngineObserver observer : all) {
            observer.eventEnded(socket, watch);
        }
    }

    @Override
    public void eventDataReturned(ByteBuffer view) {
        for (EngineObserver observer : all) {
            observer.eventDataReturned(view);
        }
    }

    @Override
    public void receiveDeclined(ConnectionSocket socket) {
        for (EngineObserver observer : all) {
            observer.receiveDeclined(socket);
        }
    }

    @Override
    public boolean reportsLeftOpen(EngineSocket socket) {
        boolean reported = false;
        for (EngineObserver observer : all) {
            reported |= observer.reportsLeftOpen(socket);
        }
        return reported;
    }

    @Override
    public Object completed(IrpCore irp, EngineSocket socket, NtStatus status, long information, boolean routineRuns) {
        Object watch = null;
        for (EngineObserver observer : all) {
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
        for (EngineObserver observer : all) {
            reported |= observer.routineReturned(watch, routine, answer);
        }
        return reported;
    }
}

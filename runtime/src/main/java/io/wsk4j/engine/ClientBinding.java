package io.wsk4j.engine;

import io.wsk4j.DisconnectMode;
import io.wsk4j.WskBuf;
import io.wsk4j.WskClientConnectionDispatch;

/** A socket's context together with its event table; keeping them in one generic object keeps them typed. */
final class ClientBinding<C> {
    private final C context;
    private final WskClientConnectionDispatch<C> dispatch;

    ClientBinding(C context, WskClientConnectionDispatch<C> dispatch) {
        this.context = context;
        this.dispatch = dispatch;
    }

    boolean hasEvents() {
        return dispatch != null;
    }

    /** {@return the event table's class, for messages} */
    String dispatchName() {
        return dispatch == null ? "no event table" : dispatch.getClass().getName();
    }

    long onReceive(WskBuf data) {
        return dispatch.onReceive(context, data);
    }

    void onDisconnect(DisconnectMode how) {
        dispatch.onDisconnect(context, how);
    }

    void onSendBacklog(long idealBacklogSize) {
        dispatch.onSendBacklog(context, idealBacklogSize);
    }
}

package io.wsk4j.engine;

import io.wsk4j.DisconnectMode;
import io.wsk4j.WskBuf;
import io.wsk4j.WskClientConnectionDispatch;

/** A socket's context together with its event table; keeping them in one generic object keeps them typed. */
final class ClientBinding<C> {
    private final C context;
    private final WskClientConnectionDispatch<C> dispatch;

    private ClientBinding(C context, WskClientConnectionDispatch<C> dispatch) {
        this.context = context;
        this.dispatch = dispatch;
    }

    /**
     * {@return the binding of {@code context} to {@code dispatch}, or null without a dispatch} A socket without events
     * never hands its context to anyone, so it keeps neither: an idle connection holds nothing it does not need.
     */
    static <C> ClientBinding<C> of(C context, WskClientConnectionDispatch<C> dispatch) {
        return dispatch == null ? null : new ClientBinding<>(context, dispatch);
    }

    /** {@return the event table's class, for messages} */
    String dispatchName() {
        return dispatch.getClass().getName();
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

package io.wsk4j.engine;

import io.wsk4j.WskBuf;
import io.wsk4j.WskClientDatagramDispatch;
import java.net.SocketAddress;

/** A datagram socket's context together with its receive-from event; one generic object keeps them typed. */
final class DatagramBinding<C> {
    private final C context;
    private final WskClientDatagramDispatch<C> dispatch;

    DatagramBinding(C context, WskClientDatagramDispatch<C> dispatch) {
        this.context = context;
        this.dispatch = dispatch;
    }

    boolean hasEvents() {
        return dispatch != null;
    }

    void onReceiveFrom(WskBuf datagram, SocketAddress source) {
        dispatch.onReceiveFrom(context, datagram, source);
    }
}

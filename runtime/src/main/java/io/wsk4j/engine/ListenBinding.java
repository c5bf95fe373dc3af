package io.wsk4j.engine;

import io.wsk4j.WskAccept;
import io.wsk4j.WskClientListenDispatch;
import io.wsk4j.WskSocket;
import java.net.SocketAddress;

/** A listening socket's context together with its accept event. */
final class ListenBinding<L> {
    private final L context;
    private final WskClientListenDispatch<L> dispatch;

    ListenBinding(L context, WskClientListenDispatch<L> dispatch) {
        this.context = context;
        this.dispatch = dispatch;
    }

    WskAccept onAccept(WskSocket accepted, SocketAddress local, SocketAddress remote) {
        return dispatch.onAccept(context, accepted, local, remote);
    }
}

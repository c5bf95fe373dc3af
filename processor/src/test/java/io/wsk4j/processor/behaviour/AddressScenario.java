package io.wsk4j.processor.behaviour;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskProvider;
import io.wsk4j.WskBasicSocket;
import io.wsk4j.WskSocket;
import java.net.SocketAddress;

/** Implemented by a compiled driver of address handlers and a disconnect handler that takes the mode. */
public interface AddressScenario {
    NtStatus connect(WskProvider provider, SocketAddress remote, Session session);

    NtStatus localAddress(WskSocket socket, Session session);

    NtStatus remoteAddress(WskSocket socket, Session session);

    /** Faithful: the caller's IRP. */
    NtStatus remoteAddress(WskSocket socket, Irp irp, Session session);

    NtStatus disconnect(WskSocket socket, Session session);

    NtStatus abort(WskSocket socket, Session session);

    NtStatus close(WskBasicSocket socket, Session session);
}

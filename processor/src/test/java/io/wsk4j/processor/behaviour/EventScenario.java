package io.wsk4j.processor.behaviour;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskProvider;
import io.wsk4j.WskBasicSocket;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskSocket;
import java.net.SocketAddress;

/** Implemented by a compiled driver of an accept/event handler class. */
public interface EventScenario {
    NtStatus listen(WskProvider provider, SocketAddress local, Irp irp, Session listenContext);

    /** The glue's accept (SPEC K5): the accepted socket's context is a peer of {@code session}. */
    NtStatus accept(WskListenSocket listener, Session session);

    NtStatus close(WskBasicSocket socket, Session session);
}

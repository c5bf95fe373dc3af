package io.wsk4j.processor.behaviour;

import io.wsk4j.NtStatus;
import io.wsk4j.WskBuf;
import io.wsk4j.WskProvider;
import io.wsk4j.WskBasicSocket;
import io.wsk4j.WskSocket;
import java.net.SocketAddress;
import java.time.Duration;

/** Implemented by a compiled driver class that calls the generated dispatch class, typed, in plain Java. */
public interface SimpleScenario {
    NtStatus connect(WskProvider provider, SocketAddress remote, Session session);

    NtStatus send(WskSocket socket, WskBuf buffer, Session session);

    NtStatus receive(WskSocket socket, WskBuf buffer, Session session);

    /** Bounded by {@code timeout} (SPEC N2). */
    NtStatus receive(WskSocket socket, WskBuf buffer, Session session, Duration timeout);

    NtStatus disconnect(WskSocket socket, Session session);

    NtStatus disconnect(WskSocket socket, WskBuf finalData, Session session);

    NtStatus abort(WskSocket socket, Session session);

    NtStatus close(WskBasicSocket socket, Session session);

    /** Faithful disconnect: the caller's IRP. */
    NtStatus disconnect(WskSocket socket, io.wsk4j.Irp irp, Session session);
}

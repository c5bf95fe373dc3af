package demo;

import io.wsk4j.Irp;
import io.wsk4j.IrpPool;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBasicSocket;
import io.wsk4j.WskBuf;
import io.wsk4j.WskProvider;
import io.wsk4j.WskSocket;
import io.wsk4j.processor.behaviour.Recorder;
import io.wsk4j.processor.behaviour.Session;
import io.wsk4j.processor.behaviour.SimpleScenario;
import java.net.SocketAddress;
import java.time.Duration;

/** Calls the generated HandlersDispatch in plain, typed Java: this compiling is part of the test. */
public final class Driver implements SimpleScenario {
    private final HandlersDispatch dispatch;

    public Driver(Recorder recorder, IrpPool pool) {
        this.dispatch = new HandlersDispatch(new Handlers(recorder), pool);
    }

    @Override
    public NtStatus connect(WskProvider provider, SocketAddress remote, Session session) {
        return dispatch.connect(provider, remote, session);
    }

    @Override
    public NtStatus send(WskSocket socket, WskBuf buffer, Session session) {
        return dispatch.send(socket, buffer, session);
    }

    @Override
    public NtStatus receive(WskSocket socket, WskBuf buffer, Session session) {
        return dispatch.receive(socket, buffer, session);
    }

    @Override
    public NtStatus receive(WskSocket socket, WskBuf buffer, Session session, Duration timeout) {
        return dispatch.receive(socket, buffer, session, timeout);
    }

    @Override
    public NtStatus disconnect(WskSocket socket, Session session) {
        return dispatch.disconnect(socket, session);
    }

    @Override
    public NtStatus disconnect(WskSocket socket, WskBuf finalData, Session session) {
        return dispatch.disconnect(socket, finalData, session);
    }

    @Override
    public NtStatus abort(WskSocket socket, Session session) {
        return dispatch.abort(socket, session);
    }

    @Override
    public NtStatus close(WskBasicSocket socket, Session session) {
        return dispatch.close(socket, session);
    }

    @Override
    public NtStatus disconnect(WskSocket socket, Irp irp, Session session) {
        return dispatch.disconnect(socket, irp, new Handlers.Owned(session));
    }
}

package demo;

import io.wsk4j.Irp;
import io.wsk4j.IrpPool;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBasicSocket;
import io.wsk4j.WskProvider;
import io.wsk4j.WskSocket;
import io.wsk4j.processor.behaviour.AddressScenario;
import io.wsk4j.processor.behaviour.Recorder;
import io.wsk4j.processor.behaviour.Session;
import java.net.SocketAddress;

/** Calls the generated HandlersDispatch in plain, typed Java: this compiling is part of the test. */
public final class AddressDriver implements AddressScenario {
    private final HandlersDispatch dispatch;

    public AddressDriver(Recorder recorder, IrpPool pool) {
        this.dispatch = new HandlersDispatch(new Handlers(recorder), pool);
    }

    @Override
    public NtStatus connect(WskProvider provider, SocketAddress remote, Session session) {
        return dispatch.connect(provider, remote, session);
    }

    @Override
    public NtStatus localAddress(WskSocket socket, Session session) {
        return dispatch.localAddress(socket, session);
    }

    @Override
    public NtStatus remoteAddress(WskSocket socket, Session session) {
        return dispatch.remoteAddress(socket, session);
    }

    @Override
    public NtStatus remoteAddress(WskSocket socket, Irp irp, Session session) {
        return dispatch.remoteAddress(socket, irp, new Handlers.Owned(session));
    }

    @Override
    public NtStatus disconnect(WskSocket socket, Session session) {
        return dispatch.disconnect(socket, session);
    }

    @Override
    public NtStatus abort(WskSocket socket, Session session) {
        return dispatch.abort(socket, session);
    }

    @Override
    public NtStatus close(WskBasicSocket socket, Session session) {
        return dispatch.close(socket, session);
    }
}

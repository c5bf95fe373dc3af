package demo;

import io.wsk4j.Irp;
import io.wsk4j.IrpPool;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBasicSocket;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskProvider;
import io.wsk4j.WskSocket;
import io.wsk4j.processor.behaviour.EventScenario;
import io.wsk4j.processor.behaviour.Recorder;
import io.wsk4j.processor.behaviour.Session;
import java.net.SocketAddress;

public final class EventDriver implements EventScenario {
    private final ServerDispatch dispatch;

    public EventDriver(Recorder recorder, IrpPool pool) {
        this.dispatch = new ServerDispatch(new Server(recorder), pool);
    }

    @Override
    public NtStatus listen(WskProvider provider, SocketAddress local, Irp irp, Session listenContext) {
        return dispatch.listen(provider, local, irp, listenContext);
    }

    @Override
    public NtStatus accept(WskListenSocket listener, Session session) {
        return dispatch.accept(listener, new Server.Peer(session, null));
    }

    @Override
    public NtStatus close(WskBasicSocket socket, Session session) {
        return dispatch.close(socket, session);
    }
}

package demo;

import io.wsk4j.Irp;
import io.wsk4j.IrpPool;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBasicSocket;
import io.wsk4j.WskBuf;
import io.wsk4j.WskDatagramSocket;
import io.wsk4j.WskOption;
import io.wsk4j.WskProvider;
import io.wsk4j.processor.behaviour.DatagramScenario;
import io.wsk4j.processor.behaviour.Recorder;
import io.wsk4j.processor.behaviour.Session;
import java.net.SocketAddress;

/** Calls the generated HandlersDispatch in plain, typed Java: this compiling is part of the test. */
public final class DatagramDriver implements DatagramScenario {
    private final HandlersDispatch dispatch;

    public DatagramDriver(Recorder recorder, IrpPool pool) {
        this.dispatch = new HandlersDispatch(new Handlers(recorder), pool);
    }

    @Override
    public NtStatus sendTo(WskDatagramSocket socket, WskBuf datagram, SocketAddress remote, Session session) {
        return dispatch.sendTo(socket, datagram, remote, session);
    }

    @Override
    public NtStatus receiveFrom(WskDatagramSocket socket, WskBuf buffer, Session session) {
        return dispatch.receiveFrom(socket, buffer, session);
    }

    @Override
    public NtStatus receiveFrom(WskDatagramSocket socket, WskBuf buffer, Irp irp, Session session) {
        return dispatch.receiveFrom(socket, buffer, irp, new Handlers.Owned(session));
    }

    @Override
    public NtStatus addressInfo(WskProvider provider, String node, String service, Session session) {
        return dispatch.addressInfo(provider, node, service, session);
    }

    @Override
    public NtStatus datagramSocket(WskProvider provider, Irp irp, Session session) {
        return dispatch.datagramSocket(provider, irp, session);
    }

    @Override
    public NtStatus enableEvents(WskDatagramSocket socket) {
        return dispatch.enableDatagramEvents(socket);
    }

    @Override
    public <T> NtStatus setOption(WskBasicSocket socket, WskOption<T> option, T value, Session session) {
        return dispatch.setOption(socket, option, value, session);
    }

    @Override
    public <T> NtStatus getOption(WskBasicSocket socket, WskOption<T> option, Session session) {
        return dispatch.getOption(socket, option, session);
    }

    @Override
    public NtStatus close(WskBasicSocket socket, Session session) {
        return dispatch.close(socket, session);
    }
}

package io.wsk4j.processor.behaviour;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBasicSocket;
import io.wsk4j.WskBuf;
import io.wsk4j.WskDatagramSocket;
import io.wsk4j.WskOption;
import io.wsk4j.WskProvider;
import java.net.SocketAddress;

/** Implemented by a compiled driver of datagram and name handlers. */
public interface DatagramScenario {
    NtStatus sendTo(WskDatagramSocket socket, WskBuf datagram, SocketAddress remote, Session session);

    NtStatus receiveFrom(WskDatagramSocket socket, WskBuf buffer, Session session);

    /** Faithful: the caller's IRP. */
    NtStatus receiveFrom(WskDatagramSocket socket, WskBuf buffer, Irp irp, Session session);

    NtStatus addressInfo(WskProvider provider, String node, String service, Session session);

    /** A datagram socket with the receive-from event handler; the caller's IRP has its routine. */
    NtStatus datagramSocket(WskProvider provider, Irp irp, Session session);

    NtStatus enableEvents(WskDatagramSocket socket);

    <T> NtStatus setOption(WskBasicSocket socket, WskOption<T> option, T value, Session session);

    <T> NtStatus getOption(WskBasicSocket socket, WskOption<T> option, Session session);

    NtStatus close(WskBasicSocket socket, Session session);
}

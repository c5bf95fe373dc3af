package io.wsk4j.examples.echo;

import io.wsk4j.NtStatus;
import io.wsk4j.WskProvider;
import io.wsk4j.examples.peer.Peer;
import io.wsk4j.examples.report.Report;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@link EchoServer} and {@link EchoClient} against each other on loopback. */
public final class EchoDemo {
    private EchoDemo() {}

    /** What the demo saw on both sides. */
    public record Outcome(EchoClient.Result client, EchoServer.Closed server) {}

    public static Outcome run(WskProvider provider, List<String> messages, Report report) throws Exception {
        EchoServer server = EchoServer.create();
        EchoServer.Listener listener =
                server.listen(provider, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "echo");
        listener.socket().get(Peer.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        report.line("WskSocket(listen) on 127.0.0.1, ephemeral port", NtStatus.SUCCESS);
        SocketAddress address = listener.address().get(Peer.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        report.line("listening at", address);

        EchoClient.Session session = EchoClient.create().start(provider, address, messages);
        EchoClient.Result result = session.result().get(Peer.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        for (String echo : result.echoes()) {
            report.line("client got back", "\"" + echo + "\"");
        }
        report.expect("echoes", messages, result.echoes());
        report.line("client WskDisconnect(GRACEFUL)", result.disconnect());
        report.line("client WskCloseSocket after the server's FIN", result.close());

        EchoServer.Closed closed = server.closedConnections().poll(Peer.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        report.line("server: peer FIN -> WskDisconnect(GRACEFUL)", closed == null ? "nothing" : closed.disconnect());
        report.line("server: disconnect done -> WskCloseSocket", closed == null ? "nothing" : closed.close());
        report.line("server echoed", (closed == null ? 0 : closed.echoed()) + " bytes");

        server.stopListening(listener);
        report.line("WskCloseSocket(listening socket)",
                listener.closed().get(Peer.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
        return new Outcome(result, closed);
    }

    public static void runAll(WskProvider provider, Report report) throws Exception {
        report.section("Echo server (echosrv's shape: accept event, two receives in flight) and client");
        run(provider, List.of("ping", "hello, kernel", "the last one"), report);
    }
}

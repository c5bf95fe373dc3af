package io.wsk4j.examples.peer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * The remote end of a demo: a plain {@link java.net.Socket} on 127.0.0.1 that reports what a real peer observes,
 * the bytes, then end-of-stream (our FIN) or "Connection reset" (our RST).
 */
public final class Peer implements AutoCloseable {
    /** How long any peer operation may wait before the demo gives up. */
    public static final int TIMEOUT_MILLIS = 10_000;

    private final ServerSocket server;

    /** Listens on an ephemeral loopback port, so the demo never needs a free fixed port. */
    public Peer() throws IOException {
        server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        server.setSoTimeout(TIMEOUT_MILLIS);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** Accepts the next connection (bounded wait). */
    public Socket accept() throws IOException {
        Socket socket = server.accept();
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return socket;
    }

    /** Reads exactly {@code count} bytes as ASCII text. */
    public static String read(Socket socket, int count) throws IOException {
        return new String(socket.getInputStream().readNBytes(count), StandardCharsets.US_ASCII);
    }

    /** Reads until the connection ends, and says how it ended. */
    public static Observation readToEnd(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        try {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                data.write(chunk, 0, n);
            }
            return new Observation(data.toString(StandardCharsets.US_ASCII), End.EOF);
        } catch (SocketException e) {
            if (String.valueOf(e.getMessage()).contains("reset")) {
                return new Observation(data.toString(StandardCharsets.US_ASCII), End.RESET);
            }
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** How a connection ended, seen from the peer. */
    public enum End {
        /** {@code read()} returned -1: a FIN, the graceful end. */
        EOF("end-of-stream (FIN)"),
        /** {@code read()} threw "Connection reset": an RST, the abortive end. */
        RESET("Connection reset (RST)");

        private final String text;

        End(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** What the peer read, then how the stream ended. */
    public record Observation(String data, End end) {
        @Override
        public String toString() {
            return (data.isEmpty() ? "no data" : "\"" + data + "\"") + ", then " + end;
        }
    }
}

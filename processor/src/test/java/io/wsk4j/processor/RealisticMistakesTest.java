package io.wsk4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC P7 in real code: each mistake, made once inside a class that looks like a user's (a generic class, nested
 * types, a nested handler class, every kind of handler), gives exactly one error, on its own line. A mistake must
 * not echo through the handlers that share its types.
 */
@Timeout(60)
final class RealisticMistakesTest {
    /** A correct gateway: {@code //@} marks the line a case replaces, {@code //+} where a case adds lines. */
    private static final String GATEWAY = String.join("\n",
            "package demo;",
            "",
            "import io.wsk4j.*;",
            "import io.wsk4j.annotations.*;",
            "import java.net.SocketAddress;",
            "",
            "public final class Gateway<T extends Comparable<T>> {",
            "    public record Upstream(String name) {}",
            "",
            "    public static final class Session<P> {",
            "        P payload;",
            "    }",
            "",
            "    public record Listener(int port) {}",
            "",
            "    public static final class Admin { //@admin",
            "        @OnCloseComplete",
            "        void adminClosed(NtStatus status, Listener listener) {}",
            "    }",
            "",
            "    @OnConnectComplete",
            "    void connected(NtStatus status, WskSocket socket, Upstream upstream) {} //@connected",
            "",
            "    @OnSendComplete",
            "    void sent(NtStatus status, long bytes, Session<T> session) {} //@sent",
            "",
            "    @OnReceiveComplete",
            "    NtStatus received(Irp irp, Session<T> session) { return NtStatus.MORE_PROCESSING_REQUIRED; } //@received",
            "",
            "    @OnDisconnectComplete",
            "    void disconnected(NtStatus status, Session<T> session) {} //@disconnected",
            "",
            "    @OnDisconnectComplete",
            "    void upstreamGone(NtStatus status, DisconnectMode mode, Upstream upstream) {} //@gone",
            "",
            "    @OnCloseComplete",
            "    void closed(NtStatus status, Session<T> session) {}",
            "",
            "    @OnAddressComplete",
            "    void addressed(NtStatus status, SocketAddress address, Session<T> session) {} //@addressed",
            "",
            "    @OnListenComplete",
            "    void listening(NtStatus status, WskListenSocket listener, Listener at) {}",
            "",
            "    @OnAcceptEvent",
            "    Session<T> accepted(WskSocket socket, SocketAddress remote, Listener at) { return new Session<>(); }",
            "",
            "    @OnReceiveEvent",
            "    long data(WskBuf data, Session<T> session) { return data.length(); }",
            "",
            "    @OnDisconnectEvent",
            "    void peerLeft(DisconnectMode how, Session<T> session) {}",
            "    //+",
            "}",
            "");

    /**
     * What a user's own code does with the glue, inside the handler class: make it (both ways), start operations
     * through it, reach the nested class's glue. A mistake in a handler must not echo here as "cannot find symbol".
     */
    private static final String USES_THE_GLUE = String.join("\n",
            "    private final GatewayDispatch<T> glue = new GatewayDispatch<>(this);",
            "",
            "    NtStatus use(WskProvider provider, SocketAddress address, WskSocket socket, WskBuf data, Irp irp,",
            "            Gateway_AdminDispatch adminGlue) {",
            "        GatewayDispatch<T> made = new GatewayDispatch<>(dispatch -> this);",
            "        Session<T> session = new Session<>();",
            "        glue.connect(provider, address, new Upstream(\"up\"));",
            "        glue.send(socket, data, session);",
            "        glue.send(socket, data, session, java.time.Duration.ofSeconds(5));",
            "        glue.receive(socket, data, irp, session, java.time.Duration.ofSeconds(5));",
            "        glue.receive(socket, data, irp, session);",
            "        glue.disconnect(socket, session);",
            "        glue.abort(socket, session);",
            "        glue.abort(socket, new Upstream(\"gone\"));",
            "        glue.localAddress(socket, session);",
            "        glue.remoteAddress(socket, session);",
            "        glue.close(socket, session);",
            "        glue.listen(provider, address, new Listener(0));",
            "        glue.enableEvents(socket);",
            "        adminGlue.close(socket, new Listener(1));",
            "        return made.handlers() == this ? glue.close(socket, session) : NtStatus.UNSUCCESSFUL;",
            "    }",
            "",
            "    Gateway_AdminDispatch adminGlue(Admin admin) {",
            "        return new Gateway_AdminDispatch(admin);",
            "    }",
            "");

    static Stream<Arguments> mistakes() {
        return Stream.of(
                replace("WrongParameters", "sent",
                        "    void sent(NtStatus status, String bytes, Session<T> session) {}"),
                replace("WrongReturnType", "received", "    void received(Irp irp, Session<T> session) {}"),
                add("PrimitiveContext", "    @OnSendComplete void counted(NtStatus status, int count) {} //!"),
                replace("PrivateHandler", "disconnected",
                        "    private void disconnected(NtStatus status, Session<T> session) {}"),
                add("StaticHandler", "    @OnCloseComplete static void upstreamClosed(NtStatus s, Upstream u) {} //!"),
                add("GenericHandler", "    @OnSendComplete <X> void sentAnything(NtStatus status, X any) {} //!"),
                add("DuplicateHandler", "    @OnDisconnectComplete void gone(NtStatus status, Session<T> s) {} //!"),
                add("MultipleAnnotations", "    @OnCloseComplete @OnDisconnectComplete void both(NtStatus s, Upstream u) {}"
                        + " //!"),
                add("InaccessibleContext", "    private record Secret(String value) {}\n"
                        + "    @OnSendComplete void sentSecret(NtStatus status, Secret secret) {} //!\n"
                        + "    @OnCloseComplete void closedSecret(NtStatus status, Secret secret) {}\n"
                        + "    @OnDisconnectComplete void goneSecret(NtStatus status, Secret secret) {}"),
                replace("CheckedException", "connected", "    void connected(NtStatus status, WskSocket socket,"
                        + " Upstream upstream) throws java.io.IOException {}"),
                add("ErasureClash", "    @OnSendComplete void sentText(NtStatus status, Session<String> text) {} //!"),
                add("WrongParameters", "    @OnAcceptComplete void acceptedAt(NtStatus status, WskListenSocket"
                        + " listener, Upstream u) {} //!"),
                add("ListenWithoutAccept",
                        "    @OnListenComplete void up(NtStatus status, WskListenSocket listener, Upstream u) {} //!"),
                replace("WrongParameters", "addressed", "    void addressed(NtStatus status,"
                        + " java.net.InetSocketAddress address, Session<T> session) {}"),
                replace("WrongReturnType", "addressed", "    void addressed(Irp irp, Session<T> session) {}"),
                replace("WrongParameters", "gone",
                        "    void upstreamGone(DisconnectMode mode, NtStatus status, Upstream upstream) {}"),
                replace("WrongParameters", "gone",
                        "    void upstreamGone(NtStatus status, boolean abortive, Upstream upstream) {}"),
                add("DuplicateHandler", "    @OnDisconnectComplete void upstreamEnded(NtStatus s, Upstream u) {} //!"),
                add("WrongParameters", "    @OnReceiveFromComplete void datagram(NtStatus status, long bytes,"
                        + " java.net.InetSocketAddress source, Upstream u) {} //!"),
                add("WrongParameters", "    @OnSendToComplete void datagramSent(NtStatus status, WskDatagramSocket"
                        + " socket, Upstream u) {} //!"),
                add("WrongParameters", "    @OnAddressInfoComplete void resolved(NtStatus status,"
                        + " java.util.Collection<java.net.InetSocketAddress> all, Upstream u) {} //!"),
                add("WrongParameters", "    @OnReceiveFromEvent void datagramArrived(WskBuf datagram, Upstream u)"
                        + " {} //!"),
                add("WrongParameters", "    @OnOptionComplete void tuned(NtStatus status, WskOption<?> option,"
                        + " Object value, Upstream u) {} //!"),
                add("GenericHandler", "    @OnOptionComplete <X> void tunedSession(NtStatus status, WskOption<X>"
                        + " option, X value, Session<X> s) {} //!"),
                replace("PrivateClass", "admin", "    private static final class Admin { //!"),
                replace("InnerClass", "admin", "    public final class Admin { //!"));
    }

    @Test
    @DisplayName("P5 the realistic gateway itself compiles cleanly, so each case below has exactly its own mistake")
    void gatewayIsCorrect() {
        Compilation compilation = TestCompiler.compile(TestCompiler.STRICT,
                JavaFileObjects.forSourceString("demo.Gateway", clean(GATEWAY)));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation.generatedSourceFiles()).hasSize(2); // GatewayDispatch and Gateway_AdminDispatch
    }

    @ParameterizedTest(name = "[wsk4j:{0}]")
    @MethodSource("mistakes")
    @DisplayName("P7 one mistake in a realistic class: exactly one error, on its line")
    void exactlyOneError(String id, String marked) {
        String source = clean(marked);
        JavaFileObject file = JavaFileObjects.forSourceString("demo.Gateway", source);
        Compilation compilation = TestCompiler.compile(List.of(), file);
        List<String> errors = compilation.errors().stream().map(error -> error.getMessage(null)).toList();
        assertWithMessage("errors").that(errors).hasSize(1);
        Diagnostic<? extends JavaFileObject> error = compilation.errors().get(0);
        assertThat(error.getMessage(null)).startsWith("[wsk4j:" + id + "]");
        assertThat(error.getLineNumber()).isEqualTo(markedLine(marked));
    }

    @Test
    @DisplayName("P5 the realistic gateway with code that uses its glue compiles cleanly")
    void gatewayAndItsUserAreCorrect() {
        Compilation compilation = TestCompiler.compile(TestCompiler.STRICT,
                JavaFileObjects.forSourceString("demo.Gateway", clean(withUser(GATEWAY))));
        assertThat(compilation).succeededWithoutWarnings();
    }

    @ParameterizedTest(name = "[wsk4j:{0}]")
    @MethodSource("mistakes")
    @DisplayName("P7 one mistake in a realistic class whose own code uses the glue: still exactly one error, on its"
            + " line, and none where the code names the dispatch class")
    void exactlyOneErrorWhereTheGlueIsUsed(String id, String marked) {
        JavaFileObject file = JavaFileObjects.forSourceString("demo.Gateway", clean(withUser(marked)));
        Compilation compilation = TestCompiler.compile(List.of(), file);
        List<String> errors = compilation.errors().stream()
                .map(error -> error.getLineNumber() + ": " + error.getMessage(null)).toList();
        assertWithMessage("errors").that(errors).hasSize(1);
        Diagnostic<? extends JavaFileObject> error = compilation.errors().get(0);
        assertThat(error.getMessage(null)).startsWith("[wsk4j:" + id + "]");
        assertThat(error.getLineNumber()).isEqualTo(markedLine(withUser(marked)));
    }

    /** The class with {@link #USES_THE_GLUE} as its last member. */
    private static String withUser(String marked) {
        int end = marked.lastIndexOf("}");
        return marked.substring(0, end) + USES_THE_GLUE + marked.substring(end);
    }

    private static Arguments replace(String id, String marker, String line) {
        String[] lines = GATEWAY.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].endsWith("//@" + marker)) {
                lines[i] = line;
                if (!line.endsWith("//!")) {
                    lines[i - 1] += " //!"; // a handler's error sits on its annotation, the line above
                }
                return Arguments.of(id, String.join("\n", lines));
            }
        }
        throw new IllegalArgumentException("no line marked //@" + marker);
    }

    private static Arguments add(String id, String lines) {
        return Arguments.of(id, GATEWAY.replace("    //+", lines));
    }

    private static String clean(String marked) {
        return marked.replace("\n    //+\n", "\n").replaceAll(" //[@!][a-z]*", "");
    }

    private static long markedLine(String marked) {
        String[] lines = marked.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].endsWith("//!")) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no //! marker");
    }
}

package io.wsk4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC P7: every user mistake is exactly one error, on the offending line, with a sentence that says how to fix it,
 * no stack trace, and no working glue for the class: only a stand-in whose members throw. The offending line carries the marker {@code //!}.
 */
@Timeout(60)
final class ErrorTest {
    @TempDir
    Path folder;

    /** The mistakes of SPEC P7 (and P2, P6), one per case: id, expected text, the class body. */
    static Stream<Arguments> mistakes() {
        return Stream.of(
                mistake("WrongParameters", "@OnSendComplete handler Handlers.sent has parameters (NtStatus, String,"
                                + " Session), but it must be void sent(NtStatus status, C context), void"
                                + " sent(NtStatus status, long bytes, C context) or NtStatus sent(Irp irp, C context)."
                                + " Change the parameters to one of these shapes.",
                        "@OnSendComplete void sent(NtStatus status, String bytes, Session session) {} //!"),
                mistake("WrongParameters", "@OnDisconnectComplete handler Handlers.gone has parameters (Session)",
                        "@OnDisconnectComplete void gone(Session session) {} //!"),
                mistake("WrongReturnType", "@OnDisconnectComplete handler taking (Irp, context) returns void, but it"
                                + " must return NtStatus. A faithful handler owns the IRP: free or reuse it, then"
                                + " return NtStatus.MORE_PROCESSING_REQUIRED (SPEC I4).",
                        "@OnDisconnectComplete void gone(Irp irp, Session session) {} //!"),
                mistake("WrongReturnType", "@OnCloseComplete handler taking (NtStatus, context) returns NtStatus, but it"
                                + " must return void.",
                        "@OnCloseComplete NtStatus closed(NtStatus status, Session session) { return status; } //!"),
                mistake("WrongReturnType", "@OnReceiveEvent handler taking (WskBuf, context) returns void, but it must"
                                + " return long.",
                        "@OnReceiveEvent void data(WskBuf data, Session session) {} //!"),
                mistake("PrivateHandler", "Handler Handlers.gone is private, so the generated HandlersDispatch cannot"
                                + " call it. Make it package-private or wider.",
                        "@OnDisconnectComplete private void gone(NtStatus status, Session session) {} //!"),
                mistake("StaticHandler", "Handler Handlers.gone is static, but handlers are called on the instance"
                                + " given to the generated HandlersDispatch. Remove the static modifier.",
                        "@OnDisconnectComplete static void gone(NtStatus status, Session session) {} //!"),
                mistake("GenericHandler", "Handler Handlers.gone declares its own type variables",
                        "@OnDisconnectComplete <T> void gone(NtStatus status, T session) {} //!"),
                mistake("DuplicateHandler", "Handlers Handlers.gone and Handlers.left are both @OnDisconnectComplete"
                                + " handlers for context type Session, so a completion could not know which to call."
                                + " Keep one of them, or give them different context types.",
                        "@OnDisconnectComplete void gone(NtStatus status, Session session) {}\n"
                                + "    @OnDisconnectComplete void left(NtStatus status, Session session) {} //!"),
                mistake("PrimitiveContext", "The context parameter of handler Handlers.gone has the primitive type"
                                + " int. Use a reference type instead, such as Integer or a record of your own.",
                        "@OnDisconnectComplete void gone(NtStatus status, int session) {} //!"),
                mistake("MultipleAnnotations", "Handler Handlers.gone carries both @OnDisconnectComplete and"
                                + " @OnCloseComplete, but a method handles one operation. Split it into one method"
                                + " per annotation.",
                        "@OnDisconnectComplete @OnCloseComplete void gone(NtStatus status, Session session) {} //!"),
                mistake("InaccessibleContext", "Handler Handlers.sent uses the type Handlers.Hidden, and"
                                + " Handlers.Hidden is private, so the generated HandlersDispatch, a class of its own in"
                                + " the same package, cannot name it. Make Handlers.Hidden package-private or wider.",
                        "private record Hidden(String name) {}\n"
                                + "    @OnSendComplete void sent(NtStatus status, Hidden hidden) {} //!"),
                mistake("CheckedException", "Handler Handlers.sent declares the checked exception IOException, but a"
                                + " completion routine or event cannot throw it. Catch it inside the handler, or wrap"
                                + " it in an unchecked exception.",
                        "@OnSendComplete void sent(NtStatus status, Session session) throws java.io.IOException {}"
                                + " //!"),
                mistake("ListenWithoutAccept", "Handler Handlers.up completes listens for context type Session, but"
                                + " no @OnAcceptEvent handler of the class takes Session, so a listening socket would"
                                + " have nowhere to send its connections. Add an @OnAcceptEvent handler whose last"
                                + " parameter is Session, or remove this one.",
                        "@OnListenComplete void up(NtStatus status, WskListenSocket listener, Session session) {} //!"),
                mistake("WrongParameters", "@OnListenComplete handler Handlers.up has parameters (Irp, Session), but"
                                + " it must be void up(NtStatus status, WskListenSocket listener, L context).",
                        "@OnListenComplete NtStatus up(Irp irp, Session session) { return null; } //!"),
                mistake("WrongParameters", "@OnReceiveFromComplete handler Handlers.got has parameters (NtStatus,"
                                + " long, Session), but it must be void got(NtStatus status, long bytes, SocketAddress"
                                + " source, C context) or NtStatus got(Irp irp, C context). Change the parameters to"
                                + " one of these shapes.",
                        "@OnReceiveFromComplete void got(NtStatus status, long bytes, Session session) {} //!"),
                mistake("WrongReturnType", "@OnSendToComplete handler taking (Irp, context) returns void, but it must"
                                + " return NtStatus. A faithful handler owns the IRP: free or reuse it, then return"
                                + " NtStatus.MORE_PROCESSING_REQUIRED (SPEC I4).",
                        "@OnSendToComplete void sent(Irp irp, Session session) {} //!"),
                mistake("WrongParameters", "@OnAddressInfoComplete handler Handlers.found has parameters (NtStatus,"
                                + " List<String>, Session), but it must be void found(NtStatus status,"
                                + " List<InetSocketAddress> addresses, C context) or NtStatus found(Irp irp, C"
                                + " context). Change the parameters to one of these shapes.",
                        "@OnAddressInfoComplete void found(NtStatus status, List<String> all, Session session) {} //!"),
                mistake("WrongReturnType", "@OnReceiveFromEvent handler taking (WskBuf, SocketAddress, context)"
                                + " returns long, but it must return void. WSK's receive-from event returns nothing:"
                                + " every datagram it gets is taken.",
                        "@OnReceiveFromEvent long got(WskBuf datagram, java.net.SocketAddress source, Session s) {"
                                + " return 0; } //!"),
                mistake("WrongParameters", "@OnReceiveFromEvent handler Handlers.got has parameters (WskBuf,"
                                + " Session), but it must be void got(WskBuf datagram, SocketAddress source, C"
                                + " context). Change the parameters to match it.",
                        "@OnReceiveFromEvent void got(WskBuf datagram, Session session) {} //!"),
                mistake("WrongParameters", "@OnOptionComplete handler Handlers.tuned has parameters (NtStatus,"
                                + " WskOption<Integer>, Integer, Session), but it must be <T> void tuned(NtStatus"
                                + " status, WskOption<T> option, T value, C context) or NtStatus tuned(Irp irp, C"
                                + " context). Change the parameters to one of these shapes.",
                        "@OnOptionComplete void tuned(NtStatus status, WskOption<Integer> option, Integer value,"
                                + " Session session) {} //!"),
                mistake("GenericHandler", "Handler Handlers.tuned declares its own type variables",
                        "@OnOptionComplete <T> NtStatus tuned(Irp irp, Session session) { return null; } //!"),
                mistake("GenericHandler", "Handler Handlers.tuned declares its own type variables",
                        "@OnOptionComplete <T> void tuned(NtStatus status, WskOption<T> option, T value, List<T>"
                                + " values) {} //!"),
                mistake("WrongParameters", "@OnOptionComplete handler Handlers.tuned has parameters (NtStatus,"
                                + " WskOption<T>, T, Session)",
                        "@OnOptionComplete <T extends Number> void tuned(NtStatus status, WskOption<T> option, T"
                                + " value, Session session) {} //!"),
                mistake("ErasureClash", "Handlers Handlers.a and Handlers.b take context types List<String> and"
                                + " List<Integer>, which erase to the same type List, so their generated methods"
                                + " would clash.",
                        "@OnSendComplete void a(NtStatus status, List<String> strings) {}\n"
                                + "    @OnSendComplete void b(NtStatus status, List<Integer> numbers) {} //!"));
    }

    @ParameterizedTest(name = "[wsk4j:{0}] {2}")
    @MethodSource("mistakes")
    @DisplayName("P7 one error on the offending line, with its fix, no trace, no working glue")
    void oneErrorPerMistake(String id, String text, String body) throws IOException {
        String source = wrap("public final class Handlers {\n    " + body + "\n}\n");
        assertOneError(source, id, text);
    }

    @Test
    @DisplayName("P7 P2 handler in a private class: one error on the class")
    void privateClass() throws IOException {
        assertOneError(wrap("public final class Handlers {\n"
                        + "    private static final class Hidden { //!\n"
                        + "        @OnDisconnectComplete void gone(NtStatus status, Session session) {}\n"
                        + "    }\n"
                        + "}\n"),
                "PrivateClass", "Class demo.Handlers.Hidden is private, so the generated Handlers_HiddenDispatch"
                        + " cannot call its handlers. Make the class package-private or wider.");
    }

    @Test
    @DisplayName("P2 handler in an inner (non-static) class: one error on the class")
    void innerClass() throws IOException {
        assertOneError(wrap("public final class Handlers {\n"
                        + "    final class Inner { //!\n"
                        + "        @OnDisconnectComplete void gone(NtStatus status, Session session) {}\n"
                        + "    }\n"
                        + "}\n"),
                "InnerClass", "Class demo.Handlers.Inner is an inner class");
    }

    @Test
    @DisplayName("P7 a mistake in one class does not stop the dispatch class of another")
    void otherClassesStillGenerated() throws IOException {
        FolderCompiler.Result result = FolderCompiler.compile(ToolProvider.getSystemJavaCompiler(), folder, Map.of(
                "demo.Handlers", strip(wrap("public final class Handlers {\n"
                        + "    @OnDisconnectComplete static void gone(NtStatus status, Session session) {}\n}\n")),
                "demo.Good", "package demo;\n"
                        + "import io.wsk4j.NtStatus;\n"
                        + "import io.wsk4j.annotations.OnDisconnectComplete;\n"
                        + "public final class Good {\n"
                        + "    @OnDisconnectComplete void gone(NtStatus status, String session) {}\n}\n"),
                List.of("--release", "17"), new WskProcessor());
        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().get(0)).startsWith("[wsk4j:StaticHandler]");
        assertThat(result.generated().keySet()).containsExactly("GoodDispatch.java", "HandlersDispatch.java");
        assertThat(result.generated().get("GoodDispatch.java")).doesNotContain(STAND_IN);
        assertOnlyStandIns(Map.of("HandlersDispatch.java", result.generated().get("HandlersDispatch.java")));
    }

    @Test
    @DisplayName("P7 two handler classes whose dispatch classes would share a name: one error, on the second")
    void dispatchNameClash() throws IOException {
        String handlers = "    @OnSendComplete void sent(NtStatus status, String context) {}\n";
        FolderCompiler.Result result = FolderCompiler.compile(ToolProvider.getSystemJavaCompiler(), folder, Map.of(
                "demo.Outer", "package demo;\nimport io.wsk4j.*;\nimport io.wsk4j.annotations.*;\n"
                        + "public class Outer {\n    public static class Inner {\n" + handlers + "    }\n}\n",
                "demo.Outer_Inner", "package demo;\nimport io.wsk4j.*;\nimport io.wsk4j.annotations.*;\n"
                        + "public class Outer_Inner {\n" + handlers + "}\n"),
                List.of("--release", "17"), new WskProcessor());
        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().get(0)).startsWith("[wsk4j:DispatchNameClash] The dispatch class of demo.Outer_Inner"
                + " would be demo.Outer_InnerDispatch, but that name is already taken by the dispatch class of"
                + " demo.Outer.Inner. Rename one of the classes.");
        assertThat(result.errors().get(0)).doesNotContain("\tat ");
    }

    @Test
    @DisplayName("P7 a class of the user's already named like the dispatch class: one error on the handler class")
    void dispatchNameTakenByUserClass() throws IOException {
        FolderCompiler.Result result = FolderCompiler.compile(ToolProvider.getSystemJavaCompiler(), folder, Map.of(
                "demo.Foo", "package demo;\nimport io.wsk4j.*;\nimport io.wsk4j.annotations.*;\n"
                        + "public class Foo {\n    @OnSendComplete void sent(NtStatus status, String context) {}\n}\n",
                "demo.FooDispatch", "package demo;\npublic class FooDispatch {}\n"),
                List.of("--release", "17"), new WskProcessor());
        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().get(0)).startsWith("[wsk4j:DispatchNameClash] The dispatch class of demo.Foo would"
                + " be demo.FooDispatch, but that name is already taken by the class demo.FooDispatch of your sources.");
        assertThat(result.generated()).isEmpty();
    }

    private void assertOneError(String marked, String id, String text) throws IOException {
        String source = strip(marked);
        String name = "demo.Handlers";
        JavaFileObject file = JavaFileObjects.forSourceString(name, source);
        Compilation compilation = TestCompiler.compile(List.of(), file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[wsk4j:" + id + "] " + text).inFile(file).onLine(markedLine(marked));
        Diagnostic<? extends JavaFileObject> error = compilation.errors().get(0);
        assertThat(error.getMessage(null)).doesNotContain("\tat ");
        assertThat(error.getMessage(null)).endsWith(".");
        // compile-testing hides the files of a failed compilation: compile again into real folders to see them.
        FolderCompiler.Result again = FolderCompiler.compile(ToolProvider.getSystemJavaCompiler(), folder,
                Map.of(name, source), List.of("--release", "17"), new WskProcessor());
        assertThat(again.errors()).hasSize(1);
        assertOnlyStandIns(again.generated());
    }

    /** What marks the stand-in of a class with errors. */
    static final String STAND_IN = "Stands in for the dispatch glue of";

    /**
     * SPEC P7: a class with errors gets no working glue, only a stand-in that the user's code compiles against, whose
     * every member throws the message that names the first error.
     */
    static void assertOnlyStandIns(Map<String, String> generated) {
        assertThat(generated).hasSize(1);
        for (String source : generated.values()) {
            assertThat(source).contains(STAND_IN);
            assertThat(source).contains("private static final String ERRORS = \"demo.");
            assertThat(source).containsMatch("has errors, so \\w+ stands in for its glue and does nothing. Fix them,"
                    + " starting with: \\[wsk4j:");
            assertThat(source).doesNotContain("pool.");
            assertThat(source).doesNotContain("this.handlers =");
        }
    }

    private static Arguments mistake(String id, String text, String body) {
        return Arguments.of(id, text, body);
    }

    static String wrap(String classText) {
        return "package demo;\n"
                + "\n"
                + "import io.wsk4j.*;\n"
                + "import io.wsk4j.annotations.*;\n"
                + "import java.util.List;\n"
                + "\n"
                + "record Session(String name) {}\n"
                + "\n"
                + classText;
    }

    private static String strip(String marked) {
        return marked.replace(" //!", "");
    }

    private static long markedLine(String marked) {
        String[] lines = marked.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].endsWith("//!")) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no //! marker in\n" + marked);
    }
}

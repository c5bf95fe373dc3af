package io.wsk4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Handler classes that are legal Java and legal per SPEC P2–P6 must give dispatch classes that compile under
 * {@code -Xlint:all,-processing -Werror} (SPEC P8), however they are laid out.
 */
@Timeout(60)
final class LegalShapesTest {
    private static final String IMPORTS = "import io.wsk4j.*;\nimport io.wsk4j.annotations.*;\nimport java.util.*;\n"
            + "import java.util.function.*;\n";

    private static Compilation strict(JavaFileObject... sources) {
        return TestCompiler.compile(TestCompiler.STRICT, sources);
    }

    @Test
    @DisplayName("P5 a handler class in the default package")
    void defaultPackage() {
        Compilation compilation = strict(JavaFileObjects.forSourceString("Top", IMPORTS
                + "public class Top {\n    @OnSendComplete void sent(NtStatus status, String context) {}\n}\n"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("TopDispatch");
    }

    @Test
    @DisplayName("P2 a static class inside an inner class needs no outer instance")
    void staticInsideInner() {
        Compilation compilation = strict(JavaFileObjects.forSourceString("demo.Kinds", "package demo;\n" + IMPORTS
                + "public class Kinds {\n    public class InnerOne {\n        public static class StaticInInner {\n"
                + "            @OnSendComplete void sent(NtStatus status, String context) {}\n        }\n    }\n}\n"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("demo.Kinds_InnerOne_StaticInInnerDispatch");
    }

    @Test
    @DisplayName("P4 P6 event groups and simple/faithful pairs whose context types erase alike are fine")
    void genericContextsThatDoNotClash() {
        Compilation compilation = strict(JavaFileObjects.forSourceString("demo.H", "package demo;\n" + IMPORTS
                + "public class H {\n"
                + "    @OnReceiveEvent long data(WskBuf data, List<String> context) { return 0; }\n"
                + "    @OnDisconnectEvent void gone(DisconnectMode how, List<Integer> context) {}\n"
                + "    @OnSendComplete void sent(NtStatus status, Set<String> context) {}\n"
                + "    @OnSendComplete NtStatus sentOwned(Irp irp, Set<Integer> context) {\n"
                + "        irp.free();\n        return NtStatus.MORE_PROCESSING_REQUIRED;\n    }\n}\n"));
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    @DisplayName("P4 G3 datagram dispatches for two context types, one of them also a connection context")
    void datagramEventsBesideConnectionEvents() {
        Compilation compilation = strict(JavaFileObjects.forSourceString("demo.Mixed", "package demo;\n" + IMPORTS
                + "import java.net.SocketAddress;\n"
                + "public class Mixed {\n"
                + "    @OnReceiveEvent long data(WskBuf data, String context) { return 0; }\n"
                + "    @OnReceiveFromEvent void datagram(WskBuf data, SocketAddress source, String context) {}\n"
                + "    @OnReceiveFromEvent void other(WskBuf data, SocketAddress source, Integer context) {}\n}\n"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("demo.MixedDispatch").contentsAsUtf8String()
                .contains("public NtStatus enableStringDatagramEvents(WskDatagramSocket socket)");
        assertThat(compilation).generatedSourceFile("demo.MixedDispatch").contentsAsUtf8String()
                .contains("public WskClientDatagramDispatch<Integer> datagramDispatchForInteger()");
    }

    @Test
    @DisplayName("P8 a deprecated handler, and overloads on two functional-interface contexts, compile warning-free")
    void deprecatedAndFunctionalOverloads() {
        Compilation compilation = strict(JavaFileObjects.forSourceString("demo.Old", "package demo;\n" + IMPORTS
                + "public class Old {\n"
                + "    @Deprecated @OnCloseComplete void closed(NtStatus status, String context) {}\n"
                + "    @OnSendComplete void accepted(NtStatus status, Consumer<NtStatus> next) { next.accept(status); }\n"
                + "    @OnSendComplete void applied(NtStatus status, Function<NtStatus, String> next) {"
                + " next.apply(status); }\n}\n"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("demo.OldDispatch").contentsAsUtf8String()
                .containsMatch("@SuppressWarnings\\(\\{\\s*\"deprecation\",\\s*\"overloads\"\\s*}\\)");
    }

    @Test
    @DisplayName("P8 classes of the user's package named like java.lang types do not take their place")
    void javaLangNamesShadowed() {
        Compilation compilation = strict(
                JavaFileObjects.forSourceString("demo.RuntimeException", "package demo;\n"
                        + "public class RuntimeException extends Exception {\n"
                        + "    private static final long serialVersionUID = 1L;\n}\n"),
                JavaFileObjects.forSourceString("demo.Handlers", "package demo;\n" + IMPORTS
                        + "public class Handlers {\n"
                        + "    @OnSendComplete void sent(NtStatus status, String context) {}\n"
                        + "    @OnDisconnectEvent void gone(DisconnectMode how, String context) {}\n}\n"));
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    @DisplayName("P9 a class type variable bounded by a type that never appears: the compiler's one error, no file")
    void unresolvedBound() {
        JavaFileObject source = JavaFileObjects.forSourceString("demo.G", "package demo;\n" + IMPORTS
                + "public class G<T extends Missing> {\n"
                + "    @OnSendComplete void sent(NtStatus status, T context) {}\n}\n");
        Compilation compilation = TestCompiler.compile(List.of(), source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("Missing").inFile(source);
    }

    @Test
    @DisplayName("P3 P5 send handlers of one name whose method reference would fit both pool start methods compile")
    void sharedHandlerNameForStatusAndBytes() {
        Compilation compilation = strict(JavaFileObjects.forSourceString("demo.Shared", "package demo;\n" + IMPORTS
                + "public class Shared {\n"
                + "    public record A(String name) {}\n"
                + "    public record B(String name) {}\n"
                + "    @OnSendComplete void sent(NtStatus status, A a) {}\n"
                + "    @OnSendComplete void sent(NtStatus status, long bytes, B b) {}\n"
                + "    @OnReceiveComplete void received(NtStatus status, A a) {}\n}\n"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("demo.SharedDispatch").contentsAsUtf8String()
                .contains("(target, status, bytes, given) -> target.sent(status,");
        assertThat(compilation).generatedSourceFile("demo.SharedDispatch").contentsAsUtf8String()
                .contains("handlers, Shared::received, context");
    }
}

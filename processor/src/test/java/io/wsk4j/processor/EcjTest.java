package io.wsk4j.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC P9: the same cases under ECJ, through javax.tools with sources in a temp folder and the processor handed over
 * with {@code setProcessors} (ECJ 3.44's batch compiler ignores {@code -processorpath}).
 */
@Timeout(60)
final class EcjTest {
    private static final List<String> OPTIONS = List.of("--release", "17", "-proceedOnError");

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"simple", "faithful", "generic", "nested", "overloads", "events", "addresses",
        "datagrams", "names", "options"})
    @DisplayName("P9 ECJ generates the same source as javac (the golden file) and compiles it without warnings")
    void sameAsGolden(String name) throws IOException {
        FolderCompiler.Result result = FolderCompiler.compile(new EclipseCompiler(), folder,
                sources("good/" + name), OPTIONS, new WskProcessor());
        assertThat(messages(result)).isEmpty();
        assertThat(result.success()).isTrue();
        assertThat(result.generated()).containsExactlyEntriesIn(
                FolderCompiler.readAll(GoldenTest.goldenDir().resolve(name)));
    }

    @Test
    @DisplayName("P7 ECJ: a duplicate handler is one error, on its line, and only a stand-in")
    void duplicateUnderEcj() throws IOException {
        String source = ErrorTest.wrap("public final class Handlers {\n"
                + "    @OnDisconnectComplete void gone(NtStatus status, Session session) {}\n"
                + "    @OnDisconnectComplete void left(NtStatus status, Session session) {}\n"
                + "}\n");
        FolderCompiler.Result result = FolderCompiler.compile(new EclipseCompiler(), folder,
                Map.of("demo.Handlers", source), OPTIONS, new WskProcessor());
        List<Diagnostic<? extends JavaFileObject>> errors = result.diagnostics().stream()
                .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                .collect(Collectors.toList());
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getMessage(Locale.ROOT)).startsWith("[wsk4j:DuplicateHandler] Handlers Handlers.gone"
                + " and Handlers.left are both @OnDisconnectComplete handlers for context type Session");
        assertThat(errors.get(0).getLineNumber()).isEqualTo(11);
        ErrorTest.assertOnlyStandIns(result.generated());
    }

    @Test
    @DisplayName("P9 ECJ: a context type generated in a later round is waited for")
    void deferralUnderEcj() throws IOException {
        FolderCompiler.Result result = FolderCompiler.compile(new EclipseCompiler(), folder, Map.of("demo.Handlers", ""
                        + "package demo;\n"
                        + "import io.wsk4j.NtStatus;\n"
                        + "import io.wsk4j.annotations.OnSendComplete;\n"
                        + "public final class Handlers {\n"
                        + "    @OnSendComplete void sent(NtStatus status, Later later) {}\n"
                        + "}\n"),
                OPTIONS, new WskProcessor(), new LaterTypeProcessor());
        assertThat(messages(result)).isEmpty();
        assertThat(result.generated().keySet()).containsExactly("HandlersDispatch.java", "Later.java");
    }

    @Test
    @DisplayName("P8 P9 ECJ: a deprecated handler and lambda-typed overloads compile without warnings")
    void suppressionsUnderEcj() throws IOException {
        FolderCompiler.Result result = FolderCompiler.compile(new EclipseCompiler(), folder, Map.of("demo.Old", ""
                        + "package demo;\n"
                        + "import io.wsk4j.NtStatus;\n"
                        + "import io.wsk4j.annotations.*;\n"
                        + "import java.util.function.*;\n"
                        + "public class Old {\n"
                        + "    @Deprecated @OnCloseComplete void closed(NtStatus status, String context) {}\n"
                        + "    @OnSendComplete void accepted(NtStatus status, Consumer<NtStatus> next) {}\n"
                        + "    @OnSendComplete void applied(NtStatus status, Function<NtStatus, String> next) {}\n"
                        + "}\n"),
                OPTIONS, new WskProcessor());
        assertThat(messages(result)).isEmpty();
        assertThat(result.generated().keySet()).containsExactly("OldDispatch.java");
    }

    private static List<String> messages(FolderCompiler.Result result) {
        return result.diagnostics().stream()
                .filter(diagnostic -> diagnostic.getKind() != Diagnostic.Kind.NOTE)
                .map(diagnostic -> diagnostic.getKind() + " " + diagnostic.getSource() + ":"
                        + diagnostic.getLineNumber() + " " + diagnostic.getMessage(Locale.ROOT))
                .collect(Collectors.toList());
    }

    private static Map<String, String> sources(String folder) {
        Map<String, String> sources = new TreeMap<>();
        for (JavaFileObject file : TestCompiler.sourcesIn(folder)) {
            String path = file.toUri().getPath();
            String name = path.substring(1, path.length() - ".java".length()).replace('/', '.');
            sources.put(name, TestCompiler.contentOf(file));
        }
        return sources;
    }
}

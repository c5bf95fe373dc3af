package io.wsk4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden files: the generated source of each case under {@code src/test/resources/good/<case>} must equal
 * {@code src/test/resources/golden/<case>/*.java} as text, so formatting is part of the promise (SPEC P5, P8).
 *
 * <p>To regenerate after an intended change: {@code ./mvnw -pl processor -am verify -Dwsk4j.regenerateGolden=true},
 * then review the diff of {@code src/test/resources/golden} before committing it.
 */
@Timeout(60)
final class GoldenTest {
    static final List<String> CASES =
            List.of("simple", "faithful", "generic", "nested", "overloads", "events", "listener", "addresses",
                    "datagrams", "names", "options");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"simple", "faithful", "generic", "nested", "overloads", "events", "listener",
        "addresses", "datagrams", "names", "options"})
    @DisplayName("P5 P8 generated source equals the golden file and compiles under -Xlint:all -Werror")
    void matchesGolden(String name) throws IOException {
        Compilation compilation = TestCompiler.compile(TestCompiler.STRICT, TestCompiler.sourcesIn("good/" + name));
        assertThat(compilation).succeededWithoutWarnings();
        Map<String, String> generated = generatedSources(compilation);
        assertThat(generated).isNotEmpty();
        Path goldenDir = goldenDir().resolve(name);
        if (Boolean.getBoolean("wsk4j.regenerateGolden")) {
            Files.createDirectories(goldenDir);
            for (Map.Entry<String, String> entry : generated.entrySet()) {
                Files.writeString(goldenDir.resolve(entry.getKey()), entry.getValue(), StandardCharsets.UTF_8);
            }
        }
        Map<String, String> golden = new TreeMap<>();
        try (var files = Files.list(goldenDir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                golden.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        assertWithMessage("generated files of case %s (regenerate with -Dwsk4j.regenerateGolden=true)", name)
                .that(generated).containsExactlyEntriesIn(golden);
        for (Map.Entry<String, String> file : generated.entrySet()) {
            String[] lines = file.getValue().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                assertWithMessage("%s line %s is %s columns wide: %s", file.getKey(), i + 1, lines[i].length(),
                        lines[i]).that(lines[i].length()).isAtMost(GeneratedSource.WIDTH);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"simple", "events", "generic"})
    @DisplayName("P8 same input, byte-identical output")
    void deterministic(String name) {
        Map<String, String> first = generatedSources(
                TestCompiler.compile(TestCompiler.STRICT, TestCompiler.sourcesIn("good/" + name)));
        Map<String, String> second = generatedSources(
                TestCompiler.compile(TestCompiler.STRICT, TestCompiler.sourcesIn("good/" + name)));
        assertThat(second).containsExactlyEntriesIn(first);
    }

    /** File name → text of every generated source. */
    static Map<String, String> generatedSources(Compilation compilation) {
        Map<String, String> sources = new TreeMap<>();
        for (JavaFileObject file : compilation.generatedSourceFiles()) {
            String path = file.toUri().getPath();
            sources.put(path.substring(path.lastIndexOf('/') + 1), TestCompiler.contentOf(file));
        }
        return sources;
    }

    static Path goldenDir() {
        String configured = System.getProperty("wsk4j.goldenDir");
        return configured != null && !configured.isEmpty()
                ? Paths.get(configured)
                : TestCompiler.resource("golden");
    }
}

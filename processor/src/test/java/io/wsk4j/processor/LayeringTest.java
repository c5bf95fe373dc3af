package io.wsk4j.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plan decides, the writer renders (DESIGN, "Processor: validate, model, plan, write"): no element or type mirror
 * of the compiler reaches the classes that turn a {@link DispatchPlan} into source, so that they cannot decide
 * anything the plan did not.
 */
final class LayeringTest {
    private static final Path SOURCES = Paths.get("src/main/java/io/wsk4j/processor");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DispatchPlan.java", "DispatchWriter.java", "GeneratedDocs.java", "GeneratedSource.java"})
    @DisplayName("P5 the plan and its writers import nothing of javax.lang.model but Modifier, nor the model")
    void writersSeeNoModel(String file) throws IOException {
        List<String> imports = Files.readAllLines(SOURCES.resolve(file), StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("import "))
                .toList();
        assertWithMessage("imports of %s", file).that(imports).isNotEmpty();
        for (String line : imports) {
            boolean model = line.contains("javax.lang.model.") && !line.equals(
                    "import javax.lang.model.element.Modifier;");
            assertWithMessage("%s: %s", file, line).that(model).isFalse();
            assertWithMessage("%s: %s", file, line).that(line).doesNotContain("HandlerModel");
        }
    }
}

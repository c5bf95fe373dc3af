package io.wsk4j.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.wsk4j.NtStatus;
import io.wsk4j.annotations.OnSendComplete;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/** Compiles handler sources with the processor, against the real runtime and annotations (not the test path). */
final class TestCompiler {
    /** The lint options of SPEC P8; "processing" is off because this processor never claims (SPEC P9). */
    static final List<String> STRICT = List.of("-Xlint:all,-processing", "-Werror");

    private TestCompiler() {}

    /** Where runtime, annotations and the behaviour helpers of the tests live. */
    static List<File> classpath() {
        return List.of(location(NtStatus.class), location(OnSendComplete.class), location(TestCompiler.class));
    }

    static Compilation compile(List<String> options, JavaFileObject... sources) {
        return compile(new WskProcessor(), options, sources);
    }

    static Compilation compile(Processor processor, List<String> options, JavaFileObject... sources) {
        List<String> all = new ArrayList<>(options);
        all.add("--release");
        all.add("17");
        return javac().withProcessors(processor).withClasspath(classpath()).withOptions(all).compile(sources);
    }

    /** Every {@code .java} file under {@code src/test/resources/<folder>}, sorted. */
    static JavaFileObject[] sourcesIn(String folder) {
        Path root = resource(folder);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .sorted()
                    .map(file -> {
                        String relative = root.relativize(file).toString().replace(File.separatorChar, '/');
                        String name = relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
                        return JavaFileObjects.forSourceString(name, read(file));
                    })
                    .toArray(JavaFileObject[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resource(String folder) {
        try {
            return Paths.get(TestCompiler.class.getResource("/" + folder).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String contentOf(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static File location(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

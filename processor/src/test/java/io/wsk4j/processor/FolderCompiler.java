package io.wsk4j.processor;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * Compiles sources written to a temp folder through javax.tools, with real output folders: how the ECJ cases run
 * (ECJ's in-memory file handling differs from javac's), and how the negative cases prove that no file was written.
 * The processor instance is handed over with {@code setProcessors}: ECJ 3.44 ignores {@code -processorpath}.
 */
final class FolderCompiler {
    /** What one compilation produced. */
    record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Map<String, String> generated) {
        List<String> errors() {
            return diagnostics.stream()
                    .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                    .map(diagnostic -> diagnostic.getMessage(Locale.ROOT))
                    .collect(Collectors.toList());
        }
    }

    private FolderCompiler() {}

    /**
     * @param sources canonical class name → source text
     */
    static Result compile(JavaCompiler compiler, Path folder, Map<String, String> sources, List<String> options,
            Processor... processors) throws IOException {
        Path sourceDir = Files.createDirectories(folder.resolve("src"));
        Path generatedDir = Files.createDirectories(folder.resolve("generated"));
        Path classesDir = Files.createDirectories(folder.resolve("classes"));
        List<File> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceDir.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            files.add(file.toFile());
        }
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of("-classpath", TestCompiler.classpath().stream().map(File::getPath)
                        .collect(Collectors.joining(File.pathSeparator)),
                "-d", classesDir.toString(), "-s", generatedDir.toString()));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager manager = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = compiler.getTask(new StringWriter(), manager, diagnostics, all, null,
                    manager.getJavaFileObjectsFromFiles(files));
            task.setProcessors(List.of(processors));
            boolean success = task.call();
            return new Result(success, diagnostics.getDiagnostics(), readAll(generatedDir));
        }
    }

    /** File name → text of every {@code .java} file under {@code folder}. */
    static Map<String, String> readAll(Path folder) {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(path -> path.toString().endsWith(".java"))::iterator) {
                texts.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}

package io.wsk4j.examples.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The repository these tests check: its root, and the text files that hold links and snippets. */
final class Repository {
    private Repository() {}

    /** The root: the parent of the examples module (Surefire runs in the module's folder). */
    static Path root() {
        Path root = Path.of(System.getProperty("wsk4j.root", "..")).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(root.resolve("README.md")) && Files.isDirectory(root.resolve("docs")),
                "the repository root is " + root + ": run the tests from the examples module");
        return root;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** README.md, CHANGELOG.md, docs/*.md and every other Markdown file outside target folders. */
    static List<Path> markdown(Path root) {
        return files(root, ".md");
    }

    /** Every Java source outside target folders: main, test, test resources and the invoker consumers. */
    static List<Path> javaSources(Path root) {
        return files(root, ".java");
    }

    private static List<Path> files(Path root, String suffix) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(p -> {
                        Path relative = root.relativize(p);
                        for (Path part : relative) {
                            String name = part.toString();
                            if (name.equals("target") || name.startsWith(".")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted()
                    .forEach(found::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}

package io.wsk4j.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README is a short path and the guides behind it can be found: the README has at most 200 lines, it gives the
 * two commands exactly as CI runs them, and every Markdown file under {@code docs/} is reachable from it by links.
 */
class DocsLayoutTest {
    private static final int README_MAX_LINES = 200;
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void theReadmeIsShort() {
        long lines = Repository.read(Repository.root().resolve("README.md")).lines().count();
        assertTrue(lines <= README_MAX_LINES, "README.md has " + lines + " lines; at most " + README_MAX_LINES
                + ": move what is not on a newcomer's path to docs/user-guide.md or docs/CONTRIBUTING.md");
    }

    @Test
    void theReadmeGivesTheTwoCommandsAsCiRunsThem() {
        Path root = Repository.root();
        String readme = Repository.read(root.resolve("README.md"));
        assertTrue(readme.contains("\n./mvnw -q -DskipTests package exec:java "), "the demo command");
        assertTrue(readme.contains("\n./mvnw -B clean verify "), "the test command");
        assertTrue(Repository.read(root.resolve(".ci/run")).contains("TEST_COMMAND=(./mvnw -B clean verify)"),
                ".ci/run runs the README's test command");
    }

    @Test
    void everyGuideIsReachableFromTheReadme() {
        Path root = Repository.root();
        Set<Path> reached = new LinkedHashSet<>();
        Deque<Path> todo = new ArrayDeque<>(List.of(root.resolve("README.md")));
        while (!todo.isEmpty()) {
            Path file = todo.removeFirst();
            if (!reached.add(file)) {
                continue;
            }
            Matcher link = MARKDOWN_LINK.matcher(Repository.read(file));
            while (link.find()) {
                String target = link.group(1).replaceAll("#.*$", "");
                if (target.isEmpty() || target.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue;
                }
                Path resolved = file.getParent().resolve(target).normalize();
                if (resolved.startsWith(root) && Files.isRegularFile(resolved)
                        && resolved.getFileName().toString().endsWith(".md")) {
                    todo.addLast(resolved);
                }
            }
        }
        List<String> unreachable = new ArrayList<>();
        for (Path doc : Repository.markdown(root)) {
            if (doc.startsWith(root.resolve("docs")) && !reached.contains(doc)) {
                unreachable.add(root.relativize(doc).toString());
            }
        }
        assertEquals(List.of(), unreachable, "Markdown files under docs/ that no chain of links from README.md reaches");
    }
}

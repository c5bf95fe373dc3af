package io.wsk4j.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's snippets are the ones that are built and run: the Maven snippet is, line for line, what the two
 * invoker consumers ({@code processor/src/it/consumer} and {@code modular}) build with; the module-info snippet is the
 * modular consumer's; a snippet that says {@code // from <file>} is taken from that file.
 */
class ReadmeSnippetsTest {
    private static final Pattern CODE_BLOCK = Pattern.compile("(?m)^```(\\w*)\\n(.*?)^```", Pattern.DOTALL);
    private static final String VERSION = System.getProperty("wsk4j.version", "0.1.0-SNAPSHOT");

    private record Block(String language, String text, int offset) {}

    @Test
    void theMavenSnippetIsWhatBothConsumersBuildWith() {
        Path root = Repository.root();
        String readme = Repository.read(root.resolve("README.md"));
        Block maven = only(blocks(readme), b -> b.language().equals("xml") && b.text().contains("wsk4j-bom"),
                "the Maven snippet (an xml block that imports wsk4j-bom)");
        int install = readme.indexOf("./mvnw install -DskipTests");
        assertTrue(install >= 0 && install < maven.offset(), "the README says to install before the Maven snippet");
        assertTrue(maven.text().contains("<version>" + VERSION + "</version>"),
                "the Maven snippet names this build's version, " + VERSION);
        for (String consumer : List.of("consumer", "modular")) {
            Path pom = root.resolve("processor/src/it/" + consumer + "/pom.xml");
            assertEquals(lines(maven.text()), snippetOf(Repository.read(pom).replace("@project.version@", VERSION)),
                    pom + " between its README snippet markers, without its 'not in the README' parts");
        }
    }

    @Test
    void theModuleInfoSnippetIsTheModularConsumers() {
        Path root = Repository.root();
        Block moduleInfo = only(blocks(Repository.read(root.resolve("README.md"))),
                b -> b.language().equals("java") && b.text().contains("requires static io.wsk4j.annotations;"),
                "the module-info snippet");
        String consumer = Repository.read(root.resolve("processor/src/it/modular/src/main/java/module-info.java"));
        assertEquals(consumer.strip(), moduleInfo.text().strip());
    }

    @Test
    void aSnippetTakenFromAFileIsInThatFile() {
        Path root = Repository.root();
        int checked = 0;
        for (Block block : blocks(Repository.read(root.resolve("README.md")))) {
            List<String> lines = lines(block.text());
            if (lines.isEmpty() || !lines.get(0).startsWith("// from ")) {
                continue;
            }
            Path source = root.resolve(lines.get(0).substring("// from ".length()).strip());
            assertTrue(Files.isRegularFile(source), source + " exists");
            List<String> sourceLines = lines(Repository.read(source)).stream().map(String::strip).toList();
            int at = 0;
            for (String line : lines.subList(1, lines.size())) {
                String wanted = line.strip();
                if (wanted.isEmpty()) {
                    continue;
                }
                while (at < sourceLines.size() && !sourceLines.get(at).equals(wanted)) {
                    at++;
                }
                if (at == sourceLines.size()) {
                    fail("README's snippet from " + root.relativize(source) + " has a line that the file has not"
                            + " (in that order): " + wanted);
                }
                at++;
            }
            checked++;
        }
        assertTrue(checked > 0, "at least one README snippet says which file it is from");
    }

    /** The lines between "README snippet: begin" and "README snippet: end", less the "not in the README" parts. */
    static List<String> snippetOf(String pom) {
        List<String> all = lines(pom);
        int from = indexOf(all, "README snippet: begin", 0);
        while (!all.get(from).contains("-->")) {
            from++; // the begin marker's comment may span lines
        }
        int end = indexOf(all, "README snippet: end", from + 1);
        List<String> kept = new ArrayList<>();
        boolean skipping = false;
        for (String line : all.subList(from + 1, end)) {
            if (line.contains("not in the README: begin")) {
                skipping = true;
            } else if (line.contains("not in the README: end")) {
                skipping = false;
            } else if (!skipping) {
                kept.add(line);
            }
        }
        int indent = kept.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return kept.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
    }

    private static int indexOf(List<String> lines, String marker, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i;
            }
        }
        throw new AssertionError("no line with \"" + marker + "\"");
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return lines.stream().map(String::stripTrailing).toList();
    }

    private static List<Block> blocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        Matcher m = CODE_BLOCK.matcher(markdown);
        while (m.find()) {
            blocks.add(new Block(m.group(1), m.group(2), m.start()));
        }
        assertFalse(blocks.isEmpty());
        return blocks;
    }

    private static Block only(List<Block> blocks, java.util.function.Predicate<Block> which, String what) {
        List<Block> found = blocks.stream().filter(which).toList();
        assertEquals(1, found.size(), "the README has exactly one " + what);
        return found.get(0);
    }
}

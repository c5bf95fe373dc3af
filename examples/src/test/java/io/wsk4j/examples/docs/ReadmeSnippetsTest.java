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
 * The snippets of the README and of every other Markdown file (the user guide under {@code docs/}, the contributor
 * guide) are the ones that are built and run: a Maven snippet is, line for line, what the two invoker consumers
 * ({@code processor/src/it/consumer} and {@code modular}) build with; a module-info snippet has the modular
 * consumer's {@code requires} lines; a snippet that says {@code // from <file>} is taken from that file.
 */
class ReadmeSnippetsTest {
    private static final Pattern CODE_BLOCK = Pattern.compile("(?m)^```(\\w*)\\n(.*?)^```", Pattern.DOTALL);
    private static final String VERSION = System.getProperty("wsk4j.version", "0.1.0-SNAPSHOT");

    private record Block(Path file, String language, String text, int offset) {}

    @Test
    void theMavenSnippetIsWhatBothConsumersBuildWith() {
        Path root = Repository.root();
        List<Block> snippets = blocks(root).stream()
                .filter(b -> b.language().equals("xml") && b.text().contains("wsk4j-bom"))
                .toList();
        assertFalse(snippets.isEmpty(), "some Markdown file has the Maven snippet (an xml block that imports wsk4j-bom)");
        for (Block maven : snippets) {
            String where = root.relativize(maven.file()).toString();
            int install = Repository.read(maven.file()).indexOf("./mvnw install -DskipTests");
            assertTrue(install >= 0 && install < maven.offset(), where + " says to install before the Maven snippet");
            assertTrue(maven.text().contains("<version>" + VERSION + "</version>"),
                    where + ": the Maven snippet names this build's version, " + VERSION);
            for (String consumer : List.of("consumer", "modular")) {
                Path pom = root.resolve("processor/src/it/" + consumer + "/pom.xml");
                assertEquals(snippetOf(Repository.read(pom).replace("@project.version@", VERSION)),
                        lines(maven.text()),
                        where + ": the Maven snippet is " + pom + " between its README snippet markers, without"
                                + " its 'not in the README' parts");
            }
        }
    }

    @Test
    void aModuleInfoSnippetRequiresWhatTheModularConsumerRequires() {
        Path root = Repository.root();
        List<Block> snippets = blocks(root).stream()
                .filter(b -> b.language().equals("java") && b.text().contains("requires static io.wsk4j.annotations;"))
                .toList();
        assertFalse(snippets.isEmpty(), "some Markdown file has a module-info snippet");
        List<String> wanted = requires(
                Repository.read(root.resolve("processor/src/it/modular/src/main/java/module-info.java")));
        assertFalse(wanted.isEmpty());
        for (Block moduleInfo : snippets) {
            assertEquals(wanted, requires(moduleInfo.text()),
                    root.relativize(moduleInfo.file()) + ": the module-info snippet's requires lines (with their"
                            + " comments) are the modular consumer's");
        }
    }

    @Test
    void aSnippetTakenFromAFileIsInThatFile() {
        Path root = Repository.root();
        List<Path> checkedFiles = new ArrayList<>();
        for (Block block : blocks(root)) {
            List<String> lines = lines(block.text());
            if (lines.isEmpty() || !lines.get(0).startsWith("// from ")) {
                continue;
            }
            String where = root.relativize(block.file()).toString();
            Path source = root.resolve(lines.get(0).substring("// from ".length()).strip());
            assertTrue(Files.isRegularFile(source), where + ": " + source + " exists");
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
                    fail(where + ": the snippet from " + root.relativize(source) + " has a line that the file has"
                            + " not (in that order): " + wanted);
                }
                at++;
            }
            checkedFiles.add(block.file());
        }
        assertTrue(checkedFiles.contains(root.resolve("README.md")), "a README snippet says which file it is from");
        assertTrue(checkedFiles.stream().anyMatch(f -> f.startsWith(root.resolve("docs"))),
                "a snippet of the guides under docs/ says which file it is from");
    }

    @Test
    void theCheckFindsSnippetsInEveryMarkdownFile() {
        Path root = Repository.root();
        List<Path> withBlocks = blocks(root).stream().map(Block::file).distinct().toList();
        for (String file : List.of("README.md", "docs/user-guide.md", "docs/guide/build.md", "docs/CONTRIBUTING.md")) {
            assertTrue(withBlocks.contains(root.resolve(file)), file + " is among the files whose code blocks are read");
        }
    }

    /** The {@code requires} lines of a module declaration, stripped, comments and all. */
    private static List<String> requires(String moduleInfo) {
        return lines(moduleInfo).stream().map(String::strip).filter(l -> l.startsWith("requires ")).toList();
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

    /** The fenced code blocks of every Markdown file of the repository (README.md, docs/, ...). */
    private static List<Block> blocks(Path root) {
        List<Block> blocks = new ArrayList<>();
        for (Path file : Repository.markdown(root)) {
            Matcher m = CODE_BLOCK.matcher(Repository.read(file));
            while (m.find()) {
                blocks.add(new Block(file, m.group(1), m.group(2), m.start()));
            }
        }
        assertFalse(blocks.isEmpty());
        return blocks;
    }
}

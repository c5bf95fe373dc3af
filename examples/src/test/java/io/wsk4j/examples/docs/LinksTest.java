package io.wsk4j.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every link in the README, the guides, the docs and the sources resolves inside the repository or is a public https
 * URL: no relative link to a missing file or to a heading that a Markdown file does not have, none that climbs out of
 * the repository ({@code ../elsewhere/...}), no file: or loopback URL, no backticked repository path that does not
 * exist.
 */
class LinksTest {
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HREF = Pattern.compile("(?:href|src)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern URL = Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*)://[^\\s)\"'`>\\]]+");
    /** A "../" that is not part of an ellipsis ("examples/.../echo"). */
    private static final Pattern PARENT = Pattern.compile("(?<![.\\w])\\.\\./[\\w./-]*");
    /** `examples/src/...` in a Markdown code span: a path that a reader will look for. */
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern CODE_PATH =
            Pattern.compile("`((?:annotations|runtime|processor|examples|benchmarks|bom|docs|\\.ci)/[\\w./-]*)`");

    @Test
    void markdownLinksAndPathsResolveInsideTheRepository() {
        Path root = Repository.root();
        List<String> problems = new ArrayList<>();
        List<Path> files = Repository.markdown(root);
        assertFalse(files.isEmpty());
        for (Path file : files) {
            String text = Repository.read(file);
            for (String target : all(MARKDOWN_LINK, text)) {
                checkTarget(root, file, target, problems);
            }
            for (String target : all(HREF, text)) {
                checkTarget(root, file, target, problems);
            }
            // DESIGN.md's "Code to learn from" names files of other repositories (google/auto's processor/...)
            boolean ownPaths = !file.equals(root.resolve("docs/DESIGN.md"));
            for (String path : ownPaths ? all(CODE_PATH, text) : List.<String>of()) {
                if (!Files.exists(root.resolve(path)) && !ignoredByGit(root, root.resolve(path))) {
                    problems.add(where(root, file) + ": `" + path + "` names no file or folder of the repository");
                }
            }
            checkUrlsAndParents(root, file, text, true, problems);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void javadocAndCommentLinksResolveOrArePublic() {
        Path root = Repository.root();
        List<String> problems = new ArrayList<>();
        List<Path> files = Repository.javaSources(root);
        assertFalse(files.isEmpty());
        for (Path file : files) {
            if (file.getFileName().toString().equals("LinksTest.java")) {
                continue; // this file spells out the bad links that theCheckItselfCatchesWhatItShould feeds the check
            }
            String text = Repository.read(file);
            for (String target : all(HREF, text)) {
                if (!isUrl(target) && !target.startsWith("#")) {
                    // javadoc pages live in a jar: a relative link from a source file resolves nowhere we can check
                    problems.add(where(root, file) + ": relative link " + target + " (use a public https URL, or"
                            + " plain text that names the repository file)");
                } else {
                    checkTarget(root, file, target, problems);
                }
            }
            checkUrlsAndParents(root, file, text, false, problems);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theCheckItselfCatchesWhatItShould() {
        Path root = Repository.root();
        Path readme = root.resolve("README.md");
        List<String> problems = new ArrayList<>();
        checkTarget(root, readme, "../elsewhere/notes.md", problems);
        checkTarget(root, readme, "docs/NO-SUCH-FILE.md", problems);
        checkTarget(root, readme, "http://learn.microsoft.com/", problems);
        checkTarget(root, readme, "https://localhost:8080/", problems);
        checkUrlsAndParents(root, readme, "see ../elsewhere/x and file:///etc/passwd", true, problems);
        checkTarget(root, readme, "#no-such-heading", problems);
        checkTarget(root, readme, "docs/guide/wire.md#no-such-heading", problems);
        assertEquals(8, problems.size(), problems.toString());
        problems.clear();
        checkTarget(root, readme, "docs/SPEC.md", problems);
        checkTarget(root, readme, "#two-commands", problems);
        checkTarget(root, readme, "docs/guide/wire.md#the-close-guarantee", problems);
        checkTarget(root, root.resolve("docs/guide/wire.md"), "../../README.md#your-own-program", problems);
        checkTarget(root, readme, "https://learn.microsoft.com/en-us/windows-hardware/drivers/network/", problems);
        checkUrlsAndParents(root, readme, "examples/.../echo/EchoServer.java", true, problems);
        assertEquals(List.of(), problems);
    }

    @Test
    void headingAnchorsAreGitHubs() {
        assertEquals(List.of("two-commands", "receive-events-copy-what-you-keep-and-back-pressure",
                        "an-echo-server-to-point-nc-or-socat-at", "wsk4j", "wsk4j-1"),
                anchors("## Two commands\n```sh\n# not a heading\n```\n"
                        + "## Receive events: copy what you keep, and back-pressure\n"
                        + "### An echo server to point `nc` or `socat` at\n# wsk4j\n## wsk4j ##\n"));
    }

    private static void checkTarget(Path root, Path file, String target, List<String> problems) {
        if (target.startsWith("#")) {
            if (file.getFileName().toString().endsWith(".md")) {
                checkAnchor(root, file, file, target.substring(1), problems);
            }
            return;
        }
        if (isUrl(target)) {
            checkUrl(root, file, target, problems);
            return;
        }
        String path = target.replaceAll("[#?].*$", "");
        Path resolved = file.getParent().resolve(path).normalize();
        if (!resolved.startsWith(root)) {
            problems.add(where(root, file) + ": " + target + " points out of the repository");
        } else if (!Files.exists(resolved)) {
            problems.add(where(root, file) + ": " + target + " does not exist (" + root.relativize(resolved) + ")");
        } else if (target.contains("#") && resolved.getFileName().toString().endsWith(".md")) {
            checkAnchor(root, file, resolved, target.substring(target.indexOf('#') + 1), problems);
        }
    }

    private static void checkAnchor(Path root, Path file, Path markdown, String anchor, List<String> problems) {
        if (!anchors(Repository.read(markdown)).contains(anchor)) {
            problems.add(where(root, file) + ": #" + anchor + " names no heading of " + where(root, markdown));
        }
    }

    /** The anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens. */
    static List<String> anchors(String markdown) {
        List<String> anchors = new ArrayList<>();
        boolean inCode = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (inCode || !heading.matches()) {
                continue;
            }
            String text = heading.group(1).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
            String slug = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            String unique = slug;
            for (int n = 1; anchors.contains(unique); n++) {
                unique = slug + "-" + n;
            }
            anchors.add(unique);
        }
        return anchors;
    }

    private static void checkUrlsAndParents(Path root, Path file, String text, boolean markdown, List<String> problems) {
        Matcher url = URL.matcher(text);
        while (url.find()) {
            checkUrl(root, file, url.group(), problems);
        }
        Matcher parent = PARENT.matcher(text);
        while (parent.find()) {
            Path resolved = file.getParent().resolve(parent.group()).normalize();
            if (!markdown || !resolved.startsWith(root)) {
                problems.add(where(root, file) + ": " + parent.group() + " climbs out of "
                        + (markdown ? "the repository" : "the source tree (name the file from the repository root)"));
            }
        }
    }

    private static void checkUrl(Path root, Path file, String url, List<String> problems) {
        String cleaned = url.replaceAll("[.,;:]+$", "");
        URI uri;
        try {
            uri = URI.create(cleaned);
        } catch (IllegalArgumentException e) {
            problems.add(where(root, file) + ": " + cleaned + " is not a URL");
            return;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
        if (!"https".equals(uri.getScheme())) {
            // the Apache license text keeps its http:// address, but it is in LICENSE, which is not scanned
            problems.add(where(root, file) + ": " + cleaned + " is not https");
        } else if (host.isEmpty() || host.equals("localhost") || host.endsWith(".local") || host.endsWith(".internal")
                || host.matches("127(\\.\\d+){3}|10(\\.\\d+){3}|192\\.168(\\.\\d+){2}|172\\.(1[6-9]|2\\d|3[01])(\\.\\d+){2}")
                || host.startsWith("[")) {
            problems.add(where(root, file) + ": " + cleaned + " is not a public address");
        }
    }

    /** True for a path that a program writes and a .gitignore keeps out of git, like benchmarks/results/. */
    private static boolean ignoredByGit(Path root, Path path) {
        for (Path dir = path.getParent(); dir != null && dir.startsWith(root); dir = dir.getParent()) {
            Path ignore = dir.resolve(".gitignore");
            if (Files.isRegularFile(ignore) && !dir.equals(path)) {
                String first = dir.relativize(path).getName(0).toString();
                for (String line : Repository.read(ignore).split("\n")) {
                    String entry = line.strip().replaceAll("^/|/$", "");
                    if (!entry.isEmpty() && !entry.startsWith("#") && entry.equals(first)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isUrl(String target) {
        return target.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String where(Path root, Path file) {
        return root.relativize(file).toString();
    }
}

package io.wsk4j.processor;

import com.palantir.javapoet.JavaFile;

/**
 * The text of a generated file: JavaPoet's rendering with every line wrapped at {@link #WIDTH} columns. Javadoc is
 * written as one line per paragraph ({@link GeneratedDocs}) because its length is known only once imports have
 * shortened the names in it; JavaPoet wraps signatures itself, at 100 columns, and this the longer statements.
 */
final class GeneratedSource {
    static final int WIDTH = 120;

    private GeneratedSource() {}

    static String render(JavaFile file) {
        String text = file.toString();
        StringBuilder out = new StringBuilder(text.length() + 256);
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            appendWrapped(out, text, start, end);
            out.append('\n');
            start = end + 1;
        }
        if (!text.endsWith("\n")) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    /**
     * A javadoc line longer than the width is broken at spaces outside {@code {@...}} tags; its continuation lines
     * keep the {@code " * "} prefix, indented four more after a block tag ({@code @param}).
     */
    private static void appendWrapped(StringBuilder out, String text, int start, int end) {
        if (end - start <= WIDTH) {
            out.append(text, start, end);
            return;
        }
        int star = start;
        while (star < end && text.charAt(star) == ' ') {
            star++;
        }
        if (star + 1 >= end || text.charAt(star) != '*' || text.charAt(star + 1) != ' ') {
            appendWrappedCode(out, text, start, end, star - start);
            return;
        }
        String prefix = text.charAt(star + 2) == '@'
                ? text.substring(start, star + 2) + "    "
                : text.substring(start, star + 2);
        // never between a block tag and its first word ("@param context")
        int firstFrom = text.charAt(star + 2) == '@' ? text.indexOf(' ', text.indexOf(' ', star + 2) + 1) : star + 2;
        int lineStart = start;
        while (end - lineStart > WIDTH - (lineStart == start ? 0 : prefix.length())) {
            int breakAt = lineStart == start
                    ? lastBreak(text, firstFrom < 0 ? end : firstFrom, start + WIDTH)
                    : lastBreak(text, lineStart, lineStart + WIDTH - prefix.length());
            if (breakAt < 0) {
                break; // one word longer than a line: leave it whole
            }
            out.append(lineStart == start ? "" : prefix).append(text, lineStart, breakAt).append('\n');
            lineStart = breakAt + 1;
        }
        out.append(lineStart == start ? "" : prefix).append(text, lineStart, end);
    }

    /**
     * A code line longer than the width (a start method's one statement, which JavaPoet would break at its own
     * 100 columns only where told to) is broken after the last comma that fits at the outermost parenthesis depth,
     * outside string literals (so never inside a lambda's parameter list while an argument list could break), or else
     * after a field's {@code =}; continuation lines are indented eight more, as JavaPoet indents its own.
     */
    private static void appendWrappedCode(StringBuilder out, String text, int start, int end, int indent) {
        int lineStart = start;
        String continuation = " ".repeat(indent + 8);
        while (end - lineStart > WIDTH - (lineStart == start ? 0 : continuation.length())) {
            int limit = lineStart + WIDTH - (lineStart == start ? 0 : continuation.length());
            int breakAt = -1;
            int breakDepth = Integer.MAX_VALUE;
            int depth = 0; // parentheses opened since this line began
            int assignedAt = -1;
            boolean inString = false;
            for (int i = lineStart; i < limit && i + 1 < end; i++) {
                char c = text.charAt(i);
                if (c == '"' && text.charAt(i - 1) != '\\') {
                    inString = !inString;
                } else if (!inString && c == '(') {
                    depth++;
                } else if (!inString && c == ')') {
                    depth--;
                } else if (!inString && c == ',' && text.charAt(i + 1) == ' ' && depth <= breakDepth) {
                    breakAt = i + 1;
                    breakDepth = depth;
                } else if (!inString && c == '=' && text.charAt(i - 1) == ' ' && text.charAt(i + 1) == ' '
                        && i + 2 < end && text.charAt(i + 2) != '"') { // a long message stays on its line
                    assignedAt = i + 1;
                }
            }
            if (breakAt < 0) {
                breakAt = assignedAt; // a field with a long type and name has no comma: break after its "="
            }
            if (breakAt < 0) {
                break; // nothing to break at: leave it whole
            }
            out.append(lineStart == start ? "" : continuation).append(text, lineStart, breakAt).append('\n');
            lineStart = breakAt + 1;
        }
        out.append(lineStart == start ? "" : continuation).append(text, lineStart, end);
    }

    /** The last space in {@code [from, limit]} that is not inside braces, or -1. */
    private static int lastBreak(String text, int from, int limit) {
        int depth = 0;
        int best = -1;
        for (int i = from; i <= limit && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (c == ' ' && depth == 0) {
                best = i;
            }
        }
        return best;
    }
}

package io.wsk4j.examples.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The tour's printed report: sections of "what was called, what completed, what the peer saw", plus checks. */
public final class Report {
    private final PrintStream out;
    private final List<String> failures = new ArrayList<>();
    private int section;

    public Report(PrintStream out) {
        this.out = out;
    }

    public void section(String title) {
        out.printf("%n[%d] %s%n", ++section, title);
    }

    public void note(String text) {
        out.printf("    %s%n", text);
    }

    /** One line: what was done, then what came of it. */
    public void line(String what, Object result) {
        out.printf("    %-44s -> %s%n", what, result);
    }

    /** Records a check; a failed one is printed and makes the tour fail. */
    public void expect(String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            String failure = what + ": expected " + expected + " but was " + actual;
            failures.add(failure);
            out.printf("    !! %s%n", failure);
        }
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }
}

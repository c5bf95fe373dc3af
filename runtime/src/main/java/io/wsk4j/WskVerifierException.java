package io.wsk4j;

import java.util.List;

/**
 * Thrown by {@link WskProvider#close()} of a provider built with {@link WskProvider.Builder#verifierFailsOnReport}
 * when the verifier reported anything while it was open: a test that closes its provider fails with every report.
 */
public final class WskVerifierException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final transient List<WskVerifierReport> reports;

    /**
     * An exception whose message lists every report.
     *
     * @param reports the reports, in the order they were made
     */
    public WskVerifierException(List<WskVerifierReport> reports) {
        super(message(reports));
        this.reports = List.copyOf(reports);
    }

    /** {@return the reports, in the order they were made} */
    public List<WskVerifierReport> reports() {
        return reports;
    }

    private static String message(List<WskVerifierReport> reports) {
        StringBuilder text = new StringBuilder("The wsk4j verifier reported ").append(reports.size())
                .append(" problem(s) (SPEC V):");
        for (WskVerifierReport report : reports) {
            text.append(System.lineSeparator()).append(report);
        }
        return text.toString();
    }
}

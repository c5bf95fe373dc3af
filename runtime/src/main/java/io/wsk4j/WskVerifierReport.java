package io.wsk4j;

import java.util.List;
import java.util.Objects;

/**
 * One finding of the verifier (SPEC V): what the application did wrong, with the places that did it.
 *
 * <p>Each {@link Site} is a stack trace taken where something happened (an IRP allocated or dispatched, a socket
 * made, a call entered, the I/O thread seen blocked); its frames inside wsk4j are left off the top, so the first
 * frame is the application's call. {@link Site#where()} is the first frame outside wsk4j and the JDK.
 *
 * @param kind what went wrong; its {@link Kind#rule()} is the SPEC rule id
 * @param message a sentence that says what happened and what to do
 * @param sites the places, in the order the message names them
 */
public record WskVerifierReport(Kind kind, String message, List<Site> sites) {
    /** What the verifier found; each is one rule of SPEC section V. */
    public enum Kind {
        /** V1: an IRP from {@link Irp#allocate()} became unreachable without {@link Irp#free()}. */
        IRP_LEAKED("V1"),
        /** V2: a completion routine of an application's IRP returned other than MORE_PROCESSING_REQUIRED (I4). */
        ROUTINE_RETURNED_WRONG_STATUS("V2"),
        /** V3: a socket was still open when its provider closed (C6). */
        SOCKET_NOT_CLOSED("V3"),
        /** V4: closeSocket while other threads were inside dispatch calls of the socket (C5); one report per close. */
        CLOSE_DURING_CALL("V4"),
        /** V5: a completion routine or event callback held the I/O thread longer than the threshold (E4). */
        IO_THREAD_BLOCKED("V5"),
        /** V6: a receive event's data was passed to a dispatch call (B4). */
        EVENT_DATA_PASSED_ON("V6"),
        /** V7: a call on another thread came after closeSocket and threw "socket closed" (C5). */
        CALL_AFTER_CLOSE("V7"),
        /** V8: a receive event declined data and no receive IRP was posted for it within the bound (E3). */
        RECEIVE_STALLED("V8");

        private final String rule;

        Kind(String rule) {
            this.rule = rule;
        }

        /** {@return the SPEC rule id, such as {@code V1}} */
        public String rule() {
            return rule;
        }
    }

    /**
     * A place: a stack trace and what happened there.
     *
     * @param label what happened there, such as "allocated" or "WskSend called"
     * @param thread the name of the thread it happened on
     * @param stack the frames, innermost first, wsk4j's own frames left off the top
     */
    public record Site(String label, String thread, List<StackTraceElement> stack) {
        /**
         * Copies the stack: a site does not change.
         *
         * @param label what happened there
         * @param thread the thread it happened on
         * @param stack the frames, innermost first
         */
        public Site {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(thread, "thread");
            stack = List.copyOf(stack);
        }

        /** {@return the first frame outside wsk4j and the JDK, the application's line; null if there is none} */
        public StackTraceElement where() {
            for (StackTraceElement frame : stack) {
                if (!isJdk(frame.getClassName())) {
                    return frame;
                }
            }
            return null;
        }

        private static boolean isJdk(String className) {
            return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
                    || className.startsWith("com.sun.");
        }
    }

    /**
     * Copies the sites: a report does not change.
     *
     * @param kind what went wrong
     * @param message what happened and what to do
     * @param sites the places
     */
    public WskVerifierReport {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        sites = List.copyOf(sites);
    }

    /** The rule id, the message, then each site with its stack, as a log shows it. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("wsk4j verifier ").append(kind.rule()).append(' ').append(kind)
                .append(": ").append(message);
        for (Site site : sites) {
            text.append(System.lineSeparator()).append("  ").append(site.label()).append(" (thread ")
                    .append(site.thread()).append(')');
            for (StackTraceElement frame : site.stack()) {
                text.append(System.lineSeparator()).append("\tat ").append(frame);
            }
        }
        return text.toString();
    }
}

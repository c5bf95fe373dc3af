package io.wsk4j.benchmarks;

import java.util.concurrent.TimeUnit;

/**
 * Whether a case passed. The client checked every op as it went (length, CRC32, the ending); here the server's
 * endings are held against the client's: a FIN for every connection the client closed gracefully, a reset for every
 * one it aborted, a close for each, and no server error at all.
 */
record Verdict(boolean passed, String summary) {
    /** The server sees the last resets a little after the client sent them: wait this long for the stragglers. */
    private static final long SETTLE_SECONDS = 5;

    static Verdict of(ClientOutcome client, ServerTally server) throws InterruptedException {
        if (client.failure() != null) {
            return fail("client: " + client.failure() + "; " + server);
        }
        boolean churn = client.workload().churn();
        long expected = churn ? client.totalOps() : client.concurrency();
        if (client.opened() != expected) {
            return fail("client opened " + client.opened() + " connections and finished " + expected);
        }
        boolean settled = server.await(
                () -> server.errors() > 0
                        || (server.closes() >= expected && server.fins() + server.resets() >= expected),
                SETTLE_SECONDS, TimeUnit.SECONDS);
        if (server.errors() > 0) {
            return fail("server: " + server + "; the first: " + server.firstError());
        }
        boolean abortive = client.workload() == Workload.CHURN_ABORTIVE;
        long fins = abortive ? 0 : expected;
        long resets = abortive ? expected : 0;
        if (!settled || server.fins() != fins || server.resets() != resets || server.closes() != expected) {
            return fail(server + (settled ? "" : " after waiting " + SETTLE_SECONDS + " s") + "; expected " + fins
                    + " FIN, " + resets + " resets, " + expected + " closed");
        }
        String ending = abortive ? resets + " resets seen by the server" : fins + " clean FIN/FIN endings";
        String what = churn ? "connections" : "round trips";
        return new Verdict(true, "pass: " + client.totalOps() + " " + what + " checked, " + ending);
    }

    private static Verdict fail(String why) {
        return new Verdict(false, "FAIL: " + why);
    }
}

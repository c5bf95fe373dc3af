/**
 * wsk4j's JUnit Jupiter extension: {@link io.wsk4j.junit.WskTest} runs a test over seeded simulated networks (or real
 * sockets), with the verifier on, and fails it on what it left behind.
 */
module io.wsk4j.junit {
    requires transitive io.wsk4j;
    requires transitive org.junit.jupiter.api;

    exports io.wsk4j.junit;
    // JUnit instantiates the extension reflectively
    opens io.wsk4j.junit to org.junit.platform.commons;
}

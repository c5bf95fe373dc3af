package io.wsk4j.processor.behaviour;

/** The context type of the behaviour cases: compared by identity, so the test sees the very object it passed. */
public final class Session {
    private final String name;

    public Session(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "Session(" + name + ")";
    }
}

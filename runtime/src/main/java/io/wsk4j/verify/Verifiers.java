package io.wsk4j.verify;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The verifiers of the providers open now. {@code Irp.allocate()} names no provider, so an IRP allocated while one is
 * open is watched for leaks on behalf of the latest (SPEC V1) until a dispatch call ties it to its own provider. This
 * is JVM-wide on purpose, and documented so (WskProvider.Builder.verifier, SPEC V1): while any verifying provider is
 * open, every Irp.allocate() in the JVM pays a stack trace and a phantom reference, whichever provider the IRP is for.
 * A provider that fails to start leaves its verifier here no longer ({@code EngineProvider.abandonStart}).
 */
public final class Verifiers {
    private static final CopyOnWriteArrayList<Verifier> OPEN = new CopyOnWriteArrayList<>();
    /** Read by every Irp.allocate(): one volatile read when no verifier is open. */
    private static volatile Verifier latest;

    private Verifiers() {}

    public static Verifier latest() {
        return latest;
    }

    public static synchronized void opened(Verifier verifier) {
        OPEN.add(verifier);
        latest = verifier;
    }

    public static synchronized void closed(Verifier verifier) {
        OPEN.remove(verifier);
        latest = OPEN.isEmpty() ? null : OPEN.get(OPEN.size() - 1);
    }
}

package demo;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.Irp;
import io.wsk4j.IrpPool;
import io.wsk4j.NtStatus;
import io.wsk4j.WskProvider;
import io.wsk4j.annotations.WskGenerated;
import java.lang.String;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.annotation.processing.Generated;

/**
 * Typed WSK dispatch glue for the handlers of {@link Resolver}, written by the wsk4j processor (SPEC P5).
 *
 * <p>A start method points an IRP at its handler and calls the provider: a simple handler's IRP comes from an
 * {@link IrpPool}, which gets it back if the call refuses it. Nothing is allocated per call.
 */
@Generated("io.wsk4j.processor.WskProcessor")
@WskGenerated
public final class ResolverDispatch {
    private final Resolver handlers;

    private final IrpPool pool;

    private final CompletionRoutine<List<String>> addressInfoListOfStringRoutine =
            this::addressInfoListOfStringCompleted;

    /**
     * Dispatch glue for {@code handlers}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param handlers the handler instance
     */
    public ResolverDispatch(Resolver handlers) {
        this(handlers, IrpPool.shared());
    }

    /**
     * Dispatch glue for {@code handlers}, with simple handlers' IRPs from {@code pool}.
     *
     * @param handlers the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public ResolverDispatch(Resolver handlers, IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
    }

    /**
     * Like {@link #ResolverDispatch(Function, IrpPool)}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param factory makes the handler instance
     */
    public ResolverDispatch(Function<? super ResolverDispatch, ? extends Resolver> factory) {
        this(factory, IrpPool.shared());
    }

    /**
     * Dispatch glue for the handler instance {@code factory} makes from it, so that the instance can hold its glue in a
     * final field: {@code new ResolverDispatch(Resolver::new)}. Simple handlers' IRPs come from {@code pool}. The
     * factory runs last in this constructor: it may keep the glue, but should start nothing with it.
     *
     * @param factory makes the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public ResolverDispatch(Function<? super ResolverDispatch, ? extends Resolver> factory,
            IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(factory, "factory");
        this.handlers = Objects.requireNonNull(factory.apply(this), "the factory returned no handlers");
    }

    /**
     * {@return the handler instance this glue calls}
     */
    public Resolver handlers() {
        return handlers;
    }

    /**
     * Resolves {@code node} (WskGetAddressInfo, SPEC N1) off the I/O threads; an unknown name completes NOT_FOUND.
     * Completes into {@link Resolver#resolved(NtStatus, java.util.List, Resolver.Lookup)}.
     *
     * @param provider the provider that resolves
     * @param node the name to resolve, or an address literal
     * @param service a decimal port number each address gets, or null for port 0
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus addressInfo(WskProvider provider, String node, String service,
            Resolver.Lookup context) {
        return pool.addressInfo(provider, node, service, handlers, Resolver::resolved, context);
    }

    /**
     * Resolves {@code node} (WskGetAddressInfo, SPEC N1) off the I/O threads; an unknown name completes NOT_FOUND.
     * Completes into {@link Resolver#resolved(NtStatus, java.util.List, Resolver.Lookup)}. If it is still pending after
     * {@code timeout}, it is cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless it can no
     * longer be cancelled.
     *
     * @param provider the provider that resolves
     * @param node the name to resolve, or an address literal
     * @param service a decimal port number each address gets, or null for port 0
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus addressInfo(WskProvider provider, String node, String service,
            Resolver.Lookup context, Duration timeout) {
        return pool.addressInfo(provider, node, service, handlers, Resolver::resolved, context, timeout);
    }

    /**
     * Resolves {@code node} (WskGetAddressInfo, SPEC N1) off the I/O threads; an unknown name completes NOT_FOUND.
     * Completes into {@link Resolver#resolvedOwned(Irp, java.util.List)}, which owns {@code irp}.
     *
     * @param provider the provider that resolves
     * @param node the name to resolve, or an address literal
     * @param service a decimal port number each address gets, or null for port 0
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus addressInfo(WskProvider provider, String node, String service, Irp irp,
            List<String> context) {
        irp.setCompletionRoutine(addressInfoListOfStringRoutine, context, true, true, true);
        return provider.getAddressInfo(node, service, irp);
    }

    /**
     * Resolves {@code node} (WskGetAddressInfo, SPEC N1) off the I/O threads; an unknown name completes NOT_FOUND.
     * Completes into {@link Resolver#resolvedOwned(Irp, java.util.List)}, which owns {@code irp}. If it is still
     * pending after {@code timeout}, it is cancelled (SPEC N2, {@code Irp.cancelAfter}) and completes CANCELLED, unless
     * it can no longer be cancelled.
     *
     * @param provider the provider that resolves
     * @param node the name to resolve, or an address literal
     * @param service a decimal port number each address gets, or null for port 0
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @param timeout how long the operation may wait, positive
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public NtStatus addressInfo(WskProvider provider, String node, String service, Irp irp,
            List<String> context, Duration timeout) {
        irp.setCompletionRoutine(addressInfoListOfStringRoutine, context, true, true, true);
        irp.cancelAfter(timeout);
        return provider.getAddressInfo(node, service, irp);
    }

    private NtStatus addressInfoListOfStringCompleted(Irp irp, List<String> context) {
        return handlers.resolvedOwned(irp, context);
    }
}

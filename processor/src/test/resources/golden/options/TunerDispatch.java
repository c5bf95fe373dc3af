package demo;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.Irp;
import io.wsk4j.IrpPool;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBasicSocket;
import io.wsk4j.WskOption;
import io.wsk4j.annotations.WskGenerated;
import java.lang.String;
import java.util.Objects;
import java.util.function.Function;
import javax.annotation.processing.Generated;

/**
 * Typed WSK dispatch glue for the handlers of {@link Tuner}, written by the wsk4j processor (SPEC P5).
 *
 * <p>A start method points an IRP at its handler and calls the provider: a simple handler's IRP comes from an
 * {@link IrpPool}, which gets it back if the call refuses it. Nothing is allocated per call.
 */
@Generated("io.wsk4j.processor.WskProcessor")
@WskGenerated
public final class TunerDispatch<T> {
    private final Tuner<T> handlers;

    private final IrpPool pool;

    private final CompletionRoutine<String> optionStringRoutine = this::optionStringCompleted;

    /**
     * Dispatch glue for {@code handlers}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param handlers the handler instance
     */
    public TunerDispatch(Tuner<T> handlers) {
        this(handlers, IrpPool.shared());
    }

    /**
     * Dispatch glue for {@code handlers}, with simple handlers' IRPs from {@code pool}.
     *
     * @param handlers the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public TunerDispatch(Tuner<T> handlers, IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
    }

    /**
     * Like {@link #TunerDispatch(Function, IrpPool)}, with IRPs from {@link IrpPool#shared()}.
     *
     * @param factory makes the handler instance
     */
    public TunerDispatch(Function<? super TunerDispatch<T>, ? extends Tuner<T>> factory) {
        this(factory, IrpPool.shared());
    }

    /**
     * Dispatch glue for the handler instance {@code factory} makes from it, so that the instance can hold its glue in a
     * final field: {@code new TunerDispatch<>(Tuner::new)}. Simple handlers' IRPs come from {@code pool}. The factory
     * runs last in this constructor: it may keep the glue, but should start nothing with it.
     *
     * @param factory makes the handler instance
     * @param pool where simple handlers' IRPs come from
     */
    public TunerDispatch(Function<? super TunerDispatch<T>, ? extends Tuner<T>> factory,
            IrpPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(factory, "factory");
        this.handlers = Objects.requireNonNull(factory.apply(this), "the factory returned no handlers");
    }

    /**
     * {@return the handler instance this glue calls}
     */
    public Tuner<T> handlers() {
        return handlers;
    }

    /**
     * Sets {@code option} to {@code value} (WskControlSocket with WskSetOption or WskIoctl, SPEC K3, K4). Completes
     * into {@link Tuner#tuned(NtStatus, WskOption, java.lang.Object, Tuner.Knob)}.
     *
     * @param <T1> the option's value type
     * @param socket the socket, of any kind
     * @param option the option, one of the constants of {@link WskOption}
     * @param value its new value
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <T1> NtStatus setOption(WskBasicSocket socket, WskOption<T1> option, T1 value,
            Tuner.Knob<T> context) {
        return pool.setOption(socket, option, value, handlers, Tuner<T>::tuned, context);
    }

    /**
     * Reads {@code option} (WskControlSocket with WskGetOption, SPEC K3). Completes into
     * {@link Tuner#tuned(NtStatus, WskOption, java.lang.Object, Tuner.Knob)}.
     *
     * @param <T1> the option's value type
     * @param socket the socket, of any kind
     * @param option the option, one of the constants of {@link WskOption}
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <T1> NtStatus getOption(WskBasicSocket socket, WskOption<T1> option,
            Tuner.Knob<T> context) {
        return pool.getOption(socket, option, handlers, Tuner<T>::tuned, context);
    }

    /**
     * Sets {@code option} to {@code value} (WskControlSocket with WskSetOption or WskIoctl, SPEC K3, K4). Completes
     * into {@link Tuner#read(Irp, String)}, which owns {@code irp}.
     *
     * @param <T1> the option's value type
     * @param socket the socket, of any kind
     * @param option the option, one of the constants of {@link WskOption}
     * @param value its new value
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <T1> NtStatus setOption(WskBasicSocket socket, WskOption<T1> option, T1 value, Irp irp,
            String context) {
        irp.setCompletionRoutine(optionStringRoutine, context, true, true, true);
        return socket.dispatch().controlSocket(socket, option, value, irp);
    }

    /**
     * Reads {@code option} (WskControlSocket with WskGetOption, SPEC K3). Completes into
     * {@link Tuner#read(Irp, String)}, which owns {@code irp}.
     *
     * @param <T1> the option's value type
     * @param socket the socket, of any kind
     * @param option the option, one of the constants of {@link WskOption}
     * @param irp the IRP; its routine is set here
     * @param context handed to the handler
     * @return the final status, or {@link NtStatus#PENDING}
     */
    public <T1> NtStatus getOption(WskBasicSocket socket, WskOption<T1> option, Irp irp,
            String context) {
        irp.setCompletionRoutine(optionStringRoutine, context, true, true, true);
        return socket.dispatch().controlSocket(socket, option, irp);
    }

    private NtStatus optionStringCompleted(Irp irp, String context) {
        return handlers.read(irp, context);
    }
}

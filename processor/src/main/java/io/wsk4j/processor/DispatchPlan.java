package io.wsk4j.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.List;

/**
 * Every decision about one dispatch class, made by {@link Planner}: which members it has, what each is called, which
 * statement each runs. Only names, JavaPoet types and decisions: no element or type mirror of the compiler reaches
 * {@link DispatchWriter}, which turns the plan into source and decides nothing.
 *
 * @param dispatchClass the class to write
 * @param handlerClass the class whose handlers it calls, for links
 * @param handlerType the handler class with its type variables, the type of the {@code handlers} field; {@code
 *     Object} in the stand-in of a class the dispatch class cannot name
 * @param typeVariables the handler class's type variables, kept by the dispatch class
 * @param valueVariable the type variable of generic start methods (an option's value type), named unlike any of
 *     {@code typeVariables}
 * @param isPublic whether the dispatch class is public (SPEC P5)
 * @param suppressedWarnings lint categories the generated code trips through no fault of its own, sorted
 * @param usesPool whether any member takes pooled IRPs, so that the class has a pool and constructors that take one
 * @param standIn for a class with errors, the message every member of its stand-in throws; null for real glue
 * @param routines completion routines of faithful handlers, in handler order
 * @param starts public start methods, in the order they appear
 * @param accepts listen dispatches of accept handlers
 * @param eventGroups client dispatches, one per connection-event context type, then one per datagram-event context
 *     type
 */
record DispatchPlan(
        ClassName dispatchClass,
        ClassName handlerClass,
        TypeName handlerType,
        List<TypeVariableName> typeVariables,
        TypeVariableName valueVariable,
        boolean isPublic,
        List<String> suppressedWarnings,
        boolean usesPool,
        String standIn,
        List<Routine> routines,
        List<Start> starts,
        List<Accept> accepts,
        List<EventGroup> eventGroups) {

    /** Fixed member names, reserved before any other name is handed out. */
    static final String HANDLERS = "handlers";
    static final String POOL = "pool";

    /** Whether this is the stand-in of a class with errors: the user's code compiles against it, and it throws. */
    boolean isStandIn() {
        return standIn != null;
    }

    /** Who supplies the IRP of a start method, and who sets its routine (SPEC P3, P5). */
    enum IrpSource {
        /** The pool gives an IRP whose routine calls a simple handler: {@code pool.send(..., Handlers::sent, ...)}. */
        POOL,
        /** The caller passes the IRP of a faithful handler, and the glue sets that handler's routine on it. */
        CALLER,
        /** The caller passes an IRP whose routine it set itself (the listen of an accept handler). */
        CALLER_WITH_ROUTINE
    }

    /**
     * The completion routine of one faithful handler: a field that refers to a private method, which calls the
     * handler with the IRP.
     *
     * @param field the {@code CompletionRoutine<C>} field
     * @param method the private method the field refers to
     * @param context the context type
     * @param handlerMethod the handler method it calls
     */
    record Routine(String field, String method, TypeName context, String handlerMethod) {}

    /**
     * One public start method.
     *
     * @param spec its name, parameters, summary and provider calls
     * @param context the context type
     * @param link {@code {@link Handlers#method(...)}}: the handler the operation completes into, or the accept
     *     handler of a caller-routine listen
     * @param irp who supplies the IRP
     * @param handlerReference for {@link IrpSource#POOL}: the handler the pool's routine calls ({@code
     *     Handlers::sent}, or a lambda where a method reference would be ambiguous); else null
     * @param routineField for {@link IrpSource#CALLER}: the routine field set on the caller's IRP; else null
     * @param events for a connect: the client dispatch its socket gets; else null
     * @param listening for a listen: the accept handler whose listen dispatch the socket gets; else null
     * @param timeout whether this is the overload with a trailing {@code Duration timeout} that bounds the operation
     *     (SPEC N2)
     */
    record Start(
            StartMethod spec,
            TypeName context,
            CodeBlock link,
            IrpSource irp,
            CodeBlock handlerReference,
            String routineField,
            EventGroup events,
            Accept listening,
            boolean timeout) {

        /** Whether the method has an {@code Irp} parameter of its own, before the context. */
        boolean takesIrp() {
            return irp == IrpSource.CALLER;
        }

        /** The overload bounded by a {@code Duration timeout}. */
        Start withTimeout() {
            return new Start(spec, context, link, irp, handlerReference, routineField, events, listening, true);
        }
    }

    /**
     * The listen dispatch of one accept handler.
     *
     * @param field the {@code WskClientListenDispatch<L>} field
     * @param method the private method the field refers to
     * @param listenContext the listening socket's context type
     * @param acceptedContext the accepted socket's context type
     * @param handlerMethod the accept handler
     * @param link {@code {@link Handlers#accepted(...)}}
     * @param events the client dispatch accepted sockets get, or null if none has handlers
     */
    record Accept(
            String field,
            String method,
            TypeName listenContext,
            TypeName acceptedContext,
            String handlerMethod,
            CodeBlock link,
            EventGroup events) {}

    /**
     * The client dispatch of one connection-event context type, or the datagram dispatch of one datagram-event context
     * type.
     *
     * @param datagram whether it is a {@code WskClientDatagramDispatch} of datagram sockets, not a
     *     {@code WskClientConnectionDispatch}
     * @param context the context type
     * @param field the field that holds the one instance
     * @param className the private nested class that implements it
     * @param accessor the public method that returns it
     * @param enabler the public method that enables its events on a socket
     * @param eventSet the constant with its events, which connect, accept and the enabler turn on
     * @param events its callbacks, in handler order
     */
    record EventGroup(
            boolean datagram,
            TypeName context,
            String field,
            String className,
            String accessor,
            String enabler,
            String eventSet,
            List<Event> events) {}

    /**
     * One event callback.
     *
     * @param handlerMethod the event handler it calls
     * @param link {@code {@link Handlers#method(...)}}
     * @param wskEvent the {@code WskEvent} constant that turns it on ({@code RECEIVE})
     * @param callback the client dispatch's method it implements ({@code onReceive})
     * @param parameters the callback's parameters after the context, which the handler takes before it
     * @param returnsBytes whether the callback returns how many bytes the handler took
     */
    record Event(
            String handlerMethod,
            CodeBlock link,
            String wskEvent,
            String callback,
            List<EventParameter> parameters,
            boolean returnsBytes) {}

    /** A parameter of an event callback: its type and name. */
    record EventParameter(ClassName type, String name) {}
}

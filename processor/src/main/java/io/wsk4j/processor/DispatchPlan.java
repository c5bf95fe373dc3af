package io.wsk4j.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import io.wsk4j.processor.HandlerModel.Handler;
import java.util.List;

/**
 * Every decision about one dispatch class, made by {@link Planner}: which members it has, what each is called, and
 * which helpers it needs. {@link DispatchWriter} only turns it into source; it decides nothing.
 *
 * @param dispatchClass the class to write
 * @param handlerClass the class whose handlers it calls
 * @param handlerType the handler class with its type variables, the type of the {@code handlers} field
 * @param typeVariables the handler class's type variables, kept by the dispatch class
 * @param isPublic whether the dispatch class is public (SPEC P5)
 * @param suppressedWarnings lint categories the generated code trips through no fault of its own, sorted
 * @param usesPool whether any member takes pooled IRPs, so that the class has a pool and constructors that take one
 * @param routines completion routines, in handler order
 * @param starts public start methods, in the order they appear
 * @param accepts listen dispatches of accept handlers
 * @param eventGroups client dispatches, one per connection-event context type
 * @param recycler whether the class needs the routine that only gives an IRP back
 * @param enableEvent whether the class needs the helper that enables one event
 */
record DispatchPlan(
        ClassName dispatchClass,
        ClassName handlerClass,
        TypeName handlerType,
        List<TypeVariableName> typeVariables,
        boolean isPublic,
        List<String> suppressedWarnings,
        boolean usesPool,
        List<Routine> routines,
        List<Start> starts,
        List<Accept> accepts,
        List<EventGroup> eventGroups,
        boolean recycler,
        boolean enableEvent) {

    /** Fixed member names, reserved before any other name is handed out. */
    static final String HANDLERS = "handlers";
    static final String POOL = "pool";
    static final String RECYCLE = "RECYCLE";
    static final String ENABLE_EVENT = "enableEvent";

    /**
     * The completion routine of one completion handler: a field made once in the constructor, and the private method
     * it refers to.
     *
     * @param field the {@code CompletionRoutine<C>} field
     * @param method the private method that reads the result and calls the handler
     * @param context the context type
     * @param handler the handler it calls
     * @param link {@code {@link Handler#method(...)}}
     * @param enabler for a simple connect handler whose context has connection events: the method that enables them
     *     before the handler runs; else null
     */
    record Routine(String field, String method, TypeName context, Handler handler, CodeBlock link, String enabler) {}

    /**
     * One public start method.
     *
     * @param spec its name, parameters, summary and provider call
     * @param handler the handler it belongs to: the completion handler, or the accept handler of a caller-routine
     *     listen
     * @param context the context type
     * @param link the handler the operation completes into, or the accept handler of a caller-routine listen
     * @param routine the routine the glue sets; null when the caller's IRP keeps its own
     * @param faithful whether the caller passes the IRP (a faithful handler, or a caller-routine listen)
     * @param events for a connect: the client dispatch its socket gets; else null
     * @param listenDispatch for a listen: the listen dispatch field its socket gets; else null
     */
    record Start(
            StartMethod spec,
            Handler handler,
            TypeName context,
            CodeBlock link,
            Routine routine,
            boolean faithful,
            EventGroup events,
            String listenDispatch) {}

    /**
     * The listen dispatch of one accept handler.
     *
     * @param field the {@code WskClientListenDispatch<L>} field
     * @param method the private method the field refers to
     * @param listenContext the listening socket's context type
     * @param acceptedContext the accepted socket's context type
     * @param handler the accept handler
     * @param link {@code {@link Handler#accepted(...)}}
     * @param events the client dispatch accepted sockets get, or null if none has handlers
     */
    record Accept(
            String field,
            String method,
            TypeName listenContext,
            TypeName acceptedContext,
            Handler handler,
            CodeBlock link,
            EventGroup events) {}

    /**
     * The client dispatch of one connection-event context type.
     *
     * @param context the context type
     * @param field the field that holds the one instance
     * @param className the private nested class that implements it
     * @param accessor the public method that returns it
     * @param enabler the public method that enables its events on a socket
     * @param acceptedEvents the constant with its events, enabled on accepted sockets; null if no accept uses it
     * @param events its callbacks, in handler order
     */
    record EventGroup(
            TypeName context,
            String field,
            String className,
            String accessor,
            String enabler,
            String acceptedEvents,
            List<Event> events) {}

    /**
     * One event callback.
     *
     * @param handler the event handler it calls
     * @param link {@code {@link Handler#method(...)}}
     * @param statusName the local variable that holds the result of enabling it
     */
    record Event(Handler handler, CodeBlock link, String statusName) {}
}

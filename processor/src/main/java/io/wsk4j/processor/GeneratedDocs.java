package io.wsk4j.processor;

import static io.wsk4j.processor.RuntimeTypes.CLIENT_DISPATCH;
import static io.wsk4j.processor.RuntimeTypes.FUNCTION;
import static io.wsk4j.processor.RuntimeTypes.IRP_POOL;
import static io.wsk4j.processor.RuntimeTypes.NT_STATUS;

import com.palantir.javapoet.CodeBlock;
import io.wsk4j.processor.DispatchPlan.Accept;
import io.wsk4j.processor.DispatchPlan.EventGroup;
import io.wsk4j.processor.DispatchPlan.Start;
import java.util.ArrayList;
import java.util.List;

/**
 * Every javadoc sentence of generated code, in one place. Paragraphs are single lines: {@link GeneratedSource}
 * wraps them at 120 columns once the imports are known.
 */
final class GeneratedDocs {
    // Sentences without variable parts are parsed once, not once per class: JavaPoet formats are not free.
    private static final CodeBlock START_METHODS = CodeBlock.of("\n<p>Each start method sets a completion routine"
            + " that knows the context type, calls the provider and returns its status: the final one if the"
            + " operation completed at once, else {@link $T#PENDING}.", NT_STATUS);
    private static final CodeBlock POOLED_IRPS = CodeBlock.of(" The IRPs of simple handlers come from the {@link $T}"
            + " and go back to it before the handler runs. Faithful handlers own the caller's IRP. Routines are made"
            + " once, in the constructor: a start method allocates nothing.\n", IRP_POOL);
    private static final CodeBlock CALLER_IRPS = CodeBlock.of(" Faithful handlers own the caller's IRP. Routines are"
            + " made once, in the constructor: a start method allocates nothing.\n");
    private static final CodeBlock EVENTS = CodeBlock.of("\n<p>Events start disabled (SPEC E1). The event handlers of"
            + " each context type form one {@link $T}; sockets made by this class's {@code connect} and"
            + " {@code listen} get it with their events enabled before the handler sees them. For a socket made"
            + " another way, pass the client dispatch to the provider and call the matching {@code enable...Events}"
            + " method once it is connected.\n", CLIENT_DISPATCH);
    private static final CodeBlock INSTANCE_CONSTRUCTOR =
            CodeBlock.of("Dispatch glue for {@code handlers}.\n\n@param handlers the instance whose handlers the glue"
                    + " calls\n");
    private static final CodeBlock INSTANCE_WITH_POOL_CONSTRUCTOR = CodeBlock.of("Dispatch glue for {@code"
            + " handlers}, with the IRPs of simple handlers from {@code pool}.\n\n@param handlers the instance whose"
            + " handlers the glue calls\n@param pool where the IRPs of simple handlers come from and go back to\n");
    private static final CodeBlock FACTORY_RUNS_LAST = CodeBlock.of("\n<p>The factory runs once, last in this"
            + " constructor: the glue is complete when the factory sees it, but the instance is not, so the factory"
            + " should only keep the glue, not start operations with it.\n\n@param factory makes the instance whose"
            + " handlers the glue calls\n");
    private static final CodeBlock POOL_PARAMETER =
            CodeBlock.of("@param pool where the IRPs of simple handlers come from and go back to\n");
    private static final CodeBlock HANDLERS_ACCESSOR = CodeBlock.of("The instance whose handlers this glue calls: the"
            + " one given to the constructor, or the one its factory made.\n\n@return the handler instance, never"
            + " null\n");
    private static final CodeBlock IRP_PARAMETER =
            CodeBlock.of("@param irp the IRP of the operation; its completion routine is set here\n");
    private static final CodeBlock CONTEXT_PARAMETER =
            CodeBlock.of("@param context handed to the handler on completion\n");
    private static final CodeBlock STATUS_RETURNED =
            CodeBlock.of("@return the provider's status: the final one, or {@link $T#PENDING}\n", NT_STATUS);
    private static final CodeBlock ACCEPTED_EVENTS =
            CodeBlock.of("The events that have handlers for this context type, enabled on accepted sockets.\n");
    private static final CodeBlock RECYCLER =
            CodeBlock.of("Gives back the IRP of an operation whose result nobody waits for.\n");

    private GeneratedDocs() {}

    static CodeBlock dispatchClass(DispatchPlan plan) {
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("Typed WSK dispatch glue for the handlers of {@link $T}, written by the wsk4j processor (SPEC"
                        + " P5).\n", plan.handlerClass())
                .add(START_METHODS);
        doc.add(plan.usesPool() ? POOLED_IRPS : CALLER_IRPS);
        if (!plan.eventGroups().isEmpty()) {
            doc.add(EVENTS);
        }
        return doc.build();
    }

    static CodeBlock instanceConstructor(DispatchPlan plan) {
        return plan.usesPool()
                ? CodeBlock.of("Dispatch glue for {@code handlers}, with IRPs from {@link $T#shared()}.\n\n@param"
                        + " handlers the instance whose handlers the glue calls\n", IRP_POOL)
                : INSTANCE_CONSTRUCTOR;
    }

    static CodeBlock instanceWithPoolConstructor() {
        return INSTANCE_WITH_POOL_CONSTRUCTOR;
    }

    static CodeBlock factoryConstructor(DispatchPlan plan, boolean withPool) {
        if (!withPool && plan.usesPool()) {
            return CodeBlock.of("Dispatch glue for the handler instance that {@code factory} makes from this glue,"
                    + " with IRPs from {@link $T#shared()}; see {@link #$T($T, $T)}.\n\n@param factory makes the"
                    + " instance whose handlers the glue calls\n", IRP_POOL, plan.dispatchClass(), FUNCTION, IRP_POOL);
        }
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("Dispatch glue for the handler instance that {@code factory} makes from this glue, so that the"
                        + " instance can keep its glue in a final field (a record, say):"
                        + " {@code new $T($T::new)}.", plan.dispatchClass(), plan.handlerClass());
        doc.add(withPool ? " The IRPs of simple handlers come from {@code pool}.\n" : "\n");
        doc.add(FACTORY_RUNS_LAST);
        if (withPool) {
            doc.add(POOL_PARAMETER);
        }
        return doc.build();
    }

    static CodeBlock handlersAccessor() {
        return HANDLERS_ACCESSOR;
    }

    static CodeBlock startMethod(Start start, Accept listening) {
        CodeBlock.Builder doc = CodeBlock.builder().add("$L ", start.spec().summary());
        if (start.spec().callerRoutine()) {
            doc.add("Connections go to $L.\n", start.link());
        } else if (start.faithful()) {
            doc.add("The caller's {@code irp} goes to the provider; on completion $L owns it.", start.link());
        } else {
            doc.add("The IRP comes from the pool and goes back to it before $L runs.", start.link());
        }
        if (listening != null && !start.spec().callerRoutine()) {
            doc.add(" The handler gets the listening socket, to close it when it wants no more connections, which go"
                    + " to $L.", listening.link());
        }
        EventGroup events = start.events();
        if (events != null) {
            doc.add(start.faithful()
                            ? " The socket gets {@link #$N()} as its client dispatch; enable its events in the"
                                    + " handler with {@link #$N}."
                            : " The socket gets {@link #$N()} as its client dispatch, with its events enabled"
                                    + " before the handler runs ({@link #$N}).",
                    events.accessor(), events.enabler());
        }
        if (!start.spec().callerRoutine()) {
            doc.add("\n");
        }
        doc.add("\n");
        for (StartMethod.Parameter parameter : start.spec().parameters()) {
            doc.add("@param $L $L\n", parameter.name(), parameter.doc());
        }
        if (start.faithful() && !start.spec().callerRoutine()) {
            doc.add(IRP_PARAMETER);
        }
        doc.add(start.spec().callerRoutine()
                ? CodeBlock.of("@param context the listening socket's context, handed to $L\n", start.link())
                : CONTEXT_PARAMETER);
        doc.add(STATUS_RETURNED);
        return doc.build();
    }

    static CodeBlock clientDispatch(EventGroup group) {
        return CodeBlock.of("The client dispatch (WSK_CLIENT_CONNECTION_DISPATCH) that calls $L; the same object on"
                        + " every call. Its events are off until enabled (SPEC E1): see {@link #$N}.\n\n@return the"
                        + " event callbacks for sockets whose context type is {@code $L}\n",
                links(group), group.enabler(), group.context().toString());
    }

    static CodeBlock enableEvents(EventGroup group) {
        return CodeBlock.of("Enables the events of {@link #$N()} on a connected {@code socket} whose client dispatch"
                        + " it is, calling $L (WskControlSocket). Each control request takes a pooled IRP.\n\n"
                        + "@param socket a connected socket made with {@link #$N()} as its client dispatch\n"
                        + "@return the first status that is not a success, else the last status\n",
                group.accessor(), links(group), group.accessor());
    }

    static CodeBlock acceptedEvents() {
        return ACCEPTED_EVENTS;
    }

    static CodeBlock recycler() {
        return RECYCLER;
    }

    private static CodeBlock links(EventGroup group) {
        List<CodeBlock> links = new ArrayList<>();
        for (DispatchPlan.Event event : group.events()) {
            links.add(event.link());
        }
        return CodeBlock.join(links, " and ");
    }
}

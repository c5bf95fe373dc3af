package io.wsk4j.processor;

import static io.wsk4j.processor.RuntimeTypes.CLIENT_DISPATCH;
import static io.wsk4j.processor.RuntimeTypes.DATAGRAM_DISPATCH;
import static io.wsk4j.processor.RuntimeTypes.FUNCTION;
import static io.wsk4j.processor.RuntimeTypes.IRP_POOL;
import static io.wsk4j.processor.RuntimeTypes.NT_STATUS;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeVariableName;
import io.wsk4j.processor.DispatchPlan.Accept;
import io.wsk4j.processor.DispatchPlan.EventGroup;
import io.wsk4j.processor.DispatchPlan.IrpSource;
import io.wsk4j.processor.DispatchPlan.Start;
import java.util.ArrayList;
import java.util.List;

/**
 * Every javadoc sentence of generated code, in one place. Paragraphs are single lines: {@link GeneratedSource}
 * wraps them at 120 columns once the imports are known.
 */
final class GeneratedDocs {
    // Sentences without variable parts are parsed once, not once per class: JavaPoet formats are not free.
    private static final CodeBlock START_METHODS = CodeBlock.of("\n<p>A start method points an IRP at its handler and"
            + " calls the provider:");
    private static final CodeBlock POOLED_IRPS = CodeBlock.of(" a simple handler's IRP comes from an {@link $T},"
            + " which gets it back if the call refuses it. Nothing is allocated per call.\n", IRP_POOL);
    private static final CodeBlock CALLER_IRPS = CodeBlock.of(" the caller's IRP, which the faithful handler owns."
            + " Nothing is allocated per call.\n");
    private static final CodeBlock EVENTS = CodeBlock.of("\n<p>Events start disabled (SPEC E1): sockets from"
            + " {@code connect} and {@code listen} get theirs enabled; for another socket, give the provider the"
            + " {@link $T} and call {@code enable...Events}.\n", CLIENT_DISPATCH);
    private static final CodeBlock DATAGRAM_EVENTS = CodeBlock.of("\n<p>The receive-from event starts disabled (SPEC"
            + " E1, G3): a socket from {@code datagramSocket} has the {@link $T}; bind it and call {@code"
            + " enable...DatagramEvents}.\n", DATAGRAM_DISPATCH);
    private static final CodeBlock INSTANCE_CONSTRUCTOR =
            CodeBlock.of("Dispatch glue for {@code handlers}.\n\n@param handlers the handler instance\n");
    private static final CodeBlock INSTANCE_WITH_SHARED_POOL_CONSTRUCTOR = CodeBlock.of("Dispatch glue for {@code"
            + " handlers}, with IRPs from {@link $T#shared()}.\n\n@param handlers the handler instance\n", IRP_POOL);
    private static final CodeBlock INSTANCE_WITH_POOL_CONSTRUCTOR = CodeBlock.of("Dispatch glue for {@code"
            + " handlers}, with simple handlers' IRPs from {@code pool}.\n\n@param handlers the handler instance\n"
            + "@param pool where simple handlers' IRPs come from\n");
    private static final CodeBlock FACTORY_RUNS_LAST = CodeBlock.of(" The factory runs last in this constructor: it"
            + " may keep the glue, but should start nothing with it.\n\n@param factory makes the handler instance\n");
    private static final CodeBlock POOL_PARAMETER = CodeBlock.of("@param pool where simple handlers' IRPs come from\n");
    private static final CodeBlock HANDLERS_ACCESSOR =
            CodeBlock.of("{@return the handler instance this glue calls}\n");
    private static final CodeBlock IRP_PARAMETER = CodeBlock.of("@param irp the IRP; its routine is set here\n");
    private static final CodeBlock CONTEXT_PARAMETER = CodeBlock.of("@param context handed to the handler\n");
    private static final CodeBlock TIMEOUT_PARAMETER =
            CodeBlock.of("@param timeout how long the operation may wait, positive\n");
    private static final CodeBlock STATUS_RETURNED =
            CodeBlock.of("@return the final status, or {@link $T#PENDING}\n", NT_STATUS);

    private GeneratedDocs() {}

    static CodeBlock dispatchClass(DispatchPlan plan) {
        if (plan.isStandIn()) {
            return CodeBlock.of("Stands in for the dispatch glue of {@link $T} while that class has errors, so that"
                    + " code naming it compiles: every member throws, saying which error to fix first (SPEC P7).\n",
                    plan.handlerClass());
        }
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("Typed WSK dispatch glue for the handlers of {@link $T}, written by the wsk4j processor (SPEC"
                        + " P5).\n", plan.handlerClass())
                .add(START_METHODS);
        doc.add(plan.usesPool() ? POOLED_IRPS : CALLER_IRPS);
        if (plan.eventGroups().stream().anyMatch(group -> !group.datagram())) {
            doc.add(EVENTS);
        }
        if (plan.eventGroups().stream().anyMatch(EventGroup::datagram)) {
            doc.add(DATAGRAM_EVENTS);
        }
        return doc.build();
    }

    static CodeBlock instanceConstructor(DispatchPlan plan, boolean withPool) {
        if (withPool) {
            return INSTANCE_WITH_POOL_CONSTRUCTOR;
        }
        return plan.usesPool() ? INSTANCE_WITH_SHARED_POOL_CONSTRUCTOR : INSTANCE_CONSTRUCTOR;
    }

    static CodeBlock factoryConstructor(DispatchPlan plan, boolean withPool) {
        if (!withPool && plan.usesPool()) {
            return CodeBlock.of("Like {@link #$T($T, $T)}, with IRPs from {@link $T#shared()}.\n\n@param factory"
                    + " makes the handler instance\n", plan.dispatchClass(), FUNCTION, IRP_POOL, IRP_POOL);
        }
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("Dispatch glue for the handler instance {@code factory} makes from it, so that the instance"
                        + " can hold its glue in a final field: {@code new $T$L($T::new)}.", plan.dispatchClass(),
                        plan.typeVariables().isEmpty() ? "" : "<>", plan.handlerClass()); // never a raw type
        doc.add(withPool ? " Simple handlers' IRPs come from {@code pool}." : "");
        doc.add(FACTORY_RUNS_LAST);
        if (withPool) {
            doc.add(POOL_PARAMETER);
        }
        return doc.build();
    }

    static CodeBlock handlersAccessor() {
        return HANDLERS_ACCESSOR;
    }

    static CodeBlock startMethod(Start start, TypeVariableName valueVariable) {
        CodeBlock.Builder doc = CodeBlock.builder().add("$L ", start.spec().summary());
        boolean callerRoutine = start.irp() == IrpSource.CALLER_WITH_ROUTINE;
        if (callerRoutine) {
            doc.add("$L $L.", start.spec().deliveredTo(), start.link());
        } else if (start.takesIrp()) {
            doc.add("Completes into $L, which owns {@code irp}.", start.link());
        } else {
            doc.add("Completes into $L.", start.link());
        }
        Accept listening = start.listening();
        if (listening != null && !callerRoutine) {
            doc.add(" It gets the listening socket, which it closes when done; connections go to $L.",
                    listening.link());
        }
        if (start.timeout()) {
            doc.add(" If it is still pending after {@code timeout}, it is cancelled (SPEC N2, {@code"
                    + " Irp.cancelAfter}) and completes CANCELLED, unless it can no longer be cancelled.");
        }
        EventGroup events = start.events();
        if (events != null && events.datagram()) {
            doc.add(" Enable its receive-from event with {@link #$N}, whose dispatch is {@link #$N()}.",
                    events.enabler(), events.accessor());
        } else if (events != null) {
            if (start.takesIrp()) {
                doc.add(" The socket gets {@link #$N()}; enable its events with {@link #$N}.", events.accessor(),
                        events.enabler());
            } else {
                doc.add(" The socket gets {@link #$N()}, its events enabled before the handler runs.",
                        events.accessor());
            }
        }
        doc.add("\n\n");
        if (start.spec().generic()) {
            doc.add("@param <$L> the option's value type\n", valueVariable.name());
        }
        for (StartMethod.Parameter parameter : start.spec().parameters()) {
            doc.add("@param $L $L\n", parameter.name(), parameter.doc());
        }
        if (start.takesIrp()) {
            doc.add(IRP_PARAMETER);
        }
        doc.add(callerRoutine
                ? CodeBlock.of("@param context the $L socket's context, handed to $L\n",
                        // by the start method, not the event group: a stand-in for a class with errors has none
                        start.spec().name().equals("datagramSocket") ? "datagram" : "listening", start.link())
                : CONTEXT_PARAMETER);
        if (start.timeout()) {
            doc.add(TIMEOUT_PARAMETER);
        }
        doc.add(STATUS_RETURNED);
        return doc.build();
    }

    static CodeBlock clientDispatch(EventGroup group) {
        return CodeBlock.of("The client dispatch (WSK_CLIENT_$L_DISPATCH) that calls $L. Its events are off"
                        + " until enabled (SPEC E1): {@link #$N}.\n\n@return the same object on every call\n",
                group.datagram() ? "DATAGRAM" : "CONNECTION", links(group), group.enabler());
    }

    static CodeBlock enableEvents(EventGroup group) {
        return CodeBlock.of("Enables the events of {@link #$N()} on {@code socket} (WskControlSocket, a pooled IRP"
                        + " each).\n\n@param socket a $L socket whose client dispatch that is\n"
                        + "@return the first status that is not a success, else the last\n", group.accessor(),
                group.datagram() ? "datagram" : "connected");
    }

    private static CodeBlock links(EventGroup group) {
        List<CodeBlock> links = new ArrayList<>();
        for (DispatchPlan.Event event : group.events()) {
            links.add(event.link());
        }
        return CodeBlock.join(links, " and ");
    }
}

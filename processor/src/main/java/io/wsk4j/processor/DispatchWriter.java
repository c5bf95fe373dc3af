package io.wsk4j.processor;

import static io.wsk4j.processor.RuntimeTypes.CLIENT_DISPATCH;
import static io.wsk4j.processor.RuntimeTypes.COMPLETION_ROUTINE;
import static io.wsk4j.processor.RuntimeTypes.DISCONNECT_MODE;
import static io.wsk4j.processor.RuntimeTypes.FUNCTION;
import static io.wsk4j.processor.RuntimeTypes.GENERATED;
import static io.wsk4j.processor.RuntimeTypes.IRP;
import static io.wsk4j.processor.RuntimeTypes.IRP_POOL;
import static io.wsk4j.processor.RuntimeTypes.LISTEN_DISPATCH;
import static io.wsk4j.processor.RuntimeTypes.NT_STATUS;
import static io.wsk4j.processor.RuntimeTypes.OBJECTS;
import static io.wsk4j.processor.RuntimeTypes.RECEIVE_FLAGS;
import static io.wsk4j.processor.RuntimeTypes.SEND_FLAGS;
import static io.wsk4j.processor.RuntimeTypes.SET;
import static io.wsk4j.processor.RuntimeTypes.SOCKET_ADDRESS;
import static io.wsk4j.processor.RuntimeTypes.WSK_ACCEPT;
import static io.wsk4j.processor.RuntimeTypes.WSK_EVENT;
import static io.wsk4j.processor.RuntimeTypes.WSK_GENERATED;
import static io.wsk4j.processor.RuntimeTypes.WSK_SOCKET;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.wsk4j.processor.DispatchPlan.Accept;
import io.wsk4j.processor.DispatchPlan.Event;
import io.wsk4j.processor.DispatchPlan.EventGroup;
import io.wsk4j.processor.DispatchPlan.Routine;
import io.wsk4j.processor.DispatchPlan.Start;
import io.wsk4j.processor.HandlerModel.Shape;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Turns a {@link DispatchPlan} into the source of its dispatch class (SPEC P5, P8). It decides nothing: names,
 * members and helpers are the plan's. The only class besides the plan's makers that uses JavaPoet.
 *
 * <p>Performance is part of the shape (SPEC R1): every completion routine, client dispatch and listen dispatch is
 * created once, in the constructor; a start method takes a pooled IRP (simple handlers) or the caller's (faithful
 * handlers), sets the routine with the typed context and calls the provider. Nothing is allocated per call.
 */
final class DispatchWriter {
    private static final CodeBlock DISPATCH_THROWS_BEFORE_QUEUING =
            CodeBlock.of("// A dispatch call throws only before it queues the IRP (SPEC B1): give it back.\n");
    // The same in every class: built once, not once per class.
    private static final FieldSpec RECYCLE = FieldSpec.builder(
                    ParameterizedTypeName.get(COMPLETION_ROUTINE, IRP_POOL), DispatchPlan.RECYCLE,
                    Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("(irp, owner) -> {\n$>owner.recycle(irp);\nreturn $T.MORE_PROCESSING_REQUIRED;\n$<}", NT_STATUS)
            .build();
    private static final MethodSpec ENABLE_EVENT = makeEnableEvent();

    private final String processorName;
    private final boolean generatedAvailable;

    /**
     * @param processorName the value of {@code @Generated}
     * @param generatedAvailable whether {@code javax.annotation.processing.Generated} is on the compile path; if not,
     *     a file comment says where the file comes from instead
     */
    DispatchWriter(String processorName, boolean generatedAvailable) {
        this.processorName = processorName;
        this.generatedAvailable = generatedAvailable;
    }

    JavaFile write(DispatchPlan plan) {
        TypeSpec.Builder type = header(plan);
        constants(type, plan);
        fields(type, plan);
        constructors(type, plan);
        type.addMethod(handlersAccessor(plan));
        plan.starts().forEach(start -> type.addMethod(startMethod(plan, start)));
        plan.eventGroups().forEach(group -> type.addMethod(clientDispatch(group)).addMethod(enableEvents(group)));
        plan.routines().forEach(routine -> type.addMethod(routineMethod(routine)));
        plan.accepts().forEach(accept -> type.addMethod(acceptMethod(accept)));
        if (plan.enableEvent()) {
            type.addMethod(enableEvent());
        }
        plan.eventGroups().forEach(group -> type.addType(eventClass(group)));
        return file(plan, type.build());
    }

    private TypeSpec.Builder header(DispatchPlan plan) {
        TypeSpec.Builder type = TypeSpec.classBuilder(plan.dispatchClass()).addTypeVariables(plan.typeVariables());
        if (plan.isPublic()) {
            type.addModifiers(Modifier.PUBLIC);
        }
        type.addModifiers(Modifier.FINAL);
        if (generatedAvailable) {
            type.addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", processorName).build());
        }
        type.addAnnotation(WSK_GENERATED);
        if (!plan.suppressedWarnings().isEmpty()) {
            AnnotationSpec.Builder suppress = AnnotationSpec.builder(SuppressWarnings.class);
            plan.suppressedWarnings().forEach(category -> suppress.addMember("value", "$S", category));
            type.addAnnotation(suppress.build());
        }
        return type.addJavadoc(GeneratedDocs.dispatchClass(plan));
    }

    private static void constants(TypeSpec.Builder type, DispatchPlan plan) {
        for (EventGroup group : plan.eventGroups()) {
            if (group.acceptedEvents() != null) {
                List<CodeBlock> events = group.events().stream()
                        .map(event -> CodeBlock.of("$T.$L", WSK_EVENT, event.handler().operation().event()))
                        .toList();
                type.addField(FieldSpec.builder(ParameterizedTypeName.get(SET, WSK_EVENT), group.acceptedEvents(),
                                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$T.of($L)", SET, CodeBlock.join(events, ", "))
                        .build());
            }
        }
        if (plan.recycler()) {
            type.addField(RECYCLE);
        }
    }

    private static void fields(TypeSpec.Builder type, DispatchPlan plan) {
        type.addField(plan.handlerType(), DispatchPlan.HANDLERS, Modifier.PRIVATE, Modifier.FINAL);
        if (plan.usesPool()) {
            type.addField(IRP_POOL, DispatchPlan.POOL, Modifier.PRIVATE, Modifier.FINAL);
        }
        for (Routine routine : plan.routines()) {
            type.addField(ParameterizedTypeName.get(COMPLETION_ROUTINE, routine.context()), routine.field(),
                    Modifier.PRIVATE, Modifier.FINAL);
        }
        for (Accept accept : plan.accepts()) {
            type.addField(ParameterizedTypeName.get(LISTEN_DISPATCH, accept.listenContext()), accept.field(),
                    Modifier.PRIVATE, Modifier.FINAL);
        }
        for (EventGroup group : plan.eventGroups()) {
            type.addField(ParameterizedTypeName.get(CLIENT_DISPATCH, group.context()), group.field(),
                    Modifier.PRIVATE, Modifier.FINAL);
        }
    }

    /**
     * The handler instance, or a factory of it; each also with the caller's pool when the class pools IRPs.
     * All lead to the last, which makes the routines and then, last of all, the handler instance.
     */
    private static void constructors(TypeSpec.Builder type, DispatchPlan plan) {
        TypeName factory = ParameterizedTypeName.get(FUNCTION, WildcardTypeName.supertypeOf(dispatchType(plan)),
                WildcardTypeName.subtypeOf(plan.handlerType()));
        boolean pool = plan.usesPool();
        CodeBlock instance = CodeBlock.of("dispatch -> $T.requireNonNull(handlers, $S)", OBJECTS, "handlers");
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(GeneratedDocs.instanceConstructor(plan))
                .addParameter(plan.handlerType(), "handlers")
                .addStatement(pool ? CodeBlock.of("this($L, $T.shared())", instance, IRP_POOL)
                        : CodeBlock.of("this($L)", instance))
                .build());
        if (pool) {
            type.addMethod(MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(GeneratedDocs.instanceWithPoolConstructor())
                    .addParameter(plan.handlerType(), "handlers")
                    .addParameter(IRP_POOL, "pool")
                    .addStatement("this($L, pool)", instance)
                    .build());
            type.addMethod(MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(GeneratedDocs.factoryConstructor(plan, false))
                    .addParameter(factory, "factory")
                    .addStatement("this(factory, $T.shared())", IRP_POOL)
                    .build());
        }
        MethodSpec.Builder main = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(GeneratedDocs.factoryConstructor(plan, pool))
                .addParameter(factory, "factory");
        if (pool) {
            main.addParameter(IRP_POOL, "pool")
                    .addStatement("this.pool = $T.requireNonNull(pool, $S)", OBJECTS, "pool");
        }
        main.addStatement("$T.requireNonNull(factory, $S)", OBJECTS, "factory");
        plan.routines().forEach(routine -> main.addStatement("this.$N = this::$N", routine.field(), routine.method()));
        plan.accepts().forEach(accept -> main.addStatement("this.$N = this::$N", accept.field(), accept.method()));
        plan.eventGroups().forEach(group -> main.addStatement("this.$N = new $N()", group.field(), group.className()));
        main.addStatement("this.handlers = $T.requireNonNull(factory.apply(this), $S)", OBJECTS,
                "the factory returned no handlers");
        type.addMethod(main.build());
    }

    private static MethodSpec handlersAccessor(DispatchPlan plan) {
        return MethodSpec.methodBuilder(DispatchPlan.HANDLERS)
                .addModifiers(Modifier.PUBLIC)
                .returns(plan.handlerType())
                .addJavadoc(GeneratedDocs.handlersAccessor())
                .addStatement("return $N", DispatchPlan.HANDLERS)
                .build();
    }

    private static MethodSpec startMethod(DispatchPlan plan, Start start) {
        Accept listening = null;
        for (Accept accept : plan.accepts()) {
            if (accept.field().equals(start.listenDispatch())) {
                listening = accept;
            }
        }
        MethodSpec.Builder method = MethodSpec.methodBuilder(start.spec().name())
                .addModifiers(Modifier.PUBLIC)
                .returns(NT_STATUS)
                .addJavadoc(GeneratedDocs.startMethod(start, listening));
        start.spec().parameters().forEach(parameter -> method.addParameter(parameter.type(), parameter.name()));
        boolean callerIrp = start.faithful() && !start.spec().callerRoutine();
        if (callerIrp) {
            method.addParameter(IRP, "irp");
        }
        method.addParameter(start.context(), "context");
        CodeBlock call = CodeBlock.builder().addNamed(start.spec().call(), Map.of(
                "sendFlags", SEND_FLAGS,
                "receiveFlags", RECEIVE_FLAGS,
                "disconnectMode", DISCONNECT_MODE,
                "events", start.events() == null ? CodeBlock.of("null") : CodeBlock.of("$N", start.events().field()),
                "listenDispatch", start.listenDispatch() == null ? "null" : start.listenDispatch())).build();
        if (start.spec().callerRoutine()) {
            return method.addStatement("return $L", call).build();
        }
        CodeBlock setRoutine = CodeBlock.of("irp.setCompletionRoutine($N, context, true, true, true)",
                start.routine().field());
        if (callerIrp) {
            return method.addStatement(setRoutine).addStatement("return $L", call).build();
        }
        return method.addCode(withPooledIrp(setRoutine, call)).build();
    }

    /** Takes a pooled IRP, sets its routine and makes the call; gives the IRP back if the call throws. */
    private static CodeBlock withPooledIrp(CodeBlock setRoutine, CodeBlock call) {
        return CodeBlock.builder()
                .addStatement("$T irp = pool.take()", IRP)
                .beginControlFlow("try")
                .addStatement(setRoutine)
                .addStatement("return $L", call)
                .nextControlFlow("catch ($T e)", RuntimeException.class)
                .add(DISPATCH_THROWS_BEFORE_QUEUING)
                .addStatement("pool.recycle(irp)")
                .addStatement("throw e")
                .endControlFlow()
                .build();
    }

    private static MethodSpec clientDispatch(EventGroup group) {
        return MethodSpec.methodBuilder(group.accessor())
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(CLIENT_DISPATCH, group.context()))
                .addJavadoc(GeneratedDocs.clientDispatch(group))
                .addStatement("return $N", group.field())
                .build();
    }

    private static MethodSpec enableEvents(EventGroup group) {
        MethodSpec.Builder enable = MethodSpec.methodBuilder(group.enabler())
                .addModifiers(Modifier.PUBLIC)
                .returns(NT_STATUS)
                .addJavadoc(GeneratedDocs.enableEvents(group))
                .addParameter(WSK_SOCKET, "socket");
        List<Event> events = group.events();
        for (Event event : events.subList(0, events.size() - 1)) {
            enable.addStatement("$T $N = $N(socket, $T.$L)", NT_STATUS, event.statusName(), DispatchPlan.ENABLE_EVENT,
                            WSK_EVENT, event.handler().operation().event())
                    .beginControlFlow("if (!$N.isSuccess())", event.statusName())
                    .addStatement("return $N", event.statusName())
                    .endControlFlow();
        }
        Event last = events.get(events.size() - 1);
        return enable.addStatement("return $N(socket, $T.$L)", DispatchPlan.ENABLE_EVENT, WSK_EVENT,
                last.handler().operation().event()).build();
    }

    /** A simple handler's routine reads the result, recycles the IRP, then calls the handler (SPEC P3, I4). */
    private static MethodSpec routineMethod(Routine routine) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(routine.method())
                .addModifiers(Modifier.PRIVATE)
                .returns(NT_STATUS)
                .addParameter(IRP, "irp")
                .addParameter(routine.context(), "context");
        String handler = routine.handler().methodName();
        Shape shape = routine.handler().shape();
        if (shape == Shape.FAITHFUL) {
            return method.addStatement("return handlers.$N(irp, context)", handler).build();
        }
        method.addStatement("$T status = irp.status()", NT_STATUS);
        switch (shape) {
            case STATUS:
                method.addStatement("pool.recycle(irp)").addStatement("handlers.$N(status, context)", handler);
                break;
            case STATUS_BYTES:
                method.addStatement("long bytes = irp.information()")
                        .addStatement("pool.recycle(irp)")
                        .addStatement("handlers.$N(status, bytes, context)", handler);
                break;
            case STATUS_SOCKET:
                method.addStatement("$T socket = irp.socket()", WSK_SOCKET).addStatement("pool.recycle(irp)");
                if (routine.enabler() != null) {
                    // the handler runs whatever enabling does: it alone knows the socket and must close it
                    method.beginControlFlow("try")
                            .beginControlFlow("if (socket != null && status.isSuccess())")
                            .addStatement("$N(socket)", routine.enabler())
                            .endControlFlow()
                            .nextControlFlow("finally")
                            .addStatement("handlers.$N(status, socket, context)", handler)
                            .endControlFlow();
                } else {
                    method.addStatement("handlers.$N(status, socket, context)", handler);
                }
                break;
            default:
                throw new AssertionError(shape);
        }
        return method.addStatement("return $T.MORE_PROCESSING_REQUIRED", NT_STATUS).build();
    }

    private static MethodSpec acceptMethod(Accept accept) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(accept.method())
                .addModifiers(Modifier.PRIVATE)
                .returns(WSK_ACCEPT)
                .addParameter(accept.listenContext(), "listenContext")
                .addParameter(WSK_SOCKET, "socket")
                .addParameter(SOCKET_ADDRESS, "localAddress")
                .addParameter(SOCKET_ADDRESS, "remoteAddress")
                .addStatement("$T context = handlers.$N(socket, remoteAddress, listenContext)",
                        accept.acceptedContext(), accept.handler().methodName())
                .beginControlFlow("if (context == null)")
                .addStatement("return $T.reject()", WSK_ACCEPT)
                .endControlFlow();
        EventGroup events = accept.events();
        return events == null
                ? method.addStatement("return $T.accept(context, null)", WSK_ACCEPT).build()
                : method.addStatement("return $T.accept(context, $N, $N)", WSK_ACCEPT, events.field(),
                        events.acceptedEvents()).build();
    }

    private static MethodSpec enableEvent() {
        return ENABLE_EVENT;
    }

    private static MethodSpec makeEnableEvent() {
        return MethodSpec.methodBuilder(DispatchPlan.ENABLE_EVENT)
                .addModifiers(Modifier.PRIVATE)
                .returns(NT_STATUS)
                .addParameter(WSK_SOCKET, "socket")
                .addParameter(WSK_EVENT, "event")
                .addCode(withPooledIrp(
                        CodeBlock.of("irp.setCompletionRoutine($N, pool, true, true, true)", DispatchPlan.RECYCLE),
                        CodeBlock.of("socket.dispatch().controlSocket(socket, event, true, irp)")))
                .build();
    }

    private static TypeSpec eventClass(EventGroup group) {
        TypeSpec.Builder events = TypeSpec.classBuilder(group.className())
                .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(CLIENT_DISPATCH, group.context()));
        for (Event event : group.events()) {
            Signature signature = event.handler().operation().eventSignature();
            Signature.Parameter data = signature.parameters().get(0);
            MethodSpec.Builder callback = MethodSpec.methodBuilder(event.handler().operation().callback())
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(group.context(), "context")
                    .addParameter(ClassName.bestGuess(data.type()), data.name());
            if (signature.returns() == Signature.Returns.LONG) {
                callback.returns(long.class)
                        .addStatement("return handlers.$N($N, context)", event.handler().methodName(), data.name());
            } else {
                callback.addStatement("handlers.$N($N, context)", event.handler().methodName(), data.name());
            }
            events.addMethod(callback.build());
        }
        return events.build();
    }

    private JavaFile file(DispatchPlan plan, TypeSpec type) {
        JavaFile.Builder file = JavaFile.builder(plan.dispatchClass().packageName(), type)
                // java.lang types are imported too, so that a class of the user's package named like one (a
                // demo.RuntimeException, say) cannot take its place
                .skipJavaLangImports(false)
                .indent("    ");
        if (!generatedAvailable) {
            file.addFileComment("Generated by $L. Do not edit.", processorName);
        }
        return file.build();
    }

    private static TypeName dispatchType(DispatchPlan plan) {
        return plan.typeVariables().isEmpty()
                ? plan.dispatchClass()
                : ParameterizedTypeName.get(plan.dispatchClass(), plan.typeVariables().toArray(new TypeName[0]));
    }
}

package io.wsk4j.processor;

import static io.wsk4j.processor.RuntimeTypes.CLIENT_DISPATCH;
import static io.wsk4j.processor.RuntimeTypes.COMPLETION_ROUTINE;
import static io.wsk4j.processor.RuntimeTypes.DATAGRAM_DISPATCH;
import static io.wsk4j.processor.RuntimeTypes.DISCONNECT_MODE;
import static io.wsk4j.processor.RuntimeTypes.DURATION;
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
import static io.wsk4j.processor.RuntimeTypes.WSK_DATAGRAM_SOCKET;
import static io.wsk4j.processor.RuntimeTypes.WSK_EVENT;
import static io.wsk4j.processor.RuntimeTypes.WSK_GENERATED;
import static io.wsk4j.processor.RuntimeTypes.WSK_SOCKET;

import com.palantir.javapoet.AnnotationSpec;
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
import io.wsk4j.processor.DispatchPlan.EventParameter;
import io.wsk4j.processor.DispatchPlan.IrpSource;
import io.wsk4j.processor.DispatchPlan.Routine;
import io.wsk4j.processor.DispatchPlan.Start;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Turns a {@link DispatchPlan} into the source of its dispatch class (SPEC P5, P8). It decides nothing: names,
 * members and the statement of each are the plan's. The only class besides the plan's makers that uses JavaPoet.
 *
 * <p>Performance is part of the shape (SPEC R1): every routine, client dispatch and listen dispatch is made once,
 * with the glue; a start method hands its simple handler to the pool as a method reference that captures nothing,
 * or sets a faithful handler's routine on the caller's IRP. Nothing is allocated per call.
 */
final class DispatchWriter {
    /** The constant of a stand-in that every member throws. */
    private static final String STAND_IN_ERRORS = "ERRORS";

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
        if (plan.isStandIn()) {
            standIn(type, plan);
            return file(plan, type.build());
        }
        constants(type, plan);
        fields(type, plan);
        constructors(type, plan);
        type.addMethod(handlersAccessor(plan).addStatement("return $N", DispatchPlan.HANDLERS).build());
        plan.starts().forEach(start -> type.addMethod(startBody(startMethod(plan, start), start).build()));
        for (EventGroup group : plan.eventGroups()) {
            type.addMethod(clientDispatch(group).addStatement("return $N", group.field()).build());
            type.addMethod(enableEvents(group)
                    .addStatement("return $N.enableEvents(socket, $N)", DispatchPlan.POOL, group.eventSet())
                    .build());
        }
        plan.routines().forEach(routine -> type.addMethod(routineMethod(routine)));
        plan.accepts().forEach(accept -> type.addMethod(acceptMethod(accept)));
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

    /** The events each client dispatch turns on, in handler order. */
    private static void constants(TypeSpec.Builder type, DispatchPlan plan) {
        for (EventGroup group : plan.eventGroups()) {
            List<CodeBlock> events = group.events().stream()
                    .map(event -> CodeBlock.of("$T.$L", WSK_EVENT, event.wskEvent()))
                    .toList();
            type.addField(FieldSpec.builder(ParameterizedTypeName.get(SET, WSK_EVENT), group.eventSet(),
                            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("$T.of($L)", SET, CodeBlock.join(events, ", "))
                    .build());
        }
    }

    /** Routines and dispatches are made with the glue, before any constructor body runs: none is made per call. */
    private static void fields(TypeSpec.Builder type, DispatchPlan plan) {
        type.addField(plan.handlerType(), DispatchPlan.HANDLERS, Modifier.PRIVATE, Modifier.FINAL);
        if (plan.usesPool()) {
            type.addField(IRP_POOL, DispatchPlan.POOL, Modifier.PRIVATE, Modifier.FINAL);
        }
        for (Routine routine : plan.routines()) {
            type.addField(FieldSpec.builder(ParameterizedTypeName.get(COMPLETION_ROUTINE, routine.context()),
                            routine.field(), Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("this::$N", routine.method())
                    .build());
        }
        for (Accept accept : plan.accepts()) {
            type.addField(FieldSpec.builder(ParameterizedTypeName.get(LISTEN_DISPATCH, accept.listenContext()),
                            accept.field(), Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("this::$N", accept.method())
                    .build());
        }
        for (EventGroup group : plan.eventGroups()) {
            type.addField(FieldSpec.builder(dispatchType(group), group.field(), Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new $N()", group.className())
                    .build());
        }
    }

    /**
     * The handler instance, or a factory of it; each also with the caller's pool when the class pools IRPs. The
     * factory runs last, so that it may keep the glue it is given.
     */
    private static void constructors(TypeSpec.Builder type, DispatchPlan plan) {
        boolean pool = plan.usesPool();
        if (pool) {
            type.addMethod(instanceConstructor(plan, false)
                    .addStatement("this(handlers, $T.shared())", IRP_POOL)
                    .build());
        }
        MethodSpec.Builder instance = instanceConstructor(plan, pool);
        if (pool) {
            instance.addStatement("this.pool = $T.requireNonNull(pool, $S)", OBJECTS, "pool");
        }
        type.addMethod(instance.addStatement("this.handlers = $T.requireNonNull(handlers, $S)", OBJECTS, "handlers")
                .build());
        if (pool) {
            type.addMethod(factoryConstructor(plan, false)
                    .addStatement("this(factory, $T.shared())", IRP_POOL)
                    .build());
        }
        MethodSpec.Builder factory = factoryConstructor(plan, pool);
        if (pool) {
            factory.addStatement("this.pool = $T.requireNonNull(pool, $S)", OBJECTS, "pool");
        }
        type.addMethod(factory.addStatement("$T.requireNonNull(factory, $S)", OBJECTS, "factory")
                .addStatement("this.handlers = $T.requireNonNull(factory.apply(this), $S)", OBJECTS,
                        "the factory returned no handlers")
                .build());
    }

    private static MethodSpec.Builder instanceConstructor(DispatchPlan plan, boolean withPool) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(GeneratedDocs.instanceConstructor(plan, withPool))
                .addParameter(plan.handlerType(), "handlers");
        return withPool ? constructor.addParameter(IRP_POOL, "pool") : constructor;
    }

    private static MethodSpec.Builder factoryConstructor(DispatchPlan plan, boolean withPool) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(GeneratedDocs.factoryConstructor(plan, withPool))
                .addParameter(factoryType(plan), "factory");
        return withPool ? constructor.addParameter(IRP_POOL, "pool") : constructor;
    }

    private static MethodSpec.Builder handlersAccessor(DispatchPlan plan) {
        return MethodSpec.methodBuilder(DispatchPlan.HANDLERS)
                .addModifiers(Modifier.PUBLIC)
                .returns(plan.handlerType())
                .addJavadoc(GeneratedDocs.handlersAccessor());
    }

    private static MethodSpec.Builder startMethod(DispatchPlan plan, Start start) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(start.spec().name())
                .addModifiers(Modifier.PUBLIC)
                .returns(NT_STATUS)
                .addJavadoc(GeneratedDocs.startMethod(start, plan.valueVariable()));
        if (start.spec().generic()) {
            method.addTypeVariable(plan.valueVariable());
        }
        start.spec().parameters().forEach(parameter -> method.addParameter(
                parameter.typeWith(plan.valueVariable()), parameter.name()));
        if (start.takesIrp()) {
            method.addParameter(IRP, "irp");
        }
        method.addParameter(start.context(), "context");
        return start.timeout() ? method.addParameter(DURATION, "timeout") : method;
    }

    /**
     * The pool's start method with the handler; or the provider's call with the caller's IRP, after setting a faithful
     * handler's routine on it.
     */
    private static MethodSpec.Builder startBody(MethodSpec.Builder method, Start start) {
        EventGroup events = start.events();
        Map<String, Object> arguments = Map.of(
                "sendFlags", SEND_FLAGS,
                "receiveFlags", RECEIVE_FLAGS,
                "disconnectMode", DISCONNECT_MODE,
                "events", events == null ? "null" : events.field(),
                "eventSet", events == null ? "" : CodeBlock.of("$N, $N, ", events.field(), events.eventSet()),
                "listenDispatch", start.listening() == null ? "null" : start.listening().field(),
                "handler", start.irp() == IrpSource.POOL ? start.handlerReference() : "");
        if (start.irp() == IrpSource.POOL) {
            String call = start.timeout() ? start.spec().boundedPooledCall() : start.spec().pooledCall();
            return method.addStatement("return $L", CodeBlock.builder().addNamed(call, arguments).build());
        }
        if (start.irp() == IrpSource.CALLER) {
            method.addStatement("irp.setCompletionRoutine($N, context, true, true, true)", start.routineField());
        }
        if (start.timeout()) {
            method.addStatement("irp.cancelAfter(timeout)"); // before the call, which starts the clock (SPEC N2)
        }
        return method.addStatement("return $L", CodeBlock.builder().addNamed(start.spec().call(), arguments).build());
    }

    private static MethodSpec.Builder clientDispatch(EventGroup group) {
        return MethodSpec.methodBuilder(group.accessor())
                .addModifiers(Modifier.PUBLIC)
                .returns(dispatchType(group))
                .addJavadoc(GeneratedDocs.clientDispatch(group));
    }

    private static MethodSpec.Builder enableEvents(EventGroup group) {
        return MethodSpec.methodBuilder(group.enabler())
                .addModifiers(Modifier.PUBLIC)
                .returns(NT_STATUS)
                .addJavadoc(GeneratedDocs.enableEvents(group))
                .addParameter(group.datagram() ? WSK_DATAGRAM_SOCKET : WSK_SOCKET, "socket");
    }

    /** {@code WskClientConnectionDispatch<C>} or {@code WskClientDatagramDispatch<C>}. */
    private static TypeName dispatchType(EventGroup group) {
        return ParameterizedTypeName.get(group.datagram() ? DATAGRAM_DISPATCH : CLIENT_DISPATCH, group.context());
    }

    /** A faithful handler's routine: the handler owns the IRP and returns what the routine returns (SPEC P3, I4). */
    private static MethodSpec routineMethod(Routine routine) {
        return MethodSpec.methodBuilder(routine.method())
                .addModifiers(Modifier.PRIVATE)
                .returns(NT_STATUS)
                .addParameter(IRP, "irp")
                .addParameter(routine.context(), "context")
                .addStatement("return handlers.$N(irp, context)", routine.handlerMethod())
                .build();
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
                        accept.acceptedContext(), accept.handlerMethod())
                .beginControlFlow("if (context == null)")
                .addStatement("return $T.reject()", WSK_ACCEPT)
                .endControlFlow();
        EventGroup events = accept.events();
        return events == null
                ? method.addStatement("return $T.accept(context, null)", WSK_ACCEPT).build()
                : method.addStatement("return $T.accept(context, $N, $N)", WSK_ACCEPT, events.field(),
                        events.eventSet()).build();
    }

    private static TypeSpec eventClass(EventGroup group) {
        TypeSpec.Builder events = TypeSpec.classBuilder(group.className())
                .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
                .addSuperinterface(dispatchType(group));
        for (Event event : group.events()) {
            MethodSpec.Builder callback = MethodSpec.methodBuilder(event.callback())
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(group.context(), "context");
            List<CodeBlock> arguments = new ArrayList<>();
            for (EventParameter parameter : event.parameters()) {
                callback.addParameter(parameter.type(), parameter.name());
                arguments.add(CodeBlock.of("$N", parameter.name()));
            }
            CodeBlock call = CodeBlock.of("handlers.$N($L, context)", event.handlerMethod(),
                    CodeBlock.join(arguments, ", "));
            if (event.returnsBytes()) {
                callback.returns(long.class).addStatement("return $L", call);
            } else {
                callback.addStatement("$L", call);
            }
            events.addMethod(callback.build());
        }
        return events.build();
    }

    /**
     * The stand-in of a class with errors (SPEC P7): every member the user's code may name, each throwing the
     * message that says which error to fix first, so that the compiler adds no error of its own where the code names
     * the glue.
     */
    private static void standIn(TypeSpec.Builder type, DispatchPlan plan) {
        type.addField(FieldSpec.builder(String.class, STAND_IN_ERRORS, Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL).initializer("$S", plan.standIn()).build());
        CodeBlock fail = CodeBlock.of("throw new $T($N)", IllegalStateException.class, STAND_IN_ERRORS);
        for (boolean withPool : List.of(false, true)) {
            type.addMethod(instanceConstructor(plan, withPool).addStatement(fail).build());
            type.addMethod(factoryConstructor(plan, withPool).addStatement(fail).build());
        }
        type.addMethod(handlersAccessor(plan).addStatement(fail).build());
        plan.starts().forEach(start -> type.addMethod(startMethod(plan, start).addStatement(fail).build()));
        for (EventGroup group : plan.eventGroups()) {
            type.addMethod(clientDispatch(group).addStatement(fail).build());
            type.addMethod(enableEvents(group).addStatement(fail).build());
        }
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

    private static TypeName factoryType(DispatchPlan plan) {
        TypeName dispatchType = plan.typeVariables().isEmpty()
                ? plan.dispatchClass()
                : ParameterizedTypeName.get(plan.dispatchClass(), plan.typeVariables().toArray(new TypeName[0]));
        return ParameterizedTypeName.get(FUNCTION, WildcardTypeName.supertypeOf(dispatchType),
                WildcardTypeName.subtypeOf(plan.handlerType()));
    }
}

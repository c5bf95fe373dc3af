package io.wsk4j.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import io.wsk4j.processor.HandlerModel.Handler;
import io.wsk4j.processor.HandlerModel.HandlerClass;
import io.wsk4j.processor.HandlerModel.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;

/**
 * Turns a {@link HandlerClass} into the source of its dispatch class (SPEC P5, P8). The only class that uses
 * JavaPoet. Runtime types are named, never loaded.
 *
 * <p>Performance is part of the shape (SPEC R1): every completion routine, client dispatch and listen dispatch is
 * created once, in the constructor; a start method takes a pooled IRP (simple handlers) or the caller's (faithful
 * handlers), sets the routine with the typed context and calls the provider. Nothing is allocated per call.
 */
final class DispatchWriter {
    private static final String RUNTIME = "io.wsk4j";
    private static final ClassName IRP = ClassName.get(RUNTIME, "Irp");
    private static final ClassName IRP_POOL = ClassName.get(RUNTIME, "IrpPool");
    private static final ClassName NT_STATUS = ClassName.get(RUNTIME, "NtStatus");
    private static final ClassName COMPLETION_ROUTINE = ClassName.get(RUNTIME, "CompletionRoutine");
    private static final ClassName WSK_SOCKET = ClassName.get(RUNTIME, "WskSocket");
    private static final ClassName WSK_BUF = ClassName.get(RUNTIME, "WskBuf");
    private static final ClassName WSK_PROVIDER = ClassName.get(RUNTIME, "WskProvider");
    private static final ClassName WSK_EVENT = ClassName.get(RUNTIME, "WskEvent");
    private static final ClassName WSK_ACCEPT = ClassName.get(RUNTIME, "WskAccept");
    private static final ClassName DISCONNECT_MODE = ClassName.get(RUNTIME, "DisconnectMode");
    private static final ClassName SEND_FLAGS = ClassName.get(RUNTIME, "SendFlags");
    private static final ClassName RECEIVE_FLAGS = ClassName.get(RUNTIME, "ReceiveFlags");
    private static final ClassName CLIENT_DISPATCH = ClassName.get(RUNTIME, "WskClientConnectionDispatch");
    private static final ClassName LISTEN_DISPATCH = ClassName.get(RUNTIME, "WskClientListenDispatch");
    private static final ClassName SOCKET_ADDRESS = ClassName.get("java.net", "SocketAddress");
    private static final ClassName SET = ClassName.get("java.util", "Set");
    private static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
    private static final ClassName WSK_GENERATED = ClassName.get("io.wsk4j.annotations", "WskGenerated");
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

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

    JavaFile write(HandlerClass model) {
        return new ClassWriter(model).write();
    }

    /** The state of writing one class: member names handed out so far, and the builder. */
    private final class ClassWriter {
        private final HandlerClass model;
        private final ClassName handlerClass;
        private final TypeName handlerType;
        private final ClassName dispatchClass;
        private final TypeSpec.Builder type;
        private final MethodSpec.Builder constructor;
        private final Set<String> memberNames = new HashSet<>();
        /** Per connection-event context type: the members that serve it. */
        private final Map<TypeName, EventGroup> eventGroups = new LinkedHashMap<>();
        private boolean needsRecycler;
        private boolean needsEnableEvent;

        ClassWriter(HandlerClass model) {
            this.model = model;
            List<String> names = model.simpleNames();
            this.handlerClass = ClassName.get(model.packageName(), names.get(0),
                    names.subList(1, names.size()).toArray(new String[0]));
            List<TypeVariableName> variables = typeVariables();
            this.handlerType = variables.isEmpty()
                    ? handlerClass
                    : ParameterizedTypeName.get(handlerClass, variables.toArray(new TypeName[0]));
            this.dispatchClass = ClassName.get(model.packageName(), model.dispatchSimpleName());
            this.type = TypeSpec.classBuilder(dispatchClass).addTypeVariables(variables);
            this.constructor = MethodSpec.constructorBuilder();
            memberNames.add("handlers");
            memberNames.add("pool");
            memberNames.add("RECYCLE");
            memberNames.add("enableEvent");
        }

        JavaFile write() {
            if (model.isPublic()) {
                type.addModifiers(Modifier.PUBLIC);
            }
            type.addModifiers(Modifier.FINAL);
            if (generatedAvailable) {
                type.addAnnotation(AnnotationSpec.builder(GENERATED)
                        .addMember("value", "$S", processorName)
                        .build());
            }
            type.addAnnotation(WSK_GENERATED);
            if (!model.suppressedWarnings().isEmpty()) {
                // the handler class chose these (a deprecated handler, overloads on lambdas); the glue only repeats them
                AnnotationSpec.Builder suppress = AnnotationSpec.builder(SuppressWarnings.class);
                for (String category : model.suppressedWarnings()) {
                    suppress.addMember("value", "$S", category);
                }
                type.addAnnotation(suppress.build());
            }
            type.addJavadoc(classJavadoc());
            type.addField(handlerType, "handlers", Modifier.PRIVATE, Modifier.FINAL);
            // Faithful handlers own their IRPs: a class with only those needs no pool (ECJ flags unused fields).
            boolean needsPool = model.handlers().stream().anyMatch(handler -> handler.shape() != Shape.FAITHFUL);
            if (needsPool) {
                type.addField(IRP_POOL, "pool", Modifier.PRIVATE, Modifier.FINAL);
            }
            type.addMethod(MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("Dispatch glue that calls the handlers of {@code handlers} and takes IRPs from"
                            + " {@link $T#shared()}.\n\n@param handlers the instance whose handlers the glue calls\n",
                            IRP_POOL)
                    .addParameter(handlerType, "handlers")
                    .addStatement("this(handlers, $T.shared())", IRP_POOL)
                    .build());
            constructor.addModifiers(Modifier.PUBLIC)
                    .addJavadoc("Dispatch glue that calls the handlers of {@code handlers} and takes the IRPs of"
                            + " simple handlers\nfrom {@code pool}.\n\n@param handlers the instance whose handlers"
                            + " the glue calls\n@param pool where the IRPs of simple handlers come from and go back"
                            + " to\n")
                    .addParameter(handlerType, "handlers")
                    .addParameter(IRP_POOL, "pool")
                    .addStatement("this.handlers = $T.requireNonNull(handlers, $S)", OBJECTS, "handlers");
            if (needsPool) {
                constructor.addStatement("this.pool = $T.requireNonNull(pool, $S)", OBJECTS, "pool");
            } else {
                constructor.addStatement("$T.requireNonNull(pool, $S)", OBJECTS, "pool");
            }

            // Event groups first: connect and accept glue refer to them.
            for (Handler handler : model.handlers()) {
                if (handler.operation() == Operation.RECEIVE_EVENT
                        || handler.operation() == Operation.DISCONNECT_EVENT) {
                    eventGroups.computeIfAbsent(TypeName.get(handler.context()), context -> new EventGroup())
                            .handlers.add(handler);
                }
            }
            nameEventGroups();

            List<MethodSpec> privateMethods = new ArrayList<>();
            for (Handler handler : model.handlers()) {
                switch (handler.operation()) {
                    case CONNECT:
                    case SEND:
                    case RECEIVE:
                    case DISCONNECT:
                    case CLOSE:
                        writeCompletion(handler, privateMethods);
                        break;
                    case ACCEPT_EVENT:
                        writeAccept(handler, privateMethods);
                        break;
                    default:
                        break; // connection events: written per group below
                }
            }
            for (Map.Entry<TypeName, EventGroup> entry : eventGroups.entrySet()) {
                writeEventGroup(entry.getKey(), entry.getValue(), privateMethods);
            }
            type.addMethod(constructor.build());
            // Public members in model order, then the private ones, so the class reads top-down.
            for (MethodSpec method : privateMethods) {
                type.addMethod(method);
            }
            if (needsEnableEvent) {
                type.addMethod(MethodSpec.methodBuilder("enableEvent")
                        .addModifiers(Modifier.PRIVATE)
                        .returns(NT_STATUS)
                        .addParameter(WSK_SOCKET, "socket")
                        .addParameter(WSK_EVENT, "event")
                        .addStatement("$T irp = pool.take()", IRP)
                        .beginControlFlow("try")
                        .addStatement("irp.setCompletionRoutine(RECYCLE, pool, true, true, true)")
                        .addStatement("return socket.dispatch().controlSocket(socket, event, true, irp)")
                        .nextControlFlow("catch ($T e)", RuntimeException.class)
                        .addCode("// A dispatch call throws only before it queues the IRP (SPEC B1): give it back.\n")
                        .addStatement("pool.recycle(irp)")
                        .addStatement("throw e")
                        .endControlFlow()
                        .build());
            }
            if (needsRecycler) {
                type.addField(FieldSpec.builder(ParameterizedTypeName.get(COMPLETION_ROUTINE, IRP_POOL), "RECYCLE",
                                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("Gives back the IRP of an operation whose result nobody waits for.\n")
                        .initializer("(irp, owner) -> {\n$>owner.recycle(irp);\nreturn $T.MORE_PROCESSING_REQUIRED;\n$<}",
                                NT_STATUS)
                        .build());
            }
            JavaFile.Builder file = JavaFile.builder(model.packageName(), type.build())
                    // java.lang types are imported too, so that a class of the user's package named like one
                    // (a demo.RuntimeException, say) cannot take its place
                    .skipJavaLangImports(false)
                    .indent("    ");
            if (!generatedAvailable) {
                file.addFileComment("Generated by $L. Do not edit.", processorName);
            }
            return file.build();
        }

        private CodeBlock classJavadoc() {
            CodeBlock.Builder doc = CodeBlock.builder()
                    .add("Typed WSK dispatch glue for the handlers of {@link $T}, written by the wsk4j processor"
                            + " (SPEC P5).\n", handlerClass)
                    .add("\n<p>Each start method sets a completion routine that knows the context type statically,"
                            + " with all three\ninvoke flags, calls the socket's provider dispatch and returns its"
                            + " status: the final one if the\noperation completed at once, else"
                            + " {@link $T#PENDING}. Start methods of simple handlers take an IRP from\nthe"
                            + " {@link $T} and give it back before they call the handler; start methods of faithful"
                            + " handlers\ntake the caller's IRP, which the handler then owns. Routines are made once,"
                            + " in the constructor: a\nstart method allocates nothing.\n", NT_STATUS, IRP_POOL);
            if (!eventGroupsPlanned().isEmpty()) {
                doc.add("\n<p>Events (SPEC E1: every event starts disabled): the event handlers of each context type"
                        + " form one\n{@link $T}. Sockets made by this class's {@code connect} and {@code listen}"
                        + " get their\nevents enabled before the handler sees them (connect: before the connect"
                        + " handler runs; accept:\nbefore any data is read). For a socket made another way, pass the"
                        + " client dispatch to the\nprovider and call the matching {@code enable...Events} method"
                        + " once it is connected.\n", CLIENT_DISPATCH);
            }
            return doc.build();
        }

        private List<TypeName> eventGroupsPlanned() {
            List<TypeName> contexts = new ArrayList<>();
            for (Handler handler : model.handlers()) {
                if (handler.operation() == Operation.RECEIVE_EVENT
                        || handler.operation() == Operation.DISCONNECT_EVENT) {
                    contexts.add(TypeName.get(handler.context()));
                }
            }
            return contexts;
        }

        private void nameEventGroups() {
            boolean several = eventGroups.size() > 1;
            for (Map.Entry<TypeName, EventGroup> entry : eventGroups.entrySet()) {
                EventGroup group = entry.getValue();
                String base = baseName(group.handlers.get(0).context());
                String unique = unique(decapitalize(base) + "Events");
                group.field = unique;
                group.className = unique(capitalize(unique));
                group.setName = unique(constantName(unique));
                group.accessor = unique(several ? decapitalize(base) + "ClientDispatch" : "clientDispatch");
                group.enabler = unique(several ? "enable" + capitalize(base) + "Events" : "enableEvents");
            }
        }

        private void writeCompletion(Handler handler, List<MethodSpec> privateMethods) {
            TypeName context = TypeName.get(handler.context());
            String routine = unique(handler.methodName() + "Routine");
            type.addField(ParameterizedTypeName.get(COMPLETION_ROUTINE, context), routine,
                    Modifier.PRIVATE, Modifier.FINAL);
            boolean faithful = handler.shape() == Shape.FAITHFUL;
            if (faithful) {
                // The handler is the routine: it owns the IRP (SPEC P3).
                constructor.addStatement("this.$N = this.handlers::$N", routine, handler.methodName());
            } else {
                String completed = unique(handler.methodName() + "Completed");
                constructor.addStatement("this.$N = this::$N", routine, completed);
                privateMethods.add(simpleRoutine(handler, context, completed));
            }
            for (StartMethod start : startMethods(handler.operation())) {
                type.addMethod(startMethod(handler, context, routine, faithful, start));
            }
        }

        /** The routine of a simple handler: read the result, recycle the IRP, call the handler (SPEC P3, I4). */
        private MethodSpec simpleRoutine(Handler handler, TypeName context, String name) {
            MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PRIVATE)
                    .returns(NT_STATUS)
                    .addParameter(IRP, "irp")
                    .addParameter(context, "context")
                    .addStatement("$T status = irp.status()", NT_STATUS);
            switch (handler.shape()) {
                case STATUS:
                    method.addStatement("pool.recycle(irp)")
                            .addStatement("handlers.$N(status, context)", handler.methodName());
                    break;
                case STATUS_BYTES:
                    method.addStatement("long bytes = irp.information()")
                            .addStatement("pool.recycle(irp)")
                            .addStatement("handlers.$N(status, bytes, context)", handler.methodName());
                    break;
                case STATUS_SOCKET:
                    method.addStatement("$T socket = irp.socket()", WSK_SOCKET)
                            .addStatement("pool.recycle(irp)");
                    EventGroup group = eventGroups.get(context);
                    if (group != null) {
                        // the handler runs whatever enabling does: it alone knows the socket and must close it
                        method.beginControlFlow("try")
                                .beginControlFlow("if (socket != null && status.isSuccess())")
                                .addStatement("$N(socket)", group.enabler)
                                .endControlFlow()
                                .nextControlFlow("finally")
                                .addStatement("handlers.$N(status, socket, context)", handler.methodName())
                                .endControlFlow();
                    } else {
                        method.addStatement("handlers.$N(status, socket, context)", handler.methodName());
                    }
                    break;
                default:
                    throw new AssertionError(handler.shape());
            }
            return method.addStatement("return $T.MORE_PROCESSING_REQUIRED", NT_STATUS).build();
        }

        private MethodSpec startMethod(
                Handler handler, TypeName context, String routine, boolean faithful, StartMethod start) {
            MethodSpec.Builder method = MethodSpec.methodBuilder(start.name)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(NT_STATUS);
            CodeBlock link = CodeBlock.of("{@link $T#$N($L)}", handlerClass, handler.methodName(),
                    linkParameters(handler));
            method.addJavadoc(start.summary + "\n");
            method.addJavadoc(faithful
                    ? "The caller's {@code irp} goes to the provider; on completion it calls\n$L, which owns the"
                            + " IRP.\n"
                    : "The IRP comes from the pool; on completion the glue gives it back, then calls\n$L.\n", link);
            EventGroup startEvents = eventGroups.get(context);
            if (handler.operation() == Operation.CONNECT && startEvents != null) {
                method.addJavadoc(faithful
                        ? "The socket gets {@link #$N()} as its client dispatch; call {@link #$N} in the handler.\n"
                        : "The socket gets {@link #$N()} as its client dispatch, with its events enabled before the"
                                + " handler\nruns ({@link #$N}).\n", startEvents.accessor, startEvents.enabler);
            }
            method.addJavadoc("\n" + start.parameterDocs + "\n");
            for (ParameterSpec parameter : start.parameters) {
                method.addParameter(parameter);
            }
            if (faithful) {
                method.addParameter(IRP, "irp");
                method.addJavadoc("@param irp the IRP of the operation; its completion routine is set here\n");
            }
            method.addParameter(context, "context");
            method.addJavadoc("@param context handed to the handler on completion\n");
            method.addJavadoc("@return the provider's status: the final one, or {@link $T#PENDING}\n", NT_STATUS);
            CodeBlock call = start.call(handler, eventGroups.get(context));
            CodeBlock setRoutine = CodeBlock.of("irp.setCompletionRoutine($N, context, true, true, true)", routine);
            if (faithful) {
                method.addStatement(setRoutine);
                method.addStatement("return $L", call);
            } else {
                method.addStatement("$T irp = pool.take()", IRP)
                        .beginControlFlow("try")
                        .addStatement(setRoutine)
                        .addStatement("return $L", call)
                        .nextControlFlow("catch ($T e)", RuntimeException.class)
                        .addCode("// A dispatch call throws only before it queues the IRP (SPEC B1): give it back.\n")
                        .addStatement("pool.recycle(irp)")
                        .addStatement("throw e")
                        .endControlFlow();
            }
            return method.build();
        }

        private void writeAccept(Handler handler, List<MethodSpec> privateMethods) {
            TypeName listenContext = TypeName.get(handler.context());
            TypeName acceptedContext = TypeName.get(handler.acceptedContext());
            String listener = unique(handler.methodName() + "Listener");
            String accepted = unique(handler.methodName() + "Accepted");
            type.addField(ParameterizedTypeName.get(LISTEN_DISPATCH, listenContext), listener,
                    Modifier.PRIVATE, Modifier.FINAL);
            constructor.addStatement("this.$N = this::$N", listener, accepted);

            EventGroup group = eventGroups.get(acceptedContext);
            MethodSpec.Builder onAccept = MethodSpec.methodBuilder(accepted)
                    .addModifiers(Modifier.PRIVATE)
                    .returns(WSK_ACCEPT)
                    .addParameter(listenContext, "listenContext")
                    .addParameter(WSK_SOCKET, "socket")
                    .addParameter(SOCKET_ADDRESS, "localAddress")
                    .addParameter(SOCKET_ADDRESS, "remoteAddress")
                    .addStatement("$T context = handlers.$N(socket, remoteAddress, listenContext)",
                            acceptedContext, handler.methodName())
                    .beginControlFlow("if (context == null)")
                    .addStatement("return $T.reject()", WSK_ACCEPT)
                    .endControlFlow();
            if (group == null) {
                onAccept.addStatement("return $T.accept(context, null)", WSK_ACCEPT);
            } else {
                onAccept.addStatement("return $T.accept(context, $N, $N)", WSK_ACCEPT, group.field, group.setName);
                group.usedByAccept = true;
            }
            privateMethods.add(onAccept.build());

            CodeBlock link = CodeBlock.of("{@link $T#$N($L)}", handlerClass, handler.methodName(),
                    linkParameters(handler));
            needsRecycler = true;
            type.addMethod(MethodSpec.methodBuilder("listen")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(NT_STATUS)
                    .addJavadoc("Creates a listening socket on {@code localAddress} whose connections go to\n$L\n(WskSocket with"
                            + " WSK_FLAG_LISTEN_SOCKET). The listening socket stays open until the"
                            + " provider closes; to close it\nsooner, use the overload that takes an {@link $T}"
                            + " and find the socket in {@link $T#socket()}.\n\n", link, IRP, IRP)
                    .addJavadoc("@param provider the provider that makes the socket\n")
                    .addJavadoc("@param localAddress where to listen; port 0 for an ephemeral port\n")
                    .addJavadoc("@param context the listening socket's context, handed to $L\n", link)
                    .addJavadoc("@return the provider's status: the final one, or {@link $T#PENDING}\n", NT_STATUS)
                    .addParameter(WSK_PROVIDER, "provider")
                    .addParameter(SOCKET_ADDRESS, "localAddress")
                    .addParameter(listenContext, "context")
                    .addStatement("$T irp = pool.take()", IRP)
                    .beginControlFlow("try")
                    .addStatement("irp.setCompletionRoutine(RECYCLE, pool, true, true, true)")
                    .addStatement("return provider.socketListen(localAddress, context, $N, irp)", listener)
                    .nextControlFlow("catch ($T e)", RuntimeException.class)
                    .addCode("// A dispatch call throws only before it queues the IRP (SPEC B1): give it back.\n")
                    .addStatement("pool.recycle(irp)")
                    .addStatement("throw e")
                    .endControlFlow()
                    .build());
            type.addMethod(MethodSpec.methodBuilder("listen")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(NT_STATUS)
                    .addJavadoc("Creates a listening socket on {@code localAddress} whose connections go to\n$L;\nthe caller owns"
                            + " {@code irp}, whose completion routine it has set, and finds the"
                            + " listening socket in {@link $T#socket()} there.\n\n", link, IRP)
                    .addJavadoc("@param provider the provider that makes the socket\n")
                    .addJavadoc("@param localAddress where to listen; port 0 for an ephemeral port\n")
                    .addJavadoc("@param irp the caller's IRP, its completion routine already set\n")
                    .addJavadoc("@param context the listening socket's context, handed to $L\n", link)
                    .addJavadoc("@return the provider's status: the final one, or {@link $T#PENDING}\n", NT_STATUS)
                    .addParameter(WSK_PROVIDER, "provider")
                    .addParameter(SOCKET_ADDRESS, "localAddress")
                    .addParameter(IRP, "irp")
                    .addParameter(listenContext, "context")
                    .addStatement("return provider.socketListen(localAddress, context, $N, irp)", listener)
                    .build());
        }

        private void writeEventGroup(TypeName context, EventGroup group, List<MethodSpec> privateMethods) {
            TypeName dispatchType = ParameterizedTypeName.get(CLIENT_DISPATCH, context);
            type.addField(dispatchType, group.field, Modifier.PRIVATE, Modifier.FINAL);
            constructor.addStatement("this.$N = new $N()", group.field, group.className);

            TypeSpec.Builder events = TypeSpec.classBuilder(group.className)
                    .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
                    .addSuperinterface(dispatchType);
            List<CodeBlock> links = new ArrayList<>();
            List<CodeBlock> eventNames = new ArrayList<>();
            for (Handler handler : group.handlers) {
                CodeBlock link = CodeBlock.of("{@link $T#$N($L)}", handlerClass, handler.methodName(),
                        linkParameters(handler));
                links.add(link);
                if (handler.operation() == Operation.RECEIVE_EVENT) {
                    eventNames.add(CodeBlock.of("$T.RECEIVE", WSK_EVENT));
                    events.addMethod(MethodSpec.methodBuilder("onReceive")
                            .addAnnotation(Override.class)
                            .addModifiers(Modifier.PUBLIC)
                            .returns(long.class)
                            .addParameter(context, "context")
                            .addParameter(WSK_BUF, "data")
                            .addStatement("return handlers.$N(data, context)", handler.methodName())
                            .build());
                } else {
                    eventNames.add(CodeBlock.of("$T.DISCONNECT", WSK_EVENT));
                    events.addMethod(MethodSpec.methodBuilder("onDisconnect")
                            .addAnnotation(Override.class)
                            .addModifiers(Modifier.PUBLIC)
                            .addParameter(context, "context")
                            .addParameter(DISCONNECT_MODE, "how")
                            .addStatement("handlers.$N(how, context)", handler.methodName())
                            .build());
                }
            }
            CodeBlock linkList = CodeBlock.join(links, " and ");
            if (group.usedByAccept) {
                type.addField(FieldSpec.builder(ParameterizedTypeName.get(SET, WSK_EVENT), group.setName,
                                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The events that have handlers for this context type, enabled on accepted"
                                + " sockets.\n")
                        .initializer("$T.of($L)", SET, CodeBlock.join(eventNames, ", "))
                        .build());
            }
            type.addMethod(MethodSpec.methodBuilder(group.accessor)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(dispatchType)
                    .addJavadoc("The client dispatch (WSK_CLIENT_CONNECTION_DISPATCH) that calls\n$L;\nthe same"
                            + " object on every call. Its events are off until enabled (SPEC E1): see {@link #$N}.\n\n",
                            linkList, group.enabler)
                    .addJavadoc("@return the event callbacks for sockets whose context type is {@code $L}\n",
                            context.toString())
                    .addStatement("return $N", group.field)
                    .build());
            needsRecycler = true;
            MethodSpec.Builder enable = MethodSpec.methodBuilder(group.enabler)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(NT_STATUS)
                    .addJavadoc("Enables the events of {@link #$N()} on a connected {@code socket} whose client"
                            + " dispatch it is,\ncalling $L (WskControlSocket).\nEach control request takes a"
                            + " pooled IRP.\n\n", group.accessor, linkList)
                    .addJavadoc("@param socket a connected socket made with {@link #$N()} as its client dispatch\n",
                            group.accessor)
                    .addJavadoc("@return the first status that is not a success, else the last status\n")
                    .addParameter(WSK_SOCKET, "socket");
            List<Handler> ordered = group.handlers;
            for (int i = 0; i < ordered.size(); i++) {
                String event = ordered.get(i).operation() == Operation.RECEIVE_EVENT ? "RECEIVE" : "DISCONNECT";
                if (i == ordered.size() - 1) {
                    enable.addStatement("return enableEvent(socket, $T.$L)", WSK_EVENT, event);
                } else {
                    enable.addStatement("$T $N = enableEvent(socket, $T.$L)", NT_STATUS, "status" + i, WSK_EVENT, event)
                            .beginControlFlow("if (!$N.isSuccess())", "status" + i)
                            .addStatement("return $N", "status" + i)
                            .endControlFlow();
                }
            }
            needsEnableEvent = true;
            type.addMethod(enable.build());
            type.addType(events.build());
        }

        private List<StartMethod> startMethods(Operation operation) {
            ParameterSpec socket = ParameterSpec.builder(WSK_SOCKET, "socket").build();
            ParameterSpec buffer = ParameterSpec.builder(WSK_BUF, "buffer").build();
            ParameterSpec provider = ParameterSpec.builder(WSK_PROVIDER, "provider").build();
            ParameterSpec remote = ParameterSpec.builder(SOCKET_ADDRESS, "remoteAddress").build();
            switch (operation) {
                case CONNECT:
                    return List.of(new StartMethod("connect",
                            "Creates a socket and connects it to {@code remoteAddress} (WskSocketConnect).\n"
                                    + "@param provider the provider that makes the socket\n"
                                    + "@param remoteAddress where to connect",
                            List.of(provider, remote), "connect"));
                case SEND:
                    return List.of(new StartMethod("send",
                            "Sends {@code buffer} behind earlier sends (WskSend, SPEC X1).\n"
                                    + "@param socket a connected socket\n"
                                    + "@param buffer the bytes to send",
                            List.of(socket, buffer), "send"));
                case RECEIVE:
                    return List.of(new StartMethod("receive",
                            "Receives into {@code buffer} (WskReceive, SPEC X2).\n"
                                    + "@param socket a connected socket\n"
                                    + "@param buffer where the bytes go",
                            List.of(socket, buffer), "receive"));
                case DISCONNECT:
                    return List.of(
                            new StartMethod("disconnect",
                                    "Disconnects gracefully: every queued send, then FIN (WskDisconnect, SPEC D3).\n"
                                            + "@param socket a connected socket",
                                    List.of(socket), "graceful"),
                            new StartMethod("disconnect",
                                    "Disconnects gracefully: every queued send, then {@code finalData}, then FIN"
                                            + " (WskDisconnect,\nSPEC D3).\n"
                                            + "@param socket a connected socket\n"
                                            + "@param finalData the last bytes to send before FIN",
                                    List.of(socket, ParameterSpec.builder(WSK_BUF, "finalData").build()),
                                    "gracefulWithData"),
                            new StartMethod("abort",
                                    "Disconnects abortively: queued data is dropped and the peer gets RST"
                                            + " (WskDisconnect with\nWSK_FLAG_ABORTIVE, SPEC D7).\n"
                                            + "@param socket a connected socket",
                                    List.of(socket), "abortive"));
                case CLOSE:
                    return List.of(new StartMethod("close",
                            "Closes the socket (WskCloseSocket, SPEC C1-C3); abortive unless both directions are"
                                    + " already\ndisconnected.\n"
                                    + "@param socket the socket to close",
                            List.of(socket), "close"));
                default:
                    throw new AssertionError(operation);
            }
        }

        private List<TypeVariableName> typeVariables() {
            List<TypeVariableName> variables = new ArrayList<>();
            for (TypeMirror variable : model.typeVariables()) {
                variables.add(TypeVariableName.get((TypeVariable) variable));
            }
            return variables;
        }

        private CodeBlock linkParameters(Handler handler) {
            List<CodeBlock> parameters = new ArrayList<>();
            for (TypeMirror parameter : handler.erasedParameterTypes()) {
                parameters.add(CodeBlock.of("$T", TypeName.get(parameter)));
            }
            return CodeBlock.join(parameters, ", ");
        }

        private String unique(String wanted) {
            String name = wanted;
            for (int suffix = 2; !memberNames.add(name); suffix++) {
                name = wanted + suffix;
            }
            return name;
        }

        /** A readable name for members that serve one context type: {@code Session}, {@code ListOfString}... */
        private String baseName(TypeMirror type) {
            if (type instanceof DeclaredType) {
                DeclaredType declared = (DeclaredType) type;
                StringBuilder name = new StringBuilder(declared.asElement().getSimpleName());
                for (TypeMirror argument : declared.getTypeArguments()) {
                    name.append("Of").append(baseName(argument));
                }
                return name.toString();
            }
            if (type instanceof ArrayType) {
                return capitalize(baseName(((ArrayType) type).getComponentType())) + "Array";
            }
            if (type instanceof TypeVariable) {
                return ((TypeVariable) type).asElement().getSimpleName().toString();
            }
            return "Context";
        }
    }

    /** The connection events of one context type and the names of their members. */
    private static final class EventGroup {
        final List<Handler> handlers = new ArrayList<>();
        String field;
        String className;
        String setName;
        String accessor;
        String enabler;
        boolean usedByAccept;
    }

    /** One public start method of a completion handler. */
    private static final class StartMethod {
        final String name;
        final String summary;
        final String parameterDocs;
        final List<ParameterSpec> parameters;
        final String variant;

        StartMethod(String name, String javadoc, List<ParameterSpec> parameters, String variant) {
            int tags = javadoc.indexOf("@param");
            this.name = name;
            this.summary = javadoc.substring(0, tags).strip();
            this.parameterDocs = javadoc.substring(tags).strip();
            this.parameters = parameters;
            this.variant = variant;
        }

        /** The provider call, with {@code irp} and {@code context} in scope. */
        CodeBlock call(Handler handler, EventGroup events) {
            switch (variant) {
                case "connect":
                    return CodeBlock.of("provider.socketConnect(remoteAddress, context, $L, irp)",
                            events == null ? "null" : events.field);
                case "send":
                    return CodeBlock.of("socket.dispatch().send(socket, buffer, $T.NONE, irp)", SEND_FLAGS);
                case "receive":
                    return CodeBlock.of("socket.dispatch().receive(socket, buffer, $T.NONE, irp)", RECEIVE_FLAGS);
                case "graceful":
                    return CodeBlock.of("socket.dispatch().disconnect(socket, null, $T.GRACEFUL, irp)",
                            DISCONNECT_MODE);
                case "gracefulWithData":
                    return CodeBlock.of("socket.dispatch().disconnect(socket, finalData, $T.GRACEFUL, irp)",
                            DISCONNECT_MODE);
                case "abortive":
                    return CodeBlock.of("socket.dispatch().disconnect(socket, null, $T.ABORTIVE, irp)",
                            DISCONNECT_MODE);
                case "close":
                    return CodeBlock.of("socket.dispatch().closeSocket(socket, irp)");
                default:
                    throw new AssertionError(variant + " for " + handler.methodName());
            }
        }
    }

    private static String capitalize(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String constantName(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}

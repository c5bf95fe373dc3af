package io.wsk4j.processor;

import static io.wsk4j.processor.MemberNames.capitalize;
import static io.wsk4j.processor.MemberNames.constantName;
import static io.wsk4j.processor.MemberNames.decapitalize;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import io.wsk4j.processor.DispatchPlan.Accept;
import io.wsk4j.processor.DispatchPlan.Event;
import io.wsk4j.processor.DispatchPlan.EventGroup;
import io.wsk4j.processor.DispatchPlan.IrpSource;
import io.wsk4j.processor.DispatchPlan.Routine;
import io.wsk4j.processor.DispatchPlan.Start;
import io.wsk4j.processor.HandlerModel.Handler;
import io.wsk4j.processor.HandlerModel.HandlerClass;
import io.wsk4j.processor.HandlerModel.Shape;
import io.wsk4j.processor.Operation.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.Elements;

/**
 * Decides what the dispatch class of a checked {@link HandlerClass} contains (SPEC P5): every member and its name,
 * which statement each start method runs, which accept each listen uses, who supplies each IRP. It also finds the
 * mistakes that show only once the members are known (two start methods whose signatures erase alike, a dispatch
 * class name already taken), into the class's {@link ValidationReport}. For a class with errors it plans the stand-in
 * that the user's code compiles against (SPEC P7: one mistake, one error).
 */
final class Planner {
    private static final String WSK_GENERATED = "io.wsk4j.annotations.WskGenerated";

    private final boolean javacLints;
    private final Elements elements;
    /** Dispatch class names handed out in this build, with the handler class each belongs to; names only (P9). */
    private final Map<String, String> claimed = new TreeMap<>();
    /**
     * The simple names of the top-level types of each package looked at in this round: one listing of a package
     * costs less than a failed lookup by name per handler class, which makes the compiler search its paths.
     */
    private final Map<String, Optional<Set<String>>> typesByPackage = new HashMap<>();

    /**
     * @param javacLints whether the compiler is javac, whose "overloads" lint the glue may have to suppress; other
     *     compilers (ECJ) do not know that token and would warn about the suppression itself
     * @param elements to find a class of the user's that already has a dispatch class's name
     */
    Planner(boolean javacLints, Elements elements) {
        this.javacLints = javacLints;
        this.elements = elements;
    }

    /** Forgets what the packages held: a new round may bring new types. */
    void startRound() {
        typesByPackage.clear();
    }

    /**
     * The plan of the class's glue (its stand-in if {@code report} has errors, or gets some here), or nothing if the
     * dispatch class's name is taken, which the report then says on {@code type}.
     */
    Optional<DispatchPlan> plan(HandlerClass model, ValidationReport report, TypeElement type) {
        ClassName dispatchClass = ClassName.get(model.packageName(), model.dispatchSimpleName());
        String name = dispatchClass.canonicalName();
        String takenBy = nameTakenBy(dispatchClass);
        if (takenBy != null) {
            report.add(type, null, Messages.DISPATCH_NAME_CLASH.format(model.qualifiedName(), name, takenBy));
            return Optional.empty();
        }
        claimed.put(name, model.qualifiedName());
        if (report.isClean()) {
            DispatchPlan glue = new ClassPlanner(model, dispatchClass).glue(report);
            if (report.isClean()) {
                return Optional.of(glue);
            }
        }
        // a planner of its own: the glue's planner has handed out the member names already
        return Optional.of(new ClassPlanner(model, dispatchClass).standIn(report));
    }

    /**
     * Who already holds the name: another handler class whose dispatch class got it in this build (Outer.Inner and a
     * top-level Outer_Inner), or a class of the user's; null if the name is free.
     */
    private String nameTakenBy(ClassName dispatchClass) {
        String dispatchName = dispatchClass.canonicalName();
        String otherHandlerClass = claimed.get(dispatchName);
        if (otherHandlerClass != null) {
            return "the dispatch class of " + otherHandlerClass;
        }
        Optional<Set<String>> packageTypes =
                typesByPackage.computeIfAbsent(dispatchClass.packageName(), this::topLevelTypeNames);
        if (packageTypes.isPresent() && !packageTypes.get().contains(dispatchClass.simpleName())) {
            return null;
        }
        TypeElement existing = elements.getTypeElement(dispatchName);
        if (existing == null) {
            return null;
        }
        for (AnnotationMirror mirror : existing.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName()
                    .contentEquals(WSK_GENERATED)) {
                return null; // an earlier build's output: the Filer decides
            }
        }
        return "the class " + dispatchName + " of your sources";
    }

    /** The simple names of a package's top-level types; empty if the package is not one the compiler can name. */
    private Optional<Set<String>> topLevelTypeNames(String packageName) {
        PackageElement found = elements.getPackageElement(packageName);
        if (found == null) {
            return Optional.empty(); // in several modules, say: then each name is looked up on its own
        }
        Set<String> names = new HashSet<>();
        for (Element type : found.getEnclosedElements()) {
            names.add(type.getSimpleName().toString());
        }
        return Optional.of(names);
    }

    /** A start method with the handler it came from, while the class is planned. */
    private record Planned(Start start, Handler handler, String erasedContext) {
        String signature() {
            List<String> types = new ArrayList<>();
            for (StartMethod.Parameter parameter : start.spec().parameters()) {
                types.add(parameter.erasure());
            }
            if (start.takesIrp()) {
                types.add(RuntimeTypes.IRP.canonicalName());
            }
            types.add(erasedContext);
            if (start.timeout()) {
                types.add("java.time.Duration");
            }
            return start.spec().name() + "(" + String.join(",", types) + ")";
        }

        int parameterCount() {
            return start.spec().parameters().size() + (start.takesIrp() ? 1 : 0) + 1 + (start.timeout() ? 1 : 0);
        }
    }

    /** The state of planning one class. */
    private final class ClassPlanner {
        private final HandlerClass model;
        private final ClassName dispatchClass;
        private final ClassName handlerClass;
        private final TypeName handlerType;
        private final List<TypeVariableName> typeVariables = new ArrayList<>();
        private final MemberNames names = new MemberNames(DispatchPlan.HANDLERS, DispatchPlan.POOL);
        private final ContextNames contextNames;
        private final Map<String, CodeBlock> links = new HashMap<>();
        /**
         * Types a handler's parameters may have that no code of the glue names: links spell them in full, since an
         * import that only javadoc uses is one ECJ warns about (SPEC P8, P9).
         */
        private final Set<String> spelledInFull = new HashSet<>();

        ClassPlanner(HandlerClass model, ClassName dispatchClass) {
            this.model = model;
            this.dispatchClass = dispatchClass;
            List<String> simpleNames = model.simpleNames();
            this.handlerClass = ClassName.get(model.packageName(), simpleNames.get(0),
                    simpleNames.subList(1, simpleNames.size()).toArray(new String[0]));
            for (TypeMirror variable : model.typeVariables()) {
                typeVariables.add(TypeVariableName.get((TypeVariable) variable));
            }
            this.handlerType = typeVariables.isEmpty()
                    ? handlerClass
                    : ParameterizedTypeName.get(handlerClass, typeVariables.toArray(new TypeName[0]));
            List<TypeMirror> contexts = new ArrayList<>();
            for (Handler handler : model.handlers()) {
                contexts.add(handler.context());
            }
            this.contextNames = new ContextNames(contexts);
            Set<String> named = new HashSet<>();
            for (Handler handler : model.handlers()) {
                Operation operation = handler.operation();
                for (StartMethod start : operation.startMethods()) {
                    for (StartMethod.Parameter parameter : start.parameters()) {
                        named.add(parameter.erasure());
                    }
                }
                // an accept event's method takes the socket and its addresses; enabling events takes the socket
                if (operation.role() == Role.ACCEPT_EVENT) {
                    named.add(TypeNames.SOCKET_ADDRESS);
                    named.add(TypeNames.WSK_SOCKET);
                } else if (operation.role() == Role.CONNECTION_EVENT || operation == Operation.LISTEN) {
                    named.add(TypeNames.WSK_SOCKET); // a listen needs an accept event, checked before planning
                } else if (operation.role() == Role.DATAGRAM_EVENT) {
                    named.add(TypeNames.SOCKET_ADDRESS); // the datagram dispatch's callback takes the source
                }
            }
            if (model.handlers().stream().anyMatch(handler -> handler.operation() == Operation.ADDRESS_INFO)) {
                spelledInFull.add(TypeNames.LIST); // the glue names List<InetSocketAddress> nowhere but in links
            }
            if (model.handlers().stream().anyMatch(handler -> handler.operation() == Operation.OPTION)) {
                spelledInFull.add(TypeNames.OBJECT); // an option value's variable erases to Object, named nowhere
            }
            for (String type : List.of(TypeNames.SOCKET_ADDRESS, TypeNames.WSK_SOCKET)) {
                if (!named.contains(type)) {
                    spelledInFull.add(type);
                }
            }
        }

        DispatchPlan glue(ValidationReport report) {
            List<EventGroup> eventGroups = eventGroups();
            List<Accept> accepts = accepts(eventGroups);
            Map<Handler, Routine> routines = routines();
            List<Planned> planned = starts(eventGroups, accepts, routines);
            checkErasures(planned, report);
            boolean simpleHandlers = planned.stream().anyMatch(p -> p.start().irp() == IrpSource.POOL);
            return new DispatchPlan(dispatchClass, handlerClass, handlerType, List.copyOf(typeVariables),
                    valueVariable(), model.isPublic(), suppressions(planned), simpleHandlers || !eventGroups.isEmpty(), null,
                    List.copyOf(routines.values()), startsOf(planned), accepts, eventGroups);
        }

        /**
         * The stand-in of a class with errors: what the user's code may name (constructors, the start methods of the
         * handlers without mistakes, and of those with mistakes taking any context), every member throwing.
         */
        DispatchPlan standIn(ValidationReport report) {
            Problem first = report.firstError();
            String message = model.qualifiedName() + " has errors, so " + dispatchClass.simpleName() + " stands in"
                    + " for its glue and does nothing. Fix them, starting with: " + first.message().text();
            List<EventGroup> eventGroups = eventGroups();
            List<Accept> accepts = accepts(eventGroups);
            List<Planned> planned = new ArrayList<>(starts(eventGroups, accepts, routines()));
            for (Operation operation : model.brokenOperations()) {
                for (StartMethod spec : operation.startMethods()) {
                    if (spec.callerRoutine()) {
                        planned.add(anyContext(spec, IrpSource.CALLER_WITH_ROUTINE));
                    } else {
                        for (IrpSource irp : List.of(IrpSource.POOL, IrpSource.CALLER)) {
                            Planned start = anyContext(spec, irp);
                            planned.add(start);
                            if (spec.bounded()) {
                                planned.add(new Planned(start.start().withTimeout(), null, start.erasedContext()));
                            }
                        }
                    }
                }
            }
            List<Planned> distinct = new ArrayList<>();
            Set<String> signatures = new HashSet<>();
            for (Planned start : planned) {
                if (signatures.add(start.signature())) {
                    distinct.add(start); // a clash the report names must not become a second error in the stand-in
                }
            }
            return new DispatchPlan(dispatchClass, handlerClass, model.nameable() ? handlerType : ClassName.OBJECT,
                    List.copyOf(typeVariables), valueVariable(), model.isPublic(), List.of(), true, message, List.of(),
                    startsOf(distinct), List.of(), eventGroups);
        }

        /** {@code T}, or {@code T1}, {@code T2}... if the handler class has a type variable of that name. */
        private TypeVariableName valueVariable() {
            Set<String> taken = new HashSet<>();
            typeVariables.forEach(variable -> taken.add(variable.name()));
            String name = StartMethod.VALUE.name();
            for (int suffix = 1; taken.contains(name); suffix++) {
                name = StartMethod.VALUE.name() + suffix;
            }
            return TypeVariableName.get(name);
        }

        private Planned anyContext(StartMethod spec, IrpSource irp) {
            return new Planned(new Start(spec, ClassName.OBJECT, CodeBlock.of("$T", handlerClass), irp, null, null,
                    null, null, false), null, Object.class.getName());
        }

        /**
         * One client dispatch per connection-event context type, then one datagram dispatch per datagram-event context
         * type, each in handler order.
         */
        private List<EventGroup> eventGroups() {
            List<EventGroup> groups = new ArrayList<>(eventGroups(Role.CONNECTION_EVENT));
            groups.addAll(eventGroups(Role.DATAGRAM_EVENT));
            return List.copyOf(groups);
        }

        private List<EventGroup> eventGroups(Role role) {
            Map<TypeName, List<Handler>> byContext = new LinkedHashMap<>();
            for (Handler handler : model.handlers()) {
                if (handler.operation().role() == role) {
                    byContext.computeIfAbsent(TypeName.get(handler.context()), context -> new ArrayList<>())
                            .add(handler);
                }
            }
            boolean datagram = role == Role.DATAGRAM_EVENT;
            boolean several = byContext.size() > 1;
            String kind = datagram ? "Datagram" : "";
            String accessor = datagram ? "datagramDispatch" : "clientDispatch";
            List<EventGroup> groups = new ArrayList<>();
            for (Map.Entry<TypeName, List<Handler>> entry : byContext.entrySet()) {
                List<Handler> handlers = entry.getValue();
                String word = contextNames.of(handlers.get(0).context());
                String field = names.claim(decapitalize(word) + kind + "Events");
                List<Event> events = new ArrayList<>();
                for (Handler handler : handlers) {
                    Operation operation = handler.operation();
                    List<DispatchPlan.EventParameter> parameters = new ArrayList<>();
                    for (Signature.Parameter parameter : operation.eventSignature().parameters()) {
                        parameters.add(new DispatchPlan.EventParameter(ClassName.bestGuess(parameter.type()),
                                parameter.name()));
                    }
                    events.add(new Event(handler.methodName(), link(handler), operation.event(), operation.callback(),
                            List.copyOf(parameters), operation.eventSignature().returns() == Signature.Returns.LONG));
                }
                groups.add(new EventGroup(
                        datagram,
                        entry.getKey(),
                        field,
                        names.claim(capitalize(field)),
                        names.claim(several ? accessor + "For" + word : accessor),
                        names.claim(several ? "enable" + word + kind + "Events" : "enable" + kind + "Events"),
                        names.claim(constantName(field)),
                        List.copyOf(events)));
            }
            return groups;
        }

        private List<Accept> accepts(List<EventGroup> eventGroups) {
            List<Accept> accepts = new ArrayList<>();
            for (Handler handler : model.handlers()) {
                if (handler.operation().role() != Role.ACCEPT_EVENT) {
                    continue;
                }
                String word = shared(handler) ? contextNames.of(handler.context()) : "";
                TypeName accepted = TypeName.get(handler.acceptedContext());
                accepts.add(new Accept(
                        names.claim(decapitalize(word) + (word.isEmpty() ? "listen" : "Listen") + "Dispatch"),
                        names.claim("on" + word + "Accept"),
                        TypeName.get(handler.context()), accepted, handler.methodName(), link(handler),
                        groupOf(eventGroups, accepted)));
            }
            return List.copyOf(accepts);
        }

        /** The routine of each faithful completion handler, in handler order. */
        private Map<Handler, Routine> routines() {
            Map<Handler, Routine> routines = new LinkedHashMap<>();
            for (Handler handler : model.handlers()) {
                if (handler.operation().role() == Role.COMPLETION && handler.shape() == Shape.FAITHFUL) {
                    String stem = handler.operation().verb() + (shared(handler) ? contextNames.of(handler.context())
                            : "");
                    routines.put(handler, new Routine(names.claim(stem + "Routine"), names.claim(stem + "Completed"),
                            TypeName.get(handler.context()), handler.methodName()));
                }
            }
            return routines;
        }

        /**
         * Completion start methods in handler order, then the caller-routine listens of accept handlers, then the
         * caller-routine datagram sockets of receive-from event handlers.
         */
        private List<Planned> starts(
                List<EventGroup> eventGroups, List<Accept> accepts, Map<Handler, Routine> routines) {
            List<Planned> starts = new ArrayList<>();
            for (Handler handler : model.handlers()) {
                if (handler.operation().role() != Role.COMPLETION) {
                    continue;
                }
                TypeName context = TypeName.get(handler.context());
                EventGroup events = handler.operation() == Operation.CONNECT || handler.operation() == Operation.ACCEPT
                        ? groupOf(eventGroups, context) : null;
                Accept listening = null;
                if (handler.operation() == Operation.LISTEN) {
                    for (Accept accept : accepts) {
                        if (accept.listenContext().equals(context)) {
                            listening = accept;
                        }
                    }
                }
                Routine routine = routines.get(handler);
                IrpSource irp = routine != null ? IrpSource.CALLER : IrpSource.POOL;
                String routineField = routine != null ? routine.field() : null;
                CodeBlock reference = irp == IrpSource.POOL ? handlerReference(handler) : null;
                for (StartMethod spec : handler.operation().startMethods()) {
                    Start start = new Start(spec, context, link(handler), irp, reference, routineField, events,
                            listening, false);
                    starts.add(new Planned(start, handler, erasedContext(handler)));
                    if (spec.bounded()) {
                        starts.add(new Planned(start.withTimeout(), handler, erasedContext(handler)));
                    }
                }
            }
            for (Handler handler : model.handlers()) {
                if (handler.operation().role() != Role.ACCEPT_EVENT) {
                    continue;
                }
                Accept accept = null;
                for (Accept candidate : accepts) {
                    if (candidate.handlerMethod().equals(handler.methodName())
                            && candidate.listenContext().equals(TypeName.get(handler.context()))) {
                        accept = candidate;
                    }
                }
                for (StartMethod spec : handler.operation().startMethods()) {
                    starts.add(new Planned(new Start(spec, accept.listenContext(), accept.link(),
                            IrpSource.CALLER_WITH_ROUTINE, null, null, null, accept, false), handler,
                            erasedContext(handler)));
                }
            }
            for (Handler handler : model.handlers()) {
                if (handler.operation().role() != Role.DATAGRAM_EVENT) {
                    continue;
                }
                TypeName context = TypeName.get(handler.context());
                for (StartMethod spec : handler.operation().startMethods()) {
                    starts.add(new Planned(new Start(spec, context, link(handler), IrpSource.CALLER_WITH_ROUTINE,
                            null, null, datagramGroupOf(eventGroups, context), null, false), handler,
                            erasedContext(handler)));
                }
            }
            return starts;
        }

        /**
         * {@code Handlers::sent}, which captures nothing, so that a start method allocates nothing (SPEC R1); a lambda
         * where another method of that name could make the reference fit the pool's start methods for a status and
         * for a byte count alike.
         */
        private CodeBlock handlerReference(Handler handler) {
            if (!handler.sharedName()) {
                return CodeBlock.of("$T::$N", handlerType, handler.methodName());
            }
            switch (handler.shape()) {
                case STATUS_BYTES:
                    return CodeBlock.of("(target, status, bytes, given) -> target.$N(status, bytes, given)",
                            handler.methodName());
                case STATUS_MODE:
                    return CodeBlock.of("(target, status, mode, given) -> target.$N(status, mode, given)",
                            handler.methodName());
                default:
                    return CodeBlock.of("(target, status, given) -> target.$N(status, given)", handler.methodName());
            }
        }

        /**
         * Two start methods with one name whose parameters erase alike would clash in javac: report it once on the
         * handler written later.
         */
        private void checkErasures(List<Planned> starts, ValidationReport report) {
            Set<String> reported = new HashSet<>();
            for (int later = 0; later < starts.size(); later++) {
                for (int earlier = 0; earlier < later; earlier++) {
                    Planned first = starts.get(earlier);
                    Planned second = starts.get(later);
                    boolean inOrder = first.handler().declarationIndex() < second.handler().declarationIndex();
                    Handler firstHandler = inOrder ? first.handler() : second.handler();
                    Handler secondHandler = inOrder ? second.handler() : first.handler();
                    if (firstHandler == secondHandler || !first.signature().equals(second.signature())) {
                        continue;
                    }
                    // one error per handler in the way, however many handlers and start methods it clashes with
                    if (reported.add(secondHandler.methodName() + secondHandler.declarationIndex())) {
                        report.add(secondHandler.method(), secondHandler.annotation(),
                                Messages.ERASURE_CLASH.format(name(firstHandler), name(secondHandler),
                                        TypeNames.display(firstHandler.context()),
                                        TypeNames.display(secondHandler.context()),
                                        TypeNames.display(erased(secondHandler))));
                    }
                }
            }
        }

        /** The lint categories the handler class chose, which the glue that calls or names its types repeats. */
        private List<String> suppressions(List<Planned> starts) {
            TreeSet<String> categories = new TreeSet<>();
            for (Handler handler : model.handlers()) {
                if (handler.deprecated()) {
                    categories.add("deprecation");
                }
            }
            // javac's "overloads" lint flags overloads a lambda could make ambiguous: start methods told apart only
            // by two functional-interface contexts, or constructors taking a functional handler class or its factory
            boolean lambdaOverloads = model.functionalInterface();
            for (int later = 0; later < starts.size(); later++) {
                for (int earlier = 0; earlier < later; earlier++) {
                    Planned first = starts.get(earlier);
                    Planned second = starts.get(later);
                    if (first.start().spec().name().equals(second.start().spec().name())
                            && first.parameterCount() == second.parameterCount()
                            && first.handler().functionalContext() && second.handler().functionalContext()) {
                        lambdaOverloads = true;
                    }
                }
            }
            if (javacLints && lambdaOverloads) {
                categories.add("overloads");
            }
            return List.copyOf(categories);
        }

        /** Whether another handler of the same operation shares the class, so names must say the context. */
        private boolean shared(Handler handler) {
            return model.handlers().stream().filter(other -> other.operation() == handler.operation()).count() > 1;
        }

        /** {@code {@link Handlers#sent(NtStatus, long, Session)}}, made once per handler: JavaPoet formats cost. */
        private CodeBlock link(Handler handler) {
            return links.computeIfAbsent(handler.methodName() + handler.declarationIndex(), key -> makeLink(handler));
        }

        private CodeBlock makeLink(Handler handler) {
            List<CodeBlock> parameters = new ArrayList<>();
            for (TypeMirror parameter : handler.erasedParameterTypes()) {
                String canonical = TypeNames.canonical(parameter);
                parameters.add(spelledInFull.contains(canonical)
                        ? CodeBlock.of("$L", canonical)
                        : CodeBlock.of("$T", TypeName.get(parameter)));
            }
            return CodeBlock.of("{@link $T#$N($L)}", handlerClass, handler.methodName(),
                    CodeBlock.join(parameters, ", "));
        }
    }

    private static List<Start> startsOf(List<Planned> planned) {
        return planned.stream().map(Planned::start).toList();
    }

    /** The client dispatch of connection sockets of {@code context}, or null. */
    private static EventGroup groupOf(List<EventGroup> groups, TypeName context) {
        for (EventGroup group : groups) {
            if (!group.datagram() && group.context().equals(context)) {
                return group;
            }
        }
        return null;
    }

    /** The datagram dispatch of {@code context}, or null. */
    private static EventGroup datagramGroupOf(List<EventGroup> groups, TypeName context) {
        for (EventGroup group : groups) {
            if (group.datagram() && group.context().equals(context)) {
                return group;
            }
        }
        return null;
    }

    private static TypeMirror erased(Handler handler) {
        List<? extends TypeMirror> erased = handler.erasedParameterTypes();
        return erased.get(erased.size() - 1);
    }

    private static String erasedContext(Handler handler) {
        return TypeNames.canonical(erased(handler));
    }

    private static String name(Handler handler) {
        Element method = handler.method();
        return method.getEnclosingElement().getSimpleName() + "." + handler.methodName();
    }
}

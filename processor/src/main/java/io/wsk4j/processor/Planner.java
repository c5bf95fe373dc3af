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
import io.wsk4j.processor.DispatchPlan.Routine;
import io.wsk4j.processor.DispatchPlan.Start;
import io.wsk4j.processor.HandlerModel.Handler;
import io.wsk4j.processor.HandlerModel.HandlerClass;
import io.wsk4j.processor.HandlerModel.Shape;
import io.wsk4j.processor.Operation.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;

/**
 * Decides what the dispatch class of a validated {@link HandlerClass} contains (SPEC P5): every member and its name,
 * the client dispatch of each event context type, which helpers are needed. It also finds the one mistake that shows
 * only once the members are known: two start methods whose signatures erase alike.
 */
final class Planner {
    private final boolean javacLints;

    /**
     * @param javacLints whether the compiler is javac, whose "overloads" lint the glue may have to suppress; other
     *     compilers (ECJ) do not know that token and would warn about the suppression itself
     */
    Planner(boolean javacLints) {
        this.javacLints = javacLints;
    }

    /** The plan, or null after adding to {@code problems} what makes the class impossible to write. */
    DispatchPlan plan(HandlerClass model, List<Problem> problems) {
        return new ClassPlanner(model).plan(problems);
    }

    /** The state of planning one class. */
    private final class ClassPlanner {
        private final HandlerClass model;
        private final ClassName handlerClass;
        private final MemberNames names = new MemberNames(
                DispatchPlan.HANDLERS, DispatchPlan.POOL, DispatchPlan.RECYCLE, DispatchPlan.ENABLE_EVENT);
        private final ContextNames contextNames;

        ClassPlanner(HandlerClass model) {
            this.model = model;
            List<String> simpleNames = model.simpleNames();
            this.handlerClass = ClassName.get(model.packageName(), simpleNames.get(0),
                    simpleNames.subList(1, simpleNames.size()).toArray(new String[0]));
            List<TypeMirror> contexts = new ArrayList<>();
            for (Handler handler : model.handlers()) {
                contexts.add(handler.context());
            }
            this.contextNames = new ContextNames(contexts);
        }

        DispatchPlan plan(List<Problem> problems) {
            List<EventGroup> eventGroups = eventGroups();
            List<Routine> routines = routines(eventGroups);
            List<Accept> accepts = accepts(eventGroups);
            List<Start> starts = starts(routines, accepts, eventGroups);
            if (!checkErasures(starts, problems)) {
                return null;
            }
            List<TypeVariableName> typeVariables = new ArrayList<>();
            for (TypeMirror variable : model.typeVariables()) {
                typeVariables.add(TypeVariableName.get((TypeVariable) variable));
            }
            TypeName handlerType = typeVariables.isEmpty()
                    ? handlerClass
                    : ParameterizedTypeName.get(handlerClass, typeVariables.toArray(new TypeName[0]));
            boolean events = !eventGroups.isEmpty();
            boolean simpleHandlers = routines.stream().anyMatch(routine -> routine.handler().shape() != Shape.FAITHFUL);
            return new DispatchPlan(
                    ClassName.get(model.packageName(), model.dispatchSimpleName()),
                    handlerClass,
                    handlerType,
                    List.copyOf(typeVariables),
                    model.isPublic(),
                    suppressions(starts),
                    simpleHandlers || events,
                    routines,
                    starts,
                    accepts,
                    eventGroups,
                    events,
                    events);
        }

        /** One client dispatch per connection-event context type, in handler order. */
        private List<EventGroup> eventGroups() {
            Map<TypeName, List<Handler>> byContext = new LinkedHashMap<>();
            for (Handler handler : model.handlers()) {
                if (handler.operation().role() == Role.CONNECTION_EVENT) {
                    byContext.computeIfAbsent(TypeName.get(handler.context()), context -> new ArrayList<>())
                            .add(handler);
                }
            }
            boolean several = byContext.size() > 1;
            List<EventGroup> groups = new ArrayList<>();
            for (Map.Entry<TypeName, List<Handler>> entry : byContext.entrySet()) {
                List<Handler> handlers = entry.getValue();
                String word = contextNames.of(handlers.get(0).context());
                String field = names.claim(decapitalize(word) + "Events");
                boolean accepted = model.handlers().stream().anyMatch(handler -> handler.acceptedContext() != null
                        && TypeName.get(handler.acceptedContext()).equals(entry.getKey()));
                List<Event> events = new ArrayList<>();
                for (Handler handler : handlers) {
                    String event = handler.operation().event();
                    events.add(new Event(handler, link(handler), event.toLowerCase(java.util.Locale.ROOT) + "Status"));
                }
                groups.add(new EventGroup(
                        entry.getKey(),
                        field,
                        names.claim(capitalize(field)),
                        names.claim(several ? "clientDispatchFor" + word : "clientDispatch"),
                        names.claim(several ? "enable" + word + "Events" : "enableEvents"),
                        accepted ? names.claim(constantName(field)) : null,
                        List.copyOf(events)));
            }
            return List.copyOf(groups);
        }

        private List<Routine> routines(List<EventGroup> eventGroups) {
            List<Routine> routines = new ArrayList<>();
            for (Handler handler : model.handlers()) {
                if (handler.operation().role() != Role.COMPLETION) {
                    continue;
                }
                String stem = handler.operation().verb() + (shared(handler) ? contextNames.of(handler.context()) : "");
                EventGroup events = groupOf(eventGroups, TypeName.get(handler.context()));
                boolean enables = handler.operation() == Operation.CONNECT && handler.shape() != Shape.FAITHFUL
                        && events != null;
                routines.add(new Routine(names.claim(stem + "Routine"), names.claim(stem + "Completed"),
                        TypeName.get(handler.context()), handler, link(handler), enables ? events.enabler() : null));
            }
            return List.copyOf(routines);
        }

        private List<Accept> accepts(List<EventGroup> eventGroups) {
            List<Accept> accepts = new ArrayList<>();
            for (Handler handler : model.handlers()) {
                if (handler.operation().role() != Role.ACCEPT_EVENT) {
                    continue;
                }
                String word = shared(handler) ? contextNames.of(handler.context()) : "";
                TypeName accepted = TypeName.get(handler.acceptedContext());
                accepts.add(new Accept(names.claim(decapitalize(word) + (word.isEmpty() ? "listen" : "Listen")
                                + "Dispatch"), names.claim("on" + word + "Accept"),
                        TypeName.get(handler.context()), accepted, handler, link(handler),
                        groupOf(eventGroups, accepted)));
            }
            return List.copyOf(accepts);
        }

        /** Completion start methods in handler order, then the caller-routine listens of accept handlers. */
        private List<Start> starts(List<Routine> routines, List<Accept> accepts, List<EventGroup> eventGroups) {
            List<Start> starts = new ArrayList<>();
            for (Routine routine : routines) {
                Handler handler = routine.handler();
                TypeName context = routine.context();
                EventGroup events = handler.operation() == Operation.CONNECT ? groupOf(eventGroups, context) : null;
                String listenDispatch = null;
                if (handler.operation() == Operation.LISTEN) {
                    for (Accept accept : accepts) {
                        if (accept.listenContext().equals(context)) {
                            listenDispatch = accept.field();
                        }
                    }
                }
                for (StartMethod spec : handler.operation().startMethods()) {
                    starts.add(new Start(spec, handler, context, routine.link(), routine, handler.shape() == Shape.FAITHFUL,
                            events, listenDispatch));
                }
            }
            for (Accept accept : accepts) {
                for (StartMethod spec : accept.handler().operation().startMethods()) {
                    starts.add(new Start(spec, accept.handler(), accept.listenContext(), accept.link(), null, true, null,
                            accept.field()));
                }
            }
            return List.copyOf(starts);
        }

        /**
         * Two start methods with one name whose parameters erase alike would clash in javac: report it once on the
         * handler written later.
         */
        private boolean checkErasures(List<Start> starts, List<Problem> problems) {
            List<String> reported = new ArrayList<>();
            for (int later = 0; later < starts.size(); later++) {
                for (int earlier = 0; earlier < later; earlier++) {
                    Start first = starts.get(earlier);
                    Start second = starts.get(later);
                    boolean inOrder = first.handler().declarationIndex() < second.handler().declarationIndex();
                    Handler firstHandler = inOrder ? first.handler() : second.handler();
                    Handler secondHandler = inOrder ? second.handler() : first.handler();
                    if (firstHandler == secondHandler || !first.spec().name().equals(second.spec().name())
                            || !erasedSignature(first).equals(erasedSignature(second))) {
                        continue;
                    }
                    // one error per handler in the way, however many handlers and start methods it clashes with
                    String clashing = secondHandler.methodName() + secondHandler.declarationIndex();
                    if (!reported.contains(clashing)) {
                        reported.add(clashing);
                        problems.add(new Problem(secondHandler.method(), secondHandler.annotation(),
                                Messages.ERASURE_CLASH.format(name(firstHandler), name(secondHandler),
                                        TypeNames.display(firstHandler.context()),
                                        TypeNames.display(secondHandler.context()), erasedContext(secondHandler))));
                    }
                }
            }
            return reported.isEmpty();
        }

        /** The lint categories the handler class chose, which the glue that calls or names its types repeats. */
        private List<String> suppressions(List<Start> starts) {
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
                    Start first = starts.get(earlier);
                    Start second = starts.get(later);
                    if (first.spec().name().equals(second.spec().name())
                            && parameterCount(first) == parameterCount(second)
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

        private CodeBlock link(Handler handler) {
            List<CodeBlock> parameters = new ArrayList<>();
            for (TypeMirror parameter : handler.erasedParameterTypes()) {
                parameters.add(CodeBlock.of("$T", TypeName.get(parameter)));
            }
            return CodeBlock.of("{@link $T#$N($L)}", handlerClass, handler.methodName(),
                    CodeBlock.join(parameters, ", "));
        }
    }

    private static EventGroup groupOf(List<EventGroup> groups, TypeName context) {
        for (EventGroup group : groups) {
            if (group.context().equals(context)) {
                return group;
            }
        }
        return null;
    }

    private static int parameterCount(Start start) {
        return start.spec().parameters().size() + (start.faithful() && !start.spec().callerRoutine() ? 1 : 0) + 1;
    }

    private static String erasedSignature(Start start) {
        List<String> types = new ArrayList<>();
        for (StartMethod.Parameter parameter : start.spec().parameters()) {
            types.add(parameter.type().canonicalName());
        }
        if (start.faithful() && !start.spec().callerRoutine()) {
            types.add(RuntimeTypes.IRP.canonicalName());
        }
        List<? extends TypeMirror> erased = start.handler().erasedParameterTypes();
        types.add(TypeNames.canonical(erased.get(erased.size() - 1)));
        return types.stream().collect(Collectors.joining(","));
    }

    private static String erasedContext(Handler handler) {
        List<? extends TypeMirror> erased = handler.erasedParameterTypes();
        return TypeNames.display(erased.get(erased.size() - 1));
    }

    private static String name(Handler handler) {
        return handler.method().getEnclosingElement().getSimpleName() + "." + handler.methodName();
    }
}

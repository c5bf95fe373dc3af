package io.wsk4j.processor;

import io.wsk4j.processor.HandlerModel.Handler;
import io.wsk4j.processor.HandlerModel.HandlerClass;
import io.wsk4j.processor.HandlerModel.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks one handler class against SPEC P2–P7 and builds its {@link HandlerModel}. One check per rule; every
 * problem of the class is collected, each reported once on its element.
 */
final class HandlerValidator {
    private final Types types;
    private final Elements elements;

    HandlerValidator(Types types, Elements elements) {
        this.types = types;
        this.elements = elements;
    }

    /** A handler method and the annotation that made it one. */
    private record Annotated(ExecutableElement method, List<AnnotationMirror> annotations) {}

    Validation validate(TypeElement type) {
        List<Annotated> annotated = annotatedMethods(type);
        if (annotated.isEmpty()) {
            return new Validation.NoHandlers();
        }
        String dispatchName = HandlerModel.dispatchSimpleName(simpleNames(type));
        ValidationReport report = new ValidationReport();

        // P2: the class must be reachable from the generated class in the same package.
        boolean nameable = checkClass(type, dispatchName, report);
        if (!report.isClean()) {
            List<Operation> operations = new ArrayList<>();
            for (Annotated candidate : annotated) {
                operations.add(operationOf(candidate.annotations().get(0)));
            }
            return new Validation.Checked(model(type, List.of(), nameable, operations), report);
        }
        // P9: a signature that mentions a type not generated yet is looked at again in a later round; so is a class
        // whose type variables are bounded by such a type, since the dispatch class repeats those bounds.
        if (boundsMentionUnresolvedType(type)) {
            Annotated first = annotated.get(0);
            return new Validation.Deferred(new Problem(first.method(), first.annotations().get(0),
                    Messages.UNRESOLVED_TYPE.format(name(first.method()), dispatchName)));
        }
        for (Annotated candidate : annotated) {
            if (mentionsUnresolvedType(candidate.method())) {
                return new Validation.Deferred(new Problem(candidate.method(), candidate.annotations().get(0),
                        Messages.UNRESOLVED_TYPE.format(name(candidate.method()), dispatchName)));
            }
        }

        List<Handler> handlers = new ArrayList<>();
        List<Operation> broken = new ArrayList<>();
        Set<String> inaccessibleReported = new HashSet<>();
        for (Annotated candidate : annotated) {
            Optional<Handler> handler = checkMethod(candidate, dispatchName, type, report)
                    ? shape(candidate, report, inaccessibleReported, dispatchName, type, annotated.indexOf(candidate))
                    : Optional.empty();
            if (handler.isPresent()) {
                handlers.add(handler.get());
            } else {
                broken.add(operationOf(candidate.annotations().get(0)));
            }
        }
        checkDuplicates(handlers, report);
        if (report.isClean()) {
            // after the other checks only: an accept handler with a mistake of its own must not make a second error
            checkListensHaveAccepts(handlers, report);
        }
        handlers.sort(Comparator.comparing(Handler::operation)
                .thenComparing(handler -> TypeNames.canonical(handler.context()))
                .thenComparing(Handler::methodName));
        return new Validation.Checked(model(type, handlers, true, broken), report);
    }

    private HandlerClass model(TypeElement type, List<Handler> handlers, boolean nameable, List<Operation> broken) {
        List<TypeMirror> typeVariables = new ArrayList<>();
        for (TypeParameterElement parameter : type.getTypeParameters()) {
            typeVariables.add(parameter.asType());
        }
        return new HandlerClass(
                packageOf(type).getQualifiedName().toString(),
                simpleNames(type),
                type.getQualifiedName().toString(),
                type.getModifiers().contains(Modifier.PUBLIC),
                List.copyOf(typeVariables),
                List.copyOf(handlers),
                isFunctionalInterface(type.asType()),
                nameable,
                List.copyOf(broken));
    }

    private static List<Annotated> annotatedMethods(TypeElement type) {
        List<Annotated> result = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            List<AnnotationMirror> mirrors = new ArrayList<>();
            for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
                if (operationOf(mirror) != null) {
                    mirrors.add(mirror);
                }
            }
            if (!mirrors.isEmpty()) {
                result.add(new Annotated(method, List.copyOf(mirrors)));
            }
        }
        return result;
    }

    private static Operation operationOf(AnnotationMirror mirror) {
        TypeElement annotationType = (TypeElement) mirror.getAnnotationType().asElement();
        return Operation.forAnnotation(annotationType.getQualifiedName().toString());
    }

    /**
     * P2: non-private at every level, and not an inner class itself (a static class may sit inside an inner class
     * since Java 16: it needs no outer instance).
     */
    private static boolean checkClass(TypeElement type, String dispatchName, ValidationReport report) {
        for (Element level = type; level instanceof TypeElement; level = level.getEnclosingElement()) {
            TypeElement levelType = (TypeElement) level;
            if (levelType.getModifiers().contains(Modifier.PRIVATE)) {
                report.add(type, null, Messages.PRIVATE_CLASS.format(levelType.getQualifiedName(), dispatchName));
                return false;
            }
        }
        if (type.getNestingKind() == NestingKind.MEMBER
                && type.getKind() == ElementKind.CLASS
                && !type.getModifiers().contains(Modifier.STATIC)) {
            report.add(type, null, Messages.INNER_CLASS.format(type.getQualifiedName(), dispatchName));
            return false; // nameable, but only with an outer instance the stand-in does not have
        }
        return true;
    }

    private static boolean boundsMentionUnresolvedType(TypeElement type) {
        for (Element level = type; level instanceof TypeElement; level = level.getEnclosingElement()) {
            for (TypeParameterElement parameter : ((TypeElement) level).getTypeParameters()) {
                for (TypeMirror bound : parameter.getBounds()) {
                    if (TypeNames.isUnresolved(bound)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean mentionsUnresolvedType(ExecutableElement method) {
        if (TypeNames.isUnresolved(method.getReturnType())) {
            return true;
        }
        for (VariableElement parameter : method.getParameters()) {
            if (TypeNames.isUnresolved(parameter.asType())) {
                return true;
            }
        }
        return false;
    }

    /**
     * P7: one annotation per method; P2: not private, not static, no type variables of its own, and no checked
     * exception (the routine that calls it cannot throw one). Whether the method passed.
     */
    private boolean checkMethod(Annotated candidate, String dispatchName, TypeElement type, ValidationReport report) {
        ExecutableElement method = candidate.method();
        List<AnnotationMirror> annotations = candidate.annotations();
        if (annotations.size() > 1) {
            return reject(report, method, annotations.get(1), Messages.MULTIPLE_ANNOTATIONS.format(name(method),
                    operationOf(annotations.get(0)).simpleName(), operationOf(annotations.get(1)).simpleName()));
        }
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            return reject(report, method, annotations.get(0),
                    Messages.PRIVATE_HANDLER.format(name(method), dispatchName));
        }
        if (method.getModifiers().contains(Modifier.STATIC)) {
            return reject(report, method, annotations.get(0),
                    Messages.STATIC_HANDLER.format(name(method), dispatchName));
        }
        // an option handler's own type variable is its value's type: the shape check decides whether it fits
        if (!method.getTypeParameters().isEmpty() && operationOf(annotations.get(0)) != Operation.OPTION) {
            return reject(report, method, annotations.get(0), Messages.GENERIC_HANDLER.format(name(method),
                    type.getQualifiedName()));
        }
        for (TypeMirror thrown : method.getThrownTypes()) {
            if (!isUnchecked(types.erasure(thrown))) {
                return reject(report, method, annotations.get(0),
                        Messages.CHECKED_EXCEPTION.format(name(method), TypeNames.display(thrown)));
            }
        }
        return true;
    }

    private static boolean reject(ValidationReport report, Element element, AnnotationMirror annotation,
            Messages.Message message) {
        report.add(element, annotation, message);
        return false;
    }

    private static boolean isUnchecked(TypeMirror thrown) {
        TypeMirror level = thrown;
        while (level.getKind() == TypeKind.DECLARED) {
            TypeElement element = (TypeElement) ((DeclaredType) level).asElement();
            String name = element.getQualifiedName().toString();
            if (name.equals("java.lang.RuntimeException") || name.equals("java.lang.Error")) {
                return true;
            }
            level = element.getSuperclass();
        }
        return false;
    }

    /** P3, P4: the parameters and return type fit one shape of the operation; the context is a reference type. */
    private Optional<Handler> shape(Annotated candidate, ValidationReport report, Set<String> inaccessibleReported,
            String dispatchName, TypeElement type, int index) {
        PackageElement home = packageOf(type);
        ExecutableElement method = candidate.method();
        AnnotationMirror annotation = candidate.annotations().get(0);
        Operation operation = operationOf(annotation);
        List<TypeMirror> parameters = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            parameters.add(parameter.asType());
        }
        TypeMirror returned = method.getReturnType();
        Signature signature = operation.signatureFor(parameters, method.getTypeParameters());
        if (signature == null) {
            report.add(method, annotation, Messages.WRONG_PARAMETERS.format(operation.simpleName(), name(method),
                    TypeNames.display(parameters), operation.expectedShapes(method.getSimpleName().toString()),
                    operation.shapesAdvice()));
            return Optional.empty();
        }
        TypeMirror context = parameters.get(parameters.size() - 1);
        boolean ownVariables = !method.getTypeParameters().isEmpty();
        if (ownVariables && (!signature.generic() || mentionsOwnVariable(context, method))) {
            // a faithful option handler, or a context typed by the value's variable, has nothing to bind it to
            report.add(method, annotation, Messages.GENERIC_HANDLER.format(name(method), type.getQualifiedName()));
            return Optional.empty();
        }
        if (context.getKind().isPrimitive()) {
            report.add(method, annotation, Messages.PRIMITIVE_CONTEXT.format(name(method),
                    context, types.boxedClass((javax.lang.model.type.PrimitiveType) context).getSimpleName()));
            return Optional.empty();
        }
        if (!signature.returns().accepts(returned)) {
            report.add(method, annotation, Messages.WRONG_RETURN_TYPE.format(operation.simpleName(),
                    signature.taking(), TypeNames.display(returned), signature.returns().required(),
                    signature.returnHint()));
            return Optional.empty();
        }
        TypeMirror accepted = operation == Operation.ACCEPT_EVENT ? returned : null;
        for (TypeMirror used : accepted == null ? List.of(context) : List.of(context, accepted)) {
            Inaccessible part = inaccessiblePart(used, home);
            if (part != null) {
                // one mistake, one error: the type is what to fix, however many handlers use it
                if (inaccessibleReported.add(part.name())) {
                    report.add(method, annotation, Messages.INACCESSIBLE_CONTEXT.format(name(method),
                            TypeNames.display(used), part.name(), part.modifier(), dispatchName, part.name()));
                }
                return Optional.empty();
            }
        }
        List<TypeMirror> erased = new ArrayList<>();
        for (TypeMirror parameter : parameters) {
            erased.add(types.erasure(parameter));
        }
        boolean deprecated = elements.isDeprecated(method) || mentionsDeprecated(context)
                || (accepted != null && mentionsDeprecated(accepted));
        return Optional.of(new Handler(operation, signature.shape(), method.getSimpleName().toString(),
                List.copyOf(erased), context, accepted, method, annotation, deprecated, isFunctionalInterface(context),
                index, sharesName(method, type, operation, signature.shape())));
    }

    /**
     * P6: one handler per operation and context type. (Context types that differ but erase alike are the planner's
     * to find: only it knows which start methods they share.)
     */
    private void checkDuplicates(List<Handler> handlers, ValidationReport report) {
        for (int later = 0; later < handlers.size(); later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                Handler first = handlers.get(earlier);
                Handler second = handlers.get(later);
                if (first.operation() == second.operation() && types.isSameType(first.context(), second.context())) {
                    report.add(second.method(), second.annotation(),
                            Messages.DUPLICATE_HANDLER.format(name(first.method()), name(second.method()),
                                    second.operation().simpleName(), TypeNames.display(second.context())));
                    break;
                }
            }
        }
    }

    /** P5: a listen completes into the listening socket of an accept handler, so it needs one for its context. */
    private void checkListensHaveAccepts(List<Handler> handlers, ValidationReport report) {
        for (Handler listen : handlers) {
            if (listen.operation() != Operation.LISTEN) {
                continue;
            }
            boolean accepted = handlers.stream().anyMatch(handler -> handler.operation() == Operation.ACCEPT_EVENT
                    && types.isSameType(handler.context(), listen.context()));
            if (!accepted) {
                String context = TypeNames.display(listen.context());
                report.add(listen.method(), listen.annotation(), Messages.LISTEN_WITHOUT_ACCEPT.format(
                        name(listen.method()), context, context, context));
            }
        }
    }

    private static String levelTypeName(TypeElement type) {
        String name = type.getSimpleName().toString();
        for (Element level = type.getEnclosingElement(); level instanceof TypeElement;
                level = level.getEnclosingElement()) {
            name = level.getSimpleName() + "." + name;
        }
        return name;
    }

    /** A type the generated class cannot name, and why. */
    private record Inaccessible(String name, String modifier) {}

    /**
     * The first part of {@code type} that the generated class, a top-level class in {@code home}, could not name;
     * null if it can name them all.
     */
    private static Inaccessible inaccessiblePart(TypeMirror type, PackageElement home) {
        switch (type.getKind()) {
            case DECLARED: {
                for (Element level = ((DeclaredType) type).asElement(); level instanceof TypeElement;
                        level = level.getEnclosingElement()) {
                    TypeElement levelType = (TypeElement) level;
                    boolean otherPackage = !packageOf(levelType).getQualifiedName().contentEquals(
                            home.getQualifiedName());
                    if (levelType.getModifiers().contains(Modifier.PRIVATE)) {
                        return new Inaccessible(levelTypeName(levelType), "private");
                    }
                    if (otherPackage && levelType.getModifiers().contains(Modifier.PROTECTED)) {
                        return new Inaccessible(levelTypeName(levelType), "protected");
                    }
                }
                for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
                    Inaccessible part = inaccessiblePart(argument, home);
                    if (part != null) {
                        return part;
                    }
                }
                return null;
            }
            case ARRAY:
                return inaccessiblePart(((ArrayType) type).getComponentType(), home);
            case WILDCARD: {
                WildcardType wildcard = (WildcardType) type;
                TypeMirror bound = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound()
                        : wildcard.getSuperBound();
                return bound == null ? null : inaccessiblePart(bound, home);
            }
            default:
                return null;
        }
    }

    private static boolean mentionsOwnVariable(TypeMirror type, ExecutableElement method) {
        switch (type.getKind()) {
            case TYPEVAR:
                return method.getTypeParameters().contains(((javax.lang.model.type.TypeVariable) type).asElement());
            case DECLARED:
                return ((DeclaredType) type).getTypeArguments().stream()
                        .anyMatch(argument -> mentionsOwnVariable(argument, method));
            case ARRAY:
                return mentionsOwnVariable(((ArrayType) type).getComponentType(), method);
            case WILDCARD: {
                WildcardType wildcard = (WildcardType) type;
                TypeMirror bound = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound()
                        : wildcard.getSuperBound();
                return bound != null && mentionsOwnVariable(bound, method);
            }
            default:
                return false;
        }
    }

    private boolean mentionsDeprecated(TypeMirror type) {
        switch (type.getKind()) {
            case DECLARED: {
                for (Element level = ((DeclaredType) type).asElement(); level instanceof TypeElement;
                        level = level.getEnclosingElement()) {
                    if (elements.isDeprecated(level)) {
                        return true;
                    }
                }
                return ((DeclaredType) type).getTypeArguments().stream().anyMatch(this::mentionsDeprecated);
            }
            case ARRAY:
                return mentionsDeprecated(((ArrayType) type).getComponentType());
            case WILDCARD: {
                WildcardType wildcard = (WildcardType) type;
                TypeMirror bound = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound()
                        : wildcard.getSuperBound();
                return bound != null && mentionsDeprecated(bound);
            }
            default:
                return false;
        }
    }

    /**
     * Whether another method of the class, its own or inherited, has the name of this simple send, sendTo, receive or
     * disconnect handler and a parameter count that fits the other of the pool's two start methods (for a status, for
     * a byte count or a disconnect mode): then {@code Handlers::sent} would fit both, and the glue needs a lambda
     * instead.
     */
    private boolean sharesName(ExecutableElement method, TypeElement type, Operation operation, Shape shape) {
        boolean overloaded = operation == Operation.SEND || operation == Operation.RECEIVE
                || operation == Operation.DISCONNECT || operation == Operation.SEND_TO;
        if (!overloaded || shape == Shape.FAITHFUL) {
            return false; // the pool's other start methods are not overloaded on the handler
        }
        // the other start method's handler takes (H, NtStatus, [long or mode,] C): an instance method one fewer
        int otherArity = shape == Shape.STATUS_BYTES || shape == Shape.STATUS_MODE ? 3 : 4;
        for (ExecutableElement member : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            if (!member.equals(method) && member.getSimpleName().contentEquals(method.getSimpleName())) {
                int parameters = member.getParameters().size();
                boolean isStatic = member.getModifiers().contains(Modifier.STATIC);
                if (member.isVarArgs() || parameters == (isStatic ? otherArity : otherArity - 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An interface with one abstract method besides those of Object: what a lambda may stand for. */
    private boolean isFunctionalInterface(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        if (element.getKind() != ElementKind.INTERFACE) {
            return false;
        }
        int abstractMethods = 0;
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(element))) {
            if (method.getModifiers().contains(Modifier.ABSTRACT) && !isObjectMethod(method)) {
                abstractMethods++;
            }
        }
        return abstractMethods == 1;
    }

    private static boolean isObjectMethod(ExecutableElement method) {
        String name = method.getSimpleName().toString();
        int parameters = method.getParameters().size();
        return (name.equals("equals") && parameters == 1) || (name.equals("hashCode") && parameters == 0)
                || (name.equals("toString") && parameters == 0);
    }

    private static String name(ExecutableElement method) {
        return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName();
    }

    private static List<String> simpleNames(TypeElement type) {
        List<String> names = new ArrayList<>();
        for (Element level = type; level instanceof TypeElement; level = level.getEnclosingElement()) {
            names.add(0, level.getSimpleName().toString());
        }
        return List.copyOf(names);
    }

    private static PackageElement packageOf(Element element) {
        Element level = element;
        while (!(level instanceof PackageElement)) {
            level = level.getEnclosingElement();
        }
        return (PackageElement) level;
    }
}
